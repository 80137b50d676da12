// The dyad-year export's computation (casus/dyads.hpp): every state's COW
// spells and every treaty's obligation spans, read from the kb once
// (kb/export_dyads.pl), then intersected year by year in C++: one pass
// per year over the treaties in force, not a question per dyad.
#pragma once

#include "casus/dyads.hpp"
#include "matrix.hpp"

#include <SWI-Prolog.h>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace casus::dyads {

struct Span {
    long from, to;  // YYYYMMDD, [from, to)
};
using Spans = std::vector<Span>;  // sorted, disjoint

struct State {
    std::string id;
    int cow = 0;
    std::vector<std::pair<long, long>> spells;  // COW spells, both days included
};

struct Party {
    std::uint32_t state;                             // index into World::states
    Spans bound;                                     // when it is bound by the treaty
    std::array<Spans, obligation_kinds> exempt;      // when its own commitment lacks a kind
};

struct Treaty {
    std::string id;
    long in_force = 0;
    std::uint8_t kinds = 0;  // bit k: a clause creates Obligation k
    std::vector<Party> parties;
};

// What the kb holds for the export, read from export_states/1 and
// export_treaties/1; throws PrologError on a term of the wrong shape.
class World {
public:
    World(term_t states, term_t treaties);
    const std::vector<State>& states() const { return states_; }
    const std::vector<Treaty>& treaties() const { return treaties_; }
    std::optional<std::uint32_t> find(const std::string& id) const;

private:
    std::vector<State> states_;
    std::vector<Treaty> treaties_;
};

// The verdict tables of a day (the defence matrix's), or nullptr where
// none is to be used (a user's rules are loaded).
using TablesOf = std::function<const matrix::DefenceTables*(long day)>;

// Writes the rows of one year to sink, in the order ccode1, ccode2;
// chosen (indices into World::states, sorted) limits the rows to pairs
// of them, empty: every pair. Returns the rows written.
std::size_t export_year(const World& world, int year, const DyadExportOptions& options,
                        const std::vector<std::uint32_t>& chosen, const TablesOf& tables, const DyadSink& sink);
}  // namespace casus::dyads
