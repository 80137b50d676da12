// CSV and JSON Lines for the dyad-year export: a row is formatted into
// one reused buffer and written at once, so 1.9 million rows stream in
// flat memory. Numbers use std::to_chars (the shortest text that reads
// back the same double); every text cell is escaped, though ids are
// snake_case, since a kb of one's own may name a treaty otherwise.
#include "casus/dyads.hpp"

#include "casus/errors.hpp"

#include <charconv>

namespace casus {

namespace {

const std::vector<std::string> column_names{
    "ccode1",   "ccode2",      "year",       "state1",     "state2",          "defense",      "offense",
    "neutral",  "nonagg",      "consul",     "defense_day", "offense_day",    "neutral_day",  "nonagg_day",
    "consul_day", "verdict",   "score",      "probability", "treaties",       "defence_treaties", "s_unweighted",
    "kappa",    "coverage"};

void number(std::string& out, long v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void number(std::string& out, double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// RFC 4180: a field with a comma, a quote or a line end is quoted, and
// its quotes doubled.
void csv_text(std::string& out, const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void json_text(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}


}  // namespace

const std::vector<std::string>& DyadWriter::columns() { return column_names; }

DyadWriter::DyadWriter(std::ostream& out, DyadFormat format) : out_(out), format_(format) {
    if (format_ == DyadFormat::csv) {
        std::string header;
        for (std::size_t i = 0; i < column_names.size(); ++i) header += (i ? "," : "") + column_names[i];
        out_ << header << '\n';
    }
}

void DyadWriter::operator()(const DyadRow& r) {
    std::string& l = line_;
    l.clear();
    const bool json = format_ == DyadFormat::json;
    std::size_t col = 0;
    auto start = [&]() {
        if (json) {
            l += col ? ",\"" : "{\"";
            l += column_names[col];
            l += "\":";
        } else if (col) {
            l += ',';
        }
        ++col;
    };
    auto empty = [&]() {
        start();
        if (json) l += "null";
    };
    auto integer = [&](long v) {
        start();
        number(l, v);
    };
    auto real = [&](const std::optional<double>& v) {
        if (!v) return empty();
        start();
        number(l, *v);
    };
    auto flag = [&](const std::optional<bool>& v) {
        if (!v) return empty();
        start();
        l += *v ? '1' : '0';
    };
    auto text = [&](const std::string& s) {
        start();
        if (json) json_text(l, s);
        else csv_text(l, s);
    };
    integer(r.ccode1);
    integer(r.ccode2);
    integer(r.year);
    text(*r.state1);
    text(*r.state2);
    for (auto& v : r.in_year) flag(v);
    for (auto& v : r.on_day) flag(v);
    if (r.verdict) text(to_string(*r.verdict));
    else empty();
    real(r.score);
    real(r.probability);
    text(r.treaties);
    text(r.defence_treaties);
    real(r.s_unweighted);
    real(r.kappa);
    text(r.coverage);
    if (json) l += '}';
    l += '\n';
    out_.write(l.data(), static_cast<std::streamsize>(l.size()));
    if (!out_) throw StorageError("could not write the exported rows (disk full, or the reader went away)");
    ++rows_;
}

}  // namespace casus
