#include "dump.hpp"

#include "casus/date.hpp"
#include "casus/errors.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace casus::cli {

namespace {

// The words a bare name may not be (the grammar's reserved words, and in
// a define statement the words that end a name there): such an id is
// written in quotes.
bool reserved(const std::string& w) {
    static const std::set<std::string> words{"against", "and",   "to",     "not",     "defend", "would", "must",
                                             "who",     "why",   "what",   "which",   "list",   "add",   "retract",
                                             "suppose", "as",    "vs",     "versus",  "from",   "in",    "source",
                                             "signed",  "on",    "by",     "of",      "force"};
    return words.count(w) > 0;
}

bool plain_id(const std::string& id) {
    if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || id[0] == '_')) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; })
           && !reserved(id);
}

// A quoted text of the language: the bytes between two double quotes on
// one line, read as they are (there are no escapes, so a backslash or a
// tab is itself). A double quote or a line break cannot be written.
std::string quoted(const std::string& text, const std::string& what) {
    if (std::size_t at = text.find_first_of("\"\r\n"); at != std::string::npos)
        throw UsageError("cannot dump: " + what + " holds " +
                         (text[at] == '"' ? std::string("a double quote") : std::string("a line break")) + " (byte " +
                         std::to_string(at + 1) +
                         "), which no casus statement can write (a quoted text has no escapes); nothing was dumped");
    return "\"" + text + "\"";
}

std::string name(const std::string& id, const std::string& what) { return plain_id(id) ? id : quoted(id, what); }

// The new id of a define statement: one bare word, never quoted.
std::string new_id(const std::string& id, const std::string& what) {
    static const std::set<std::string> grammar_reserved{"against", "and", "to", "not", "defend", "would", "must",
                                                        "who", "why", "what", "which", "list", "add", "retract",
                                                        "suppose", "as", "vs", "versus", "from", "in"};
    const bool word = !id.empty() && ((id[0] >= 'a' && id[0] <= 'z') || id[0] == '_') &&
                      std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    if (!word || grammar_reserved.count(id))
        throw UsageError("cannot dump: " + what + " has the id '" + id + "', which a define statement cannot write; nothing was dumped");
    return id;
}

std::string date(long value, const std::string& what) {
    auto d = Date::from_int(value);
    if (!d || d->year < 1 || d->year > 9999)
        throw UsageError("cannot dump: " + what + " has the date " + std::to_string(value) +
                         ", which no casus statement can write; nothing was dumped");
    return d->str();
}

// A date argument of an entity (YYYYMMDD in decimal).
std::string date_arg(const std::string& digits, const std::string& what) {
    char* end = nullptr;
    const long v = std::strtol(digits.c_str(), &end, 10);
    if (digits.empty() || *end) throw UsageError("cannot dump: " + what + " has the date '" + digits + "'; nothing was dumped");
    return date(v, what);
}

std::string fact_text(const DumpSpell& s) {
    std::string out = s.kind + "(";
    for (std::size_t i = 0; i < s.args.size(); ++i) out += (i ? ", " : "") + name(s.args[i], "an argument of " + s.kind);
    return out + ")";
}

// One define statement, its source added once entity_source/2 names it.
struct Definition {
    std::string id, text;
    bool sourced = false;
};

// define clause TREATY ID OBLIGATION "Title" [against S, ...] [in AREA, ...] [source "..."]
template <class Arg>
std::string clause_text(const DumpEntity& e, Arg arg) {
    const std::string what = "the clause " + arg(1) + " of " + arg(0);
    if (!e.other_conditions.empty())
        throw UsageError("cannot dump: " + what + " has the condition " + e.other_conditions[0] +
                         ", which only an import gives; nothing was dumped");
    static const std::set<std::string> obligations{"defence", "offence", "neutrality", "non_aggression", "consultation", "none"};
    if (!obligations.count(arg(3)))
        throw UsageError("cannot dump: " + what + " creates the obligation " + arg(3) +
                         ", which no define statement names; nothing was dumped");
    std::string t = "define clause " + name(arg(0), what) + " " + new_id(arg(1), what) + " " + arg(3) + " " +
                    quoted(arg(2), "the title of " + what);
    for (const char* cond : {"adversary", "area"})  // adversary before area, as the statement takes them
        for (auto& [kind, ids] : e.conditions) {
            if (kind != cond) continue;
            if (ids.empty())
                throw UsageError("cannot dump: " + what + " has an empty " + kind +
                                 " condition, which no define statement writes; nothing was dumped");
            t += kind == "adversary" ? " against " : " in ";
            for (std::size_t i = 0; i < ids.size(); ++i) t += (i ? ", " : "") + name(ids[i], what);
        }
    if (arg(5) != "defined by the user") t += " source " + quoted(arg(5), "the source of " + what);
    return t;
}

std::string define_text(const DumpEntity& e) {
    const auto& a = e.args;
    auto arg = [&](std::size_t i) -> const std::string& {
        if (i >= a.size()) throw UsageError("cannot dump: a " + e.kind + " entity has too few arguments; nothing was dumped");
        return a[i];
    };
    const std::string what = "the " + e.kind + " " + (a.empty() ? std::string() : a[0]);
    auto title = [&](std::size_t i) { return quoted(arg(i), "the name of " + what); };
    auto id = [&](std::size_t i) { return name(arg(i), what); };
    auto fresh = [&](std::size_t i) { return new_id(arg(i), what); };
    if (e.kind == "state") {
        if (arg(2) != "0")
            throw UsageError("cannot dump: " + what + " has the COW code " + arg(2) +
                             ", which an import gave it and no define statement can (import the same files again instead); "
                             "nothing was dumped");
        return "define state " + fresh(0) + " " + title(1);
    }
    if (e.kind == "organisation" || e.kind == "issue") return "define " + e.kind + " " + fresh(0) + " " + title(1);
    if (e.kind == "treaty") {
        std::string t = "define treaty " + fresh(0) + " " + title(1);
        if (arg(2) != "none") t += " of " + id(2);
        return t + " signed " + date_arg(arg(3), what) + " in force " + date_arg(arg(4), what);
    }
    if (e.kind == "clause") return clause_text(e, arg);
    if (e.kind == "event") {
        std::string t = "define event " + fresh(0) + " " + title(1) + " on " + date_arg(arg(2), what);
        if (arg(3) != "none") t += " by " + id(3);
        if (arg(4) != "none") t += " against " + id(4);
        return t;
    }
    if (e.kind == "declaration") return "define declaration " + fresh(0) + " " + title(1) + " on " + date_arg(arg(2), what);
    if (e.kind == "territory") {
        if (arg(2) == "none")
            throw UsageError("cannot dump: " + what + " is held by no state, which no define statement writes; nothing was dumped");
        return "define territory " + fresh(0) + " " + title(1) + " of " + id(2) + " in " + id(3);
    }
    throw UsageError("cannot dump: the " + e.kind + " " + (a.size() > 1 ? a[1] : std::string()) +
                     " came from an import, and no define statement makes one (import the same files again instead); "
                     "nothing was dumped");
}

std::vector<std::string> definitions(const DumpData& data) {
    std::vector<Definition> defs;
    std::map<std::string, std::size_t> by_id;  // the entity an entity_source/2 belongs to
    for (auto& e : data.entities) {
        if (e.kind != "entity_source") {
            defs.push_back({e.kind == "clause" ? std::string() : e.args.at(0), define_text(e)});
            if (e.kind != "clause") by_id[e.args.at(0)] = defs.size() - 1;
            continue;
        }
        const std::string& id = e.args.at(0);
        auto it = by_id.find(id);
        if (it == by_id.end() || defs[it->second].sourced)
            throw UsageError("cannot dump: the source of " + id + " belongs to an entity no define statement of this "
                             "directory made; nothing was dumped");
        if (!e.quote.empty())
            throw UsageError("cannot dump: the source of " + id + " has a quote beside it, which a define statement "
                             "cannot give; nothing was dumped");
        defs[it->second].sourced = true;
        if (e.args.at(1) != "defined by the user")
            defs[it->second].text += " source " + quoted(e.args.at(1), "the source of " + id);
    }
    std::vector<std::string> out;
    for (auto& d : defs) out.push_back(d.text);
    return out;
}

std::vector<std::string> changes(const DumpData& data) {
    // By the spell's first day, then the fact: a fact's spells come in
    // order and never overlap, so each add finds the one before it ended.
    std::vector<std::tuple<long, std::string, const DumpSpell*>> order;
    for (auto& s : data.spells) order.emplace_back(s.from, fact_text(s), &s);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<std::string> out;
    for (auto& [from, fact, s] : order) {
        const std::string what = fact + " from " + std::to_string(from);
        if (s->added) {
            if (!s->quote.empty())
                throw UsageError("cannot dump: " + what + " has a quote beside its source, which an add statement "
                                 "cannot give; nothing was dumped");
            std::string t = "add " + fact + " on " + date(from, what);
            if (s->source != "added by the user") t += " source " + quoted(s->source, "the source of " + what);
            out.push_back(t);
        }
        if (s->to != 99991231) out.push_back("retract " + fact + " on " + date(s->to, what));
    }
    return out;
}

}  // namespace

std::string dump_script(const DumpData& data) {
    std::vector<std::string> defs = definitions(data), facts = changes(data);
    std::string out = "# casus .dump: the definitions and facts added to this data directory, as statements\n"
                      "# that rebuild it: casus --data NEW_DIR THIS_FILE\n";
    for (auto& d : defs) out += d + "\n";
    for (auto& f : facts) out += f + "\n";
    return out;
}

}  // namespace casus::cli
