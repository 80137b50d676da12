// Engine::dump_data: what the user added, read from the store through
// api:api_dump_term/1 (definitions, added spells, curated spells a dated
// retract ended), typed for repl/dump.cpp, which writes it as statements.
#include "engine_impl.hpp"

#include <string>
#include <vector>

namespace casus {

namespace {

// The name and arguments of a compound term (an atom has none).
std::pair<std::string, std::vector<PlTerm>> parts(const PlTerm& t) {
    atom_t name;
    std::size_t arity;
    if (!PL_get_name_arity(t.C_, &name, &arity)) throw PrologError("api_dump_term/1 gave a term of no known shape");
    std::vector<PlTerm> args;
    for (std::size_t i = 1; i <= arity; ++i) args.push_back(prolog::arg(t, static_cast<int>(i)));
    std::size_t n;
    const char* chars = PL_atom_nchars(name, &n);
    return {std::string(chars ? chars : "", chars ? n : 0), std::move(args)};
}

// source(Text, Quote), as the store keeps a source; other shapes are
// read as their text with no quote.
void read_source(const PlTerm& t, std::string& text, std::string& quote) {
    auto [name, args] = parts(t);
    if (name == "source" && args.size() == 2) {
        text = prolog::text(args[0]);
        quote = prolog::text(args[1]);
    } else {
        text = prolog::text(t);
    }
}

// A clause's conditions: adversary([...]) and area([...]) lists of ids,
// as a define statement writes them; anything else kept as its text.
void read_conditions(const PlTerm& list, DumpEntity& e) {
    for (auto& c : prolog::list_items(list)) {
        auto [name, args] = parts(c);
        bool plain = args.size() == 1 && PL_is_list(args[0].C_);
        std::vector<std::string> ids;
        if (plain)
            for (auto& item : prolog::list_items(args[0])) {
                if (!PL_is_atom(item.C_)) plain = false;
                ids.push_back(prolog::text(item));
            }
        if (plain && (name == "adversary" || name == "area")) e.conditions.emplace_back(name, std::move(ids));
        else e.other_conditions.push_back(prolog::text(c));
    }
}

DumpEntity entity_of(const PlTerm& t) {
    auto [kind, args] = parts(t);
    DumpEntity e{kind, {}, {}, {}, {}};
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (kind == "clause" && i == 4) {
            read_conditions(args[i], e);
            e.args.emplace_back();
        } else if (kind == "entity_source" && i == 1) {
            std::string text;
            read_source(args[i], text, e.quote);
            e.args.push_back(text);
        } else {
            e.args.push_back(prolog::text(args[i]));
        }
    }
    return e;
}

DumpSpell spell_of(const PlTerm& fact, long from, long to) {
    auto [kind, args] = parts(fact);
    DumpSpell s;
    s.kind = kind;
    for (auto& a : args) s.args.push_back(prolog::text(a));
    s.from = from;
    s.to = to;
    return s;
}

}  // namespace

DumpData Engine::dump_data() {
    auto& d = *impl_;
    d.apply_queue();  // the adds queued so far are the store's too
    DumpData out;
    prolog::Frame frame;
    PlTerm_var term;
    prolog::for_each_solution("api", prolog::compound("api_dump_term", {term}), [&] {
        prolog::Frame each;  // a million spells make no million term references
        auto [what, args] = parts(term);
        if (what == "entity" && args.size() == 1) {
            out.entities.push_back(entity_of(args[0]));
        } else if (what == "spell" && args.size() == 4) {
            DumpSpell s = spell_of(args[0], prolog::integer_of(args[1]), prolog::integer_of(args[2]));
            read_source(args[3], s.source, s.quote);
            out.spells.push_back(std::move(s));
        } else if (what == "ended" && args.size() == 3) {
            DumpSpell s = spell_of(args[0], prolog::integer_of(args[1]), prolog::integer_of(args[2]));
            s.added = false;
            out.spells.push_back(std::move(s));
        } else {
            throw PrologError("api_dump_term/1 gave " + what + ", no term .dump knows");
        }
        return true;
    });
    return out;
}

}  // namespace casus
