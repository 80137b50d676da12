// The durable journal of added facts: length- and checksum-framed
// records (journal_format.hpp), group commit (one fsync per batch), a
// lock so two processes never write the same data directory, and safe
// opening: no symlink is followed, a file that is not a journal is
// refused, and only a torn tail is ever cut, right before the first write.
#pragma once

#include "casus/engine.hpp"
#include "journal_format.hpp"

#include <filesystem>
#include <optional>
#include <sys/types.h>
#include <string>
#include <vector>

namespace casus {

// Makes a finished file durable under its final name: fsync it, rename
// it over target, fsync the directory.
void durable_rename(const std::filesystem::path& file, const std::filesystem::path& target);

class Journal {
public:
    // Opens (creating if needed) dir and its journal; takes the lock or,
    // if another process holds it, opens read-only and says so in report.
    // A journal.log or lock that is a symlink or not a regular file, or a
    // directory casus may not search, is a StorageError.
    Journal(const std::filesystem::path& dir, JournalReport& report);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Every record, in order. A torn tail (an incomplete last record,
    // never acknowledged) is reported and left in place until the first
    // commit() cuts it. Anything else unreadable is a StorageError that
    // names the offset and the record and leaves the file untouched.
    std::vector<JournalRecord> read_all(JournalReport& report);

    // Buffered until commit(). Throws ValidationError, buffering nothing,
    // if a value is not valid UTF-8 or over its limit (journal_format.hpp).
    void append(const JournalRecord& record);
    // The same bytes as append(JournalRecord{"add", {kind, args...}, ...}),
    // without building the record: a batch of adds appends thousands.
    void append_add(const std::string& kind, const std::vector<std::string>& args, long date, const std::string& source,
                    const std::string& recorded);
    // Writes and fdatasyncs the batch; returns records made durable. If it
    // fails, the file is cut back to its last durable end (so no partial
    // record stays behind a later batch) and the batch is dropped.
    std::size_t commit();
    void discard_pending();
    std::size_t pending() const { return pending_count_; }
    bool read_only() const { return read_only_; }
    // Why the session is read-only: "another casus holds its lock", or the
    // directory is not writable.
    const std::string& read_only_reason() const { return read_only_reason_; }

    // Replaces the journal with these records (write a temporary file,
    // fsync, rename over, fsync the directory).
    void rewrite(const std::vector<JournalRecord>& records);
    // The same, but only right before the session's first write, so a
    // session that only asks leaves the file as it found it.
    void rewrite_before_first_write(std::vector<JournalRecord> records);

    // The file's bytes, and their atomic replacement (casus repair).
    std::string read_bytes();
    void replace_bytes(const std::string& data);

    static void encode_into(std::string& out, const JournalRecord& record);  // one framed record, appended
    const std::filesystem::path& dir() const { return dir_; }
    const std::filesystem::path& file() const { return file_; }

private:
    void require_writable() const;  // throws StorageError in a read-only session
    void open_lock(JournalReport& report);
    void open_file();
    void before_first_write();  // cuts a torn tail or runs a deferred rewrite

    std::filesystem::path dir_, file_;
    int fd_ = -1, lock_fd_ = -1;
    bool read_only_ = false;
    std::string read_only_reason_;
    std::string buffer_;
    std::size_t pending_count_ = 0;
    off_t durable_size_ = 0;  // the end of the last durable batch (or of the readable records)
    bool cut_pending_ = false;  // a torn tail lies past durable_size_
    std::optional<std::vector<JournalRecord>> deferred_rewrite_;
};

}  // namespace casus
