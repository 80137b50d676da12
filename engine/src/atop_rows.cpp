#include "atop_rows.hpp"

#include "casus/date.hpp"
#include "casus/errors.hpp"

#include <algorithm>
#include <cctype>

namespace casus::atop::rows {

namespace {

int days_in(int y, int m) { return Date::days_in_month(y, m); }

}  // namespace

long next_day(long v) {
    int y = static_cast<int>(v / 10000), m = static_cast<int>(v / 100 % 100), d = static_cast<int>(v % 100);
    if (++d > days_in(y, m)) {
        d = 1;
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    return y * 10000L + m * 100L + d;
}

std::optional<long> integer(const std::string& s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    long v = 0;
    for (; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
        v = v * 10 + (s[i] - '0');
        if (v > 100000000) return std::nullopt;
    }
    return s[0] == '-' ? -v : v;
}

void note(std::vector<ImportIssue>& list, ImportIssue issue) {
    if (list.size() <= max_listed) list.push_back(std::move(issue));
    else ++list[max_listed].count;
}

void count_rest(std::vector<ImportIssue>& list) {
    if (list.size() <= max_listed || list[max_listed].count == 1) return;
    ImportIssue& rest = list[max_listed];
    rest.message += "; and " + std::to_string(rest.count - 1) + " more after this one, not listed one by one";
}

void Fatal::add(const std::string& file, std::size_t line, const std::string& what) {
    if (++count <= 10) messages.push_back(file + ":" + std::to_string(line) + ": " + what);
}

void Fatal::raise() const {
    if (!count) return;
    std::string msg = "the files were not imported, nothing was written:";
    for (auto& m : messages) msg += "\n  " + m;
    if (count > messages.size()) msg += "\n  ... and " + std::to_string(count - messages.size()) + " more";
    throw StorageError(msg);
}

RowKey key_of(const csv::Row& r, std::size_t width) {
    std::uint64_t a = 14695981039346656037ull, b = 0x9E3779B97F4A7C15ull;
    auto mix = [&](unsigned char c) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0xFF51AFD7ED558CCDull;
        b ^= b >> 29;
    };
    for (std::size_t i = 0; i < width && i < r.cells.size(); ++i) {
        for (char c : r.cells[i]) mix(static_cast<unsigned char>(c));
        mix(0);  // a separator no cell holds (control characters are refused)
    }
    return {a, b};
}

Sheet::Sheet(const std::filesystem::path& p, ImportResult& o, Fatal& f, bool quiet_)
    : reader(p), out(o), fatal(f), quiet(quiet_) {
    if (quiet) return;
    const auto& enc = reader.encoding();
    if (enc.crlf) note(out.repaired, {name(), 1, "CRLF line ends: read as plain line ends"});
    if (enc.cr) note(out.repaired, {name(), 1, "CR line ends: read as plain line ends"});
    if (enc.encoding == csv::Encoding::latin1)
        note(out.repaired, {name(), enc.line, "not UTF-8 from this line on: the file is read as Latin-1 "
                                                  "(Windows-1252) and its text converted to UTF-8"});
    if (enc.bom) note(out.repaired, {name(), 1, "UTF-8 byte-order mark: skipped"});
}

bool Sheet::next() {
    while (reader.next(row)) {
        const std::size_t width = reader.header().size();
        if (row.cells.size() < width) {
            if (!quiet)
                fatal.add(name(), row.line, "the row has " + std::to_string(row.cells.size()) + " columns, the header " +
                                                std::to_string(width) + ": it is cut short (a damaged or truncated file?)");
            continue;
        }
        if (!quiet)
            for (std::size_t i = width; i < row.cells.size(); ++i)
                if (!row.cells[i].empty()) {
                    note(out.repaired, {name(), row.line, "garbage in trailing column " + std::to_string(i + 1) +
                                                                  " ('" + row.cells[i] + "'): ignored"});
                    break;
                }
        return true;
    }
    return false;
}

std::optional<long> date_of(const Sheet& s, const DateColumns& c, bool exit, ImportResult& out) {
    const std::string what = exit ? "exit" : "entry";
    const std::size_t line = s.row.line;
    const std::string& raw_year = s.cell(c.year);
    auto y = integer(raw_year);
    if (!y || *y < 0) {
        note(out.skipped, {s.name(), line, what + " year '" + raw_year + "' is not a year: row skipped"});
        return std::nullopt;
    }
    if (*y == 0) {
        if (exit) return open_end;
        note(out.skipped, {s.name(), line, "entry year 0: row skipped"});
        return std::nullopt;
    }
    if (*y < first_year || *y > last_year) {
        note(out.skipped, {s.name(), line, what + " year " + raw_year + " is outside " + std::to_string(first_year) +
                                                   "-" + std::to_string(last_year) + " (ATOP covers 1815-2018): row skipped"});
        return std::nullopt;
    }
    auto repair = [&](std::size_t col, int fallback, const char* unit) -> int {
        const std::string& raw = s.cell(col);
        auto v = integer(raw);
        if (v && *v > 0) return static_cast<int>(std::min(*v, 99L));
        note(out.repaired, {s.name(), line, what + " " + unit + " " + (raw.empty() ? "blank" : "'" + raw + "'") +
                                                    " (unknown): taken as " + std::to_string(fallback)});
        return fallback;
    };
    int m = repair(c.month, exit ? 12 : 1, "month");
    if (m > 12) {
        note(out.skipped, {s.name(), line, what + " month " + s.cell(c.month) + " does not exist: row skipped"});
        return std::nullopt;
    }
    int last = days_in(static_cast<int>(*y), m);
    int d = repair(c.day, exit ? last : 1, "day");
    if (d > last) {
        note(out.repaired, {s.name(), line, what + " date " + std::to_string(*y) + "-" + std::to_string(m) + "-" +
                                                    s.cell(c.day) + " does not exist: taken as day " + std::to_string(last)});
        d = last;
    }
    return *y * 10000L + m * 100L + d;
}

}  // namespace casus::atop::rows
