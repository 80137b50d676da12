// .import FILE.csv KIND: facts of one kind from a CSV file, added as one
// durable batch (one commit, one fsync), every error with the file's line.
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
// A row that fails (a value with a double quote or a line break, an
// unknown name, a bad date, an overlap) is reported and skipped; the
// others are added, as sqlite3's .import does. group_commit_after: the
// engine's mode to leave on (a batch run keeps it on).
CsvImportReport import_csv(Engine& engine, const std::filesystem::path& file, const std::string& kind,
                           bool group_commit_after);

}  // namespace casus::cli
