// The syntax tree of the casus query language: what the parser produces,
// before any name is resolved. Each node that a later error may point at
// (names, dates, facts) carries its source position.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <boost/optional.hpp>
#include <string>
#include <vector>

namespace casus::ast {

namespace x3 = boost::spirit::x3;

// A name as the user wrote it: an id, a display name, an alias, several
// words ("North Macedonia") or a quoted string.
struct Name : x3::position_tagged {
    std::string text;
};

struct Date : x3::position_tagged {
    int year = 0, month = 0, day = 0;
};

// kind(arg, arg, ...), e.g. member(georgia, csto).
struct Fact : x3::position_tagged {
    std::string kind;
    std::vector<Name> args;
};

struct Add {
    Fact fact;
    boost::optional<Date> on;
    boost::optional<std::string> source;
};

struct Retract {
    Fact fact;
    boost::optional<Date> on;
};

struct Change : x3::variant<Add, Retract> {
    using base_type::base_type;
    using base_type::operator=;
};

// Questions.
// A defenders question may say where the attack falls: `... in PLACE`.
struct Defenders { Name ally; Name attacker; boost::optional<Name> place; };             // who would defend A against X
struct Would { Name defender; Name ally; Name attacker; boost::optional<Name> place; };  // would S defend A against X
struct Must { Name ally; boost::optional<Name> attacker; boost::optional<Name> place; }; // who must defend A [against X]
struct Why { Name defender; bool negated = false; Name ally; Name attacker; boost::optional<Name> place; };
struct WhyShort { bool negated = false; Name defender; };       // why [not] S (previous question)
struct Ties { Name first; Name second; };                       // what ties A to B
struct Treaties { Name state; };                                // which treaties bind A
struct Members { Name organisation; };                          // who belongs to O
struct Backers { Name state; };                                 // who backs A
struct ListWhat { std::string what; };                          // list states|...
struct FactsAbout { Name subject; };                            // list facts about N
struct History { Name subject; };                               // history of N
struct Matrix { std::vector<Name> among; };                     // defence matrix [among A, B, ...]

struct Question : x3::variant<Defenders, Would, Must, Why, WhyShort, Ties, Treaties,
                              Members, Backers, ListWhat, FactsAbout, History, Matrix> {
    using base_type::base_type;
    using base_type::operator=;
};

// Modifiers of a question, written before it or after it.
struct AsOf { Date date; };
struct Suppose { std::vector<Change> changes; };
struct Modifier : x3::variant<AsOf, Suppose> {
    using base_type::base_type;
    using base_type::operator=;
};

struct Query {
    std::vector<Modifier> modifiers;
    Question question;
};

// import atop "DIR" states "FILE"
struct Import {
    std::string dir, states;
};

// export dyads 1816-2016 [on 12-31] [as csv|json] [to "FILE"] [among A, B, ...]
struct YearRange {
    int from = 0, to = 0;
};
struct ExportDyads {
    YearRange years;
    boost::optional<Date> on;                 // the reference day: year unused (0)
    boost::optional<std::string> format;      // csv | json
    boost::optional<std::string> file;
    boost::optional<std::vector<Name>> among;
};

}  // namespace casus::ast

#include "ast_define.hpp"

namespace casus::ast {

struct Statement : x3::variant<Query, Add, Retract, Import, Define, ExportDyads> {
    using base_type::base_type;
    using base_type::operator=;
};

}  // namespace casus::ast
