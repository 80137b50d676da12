// The engine through its C++ API, against the real kb and the real
// embedded SWI-Prolog.
#include "casus/engine.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace casus;

namespace {

Engine& engine() {
    static Engine e(EngineOptions{CASUS_TEST_KB_DIR, std::nullopt, 256, 10});
    return e;
}

const Assessment* find(const DefendersResult& r, const std::string& state) {
    for (auto& a : r.answers)
        if (a.state == state) return &a;
    return nullptr;
}

bool has_factor(const Assessment& a, const std::string& kind) {
    return std::any_of(a.factors.begin(), a.factors.end(), [&](const Factor& f) { return f.kind == kind; });
}

}  // namespace

// The one engine of the test process, for the other test files.
Engine& shared_engine() { return engine(); }

TEST_CASE("the engine opens the kb and answers the article's question", "[engine]") {
    auto r = std::get<DefendersResult>(engine().execute("as of 2015-12-31 who would defend Armenia against Azerbaijan?"));
    CHECK(r.kind == DefendersResult::Kind::defenders);
    CHECK(r.as_of.str() == "2015-12-31");
    for (auto s : {"russia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan"}) {
        const Assessment* a = find(r, s);
        REQUIRE(a);
        CHECK(a->obligated);
        CHECK(a->basis.at(0).treaty == "collective_security_treaty");
    }
    for (auto s : {"kazakhstan", "kyrgyzstan", "tajikistan"}) CHECK(find(r, s)->verdict == Verdict::unlikely);
    // Russia, bound to Armenia by a bilateral treaty too, is the likeliest
    // of them; every verdict is the band of its probability, the logistic
    // of its score (kb/verdict_model.pl).
    for (auto s : {"belarus", "kazakhstan", "kyrgyzstan", "tajikistan"})
        CHECK(find(r, "russia")->probability > find(r, s)->probability);
    CHECK(has_factor(*find(r, "russia"), "bilateral_alliance"));
    for (auto& a : r.answers) {
        CHECK(a.probability == Approx(1 / (1 + std::exp(-a.score))).margin(1e-9));
        CHECK(a.verdict == (a.probability >= 0.5 ? Verdict::likely : a.probability >= 0.1 ? Verdict::uncertain : Verdict::unlikely));
    }
    CHECK(has_factor(*find(r, "kazakhstan"), "kinship_with_attacker"));
    CHECK(has_factor(*find(r, "kazakhstan"), "signed_declaration_for_attacker"));
    CHECK(has_factor(*find(r, "tajikistan"), "competing_priority"));
    CHECK(find(r, "azerbaijan") == nullptr);
    CHECK(find(r, "armenia") == nullptr);
}

TEST_CASE("who must defend Turkey on the day of the Su-24 shootdown", "[engine]") {
    auto r = std::get<DefendersResult>(engine().execute("as of 2015-11-24 who must defend turkey"));
    CHECK(r.answers.size() == 27);
    for (auto& a : r.answers) CHECK(a.basis.at(0).clause == "article_5");
    CHECK(find(r, "montenegro") == nullptr);  // joined 2017
}

TEST_CASE("the 2015 CCTSS resolution plays no part before it existed", "[engine]") {
    auto r = std::get<DefendersResult>(engine().execute("as of 2014-01-01 would Kyrgyzstan defend Armenia against Azerbaijan"));
    for (auto& f : r.answers.at(0).factors)
        for (auto& e : f.evidence) CHECK(e.fact.find("cctss_astana_2015") == std::string::npos);
}

TEST_CASE("Russia against Turkey: Armenia stands with Russia, Kazakhstan and Kyrgyzstan do not come out likely", "[engine]") {
    auto r = std::get<DefendersResult>(engine().execute("as of 2015-12-31 who would defend Russia against Turkey"));
    CHECK(find(r, "armenia")->verdict == Verdict::likely);
    CHECK(find(r, "kazakhstan")->verdict != Verdict::likely);
    CHECK(find(r, "kyrgyzstan")->verdict != Verdict::likely);
}

TEST_CASE("UTF-8 names survive the round trip", "[engine]") {
    auto r = std::get<DefendersResult>(engine().execute("as of 2015-12-31 who would defend Russia against Türkiye"));
    CHECK(r.attacker == "turkey");
    auto m = std::get<FactsResult>(engine().execute("as of 2015-12-31 what ties Kazakhstan to Azerbaijan"));
    bool quote_found = false;
    for (auto& row : m.rows)
        if (row.quote.find("’") != std::string::npos) quote_found = true;  // the article's curly apostrophe
    CHECK(quote_found);
}

TEST_CASE("errors are typed and leave the engine usable", "[engine][errors]") {
    CHECK_THROWS_AS(engine().execute("who must defend Kazahkstan"), NameError);
    try {
        engine().execute("who must defend Kazahkstan");
    } catch (const NameError& e) {
        CHECK(std::string(e.what()) == "unknown state 'Kazahkstan'; did you mean 'kazakhstan'?");
        CHECK(e.offset() == 16);
    }
    CHECK_THROWS_AS(engine().execute("who must defend csto"), NameError);
    CHECK_THROWS_AS(engine().execute("as of 2015-02-30 who must defend armenia"), ValidationError);
    CHECK_THROWS_AS(engine().execute("add tie(kazakhstan, armenia, militray)"), ValidationError);
    CHECK_THROWS_AS(engine().execute("add member(georgia)"), ValidationError);
    CHECK_THROWS_AS(engine().execute("add nonsense(georgia)"), ValidationError);
    CHECK_THROWS_AS(engine().execute("retract member(armenia, csto)"), ValidationError);
    engine().execute("as of 2015-12-31 who would defend armenia against azerbaijan");
    CHECK_THROWS_AS(engine().execute("why not kazakhstan x"), NameError);
    CHECK_THROWS_AS(engine().execute("who would defend armenia against armenia"), ValidationError);
    // Still answers after all of that.
    auto r = std::get<MembersResult>(engine().execute("as of 2015-12-31 who belongs to csto"));
    CHECK(r.rows.size() == 6);
}

TEST_CASE("adds are validated, overlapping spells rejected, history kept", "[engine][facts]") {
    auto c = std::get<ChangeResult>(engine().execute("add member(georgia, eeu) on 2026-01-01 source \"test\""));
    CHECK(c.action == ChangeResult::Action::added);
    CHECK_THROWS_AS(engine().execute("add member(georgia, eeu) on 2026-02-01"), ValidationError);
    auto before = std::get<MembersResult>(engine().execute("as of 2026-06-01 members of eeu"));
    engine().execute("retract member(georgia, eeu) on 2026-07-01");
    auto after = std::get<MembersResult>(engine().execute("as of 2026-08-01 members of eeu"));
    CHECK(before.rows.size() == after.rows.size() + 1);
    auto still = std::get<MembersResult>(engine().execute("as of 2026-06-01 members of eeu"));
    CHECK(still.rows.size() == before.rows.size());
    auto h = std::get<FactsResult>(engine().execute("history of georgia"));
    bool found = false;
    for (auto& row : h.rows)
        if (row.fact == "member(georgia,eeu)") {
            found = true;
            CHECK(row.to->str() == "2026-07-01");
        }
    CHECK(found);
}

TEST_CASE("suppose answers in a hypothetical world and changes nothing", "[engine][facts]") {
    auto hyp = std::get<DefendersResult>(engine().execute("suppose add member(georgia, nato) on 2026-01-01: who must defend georgia"));
    CHECK(hyp.hypothetical);
    CHECK(find(hyp, "united_states"));
    auto real = std::get<DefendersResult>(engine().execute("who must defend georgia"));
    CHECK(find(real, "united_states") == nullptr);
}
