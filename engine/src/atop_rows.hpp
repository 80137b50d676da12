// Reading the rows of the ATOP and COW files for the import
// (atop_import.cpp): one file at a time with the checks every row gets,
// numbers and dates out of cells, problems that stop the import, issues
// that are reported, and a row's identity for finding repeats.
#pragma once

#include "casus/results.hpp"
#include "csv.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casus::atop::rows {

constexpr long open_end = 99991231;  // a spell still in force at the end of the data

// A cell as a whole number (an optional '-', digits, at most 100000000).
std::optional<long> integer(const std::string& s);

// YYYYMMDD of the day after.
long next_day(long yyyymmdd);

// Past the first max_listed issues of a list, the rest are one issue that
// counts them: a file of a million bad rows is reported in a screen, and
// in bounded memory.
constexpr std::size_t max_listed = 1000;
void note(std::vector<ImportIssue>& list, ImportIssue issue);
// Once a list is complete: the issue that stands for many says how many.
void count_rest(std::vector<ImportIssue>& list);

// Problems that stop the import, gathered over all files so that one run
// names them all; nothing is stored when there is one.
struct Fatal {
    std::vector<std::string> messages;  // the first ten
    std::size_t count = 0;
    void add(const std::string& file, std::size_t line, const std::string& what);
    void raise() const;  // throws casus::StorageError listing them, if any
};

// A row's identity, to find a row repeated: two independent 64-bit hashes
// of its cells (up to the header's width), so a false match has one
// chance in 2^128, and a million rows cost 16 bytes each, not their text.
struct RowKey {
    std::uint64_t a, b;
    bool operator==(const RowKey& o) const { return a == o.a && b == o.b; }
};
struct RowKeyHash {
    std::size_t operator()(const RowKey& k) const { return static_cast<std::size_t>(k.a); }
};
RowKey key_of(const csv::Row& r, std::size_t width);

// One file read row by row, with the checks every row gets: a row with
// fewer columns than the header is cut short (fatal: the file is damaged,
// and what it lacks cannot be guessed); non-empty cells past the header
// are reported and ignored. Line ends and encoding are reported first.
struct Sheet {
    csv::Reader reader;
    csv::Row row;  // the current row
    ImportResult& out;
    Fatal& fatal;
    bool quiet;  // a second pass over a file: its quirks are reported already

    Sheet(const std::filesystem::path& p, ImportResult& o, Fatal& f, bool quiet_ = false);
    const std::string& name() const { return reader.name(); }
    std::size_t col(const char* c) const { return reader.column(c); }
    const std::string& cell(std::size_t i) const {
        static const std::string empty;
        return i < row.cells.size() ? row.cells[i] : empty;
    }
    bool next();  // the next row wide enough, false at the end
};

// ATOP 4.01 covers 1815-2018; a year outside 1800-2100 is a typing error
// or a damaged file, not an alliance (and 1e8 would make dates no
// question can ask), so its row is skipped and reported.
constexpr long first_year = 1800, last_year = 2100;

struct DateColumns {
    std::size_t year, month, day;
};

// A date (YYYYMMDD) from the current row's year/month/day cells. Year 0
// on an exit means "still in force" (open_end); a missing or 0 month or
// day is taken as the first (entry) or last (exit) possible one, and a
// day past the month's end as its last day: each repair is reported with
// file and line. A year that is not one, or outside the range, skips the
// row (nullopt, reported).
std::optional<long> date_of(const Sheet& s, const DateColumns& c, bool exit, ImportResult& out);

}  // namespace casus::atop::rows
