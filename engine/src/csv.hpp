// A small CSV reader for the research datasets: RFC 4180 quoting, CRLF or
// LF line ends, rows of any width (the caller decides what extra or
// missing columns mean). Rows keep their line number for messages.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casus::csv {

struct Row {
    std::size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> cells;
};

struct Table {
    std::filesystem::path file;
    std::vector<std::string> header;
    std::vector<Row> rows;
    bool crlf = false;  // the file uses CRLF line ends

    // The index of a header column; throws casus::StorageError naming the
    // file when the column is missing.
    std::size_t column(const std::string& name) const;
};

// Reads a whole file; throws casus::StorageError when it cannot be read
// or a quoted field never ends.
Table read(const std::filesystem::path& file);

}  // namespace casus::csv
