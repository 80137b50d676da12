#include "session.hpp"

#include "graph.hpp"
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
    if (t[0] == '.') return true;
    std::string w;
    for (char c : t) {
        if (!std::isalpha(static_cast<unsigned char>(c))) break;
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (auto k : {"who", "would", "why", "what", "which", "list", "history", "as", "suppose", "add", "retract", "members", "import", "defence", "defense"})
        if (w == k) return true;
    return false;
}

const char* help_text =
    "Questions:\n"
    "  who would defend <state> against <state>\n"
    "  would <state> defend <state> against <state>\n"
    "  who must defend <state> [against <state>]      (also: who is obligated to defend ...)\n"
    "  why would <state> [not] defend <state> against <state>;  why [not] <state>\n"
    "  what ties <state> to <state>;  which treaties bind <state>;  who backs <state>\n"
    "  who belongs to <organisation>;  members of <organisation>\n"
    "  list states | organisations | treaties | declarations | issues | events | territories | facts about <name>;  history of <name>\n"
    "  defence matrix [among <state>, <state>, ...]  every ordered pair: who would defend each against each\n"
    "Modifiers:  as of YYYY-MM-DD <question>;  suppose <add/retract> [and ...]: <question>\n"
    "Statements: add <fact> [on YYYY-MM-DD] [source \"text\"];  retract <fact> [on YYYY-MM-DD]\n"
    "  ... in <place>: where the attack falls (a state, territory or issue) after a defenders, would, must or why question\n"
    "  define state|organisation|issue <id> \"Name\" [source \"text\"]\n"
    "  define treaty <id> \"Name\" [of <organisation>] [signed YYYY-MM-DD] [in force YYYY-MM-DD] [source \"text\"]\n"
    "  define clause <treaty> <id> defence|offence|neutrality|non_aggression|consultation|none \"Title\"\n"
    "         [against <state>, ...] [in own territory|<region>, ...] [source \"text\"]\n"
    "  define event <id> \"Name\" on YYYY-MM-DD [by <state>] [against <state>] [source \"text\"]\n"
    "  define declaration <id> \"Title\" on YYYY-MM-DD [source \"text\"]\n"
    "  define territory <id> \"Name\" of <state> in <region> [source \"text\"]\n"
    "Dot-commands:\n"
    "  .help [TOPIC]              this text, or its lines about TOPIC (.help graph, .help suppose)\n"
    "  .read FILE                 run a script\n"
    "  .load FILE                 load your own rules (casus_user:factor/6 clauses)\n"
    "  .mode table|text|json|csv  how answers are printed\n"
    "  .timer on|off              print how long each statement took\n"
    "  .x on|off|auto             tables as one record per block (auto: when wider than the terminal)\n"
    "  .pager on|off              answers longer than the screen go through $PAGER (less -FRX)\n"
    "  .why                       explain every state of the last defenders answer\n"
    "  .graph [FILE]              the last defenders answer as Graphviz DOT (FILE.svg/.png: rendered)\n"
    "  .once FILE                 write the next answer to FILE instead of the screen\n"
    "  .schema                    the fact kinds and their arguments\n"
    "  .compact                   rewrite the journal as a compact snapshot\n"
    "  .quit                      leave (also Ctrl-D); Ctrl-C cancels a running question\n";

// .help TOPIC: the lines of the help that mention the topic (a
// dot-command, a keyword, a fact kind), matched as a whole word.
bool help_topic(std::ostream& out, std::string topic) {
    if (!topic.empty() && topic[0] == '.') topic.erase(0, 1);
    std::transform(topic.begin(), topic.end(), topic.begin(), [](unsigned char c) { return std::tolower(c); });
    bool found = false;
    std::istringstream lines(help_text);
    for (std::string line; std::getline(lines, line);) {
        std::string lower = line;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (std::size_t at = lower.find(topic); at != std::string::npos; at = lower.find(topic, at + 1)) {
            auto word = [&](std::size_t i) { return i < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[i])) || lower[i] == '_'); };
            if ((at == 0 || !word(at - 1)) && !word(at + topic.size())) {
                out << line << "\n";
                found = true;
                break;
            }
        }
    }
    return found;
}

}  // namespace

const std::vector<std::string> dot_commands{".help", ".read", ".load", ".mode", ".timer", ".why", ".graph",
                                            ".once", ".schema", ".compact", ".quit", ".exit", ".x", ".pager"};

Session::Session(Engine& engine, OutputOptions output, bool bail) : engine_(engine), output_(output), bail_(bail) {
    output_.engine = &engine_;  // display names in titles and rows
}

bool Session::incomplete(const std::string& text) const {
    try {
        parse_statement(text);
        return false;
    } catch (const SyntaxError& e) {
        return e.at_end;
    }
}

void Session::error(const Error& e, const Origin& origin) {
    failed_ = true;
    std::cout.flush();
    print_error(std::cerr, std::cout, e, origin, output_);
    std::cerr.flush();
    if (bail_) stopped_ = true;
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
                print_result(std::cout, u.result, u.origin.text, output_);
        }
    } catch (const Error& e) {
        // The batch is not durable: none of its statements is acknowledged,
        // and no answer that saw its changes is printed.
        for (auto& u : unacknowledged_) error(e, u.origin);
    }
    unacknowledged_.clear();
    std::cout.flush();
}

void Session::statement(const std::string& text, const std::string& file, int line) {
    Origin origin{file, line, text};
    auto start = std::chrono::steady_clock::now();
    try {
        Result r = engine_.execute(text);
        if (auto* c = std::get_if<ChangeResult>(&r); c && engine_.pending() > 0) {
            unacknowledged_.push_back({r, origin});
            if (unacknowledged_.size() >= batch_size) flush();
            return;
        }
        if (auto* d = std::get_if<DefendersResult>(&r)) last_ = *d;
        // An answer asked after changes not yet durable waits with them:
        // printed once they are on disk, and never if the disk refuses
        // them. One fsync per batch, not one per question: a script of
        // adds and questions ran at 1,700 statements/s, fsync-bound.
        if (!unacknowledged_.empty() && !once_ && !timer_) {
            unacknowledged_.push_back({std::move(r), origin});
            if (unacknowledged_.size() >= batch_size) flush();
            return;
        }
        flush();
        if (once_) {
            std::string path = *once_;
            once_.reset();
            std::ofstream out(path, std::ios::trunc);
            OutputOptions plain = output_;
            plain.color = false;
            print_result(out, r, text, plain);
            if (!out.flush()) throw UsageError("cannot write the answer to '" + path + "'");
        } else {
            print_result(std::cout, r, text, output_);
        }
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
    std::cout.flush();
}

bool Session::dot_command(const std::string& raw, const std::string& file, int line_no) {
    flush();
    std::istringstream words(trim(raw));
    std::string cmd, arg;
    words >> cmd;
    std::getline(words, arg);
    arg = trim(arg);
    Origin origin{file, line_no, raw};
    if (cmd == ".quit" || cmd == ".exit") {
        stopped_ = true;
        return false;
    }
    if (cmd == ".help") {
        if (arg.empty()) {
            std::cout << help_text;
        } else if (bool kind = print_kind(arg); !help_topic(std::cout, arg) && !kind) {
            error(UsageError("no help on '" + arg + "'; try a command (.graph), a keyword (suppose) or a fact kind (tie)"),
                  origin);
        }
    } else if (cmd == ".mode") {
        Format f;
        if (!parse_format(arg, f)) error(UsageError(".mode takes table, text, json or csv"), origin);
        else output_.format = f;
    } else if (std::string now, wrong; set_output_option(output_, cmd, arg, now, wrong)) {  // .x, .pager
        if (!wrong.empty()) error(UsageError(wrong), origin);
        else std::cout << now << "\n";
    } else if (cmd == ".timer") {
        if (arg == "on") timer_ = true;
        else if (arg == "off") timer_ = false;
        else error(UsageError(".timer takes on or off"), origin);
    } else if (cmd == ".why") {
        if (!last_ || last_->answers.empty()) {
            error(UsageError(".why explains the last defenders question, and there is none yet"), origin);
        } else {
            for (auto& a : last_->answers) {
                DefendersResult one = *last_;
                one.kind = DefendersResult::Kind::why;
                one.answers = {a};
                print_explanation(std::cout, one);
            }
        }
    } else if (cmd == ".schema") {
        print_kind("");
    } else if (cmd == ".read") {
        return read_script(arg, origin);
    } else if (cmd == ".once") {
        // Checked now, so a bad path is reported here and not after the question.
        std::ofstream probe(arg, std::ios::app);
        if (arg.empty() || !probe) error(UsageError(".once takes a file it can write: cannot write '" + arg + "'"), origin);
        else once_ = arg;
    } else if (cmd == ".graph") {
        if (!last_) {
            error(UsageError(".graph draws the last defenders answer, and there is none yet"), origin);
        } else if (arg.empty()) {
            std::cout << to_dot(*last_);
        } else {
            try {
                std::string what = write_graph(*last_, arg);
                std::cout << "wrote " << what << " to " << shown(arg) << "\n";
            } catch (const Error& e) {
                error(e, origin);
            }
        }
    } else if (cmd == ".load") {
        try {
            if (arg.empty()) throw UsageError(".load takes a rule file");
            engine_.load_rules(arg);
            std::cout << "loaded rules from " << shown(arg) << "\n";
        } catch (const Error& e) {
            error(e, origin);
        }
    } else if (cmd == ".compact") {
        try {
            std::size_t n = engine_.compact();
            std::cout << "compacted the journal: " << n << " records kept\n";
        } catch (const Error& e) {
            error(e, origin);
        }
    } else {
        std::string msg = "unknown command '" + cmd + "'";
        if (auto s = nearest(cmd, dot_commands)) msg += "; did you mean '" + *s + "'?";
        else msg += " (.help lists the commands)";
        error(UsageError(msg), origin);
    }
    return !stopped_;
}

bool Session::print_kind(const std::string& only) {
    bool found = false;
    for (auto& k : engine_.schema()) {
        if (!only.empty() && k.name != only) continue;
        std::string line = k.name + "(";
        for (std::size_t i = 0; i < k.arg_types.size(); ++i) line += (i ? ", " : "") + k.arg_types[i];
        std::cout << shown(line + ")  " + k.doc) << "\n";
        found = true;
    }
    return found;
}

bool Session::run_text(const std::string& text, const std::string& file, int line) {
    if (blank_or_comment(text)) return true;
    if (trim(text)[0] == '.') return dot_command(text, file, line);
    statement(text, file, line);
    return !stopped_;
}

bool Session::read_script(const std::string& path, const Origin& origin) {
    std::error_code ec;
    if (path.empty()) {
        error(UsageError(".read takes the file of a script to run"), origin);
        return !stopped_;
    }
    if (std::filesystem::is_directory(path, ec)) {
        error(UsageError("cannot read '" + path + "': it is a directory, not a script"), origin);
        return !stopped_;
    }
    std::ifstream in(path);
    if (!in) {
        error(UsageError("cannot read '" + path + "': " + std::strerror(errno)), origin);
        return !stopped_;
    }
    // A script that reads itself, directly or through others, would recurse
    // until the stack overflows; sqlite3 stops at the same depth.
    if (read_depth_ >= max_read_depth) {
        error(UsageError(".read nesting limit (" + std::to_string(max_read_depth) + ") reached at '" + path +
                         "': does a script read itself?"),
              origin);
        return !stopped_;
    }
    ++read_depth_;
    bool go_on = run_stream(in, path);
    --read_depth_;
    return go_on;
}

bool Session::run_stream(std::istream& in, const std::string& file) {
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        // A UTF-8 byte-order mark (editors on Windows write one) is not text.
        if (lines.empty() && l.compare(0, 3, "\xEF\xBB\xBF") == 0) l.erase(0, 3);
        lines.push_back(l);
    }
    for (std::size_t i = 0; i < lines.size() && !stopped_; ++i) {
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
    return !stopped_;
}

}  // namespace casus::cli
