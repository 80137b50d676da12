// The one text of casus's help: .help prints it, --help prints the
// options CLI11 knows, and the man page (casus --man, run by the build)
// is made from both, so the three never disagree.
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace casus::cli {

// The REPL's help: the language and the dot-commands, every line at most
// 80 columns wide.
const char* help_text();

// .help TOPIC: the lines of the help that mention the topic (a
// dot-command, a keyword), matched as a whole word. False if none does.
bool help_topic(std::ostream& out, std::string topic);

// casus.1 in roff (man(7)) from the options of app and help_text().
void write_man_page(std::ostream& out, const CLI::App& app, const std::string& version);

}  // namespace casus::cli
