// Fusion adaptation of the `define` statements' nodes (ast_define.hpp).
#pragma once

#include "ast.hpp"
#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineSimple, kind, id, title, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineTreaty, id, title, of, signed_on, in_force, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineClause, treaty, id, obligation, title, against, area, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineEvent, id, title, on, by, against, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineDeclaration, id, title, on, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::DefineTerritory, id, title, holder, region, source)
