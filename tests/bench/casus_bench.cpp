// The C++ side of the benchmarks (tests/bench/bench.py drives it and
// prints the table). Each mode prints one JSON line of measurements.
//
//   casus_bench parse N
//   casus_bench parse-known N                            the parser with the kb's names (COW list, state_names.csv) against without
//   casus_bench questions KB PAIRS DATE [DIGEST_FILE]   defenders questions through the whole engine
//   casus_bench matrix KB DATE PAIRS DIGEST_FILE         the defence matrix, every ordered pair of states
//   casus_bench ingest DATA N [fsync-each]               durable adds, group commit (or one fsync each)
//   casus_bench compact DATA                             one compaction of the data directory (.compact)
//   casus_bench export DATA FILE                         the directory's added facts as Prolog source (for swipl)
#include "casus/engine.hpp"
#include "names.hpp"
#include "parser.hpp"
#include "prolog.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

casus::Engine open(const std::string& kb, const std::string& data = "") {
    casus::EngineOptions o;
    o.kb_dir = kb;
    if (!data.empty()) o.data_dir = data;
    o.timeout_seconds = 0;
    return casus::Engine(o);
}

std::string iso(const std::string& yyyymmdd) {
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// One defender in a digest line: state:verdict:score (as baseline.pl
// writes it), for questions and the matrix alike.
std::string digest_entry(const std::string& state, casus::Verdict verdict, double score) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", score);
    return state + ":" + casus::to_string(verdict) + ":" + buf + " ";
}

// One line per question: the defenders with verdict and score, so the
// smoke test can compare casus with the predicate called in swipl.
std::string digest(const casus::DefendersResult& r) {
    std::string out;
    for (auto& a : r.answers) out += digest_entry(a.state, a.verdict, a.score);
    return out;
}

int parse(long n) {
    const std::vector<std::string> qs{"who would defend armenia against azerbaijan",
                                      "as of 2015-11-24 who must defend turkey",
                                      "why would kazakhstan not defend armenia against azerbaijan",
                                      "add tie(kazakhstan, armenia, military) on 2026-03-01 source \"joint exercise\""};
    auto t = Clock::now();
    std::size_t nodes = 0;
    for (long i = 0; i < n; ++i) nodes += casus::parse_statement(qs[i % qs.size()]).positions.size();
    double s = seconds_since(t);
    std::printf("{\"mode\":\"parse\",\"n\":%ld,\"seconds\":%.4f,\"per_second\":%.0f,\"nodes\":%zu}\n", n, s, n / s, nodes);
    return 0;
}

// The parser's cost of reading known names whole (a longest match at each
// name, names.cpp): the same statements parsed without names (the
// baseline) and with the ~500 spellings of the state system's names,
// alternating, best of three rounds each.
int parse_known(long n) {
    casus::NameTable names;
    auto add_column = [&](const std::string& file, std::size_t column) {
        std::ifstream in(file);
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            std::string cell = line.substr(0, line.find(','));
            for (std::size_t c = 0, at = 0; c < column; ++c) {
                at = line.find(',', at) + 1;
                cell = line.substr(at, line.find(',', at) - at);
            }
            if (!cell.empty()) names.add(cell, casus::NameTable::normalize(cell), "state");
        }
    };
    add_column(std::string(CASUS_SOURCE_KB) + "/data/state_names.csv", 0);
    add_column(std::string(CASUS_SOURCE_KB) + "/data/cow/states2016.csv", 0);
    add_column(std::string(CASUS_SOURCE_KB) + "/data/cow/states2016.csv", 2);
    // The same statements; without names, the name that holds a keyword is quoted.
    std::vector<std::string> qs{"who would defend armenia against azerbaijan", "as of 2015-11-24 who must defend turkey",
                                "why would kazakhstan not defend armenia against azerbaijan",
                                "add tie(kazakhstan, armenia, military) on 2026-03-01 source \"joint exercise\""};
    std::vector<std::string> quoted = qs;
    qs.push_back("who must defend Bosnia and Herzegovina against Serbia");
    quoted.push_back("who must defend \"Bosnia and Herzegovina\" against Serbia");
    auto round = [&](const casus::KnownNames* known) {
        const auto& statements = known ? qs : quoted;
        auto t = Clock::now();
        std::size_t nodes = 0;
        for (long i = 0; i < n; ++i) nodes += casus::parse_statement(statements[i % statements.size()], known).positions.size();
        static volatile std::size_t sink;
        sink = nodes;  // the parses are used, so none is optimized away
        return n / seconds_since(t);
    };
    double without = 0, with = 0;
    for (int r = 0; r < 3; ++r) {
        without = std::max(without, round(nullptr));
        with = std::max(with, round(&names));
    }
    std::printf("{\"mode\":\"parse-known\",\"n\":%ld,\"names\":%zu,\"per_second_without\":%.0f,\"per_second_with\":%.0f,"
                "\"ratio\":%.3f}\n", n, names.entries().size(), without, with, without / with);
    return 0;
}

int questions(const std::string& kb, const std::string& pairs_file, const std::string& date, const std::string& digest_file) {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::ifstream in(pairs_file);
    for (std::string a, x; in >> a >> x;) pairs.emplace_back(a, x);
    auto engine = open(kb);
    std::ofstream dig(digest_file.empty() ? "/dev/null" : digest_file);
    // One warm-up question builds Prolog's just-in-time indexes, as the
    // baseline's does.
    engine.execute("as of " + iso(date) + " who would defend " + pairs[0].first + " against " + pairs[0].second);
    auto t = Clock::now();
    std::size_t answers = 0;
    long evidence = 0;  // pieces of evidence the answers rest on: what a question must read
    for (auto& [a, x] : pairs) {
        auto r = engine.execute("as of " + iso(date) + " who would defend " + a + " against " + x);
        auto& d = std::get<casus::DefendersResult>(r);
        answers += d.answers.size();
        for (auto& ans : d.answers) {
            for (auto& f : ans.factors) evidence += f.evidence_total;
            for (auto& b : ans.basis) evidence += static_cast<long>(b.evidence.size());
        }
        dig << a << " " << x << ": " << digest(d) << "\n";
    }
    double s = seconds_since(t);
    std::printf("{\"mode\":\"questions\",\"n\":%zu,\"seconds\":%.4f,\"per_second\":%.2f,\"answers\":%zu,"
                "\"evidence\":%ld,\"peak_rss_mb\":%ld}\n",
                pairs.size(), s, pairs.size() / s, answers, evidence, peak_rss_mb());
    return 0;
}

// The whole defence matrix in one statement; then the same statement
// again (the first call also builds Prolog's indexes for the access
// patterns the matrix uses). The pairs of PAIRS_FILE are written to
// DIGEST_FILE as `questions` writes them, so bench.py can prove the
// matrix equal to the questions asked one by one.
int matrix(const std::string& kb, const std::string& date, const std::string& pairs_file, const std::string& digest_file) {
    auto engine = open(kb);
    engine.execute("as of " + iso(date) + " who would defend " + std::string("russia against turkey"));
    auto t = Clock::now();
    auto first = std::get<casus::MatrixResult>(engine.execute("as of " + iso(date) + " defence matrix"));
    double s1 = seconds_since(t);
    t = Clock::now();
    auto r = std::get<casus::MatrixResult>(engine.execute("as of " + iso(date) + " defence matrix"));
    double s2 = seconds_since(t);
    std::size_t answers = 0;
    for (auto& p : r.pairs) answers += p.defenders.size();

    std::map<std::pair<std::string, std::string>, const casus::MatrixPair*> by_pair;
    for (auto& p : r.pairs) by_pair[{r.states[p.ally], r.states[p.attacker]}] = &p;
    std::ifstream in(pairs_file);
    std::ofstream dig(digest_file);
    for (std::string a, x; in >> a >> x;) {
        dig << a << " " << x << ": ";
        for (auto& d : by_pair.at({a, x})->defenders) dig << digest_entry(r.states[d.state], d.verdict, d.score);
        dig << "\n";
    }
    std::printf("{\"mode\":\"matrix\",\"pairs\":%zu,\"first_seconds\":%.3f,\"seconds\":%.3f,\"answers\":%zu,"
                "\"peak_rss_mb\":%ld}\n",
                r.pairs.size(), s1, s2, answers, peak_rss_mb());
    return first.pairs.size() == r.pairs.size() ? 0 : 1;
}

int ingest(const std::string& data, long n, bool fsync_each) {
    auto engine = open(CASUS_SOURCE_KB, data);
    const char* states[] = {"armenia", "azerbaijan", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "turkey"};
    engine.set_group_commit(!fsync_each);
    std::string line;
    auto t = Clock::now();
    for (long i = 0; i < n; ++i) {
        // One reused line buffer, as a script reader fills one line at a time.
        line.assign("add priority(").append(states[i % 8]).append(", bench_threat_").append(std::to_string(i)).append(") on 2026-01-01");
        engine.execute(line);
        if (!fsync_each && (i + 1) % 4096 == 0) engine.commit();  // the casus program's batch size
    }
    engine.commit();
    // Every fact is new: a refused one would make the figure a lie.
    if (auto refused = engine.take_rejections(); !refused.empty()) {
        std::fprintf(stderr, "casus_bench: %zu adds refused, the first: %s\n", refused.size(), refused[0].message.c_str());
        return 1;
    }
    double s = seconds_since(t);
    std::printf("{\"mode\":\"ingest\",\"n\":%ld,\"fsync_each\":%s,\"seconds\":%.3f,\"per_second\":%.0f,\"peak_rss_mb\":%ld}\n", n,
                fsync_each ? "true" : "false", s, n / s, peak_rss_mb());
    return 0;
}

// The compaction alone: the engine is opened (journal replayed or
// snapshot loaded) before the clock starts.
int compact(const std::string& data) {
    auto engine = open(CASUS_SOURCE_KB, data);
    auto t = Clock::now();
    const std::size_t records = engine.compact();
    const double s = seconds_since(t);
    std::printf("{\"mode\":\"compact\",\"records\":%zu,\"seconds\":%.3f,\"per_second\":%.0f,\"peak_rss_mb\":%ld}\n", records, s,
                records / s, peak_rss_mb());
    return 0;
}

// A benchmark world made of a data directory (the ATOP import) must load
// into a plain swipl for the baseline: its facts, written as source.
int export_source(const std::string& data, const std::string& file) {
    auto engine = open(CASUS_SOURCE_KB, data);
    casus::prolog::Frame frame;
    if (!casus::prolog::call("snapshot", casus::prolog::compound("write_source_snapshot", {casus::prolog::atom(file)}))) return 1;
    std::printf("{\"mode\":\"export\",\"file\":\"%s\"}\n", file.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> a(argv + 1, argv + argc);
    try {
        if (a.size() == 2 && a[0] == "parse") return parse(std::stol(a[1]));
        if (a.size() == 2 && a[0] == "parse-known") return parse_known(std::stol(a[1]));
        if (a.size() >= 4 && a[0] == "questions") return questions(a[1], a[2], a[3], a.size() > 4 ? a[4] : "");
        if (a.size() == 5 && a[0] == "matrix") return matrix(a[1], a[2], a[3], a[4]);
        if (a.size() >= 3 && a[0] == "ingest") return ingest(a[1], std::stol(a[2]), a.size() > 3 && a[3] == "fsync-each");
        if (a.size() == 2 && a[0] == "compact") return compact(a[1]);
        if (a.size() == 3 && a[0] == "export") return export_source(a[1], a[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "casus_bench: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: casus_bench parse N | questions KB PAIRS DATE [DIGEST] | matrix KB DATE PAIRS DIGEST | ingest DATA N [fsync-each] | compact DATA | export DATA FILE\n");
    return 2;
}
