// The name table the build writes beside the saved state (name_file.hpp):
// what is written is read back row for row, texts with a tab, a line feed
// or a backslash included; a table of another state or census is not
// read; a damaged one is refused with what is wrong.
#include "name_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/casus-names-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

casus::kb_names::Tables sample() {
    casus::kb_names::Tables t;
    t.names = {{"Côte d'Ivoire", "ivory_coast", "state"},
               {"a\ttab, a\nline feed and a \\ backslash", "odd", "treaty"},
               {"St. Lucia", "st_lucia", "state"}};
    t.state_spells = {{"germany", 18160101, 19450508}, {"germany", 19901003, 99991231}};
    t.dated = {{"ROC", "china", 1816, 1949}, {"ROC", "taiwan", 1949, 9999}};
    t.name_spells = {{"russia", 19221230, 19911225, "Soviet Union"}};
    return t;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the name table reads back what was written") {
    TempDir dir;
    const auto file = dir.path / "casus.names";
    casus::name_file::write(file, sample(), "1234 5678", "entities:state/3=2 store:defined_/1=0");
    std::string problem;
    auto back = casus::name_file::read(file, "1234 5678", "entities:state/3=2 store:defined_/1=0", problem);
    REQUIRE(problem.empty());
    REQUIRE(back);
    CHECK(*back == sample());
    CHECK(back->names[1].text == "a\ttab, a\nline feed and a \\ backslash");
}

TEST_CASE("a name table of another state or census is not read, and says nothing") {
    TempDir dir;
    const auto file = dir.path / "casus.names";
    casus::name_file::write(file, sample(), "1234 5678", "census A");
    std::string problem;
    CHECK_FALSE(casus::name_file::read(file, "1234 5679", "census A", problem));
    CHECK_FALSE(casus::name_file::read(file, "1234 5678", "census B", problem));
    CHECK(problem.empty());
    CHECK_FALSE(casus::name_file::read(dir.path / "missing.names", "1234 5678", "census A", problem));
    CHECK(problem.empty());
}

TEST_CASE("a damaged name table is refused with what is wrong") {
    TempDir dir;
    const auto file = dir.path / "casus.names";
    casus::name_file::write(file, sample(), "1 2", "c");
    const std::string whole = slurp(file);
    auto refused = [&](const std::string& bytes, const std::string& what) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        std::string problem;
        CHECK_FALSE(casus::name_file::read(file, "1 2", "c", problem));
        INFO(problem);
        CHECK(problem.find(what) != std::string::npos);
        CHECK(problem.find("reading the names from the kb instead") != std::string::npos);
    };
    refused(whole.substr(0, whole.size() / 2), "cut short");
    refused(whole.substr(0, whole.size() - 4), "cut short");  // without its 'end' line
    std::string bad_number = whole;
    bad_number.replace(bad_number.find("18160101"), 8, "1816O101");
    refused(bad_number, "where a number belongs");
    std::string extra = whole + "more\n";
    refused(extra, "does not end with its 'end' line");
    refused("casus name table 2\n", "is not a casus name table");
}
