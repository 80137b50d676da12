// The casus query language in Spirit X3. Included only by grammar.cpp.
//
// Keywords are case-insensitive whole words. Every expectation point
// (the right of each `>`) is a keyword or a named rule, never a bare
// list, alternative or literal, so an expectation failure reads
// "expected 'against'" and never names a C++ type (tests/unit
// test_parser_messages.cpp walks every point). A rule's name may carry a
// hint for the person after a '|': parser.cpp prints it after the
// message. Names are a known name (the longest the kb knows, which may
// hold keywords and punctuation), several words that are not reserved
// keywords, or a quoted string; they are resolved later (names.cpp).
#pragma once

#include <algorithm>

#include "ast.hpp"
#include "ast_adapted.hpp"
#include "config.hpp"
#include "grammar.hpp"
#include "known_names.hpp"


namespace casus::parser {

namespace std_enc = x3::standard;

// --- lexical pieces -----------------------------------------------------

// Bytes of UTF-8 multi-byte sequences are letters for our purposes.
auto const utf8_byte = std_enc::char_('\x80', '\xff');
auto const word_start = x3::ascii::alpha | x3::lit('_') | utf8_byte;
auto const word_char = x3::ascii::alnum | std_enc::char_("_'-") | utf8_byte;

// A keyword: the literal, case-insensitive, not followed by a word char.
inline auto kw(char const* text) {
    // ASCII case folding: table-based, where the standard encoding calls std::tolower per character.
    return x3::lexeme[x3::no_case[x3::ascii::lit(text)] >> !word_char];
}

#define CASUS_KW(id, text) \
    auto const id = x3::rule<struct id##_kw>{"'" text "'"} = kw(text);

CASUS_KW(k_who, "who")
CASUS_KW(k_would, "would")
CASUS_KW(k_defend, "defend")
CASUS_KW(k_against, "against")
CASUS_KW(k_must, "must")
CASUS_KW(k_is, "is")
CASUS_KW(k_obligated, "obligated")
CASUS_KW(k_to, "to")
CASUS_KW(k_why, "why")
CASUS_KW(k_not, "not")
CASUS_KW(k_what, "what")
CASUS_KW(k_ties, "ties")
CASUS_KW(k_and, "and")
CASUS_KW(k_which, "which")
CASUS_KW(k_treaties, "treaties")
CASUS_KW(k_bind, "bind")
CASUS_KW(k_binds, "binds")
CASUS_KW(k_belongs, "belongs")
CASUS_KW(k_members, "members")
CASUS_KW(k_of, "of")
CASUS_KW(k_backs, "backs")
CASUS_KW(k_list, "list")
CASUS_KW(k_facts, "facts")
CASUS_KW(k_about, "about")
CASUS_KW(k_as, "as")
CASUS_KW(k_suppose, "suppose")
CASUS_KW(k_add, "add")
CASUS_KW(k_retract, "retract")
CASUS_KW(k_on, "on")
CASUS_KW(k_source, "source")
CASUS_KW(k_history, "history")
CASUS_KW(k_import, "import")
CASUS_KW(k_atop, "atop")
CASUS_KW(k_states, "states")
CASUS_KW(k_defence, "defence")
CASUS_KW(k_defense, "defense")
CASUS_KW(k_matrix, "matrix")
CASUS_KW(k_among, "among")
CASUS_KW(k_in, "in")
#undef CASUS_KW

// Words a bare name may not contain, because they end a name in some
// form ("would X defend", "X against Y", "ties X and Y", "X to Y"). A
// name that needs one of them is written in quotes.
struct reserved_words : x3::symbols_parser<boost::spirit::char_encoding::ascii, int> {
    reserved_words() {
        // vs, versus, from: what people write for 'against'; reserved so that the
        // caret lands on them ("Armenia vs Azerbaijan") instead of at the end.
        for (auto w : {"against", "and", "to", "not", "defend", "would", "must", "who", "why",
                       "what", "which", "list", "add", "retract", "suppose", "as", "vs", "versus", "from", "in"})
            add(w, 0);
    }
} const reserved;

auto const reserved_word = x3::lexeme[x3::no_case[reserved] >> !word_char];
auto const word = x3::lexeme[word_start >> *word_char];

// The longest name the kb knows at this place (known_names.hpp), when the
// parse was given the kb's names. Whole words only; a known name that
// begins with a reserved word is left to the keyword. Without names it
// costs one test, so a parse without them runs as fast as before.
struct known_name_parser : x3::parser<known_name_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx, Attribute&) const {
        KnownNames const* known = x3::get<known_names_tag>(ctx);
        if (!known) return false;
        x3::skip_over(first, last, ctx);
        if (first == last) return false;
        std::size_t n = known->longest_name_at(std::string_view(&*first, static_cast<std::size_t>(last - first)));
        if (n == 0) return false;
        Iterator probe = first;
        x3::unused_type unused;
        if (reserved_word.parse(probe, last, ctx, rctx, unused)) return false;
        first += static_cast<typename std::iterator_traits<Iterator>::difference_type>(n);
        return true;
    }
};
auto const known_name = known_name_parser{};

auto const closing_quote = x3::rule<struct closing_quote_class>{
    "closing '\"'|a quoted text ends with '\"' on the same line"} = x3::lit('"');
auto const quoted =
    x3::rule<struct quoted_class, std::string>{"quoted string"} =
        x3::lexeme['"' > *(std_enc::char_ - '"' - x3::eol) > closing_quote];



// --- rules with positions ----------------------------------------------

// Positions are recorded by the semantic actions below, in the error
// handler's position cache, so later errors can point at a name or date.
x3::rule<struct name_class, ast::Name> const name = "name";
x3::rule<struct date_class, ast::Date, true> const date = "date (YYYY-MM-DD)";
x3::rule<struct fact_class, ast::Fact, true> const fact = "fact, like member(georgia, csto)";

// In Boost 1.81 an action's _where runs from the end of its match to the
// end of the input, so an empty `eps[mark]` before a node records where
// it starts; a name's exact range comes from raw[].
template <class Context, class Node, class Iterator>
void tag_position(Context const& ctx, Node& node, Iterator first, Iterator last) {
    x3::get<x3::error_handler_tag>(ctx).get().tag(node, first, last);
}
auto const mark = [](auto& ctx) {
    auto const& where = x3::_where(ctx);
    tag_position(ctx, x3::_val(ctx), where.begin(), where.begin());
};

auto const set_name_text = [](auto& ctx) {
    auto const& r = x3::_attr(ctx);
    auto const is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    auto end = r.end();  // the range ends after trailing blanks
    while (end != r.begin() && is_blank(*(end - 1))) --end;
    std::string& text = x3::_val(ctx).text;
    if (std::none_of(r.begin(), end, is_blank)) {
        text.assign(r.begin(), end);  // one word, the common case: one copy
    } else {
        // Several words: blanks between them collapse to one space.
        text.clear();
        text.reserve(static_cast<std::size_t>(end - r.begin()));
        bool space = false;
        for (auto it = r.begin(); it != end; ++it) {
            if (is_blank(*it)) {
                space = true;
                continue;
            }
            if (space && !text.empty()) text += ' ';
            space = false;
            text += *it;
        }
    }
    tag_position(ctx, x3::_val(ctx), r.begin(), end);
};
auto const set_quoted_text = [](auto& ctx) { x3::_val(ctx).text = x3::_attr(ctx); };

// One raw[] over both readings of bare words: the blanks before a name are
// skipped once (a raw[] per alternative cost a parse 4% more).
auto const name_def = x3::eps[mark] >> quoted[set_quoted_text] |
                      x3::raw[x3::lexeme[known_name | +((word - reserved_word) >> *x3::ascii::blank)]][set_name_text];

auto const two_digits = x3::uint_parser<int, 10, 1, 2>{};
auto const four_digits = x3::uint_parser<int, 10, 4, 4>{};
auto const date_def = x3::eps[mark] >> x3::lexeme[four_digits >> '-' >> two_digits >> '-' >> two_digits >> !word_char];

auto const kind_ident = x3::rule<struct kind_class, std::string>{"fact kind"} =
    x3::lexeme[x3::ascii::lower >> *(x3::ascii::lower | x3::ascii::digit | x3::ascii::char_('_'))];
x3::rule<struct fact_args_class, std::vector<ast::Name>> const fact_args = "the fact's arguments, like (georgia, csto)";
auto const close_paren = x3::rule<struct close_paren_class>{"',' or ')'|a fact's arguments are names between ( and ), separated by commas"} =
    x3::lit(')');
auto const fact_args_def = name >> *(',' > name);
auto const fact_def = x3::eps[mark] >> kind_ident >> x3::lit('(') > fact_args > close_paren;

BOOST_SPIRIT_DEFINE(name, date, fact_args, fact)

// --- statements ----------------------------------------------------------

x3::rule<struct add_class, ast::Add> const add = "add";
x3::rule<struct retract_class, ast::Retract> const retract = "retract";
x3::rule<struct change_class, ast::Change> const change = "'add' or 'retract'";

auto const add_def = k_add > fact > -(k_on > date) > -(k_source > quoted);
auto const retract_def = k_retract > fact > -(k_on > date);
auto const change_def = add | retract;

BOOST_SPIRIT_DEFINE(add, retract, change)

// --- questions -----------------------------------------------------------

x3::rule<struct defenders_class, ast::Defenders> const defenders = "defenders question";
x3::rule<struct would_class, ast::Would> const would = "would question";
x3::rule<struct must_class, ast::Must> const must = "'must defend' question";
x3::rule<struct obligated_class, ast::Must> const obligated = "'is obligated to defend' question";
x3::rule<struct why_class, ast::Why> const why_full = "why question";
x3::rule<struct why_short_class, ast::WhyShort> const why_short = "why question";
x3::rule<struct ties_class, ast::Ties> const ties = "ties question";
x3::rule<struct treaties_class, ast::Treaties> const treaties = "treaties question";
x3::rule<struct members_class, ast::Members> const members = "members question";
x3::rule<struct backers_class, ast::Backers> const backers = "backers question";
x3::rule<struct list_class, ast::ListWhat> const list_what = "list question";
x3::rule<struct facts_about_class, ast::FactsAbout> const facts_about = "facts question";
x3::rule<struct history_class, ast::History> const history = "history question";
x3::rule<struct matrix_class, ast::Matrix> const matrix = "defence matrix";
x3::rule<struct question_class, ast::Question> const question = "a question";

// Named rules that always fail: reached only when a question's first
// keyword matched and nothing valid followed, they turn the failure into
// an expectation error that says what could have come next.
auto const who_rest = x3::rule<struct who_rest_class>{
    "'would defend', 'must defend', 'is obligated to defend', 'belongs to' or 'backs' after 'who'"} = !x3::eps;
auto const list_rest = x3::rule<struct list_rest_class>{
    "'states', 'organisations', 'treaties', 'declarations', 'issues', 'events', 'territories' or 'facts about'"} = !x3::eps;

// 'would' questions weigh every reason to act against one attacker: say so
// when it is missing ("would russia defend armenia?").
auto const against_attacker = x3::rule<struct against_attacker_class>{
    "'against'|the question needs the attacker: add 'against STATE'"} = k_against;
auto const to_or_and = x3::rule<struct to_or_and_class>{"'to' or 'and'|the form is: what ties STATE to STATE"} = k_to | k_and;
auto const bind_word = x3::rule<struct bind_class>{"'bind'|the form is: which treaties bind STATE"} = k_bind | k_binds;

// Where the attack falls: `... in Nagorno-Karabakh` (areas.pl).
auto const place = x3::rule<struct place_class, ast::Name>{"place of the attack"} = name;
auto const at_place = -(k_in > place);
auto const defenders_def = k_who >> k_would > k_defend > name > against_attacker > name > at_place;
auto const would_def = k_would > name > k_defend > name > against_attacker > name > at_place;
auto const must_def = k_who >> k_must > k_defend > name > -(k_against > name) > at_place;
auto const obligated_def = k_who >> k_is > k_obligated > k_to > k_defend > name > -(k_against > name) > at_place;
auto const why_full_def = k_why >> k_would > name > x3::matches[k_not] > k_defend > name > against_attacker > name > at_place;
auto const why_short_def = k_why >> x3::matches[k_not] > name;
auto const ties_def = k_what >> k_ties > name > to_or_and > name;

auto const set_state = [](auto& ctx) { x3::_val(ctx).state = x3::_attr(ctx); };
auto const set_org = [](auto& ctx) { x3::_val(ctx).organisation = x3::_attr(ctx); };
auto const set_subject = [](auto& ctx) { x3::_val(ctx).subject = x3::_attr(ctx); };
auto const set_what = [](auto& ctx) { x3::_val(ctx).what = x3::_attr(ctx); };

auto const treaties_def = (k_which >> k_treaties > bind_word > name)[set_state];
auto const members_def = (k_who >> k_belongs > k_to > name)[set_org] | (k_members >> k_of > name)[set_org];
auto const backers_def = (k_who >> k_backs > name)[set_state];

struct list_kinds : x3::symbols<std::string> {
    list_kinds() {
        add("states", "states")("organisations", "organisations")("organizations", "organisations")(
            "treaties", "treaties")("declarations", "declarations")("issues", "issues")("events", "events")(
            "territories", "territories");
    }
} const list_kind;
auto const list_kind_rule = x3::rule<struct list_kind_class, std::string>{
    "'states', 'organisations', 'treaties', 'declarations', 'issues', 'events', 'territories' or 'facts about'"} =
    x3::lexeme[x3::no_case[list_kind] >> !word_char];
auto const list_what_def = (k_list >> list_kind_rule)[set_what];
auto const facts_about_def = (k_list >> k_facts > k_about > name)[set_subject];
auto const history_def = (k_history > k_of > name)[set_subject];
auto const set_among = [](auto& ctx) {
    if (auto& among = x3::_attr(ctx)) x3::_val(ctx).among = std::move(*among);
};
x3::rule<struct among_names_class, std::vector<ast::Name>> const among_names = "names of states, like Armenia, Azerbaijan";
auto const among_names_def = name >> *(',' > name);
BOOST_SPIRIT_DEFINE(among_names)
auto const matrix_def = ((k_defence | k_defense) > k_matrix > -(k_among > among_names))[set_among];

auto const question_def = defenders | must | obligated | members | backers | (k_who > who_rest) |
                          would | why_full | why_short | ties | treaties | list_what | facts_about |
                          (k_list > list_rest) | history | matrix;

// --- whole statements -------------------------------------------------------

x3::rule<struct as_of_class, ast::AsOf> const as_of = "'as of DATE'";
x3::rule<struct suppose_class, ast::Suppose> const suppose = "'suppose ...:'";
x3::rule<struct modifier_class, ast::Modifier> const modifier = "modifier";
x3::rule<struct query_class, ast::Query> const query = "a question";

// --- modifiers after the question (issue 17 item 16) -------------------------
// `who must defend armenia as of 2010-01-01`, `... suppose add ...`: a
// modifier may also follow the question; a trailing suppose takes no ':'.
x3::rule<struct suppose_tail_class, ast::Suppose> const suppose_tail = "'suppose ...'";
x3::rule<struct trailing_modifier_class, ast::Modifier> const trailing_modifier = "modifier";

x3::rule<struct changes_class, std::vector<ast::Change>> const changes = "'add' or 'retract' after 'suppose'";
auto const changes_def = change >> *(k_and > change);
auto const colon = x3::rule<struct colon_class>{
    "':' before the question|the form is: suppose CHANGE [and CHANGE]...: QUESTION"} = x3::lit(':');

auto const set_date = [](auto& ctx) { x3::_val(ctx).date = x3::_attr(ctx); };
auto const set_changes = [](auto& ctx) { x3::_val(ctx).changes = x3::_attr(ctx); };
auto const as_of_def = (k_as > k_of > date)[set_date];
auto const suppose_def = (k_suppose > changes > colon)[set_changes];
auto const suppose_tail_def = (k_suppose > changes)[set_changes];
auto const modifier_def = as_of | suppose;
auto const trailing_modifier_def = as_of | suppose_tail;
auto const push_modifier = [](auto& ctx) { x3::_val(ctx).modifiers.push_back(std::move(x3::_attr(ctx))); };
auto const set_question = [](auto& ctx) { x3::_val(ctx).question = std::move(x3::_attr(ctx)); };
auto const query_def = *modifier[push_modifier] >> question[set_question] >> *trailing_modifier[push_modifier];
BOOST_SPIRIT_DEFINE(changes, suppose_tail, trailing_modifier)

statement_type const statement = "statement";

auto const end_of_statement = x3::rule<struct end_class>{"end of the statement"} = x3::eoi;
// A statement may end with '?', and then ';' or '.' as in SQL and prose
// (issue 17 item 11). A dot-command is a line that starts with '.', taken
// by the REPL before the grammar sees it; a '.' inside a known name
// (`St. Lucia`) is the name's.
auto const terminator = -x3::lit('?') >> -(x3::lit(';') | x3::lit('.'));
x3::rule<struct import_class, ast::Import> const import_ = "import";
auto const path = x3::rule<struct path_class, std::string>{"quoted path"} = quoted;
auto const import__def = k_import > k_atop > path > k_states > path;
BOOST_SPIRIT_DEFINE(import_)

// --- export dyads (issue 21) -------------------------------------------------
// export dyads 1816-2016 | from 1816 to 2016 | 1990 [on MM-DD] [as csv|json] [to "FILE"] [among A, B, ...]
// 'among' comes last: a name runs to the next reserved word, and 'on' is none.
auto const k_export = x3::rule<struct k_export_kw>{"'export'"} = kw("export");
auto const k_dyads = x3::rule<struct k_dyads_kw>{"'dyads'"} = kw("dyads");
auto const k_from = x3::rule<struct k_from_kw>{"'from'"} = kw("from");
struct export_formats : x3::symbols<std::string> {
    export_formats() { add("csv", "csv")("json", "json"); }
} const export_format_sym;
auto const export_format = x3::rule<struct export_format_class, std::string>{"'csv' or 'json'"} =
    x3::lexeme[x3::no_case[export_format_sym] >> !word_char];
auto const export_year = x3::rule<struct export_year_class, int>{"year (YYYY)"} = x3::lexeme[four_digits >> !word_char];
auto const export_day = x3::rule<struct export_day_class, ast::Date>{"day of the year (MM-DD)"} =
    x3::lexeme[x3::attr(0) >> two_digits >> '-' >> two_digits >> !word_char];
auto const export_one_year = x3::rule<struct export_one_year_class, ast::YearRange>{"year (YYYY)"} =
    x3::lexeme[four_digits >> !word_char >> !x3::lit('-')][([](auto& ctx) {
        x3::_val(ctx).from = x3::_val(ctx).to = x3::_attr(ctx);
    })];
auto const export_range = x3::rule<struct export_range_class, ast::YearRange>{
    "year range (1816-2016, or from 1816 to 2016, or one year)"} =
    (k_from > export_year > k_to > export_year) | x3::lexeme[four_digits >> '-' > four_digits >> !word_char] |
    export_one_year;
x3::rule<struct export_dyads_class, ast::ExportDyads> const export_dyads = "export dyads";
auto const export_dyads_def = k_export > k_dyads > export_range > -(k_on > export_day) > -(k_as > export_format) >
                              -(k_to > path) > -(k_among > (name % ','));
BOOST_SPIRIT_DEFINE(export_dyads)
// --- end of export dyads -------------------------------------------------------


}  // namespace casus::parser
#include "define_def.hpp"
namespace casus::parser {

auto const statement_def = (add | retract | import_ | define_ | export_dyads | query) >> terminator > end_of_statement;

BOOST_SPIRIT_DEFINE(defenders, would, must, obligated, why_full, why_short, ties, treaties, members,
                    backers, list_what, facts_about, history, matrix, question,
                    as_of, suppose, modifier, query, statement)

statement_type const& statement_rule() { return statement; }

}  // namespace casus::parser
