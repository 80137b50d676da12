// Text in, syntax tree out. The only door into the X3 grammar.
#pragma once

#include "ast.hpp"
#include "known_names.hpp"

#include <string>
#include <utility>
#include <vector>

namespace casus {

// A parsed statement with the text it came from, so later stages can
// point at the exact place of a name or a date.
struct ParsedStatement {
    ast::Statement tree;
    std::string text;
    // [begin, end) byte offsets of a position-tagged node.
    std::pair<std::size_t, std::size_t> span_of(const boost::spirit::x3::position_tagged& node) const;
    std::vector<std::size_t> positions;  // offsets, indexed by position_tagged ids
};

// Parses one statement. Throws SyntaxError (with the offset, what was
// expected and a "did you mean" for a misspelt keyword). With the kb's
// names (known), a known name is read whole even where it holds a keyword
// or punctuation (`Bosnia and Herzegovina`, `St. Lucia`); without them,
// such a name must be quoted.
ParsedStatement parse_statement(const std::string& text, const KnownNames* known = nullptr);

}  // namespace casus
