#include "unread_note.hpp"

#include "prolog.hpp"

namespace casus {

std::optional<std::string> unread_note(const std::string& kind, const std::vector<std::string>& args) {
    std::vector<PlTerm> a;
    for (auto& s : args) a.push_back(prolog::atom(s));
    PlTerm_var note;
    if (!prolog::call("api", prolog::compound("api_unread_note", {prolog::compound(kind, a), note}))) return std::nullopt;
    return prolog::text(note);
}

}  // namespace casus
