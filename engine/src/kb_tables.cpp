// The tables the engine reads from the kb at start (and after an
// import): names, dated state names, state spells, schema and types.
#include "engine_impl.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace casus {

void Engine::Impl::load_names() {
    prolog::Frame frame;
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound("api_names", {out}))) throw KbLoadError("api_names failed");
    names.clear();
    state_spells.clear();
    PlTerm_var spells;
    if (!prolog::call("api", prolog::compound("api_state_spells", {spells}))) throw KbLoadError("api_state_spells failed");
    for (auto& st : prolog::list_items(spells)) {
        auto& v = state_spells[prolog::text(prolog::arg(st, 1))];
        for (auto& sp : prolog::list_items(prolog::arg(st, 2)))
            v.emplace_back(prolog::integer_of(prolog::arg(sp, 1)), prolog::integer_of(prolog::arg(sp, 2)));
    }
    for (auto& n : prolog::list_items(out))
        names.add(prolog::text(prolog::arg(n, 1)), prolog::text(prolog::arg(n, 2)), prolog::text(prolog::arg(n, 3)));
    load_dated_names();  // after the kb's own names: a state is shown by its own name, not "USSR"
    load_name_spells();
    unread_notes.load();
}

void Engine::Impl::load_schema() {
    prolog::Frame frame;
    PlTerm_var kinds_out;
    if (!prolog::call("api", prolog::compound("api_entity_kinds", {kinds_out}))) throw KbLoadError("api_entity_kinds failed");
    for (auto& k : prolog::list_items(kinds_out)) {
        auto& types = entity_kinds[prolog::text(prolog::arg(k, 1))];
        for (auto& t : prolog::list_items(prolog::arg(k, 2))) types.push_back(prolog::text(t));
    }
    PlTerm_var types_out;
    if (!prolog::call("api", prolog::compound("api_types", {types_out}))) throw KbLoadError("api_types failed");
    for (auto& t : prolog::list_items(types_out)) {
        TypeClass& tc = type_classes[prolog::text(prolog::arg(t, 1))];
        PlTerm c = prolog::arg(t, 2);
        std::string name = prolog::text(c);
        if (name == "open") tc.kind = TypeClass::Kind::open;
        else if (name != "entity") {
            tc.kind = TypeClass::Kind::one_of;
            for (auto& v : prolog::list_items(prolog::arg(c, 1))) tc.values.push_back(prolog::text(v));
        }
    }
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound("api_schema", {out}))) throw KbLoadError("api_schema failed");
    kinds.clear();
    for (auto& k : prolog::list_items(out)) {
        FactKind fk{prolog::text(prolog::arg(k, 1)), {}, prolog::text(prolog::arg(k, 3))};
        for (auto& t : prolog::list_items(prolog::arg(k, 2))) fk.arg_types.push_back(prolog::text(t));
        kinds[fk.name] = fk;
    }
}

// The names states bore over time (api_state_names/1): spell(Id, From, To, Name).
void Engine::Impl::load_name_spells() {
    name_spells.clear();
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound("api_state_names", {out}))) throw KbLoadError("api_state_names failed");
    for (auto& s : prolog::list_items(out))
        name_spells[prolog::text(prolog::arg(s, 1))].push_back(
            {prolog::integer_of(prolog::arg(s, 2)), prolog::integer_of(prolog::arg(s, 3)), prolog::text(prolog::arg(s, 4))});
}

// A name that named one state at all times is an ordinary alias
// (completion, "did you mean"); one that named several is resolved by
// the question's date (resolve_state).
void Engine::Impl::load_dated_names() {
    dated_names.clear();
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound("api_dated_names", {out}))) throw KbLoadError("api_dated_names failed");
    std::map<std::string, std::string> text_of;
    for (auto& d : prolog::list_items(out)) {
        std::string text = prolog::text(prolog::arg(d, 1));
        std::string key = NameTable::normalize(text);
        dated_names[key].push_back({prolog::text(prolog::arg(d, 2)), static_cast<int>(prolog::integer_of(prolog::arg(d, 3))),
                                    static_cast<int>(prolog::integer_of(prolog::arg(d, 4)))});
        text_of.emplace(key, text);
    }
    for (auto& [key, rows] : dated_names) {
        bool one = std::all_of(rows.begin(), rows.end(), [&](const DatedName& r) { return r.id == rows[0].id; });
        if (one) names.add(text_of[key], rows[0].id, "state");
        else names.add_spelling(text_of[key]);  // read whole by the parser too
    }
}

}  // namespace casus
