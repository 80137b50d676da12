// .graph: the states, alliances and ties behind a defenders answer, as
// Graphviz DOT, rendered to SVG or PNG by Debian's graphviz when present.
#pragma once

#include "casus/results.hpp"

#include <filesystem>
#include <string>

namespace casus::cli {

// The answer as a DOT digraph: ally and attacker, every assessed state
// filled by its verdict; obligations (solid, bold) point at the ally,
// ties and kinship (dashed) and positions (dotted) at the side they
// favour, green when they push toward defending and red when away.
std::string to_dot(const DefendersResult& result);

// Writes the graph to file: DOT for .dot/.gv (or any other extension),
// SVG or PNG through `dot` for .svg/.png. Returns what was written, for
// the user ("SVG", "DOT"). Throws casus::UsageError when dot is missing
// or fails, naming the command and what it said; the target is replaced
// only by a file dot wrote (a name like "-V.svg" is passed as "./-V.svg").
std::string write_graph(const DefendersResult& result, const std::filesystem::path& file);

}  // namespace casus::cli
