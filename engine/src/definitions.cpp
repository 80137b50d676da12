// Define statements and the place of an attack: the engine side. A
// definition is resolved by define.cpp; here it is stored, journaled and
// made durable, and a question's `in PLACE` is resolved.
#include "engine_impl.hpp"

#include "utc_now.hpp"

#include <string>
#include <vector>

namespace casus {

// The entities of a definition are stored, then journaled as `define`
// records in the open batch: group commit makes them durable with the
// statements around them (commit() takes them out of memory again if the
// batch cannot be written), one commit each otherwise. A definition the
// kb refuses is taken out whole: it writes nothing.
Result Engine::Impl::run_node(const ParsedStatement& ps, const ast::Define& d) {
    const define::Plan plan = define::plan(ps, d, define_context(ps));
    ChangeResult out{ChangeResult::Action::defined, plan.text, plan.date, plan.source, 0};
    if (options.dry_run) return out;
    if (journal && journal->read_only())
        throw StorageError("cannot define: the data directory is read-only in this session (" +
                           journal->read_only_reason() + ")");
    apply_queue();  // the adds queued before it are journaled first, in statement order
    const std::string recorded = utc_now();
    std::vector<JournalRecord> records;
    std::vector<GroundFact> added;
    try {
        for (auto& e : plan.entities) {
            prolog::Frame frame;
            GroundFact f{e.kind, e.args};
            try {
                must_call(prolog::compound("api_define_new", {entity_term(f)}));
            } catch (const ValidationError& err) {  // the kb's refusal, shown at the new id
                throw ValidationError(std::string(err.what()) + " (nothing was defined)", plan.offset, plan.length);
            }
            added.push_back(f);
            records.push_back(record("define", f, 0, "defined by the user", recorded));
            std::string scratch;
            Journal::encode_into(scratch, records.back());  // what the journal would refuse, refused before any is buffered
        }
    } catch (...) {
        for (auto it = added.rbegin(); it != added.rend(); ++it) {
            prolog::Frame frame;
            must_call(prolog::compound("api_undo_define", {entity_term(*it)}));
        }
        throw;
    }
    if (journal) {
        for (auto& r : records) journal->append(r);
        pending_defines.insert(pending_defines.end(), added.begin(), added.end());
    }
    // The new names answer at once: those of the new entity, from the
    // kb's own name table (api_names_of/2), not every name read again
    // (13 ms a definition on the default kb).
    if (plan.kind != "clause") {
        prolog::Frame frame;
        PlTerm_var out;
        must_call(prolog::compound("api_names_of", {prolog::atom(plan.id), out}));
        for (auto& n : prolog::list_items(out))
            names.add(prolog::text(prolog::arg(n, 1)), prolog::text(prolog::arg(n, 2)), prolog::text(prolog::arg(n, 3)));
    }
    out.count = 1;
    if (journal && !group_commit) commit();
    return out;
}

define::Context Engine::Impl::define_context(const ParsedStatement& ps) {
    define::Context ctx;
    ctx.resolve = [this, &ps](const ast::Name& n, const std::string& type) {
        return type == "state" ? resolve_state(ps, n, Date::today()) : resolve(ps, n, type);
    };
    ctx.date = [this, &ps](const ast::Date& d) { return date_of(ps, d); };
    ctx.taken = [this](const std::string& id) -> std::optional<std::string> {
        for (auto& e : names.entries())
            if (e.id == id) return e.type;
        return std::nullopt;
    };
    prolog::Frame frame;
    PlTerm_var regions;
    must_call(prolog::compound("api_regions", {regions}));
    for (auto& r : prolog::list_items(regions)) ctx.regions.push_back(prolog::text(prolog::arg(r, 1)));
    return ctx;
}

// Where an attack falls: a state (its own territory), a territory or an
// issue (a disputed territory), by any of their names.
std::string Engine::Impl::resolve_place(const ParsedStatement& ps, const ast::Name& n) {
    for (auto t : {"state", "territory", "issue"})
        if (auto id = names.find(n.text, t)) return *id;
    auto [b, e] = ps.span_of(n);
    std::string msg = "unknown place '" + n.text + "': a place is a state, a territory or an issue";
    for (auto t : {"issue", "territory", "state"})
        if (auto s = names.suggest(n.text, t)) {
            msg += "; did you mean '" + *s + "'?";
            break;
        }
    msg += " (list territories, list issues)";
    throw NameError(msg, b, e > b ? e - b : n.text.size());
}

}  // namespace casus
