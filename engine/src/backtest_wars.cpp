#include "backtest_wars.hpp"

#include "casus/errors.hpp"
#include "csv.hpp"

#include <algorithm>
#include <tuple>

namespace casus::backtest {

using csv::whole_number;

namespace {

std::pair<int, int> unordered(int a, int b) { return a < b ? std::pair{a, b} : std::pair{b, a}; }

}  // namespace

bool Wars::fought_in(int war_id, int a, int b) const {
    auto it = fought.find(war_id);
    return it != fought.end() && it->second.count(unordered(a, b)) > 0;
}

Wars read_wars(const std::filesystem::path& file) {
    csv::Reader t(file);
    const std::size_t c_war = t.column("larger_war_id"), c_name = t.column("larger_war_name"),
                      c_dyad = t.column("init_war_id"), c_year = t.column("year"), c_init = t.column("init_ccode"),
                      c_target = t.column("target_ccode"), c_month = t.column("month_entry"),
                      c_day = t.column("day_entry"), c_joiner = t.column("joiner");
    const std::size_t width = t.header().size();
    Wars w;
    // The first year's row of each (dyad war, initiator, target), as read
    // (the reader streams: one row at a time).
    std::map<std::tuple<int, int, int>, std::pair<int, csv::Row>> first;
    for (csv::Row row; t.next(row);) {
        ++w.rows;
        if (row.cells.size() < width) {
            w.skipped.push_back({row.line, "the row has " + std::to_string(row.cells.size()) + " of " +
                                               std::to_string(width) + " columns"});
            continue;
        }
        auto war = whole_number(row.cells[c_war]), dyad = whole_number(row.cells[c_dyad]), year = whole_number(row.cells[c_year]),
             init = whole_number(row.cells[c_init]), target = whole_number(row.cells[c_target]);
        if (!war || !dyad || !year || !init || !target) {
            w.skipped.push_back({row.line, "no war, year, initiator or target code"});
            continue;
        }
        w.fought[*war].insert(unordered(*init, *target));
        if (whole_number(row.cells[c_joiner]).value_or(0) != 0) continue;  // joined an ongoing war: not an attack
        auto key = std::make_tuple(*dyad, *init, *target);
        auto it = first.find(key);
        if (it == first.end() || *year < it->second.first) first[key] = {*year, row};
    }
    for (const auto& [key, found] : first) {
        const csv::Row& row = found.second;
        auto month = whole_number(row.cells[c_month]), day = whole_number(row.cells[c_day]);
        auto date = month && day ? Date::make(found.first, *month, *day) : std::nullopt;
        if (!date) {
            w.skipped.push_back({row.line, "the entry date " + std::to_string(found.first) + "-" + row.cells[c_month] +
                                               "-" + row.cells[c_day] + " is not a date"});
            continue;
        }
        w.attacks.push_back({row.line, *whole_number(row.cells[c_war]), row.cells[c_name], std::get<1>(key),
                             std::get<2>(key), *date});
    }
    std::sort(w.attacks.begin(), w.attacks.end(),
              [](const Attack& a, const Attack& b) { return std::tie(a.date, a.line) < std::tie(b.date, b.line); });
    return w;
}

}  // namespace casus::backtest
