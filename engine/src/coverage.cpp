#include "coverage.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"

#include <type_traits>

namespace casus::coverage {

Coverage of(const Date& as_of, bool user_facts) {
    prolog::Frame frame;
    PlTerm_var sources;
    if (!prolog::call("api", prolog::compound("api_coverage", {sources})))
        throw PrologError("the kb predicate api_coverage failed where it must succeed");
    Coverage out;
    for (auto& s : prolog::list_items(sources)) {
        CoverageSource c;
        c.source = prolog::text(prolog::arg(s, 1));
        c.name = prolog::text(prolog::arg(s, 2));
        PlTerm end = prolog::arg(s, 3);
        if (PL_is_integer(end.C_)) {
            c.ends = Date::from_int(prolog::integer_of(end));
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
