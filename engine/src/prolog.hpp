// The single embedded SWI-Prolog: start-up with bounded stacks and no
// signal handling, and calls that turn every Prolog exception into a
// casus::Error (never a debugger prompt, never a silent false).
#pragma once

#include <SWI-cpp2.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace casus::prolog {

// Starts Prolog once per process (later calls return at once), from the
// saved state `state` (the kb already loaded) unless it is empty.
void start(std::size_t stack_limit_mb, const std::filesystem::path& state = {});

// Loads a Prolog module file (the engine's own support module, loaded
// before anything else can report errors).
void load_module(const std::filesystem::path& file);

// Loads a file into module user, collecting every error Prolog reports
// while loading; throws KbLoadError naming file and line.
void load(const std::filesystem::path& file);

// Loads a user's rule file (trusted path) into module casus_user, under
// the time limit; throws KbLoadError naming file and line.
void load_user_rules(const std::filesystem::path& file, double timeout_seconds);

// How much casus may grow while a statement that runs user rules (a
// question, a rule file loading) runs: by default the stack limit and
// 1 GB of heap (assertz), measured as resident memory by the watchdog
// (limits.hpp).
std::size_t memory_limit_mb();
void set_memory_limit_mb(std::size_t mb);  // 0: that default

// Ctrl-C support. Prolog runs with --signals=false, so SIGINT never
// reaches it; enable_interrupts() registers a synthetic Prolog signal
// whose handler throws casus_interrupted, and interrupt(), which is
// async-signal-safe, raises it: the running call stops at its next
// inference with an InterruptedError.
void enable_interrupts();
void interrupt() noexcept;
// Drops an interrupt that came before now (see Engine::clear_interrupt).
void clear_interrupt() noexcept;

// Frees every term reference made while it lives (one statement).
class Frame {
public:
    Frame();
    ~Frame();
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;
private:
    fid_t fid_;
};

// Calls Module:Goal once. Returns false if it failed; throws a casus
// error if it raised. Inside a statement (limits::Scope) the call is
// bounded by the statement's limits, and a question's call runs in a
// snapshot; outside one, timeout_seconds > 0 bounds the call alone.
bool call(const char* module, const PlTerm& goal, double timeout_seconds = 0);

// Calls Module:Goal and on_solution() after each solution, until Goal
// has no more or on_solution() returns false; throws a casus error if
// it raised (Ctrl-C included). For a goal of a million solutions that
// are consumed one by one (a snapshot being written).
void for_each_solution(const char* module, const PlTerm& goal, const std::function<bool()>& on_solution);

// Text in and out, always UTF-8.
PlTerm atom(const std::string& text);
PlTerm string(const std::string& text);
PlTerm integer(long value);
PlTerm list(const std::vector<PlTerm>& items);
PlTerm compound(const std::string& functor, const std::vector<PlTerm>& args);
// Puts the atom Text into t with the raw C interface, for bulk term
// building (a batch of adds): ASCII text directly, other text as UTF-8.
void put_atom(term_t t, const std::string& text);
std::string text(const PlTerm& t);  // atom, string, number or any term (written)
long integer_of(const PlTerm& t);
double number_of(const PlTerm& t);
std::vector<PlTerm> list_items(const PlTerm& list);
PlTerm arg(const PlTerm& t, int n);  // 1-based

}  // namespace casus::prolog
