// Reading a place table (kb/data/wars/attack-places.csv): where each
// attack of a war file fell, so that the backtest asks it `in` that place
// and a treaty area (kb/areas.pl) can apply.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>

namespace casus::backtest {

// (larger war id, initiator COW code, target COW code): one attack of a
// war file (backtest_wars.hpp).
using AttackKey = std::tuple<int, int, int>;

struct Place {
    std::string id;            // a kb id: a state (its own territory), a territory or an issue
    std::size_t line = 0;      // the table's line, for messages
};

// Every row of the table, by attack. Throws StorageError (file:line) for a
// row whose war id or codes are not numbers, whose place is empty or not
// one snake_case id, or that repeats an attack of an earlier row.
std::map<AttackKey, Place> read_places(const std::filesystem::path& file);

}  // namespace casus::backtest
