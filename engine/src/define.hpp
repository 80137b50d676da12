// `define` statements: a parsed definition resolved into the entities the
// kb stores (store:entity_kind/2), with every name, date and value checked
// where the user wrote it, so an error points at the place. The engine
// then stores them (api_define_new/1, which checks again), journals each
// as a `define` record (the format an ATOP import writes: old journals
// load unchanged) and commits them as one durable batch.
#pragma once

#include "casus/date.hpp"
#include "parser.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace casus::define {

// An entity as store:entity_kind/2 types its arguments, each as text:
// integers in decimal, conditions as "adversary=a|b;area=own_territory".
struct Entity {
    std::string kind;
    std::vector<std::string> args;
};

struct Plan {
    std::vector<Entity> entities;  // in the order they are stored
    std::string kind;              // state, organisation, treaty, clause, ...
    std::string id;                // the new id (a clause's: treaty/clause)
    std::string text;              // for the acknowledgement: treaty teu "Treaty on European Union"
    std::string source;
    std::optional<Date> date;      // the date the entity carries, if any
    std::size_t offset = 0, length = 1;  // the new id in the statement, for the kb's refusals
};

// What planning asks the engine.
struct Context {
    // The id of name as an entity of type (state, organisation, treaty),
    // or a NameError at its place with a suggestion.
    std::function<std::string(const ast::Name&, const std::string& type)> resolve;
    std::function<Date(const ast::Date&)> date;
    // The type of the entity that already has this id, if one has.
    std::function<std::optional<std::string>(const std::string& id)> taken;
    std::vector<std::string> regions;  // what an area may name besides own_territory (areas:region/2)
};

// Throws SyntaxError-free located errors (NameError, ValidationError) at
// the place of what is wrong; nothing is stored by planning.
Plan plan(const ParsedStatement& ps, const ast::Define& d, const Context& ctx);

}  // namespace casus::define
