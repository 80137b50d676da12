// casus export dyads: the dyad-year export as a subcommand (the
// `export dyads` statement's options as command-line options).
#pragma once

#include "casus/engine.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace casus::cli {

struct ExportArgs {
    std::string what, years, states, format = "csv", output, day = "12-31";
};

// Adds the subcommand and its options to app; args receive them.
CLI::App* add_export_command(CLI::App& app, ExportArgs& args);

// Runs it: 0 on success, 1 when the export failed, 2 for bad arguments.
int run_export(Engine& engine, const ExportArgs& args);

}  // namespace casus::cli
