#include "unread_note.hpp"

#include "prolog.hpp"

namespace casus {

void UnreadNotes::load() {
    kinds_.clear();
    PlTerm pi = prolog::compound("/", {prolog::atom("api_note_kinds"), prolog::integer(1)});
    if (!prolog::call("api", prolog::compound("current_predicate", {pi}))) return;
    PlTerm_var out;
    if (!prolog::call("api", prolog::compound("api_note_kinds", {out}))) return;
    for (auto& k : prolog::list_items(out)) kinds_.insert(prolog::text(k));
}

std::optional<std::string> UnreadNotes::note(const std::string& kind, const std::vector<std::string>& args) const {
    if (!kinds_.count(kind)) return std::nullopt;
    std::vector<PlTerm> a;
    for (auto& s : args) a.push_back(prolog::atom(s));
    PlTerm_var note;
    if (!prolog::call("api", prolog::compound("api_unread_note", {prolog::compound(kind, a), note}))) return std::nullopt;
    return prolog::text(note);
}

}  // namespace casus
