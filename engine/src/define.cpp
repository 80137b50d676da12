// Resolves `define` statements (define.hpp).
#include "define.hpp"

#include "casus/errors.hpp"
#include "journal_format.hpp"
#include "snake_case.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace casus::define {

namespace {

constexpr std::size_t max_new_id = 64;  // as the ATOP importer's ids: an id is typed, and shown in every answer
const std::string default_source = "defined by the user";

std::pair<std::size_t, std::size_t> place_of(const ParsedStatement& ps, const ast::Name& n) {
    auto [b, e] = ps.span_of(n);
    return {b, e > b ? e - b : std::max<std::size_t>(1, n.text.size())};
}

// "North Atlantic islands", "own-territory" -> north_atlantic_islands, own_territory
std::string as_id(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c == ' ' || c == '-' || c == '_') {
            if (!out.empty() && out.back() != '_') out += '_';
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

class Planner {
public:
    Planner(const ParsedStatement& ps, const Context& ctx) : ps_(ps), ctx_(ctx) {}

    // A new id: snake_case, not too long and, unless it is a clause's
    // (whose ids are the treaty's own), not the id of any entity.
    std::string new_id(const ast::Name& n, bool must_be_free = true) {
        auto [b, len] = place_of(ps_, n);
        if (!is_snake_case(n.text))
            throw ValidationError("'" + n.text + "' is not an id: a new id is snake_case (lowercase letters, digits and _, "
                                  "starting with a letter), e.g. " + as_id_example(n.text), b, len);
        if (n.text.size() > max_new_id)
            throw ValidationError("the id is " + std::to_string(n.text.size()) + " bytes long; at most " +
                                  std::to_string(max_new_id), b, len);
        if (must_be_free)
            if (auto type = ctx_.taken(n.text))
                throw ValidationError("the id " + n.text + " is taken: it is " + article(*type) + " " + *type +
                                      "; choose another id (nothing was defined)", b, len);
        return n.text;
    }

    // Display text: not empty, valid UTF-8, within the journal's limit.
    std::string title(const std::string& t, const char* what) {
        if (t.find_first_not_of(" \t") == std::string::npos)
            throw ValidationError(std::string(what) + " is empty", title_offset(t), 1);
        check(what, t);
        return t;
    }

    std::string source(const boost::optional<std::string>& s) {
        if (!s) return default_source;
        check("the source", *s);
        return *s;
    }

    // An area: own_territory or a region, by its id or words ("own territory").
    std::string area(const ast::Name& n) {
        const std::string id = as_id(n.text);
        if (id == "own_territory" || std::find(ctx_.regions.begin(), ctx_.regions.end(), id) != ctx_.regions.end())
            return id;
        std::vector<std::string> known{"own_territory"};
        known.insert(known.end(), ctx_.regions.begin(), ctx_.regions.end());
        std::string msg = "'" + n.text + "' is no area: own_territory (the attacked state's own territory) or a region: ";
        for (std::size_t i = 1; i < known.size(); ++i) msg += (i > 1 ? ", " : "") + known[i];
        if (auto s = nearest(id, known)) msg += "; did you mean '" + *s + "'?";
        auto [b, len] = place_of(ps_, n);
        throw ValidationError(msg, b, len);
    }

    std::string region(const ast::Name& n) {
        std::string r = area(n);
        if (r == "own_territory") {
            auto [b, len] = place_of(ps_, n);
            throw ValidationError("a territory lies in a region, not in own_territory", b, len);
        }
        return r;
    }

    const ParsedStatement& ps_;
    const Context& ctx_;

private:
    static const char* article(const std::string& type) {
        return (!type.empty() && std::string("aeiou").find(type[0]) != std::string::npos) ? "an" : "a";
    }
    static std::string as_id_example(const std::string& text) {
        std::string id = as_id(text);
        std::string out;
        for (char c : id)
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') out += c;
        if (out.empty() || !(out[0] >= 'a' && out[0] <= 'z')) out = "new_" + out;
        return out;
    }
    // The quoted text's place: the first occurrence of it in quotes.
    std::size_t title_offset(const std::string& t) const {
        std::size_t q = ps_.text.find('"' + t + '"');
        return q == std::string::npos ? 0 : q;
    }
    void check(const char* what, const std::string& t) const {
        try {
            journal_format::check_text(what, t, journal_format::max_text);
        } catch (const ValidationError& e) {
            const std::size_t q = title_offset(t);
            throw ValidationError(e.what(), q + 1 + e.offset(), 1);
        }
    }
};

std::string quoted(const std::string& t) { return "\"" + t + "\""; }

// The source of a state, organisation, treaty, issue, event, declaration
// or territory is an entity_source/2 of its own.
void add_source(Plan& p, const std::string& id, const std::string& source) {
    p.source = source;
    p.entities.push_back({"entity_source", {id, source}});
}

void set_place(Plan& p, const ParsedStatement& ps, const ast::Name& id) {
    auto [b, len] = place_of(ps, id);
    p.offset = b;
    p.length = len;
}

Plan simple(Planner& pl, const ast::DefineSimple& d) {
    Plan p;
    p.kind = d.kind;
    p.id = pl.new_id(d.id);
    set_place(p, pl.ps_, d.id);
    const std::string title = pl.title(d.title, "the name");
    if (d.kind == "state") p.entities.push_back({"state", {p.id, title, "0"}});  // 0: no COW code
    else p.entities.push_back({d.kind, {p.id, title}});
    p.text = d.kind + " " + p.id + " " + quoted(title);
    add_source(p, p.id, pl.source(d.source));
    return p;
}

Plan treaty(Planner& pl, const ast::DefineTreaty& d) {
    Plan p;
    p.kind = "treaty";
    p.id = pl.new_id(d.id);
    set_place(p, pl.ps_, d.id);
    const std::string title = pl.title(d.title, "the treaty's name");
    const std::string org = d.of ? pl.ctx_.resolve(*d.of, "organisation") : "none";
    if (!d.signed_on && !d.in_force)
        throw ValidationError("a treaty needs a date: add 'signed YYYY-MM-DD', 'in force YYYY-MM-DD' or both", p.offset,
                              p.length);
    // One date given: the treaty was signed and entered into force on it
    // (as charters and declarations do); the README says so.
    const Date signed_on = pl.ctx_.date(d.signed_on ? *d.signed_on : *d.in_force);
    const Date in_force = pl.ctx_.date(d.in_force ? *d.in_force : *d.signed_on);
    if (in_force < signed_on) {
        auto [b, e] = pl.ps_.span_of(*d.in_force);
        throw ValidationError("the treaty would enter into force (" + in_force.str() + ") before it was signed (" +
                                  signed_on.str() + ")", b, e > b ? e - b : 10);
    }
    p.entities.push_back({"treaty", {p.id, title, org, std::to_string(signed_on.as_int()), std::to_string(in_force.as_int())}});
    p.date = in_force;
    p.text = "treaty " + p.id + " " + quoted(title) + (org == "none" ? "" : " of " + org) + ", in force from " + in_force.str();
    add_source(p, p.id, pl.source(d.source));
    return p;
}

Plan clause(Planner& pl, const ast::DefineClause& d) {
    Plan p;
    p.kind = "clause";
    const std::string treaty = pl.ctx_.resolve(d.treaty, "treaty");
    const std::string id = pl.new_id(d.id, false);  // a clause id is its treaty's: art42_7 of teu
    set_place(p, pl.ps_, d.id);
    p.id = treaty + "/" + id;
    const std::string title = pl.title(d.title, "the clause's title");
    std::string conds, shown;
    if (d.against) {
        conds += "adversary=";
        shown += " against ";
        for (std::size_t i = 0; i < d.against->size(); ++i) {
            std::string s = pl.ctx_.resolve((*d.against)[i], "state");
            conds += (i ? "|" : "") + s;
            shown += (i ? ", " : "") + s;
        }
    }
    if (d.area) {
        conds += std::string(conds.empty() ? "" : ";") + "area=";
        shown += " in ";
        for (std::size_t i = 0; i < d.area->size(); ++i) {
            std::string a = pl.area((*d.area)[i]);
            conds += (i ? "|" : "") + a;
            shown += (i ? ", " : "") + a;
        }
    }
    p.source = pl.source(d.source);
    p.entities.push_back({"clause", {treaty, id, title, d.obligation, conds, p.source}});
    p.text = "clause " + id + " of " + treaty + " " + quoted(title) + ": " + d.obligation + shown;
    return p;
}

Plan event(Planner& pl, const ast::DefineEvent& d) {
    Plan p;
    p.kind = "event";
    p.id = pl.new_id(d.id);
    set_place(p, pl.ps_, d.id);
    const std::string title = pl.title(d.title, "the event's name");
    const Date on = pl.ctx_.date(d.on);
    const std::string by = d.by ? pl.ctx_.resolve(*d.by, "state") : "none";
    const std::string victim = d.against ? pl.ctx_.resolve(*d.against, "state") : "none";
    if (by != "none" && by == victim) {
        auto [b, len] = place_of(pl.ps_, *d.against);
        throw ValidationError("an event's attacker and victim are two states, not " + by + " twice", b, len);
    }
    p.entities.push_back({"event", {p.id, title, std::to_string(on.as_int()), by, victim}});
    p.date = on;
    p.text = "event " + p.id + " " + quoted(title) + " on " + on.str();
    add_source(p, p.id, pl.source(d.source));
    return p;
}

Plan declaration(Planner& pl, const ast::DefineDeclaration& d) {
    Plan p;
    p.kind = "declaration";
    p.id = pl.new_id(d.id);
    set_place(p, pl.ps_, d.id);
    const std::string title = pl.title(d.title, "the declaration's title");
    const Date on = pl.ctx_.date(d.on);
    p.entities.push_back({"declaration", {p.id, title, std::to_string(on.as_int())}});
    p.date = on;
    p.text = "declaration " + p.id + " " + quoted(title) + " of " + on.str();
    add_source(p, p.id, pl.source(d.source));
    return p;
}

Plan territory(Planner& pl, const ast::DefineTerritory& d) {
    Plan p;
    p.kind = "territory";
    p.id = pl.new_id(d.id);
    set_place(p, pl.ps_, d.id);
    const std::string title = pl.title(d.title, "the territory's name");
    const std::string holder = pl.ctx_.resolve(d.holder, "state");
    const std::string region = pl.region(d.region);
    p.entities.push_back({"territory", {p.id, title, holder, region}});
    p.text = "territory " + p.id + " " + quoted(title) + " of " + holder + " in " + region;
    add_source(p, p.id, pl.source(d.source));
    return p;
}

}  // namespace

Plan plan(const ParsedStatement& ps, const ast::Define& d, const Context& ctx) {
    Planner pl(ps, ctx);
    struct Visitor {
        Planner& pl;
        Plan operator()(const ast::DefineSimple& x) const { return simple(pl, x); }
        Plan operator()(const ast::DefineTreaty& x) const { return treaty(pl, x); }
        Plan operator()(const ast::DefineClause& x) const { return clause(pl, x); }
        Plan operator()(const ast::DefineEvent& x) const { return event(pl, x); }
        Plan operator()(const ast::DefineDeclaration& x) const { return declaration(pl, x); }
        Plan operator()(const ast::DefineTerritory& x) const { return territory(pl, x); }
    };
    return boost::apply_visitor(Visitor{pl}, d);
}

}  // namespace casus::define
