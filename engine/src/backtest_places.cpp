#include "backtest_places.hpp"

#include "casus/errors.hpp"
#include "csv.hpp"
#include "snake_case.hpp"

#include <optional>

namespace casus::backtest {

using csv::whole_number;

namespace {

// A kb id as the language reads one (snake_case.hpp), of at most 64
// bytes. The place becomes part of a statement, so nothing else may pass.
bool is_id(const std::string& s) { return s.size() <= 64 && is_snake_case(s); }

}  // namespace

std::map<AttackKey, Place> read_places(const std::filesystem::path& file) {
    csv::Reader t(file);
    const std::size_t c_war = t.column("war_id"), c_init = t.column("initiator_ccode"), c_target = t.column("target_ccode"),
                      c_place = t.column("place");
    std::map<AttackKey, Place> out;
    for (csv::Row row; t.next(row);) {
        auto cell = [&](std::size_t c) { return c < row.cells.size() ? row.cells[c] : std::string(); };
        const std::string where = t.name() + ":" + std::to_string(row.line) + ": ";
        auto war = whole_number(cell(c_war)), init = whole_number(cell(c_init)), target = whole_number(cell(c_target));
        if (!war || !init || !target)
            throw StorageError(where + "war_id, initiator_ccode and target_ccode must be numbers (COW codes); fix the row");
        const std::string place = cell(c_place);
        if (!is_id(place))
            throw StorageError(where + "the place '" + place +
                               "' is not a kb id (lowercase snake_case: a state, a territory or an issue); fix the row");
        auto [it, fresh] = out.try_emplace(AttackKey{*war, *init, *target}, Place{place, row.line});
        if (!fresh)
            throw StorageError(where + "the attack of war " + std::to_string(*war) + " by " + std::to_string(*init) + " on " +
                               std::to_string(*target) + " has a place at line " + std::to_string(it->second.line) +
                               " already; keep one row per attack");
    }
    return out;
}

}  // namespace casus::backtest
