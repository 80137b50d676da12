#include "backtest_output.hpp"

#include "sanitize.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace casus::cli {

namespace {

std::string percent(double part, double whole) { return whole > 0 ? fmt::format("{:.1f}%", 100 * part / whole) : "-"; }

// Counts are whole numbers unless wars are weighted.
std::string amount(double v) { return v == static_cast<long>(v) ? std::to_string(static_cast<long>(v)) : fmt::format("{:.2f}", v); }

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string auc_text(const std::optional<double>& auc) { return auc ? fmt::format("{:.3f}", *auc) : std::string("-"); }

// One row of the table: the same links as answered and leave-one-war-out.
std::string table_row(const std::string& label, const BacktestLine* a, const BacktestLine* b) {
    auto cells = [](const BacktestLine* l) {
        if (!l) return fmt::format("{:>8} {:>8} {:>10} {:>7}", "", "", "", "");
        return fmt::format("{:>8} {:>8} {:>10} {:>7}", amount(l->count), amount(l->fought), percent(l->fought, l->count),
                           l->count > 0 ? fmt::format("{:.1f}%", 100 * l->recall) : "-");
    };
    return fmt::format("  {:<56} {} | {}\n", label, cells(a), cells(b));
}

void print_section(std::ostream& out, const BacktestSection& s) {
    out << "\n" << s.label << ": " << s.attacks << " attacks with an answer, " << s.wars << " wars, " << s.links
        << " links; base rate " << fmt::format("{:.1f}%", 100 * s.base_rate) << "\n";
    out << fmt::format("  {:<56} {:^37} | {:^37}\n", "", "as answered", "leave-one-war-out");
    out << fmt::format("  {:<56} {:>8} {:>8} {:>10} {:>7} | {:>8} {:>8} {:>10} {:>7}\n", "verdict", "count", "fought",
                       "precision", "recall", "count", "fought", "precision", "recall");
    // The per-verdict lines differ; the baseline and the total are the same links either way.
    for (std::size_t i = 0; i < s.answered.lines.size(); ++i) {
        const bool per_verdict = i < 3;
        out << table_row(s.answered.lines[i].label, &s.answered.lines[i], per_verdict ? &s.lowo.lines[i] : nullptr);
    }
    out << fmt::format("  AUC of the probability {} (leave-one-war-out {}); Brier score {:.4f} (leave-one-war-out {:.4f}) "
                       "vs {:.4f} for the constant base rate\n",
                       auc_text(s.answered.auc), auc_text(s.lowo.auc), s.answered.brier, s.lowo.brier, s.base_brier);
}

void print_summary(std::ostream& out, const BacktestReport& r) {
    out << "Backtest of " << shown(r.wars_file.string()) << ": " << r.attacks << " attacks asked (" << r.rows << " rows, "
        << r.skipped.size() << " rows or attacks skipped), " << r.links.size() << " states in the answers.\n";
    out << "Fought: " << BacktestReport::fought_definition() << ".\n";
    out << "Place: " << shown(r.place_definition()) << ".\n";
    out << "Leave-one-war-out: each war's links get the probability of the model with its fitted terms fitted on the "
           "other wars only.\n";
    out << "Fitted on every link (kb/verdict_model_fitted.pl holds what the kb answers with):";
    for (std::size_t j = 0; j < r.fit.kinds.size(); ++j)
        out << (j ? ", " : " ") << r.fit.kinds[j] << " " << fmt::format("{:+.2f}", r.fit.coefficients[j]);
    out << "\n";
    for (auto& s : r.sections) print_section(out, s);
    if (!r.skipped.empty()) {
        out << "\nSkipped:\n";
        for (auto& s : r.skipped)
            out << "  " << shown(r.wars_file.filename().string()) << ":" << s.line << ": " << shown(s.reason) << "\n";
    }
}

}  // namespace

void print_backtest(std::ostream& out, const BacktestReport& r, const OutputOptions& opts) {
    if (opts.format == Format::csv) {
        std::vector<std::vector<std::string>> rows;
        for (auto& l : r.links)
            rows.push_back({std::to_string(l.war_id), l.war, l.attack_date.str(), l.asked.str(), l.ally, l.attacker, l.place, l.defender,
                            l.obligated ? "1" : "0", joined(l.basis, ";"), to_string(l.verdict), fmt::format("{:.2f}", l.score),
                            fmt::format("{:.4f}", l.probability), fmt::format("{:.4f}", l.lowo_probability),
                            to_string(l.lowo_verdict), joined(l.terms, ";"), fmt::format("{:.4f}", l.offset), l.fought ? "1" : "0"});
        print_csv(out, {"war_id", "war", "attack_date", "asked", "ally", "attacker", "place", "defender", "obligated", "basis", "verdict",
                        "score", "probability", "lowo_probability", "lowo_verdict", "terms", "offset", "fought"},
                  rows);
        return;
    }
    if (opts.format == Format::json) {
        for (auto& l : r.links) {
            nlohmann::json j{{"kind", "backtest_link"}, {"war_id", l.war_id}, {"war", l.war},
                             {"attack_date", l.attack_date.str()}, {"asked", l.asked.str()}, {"ally", l.ally},
                             {"attacker", l.attacker},
                             {"place", l.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.place)},
                             {"defender", l.defender}, {"obligated", l.obligated},
                             {"basis", l.basis}, {"verdict", to_string(l.verdict)}, {"score", l.score},
                             {"probability", l.probability}, {"lowo_probability", l.lowo_probability},
                             {"lowo_verdict", to_string(l.lowo_verdict)}, {"terms", l.terms}, {"offset", l.offset},
                             {"fought", l.fought}};
            out << json_text(std::move(j)) << '\n';
        }
        return;
    }
    print_summary(out, r);
}

}  // namespace casus::cli
