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

void print_summary(std::ostream& out, const BacktestReport& r) {
    out << "Backtest of " << shown(r.wars_file.string()) << ": " << r.attacks << " attacks asked (" << r.rows << " rows, "
        << r.skipped.size() << " rows or attacks skipped), " << r.links.size() << " states in the answers.\n";
    out << "Fought: " << BacktestReport::fought_definition() << ".\n";
    for (auto& s : r.sections) {
        out << "\n" << s.label << ": " << s.attacks << " attacks with an answer, " << s.wars << " wars, " << s.links
            << " links; AUC of the score " << (s.auc ? fmt::format("{:.3f}", *s.auc) : std::string("-")) << "\n";
        out << fmt::format("  {:<58} {:>8} {:>8} {:>10} {:>8}\n", "verdict", "count", "fought", "precision", "recall");
        for (auto& l : s.lines)
            out << fmt::format("  {:<58} {:>8} {:>8} {:>10} {:>8}\n", l.label, amount(l.count), amount(l.fought),
                               percent(l.fought, l.count), l.count > 0 ? fmt::format("{:.1f}%", 100 * l.recall) : "-");
    }
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
            rows.push_back({std::to_string(l.war_id), l.war, l.attack_date.str(), l.asked.str(), l.ally, l.attacker, l.defender,
                            l.obligated ? "1" : "0", joined(l.basis, ";"), to_string(l.verdict), fmt::format("{:.2f}", l.score),
                            l.fought ? "1" : "0"});
        print_csv(out, {"war_id", "war", "attack_date", "asked", "ally", "attacker", "defender", "obligated", "basis", "verdict",
                        "score", "fought"},
                  rows);
        return;
    }
    if (opts.format == Format::json) {
        for (auto& l : r.links) {
            nlohmann::json j{{"kind", "backtest_link"}, {"war_id", l.war_id}, {"war", l.war},
                             {"attack_date", l.attack_date.str()}, {"asked", l.asked.str()}, {"ally", l.ally},
                             {"attacker", l.attacker}, {"defender", l.defender}, {"obligated", l.obligated},
                             {"basis", l.basis}, {"verdict", to_string(l.verdict)}, {"score", l.score},
                             {"fought", l.fought}};
            out << json_text(std::move(j)) << '\n';
        }
        return;
    }
    print_summary(out, r);
}

}  // namespace casus::cli
