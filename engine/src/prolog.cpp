#include "prolog.hpp"

#include "casus/errors.hpp"
#include "limits.hpp"

#include <SWI-Prolog.h>
#include <SWI-Stream.h>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>
#include <unistd.h>

namespace casus::prolog {

namespace {

// Never destroyed: ~PlEngine runs PL_cleanup(), which frees every clause,
// atom and stack one by one, 2-3 ms of every run (a sixth of a cold start),
// and nothing casus keeps depends on it (the journal is synced when a
// batch commits). At exit only Prolog's output streams are flushed (a
// user's rule may have written to them): see FlushAtExit in start().
// Under AddressSanitizer the engine is destroyed as before, or its leak
// check would report all of Prolog's memory.
PlEngine* the_engine = nullptr;
#if defined(__SANITIZE_ADDRESS__)
constexpr bool cleanup_at_exit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool cleanup_at_exit = true;
#else
constexpr bool cleanup_at_exit = false;
#endif
#else
constexpr bool cleanup_at_exit = false;
#endif
std::atomic<int> interrupt_signal{0};
// Set by interrupt(), taken by the signal's handler (interrupt_wanted/0)
// and dropped by clear_interrupt() when a new statement begins: a Ctrl-C
// whose signal is still pending when its statement has ended (it came
// while the answer was printed) then cancels nothing.
std::atomic<bool> interrupt_requested{false};
foreign_t interrupt_wanted() { return interrupt_requested.exchange(false) ? TRUE : FALSE; }

std::size_t stack_limit = 0;  // MB, as started
std::size_t memory_limit = 0;  // MB; 0: the stack limit + limits::growth_mb

// The signal handler (casus_errors:time_limit_signal/1) asks whether the
// running statement passed a limit; a signal that arrives after its
// statement ended is ignored.
foreign_t limit_reached() { return limits::reached() ? TRUE : FALSE; }

// A rule called halt/0,1 (casus_user's own, or the system's through the
// at_halt/1 hook, which cancels it while casus is inside a call): the
// call that made it ends with an error, not the process.
std::atomic<bool> halt_requested{false};
std::atomic<long> halt_status{-1};
foreign_t refuse_halt(term_t status) {
    long s = -1;
    if (!PL_get_long(status, &s)) s = -1;
    if (!limits::InProlog::active()) return FALSE;
    halt_status.store(s);
    halt_requested.store(true);
    return TRUE;
}

// The at_halt/1 hook's question: cancel the system's halt? Yes inside a
// call. SWI-Prolog 9.0.4 forces the tenth halt of a process however the
// hook answers (only a halt built at run time gets here: the halt/0,1
// goals of a rule file are casus_user's); rather than exit with the
// rule's status and no word, casus says so and exits 3, as when a limit
// cannot stop Prolog.
foreign_t refuse_system_halt() {
    if (!limits::InProlog::active()) return FALSE;
    static int refused = 0;
    if (++refused >= 10) {
        static const char msg[] =
            "casus: a rule called halt ten times, and SWI-Prolog allows only nine to be refused; exiting. "
            "Every acknowledged fact is on disk.\n";
        (void)!::write(2, msg, sizeof msg - 1);
        ::_exit(3);
    }
    halt_status.store(-1);
    halt_requested.store(true);
    return TRUE;
}
foreign_t halt_pending() { return halt_requested.load() ? TRUE : FALSE; }

// Calls casus_errors:Pred(Exception, Out) and returns Out as text, or ""
// if the predicate fails or raises. The helpers that describe an
// exception must never raise themselves.
std::string describe(const char* pred, term_t ex) {
    fid_t fid = PL_open_foreign_frame();
    std::string out;
    term_t av = PL_new_term_refs(2);
    if (!PL_put_term(av, ex)) {
        PL_discard_foreign_frame(fid);
        return out;
    }
    qid_t q = PL_open_query(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG, PL_predicate(pred, 2, "casus_errors"), av);
    if (q && PL_next_solution(q)) out = text(PlTerm_term_t(av + 1));
    if (q) PL_cut_query(q);
    PL_discard_foreign_frame(fid);
    return out;
}

// The message Prolog would print for the exception, without "ERROR:".
std::string message_of(term_t ex) {
    std::string out = describe("casus_message", ex);
    return out.empty() ? text(PlTerm_term_t(ex)) : out;
}

// The error class: casus_errors:casus_error_kind/2 classifies our own
// error terms (validation) and resource errors (limit).
std::string kind_of(term_t ex) {
    std::string out = describe("casus_error_kind", ex);
    return out.empty() ? "prolog" : out;
}

[[noreturn]] void raise(term_t ex);

// Raises the exception of query q as a casus error, closing q.
[[noreturn]] void raise_from(qid_t q) {
    term_t ex = PL_new_term_ref();
    if (!PL_put_term(ex, PL_exception(q))) {
        PL_cut_query(q);
        PL_clear_exception();
        throw LimitError("out of memory copying a Prolog exception");
    }
    // Copy the exception out of the query before closing it.
    record_t rec = PL_record(ex);
    PL_cut_query(q);
    term_t copy = PL_new_term_ref();
    PL_recorded(rec, copy);
    PL_erase(rec);
    PL_clear_exception();
    raise(copy);
}

[[noreturn]] void raise(term_t ex) {
    std::string msg = message_of(ex);
    std::string kind = kind_of(ex);
    PL_clear_exception();
    if (kind == "validation") throw ValidationError(msg, 0, 0);
    if (kind == "limit") throw LimitError(msg);
    if (kind == "interrupted") throw InterruptedError(msg);
    throw PrologError(msg);
}

// set_prolog_flag/2 rather than PL_set_prolog_flag(), which records the
// value without applying it.
void set_stack_limit(std::size_t megabytes) {
    fid_t fid = PL_open_foreign_frame();
    term_t av = PL_new_term_refs(2);
    const bool ok = PL_put_atom_chars(av, "stack_limit") &&
                    PL_put_int64(av + 1, static_cast<int64_t>(megabytes) * 1024 * 1024) &&
                    PL_call_predicate(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG, PL_predicate("set_prolog_flag", 2, "system"), av);
    PL_discard_foreign_frame(fid);
    if (!ok) throw PrologError("cannot set the stack limit to " + std::to_string(megabytes) + " MB");
}

}  // namespace

void start(std::size_t stack_limit_mb, const std::filesystem::path& state) {
    if (the_engine) return;
    // A saved state carries its own options (those it was saved with),
    // which override the command line: the stack limit is set below.
    static std::string state_arg;
    std::vector<const char*> argv = {"casus", "--quiet", "--signals=false", "--tty=false", "--no-packs",
                                     "-f", "none", "-F", "none"};
    if (!state.empty()) {
        state_arg = state.string();
        argv.push_back("-x");
        argv.push_back(state_arg.c_str());
    }
    argv.push_back(nullptr);
    try {
        the_engine = new PlEngine(static_cast<int>(argv.size()) - 1, const_cast<char**>(argv.data()));
    } catch (const std::exception& e) {
        throw PrologError(std::string("cannot start SWI-Prolog: ") + e.what());
    }
    set_stack_limit(stack_limit_mb);
    stack_limit = stack_limit_mb;
    struct FlushAtExit {
        ~FlushAtExit() {
            Sflush(Suser_output);
            Sflush(Suser_error);
            if (cleanup_at_exit) {
                delete the_engine;
                the_engine = nullptr;
            }
        }
    };
    static FlushAtExit flush_at_exit;
    PL_set_prolog_flag("debug_on_error", PL_BOOL, FALSE);
    PL_set_prolog_flag("report_error", PL_BOOL, FALSE);
    PL_set_prolog_flag("encoding", PL_ATOM, "utf8");
    PL_set_prolog_flag("verbose_load", PL_ATOM, "silent");
    PL_register_foreign_in_module("casus_errors", "limit_reached", 0, reinterpret_cast<pl_function_t>(limit_reached), 0);
    PL_register_foreign_in_module("casus_errors", "interrupt_wanted", 0, reinterpret_cast<pl_function_t>(interrupt_wanted), 0);
    PL_register_foreign_in_module("casus_errors", "refuse_halt", 1, reinterpret_cast<pl_function_t>(refuse_halt), 0);
    PL_register_foreign_in_module("casus_errors", "refuse_system_halt", 0, reinterpret_cast<pl_function_t>(refuse_system_halt), 0);
    PL_register_foreign_in_module("casus_errors", "halt_pending", 0, reinterpret_cast<pl_function_t>(halt_pending), 0);
}

namespace {

// A kb source with a compiled .qlf beside it (the build and install
// trees) is named without its extension, so Prolog loads the .qlf when
// it is newer than the source and the source otherwise.
std::filesystem::path prefer_compiled(const std::filesystem::path& file) {
    if (file.extension() != ".pl") return file;
    auto qlf = file;
    qlf.replace_extension(".qlf");
    std::error_code ec;
    if (!std::filesystem::exists(qlf, ec)) return file;
    auto stem = file;
    stem.replace_extension();
    return stem;
}

}  // namespace

void load_module(const std::filesystem::path& source) {
    const auto file = prefer_compiled(source);
    fid_t fid = PL_open_foreign_frame();
    term_t av = PL_new_term_refs(1);
    if (!PL_unify_chars(av, PL_ATOM | REP_UTF8, static_cast<size_t>(-1), file.c_str())) {
        PL_discard_foreign_frame(fid);
        throw KbLoadError("the kb path is not valid UTF-8: " + file.string());
    }
    qid_t q = PL_open_query(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG, PL_predicate("use_module", 1, "user"), av);
    bool ok = q && PL_next_solution(q);
    if (q) PL_cut_query(q);
    PL_clear_exception();
    PL_discard_foreign_frame(fid);
    if (!ok) throw KbLoadError("cannot load " + file.string());
}

namespace {

// Runs Module:Loader(File, ExtraArgs..., Problems) and throws
// KbLoadError with what Prolog reported while loading, if anything.
void load_with(const char* module, const char* loader, const std::filesystem::path& file, std::vector<PlTerm> extra,
               const char* what) {
    Frame frame;
    PlTerm_var problems;
    std::string text_of_problems;
    try {
        std::vector<PlTerm> args{atom(std::filesystem::absolute(prefer_compiled(file)).string())};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(problems);
        if (!call(module, compound(loader, args)))
            text_of_problems = "loading " + file.string() + " failed";
        else
            text_of_problems = text(problems);
    } catch (const Error& e) {
        text_of_problems = e.what();
    }
    if (!text_of_problems.empty()) throw KbLoadError(std::string(what) + " does not load:\n" + text_of_problems);
}

}  // namespace

void load(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw KbLoadError("kb file not found: " + file.string());
    load_with("casus_errors", "load_kb", file, {}, "the kb");
}

void load_user_rules(const std::filesystem::path& file, double timeout_seconds) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw KbLoadError("rule file not found: " + file.string());
    limits::Scope limit(timeout_seconds, memory_limit_mb(), limits::rule_file);
    load_with("rule_guard", "load_user_rules", file, {PlTerm_float(timeout_seconds)}, "the rule file");
}

std::size_t memory_limit_mb() { return memory_limit ? memory_limit : stack_limit + limits::growth_mb; }
void set_memory_limit_mb(std::size_t mb) { memory_limit = mb; }

void enable_interrupts() {
    if (interrupt_signal.load() > 0) return;
    pl_sigaction_t act{};
    act.sa_predicate = PL_predicate("interrupted", 1, "casus_errors");
    int sig = PL_sigaction(0, &act, nullptr);  // 0: allocate a synthetic signal
    if (sig > 0) interrupt_signal.store(sig);
    pl_sigaction_t limit{};
    limit.sa_predicate = PL_predicate("time_limit_signal", 1, "casus_errors");
    int lsig = PL_sigaction(0, &limit, nullptr);
    if (lsig > 0) limits::set_signal(lsig, PL_thread_self());
}

void interrupt() noexcept {
    interrupt_requested.store(true);
    int sig = interrupt_signal.load();
    if (sig > 0) PL_raise(sig);
}

void clear_interrupt() noexcept { interrupt_requested.store(false); }

Frame::Frame() : fid_(PL_open_foreign_frame()) {}
Frame::~Frame() { PL_discard_foreign_frame(fid_); }

namespace {

// A call made outside any statement with a time limit of its own.
constexpr limits::Statement lone_call{"the call", "the kb is unchanged", false};

// What a rule's halt/0,1 became: the error of the call that made it.
[[noreturn]] void halt_refused() {
    const long status = halt_status.exchange(-1);
    halt_requested.store(false);
    const limits::Statement* s = limits::current();
    throw PrologError("a rule called " + (status >= 0 ? "halt(" + std::to_string(status) + ")" : std::string("halt")) +
                      ", which would end casus; " + (s ? s->what : "the call") + " was stopped instead (" +
                      (s ? s->unchanged : "the kb is unchanged") + ")");
}

}  // namespace

bool call(const char* module, const PlTerm& goal, double timeout_seconds) {
    std::optional<limits::Scope> own;
    if (timeout_seconds > 0 && !limits::current()) own.emplace(timeout_seconds, 0, lone_call);
    // The statement's deadline may have passed in C++ between two calls.
    limits::check();
    const limits::Statement* statement = limits::current();
    term_t av = PL_new_term_refs(3);
    PL_put_atom_chars(av, module);
    // A question runs in a snapshot: whatever a rule asserts or retracts
    // is taken back when it ends, and a change to casus's own modules
    // is an error (casus_errors:run/3).
    if (!PL_put_term(av + 1, goal.C_) || !PL_put_atom_chars(av + 2, statement && statement->question ? "question" : "plain"))
        throw LimitError("out of memory preparing a Prolog call");
    static predicate_t pred = PL_predicate("run", 3, "casus_errors");
    qid_t q = PL_open_query(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG | PL_Q_EXT_STATUS, pred, av);
    if (!q) throw PrologError("cannot open a Prolog query");
    int rc;
    {
        limits::InProlog in_prolog;
        rc = PL_next_solution(q);
    }
    // Whatever the call did after a limit passed (a rule that caught the
    // signal's exception and failed, or threw another), the limit is what
    // stopped it; so is a halt it tried.
    if (limits::reached() || halt_requested.load()) {
        PL_cut_query(q);
        PL_clear_exception();
        if (halt_requested.load()) halt_refused();
        limits::check();
    }
    if (rc == PL_S_EXCEPTION) raise_from(q);
    PL_cut_query(q);
    return rc == PL_S_TRUE || rc == PL_S_LAST;
}

void for_each_solution(const char* module, const PlTerm& goal, const std::function<bool()>& on_solution) {
    term_t av = PL_new_term_refs(2);
    PL_put_atom_chars(av, module);
    if (!PL_put_term(av + 1, goal.C_)) throw LimitError("out of memory preparing a Prolog call");
    term_t qualified = PL_new_term_ref();
    if (!PL_cons_functor_v(qualified, PL_new_functor(PL_new_atom(":"), 2), av))
        throw LimitError("out of memory preparing a Prolog call");
    static predicate_t pred = PL_predicate("call", 1, "system");
    qid_t q = PL_open_query(nullptr, PL_Q_CATCH_EXCEPTION | PL_Q_NODEBUG | PL_Q_EXT_STATUS, pred, qualified);
    if (!q) throw PrologError("cannot open a Prolog query");
    for (;;) {
        int rc = PL_next_solution(q);
        if (rc == PL_S_EXCEPTION) raise_from(q);
        if (rc == PL_S_FALSE) break;
        bool more = false;
        try {
            more = on_solution();
        } catch (...) {
            PL_cut_query(q);
            throw;
        }
        if (rc == PL_S_LAST || !more) break;
    }
    PL_cut_query(q);
}

namespace {

// Bytes that are their own UTF-8, so neither side needs converting.
bool ascii(const char* s, size_t len) {
    for (size_t i = 0; i < len; ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
}

// Text that is not valid UTF-8 cannot become an atom or string: an
// error, never a silently unbound argument.
void unify_text(term_t t, int type, const std::string& text) {
    if (!PL_unify_chars(t, type | REP_UTF8, text.size(), text.data())) {
        PL_clear_exception();
        throw ValidationError("the text is not valid UTF-8", 0, 0);
    }
}

}  // namespace

void put_atom(term_t t, const std::string& text) {
    if (ascii(text.data(), text.size())) {  // no UTF-8 to decode: the bulk of every batch of adds
        if (!PL_put_atom_nchars(t, text.size(), text.data())) throw LimitError("out of memory making an atom");
        return;
    }
    PL_put_variable(t);
    unify_text(t, PL_ATOM, text);
}

PlTerm atom(const std::string& t) {
    PlTerm_var v;
    put_atom(v.C_, t);
    return v;
}

PlTerm string(const std::string& t) {
    PlTerm_var v;
    unify_text(v.C_, PL_STRING, t);
    return v;
}

PlTerm integer(long value) { return PlTerm_integer(value); }

PlTerm list(const std::vector<PlTerm>& items) {
    PlTerm_var l;
    PL_put_nil(l.C_);
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        if (!PL_cons_list(l.C_, it->C_, l.C_)) throw LimitError("out of memory building a list");
    return l;
}

PlTerm compound(const std::string& functor, const std::vector<PlTerm>& args) {
    PlTerm_var t;
    term_t av = PL_new_term_refs(static_cast<int>(args.size()));
    for (std::size_t i = 0; i < args.size(); ++i)
        if (!PL_put_term(av + i, args[i].C_)) throw LimitError("out of memory building a term");
    atom_t name = PL_new_atom_mbchars(REP_UTF8, functor.size(), functor.data());
    functor_t f = PL_new_functor(name, args.size());
    PL_unregister_atom(name);
    if (!PL_cons_functor_v(t.C_, f, av)) throw PrologError("cannot build term " + functor);
    return t;
}

std::string text(const PlTerm& t) {
    // ASCII atoms and strings (nearly all) are read in place: their bytes
    // are their UTF-8. Converting every text through a stacked buffer was
    // three quarters of turning a large answer into C++ (~4% of a question
    // on the large world).
    atom_t a;
    const char* chars;
    size_t n;
    if (PL_get_atom(t.C_, &a)) {
        if ((chars = PL_atom_nchars(a, &n)) && ascii(chars, n)) return std::string(chars, n);
    } else if (PL_is_string(t.C_)) {
        char* sc;
        if (PL_get_string(t.C_, &sc, &n) && ascii(sc, n)) return std::string(sc, n);
    }
    // BUF_STACK strings live until the strings mark is released: without
    // the mark, converting a large answer ends in Prolog's fatal "Too many
    // stacked strings".
    std::string out;
    PL_STRINGS_MARK();
    char* s;
    size_t len;
    if (PL_get_nchars(t.C_, &len, &s, CVT_ATOM | CVT_STRING | CVT_NUMBER | REP_UTF8 | BUF_STACK) ||
        PL_get_nchars(t.C_, &len, &s, CVT_WRITEQ | REP_UTF8 | BUF_STACK))
        out.assign(s, len);
    PL_STRINGS_RELEASE();
    return out;
}

long integer_of(const PlTerm& t) {
    int64_t v = 0;
    if (PL_get_int64(t.C_, &v)) return static_cast<long>(v);
    double d;
    if (PL_get_float(t.C_, &d)) return static_cast<long>(d);
    throw PrologError("expected an integer from the kb, got " + text(t));
}

double number_of(const PlTerm& t) {
    double d = 0;
    if (PL_get_float(t.C_, &d)) return d;
    int64_t v = 0;
    if (PL_get_int64(t.C_, &v)) return static_cast<double>(v);
    throw PrologError("expected a number from the kb, got " + text(t));
}

std::vector<PlTerm> list_items(const PlTerm& l) {
    std::vector<PlTerm> out;
    term_t tail = PL_copy_term_ref(l.C_);
    term_t head = PL_new_term_ref();
    while (PL_get_list(tail, head, tail)) out.push_back(PlTerm_term_t(PL_copy_term_ref(head)));
    return out;
}

PlTerm arg(const PlTerm& t, int n) {
    term_t a = PL_new_term_ref();
    if (!PL_get_arg(n, t.C_, a)) throw PrologError("unexpected result shape from the kb");
    return PlTerm_term_t(a);
}

}  // namespace casus::prolog
