// Which sources an answer drew on and where each ends (issue 18 item 6):
// ATOP 4.01 and the COW state list stop on 2016-12-31; the curated kb and
// the user's own facts go on. Every answer about a date carries this, so
// JSON states it and text says, once, when the date lies past an end.
#pragma once

#include "casus/results.hpp"

namespace casus::coverage {

// The kb's sources (api:api_coverage/1), asked again only when the
// store's generation (store:generation/1) is another: whether ATOP is in
// the kb depends on the treaties, which only a write to the store or the
// entities changes, and every such write gives a new generation. The
// sources do not depend on the date; `beyond` is worked out here for
// each answer. The call per question cost ~43,000 instructions (finding
// 26); reading the generation costs a few hundred.
class Cache {
public:
    // The sources of the kb, the user's facts when `user_facts` (any were
    // added, or the answer is a supposition), each marked `beyond` when
    // as_of is past its last day.
    Coverage of(const Date& as_of, bool user_facts);

    // Fills the coverage of a result about a date (defenders, matrix,
    // facts, treaties, members, backers); other results are left as they
    // are.
    void fill(Result& result, bool user_facts);

private:
    // The generation the sources were read in; nullopt: none read yet, or
    // the kb has no generation/1 (an older kb given with --kb), which
    // asks every time.
    std::optional<long> generation_;
    Coverage sources_;
};

}  // namespace casus::coverage
