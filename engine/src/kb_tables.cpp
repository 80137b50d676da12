// The tables the engine reads from the kb at start (and after an
// import): names, dated state names, state spells, schema and types.
#include "engine_impl.hpp"

#include "kb_names.hpp"
#include "name_file.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

namespace casus {

// At start from a saved state (state_identity not empty) the names come
// from the table the build wrote beside it when it describes the kb as
// it stands (name_file.hpp), else from the kb: the same rows either way.
void Engine::Impl::load_names(const std::string& state_identity) {
    std::optional<kb_names::Tables> from_file;
    if (!state_identity.empty()) {
        std::string problem;
        from_file = name_file::read(options.kb_dir / name_file::file_name, state_identity, kb_names::census(), problem);
        if (!problem.empty()) report.messages.push_back(problem);
    }
    const kb_names::Tables t = from_file ? std::move(*from_file) : kb_names::read_kb();
    names.clear();
    state_spells.clear();
    for (auto& s : t.state_spells) state_spells[s.id].emplace_back(s.from, s.to);
    names.reserve(t.names.size() + t.dated.size());
    for (auto& n : t.names) names.add(n.text, n.id, n.type);
    load_dated_names(t.dated);  // after the kb's own names: a state is shown by its own name, not "USSR"
    load_name_spells(t.name_spells);
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
void Engine::Impl::load_name_spells(const std::vector<kb_names::NameSpell>& spells) {
    name_spells.clear();
    for (auto& s : spells) name_spells[s.id].push_back({s.from, s.to, s.name});
}

// A name that named one state at all times is an ordinary alias
// (completion, "did you mean"); one that named several is resolved by
// the question's date (resolve_state).
void Engine::Impl::load_dated_names(const std::vector<kb_names::DatedName>& rows_in) {
    dated_names.clear();
    std::map<std::string, std::string> text_of;
    for (auto& d : rows_in) {
        std::string key = NameTable::normalize(d.text);
        dated_names[key].push_back({d.id, static_cast<int>(d.from_year), static_cast<int>(d.to_year)});
        text_of.emplace(key, d.text);
    }
    for (auto& [key, rows] : dated_names) {
        bool one = std::all_of(rows.begin(), rows.end(), [&](const DatedName& r) { return r.id == rows[0].id; });
        if (one) names.add(text_of[key], rows[0].id, "state");
        else names.add_spelling(text_of[key]);  // read whole by the parser too
    }
}

}  // namespace casus
