#include "journal_format.hpp"

#include "casus/errors.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <climits>
#include <cstdio>
#include <zlib.h>

namespace casus::journal_format {

// CRC-32 (ISO-HDLC, as zlib, gzip and PNG use it): zlib's is several
// times faster than a byte-wise table, and every record is summed.
std::uint32_t crc32(const char* data, std::size_t size) {
    return static_cast<std::uint32_t>(::crc32_z(0, reinterpret_cast<const Bytef*>(data), size));
}

std::uint32_t get_u32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::size_t invalid_utf8_at(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The lead byte fixes the length and the range of the second byte.
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing past U+10FFFF
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else return i;
        if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (i + k >= n || p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

void check_text(const char* what, std::string_view value, std::size_t limit) {
    if (std::size_t at = invalid_utf8_at(value); at != std::string_view::npos) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " (byte 0x%02x at position %zu)", static_cast<unsigned char>(value[at]), at + 1);
        throw ValidationError(std::string(what) + " is not valid UTF-8" + buf + "; casus stores text as UTF-8", at, 1);
    }
    if (value.size() > limit)
        throw ValidationError(std::string(what) + " is " + std::to_string(value.size()) + " bytes long; the limit is " +
                                  std::to_string(limit) + " bytes (" + std::to_string(limit / 1024) + " KiB)",
                              0, 1);
}

namespace {

// JSON string escaping as RFC 8259 asks; the payload is read back with
// nlohmann::json. Written by hand because building a json object per
// record cost more than the fsync of its batch; runs of characters that
// need no escape (all of them, nearly always) are copied whole. Every
// byte under 0x20 is escaped, so a payload never holds the 0x00 or 0x01
// that the last byte of a frame's length always is: no valid frame can
// hide inside a payload, which is what lets recovery resync by scanning.
void put_json_string(std::string& out, const std::string& s) {
    static const auto needs_escape = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[c] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
    out += '"';
    const char* run = s.data();
    const char* const end = run + s.size();
    for (const char* p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!needs_escape[c]) continue;
        out.append(run, static_cast<std::size_t>(p - run));
        run = p + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
    }
    out.append(run, static_cast<std::size_t>(end - run));
    out += '"';
}

void put_number(std::string& out, long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// Every value is checked before a byte is appended: a record that could
// not be decoded must never be written, let alone acknowledged.
void check_values(const std::string& op, const std::string* head, const std::vector<std::string>& items,
                  const std::string& source, const std::string& recorded) {
    // An entity (an import's define) carries display text; a fact, ids.
    const std::size_t item_limit = op == "define" ? max_text : max_id;
    const char* noun = op == "define" ? "the entity" : "the fact";
    std::size_t index = 0;
    auto item = [&](const std::string& v) {
        const std::size_t limit = index == 0 ? max_id : item_limit;
        if (v.size() > limit || invalid_utf8_at(v) != std::string_view::npos) {  // the message only when it is needed
            std::string what = index == 0 ? std::string(noun) + "'s kind" : "argument " + std::to_string(index) + " of " + noun;
            check_text(what.c_str(), v, limit);
        }
        ++index;
    };
    if (head) item(*head);
    for (auto& v : items) item(v);
    check_text("the source", source, max_text);
    check_text("the recording time", recorded, max_text);
}

}  // namespace

namespace {

// Fills in the header at start for the size payload bytes after it.
void put_header(std::string& out, std::size_t start, std::size_t size) {
    const std::uint32_t fields[2] = {static_cast<std::uint32_t>(size), crc32(out.data() + start + header_size, size)};
    for (int f = 0; f < 2; ++f)
        for (int i = 0; i < 4; ++i) out[start + 4 * f + i] = static_cast<char>((fields[f] >> (8 * i)) & 0xFF);  // little-endian
}

}  // namespace

void encode(std::string& out, const std::string& op, const std::string* head, const std::vector<std::string>& items,
            long date, const std::string& source, const std::string& recorded, long until, long snapshot_size,
            long snapshot_crc) {
    check_values(op, head, items, source, recorded);
    const std::size_t start = out.size();
    out.append(header_size, '\0');  // length and checksum, filled in below
    out += "{\"op\":";
    put_json_string(out, op);
    out += ",\"fact\":[";
    bool first = true;
    if (head) {
        put_json_string(out, *head);
        first = false;
    }
    for (auto& item : items) {
        if (!first) out += ',';
        put_json_string(out, item);
        first = false;
    }
    out += "],\"date\":";
    put_number(out, date);
    out += ",\"source\":";
    put_json_string(out, source);
    out += ",\"recorded\":";
    put_json_string(out, recorded);
    if (until) {
        out += ",\"until\":";
        put_number(out, until);
    }
    if (snapshot_size) {
        out += ",\"snapshot_size\":";
        put_number(out, snapshot_size);
        out += ",\"snapshot_crc\":";
        put_number(out, snapshot_crc);
    }
    out += '}';
    const std::size_t size = out.size() - start - header_size;
    if (size + header_size > max_record) {
        out.resize(start);
        throw ValidationError("the record would be " + std::to_string(size + header_size) +
                                  " bytes long; the limit is " + std::to_string(max_record / 1024) + " KiB",
                              0, 1);
    }
    put_header(out, start, size);
}

void frame(std::string& out, std::string_view payload) {
    const std::size_t start = out.size();
    out.append(header_size, '\0');
    out.append(payload);
    put_header(out, start, payload.size());
}

namespace {

bool get_long(const nlohmann::json& j, const char* key, long& out, std::string& why) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(LONG_MAX))) {
        why = std::string("its \"") + key + "\" is " + (it == j.end() ? "missing" : "not an integer");
        return false;
    }
    out = it->get<long>();
    return true;
}

bool get_string(const nlohmann::json& j, const char* key, std::string& out, std::string& why) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) {
        why = std::string("its \"") + key + "\" is " + (it == j.end() ? "missing" : "not a string");
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace

namespace {

// The fast path: a payload exactly as encode() writes it (keys in its
// order, no spaces, only the escapes it makes). Anything else, or
// anything doubtful (a leading zero, a long number, a \u escape past
// ASCII), returns false and is left to nlohmann's general parser, which
// decides. Several times faster, and every start reads every record.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool lit(std::string_view t) {
        if (s.substr(i, t.size()) != t) return false;
        i += t.size();
        return true;
    }
    bool str(std::string& out) {
        if (!lit("\"")) return false;
        out.clear();
        for (;;) {
            const std::size_t run = i;
            while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
            out.append(s.data() + run, i - run);
            if (i >= s.size() || static_cast<unsigned char>(s[i]) < 0x20) return false;
            if (s[i++] == '"') return true;
            if (i >= s.size()) return false;
            switch (s[i++]) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    if (i + 4 > s.size() || s.substr(i, 2) != "00") return false;
                    unsigned v = 0;
                    for (std::size_t k = i + 2; k < i + 4; ++k) {
                        const char c = s[k];
                        if (c >= '0' && c <= '9') v = v * 16 + static_cast<unsigned>(c - '0');
                        else if (c >= 'a' && c <= 'f') v = v * 16 + static_cast<unsigned>(c - 'a' + 10);
                        else return false;  // not hex (upper case too: the general parser decides)
                    }
                    if (v >= 0x80) return false;
                    out += static_cast<char>(v);
                    i += 4;
                    break;
                }
                default: return false;
            }
        }
    }
    bool num(long& out) {
        const std::size_t b = i;
        if (i < s.size() && s[i] == '-') ++i;
        const std::size_t d = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        const std::size_t n = i - d;
        if (n == 0 || n > 18 || (n > 1 && s[d] == '0')) return false;
        return std::from_chars(s.data() + b, s.data() + i, out).ec == std::errc();
    }
};

bool decode_fast(std::string_view payload, JournalRecord& r) {
    Cursor c{payload};
    if (!c.lit("{\"op\":") || !c.str(r.op) || !c.lit(",\"fact\":[")) return false;
    r.fact.clear();
    if (!c.lit("]")) {
        do {
            r.fact.emplace_back();
            if (!c.str(r.fact.back())) return false;
        } while (c.lit(","));
        if (!c.lit("]")) return false;
    }
    if (!c.lit(",\"date\":") || !c.num(r.date) || !c.lit(",\"source\":") || !c.str(r.source) ||
        !c.lit(",\"recorded\":") || !c.str(r.recorded))
        return false;
    r.until = 0;
    if (c.lit(",\"until\":") && !c.num(r.until)) return false;
    r.snapshot_size = r.snapshot_crc = 0;
    if (c.lit(",\"snapshot_size\":") && !(c.num(r.snapshot_size) && c.lit(",\"snapshot_crc\":") && c.num(r.snapshot_crc)))
        return false;
    return c.lit("}") && c.i == payload.size();
}

bool known_op(const std::string& op) {
    static const std::array<const char*, 5> ops = {"add", "end", "withdraw", "define", "generation"};
    for (auto* o : ops)
        if (op == o) return true;
    return false;
}

}  // namespace

bool decode(std::string_view payload, JournalRecord& out, std::string& why) {
    if (std::size_t at = invalid_utf8_at(payload); at != std::string_view::npos) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "it holds text that is not valid UTF-8 (byte 0x%02x at byte %zu of the record)",
                      static_cast<unsigned char>(payload[at]), at + header_size);
        why = buf;
        return false;
    }
    // Straight into out, no record built and moved per call: decode_fast
    // sets every field when it succeeds, and decode_json replaces the
    // whole record only when it does.
    if (decode_fast(payload, out) && known_op(out.op)) return true;
    return decode_json(payload, out, why);
}

bool decode_json(std::string_view payload, JournalRecord& out, std::string& why) {
    if (invalid_utf8_at(payload) != std::string_view::npos) {
        why = "it holds text that is not valid UTF-8";
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        why = "it is not a JSON object";
        return false;
    }
    JournalRecord r;
    if (!get_string(j, "op", r.op, why)) return false;
    if (!known_op(r.op)) {
        why = "its operation is unknown to this casus";
        return false;
    }
    auto fact = j.find("fact");
    if (fact == j.end() || !fact->is_array()) {
        why = "its \"fact\" is not a list";
        return false;
    }
    for (auto& item : *fact) {
        if (!item.is_string()) {
            why = "its \"fact\" holds something that is not a string";
            return false;
        }
        r.fact.push_back(item.get<std::string>());
    }
    if (!get_long(j, "date", r.date, why) || !get_string(j, "source", r.source, why) ||
        !get_string(j, "recorded", r.recorded, why))
        return false;
    if (j.contains("until") && !get_long(j, "until", r.until, why)) return false;
    if (j.contains("snapshot_size") && !get_long(j, "snapshot_size", r.snapshot_size, why)) return false;
    if (j.contains("snapshot_crc") && !get_long(j, "snapshot_crc", r.snapshot_crc, why)) return false;
    out = std::move(r);
    return true;
}

}  // namespace casus::journal_format
