// The backtest: asks casus about every attack of a war file, as of its
// eve, through the same statements a user types, and scores the answers.
#include "casus/backtest.hpp"

#include "backtest_wars.hpp"
#include "casus/engine.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace casus {

const char* BacktestReport::fought_definition() {
    return "a state in casus's answer \"fought\" when it and the attacker are paired, either way round, as "
           "initiator and target in any row of the same larger war; each attack is the first year's row of a "
           "non-joiner dyad, asked as of the day before its entry date";
}

std::filesystem::path default_wars_file(const std::filesystem::path& kb_dir) {
    return kb_dir / "data" / "wars" / "interstate-war-dyads.csv";
}

namespace {

using Weight = std::function<double(const BacktestLink&)>;

// P(score of a fighter > score of a non-fighter), ties counted half, each
// pair weighted by the product of its links' weights (Mann-Whitney).
std::optional<double> auc(const std::vector<const BacktestLink*>& links, const Weight& weight) {
    double pos = 0, neg = 0, above = 0;
    for (auto* p : links) (p->fought ? pos : neg) += weight(*p);
    if (pos == 0 || neg == 0) return std::nullopt;
    for (auto* p : links) {
        if (!p->fought) continue;
        for (auto* n : links) {
            if (n->fought) continue;
            double w = weight(*p) * weight(*n);
            if (p->score > n->score) above += w;
            else if (p->score == n->score) above += w / 2;
        }
    }
    return above / (pos * neg);
}

BacktestSection section(const std::string& label, const std::vector<const BacktestLink*>& links, bool weigh_wars) {
    BacktestSection s;
    s.label = label;
    s.links = links.size();
    std::map<int, std::size_t> per_war;
    std::set<std::size_t> attacks;
    for (auto* l : links) {
        ++per_war[l->war_id];
        attacks.insert(l->attack);
    }
    s.wars = per_war.size();
    s.attacks = attacks.size();
    Weight weight = [&](const BacktestLink& l) { return weigh_wars ? 1.0 / static_cast<double>(per_war[l.war_id]) : 1.0; };
    struct Kind {
        std::string label;
        std::function<bool(const BacktestLink&)> in;
    };
    const std::vector<Kind> kinds{
        {"likely", [](const BacktestLink& l) { return l.verdict == Verdict::likely; }},
        {"uncertain", [](const BacktestLink& l) { return l.verdict == Verdict::uncertain; }},
        {"unlikely", [](const BacktestLink& l) { return l.verdict == Verdict::unlikely; }},
        {"obligated (naive baseline: every obligated ally fights)", [](const BacktestLink& l) { return l.obligated; }},
        {"every state in the answer", [](const BacktestLink&) { return true; }},
    };
    double fought_all = 0;
    for (auto* l : links)
        if (l->fought) fought_all += weight(*l);
    for (auto& k : kinds) {
        BacktestLine line;
        line.label = k.label;
        for (auto* l : links) {
            if (!k.in(*l)) continue;
            line.count += weight(*l);
            if (l->fought) line.fought += weight(*l);
        }
        line.recall = fought_all > 0 ? line.fought / fought_all : 0;
        s.lines.push_back(line);
    }
    s.auc = auc(links, weight);
    return s;
}

std::map<int, std::string> states_by_cow(Engine& engine) {
    std::map<int, std::string> out;
    auto listed = std::get<EntitiesResult>(engine.execute("list states"));
    for (auto& row : listed.rows) {
        try {
            int cow = std::stoi(row.extra);
            if (cow > 0) out.emplace(cow, row.id);
        } catch (const std::exception&) {
            // a state without a COW code cannot appear in a COW war file
        }
    }
    return out;
}

}  // namespace

BacktestReport run_backtest(Engine& engine, const std::filesystem::path& wars_csv) {
    const backtest::Wars wars = backtest::read_wars(wars_csv);
    BacktestReport report;
    report.wars_file = wars_csv;
    report.rows = wars.rows;
    report.skipped = wars.skipped;
    const auto ids = states_by_cow(engine);
    for (const auto& attack : wars.attacks) {
        auto ally = ids.find(attack.target), attacker = ids.find(attack.initiator);
        if (ally == ids.end() || attacker == ids.end()) {
            int missing = ally == ids.end() ? attack.target : attack.initiator;
            report.skipped.push_back({attack.line, "COW state " + std::to_string(missing) +
                                                       " is not in the kb (`import atop` adds every COW state)"});
            continue;
        }
        const Date eve = attack.date.previous();
        DefendersResult answer;
        try {
            answer = std::get<DefendersResult>(
                engine.execute("as of " + eve.str() + " who would defend " + ally->second + " against " + attacker->second));
        } catch (const Error& e) {
            report.skipped.push_back({attack.line, e.what()});
            continue;
        }
        ++report.attacks;
        for (const auto& a : answer.answers) {
            BacktestLink link{report.attacks - 1, attack.war, attack.war_id, attack.date, eve, ally->second, attacker->second, a.state,
                              a.obligated, {}, a.verdict, a.score, wars.fought_in(attack.war_id, a.cow, attack.initiator)};
            for (const auto& b : a.basis) link.basis.push_back(b.treaty);
            report.links.push_back(std::move(link));
        }
    }
    std::vector<const BacktestLink*> all, before_1914, world_wars, after_1945;
    for (const auto& l : report.links) {
        all.push_back(&l);
        (l.attack_date.year < 1914 ? before_1914 : l.attack_date.year <= 1945 ? world_wars : after_1945).push_back(&l);
    }
    report.sections.push_back(section("all attacks", all, false));
    report.sections.push_back(section("before 1914", before_1914, false));
    report.sections.push_back(section("1914-1945", world_wars, false));
    report.sections.push_back(section("after 1945", after_1945, false));
    report.sections.push_back(section("every war weighted once", all, true));
    return report;
}

}  // namespace casus
