// The durable journal of added facts: length- and checksum-framed
// records, group commit (one fsync per batch), a lock so two processes
// never write the same data directory, and recovery from a torn tail.
#pragma once

#include "casus/engine.hpp"

#include <filesystem>
#include <sys/types.h>
#include <string>
#include <vector>

namespace casus {

struct JournalRecord {
    std::string op;                 // add | end | withdraw | define | generation
    std::vector<std::string> fact;  // functor, then argument ids
    long date = 0;                  // YYYYMMDD (add: valid from; end: valid to; withdraw, define: 0;
                                    // generation: the snapshot generation the journal continues)
    std::string source;
    std::string recorded;           // UTC time of the statement, ISO 8601
    long until = 0;                 // add of a closed spell (an import): valid to, else 0
    // generation: the size and CRC-32 of the snapshot it continues
    // (engine/src/snapshot.hpp), checked before the snapshot is loaded;
    // 0 in a journal written before snapshots were checksummed.
    long snapshot_size = 0, snapshot_crc = 0;
};

// Makes a finished file durable under its final name: fsync it, rename
// it over target, fsync the directory.
void durable_rename(const std::filesystem::path& file, const std::filesystem::path& target);

class Journal {
public:
    // Opens (creating if needed) dir and its journal; takes the lock or,
    // if another process holds it, opens read-only and says so in report.
    Journal(const std::filesystem::path& dir, JournalReport& report);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Every complete record, in order. A torn or corrupt tail is cut off
    // (and fsynced) and reported.
    std::vector<JournalRecord> read_all(JournalReport& report);

    void append(const JournalRecord& record);  // buffered until commit()
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

    static void encode_into(std::string& out, const JournalRecord& record);  // one framed record, appended
    const std::filesystem::path& dir() const { return dir_; }

private:
    void require_writable() const;  // throws StorageError in a read-only session

    std::filesystem::path dir_, file_;
    int fd_ = -1, lock_fd_ = -1;
    bool read_only_ = false;
    std::string read_only_reason_;
    std::string buffer_;
    std::size_t pending_count_ = 0;
    off_t durable_size_ = 0;  // the end of the last durable batch
};

}  // namespace casus
