#include "kb_names.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"

#include <tuple>

namespace casus::kb_names {

bool Tables::operator==(const Tables& o) const {
    auto name_key = [](const Name& n) { return std::tie(n.text, n.id, n.type); };
    auto spell_key = [](const StateSpell& s) { return std::tie(s.id, s.from, s.to); };
    auto dated_key = [](const DatedName& d) { return std::tie(d.text, d.id, d.from_year, d.to_year); };
    auto name_spell_key = [](const NameSpell& s) { return std::tie(s.id, s.from, s.to, s.name); };
    auto same = [](const auto& a, const auto& b, auto key) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (key(a[i]) != key(b[i])) return false;
        return true;
    };
    return same(names, o.names, name_key) && same(state_spells, o.state_spells, spell_key) &&
           same(dated, o.dated, dated_key) && same(name_spells, o.name_spells, name_spell_key);
}

namespace {

PlTerm call_api(const char* pred) {
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound(pred, {out}))) throw KbLoadError(std::string(pred) + " failed");
    return out;
}

}  // namespace

Tables read_kb() {
    prolog::Frame frame;
    Tables t;
    for (auto& n : prolog::list_items(call_api("api_names")))
        t.names.push_back({prolog::text(prolog::arg(n, 1)), prolog::text(prolog::arg(n, 2)), prolog::text(prolog::arg(n, 3))});
    for (auto& st : prolog::list_items(call_api("api_state_spells"))) {
        const std::string id = prolog::text(prolog::arg(st, 1));
        for (auto& sp : prolog::list_items(prolog::arg(st, 2)))
            t.state_spells.push_back({id, prolog::integer_of(prolog::arg(sp, 1)), prolog::integer_of(prolog::arg(sp, 2))});
    }
    for (auto& d : prolog::list_items(call_api("api_dated_names")))
        t.dated.push_back({prolog::text(prolog::arg(d, 1)), prolog::text(prolog::arg(d, 2)), prolog::integer_of(prolog::arg(d, 3)),
                           prolog::integer_of(prolog::arg(d, 4))});
    for (auto& s : prolog::list_items(call_api("api_state_names")))
        t.name_spells.push_back({prolog::text(prolog::arg(s, 1)), prolog::integer_of(prolog::arg(s, 2)),
                                 prolog::integer_of(prolog::arg(s, 3)), prolog::text(prolog::arg(s, 4))});
    return t;
}

std::string census() {
    // The dynamic tables only: the static ones (the COW spells, the dated
    // names and name spells, the ATOP release) are the saved state's own,
    // which the table names by its identity (name_file.hpp).
    static const struct { const char* module; const char* name; int arity; } tables[] = {
        {"entities", "state", 3},       {"entities", "alias", 2},    {"entities", "organisation", 2},
        {"entities", "treaty", 5},      {"entities", "issue", 2},    {"entities", "event", 5},
        {"entities", "declaration", 3}, {"entities", "threat", 3},   {"entities", "territory", 4},
        {"store", "defined_", 1},
    };
    prolog::Frame frame;
    std::string out;
    for (const auto& t : tables) {
        std::vector<PlTerm> args;
        for (int i = 0; i < t.arity; ++i) args.push_back(PlTerm_var());
        PlTerm_var n;
        PlTerm head = prolog::compound(":", {prolog::atom(t.module), prolog::compound(t.name, args)});
        const bool known = prolog::call("system", prolog::compound("predicate_property",
                                                                   {head, prolog::compound("number_of_clauses", {n})}));
        out += (out.empty() ? "" : " ") + std::string(t.module) + ":" + t.name + "/" + std::to_string(t.arity) + "=" +
               (known ? std::to_string(prolog::integer_of(n)) : std::string("none"));
    }
    return out;
}

}  // namespace casus::kb_names
