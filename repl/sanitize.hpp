// Text from the data on its way out: nothing stored, imported or typed
// reaches a terminal as a control code, and every JSON text is valid
// UTF-8. Sources, quotes and names are whatever an analyst or a dataset
// put there, so an ESC in them must not clear the screen or set the
// title each time `history of` shows them.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace casus::cli {

enum class Shown {
    // Text, table, stderr: C0 controls as \n \t \r or \xNN (ESC: \x1b),
    // DEL as \x7f, C1 controls (U+0080-U+009F) as \u0080..\u009f, each
    // byte that is not valid UTF-8 as \xNN. A backslash stays as it is:
    // this is for reading, JSON is the lossless form.
    terminal,
    // CSV: as terminal, except that a line feed and a tab stay raw (the
    // field is then quoted, RFC 4180); a carriage return is escaped, since
    // on a terminal it would let a field paint over the line before it.
    csv,
    // A JSON text nlohmann::json wrote: DEL and C1 controls, which it
    // leaves raw, become \u007f and \u0080..\u009f; invalid bytes U+FFFD.
    json_text,
    // A value for a JSON string: each invalid byte becomes U+FFFD,
    // everything else stays (the writer escapes the C0 controls).
    utf8,
};

// The one function every writer passes data through before it prints it.
// Text that needs no change (plain ASCII, valid UTF-8 without controls)
// is returned as it is.
std::string shown(std::string_view text, Shown how = Shown::terminal);

// shown(text, how) appended to out, in one pass: runs of printable
// ASCII are copied as they are, nothing is allocated for text that needs
// no change. Every writer that builds its output in a buffer uses this.
void append_shown(std::string& out, std::string_view text, Shown how = Shown::terminal);

// Whether shown(text, how) is text itself: lets a writer of millions of
// cells (the defence matrix) skip the copy.
bool shown_as_is(std::string_view text, Shown how = Shown::terminal);

// The JSON text of j, on one line: every string value made valid UTF-8
// first (shown(..., utf8)), then dumped, then its DEL and C1 controls
// escaped. Never throws on bad text. The keys are casus's own literals.
std::string json_text(nlohmann::json j);
// The same, appended to out in one pass over j (no copy, no second pass).
void append_json(std::string& out, const nlohmann::json& j);

// The pieces append_json writes, for a writer that streams JSON from its
// own data instead of building a json value first (a defender's evidence,
// tens of KB an answer): the same bytes append_json writes for
// json(text), json(number), json(integer).
void append_json_string(std::string& out, std::string_view text);
// nlohmann::json's form of a double (the shortest text that reads back,
// Grisu2: 4.0, 0.1, 1e-07), null when it is not finite, as its dump().
void append_json_double(std::string& out, double number);
void append_json_integer(std::string& out, long long number);

}  // namespace casus::cli
