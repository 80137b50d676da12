#include "graph.hpp"

#include "sanitize.hpp"

#include "casus/errors.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace casus::cli {

namespace {

// A DOT string. The DOT goes to the terminal as often as to dot, so the
// data in it is escaped (shown()); a line feed stays a line break of the
// label (\n in DOT), and the backslash of an escape is doubled so dot
// shows it.
std::string dot_string(const std::string& s) {
    std::string out = "\"";
    std::size_t start = 0;
    for (;;) {
        std::size_t end = s.find('\n', start);
        for (char c : shown(std::string_view(s).substr(start, end == std::string::npos ? std::string::npos : end - start))) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        if (end == std::string::npos) break;
        out += "\\n";
        start = end + 1;
    }
    return out + "\"";
}

// A path another program cannot read as an option: "-V.svg" is "./-V.svg".
std::string not_an_option(const std::filesystem::path& p) {
    return p.is_relative() ? (std::filesystem::path(".") / p).string() : p.string();
}

const char* verdict_colour(Verdict v) {
    switch (v) {
        case Verdict::likely: return "palegreen";
        case Verdict::uncertain: return "khaki1";
        case Verdict::unlikely: return "mistyrose";
    }
    return "white";
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// Ties and kinship are bonds; backing, declarations, blocs and stances
// are positions; the rest (priorities, past reactions, complaints, user
// rules) stay in the node's label, since they point at no state.
const char* edge_style(const std::string& kind) {
    if (contains(kind, "kinship") || contains(kind, "tie_with") || contains(kind, "rivalry")) return "dashed";
    if (contains(kind, "backs") || contains(kind, "declaration") || contains(kind, "bloc") ||
        contains(kind, "stance") || contains(kind, "conflict"))
        return "dotted";
    return nullptr;
}

}  // namespace

std::string to_dot(const DefendersResult& r) {
    std::string out = "digraph casus {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    out += fmt::format("  label={};\n  labelloc=t;\n",
                       dot_string(fmt::format("Who would defend {}{} (as of {})", r.ally_name,
                                          r.attacker.empty() ? "" : " against " + r.attacker_name, r.as_of.str())));
    out += fmt::format("  {} [label={}, shape=doubleoctagon, fillcolor=lightblue];\n", dot_string(r.ally), dot_string(r.ally_name + "\nally"));
    if (!r.attacker.empty())
        out += fmt::format("  {} [label={}, shape=octagon, fillcolor=salmon];\n", dot_string(r.attacker),
                           dot_string(r.attacker_name + "\nattacker"));
    for (auto& a : r.answers) {
        std::string label = fmt::format("{}\n{} ({:+.2f})", a.name, to_string(a.verdict), a.score);
        for (auto& f : a.factors)
            if (!edge_style(f.kind)) label += fmt::format("\n{} {:+.2f}", f.detail, f.weight);
        out += fmt::format("  {} [label={}, fillcolor={}];\n", dot_string(a.state), dot_string(label), verdict_colour(a.verdict));
        std::set<std::string> drawn;
        for (auto& b : a.basis)
            out += fmt::format("  {} -> {} [label={}, style=bold, color=navy];\n", dot_string(a.state), dot_string(r.ally),
                               dot_string(b.treaty_name + "\n" + b.clause_title));
        for (auto& f : a.factors) {
            const char* style = edge_style(f.kind);
            if (!style) continue;
            bool toward_attacker = contains(f.kind, "attacker");
            const std::string& target = toward_attacker ? r.attacker : r.ally;
            if (target.empty() || !drawn.insert(f.kind).second) continue;
            out += fmt::format("  {} -> {} [label={}, style={}, color={}];\n", dot_string(a.state), dot_string(target),
                               dot_string(fmt::format("{} {:+.2f}", f.detail, f.weight)), style,
                               f.weight >= 0 ? "darkgreen" : "firebrick");
        }
    }
    return out + "}\n";
}

std::string write_graph(const DefendersResult& r, const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::string dot = to_dot(r);
    if (ext != ".svg" && ext != ".png") {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (!(out << dot) || !out.flush()) throw UsageError("cannot write '" + file.string() + "': " + std::strerror(errno));
        return "DOT";
    }
    // dot reads the DOT from a file beside the target, so no shell and no
    // pipe, and writes beside it too: the target is replaced only by a
    // file dot has written, so a failed run leaves an older one as it was.
    std::filesystem::path source = file, rendered = file;
    source += ".dot";
    rendered += fmt::format(".{}.tmp", getpid());
    {
        std::ofstream out(source, std::ios::binary | std::ios::trunc);
        if (!(out << dot) || !out.flush())
            throw UsageError("cannot write '" + source.string() + "', the DOT that dot renders to '" + file.string() +
                             "': " + std::strerror(errno));
    }
    std::error_code ec;
    std::string format = "-T" + ext.substr(1), output = "-o" + not_an_option(rendered), input = not_an_option(source);
    char* argv[] = {const_cast<char*>("dot"), format.data(), output.data(), input.data(), nullptr};
    pid_t pid;
    if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ) != 0)
        throw UsageError("graphviz 'dot' is not installed (apt-get install graphviz); the DOT is in " + source.string());
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::filesystem::remove(rendered, ec);
        throw UsageError("'dot " + format + "' failed on " + source.string() +
                         (WIFEXITED(status) && WEXITSTATUS(status) == 127 ? " (dot not found)" : ""));
    }
    if (!std::filesystem::is_regular_file(rendered, ec) || std::filesystem::file_size(rendered, ec) == 0 || ec) {
        std::filesystem::remove(rendered, ec);
        throw UsageError("'dot " + format + "' exited 0 but wrote nothing to " + rendered.string() + "; the DOT is in " +
                         source.string());
    }
    std::filesystem::rename(rendered, file, ec);
    if (ec) {
        std::filesystem::remove(rendered, ec);
        throw UsageError("cannot write '" + file.string() + "'; the DOT is in " + source.string());
    }
    std::filesystem::remove(source, ec);
    return ext == ".svg" ? "SVG" : "PNG";
}

}  // namespace casus::cli
