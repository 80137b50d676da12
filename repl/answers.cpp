#include "answers.hpp"

#include "answer_kinds.hpp"
#include "coverage_note.hpp"

namespace casus::cli {

Names::Names(const Engine* engine, bool titles) : engine_(engine), titles_(titles) {}

namespace {

// The table of the engine's display names as they are now, built once and
// kept until they change (Engine::names_revision, never the same for two
// engines): copying the thousands of names of the default kb into a map
// for every printed result was half of a script's time (docs/performance.md).
const std::unordered_map<std::string, std::string>& shared_table(const Engine& engine) {
    static std::unordered_map<std::string, std::string> table;
    static std::size_t kept_revision = 0;  // revisions start at 1
    if (kept_revision != engine.names_revision()) {
        table.clear();
        // The first spelling that is not the id itself is the display name,
        // as the engine's own answers (ally_name) choose it.
        for (auto& e : engine.names())
            if (e.text != e.id) table.emplace(e.id, e.text);
        kept_revision = engine.names_revision();
    }
    return table;
}

}  // namespace

const std::string& Names::operator()(const std::string& id) const {
    if (!table_ && engine_ && titles_) table_ = &shared_table(*engine_);
    if (!table_) return id;
    auto it = table_->find(id);
    return it == table_->end() ? id : it->second;
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
