#include "history.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace casus::cli {

namespace {

constexpr const char* header = "_casus_history_v1_";
constexpr const char* libedit_header = "_HiStOrY_V2_";

// libedit's write_history encodes each entry with strvis(3): a space is
// \040, a backslash \\, other bytes as \ooo or \^C. Enough of unvis to
// read a file an older casus wrote.
std::string unvis(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\' || i + 1 == line.size()) {
            out += line[i];
            continue;
        }
        char c = line[++i];
        if (c >= '0' && c <= '7') {
            int v = 0, n = 0;
            for (; n < 3 && i < line.size() && line[i] >= '0' && line[i] <= '7'; ++n, ++i) v = v * 8 + (line[i] - '0');
            --i;
            out += static_cast<char>(v);
        } else if (c == 'n') {
            out += '\n';
        } else if (c == 't') {
            out += '\t';
        } else if (c == 's') {
            out += ' ';
        } else if (c == '^' && i + 1 < line.size()) {
            out += static_cast<char>(line[++i] & 0x1f);
        } else {
            out += c;
        }
    }
    return out;
}

bool write_all(int fd, const std::string& data) {
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

History::History(std::filesystem::path file) : file_(std::move(file)) {}

std::string History::encode(const std::string& entry) {
    std::string out;
    for (char c : entry) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string History::decode(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            char c = line[++i];
            out += c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            out += line[i];
        }
    }
    return out;
}

std::vector<std::string> History::load() {
    std::vector<std::string> entries;
    std::ifstream in(file_);
    std::string line;
    if (!in || !std::getline(in, line)) return entries;
    const bool ours = line == header, libedit = line == libedit_header;
    if (!ours && !libedit && !line.empty()) entries.push_back(line);  // a plain file: a line an entry
    while (std::getline(in, line))
        if (!line.empty()) entries.push_back(ours ? decode(line) : libedit ? unvis(line) : line);
    if (entries.size() > limit) entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(limit));
    return entries;
}

std::string History::append(const std::string& entry) {
    std::vector<std::string> entries = load();
    entries.push_back(entry);
    if (entries.size() > limit) entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(limit));
    std::string data = std::string(header) + "\n";
    for (auto& e : entries) data += encode(e) + "\n";

    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    // A name of this process's own: two sessions writing at once each
    // rename a complete file, and the last one wins.
    std::filesystem::path tmp = file_;
    tmp += ".tmp." + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return "cannot write the history file " + tmp.string() + ": " + std::strerror(errno);
    bool ok = write_all(fd, data) && ::fsync(fd) == 0;
    int saved = errno;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), file_.c_str()) != 0) {
        if (ok) saved = errno;
        ::unlink(tmp.c_str());
        return "cannot write the history file " + file_.string() + ": " + std::strerror(saved);
    }
    return {};
}

}  // namespace casus::cli
