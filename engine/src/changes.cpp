// Add and retract statements: their checks (schema, storable text,
// writable directory), the group-commit queue sent to the store in
// batches, its rejections, and the durable commit.
#include "engine_impl.hpp"

#include "journal_format.hpp"
#include "utc_now.hpp"

#include <optional>
#include <string>
#include <vector>

namespace casus {

// Checks the fact against the schema in Prolog (for suppositions,
// whose own errors surface inside api_suppose without a position).
void Engine::Impl::check(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g) {
    at_fact(ps, f, [&] { return prolog::call("api", prolog::compound("api_check", {g.term()})); });
}

// Adds and retracts need the lock. An invalid fact is still reported
// as invalid in a read-only session.
void Engine::Impl::require_writable(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g, const char* verb) {
    if (!journal || !journal->read_only()) return;
    check(ps, f, g);
    throw StorageError(std::string("cannot ") + verb +
                       ": the data directory is read-only in this session (" + journal->read_only_reason() + ")");
}

// What the journal would refuse to write (journal_format.hpp: UTF-8,
// size limits), refused here first so the error points at the place
// in the statement; nothing of the add is stored or written.
void Engine::Impl::check_storable(const ParsedStatement& ps, const ast::Add& a, const GroundFact& g) {
    for (std::size_t i = 0; i < g.args.size() && i < a.fact.args.size(); ++i) {
        try {
            journal_format::check_text(("argument " + std::to_string(i + 1) + " of the fact").c_str(), g.args[i],
                                       journal_format::max_id);
        } catch (const ValidationError& e) {
            auto [b, end] = ps.span_of(a.fact.args[i]);
            throw ValidationError(e.what(), b, end > b ? end - b : 1);
        }
    }
    if (!a.source) return;
    try {
        journal_format::check_text("the source", *a.source, journal_format::max_text);
    } catch (const ValidationError& e) {
        // The source is the bytes between the first quote after the fact and the next (no escapes).
        const std::size_t fact_end = ps.span_of(a.fact).second;
        const std::size_t quote = ps.text.find('"', fact_end);
        if (quote == std::string::npos || ps.text.compare(quote + 1, a.source->size(), *a.source) != 0)
            throw ValidationError(e.what(), fact_end, 1);
        throw ValidationError(e.what(), quote + 1 + e.offset(), 1);
    }
}

Result Engine::Impl::run_node(const ParsedStatement& ps, const ast::Add& a) {
    GroundFact g = ground(ps, a.fact);
    Date from = a.on ? date_of(ps, *a.on) : Date::today();
    static const std::string default_source = "added by the user";
    const std::string& source = a.source ? *a.source : default_source;
    check_storable(ps, a, g);
    if (options.dry_run) {
        check(ps, a.fact, g);
        return ChangeResult{ChangeResult::Action::added, g.text(), from, source, 0};
    }
    require_writable(ps, a.fact, g, "add");
    // No rule reads it yet (an unknown event)? The queued adds may hold what it
    // needs, unless the note reads the entities alone (a priority's threat).
    auto note = unread_notes.note(g.kind, g.args);
    if (note && !queue.empty() && unread_notes.reads_store(g.kind)) {
        apply_queue();
        note = unread_notes.note(g.kind, g.args);
    }
    if (group_commit && journal) {
        auto [b, e] = ps.span_of(a.fact);
        std::size_t ticket = next_ticket++;
        ChangeResult r{ChangeResult::Action::added, g.text(), from, source, 1};
        r.ticket = ticket;
        r.note = note.value_or("");
        if (!queued_source || *queued_source != source) queued_source = std::make_shared<const std::string>(source);
        queue.push_back({ticket, std::move(g), from.as_int(), queued_source, utc_now_shared(), b, e > b ? e - b : 1});
        if (queue.size() >= max_queue) apply_queue();
        return r;
    }
    JournalRecord rec = record("add", g, from.as_int(), source, utc_now());
    // api_add validates the fact itself (schema and overlap) before it stores anything.
    at_fact(ps, a.fact, [&] { return apply("add", g, rec.date, rec.source, rec.recorded); });
    durable(rec);
    ChangeResult r{ChangeResult::Action::added, g.text(), from, source, 1};
    r.note = note.value_or("");
    return r;
}

Result Engine::Impl::run_node(const ParsedStatement& ps, const ast::Retract& r) {
    GroundFact g = ground(ps, r.fact);
    if (options.dry_run) {
        std::optional<Date> on;
        if (r.on) on = date_of(ps, *r.on);
        check(ps, r.fact, g);
        return ChangeResult{r.on ? ChangeResult::Action::ended : ChangeResult::Action::withdrawn, g.text(), on,
                            "retracted by the user", 0};
    }
    require_writable(ps, r.fact, g, "retract");
    std::optional<Date> on;
    if (r.on) on = date_of(ps, *r.on);
    JournalRecord rec = record(r.on ? "end" : "withdraw", g, on ? on->as_int() : 0, "retracted by the user", utc_now());
    // api_end and api_withdraw validate the fact themselves.
    long count = at_fact(ps, r.fact, [&] { return apply(rec.op, g, rec.date, rec.source, rec.recorded); });
    durable(rec);
    return ChangeResult{r.on ? ChangeResult::Action::ended : ChangeResult::Action::withdrawn, g.text(), on,
                        rec.source, count};
}

// An acknowledged change is on disk: commit now unless a batch is open.
void Engine::Impl::durable(const JournalRecord& rec) {
    if (!journal) return;
    try {
        journal->append(rec);
    } catch (const ValidationError&) {
        // Never acknowledged, so never answered from.
        if (rec.op == "add") {
            GroundFact f{rec.fact[0], {rec.fact.begin() + 1, rec.fact.end()}};
            must_call(prolog::compound("api_undo_add", {prolog::integer(last_added_id), f.term()}));
        }
        throw;
    }
    if (rec.op == "add") pending_adds.emplace_back(last_added_id, GroundFact{rec.fact[0], {rec.fact.begin() + 1, rec.fact.end()}});
    if (!group_commit) commit();
}

// Sends the queued adds to the store in one call (api_add_batch/2,
// which checks each as api_add/5 would, in order) and journals the
// ones it took. A refused add becomes a Rejection; an error that is
// not about one fact (a limit) refuses the whole queue, which the
// store has then taken back out.
void Engine::Impl::apply_queue() {
    if (queue.empty()) return;
    std::vector<QueuedAdd> batch;
    batch.swap(queue);
    prolog::Frame frame;
    const long first_id = next_id;
    PlTerm_var adds;
    PL_put_nil(adds.C_);
    // valid(Id, Fact, From, Source, Recorded): checked by ground()
    // against the schema's type table, so the store only tests the
    // overlap. Built with the raw C interface, the source and the
    // recording time (the same for most of a batch) made once.
    static const functor_t valid5 = PL_new_functor(PL_new_atom("valid"), 5);  // made once, kept for the process
    term_t item = PL_new_term_ref(), a = PL_new_term_refs(5), src = PL_new_term_ref(), rec = PL_new_term_ref();
    std::string last_kind;
    std::shared_ptr<const std::string> last_src, last_rec;
    functor_t kind_f = 0;
    for (std::size_t i = batch.size(); i-- > 0;) {
        const QueuedAdd& r = batch[i];
        const GroundFact& f = batch[i].fact;
        if (kind_f == 0 || f.kind != last_kind || PL_functor_arity(kind_f) != f.args.size()) {
            last_kind = f.kind;
            atom_t name = PL_new_atom_mbchars(REP_UTF8, f.kind.size(), f.kind.data());
            kind_f = PL_new_functor(name, f.args.size());
            PL_unregister_atom(name);
        }
        term_t fargs = PL_new_term_refs(static_cast<int>(f.args.size()));
        for (std::size_t j = 0; j < f.args.size(); ++j) prolog::put_atom(fargs + j, f.args[j]);
        if (!PL_put_int64(a, first_id + static_cast<long>(i)) || !PL_cons_functor_v(a + 1, kind_f, fargs) ||
            !PL_put_int64(a + 2, r.date))
            throw LimitError("out of memory building a batch of adds");
        // Shared texts: the same pointer, the same atom.
        if (r.source != last_src) prolog::put_atom(src, *(last_src = r.source));
        if (r.recorded != last_rec) prolog::put_atom(rec, *(last_rec = r.recorded));
        // Kept as atoms (api.pl stored_text/2).
        if (!PL_put_term(a + 3, src) || !PL_put_term(a + 4, rec) || !PL_cons_functor_v(item, valid5, a) ||
            !PL_cons_list(adds.C_, item, adds.C_))
            throw LimitError("out of memory building a batch of adds");
        PL_reset_term_refs(fargs);
    }
    next_id += static_cast<long>(batch.size());
    std::vector<std::optional<std::string>> refused(batch.size());  // the store's message, if it refused
    try {
        PlTerm_var rejected;
        must_call(prolog::compound("api_add_batch", {adds, rejected}));
        for (auto& rj : prolog::list_items(rejected)) {
            std::size_t i = static_cast<std::size_t>(prolog::integer_of(prolog::arg(rj, 1))) - 1;
            if (i >= batch.size()) throw PrologError("api_add_batch named a fact outside its batch");
            refused[i] = prolog::text(prolog::arg(rj, 2));
        }
    } catch (const Error& e) {
        for (auto& q : batch) rejections.push_back({q.ticket, e.what(), q.offset, q.length});
        return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (refused[i]) {
            rejections.push_back({batch[i].ticket, *refused[i], batch[i].offset, batch[i].length});
            continue;
        }
        const QueuedAdd& q = batch[i];
        try {
            journal->append_add(q.fact.kind, q.fact.args, q.date, *q.source, *q.recorded);
        } catch (const ValidationError& e) {  // check_storable let it through: never acknowledged
            must_call(prolog::compound("api_undo_add", {prolog::integer(first_id + static_cast<long>(i)), q.fact.term()}));
            rejections.push_back({q.ticket, e.what(), q.offset, q.length});
            continue;
        }
        pending_adds.emplace_back(first_id + static_cast<long>(i), std::move(batch[i].fact));
    }
}

// Commits the batch. If the disk refuses it, the batch's adds leave
// memory too: what was never acknowledged is never answered from.
std::size_t Engine::Impl::commit() {
    if (!journal) return 0;
    if (lost_batch) {  // an import found the batch could not be written (import_atop)
        std::string why = std::move(*lost_batch);
        lost_batch.reset();
        throw StorageError(why);
    }
    apply_queue();
    try {
        std::size_t n = journal->commit();
        pending_adds.clear();
        pending_defines.clear();
        return n;
    } catch (const StorageError& e) {
        for (auto& [id, fact] : pending_adds) {
            prolog::Frame frame;
            must_call(prolog::compound("api_undo_add", {prolog::integer(id), fact.term()}));
        }
        std::size_t undone = pending_adds.size();
        pending_adds.clear();
        if (!pending_defines.empty()) {  // definitions.cpp: what they defined leaves memory and the names too
            for (auto it = pending_defines.rbegin(); it != pending_defines.rend(); ++it) {
                prolog::Frame frame;
                must_call(prolog::compound("api_undo_define", {entity_term(*it)}));
            }
            pending_defines.clear();
            load_names();
        }
        throw StorageError(std::string(e.what()) + " (nothing of this batch was saved; its " +
                           std::to_string(undone) + " added facts were taken back)");
    }
}

}  // namespace casus
