#include "convert.hpp"

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
    }
    return "added";
}

namespace convert {

using prolog::arg;
using prolog::integer_of;
using prolog::list_items;
using prolog::number_of;
using prolog::text;

namespace {

std::optional<Date> date_of(const PlTerm& t) { return Date::from_int(integer_of(t)); }

Evidence evidence(const PlTerm& leaf) {
    return Evidence{text(arg(leaf, 1)), text(arg(leaf, 2)), text(arg(leaf, 3)), date_of(arg(leaf, 4))};
}

std::vector<Evidence> evidence_list(const PlTerm& l) {
    std::vector<Evidence> out;
    for (auto& t : list_items(l)) out.push_back(evidence(t));
    return out;
}

Verdict verdict_of(const std::string& v) {
    if (v == "likely") return Verdict::likely;
    if (v == "unlikely") return Verdict::unlikely;
    return Verdict::uncertain;
}

}  // namespace

Assessment assessment(const PlTerm& a) {
    Assessment out;
    out.state = text(arg(a, 1));
    out.name = text(arg(a, 2));
    out.cow = static_cast<int>(integer_of(arg(a, 3)));
    out.obligated = text(arg(a, 4)) == "true";
    for (auto& b : list_items(arg(a, 5))) {
        Basis basis{text(arg(b, 1)), text(arg(b, 2)), text(arg(b, 3)), text(arg(b, 4)), {}, evidence_list(arg(b, 6))};
        for (auto& n : list_items(arg(b, 5))) basis.notes.push_back(text(n));
        out.basis.push_back(std::move(basis));
    }
    out.verdict = verdict_of(text(arg(a, 6)));
    out.score = std::round(number_of(arg(a, 7)) * 100) / 100;
    out.probability = number_of(arg(a, 9));
    for (auto& f : list_items(arg(a, 8)))
        out.factors.push_back(Factor{text(arg(f, 1)), number_of(arg(f, 2)), text(arg(f, 3)), evidence_list(arg(f, 4)),
                                     integer_of(arg(f, 5))});
    return out;
}

std::vector<Assessment> assessments(const PlTerm& l) {
    std::vector<Assessment> out;
    for (auto& a : list_items(l)) out.push_back(assessment(a));
    return out;
}

std::vector<FactRow> fact_rows(const PlTerm& items) {
    std::vector<FactRow> out;
    for (auto& i : list_items(items))
        out.push_back(FactRow{text(arg(i, 1)), text(arg(i, 3)), text(arg(i, 4)), text(arg(i, 5)),
                              date_of(arg(i, 6)), date_of(arg(i, 7)), {}});
    return out;
}

std::vector<FactRow> history_rows(const PlTerm& items) {
    std::vector<FactRow> out;
    for (auto& i : list_items(items)) {
        FactRow r;
        r.from = date_of(arg(i, 1));
        r.to = date_of(arg(i, 2));
        r.fact = text(arg(i, 3));
        r.kind = r.fact.substr(0, r.fact.find('('));
        r.recorded = text(arg(i, 4));
        r.source = text(arg(i, 5));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<TreatyRow> treaty_rows(const PlTerm& items) {
    std::vector<TreatyRow> out;
    for (auto& i : list_items(items)) {
        TreatyRow r{text(arg(i, 1)), text(arg(i, 2)), text(arg(i, 4)), date_of(arg(i, 6)), {}};
        for (auto& c : list_items(arg(i, 3)))
            r.clauses.push_back(ClauseRow{text(arg(c, 1)), text(arg(c, 2)), text(arg(c, 3))});
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<MemberRow> member_rows(const PlTerm& items) {
    std::vector<MemberRow> out;
    for (auto& i : list_items(items))
        out.push_back(MemberRow{text(arg(i, 1)), text(arg(i, 2)), text(arg(i, 6)),
                                static_cast<int>(integer_of(arg(i, 3))), date_of(arg(i, 4)), date_of(arg(i, 5))});
    return out;
}

std::vector<BackerRow> backer_rows(const PlTerm& items) {
    std::vector<BackerRow> out;
    for (auto& i : list_items(items))
        out.push_back(BackerRow{text(arg(i, 1)), text(arg(i, 2)), text(arg(i, 3)), text(arg(i, 4)),
                                text(arg(i, 5)), text(arg(i, 6)), date_of(arg(i, 7))});
    return out;
}

std::vector<EntityRow> entity_rows(const PlTerm& items) {
    std::vector<EntityRow> out;
    for (auto& i : list_items(items)) out.push_back(EntityRow{text(arg(i, 1)), text(arg(i, 2)), text(arg(i, 3))});
    return out;
}

}  // namespace convert
}  // namespace casus
