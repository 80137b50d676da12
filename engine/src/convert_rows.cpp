// The fact questions' rows (api_ties/4, api_facts/3, api_history/2,
// api_treaties/3, api_members/3, api_backers/3, api_entities/2) as C++
// rows. Read with the raw C interface, as the defenders answer is
// (convert.cpp): each level's references are made once per answer and
// reused for every row, and each text is read in place by term_text, in
// one copy. prolog::text (PL_get_nchars to UTF-8) and a PlTerm made for
// every argument cost ~2,800 instructions a `who backs` line (finding 26).
#include "convert.hpp"

#include "casus/errors.hpp"
#include "term_text.hpp"

namespace casus::convert {

namespace {

class Rows {
public:
    // arity: the most arguments a row (or a row's inner list item) has.
    explicit Rows(int arity) : arity_(arity), row_(PL_new_term_refs(arity)), at_(PL_new_term_refs(2)) {}

    // item(args) for each row of the list l, args holding its first
    // `arity` arguments (a row with fewer is a shape the kb never gives).
    // A tail that is no list ends it, as prolog::list_items did.
    template <class Item>
    void each(term_t l, int arity, Item&& item) {
        term_t head = at_, tail = at_ + 1;
        need(arity <= arity_ && PL_put_term(tail, l));
        while (PL_get_list(tail, head, tail)) {
            for (int i = 0; i < arity; ++i) need(PL_get_arg(i + 1, head, row_ + i));
            item(row_);
        }
    }

    static std::string text(term_t t) { return term_text(t); }
    static long integer(term_t t) { return prolog::integer_of(PlTerm_term_t(t)); }
    static std::optional<Date> date(term_t t) { return Date::from_int(integer(t)); }

private:
    static void need(bool ok) {
        if (!ok) throw PrologError("unexpected result shape from the kb");
    }
    int arity_;
    term_t row_, at_;
};

}  // namespace

std::vector<FactRow> fact_rows(const PlTerm& items) {
    std::vector<FactRow> out;
    Rows rows(7);
    rows.each(items.C_, 7, [&](term_t a) {
        out.push_back(FactRow{Rows::text(a), Rows::text(a + 2), Rows::text(a + 3), Rows::text(a + 4),
                              Rows::date(a + 5), Rows::date(a + 6), {}});
    });
    return out;
}

std::vector<FactRow> history_rows(const PlTerm& items) {
    std::vector<FactRow> out;
    Rows rows(5);
    rows.each(items.C_, 5, [&](term_t a) {
        FactRow r;
        r.from = Rows::date(a);
        r.to = Rows::date(a + 1);
        r.fact = Rows::text(a + 2);
        r.kind = r.fact.substr(0, r.fact.find('('));
        r.recorded = Rows::text(a + 3);
        r.source = Rows::text(a + 4);
        out.push_back(std::move(r));
    });
    return out;
}

std::vector<TreatyRow> treaty_rows(const PlTerm& items) {
    std::vector<TreatyRow> out;
    Rows rows(6), clauses(3);
    rows.each(items.C_, 6, [&](term_t a) {
        TreatyRow r{Rows::text(a), Rows::text(a + 1), Rows::text(a + 3), Rows::date(a + 5), {}};
        clauses.each(a + 2, 3, [&](term_t c) {
            r.clauses.push_back(ClauseRow{Rows::text(c), Rows::text(c + 1), Rows::text(c + 2)});
        });
        out.push_back(std::move(r));
    });
    return out;
}

std::vector<MemberRow> member_rows(const PlTerm& items) {
    std::vector<MemberRow> out;
    Rows rows(6);
    rows.each(items.C_, 6, [&](term_t a) {
        out.push_back(MemberRow{Rows::text(a), Rows::text(a + 1), Rows::text(a + 5), static_cast<int>(Rows::integer(a + 2)),
                                Rows::date(a + 3), Rows::date(a + 4)});
    });
    return out;
}

std::vector<BackerRow> backer_rows(const PlTerm& items) {
    std::vector<BackerRow> out;
    Rows rows(7);
    rows.each(items.C_, 7, [&](term_t a) {
        out.push_back(BackerRow{Rows::text(a), Rows::text(a + 1), Rows::text(a + 2), Rows::text(a + 3),
                                Rows::text(a + 4), Rows::text(a + 5), Rows::date(a + 6)});
    });
    return out;
}

std::vector<EntityRow> entity_rows(const PlTerm& items) {
    std::vector<EntityRow> out;
    Rows rows(3);
    rows.each(items.C_, 3, [&](term_t a) { out.push_back(EntityRow{Rows::text(a), Rows::text(a + 1), Rows::text(a + 2)}); });
    return out;
}

}  // namespace casus::convert
