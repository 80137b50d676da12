#include "term_text.hpp"

#include "prolog.hpp"

#include <cstdint>
#include <cstring>

namespace casus {

namespace {

bool ascii(const char* s, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {  // a word at a time: most text is ASCII
        std::uint64_t w;
        std::memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) return false;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(s[i]) & 0x80) return false;
    return true;
}

std::string latin1(const char* s, std::size_t n) {
    if (ascii(s, n)) return std::string(s, n);
    std::string out;
    out.reserve(n + n / 2);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// UCS-4 (wchar_t on this platform, as SWI-Prolog keeps wide text) as UTF-8.
static_assert(sizeof(wchar_t) == 4, "SWI-Prolog's wide text is read as UCS-4");
std::string wide(const wchar_t* w, std::size_t n) {
    std::string out(n * 4, '\0');  // at most four bytes a character
    char* p = out.data();
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<std::uint32_t>(w[i]);
        if (c < 0x80) {
            *p++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *p++ = static_cast<char>(0xC0 | (c >> 6));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *p++ = static_cast<char>(0xE0 | (c >> 12));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *p++ = static_cast<char>(0xF0 | (c >> 18));
            *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return out;
}

}  // namespace

// An atom or string is held as Latin-1 when each of its characters is
// below U+0100 (nearly all: ASCII, and the "¶" and "ü" of sources and
// names), as wide characters (UCS-4) otherwise (an ATOP name's "–").
// Either is read in place and written as UTF-8 here, in one copy;
// Prolog's own conversion to UTF-8 (PL_get_nchars) took ~4,000-7,000
// instructions a text, ten times the rest of reading one. Numbers and
// terms are written by Prolog (prolog::text).
// PL_atom_nchars gives no text for a wide atom (PL_get_atom_nchars would
// give its wchar_t bytes, PL_atom_wchars a narrow atom's bytes sign-
// extended), PL_get_string none for a wide string: each is asked only
// of the text it reads right.
std::string term_text(term_t t) {
    atom_t a;
    size_t n = 0;
    char* chars;
    if (PL_get_atom(t, &a) && PL_is_atom(t)) {  // a text atom, not a blob (a stream, a clause)
        if (const char* s = PL_atom_nchars(a, &n)) return latin1(s, n);
        if (const wchar_t* w = PL_atom_wchars(a, &n)) return wide(w, n);
    } else if (PL_get_string(t, &chars, &n)) {
        return latin1(chars, n);
    } else if (wchar_t* w; PL_is_string(t) && PL_get_wchars(t, &n, &w, CVT_STRING)) {
        return wide(w, n);
    }
    return prolog::text(PlTerm_term_t(t));
}

}  // namespace casus
