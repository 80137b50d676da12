// Opening a store: the kb (from its saved state or its files), the
// snapshot and the journal that continues it, and compaction, which
// writes a new snapshot and starts the journal afresh.
#include "engine_impl.hpp"

#include "limits.hpp"
#include "saved_state.hpp"
#include "utc_now.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casus {

Engine::Impl::Impl(EngineOptions o) : options(std::move(o)) {
    if (options.kb_dir.empty()) options.kb_dir = Engine::default_kb_dir();
    // The saved state holds the kb loaded (casus_errors first, as
    // below); without one, or when a source is newer, the files.
    const SavedState state = find_saved_state(options.kb_dir);
    if (!state.problem.empty()) report.messages.push_back(state.problem);
    prolog::start(options.stack_limit_mb, state.file);
    prolog::set_memory_limit_mb(options.memory_limit_mb);
    if (state.file.empty()) bootstrap();
    prolog::enable_interrupts();
    if (state.file.empty()) prolog::load(options.kb_dir / "casus.pl");
    load_schema();
    if (options.data_dir) open_journal(*options.data_dir);
    load_names(state.identity);  // after the journal: imports define new names
}

void Engine::Impl::bootstrap() {
    auto file = options.kb_dir / "casus_errors.pl";
    if (!std::filesystem::exists(file))
        throw KbLoadError("no kb in " + options.kb_dir.string() + " (casus_errors.pl is missing); use --kb DIR");
    prolog::load_module(file);
}

void Engine::Impl::store_info(long& max_id, long& gen) {
    prolog::Frame frame;
    PlTerm_var m, g;
    if (!prolog::call("api", prolog::compound("api_store_info", {m, g})))
        throw KbLoadError("api_store_info failed: the kb's store module does not match this casus");
    max_id = prolog::integer_of(m);
    gen = prolog::integer_of(g);
}

JournalRecord Engine::Impl::generation_record(const snapshot::Info& s) {
    JournalRecord r{"generation", {}, s.generation, "", utc_now()};
    r.snapshot_size = s.size;
    r.snapshot_crc = static_cast<long>(s.crc);
    return r;
}

// Files a compaction writes before renaming them into place (and the
// .qlf of an upgrade that was cut short after snapshot.dat was in
// place): whatever is left of them belongs to a compaction that
// failed or was killed. Only in a writable session.
void Engine::Impl::remove_compaction_leftovers() {
    const auto dir = journal->dir();
    std::vector<std::filesystem::path> gone;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool leftover = name == snapshot::temp_name || name == "snapshot.tmp.pl" || name == "snapshot.tmp.qlf" ||
                              name.rfind(".snapshot.tmp.qlf.", 0) == 0 || name == "journal.log.tmp" ||
                              (name == "snapshot.qlf" && std::filesystem::exists(snapshot_file()));
        if (leftover) gone.push_back(entry.path());
    }
    for (auto& p : gone) std::filesystem::remove(p, ec);
    if (gone.empty()) return;
    std::string names;
    for (auto& p : gone) names += (names.empty() ? "" : ", ") + p.filename().string();
    report.messages.push_back("removed what an interrupted or failed compaction left in " + dir.string() + ": " + names);
}

// A snapshot.qlf of an older casus is compiled Prolog, and loading it
// runs any directive it holds: loaded only when the user says it is
// theirs, and rewritten as data at once (open_journal).
bool Engine::Impl::load_legacy_snapshot() {
    const auto file = legacy_snapshot_file();
    const std::string dir = journal->dir().string();
    if (!options.upgrade_legacy_snapshot)
        throw StorageError(file.string() + " is a snapshot written by an older casus as compiled Prolog code, which would run "
                           "whatever it holds when loaded: casus no longer loads one by itself. If it is the file casus "
                           "wrote in your own data directory, run `casus --data " + dir + " --upgrade-snapshot` once: it "
                           "loads it this one time and rewrites it as data (snapshot.dat). Otherwise move it aside.");
    if (journal->read_only())
        throw StorageError("cannot upgrade " + file.string() + ": the data directory is read-only in this session (" +
                           journal->read_only_reason() + ")");
    prolog::Frame frame;
    must_call(prolog::compound("api_load_legacy_snapshot", {prolog::atom(std::filesystem::absolute(file).string())}));
    return true;
}

// The data directory: snapshot.dat (compacted facts, data only) and
// journal.log (what came after). The journal's first record names the
// snapshot generation it continues, and its size and checksum, so a
// compaction cut short between its two renames is recognised instead
// of applied twice, and a snapshot that is not the one is refused.
void Engine::Impl::open_journal(const std::filesystem::path& dir) {
    journal = std::make_unique<Journal>(dir, report);
    if (!journal->read_only()) remove_compaction_leftovers();
    auto records = journal->read_all(report);
    long journal_generation = 0;
    std::size_t first = 0;
    std::optional<snapshot::Info> recorded;
    if (!records.empty() && records[0].op == "generation") {
        journal_generation = records[0].date;
        recorded = snapshot::Info{records[0].date, records[0].snapshot_size, static_cast<std::uint32_t>(records[0].snapshot_crc)};
        first = 1;
    }
    snapshot::Info loaded;
    bool upgrading = false;
    if (std::filesystem::exists(snapshot_file())) loaded = snapshot::load(snapshot_file(), recorded);
    else if (std::filesystem::exists(legacy_snapshot_file())) upgrading = load_legacy_snapshot();
    long max_id = 0;
    store_info(max_id, generation);
    next_id = max_id + 1;
    if (loaded.size && loaded.generation != generation)
        throw StorageError("snapshot " + snapshot_file().string() + " is damaged: its header says generation " +
                           std::to_string(loaded.generation) + ", its records " + std::to_string(generation) +
                           "; restore the file from a backup, or move the data directory aside");
    if (journal_generation < generation) {
        report.messages.push_back("the journal predates snapshot generation " + std::to_string(generation) +
                                  " (a compaction was cut short); its records are in the snapshot already");
        // Replaced at the first write, so a session that only asks leaves it as it is.
        if (!journal->read_only())
            journal->rewrite_before_first_write({generation_record(loaded.size ? loaded : snapshot::Info{generation})});
        if (upgrading) upgrade_legacy();
        return;
    }
    if (journal_generation > generation)
        throw StorageError("the journal in " + dir.string() + " continues snapshot generation " +
                           std::to_string(journal_generation) + ", but " +
                           (generation ? "the snapshot is generation " + std::to_string(generation)
                                       : std::string("the snapshot (") + snapshot::file_name + ") is missing") +
                           "; casus will not start on half a history: restore the snapshot or move the directory aside");
    replay_all(records, first);
    if (upgrading) upgrade_legacy();
}

// Rewrites a legacy snapshot just loaded as data, then removes it.
void Engine::Impl::upgrade_legacy() {
    const std::size_t n = compact();
    std::filesystem::remove(legacy_snapshot_file());
    report.messages.push_back("rewrote " + legacy_snapshot_file().string() + " as data in " + snapshot_file().string() +
                              " (" + std::to_string(n) + " records) and removed it");
}

// First the snapshot, then the journal that continues it: a crash in
// between leaves a journal of an older generation, which the next
// start recognises as already in the snapshot. Memory is never
// changed, so a compaction that fails or is interrupted (Ctrl-C)
// leaves the session and the directory as they were.
std::size_t Engine::Impl::compact() {
    commit();
    const auto temp = journal->dir() / snapshot::temp_name;
    const snapshot::Written w = snapshot::write(temp, generation + 1);
    durable_rename(temp, snapshot_file());
    journal->rewrite({generation_record(w.info)});
    generation = w.info.generation;
    return static_cast<std::size_t>(w.records);
}

}  // namespace casus
