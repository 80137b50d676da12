// Each kind of result turned into the one answer model (answer_model.hpp),
// once; the formats (render.hpp) print the model and know no kind.
#pragma once

#include "answer_model.hpp"
#include "casus/engine.hpp"
#include "casus/results.hpp"

#include <string>

namespace casus::cli {

// The display name of every id the engine knows ("csto" -> "Collective
// Security Treaty Organization", Engine::name_of), for titles and rows; an
// id without a name is shown as itself. Without an engine, every id is its
// own name; with one but without titles (JSON, CSV), operator() gives ids
// and on() still names.
class Names {
public:
    explicit Names(const Engine* engine, bool titles = true);
    std::string operator()(const std::string& id) const;
    // The name id bore on a date (a state renamed: Yugoslavia in 1980,
    // Serbia in 2026; Engine::name_on), for answers about that date.
    std::string on(const std::string& id, const Date& date) const;

private:
    const Engine* engine_ = nullptr;
    bool titles_ = true;
};

Answer answer_of(const Result& result, const Names& names);

// The proof tree of a `why` answer (its first assessment), for .why.
Answer explanation_of(const DefendersResult& result);

}  // namespace casus::cli
