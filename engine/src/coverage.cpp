#include "coverage.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"

#include <type_traits>

namespace casus::coverage {

namespace {

// store:generation/1, called directly: it reads one clause and can
// neither loop nor run user code, so it needs none of prolog::call's
// limits. Nothing when the kb has no such predicate.
std::optional<long> generation() {
    prolog::Frame frame;
    static predicate_t pred = PL_predicate("generation", 1, "store");
    term_t g = PL_new_term_ref();
    if (!PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION, pred, g)) {
        PL_clear_exception();
        return std::nullopt;
    }
    int64_t v = 0;
    if (!PL_get_int64(g, &v)) return std::nullopt;
    return static_cast<long>(v);
}

// The kb's sources, each with its end and not yet `beyond`.
Coverage kb_sources() {
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
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

Coverage Cache::of(const Date& as_of, bool user_facts) {
    const std::optional<long> now = generation();
    if (!now || now != generation_) {
        sources_ = kb_sources();
        generation_ = now;
    }
    Coverage out = sources_;
    for (auto& c : out) c.beyond = c.ends && *c.ends < as_of;
    // No end, so never `beyond`: listed for what the answer rests on.
    if (user_facts) out.push_back({"user", "your facts", std::nullopt, false});
    return out;
}

void Cache::fill(Result& result, bool user_facts) {
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
