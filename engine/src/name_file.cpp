#include "name_file.hpp"

#include "casus/errors.hpp"

#include <charconv>
#include <fstream>
#include <string_view>
#include <vector>

namespace casus::name_file {

namespace {

constexpr std::string_view magic = "casus name table 1";

void put_text(std::string& out, const std::string& text) {
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
}

// One line of the table: fields added in order (a text escaped, a number
// as is), each but the first after a tab; the line ends when it goes out
// of scope.
struct Line {
    std::string& out;
    bool first = true;
    Line& text(const std::string& t) {
        sep();
        put_text(out, t);
        return *this;
    }
    Line& number(long n) {
        sep();
        out += std::to_string(n);
        return *this;
    }
    void sep() {
        if (!first) out += '\t';
        first = false;
    }
    ~Line() { out += '\n'; }
};

// Reads the file line by line; any line that does not read throws
// Damaged, which read() turns into a problem.
struct Damaged {
    std::string what;
};

class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    std::string_view line() {
        if (at_ >= text_.size()) throw Damaged{"ends early (cut short?)"};
        const auto end = text_.find('\n', at_);
        if (end == std::string_view::npos) throw Damaged{"ends in the middle of a line (cut short?)"};
        std::string_view l = text_.substr(at_, end - at_);
        at_ = end + 1;
        ++number_;
        return l;
    }
    // The line "WORD REST": REST.
    std::string_view tagged(std::string_view word) {
        std::string_view l = line();
        if (l.substr(0, word.size()) != word || l.size() <= word.size() || l[word.size()] != ' ')
            throw Damaged{"has no '" + std::string(word) + "' line at line " + std::to_string(number_)};
        return l.substr(word.size() + 1);
    }
    std::size_t count(std::string_view word) { return static_cast<std::size_t>(to_long(tagged(word))); }
    // The next line's tab-separated fields, exactly n of them.
    const std::vector<std::string_view>& fields(std::size_t n) {
        fields_.clear();
        std::string_view l = line();
        for (;;) {
            const auto tab = l.find('\t');
            fields_.push_back(l.substr(0, tab));
            if (tab == std::string_view::npos) break;
            l.remove_prefix(tab + 1);
        }
        if (fields_.size() != n)
            throw Damaged{"has " + std::to_string(fields_.size()) + " fields at line " + std::to_string(number_) + ", not " +
                          std::to_string(n)};
        return fields_;
    }
    std::string text(std::string_view f) const {
        if (f.find('\\') == std::string_view::npos) return std::string(f);  // nearly every text: nothing escaped
        std::string out;
        out.reserve(f.size());
        for (std::size_t i = 0; i < f.size(); ++i) {
            if (f[i] != '\\') {
                out += f[i];
                continue;
            }
            const char e = i + 1 < f.size() ? f[++i] : '?';
            if (e == '\\') out += '\\';
            else if (e == 't') out += '\t';
            else if (e == 'n') out += '\n';
            else throw Damaged{"has a broken escape at line " + std::to_string(number_)};
        }
        return out;
    }
    long to_long(std::string_view f) const {
        long v = 0;
        auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
        if (ec != std::errc() || p != f.data() + f.size() || f.empty())
            throw Damaged{"has '" + std::string(f) + "' where a number belongs, at line " + std::to_string(number_)};
        return v;
    }
    bool at_end() const { return at_ == text_.size(); }

private:
    std::string_view text_;
    std::size_t at_ = 0, number_ = 0;
    std::vector<std::string_view> fields_;
};

kb_names::Tables parse(Reader& r) {
    kb_names::Tables t;
    t.names.resize(r.count("names"));
    for (auto& n : t.names) {
        const auto& f = r.fields(3);
        n = {r.text(f[0]), r.text(f[1]), r.text(f[2])};
    }
    t.state_spells.resize(r.count("state_spells"));
    for (auto& s : t.state_spells) {
        const auto& f = r.fields(3);
        s = {r.text(f[0]), r.to_long(f[1]), r.to_long(f[2])};
    }
    t.dated.resize(r.count("dated"));
    for (auto& d : t.dated) {
        const auto& f = r.fields(4);
        d = {r.text(f[0]), r.text(f[1]), r.to_long(f[2]), r.to_long(f[3])};
    }
    t.name_spells.resize(r.count("name_spells"));
    for (auto& s : t.name_spells) {
        const auto& f = r.fields(4);
        s = {r.text(f[0]), r.to_long(f[1]), r.to_long(f[2]), r.text(f[3])};
    }
    if (r.line() != "end" || !r.at_end()) throw Damaged{"does not end with its 'end' line"};
    return t;
}

}  // namespace

void write(const std::filesystem::path& file, const kb_names::Tables& t, const std::string& state_identity,
           const std::string& census) {
    std::string out;
    out.append(magic).append("\nstate ").append(state_identity).append("\ncensus ").append(census).append("\n");
    out.append("names ").append(std::to_string(t.names.size())).append("\n");
    for (auto& n : t.names) Line{out}.text(n.text).text(n.id).text(n.type);
    out.append("state_spells ").append(std::to_string(t.state_spells.size())).append("\n");
    for (auto& s : t.state_spells) Line{out}.text(s.id).number(s.from).number(s.to);
    out.append("dated ").append(std::to_string(t.dated.size())).append("\n");
    for (auto& d : t.dated) Line{out}.text(d.text).text(d.id).number(d.from_year).number(d.to_year);
    out.append("name_spells ").append(std::to_string(t.name_spells.size())).append("\n");
    for (auto& s : t.name_spells) Line{out}.text(s.id).number(s.from).number(s.to).text(s.name);
    out.append("end\n");
    auto tmp = file;
    tmp += ".tmp";
    {
        std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
        if (!o.write(out.data(), static_cast<std::streamsize>(out.size())) || !o.flush())
            throw StorageError("cannot write " + tmp.string());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) throw StorageError("cannot rename " + tmp.string() + " to " + file.string() + ": " + ec.message());
}

std::optional<kb_names::Tables> read(const std::filesystem::path& file, const std::string& state_identity,
                                     const std::string& census, std::string& problem) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;  // none: the build did not write one (a kb of the user's)
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    std::string text(ec ? 0 : static_cast<std::size_t>(size), '\0');
    if (ec || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
        problem = file.string() + " cannot be read; reading the names from the kb instead";
        return std::nullopt;
    }
    Reader r(text);
    try {
        if (r.line() != magic) throw Damaged{"is not a casus name table"};
        if (r.tagged("state") != state_identity) return std::nullopt;  // written from another state: stale
        if (r.tagged("census") != census) return std::nullopt;        // the kb's entities changed since
        return parse(r);
    } catch (const Damaged& d) {
        problem = file.string() + " " + d.what + "; reading the names from the kb instead (rebuild or reinstall casus)";
        return std::nullopt;
    }
}

}  // namespace casus::name_file
