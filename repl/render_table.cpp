#include "render.hpp"

#include "sanitize.hpp"
#include "text_width.hpp"

#include <algorithm>
#include <numeric>

namespace casus::cli {

namespace {

constexpr std::size_t gap = 2;  // blanks between two columns

// The colour of a verdict's cell on a terminal.
const char* verdict_colour(const std::string& verdict) {
    return verdict == "likely" ? "\033[32m" : verdict == "unlikely" ? "\033[31m" : "\033[33m";
}

// The table's cells as they will be shown: escaped (shown()) before they are
// measured, and the only control codes printed are the colours added at
// the end, never counted in a width.
struct Grid {
    std::vector<const Column*> columns;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

Grid grid_of(const Table& t) {
    Grid g;
    g.columns = flat_columns(t, in_terminal);
    for (auto* c : g.columns) g.header.push_back(shown(c->header));
    for (std::size_t i = 0; i < t.size; ++i)
        for (auto& cells : flat_cells(t, t.row(i, in_terminal), in_terminal)) {
            for (auto& c : cells)
                if (!shown_as_is(c)) c = shown(c);
            g.rows.push_back(std::move(cells));
        }
    return g;
}

std::size_t total(const std::vector<std::size_t>& w) {
    return w.empty() ? 0 : std::accumulate(w.begin(), w.end(), std::size_t{0}) + gap * (w.size() - 1);
}

std::vector<std::size_t> natural_widths(const Grid& g) {
    std::vector<std::size_t> w(g.header.size());
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = display_width(g.header[i]);
    for (auto& r : g.rows)
        for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], display_width(r[i]));
    return w;
}

// psql's wrapped format: the widest column gives up a column at a time
// until the table fits, none below its header's width (so headers stay
// whole) or 8 columns, whichever is less. A table that cannot fit so is
// printed as narrow as that, and the terminal wraps it.
std::vector<std::size_t> fitted_widths(const Grid& g, std::size_t limit) {
    auto w = natural_widths(g);
    if (limit == 0) return w;
    std::vector<std::size_t> floor(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) floor[i] = std::min(w[i], std::max<std::size_t>(display_width(g.header[i]), 8));
    while (total(w) > limit) {
        std::size_t widest = w.size();
        for (std::size_t i = 0; i < w.size(); ++i)
            if (w[i] > floor[i] && (widest == w.size() || w[i] >= w[widest])) widest = i;
        if (widest == w.size()) break;
        --w[widest];
    }
    return w;
}

void print_line(std::ostream& out, const std::vector<std::vector<std::string>>& cells, const std::vector<std::size_t>& w,
                const Grid& g, bool color, bool is_header) {
    std::size_t height = 0;
    for (auto& c : cells) height = std::max(height, c.size());
    for (std::size_t l = 0; l < height; ++l) {
        std::string s;
        std::size_t pending = 0;  // blanks owed before the next non-empty text
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string text = l < cells[i].size() ? cells[i][l] : "";
            if (!text.empty()) {
                s += std::string(pending, ' ');
                pending = 0;
                const bool verdict = !is_header && color && g.columns[i]->type == ColumnType::verdict;
                s += verdict ? verdict_colour(text) + text + "\033[0m" : text;
            }
            pending += w[i] - std::min(w[i], display_width(text)) + gap;
        }
        if (is_header && color) out << "\033[1m" << s << "\033[0m\n";
        else out << s << "\n";
    }
}

void aligned(std::ostream& out, const Grid& g, bool color, std::size_t limit, bool headers) {
    auto w = fitted_widths(g, limit);
    auto wrapped = [&](const std::vector<std::string>& row) {
        std::vector<std::vector<std::string>> cells;
        for (std::size_t i = 0; i < row.size() && i < w.size(); ++i) cells.push_back(wrap_text(row[i], w[i]));
        return cells;
    };
    if (headers) {  // .headers off: the rows alone, still fitted to the headers' widths
        print_line(out, wrapped(g.header), w, g, color, true);
        std::vector<std::vector<std::string>> rule;
        for (auto x : w) rule.push_back({std::string(x, '-')});
        print_line(out, rule, w, g, false, false);
    }
    for (auto& r : g.rows) print_line(out, wrapped(r), w, g, color, false);
}

// One record per block, psql's \x: the headers down the left, each value
// wrapped in what is left of the width.
void expanded(std::ostream& out, const Grid& g, bool color, std::size_t limit) {
    std::size_t label = 0;
    for (auto& h : g.header) label = std::max(label, display_width(h));
    const std::size_t room = limit > label + 3 + 8 ? limit - label - 3 : 0;  // 0: no limit
    for (std::size_t n = 0; n < g.rows.size(); ++n) {
        std::string head = "-[ RECORD " + std::to_string(n + 1) + " ]";
        std::size_t rule = limit ? limit : label + 3 + 20;
        out << head << std::string(rule > display_width(head) ? rule - display_width(head) : 0, '-') << "\n";
        for (std::size_t i = 0; i < g.header.size() && i < g.rows[n].size(); ++i) {
            const std::string& v = g.rows[n][i];
            auto lines = room ? wrap_text(v, room) : std::vector<std::string>{v};
            for (std::size_t l = 0; l < lines.size(); ++l) {
                std::string name = l == 0 ? g.header[i] : "";
                std::string text = lines[l];
                if (color && g.columns[i]->type == ColumnType::verdict && !text.empty())
                    text = verdict_colour(text) + text + "\033[0m";
                std::string s = name + std::string(label - display_width(name), ' ') + " | " + text;
                while (!s.empty() && s.back() == ' ') s.pop_back();
                out << s << "\n";
            }
        }
    }
}

}  // namespace

void render_table(std::ostream& out, const Answer& a, bool color, std::size_t width, Expanded mode, bool headers) {
    if (a.explanation) {
        render_tree(out, *a.explanation);
        render_notes(out, a);
        return;
    }
    if (!a.title.empty()) out << shown(a.title) << "\n";
    if (shown_in(a.table, in_terminal)) {
        Grid g = grid_of(a.table);
        const bool wide = width > 0 && total(natural_widths(g)) > width;
        if (g.rows.empty()) {
            aligned(out, g, color, width, headers);
            out << "(none)\n";
        } else if (mode == Expanded::on || (mode == Expanded::automatic && wide)) {
            expanded(out, g, color, width);
        } else {
            aligned(out, g, color, width, headers);
        }
    }
    render_notes(out, a);
}

}  // namespace casus::cli
