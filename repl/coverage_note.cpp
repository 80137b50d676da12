#include "coverage_note.hpp"

#include "sanitize.hpp"

#include <map>
#include <type_traits>
#include <variant>
#include <vector>

namespace casus::cli {

const Coverage* coverage_of(const Result& result) {
    return std::visit(
        [](const auto& r) -> const Coverage* {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, DefendersResult> || std::is_same_v<R, MatrixResult> ||
                          std::is_same_v<R, FactsResult> || std::is_same_v<R, TreatiesResult> ||
                          std::is_same_v<R, MembersResult> || std::is_same_v<R, BackersResult>)
                return &r.coverage;
            else
                return nullptr;
        },
        result);
}

nlohmann::json coverage_json(const Coverage& c) {
    // Set key by key: an initializer list of pairs makes a JSON array of
    // each pair first (callgrind: ~25,000 instructions for every answer).
    nlohmann::json out = nlohmann::json::array();
    for (auto& s : c) {
        nlohmann::json o = nlohmann::json::object();
        o["source"] = s.source;
        o["name"] = s.name;
        o["ends"] = s.ends ? nlohmann::json(s.ends->str()) : nlohmann::json(nullptr);
        o["beyond"] = s.beyond;
        out.push_back(std::move(o));
    }
    return out;
}

namespace {

// "A", "A and B", "A, B and C".
std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

}  // namespace

std::optional<std::string> coverage_line(const Coverage& c) {
    // The sources the date lies past, grouped by their end (both end on
    // 2016-12-31 today, so one clause says it), and those that go on.
    std::map<long, std::vector<std::string>> past;
    std::map<long, Date> end_of;
    std::vector<std::string> going_on;
    for (auto& s : c) {
        if (s.beyond && s.ends) {
            past[s.ends->as_int()].push_back(s.name);
            end_of.emplace(s.ends->as_int(), *s.ends);
        } else if (!s.ends) {
            going_on.push_back(s.name);
        }
    }
    if (past.empty()) return std::nullopt;
    std::string line = "Coverage: ";
    bool first = true;
    for (auto& [end, names] : past) {
        line += (first ? "" : "; ") + joined(names) + (names.size() == 1 ? " ends" : " end") + " on " + end_of.at(end).str();
        first = false;
    }
    line += "; alliances and states are taken as they stood then";
    if (!going_on.empty()) line += " (" + joined(going_on) + (going_on.size() == 1 ? " goes" : " go") + " on)";
    return line + ".";
}

void print_coverage_note(std::ostream& out, const Result& result) {
    if (const Coverage* c = coverage_of(result))
        if (auto line = coverage_line(*c)) out << shown(*line) << "\n";
}

}  // namespace casus::cli
