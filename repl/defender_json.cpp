#include "defender_json.hpp"

#include "sanitize.hpp"

#include <string_view>

namespace casus::cli {

namespace {

// A date as Date::str() writes it ("YYYY-MM-DD", in quotes), without
// its snprintf: ~1,600 instructions a date, a third of writing the
// evidence it dates.
void write_date(std::string& out, const std::optional<Date>& d) {
    if (!d) {
        out += "null";
        return;
    }
    if (d->year < 0 || d->year > 9999 || d->month < 0 || d->month > 99 || d->day < 0 || d->day > 99)
        return append_json_string(out, d->str());  // no date the kb holds
    char text[12] = {'"'};
    auto digits = [&](int at, int value, int width) {
        for (int k = width - 1; k >= 0; --k, value /= 10) text[at + k] = static_cast<char>('0' + value % 10);
    };
    digits(1, d->year, 4);
    text[5] = '-';
    digits(6, d->month, 2);
    text[8] = '-';
    digits(9, d->day, 2);
    text[11] = '"';
    out.append(text, sizeof text);
}

void write_evidence(std::string& out, const std::vector<Evidence>& v) {
    out += '[';
    for (std::size_t k = 0; k < v.size(); ++k) {
        const Evidence& e = v[k];
        out += k ? ",{\"date\":" : "{\"date\":";
        write_date(out, e.date);
        out += ",\"fact\":";
        append_json_string(out, e.fact);
        out += ",\"quote\":";
        append_json_string(out, e.quote);
        out += ",\"source\":";
        append_json_string(out, e.source);
        out += '}';
    }
    out += ']';
}

}  // namespace

void write_bases_json(std::string& out, const Assessment& a) {
    out += '[';
    for (std::size_t k = 0; k < a.basis.size(); ++k) {
        const Basis& b = a.basis[k];
        out += k ? ",{\"clause\":" : "{\"clause\":";
        append_json_string(out, b.clause);
        out += ",\"clause_title\":";
        append_json_string(out, b.clause_title);
        out += ",\"evidence\":";
        write_evidence(out, b.evidence);
        out += ",\"notes\":[";
        for (std::size_t n = 0; n < b.notes.size(); ++n) {
            if (n) out += ',';
            append_json_string(out, b.notes[n]);
        }
        out += "],\"treaty\":";
        append_json_string(out, b.treaty);
        out += ",\"treaty_name\":";
        append_json_string(out, b.treaty_name);
        out += '}';
    }
    out += ']';
}

// A factor's source and date are its newest piece of evidence's.
void write_factors_json(std::string& out, const Assessment& a) {
    out += '[';
    for (std::size_t k = 0; k < a.factors.size(); ++k) {
        const Factor& f = a.factors[k];
        const Evidence* first = f.evidence.empty() ? nullptr : &f.evidence.front();
        out += k ? ",{\"date\":" : "{\"date\":";
        if (first) write_date(out, first->date);
        else out += "null";
        out += ",\"detail\":";
        append_json_string(out, f.detail);
        out += ",\"evidence\":";
        write_evidence(out, f.evidence);
        out += ",\"evidence_total\":";
        append_json_integer(out, f.evidence_total);
        out += ",\"kind\":";
        append_json_string(out, f.kind);
        out += ",\"source\":";
        append_json_string(out, first ? std::string_view(first->source) : std::string_view());
        out += ",\"weight\":";
        append_json_double(out, f.weight);
        out += '}';
    }
    out += ']';
}

}  // namespace casus::cli
