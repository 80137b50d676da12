// The kinds of answer, each turned into the model (answer_model.hpp): the
// defenders' questions, the explanation and the matrix in
// answers_defenders.cpp, the facts, lists and changes in answers_facts.cpp;
// answers.cpp picks one by the result's type.
#pragma once

#include "answers.hpp"

#include <optional>

namespace casus::cli::kinds {

inline Value date_value(const std::optional<Date>& d) { return d ? Value(d->str()) : Value(nullptr); }

inline std::string as_of_note(const Date& d, bool hypothetical) {
    return " (as of " + d.str() + (hypothetical ? ", supposing the changes given" : "") + ")";
}

// who would / must defend, would S defend.
Answer defenders(const DefendersResult& r);
// why would S (not) defend: a tree for people, a row per piece of evidence for CSV.
Answer why(const DefendersResult& r);
// The rows are made from r as they are written: r must outlive the answer.
Answer matrix(const MatrixResult& r);
// facts (ties and facts about, not history), treaties, backers and change
// make their rows from r as they are written, as matrix does: r must
// outlive the answer (print_result renders it at once).
Answer facts(const FactsResult& r, const Names& names);
Answer treaties(const TreatiesResult& r, const Names& names);
Answer members(const MembersResult& r, const Names& names);
Answer backers(const BackersResult& r, const Names& names);
Answer entities(const EntitiesResult& r);
Answer change(const ChangeResult& r);
Answer import(const ImportResult& r);
Answer exported(const ExportResult& r);  // export dyads to a file: what was written where

}  // namespace casus::cli::kinds
