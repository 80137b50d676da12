// Printing a backtest: the summary table (text, table), or every link
// (JSON Lines, CSV) for analysts to plot.
#pragma once

#include "casus/backtest.hpp"
#include "output.hpp"

#include <ostream>

namespace casus::cli {

void print_backtest(std::ostream& out, const BacktestReport& report, const OutputOptions& opts);

}  // namespace casus::cli
