#include "interactive.hpp"

#include "completion.hpp"
#include "history.hpp"
#include "keywords.hpp"
#include "sanitize.hpp"

#include <editline/readline.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <cwchar>
#include <poll.h>
#include <pthread.h>
#include <termios.h>
#include <unistd.h>
#include <set>
#include <string>
#include <vector>

namespace casus::cli {

namespace {

CompletionWords completion_words;

// libedit gives start and end in characters; the buffer is UTF-8 bytes.
std::size_t byte_offset(const char* buffer, int chars) {
    std::size_t i = 0;
    for (int c = 0; buffer[i] && c < chars; ++c)
        for (++i; (static_cast<unsigned char>(buffer[i]) & 0xC0) == 0x80; ++i) {
        }
    return i;
}

char** complete(const char* text, int, int end) {
    rl_attempted_completion_over = 1;
    std::string line = rl_line_buffer ? rl_line_buffer : "";
    std::size_t end_byte = std::min(byte_offset(line.c_str(), end), line.size());
    std::size_t start_byte = end_byte >= std::strlen(text) ? end_byte - std::strlen(text) : 0;
    Completion c = complete_at(completion_words, line, start_byte, end_byte);
    rl_completion_append_character = c.append;
    if (c.files) {
        rl_completion_append_character = ' ';
        return rl_completion_matches(text, rl_filename_completion_function);
    }
    if (c.matches.empty()) return nullptr;
    // libedit's form: the text to put in (their common prefix), then every
    // match, then a null; libedit frees them.
    auto** out = static_cast<char**>(std::malloc((c.matches.size() + 2) * sizeof(char*)));
    out[0] = strdup(common_prefix(c.matches).c_str());
    for (std::size_t i = 0; i < c.matches.size(); ++i) out[i + 1] = strdup(c.matches[i].c_str());
    out[c.matches.size() + 1] = nullptr;
    if (c.matches.size() == 1) {  // the single match is out[0] alone
        std::free(out[1]);
        out[1] = nullptr;
    }
    return out;
}

void load_completions(Engine& engine) {
    std::set<std::string> words(keywords.begin(), keywords.end());
    words.insert(dot_commands.begin(), dot_commands.end());
    completion_words = {};
    for (auto& n : engine.names()) {
        // A name with a control code in it is never offered: libedit would
        // print it raw in the list of completions.
        if (!shown_as_is(n.text)) continue;
        completion_words.names.push_back(n.text);
        if (n.text.find(' ') == std::string::npos) words.insert(n.text);
    }
    completion_words.words.assign(words.begin(), words.end());
    for (auto& k : engine.schema()) completion_words.kinds.push_back(k.name);
}

// casus's own signal handling. libedit's (rl_catch_signals) is off: its
// handler is not safe with the engine's threads (a second thread once
// crashed in it) and turns Ctrl-C at the prompt into end of input. Here
// SIGINT cancels the running statement, or, at the prompt, interrupts
// libedit's read (no SA_RESTART there), which then returns no line: the
// line is cleared and the session goes on. SIGHUP and SIGTERM end the
// session: at once at the prompt, else once the running statement (or
// the history file being written) has stopped.
volatile std::sig_atomic_t busy = 0, prompt_interrupted = 0, hangup = 0, resized = 0;
pthread_t main_thread;
struct termios terminal_mode;  // as the REPL found it, restored on SIGTERM at the prompt
bool have_terminal_mode = false;

// A resized terminal: libedit learns the new width at the next prompt
// (its read goes on: the line typed is kept).
void on_resize(int) { resized = 1; }

void on_signal(int sig) {
    // A signal taken by another thread (the engine's watchdog) is sent on
    // to the thread in libedit's read, so that the read is interrupted.
    if (!pthread_equal(pthread_self(), main_thread)) {
        pthread_kill(main_thread, sig);
        return;
    }
    if (sig == SIGINT) {
        if (busy) Engine::interrupt();
        else prompt_interrupted = 1;
        return;
    }
    hangup = sig;
    if (busy) {
        Engine::interrupt();
        return;
    }
    // At the prompt nothing is pending: every statement has been made
    // durable and its output flushed, and the history is written entry by
    // entry. Leaving here, not after libedit's read, closes the window in
    // which the signal would come just before the read and be missed.
    if (have_terminal_mode) tcsetattr(STDIN_FILENO, TCSANOW, &terminal_mode);
    _exit(128 + sig);
}

// One byte of the terminal, waiting in poll() with a short timeout so
// that a Ctrl-C or a hang-up is seen even when its signal came just
// before the wait (a plain blocking read would miss it: the race that
// once let a Ctrl-C at a fresh prompt go unanswered). -1: stop reading.
int next_byte(int fd) {
    for (;;) {
        if (prompt_interrupted || hangup) return -1;
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, 100);  // 0.1 s: as soon as a person notices
        if (ready < 0 && errno != EINTR) return -1;
        if (ready <= 0) continue;
        unsigned char c;
        ssize_t n = ::read(fd, &c, 1);
        if (n == 1) return c;
        if (n < 0 && errno == EINTR) continue;
        return -1;  // end of input, or the terminal is gone
    }
}

// libedit's rl_getc_function: one character, decoded in the locale's
// encoding as libedit's own reader does (its wrapper takes the int as the
// wide character).
int read_character(FILE* in) {
    const int fd = fileno(in);
    std::mbstate_t state{};
    for (int bytes = 0; bytes < static_cast<int>(MB_LEN_MAX); ++bytes) {
        int b = next_byte(fd);
        if (b < 0) return -1;
        char c = static_cast<char>(b);
        wchar_t wc;
        std::size_t r = std::mbrtowc(&wc, &c, 1, &state);
        if (r == static_cast<std::size_t>(-2)) continue;  // more bytes to come
        if (r == static_cast<std::size_t>(-1)) return b;  // not of the locale: the byte as it is
        return static_cast<int>(wc);
    }
    return -1;
}

// restart: SA_RESTART while a statement runs (its writes must not fail
// with EINTR), not at the prompt (the read must).
void install_handlers(bool restart) {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = restart ? SA_RESTART : 0;
    for (int sig : {SIGINT, SIGHUP, SIGTERM}) sigaction(sig, &sa, nullptr);
    sa.sa_handler = on_resize;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, nullptr);
}

// Runs one entry with Ctrl-C armed for it alone: an interrupt left from
// before (one that came while the last answer printed) is dropped first.
// A definition (typed, or in a script .read runs) makes new names: they
// complete from the next prompt on.
bool run_armed(Session& session, Engine& engine, const std::string& text, int line_no) {
    install_handlers(true);
    Engine::clear_interrupt();
    busy = 1;
    const std::size_t defined = session.definitions();
    bool go_on = session.run_text(text, "<stdin>", line_no);
    if (session.definitions() != defined) load_completions(engine);
    busy = 0;
    return go_on;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// psql's words to leave, typed alone on a line.
bool is_leave_word(const std::string& line) {
    std::string t = trim(line);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    return t == "quit" || t == "exit";
}

class Repl {
public:
    Repl(Session& session, Engine& engine, const std::filesystem::path& history_file)
        : session_(session), engine_(engine), history_(history_file) {}

    int run() {
        if (!history_.file().empty())
            for (auto& e : history_.load()) add_history(e.c_str());
        for (;;) {
            install_handlers(false);
            prompt_interrupted = 0;
            if (resized) {
                resized = 0;
                rl_resize_terminal();
            }
            char* raw = hangup ? nullptr : readline(pending_.empty() ? "casus> " : "   ...> ");
            if (!raw && prompt_interrupted && !hangup) {  // Ctrl-C: a new line, and go on
                std::cout << "^C\n" << std::flush;
                pending_.clear();
                continue;
            }
            if (!raw) {  // Ctrl-D, or a hang-up
                if (!hangup) std::cout << "\n";  // the prompt's line ends
                break;
            }
            std::string line = raw;
            std::free(raw);
            ++line_no_;
            if (!entry(line) || hangup) break;
        }
        install_handlers(true);
        session_.flush();
        if (hangup) return 128 + hangup;
        return session_.exit_status().value_or(0);
    }

private:
    // One line typed; false when the session ends.
    bool entry(const std::string& line) {
        std::string t = trim(line);
        if (pending_.empty() && (is_leave_word(line) || (!t.empty() && (t[0] == '.' || t[0] == '\\')))) {
            remember(line);
            if (is_leave_word(line) || hangup) return false;
            run_armed(session_, engine_, line, line_no_);
            return !session_.stopped();
        }
        if (!pending_.empty() && t.empty()) {
            // An empty line ends an unfinished statement: run it to show the error.
            return finish();
        }
        pending_ += pending_.empty() ? line : "\n" + line;
        if (session_.incomplete(pending_)) return true;
        return finish();
    }

    bool finish() {
        std::string text = pending_;
        pending_.clear();
        remember(text);
        if (hangup) return false;
        run_armed(session_, engine_, text, line_no_);
        return !session_.stopped();
    }

    // A statement of several lines is one entry, recalled whole.
    void remember(const std::string& entry) {
        if (trim(entry).empty()) return;
        add_history(entry.c_str());
        if (history_.file().empty()) return;
        busy = 1;  // a hang-up now waits for the file to be renamed into place
        std::string problem = history_.append(entry);
        busy = 0;
        if (!problem.empty() && !history_warned_) {
            std::cerr << "casus: " << shown(problem) << " (the session goes on without it)\n";
            history_warned_ = true;
        }
    }

    Session& session_;
    Engine& engine_;
    History history_;
    std::string pending_;
    int line_no_ = 0;
    bool history_warned_ = false;
};

}  // namespace

int run_repl(Session& session, Engine& engine, const std::filesystem::path& history_file) {
    load_completions(engine);
    main_thread = pthread_self();
    have_terminal_mode = tcgetattr(STDIN_FILENO, &terminal_mode) == 0;
    rl_readline_name = const_cast<char*>("casus");
    rl_catch_signals = 0;
    rl_getc_function = read_character;
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = const_cast<char*>(" \t\n\"(),");
    using_history();
    stifle_history(static_cast<int>(History::limit));
    std::cout << "casus " << Engine::version() << " — who is bound to defend whom. Type .help for help, .quit to leave.\n";
    return Repl(session, engine, history_file).run();
}

}  // namespace casus::cli
