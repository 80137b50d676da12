#include "answers.hpp"

#include "answer_kinds.hpp"
#include "coverage_note.hpp"

namespace casus::cli {

Names::Names(const Engine* engine, bool titles) : engine_(engine), titles_(titles) {}

std::string Names::operator()(const std::string& id) const {
    return engine_ && titles_ ? engine_->name_of(id) : id;
}

std::string Names::on(const std::string& id, const Date& date) const {
    return engine_ ? engine_->name_on(id, date) : id;
}

namespace {
Answer kind_answer(const Result& result, const Names& names);
}  // namespace

Answer explanation_of(const DefendersResult& result) { return kinds::why(result); }

Answer answer_of(const Result& result, const Names& names) {
    Answer a = kind_answer(result, names);
    // The sources an answer drew on: a JSON field, and a note under it when
    // its date lies past a source's end (coverage_note.hpp).
    if (const Coverage* c = coverage_of(result)) {
        a.fields["coverage"] = coverage_json(*c);
        if (auto line = coverage_line(*c)) a.notes.push_back(*line);
    }
    return a;
}

namespace {
Answer kind_answer(const Result& result, const Names& names) {
    using namespace kinds;
    return std::visit(
        [&](const auto& r) -> Answer {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, DefendersResult>) return r.kind == DefendersResult::Kind::why ? why(r) : defenders(r);
            else if constexpr (std::is_same_v<T, MatrixResult>) return matrix(r);
            else if constexpr (std::is_same_v<T, FactsResult>) return facts(r, names);
            else if constexpr (std::is_same_v<T, TreatiesResult>) return treaties(r, names);
            else if constexpr (std::is_same_v<T, MembersResult>) return members(r, names);
            else if constexpr (std::is_same_v<T, BackersResult>) return backers(r, names);
            else if constexpr (std::is_same_v<T, EntitiesResult>) return entities(r);
            else if constexpr (std::is_same_v<T, ChangeResult>) return change(r);
            else if constexpr (std::is_same_v<T, ExportResult>) return exported(r);
            else return import(r);
        },
        result);
}
}  // namespace

}  // namespace casus::cli
