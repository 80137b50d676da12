// The casus engine: one embedded SWI-Prolog, the kb loaded into it, the
// journal of added facts, and the query language in front.
#pragma once

#include "casus/batch.hpp"
#include "casus/date.hpp"
#include "casus/dump.hpp"
#include "casus/dyads.hpp"
#include "casus/errors.hpp"
#include "casus/results.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace casus {

class KnownNames;  // engine/lang/known_names.hpp

struct EngineOptions {
    std::filesystem::path kb_dir;                 // empty: default_kb_dir()
    std::optional<std::filesystem::path> data_dir;  // nullopt: memory only, nothing persists
    std::size_t stack_limit_mb = 512;
    double timeout_seconds = 30;                  // per question or import, the whole statement; 0 = none
    std::size_t memory_limit_mb = 0;              // how much a question may grow casus; 0: the stack limit + 1024
    // Adds and retracts are parsed, resolved and validated against the
    // schema, then not applied (ChangeResult::count is 0). Questions run.
    bool dry_run = false;
    // Load a snapshot.qlf of an older casus (compiled Prolog: loading it
    // runs its directives) once, and rewrite it as data (snapshot.dat).
    // Without it such a file is refused.
    bool upgrade_legacy_snapshot = false;
};

// A name the language can resolve: for completion and "list".
struct NameEntry {
    std::string text, id, type;
};

// A fact kind of the schema.
struct FactKind {
    std::string name;
    std::vector<std::string> arg_types;
    std::string doc;
};

// What the journal found when the engine opened the data directory.
struct JournalReport {
    std::size_t records = 0;          // replayed
    std::size_t skipped = 0;          // records that no longer validate against the kb
    std::size_t torn_bytes = 0;       // in a torn tail (cut before the first write)
    bool read_only = false;           // another process holds the lock
    std::vector<std::string> messages;
};

class Engine {
public:
    explicit Engine(EngineOptions options);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Parses, resolves, validates and runs one statement. Throws a
    // casus::Error subclass; the engine stays usable after any of them.
    Result execute(const std::string& statement);

    // Loads a user's rule file (a trusted path) into module casus_user:
    // casus_user:factor(+Defender, +Ally, +Attacker, +Date, -Weight, -Detail)
    // clauses add factors to every assessment, under the same limits.
    void load_rules(const std::filesystem::path& file);

    // Imports ATOP 4.01 (the directory with atop-alliance-level.csv and
    // atop-member-level.csv) and the COW state list, durably (one batch).
    // progress(done, total) is called as member rows are applied.
    // Importing twice adds nothing.
    using Progress = std::function<void(std::size_t done, std::size_t total)>;
    ImportResult import_atop(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv);
    void set_progress(Progress progress);
    // Writes every entity and spell imports added in this session as a kb
    // module (kb/kb_export.pl): how the build puts the shipped ATOP
    // release into the default kb.
    void write_imports_as_kb(const std::filesystem::path& file, const std::string& origin);

    // Group commit: while on, changes are buffered and made durable
    // together by commit() (one fsync per batch). Adds are checked in C++
    // (names, types, dates) when executed and queued; the queue goes to
    // the store in one Prolog call before anything else runs and at
    // commit(), where the store's own checks (schema, overlaps) apply in
    // statement order. A queued add the store refuses is reported by
    // take_rejections() under its ChangeResult::ticket.
    void set_group_commit(bool on);
    // Makes every buffered change durable. Returns how many were written.
    std::size_t commit();
    std::size_t pending() const;
    // The queued adds refused since the last call (in statement order).
    std::vector<Rejection> take_rejections();

    // Directed dyad-years (casus/dyads.hpp): calls sink with each row as
    // it is made, year by year, ccode1 then ccode2; returns the rows.
    // Under the statement limits (timeout_seconds for the whole export).
    // Throws UsageError for a range or day it cannot export.
    std::size_t export_dyads(const DyadExportOptions& options, const DyadSink& sink);
    // The same written as CSV or JSON Lines to file, complete or not at
    // all (written beside it, then renamed); an empty path: to the
    // export stream (set_export_output).
    std::size_t export_dyads(const DyadExportOptions& options, DyadFormat format, const std::filesystem::path& file);
    // Where the `export dyads` statement writes without 'to "FILE"'
    // (nullptr: std::cout).
    void set_export_output(std::ostream* out);

    const JournalReport& journal_report() const;
    std::vector<NameEntry> names() const;
    // What a state (or any id) is called on a date: Yugoslavia in 1980,
    // Serbia in 2026 (kb/state_names.pl); an id without a name is itself.
    std::string name_on(const std::string& id, const Date& on) const;
    // What an id is shown as: its first name that is not the id itself
    // (csto -> Collective Security Treaty Organization), or the id.
    std::string name_of(const std::string& id) const;
    std::vector<FactKind> schema() const;
    // The kb's names as the parser reads them (parse_statement's known):
    // updated by every definition (known_names.cpp).
    const KnownNames& known_names() const;
    // Every definition and added spell, and every curated spell a dated
    // retract ended: what `.dump` writes as a script (dump.cpp).
    DumpData dump_data();
    // Runs add statements as one batch, all or nothing (add_together.cpp):
    // the changes before them are committed first; then every statement
    // is checked (names, types, dates, and the store's overlaps, in
    // order). If any fails, none is kept and nothing is written (the
    // journal stays byte for byte as it was); else all are made durable
    // in one commit. check_only: take them back even when all pass.
    BatchOutcome add_together(const std::vector<std::string>& statements, bool check_only = false);
    // Rewrites the journal as a compact snapshot; returns records kept.
    std::size_t compact();

    // The kb directory used when none is given: the source tree's kb when
    // running from a build tree, else the installed share/casus/kb.
    static std::filesystem::path default_kb_dir();
    static const char* version();
    // Stops the question running now with an InterruptedError; the kb is
    // left as it was. Async-signal-safe: made for a SIGINT handler.
    static void interrupt() noexcept;
    // Forgets an interrupt not yet acted on: called when a statement
    // begins, so that a Ctrl-C belongs to the statement during which it
    // came and never cancels the next one. Async-signal-safe.
    static void clear_interrupt() noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace casus
