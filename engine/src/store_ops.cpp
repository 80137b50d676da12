// The primitive changes of the Prolog store (add, spell, end,
// withdraw, define) and the journal record of each, shared by
// statements, journal replay and import.
#include "engine_impl.hpp"

#include <exception>
#include <string>
#include <vector>

namespace casus {

// A closed spell (import): "added", "present" or an overlap message.
std::string Engine::Impl::add_spell(const GroundFact& f, long from, long to, const std::string& source,
                                    const std::string& recorded) {
    PlTerm_var status;
    last_added_id = next_id++;
    must_call(prolog::compound("api_add_spell", {prolog::integer(last_added_id), f.term(), prolog::integer(from),
                                                           prolog::integer(to), prolog::string(source),
                                                           prolog::string(recorded), status}));
    std::string st = prolog::text(status);
    if (st != "added") --next_id;
    return st;
}

// define: "added" or "present".
std::string Engine::Impl::define(const GroundFact& f) {
    PlTerm_var status;
    must_call(prolog::compound("api_define", {entity_term(f), status}));
    return prolog::text(status);
}

JournalRecord Engine::Impl::record(const std::string& op, const GroundFact& f, long date, const std::string& source,
                                   const std::string& recorded, long until) {
    JournalRecord r{op, {f.kind}, date, source, recorded, until};
    r.fact.insert(r.fact.end(), f.args.begin(), f.args.end());
    return r;
}

// Applies one change to the Prolog store (validated there again).
long Engine::Impl::apply(const std::string& op, const GroundFact& f, long date, const std::string& source,
                         const std::string& recorded) {
    if (op == "add") {
        last_added_id = next_id++;
        must_call(prolog::compound("api_add", {prolog::integer(last_added_id), f.term(), prolog::integer(date),
                                                         prolog::string(source), prolog::string(recorded)}));
        return 1;
    }
    if (op == "end") {
        must_call(prolog::compound("api_end", {f.term(), prolog::integer(date), prolog::string(source),
                                                         prolog::string(recorded)}));
        return 1;
    }
    if (op == "withdraw") {
        PlTerm_var n;
        must_call(prolog::compound("api_withdraw", {f.term(), n}));
        return prolog::integer_of(n);
    }
    if (op == "define") {
        define(f);
        return 1;
    }
    throw ValidationError("unknown journal operation " + op, 0, 0);
}

// An entity (define record) as a term: arguments typed by store:entity_kind/2.
PlTerm Engine::Impl::entity_term(const GroundFact& f) {
    auto it = entity_kinds.find(f.kind);
    if (it == entity_kinds.end() || it->second.size() != f.args.size())
        throw ValidationError("unknown entity " + f.text(), 0, 0);
    std::vector<PlTerm> args;
    for (std::size_t i = 0; i < f.args.size(); ++i) {
        const std::string& type = it->second[i];
        const std::string& v = f.args[i];
        if (type == "atom") args.push_back(prolog::atom(v));
        else if (type == "string") args.push_back(prolog::string(v));
        else if (type == "integer") args.push_back(prolog::integer(parse_long(v)));
        else args.push_back(conditions_term(v));
    }
    return prolog::compound(f.kind, args);
}

long Engine::Impl::parse_long(const std::string& v) {
    std::size_t used = 0;
    long n = 0;
    try {
        n = std::stol(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || v.empty()) throw ValidationError("'" + v + "' is not an integer", 0, 0);
    return n;
}

// "adversary=russia|china;location" -> [adversary([russia, china]), location]
PlTerm Engine::Impl::conditions_term(const std::string& text) {
    std::vector<PlTerm> items;
    std::size_t b = 0;
    while (b < text.size()) {
        std::size_t e = text.find(';', b);
        if (e == std::string::npos) e = text.size();
        std::string c = text.substr(b, e - b);
        b = e + 1;
        if (c.empty()) continue;
        auto eq = c.find('=');
        if (eq == std::string::npos) {
            items.push_back(prolog::atom(c));
            continue;
        }
        std::vector<PlTerm> ids;
        std::string rest = c.substr(eq + 1);
        for (std::size_t p = 0; p <= rest.size();) {
            std::size_t q = rest.find('|', p);
            if (q == std::string::npos) q = rest.size();
            if (q > p) ids.push_back(prolog::atom(rest.substr(p, q - p)));
            p = q + 1;
        }
        items.push_back(prolog::compound(c.substr(0, eq), {prolog::list(ids)}));
    }
    return prolog::list(items);
}

}  // namespace casus
