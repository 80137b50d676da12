// The dot-commands of a session: the tool's own commands beside the
// language (sqlite3's .mode, .once, .read ...).
#include "csv_import.hpp"
#include "dump.hpp"
#include "graph.hpp"
#include "help.hpp"
#include "sanitize.hpp"
#include "session.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <unistd.h>

namespace casus::cli {

const std::vector<std::string> dot_commands{".help", ".read", ".load", ".mode", ".headers", ".timer", ".echo", ".show",
                                            ".why", ".graph", ".once", ".output", ".schema", ".compact", ".import", ".dump", ".quit",
                                            ".exit", ".q", ".x", ".pager"};

namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// A dot-command's argument: the rest of the line, or, when it starts with
// a quote, the text inside the quotes (a file name with spaces). Throws
// when the quote is not closed.
std::string argument(const std::string& rest) {
    std::string a = trim(rest);
    if (a.empty() || (a[0] != '"' && a[0] != '\'')) return a;
    std::size_t close = a.find(a[0], 1);
    if (close == std::string::npos) throw UsageError("the quote before " + a.substr(1) + " is never closed");
    if (!trim(a.substr(close + 1)).empty())
        throw UsageError("unexpected '" + trim(a.substr(close + 1)) + "' after the quoted name");
    return a.substr(1, close - 1);
}

// on/off as sqlite3 takes it: any case, also yes/no, true/false, 1/0.
bool parse_switch(const std::string& arg, bool& out) {
    std::string a = lower(arg);
    if (a == "on" || a == "yes" || a == "true" || a == "1") {
        out = true;
        return true;
    }
    if (a == "off" || a == "no" || a == "false" || a == "0") {
        out = false;
        return true;
    }
    return false;
}

const char* format_name(Format f) {
    switch (f) {
        case Format::table: return "table";
        case Format::text: return "text";
        case Format::json: return "json";
        case Format::csv: return "csv";
    }
    return "text";
}

// Opens FILE for a redirect, truncating it, as sqlite3 does.
std::unique_ptr<std::ofstream> open_output(const std::string& cmd, const std::string& path) {
    if (path.empty()) throw UsageError(cmd + " takes a file to write to");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw UsageError(cmd + ": cannot write '" + path + "': it is a directory");
    auto out = std::make_unique<std::ofstream>(path, std::ios::trunc);
    if (!*out) throw UsageError(cmd + ": cannot write '" + path + "': " + std::strerror(errno));
    return out;
}

}  // namespace

bool Session::exit_command(const std::string& cmd, const std::string& arg, const Origin& origin) {
    if (cmd != ".quit" && cmd != ".q" && cmd != "\\q" && cmd != ".exit") return false;
    if (cmd == ".exit" && !arg.empty()) {
        // sqlite3's .exit CODE; an exit status is one byte.
        char* end = nullptr;
        errno = 0;
        long n = std::strtol(arg.c_str(), &end, 10);
        if (errno || *end || end == arg.c_str() || n < 0 || n > 255) {
            error(UsageError(".exit takes an exit status from 0 to 255, not '" + arg + "'"), origin);
            return true;
        }
        exit_status_ = static_cast<int>(n);
    } else if (!arg.empty()) {
        error(UsageError(cmd + " takes nothing after it (.exit N leaves with exit status N)"), origin);
        return true;
    }
    stopped_ = true;
    return true;
}

bool Session::setting_command(const std::string& cmd, const std::string& arg, const Origin& origin) {
    if (cmd == ".mode") {
        Format f;
        if (arg.empty()) out() << "current output mode: " << format_name(output_.format) << "\n";
        else if (!parse_format(lower(arg), f)) error(UsageError(".mode takes table, text, json or csv"), origin);
        else output_.format = f;
    } else if (cmd == ".headers" || cmd == ".timer" || cmd == ".echo") {
        bool& target = cmd == ".headers" ? output_.headers : cmd == ".timer" ? timer_ : options_.echo;
        if (!parse_switch(arg, target)) error(UsageError(cmd + " takes on or off"), origin);
    } else if (std::string now, wrong; set_output_option(output_, cmd, arg, now, wrong)) {  // .x, .pager
        if (!wrong.empty()) error(UsageError(wrong), origin);
        else out() << now << "\n";
    } else if (cmd == ".show") {
        auto on = [](bool b) { return b ? "on" : "off"; };
        out() << "    mode: " << format_name(output_.format) << "\n"
              << " headers: " << on(output_.headers) << "\n"
              << "   color: " << on(output_.color) << "\n"
              << "   timer: " << on(timer_) << "\n"
              << "    echo: " << on(options_.echo) << "\n"
              << "    bail: " << on(options_.bail) << (options_.interactive ? " (for .read scripts)" : "") << "\n"
              << "  output: " << (output_file_ ? shown(output_file_->path) : "stdout") << "\n"
              << "    once: " << (once_ ? shown(once_->path) : "off") << "\n";
    } else if (cmd == ".once") {
        once_.reset();
        once_ = Redirect{arg, open_output(".once", arg)};
    } else if (cmd == ".output") {
        if (output_file_) {
            bool ok = static_cast<bool>(output_file_->stream->flush());
            std::string path = output_file_->path;
            output_file_.reset();
            if (!ok) error(UsageError(".output: cannot write the output to '" + path + "' (a full disk?)"), origin);
        }
        if (!arg.empty() && arg != "stdout") output_file_ = Redirect{arg, open_output(".output", arg)};
    } else {
        return false;
    }
    return true;
}

bool Session::dot_command(const std::string& raw, const std::string& file, int line_no) {
    flush();
    std::string text = trim(raw);
    std::size_t space = text.find_first_of(" \t");
    std::string cmd = text.substr(0, space), arg;
    Origin origin{file, line_no, raw};
    try {
        std::string rest = space == std::string::npos ? "" : text.substr(space);
        arg = cmd == ".import" ? trim(rest) : argument(rest);  // .import FILE KIND: two arguments
        if (exit_command(cmd, arg, origin) || setting_command(cmd, arg, origin)) return !stopped();
    } catch (const Error& e) {
        error(e, origin);
        return !stopped();
    }
    if (cmd == ".help") {
        if (arg.empty()) {
            out() << help_text();
        } else if (bool kind = print_kind(arg); !help_topic(out(), arg) && !kind) {
            error(UsageError("no help on '" + arg + "'; try a command (.graph), a keyword (suppose) or a fact kind (tie)"),
                  origin);
        }
    } else if (cmd == ".why") {
        if (!last_ || last_->answers.empty()) {
            error(UsageError(".why explains the last defenders question, and there is none yet"), origin);
        } else {
            for (auto& a : last_->answers) {
                DefendersResult one = *last_;
                one.kind = DefendersResult::Kind::why;
                one.answers = {a};
                print_explanation(out(), one);
            }
        }
    } else if (cmd == ".schema") {
        print_kind("");
    } else if (cmd == ".read") {
        return read_script(arg, origin);
    } else if (cmd == ".graph") {
        if (!last_) {
            error(UsageError(".graph draws the last defenders answer, and there is none yet"), origin);
        } else if (arg.empty()) {
            out() << to_dot(*last_);
        } else {
            try {
                std::string what = write_graph(*last_, arg);
                out() << "wrote " << what << " to " << shown(arg) << "\n";
            } catch (const Error& e) {
                error(e, origin);
            }
        }
    } else if (cmd == ".load") {
        try {
            if (arg.empty()) throw UsageError(".load takes a rule file");
            engine_.load_rules(arg);
            out() << "loaded rules from " << shown(arg) << "\n";
        } catch (const Error& e) {
            error(e, origin);
        }
    } else if (cmd == ".import") {
        import_csv_command(arg, origin);
    } else if (cmd == ".dump") {
        dump_command(arg, origin);
    } else if (cmd == ".compact") {
        try {
            std::size_t n = engine_.compact();
            out() << "compacted the journal: " << n << " records kept\n";
        } catch (const Error& e) {
            error(e, origin);
        }
    } else {
        std::string msg = "unknown command '" + cmd + "'";
        if (auto s = nearest(cmd, dot_commands)) msg += "; did you mean '" + *s + "'?";
        else msg += " (.help lists the commands)";
        error(UsageError(msg), origin);
    }
    out().flush();
    return !stopped();
}

// .import FILE.csv KIND (a quoted FILE may hold spaces).
void Session::import_csv_command(const std::string& arg, const Origin& origin) {
    std::size_t cut = arg.find_last_of(" \t");
    std::string kind = cut == std::string::npos ? "" : arg.substr(cut + 1);
    std::string file = cut == std::string::npos ? arg : arg.substr(0, arg.find_last_not_of(" \t", cut) + 1);
    if (file.size() >= 2 && (file[0] == '"' || file[0] == '\'') && file.back() == file[0]) file = file.substr(1, file.size() - 2);
    try {
        if (file.empty() || kind.empty()) throw UsageError(".import takes a CSV file and a fact kind: .import FILE.csv tie");
        CsvImportReport r = import_csv(engine_, file, kind);
        // Listed one by one up to 1,000, as the ATOP import lists its rows:
        // a file of a million bad rows is then still reported in a screen.
        constexpr std::size_t listed = 1000;
        for (std::size_t i = 0; i < r.errors.size() && i < listed; ++i)
            error(UsageError(r.errors[i].message), Origin{file, static_cast<int>(std::max<std::size_t>(r.errors[i].line, 1)), ""});
        if (!r.errors.empty()) {
            std::set<std::size_t> bad_lines;  // rows, not errors: a row may have two
            for (auto& e : r.errors) bad_lines.insert(e.line);
            const std::size_t bad = bad_lines.size();
            throw UsageError("nothing was imported from " + shown(file) + ": " + std::to_string(bad) + " of its " +
                             std::to_string(r.rows) + " rows " + (bad == 1 ? "is" : "are") + " bad" +
                             (r.errors.size() > listed ? " (the first " + std::to_string(listed) + " errors are above)" : " (above)") +
                             "; fix them and run .import again (an import adds every row or none)");
        }
        out() << "imported " << r.added << " of " << r.rows << " rows of " << shown(file) << " as " << kind << " facts\n";
    } catch (const Error& e) {
        error(e, origin);
    }
}

// .dump: the script is made whole before a byte of it is written, so a
// value it cannot write leaves no half script behind.
void Session::dump_command(const std::string& arg, const Origin& origin) {
    try {
        if (!arg.empty()) throw UsageError(".dump takes nothing after it (.once FILE or .output FILE sends it to a file)");
        std::string script = dump_script(engine_.dump_data());
        std::ostream& o = out();
        // On a terminal nothing from the data is a control code (README);
        // into a file or a pipe the script goes byte for byte.
        if (&o == &std::cout && isatty(STDOUT_FILENO)) {
            std::istringstream lines(script);
            for (std::string l; std::getline(lines, l);) o << shown(l) << "\n";
        } else {
            o << script;
        }
    } catch (const Error& e) {
        error(e, origin);
    } catch (const std::exception& e) {
        error(Error(std::string("internal error: ") + e.what()), origin);
    }
}

bool Session::print_kind(const std::string& only) {
    bool found = false;
    for (auto& k : engine_.schema()) {
        if (!only.empty() && k.name != only) continue;
        std::string line = k.name + "(";
        for (std::size_t i = 0; i < k.arg_types.size(); ++i) line += (i ? ", " : "") + k.arg_types[i];
        out() << shown(line + ")  " + k.doc) << "\n";
        found = true;
    }
    return found;
}

bool Session::read_script(const std::string& path, const Origin& origin) {
    std::error_code ec;
    if (path.empty()) {
        error(UsageError(".read takes the file of a script to run"), origin);
        return !stopped();
    }
    if (std::filesystem::is_directory(path, ec)) {
        error(UsageError("cannot read '" + path + "': it is a directory, not a script"), origin);
        return !stopped();
    }
    std::ifstream in(path);
    if (!in) {
        error(UsageError("cannot read '" + path + "': " + std::strerror(errno)), origin);
        return !stopped();
    }
    // A script that reads itself, directly or through others, would recurse
    // until the stack overflows; sqlite3 stops at the same depth.
    if (read_depth_ >= max_read_depth) {
        error(UsageError(".read nesting limit (" + std::to_string(max_read_depth) + ") reached at '" + path +
                         "': does a script read itself?"),
              origin);
        return !stopped();
    }
    ++read_depth_;
    run_stream(in, path);
    --read_depth_;
    // In the REPL, a script that --bail stopped ends there: the session goes on.
    if (options_.interactive && read_depth_ == 0) bailed_ = false;
    return !stopped();
}

}  // namespace casus::cli
