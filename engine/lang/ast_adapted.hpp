// Fusion adaptation of the multi-field AST nodes, so X3 can fill them.
// Single-field nodes are filled by semantic actions in grammar_def.hpp.
#pragma once

#include "ast.hpp"
#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(casus::ast::Date, year, month, day)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Fact, kind, args)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Add, fact, on, source)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Retract, fact, on)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Import, dir, states)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::YearRange, from, to)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::ExportDyads, years, on, format, file, among)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Defenders, ally, attacker, place)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Would, defender, ally, attacker, place)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Must, ally, attacker, place)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Why, defender, negated, ally, attacker, place)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::WhyShort, negated, defender)
BOOST_FUSION_ADAPT_STRUCT(casus::ast::Ties, first, second)
#include "ast_define_adapted.hpp"
