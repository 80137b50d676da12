// Issue 17 item 7: every keyword of the grammar completes. The grammar
// keeps its keywords inside X3 parsers (kw("..."), CASUS_KW and symbol
// tables), the REPL's completion and "did you mean" read keywords.hpp:
// this test reads the grammar's own source files and checks that every
// word they match is in the list, so a keyword added to the grammar and
// not to the list fails here.
#include "keywords.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The words the grammar matches: keywords (kw("x"), CASUS_KW(id, "x"))
// and the entries of its symbol tables (add("x", "x")("y", "y")).
std::set<std::string> grammar_words() {
    const std::filesystem::path lang = std::filesystem::path(CASUS_TEST_KB_DIR).parent_path() / "engine" / "lang";
    std::set<std::string> out;
    const std::regex patterns[] = {std::regex(R"re(\bkw\("([A-Za-z_-]+)"\))re"),
                                   std::regex(R"re(CASUS_KW\(\w+, "([A-Za-z_-]+)"\))re"),
                                   std::regex(R"re(\("([A-Za-z_-]+)",\s*")re")};
    for (const char* file : {"grammar_def.hpp", "define_def.hpp"}) {
        const std::string text = read(lang / file);
        for (auto& re : patterns)
            for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.insert((*it)[1]);
    }
    return out;
}

}  // namespace

TEST_CASE("every keyword and fixed word of the grammar is in the keyword list", "[keywords][completion]") {
    const std::set<std::string> words = grammar_words();
    // The walk itself must find the grammar's words, or it proves nothing.
    REQUIRE(words.size() > 60);
    for (auto w : {"who", "export", "dyads", "from", "define", "declaration", "csv", "non_aggression"})
        REQUIRE(words.count(w) == 1);
    for (auto& w : words) {
        INFO("the grammar reads '" << w << "', which engine/lang/keywords.hpp lacks");
        CHECK(std::find(casus::keywords.begin(), casus::keywords.end(), w) != casus::keywords.end());
    }
}
