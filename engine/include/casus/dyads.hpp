// Directed dyad-years for analysts (`export dyads`): one row per ordered
// pair of states in the COW state system each year, with the ATOP-style
// obligations of state1 toward state2, casus's verdict, the treaties
// behind them and the alliance-portfolio similarity of the two states.
// Engine::export_dyads hands each row to a callback as it is made; the
// writers below turn them into CSV or JSON Lines (README, "Export for
// analysts", names every column).
#pragma once

#include "casus/results.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace casus {

// The five ATOP obligation kinds, in the column order of a row.
enum class Obligation : std::uint8_t { defence, offence, neutrality, non_aggression, consultation };
inline constexpr std::size_t obligation_kinds = 5;

struct DyadExportOptions {
    int from_year = 1816, to_year = 2016;  // both included
    std::vector<std::string> states;       // ids; empty: every state (rows whose two states are both listed)
    int ref_month = 12, ref_day = 31;      // the reference day of each year
};

// The sources' years: outside them a column they feed is empty, never 0.
inline constexpr int cow_first_year = 1816, cow_last_year = 2016;    // COW state system v2016
inline constexpr int atop_first_year = 1815, atop_last_year = 2016;  // ATOP 4.01 as shipped (kb/data/atop)

struct DyadRow {
    int ccode1 = 0, ccode2 = 0, year = 0;
    const std::string* state1 = nullptr;  // casus ids, valid during the callback
    const std::string* state2 = nullptr;
    // Obligations of state1 toward state2 at any time in the year, and on
    // the reference day; nullopt where ATOP does not cover the year (and,
    // for the day, where either state is outside the system that day).
    std::array<std::optional<bool>, obligation_kinds> in_year, on_day;
    // Would state1 defend state2 against any attacker on the reference
    // day (as `who must defend` with no attacker named, scored as `who
    // would defend`): nullopt where either state is outside the system
    // on that day, or rules of the user's are loaded (no table holds them).
    std::optional<Verdict> verdict;
    std::optional<double> score;
    std::optional<double> probability;  // that state1 fights for state2 (kb/verdict_model.pl), as `verdict`
    // Treaty ids, ';'-separated: any of the five obligations in the year;
    // a defence obligation on the reference day.
    std::string treaties, defence_treaties;
    // Alliance-portfolio similarity over the system states of the year
    // (README: Signorino & Ritter's S, Cohen's kappa after Häge 2011);
    // nullopt outside ATOP's years, and kappa where it is undefined (no
    // expected disagreement).
    std::optional<double> s_unweighted, kappa;
    const char* coverage = "";  // the sources covering the row: "cow;atop", "cow", "atop" or ""
};

// The similarity of two valued tie vectors (0..3) of the same length,
// over every position (README: S after Signorino & Ritter 1999,
// unweighted, absolute distances; kappa after Häge 2011, squared
// distances); kappa nullopt where no disagreement is expected. The
// export computes the same from sparse counts; this is the plain form.
struct Similarity {
    double s;
    std::optional<double> kappa;
};
Similarity portfolio_similarity(const std::vector<int>& x, const std::vector<int>& y);

using DyadSink = std::function<void(const DyadRow&)>;

enum class DyadFormat { csv, json };

// Writes rows as they come: CSV (RFC 4180, one header line first, CRLF
// free: LF line ends) or JSON Lines (one object per line, empty columns
// as null). Throws StorageError when the stream fails.
class DyadWriter {
public:
    DyadWriter(std::ostream& out, DyadFormat format);
    void operator()(const DyadRow& row);
    std::size_t rows() const { return rows_; }
    static const std::vector<std::string>& columns();

private:
    std::ostream& out_;
    DyadFormat format_;
    std::size_t rows_ = 0;
    std::string line_;
};

}  // namespace casus
