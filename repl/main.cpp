// casus: the command people run. A REPL on a terminal, a batch runner on
// files, pipes and -e arguments.
#include "backtest_output.hpp"
#include "casus/backtest.hpp"
#include "casus/engine.hpp"
#include "casus/repair.hpp"
#include "export_command.hpp"
#include "help.hpp"
#include "interactive.hpp"
#include "sanitize.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>

#include <clocale>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace {

std::filesystem::path default_data_dir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "casus";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local" / "share" / "casus";
    return ".casus";
}

// A progress bar on stderr when it is a terminal, erased when done.
void progress_bar(std::size_t done, std::size_t total) {
    constexpr int width = 40;
    int filled = total ? static_cast<int>(width * done / total) : width;
    std::cerr << "\rimporting member rows [" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done
              << "/" << total << std::flush;
    if (done == total) std::cerr << "\r" << std::string(width + 40, ' ') << "\r" << std::flush;
}

int run_import(casus::Engine& engine, const std::string& dir, const std::string& states, const casus::cli::OutputOptions& output) {
    if (isatty(STDERR_FILENO)) engine.set_progress(progress_bar);
    try {
        casus::Result r = engine.import_atop(dir, states);
        casus::cli::print_result(std::cout, r, "import atop", output);
        return 0;
    } catch (const casus::Error& e) {
        std::cerr << "casus: import failed: " << casus::cli::shown(e.what()) << "\n";
        return 1;
    }
}

int run_backtest(casus::Engine& engine, const std::filesystem::path& wars, const std::string& fit_file,
                 const casus::cli::OutputOptions& output) {
    try {
        const casus::BacktestReport report = casus::run_backtest(engine, wars);
        if (!fit_file.empty()) {
            casus::write_fitted_model(fit_file, report);
            std::cerr << "casus: wrote the fitted coefficients to " << casus::cli::shown(fit_file)
                      << "; they take effect when casus is built (or its kb loaded) again\n";
        }
        casus::cli::print_backtest(std::cout, report, output);
        return 0;
    } catch (const casus::Error& e) {
        std::cerr << "casus: backtest failed: " << casus::cli::shown(e.what()) << "\n";
        return 1;
    }
}

// casus repair: the journal alone, no Prolog engine.
int run_repair(const std::filesystem::path& dir) {
    using casus::cli::shown;
    try {
        casus::RepairReport r = casus::repair_data_dir(dir);
        if (r.quarantined == 0) {
            std::cout << shown(r.journal.string()) << " needs no repair: " << r.kept << " records, all readable\n";
            return 0;
        }
        std::cout << "repaired " << shown(r.journal.string()) << ": kept " << r.kept << " readable records; moved "
                  << r.quarantined << " unreadable runs (" << r.quarantined_bytes << " bytes) to "
                  << shown(r.quarantine.string()) << "\n";
        for (auto& d : r.details) std::cout << "  quarantined: " << shown(d) << "\n";
        if (r.generation_restored) std::cout << "  the damaged first record's snapshot generation was written again\n";
        return 0;
    } catch (const casus::Error& e) {
        std::cerr << "casus: repair failed: " << shown(e.what()) << "\n";
        return 1;
    }
}

// What to run, in the order given on the command line.
struct Input {
    enum Kind { statement, file, standard_input } kind;
    std::string text;  // the statement, or the file name
};

// -e statements and script files (- is stdin) in the order given.
std::vector<Input> inputs_in_order(const CLI::App& app, const CLI::Option* execute, const CLI::Option* files_option,
                                   const std::vector<std::string>& statements, const std::vector<std::string>& files) {
    std::vector<Input> out;
    std::size_t e = 0, f = 0;
    for (const CLI::Option* o : app.parse_order()) {
        if (o == execute && e < statements.size()) out.push_back({Input::statement, statements[e++]});
        else if (o == files_option && f < files.size())
            out.push_back(files[f] == "-" ? Input{Input::standard_input, "-"} : Input{Input::file, files[f]}), ++f;
    }
    return out;
}

// Colour only on a terminal that shows it: NO_COLOR set to anything but
// the empty string turns it off (https://no-color.org), and so does
// TERM=dumb (a terminal that has no escape codes).
bool use_color() {
    if (!isatty(STDOUT_FILENO)) return false;
    if (const char* n = std::getenv("NO_COLOR"); n && *n) return false;
    if (const char* t = std::getenv("TERM"); t && std::string(t) == "dumb") return false;
    return true;
}

// ~/.casusrc, read when the REPL starts (a batch run does not read it,
// so a script gives the same answers everywhere).
std::filesystem::path default_init_file() {
    const char* h = std::getenv("HOME");
    return h && *h ? std::filesystem::path(h) / ".casusrc" : std::filesystem::path();
}

int run_batch(casus::Engine& engine, casus::cli::Session& session, const std::vector<Input>& inputs) {
    engine.set_group_commit(true);
    int statement_no = 0;  // an error in the second -e is at -e:2
    for (const Input& in : inputs) {
        if (session.stopped()) break;
        if (in.kind == Input::statement) {
            session.run_text(in.text, "-e", ++statement_no);
        } else if (in.kind == Input::standard_input) {
            session.run_stream(std::cin, "<stdin>");
        } else {
            std::ifstream f(in.text);
            session.run_stream(f, in.text);
        }
    }
    session.flush();
    engine.set_group_commit(false);
    if (session.exit_status()) return *session.exit_status();
    return session.failed() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    CLI::App app{"casus: who is bound to defend whom, and who actually would.\n"
                 "Runs -e statements and FILEs in the order given (- is stdin), or stdin; on a terminal with no "
                 "input, a REPL (.help there lists the language and the dot-commands)."};
    std::vector<std::string> files, statements, rules, commands;
    std::string format, kb_dir, data_dir, init_file;
    bool bail = false, memory = false, version = false, upgrade_snapshot = false, echo = false, man = false;
    double timeout = 30;
    std::size_t memory_limit = 0;
    const CLI::Validator file_or_stdin(
        [](std::string& s) { return s == "-" ? std::string() : CLI::ExistingFile(s); }, "FILE");
    CLI::Option* files_option = app.add_option("files", files, "Script files to run, in order (- reads stdin)")->check(file_or_stdin);
    // Each -e, --rules and --cmd takes exactly one argument, so that
    // `--rules a.pl script.casus` leaves the script a script.
    CLI::Option* execute = app.add_option("-e,--execute", statements, "Run this one statement (repeatable; with FILEs, in the order given), then exit")
        ->allow_extra_args(false);
    app.add_option("-f,--format", format, "Output format: table (default on a terminal), text, json (JSON Lines) or csv")
        ->check(CLI::IsMember({"table", "text", "json", "csv"}));
    app.add_flag("--bail", bail, "Stop a script at its first failing statement, with exit status 1 (in the REPL: the scripts .read runs)");
    app.add_flag("--echo", echo, "Print each statement before its answer");
    app.add_option("--cmd", commands, "Run this statement or dot-command first, before the REPL or the inputs (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--init", init_file, "Run this file when the REPL starts, instead of ~/.casusrc")->check(CLI::ExistingFile);
    bool no_pager = false;
    app.add_flag("--no-pager", no_pager, "Never page answers longer than the screen (default: $PAGER, else less -FRX, on a terminal)");
    app.add_option("--kb", kb_dir, "Knowledge-base directory (default: the installed or source kb)")->check(CLI::ExistingDirectory);
    app.add_option("--rules", rules, "Load your own rule file (casus_user:factor/6 clauses; repeatable)")
        ->check(CLI::ExistingFile)->allow_extra_args(false);
    CLI::Option* data_option = app.add_option("--data", data_dir, "Data directory for added facts (default: $XDG_DATA_HOME/casus or ~/.local/share/casus)");
    app.add_flag("--memory", memory, "Keep added facts in memory only: nothing is read or written on disk but the REPL's history");
    app.add_option("--timeout", timeout, "Seconds a question or an import may run before it is stopped (0: no limit)")->check(CLI::NonNegativeNumber);
    app.add_option("--memory-limit", memory_limit, "MB a question (or a rule file loading) may grow casus by before it is stopped (default: the stack limit + 1024)")
        ->check(CLI::PositiveNumber);
    app.add_flag("--version", version, "Print the version and exit");
    app.add_flag("--upgrade-snapshot", upgrade_snapshot,
                 "Load the data directory's snapshot.qlf, written by an older casus as compiled code, this once, "
                 "and rewrite it as data (only for a file you trust: loading it runs its code)");
    app.add_flag("--man", man, "Print the man page (roff) and exit")->group("");  // for the build
    std::string dataset, import_dir, states_file;
    CLI::App* import_cmd = app.add_subcommand("import", "Import a dataset into the data directory, durably: import atop DIR --states FILE");
    import_cmd->add_option("dataset", dataset, "The dataset: atop (ATOP 4.01)")->required()->check(CLI::IsMember({"atop"}));
    import_cmd->add_option("dir", import_dir, "The ATOP directory (atop-alliance-level.csv, atop-member-level.csv)")
        ->required()->check(CLI::ExistingDirectory);
    import_cmd->add_option("--states", states_file, "The COW state list (states2016.csv)")->required()->check(CLI::ExistingFile);
    std::string wars_file;
    CLI::App* backtest_cmd = app.add_subcommand(
        "backtest", "Ask casus about every attack of real wars (as of its eve) and score the answers against who fought");
    backtest_cmd->add_option("wars", wars_file, "A war-dyad file (default: the shipped COW interstate war dyads)")
        ->check(CLI::ExistingFile);
    std::string fit_file;
    backtest_cmd->add_option("--fit", fit_file,
                             "Fit the verdict model's fitted terms to the wars and write them to FILE "
                             "(kb/verdict_model_fitted.pl)");
    CLI::App* repair_cmd = app.add_subcommand("repair", "Repair a damaged journal: keep every readable record, move the "
                                                        "rest to a quarantine file beside it: repair [--data DIR]");
    repair_cmd->fallthrough();  // casus repair --data DIR
    CLI::App* dump_cmd = app.add_subcommand("dump", "Print what was added to the data directory as a casus script that "
                                                    "rebuilds it (as .dump): dump [--data DIR]");
    dump_cmd->fallthrough();  // casus dump --data DIR
    casus::cli::ExportArgs export_args;
    CLI::App* export_cmd = casus::cli::add_export_command(app, export_args);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 echoes the arguments (a file name that does not exist):
        // its message is escaped like every other, a line at a time.
        std::ostringstream help, message;
        int code = app.exit(e, help, message);
        std::cout << help.str();
        std::istringstream lines(message.str());
        for (std::string line; std::getline(lines, line);) std::cerr << casus::cli::shown(line) << "\n";
        return e.get_exit_code() == 0 ? 0 : (code == 0 ? 0 : 2);
    }
    if (man) {
        casus::cli::write_man_page(std::cout, app, casus::Engine::version());
        return 0;
    }
    if (version) {
        std::cout << "casus " << casus::Engine::version() << "\n";
        return 0;
    }
    if (data_option->count() > 0 && data_dir.empty()) {
        std::cerr << "casus: --data needs a directory, and '' is none (leave --data out to use the default, "
                  << casus::cli::shown(default_data_dir().string()) << ")\n";
        return 2;
    }
    if (*repair_cmd && memory) {
        std::cerr << "casus: repair works on a data directory, and --memory has none\n";
        return 2;
    }
    if (*repair_cmd) return run_repair(data_dir.empty() ? default_data_dir() : std::filesystem::path(data_dir));
    const std::vector<Input> inputs = inputs_in_order(app, execute, files_option, statements, files);
    const bool interactive = inputs.empty() && isatty(STDIN_FILENO);
    casus::cli::OutputOptions output;
    output.color = use_color();
    output.format = isatty(STDOUT_FILENO) ? casus::cli::Format::table : casus::cli::Format::text;
    if (!format.empty()) casus::cli::parse_format(format, output.format);
    output.pager = !no_pager;

    casus::EngineOptions options;
    if (!kb_dir.empty()) options.kb_dir = kb_dir;
    if (!memory) options.data_dir = data_dir.empty() ? default_data_dir() : std::filesystem::path(data_dir);
    options.timeout_seconds = timeout;
    options.memory_limit_mb = memory_limit;
    options.upgrade_legacy_snapshot = upgrade_snapshot;

    try {
        casus::Engine engine(options);
        for (auto& m : engine.journal_report().messages) std::cerr << "casus: " << casus::cli::shown(m) << "\n";
        for (auto& r : rules) engine.load_rules(r);
        casus::cli::Session session(engine, output, {bail, echo, interactive});
        if (*import_cmd) return run_import(engine, import_dir, states_file, output);
        if (*export_cmd) return casus::cli::run_export(engine, export_args);
        if (*dump_cmd) {
            session.run_text(".dump", "dump", 1);
            return session.failed() ? 1 : 0;
        }
        if (*backtest_cmd)
            return run_backtest(engine,
                                wars_file.empty() ? casus::default_wars_file(kb_dir.empty() ? casus::Engine::default_kb_dir()
                                                                                            : std::filesystem::path(kb_dir))
                                                  : std::filesystem::path(wars_file),
                                fit_file, output);
        if (interactive) {
            std::filesystem::path init = init_file.empty() ? default_init_file() : std::filesystem::path(init_file);
            std::error_code ec;
            if (!init.empty() && std::filesystem::is_regular_file(init, ec)) {
                std::ifstream in(init);
                session.run_stream(in, init.string());
            }
        } else if (!init_file.empty()) {
            std::ifstream in(init_file);
            session.run_stream(in, init_file);
        }
        for (std::size_t i = 0; i < commands.size() && !session.stopped(); ++i) session.run_text(commands[i], "--cmd", 1);
        session.flush();
        if (session.stopped()) return session.exit_status().value_or(session.failed() ? 1 : 0);
        if (interactive) {
            // --memory keeps no facts on disk, but its history is the
            // user's, kept in the default data directory.
            std::filesystem::path dir = options.data_dir ? *options.data_dir : default_data_dir();
            return casus::cli::run_repl(session, engine, dir / "history");
        }
        return run_batch(engine, session, inputs.empty() ? std::vector<Input>{{Input::standard_input, "-"}} : inputs);
    } catch (const casus::Error& e) {
        std::cerr << "casus: " << casus::cli::shown(e.what()) << "\n";
        return 1;
    }
}
