// A defender's bases and factors as JSON (the "basis" and "factors" of a
// `who would defend` or `why` answer), written straight from the
// assessment into an output buffer: no json value is built for their
// evidence, most of an answer's bytes. The bytes are those nlohmann::json
// writes for the same values (each object's keys sorted, every text made
// valid UTF-8 and its controls escaped by append_json_string, numbers by
// append_json_double), as tests/unit/test_defender_json.cpp checks.
#pragma once

#include "casus/results.hpp"

#include <string>

namespace casus::cli {

void write_bases_json(std::string& out, const Assessment& a);
void write_factors_json(std::string& out, const Assessment& a);

}  // namespace casus::cli
