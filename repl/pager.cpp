#include "pager.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace casus::cli {

namespace {

winsize window() {
    winsize ws{};
    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return winsize{};
    return ws;
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return false;
}

// While the pager runs, Ctrl-C is the pager's: casus must not take it as
// the cancelling of its next question. A handler that does nothing (not
// SIG_IGN, which the pager would inherit) keeps it from casus's own.
void nothing(int) {}

}  // namespace

std::size_t terminal_columns() { return window().ws_col; }
std::size_t terminal_lines() { return window().ws_row; }

std::string pager_command() {
    if (const char* p = std::getenv("PAGER")) return p;
    return on_path("less") ? "less -FRX" : "";
}

bool write_to_screen(const std::string& text, bool use_pager) {
    const std::size_t lines = terminal_lines();
    const std::string command = use_pager && lines > 0 ? pager_command() : "";
    // One line of the screen is left for the prompt after the answer.
    if (command.empty() || static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) < lines) {
        std::cout << text;
        return false;
    }
    std::cout.flush();
    struct sigaction quiet {}, old_int {}, old_pipe {};
    quiet.sa_handler = nothing;
    sigemptyset(&quiet.sa_mask);
    sigaction(SIGINT, &quiet, &old_int);
    bool paged = false;
    if (FILE* pipe = popen(command.c_str(), "w")) {
        // A pager left before the end closes the pipe: the rest is dropped,
        // casus goes on. (Set after popen, so the pager keeps its own SIGPIPE.)
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGPIPE, &ignore, &old_pipe);
        std::fwrite(text.data(), 1, text.size(), pipe);
        int status = pclose(pipe);
        sigaction(SIGPIPE, &old_pipe, nullptr);
        // 126/127: the shell could not run $PAGER; the answer is not lost.
        paged = status != -1 && !(WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127));
    }
    sigaction(SIGINT, &old_int, nullptr);
    if (!paged) std::cout << text;
    return paged;
}

}  // namespace casus::cli
