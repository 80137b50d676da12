#include "coverage.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"
#include "term_text.hpp"

#include <type_traits>

namespace casus::coverage {

namespace {

// A kb predicate of one output argument called directly, not through
// prolog::call: api_coverage/1 and api_coverage_key/1 read a handful of
// kb clauses and reach no user code, so they need none of its limits and
// snapshot. False when it fails or throws (a limit's signal, a resource
// error: the caller asks again through prolog::call, which reports it as
// every call does; they change nothing, so asking twice is safe).
bool call_direct(const char* name, term_t out) {
    predicate_t pred = PL_predicate(name, 1, "api");
    if (PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION, pred, out)) return true;
    PL_clear_exception();
    return false;
}

bool has_coverage_key() {
    prolog::Frame frame;
    PlTerm pi = prolog::compound("/", {prolog::atom("api_coverage_key"), prolog::integer(1)});
    return prolog::call("api", prolog::compound("current_predicate", {pi}));
}

std::optional<std::int64_t> coverage_key() {
    prolog::Frame frame;
    term_t key = PL_new_term_ref();
    std::int64_t v = 0;
    if (!call_direct("api_coverage_key", key) || !PL_get_int64(key, &v)) return std::nullopt;
    return v;
}

// The kb's sources, each with its end, none marked `beyond`.
Coverage kb_sources() {
    prolog::Frame frame;
    term_t list = PL_new_term_ref();
    if (!call_direct("api_coverage", list)) {
        PlTerm_var again;
        if (!prolog::call("api", prolog::compound("api_coverage", {again})))
            throw PrologError("the kb predicate api_coverage failed where it must succeed");
        list = again.C_;
    }
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
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

Coverage Cache::of(const Date& as_of, bool user_facts) {
    if (!has_key_) has_key_ = has_coverage_key();
    const std::optional<std::int64_t> now = *has_key_ ? coverage_key() : std::nullopt;
    if (!now || now != key_ || sources_.empty()) {
        sources_ = kb_sources();
        key_ = now;
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
