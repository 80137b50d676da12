// engine/src/term_text: the text of an atom or a string read in place
// (Latin-1 or UCS-4, as SWI-Prolog keeps it) must be the UTF-8 Prolog's
// own conversion gives (prolog::text, PL_get_nchars), for text of every
// width, and anything else must still be written as prolog::text writes it.
#include "casus/engine.hpp"
#include "prolog.hpp"
#include "term_text.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace casus;

Engine& shared_engine();  // test_engine.cpp: one engine (and one Prolog) per process

TEST_CASE("term_text reads atoms and strings of every width as Prolog converts them", "[engine]") {
    shared_engine();
    prolog::Frame frame;
    std::vector<std::string> texts{"", "plain", "article \xC2\xB6" "6", "T\xC3\xBCrkiye \xC3\x86r\xC3\xB8",
                                   "\xD0\x9C\xD0\xB8\xD1\x80 \xE2\x80\x93 \xE4\xB8\x96\xE7\x95\x8C", "\xF0\x9F\x98\x80 astral",
                                   "ctrl \x01\x1b\x7f \xC2\x9B", std::string("nul \0 inside", 12), std::string(300, 'x') + "\xC3\xBC"};
    // Random mixtures: a text is wide as soon as one character is past U+00FF.
    const std::vector<std::string> pieces{"a", "Z", " ", "\xC3\xBC", "\xC2\xB6", "\xC3\xBF", "\xC4\x80", "\xE2\x80\x93",
                                          "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"};
    std::mt19937 rng(24);
    std::uniform_int_distribution<std::size_t> len(0, 60), pick(0, pieces.size() - 1);
    for (int n = 0; n < 500; ++n) {
        std::string s;
        for (std::size_t i = len(rng); i > 0; --i) s += pieces[pick(rng)];
        texts.push_back(s);
    }
    for (auto& s : texts) {
        INFO("text: " << s);
        PlTerm a = prolog::atom(s), str = prolog::string(s);
        REQUIRE(term_text(a.C_) == s);
        REQUIRE(term_text(str.C_) == s);
        REQUIRE(term_text(a.C_) == prolog::text(a));
        REQUIRE(term_text(str.C_) == prolog::text(str));
    }
    for (PlTerm t : {prolog::integer(42), prolog::compound("leaf", {prolog::atom("a"), prolog::string("\xC3\xBC")})})
        CHECK(term_text(t.C_) == prolog::text(t));
    CHECK(term_text(prolog::integer(-7).C_) == "-7");
}
