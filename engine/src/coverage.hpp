// Which sources an answer drew on and where each ends (issue 18 item 6):
// ATOP 4.01 and the COW state list stop on 2016-12-31; the curated kb and
// the user's own facts go on. Every answer about a date carries this, so
// JSON states it and text says, once, when the date lies past an end.
#pragma once

#include "casus/results.hpp"

namespace casus::coverage {

// The sources of the kb (api:api_coverage/1), the user's facts when
// `user_facts` (any were added, or the answer is a supposition), each
// marked `beyond` when as_of is past its last day.
Coverage of(const Date& as_of, bool user_facts);

// Fills the coverage of a result about a date (defenders, matrix, facts,
// treaties, members, backers); other results are left as they are.
void fill(Result& result, bool user_facts);

}  // namespace casus::coverage
