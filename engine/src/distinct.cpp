#include "distinct.hpp"

#include "casus/errors.hpp"
#include "names.hpp"

namespace casus {

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

}  // namespace casus
