#include "help.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace casus::cli {

const char* help_text() {
    return "Questions:\n"
           "  who would defend <state> against <state>\n"
           "  would <state> defend <state> against <state>\n"
           "  who must defend <state> [against <state>]   (who is obligated to defend)\n"
           "  why would <state> [not] defend <state> against <state>\n"
           "  why [not] <state>           about the last defenders answer\n"
           "  what ties <state> to <state>;  which treaties bind <state>\n"
           "  who backs <state>;  who belongs to <org>;  members of <org>\n"
           "  list states | organisations | treaties | declarations | issues\n"
           "       | events | territories\n"
           "  list facts about <name>;  history of <name>\n"
           "  defence matrix [among <state>, <state>, ...]   each against each\n"
           "Modifiers:\n"
           "  as of YYYY-MM-DD <question>\n"
           "  suppose <add/retract> [and ...]: <question>\n"
           "  ... in <place>   where the attack falls (a state, territory or issue),\n"
           "                   after a defenders, would, must or why question\n"
           "Statements:\n"
           "  add <fact> [on YYYY-MM-DD] [source \"text\"]\n"
           "  retract <fact> [on YYYY-MM-DD]\n"
           "  define state|organisation|issue <id> \"Name\" [source \"text\"]\n"
           "  define treaty <id> \"Name\" [of <org>] [signed YYYY-MM-DD]\n"
           "         [in force YYYY-MM-DD] [source \"text\"]\n"
           "  define clause <treaty> <id> defence|offence|neutrality|non_aggression\n"
           "         |consultation|none \"Title\" [against <state>, ...]\n"
           "         [in own territory|<region>, ...] [source \"text\"]\n"
           "  define event <id> \"Name\" on YYYY-MM-DD [by <state>] [against <state>]\n"
           "  define declaration <id> \"Title\" on YYYY-MM-DD [source \"text\"]\n"
           "  define territory <id> \"Name\" of <state> in <region> [source \"text\"]\n"
           "  export dyads YEARS [on MM-DD] [as csv|json] [to \"FILE\"] [among ...]\n"
           "Dot-commands:\n"
           "  .help [TOPIC]         this text, or its lines about TOPIC (.help graph)\n"
           "  .read FILE            run a script\n"
           "  .load FILE            load your own rules (casus_user:factor/6 clauses)\n"
           "  .mode [table|text|json|csv]   how answers are printed (alone: which)\n"
           "  .headers on|off       column headers in table and csv output\n"
           "  .timer on|off         print how long each statement took\n"
           "  .echo on|off          print each statement before its answer\n"
           "  .show                 the current settings\n"
           "  .x on|off|auto        tables as one record per block (auto: when wider\n"
           "                        than the terminal)\n"
           "  .pager on|off         long answers go through $PAGER (less -FRX)\n"
           "  .why                  explain every state of the last defenders answer\n"
           "  .graph [FILE]         the last defenders answer as Graphviz DOT\n"
           "                        (FILE.svg, FILE.png: rendered by dot)\n"
           "  .once FILE            the next statement's output goes to FILE\n"
           "  .output [FILE]        all output goes to FILE; alone: back to the screen\n"
           "  .schema               the fact kinds and their arguments\n"
           "  .import FILE.csv KIND add facts of one kind from a CSV file: every row or none\n"
           "  .dump                 the definitions and facts added, as a script\n"
           "  .compact              rewrite the journal as a compact snapshot\n"
           "  .exit [N]             leave with exit status N (also .quit, .q, \\q,\n"
           "                        quit, exit, Ctrl-D)\n"
           "Keys: Ctrl-C cancels a running question, or clears the line; Tab completes\n"
           "keywords, names, fact kinds after add, and file names after .read.\n";
}

bool help_topic(std::ostream& out, std::string topic) {
    if (!topic.empty() && topic[0] == '.') topic.erase(0, 1);
    std::transform(topic.begin(), topic.end(), topic.begin(), [](unsigned char c) { return std::tolower(c); });
    if (topic.empty()) return false;
    bool found = false;
    std::istringstream lines(help_text());
    for (std::string line; std::getline(lines, line);) {
        std::string lower = line;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (std::size_t at = lower.find(topic); at != std::string::npos; at = lower.find(topic, at + 1)) {
            auto word = [&](std::size_t i) {
                return i < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[i])) || lower[i] == '_');
            };
            if ((at == 0 || !word(at - 1)) && !word(at + topic.size())) {
                out << line << "\n";
                found = true;
                break;
            }
        }
    }
    return found;
}

namespace {

// Text for roff: a backslash doubled, a line that starts with . or '
// protected, a hyphen written as \- (man(7) asks for it in option names).
std::string roff(const std::string& text, bool hyphens = false) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-' && hyphens) out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

void write_options(std::ostream& out, const CLI::App& app) {
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_group().empty() || o->get_positional()) continue;
        std::string names = o->get_name(false, true);
        std::string type = o->get_type_size() != 0 ? " " + o->get_type_name() : "";
        out << ".TP\n.B " << roff(names, true) << roff(type, true) << "\n" << roff(o->get_description()) << "\n";
    }
}

}  // namespace

void write_man_page(std::ostream& out, const CLI::App& app, const std::string& version) {
    out << ".\\\" Generated by casus --man from the text of --help and .help; do not edit.\n"
        << ".TH CASUS 1 \"\" \"casus " << version << "\" \"User Commands\"\n"
        << ".SH NAME\ncasus \\- who is bound to defend whom, and who actually would\n"
        << ".SH SYNOPSIS\n.B casus\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR|\\fB\\-\\fR]...\n.br\n"
        << ".B casus\n[\\fB\\-\\-data\\fR \\fIDIR\\fR] \\fBimport\\fR|\\fBbacktest\\fR|\\fBrepair\\fR|\\fBdump\\fR ...\n"
        << ".SH DESCRIPTION\n" << roff(app.get_description()) << "\n"
        << ".SH OPTIONS\n";
    write_options(out, app);
    out << ".SH SUBCOMMANDS\n";
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        out << ".TP\n.B " << roff(sub->get_name()) << "\n" << roff(sub->get_description()) << "\n";
    out << ".SH THE LANGUAGE AND THE REPL\n.nf\n" << roff(help_text()) << ".fi\n"
        << ".SH ENVIRONMENT\n"
        << ".TP\n.B NO_COLOR\nset and not empty: no colour\n"
        << ".TP\n.B TERM\n\\fBdumb\\fR: no colour\n"
        << ".TP\n.B CASUS_TODAY\nYYYY-MM-DD: the date taken as today\n"
        << ".TP\n.B XDG_DATA_HOME\nwhere the data directory and the history are (default ~/.local/share)\n"
        << ".SH FILES\n"
        << ".TP\n.I ~/.casusrc\nstatements and dot-commands run when the REPL starts (\\fB\\-\\-init\\fR FILE instead)\n"
        << ".TP\n.I $XDG_DATA_HOME/casus/history\nthe REPL's history, at most 2000 entries\n"
        << ".SH EXIT STATUS\n0 when every statement succeeded, 1 when any failed, 2 for bad usage, "
           "N after \\fB.exit\\fR N.\n";
}

}  // namespace casus::cli
