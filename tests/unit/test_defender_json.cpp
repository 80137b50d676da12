// repl/defender_json: a defender's bases and factors streamed as JSON must
// be the bytes the json values they replaced gave (the functions below are
// those values as answers_defenders.cpp built them before, written by
// json_text, whose own test holds it to nlohmann's dump), for any text,
// date and number an assessment may hold.
#include "defender_json.hpp"
#include "sanitize.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using casus::Assessment;
using casus::Basis;
using casus::Date;
using casus::Evidence;
using casus::Factor;
using nlohmann::json;

namespace {

json date_value(const std::optional<Date>& d) { return d ? json(d->str()) : json(nullptr); }

json evidence_list(const std::vector<Evidence>& v) {
    json out = json::array();
    for (auto& e : v) out.push_back(json{{"fact", e.fact}, {"source", e.source}, {"quote", e.quote}, {"date", date_value(e.date)}});
    return out;
}

json basis_values(const Assessment& a) {
    json out = json::array();
    for (auto& b : a.basis)
        out.push_back(json{{"treaty", b.treaty}, {"treaty_name", b.treaty_name}, {"clause", b.clause},
                           {"clause_title", b.clause_title}, {"notes", b.notes}, {"evidence", evidence_list(b.evidence)}});
    return out;
}

json factor_values(const Assessment& a) {
    json out = json::array();
    for (auto& f : a.factors) {
        const Evidence* first = f.evidence.empty() ? nullptr : &f.evidence.front();
        out.push_back(json{{"kind", f.kind}, {"weight", f.weight}, {"detail", f.detail},
                           {"source", first ? first->source : ""}, {"date", first ? date_value(first->date) : json(nullptr)},
                           {"evidence", evidence_list(f.evidence)}, {"evidence_total", f.evidence_total}});
    }
    return out;
}

}  // namespace

TEST_CASE("a defender's bases and factors stream the bytes their json values gave") {
    std::mt19937_64 rng(23);
    const std::string alphabet = std::string("\x00\x01\x09\x0A\x0D\x1B\x7F" "abc XYZ09\"\\/(),:", 23) +
                                 "\x80\x9B\xC2\xC3\xBC\xB6\xE2\x80\x93\xF0\x9F\x98\x80\xFF";
    std::uniform_int_distribution<std::size_t> len(0, 40), pick(0, alphabet.size() - 1), count(0, 3), odds(0, 9);
    std::uniform_int_distribution<int> year(1, 9999), month(1, 12), day(1, 28), cents(-1000, 1000);
    auto text = [&] {
        std::string s;
        for (std::size_t i = len(rng); i > 0; --i) s += odds(rng) ? alphabet[9 + pick(rng) % 9] : alphabet[pick(rng)];
        return s;
    };
    auto date = [&]() -> std::optional<Date> {
        if (odds(rng) < 2) return std::nullopt;  // a timeless fact
        return Date{year(rng), month(rng), day(rng)};
    };
    auto evidence = [&] {
        std::vector<Evidence> v;
        for (std::size_t i = count(rng); i > 0; --i) v.push_back(Evidence{text(), text(), text(), date()});
        return v;
    };
    for (int n = 0; n < 3000; ++n) {
        Assessment a;
        for (std::size_t i = count(rng); i > 0; --i) {
            Basis b{text(), text(), text(), text(), {}, evidence()};
            for (std::size_t k = count(rng); k > 0; --k) b.notes.push_back(text());
            a.basis.push_back(std::move(b));
        }
        for (std::size_t i = count(rng); i > 0; --i) {
            double weight = odds(rng) ? cents(rng) / 100.0 : std::ldexp(static_cast<double>(rng() >> 11), -40) - 4096.0;
            a.factors.push_back(Factor{text(), weight, text(), evidence(), static_cast<long>(rng() % 1000)});
        }
        std::string bases, factors;
        casus::cli::write_bases_json(bases, a);
        casus::cli::write_factors_json(factors, a);
        REQUIRE(bases == casus::cli::json_text(basis_values(a)));
        REQUIRE(factors == casus::cli::json_text(factor_values(a)));
        REQUIRE(json::parse(factors).size() == a.factors.size());  // and it is JSON
    }
}
