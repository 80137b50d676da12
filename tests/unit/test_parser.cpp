// The query language: every form parses to the right tree; every error
// class has its message shape.
#include "casus/errors.hpp"
#include "names.hpp"
#include "parser.hpp"
#include "suggest.hpp"

#include <catch2/catch.hpp>

using namespace casus;

namespace {
const ast::Query& query(const ParsedStatement& p) { return boost::get<ast::Query>(p.tree); }
const ast::Question& question(const ParsedStatement& p) { return query(p).question; }

SyntaxError syntax_error(const std::string& text) {
    try {
        parse_statement(text);
    } catch (const SyntaxError& e) {
        return e;
    }
    FAIL("no syntax error for: " << text);
    throw std::logic_error("unreachable");
}
}  // namespace

TEST_CASE("defenders question, any case, optional question mark", "[parser]") {
    auto p = parse_statement("WHO Would DEFEND Armenia AGAINST azerbaijan?");
    auto& q = boost::get<ast::Defenders>(question(p));
    CHECK(q.ally.text == "Armenia");
    CHECK(q.attacker.text == "azerbaijan");
    auto [b, e] = p.span_of(q.ally);
    CHECK(b == 17);
    CHECK(e == 24);
}

TEST_CASE("multi-word, quoted and UTF-8 names", "[parser]") {
    auto p1 = parse_statement("who must defend North   Macedonia against Türkiye");
    auto& m = boost::get<ast::Must>(question(p1));
    CHECK(m.ally.text == "North Macedonia");
    REQUIRE(static_cast<bool>(m.attacker));
    CHECK(m.attacker->text == "Türkiye");
    auto p2 = parse_statement("members of \"Organization of Turkic States\"");
    auto& mem = boost::get<ast::Members>(question(p2));
    CHECK(mem.organisation.text == "Organization of Turkic States");
}

TEST_CASE("every question form", "[parser]") {
    CHECK(boost::get<ast::Would>(question(parse_statement("would Kazakhstan defend Armenia against Azerbaijan"))).defender.text == "Kazakhstan");
    auto p1 = parse_statement("who is obligated to defend turkey");
    auto& ob = boost::get<ast::Must>(question(p1));
    CHECK(ob.ally.text == "turkey");
    CHECK_FALSE(static_cast<bool>(ob.attacker));
    auto p2 = parse_statement("why would Kazakhstan not defend Armenia against Azerbaijan?");
    auto& why = boost::get<ast::Why>(question(p2));
    CHECK(why.negated);
    CHECK(why.defender.text == "Kazakhstan");
    CHECK_FALSE(boost::get<ast::Why>(question(parse_statement("why would x defend y against z"))).negated);
    CHECK(boost::get<ast::WhyShort>(question(parse_statement("why not Kazakhstan"))).negated);
    CHECK_FALSE(boost::get<ast::WhyShort>(question(parse_statement("why Russia"))).negated);
    CHECK(boost::get<ast::Ties>(question(parse_statement("what ties Kazakhstan and Azerbaijan"))).second.text == "Azerbaijan");
    CHECK(boost::get<ast::Ties>(question(parse_statement("what ties Astana to Baku"))).first.text == "Astana");
    CHECK(boost::get<ast::Treaties>(question(parse_statement("which treaties bind Armenia"))).state.text == "Armenia");
    CHECK(boost::get<ast::Members>(question(parse_statement("who belongs to CSTO"))).organisation.text == "CSTO");
    CHECK(boost::get<ast::Backers>(question(parse_statement("who backs azerbaijan"))).state.text == "azerbaijan");
    CHECK(boost::get<ast::ListWhat>(question(parse_statement("list organizations"))).what == "organisations");
    CHECK(boost::get<ast::FactsAbout>(question(parse_statement("list facts about kazakhstan"))).subject.text == "kazakhstan");
    CHECK(boost::get<ast::History>(question(parse_statement("history of armenia  # comment"))).subject.text == "armenia");
}

TEST_CASE("modifiers: as of and suppose", "[parser]") {
    auto p = parse_statement("as of 2014-01-01 suppose add member(georgia, csto) on 2026-01-01 and retract member(armenia, csto): who must defend georgia");
    auto& q = query(p);
    REQUIRE(q.modifiers.size() == 2);
    auto& asof = boost::get<ast::AsOf>(q.modifiers[0]);
    CHECK(asof.date.year == 2014);
    auto& sup = boost::get<ast::Suppose>(q.modifiers[1]);
    REQUIRE(sup.changes.size() == 2);
    CHECK(boost::get<ast::Add>(sup.changes[0]).fact.kind == "member");
    CHECK(boost::get<ast::Retract>(sup.changes[1]).fact.args.size() == 2);
}

TEST_CASE("statements: add and retract", "[parser]") {
    auto p = parse_statement("add tie(kazakhstan, armenia, military) on 2026-03-01 source \"joint exercise\"");
    auto& a = boost::get<ast::Add>(p.tree);
    CHECK(a.fact.kind == "tie");
    REQUIRE(a.fact.args.size() == 3);
    CHECK(a.fact.args[2].text == "military");
    REQUIRE(static_cast<bool>(a.on));
    CHECK(a.on->month == 3);
    CHECK(*a.source == "joint exercise");
    auto p2 = parse_statement("retract member(georgia, csto)");
    auto& r = boost::get<ast::Retract>(p2.tree);
    CHECK_FALSE(static_cast<bool>(r.on));
}

TEST_CASE("syntax errors say what was expected, where, and suggest keywords", "[parser][errors]") {
    auto e = syntax_error("who would defend armenia againts azerbaijan");
    CHECK(std::string(e.what()) == "expected 'against', found 'againts'; did you mean 'against'?");
    CHECK(e.offset() == 25);

    e = syntax_error("who wuold defend armenia");
    CHECK(std::string(e.what()).find("did you mean 'would'?") != std::string::npos);
    CHECK(e.offset() == 4);

    e = syntax_error("who would defend armenia");
    CHECK(e.at_end);
    CHECK(std::string(e.what()) == "expected 'against', found the end of the statement; the question needs the attacker: add 'against STATE'");

    e = syntax_error("who would defend against azerbaijan");
    CHECK(std::string(e.what()) == "expected name, found 'against'");

    e = syntax_error("list foo");
    CHECK(std::string(e.what()).rfind("expected 'states', 'organisations'", 0) == 0);

    e = syntax_error("whoo would");
    CHECK(std::string(e.what()).find("did you mean 'who'?") != std::string::npos);

    e = syntax_error("who must defend armenia ) halt");
    CHECK(std::string(e.what()).find("expected end of the statement") == 0);
}

TEST_CASE("hostile text is a syntax error, never a crash", "[parser][errors]") {
    for (std::string text : {std::string("shell('rm -rf /')"), std::string("halt."), std::string(":- initialization(halt)."),
                             std::string("who would defend X against Y), halt, ("), std::string("add member(a, b)) :- halt"),
                             std::string("\x01\x02\xff\xfe"), std::string(1, '\0'), std::string(100000, '('),
                             std::string(10000, 'a') + " against"}) {
        CHECK_THROWS_AS(parse_statement(text), SyntaxError);
    }
}

TEST_CASE("import statement: dataset, quoted directory and states file", "[parser]") {
    auto p = parse_statement("IMPORT atop \"../shared/data/atop\" states \"../shared/data/cow/states2016.csv\"");
    auto& i = boost::get<ast::Import>(p.tree);
    CHECK(i.dir == "../shared/data/atop");
    CHECK(i.states == "../shared/data/cow/states2016.csv");

    auto e = syntax_error("import atop ../data states x");
    CHECK(std::string(e.what()).rfind("expected quoted path", 0) == 0);
    CHECK(e.offset() == 12);
    e = syntax_error("import atop \"dir\"");
    CHECK(e.at_end);
    CHECK(std::string(e.what()) == "expected 'states', found the end of the statement");
    e = syntax_error("import cow \"dir\" states \"f\"");
    CHECK(std::string(e.what()).rfind("expected 'atop'", 0) == 0);
}

// --- issue 17 items 11 and 16, issue 18 item 3 ---------------------------------

namespace {
casus::NameTable some_names() {
    casus::NameTable t;
    for (auto n : {"Armenia", "Azerbaijan", "Russia", "Bosnia and Herzegovina", "Trinidad and Tobago",
                   "Antigua & Barbuda", "St. Lucia", "Guinea-Bissau", "Guinea", "Côte d'Ivoire", "U.S.",
                   "Serbia and Montenegro", "Serbia", "Montenegro"})
        t.add(n, casus::NameTable::normalize(n), "state");
    return t;
}
}  // namespace

TEST_CASE("a trailing ';' or '.' ends a statement", "[parser]") {
    const auto names = some_names();
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend Armenia;"))).ally.text == "Armenia");
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend Armenia ."))).ally.text == "Armenia");
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend Armenia?;"))).ally.text == "Armenia");
    CHECK(boost::get<ast::ListWhat>(question(parse_statement("list states."))).what == "states");
    CHECK(boost::get<ast::Add>(parse_statement("add member(georgia, csto) on 2026-01-01;").tree).on->year == 2026);
    // The '.' of a known name is the name's; the one after it ends the statement.
    auto p = parse_statement("who must defend St. Lucia.", &names);
    CHECK(boost::get<ast::Must>(question(p)).ally.text == "St. Lucia");
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend U.S.", &names))).ally.text == "U.S.");
    // Only one terminator, and nothing after it.
    CHECK_THROWS_AS(parse_statement("who must defend Armenia;;"), SyntaxError);
    CHECK_THROWS_AS(parse_statement("who must defend Armenia; list states"), SyntaxError);
}

TEST_CASE("names with keywords and punctuation are read whole when the kb knows them", "[parser][names]") {
    const auto names = some_names();
    auto p = parse_statement("what ties Bosnia and Herzegovina to Trinidad  and Tobago", &names);
    auto& t = boost::get<ast::Ties>(question(p));
    CHECK(t.first.text == "Bosnia and Herzegovina");
    CHECK(t.second.text == "Trinidad and Tobago");
    CHECK(p.span_of(t.first) == std::make_pair<std::size_t, std::size_t>(10, 32));
    auto p2 = parse_statement("would Antigua & Barbuda defend Guinea-Bissau against Côte d'Ivoire", &names);
    auto& w = boost::get<ast::Would>(question(p2));
    CHECK(w.defender.text == "Antigua & Barbuda");
    CHECK(w.ally.text == "Guinea-Bissau");
    CHECK(w.attacker.text == "Côte d'Ivoire");
    // Longest match, whole words: Guinea is not the start of Guinea-Bissau.
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend guinea-bissau", &names))).ally.text == "guinea-bissau");
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend Guinea", &names))).ally.text == "Guinea");
    auto p3 = parse_statement("add tie(St. Lucia, Antigua & Barbuda, economic)", &names);
    auto& f = boost::get<ast::Add>(p3.tree).fact;
    REQUIRE(f.args.size() == 3);
    CHECK(f.args[0].text == "St. Lucia");
    CHECK(f.args[1].text == "Antigua & Barbuda");
    // Where the longest known name leaves the sentence unfinished, shorter
    // names are read, as without names.
    auto p4 = parse_statement("what ties Serbia and Montenegro", &names);
    CHECK(boost::get<ast::Ties>(question(p4)).first.text == "Serbia");
    CHECK(boost::get<ast::Ties>(question(p4)).second.text == "Montenegro");
    auto p5 = parse_statement("what ties Serbia and Montenegro to Russia", &names);
    CHECK(boost::get<ast::Ties>(question(p5)).first.text == "Serbia and Montenegro");
    // Without the kb's names such a name needs quotes, as before.
    CHECK_THROWS_AS(parse_statement("who must defend St. Lucia"), SyntaxError);
    // A name the kb does not know still reads as words.
    CHECK(boost::get<ast::Must>(question(parse_statement("who must defend North Macedonia", &names))).ally.text == "North Macedonia");
}

TEST_CASE("a modifier may follow the question", "[parser]") {
    auto p = parse_statement("who must defend armenia as of 2010-01-01");
    REQUIRE(query(p).modifiers.size() == 1);
    CHECK(boost::get<ast::AsOf>(query(p).modifiers[0]).date.year == 2010);
    CHECK(boost::get<ast::Must>(question(p)).ally.text == "armenia");
    auto p2 = parse_statement("as of 2014-01-01 who would defend armenia against azerbaijan suppose add member(georgia, csto) and retract member(armenia, csto)?");
    REQUIRE(query(p2).modifiers.size() == 2);
    CHECK(boost::get<ast::Suppose>(query(p2).modifiers[1]).changes.size() == 2);
    CHECK(boost::get<ast::Defenders>(question(p2)).attacker.text == "azerbaijan");
}

TEST_CASE("what a question needs, and a caret under the stray word", "[parser][errors]") {
    auto e = syntax_error("would russia defend armenia?");
    CHECK(std::string(e.what()) ==
          "expected 'against', found the end of the statement; the question needs the attacker: add 'against STATE'");
    CHECK_FALSE(e.at_end);  // the '?' ended it: the REPL does not wait for more
    e = syntax_error("who would defend armenia");
    CHECK(e.at_end);
    CHECK(std::string(e.what()).find("add 'against STATE'") != std::string::npos);

    e = syntax_error("who would defend Armenia vs Azerbaijan");
    CHECK(std::string(e.what()) == "expected 'against', found 'vs'; to name the attacker, write 'against'");
    CHECK(e.offset() == 25);
    e = syntax_error("who must defend Armenia from Azerbaijan");
    CHECK(std::string(e.what()) == "expected end of the statement, found 'from'; to name the attacker, write 'against'");
    CHECK(e.offset() == 24);
    // With the kb's names, any stray word after a known name gets the caret.
    const auto names = some_names();
    try {
        parse_statement("who would defend Armenia Azerbaijan", &names);
        FAIL("parsed");
    } catch (const SyntaxError& err) {
        CHECK(std::string(err.what()) == "expected 'against', found 'Azerbaijan'; the question needs the attacker: add 'against STATE'");
        CHECK(err.offset() == 25);
    }
}

TEST_CASE("did you mean: only within max(1, len/3) edits, counted in characters", "[parser][names]") {
    CHECK(suggestion_limit(4) == 1);
    CHECK(suggestion_limit(6) == 2);
    CHECK(suggestion_limit(10) == 3);
    CHECK(suggestion_limit(16) == 3);
    CHECK_FALSE(nearest("burmese republic", {"khmer republic"}));
    CHECK(edit_distance("türkiye", "turkiye") == 1);
    CHECK(edit_distance("kazahkstan", "kazakhstan") == 1);
    CHECK_FALSE(nearest("burma", {"brazil", "bahrain"}));
    CHECK_FALSE(nearest("serbia", {"iran", "syria"}) == std::optional<std::string>("iran"));
    CHECK(nearest("srbia", {"syria", "serbia"}) == std::optional<std::string>("serbia"));
    casus::NameTable t;
    t.add("Brazil", "brazil", "state");
    t.add("Serbia", "serbia", "state");
    CHECK_FALSE(t.suggest("Burma", "state"));
    CHECK(t.suggest("Serbai", "state") == std::optional<std::string>("serbia"));
}
