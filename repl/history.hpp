// The REPL's history file: every entry appended as it is typed, at most
// History::limit entries (the oldest dropped), each write a whole new
// file renamed over the old one, so a hang-up or a kill at any moment
// leaves the previous file or the new one, never a truncated one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace casus::cli {

class History {
public:
    // The bound on entries, as psql's HISTSIZE (500) and bash's (500..)
    // bound theirs; 2,000 keeps a few weeks of a daily user's questions
    // in a file of about 100 KB, rewritten in well under a millisecond.
    static constexpr std::size_t limit = 2000;

    explicit History(std::filesystem::path file);

    // The entries on disk, oldest first (none when there is no file).
    // Reads the format of libedit's write_history too (older casus).
    std::vector<std::string> load();

    // Adds one entry (a multi-line statement is one entry) and writes the
    // file again: the entries on disk now (another session may have added
    // some), this one, bounded. Returns an error message, or "" on success.
    std::string append(const std::string& entry);

    const std::filesystem::path& file() const { return file_; }

    // The escaped line of an entry and back (\n, \r and \\ escaped).
    static std::string encode(const std::string& entry);
    static std::string decode(const std::string& line);

private:
    std::filesystem::path file_;
};

}  // namespace casus::cli
