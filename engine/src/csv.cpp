#include "csv.hpp"

#include "casus/errors.hpp"

#include <charconv>

namespace casus::csv {

namespace {

constexpr std::size_t block = 1 << 16;

std::string hex(int b) {
    static const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[(b >> 4) & 15] + digits[b & 15];
}

}  // namespace

Reader::Reader(const std::filesystem::path& file)
    : file_(file), name_(file.filename().string()), scan_(scan_encoding(file)), in_(file, std::ios::binary),
      buf_(new char[block]) {
    if (!in_) throw StorageError("cannot read " + file.string());
    if (scan_.bom) in_.seekg(3);
    Row first;
    if (!next(first)) throw StorageError(file.string() + ": empty file");
    header_ = std::move(first.cells);
    while (!header_.empty() && header_.back().empty()) header_.pop_back();  // trailing empty columns
}

std::size_t Reader::column(const std::string& name) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name) return i;
    throw StorageError(file_.string() + ": no column '" + name + "' in the header; is this the right file?");
}

void Reader::fail(std::size_t line, const std::string& what) const {
    throw StorageError(file_.string() + ":" + std::to_string(line) + ": " + what + "; nothing was imported");
}

int Reader::get() {
    if (pos_ == len_) {
        in_.read(buf_.get(), block);
        len_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
        if (len_ == 0) {
            if (in_.bad()) throw StorageError("cannot read " + file_.string() + ": an I/O error");
            return -1;
        }
    }
    return static_cast<unsigned char>(buf_[pos_++]);
}

int Reader::peek() {
    int c = get();
    if (c >= 0) --pos_;
    return c;
}

void Reader::put(std::string& cell, char c, const Row& row, std::size_t field) {
    if (cell.size() >= max_field_bytes)
        fail(row.line, "field " + std::to_string(field + 1) + " is longer than " + std::to_string(max_field_bytes) +
                           " bytes, the limit for a field (ids and names are short); is this the right file?");
    cell += c;
}

// A field is complete: decode it and check what it holds.
void Reader::finish(std::string& cell, const Row& row, std::size_t field) {
    auto where = [field] { return "field " + std::to_string(field + 1); };  // only for a message: cells are many
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const auto b = static_cast<unsigned char>(cell[i]);
        // C0 controls, DEL, and the C1 controls as UTF-8 (U+0080-U+009F):
        // no name holds one, and they would reach a terminal.
        if (b < 0x20 || b == 0x7F ||
            (scan_.encoding == Encoding::utf8 && b == 0xC2 && i + 1 < cell.size() &&
             static_cast<unsigned char>(cell[i + 1]) < 0xA0))
            fail(row.line, where() + " holds a control character (" + hex(b == 0xC2 ? cell[i + 1] : b) + ")");
    }
    if (scan_.encoding != Encoding::latin1) return;
    bool high = false;
    for (char c : cell) high |= static_cast<unsigned char>(c) >= 0x80;
    if (!high) return;
    decoded_.clear();
    if (int bad = latin1_to_utf8(cell, decoded_); bad >= 0)
        fail(row.line, where() + " holds byte " + hex(bad) + ", which is no character in Latin-1 or Windows-1252");
    if (decoded_.size() > max_field_bytes)
        fail(row.line, where() + " is longer than " + std::to_string(max_field_bytes) + " bytes in UTF-8");
    cell.swap(decoded_);
}

bool Reader::next(Row& row) {
    std::size_t n = 0;  // fields complete
    bool any = false, quoted = false;
    row.line = line_;
    auto open = [&] {
        if (n == row.cells.size()) row.cells.emplace_back();
        row.cells[n].clear();
    };
    auto close = [&] {
        finish(row.cells[n], row, n);
        if (++n >= max_fields) fail(row.line, "more than " + std::to_string(max_fields) + " fields in one row");
    };
    open();
    for (;;) {
        int c = get();
        if (quoted) {
            if (c < 0) fail(row.line, "a quoted field never ends");
            if (c == '"') {
                if (peek() == '"') put(row.cells[n], static_cast<char>(get()), row, n);
                else quoted = false;
                continue;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) ++line_;
            put(row.cells[n], static_cast<char>(c), row, n);
            continue;
        }
        if (c < 0 || c == '\n' || c == '\r') {
            if (c == '\r' && peek() == '\n') {
                get();
                crlf_ = true;
            } else if (c == '\r') {
                cr_ = true;
            }
            if (c >= 0) ++line_;
            if (any) break;
            if (c < 0) return false;
            row.line = line_;  // a blank line: the row starts on the next
            continue;
        }
        any = true;
        if (c == ',') {
            close();
            open();
        } else if (c == '"' && row.cells[n].empty()) {
            quoted = true;
        } else {
            put(row.cells[n], static_cast<char>(c), row, n);
        }
    }
    close();
    row.cells.resize(n);
    return true;
}

std::optional<int> whole_number(const std::string& cell) {
    int v = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
    return v;
}

}  // namespace casus::csv
