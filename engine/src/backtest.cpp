// The backtest: asks casus about every attack of a war file, as of its
// eve, through the same statements a user types, and scores the answers.
#include "casus/backtest.hpp"

#include "backtest_fit.hpp"
#include "backtest_places.hpp"
#include "backtest_wars.hpp"
#include "casus/engine.hpp"
#include "prolog.hpp"

#include "casus/errors.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace casus {

const char* BacktestReport::fought_definition() {
    return "a state in casus's answer \"fought\" when it and the attacker are paired, either way round, as "
           "initiator and target in any row of the same larger war; each attack is the first year's row of a "
           "non-joiner dyad, asked as of the day before its entry date";
}

std::string BacktestReport::place_definition() const {
    if (!places_file)
        return "no place is named (no place table): each attack is taken to fall on the target's own territory, "
               "so a treaty area covers it whenever it covers the target's own territory";
    return "each attack the place table " + places_file->filename().string() +
           " lists is asked `in` the place where the initiator's first attack on the target fell (curated from the "
           "record of each war, kb/data/README.md), so that a treaty area applies as the treaty's text gives it; " +
           std::to_string(attacks_placed) + " attacks were asked so";
}

std::filesystem::path default_wars_file(const std::filesystem::path& kb_dir) {
    return kb_dir / "data" / "wars" / "interstate-war-dyads.csv";
}

std::filesystem::path default_places_file(const std::filesystem::path& kb_dir) {
    return kb_dir / "data" / "wars" / "attack-places.csv";
}

namespace {

using Weight = std::function<double(const BacktestLink&)>;
using Reading = std::function<double(const BacktestLink&)>;        // a link's probability
using Verdicts = std::function<Verdict(const BacktestLink&)>;      // and its verdict

// P(probability of a fighter > that of a non-fighter), ties counted
// half, each pair weighted by the product of its links' weights
// (Mann-Whitney).
std::optional<double> auc(const std::vector<const BacktestLink*>& links, const Weight& weight, const Reading& p_of) {
    double pos = 0, neg = 0, above = 0;
    for (auto* p : links) (p->fought ? pos : neg) += weight(*p);
    if (pos == 0 || neg == 0) return std::nullopt;
    for (auto* p : links) {
        if (!p->fought) continue;
        for (auto* n : links) {
            if (n->fought) continue;
            double w = weight(*p) * weight(*n);
            if (p_of(*p) > p_of(*n)) above += w;
            else if (p_of(*p) == p_of(*n)) above += w / 2;
        }
    }
    return above / (pos * neg);
}

BacktestFigures figures(const std::vector<const BacktestLink*>& links, const Weight& weight, const Reading& p_of,
                        const Verdicts& verdict_of) {
    BacktestFigures f;
    struct Kind {
        std::string label;
        std::function<bool(const BacktestLink&)> in;
    };
    const std::vector<Kind> kinds{
        {"likely", [&](const BacktestLink& l) { return verdict_of(l) == Verdict::likely; }},
        {"uncertain", [&](const BacktestLink& l) { return verdict_of(l) == Verdict::uncertain; }},
        {"unlikely", [&](const BacktestLink& l) { return verdict_of(l) == Verdict::unlikely; }},
        {"obligated (naive baseline: every obligated ally fights)", [](const BacktestLink& l) { return l.obligated; }},
        {"every state in the answer", [](const BacktestLink&) { return true; }},
    };
    double fought_all = 0, total = 0, squares = 0;
    for (auto* l : links) {
        const double w = weight(*l), miss = p_of(*l) - (l->fought ? 1 : 0);
        total += w;
        squares += w * miss * miss;
        if (l->fought) fought_all += w;
    }
    f.brier = total > 0 ? squares / total : 0;
    for (auto& k : kinds) {
        BacktestLine line;
        line.label = k.label;
        for (auto* l : links) {
            if (!k.in(*l)) continue;
            line.count += weight(*l);
            if (l->fought) line.fought += weight(*l);
        }
        line.recall = fought_all > 0 ? line.fought / fought_all : 0;
        f.lines.push_back(line);
    }
    f.auc = auc(links, weight, p_of);
    return f;
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
    // The constant forecast: the section's own share of fighters.
    double total = 0, fought = 0;
    for (auto* l : links) {
        total += weight(*l);
        if (l->fought) fought += weight(*l);
    }
    s.base_rate = total > 0 ? fought / total : 0;
    double squares = 0;
    for (auto* l : links) squares += weight(*l) * std::pow(s.base_rate - (l->fought ? 1 : 0), 2);
    s.base_brier = total > 0 ? squares / total : 0;
    s.answered = figures(links, weight, [](const BacktestLink& l) { return l.probability; },
                         [](const BacktestLink& l) { return l.verdict; });
    s.lowo = figures(links, weight, [](const BacktestLink& l) { return l.lowo_probability; },
                     [](const BacktestLink& l) { return l.lowo_verdict; });
    return s;
}

// What the backtest needs of the model (kb/verdict_model.pl): the kinds
// of its fitted terms, and the lower ends of the likely and uncertain
// bands, to give leave-one-war-out probabilities their verdicts.
struct Model {
    std::vector<std::string> kinds;
    double likely_from = 0.5, uncertain_from = 0.1;
};

Model model_of_kb() {
    prolog::Frame frame;
    PlTerm_var kinds, likely, uncertain;
    if (!prolog::call("verdict_model", prolog::compound("backtest_model", {kinds, likely, uncertain})))
        throw PrologError("the kb's verdict model gave no fitted terms (verdict_model:backtest_model/3 failed)");
    Model m;
    for (auto& k : prolog::list_items(kinds)) m.kinds.push_back(prolog::text(k));
    m.likely_from = prolog::number_of(likely);
    m.uncertain_from = prolog::number_of(uncertain);
    return m;
}

// Every link's probability with the fitted terms fitted on the other
// wars: the wars are few and uneven (1866 holds most of the fighters), so
// a pooled fit could learn one war and look good on it.
void leave_one_war_out(BacktestReport& report, const Model& m) {
    std::vector<bool> use(report.links.size());
    std::set<int> wars;
    for (auto& l : report.links) wars.insert(l.war_id);
    for (int war : wars) {
        for (std::size_t i = 0; i < use.size(); ++i) use[i] = report.links[i].war_id != war;
        const std::vector<double> beta = backtest::fit(report.links, m.kinds, use);
        for (auto& l : report.links) {
            if (l.war_id != war) continue;
            l.lowo_probability = backtest::predict(l, m.kinds, beta);
            l.lowo_verdict = l.lowo_probability >= m.likely_from      ? Verdict::likely
                             : l.lowo_probability >= m.uncertain_from ? Verdict::uncertain
                                                                      : Verdict::unlikely;
        }
    }
}

// The states in the system on a date, by COW code (a code such as 255
// names Prussia, then Germany: one state of the kb each time).
std::map<int, std::string> states_by_cow(Engine& engine, const Date& on) {
    std::map<int, std::string> out;
    auto listed = std::get<EntitiesResult>(engine.execute("as of " + on.str() + " list states"));
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

BacktestReport run_backtest(Engine& engine, const std::filesystem::path& wars_csv,
                            const std::optional<std::filesystem::path>& places_csv) {
    const backtest::Wars wars = backtest::read_wars(wars_csv);
    const auto places = places_csv ? backtest::read_places(*places_csv) : std::map<backtest::AttackKey, backtest::Place>{};
    const Model model = model_of_kb();
    BacktestReport report;
    report.wars_file = wars_csv;
    report.places_file = places_csv;
    report.rows = wars.rows;
    report.skipped = wars.skipped;
    for (const auto& attack : wars.attacks) {
        const auto ids = states_by_cow(engine, attack.date.previous());
        auto ally = ids.find(attack.target), attacker = ids.find(attack.initiator);
        if (ally == ids.end() || attacker == ids.end()) {
            int missing = ally == ids.end() ? attack.target : attack.initiator;
            report.skipped.push_back({attack.line, "COW state " + std::to_string(missing) + " was not in the state system on " +
                                                       attack.date.previous().str()});
            continue;
        }
        const Date eve = attack.date.previous();
        auto placed = places.find({attack.war_id, attack.initiator, attack.target});
        const std::string place = placed == places.end() ? std::string() : placed->second.id;
        DefendersResult answer;
        try {
            answer = std::get<DefendersResult>(engine.execute("as of " + eve.str() + " who would defend " + ally->second +
                                                              " against " + attacker->second +
                                                              (place.empty() ? "" : " in " + place)));
        } catch (const Error& e) {
            report.skipped.push_back({attack.line, e.what()});
            continue;
        }
        ++report.attacks;
        if (!place.empty()) ++report.attacks_placed;
        for (const auto& a : answer.answers) {
            BacktestLink link{report.attacks - 1, attack.war, attack.war_id, attack.date, eve, ally->second, attacker->second, a.state,
                              place, a.obligated, {}, a.verdict, a.score, a.probability,
                              wars.fought_in(attack.war_id, a.cow, attack.initiator)};
            for (const auto& b : a.basis) link.basis.push_back(b.treaty);
            for (const auto& f : a.factors) {
                if (std::find(model.kinds.begin(), model.kinds.end(), f.kind) != model.kinds.end()) link.terms.push_back(f.kind);
                else link.offset += f.weight;
            }
            report.links.push_back(std::move(link));
        }
    }
    report.fit.kinds = model.kinds;
    report.fit.coefficients = backtest::fit(report.links, model.kinds, std::vector<bool>(report.links.size(), true));
    leave_one_war_out(report, model);
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

void write_fitted_model(const std::filesystem::path& file, const BacktestReport& report) {
    backtest::write_fitted(file, report.fit.kinds, report.fit.coefficients, report);
}

}  // namespace casus
