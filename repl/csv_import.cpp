#include "csv_import.hpp"

// The engine's own CSV reader (RFC 4180, any line end, the file's
// encoding found, limits on fields), not a second one here.
#include "csv.hpp"

#include <algorithm>
#include <cctype>

namespace casus::cli {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// A cell as a quoted string of the language, which has no escapes: a
// value with a quote or a line break cannot be written, and is refused
// rather than let it change the statement.
std::string quoted(const std::string& cell, const std::string& column) {
    if (cell.find_first_of("\"\r\n") != std::string::npos)
        throw UsageError("the " + column + " holds a double quote or a line break, which a fact cannot hold");
    return "\"" + cell + "\"";
}

struct Layout {
    std::size_t arity = 0;
    long date = -1, source = -1;  // columns, -1: none
};

Layout layout_of(const FactKind& k, const std::vector<std::string>& header) {
    Layout l{k.arg_types.size()};
    if (header.size() < l.arity)
        throw UsageError(k.name + " has " + std::to_string(l.arity) + " arguments, and the header has only " +
                         std::to_string(header.size()) + " columns");
    for (std::size_t i = l.arity; i < header.size(); ++i) {
        std::string h = lower(header[i]);
        if (h != "date" && h != "source")
            throw UsageError("unexpected column '" + header[i] + "' after the " + std::to_string(l.arity) +
                             " arguments of " + k.name + " (only date and source may follow)");
        long& at = h == "date" ? l.date : l.source;
        if (at >= 0) throw UsageError("the header names '" + h + "' twice");
        at = static_cast<long>(i);
    }
    return l;
}

std::string statement_of(const FactKind& k, const Layout& l, const std::vector<std::string>& cells) {
    std::string text = "add " + k.name + "(";
    for (std::size_t i = 0; i < l.arity; ++i) {
        if (cells[i].empty()) throw UsageError("the " + k.arg_types[i] + " (column " + std::to_string(i + 1) + ") is empty");
        text += (i ? ", " : "") + quoted(cells[i], k.arg_types[i] + " (column " + std::to_string(i + 1) + ")");
    }
    text += ")";
    if (l.date >= 0 && !cells[l.date].empty()) {
        if (!is_date(cells[l.date])) throw UsageError("the date '" + cells[l.date] + "' is not YYYY-MM-DD");
        text += " on " + cells[l.date];
    }
    if (l.source >= 0 && !cells[l.source].empty()) text += " source " + quoted(cells[l.source], "source");
    return text;
}

}  // namespace

CsvImportReport import_csv(Engine& engine, const std::filesystem::path& file, const std::string& kind) {
    std::vector<FactKind> schema = engine.schema();
    auto k = std::find_if(schema.begin(), schema.end(), [&](const FactKind& f) { return f.name == kind; });
    if (k == schema.end()) throw UsageError("unknown fact kind '" + kind + "' (.schema lists them)");
    csv::Reader reader(file);
    Layout layout = layout_of(*k, reader.header());
    CsvImportReport report;
    // Every row is read and made a statement first: a file the reader
    // cannot go on with stops here, before the engine is asked anything.
    std::vector<std::string> statements;
    std::vector<std::size_t> lines;  // of each statement
    for (csv::Row row; reader.next(row);) {
        ++report.rows;
        try {
            if (row.cells.size() != reader.header().size())
                throw UsageError("the row has " + std::to_string(row.cells.size()) + " fields, the header " +
                                 std::to_string(reader.header().size()));
            statements.push_back(statement_of(*k, layout, row.cells));
            lines.push_back(row.line);
        } catch (const Error& e) {
            report.errors.push_back({row.line, e.what()});
        }
    }
    // The well-formed rows are checked too, so one run names every bad
    // row; they are added only when no row at all is bad.
    BatchOutcome outcome = engine.add_together(statements, !report.errors.empty());
    for (auto& e : outcome.errors) report.errors.push_back({lines.at(e.index), e.message});
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const CsvImportError& a, const CsvImportError& b) { return a.line < b.line; });
    report.added = outcome.added;
    return report;
}

}  // namespace casus::cli
