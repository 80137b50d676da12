// The research CSV reader: every line end reads the same rows on the same
// lines, text arrives as UTF-8 whatever the file's encoding, and a
// damaged file is refused with its file and line.
#include "atop_import.hpp"
#include "casus/errors.hpp"
#include "csv.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& bytes) {
        char tmpl[] = "/tmp/casus-csv-XXXXXX";
        int fd = ::mkstemp(tmpl);
        ::close(fd);
        path = tmpl;
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

struct Read {
    std::vector<std::string> header;
    std::vector<casus::csv::Row> rows;
    bool crlf = false, cr = false;
};

Read read_all(const std::string& bytes) {
    TempFile f(bytes);
    casus::csv::Reader r(f.path);
    Read out;
    out.header = r.header();
    casus::csv::Row row;
    while (r.next(row)) out.rows.push_back(row);
    out.crlf = r.crlf();
    out.cr = r.cr();
    return out;
}

std::string error_of(const std::string& bytes) {
    try {
        read_all(bytes);
    } catch (const casus::StorageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("LF, CRLF and CR-only line ends read the same rows on the same lines", "[csv]") {
    const std::string lf = "a,b,c\n1,2,3\n\n4,\"x,y\",6\n";
    std::string crlf, cr;
    for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    for (char c : lf) cr += c == '\n' ? '\r' : c;
    for (const std::string* text : std::vector<const std::string*>{&lf, &crlf, &cr}) {
        Read r = read_all(*text);
        CHECK(r.header == std::vector<std::string>{"a", "b", "c"});
        REQUIRE(r.rows.size() == 2);
        CHECK(r.rows[0].line == 2);
        CHECK(r.rows[0].cells == std::vector<std::string>{"1", "2", "3"});
        CHECK(r.rows[1].line == 4);  // after the blank line
        CHECK(r.rows[1].cells == std::vector<std::string>{"4", "x,y", "6"});
    }
    CHECK(read_all(crlf).crlf);
    CHECK(read_all(cr).cr);
    CHECK_FALSE(read_all(lf).cr);
}

TEST_CASE("a file's last row needs no line end, and quotes are RFC 4180", "[csv]") {
    Read r = read_all("a,b\n\"say \"\"hi\"\"\",2");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].cells == std::vector<std::string>{"say \"hi\"", "2"});
    CHECK(error_of("a,b\n\"open,2\n").find(":2: a quoted field never ends") != std::string::npos);
}

TEST_CASE("Latin-1 and Windows-1252 text is converted to UTF-8; UTF-8 is kept", "[csv]") {
    Read latin = read_all("name\nC\xf4te d'Ivoire\nO\x92" "Brien\n");
    CHECK(latin.rows[0].cells[0] == "C\xc3\xb4te d'Ivoire");
    CHECK(latin.rows[1].cells[0] == "O\xe2\x80\x99" "Brien");
    Read utf8 = read_all("\xef\xbb\xbfname\nC\xc3\xb4te\n");  // with a byte-order mark
    CHECK(utf8.header[0] == "name");
    CHECK(utf8.rows[0].cells[0] == "C\xc3\xb4te");
    std::string mixed = error_of("name\nC\xc3\xb4te\nC\xf4te\n");
    CHECK(mixed.find(":3: a byte that is not UTF-8, in a file that is UTF-8 elsewhere (line 2)") != std::string::npos);
    CHECK(error_of("name\nx\x81y\n").find(":2: field 1 holds byte 0x81") != std::string::npos);
}

TEST_CASE("a field over 1 KiB, a control character or too many fields is refused with its line", "[csv]") {
    CHECK(error_of("a,b\n1," + std::string(1024, 'x') + "\n").empty());
    std::string big = error_of("a,b\n1,2\n3," + std::string(17'000'000, 'x') + "\n");
    CHECK(big.find(":3: field 2 is longer than 1024 bytes") != std::string::npos);
    CHECK(big.size() < 300);
    CHECK(error_of("a\n1\nx\x1b[2Jy\n").find(":3: field 1 holds a control character (0x1B)") != std::string::npos);
    CHECK(error_of("a\n" + std::string(2000, ',') + "\n").find(":2: more than 1024 fields") != std::string::npos);
    CHECK(error_of("").find("empty file") != std::string::npos);
}

TEST_CASE("ids made from names are snake_case ASCII and short", "[csv]") {
    CHECK(casus::atop::snake_id("Bosnia and Herzegovina") == "bosnia_and_herzegovina");
    CHECK(casus::atop::snake_id("C\xc3\xb4te d'Ivoire") == "cote_d_ivoire");
    CHECK(casus::atop::snake_id("1st state") == "state_1st_state");
    CHECK(casus::atop::snake_id(std::string(500, 'a')).size() == 64);
}

TEST_CASE("a directory or a device is refused, never read", "[csv]") {
    auto message = [](const char* path) {
        try {
            casus::csv::Reader r(path);
        } catch (const casus::StorageError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(message("/dev/zero").find("not a regular file") != std::string::npos);
    CHECK(message("/tmp").find("not a regular file") != std::string::npos);
    CHECK(message("/nonexistent/x.csv").find("No such file") != std::string::npos);
}
