// Each kind of result turned into the one answer model (answer_model.hpp),
// once; the formats (render.hpp) print the model and know no kind.
#pragma once

#include "answer_model.hpp"
#include "casus/engine.hpp"
#include "casus/results.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>

namespace casus::cli {

// The display name of every id the engine knows ("csto" -> "Collective
// Security Treaty Organization"), for titles and rows; an id without a
// name is shown as itself. Without an engine, every id is its own name.
class Names {
public:
    explicit Names(const Engine* engine);
    // The table of engine's names as they are now, built once and kept
    // until they change (Engine::names_revision): copying the thousands
    // of names of the default kb into a map for every printed result was
    // half of a script's time (docs/performance.md, finding 20). Without
    // an engine, the table where every id is its own name.
    static const Names& of(const Engine* engine);
    const std::string& operator()(const std::string& id) const;

private:
    std::unordered_map<std::string, std::string> name_;
};

Answer answer_of(const Result& result, const Names& names);

// The proof tree of a `why` answer (its first assessment), for .why.
Answer explanation_of(const DefendersResult& result);

}  // namespace casus::cli
