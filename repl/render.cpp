#include "render.hpp"

namespace casus::cli {

void render(std::ostream& out, const Answer& answer, const std::string& question, const OutputOptions& opts, std::size_t width) {
    switch (opts.format) {
        case Format::text: render_text(out, answer); break;
        case Format::table: render_table(out, answer, opts.color, width, opts.expanded, opts.headers); break;
        case Format::csv: render_csv(out, answer, opts.headers); break;
        case Format::json: render_json(out, answer, question); break;
    }
}

}  // namespace casus::cli
