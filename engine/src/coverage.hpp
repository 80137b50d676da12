// Which sources an answer drew on and where each ends (issue 18 item 6):
// ATOP 4.01 and the COW state list stop on 2016-12-31; the curated kb and
// the user's own facts go on. Every answer about a date carries this, so
// JSON states it and text says, once, when the date lies past an end.
#pragma once

#include "casus/results.hpp"

#include <cstdint>
#include <optional>

namespace casus::coverage {

// The kb's sources (api:api_coverage/1), asked again only when the kb's
// api_coverage_key/1 is another (the database generation of treaty/5's
// last change: the only thing the sources depend on that can change).
// The store's generation would not do: it moves with every stored fact,
// and reading it makes the next write start a new one (finding 28).
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
    // The key the sources were read under; nullopt: none read yet, or the
    // kb has no api_coverage_key/1 (an older kb given with --kb), which
    // asks every time.
    std::optional<std::int64_t> key_;
    std::optional<bool> has_key_;  // whether the kb has api_coverage_key/1, asked once
    Coverage sources_;  // `beyond` not set
};

}  // namespace casus::coverage
