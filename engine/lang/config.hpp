// The iterator, skipper and context types shared by the grammar's
// definition and its one instantiation unit (they must match exactly).
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>
#include <functional>
#include <string>
#include <type_traits>

#include "known_names.hpp"

namespace casus::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string::const_iterator;

// Whitespace and `#` comments to the end of the line.
inline auto const skipper =
    x3::ascii::space | x3::lexeme['#' >> *(x3::standard::char_ - x3::eol)];
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using error_handler_type = x3::error_handler<iterator_type>;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
// The kb's names (known_names.hpp), or null when the parse has none.
struct known_names_tag;
using names_context_type = x3::context<known_names_tag, KnownNames const*, phrase_context_type>;
using context_type = x3::context<x3::error_handler_tag, std::reference_wrapper<error_handler_type>,
                                 names_context_type>;

}  // namespace casus::parser
