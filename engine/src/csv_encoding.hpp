// The encoding of a research CSV file, found by reading it once before
// its rows are used, and the conversion of Latin-1 text to UTF-8. The
// ATOP files and the COW state list are UTF-8, plain ASCII or Latin-1
// (Windows-1252) in places; a file that mixes UTF-8 with other bytes is
// refused, since no reading of it is sure to be right.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace casus::csv {

enum class Encoding { ascii, utf8, latin1 };

struct EncodingScan {
    Encoding encoding = Encoding::ascii;
    std::size_t line = 0;  // latin1: the first line with a byte that is not UTF-8; utf8: the first non-ASCII line
    bool bom = false;      // the file starts with a UTF-8 byte-order mark
    bool crlf = false, cr = false;  // line ends seen: CRLF, CR alone
};

// Reads the whole file once, in blocks, and notes its line ends. Throws casus::StorageError when
// it cannot be read, or when it holds valid UTF-8 sequences and bytes
// that are not UTF-8 (naming both lines).
EncodingScan scan_encoding(const std::filesystem::path& file);

// Appends text, read as Windows-1252 (Latin-1 with printable characters
// at 0x80-0x9F), to out as UTF-8. Returns the first byte that has no
// character there (0x81, 0x8D, 0x8F, 0x90, 0x9D), or -1.
int latin1_to_utf8(std::string_view text, std::string& out);

}  // namespace casus::csv
