#include "completion.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace casus::cli {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool starts_with_nocase(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == lower(prefix);
}

// The dot-commands whose argument is a file name.
bool takes_file(const std::string& command) {
    for (auto c : {".read", ".once", ".load", ".output", ".import", ".graph"})
        if (command == c) return true;
    return false;
}

// The words of line[0, end) before position start, lower-cased.
std::vector<std::string> words_before(const std::string& line, std::size_t start) {
    std::istringstream in(line.substr(0, start));
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(lower(w));
    return out;
}

// Adds typed + the rest of candidate, once per spelling case-insensitively.
void offer(std::vector<std::string>& out, std::set<std::string>& seen, const std::string& typed, const std::string& candidate,
           const std::string& suffix = "") {
    std::string m = typed + candidate.substr(typed.size()) + suffix;
    if (seen.insert(lower(m)).second) out.push_back(m);
}

}  // namespace

bool needs_quotes(const std::string& name) {
    static const std::set<std::string> keywords{"against", "and", "to", "not", "defend", "would", "must", "who",
                                                "why", "what", "which", "list", "add", "retract", "suppose", "as"};
    for (unsigned char c : name)
        if (c < 0x80 && !std::isalnum(c) && c != ' ' && c != '_' && c != '-') return true;
    std::istringstream in(name);
    for (std::string w; in >> w;)
        if (keywords.count(lower(w))) return true;
    return false;
}

std::string common_prefix(const std::vector<std::string>& matches) {
    if (matches.empty()) return {};
    std::string p = matches[0];
    for (auto& m : matches) {
        std::size_t i = 0;
        while (i < p.size() && i < m.size() && p[i] == m[i]) ++i;
        p.resize(i);
    }
    return p;
}

Completion complete_at(const CompletionWords& words, const std::string& line, std::size_t start, std::size_t end) {
    Completion c;
    start = std::min(start, line.size());
    end = std::min(std::max(end, start), line.size());
    const std::string typed = line.substr(start, end - start);
    const std::vector<std::string> before = words_before(line, start);
    if (!before.empty() && before[0][0] == '.') {
        c.files = before.size() == 1 && takes_file(before[0]);
        return c;  // a dot-command's argument: a file name or nothing
    }
    std::set<std::string> seen;
    if (!before.empty() && (before.back() == "add" || before.back() == "retract")) {
        for (auto& k : words.kinds)
            if (starts_with_nocase(k, typed)) offer(c.matches, seen, typed, k, "(");
        c.append = '\0';
        return c;
    }
    // Inside quotes: a whole name from the quote on, closed after it.
    std::size_t quote = line.rfind('"', start ? start - 1 : 0);
    bool quoted = start > 0 && std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(start), '"') % 2 == 1;
    if (quoted) {
        std::string span = line.substr(quote + 1, end - quote - 1);
        for (auto& n : words.names)
            if (starts_with_nocase(n, span)) offer(c.matches, seen, typed, n.substr(start - quote - 1), "\"");
        return c;
    }
    // A name with spaces may begin at any word typed before this one.
    for (std::size_t s = 0; s < start; ++s) {
        if (s > 0 && line[s - 1] != ' ') continue;
        if (line[s] == ' ') continue;
        std::string span = line.substr(s, end - s);
        for (auto& n : words.names)
            if (n.find(' ') != std::string::npos && starts_with_nocase(n, span) && n.size() > span.size())
                offer(c.matches, seen, typed, n.substr(start - s));
    }
    const bool first_word = before.empty();
    for (auto& w : words.words) {
        if (w.empty() || (w[0] == '.' && !first_word)) continue;
        if (starts_with_nocase(w, typed)) offer(c.matches, seen, typed, w);
    }
    // One word typed: a name with spaces. One that must be quoted comes
    // with its quotes when it is the only match (a quote put before the
    // word would otherwise change what is typed).
    std::vector<std::string> quoted_names;
    for (auto& n : words.names)
        if (n.find(' ') != std::string::npos && starts_with_nocase(n, typed)) {
            if (needs_quotes(n)) quoted_names.push_back(n);
            else offer(c.matches, seen, typed, n);
        }
    if (c.matches.empty() && quoted_names.size() == 1 && !typed.empty()) {
        c.matches.push_back("\"" + typed + quoted_names[0].substr(typed.size()) + "\"");
        return c;
    }
    for (auto& n : quoted_names) offer(c.matches, seen, typed, n);
    // A word already whole (ARM, Armenia's COW abbreviation, for "Arm")
    // does not stop Tab from going on to the longer ones.
    if (c.matches.size() > 1)
        c.matches.erase(std::remove_if(c.matches.begin(), c.matches.end(), [&](const std::string& m) { return m == typed; }),
                        c.matches.end());
    std::sort(c.matches.begin(), c.matches.end());
    return c;
}

}  // namespace casus::cli
