// repl/sanitize: what every writer passes data through. Each control code
// and each byte that is not UTF-8 comes out escaped for a terminal, CSV
// keeps only the line feed and the tab, and json_text always gives JSON
// that parses, with the text intact when it was valid UTF-8.
#include "sanitize.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <regex>

using casus::cli::json_text;
using casus::cli::shown;
using casus::cli::Shown;
using nlohmann::json;

namespace {

// No C0 control (but the allowed ones), no DEL, no C1 as UTF-8, and valid
// UTF-8: nlohmann's strict dump throws on anything else.
bool terminal_safe(const std::string& s, const std::string& allowed = "") {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && allowed.find(static_cast<char>(c)) == std::string::npos) || c == 0x7F) return false;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9F)
            return false;
    }
    try {
        (void)json(s).dump();
    } catch (const json::type_error&) {
        return false;
    }
    return true;
}

bool valid_utf8(const std::string& s) {
    try {
        (void)json(s).dump();
        return true;
    } catch (const json::type_error&) {
        return false;
    }
}

}  // namespace

TEST_CASE("text without control codes is shown as it is") {
    for (std::string s : {"", "armenia", "article \xC2\xB6" "6", "T\xC3\xBCrkiye", "\xF0\x9F\x98\x80", "a\\x1b"})
        for (auto how : {Shown::terminal, Shown::csv, Shown::utf8}) CHECK(shown(s, how) == s);
}

TEST_CASE("control codes are escaped for the terminal") {
    CHECK(shown("A\x1b[2J\x1b]0;title\x07" "B") == "A\\x1b[2J\\x1b]0;title\\x07B");
    CHECK(shown("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(shown("del\x7f") == "del\\x7f");
    CHECK(shown(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(shown("csi\xC2\x9B" "2J") == "csi\\u009b2J");
    CHECK(shown("\xC2\x80\xC2\x9F\xC2\xA0") == "\\u0080\\u009f\xC2\xA0");  // U+00A0 is not a control
}

TEST_CASE("bytes that are not UTF-8 are shown as \\xNN, one by one") {
    CHECK(shown("\xFF\xFE\xC3(") == "\\xff\\xfe\\xc3(");
    CHECK(shown("caf\xE9") == "caf\\xe9");
    CHECK(shown("\xC0\xAF") == "\\xc0\\xaf");                      // overlong '/'
    CHECK(shown("\xED\xA0\x80") == "\\xed\\xa0\\x80");             // a surrogate
    CHECK(shown("\xF4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");    // past U+10FFFF
    CHECK(shown("\xE2\x82") == "\\xe2\\x82");                      // cut short
    CHECK(shown("\xE2\x82\xAC") == "\xE2\x82\xAC");                // the euro sign, whole
}

TEST_CASE("CSV keeps line feeds and tabs, and escapes every other control") {
    CHECK(shown("a\nb\tc", Shown::csv) == "a\nb\tc");
    CHECK(shown("a\r\nb\x1b", Shown::csv) == "a\\r\nb\\x1b");
    CHECK(shown("\xFF", Shown::csv) == "\\xff");
}

TEST_CASE("JSON: invalid bytes become U+FFFD, DEL and C1 are escaped, C0 is the writer's") {
    CHECK(json_text(json{{"s", "\xFF\x1b\xC2\x9B\x7F\n"}}) == "{\"s\":\"\xEF\xBF\xBD\\u001b\\u009b\\u007f\\n\"}");
    CHECK(json_text(json{{"a", json::array({"\xC3", 1, nullptr, json{{"b", "caf\xE9"}}})}}) ==
          "{\"a\":[\"\xEF\xBF\xBD\",1,null,{\"b\":\"caf\xEF\xBF\xBD\"}]}");
    CHECK(json_text(json("T\xC3\xBCrkiye \xC2\xB6")) == "\"T\xC3\xBCrkiye \xC2\xB6\"");
}

TEST_CASE("random bytes: always terminal-safe, always JSON that parses, lossless when valid") {
    std::mt19937 rng(16);
    // Controls, ASCII, UTF-8 lead and continuation bytes, and bytes never in UTF-8.
    const std::string alphabet = std::string("\x00\x07\x09\x0A\x0D\x1B\x7F" "ab\"\\[]", 13) +
                                 "\x80\x9B\xA0\xBF\xC0\xC2\xC3\xE0\xE2\xED\xF0\xF4\xF5\xFF";
    std::uniform_int_distribution<std::size_t> len(0, 24), pick(0, alphabet.size() - 1);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (std::size_t i = len(rng); i > 0; --i) s += alphabet[pick(rng)];
        INFO("input bytes: " << json(json::binary_t(std::vector<std::uint8_t>(s.begin(), s.end()))).dump());
        REQUIRE(terminal_safe(shown(s)));
        REQUIRE(terminal_safe(shown(s, Shown::csv), "\n\t"));
        REQUIRE(valid_utf8(shown(s, Shown::utf8)));
        std::string text = json_text(json{{"v", s}});
        REQUIRE(terminal_safe(text));
        json back = json::parse(text);
        REQUIRE(back["v"].get<std::string>() == shown(s, Shown::utf8));
        if (valid_utf8(s)) REQUIRE(back["v"].get<std::string>() == s);
    }
}

namespace {

// json_text as it was defined before it was written in one pass: every
// string made valid UTF-8, the tree dumped by nlohmann::json, DEL and the
// C1 controls escaped in the text after.
void utf8_strings(json& j) {
    if (j.is_string()) j = shown(j.get<std::string>(), Shown::utf8);
    else if (j.is_structured())
        for (auto& v : j) utf8_strings(v);
}
std::string three_passes(json j) {
    utf8_strings(j);
    return shown(j.dump(-1, ' ', false, json::error_handler_t::replace), Shown::json_text);
}

}  // namespace

TEST_CASE("json_text in one pass writes the bytes the three passes wrote") {
    std::mt19937 rng(20);
    const std::string alphabet = std::string("\x00\x01\x07\x08\x09\x0A\x0C\x0D\x1B\x1F\x7F" "ab\"\\/[]{}", 20) +
                                 "\x80\x9B\x9F\xA0\xBF\xC0\xC2\xC3\xE0\xE2\xED\xF0\xF4\xF5\xFF";
    std::uniform_int_distribution<std::size_t> len(0, 16), pick(0, alphabet.size() - 1), kind(0, 7);
    auto text = [&] {
        std::string s;
        for (std::size_t i = len(rng); i > 0; --i) s += alphabet[pick(rng)];
        return s;
    };
    // Every type a cell may hold, nested: numbers as nlohmann writes them
    // (0.1, 1e-07, 4.0, -0.0, an unsigned past int64) included.
    const json numbers = json::array({0.1, 1e-7, 4.0, -0.0, 1e300, -4.235, 62, -3, 18446744073709551615ull});
    for (int n = 0; n < 5000; ++n) {
        json j = json::object();
        for (int k = 0; k < 4; ++k) {
            switch (kind(rng)) {
                case 0: j["s" + std::to_string(k)] = text(); break;  // keys are casus's own literals
                case 1: j["n" + std::to_string(k)] = numbers[static_cast<std::size_t>(n + k) % numbers.size()]; break;
                case 2: j["b" + std::to_string(k)] = (n % 2) == 0; break;
                case 3: j["z" + std::to_string(k)] = nullptr; break;
                case 4: j["a" + std::to_string(k)] = json::array({text(), json::array(), json::object(), 1.5}); break;
                default: j["o" + std::to_string(k)] = json{{"fact", text()}, {"evidence", json::array({json{{"q", text()}}})}}; break;
            }
        }
        INFO("value: " << j.dump(-1, ' ', true, json::error_handler_t::replace));
        REQUIRE(json_text(j) == three_passes(j));
    }
}

namespace {

// A piece of text and what each writer makes of it: printable ASCII as it
// is, the rest escaped. Pieces are chosen so that none joins its
// neighbour into another UTF-8 sequence (0xFF and 0xC0 start none and
// continue none), so a text's expected output is its pieces' outputs.
struct Piece {
    std::string text, terminal, csv, json;
};

const std::vector<Piece>& pieces() {
    static const std::vector<Piece> all = [] {
        std::vector<Piece> p;
        for (char c = 0x20; c < 0x7F; ++c) {
            std::string s(1, c);
            p.push_back({s, s, s, c == '"' ? "\\\"" : c == '\\' ? "\\\\" : s});
        }
        p.push_back({"\n", "\\n", "\n", "\\n"});
        p.push_back({"\t", "\\t", "\t", "\\t"});
        p.push_back({"\r", "\\r", "\\r", "\\r"});
        p.push_back({std::string(1, '\0'), "\\x00", "\\x00", "\\u0000"});
        p.push_back({"\x1b", "\\x1b", "\\x1b", "\\u001b"});
        p.push_back({"\x7f", "\\x7f", "\\x7f", "\\u007f"});
        p.push_back({"\xC2\x9B", "\\u009b", "\\u009b", "\\u009b"});
        p.push_back({"\xC3\xBC", "\xC3\xBC", "\xC3\xBC", "\xC3\xBC"});
        p.push_back({"\xE2\x80\x93", "\xE2\x80\x93", "\xE2\x80\x93", "\xE2\x80\x93"});
        p.push_back({"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"});
        p.push_back({"\xFF", "\\xff", "\\xff", "\xEF\xBF\xBD"});
        p.push_back({"\xC0", "\\xc0", "\\xc0", "\xEF\xBF\xBD"});
        return p;
    }();
    return all;
}

}  // namespace

// The writers find runs of plain ASCII eight bytes at a time: every
// other byte, wherever it falls in a word, must still be seen.
TEST_CASE("text is escaped the same wherever its special bytes fall") {
    std::mt19937 rng(21);
    const auto& all = pieces();
    std::uniform_int_distribution<std::size_t> len(0, 48), plain(0, 0x7E - 0x20), pick(0, all.size() - 1), odds(0, 9);
    for (int n = 0; n < 20000; ++n) {
        Piece t;
        t.json = "\"";
        for (std::size_t i = len(rng); i > 0; --i) {
            const Piece& p = all[odds(rng) ? plain(rng) : pick(rng)];  // mostly plain ASCII, as the data are
            t.text += p.text, t.terminal += p.terminal, t.csv += p.csv, t.json += p.json;
        }
        t.json += '"';
        INFO("text: " << json(t.text).dump(-1, ' ', true, json::error_handler_t::replace));
        REQUIRE(shown(t.text) == t.terminal);
        REQUIRE(shown(t.text, Shown::csv) == t.csv);
        REQUIRE(casus::cli::shown_as_is(t.text) == (t.text == t.terminal));
        std::string out = "prefix ";
        casus::cli::append_shown(out, t.text);
        REQUIRE(out == "prefix " + t.terminal);
        std::string j;
        casus::cli::append_json_string(j, t.text);
        REQUIRE(j == t.json);
    }
}

// A streamed number must be what nlohmann::json writes for it.
TEST_CASE("numbers are written as nlohmann::json writes them") {
    std::mt19937_64 rng(22);
    std::vector<double> values{0.0, -0.0, 1.0, -1.5, 0.25, 0.1, 1e-7, 4.0, 1e300, 0.62, 0.9999999999999999, 123456789012345678.0,
                               std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()};
    std::uniform_int_distribution<int> cents(-100000, 100000);
    for (int n = 0; n < 20000; ++n) {
        values.push_back(cents(rng) / 100.0);  // scores, weights: two decimals
        std::uint64_t bits = rng();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        values.push_back(d);  // any double at all
    }
    for (double d : values) {
        std::string out;
        casus::cli::append_json_double(out, d);
        INFO("bits of the double: " << std::hex << [&] { std::uint64_t b; std::memcpy(&b, &d, sizeof b); return b; }());
        REQUIRE(out == json(d).dump());
    }
    for (long long i : {0LL, -1LL, 42LL, 9223372036854775807LL, -9223372036854775807LL - 1}) {
        std::string out;
        casus::cli::append_json_integer(out, i);
        REQUIRE(out == json(i).dump());
    }
}
