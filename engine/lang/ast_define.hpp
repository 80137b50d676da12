// The syntax tree of `define` statements, which create entities: states,
// organisations, issues, treaties and their clauses, events, declarations
// and territories (README, "New entities"). Included by ast.hpp; the
// names in it are resolved by the engine (engine/src/define.cpp).
#pragma once

#include <boost/optional.hpp>
#include <string>
#include <vector>

namespace casus::ast {

// define state|organisation|issue ID "Name" [source "..."]
struct DefineSimple {
    std::string kind;  // state, organisation, issue
    Name id;
    std::string title;
    boost::optional<std::string> source;
};

// define treaty ID "Name" [of ORG] [signed DATE] [in force DATE] [source "..."]
struct DefineTreaty {
    Name id;
    std::string title;
    boost::optional<Name> of;
    boost::optional<Date> signed_on;
    boost::optional<Date> in_force;
    boost::optional<std::string> source;
};

// define clause TREATY ID OBLIGATION "Title" [against S, ...] [in AREA, ...] [source "..."]
struct DefineClause {
    Name treaty;
    Name id;
    std::string obligation;  // defence, offence, neutrality, non_aggression, consultation, none
    std::string title;
    boost::optional<std::vector<Name>> against;
    boost::optional<std::vector<Name>> area;
    boost::optional<std::string> source;
};

// define event ID "Name" on DATE [by S] [against S] [source "..."]
struct DefineEvent {
    Name id;
    std::string title;
    Date on;
    boost::optional<Name> by;
    boost::optional<Name> against;
    boost::optional<std::string> source;
};

// define declaration ID "Title" on DATE [source "..."]
struct DefineDeclaration {
    Name id;
    std::string title;
    Date on;
    boost::optional<std::string> source;
};

// define territory ID "Name" of STATE in REGION [source "..."]
struct DefineTerritory {
    Name id;
    std::string title;
    Name holder;
    Name region;
    boost::optional<std::string> source;
};

struct Define : x3::variant<DefineSimple, DefineTreaty, DefineClause, DefineEvent, DefineDeclaration, DefineTerritory> {
    using base_type::base_type;
    using base_type::operator=;
};

}  // namespace casus::ast
