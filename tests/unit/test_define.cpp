// `define` statements and the place of an attack: the trees they parse
// to, and their errors.
#include "casus/errors.hpp"
#include "parser.hpp"

#include <catch2/catch.hpp>

using namespace casus;

namespace {
const ast::Define& definition(const ParsedStatement& p) { return boost::get<ast::Define>(p.tree); }

std::string syntax_message(const std::string& text) {
    try {
        parse_statement(text);
    } catch (const SyntaxError& e) {
        return e.what();
    }
    FAIL("no syntax error for: " << text);
    return "";
}
}  // namespace

TEST_CASE("define: organisation, treaty and clause", "[parser][define]") {
    auto p1 = parse_statement("define organisation eu \"European Union\" source \"Maastricht\"");
    auto& o = boost::get<ast::DefineSimple>(definition(p1));
    CHECK(o.kind == "organisation");
    CHECK(o.id.text == "eu");
    CHECK(o.title == "European Union");
    REQUIRE(static_cast<bool>(o.source));
    CHECK(*o.source == "Maastricht");
    CHECK(p1.span_of(o.id).first == 20);

    auto p2 = parse_statement("DEFINE treaty teu \"Treaty on European Union\" of European Union signed 2007-12-13 in force 2009-12-01");
    auto& t = boost::get<ast::DefineTreaty>(definition(p2));
    REQUIRE(static_cast<bool>(t.of));
    CHECK(t.of->text == "European Union");  // a name ends at 'signed'
    REQUIRE(static_cast<bool>(t.signed_on));
    CHECK(t.signed_on->year == 2007);
    REQUIRE(static_cast<bool>(t.in_force));
    CHECK(t.in_force->day == 1);

    auto p3 = parse_statement("define clause teu art42_7 defense \"Article 42(7)\" against Russia, \"North Korea\" in own territory, europe");
    auto& c = boost::get<ast::DefineClause>(definition(p3));
    CHECK(c.treaty.text == "teu");
    CHECK(c.id.text == "art42_7");
    CHECK(c.obligation == "defence");
    REQUIRE(static_cast<bool>(c.against));
    REQUIRE(c.against->size() == 2);
    CHECK((*c.against)[1].text == "North Korea");
    REQUIRE(static_cast<bool>(c.area));
    CHECK((*c.area)[0].text == "own territory");
    CHECK((*c.area)[1].text == "europe");

    CHECK(boost::get<ast::DefineClause>(definition(parse_statement("define clause t c none \"Section II\""))).obligation == "none");
    CHECK(boost::get<ast::DefineClause>(definition(parse_statement("define clause t c non-aggression \"Art. 1\""))).obligation ==
          "non_aggression");
}

TEST_CASE("define: event, declaration, territory, state, issue", "[parser][define]") {
    auto p1 = parse_statement("define event strikes_2022 \"strikes\" on 2022-09-13 by Azerbaijan against Armenia source \"RFE/RL\"");
    auto& e = boost::get<ast::DefineEvent>(definition(p1));
    REQUIRE(static_cast<bool>(e.by));
    CHECK(e.by->text == "Azerbaijan");
    REQUIRE(static_cast<bool>(e.against));
    CHECK(e.against->text == "Armenia");
    CHECK(e.on.month == 9);
    auto p2 = parse_statement("define declaration d1 \"Alma-Ata\" on 1991-12-21");
    auto& d = boost::get<ast::DefineDeclaration>(definition(p2));
    CHECK(d.on.year == 1991);
    auto p3 = parse_statement("define territory guam \"Guam\" of United States in pacific");
    auto& t = boost::get<ast::DefineTerritory>(definition(p3));
    CHECK(t.holder.text == "United States");
    CHECK(t.region.text == "pacific");
    CHECK(boost::get<ast::DefineSimple>(definition(parse_statement("define state abkhazia \"Abkhazia\""))).kind == "state");
    CHECK(boost::get<ast::DefineSimple>(definition(parse_statement("define organization x \"X\""))).kind == "organisation");
}

TEST_CASE("define: errors say what was expected", "[parser][define][errors]") {
    CHECK(syntax_message("define alliance x \"X\"").rfind("expected 'state', 'organisation', 'issue', 'treaty'", 0) == 0);
    CHECK(syntax_message("define organisation eu European Union") == "expected the name in quotes, found 'European'");
    CHECK(syntax_message("define clause teu a1 help \"X\"").rfind("expected obligation (defence, offence", 0) == 0);
    CHECK(syntax_message("define treaty t \"T\" in 2009-12-01").rfind("expected 'force'", 0) == 0);
    CHECK(syntax_message("define event e \"E\" by Russia").rfind("expected 'on'", 0) == 0);
    CHECK(syntax_message("defien organisation eu \"EU\"").find("did you mean 'define'?") != std::string::npos);
}

TEST_CASE("the place of an attack", "[parser][define]") {
    auto p = parse_statement("as of 2020-10-15 who would defend Armenia against Azerbaijan in Nagorno-Karabakh");
    auto& q = boost::get<ast::Defenders>(boost::get<ast::Query>(p.tree).question);
    CHECK(q.attacker.text == "Azerbaijan");  // 'in' ends the attacker's name
    REQUIRE(static_cast<bool>(q.place));
    CHECK(q.place->text == "Nagorno-Karabakh");
    auto p2 = parse_statement("who must defend United Kingdom in Falkland Islands");
    auto& m = boost::get<ast::Must>(boost::get<ast::Query>(p2.tree).question);
    CHECK_FALSE(static_cast<bool>(m.attacker));
    REQUIRE(static_cast<bool>(m.place));
    CHECK(m.place->text == "Falkland Islands");
    auto p3 = parse_statement("why would Russia not defend Armenia against Azerbaijan in Armenia");
    auto& w = boost::get<ast::Why>(boost::get<ast::Query>(p3.tree).question);
    REQUIRE(static_cast<bool>(w.place));
    CHECK(w.negated);
    CHECK_FALSE(static_cast<bool>(boost::get<ast::Defenders>(boost::get<ast::Query>(parse_statement("who would defend a against b").tree).question).place));
    CHECK(syntax_message("who would defend Armenia against Azerbaijan in").find("expected place of the attack") == 0);
}
