// Engine::Impl, the engine's state and its stages, shared by the files
// that implement them (internal: not part of include/casus). Each group
// of members below is defined in the file its comment names.
#pragma once

#include "casus/engine.hpp"

#include "atop_import.hpp"
#include "coverage.hpp"
#include "define.hpp"
#include "ground_fact.hpp"
#include "journal.hpp"
#include "kb_names.hpp"
#include "names.hpp"
#include "parser.hpp"
#include "prolog.hpp"
#include "snake_case.hpp"
#include "snapshot.hpp"
#include "unread_note.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace casus {

// How an argument type is checked, as schema:type_class/2 says: a known
// id (entity), a known id or a new snake_case one (open), or one of a
// fixed list of values.
struct TypeClass {
    enum class Kind { entity, open, one_of } kind = Kind::entity;
    std::vector<std::string> values;  // one_of
};

// The previous defenders question, for "why not S" / "why S".
struct LastQuestion {
    std::string ally, attacker, place;  // place: where the attack fell ("": not said)
    Date date;
    bool set = false;
};

// Calls a kb api predicate that must succeed: a failure is a kb bug,
// reported, never taken as an answer (engine.cpp).
void must_call(const PlTerm& goal);

// resolve.cpp: one state named in two roles of a question or a fact.
struct Role {
    const char* what;        // "the defender", "the ally", "the attacker"
    const ast::Name* name;   // as written, for the caret
    std::string id;          // as resolved
};

// Throws ValidationError when two roles resolved to one state.
void require_distinct_roles(const ParsedStatement& ps, const std::vector<Role>& roles);

// Throws ValidationError when a fact names one state (or actor) in two of
// its state arguments: every relation of the schema (tie, backs, rivalry,
// conflict, exercise) is between two different states.
void require_distinct_states(const ParsedStatement& ps, const ast::Fact& fact, const std::vector<std::string>& arg_types,
                             const std::vector<std::string>& ids);

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
    // The names a state bore over time (kb/state_names.pl), by id: answers
    // show a state by the name of their date (display below).
    struct NameSpell {
        long from, to;  // YYYYMMDD, both days included
        std::string name;
    };
    std::unordered_map<std::string, std::vector<NameSpell>> name_spells;
    std::map<std::string, FactKind> kinds;
    std::unique_ptr<Journal> journal;
    JournalReport report;
    bool group_commit = false;
    long next_id = 1;
    long generation = 0;              // of the snapshot loaded (0: none)
    long last_added_id = 0;
    // Adds applied in the open batch (id and fact), undone if it fails.
    std::vector<std::pair<long, GroundFact>> pending_adds;
    // Entities defined in the open batch (define statements), undone if it fails.
    std::vector<GroundFact> pending_defines;
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
    coverage::Cache coverage_cache;                                  // the kb's sources while treaty/5 stands
    UnreadNotes unread_notes;                                        // what add says of a fact no rule reads
    LastQuestion last;
    Engine::Progress progress;
    // The open batch's commit failed inside an import: the next commit
    // reports it, so its statements are not acknowledged.
    std::optional<std::string> lost_batch;

    // --- store.cpp: opening a store (kb, snapshot, journal) and compacting it
    explicit Impl(EngineOptions o);
    void bootstrap();
    void store_info(long& max_id, long& gen);
    static JournalRecord generation_record(const snapshot::Info& s);
    void remove_compaction_leftovers();
    bool load_legacy_snapshot();
    void open_journal(const std::filesystem::path& dir);
    void upgrade_legacy();
    std::size_t compact();
    std::filesystem::path snapshot_file() const { return journal->dir() / snapshot::file_name; }
    std::filesystem::path legacy_snapshot_file() const { return journal->dir() / "snapshot.qlf"; }

    // --- replay.cpp: replaying the journal into the store
    void replay_all(std::vector<JournalRecord>& records, std::size_t first);
    static bool batched(const JournalRecord& r);
    void skipped(const std::string& why);
    void replay_one(const JournalRecord& r);
    void replay_batch(const std::vector<JournalRecord>& records, std::size_t begin, std::size_t end);
    void replay(const JournalRecord& r);

    // --- kb_tables.cpp: the kb's names, schema and types, read at start
    void load_names(const std::string& state_identity = {});  // identity: at start from a saved state
    void load_schema();
    void load_dated_names(const std::vector<kb_names::DatedName>& rows);
    void load_name_spells(const std::vector<kb_names::NameSpell>& spells);

    // --- resolve.cpp: names, dates and facts of a parsed statement, with positions
    std::string resolve(const ParsedStatement& ps, const ast::Name& n, const std::string& type);
    bool exists_on(const std::string& id, long day) const;
    std::string resolve_state(const ParsedStatement& ps, const ast::Name& n, const Date& when);
    void require_in_system(const ParsedStatement& ps, const ast::Name& n, const std::string& id, const Date& when);
    Date date_of(const ParsedStatement& ps, const ast::Date& d);
    GroundFact ground(const ParsedStatement& ps, const ast::Fact& f);
    std::string display(const std::string& id);
    // The name of id on a date: its name spell of that day, else display(id).
    std::string display(const std::string& id, const Date& on);

    // --- store_ops.cpp: the primitive changes of the Prolog store
    std::string add_spell(const GroundFact& f, long from, long to, const std::string& source,
                          const std::string& recorded);
    std::string define(const GroundFact& f);
    static JournalRecord record(const std::string& op, const GroundFact& f, long date, const std::string& source,
                                const std::string& recorded, long until = 0);
    long apply(const std::string& op, const GroundFact& f, long date, const std::string& source,
               const std::string& recorded);
    PlTerm entity_term(const GroundFact& f);
    static long parse_long(const std::string& v);
    static PlTerm conditions_term(const std::string& text);

    // --- changes.cpp: add and retract statements, the queue, group commit
    void check(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g);
    void require_writable(const ParsedStatement& ps, const ast::Fact& f, const GroundFact& g, const char* verb);
    void check_storable(const ParsedStatement& ps, const ast::Add& a, const GroundFact& g);
    Result run_node(const ParsedStatement& ps, const ast::Add& a);
    Result run_node(const ParsedStatement& ps, const ast::Retract& r);
    void durable(const JournalRecord& rec);
    void apply_queue();
    std::size_t commit();

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

    // --- importers.cpp: the engine side of the ATOP import
    // What an import put into memory, so that a failure takes it out again.
    struct ImportUndo {
        std::vector<GroundFact> entities;               // defined (status added)
        std::vector<std::pair<long, GroundFact>> spells;  // id, party/2 fact
    };
    atop::Known import_known();
    void undo_import(const ImportUndo& undo);
    void apply_import(const atop::Plan& plan, ImportResult& out, ImportUndo& undo);
    ImportResult import_atop(const std::filesystem::path& dir, const std::filesystem::path& states);
    Result run_node(const ParsedStatement&, const ast::Import& i);

    // --- questions.cpp: a question to its kb/api.pl call and typed result
    struct QuestionVisitor;
    Result run_node(const ParsedStatement& ps, const ast::Query& q);
    PlTerm supposition(const ParsedStatement& ps, const ast::Change& c, const Date& as_of);
    void call_question(const PlTerm& goal, const std::vector<PlTerm>& suppositions, const std::string& place = "");
    DefendersResult defenders_result(DefendersResult::Kind kind, const Date& as_of, const std::string& ally,
                                     const std::string& attacker, bool hypothetical);
    Result ask(const ParsedStatement& ps, const ast::Question& question, const Date& as_of,
               const std::vector<PlTerm>& sup, bool dated);

    // --- definitions.cpp: define statements (resolved by define.cpp), and the place of an attack
    Result run_node(const ParsedStatement& ps, const ast::Define& d);
    define::Context define_context(const ParsedStatement& ps);
    std::string resolve_place(const ParsedStatement& ps, const ast::Name& n);
    // --- export_run.cpp: export dyads
    std::ostream* export_out = nullptr;  // the statement's rows without a file (nullptr: std::cout)
    std::size_t export_dyads(const DyadExportOptions& o, const DyadSink& sink);
    std::size_t export_to(const DyadExportOptions& o, DyadFormat format, const std::filesystem::path& file);
    Result run_node(const ParsedStatement& ps, const ast::ExportDyads& e);

    // --- engine.cpp: a statement to its stage
    Result run(const ParsedStatement& ps);
};

}  // namespace casus
