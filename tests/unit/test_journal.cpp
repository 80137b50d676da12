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
