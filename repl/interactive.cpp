#include "interactive.hpp"

#include "keywords.hpp"
#include "sanitize.hpp"

#include <editline/readline.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace casus::cli {

namespace {

std::vector<std::string> completions;  // keywords, dot-commands, names

char* completion_generator(const char* text, int state) {
    static std::size_t index;
    static std::string prefix;
    if (state == 0) {
        index = 0;
        prefix = text;
        std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::tolower(c); });
    }
    while (index < completions.size()) {
        const std::string& c = completions[index++];
        std::string lc = c;
        std::transform(lc.begin(), lc.end(), lc.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (lc.compare(0, prefix.size(), prefix) == 0) return strdup(c.c_str());
    }
    return nullptr;
}

char** complete(const char* text, int, int) {
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, completion_generator);
}

// Ctrl-C while a question runs cancels it; at the prompt libedit keeps
// the line and the session goes on.
volatile std::sig_atomic_t busy = 0;

void on_interrupt(int) {
    if (busy) Engine::interrupt();
}

void install_interrupt_handler() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
}

// Runs one entry with Ctrl-C armed.
bool run_armed(Session& session, const std::string& text, int line_no) {
    busy = 1;
    bool go_on = session.run_text(text, "<stdin>", line_no);
    busy = 0;
    return go_on;
}

}  // namespace

int run_repl(Session& session, Engine& engine, const std::filesystem::path& history_file) {
    std::set<std::string> words(keywords.begin(), keywords.end());
    words.insert(dot_commands.begin(), dot_commands.end());
    for (auto& n : engine.names())
        // A name with a control code in it is never offered: libedit would
        // print it raw in the list of completions.
        if (n.text.find(' ') == std::string::npos && shown_as_is(n.text)) words.insert(n.text);
    // One spelling per word, case-insensitively ("Kazakhstan", not also "kazakhstan").
    std::set<std::string> seen;
    completions.clear();
    for (auto& w : words) {
        std::string lw = w;
        std::transform(lw.begin(), lw.end(), lw.begin(), [](unsigned char c) { return std::tolower(c); });
        if (seen.insert(lw).second) completions.push_back(w);
    }

    rl_readline_name = const_cast<char*>("casus");
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = const_cast<char*>(" \t\n\"(),");
    using_history();
    install_interrupt_handler();
    if (!history_file.empty()) read_history(history_file.c_str());

    std::cout << "casus " << Engine::version() << " — who is bound to defend whom. Type .help for help, .quit to leave.\n";
    std::string pending;
    int line_no = 0;
    for (;;) {
        char* raw = readline(pending.empty() ? "casus> " : "   ...> ");
        if (!raw) {  // Ctrl-D
            std::cout << "\n";
            break;
        }
        std::string line = raw;
        std::free(raw);
        ++line_no;
        if (!line.empty()) {
            add_history(line.c_str());
            if (!history_file.empty()) append_history(1, history_file.c_str());
        }
        if (pending.empty() && !line.empty() && line.find_first_not_of(" \t") != std::string::npos &&
            line[line.find_first_not_of(" \t")] == '.') {
            if (!run_armed(session, line, line_no) && session.stopped()) break;
            continue;
        }
        if (!pending.empty() && line.find_first_not_of(" \t") == std::string::npos) {
            // An empty line ends an unfinished statement: run it to show the error.
            run_armed(session, pending, line_no);
            pending.clear();
            continue;
        }
        pending += pending.empty() ? line : "\n" + line;
        if (session.incomplete(pending)) continue;
        run_armed(session, pending, line_no);
        pending.clear();
        if (session.stopped()) break;
    }
    if (!history_file.empty()) {
        write_history(history_file.c_str());
    }
    session.flush();
    return 0;
}

}  // namespace casus::cli
