// The dyad-year export through the C++ API (Engine::export_dyads with a
// callback over typed rows), against the real kb, and the similarity
// measures against hand computations.
#include "casus/engine.hpp"
#include "parser.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace casus;

Engine& shared_engine();  // test_engine.cpp: one engine per process

TEST_CASE("S and kappa of two tie vectors, computed by hand", "[export][similarity]") {
    // Five states; x and y are the rows of two states' valued ties.
    // S = 1 - 2 * sum|x-y| / (N * 3); kappa = 1 - D_o / D_e with squared
    // distances, D_e from the two states' own distributions of values.
    SECTION("a defence pact between two states of five, and none with the rest") {
        std::vector<int> usa{3, 3, 0, 0, 0}, rus{0, 0, 3, 3, 0}, aze{0, 0, 0, 0, 3};
        // |usa - rus| = 3+3+3+3+0 = 12: S = 1 - 24/15 = -0.6.
        // D_o = 4*9/5 = 7.2; both 60% zeros, 40% threes: D_e = 2*.6*.4*9 = 4.32;
        // kappa = 1 - 7.2/4.32 = -2/3.
        auto ur = portfolio_similarity(usa, rus);
        CHECK(ur.s == Approx(-0.6));
        REQUIRE(ur.kappa);
        CHECK(*ur.kappa == Approx(-2.0 / 3));
        // |usa - aze| = 3+3+0+0+3 = 9: S = 1 - 18/15 = -0.2. D_o = 27/5 = 5.4;
        // D_e = (.6*.2 + .4*.8) * 9 = 3.96; kappa = 1 - 5.4/3.96 = -4/11.
        auto ua = portfolio_similarity(usa, aze);
        CHECK(ua.s == Approx(-0.2));
        REQUIRE(ua.kappa);
        CHECK(*ua.kappa == Approx(-4.0 / 11));
        auto uu = portfolio_similarity(usa, usa);
        CHECK(uu.s == Approx(1));
        CHECK(*uu.kappa == Approx(1));
    }
    SECTION("valued ties: neutrality 2 and consultation 1") {
        std::vector<int> a{3, 2, 1, 0}, b{2, 3, 0, 0};
        // |a-b| = 1+1+1+0 = 3: S = 1 - 6/12 = 0.5. D_o = (1+1+1)/4 = .75.
        // a has each of 3,2,1,0 once (p = 1/4); b has 0 twice (1/2), 2 and 3 once (1/4).
        // D_e = 1/4 * sum over a's values u of sum_v p_b(v) (u-v)^2:
        //   u=0: .5*0 + .25*4 + .25*9 = 3.25;  u=1: .5*1 + .25*1 + .25*4 = 1.75;
        //   u=2: .5*4 + .25*0 + .25*1 = 2.25;  u=3: .5*9 + .25*1 + .25*0 = 4.75;
        // D_e = (3.25 + 1.75 + 2.25 + 4.75) / 4 = 3; kappa = 1 - .75/3 = .75.
        auto s = portfolio_similarity(a, b);
        CHECK(s.s == Approx(0.5));
        REQUIRE(s.kappa);
        CHECK(*s.kappa == Approx(0.75));
    }
    SECTION("no expected disagreement: kappa is undefined, not 0 or 1") {
        std::vector<int> z{0, 0, 0};
        auto s = portfolio_similarity(z, z);
        CHECK(s.s == Approx(1));
        CHECK_FALSE(s.kappa);
    }
}

namespace {

struct Kept {
    int c1, c2;
    std::string s1, s2;
    std::array<std::optional<bool>, obligation_kinds> in_year, on_day;
    std::optional<Verdict> verdict;
    std::optional<double> score, probability;
    std::optional<double> s, kappa;
    std::string treaties;
};

std::vector<Kept> rows_of(const DyadExportOptions& o) {
    std::vector<Kept> out;
    shared_engine().export_dyads(o, [&](const DyadRow& r) {
        out.push_back({r.ccode1, r.ccode2, *r.state1, *r.state2, r.in_year, r.on_day, r.verdict, r.score, r.probability, r.s_unweighted,
                       r.kappa, r.treaties});
    });
    return out;
}

int tie(const Kept& r) {
    auto on = [&](Obligation o) { return r.in_year[static_cast<std::size_t>(o)].value_or(false); };
    if (on(Obligation::defence)) return 3;
    if (on(Obligation::neutrality) || on(Obligation::non_aggression)) return 2;
    return on(Obligation::consultation) ? 1 : 0;
}

}  // namespace

TEST_CASE("export_dyads hands typed rows to a callback: NATO and the CSTO in 2015", "[export][engine]") {
    DyadExportOptions o;
    o.from_year = o.to_year = 2015;
    auto rows = rows_of(o);
    std::map<std::pair<std::string, std::string>, const Kept*> by;
    std::set<std::string> states;
    for (auto& r : rows) {
        by[{r.s1, r.s2}] = &r;
        states.insert(r.s1);
    }
    CHECK(rows.size() == states.size() * (states.size() - 1));
    const Kept* us_ca = by.at({"united_states", "canada"});
    CHECK(us_ca->c1 == 2);
    CHECK(us_ca->c2 == 20);
    CHECK(us_ca->in_year[0] == std::optional<bool>(true));
    CHECK(us_ca->on_day[0] == std::optional<bool>(true));
    CHECK(us_ca->verdict.has_value());  // what it is: `who must defend` below
    CHECK(us_ca->treaties.find("north_atlantic_treaty") != std::string::npos);
    const Kept* ru_am = by.at({"russia", "armenia"});
    CHECK(ru_am->in_year[0] == std::optional<bool>(true));
    CHECK(ru_am->treaties.find("collective_security_treaty") != std::string::npos);
    const Kept* us_ru = by.at({"united_states", "russia"});
    CHECK(us_ru->in_year[0] == std::optional<bool>(false));
    CHECK(us_ru->verdict == std::optional<Verdict>(Verdict::unlikely));

    SECTION("the verdict against any attacker is what `who must defend` gives on the reference day") {
        for (auto ally : {"armenia", "turkey", "estonia"}) {
            auto r = std::get<DefendersResult>(shared_engine().execute(std::string("as of 2015-12-31 who must defend ") + ally));
            REQUIRE_FALSE(r.answers.empty());
            for (auto& a : r.answers) {
                auto it = by.find({a.state, ally});
                if (it == by.end()) continue;  // a state outside the COW system: in no row
                INFO(a.state << " for " << ally);
                REQUIRE(it->second->score);
                CHECK(*it->second->score == Approx(a.score));
                CHECK(it->second->verdict == std::optional<Verdict>(a.verdict));
                REQUIRE(it->second->probability);
                CHECK(*it->second->probability == Approx(a.probability));
            }
        }
    }
    SECTION("S and kappa from sparse tie counts equal the plain formula over the year's tie vectors") {
        // Rebuild every state's tie vector (its own tie 3) from the rows, in
        // the states' order, and compare with the row's values.
        std::vector<std::string> order(states.begin(), states.end());
        std::map<std::string, std::size_t> at;
        for (std::size_t i = 0; i < order.size(); ++i) at[order[i]] = i;
        std::vector<std::vector<int>> v(order.size(), std::vector<int>(order.size(), 0));
        for (std::size_t i = 0; i < order.size(); ++i) v[i][i] = 3;
        for (auto& r : rows) v[at[r.s1]][at[r.s2]] = tie(r);
        std::size_t compared = 0;
        for (auto& r : rows) {
            if (r.s1 != "united_states" && r.s1 != "russia" && r.s1 != "armenia") continue;
            auto want = portfolio_similarity(v[at[r.s1]], v[at[r.s2]]);
            REQUIRE(r.s);
            CHECK(*r.s == Approx(want.s));
            CHECK(r.kappa.has_value() == want.kappa.has_value());
            if (r.kappa && want.kappa) CHECK(*r.kappa == Approx(*want.kappa));
            ++compared;
        }
        CHECK(compared == 3 * (order.size() - 1));
    }
}

TEST_CASE("export_dyads among chosen states, and its bad ranges", "[export][engine]") {
    DyadExportOptions o;
    o.from_year = 1990;
    o.to_year = 1991;
    o.states = {"germany", "german_federal_republic", "german_democratic_republic"};
    auto rows = rows_of(o);
    // 1990: all three (Germany from 10-03, the two others to 10-02): 6
    // rows; 1991: Germany alone, no pair.
    CHECK(rows.size() == 6);
    o.from_year = 2000;
    o.to_year = 1999;
    CHECK_THROWS_AS(shared_engine().export_dyads(o, [](const DyadRow&) {}), UsageError);
    o.from_year = o.to_year = 1990;
    o.ref_month = 2;
    o.ref_day = 29;
    CHECK_THROWS_AS(shared_engine().export_dyads(o, [](const DyadRow&) {}), UsageError);
}

TEST_CASE("export dyads parses in each of its forms", "[export][parser]") {
    auto tree = [](const std::string& text) { return boost::get<ast::ExportDyads>(parse_statement(text).tree); };
    auto e = tree("export dyads from 1816 to 2016 on 06-30 as json to \"out.jsonl\" among Armenia, \"Bosnia and Herzegovina\"");
    CHECK(e.years.from == 1816);
    CHECK(e.years.to == 2016);
    REQUIRE(e.on.has_value());
    CHECK(e.on->month == 6);
    CHECK(e.on->day == 30);
    CHECK(e.format.value_or("") == "json");
    CHECK(e.file.value_or("") == "out.jsonl");
    REQUIRE(e.among.has_value());
    REQUIRE(e.among->size() == 2);
    CHECK(e.among->at(1).text == "Bosnia and Herzegovina");
    auto r = tree("EXPORT DYADS 1990-1991");
    CHECK(r.years.from == 1990);
    CHECK(r.years.to == 1991);
    CHECK_FALSE(r.on.has_value());
    auto one = tree("export dyads 1990 as csv");
    CHECK(one.years.from == 1990);
    CHECK(one.years.to == 1990);
    CHECK_THROWS_AS(parse_statement("export dyads 1990- as csv"), SyntaxError);
    CHECK_THROWS_AS(parse_statement("export dyads 1990 as yaml"), SyntaxError);
    CHECK_THROWS_AS(parse_statement("export dyads"), SyntaxError);
}
