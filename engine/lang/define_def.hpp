// The `define` statements of the casus language (README, "New entities"),
// included by grammar_def.hpp after its lexical pieces and before the
// whole statement, so the rules can use name, date and quoted.
//
//   define organisation eu "European Union"
//   define treaty teu "Treaty on European Union" of eu signed 2007-12-13 in force 2009-12-01 source "..."
//   define clause TREATY ID OBLIGATION "Title" [against S, ...] [in AREA, ...] [source "..."], e.g.
//   define clause teu art42_7 defence "Article 42(7)" in own territory source "..."
//   define event ID "Name" on DATE [by STATE] [against STATE] [source "..."]
//   define declaration ID "Title" on DATE [source "..."]
//   define territory ID "Name" of STATE in REGION [source "..."]
//
// An id is one word; a name is several words that are not keywords, or
// a quoted string (names end at 'source', 'signed', 'on' and 'by' too).
#pragma once

namespace casus::parser {

auto const k_define = x3::rule<struct define_kw_class>{"'define'"} = kw("define");
auto const k_treaty = x3::rule<struct treaty_kw_class>{"'treaty'"} = kw("treaty");
auto const k_clause = x3::rule<struct clause_kw_class>{"'clause'"} = kw("clause");
auto const k_event = x3::rule<struct event_kw_class>{"'event'"} = kw("event");
auto const k_declaration = x3::rule<struct declaration_kw_class>{"'declaration'"} = kw("declaration");
auto const k_territory = x3::rule<struct territory_kw_class>{"'territory'"} = kw("territory");
auto const k_signed = x3::rule<struct signed_kw_class>{"'signed'"} = kw("signed");
auto const k_force = x3::rule<struct force_kw_class>{"'force'"} = kw("force");
auto const k_by = x3::rule<struct by_kw_class>{"'by'"} = kw("by");

// Words that end a name inside a define statement, besides the reserved ones.
struct define_stop_words : x3::symbols_parser<boost::spirit::char_encoding::ascii, int> {
    define_stop_words() {
        for (auto w : {"source", "signed", "on", "by"}) add(w, 0);
    }
} const define_stop;
auto const define_stop_word = x3::lexeme[x3::no_case[define_stop] >> !word_char];

x3::rule<struct define_id_class, ast::Name> const define_id = "id (one snake_case word)";
x3::rule<struct define_name_class, ast::Name> const define_name = "name";
auto const define_id_def = x3::raw[x3::lexeme[word - reserved_word]][set_name_text];
auto const define_name_def =
    x3::eps[mark] >> quoted[set_quoted_text] |
    x3::raw[x3::lexeme[+((word - reserved_word - define_stop_word) >> *x3::ascii::blank)]][set_name_text];
// A name right before other words (a clause's treaty): one word, or quoted.
x3::rule<struct define_ref_class, ast::Name> const define_ref = "treaty (its id, or its name in quotes)";
auto const define_ref_def = x3::eps[mark] >> quoted[set_quoted_text] | x3::raw[x3::lexeme[word - reserved_word]][set_name_text];
auto const display_title = x3::rule<struct display_title_class, std::string>{"the name in quotes"} = quoted;
BOOST_SPIRIT_DEFINE(define_id, define_name, define_ref)

struct simple_kinds : x3::symbols<std::string> {
    simple_kinds() { add("state", "state")("organisation", "organisation")("organization", "organisation")("issue", "issue"); }
} const simple_kind;
auto const simple_kind_rule = x3::rule<struct simple_kind_class, std::string>{"'state', 'organisation' or 'issue'"} =
    x3::lexeme[x3::no_case[simple_kind] >> !word_char];

struct obligation_kinds : x3::symbols<std::string> {
    obligation_kinds() {
        // "none" before "non_aggression": added after it, X3 1.81's table did not find it.
        add("none", "none")("defence", "defence")("defense", "defence")("offence", "offence")("offense", "offence")(
            "neutrality", "neutrality")("non_aggression", "non_aggression")("non-aggression", "non_aggression")(
            "consultation", "consultation");
    }
} const obligation_kind;
auto const obligation_rule = x3::rule<struct obligation_class, std::string>{
    "obligation (defence, offence, neutrality, non_aggression, consultation or none)"} =
    x3::lexeme[x3::no_case[obligation_kind] >> !word_char];

x3::rule<struct define_simple_class, ast::DefineSimple> const define_simple = "definition";
x3::rule<struct define_treaty_class, ast::DefineTreaty> const define_treaty = "treaty definition";
x3::rule<struct define_clause_class, ast::DefineClause> const define_clause = "clause definition";
x3::rule<struct define_event_class, ast::DefineEvent> const define_event = "event definition";
x3::rule<struct define_declaration_class, ast::DefineDeclaration> const define_declaration = "declaration definition";
x3::rule<struct define_territory_class, ast::DefineTerritory> const define_territory = "territory definition";
x3::rule<struct define_class, ast::Define> const define_ = "define";

auto const define_source = -(k_source > quoted);
auto const define_simple_def = simple_kind_rule > define_id > display_title > define_source;
auto const define_treaty_def = k_treaty > define_id > display_title > -(k_of > define_name) > -(k_signed > date) >
                               -(k_in > k_force > date) > define_source;
auto const define_clause_def = k_clause > define_ref > define_id > obligation_rule > display_title >
                               -(k_against > (define_name % ',')) > -(k_in > (define_name % ',')) > define_source;
auto const define_event_def = k_event > define_id > display_title > k_on > date > -(k_by > define_name) >
                              -(k_against > define_name) > define_source;
auto const define_declaration_def = k_declaration > define_id > display_title > k_on > date > define_source;
auto const define_territory_def = k_territory > define_id > display_title > k_of > define_name > k_in > define_name >
                                  define_source;
// Named, so a definition of no known kind reads "expected 'state', ...".
x3::rule<struct define_kind_class, ast::Define> const define_kind =
    "'state', 'organisation', 'issue', 'treaty', 'clause', 'event', 'declaration' or 'territory'";
auto const define_kind_def = define_treaty | define_clause | define_event | define_declaration | define_territory | define_simple;
auto const define__def = k_define > define_kind;

BOOST_SPIRIT_DEFINE(define_simple, define_treaty, define_clause, define_event, define_declaration, define_territory,
                    define_kind, define_)

}  // namespace casus::parser
