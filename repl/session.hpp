// A casus session: runs statements and dot-commands from scripts, -e
// arguments or the REPL, prints answers and errors, and keeps score for
// the exit status. Adds from scripts go through group commit.
#pragma once

#include "casus/engine.hpp"
#include "output.hpp"

#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace casus::cli {

// The dot-commands, for completion and suggestions.
extern const std::vector<std::string> dot_commands;

struct SessionOptions {
    bool bail = false;         // --bail: a failing statement stops its script
    bool echo = false;         // --echo: print each statement before its answer
    bool interactive = false;  // the REPL: --bail applies to .read scripts only
};

class Session {
public:
    Session(Engine& engine, OutputOptions output, SessionOptions options);

    // Runs every statement of a stream (a script or piped stdin).
    // Returns false if the session should stop (--bail after an error, .quit).
    bool run_stream(std::istream& in, const std::string& file);
    // Runs one piece of text (an -e argument or a complete REPL entry).
    bool run_text(const std::string& text, const std::string& file, int line);

    // True when text is an unfinished statement that more lines could complete.
    bool incomplete(const std::string& text) const;

    bool failed() const { return failed_; }
    // How many define statements have run: the REPL reloads the names it
    // completes when this changes.
    std::size_t definitions() const { return definitions_; }
    // .quit, .exit, or --bail after an error in a batch run.
    bool stopped() const { return stopped_ || bailed_; }
    // The exit status .exit N asked for, if any.
    std::optional<int> exit_status() const { return exit_status_; }
    OutputOptions& output() { return output_; }
    void flush();  // commit pending adds and print their acknowledgements

private:
    bool dot_command(const std::string& line, const std::string& file, int line_no);
    // The settings' dot-commands (.mode, .headers, .timer, .echo, .show,
    // .once, .output); false if cmd is none of them.
    bool setting_command(const std::string& cmd, const std::string& arg, const Origin& origin);
    bool exit_command(const std::string& cmd, const std::string& arg, const Origin& origin);
    void import_csv_command(const std::string& arg, const Origin& origin);
    void dump_command(const std::string& arg, const Origin& origin);
    // .read FILE: runs a script, refusing directories and endless nesting.
    bool read_script(const std::string& path, const Origin& origin);
    // Prints the schema line of one fact kind (all when only is empty).
    bool print_kind(const std::string& only);
    void statement(const std::string& text, const std::string& file, int line);
    void error(const Error& e, const Origin& origin);
    // Where answers go now: the .once file, the .output file, or stdout.
    std::ostream& out();
    // The output options for out(): no colour in a file.
    OutputOptions out_options() const;
    void end_once(const Origin& origin);

    Engine& engine_;
    OutputOptions output_;
    SessionOptions options_;
    bool failed_ = false, stopped_ = false, bailed_ = false, timer_ = false;
    std::optional<int> exit_status_;
    static constexpr int max_read_depth = 25;
    int read_depth_ = 0;
    std::size_t definitions_ = 0;
    std::optional<DefendersResult> last_;
    // .once FILE: the next statement's output; .output FILE: until .output.
    struct Redirect {
        std::string path;
        std::unique_ptr<std::ofstream> stream;
    };
    std::optional<Redirect> once_, output_file_;
    bool once_armed_ = false;  // the statement running now writes to once_
    // Changes applied but not yet durable, and the answers asked after
    // them: printed once their batch is committed.
    struct Unacknowledged {
        Result result;
        Origin origin;  // origin.text is the statement as typed
    };
    std::vector<Unacknowledged> unacknowledged_;
};

}  // namespace casus::cli
