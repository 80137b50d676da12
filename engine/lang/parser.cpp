// Runs the grammar and turns X3's failures into SyntaxError with the
// offset, what was expected, and a suggestion for a misspelt keyword.
#include "parser.hpp"

#include "casus/errors.hpp"
#include "grammar.hpp"
#include "keywords.hpp"
#include "suggest.hpp"

#include <cctype>
#include <sstream>

namespace casus {

namespace x3 = boost::spirit::x3;

std::pair<std::size_t, std::size_t> ParsedStatement::span_of(const x3::position_tagged& node) const {
    if (node.id_first < 0 || static_cast<std::size_t>(node.id_last) >= positions.size()) return {0, 0};
    return {positions[node.id_first], positions[node.id_last]};
}

namespace {

// The word (or single character) at offset, for "found ..." and for
// suggestions.
std::string word_at(const std::string& text, std::size_t offset) {
    if (offset >= text.size()) return {};
    auto is_word = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c >= 0x80; };
    std::size_t end = offset;
    while (end < text.size() && is_word(static_cast<unsigned char>(text[end]))) ++end;
    if (end == offset) return text.substr(offset, 1);
    return text.substr(offset, end - offset);
}

std::size_t skip_blanks(const std::string& text, std::size_t offset) {
    while (offset < text.size() && std::isspace(static_cast<unsigned char>(text[offset]))) ++offset;
    if (offset < text.size() && text[offset] == '#') return text.size();
    return offset;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Words people write where the language says 'against'.
bool means_against(const std::string& word) {
    return word == "vs" || word == "versus" || word == "v" || word == "from";
}

// Only '?', ';', '.' and blanks from offset on: the statement ended there,
// though the grammar wanted more.
bool only_terminators(const std::string& text, std::size_t offset) {
    return text.find_first_not_of("?;. \t\r\n", offset) == std::string::npos;
}

// A rule's name is what it expects, then, after a '|', an optional hint
// (grammar_def.hpp). A name X3 made up from a C++ type (an unnamed
// parser) is never shown: the grammar names every expectation point and
// a test proves it, so this is only a guard.
std::pair<std::string, std::string> split_expected(const std::string& which) {
    const std::size_t bar = which.find('|');
    std::string expected = which.substr(0, bar), hint = bar == std::string::npos ? "" : which.substr(bar + 1);
    if (expected.find("::") != std::string::npos || expected.find("boost") != std::string::npos ||
        expected.find("spirit") != std::string::npos || expected.empty())
        expected = "something else here";
    return {expected, hint};
}

// A misspelt keyword inside a run of words was read as part of a name
// ("armenia againts azerbaijan"): point at it instead.
void misspelt_keyword_before(const std::string& text, std::size_t offset, const std::string& expected) {
    if (expected.size() <= 2 || expected.front() != '\'' || expected.find('\'', 1) != expected.size() - 1) return;
    const std::string want = expected.substr(1, expected.size() - 2);
    std::size_t pos = 0;
    while (pos < offset && pos < text.size()) {
        std::string w = word_at(text, pos);
        if (w.size() > 1 && lower(w) != want && edit_distance(lower(w), want) <= (want.size() > 4 ? 2u : 1u))
            throw SyntaxError("expected '" + want + "', found '" + w + "'; did you mean '" + want + "'?", pos, w.size());
        pos += std::max<std::size_t>(1, w.size());
    }
}

[[noreturn]] void fail(const std::string& text, std::size_t offset, const std::string& which) {
    offset = skip_blanks(text, offset);
    auto [expected, hint] = split_expected(which);
    misspelt_keyword_before(text, offset, expected);
    std::ostringstream msg;
    msg << "expected " << expected;
    const bool at_end = offset >= text.size();
    if (at_end || only_terminators(text, offset)) {
        msg << ", found the end of the statement";
    } else {
        std::string found = word_at(text, offset);
        msg << ", found '" << found << "'";
        std::vector<std::string> kws(keywords.begin(), keywords.end());
        if (means_against(lower(found))) {
            msg << "; to name the attacker, write 'against'";
            hint.clear();
        } else if (auto s = nearest(lower(found), kws); s && *s != lower(found)) {
            msg << "; did you mean '" << *s << "'?";
            hint.clear();  // one piece of advice at a time
        }
    }
    if (!hint.empty()) msg << "; " << hint;
    // At the very end, the caret stands after the text and a REPL reads on
    // (the statement may be unfinished); a '?', ';' or '.' ended it.
    SyntaxError err(msg.str(), offset, at_end ? 1 : std::max<std::size_t>(1, word_at(text, offset).size()));
    err.at_end = at_end;
    throw err;
}

ParsedStatement parse_once(const std::string& input, const KnownNames* known) {
    ParsedStatement out;
    out.text = input;
    const std::string& text = out.text;
    auto first = text.cbegin();
    const auto last = text.cend();
    // X3's own error printing is never used: a stream without a buffer
    // (building an ostringstream per statement cost a fifth of a parse).
    static thread_local std::ostream sink(nullptr);
    parser::error_handler_type handler(first, last, sink);
    auto const grammar = x3::with<parser::known_names_tag>(static_cast<KnownNames const*>(known))[
        x3::with<x3::error_handler_tag>(std::ref(handler))[parser::statement_rule()]];
    bool ok = false;
    try {
        ok = x3::phrase_parse(first, last, grammar, parser::skipper, out.tree);
    } catch (const x3::expectation_failure<parser::iterator_type>& e) {
        fail(text, static_cast<std::size_t>(e.where() - text.cbegin()), e.which());
    }
    if (!ok) {
        fail(text, 0,
             "a question or a statement ('who', 'would', 'why', 'what', 'which', 'list', 'history', "
             "'defence matrix', 'as of', 'suppose', 'add', 'retract' or 'import')");
    }
    out.positions.reserve(handler.get_position_cache().get_positions().size());
    for (auto it : handler.get_position_cache().get_positions())
        out.positions.push_back(static_cast<std::size_t>(it - text.cbegin()));
    return out;
}

}  // namespace

ParsedStatement parse_statement(const std::string& input, const KnownNames* known) {
    if (!known) return parse_once(input, nullptr);
    try {
        return parse_once(input, known);
    } catch (const SyntaxError&) {
        // The longest known name can leave a sentence unfinished where
        // shorter names complete it (`what ties Serbia and Montenegro`,
        // with "Serbia and Montenegro" a name): then the words are read
        // as before, one name at a time. If that fails too, the error of
        // the first reading stands: its caret is the more precise.
        try {
            return parse_once(input, nullptr);
        } catch (const SyntaxError&) {
        }
        throw;
    }
}

}  // namespace casus
