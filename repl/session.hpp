// A casus session: runs statements and dot-commands from scripts, -e
// arguments or the REPL, prints answers and errors, and keeps score for
// the exit status. Adds from scripts go through group commit.
#pragma once

#include "casus/engine.hpp"
#include "output.hpp"

#include <istream>
#include <optional>
#include <string>

namespace casus::cli {

// The dot-commands, for completion and suggestions.
extern const std::vector<std::string> dot_commands;

class Session {
public:
    Session(Engine& engine, OutputOptions output, bool bail);

    // Runs every statement of a stream (a script or piped stdin).
    // Returns false if the session should stop (--bail after an error, .quit).
    bool run_stream(std::istream& in, const std::string& file);
    // Runs one piece of text (an -e argument or a complete REPL entry).
    bool run_text(const std::string& text, const std::string& file, int line);

    // True when text is an unfinished statement that more lines could complete.
    bool incomplete(const std::string& text) const;

    bool failed() const { return failed_; }
    bool stopped() const { return stopped_; }
    OutputOptions& output() { return output_; }
    void flush();  // commit pending adds and print their acknowledgements

private:
    bool dot_command(const std::string& line, const std::string& file, int line_no);
    // .read FILE: runs a script, refusing directories and endless nesting.
    bool read_script(const std::string& path, const Origin& origin);
    // Prints the schema line of one fact kind (all when only is empty).
    bool print_kind(const std::string& only);
    void statement(const std::string& text, const std::string& file, int line);
    void error(const Error& e, const Origin& origin);

    Engine& engine_;
    OutputOptions output_;
    bool bail_;
    bool failed_ = false, stopped_ = false, timer_ = false;
    static constexpr int max_read_depth = 25;
    int read_depth_ = 0;
    std::optional<DefendersResult> last_;
    std::optional<std::string> once_;  // .once FILE: where the next answer goes
    // Changes applied but not yet durable, and the answers asked after
    // them: printed once their batch is committed.
    struct Unacknowledged {
        Result result;
        Origin origin;  // origin.text is the statement as typed
    };
    std::vector<Unacknowledged> unacknowledged_;
};

}  // namespace casus::cli
