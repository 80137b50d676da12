#include "unread_note.hpp"

#include "casus/errors.hpp"
#include "prolog.hpp"
#include "term_text.hpp"

namespace casus {

namespace {

void read_kinds(const char* predicate, std::set<std::string>& into) {
    into.clear();
    PlTerm pi = prolog::compound("/", {prolog::atom(predicate), prolog::integer(1)});
    if (!prolog::call("api", prolog::compound("current_predicate", {pi}))) return;
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound(predicate, {out}))) return;
    for (auto& k : prolog::list_items(out)) into.insert(prolog::text(k));
}

}  // namespace

void UnreadNotes::load() {
    read_kinds("api_note_kinds", kinds_);
    read_kinds("api_entity_note_kinds", entity_kinds_);
}

bool UnreadNotes::reads_store(const std::string& kind) const { return kinds_.count(kind) && !entity_kinds_.count(kind); }

// api_unread_note/2 is called directly, not through prolog::call: it
// reads a few indexed kb clauses and spells and reaches no user code, and
// prolog::call's limits and snapshot were ~30,000 of its ~35,000
// instructions an add (finding 28). Should it throw anyway (a limit's
// signal, a resource error), it is asked again through prolog::call,
// which reports that as every call does; it changes nothing, so asking
// twice is safe.
std::optional<std::string> UnreadNotes::note(const std::string& kind, const std::vector<std::string>& args) const {
    if (!kinds_.count(kind)) return std::nullopt;
    prolog::Frame frame;
    std::vector<PlTerm> a;
    a.reserve(args.size());
    for (auto& s : args) a.push_back(prolog::atom(s));
    PlTerm fact = prolog::compound(kind, a);
    static predicate_t pred = PL_predicate("api_unread_note", 2, "api");
    term_t av = PL_new_term_refs(2);
    if (!PL_put_term(av, fact.C_)) throw LimitError("out of memory preparing a Prolog call");
    qid_t q = PL_open_query(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG, pred, av);
    if (!q) throw PrologError("cannot open a Prolog query");
    const int found = PL_next_solution(q);
    const bool threw = !found && PL_exception(q);
    PL_cut_query(q);
    if (!threw) {
        if (!found) return std::nullopt;
        return term_text(av + 1);
    }
    PL_clear_exception();
    PlTerm_var note;
    if (!prolog::call("api", prolog::compound("api_unread_note", {fact, note}))) return std::nullopt;
    return prolog::text(note);
}

}  // namespace casus
