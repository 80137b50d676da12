#include "export_command.hpp"

#include "sanitize.hpp"

#include <iostream>
#include <optional>
#include <sstream>

namespace casus::cli {

namespace {

std::optional<int> number(const std::string& s, std::size_t digits) {
    if (s.size() != digits || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
}

// "1990" or "1816-2016".
bool parse_years(const std::string& s, DyadExportOptions& o) {
    auto dash = s.find('-');
    auto from = number(s.substr(0, dash), 4);
    auto to = dash == std::string::npos ? from : number(s.substr(dash + 1), 4);
    if (!from || !to) return false;
    o.from_year = *from;
    o.to_year = *to;
    return true;
}

bool parse_day(const std::string& s, DyadExportOptions& o) {
    if (s.size() != 5 || s[2] != '-') return false;
    auto m = number(s.substr(0, 2), 2), d = number(s.substr(3), 2);
    if (!m || !d) return false;
    o.ref_month = *m;
    o.ref_day = *d;
    return true;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A state given as its id or a name casus knows for it (any case).
std::optional<std::string> state_id(const std::vector<NameEntry>& names, const std::string& text) {
    const std::string want = lower(text);
    for (auto& n : names)
        if (n.type == "state" && (n.id == text || lower(n.text) == want)) return n.id;
    return std::nullopt;
}

}  // namespace

CLI::App* add_export_command(CLI::App& app, ExportArgs& a) {
    CLI::App* cmd = app.add_subcommand(
        "export", "Export directed dyad-years for R or Python: export dyads 1816-2016 [--states A,B] [--format csv|json] "
                  "[--output FILE] [--day MM-DD]");
    cmd->add_option("what", a.what, "What to export: dyads")->required()->check(CLI::IsMember({"dyads"}));
    cmd->add_option("years", a.years, "The years, both included: 1816-2016, or one year")->required();
    cmd->add_option("--states", a.states, "Only the dyads of these states (ids or names, comma-separated)");
    cmd->add_option("--format", a.format, "csv (RFC 4180, one header) or json (JSON Lines)")
        ->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--output", a.output, "Write to FILE (complete or not at all) instead of stdout");
    cmd->add_option("--day", a.day, "The reference day of each year, MM-DD (default 12-31)");
    return cmd;
}

int run_export(Engine& engine, const ExportArgs& a) {
    DyadExportOptions o;
    if (!parse_years(a.years, o)) {
        std::cerr << "casus: export: '" << shown(a.years) << "' is no year range; write 1816-2016, or one year such as 1990\n";
        return 2;
    }
    if (!parse_day(a.day, o)) {
        std::cerr << "casus: export: --day '" << shown(a.day) << "' is no day of the year; write MM-DD, such as 12-31\n";
        return 2;
    }
    if (!a.states.empty()) {
        const auto names = engine.names();
        std::istringstream list(a.states);
        for (std::string item; std::getline(list, item, ',');) {
            auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
            item = b == std::string::npos ? "" : item.substr(b, e - b + 1);
            auto id = state_id(names, item);
            if (!id) {
                std::cerr << "casus: export: unknown state '" << shown(item) << "' in --states (casus -e 'list states' lists them)\n";
                return 2;
            }
            o.states.push_back(*id);
        }
    }
    try {
        std::size_t rows = engine.export_dyads(o, a.format == "json" ? DyadFormat::json : DyadFormat::csv, a.output);
        if (!a.output.empty())
            std::cerr << "casus: exported " << rows << " dyad-years to " << shown(a.output) << "\n";
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "casus: export: " << shown(e.what()) << "\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << "casus: export failed: " << shown(e.what()) << "\n";
        return 1;
    }
}

}  // namespace casus::cli
