#include "output.hpp"

#include "answers.hpp"
#include "pager.hpp"
#include "render.hpp"
#include "sanitize.hpp"
#include "text_width.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace casus::cli {

using nlohmann::json;

bool parse_format(const std::string& name, Format& out) {
    if (name == "table") out = Format::table;
    else if (name == "text") out = Format::text;
    else if (name == "json") out = Format::json;
    else if (name == "csv") out = Format::csv;
    else return false;
    return true;
}

bool set_output_option(OutputOptions& o, const std::string& command, const std::string& arg, std::string& message,
                       std::string& error) {
    if (command == ".x") {
        if (arg == "on") o.expanded = Expanded::on;
        else if (arg == "off") o.expanded = Expanded::off;
        else if (arg == "auto") o.expanded = Expanded::automatic;
        else if (!arg.empty()) error = ".x takes on, off or auto (one record per block when the table is wider than the terminal)";
        message = std::string("expanded display is ") +
                  (o.expanded == Expanded::on ? "on" : o.expanded == Expanded::off ? "off" : "auto");
        return true;
    }
    if (command == ".pager") {
        if (arg == "on") o.pager = true;
        else if (arg == "off") o.pager = false;
        else if (!arg.empty()) error = ".pager takes on or off";
        const std::string pager = pager_command();
        message = std::string("pager is ") + (o.pager ? "on" : "off") +
                  (o.pager ? pager.empty() ? " (but no pager: set $PAGER)" : " (" + pager + ", for answers longer than the screen)" : "");
        return true;
    }
    return false;
}

// The answer is rendered whole before it is written when it may go to the
// pager (only then is its length known); to a file or a pipe it streams.
void print_result(std::ostream& out, const Result& result, const std::string& question, const OutputOptions& o) {
    // Dyad rows written to stdout are the output: nothing is added to them.
    if (auto* x = std::get_if<ExportResult>(&result); x && x->file.empty()) return;
    const Names& names = Names::of(o.format == Format::json || o.format == Format::csv ? nullptr : o.engine);
    const Answer answer = answer_of(result, names);
    const bool screen = &out == &std::cout && terminal_lines() > 0;
    const std::size_t width = o.width > 0 ? static_cast<std::size_t>(o.width) : screen ? terminal_columns() : 0;
    if (!screen || !o.pager) {
        render(out, answer, question, o, width);
        return;
    }
    std::ostringstream buffer;
    render(buffer, answer, question, o, width);
    write_to_screen(buffer.str(), true);
}

void print_import(std::ostream& out, const ImportResult& result, const OutputOptions& opts) {
    print_result(out, result, "", opts);
}

void print_explanation(std::ostream& out, const DefendersResult& result) {
    if (!result.answers.empty()) render_text(out, explanation_of(result));
}

// RFC 4180: a field with a comma, a quote or a line feed is quoted. Control
// codes other than line feed and tab are escaped (Shown::csv), since CSV
// is read on terminals too.
std::string csv_cell(const std::string& raw) {
    if (shown_as_is(raw, Shown::csv) && raw.find_first_of(",\"\n") == std::string::npos) return raw;
    std::string s = shown(raw, Shown::csv);
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_csv(std::ostream& out, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
        out << "\n";
    };
    line(header);
    for (auto& r : rows) line(r);
}

// FILE:LINE:COL counts the columns of the text as typed; the echoed line is
// escaped (shown()), so the caret is placed by the escaped text's widths.
void print_error(std::ostream& err, std::ostream& out, const Error& e, const Origin& origin, const OutputOptions& opts) {
    int line = origin.first_line, col = 1;
    std::string source_line;
    std::size_t caret_at = 0, caret_len = 1;
    bool located = false;
    if (auto* le = dynamic_cast<const LocatedError*>(&e); le && !origin.text.empty()) {
        located = true;
        std::size_t off = std::min(le->offset(), origin.text.size());
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < off; ++i)
            if (origin.text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        col = static_cast<int>(display_width(origin.text.substr(line_start, off - line_start))) + 1;
        std::size_t line_end = origin.text.find('\n', line_start);
        source_line = origin.text.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
        std::string rest = source_line.substr(std::min(off - line_start, source_line.size()));
        caret_at = display_width(shown(origin.text.substr(line_start, off - line_start)));
        // The span, cut at the end of the line, where the caret may stand one past it.
        caret_len = le->length() <= rest.size() ? display_width(shown(rest.substr(0, le->length())))
                                                : display_width(shown(rest)) + 1;
        caret_len = std::max<std::size_t>(1, caret_len);
    }
    err << shown(origin.file) << ":" << line << ":" << col << ": error: " << shown(e.what()) << "\n";
    if (located && !source_line.empty()) {
        err << "    " << shown(source_line) << "\n";
        err << "    " << std::string(caret_at, ' ') << "^" << std::string(caret_len - 1, '~') << "\n";
    }
    if (opts.format == Format::json) {
        json j{{"error", {{"kind", e.kind()}, {"message", e.what()}, {"file", origin.file}, {"line", line}, {"column", col}}}};
        if (!origin.text.empty()) j["question"] = origin.text;
        out << json_text(std::move(j)) << "\n";
    }
}

}  // namespace casus::cli
