// Prolog result terms (see kb/api.pl) to typed C++ results.
#pragma once

#include "casus/results.hpp"
#include "prolog.hpp"

namespace casus::convert {

std::vector<Assessment> assessments(const PlTerm& list);
Assessment assessment(const PlTerm& answer);
std::vector<FactRow> fact_rows(const PlTerm& items);
std::vector<FactRow> history_rows(const PlTerm& items);
std::vector<TreatyRow> treaty_rows(const PlTerm& items);
std::vector<MemberRow> member_rows(const PlTerm& items);
std::vector<BackerRow> backer_rows(const PlTerm& items);
std::vector<EntityRow> entity_rows(const PlTerm& items);

}  // namespace casus::convert
