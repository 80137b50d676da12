// Reading a war-dyad file (COW interstate war dyads, one row per war dyad
// and year) into the attacks the backtest asks about and the pairs of
// states that fought each other in each larger war.
#pragma once

#include "casus/backtest.hpp"

#include <map>
#include <set>
#include <utility>

namespace casus::backtest {

struct Attack {
    std::size_t line = 0;        // the row's line, for messages
    int war_id = 0;              // larger_war_id
    std::string war;             // larger_war_name
    int initiator = 0, target = 0;  // COW codes
    Date date;                   // entry of the dyad into the war
};

struct Wars {
    std::vector<Attack> attacks;
    std::vector<BacktestSkip> skipped;
    std::size_t rows = 0;
    // Per larger war, every unordered pair of COW codes that appear as
    // initiator and target of one of its rows.
    std::map<int, std::set<std::pair<int, int>>> fought;

    bool fought_in(int war_id, int a, int b) const;
};

// An attack is the first year's row of a non-joiner initiator-target dyad
// whose entry date is valid; the other rows only say who fought whom.
Wars read_wars(const std::filesystem::path& file);

}  // namespace casus::backtest
