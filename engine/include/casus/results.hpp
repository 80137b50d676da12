// Typed answers. The engine turns Prolog's result terms into these; the
// casus program prints them as table, text, JSON or CSV.
#pragma once

#include "casus/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace casus {

// A source an answer drew on and where it stops: ATOP 4.01 and the COW
// state list end on 2016-12-31, the curated kb and the user's own facts
// have no end. Filled by the engine (engine/src/coverage.cpp) for every
// answer about a date.
struct CoverageSource {
    std::string source;        // atop, cow, curated, user
    std::string name;          // "ATOP 4.01", "the COW state list v2016", ...
    std::optional<Date> ends;  // the last day it covers; nullopt: it goes on
    bool beyond = false;       // the answer's date lies past `ends`
};
using Coverage = std::vector<CoverageSource>;

// One fact behind a conclusion, with its source: a leaf of a proof tree.
struct Evidence {
    std::string fact;    // the fact as the kb writes it, e.g. tie(kazakhstan,azerbaijan,military)
    std::string source;  // e.g. "article ¶6"
    std::string quote;   // short quote from the source, may be empty
    std::optional<Date> date;  // valid from; nullopt for timeless facts
};

// Something that pushes a state toward (weight > 0) or away from acting.
struct Factor {
    std::string kind;    // e.g. kinship_with_attacker, tie_with_attacker:military
    double weight = 0;
    std::string detail;  // e.g. "turkic kinship with Azerbaijan"
    std::vector<Evidence> evidence;  // newest first, at most 10
    long evidence_total = 0;         // how many pieces of evidence in all
};

// A treaty clause that obliges the state to act.
struct Basis {
    std::string treaty, treaty_name, clause, clause_title;
    std::vector<std::string> notes;  // conditions assumed, fellow member attacking
    std::vector<Evidence> evidence;
};

enum class Verdict : std::uint8_t { likely, uncertain, unlikely };
const char* to_string(Verdict v);

struct Assessment {
    std::string state, name;
    int cow = 0;
    bool obligated = false;
    std::vector<Basis> basis;
    Verdict verdict = Verdict::uncertain;
    double score = 0;        // the log-odds that it fights (kb/verdict_model.pl)
    double probability = 0;  // that it fights: 1 / (1 + exp(-score))
    std::vector<Factor> factors;
};

// who would defend / who must defend / would S defend / why would S (not) defend.
struct DefendersResult {
    enum class Kind { defenders, obligations, would, why } kind = Kind::defenders;
    Date as_of;
    std::string ally, ally_name, attacker, attacker_name;  // attacker empty: against anyone
    std::string place, place_name;   // where the attack falls ("... in PLACE"); empty: not said
    bool negated = false;            // "why would S not defend"
    bool hypothetical = false;       // answered under "suppose"
    std::vector<Assessment> answers;
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};
const char* to_string(DefendersResult::Kind k);

// The defence matrix: every ordered pair (ally, attacker) of the chosen
// states, each with the defenders `who would defend` gives for it (same
// states, order, verdicts and scores), without the evidence. States are
// indices into MatrixResult::states, to keep millions of answers small.
struct MatrixDefender {
    double score = 0;
    std::uint32_t state = 0;
    bool obligated = false;
    Verdict verdict = Verdict::uncertain;
    double probability = 0;  // that it fights, from score (the log-odds)
};
struct MatrixPair {
    std::uint32_t ally = 0, attacker = 0;
    std::vector<MatrixDefender> defenders;
};
struct MatrixResult {
    Date as_of;
    bool hypothetical = false;
    std::vector<std::string> states;  // every state id, sorted
    std::vector<MatrixPair> pairs;    // by ally, then attacker
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};

// A fact with its span and source: for ties, facts about, history.
struct FactRow {
    std::string kind, fact, source, quote;
    std::optional<Date> from, to;
    std::string recorded;  // history only: "kb" or when it was added
};

struct FactsResult {
    enum class Kind { ties, facts, history } kind = Kind::facts;
    Date as_of;
    std::vector<std::string> subjects;  // ids
    bool hypothetical = false;
    std::vector<FactRow> rows;
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};
const char* to_string(FactsResult::Kind k);

struct ClauseRow { std::string clause, title, obligation; };
struct TreatyRow {
    std::string treaty, name, source;
    std::optional<Date> bound_since;
    std::vector<ClauseRow> clauses;
};
struct TreatiesResult {
    Date as_of;
    std::string state;
    bool hypothetical = false;
    std::vector<TreatyRow> rows;
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};

struct MemberRow {
    std::string state, name, source;
    int cow = 0;
    std::optional<Date> from, to;
};
struct MembersResult {
    Date as_of;
    std::string organisation;
    bool hypothetical = false;
    std::vector<MemberRow> rows;
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};

struct BackerRow {
    std::string state, name, issue, how, source, quote;
    std::optional<Date> date;
};
struct BackersResult {
    Date as_of;
    std::string state;
    bool hypothetical = false;
    std::vector<BackerRow> rows;
    Coverage coverage;               // last (aggregates fill the rest): the sources drawn on, where each ends
};

struct EntityRow { std::string id, name, extra; };
struct EntitiesResult {
    std::string what;  // states, organisations, treaties, declarations
    std::vector<EntityRow> rows;
};

// The outcome of add / retract.
struct ChangeResult {
    enum class Action { added, ended, withdrawn, defined } action = Action::added;  // defined: a define statement
    std::string fact;     // as the kb writes it
    std::optional<Date> date;
    std::string source;
    long count = 1;
    // Non-zero for an add queued in a group-commit batch: it is checked
    // against the store and acknowledged when the batch is committed, and
    // Engine::take_rejections() names it by this ticket if it was refused.
    std::size_t ticket = 0;
    // An added fact that no rule reads as the kb stands says so (kb/crises.pl unread_note/2).
    std::string note;
};
const char* to_string(ChangeResult::Action a);

// A queued add the store refused when its batch was applied (it
// contradicts a fact already held, or the schema): nothing of it was
// written. offset/length locate the fact in its statement's text.
struct Rejection {
    std::size_t ticket = 0;
    std::string message;
    std::size_t offset = 0, length = 0;
};

// A row of an imported file that was skipped or repaired, with where it is.
struct ImportIssue {
    std::string file;
    std::size_t line = 0;
    std::string message;
    std::size_t count = 1;  // rows it stands for: past the first 1,000 of a list, the rest are one issue
};

// The outcome of `import atop`: what was read, what was new, what was not.
struct ImportResult {
    std::string dataset;                 // "atop"
    std::size_t alliances = 0;           // alliance rows read
    std::size_t alliances_linked = 0;    // of them, curated treaties (NATO, CSTO)
    std::size_t obligations = 0;         // clauses created
    std::size_t member_rows = 0;         // member rows read
    std::size_t spells_added = 0;        // membership spells new in the kb
    std::size_t spells_present = 0;      // already there (an earlier import)
    std::size_t states_created = 0;      // COW states the kb did not have
    std::size_t entities_added = 0;      // states, aliases, treaties, clauses new in the kb
    std::vector<ImportIssue> skipped;    // rows left out, and why
    std::vector<ImportIssue> repaired;   // quirks handled: missing days, CRLF, trailing columns
};

// The outcome of `export dyads` (casus/dyads.hpp): the rows written.
struct ExportResult {
    std::size_t rows = 0;
    int from_year = 0, to_year = 0;
    std::string file;  // empty: written to the engine's export stream (stdout)
};

using Result = std::variant<DefendersResult, MatrixResult, FactsResult, TreatiesResult, MembersResult, BackersResult,
                            EntitiesResult, ChangeResult, ImportResult, ExportResult>;

}  // namespace casus
