#include "csv_encoding.hpp"

#include "casus/errors.hpp"

#include <fstream>

namespace casus::csv {

namespace {

// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// past U+10FFFF. Fed one byte at a time, across block boundaries.
class Utf8Checker {
public:
    // False when byte cannot continue what came before.
    bool feed(unsigned char b) {
        if (need_ == 0) {
            if (b < 0x80) return true;
            lo_ = 0x80, hi_ = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) need_ = 1;
            else if (b == 0xE0) need_ = 2, lo_ = 0xA0;
            else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) need_ = 2;
            else if (b == 0xED) need_ = 2, hi_ = 0x9F;
            else if (b == 0xF0) need_ = 3, lo_ = 0x90;
            else if (b >= 0xF1 && b <= 0xF3) need_ = 3;
            else if (b == 0xF4) need_ = 3, hi_ = 0x8F;
            else return false;
            return true;
        }
        if (b < lo_ || b > hi_) {
            need_ = 0;
            return false;
        }
        lo_ = 0x80, hi_ = 0xBF;
        if (--need_ == 0) ++sequences_;
        return true;
    }
    bool in_sequence() const { return need_ != 0; }
    std::size_t sequences() const { return sequences_; }

private:
    int need_ = 0;
    unsigned char lo_ = 0x80, hi_ = 0xBF;
    std::size_t sequences_ = 0;  // complete multi-byte characters seen
};

// 0x80-0x9F in Windows-1252; 0 where it has no character.
constexpr char16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void put_utf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

EncodingScan scan_encoding(const std::filesystem::path& file) {
    // A directory, a pipe or a device (/dev/zero would never end) is no data file.
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec) throw StorageError("cannot read " + file.string() + ": " + ec.message());
    if (!std::filesystem::is_regular_file(status))
        throw StorageError("cannot read " + file.string() + ": not a regular file; give the path of a CSV file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw StorageError("cannot read " + file.string());
    EncodingScan scan;
    Utf8Checker utf8;
    std::size_t line = 1, first_multibyte = 0, first_invalid = 0;
    bool start = true, after_cr = false;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        const auto n = static_cast<std::size_t>(in.gcount());
        std::size_t i = 0;
        if (start) {
            start = false;
            if (n >= 3 && buf[0] == '\xEF' && buf[1] == '\xBB' && buf[2] == '\xBF') scan.bom = true, i = 3;
        }
        for (; i < n; ++i) {
            const auto b = static_cast<unsigned char>(buf[i]);
            if (b == '\r' || (b == '\n' && !after_cr)) ++line;  // LF, CRLF or CR alone
            if (after_cr) (b == '\n' ? scan.crlf : scan.cr) = true;
            after_cr = b == '\r';
            const std::size_t seen = utf8.sequences();
            if (!utf8.feed(b) && !first_invalid) first_invalid = line;
            if (utf8.sequences() > seen && !first_multibyte) first_multibyte = line;
        }
    }
    if (in.bad()) throw StorageError("cannot read " + file.string() + ": an I/O error");
    if (after_cr) scan.cr = true;
    if (utf8.in_sequence() && !first_invalid) first_invalid = line;  // cut off in a character
    if (!first_invalid) {
        scan.encoding = first_multibyte ? Encoding::utf8 : Encoding::ascii;
        scan.line = first_multibyte;
        return scan;
    }
    if (utf8.sequences() > 0 || scan.bom)
        throw StorageError(file.string() + ":" + std::to_string(first_invalid) +
                           ": a byte that is not UTF-8, in a file that is UTF-8 elsewhere (line " +
                           std::to_string(first_multibyte) +
                           "): the file mixes encodings; convert it to UTF-8 (e.g. with iconv) and import again");
    scan.encoding = Encoding::latin1;
    scan.line = first_invalid;
    return scan;
}

int latin1_to_utf8(std::string_view text, std::string& out) {
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) {
            out += ch;
        } else if (b < 0xA0) {
            char16_t c = cp1252_high[b - 0x80];
            if (c == 0) return b;
            put_utf8(c, out);
        } else {
            put_utf8(b, out);
        }
    }
    return -1;
}

}  // namespace casus::csv
