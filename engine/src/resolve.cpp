// Resolving a parsed statement against the kb's tables: names (dated
// state names too), dates and facts, each error with its place in the
// statement; one state in two roles of a question or a fact is refused.
#include "engine_impl.hpp"

#include "suggest.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace casus {

bool is_snake_case(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

namespace {

const char* article(const std::string& type) {
    return (!type.empty() && std::string("aeiou").find(type[0]) != std::string::npos) ? "an" : "a";
}

}  // namespace

std::string Engine::Impl::resolve(const ParsedStatement& ps, const ast::Name& n, const std::string& type) {
    if (auto id = names.find(n.text, type)) return *id;
    if (type == "state" || type == "actor") {
        // A name of several states, where no date says which: the latest.
        if (auto it = dated_names.find(NameTable::normalize(n.text)); it != dated_names.end())
            return std::max_element(it->second.begin(), it->second.end(), [](const DatedName& a, const DatedName& b) {
                       return a.to_year < b.to_year;
                   })->id;
    }
    auto [b, e] = ps.span_of(n);
    std::size_t len = e > b ? e - b : n.text.size();
    auto tc = type_classes.find(type);
    if (tc != type_classes.end() && tc->second.kind == TypeClass::Kind::open) {
        if (is_snake_case(n.text)) return n.text;
        throw NameError("'" + n.text + "' is no known " + type + "; a new " + type +
                            " id must be snake_case (lowercase letters, digits, _)", b, len);
    }
    if (tc != type_classes.end() && tc->second.kind == TypeClass::Kind::one_of) {
        const auto& values = tc->second.values;
        std::string lowered = NameTable::normalize(n.text);
        if (std::find(values.begin(), values.end(), lowered) != values.end()) return lowered;
        std::string msg = "'" + n.text + "' is not a " + type + ": one of ";
        for (std::size_t i = 0; i < values.size(); ++i) msg += (i ? ", " : "") + values[i];
        if (auto s = nearest(lowered, values)) msg += "; did you mean '" + *s + "'?";
        throw ValidationError(msg, b, len);
    }
    auto types = names.types_of(n.text);
    if (!types.empty())
        throw NameError("'" + n.text + "' is " + article(types[0]) + " " + types[0] + ", not " + article(type) +
                            " " + type, b, len);
    std::string msg = "unknown " + type + " '" + n.text + "'";
    if (auto s = names.suggest(n.text, type)) msg += "; did you mean '" + *s + "'?";
    else msg += " (list " + std::string(type == "organisation" ? "organisations" : "states") + " shows the known names)";
    throw NameError(msg, b, len);
}

bool Engine::Impl::exists_on(const std::string& id, long day) const {
    auto it = state_spells.find(id);
    if (it == state_spells.end() || it->second.empty()) return true;
    for (auto& [from, to] : it->second)
        if (from <= day && day <= to) return true;
    return false;
}

// A state's name on a date: a name that served several states (ROC,
// Federal Republic of Germany, Yemen, Austria) is the one that bore it
// that year, and in a year of change the one in the state system that
// day; then the ordinary names; then, for a name of other years, the
// state it named nearest in time (require_in_system says when it was
// a state).
std::string Engine::Impl::resolve_state(const ParsedStatement& ps, const ast::Name& n, const Date& when) {
    auto it = dated_names.find(NameTable::normalize(n.text));
    if (it != dated_names.end()) {
        const DatedName* covering = nullptr;
        for (auto& r : it->second) {
            if (r.from_year > when.year || when.year > r.to_year) continue;
            if (exists_on(r.id, when.as_int())) return r.id;
            if (!covering) covering = &r;
        }
        if (covering) return covering->id;
    }
    if (auto id = names.find(n.text, "state")) return *id;
    if (it != dated_names.end()) {
        const DatedName* nearest_row = nullptr;
        int best = 0;
        for (auto& r : it->second) {
            int gap = when.year < r.from_year ? r.from_year - when.year : when.year - r.to_year;
            if (!nearest_row || gap < best) nearest_row = &r, best = gap;
        }
        return nearest_row->id;
    }
    return resolve(ps, n, "state");
}

// Throws when the state was not in the state system on the date (named as
// it was called on that date: Serbia in 1850, Yugoslavia in 1942): a
// question about it then has no answer, which "no state is obligated"
// would hide.
void Engine::Impl::require_in_system(const ParsedStatement& ps, const ast::Name& n, const std::string& id, const Date& when) {
    if (exists_on(id, when.as_int())) return;  // also for a state without spells
    const auto& spells = state_spells.at(id);
    std::string spans;
    for (std::size_t i = 0; i < spells.size(); ++i) {
        auto [from, to] = spells[i];
        spans += i == 0 ? "" : i + 1 == spells.size() ? " and " : ", ";
        spans += to >= 99991231 ? "since " + std::to_string(from / 10000)
                                : std::to_string(from / 10000) + "-" + std::to_string(to / 10000);
    }
    auto [b, e] = ps.span_of(n);
    throw ValidationError(display(id, when) + " was a state " + spans + ", not on " + when.str(), b,
                          e > b ? e - b : n.text.size());
}

Date Engine::Impl::date_of(const ParsedStatement& ps, const ast::Date& d) {
    if (auto v = Date::make(d.year, d.month, d.day)) return *v;
    auto [b, e] = ps.span_of(d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    // The year is checked apart from the calendar, so that a real date
    // outside casus's range is not called one "that does not exist".
    const bool in_calendar = d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= Date::days_in_month(d.year, d.month);
    if (in_calendar && (d.year < 1 || d.year > 9998))
        throw ValidationError(std::string(buf) + " is outside the dates casus holds (0001-01-01 to 9998-12-31; "
                              "9999-12-31 is kept to mean \"still in force\")", b, e > b ? e - b : 10);
    throw ValidationError(std::string(buf) + " is not a date that exists", b, e > b ? e - b : 10);
}

GroundFact Engine::Impl::ground(const ParsedStatement& ps, const ast::Fact& f) {
    auto [b, e] = ps.span_of(f);
    auto it = kinds.find(f.kind);
    if (it == kinds.end()) {
        std::vector<std::string> known;
        for (auto& [k, _] : kinds) known.push_back(k);
        std::string msg = "unknown fact kind '" + f.kind + "'";
        if (auto s = nearest(f.kind, known)) msg += "; did you mean '" + *s + "'?";
        else msg += " (.schema lists the kinds)";
        throw ValidationError(msg, b, f.kind.size());
    }
    const FactKind& k = it->second;
    if (f.args.size() != k.arg_types.size()) {
        std::string sig = k.name + "(";
        for (std::size_t i = 0; i < k.arg_types.size(); ++i) sig += (i ? ", " : "") + k.arg_types[i];
        sig += ")";
        throw ValidationError(k.name + " takes " + std::to_string(k.arg_types.size()) + " arguments, not " +
                                  std::to_string(f.args.size()) + ": " + sig,
                              b, e > b ? e - b : 1);
    }
    GroundFact g{f.kind, {}};
    for (std::size_t i = 0; i < f.args.size(); ++i) g.args.push_back(resolve(ps, f.args[i], k.arg_types[i]));
    require_distinct_states(ps, f, k.arg_types, g.args);
    return g;
}

// --- one state in two roles ----------------------------------------------------
// `would Kazakhstan defend Kazakhstan against Azerbaijan`, `add tie(armenia,
// armenia, military)` have no meaning: refused, the caret on the repeated
// name, before anything is asked or stored.
namespace {
// "'Astana' and 'Kazakhstan' name the same state", when they were spelt apart.
std::string same_state(const ast::Name& a, const ast::Name& b) {
    if (NameTable::normalize(a.text) == NameTable::normalize(b.text)) return "";
    return " ('" + a.text + "' and '" + b.text + "' name the same state)";
}

[[noreturn]] void refuse(const ParsedStatement& ps, const ast::Name& at, const std::string& message) {
    auto [b, e] = ps.span_of(at);
    throw ValidationError(message, b, e > b ? e - b : at.text.size());
}
}  // namespace

void require_distinct_roles(const ParsedStatement& ps, const std::vector<Role>& roles) {
    for (std::size_t j = 1; j < roles.size(); ++j)
        for (std::size_t i = 0; i < j; ++i)
            if (roles[i].id == roles[j].id)
                refuse(ps, *roles[j].name,
                       "'" + roles[j].name->text + "' is both " + roles[i].what + " and " + roles[j].what +
                           same_state(*roles[i].name, *roles[j].name) + ": name two different states");
}

void require_distinct_states(const ParsedStatement& ps, const ast::Fact& fact, const std::vector<std::string>& arg_types,
                             const std::vector<std::string>& ids) {
    auto is_state = [&](std::size_t i) { return arg_types[i] == "state" || arg_types[i] == "actor"; };
    for (std::size_t j = 1; j < ids.size() && j < arg_types.size() && j < fact.args.size(); ++j)
        for (std::size_t i = 0; i < j; ++i)
            if (is_state(i) && is_state(j) && ids[i] == ids[j])
                refuse(ps, fact.args[j],
                       "a " + fact.kind + " is between two different states, and '" + fact.args[j].text +
                           "' is named twice" + same_state(fact.args[i], fact.args[j]));
}

std::string Engine::Impl::display(const std::string& id) { return names.display_name(id); }

std::string Engine::Impl::display(const std::string& id, const Date& on) {
    if (auto it = name_spells.find(id); it != name_spells.end())
        for (auto& s : it->second)
            if (s.from <= on.as_int() && on.as_int() <= s.to) return s.name;
    return display(id);
}

}  // namespace casus
