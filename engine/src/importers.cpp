// The engine side of the ATOP import (the plan itself is atop_import):
// applies it to memory, journals it as one batch, undoes it on failure.
#include "engine_impl.hpp"

#include "limits.hpp"
#include "utc_now.hpp"

#include <string>
#include <vector>

namespace casus {

// What the kb has already, for the import to meet it.
atop::Known Engine::Impl::import_known() {
    atop::Known known;
    prolog::Frame frame;
    PlTerm_var links;
    must_call(prolog::compound("api_atop_links", {links}));
    for (auto& l : prolog::list_items(links))
        known.linked[static_cast<int>(prolog::integer_of(prolog::arg(l, 1)))] = prolog::text(prolog::arg(l, 2));
    PlTerm_var states_out;
    must_call(prolog::compound("api_list", {prolog::atom("states"), states_out}));
    for (auto& e : prolog::list_items(states_out)) {
        const int cow = static_cast<int>(prolog::integer_of(prolog::arg(e, 3)));
        known.state_by_cow[cow] = prolog::text(prolog::arg(e, 1));
        known.state_name[cow] = prolog::text(prolog::arg(e, 2));  // treaty names show the kb's names
        if (auto s = name_spells.find(known.state_by_cow[cow]); s != name_spells.end())
            for (auto& sp : s->second) known.dated_state_name[cow].push_back({sp.from, sp.to, sp.name});  // of the treaty's year
    }
    PlTerm_var common;
    must_call(prolog::compound("api_atop_names", {common}));
    for (auto& c : prolog::list_items(common))
        known.common_name[prolog::integer_of(prolog::arg(c, 1))] = prolog::text(prolog::arg(c, 2));
    for (auto& n : names.entries()) known.ids.push_back(n.id);
    return known;
}

void Engine::Impl::undo_import(const ImportUndo& undo) {
    for (auto it = undo.spells.rbegin(); it != undo.spells.rend(); ++it) {
        prolog::Frame frame;
        must_call(prolog::compound("api_undo_add", {prolog::integer(it->first), it->second.term()}));
    }
    for (auto it = undo.entities.rbegin(); it != undo.entities.rend(); ++it) {
        prolog::Frame frame;
        must_call(prolog::compound("api_undo_define", {entity_term(*it)}));
    }
}

// Applies the plan to memory, recording what it added in undo, and
// buffers its journal records (nothing else is pending: written only
// by the commit that follows); throws at the first entity that
// clashes with the kb, naming the row it comes from.
void Engine::Impl::apply_import(const atop::Plan& plan, ImportResult& out, ImportUndo& undo) {
    const std::string recorded = utc_now();
    for (auto& e : plan.entities) {
        limits::check();
        prolog::Frame frame;
        GroundFact f{e.kind, e.args};
        std::string status;
        try {
            status = define(f);
        } catch (const Error& err) {
            throw StorageError(e.file + ":" + std::to_string(e.line) + ": " + err.what() +
                               "; nothing was imported (was another version of these files imported before?)");
        }
        if (status != "added") continue;
        undo.entities.push_back(f);
        ++out.entities_added;
        if (journal) journal->append(record("define", f, 0, "ATOP 4.01 import", recorded));
    }
    std::size_t done = 0;
    for (auto& sp : plan.spells) {
        limits::check();
        prolog::Frame frame;
        GroundFact f = sp.kind == "exempt" ? GroundFact{"exempt", {sp.state, sp.treaty, sp.obligation}}
                                           : GroundFact{"party", {sp.state, sp.treaty}};
        std::string st = add_spell(f, sp.from, sp.to, sp.source, recorded);
        if (st == "added") {
            undo.spells.emplace_back(last_added_id, f);
            ++out.spells_added;
            if (journal) journal->append(record("add", f, sp.from, sp.source, recorded, sp.to));
        } else if (st == "present") {
            ++out.spells_present;
        } else {
            out.skipped.push_back({sp.file, sp.line, f.text() + " overlaps a spell already held (" + st + "): row skipped"});
        }
        if (progress && (++done % 64 == 0 || done == plan.spells.size())) progress(done, plan.spells.size());
    }
}

// All or nothing: the files are read and checked whole, the plan is
// applied to memory, and only then written, as one durable batch of
// its own. On any failure (a damaged file, a clash, a full disk, an
// interrupt) what the import put into memory is taken out again and
// nothing of it is journaled: the data directory is as it was.
ImportResult Engine::Impl::import_atop(const std::filesystem::path& dir, const std::filesystem::path& states) {
    if (options.dry_run) throw UsageError("an import is not run in a dry run");
    if (journal && journal->read_only())
        throw StorageError("cannot import: the data directory is read-only in this session (" + journal->read_only_reason() + ")");
    apply_queue();
    limits::Scope limit(options.timeout_seconds, 0, limits::import);  // the whole import, not each call
    // The statements before it in this batch go first, in a batch of
    // their own: a failed import must not take them with it.
    if (journal && journal->pending() > 0) try {
            commit();
        } catch (const StorageError& e) {
            lost_batch = e.what();  // their acknowledgements must fail too
            throw;
        }
    atop::Plan plan = atop::plan(dir, states, import_known());
    ImportResult out = plan.summary;
    ImportUndo undo;
    try {
        apply_import(plan, out, undo);
        if (journal) journal->commit();
    } catch (...) {
        if (journal) journal->discard_pending();
        undo_import(undo);
        throw;
    }
    load_names();
    return out;
}

Result Engine::Impl::run_node(const ParsedStatement&, const ast::Import& i) {
    return import_atop(i.dir, i.states);
}

}  // namespace casus
