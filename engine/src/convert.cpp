#include "convert.hpp"

#include "casus/errors.hpp"
#include "term_text.hpp"

#include <cmath>

namespace casus {

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::likely: return "likely";
        case Verdict::uncertain: return "uncertain";
        case Verdict::unlikely: return "unlikely";
    }
    return "uncertain";
}

const char* to_string(DefendersResult::Kind k) {
    switch (k) {
        case DefendersResult::Kind::defenders: return "defenders";
        case DefendersResult::Kind::obligations: return "obligations";
        case DefendersResult::Kind::would: return "would";
        case DefendersResult::Kind::why: return "why";
    }
    return "defenders";
}

const char* to_string(FactsResult::Kind k) {
    switch (k) {
        case FactsResult::Kind::ties: return "ties";
        case FactsResult::Kind::facts: return "facts";
        case FactsResult::Kind::history: return "history";
    }
    return "facts";
}

const char* to_string(ChangeResult::Action a) {
    switch (a) {
        case ChangeResult::Action::added: return "added";
        case ChangeResult::Action::ended: return "ended";
        case ChangeResult::Action::withdrawn: return "withdrawn";
        case ChangeResult::Action::defined: return "defined";
    }
    return "added";
}

namespace convert {

using prolog::integer_of;
using prolog::number_of;

namespace {

// Reads a defenders answer (api_defenders/4, api_would/5: answer/9 terms
// holding basis/6, factor/5 and leaf/4 terms; ~130 leaves a question)
// with the raw C interface. Each level of the term has its references,
// made once per answer list and reused for every item, where PlTerm
// wrappers made two or three new ones per argument read; each text is
// read in place and copied once, into the string the result keeps; each
// vector is reserved to its list's length.
class AnswerReader {
public:
    AnswerReader() : answer_(PL_new_term_refs(9)), basis_(PL_new_term_refs(6)), factor_(PL_new_term_refs(5)),
                     leaf_(PL_new_term_refs(4)), lists_(PL_new_term_refs(8)) {}

    Assessment assessment(term_t a) {
        args(a, answer_, 9);
        Assessment out;
        out.state = text(answer_);
        out.name = text(answer_ + 1);
        out.cow = static_cast<int>(integer(answer_ + 2));
        out.obligated = text(answer_ + 3) == "true";
        each(answer_ + 4, lists_, [&](std::size_t n) { out.basis.reserve(n); },
             [&](term_t b) { out.basis.push_back(basis(b)); });
        out.verdict = verdict_of(text(answer_ + 5));
        out.score = std::round(number(answer_ + 6) * 100) / 100;
        out.probability = number(answer_ + 8);
        each(answer_ + 7, lists_, [&](std::size_t n) { out.factors.reserve(n); },
             [&](term_t f) { out.factors.push_back(factor(f)); });
        return out;
    }

    std::vector<Assessment> assessments(term_t l) {
        std::vector<Assessment> out;
        term_t refs = PL_new_term_refs(2);
        each(l, refs, [&](std::size_t n) { out.reserve(n); }, [&](term_t a) { out.push_back(assessment(a)); });
        return out;
    }

private:
    // answer_, basis_, factor_, leaf_: the arguments of the term read at
    // that level; lists_: a head and a tail for each list level (bases,
    // factors, a basis's notes and leaves, a factor's leaves).
    term_t answer_, basis_, factor_, leaf_, lists_;

    static void need(bool ok) {
        if (!ok) throw PrologError("unexpected result shape from the kb");
    }
    static void args(term_t t, term_t into, int arity) {
        for (int i = 0; i < arity; ++i) need(PL_get_arg(i + 1, t, into + i));
    }
    // reserve(length), then item(term) for each item of the proper list l;
    // at: two references, the list's head and tail.
    template <class Reserve, class Item>
    static void each(term_t l, term_t at, Reserve&& reserve, Item&& item) {
        size_t n = 0;
        need(PL_skip_list(l, 0, &n) == PL_LIST);
        reserve(n);
        term_t head = at, tail = at + 1;
        need(PL_put_term(tail, l));
        while (PL_get_list(tail, head, tail)) item(head);
    }
    static long integer(term_t t) { return integer_of(PlTerm_term_t(t)); }
    static double number(term_t t) { return number_of(PlTerm_term_t(t)); }

    static std::string text(term_t t) { return term_text(t); }

    static Verdict verdict_of(const std::string& v) {
        if (v == "likely") return Verdict::likely;
        if (v == "unlikely") return Verdict::unlikely;
        return Verdict::uncertain;
    }

    // A list of leaf/4 terms; at: its head and tail references.
    std::vector<Evidence> evidence(term_t l, term_t at) {
        std::vector<Evidence> out;
        each(l, at, [&](std::size_t n) { out.reserve(n); }, [&](term_t leaf) {
            args(leaf, leaf_, 4);
            out.push_back(Evidence{text(leaf_), text(leaf_ + 1), text(leaf_ + 2), Date::from_int(integer(leaf_ + 3))});
        });
        return out;
    }

    Basis basis(term_t b) {
        args(b, basis_, 6);
        Basis out{text(basis_), text(basis_ + 1), text(basis_ + 2), text(basis_ + 3), {}, {}};
        each(basis_ + 4, lists_ + 2, [&](std::size_t n) { out.notes.reserve(n); },
             [&](term_t note) { out.notes.push_back(text(note)); });
        out.evidence = evidence(basis_ + 5, lists_ + 4);
        return out;
    }

    Factor factor(term_t f) {
        args(f, factor_, 5);
        return Factor{text(factor_), number(factor_ + 1), text(factor_ + 2), evidence(factor_ + 3, lists_ + 6),
                      integer(factor_ + 4)};
    }
};

}  // namespace

Assessment assessment(const PlTerm& a) { return AnswerReader().assessment(a.C_); }

std::vector<Assessment> assessments(const PlTerm& l) { return AnswerReader().assessments(l.C_); }

}  // namespace convert
}  // namespace casus
