// One model of an answer, whatever its kind, that every format renders
// (render.hpp): a title, notes, a table of named and typed columns, and an
// optional explanation tree. The kinds are turned into it in answers.cpp,
// once; the formats know nothing of the kinds. This is psql's
// printTableContent (fe_utils/print.c): build the table, then print it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace casus::cli {

// A cell: null (an empty field), a bool, a number or a text; a column of
// type records holds an array of records, each an array of values in the
// order of the column's sub-columns (JSON writes it as objects keyed by
// them), or, without sub-columns, JSON values written as they are. JSON's
// own value type, since JSON is the one format that keeps every type.
using Value = nlohmann::json;

// How a cell is written where it is written as text (text, table, CSV).
// JSON writes the value as it is.
enum class ColumnType {
    text,     // as it is
    integer,  // 705
    date,     // a text YYYY-MM-DD, or null
    score,    // +4.50: a verdict's score, two decimals and a sign
    weight,   // +1.0, -1.5, +0.25: a factor's weight, with a sign
    flag,     // yes / no
    verdict,  // likely / uncertain / unlikely (coloured on a terminal)
    probability,  // 0.62: a probability in [0, 1], two decimals
    records,  // a list of records with their own columns (sub)
};

// Where a column is written. A column can be for people only (a treaty's
// joined clauses), for programs only (an id, a nested list of evidence), or both.
enum Where : unsigned { in_terminal = 1, in_csv = 2, in_json = 4, everywhere = 7 };
// Asked with the format's Where by text output, which prints a row's line
// when it has one: a kind may then make the line alone.
constexpr unsigned as_line = 8;

struct Column {
    std::string key;     // the JSON key
    std::string header;  // the heading in table and CSV
    ColumnType type = ColumnType::text;
    unsigned where = everywhere;
    std::vector<Column> sub;  // type records: the columns of each record
    // JSON, optional: writes row i's cell as JSON straight into out, for a
    // cell too large to build as a Value first (a defender's bases and
    // factors with their evidence: tens of KB an answer). Its rows leave
    // the cell null, and JSON writes what this writes: valid JSON, every
    // text through append_json_string (sanitize.hpp).
    std::function<void(std::string& out, std::size_t i)> write_json;
};

struct Row {
    std::vector<Value> cells;  // one per column, in order
    // The row as a sentence, when the kind has one ("Russia is obligated
    // under ..."): text output prints it instead of the cells.
    std::string line;
};

// The rows are produced one at a time, so that an answer of millions of
// rows (the defence matrix) is never held as a table of strings.
struct Table {
    std::vector<Column> columns;
    std::size_t size = 0;
    // Row i, for the format where (in_terminal, in_csv, in_json, maybe
    // | as_line): a kind may leave null the cells of columns not written
    // there, so that a million rows cost only what is printed of them.
    std::function<Row(std::size_t i, unsigned where)> row;
    std::string json_key;    // the JSON array of the rows ("answers", "members"); empty: not in JSON
    std::string empty_text;  // what text output says when there is no row
};

// An explanation: a line and the lines that support it (a proof tree).
struct Node {
    std::string text;
    std::vector<Node> children;
};

struct Answer {
    std::string title;  // "Who backs Azerbaijan (as of 2026-11-28)"
    // Said once under the answer (text, table) and a JSON list "notes":
    // the sources an answer drew on and where each ends, caveats.
    std::vector<std::string> notes;
    Table table;
    std::optional<Node> explanation;  // text and table print it instead of the table
    // JSON only: the answer's own fields ("kind", "as_of", "ally", ...).
    nlohmann::json fields = nlohmann::json::object();
    // The line text and table print for a one-line answer ("added ...");
    // then neither the title nor the table is printed there.
    std::string sentence;
};

// A table of rows built in full (small answers).
Table table_of(std::vector<Column> columns, std::vector<Row> rows, std::string json_key, std::string empty_text = "(none)");

// The numbers as every format writes them in text.
std::string score_text(double score);    // +4.50
std::string weight_text(double weight);  // +1.0, -1.5, -0.75

// A cell as text (not yet escaped: the renderers pass it through shown()).
std::string cell_text(const Value& v, ColumnType type);

// The columns written where (terminal or csv), a records column among
// them replaced by its own columns: the defence matrix is a row per
// defender there, its pair repeated.
std::vector<const Column*> flat_columns(const Table& table, unsigned where);
// The lines of one row under flat_columns(table, where), as text: one,
// or one per record of its records column (none when it has no record).
std::vector<std::vector<std::string>> flat_cells(const Table& table, const Row& row, unsigned where);

// Whether the table is written where: a column of its is, and it has a
// row or something to say when it has none.
bool shown_in(const Table& table, unsigned where);

}  // namespace casus::cli
