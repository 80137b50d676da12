// Printing answers and errors: table, text, JSON Lines, CSV.
#pragma once

#include "casus/engine.hpp"
#include "casus/errors.hpp"
#include "casus/results.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace casus::cli {

enum class Format { table, text, json, csv };
bool parse_format(const std::string& name, Format& out);

// How a table fits a terminal narrower than it: wrapped inside its cells
// (off), or one record per block (on; auto when the table is wider than
// the terminal), as psql's \x and sqlite3's .mode line.
enum class Expanded { off, on, automatic };

// The output settings of a session. The REPL's dot-commands change them
// (set_output_option); main sets them from the command line.
struct OutputOptions {
    Format format = Format::text;
    bool color = false;
    Expanded expanded = Expanded::off;  // .x on|off|auto
    // Output longer than the screen goes through $PAGER (else `less -FRX`)
    // when stdout is a terminal; .pager off and --no-pager turn it off.
    bool pager = true;
    // The width tables fit; 0: the terminal's when stdout is one, else no limit.
    int width = 0;
    // Where titles and rows find display names (answers.hpp); null: ids.
    const Engine* engine = nullptr;
    bool headers = true;  // .headers on|off: column headers in table and csv (set by the session)
};

// The dot-commands of these settings: `.x [on|off|auto]` and `.pager
// [on|off]`. Returns false when command is not one of them; otherwise
// sets the option, or leaves it and puts what is wrong in error, and puts
// what the setting now is in message.
bool set_output_option(OutputOptions& opts, const std::string& command, const std::string& arg, std::string& message,
                       std::string& error);

// One CSV field, RFC 4180, its text shown safely (sanitize.hpp), and a
// table of them with its header: every CSV casus writes goes through these.
std::string csv_cell(const std::string& raw);
void print_csv(std::ostream& out, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// Prints one answer. question is the statement as typed (for JSON).
void print_result(std::ostream& out, const Result& result, const std::string& question, const OutputOptions& opts);

// The summary of an import: counts, then every row skipped or repaired.
void print_import(std::ostream& out, const ImportResult& result, const OutputOptions& opts);

// The proof tree of one assessment, indented, each leaf with its source.
void print_explanation(std::ostream& out, const DefendersResult& result);

// Where a statement came from, to turn an error offset into FILE:LINE:COL.
struct Origin {
    std::string file;  // "<stdin>", "-e", a path
    int first_line = 1;
    std::string text;  // the statement text
};

// Prints FILE:LINE:COL: error: MESSAGE, the source line and a caret to
// err; in JSON mode also {"error": {...}} to out.
void print_error(std::ostream& err, std::ostream& out, const Error& e, const Origin& origin, const OutputOptions& opts);

}  // namespace casus::cli
