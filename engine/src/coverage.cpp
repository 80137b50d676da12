#include "coverage.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"
#include "term_text.hpp"

#include <type_traits>

namespace casus::coverage {

namespace {

// api:api_coverage/1 called directly, not through prolog::call: it reads
// a handful of kb clauses (three sources, the first treaties) and reaches
// no user code, and prolog::call's limits and snapshot were ~33,000 of its
// ~38,000 instructions a question (finding 28). Should it fail or throw
// anyway (a limit's signal, a resource error), it is asked again through
// prolog::call, which reports that as every call does; it changes
// nothing, so asking twice is safe.
term_t kb_sources() {
    static predicate_t pred = PL_predicate("api_coverage", 1, "api");
    term_t sources = PL_new_term_ref();
    if (PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION, pred, sources)) return sources;
    PL_clear_exception();
    PlTerm_var again;
    if (!prolog::call("api", prolog::compound("api_coverage", {again})))
        throw PrologError("the kb predicate api_coverage failed where it must succeed");
    return again.C_;
}

}  // namespace

Coverage of(const Date& as_of, bool user_facts) {
    prolog::Frame frame;
    const term_t list = kb_sources();
    term_t head = PL_new_term_ref(), tail = PL_copy_term_ref(list), a = PL_new_term_refs(3);
    Coverage out;
    while (PL_get_list(tail, head, tail)) {
        for (int i = 0; i < 3; ++i)
            if (!PL_get_arg(i + 1, head, a + i)) throw PrologError("unexpected result shape from the kb");
        CoverageSource c;
        c.source = term_text(a);
        c.name = term_text(a + 1);
        if (PL_is_integer(a + 2)) {
            c.ends = Date::from_int(prolog::integer_of(PlTerm_term_t(a + 2)));
            if (!c.ends) throw PrologError("api_coverage gave " + c.source + " an end that is no date");
            c.beyond = *c.ends < as_of;
        }
        out.push_back(std::move(c));
    }
    // No end, so never `beyond`: listed for what the answer rests on.
    if (user_facts) out.push_back({"user", "your facts", std::nullopt, false});
    return out;
}

void fill(Result& result, bool user_facts) {
    std::visit(
        [&](auto& r) {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, DefendersResult> || std::is_same_v<R, MatrixResult> ||
                          std::is_same_v<R, FactsResult> || std::is_same_v<R, TreatiesResult> ||
                          std::is_same_v<R, MembersResult> || std::is_same_v<R, BackersResult>)
                r.coverage = of(r.as_of, user_facts || r.hypothetical);
        },
        result);
}

}  // namespace casus::coverage
