// The query language: every form parses to the right tree; every error
// class has its message shape.
#include "casus/errors.hpp"
#include "parser.hpp"

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
    CHECK(std::string(e.what()) == "expected 'against', found the end of the statement");

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
