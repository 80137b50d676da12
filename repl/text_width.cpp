#include "text_width.hpp"

namespace casus::cli {

namespace {

// The code point at s[i] and its length in bytes (shown() made it valid UTF-8).
char32_t decode(const std::string& s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) len = 1;
    if (len == 1) return c;
    char32_t cp = c & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// The ranges of Unicode's East Asian Width W and F, in short (UAX #11).
int columns_of(char32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

}  // namespace

std::size_t display_width(const std::string& s) {
    std::size_t w = 0, len = 0;
    for (std::size_t i = 0; i < s.size(); i += len) w += static_cast<std::size_t>(columns_of(decode(s, i, len)));
    return w;
}

std::vector<std::string> wrap_text(const std::string& text, std::size_t width) {
    if (width == 0) width = 1;
    std::vector<std::string> lines;
    std::string line, word;
    std::size_t line_w = 0, word_w = 0;
    auto flush_word = [&] {
        if (word.empty()) return;
        if (line_w > 0 && line_w + 1 + word_w > width) {
            lines.push_back(line);
            line.clear();
            line_w = 0;
        }
        if (line_w > 0) {
            line += ' ';
            ++line_w;
        }
        line += word;
        line_w += word_w;
        word.clear();
        word_w = 0;
    };
    std::size_t len = 0;
    for (std::size_t i = 0; i < text.size(); i += len) {
        char32_t cp = decode(text, i, len);
        if (cp == ' ') {
            flush_word();
            continue;
        }
        int w = columns_of(cp);
        // A word as wide as a whole line is cut where the line ends.
        if (word_w + static_cast<std::size_t>(w) > width) {
            flush_word();
            if (line_w > 0) {
                lines.push_back(line);
                line.clear();
                line_w = 0;
            }
        }
        word.append(text, i, len);
        word_w += static_cast<std::size_t>(w);
    }
    flush_word();
    lines.push_back(line);
    return lines;
}

}  // namespace casus::cli
