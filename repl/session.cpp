#include "session.hpp"

#include "parser.hpp"
#include "sanitize.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace casus::cli {

namespace {

// How many acknowledgements a batch may hold before it is committed.
constexpr std::size_t batch_size = 4096;

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool blank_or_comment(const std::string& line) {
    std::string t = trim(line);
    return t.empty() || t[0] == '#';
}

// Words that can only begin a statement: a line that starts with one is
// never the continuation of the line before.
bool starts_statement(const std::string& line) {
    std::string t = trim(line);
    if (t.empty()) return false;
    if (t[0] == '.' || t[0] == '\\') return true;
    std::string w;
    for (char c : t) {
        if (!std::isalpha(static_cast<unsigned char>(c))) break;
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (auto k : {"who", "would", "why", "what", "which", "list", "history", "as", "suppose", "add", "retract", "members", "import", "defence", "defense"})
        if (w == k) return true;
    return false;
}

}  // namespace

Session::Session(Engine& engine, OutputOptions output, SessionOptions options)
    : engine_(engine), output_(output), options_(options) {
    output_.engine = &engine_;  // display names in titles and rows
}

std::ostream& Session::out() {
    if (once_armed_ && once_) return *once_->stream;
    if (output_file_) return *output_file_->stream;
    return std::cout;
}

OutputOptions Session::out_options() const {
    OutputOptions o = output_;
    if ((once_armed_ && once_) || output_file_) {
        o.color = false;
        o.pager = false;  // a file takes the whole answer
    }
    return o;
}

// The .once file takes one statement's output, whether it succeeded or not.
void Session::end_once(const Origin& origin) {
    if (!once_armed_) return;
    once_armed_ = false;
    if (!once_) return;
    bool ok = static_cast<bool>(once_->stream->flush());
    std::string path = once_->path;
    once_.reset();
    if (!ok) error(UsageError(".once: cannot write the output to '" + path + "' (a full disk?)"), origin);
}

bool Session::incomplete(const std::string& text) const {
    try {
        // With the kb's names, as execute() parses: `who would defend
        // Bosnia and Herzegovina` is unfinished, not an error at 'and'.
        parse_statement(text, &engine_.known_names());
        return false;
    } catch (const SyntaxError& e) {
        return e.at_end;
    }
}

void Session::error(const Error& e, const Origin& origin) {
    failed_ = true;
    out().flush();
    print_error(std::cerr, out(), e, origin, out_options());
    std::cerr.flush();
    // In the REPL, --bail stops the scripts that .read runs, not the
    // session (a typo at the prompt must not end it).
    if (options_.bail && (!options_.interactive || read_depth_ > 0)) bailed_ = true;
}

void Session::flush() {
    if (unacknowledged_.empty()) return;
    try {
        engine_.commit();
        // A queued add the store refused is that statement's error; the
        // rest of the batch is durable and acknowledged.
        std::map<std::size_t, Rejection> refused;
        for (auto& r : engine_.take_rejections()) refused.emplace(r.ticket, r);
        for (auto& u : unacknowledged_) {
            auto* c = std::get_if<ChangeResult>(&u.result);
            auto it = c ? refused.find(c->ticket) : refused.end();
            if (it != refused.end())
                error(ValidationError(it->second.message, it->second.offset, it->second.length), u.origin);
            else
                print_result(out(), u.result, u.origin.text, out_options());
        }
    } catch (const Error& e) {
        // The batch is not durable: none of its statements is acknowledged,
        // and no answer that saw its changes is printed.
        for (auto& u : unacknowledged_) error(e, u.origin);
    }
    unacknowledged_.clear();
    out().flush();
}

void Session::statement(const std::string& text, const std::string& file, int line) {
    Origin origin{file, line, text};
    auto start = std::chrono::steady_clock::now();
    try {
        Result r = engine_.execute(text);
        if (auto* c = std::get_if<ChangeResult>(&r); c && c->action == ChangeResult::Action::defined) ++definitions_;
        if (auto* c = std::get_if<ChangeResult>(&r); c && engine_.pending() > 0) {
            unacknowledged_.push_back({r, origin});
            // Under .once the acknowledgement goes to its file, now.
            if (unacknowledged_.size() >= batch_size || once_armed_) flush();
            return;
        }
        auto* defenders = std::get_if<DefendersResult>(&r);
        // An answer asked after changes not yet durable waits with them:
        // printed once they are on disk, and never if the disk refuses
        // them. One fsync per batch, not one per question: a script of
        // adds and questions ran at 1,700 statements/s, fsync-bound.
        if (!unacknowledged_.empty() && !once_armed_ && !timer_) {
            if (defenders) last_ = *defenders;
            unacknowledged_.push_back({std::move(r), origin});
            if (unacknowledged_.size() >= batch_size) flush();
            return;
        }
        flush();
        print_result(out(), r, text, out_options());
        // Kept for .why and .graph once printed: moved, not copied (a copy
        // of its evidence cost ~85,000 instructions a question).
        if (defenders) last_ = std::move(*defenders);
    } catch (const Error& e) {
        flush();
        error(e, origin);
    } catch (const std::exception& e) {
        flush();
        error(Error(std::string("internal error: ") + e.what()), origin);
    }
    if (timer_) {
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "Run time: " << ms << " ms\n";
    }
    out().flush();
}

bool Session::run_text(const std::string& text, const std::string& file, int line) {
    if (blank_or_comment(text)) return true;
    if (options_.echo) out() << text << "\n";
    // .once takes the output of the statement after it, whatever it is.
    once_armed_ = once_.has_value();
    const std::string t = trim(text);
    if (t[0] == '.' || t[0] == '\\') {
        bool go_on = dot_command(text, file, line);
        // .once itself arms the next statement, not this one.
        if (!(t.compare(0, 5, ".once") == 0 && (t.size() == 5 || std::isspace(static_cast<unsigned char>(t[5])))))
            end_once(Origin{file, line, text});
        else once_armed_ = false;
        return go_on && !stopped();
    }
    statement(text, file, line);
    end_once(Origin{file, line, text});
    return !stopped();
}

bool Session::run_stream(std::istream& in, const std::string& file) {
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        // A UTF-8 byte-order mark (editors on Windows write one) is not text.
        if (lines.empty() && l.compare(0, 3, "\xEF\xBB\xBF") == 0) l.erase(0, 3);
        lines.push_back(l);
    }
    for (std::size_t i = 0; i < lines.size() && !stopped(); ++i) {
        if (blank_or_comment(lines[i])) continue;
        std::string text = lines[i];
        std::size_t first = i;
        // An unfinished statement continues on the next lines, unless a
        // line starts a new statement. The cheap tests come first, so a
        // script of one statement per line is parsed only once per line.
        while (i + 1 < lines.size() && !blank_or_comment(lines[i + 1]) && !starts_statement(lines[i + 1]) &&
               trim(text)[0] != '.' && incomplete(text))
            text += "\n" + lines[++i];
        run_text(text, file, static_cast<int>(first) + 1);
    }
    flush();
    return !stopped();
}

}  // namespace casus::cli
