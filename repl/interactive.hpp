// The interactive REPL on a terminal: libedit line editing, history,
// tab completion, a continuation prompt for unfinished statements.
#pragma once

#include "session.hpp"

#include <filesystem>

namespace casus::cli {

// Runs the REPL until Ctrl-D, .quit or a hang-up; returns the exit
// status. history_file empty: no history is kept.
int run_repl(Session& session, Engine& engine, const std::filesystem::path& history_file);

}  // namespace casus::cli
