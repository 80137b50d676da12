// The declaration of the statement grammar. Its definition lives in
// grammar_def.hpp and is compiled once, in grammar.cpp, so nothing else
// pays for Spirit X3's templates.
#pragma once

#include "ast.hpp"
#include "config.hpp"

namespace casus::parser {

struct statement_class;
using statement_type = x3::rule<statement_class, ast::Statement>;
BOOST_SPIRIT_DECLARE(statement_type)

statement_type const& statement_rule();

}  // namespace casus::parser
