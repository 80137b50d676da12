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

[[noreturn]] void fail(const std::string& text, std::size_t offset, const std::string& expected) {
    offset = skip_blanks(text, offset);
    std::ostringstream msg;
    msg << "expected " << expected;
    const bool at_end = offset >= text.size();
    // A misspelt keyword inside a run of words was read as part of a
    // name ("armenia againts azerbaijan"): point at it instead.
    if (expected.size() > 2 && expected.front() == '\'' && expected.find('\'', 1) == expected.size() - 1) {
        const std::string want = expected.substr(1, expected.size() - 2);
        std::size_t pos = 0;
        while (pos < offset && pos < text.size()) {
            std::string w = word_at(text, pos);
            if (w.size() > 1 && lower(w) != want && edit_distance(lower(w), want) <= (want.size() > 4 ? 2u : 1u)) {
                SyntaxError err("expected '" + want + "', found '" + w + "'; did you mean '" + want + "'?",
                                pos, w.size());
                throw err;
            }
            pos += std::max<std::size_t>(1, w.size());
        }
    }
    if (at_end) {
        msg << ", found the end of the statement";
    } else {
        std::string found = word_at(text, offset);
        msg << ", found '" << found << "'";
        std::vector<std::string> kws(keywords.begin(), keywords.end());
        if (auto s = nearest(lower(found), kws); s && *s != lower(found))
            msg << "; did you mean '" << *s << "'?";
    }
    SyntaxError err(msg.str(), offset, at_end ? 1 : std::max<std::size_t>(1, word_at(text, offset).size()));
    err.at_end = at_end;
    throw err;
}

}  // namespace

ParsedStatement parse_statement(const std::string& input) {
    ParsedStatement out;
    out.text = input;
    const std::string& text = out.text;
    auto first = text.cbegin();
    const auto last = text.cend();
    // X3's own error printing is never used: a stream without a buffer
    // (building an ostringstream per statement cost a fifth of a parse).
    static thread_local std::ostream sink(nullptr);
    parser::error_handler_type handler(first, last, sink);
    auto const grammar = x3::with<x3::error_handler_tag>(std::ref(handler))[parser::statement_rule()];
    bool ok = false;
    try {
        ok = x3::phrase_parse(first, last, grammar, parser::skipper, out.tree);
    } catch (const x3::expectation_failure<parser::iterator_type>& e) {
        fail(text, static_cast<std::size_t>(e.where() - text.cbegin()), e.which());
    }
    if (!ok) {
        fail(text, 0,
             "a question or a statement ('who', 'would', 'why', 'what', 'which', 'list', 'history', "
             "'defence matrix', 'as of', 'suppose', 'add', 'retract', 'import' or 'define')");
    }
    out.positions.reserve(handler.get_position_cache().get_positions().size());
    for (auto it : handler.get_position_cache().get_positions())
        out.positions.push_back(static_cast<std::size_t>(it - text.cbegin()));
    return out;
}

}  // namespace casus
