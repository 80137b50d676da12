#include "sanitize.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace casus::cli {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (Unicode table
// 3-7: no overlong forms, no surrogates, nothing past U+10FFFF) and its
// code point; 0 when the byte at i starts none.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the bounds of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 2, cp = b & 0x1F;
    else if (b >= 0xE0 && b <= 0xEF) n = 3, cp = b & 0x0F, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    else if (b >= 0xF0 && b <= 0xF4) n = 4, cp = b & 0x07, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        unsigned char c = byte(i + k);
        if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    return n;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Runs of plain bytes, printable ASCII (0x20-0x7E) and for JSON neither
// '"' nor '\\', which every writer copies as they are: most text is
// one. A run is found eight bytes at a time (the bit tricks of
// "Bit Twiddling Hacks", S. E. Anderson: hasless, haszero; exact for
// whether any byte qualifies, which is all that is asked), then byte by
// byte to its end.
constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
constexpr std::uint64_t any_below(std::uint64_t w, unsigned n) { return (w - ones * n) & ~w & highs; }  // n <= 128
constexpr std::uint64_t any_equal(std::uint64_t w, unsigned char c) { return any_below(w ^ (ones * c), 1); }

template <bool Json>
constexpr bool plain_byte(unsigned char b) {
    return b >= 0x20 && b < 0x7F && (!Json || (b != '"' && b != '\\'));
}

template <bool Json>
std::size_t plain_run(std::string_view s, std::size_t i) {
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        std::uint64_t special = (w & highs) | any_below(w, 0x20) | any_equal(w, 0x7F);
        if (Json) special |= any_equal(w, '"') | any_equal(w, '\\');
        if (special) break;
    }
    while (i < s.size() && plain_byte<Json>(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

// A control character (its bytes in UTF-8: bytes) as the target shows it.
void escape(std::string& out, char32_t cp, std::string_view bytes, Shown how) {
    if (how == Shown::utf8 || (how == Shown::csv && (cp == '\n' || cp == '\t'))) {
        out += bytes;  // utf8: the JSON writer escapes C0, and C1 is valid UTF-8
    } else if (how == Shown::json_text) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else if (cp == '\n') {
        out += "\\n";
    } else if (cp == '\t') {
        out += "\\t";
    } else if (cp == '\r') {
        out += "\\r";
    } else if (cp <= 0x7F) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    }
}

}  // namespace

bool shown_as_is(std::string_view s, Shown how) {
    for (std::size_t i = 0; i < s.size();) {
        if ((i = plain_run<false>(s, i)) == s.size()) break;
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) return false;
        if (is_control(cp) && !(how == Shown::csv && (cp == '\n' || cp == '\t')) && how != Shown::utf8) return false;
        i += n;
    }
    return true;
}

void append_shown(std::string& out, std::string_view s, Shown how) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t run = plain_run<false>(s, i);
        out.append(s.data() + i, run - i);
        if ((i = run) == s.size()) break;
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            if (how == Shown::json_text || how == Shown::utf8) out += "\xEF\xBF\xBD";  // U+FFFD
            else out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        if (is_control(cp)) escape(out, cp, s.substr(i, n), how);
        else out.append(s.data() + i, n);
        i += n;
    }
}

std::string shown(std::string_view s, Shown how) {
    if (shown_as_is(s, how)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 16);
    append_shown(out, s, how);
    return out;
}

// A string as JSON: what nlohmann::json writes for it (", \\, \b \f \n \r
// \t, \u00XX for the other C0 controls, the rest as it is), with each
// byte that is not UTF-8 made U+FFFD first and DEL and the C1 controls
// escaped after, as json_text did in three passes over a tree.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t run = plain_run<true>(s, i);
        out.append(s.data() + i, run - i);
        if ((i = run) == s.size()) break;
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        switch (cp) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (is_control(cp)) out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
                else out.append(s.substr(i, n));
        }
        i += n;
    }
    out += '"';
}

void append_json_double(std::string& out, double x) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    // nlohmann::json's own serializer (dump_float) writes a double with
    // this function into a buffer of this size: the same bytes, no string
    // of its own. The unit test holds it to dump() on random doubles.
    std::array<char, 64> buffer;
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append_json_integer(std::string& out, long long x) {
    std::array<char, 24> buffer;
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append_json(std::string& out, const nlohmann::json& j) {
    using T = nlohmann::json::value_t;
    switch (j.type()) {
        case T::object: {
            out += '{';
            bool first = true;
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, it.key());
                out += ':';
                append_json(out, it.value());
            }
            out += '}';
            return;
        }
        case T::array: {
            out += '[';
            for (std::size_t i = 0; i < j.size(); ++i) {
                if (i) out += ',';
                append_json(out, j[i]);
            }
            out += ']';
            return;
        }
        case T::string: append_json_string(out, j.get_ref<const std::string&>()); return;
        case T::boolean: out += j.get<bool>() ? "true" : "false"; return;
        case T::null: out += "null"; return;
        case T::number_integer: append_json_integer(out, j.get<std::int64_t>()); return;
        case T::number_unsigned: out += std::to_string(j.get<std::uint64_t>()); return;
        case T::number_float: append_json_double(out, j.get<double>()); return;
        default: out += j.dump(); return;  // binary, discarded: casus writes none
    }
}

std::string json_text(nlohmann::json j) {
    std::string out;
    append_json(out, j);
    return out;
}

}  // namespace casus::cli
