// The C++ side of the benchmarks (tests/bench/bench.py drives it and
// prints the table). Each mode prints one JSON line of measurements.
//
//   casus_bench parse N
//   casus_bench questions KB PAIRS DATE [DIGEST_FILE]   defenders questions through the whole engine
//   casus_bench matrix KB DATE LIMIT                     every ordered pair of states (or the first LIMIT)
//   casus_bench ingest DATA N [fsync-each]               durable adds, group commit (or one fsync each)
#include "casus/engine.hpp"
#include "parser.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
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

// One line per question: the defenders with verdict and score, so the
// smoke test can compare casus with the predicate called in swipl.
std::string digest(const casus::DefendersResult& r) {
    std::string out;
    char buf[64];
    for (auto& a : r.answers) {
        std::snprintf(buf, sizeof buf, "%.2f", a.score);
        out += a.state + ":" + casus::to_string(a.verdict) + ":" + buf + " ";
    }
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
    for (auto& [a, x] : pairs) {
        auto r = engine.execute("as of " + iso(date) + " who would defend " + a + " against " + x);
        auto& d = std::get<casus::DefendersResult>(r);
        answers += d.answers.size();
        dig << a << " " << x << ": " << digest(d) << "\n";
    }
    double s = seconds_since(t);
    std::printf("{\"mode\":\"questions\",\"n\":%zu,\"seconds\":%.4f,\"per_second\":%.2f,\"answers\":%zu,\"peak_rss_mb\":%ld}\n",
                pairs.size(), s, pairs.size() / s, answers, peak_rss_mb());
    return 0;
}

int matrix(const std::string& kb, const std::string& date, long limit) {
    auto engine = open(kb);
    auto list = std::get<casus::EntitiesResult>(engine.execute("list states"));
    std::vector<std::string> states;
    for (auto& e : list.rows) states.push_back(e.id);
    long total = static_cast<long>(states.size() * (states.size() - 1)), done = 0;
    std::size_t answers = 0;
    auto t = Clock::now();
    for (std::size_t i = 0; i < states.size() && done < limit; ++i)
        for (std::size_t j = 0; j < states.size() && done < limit; ++j) {
            if (i == j) continue;
            auto r = engine.execute("as of " + iso(date) + " who would defend " + states[i] + " against " + states[j]);
            answers += std::get<casus::DefendersResult>(r).answers.size();
            ++done;
        }
    double s = seconds_since(t);
    std::printf("{\"mode\":\"matrix\",\"pairs\":%ld,\"done\":%ld,\"seconds\":%.3f,\"full_seconds\":%.3f,\"answers\":%zu,"
                "\"peak_rss_mb\":%ld}\n",
                total, done, s, s * total / std::max(done, 1L), answers, peak_rss_mb());
    return 0;
}

int ingest(const std::string& data, long n, bool fsync_each) {
    auto engine = open(CASUS_SOURCE_KB, data);
    const char* states[] = {"armenia", "azerbaijan", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "turkey"};
    engine.set_group_commit(!fsync_each);
    auto t = Clock::now();
    for (long i = 0; i < n; ++i) {
        engine.execute(std::string("add priority(") + states[i % 8] + ", bench_threat_" + std::to_string(i) + ") on 2026-01-01");
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

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> a(argv + 1, argv + argc);
    try {
        if (a.size() == 2 && a[0] == "parse") return parse(std::stol(a[1]));
        if (a.size() >= 4 && a[0] == "questions") return questions(a[1], a[2], a[3], a.size() > 4 ? a[4] : "");
        if (a.size() == 4 && a[0] == "matrix") return matrix(a[1], a[2], std::stol(a[3]));
        if (a.size() >= 3 && a[0] == "ingest") return ingest(a[1], std::stol(a[2]), a.size() > 3 && a[3] == "fsync-each");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "casus_bench: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: casus_bench parse N | questions KB PAIRS DATE [DIGEST] | matrix KB DATE LIMIT | ingest DATA N [fsync-each]\n");
    return 2;
}
