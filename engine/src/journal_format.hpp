// The journal's record format, one record at a time: the frame (u32
// length, u32 CRC-32, little-endian, then a JSON payload), the limits a
// value must keep to be written, and the strict decoder that reads it back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

struct JournalRecord {
    std::string op;                 // add | end | withdraw | define | generation
    std::vector<std::string> fact;  // functor, then argument ids
    long date = 0;                  // YYYYMMDD (add: valid from; end: valid to; withdraw, define: 0;
                                    // generation: the snapshot generation the journal continues)
    std::string source;
    std::string recorded;           // UTC time of the statement, ISO 8601
    long until = 0;                 // add of a closed spell (an import): valid to, else 0
    // generation: the size and CRC-32 of the snapshot it continues
    // (engine/src/snapshot.hpp), checked before the snapshot is loaded;
    // 0 in a journal written before snapshots were checksummed.
    long snapshot_size = 0, snapshot_crc = 0;

    bool operator==(const JournalRecord& o) const {
        return op == o.op && fact == o.fact && date == o.date && source == o.source && recorded == o.recorded &&
               until == o.until && snapshot_size == o.snapshot_size && snapshot_crc == o.snapshot_crc;
    }
};

namespace journal_format {

constexpr std::size_t header_size = 8;
// Reading: a longer length field is damage. Old casus wrote up to this.
constexpr std::uint32_t max_frame = 16 * 1024 * 1024;
// Writing: what a value may be, so that every acknowledged record is
// readable and far from max_frame (README "Facts that persist").
constexpr std::size_t max_id = 1024;             // a fact kind or an argument id
constexpr std::size_t max_text = 64 * 1024;      // a source, a recording time, an entity's text
constexpr std::size_t max_record = 1024 * 1024;  // a whole framed record

std::uint32_t crc32(const char* data, std::size_t size);
std::uint32_t get_u32(const char* p);

// Appends one framed record. The fact is `head` (if given) then `items`.
// Throws ValidationError (and appends nothing) if a value is not valid
// UTF-8 or over its limit: what would be written could not be read back.
void encode(std::string& out, const std::string& op, const std::string* head, const std::vector<std::string>& items,
            long date, const std::string& source, const std::string& recorded, long until,
            long snapshot_size = 0, long snapshot_crc = 0);

// Appends payload framed: its length and CRC-32, then its bytes.
void frame(std::string& out, std::string_view payload);

// Decodes one payload into out. False, with why set, if the payload is
// not a record this casus writes (not JSON, an unknown op, a field
// missing or of the wrong type). Fields it does not know are ignored, so
// a later casus may add optional ones. After false, out holds no record
// to use.
bool decode(std::string_view payload, JournalRecord& out, std::string& why);

// The same by nlohmann::json alone, the general path decode() falls back
// on (what the fuzz target compares decode()'s fast path against).
bool decode_json(std::string_view payload, JournalRecord& out, std::string& why);

// The offset of the first byte that is not part of valid UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing past U+10FFFF), or npos.
std::size_t invalid_utf8_at(std::string_view s);

// Throws ValidationError naming `what` ("the source") if value is not
// valid UTF-8 or longer than limit bytes. The error's offset is the bad
// byte's offset in value (0 for a length), for a caller to relocate.
void check_text(const char* what, std::string_view value, std::size_t limit);

}  // namespace journal_format
}  // namespace casus
