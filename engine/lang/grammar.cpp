// The one translation unit that instantiates the grammar. Only a change
// to the grammar or the AST recompiles it.
#include "grammar_def.hpp"

namespace casus::parser {
BOOST_SPIRIT_INSTANTIATE(statement_type, iterator_type, context_type)
}
