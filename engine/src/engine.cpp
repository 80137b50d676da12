// The engine: resolves a parsed statement against the kb's names and
// schema, compiles it to one call of a whitelisted kb/api.pl predicate
// with ground arguments built through the C++ API, runs it, and converts
// the answer. No user text is ever read by Prolog as code.
#include "casus/engine.hpp"

#include "atop_import.hpp"
#include "convert.hpp"
#include "journal.hpp"
#include "limits.hpp"
#include "matrix.hpp"
#include "names.hpp"
#include "parser.hpp"
#include "prolog.hpp"
#include "saved_state.hpp"
#include "snapshot.hpp"
#include "suggest.hpp"


#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <unordered_map>
#include <optional>
#include <unistd.h>

#ifndef CASUS_VERSION
#define CASUS_VERSION "0.0.0"
#endif

namespace casus {

namespace {

// The time now, formatted once a second and shared by every statement
// of that second: an ingest records a million facts a minute.
std::shared_ptr<const std::string> utc_now_shared() {
    static std::time_t last = -1;
    static std::shared_ptr<const std::string> text;
    std::time_t now = std::time(nullptr);
    if (now != last) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        text = std::make_shared<const std::string>(buf);
        last = now;
    }
    return text;
}

std::string utc_now() { return *utc_now_shared(); }

bool is_snake_case(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// How an argument type is checked, as schema:type_class/2 says: a known
// id (entity), a known id or a new snake_case one (open), or one of a
// fixed list of values.
struct TypeClass {
    enum class Kind { entity, open, one_of } kind = Kind::entity;
    std::vector<std::string> values;  // one_of
};

const char* article(const std::string& type) {
    return (!type.empty() && std::string("aeiou").find(type[0]) != std::string::npos) ? "an" : "a";
}

// A resolved fact: functor and argument ids, ready to become a term.
struct GroundFact {
    std::string kind;
    std::vector<std::string> args;
    PlTerm term() const {
        std::vector<PlTerm> a;
        for (auto& s : args) a.push_back(prolog::atom(s));
        return prolog::compound(kind, a);
    }
    std::string text() const {
        std::size_t size = kind.size() + 2;
        for (auto& a : args) size += a.size() + 2;
        std::string out;
        out.reserve(size);  // one allocation: every add of a batch is acknowledged with its text
        out += kind;
        out += '(';
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) out += ", ";
            out += args[i];
        }
        out += ')';
        return out;
    }
};

// The previous defenders question, for "why not S" / "why S".
struct LastQuestion {
    std::string ally, attacker;
    Date date;
    bool set = false;
};

}  // namespace

// Calls a kb api predicate that must succeed: a failure is a kb bug,
// reported, never taken as an answer.
static void must_call(const PlTerm& goal) {
    if (!prolog::call("api", goal)) {
        char* name = nullptr;
        atom_t a;
        size_t arity;
        if (PL_get_name_arity(goal.C_, &a, &arity)) name = const_cast<char*>(PL_atom_chars(a));
        throw PrologError(std::string("the kb predicate ") + (name ? name : "?") + " failed where it must succeed");
    }
}

struct Engine::Impl {
    EngineOptions options;
    NameTable names;
    // Each state's COW spells (YYYYMMDD, both days included), for "was a
    // state 1918-1939 and 1945-1992, not on ..."; states without are
    // taken to exist on every date, as entities:in_system/2 does.
    std::map<std::string, std::vector<std::pair<long, long>>> state_spells;
    // Names people write for states over time (kb/data/state_names.csv),
    // by normalized text: "ROC" is China to 1949 and Taiwan from 1949.
    struct DatedName {
        std::string id;
        int from_year, to_year;
    };
    std::unordered_map<std::string, std::vector<DatedName>> dated_names;
    std::map<std::string, FactKind> kinds;
    std::unique_ptr<Journal> journal;
    JournalReport report;
    bool group_commit = false;
    long next_id = 1;
    long generation = 0;              // of the snapshot loaded (0: none)
    long last_added_id = 0;
    // Adds applied in the open batch (id and fact), undone if it fails.
    std::vector<std::pair<long, GroundFact>> pending_adds;
    // Adds of a group-commit batch checked in C++, not yet in the store.
    struct QueuedAdd {
        std::size_t ticket;
        GroundFact fact;
        long date;                    // valid from
        // The same two texts for most of a batch: shared, not copied.
        std::shared_ptr<const std::string> source, recorded;
        std::size_t offset, length;   // the fact's place in its statement
    };
    std::vector<QueuedAdd> queue;
    std::shared_ptr<const std::string> queued_source;  // the last queued add's source
    std::vector<Rejection> rejections;
    std::size_t next_ticket = 1;
    static constexpr std::size_t max_queue = 4096;
    std::map<std::string, std::vector<std::string>> entity_kinds;  // define: argument types
    std::map<std::string, TypeClass> type_classes;                  // argument type -> how it is checked
    LastQuestion last;

    explicit Impl(EngineOptions o) : options(std::move(o)) {
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
        load_names();  // after the journal: imports define new names
    }

    void bootstrap() {
        auto file = options.kb_dir / "casus_errors.pl";
        if (!std::filesystem::exists(file))
            throw KbLoadError("no kb in " + options.kb_dir.string() + " (casus_errors.pl is missing); use --kb DIR");
        prolog::load_module(file);
    }

    void load_names() {
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
    }

    void load_schema() {
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

    std::filesystem::path snapshot_file() const { return journal->dir() / snapshot::file_name; }
    std::filesystem::path legacy_snapshot_file() const { return journal->dir() / "snapshot.qlf"; }

    void store_info(long& max_id, long& gen) {
        prolog::Frame frame;
        PlTerm_var m, g;
        if (!prolog::call("api", prolog::compound("api_store_info", {m, g})))
            throw KbLoadError("api_store_info failed: the kb's store module does not match this casus");
        max_id = prolog::integer_of(m);
        gen = prolog::integer_of(g);
    }

    static JournalRecord generation_record(const snapshot::Info& s) {
        JournalRecord r{"generation", {}, s.generation, "", utc_now()};
        r.snapshot_size = s.size;
        r.snapshot_crc = static_cast<long>(s.crc);
        return r;
    }

    // Files a compaction writes before renaming them into place (and the
    // .qlf of an upgrade that was cut short after snapshot.dat was in
    // place): whatever is left of them belongs to a compaction that
    // failed or was killed. Only in a writable session.
    void remove_compaction_leftovers() {
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
    bool load_legacy_snapshot() {
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
    void open_journal(const std::filesystem::path& dir) {
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
    void upgrade_legacy() {
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
    std::size_t compact() {
        commit();
        const auto temp = journal->dir() / snapshot::temp_name;
        const snapshot::Written w = snapshot::write(temp, generation + 1);
        durable_rename(temp, snapshot_file());
        journal->rewrite({generation_record(w.info)});
        generation = w.info.generation;
        return static_cast<std::size_t>(w.records);
    }

    void replay_all(std::vector<JournalRecord>& records, std::size_t first) {
        records.erase(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(first));
        struct SkippedSummary {
            JournalReport& r;
            ~SkippedSummary() {
                if (r.skipped > 10)
                    r.messages.push_back("... " + std::to_string(r.skipped) + " journal records in all no longer apply and were skipped");
            }
        } summary{report};
        for (std::size_t i = 0; i < records.size();) {
            if (!batched(records[i])) {
                replay_one(records[i]);
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < records.size() && end - i < max_queue && batched(records[end])) ++end;
            replay_batch(records, i, end);
            i = end;
        }
    }

    // Adds of an open spell, ends and withdrawals: replayed in batches
    // (replay_batch); imports' closed spells and definitions one by one.
    static bool batched(const JournalRecord& r) {
        return r.fact.size() > 1 && ((r.op == "add" && !r.until) || r.op == "end" || r.op == "withdraw");
    }

    // A record the kb no longer takes: the first few in full (a kb change
    // can make thousands not apply).
    void skipped(const std::string& why) {
        if (++report.skipped <= 10)
            report.messages.push_back("journal record " + std::to_string(report.records + report.skipped) +
                                      " no longer applies and was skipped: " + why);
    }

    void replay_one(const JournalRecord& r) {
        try {
            replay(r);
            ++report.records;
        } catch (const Error& e) {
            skipped(e.what());
        }
    }

    // Replays records[begin, end) in one api_replay/2 call, each applied
    // in order exactly as replay_one would (checked, then stored, ended
    // or withdrawn), one the kb refuses skipped with its message. One
    // call per 4,096 records, not one per record: a journal of 160,000
    // opened in 7.6 s one by one.
    void replay_batch(const std::vector<JournalRecord>& records, std::size_t begin, std::size_t end) {
        std::vector<std::optional<std::string>> refused(end - begin);
        prolog::Frame frame;
        // Made once, kept for the process.
        static const functor_t add5 = PL_new_functor(PL_new_atom("add"), 5), end4 = PL_new_functor(PL_new_atom("end"), 4),
                               withdraw1 = PL_new_functor(PL_new_atom("withdraw"), 1);
        long adds = 0;
        for (std::size_t k = begin; k < end; ++k) adds += records[k].op == "add";
        const long first_id = next_id;
        long id = first_id + adds;  // the list is built from its end
        PlTerm_var items;
        PL_put_nil(items.C_);
        term_t item = PL_new_term_ref(), a = PL_new_term_refs(5);
        for (std::size_t k = end; k-- > begin;) {
            const JournalRecord& r = records[k];
            GroundFact f{r.fact[0], {r.fact.begin() + 1, r.fact.end()}};
            bool ok = PL_put_term(r.op == "withdraw" ? a : a + 1, f.term().C_);
            if (r.op == "add") {
                // Atoms, as apply_queue passes them (api.pl stored_text/2).
                prolog::put_atom(a + 3, r.source);
                prolog::put_atom(a + 4, r.recorded);
                ok = ok && PL_put_int64(a, --id) && PL_put_int64(a + 2, r.date) && PL_cons_functor_v(item, add5, a);
            } else if (r.op == "end") {
                ok = ok && PL_put_term(a, a + 1);  // the fact first: end(Fact, Date, Source, Recorded)
                prolog::put_atom(a + 2, r.source);
                prolog::put_atom(a + 3, r.recorded);
                ok = ok && PL_put_int64(a + 1, r.date) && PL_cons_functor_v(item, end4, a);
            } else {
                ok = ok && PL_cons_functor_v(item, withdraw1, a);
            }
            if (!ok || !PL_cons_list(items.C_, item, items.C_)) throw LimitError("out of memory replaying the journal");
        }
        next_id = first_id + adds;
        PlTerm_var skips;
        must_call(prolog::compound("api_replay", {items, skips}));
        for (auto& s : prolog::list_items(skips)) {
            std::size_t k = static_cast<std::size_t>(prolog::integer_of(prolog::arg(s, 1))) - 1;
            if (k < refused.size()) refused[k] = prolog::text(prolog::arg(s, 2));
        }
        for (auto& why : refused) {
            if (why) skipped(*why);
            else ++report.records;
        }
    }

    void replay(const JournalRecord& r) {
        if (r.fact.empty()) throw ValidationError("empty fact", 0, 0);
        GroundFact f{r.fact[0], {r.fact.begin() + 1, r.fact.end()}};
        prolog::Frame frame;
        if (r.op == "add" && r.until) {
            add_spell(f, r.date, r.until, r.source, r.recorded);
            return;
        }
        apply(r.op, f, r.date, r.source, r.recorded);
    }

    // A closed spell (import): "added", "present" or an overlap message.
    std::string add_spell(const GroundFact& f, long from, long to, const std::string& source,
                          const std::string& recorded) {
        PlTerm_var status;
        last_added_id = next_id++;
        must_call(prolog::compound("api_add_spell", {prolog::integer(last_added_id), f.term(), prolog::integer(from),
                                                               prolog::integer(to), prolog::string(source),
                                                               prolog::string(recorded), status}));
        std::string st = prolog::text(status);
        if (st != "added") --next_id;
        return st;
    }

    // define: "added" or "present".
    std::string define(const GroundFact& f) {
        PlTerm_var status;
        must_call(prolog::compound("api_define", {entity_term(f), status}));
        return prolog::text(status);
    }

    static JournalRecord record(const std::string& op, const GroundFact& f, long date, const std::string& source,
                                const std::string& recorded, long until = 0) {
        JournalRecord r{op, {f.kind}, date, source, recorded, until};
        r.fact.insert(r.fact.end(), f.args.begin(), f.args.end());
        return r;
    }

    Engine::Progress progress;
    // The open batch's commit failed inside an import: the next commit
    // reports it, so its statements are not acknowledged.
    std::optional<std::string> lost_batch;

    // What the kb has already, for the import to meet it.
    atop::Known import_known() {
        atop::Known known;
        prolog::Frame frame;
        PlTerm_var links;
        must_call(prolog::compound("api_atop_links", {links}));
        for (auto& l : prolog::list_items(links))
            known.linked[static_cast<int>(prolog::integer_of(prolog::arg(l, 1)))] = prolog::text(prolog::arg(l, 2));
        PlTerm_var states_out;
        must_call(prolog::compound("api_list", {prolog::atom("states"), states_out}));
        for (auto& e : prolog::list_items(states_out))
            known.state_by_cow[static_cast<int>(prolog::integer_of(prolog::arg(e, 3)))] = prolog::text(prolog::arg(e, 1));
        PlTerm_var common;
        must_call(prolog::compound("api_atop_names", {common}));
        for (auto& c : prolog::list_items(common))
            known.common_name[prolog::integer_of(prolog::arg(c, 1))] = prolog::text(prolog::arg(c, 2));
        for (auto& n : names.entries()) known.ids.push_back(n.id);
        return known;
    }

    // What an import put into memory, so that a failure takes it out again.
    struct ImportUndo {
        std::vector<GroundFact> entities;               // defined (status added)
        std::vector<std::pair<long, GroundFact>> spells;  // id, party/2 fact
    };

    void undo_import(const ImportUndo& undo) {
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
    void apply_import(const atop::Plan& plan, ImportResult& out, ImportUndo& undo) {
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
            GroundFact f = sp.kind == "exempt" ? GroundFact{"exempt", {sp.state, sp.treaty, "defence"}}
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
    ImportResult import_atop(const std::filesystem::path& dir, const std::filesystem::path& states) {
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

    // Applies one change to the Prolog store (validated there again).
    long apply(const std::string& op, const GroundFact& f, long date, const std::string& source,
               const std::string& recorded) {
        if (op == "add") {
            last_added_id = next_id++;
            must_call(prolog::compound("api_add", {prolog::integer(last_added_id), f.term(), prolog::integer(date),
                                                             prolog::string(source), prolog::string(recorded)}));
            return 1;
        }
        if (op == "end") {
            must_call(prolog::compound("api_end", {f.term(), prolog::integer(date), prolog::string(source),
                                                             prolog::string(recorded)}));
            return 1;
        }
        if (op == "withdraw") {
            PlTerm_var n;
            must_call(prolog::compound("api_withdraw", {f.term(), n}));
            return prolog::integer_of(n);
        }
        if (op == "define") {
            define(f);
            return 1;
        }
        throw ValidationError("unknown journal operation " + op, 0, 0);
    }

    // An entity (define record) as a term: arguments typed by store:entity_kind/2.
    PlTerm entity_term(const GroundFact& f) {
        auto it = entity_kinds.find(f.kind);
        if (it == entity_kinds.end() || it->second.size() != f.args.size())
            throw ValidationError("unknown entity " + f.text(), 0, 0);
        std::vector<PlTerm> args;
        for (std::size_t i = 0; i < f.args.size(); ++i) {
            const std::string& type = it->second[i];
            const std::string& v = f.args[i];
            if (type == "atom") args.push_back(prolog::atom(v));
            else if (type == "string") args.push_back(prolog::string(v));
            else if (type == "integer") args.push_back(prolog::integer(parse_long(v)));
            else args.push_back(conditions_term(v));
        }
        return prolog::compound(f.kind, args);
    }

    static long parse_long(const std::string& v) {
        std::size_t used = 0;
        long n = 0;
        try {
            n = std::stol(v, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != v.size() || v.empty()) throw ValidationError("'" + v + "' is not an integer", 0, 0);
        return n;
    }

    // "adversary=russia|china;location" -> [adversary([russia, china]), location]
    static PlTerm conditions_term(const std::string& text) {
        std::vector<PlTerm> items;
        std::size_t b = 0;
        while (b < text.size()) {
            std::size_t e = text.find(';', b);
            if (e == std::string::npos) e = text.size();
            std::string c = text.substr(b, e - b);
            b = e + 1;
            if (c.empty()) continue;
            auto eq = c.find('=');
            if (eq == std::string::npos) {
                items.push_back(prolog::atom(c));
                continue;
            }
            std::vector<PlTerm> ids;
            std::string rest = c.substr(eq + 1);
            for (std::size_t p = 0; p <= rest.size();) {
                std::size_t q = rest.find('|', p);
                if (q == std::string::npos) q = rest.size();
                if (q > p) ids.push_back(prolog::atom(rest.substr(p, q - p)));
                p = q + 1;
            }
            items.push_back(prolog::compound(c.substr(0, eq), {prolog::list(ids)}));
        }
        return prolog::list(items);
    }

    // --- name resolution -------------------------------------------------

    std::string resolve(const ParsedStatement& ps, const ast::Name& n, const std::string& type) {
        if (auto id = names.find(n.text, type)) return *id;
        if (type == "state" || type == "actor") {
            // A name of several states, where no date says which: the latest.
            if (auto it = dated_names.find(NameTable::normalize(n.text)); it != dated_names.end())
                return std::max_element(it->second.begin(), it->second.end(), [](const DatedName& a, const DatedName& b) {
                           return a.to_year < b.to_year;
                       })->id;
        }
        auto [b, e] = ps.span_of(n);
        std::size_t len = e > b ? e - b : n.text.size();
        auto tc = type_classes.find(type);
        if (tc != type_classes.end() && tc->second.kind == TypeClass::Kind::open) {
            if (is_snake_case(n.text)) return n.text;
            throw NameError("'" + n.text + "' is no known " + type + "; a new " + type +
                                " id must be snake_case (lowercase letters, digits, _)", b, len);
        }
        if (tc != type_classes.end() && tc->second.kind == TypeClass::Kind::one_of) {
            const auto& values = tc->second.values;
            std::string lowered = NameTable::normalize(n.text);
            if (std::find(values.begin(), values.end(), lowered) != values.end()) return lowered;
            std::string msg = "'" + n.text + "' is not a " + type + ": one of ";
            for (std::size_t i = 0; i < values.size(); ++i) msg += (i ? ", " : "") + values[i];
            if (auto s = nearest(lowered, values)) msg += "; did you mean '" + *s + "'?";
            throw ValidationError(msg, b, len);
        }
        auto types = names.types_of(n.text);
        if (!types.empty())
            throw NameError("'" + n.text + "' is " + article(types[0]) + " " + types[0] + ", not " + article(type) +
                                " " + type, b, len);
        std::string msg = "unknown " + type + " '" + n.text + "'";
        if (auto s = names.suggest(n.text, type)) msg += "; did you mean '" + *s + "'?";
        else msg += " (list " + std::string(type == "organisation" ? "organisations" : "states") + " shows the known names)";
        throw NameError(msg, b, len);
    }

    // A name that named one state at all times is an ordinary alias
    // (completion, "did you mean"); one that named several is resolved by
    // the question's date (resolve_state).
    void load_dated_names() {
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
        }
    }

    bool exists_on(const std::string& id, long day) const {
        auto it = state_spells.find(id);
        if (it == state_spells.end() || it->second.empty()) return true;
        for (auto& [from, to] : it->second)
            if (from <= day && day <= to) return true;
        return false;
    }

    // A state's name on a date: a name that served several states (ROC,
    // Federal Republic of Germany, Yemen, Austria) is the one that bore it
    // that year, and in a year of change the one in the state system that
    // day; then the ordinary names; then, for a name of other years, the
    // state it named nearest in time (require_in_system says when it was
    // a state).
    std::string resolve_state(const ParsedStatement& ps, const ast::Name& n, const Date& when) {
        auto it = dated_names.find(NameTable::normalize(n.text));
        if (it != dated_names.end()) {
            const DatedName* covering = nullptr;
            for (auto& r : it->second) {
                if (r.from_year > when.year || when.year > r.to_year) continue;
                if (exists_on(r.id, when.as_int())) return r.id;
                if (!covering) covering = &r;
            }
            if (covering) return covering->id;
        }
        if (auto id = names.find(n.text, "state")) return *id;
        if (it != dated_names.end()) {
            const DatedName* nearest_row = nullptr;
            int best = 0;
            for (auto& r : it->second) {
                int gap = when.year < r.from_year ? r.from_year - when.year : when.year - r.to_year;
                if (!nearest_row || gap < best) nearest_row = &r, best = gap;
            }
            return nearest_row->id;
        }
        return resolve(ps, n, "state");
    }

    // Throws when the state was not in the state system on the date: a
    // question about it then has no answer, which "no state is obligated"
    // would hide.
    void require_in_system(const ParsedStatement& ps, const ast::Name& n, const std::string& id, const Date& when) {
        if (exists_on(id, when.as_int())) return;  // also for a state without spells
        const auto& spells = state_spells.at(id);
        std::string spans;
        for (std::size_t i = 0; i < spells.size(); ++i) {
            auto [from, to] = spells[i];
            spans += i == 0 ? "" : i + 1 == spells.size() ? " and " : ", ";
            spans += to >= 99991231 ? "since " + std::to_string(from / 10000)
                                    : std::to_string(from / 10000) + "-" + std::to_string(to / 10000);
        }
        auto [b, e] = ps.span_of(n);
        throw ValidationError(display(id) + " was a state " + spans + ", not on " + when.str(), b,
                              e > b ? e - b : n.text.size());
    }

    Date date_of(const ParsedStatement& ps, const ast::Date& d) {
        if (auto v = Date::make(d.year, d.month, d.day)) return *v;
        auto [b, e] = ps.span_of(d);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        // The year is checked apart from the calendar, so that a real date
        // outside casus's range is not called one "that does not exist".
        const bool in_calendar = d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= Date::days_in_month(d.year, d.month);
        if (in_calendar && (d.year < 1 || d.year > 9998))
            throw ValidationError(std::string(buf) + " is outside the dates casus holds (0001-01-01 to 9998-12-31; "
                                  "9999-12-31 is kept to mean \"still in force\")", b, e > b ? e - b : 10);
        throw ValidationError(std::string(buf) + " is not a date that exists", b, e > b ? e - b : 10);
    }

    GroundFact ground(const ParsedStatement& ps, const ast::Fact& f) {
        auto [b, e] = ps.span_of(f);
        auto it = kinds.find(f.kind);
        if (it == kinds.end()) {
            std::vector<std::string> known;
            for (auto& [k, _] : kinds) known.push_back(k);
            std::string msg = "unknown fact kind '" + f.kind + "'";
            if (auto s = nearest(f.kind, known)) msg += "; did you mean '" + *s + "'?";
            else msg += " (.schema lists the kinds)";
            throw ValidationError(msg, b, f.kind.size());
        }
        const FactKind& k = it->second;
        if (f.args.size() != k.arg_types.size()) {
            std::string sig = k.name + "(";
            for (std::size_t i = 0; i < k.arg_types.size(); ++i) sig += (i ? ", " : "") + k.arg_types[i];
            sig += ")";
            throw ValidationError(k.name + " takes " + std::to_string(k.arg_types.size()) + " arguments, not " +
                                      std::to_string(f.args.size()) + ": " + sig,
                                  b, e > b ? e - b : 1);
        }
        GroundFact g{f.kind, {}};
        for (std::size_t i = 0; i < f.args.size(); ++i) g.args.push_back(resolve(ps, f.args[i], k.arg_types[i]));
        return g;
    }

    // Runs action, reporting a ValidationError at the fact's place in the text.
    template <class Action>
    auto at_fact(const ParsedStatement& ps, const ast::Fact& f, Action action) {
        try {
            return action();
        } catch (const ValidationError& e) {
            auto [b, end] = ps.span_of(f);
            throw ValidationError(e.what(), b, end > b ? end - b : 1);
        }
    }

    // Checks the fact against the schema in Prolog (for suppositions,
    // whose own errors surface inside api_suppose without a position).
    void check(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g) {
        at_fact(ps, f, [&] { return prolog::call("api", prolog::compound("api_check", {g.term()})); });
    }

    // Adds and retracts need the lock. An invalid fact is still reported
    // as invalid in a read-only session.
    void require_writable(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g, const char* verb) {
        if (!journal || !journal->read_only()) return;
        check(ps, f, g);
        throw StorageError(std::string("cannot ") + verb +
                           ": the data directory is read-only in this session (" + journal->read_only_reason() + ")");
    }

    // What the journal would refuse to write (journal_format.hpp: UTF-8,
    // size limits), refused here first so the error points at the place
    // in the statement; nothing of the add is stored or written.
    void check_storable(const ParsedStatement& ps, const ast::Add& a, const GroundFact& g) {
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

    // --- statements -------------------------------------------------------

    Result run(const ParsedStatement& ps) {
        // Whatever is not another add sees the store with the queued adds in.
        if (!queue.empty() && !boost::get<ast::Add>(&ps.tree)) apply_queue();
        prolog::Frame frame;
        return boost::apply_visitor([&](const auto& node) -> Result { return run_node(ps, node); }, ps.tree);
    }

    Result run_node(const ParsedStatement& ps, const ast::Add& a) {
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
        if (group_commit && journal) {
            auto [b, e] = ps.span_of(a.fact);
            std::size_t ticket = next_ticket++;
            ChangeResult r{ChangeResult::Action::added, g.text(), from, source, 1};
            r.ticket = ticket;
            if (!queued_source || *queued_source != source) queued_source = std::make_shared<const std::string>(source);
            queue.push_back({ticket, std::move(g), from.as_int(), queued_source, utc_now_shared(), b, e > b ? e - b : 1});
            if (queue.size() >= max_queue) apply_queue();
            return r;
        }
        JournalRecord rec = record("add", g, from.as_int(), source, utc_now());
        // api_add validates the fact itself (schema and overlap) before it stores anything.
        at_fact(ps, a.fact, [&] { return apply("add", g, rec.date, rec.source, rec.recorded); });
        durable(rec);
        return ChangeResult{ChangeResult::Action::added, g.text(), from, source, 1};
    }

    Result run_node(const ParsedStatement&, const ast::Import& i) {
        return import_atop(i.dir, i.states);
    }

    Result run_node(const ParsedStatement& ps, const ast::Retract& r) {
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
    void durable(const JournalRecord& rec) {
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
    void apply_queue() {
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
    std::size_t commit() {
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
            return n;
        } catch (const StorageError& e) {
            for (auto& [id, fact] : pending_adds) {
                prolog::Frame frame;
                must_call(prolog::compound("api_undo_add", {prolog::integer(id), fact.term()}));
            }
            std::size_t undone = pending_adds.size();
            pending_adds.clear();
            throw StorageError(std::string(e.what()) + " (nothing of this batch was saved; its " +
                               std::to_string(undone) + " added facts were taken back)");
        }
    }

    Result run_node(const ParsedStatement& ps, const ast::Query& q) {
        // One deadline for the whole question, however many calls it makes.
        limits::Scope limit(options.timeout_seconds, prolog::memory_limit_mb(), limits::question);
        Date as_of = Date::today();
        int as_of_count = 0;
        std::vector<PlTerm> suppositions;
        for (auto& m : q.modifiers) {
            if (auto* a = boost::get<ast::AsOf>(&m)) {
                if (++as_of_count > 1) throw UsageError("a question takes one 'as of' date");
                as_of = date_of(ps, a->date);
            }
        }
        for (auto& m : q.modifiers) {
            if (auto* s = boost::get<ast::Suppose>(&m)) {
                for (auto& c : s->changes) suppositions.push_back(supposition(ps, c, as_of));
            }
        }
        return ask(ps, q.question, as_of, suppositions, as_of_count > 0);
    }

    PlTerm supposition(const ParsedStatement& ps, const ast::Change& c, const Date& as_of) {
        if (auto* a = boost::get<ast::Add>(&c)) {
            GroundFact g = ground(ps, a->fact);
            check(ps, a->fact, g);
            Date from = a->on ? date_of(ps, *a->on) : as_of;
            return prolog::compound("add", {g.term(), prolog::integer(from.as_int())});
        }
        auto& r = boost::get<ast::Retract>(c);
        GroundFact g = ground(ps, r.fact);
        check(ps, r.fact, g);
        Date on = r.on ? date_of(ps, *r.on) : as_of;
        return prolog::compound("end", {g.term(), prolog::integer(on.as_int())});
    }

    // Runs an api question goal, under suppositions if any.
    void call_question(const PlTerm& goal, const std::vector<PlTerm>& suppositions) {
        bool ok;
        if (suppositions.empty()) {
            ok = prolog::call("api", goal, options.timeout_seconds);
        } else {
            try {
                ok = prolog::call("api", prolog::compound("api_suppose", {prolog::list(suppositions), goal}),
                                  options.timeout_seconds);
            } catch (const ValidationError& e) {
                throw ValidationError(std::string("cannot suppose that: ") + e.what(), 0, 0);
            }
        }
        if (!ok) throw PrologError("the kb found no answer to this question (a rule failed)");
    }

    std::string display(const std::string& id) {
        for (auto& e : names.entries())
            if (e.id == id && e.text != id) return e.text;
        return id;
    }

    DefendersResult defenders_result(DefendersResult::Kind kind, const Date& as_of, const std::string& ally,
                                     const std::string& attacker, bool hypothetical) {
        DefendersResult r;
        r.kind = kind;
        r.as_of = as_of;
        r.ally = ally;
        r.ally_name = display(ally);
        r.attacker = attacker;
        r.attacker_name = attacker.empty() ? "" : display(attacker);
        r.hypothetical = hypothetical;
        return r;
    }

    Result ask(const ParsedStatement& ps, const ast::Question& question, const Date& as_of,
               const std::vector<PlTerm>& sup, bool dated) {
        const bool hyp = !sup.empty();
        const PlTerm date = prolog::integer(as_of.as_int());
        struct Visitor {
            Impl& self;
            const ParsedStatement& ps;
            const Date& as_of;
            const std::vector<PlTerm>& sup;
            bool hyp;
            const PlTerm& date;
            bool dated;  // the question said "as of"

            // Calls api:Pred(Args..., Out) and returns Out.
            PlTerm ask(const char* pred, std::vector<PlTerm> args, bool hypothetical_allowed = true) const {
                PlTerm_var out;
                args.push_back(out);
                self.call_question(prolog::compound(pred, args), hypothetical_allowed ? sup : std::vector<PlTerm>{});
                return out;
            }
            Result defenders(const std::string& ally, const std::string& attacker) const {
                if (ally == attacker) throw UsageError("a state cannot be attacked by itself");
                PlTerm out = ask("api_defenders", {prolog::atom(ally), prolog::atom(attacker), date});
                auto r = self.defenders_result(DefendersResult::Kind::defenders, as_of, ally, attacker, hyp);
                r.answers = convert::assessments(out);
                self.last = LastQuestion{ally, attacker, as_of, true};
                return r;
            }
            Result one(DefendersResult::Kind kind, const std::string& s, const std::string& ally,
                       const std::string& attacker, bool negated, const Date& when) const {
                if (ally == attacker) throw UsageError("a state cannot be attacked by itself");
                PlTerm out = ask("api_would", {prolog::atom(s), prolog::atom(ally), prolog::atom(attacker),
                                               prolog::integer(when.as_int())});
                auto r = self.defenders_result(kind, when, ally, attacker, hyp);
                r.negated = negated;
                r.answers.push_back(convert::assessment(out));
                self.last = LastQuestion{ally, attacker, when, true};
                return r;
            }
            std::string state(const ast::Name& n) const { return state(n, as_of); }
            std::string state(const ast::Name& n, const Date& when) const {
                std::string id = self.resolve_state(ps, n, when);
                self.require_in_system(ps, n, id, when);
                return id;
            }

            Result operator()(const ast::Defenders& q) const { return defenders(state(q.ally), state(q.attacker)); }
            Result operator()(const ast::Would& q) const {
                return one(DefendersResult::Kind::would, state(q.defender), state(q.ally), state(q.attacker), false, as_of);
            }
            Result operator()(const ast::Why& q) const {
                return one(DefendersResult::Kind::why, state(q.defender), state(q.ally), state(q.attacker), q.negated, as_of);
            }
            Result operator()(const ast::WhyShort& q) const {
                if (!self.last.set)
                    throw UsageError("'why " + std::string(q.negated ? "not " : "") + q.defender.text +
                                     "' refers to the previous defenders question, and there is none yet; ask "
                                     "'why would " + q.defender.text + " defend A against X'");
                LastQuestion prev = self.last;
                return one(DefendersResult::Kind::why, state(q.defender, prev.date), prev.ally, prev.attacker, q.negated,
                           prev.date);
            }
            Result operator()(const ast::Must& q) const {
                std::string ally = state(q.ally);
                std::string attacker = q.attacker ? state(*q.attacker) : "";
                if (ally == attacker) throw UsageError("a state cannot be attacked by itself");
                PlTerm out = ask("api_obligations", {prolog::atom(ally), prolog::atom(attacker.empty() ? "none" : attacker), date});
                auto r = self.defenders_result(DefendersResult::Kind::obligations, as_of, ally, attacker, hyp);
                r.answers = convert::assessments(out);
                return r;
            }
            Result operator()(const ast::Ties& q) const {
                std::string a = state(q.first), b = state(q.second);
                PlTerm out = ask("api_ties", {prolog::atom(a), prolog::atom(b), date});
                return FactsResult{FactsResult::Kind::ties, as_of, {a, b}, hyp, convert::fact_rows(out)};
            }
            Result operator()(const ast::Treaties& q) const {
                std::string s = state(q.state);
                PlTerm out = ask("api_treaties", {prolog::atom(s), date});
                return TreatiesResult{as_of, s, hyp, convert::treaty_rows(out)};
            }
            Result operator()(const ast::Members& q) const {
                std::string o = self.resolve(ps, q.organisation, "organisation");
                PlTerm out = ask("api_members", {prolog::atom(o), date});
                return MembersResult{as_of, o, hyp, convert::member_rows(out)};
            }
            Result operator()(const ast::Backers& q) const {
                std::string s = state(q.state);
                PlTerm out = ask("api_backers", {prolog::atom(s), date});
                return BackersResult{as_of, s, hyp, convert::backer_rows(out)};
            }
            Result operator()(const ast::ListWhat& q) const {
                // "as of D list states": the states in the system on D;
                // without a date, every state casus knows, of any time.
                PlTerm out = q.what == "states" && dated ? ask("api_states_on", {date}, false)
                                                : ask("api_list", {prolog::atom(q.what)}, false);
                return EntitiesResult{q.what, convert::entity_rows(out)};
            }
            // The id of whatever entity n names, of any type.
            std::optional<std::string> known_id(const ast::Name& n) const {
                for (auto t : {"state", "organisation", "treaty", "declaration", "event", "issue", "threat"})
                    if (auto id = self.names.find(n.text, t)) return id;
                return std::nullopt;
            }
            std::string any(const ast::Name& n) const {
                if (auto id = known_id(n)) return *id;
                if (is_snake_case(n.text)) return n.text;
                return self.resolve(ps, n, "state");  // throws with a suggestion
            }
            bool known(const ast::Name& n) const { return known_id(n).has_value(); }
            // An id that no table knows and no fact mentions is most likely a
            // misspelt name: say so (with a suggestion) instead of "(none)".
            void require_mentioned(const ast::Name& n, const std::vector<FactRow>& rows) const {
                if (rows.empty() && !known(n)) self.resolve(ps, n, "state");
            }
            Result operator()(const ast::FactsAbout& q) const {
                std::string id = any(q.subject);
                PlTerm out = ask("api_facts_about", {prolog::atom(id), date});
                auto rows = convert::fact_rows(out);
                require_mentioned(q.subject, rows);
                return FactsResult{FactsResult::Kind::facts, as_of, {id}, hyp, std::move(rows)};
            }
            Result operator()(const ast::History& q) const {
                std::string id = any(q.subject);
                PlTerm out = ask("api_history", {prolog::atom(id)}, false);
                auto rows = convert::history_rows(out);
                require_mentioned(q.subject, rows);
                return FactsResult{FactsResult::Kind::history, as_of, {id}, false, std::move(rows)};
            }
            Result operator()(const ast::Matrix& q) const {
                std::vector<std::string> among;
                for (auto& n : q.among) among.push_back(state(n));
                PlTerm out = ask("api_matrix", {date});
                matrix::DefenceTables tables(out.C_);
                MatrixResult r{as_of, hyp, tables.states(), {}};
                std::vector<std::uint32_t> chosen;
                for (auto& id : among)
                    if (auto i = tables.index(id)) chosen.push_back(*i);
                std::sort(chosen.begin(), chosen.end());
                chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
                if (q.among.empty())
                    for (std::uint32_t i = 0; i < r.states.size(); ++i) chosen.push_back(i);
                else if (chosen.size() < 2)
                    throw UsageError("a defence matrix needs at least two different states after 'among'");
                constexpr std::size_t max_pairs = 4'000'000;
                if (chosen.size() * (chosen.size() - 1) > max_pairs)
                    throw UsageError("a defence matrix of " + std::to_string(chosen.size()) + " states has " +
                                     std::to_string(chosen.size() * (chosen.size() - 1)) + " ordered pairs (at most " +
                                     std::to_string(max_pairs) + "); name fewer with 'among'");
                for (auto a : chosen) {
                    limits::check();  // the combination is C++: no Prolog call port sees the deadline
                    for (auto x : chosen) {
                        if (a == x) continue;
                        r.pairs.push_back({a, x, tables.user_rules() ? by_question(tables, a, x) : tables.defenders(a, x)});
                    }
                }
                return r;
            }
            // With a user's rules loaded no table holds their factors:
            // the pair is answered by defenders/4, as `who would defend`.
            std::vector<MatrixDefender> by_question(const matrix::DefenceTables& tables, std::uint32_t a, std::uint32_t x) const {
                prolog::Frame frame;
                PlTerm out = ask("api_defenders", {prolog::atom(tables.states()[a]), prolog::atom(tables.states()[x]), date});
                std::vector<MatrixDefender> found;
                for (auto& asm_ : convert::assessments(out))
                    if (auto s = tables.index(asm_.state)) found.push_back({asm_.score, *s, asm_.obligated, asm_.verdict});
                return found;
            }
        };
        return boost::apply_visitor(Visitor{*this, ps, as_of, sup, hyp, date, dated}, question);
    }
};

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Engine::~Engine() {
    try {
        if (impl_ && impl_->journal) impl_->commit();
    } catch (...) {
        // Nothing buffered was acknowledged; dropping it loses no promise.
    }
}

Result Engine::execute(const std::string& statement) {
    ParsedStatement ps = parse_statement(statement);
    return impl_->run(ps);
}

void Engine::load_rules(const std::filesystem::path& file) {
    prolog::load_user_rules(file, impl_->options.timeout_seconds);
}

ImportResult Engine::import_atop(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv) {
    prolog::Frame frame;
    return impl_->import_atop(atop_dir, states_csv);
}

void Engine::set_progress(Progress progress) { impl_->progress = std::move(progress); }

void Engine::write_imports_as_kb(const std::filesystem::path& file, const std::string& origin) {
    prolog::Frame frame;
    must_call(prolog::compound("api_write_added_as_kb", {prolog::atom(file.string()), prolog::string(origin)}));
}

void Engine::set_group_commit(bool on) {
    impl_->group_commit = on;
    if (!on) commit();
}

std::size_t Engine::commit() { return impl_->commit(); }
std::size_t Engine::pending() const { return (impl_->journal ? impl_->journal->pending() : 0) + impl_->queue.size(); }

std::vector<Rejection> Engine::take_rejections() {
    std::vector<Rejection> out;
    out.swap(impl_->rejections);
    return out;
}
const JournalReport& Engine::journal_report() const { return impl_->report; }
std::vector<NameEntry> Engine::names() const { return impl_->names.entries(); }

std::vector<FactKind> Engine::schema() const {
    std::vector<FactKind> out;
    for (auto& [_, k] : impl_->kinds) out.push_back(k);
    return out;
}

std::size_t Engine::compact() {
    auto& d = *impl_;
    if (!d.journal) throw UsageError("nothing to compact: this session keeps its facts in memory (--memory)");
    if (d.journal->read_only())
        throw StorageError("cannot compact: the data directory is read-only in this session (" + d.journal->read_only_reason() + ")");
    return d.compact();
}

std::filesystem::path Engine::default_kb_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "casus" / "kb";
        if (std::filesystem::exists(installed / "casus.pl")) return installed;
    }
#ifdef CASUS_SOURCE_KB_DIR
    if (std::filesystem::exists(std::filesystem::path(CASUS_SOURCE_KB_DIR) / "casus.pl")) return CASUS_SOURCE_KB_DIR;
#endif
#ifdef CASUS_INSTALL_KB_DIR
    return CASUS_INSTALL_KB_DIR;
#else
    return "kb";
#endif
}

const char* Engine::version() { return CASUS_VERSION; }

void Engine::interrupt() noexcept { prolog::interrupt(); }
void Engine::clear_interrupt() noexcept { prolog::clear_interrupt(); }

}  // namespace casus
