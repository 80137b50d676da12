// .import FILE.csv KIND: facts of one kind from a CSV file, added as one
// durable batch (one commit, one fsync) or not at all, every error with
// the file's line.
#pragma once

#include "casus/engine.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace casus::cli {

struct CsvImportError {
    std::size_t line = 0;  // 0: about the file as a whole
    std::string message;
};

struct CsvImportReport {
    std::size_t rows = 0, added = 0;
    std::vector<CsvImportError> errors;
};

// The file's header names the columns: the kind's arguments first, in
// order (any names), then optionally `date` (YYYY-MM-DD) and `source`.
// All or nothing (Engine::add_together): every row is checked, and the
// rows are added, as one durable batch, only when none is bad (a value
// with a double quote or a line break, a row of the wrong width, an
// unknown name, a bad date, an overlap, with one another too); otherwise
// nothing is added, the journal is as it was, and errors lists every bad
// row with its line.
CsvImportReport import_csv(Engine& engine, const std::filesystem::path& file, const std::string& kind);

}  // namespace casus::cli
