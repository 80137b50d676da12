// A streaming CSV reader for the research datasets: RFC 4180 quoting, LF,
// CRLF or CR-only line ends, text decoded to UTF-8 from the file's real
// encoding (csv_encoding.hpp), rows of any width (the caller decides what
// extra or missing columns mean). One row is in memory at a time, so a
// file of millions of rows costs what one row costs. Rows keep their line
// number for messages.
#pragma once

#include "csv_encoding.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace casus::csv {

// No field of these datasets comes near these; a larger one is a damaged
// or hostile file, refused before anything is stored (names and ids end up
// in the journal and in every answer).
constexpr std::size_t max_field_bytes = 1024;  // after decoding to UTF-8
constexpr std::size_t max_fields = 1024;       // per row

struct Row {
    std::size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> cells;
};

class Reader {
public:
    // Opens the file, finds its encoding and reads the header. Throws
    // casus::StorageError when it cannot be read or is empty.
    explicit Reader(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return file_; }
    const std::string& name() const { return name_; }  // the file name, for messages
    const std::vector<std::string>& header() const { return header_; }
    // The index of a header column; throws casus::StorageError naming the
    // file when the column is missing.
    std::size_t column(const std::string& name) const;

    // The next non-blank row, false at the end. Throws casus::StorageError
    // with file:line for a quoted field that never ends, a field over
    // max_field_bytes, more than max_fields fields, a control character
    // or a byte with no character.
    bool next(Row& row);

    bool crlf() const { return crlf_; }  // line ends seen so far
    bool cr() const { return cr_; }
    const EncodingScan& encoding() const { return scan_; }

private:
    int get();
    int peek();
    void put(std::string& cell, char c, const Row& row, std::size_t field);
    void finish(std::string& cell, const Row& row, std::size_t field);
    [[noreturn]] void fail(std::size_t line, const std::string& what) const;

    std::filesystem::path file_;
    std::string name_;
    EncodingScan scan_;
    std::ifstream in_;
    std::unique_ptr<char[]> buf_;
    std::size_t pos_ = 0, len_ = 0;
    std::size_t line_ = 1;
    bool crlf_ = false, cr_ = false;
    std::vector<std::string> header_;
    std::string decoded_;  // scratch for Latin-1 fields
};

// A cell that is a whole integer and nothing else ("NA", "", "-9x" and the
// like give nullopt): the datasets' codes, years and ids.
std::optional<int> whole_number(const std::string& cell);

}  // namespace casus::csv
