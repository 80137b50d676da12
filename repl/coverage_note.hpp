// What an answer's coverage says (issue 18 item 6): a `coverage` field in
// JSON, and in text and table one line under the answer when its date lies
// past a source's end. Kept apart from output.cpp's writers, which call it.
#pragma once

#include "casus/results.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace casus::cli {

// The coverage of a result about a date, nullptr for the other kinds.
const Coverage* coverage_of(const Result& result);

// [{"source": "atop", "name": "ATOP 4.01", "ends": "2016-12-31", "beyond": true}, ...]
nlohmann::json coverage_json(const Coverage& c);

// The line under the answer, or nothing when the date is within every
// source: "Coverage: ATOP 4.01 and the COW state list v2016 end on
// 2016-12-31; alliances and states are taken as they stood then (the
// curated kb goes on)."
std::optional<std::string> coverage_line(const Coverage& c);

// Prints coverage_line, if any, for a result printed as text or table.
void print_coverage_note(std::ostream& out, const Result& result);

}  // namespace casus::cli
