// The limits of one statement: a deadline and a cap on how much casus may
// grow while the statement runs, watched by one thread that raises a
// synthetic Prolog signal when either is passed. One set of limits per
// statement (a question, an import, a rule file being loaded), set when
// it starts: every Prolog call it makes and every C++ loop between them
// (check()) is bounded by the same deadline, so a statement of a thousand
// calls cannot run a thousand times the limit.
#pragma once

#include <cstddef>
#include <string>

namespace casus::limits {

// What a statement is and what is true of the kb when a limit stops it,
// for the message ("the question", "the kb is unchanged").
struct Statement {
    const char* what;
    const char* unchanged;
    bool question;  // runs in a Prolog snapshot: nothing it does to the database stays
};

inline constexpr Statement question{"the question", "the kb is unchanged", true};
inline constexpr Statement import{"the import", "nothing of it was written", false};
inline constexpr Statement rule_file{"loading the rule file", "nothing of it stays loaded", false};

// The heap a statement running user rules may add beyond the stack limit.
inline constexpr std::size_t growth_mb = 1024;

// Sets the limits of a statement for as long as it lives. Nested scopes
// (a call made inside a statement) keep the outer statement's limits.
// timeout_seconds 0: no deadline; memory_mb 0: no memory cap.
class Scope {
public:
    Scope(double timeout_seconds, std::size_t memory_mb, const Statement& statement);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    bool owner_;
};

// The statement running now, if any.
const Statement* current();

// True once the running statement passed its deadline or its memory cap.
bool reached();

// Throws LimitError (with the statement's message) if a limit was reached.
void check();

// The message of the limit reached, e.g. "timeout after 2 s: the question
// ran longer than the time limit (--timeout); the kb is unchanged".
std::string message();

// The synthetic Prolog signal the watchdog raises in the engine thread,
// and that thread's id; set once Prolog runs.
void set_signal(int signal, int engine_thread);

// Brackets the time Prolog runs (PL_next_solution): only a loop inside
// Prolog that ignores the signal makes the watchdog end the process.
class InProlog {
public:
    InProlog();
    ~InProlog();
    static bool active();
};

}  // namespace casus::limits
