#include "journal_recovery.hpp"

#include <algorithm>

namespace casus::journal_recovery {

namespace fmt = journal_format;

FrameCheck check_frame(std::string_view data, std::size_t at, JournalRecord* out) {
    FrameCheck c;
    if (data.size() - at < fmt::header_size) return c;  // incomplete
    const std::uint32_t len = fmt::get_u32(data.data() + at);
    const std::uint32_t crc = fmt::get_u32(data.data() + at + 4);
    // We never write an empty payload; an all-zero region would otherwise
    // pass (the CRC of nothing is 0).
    if (len == 0 || len > fmt::max_frame) {
        c.state = FrameState::bad_length;
        return c;
    }
    c.size = fmt::header_size + len;
    if (data.size() - at < c.size) return c;  // incomplete
    const std::string_view payload = data.substr(at + fmt::header_size, len);
    if (fmt::crc32(payload.data(), payload.size()) != crc) {
        c.state = FrameState::bad_crc;
        return c;
    }
    JournalRecord scratch;
    if (!fmt::decode(payload, out ? *out : scratch, c.why)) {
        c.state = FrameState::undecodable;
        return c;
    }
    c.state = FrameState::valid;
    return c;
}

namespace {

// A byte no decodable payload holds raw: JSON escapes every control
// character in a string and allows only tab, LF and CR between tokens.
bool is_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// True if the size bytes at `at` hold no control byte. Stops at the first.
bool free_of_controls(std::string_view data, std::size_t at, std::size_t size) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.data()) + at;
    for (std::size_t i = 0; i < size; ++i)
        if (is_control(p[i])) return false;
    return true;
}

}  // namespace

std::size_t next_valid_frame(std::string_view data, std::size_t from) {
    // A frame's length is at most 16 MiB, so its fourth byte is 0x00 or
    // 0x01, a control byte: only such offsets are candidates. A
    // candidate's payload must hold no control byte, and that test stops
    // at the next one, which is the next candidate's: so the scan costs a
    // few passes over the bytes however they were crafted, and only a
    // frame that can decode has its CRC computed.
    for (std::size_t at = from; at + fmt::header_size <= data.size(); ++at) {
        if (static_cast<unsigned char>(data[at + 3]) > 0x01) continue;
        const std::uint32_t len = fmt::get_u32(data.data() + at);
        if (len == 0 || len > fmt::max_frame || data.size() - at - fmt::header_size < len) continue;
        if (!free_of_controls(data, at + fmt::header_size, len)) continue;
        if (check_frame(data, at).state == FrameState::valid) return at;
    }
    return std::string_view::npos;
}

namespace {

// An incomplete frame that is the tail of a write cut short: its header
// (as far as it goes) could be ours and its length runs past the end, or
// the rest is all zeros (blocks allocated, never written). A length field
// damaged into running past the end is told apart by its checksum, which
// then matches the bytes that are there; a length over 16 MiB was never
// written by casus (a text file's first bytes read as one).
bool is_torn(std::string_view data, std::size_t at) {
    const std::string_view rest = data.substr(at);
    if (std::all_of(rest.begin(), rest.end(), [](char c) { return c == 0; })) return true;
    if (rest.size() < fmt::header_size) return rest.size() < 4 || static_cast<unsigned char>(rest[3]) <= 0x01;
    const std::uint32_t len = fmt::get_u32(rest.data());
    if (len == 0 || len > fmt::max_frame || rest.size() >= fmt::header_size + len) return false;
    const std::string_view payload = rest.substr(fmt::header_size);
    return fmt::crc32(payload.data(), payload.size()) != fmt::get_u32(rest.data() + 4);
}

std::size_t count_valid_from(std::string_view data, std::size_t at) {
    std::size_t n = 0;
    while ((at = next_valid_frame(data, at)) != std::string_view::npos) {
        ++n;
        at += check_frame(data, at).size;
    }
    return n;
}

}  // namespace

Scan scan(std::string_view data) {
    Scan s;
    std::size_t at = 0;
    while (at < data.size()) {
        JournalRecord r;
        FrameCheck c = check_frame(data, at, &r);
        if (c.state != FrameState::valid) {
            s.bad = std::move(c);
            break;
        }
        s.records.push_back(std::move(r));
        at += c.size;
    }
    s.good_end = at;
    if (at == data.size()) return s;
    using O = Scan::Outcome;
    s.readable_after = count_valid_from(data, at + 1);
    if (s.bad.state == FrameState::undecodable) s.outcome = O::undecodable;
    else if (s.readable_after > 0) s.outcome = O::damaged;
    else if (is_torn(data, at)) s.outcome = O::torn_tail;
    else s.outcome = at == 0 ? O::not_a_journal : O::damaged;
    return s;
}

std::vector<Piece> plan_repair(std::string_view data) {
    std::vector<Piece> out;
    std::size_t at = 0;
    while (at < data.size()) {
        Piece p;
        p.offset = at;
        FrameCheck c = check_frame(data, at, &p.record);
        if (c.state == FrameState::valid) {
            p.kept = true;
            p.size = c.size;
        } else {
            std::size_t next = next_valid_frame(data, at + 1);
            if (next == std::string_view::npos) next = data.size();
            p.size = next - at;
            p.why = describe(c);
            p.record = {};
        }
        at += p.size;
        out.push_back(std::move(p));
    }
    return out;
}

std::string describe(const FrameCheck& c) {
    switch (c.state) {
        case FrameState::valid: return "a valid record";
        case FrameState::incomplete: return "an incomplete record (its length runs past the end of the file)";
        case FrameState::bad_length: return "not a record (its length field is 0 or over 16 MiB)";
        case FrameState::bad_crc: return "a damaged record (its checksum does not match its bytes)";
        case FrameState::undecodable: return "a record this casus cannot read (" + c.why + ")";
    }
    return "?";
}

}  // namespace casus::journal_recovery
