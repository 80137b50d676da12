// Engine::add_together: add statements kept as one batch, whole or not at
// all (`.import FILE.csv KIND`). The statements go through the same
// stages as any add (parse, resolve, check, the store's overlap checks in
// order); if one fails, what the others put in memory is taken out again
// and the journal's buffer is dropped, so nothing is written.
#include "engine_impl.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace casus {

namespace {

// Restores the engine's group-commit mode however the batch ends.
struct GroupCommit {
    bool& flag;
    bool was;
    explicit GroupCommit(bool& f) : flag(f), was(f) { flag = true; }
    ~GroupCommit() { flag = was; }
};

// Without a journal adds are stored at once: each as (id, fact), to take back.
using Applied = std::vector<std::pair<long, GroundFact>>;

// Takes out of memory what the batch stored, and drops what it queued or
// buffered for the journal: nothing of it is written. (Templates, so that
// they take the engine's private state without naming its type.)
template <class Impl>
void take_back(Impl& d, const Applied& applied) {
    for (const Applied* list : {&applied, static_cast<const Applied*>(&d.pending_adds)})
        for (auto& [id, fact] : *list) {
            prolog::Frame frame;
            must_call(prolog::compound("api_undo_add", {prolog::integer(id), fact.term()}));
        }
    d.pending_adds.clear();
    d.queue.clear();
    if (d.journal) d.journal->discard_pending();
    d.rejections.clear();
}

// Runs statement i as any add runs: its error is the batch's, by index;
// an interrupt or a limit stops the whole batch.
template <class Impl>
void run_one(Impl& d, const std::string& text, std::size_t i, BatchOutcome& out, std::map<std::size_t, std::size_t>& index_of,
             Applied& applied) {
    try {
        ParsedStatement ps = parse_statement(text, &d.names);
        const auto* add = boost::get<ast::Add>(&ps.tree);
        if (!add) throw UsageError("only add statements are run together");
        const long before = d.next_id;
        Result r = d.run(ps);
        auto* c = std::get_if<ChangeResult>(&r);
        if (c && c->ticket) {
            index_of[c->ticket] = i;  // queued: the store checks it with the others
        } else if (!d.journal && d.next_id > before) {
            prolog::Frame frame;
            applied.emplace_back(d.last_added_id, d.ground(ps, add->fact));
        }
    } catch (const InterruptedError&) {
        throw;
    } catch (const LimitError&) {
        throw;
    } catch (const LocatedError& e) {
        out.errors.push_back({i, e.what(), e.offset(), e.length()});
    } catch (const Error& e) {
        out.errors.push_back({i, e.what(), 0, 0});
    }
}

}  // namespace

BatchOutcome Engine::add_together(const std::vector<std::string>& statements, bool check_only) {
    auto& d = *impl_;
    if (d.options.dry_run) throw UsageError("a batch of adds is not run in a dry run");
    if (d.journal && d.journal->read_only())
        throw StorageError("cannot add: the data directory is read-only in this session (" + d.journal->read_only_reason() + ")");
    d.commit();  // the changes before the batch are committed on their own
    std::vector<Rejection> earlier;  // refusals of those, for take_rejections()
    earlier.swap(d.rejections);
    struct Restore {
        std::vector<Rejection>& into;
        std::vector<Rejection>& from;
        ~Restore() { into.insert(into.begin(), from.begin(), from.end()); }
    } restore{d.rejections, earlier};
    BatchOutcome out;
    std::map<std::size_t, std::size_t> index_of;  // queued add's ticket -> statement
    Applied applied;
    try {
        GroupCommit on(d.group_commit);
        for (std::size_t i = 0; i < statements.size(); ++i) run_one(d, statements[i], i, out, index_of, applied);
        d.apply_queue();  // the store's checks, in statement order
        for (auto& r : d.rejections)
            out.errors.push_back({index_of.count(r.ticket) ? index_of[r.ticket] : 0, r.message, r.offset, r.length});
        d.rejections.clear();
    } catch (...) {
        take_back(d, applied);
        throw;
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const BatchError& a, const BatchError& b) { return a.index < b.index; });
    if (!out.errors.empty() || check_only) {
        take_back(d, applied);
        return out;
    }
    out.added = statements.size();
    d.commit();  // one durable batch; on a full disk commit() takes the adds back itself
    return out;
}

}  // namespace casus
