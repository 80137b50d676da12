// Statements run as one batch that is kept whole or not at all
// (Engine::add_together): how `.import FILE.csv KIND` adds its rows.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace casus {

// A statement of the batch that failed: its index and why.
struct BatchError {
    std::size_t index = 0;
    std::string message;
    std::size_t offset = 0, length = 0;  // in the statement's text
};

struct BatchOutcome {
    std::vector<BatchError> errors;  // by index
    std::size_t added = 0;           // durable: 0 unless every statement was taken
};

}  // namespace casus
