// Issue 17 item 6: no syntax error ever shows a C++ type name. Every
// statement of a corpus that covers every form of the language is cut
// short at every token and corrupted at every token (the token replaced,
// dropped or doubled); every message that results must read as English:
// no "N5boost", "spirit", "x3", "::", "INS", and never the parser's guard
// text for an unnamed expectation point. The corpus must also reach each
// named expectation point, so a new rule left unnamed is caught here.
#include "casus/errors.hpp"
#include "names.hpp"
#include "parser.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <set>

using namespace casus;

namespace {

// One statement of every form, modifiers before and after, every optional
// part present once.
const std::vector<std::string> corpus{
    "who would defend Armenia against Azerbaijan?",
    "would Kazakhstan defend Armenia against Azerbaijan",
    "who must defend Turkey against Russia;",
    "who is obligated to defend Turkey against Russia.",
    "why would Kazakhstan not defend Armenia against Azerbaijan",
    "why not Kazakhstan",
    "what ties Kazakhstan to Azerbaijan",
    "which treaties bind Armenia",
    "who belongs to CSTO",
    "members of CSTO",
    "who backs Azerbaijan",
    "list states",
    "list facts about Tajikistan",
    "history of Armenia",
    "defence matrix among Armenia, Azerbaijan, Turkey",
    "as of 2014-01-01 who must defend Georgia",
    "suppose add member(georgia, nato) on 2026-01-01 and retract member(armenia, csto): who must defend georgia",
    "who must defend georgia as of 2010-01-01 suppose add member(georgia, nato)",
    "add tie(kazakhstan, armenia, military) on 2026-03-01 source \"joint exercise\"",
    "retract member(georgia, csto) on 2026-05-01",
    "import atop \"dir\" states \"states.csv\"",
    "who must defend Bosnia and Herzegovina against St. Lucia",
};

// Where each token starts: a run of word characters, a quoted string, or
// one other character.
std::vector<std::size_t> token_starts(const std::string& s) {
    std::vector<std::size_t> out;
    auto word = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '\'' || c >= 0x80; };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        out.push_back(i);
        if (s[i] == '"') {
            std::size_t close = s.find('"', i + 1);
            i = close == std::string::npos ? s.size() : close + 1;
        } else if (word(static_cast<unsigned char>(s[i]))) {
            while (i < s.size() && word(static_cast<unsigned char>(s[i]))) ++i;
        } else {
            ++i;
        }
    }
    out.push_back(s.size());
    return out;
}

// Every variant of a statement: cut before each token, and each token
// replaced by a stray word, a stray character or nothing, or doubled.
std::vector<std::string> variants(const std::string& s) {
    std::vector<std::string> out;
    auto starts = token_starts(s);
    for (std::size_t t = 0; t + 1 < starts.size(); ++t) {
        const std::size_t b = starts[t], e = starts[t + 1];
        const std::string before = s.substr(0, b), token = s.substr(b, e - b), after = s.substr(e);
        out.push_back(before);
        for (const char* stray : {"zzq ", ") ", ", ", "? ", ": ", "\"", "2014-13-01 ", "( "})
            out.push_back(before + stray + after);
        out.push_back(before + after);
        out.push_back(before + token + token + after);
    }
    return out;
}

// The names the corpus uses that a bare word run could not read.
NameTable known_names() {
    NameTable t;
    for (auto n : {"Armenia", "Azerbaijan", "Kazakhstan", "Turkey", "Russia", "Georgia", "Bosnia and Herzegovina",
                   "St. Lucia", "CSTO", "Tajikistan"})
        t.add(n, NameTable::normalize(n), "state");
    return t;
}

}  // namespace

TEST_CASE("no syntax error names a C++ type, at any expectation point", "[parser][errors][messages]") {
    const NameTable names = known_names();
    std::set<std::string> expectations;
    std::size_t errors = 0;
    for (const auto& statement : corpus) {
        for (const KnownNames* known : {static_cast<const KnownNames*>(nullptr), static_cast<const KnownNames*>(&names)}) {
            for (const auto& text : variants(statement)) {
                try {
                    parse_statement(text, known);
                } catch (const SyntaxError& e) {
                    ++errors;
                    const std::string msg = e.what();
                    INFO("statement: " << text << "\nmessage: " << msg);
                    for (auto bad : {"N5boost", "spirit", "x3", "::", "INS", "something else here"})
                        CHECK(msg.find(bad) == std::string::npos);
                    CHECK(msg.size() < 400);
                    CHECK(e.offset() <= text.size());
                    if (msg.rfind("expected ", 0) == 0)
                        expectations.insert(msg.substr(9, msg.find(", found") - 9));
                }
            }
        }
    }
    CHECK(errors > 1000);
    // The walk reached every named expectation point of the grammar.
    for (auto point : {"'against'", "'add' or 'retract' after 'suppose'", "':' before the question", "'to' or 'and'",
                       "'bind'", "names of states, like Armenia, Azerbaijan", "the fact's arguments, like (georgia, csto)",
                       "',' or ')'", "closing '\"'", "date (YYYY-MM-DD)", "fact, like member(georgia, csto)",
                       "quoted path", "'states'", "end of the statement", "name", "'defend'", "'of'", "'matrix'",
                       "'obligated'", "'to'", "'atop'", "'about'",
                       "'would defend', 'must defend', 'is obligated to defend', 'belongs to' or 'backs' after 'who'",
                       "'states', 'organisations', 'treaties', 'declarations' or 'facts about'"}) {
        INFO("expectation point never reached: " << point);
        CHECK(expectations.count(point) == 1);
    }
}

TEST_CASE("the reported case reads as English", "[parser][errors][messages]") {
    try {
        parse_statement("suppose member(georgia, nato): who must defend georgia");
        FAIL("parsed");
    } catch (const SyntaxError& e) {
        CHECK(std::string(e.what()) == "expected 'add' or 'retract' after 'suppose', found 'member'");
        CHECK(e.offset() == 8);
    }
}
