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
    bool obligated = false;
    std::vector<std::string> basis;  // treaty ids behind the obligation
    Verdict verdict = Verdict::uncertain;
    double score = 0;
    bool fought = false;
};

// Counts of a set of links, each link weighted (1, or 1/links of its war).
struct BacktestLine {
    std::string label;           // "likely", ..., "obligated (naive baseline)", "all"
    double count = 0, fought = 0;
    double precision() const { return count > 0 ? fought / count : 0; }
    double recall = 0;           // fought here / fought among all links
};

struct BacktestSection {
    std::string label;           // "all wars", "before 1914", ..., "every war weighted once"
    std::size_t attacks = 0, links = 0, wars = 0;  // attacks and wars with a state in the answer
    std::vector<BacktestLine> lines;
    std::optional<double> auc;   // of the score: P(a fighter scores above a non-fighter)
};

// An attack the backtest could not ask, and why.
struct BacktestSkip {
    std::size_t line = 0;
    std::string reason;
};

struct BacktestReport {
    std::filesystem::path wars_file;
    std::size_t rows = 0, attacks = 0;  // rows read; attacks asked
    std::vector<BacktestSkip> skipped;
    std::vector<BacktestLink> links;
    std::vector<BacktestSection> sections;
    static const char* fought_definition();
};

// The shipped war dyads: KB_DIR/data/wars/interstate-war-dyads.csv.
std::filesystem::path default_wars_file(const std::filesystem::path& kb_dir);

// Replays every attack of the file against the engine's kb (as of each
// attack's eve) and scores the answers. Throws StorageError when the file
// cannot be read or lacks a column.
BacktestReport run_backtest(Engine& engine, const std::filesystem::path& wars_csv);

}  // namespace casus
