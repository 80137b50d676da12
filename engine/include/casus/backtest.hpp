// The backtest: casus's answers measured against real wars. Every attack
// of a war-dyad file (the Correlates of War interstate war dyads, as
// shipped in kb/data/wars/) is asked as of its eve, "who would defend the
// target against the initiator", and each state in the answer is scored
// against whether it fought the initiator in the same larger war.
#pragma once

#include "casus/date.hpp"
#include "casus/results.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casus {

class Engine;

// One state of casus's answer to one attack.
struct BacktestLink {
    std::size_t attack = 0;      // which attack (its index among those asked)
    std::string war;             // the larger war's name, e.g. "Seven Weeks War"
    int war_id = 0;              // COW larger_war_id: links of one war share it
    Date attack_date;            // the initiator's entry into the war
    Date asked;                  // the question's date: the eve of the attack
    std::string ally, attacker, defender;  // casus ids (ally = the target)
    std::string place;           // where the attack fell (the place table's kb id), "" when none is named
    bool obligated = false;
    std::vector<std::string> basis;  // treaty ids behind the obligation
    Verdict verdict = Verdict::uncertain;
    double score = 0;            // the log-odds that the defender fights
    double probability = 0;      // casus's answer: 1 / (1 + exp(-score))
    bool fought = false;
    // For fitting: the fitted terms of the model that applied (factor
    // kinds) and the sum of every other factor's effect.
    std::vector<std::string> terms;
    double offset = 0;
    // The probability with the fitted terms fitted on every other war
    // (leave-one-war-out), and the verdict its band gives.
    double lowo_probability = 0;
    Verdict lowo_verdict = Verdict::uncertain;
};

// Counts of a set of links, each link weighted (1, or 1/links of its war).
struct BacktestLine {
    std::string label;           // "likely", ..., "obligated (naive baseline)", "all"
    double count = 0, fought = 0;
    double precision() const { return count > 0 ? fought / count : 0; }
    double recall = 0;           // fought here / fought among all links
};

// The figures of one way of giving a probability to the links.
struct BacktestFigures {
    std::vector<BacktestLine> lines;  // per verdict, then the naive baseline and every link
    std::optional<double> auc;   // of the probability: P(a fighter's is above a non-fighter's)
    double brier = 0;            // mean (probability - fought)^2
};

struct BacktestSection {
    std::string label;           // "all wars", "before 1914", ..., "every war weighted once"
    std::size_t attacks = 0, links = 0, wars = 0;  // attacks and wars with a state in the answer
    double base_rate = 0;        // share of the links that fought
    double base_brier = 0;       // the Brier score of that constant
    BacktestFigures answered;    // casus's answers as given
    BacktestFigures lowo;        // leave-one-war-out
};

// The fit of the model's fitted terms on every link.
struct BacktestFit {
    std::vector<std::string> kinds;
    std::vector<double> coefficients;
};

// An attack the backtest could not ask, and why.
struct BacktestSkip {
    std::size_t line = 0;
    std::string reason;
};

struct BacktestReport {
    std::filesystem::path wars_file;
    std::optional<std::filesystem::path> places_file;  // the place table, when one was read
    std::size_t attacks_placed = 0;   // attacks asked `in` a place of that table
    std::size_t rows = 0, attacks = 0;  // rows read; attacks asked
    std::vector<BacktestSkip> skipped;
    std::vector<BacktestLink> links;
    std::vector<BacktestSection> sections;
    BacktestFit fit;
    static const char* fought_definition();
    // Where the attacks were asked to fall, for the definition text.
    std::string place_definition() const;
};

// The shipped war dyads: KB_DIR/data/wars/interstate-war-dyads.csv.
std::filesystem::path default_wars_file(const std::filesystem::path& kb_dir);
// The shipped table of where their attacks fell: KB_DIR/data/wars/attack-places.csv.
std::filesystem::path default_places_file(const std::filesystem::path& kb_dir);

// Replays every attack of the file against the engine's kb (as of each
// attack's eve) and scores the answers. With a place table, an attack it
// lists is asked `in` its place (so that treaty areas apply); without one,
// or for an attack it lacks, no place is named. Throws StorageError when a
// file cannot be read, lacks a column or has a bad place row.
BacktestReport run_backtest(Engine& engine, const std::filesystem::path& wars_csv,
                            const std::optional<std::filesystem::path>& places_csv = std::nullopt);

// Writes report.fit as kb/verdict_model_fitted.pl is written (the module
// verdict_model_fitted); throws StorageError when it cannot.
void write_fitted_model(const std::filesystem::path& file, const BacktestReport& report);

}  // namespace casus
