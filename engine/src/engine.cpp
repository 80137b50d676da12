// The engine's facade: Engine forwards to its Impl, whose stages live in
// their own files (engine_impl.hpp lists them): opening the store
// (store, replay, kb_tables), resolving a statement (resolve), changes
// (changes, store_ops), imports (importers) and questions (questions).
// No user text is ever read by Prolog as code.
#include "casus/engine.hpp"

#include "coverage.hpp"
#include "engine_impl.hpp"
#include "parser.hpp"
#include "prolog.hpp"

#include <filesystem>
#include <string>
#include <vector>

#ifndef CASUS_VERSION
#define CASUS_VERSION "0.0.0"
#endif

namespace casus {

void must_call(const PlTerm& goal) {
    if (!prolog::call("api", goal)) {
        char* name = nullptr;
        atom_t a;
        size_t arity;
        if (PL_get_name_arity(goal.C_, &a, &arity)) name = const_cast<char*>(PL_atom_chars(a));
        throw PrologError(std::string("the kb predicate ") + (name ? name : "?") + " failed where it must succeed");
    }
}

// A statement goes to its stage: a question to questions.cpp, an add or
// a retract to changes.cpp, an import to importers.cpp.
Result Engine::Impl::run(const ParsedStatement& ps) {
    // Whatever is not another add sees the store with the queued adds in.
    if (!queue.empty() && !boost::get<ast::Add>(&ps.tree)) apply_queue();
    prolog::Frame frame;
    return boost::apply_visitor([&](const auto& node) -> Result { return run_node(ps, node); }, ps.tree);
}

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Engine::~Engine() {
    try {
        if (impl_ && impl_->journal) impl_->commit();
    } catch (...) {
        // Nothing buffered was acknowledged; dropping it loses no promise.
    }
}

Result Engine::execute(const std::string& statement) {
    ParsedStatement ps = parse_statement(statement, &impl_->names);
    Result r = impl_->run(ps);
    impl_->coverage_cache.fill(r, impl_->next_id > 1);  // next_id > 1: facts were added
    return r;
}

void Engine::load_rules(const std::filesystem::path& file) {
    prolog::load_user_rules(file, impl_->options.timeout_seconds);
}

ImportResult Engine::import_atop(const std::filesystem::path& atop_dir, const std::filesystem::path& states_csv) {
    prolog::Frame frame;
    return impl_->import_atop(atop_dir, states_csv);
}

void Engine::set_progress(Progress progress) { impl_->progress = std::move(progress); }

void Engine::write_imports_as_kb(const std::filesystem::path& file, const std::string& origin) {
    prolog::Frame frame;
    must_call(prolog::compound("api_write_added_as_kb", {prolog::atom(file.string()), prolog::string(origin)}));
}

void Engine::set_group_commit(bool on) {
    impl_->group_commit = on;
    if (!on) commit();
}

std::size_t Engine::commit() { return impl_->commit(); }
std::size_t Engine::pending() const { return (impl_->journal ? impl_->journal->pending() : 0) + impl_->queue.size(); }

std::vector<Rejection> Engine::take_rejections() {
    std::vector<Rejection> out;
    out.swap(impl_->rejections);
    return out;
}
const JournalReport& Engine::journal_report() const { return impl_->report; }
std::vector<NameEntry> Engine::names() const { return impl_->names.entries(); }
std::string Engine::name_of(const std::string& id) const { return impl_->display(id); }

std::string Engine::name_on(const std::string& id, const Date& on) const { return impl_->display(id, on); }

std::vector<FactKind> Engine::schema() const {
    std::vector<FactKind> out;
    for (auto& [_, k] : impl_->kinds) out.push_back(k);
    return out;
}

std::size_t Engine::compact() {
    auto& d = *impl_;
    if (!d.journal) throw UsageError("nothing to compact: this session keeps its facts in memory (--memory)");
    if (d.journal->read_only())
        throw StorageError("cannot compact: the data directory is read-only in this session (" + d.journal->read_only_reason() + ")");
    return d.compact();
}

std::filesystem::path Engine::default_kb_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "casus" / "kb";
        if (std::filesystem::exists(installed / "casus.pl")) return installed;
    }
#ifdef CASUS_SOURCE_KB_DIR
    if (std::filesystem::exists(std::filesystem::path(CASUS_SOURCE_KB_DIR) / "casus.pl")) return CASUS_SOURCE_KB_DIR;
#endif
#ifdef CASUS_INSTALL_KB_DIR
    return CASUS_INSTALL_KB_DIR;
#else
    return "kb";
#endif
}

const char* Engine::version() { return CASUS_VERSION; }

void Engine::interrupt() noexcept { prolog::interrupt(); }
void Engine::clear_interrupt() noexcept { prolog::clear_interrupt(); }

}  // namespace casus
