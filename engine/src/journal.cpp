#include "journal.hpp"

#include "casus/errors.hpp"
#include "journal_recovery.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casus {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw StorageError(what + " " + path.string() + ": " + std::strerror(errno));
}

// Opens path read-only (flags add O_DIRECTORY for a directory) and fsyncs it.
void fsync_path(const std::filesystem::path& path, int flags, const char* what) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) fail(std::string("cannot open ") + what, path);
    if (::fsync(fd) != 0) {
        int saved = errno;
        ::close(fd);
        errno = saved;
        fail(std::string("cannot fsync ") + what, path);
    }
    ::close(fd);
}

void fsync_dir(const std::filesystem::path& dir) { fsync_path(dir, O_DIRECTORY, "directory"); }

void write_all(int fd, const std::string& data, const std::filesystem::path& path) {
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path);
        }
        done += static_cast<std::size_t>(n);
    }
}

// Opens a file of the data directory without following a symlink (a
// link could make casus read, cut or overwrite any file the user may
// write) and without blocking on a FIFO; anything but a regular file is
// refused. Returns -1 with errno set if open() itself fails otherwise.
int open_regular(const std::filesystem::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == ELOOP)
            throw StorageError(path.string() + " is a symbolic link; casus does not follow links in a data directory "
                               "(it would read or write the file the link points to): replace the link with the file "
                               "itself, or give another --data directory");
        return -1;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw StorageError(path.string() + " is not a regular file; casus has left it alone: move it aside, or give "
                           "another --data directory");
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

std::string read_fd(int fd, const std::filesystem::path& path) {
    std::string data;
    char buf[1 << 16];
    if (::lseek(fd, 0, SEEK_SET) != 0) fail("cannot read journal", path);
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot read journal", path);
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
}

}  // namespace

void durable_rename(const std::filesystem::path& file, const std::filesystem::path& target) {
    fsync_path(file, 0, "file");
    if (::rename(file.c_str(), target.c_str()) != 0) fail("cannot rename over", target);
    fsync_dir(target.parent_path());
}

void Journal::encode_into(std::string& out, const JournalRecord& r) {
    journal_format::encode(out, r.op, nullptr, r.fact, r.date, r.source, r.recorded, r.until, r.snapshot_size,
                           r.snapshot_crc);
}

Journal::Journal(const std::filesystem::path& dir, JournalReport& report) : dir_(dir), file_(dir / "journal.log") {
    std::error_code ec;
    const auto st = std::filesystem::status(dir_, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw StorageError("cannot open the data directory " + dir_.string() + ": " + ec.message());
    const bool created = !std::filesystem::exists(st);
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw StorageError("cannot create data directory " + dir_.string() + ": " + ec.message());
    if (created) fsync_dir(dir_.parent_path().empty() ? "." : dir_.parent_path());
    open_lock(report);
    open_file();
}

void Journal::open_lock(JournalReport& report) {
    lock_fd_ = open_regular(dir_ / "lock", O_RDWR | O_CREAT);
    if (lock_fd_ < 0) {
        // A read-only file system or no write permission: readable, never writable.
        const std::string why = std::strerror(errno);
        read_only_ = true;
        report.read_only = true;
        read_only_reason_ = "it is not writable (" + why + ")";
        report.messages.push_back("the data directory " + dir_.string() + " is not writable (" + why +
                                  "): opened read-only, facts cannot be added in this session");
    } else if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        read_only_ = true;
        read_only_reason_ = "another casus holds its lock";
        report.read_only = true;
        report.messages.push_back("another casus holds " + dir_.string() +
                                  ": opened read-only, facts cannot be added in this session");
    }
}

void Journal::open_file() {
    fd_ = open_regular(file_, read_only_ ? O_RDONLY : O_RDWR | O_APPEND);
    if (fd_ < 0 && errno == ENOENT && !read_only_) {
        fd_ = open_regular(file_, O_RDWR | O_APPEND | O_CREAT);
        if (fd_ >= 0) fsync_dir(dir_);
    }
    if (fd_ < 0) {
        if (errno == ENOENT && read_only_) return;  // nothing added yet, and nothing can be
        if (errno == EACCES)
            throw StorageError("cannot open the journal " + file_.string() + ": " + std::strerror(errno) +
                               " (casus needs permission to read and search the data directory " + dir_.string() +
                               " and to read its files)");
        fail("cannot open journal", file_);
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0) fail("cannot read journal", file_);
    durable_size_ = st.st_size;
}

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

std::string Journal::read_bytes() { return fd_ < 0 ? std::string() : read_fd(fd_, file_); }

namespace {

std::string records_word(std::size_t n) { return std::to_string(n) + (n == 1 ? " readable record" : " readable records"); }

// The error for a journal casus will not start on, written for the
// person who has to decide what to do.
[[noreturn]] void refuse(const journal_recovery::Scan& s, const std::filesystem::path& file,
                         const std::filesystem::path& dir) {
    using O = journal_recovery::Scan::Outcome;
    const std::string where = "at byte offset " + std::to_string(s.good_end) + " (record " +
                              std::to_string(s.records.size() + 1) + ")";
    const std::string repair = "run `casus repair --data " + dir.string() +
                               "` to move the unreadable bytes to a quarantine file beside it and keep every readable "
                               "record";
    if (s.outcome == O::not_a_journal)
        throw StorageError(file.string() + " is not a casus journal (its first bytes are " + describe(s.bad) +
                           ", and no casus record follows); casus has left it untouched: move it aside, or give "
                           "another --data directory");
    if (s.outcome == O::undecodable)
        throw StorageError("journal " + file.string() + ": the record " + where +
                           " is whole (its checksum matches) but this casus cannot read it: " + s.bad.why +
                           ". It was written by a newer casus (or damaged). casus will not start on part of the "
                           "journal and has left the file untouched: open it with the casus that wrote it, or " +
                           repair);
    const std::size_t before = s.records.size(), after = s.readable_after;
    throw StorageError("journal " + file.string() + " is damaged " + where + ": " + describe(s.bad) + "; " +
                       records_word(before) + (before == 1 ? " comes" : " come") + " before it and " +
                       records_word(after) + (after == 1 ? " follows" : " follow") + " it. casus will not start on part of the journal and has left the file untouched: " +
                       repair);
}

}  // namespace

std::vector<JournalRecord> Journal::read_all(JournalReport& report) {
    const std::string data = read_bytes();
    journal_recovery::Scan s = journal_recovery::scan(data);
    using O = journal_recovery::Scan::Outcome;
    if (s.outcome != O::clean && s.outcome != O::torn_tail) refuse(s, file_, dir_);
    durable_size_ = static_cast<off_t>(s.good_end);
    cut_pending_ = s.outcome == O::torn_tail;
    if (cut_pending_) {
        report.torn_bytes = data.size() - s.good_end;
        report.messages.push_back(
            "journal " + file_.string() + " ends in a torn record: " + std::to_string(report.torn_bytes) +
            " bytes at offset " + std::to_string(s.good_end) + " after record " + std::to_string(s.records.size()) +
            ", an incomplete write, never acknowledged; it is ignored" +
            (read_only_ ? std::string(", and cut by the next session that writes")
                        : std::string(", and cut before this session's first write")));
    }
    return std::move(s.records);
}

void Journal::require_writable() const {
    if (read_only_) throw StorageError("the data directory " + dir_.string() + " is read-only in this session (" + read_only_reason_ + ")");
}

void Journal::append(const JournalRecord& r) {
    require_writable();
    encode_into(buffer_, r);
    ++pending_count_;
}

void Journal::append_add(const std::string& kind, const std::vector<std::string>& args, long date,
                         const std::string& source, const std::string& recorded) {
    require_writable();
    static const std::string add = "add";
    journal_format::encode(buffer_, add, &kind, args, date, source, recorded, 0);
    ++pending_count_;
}

void Journal::before_first_write() {
    if (deferred_rewrite_) {
        auto records = std::move(*deferred_rewrite_);
        deferred_rewrite_.reset();
        std::string data;
        for (auto& r : records) encode_into(data, r);
        std::string pending;
        pending.swap(buffer_);
        replace_bytes(data);  // the file is replaced whole: no tail to cut
        buffer_.swap(pending);
        cut_pending_ = false;
        return;
    }
    if (!cut_pending_) return;
    if (::ftruncate(fd_, durable_size_) != 0 || ::fsync(fd_) != 0) fail("cannot cut the torn tail of journal", file_);
    cut_pending_ = false;
}

std::size_t Journal::commit() {
    if (pending_count_ == 0) return 0;
    const std::size_t n = pending_count_;
    try {
        before_first_write();
        write_all(fd_, buffer_, file_);
        if (::fdatasync(fd_) != 0) fail("cannot fsync journal", file_);
    } catch (const StorageError&) {
        // Cut what this batch may have written; the batch was never acknowledged.
        int saved = errno;
        if (!cut_pending_ && ::ftruncate(fd_, durable_size_) == 0) (void)::fdatasync(fd_);
        discard_pending();
        errno = saved;
        throw;
    }
    durable_size_ += static_cast<off_t>(buffer_.size());
    buffer_.clear();
    pending_count_ = 0;
    return n;
}

void Journal::discard_pending() {
    buffer_.clear();
    pending_count_ = 0;
}

void Journal::rewrite(const std::vector<JournalRecord>& records) {
    require_writable();
    std::string data;
    for (auto& r : records) encode_into(data, r);
    replace_bytes(data);
    deferred_rewrite_.reset();
    cut_pending_ = false;
    discard_pending();
}

void Journal::rewrite_before_first_write(std::vector<JournalRecord> records) {
    require_writable();
    deferred_rewrite_ = std::move(records);
}

void Journal::replace_bytes(const std::string& data) {
    require_writable();
    auto tmp = dir_ / "journal.log.tmp";
    ::unlink(tmp.c_str());  // a leftover, or a planted link: O_EXCL below creates the file itself
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", tmp);
    try {
        write_all(fd, data, tmp);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("cannot fsync", tmp);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), file_.c_str()) != 0) fail("cannot rename over", file_);
    fsync_dir(dir_);
    ::close(fd_);
    fd_ = open_regular(file_, O_RDWR | O_APPEND);
    if (fd_ < 0) fail("cannot reopen journal", file_);
    durable_size_ = static_cast<off_t>(data.size());
    cut_pending_ = false;
}

}  // namespace casus
