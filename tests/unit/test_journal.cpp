// The journal's record format: what append_add and append write is read
// back exactly, whatever the text holds (quotes, backslashes, control
// characters, UTF-8), and a record's bytes do not depend on which of the
// two wrote it.
#include "journal.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/casus-journal-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("journal records round-trip any text, and append_add writes what append writes", "[journal]") {
    const std::string awkward = "quote \" backslash \\ newline \n tab \t bell \x07 T\xC3\xBCrkiye end";
    casus::JournalRecord full{"add", {"tie", "kazakhstan", "armenia", "military"}, 20260301, awkward, "2026-11-28T00:00:00Z", 0};

    std::string by_record;
    casus::Journal::encode_into(by_record, full);
    TempDir dir;
    {
        casus::JournalReport report;
        casus::Journal j(dir.path, report);
        j.append(full);
        j.append_add("tie", {"kazakhstan", "armenia", "military"}, 20260301, awkward, "2026-11-28T00:00:00Z");
        REQUIRE(j.commit() == 2);
    }
    // Both records are the very bytes encode_into makes.
    std::string bytes;
    {
        std::ifstream in(dir.path / "journal.log", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto first = bytes.find(by_record);
    REQUIRE(first != std::string::npos);
    CHECK(bytes.find(by_record, first + by_record.size()) == first + by_record.size());

    casus::JournalReport report;
    casus::Journal j(dir.path, report);
    auto records = j.read_all(report);
    REQUIRE(records.size() == 2);
    for (auto& r : records) {
        CHECK(r.op == "add");
        CHECK(r.fact == full.fact);
        CHECK(r.date == 20260301);
        CHECK(r.source == awkward);
        CHECK(r.recorded == full.recorded);
        CHECK(r.until == 0);
    }
    CHECK(report.torn_bytes == 0);
}

// --- the record format, property-tested --------------------------------

#include "casus/errors.hpp"
#include "casus/repair.hpp"
#include "journal_recovery.hpp"

#include <random>

namespace {

namespace fmt = casus::journal_format;
namespace rec = casus::journal_recovery;
using Outcome = rec::Scan::Outcome;

// A random code point as UTF-8: control characters, ASCII, and the 2-,
// 3- and 4-byte ranges (no surrogates), so every escape path is taken.
void put_code_point(std::string& out, std::mt19937& rng) {
    std::uint32_t cp;
    switch (rng() % 5) {
        case 0: cp = rng() % 0x20; break;
        case 1: cp = 0x20 + rng() % 0x60; break;
        case 2: cp = 0x80 + rng() % (0x800 - 0x80); break;
        case 3: do cp = 0x800 + rng() % (0x10000 - 0x800); while (cp >= 0xD800 && cp <= 0xDFFF); break;
        default: cp = 0x10000 + rng() % (0x110000 - 0x10000);
    }
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000)
        out += {static_cast<char>(0xE0 | cp >> 12), static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    else
        out += {static_cast<char>(0xF0 | cp >> 18), static_cast<char>(0x80 | (cp >> 12 & 0x3F)),
                static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
}

std::string random_text(std::mt19937& rng, std::size_t max_points) {
    std::string s;
    for (std::size_t n = rng() % (max_points + 1); n > 0; --n) put_code_point(s, rng);
    return s;
}

casus::JournalRecord random_record(std::mt19937& rng) {
    static const char* ops[] = {"add", "end", "withdraw", "define", "generation"};
    casus::JournalRecord r;
    r.op = ops[rng() % 5];
    for (std::size_t n = rng() % 6; n > 0; --n) r.fact.push_back(random_text(rng, 12));
    r.date = static_cast<long>(rng() % 100000000) - (rng() % 2 ? 0 : 50000000);
    r.source = random_text(rng, 40);
    r.recorded = random_text(rng, 20);
    r.until = rng() % 3 ? 0 : static_cast<long>(rng() % 99991231);
    return r;
}

std::string encoded(const std::vector<casus::JournalRecord>& records) {
    std::string out;
    for (auto& r : records) casus::Journal::encode_into(out, r);
    return out;
}

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::filesystem::path& p, const std::string& data) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << data;
}

std::vector<casus::JournalRecord> some_records(std::size_t n) {
    std::vector<casus::JournalRecord> out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back({"add", {"priority", "armenia", "t" + std::to_string(i)}, 20260101, "added by the user",
                       "2026-11-28T00:00:00Z", 0});
    return out;
}

}  // namespace

TEST_CASE("random records encode then decode identically", "[journal][property]") {
    std::mt19937 rng(20261201);
    for (int round = 0; round < 2000; ++round) {
        std::vector<casus::JournalRecord> records;
        for (std::size_t n = 1 + rng() % 4; n > 0; --n) records.push_back(random_record(rng));
        const std::string bytes = encoded(records);
        rec::Scan s = rec::scan(bytes);
        REQUIRE(s.outcome == Outcome::clean);
        REQUIRE(s.records.size() == records.size());
        for (std::size_t i = 0; i < records.size(); ++i) CHECK(s.records[i] == records[i]);
    }
}

TEST_CASE("a value that could not be read back is refused before it is buffered", "[journal]") {
    TempDir dir;
    casus::JournalReport report;
    casus::Journal j(dir.path, report);
    const std::vector<std::string> args = {"armenia", "g2"};
    try {
        j.append_add("priority", args, 20260101, "caf\xe9", "2026-11-28T00:00:00Z");
        FAIL("invalid UTF-8 was accepted");
    } catch (const casus::ValidationError& e) {
        CHECK(std::string(e.what()).find("the source is not valid UTF-8 (byte 0xe9 at position 4)") == 0);
    }
    CHECK_THROWS_AS(j.append_add("priority", args, 20260101, std::string(fmt::max_text + 1, 'x'), "t"),
                    casus::ValidationError);
    CHECK_THROWS_AS(j.append_add("priority", {"armenia", std::string(fmt::max_id + 1, 'a')}, 20260101, "s", "t"),
                    casus::ValidationError);
    CHECK_THROWS_AS(j.append({"add", {"priority", "armenia", "\xc0\x80"}, 20260101, "s", "t", 0}), casus::ValidationError);
    CHECK_THROWS_WITH(j.append_add("priority", {"armenia", "x"}, 20260101, std::string(20 * 1024 * 1024, 'x'), "t"),
                      Catch::Contains("the limit is 65536 bytes"));
    CHECK(j.pending() == 0);
    j.append_add("priority", args, 20260101, "caf\xc3\xa9", "2026-11-28T00:00:00Z");
    CHECK(j.commit() == 1);
    CHECK(rec::scan(file_bytes(dir.path / "journal.log")).records.size() == 1);
}

TEST_CASE("the UTF-8 check is RFC 3629's", "[journal]") {
    CHECK(fmt::invalid_utf8_at("T\xC3\xBCrkiye \xF0\x9F\x98\x80 \xE2\x82\xAC") == std::string_view::npos);
    CHECK(fmt::invalid_utf8_at("caf\xe9") == 3);
    CHECK(fmt::invalid_utf8_at("\xC0\xAF") == 0);          // overlong
    CHECK(fmt::invalid_utf8_at("a\xED\xA0\x80") == 1);     // a surrogate
    CHECK(fmt::invalid_utf8_at("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(fmt::invalid_utf8_at("ab\xE2\x82") == 2);        // cut short
}

TEST_CASE("the scan tells a torn tail from damage", "[journal][recovery]") {
    const auto records = some_records(10);
    const std::string good = encoded(records);
    const std::size_t last = good.size() - encoded({records.back()}).size();

    SECTION("an incomplete last record is torn") {
        for (std::size_t cut : {last + 1, last + 7, last + 8, good.size() - 1}) {
            rec::Scan s = rec::scan(good.substr(0, cut));
            CHECK(s.outcome == Outcome::torn_tail);
            CHECK(s.records.size() == 9);
            CHECK(s.good_end == last);
        }
    }
    SECTION("an all-zero tail is torn") {
        rec::Scan s = rec::scan(good + std::string(4096, '\0'));
        CHECK(s.outcome == Outcome::torn_tail);
        CHECK(s.records.size() == 10);
    }
    SECTION("a flipped bit mid-journal is damage, with the readable records after it counted") {
        std::string bad = good;
        bad[good.size() / 2] ^= 0x10;
        rec::Scan s = rec::scan(bad);
        CHECK(s.outcome == Outcome::damaged);
        CHECK(s.records.size() + 1 + s.readable_after == 10);
    }
    SECTION("a last record whose length was damaged to run past the end is damage, not torn") {
        std::string bad = good;
        bad[last + 2] ^= 0x01;  // the length grows by 64 KiB
        CHECK(rec::scan(bad).outcome == Outcome::damaged);
    }
    SECTION("a CRC-valid record this casus cannot decode (a date written as a string)") {
        std::string payload = R"({"op":"add","fact":["priority","armenia","x"],"date":"2026-01-01","source":"s","recorded":"r"})";
        std::string frame(8, '\0');
        const std::uint32_t fields[2] = {static_cast<std::uint32_t>(payload.size()), fmt::crc32(payload.data(), payload.size())};
        for (int f = 0; f < 2; ++f)
            for (int i = 0; i < 4; ++i) frame[4 * f + i] = static_cast<char>(fields[f] >> (8 * i) & 0xFF);
        rec::Scan s = rec::scan(encoded(some_records(2)) + frame + payload + encoded(some_records(3)));
        CHECK(s.outcome == Outcome::undecodable);
        CHECK(s.records.size() == 2);
        CHECK(s.bad.why == "its \"date\" is not an integer");
    }
    SECTION("a text file is not a journal") {
        CHECK(rec::scan("hello, this is a text file\n").outcome == Outcome::not_a_journal);
    }
}

TEST_CASE("repair keeps every intact record whichever byte is flipped", "[journal][recovery]") {
    const auto records = some_records(6);
    const std::string good = encoded(records);
    std::vector<std::size_t> starts;  // where each record begins
    for (std::size_t at = 0, i = 0; i < records.size(); ++i) {
        starts.push_back(at);
        at += encoded({records[i]}).size();
    }
    starts.push_back(good.size());
    for (std::size_t pos = 0; pos < good.size(); ++pos) {
        for (unsigned char bit : {0x01, 0x80}) {
            std::string bad = good;
            bad[pos] = static_cast<char>(bad[pos] ^ bit);
            std::size_t hit = 0;
            while (starts[hit + 1] <= pos) ++hit;
            std::vector<casus::JournalRecord> kept;
            std::size_t covered = 0;
            for (auto& p : rec::plan_repair(bad)) {
                CHECK(p.offset == covered);
                covered += p.size;
                if (p.kept) kept.push_back(p.record);
            }
            CHECK(covered == bad.size());
            std::vector<casus::JournalRecord> want = records;
            want.erase(want.begin() + static_cast<std::ptrdiff_t>(hit));
            INFO("flipped bit " << int(bit) << " at byte " << pos);
            CHECK(kept == want);
        }
    }
}

TEST_CASE("a torn tail is left in place by reading and cut by the first commit", "[journal][recovery]") {
    TempDir dir;
    const std::string good = encoded(some_records(3));
    const std::string torn = good + std::string("\x40\x00\x00\x00garbage", 11);
    write_bytes(dir.path / "journal.log", torn);
    {
        casus::JournalReport report;
        casus::Journal j(dir.path, report);
        CHECK(j.read_all(report).size() == 3);
        CHECK(report.torn_bytes == 11);
    }
    CHECK(file_bytes(dir.path / "journal.log") == torn);  // a session that only reads
    casus::JournalReport report;
    casus::Journal j(dir.path, report);
    CHECK(j.read_all(report).size() == 3);
    j.append(some_records(4).back());
    CHECK(j.commit() == 1);
    CHECK(file_bytes(dir.path / "journal.log") == encoded(some_records(4)));
}

TEST_CASE("damage stops the reader, untouched, and repair quarantines it", "[journal][recovery]") {
    TempDir dir;
    std::string bad = encoded(some_records(5));
    bad[bad.size() / 2] ^= 0x04;
    write_bytes(dir.path / "journal.log", bad);
    {
        casus::JournalReport report;
        casus::Journal j(dir.path, report);
        CHECK_THROWS_WITH(j.read_all(report), Catch::Contains("is damaged at byte offset") &&
                                                  Catch::Contains("(record 3)") &&
                                                  Catch::Contains("2 readable records follow it") &&
                                                  Catch::Contains("run `casus repair --data"));
    }
    CHECK(file_bytes(dir.path / "journal.log") == bad);
    casus::RepairReport r = casus::repair_data_dir(dir.path);
    CHECK(r.kept == 4);
    CHECK(r.quarantined == 1);
    auto kept = rec::scan(file_bytes(dir.path / "journal.log"));
    CHECK(kept.outcome == Outcome::clean);
    CHECK(kept.records.size() == 4);
    const std::string q = file_bytes(r.quarantine);
    CHECK(q.find("--- offset ") != std::string::npos);
    CHECK(q.size() > r.quarantined_bytes);
    // A second repair finds nothing to do.
    CHECK(casus::repair_data_dir(dir.path).quarantined == 0);
}

TEST_CASE("repair rebuilds a generation record one flipped byte damaged", "[journal][recovery]") {
    const casus::JournalRecord generation{"generation", {}, 7, "", "2026-11-28T00:00:00Z", 0};
    const std::string good = encoded({generation}) + encoded(some_records(3));
    const std::size_t size = encoded({generation}).size();
    for (std::size_t pos = 0; pos < size; ++pos) {
        TempDir dir;
        std::string bad = good;
        bad[pos] = static_cast<char>(bad[pos] ^ 0x20);
        write_bytes(dir.path / "journal.log", bad);
        write_bytes(dir.path / "snapshot.qlf", "a snapshot");
        INFO("flipped byte " << pos);
        casus::RepairReport r = casus::repair_data_dir(dir.path);
        CHECK(r.generation_restored);
        CHECK(file_bytes(dir.path / "journal.log") == good);
    }
    // Damage beyond one byte in a directory with a snapshot: nothing changes.
    TempDir dir;
    std::string bad = good;
    for (std::size_t i = 10; i < 20; ++i) bad[i] = '#';
    write_bytes(dir.path / "journal.log", bad);
    write_bytes(dir.path / "snapshot.qlf", "a snapshot");
    CHECK_THROWS_WITH(casus::repair_data_dir(dir.path), Catch::Contains("its first record is damaged beyond repair"));
    CHECK(file_bytes(dir.path / "journal.log") == bad);
}
