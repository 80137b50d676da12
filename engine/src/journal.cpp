#include "journal.hpp"

#include "casus/errors.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace casus {

namespace {

constexpr std::size_t header_size = 8;                 // u32 length, u32 crc32, little-endian
constexpr std::uint32_t max_record = 16 * 1024 * 1024;  // a longer length is corruption

// CRC-32 (ISO-HDLC, as zlib, gzip and PNG use it): zlib's is several
// times faster than a byte-wise table, and every record is summed.
std::uint32_t crc32(const char* data, std::size_t size) {
    return static_cast<std::uint32_t>(::crc32_z(0, reinterpret_cast<const Bytef*>(data), size));
}


std::uint32_t get_u32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

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

}  // namespace

void durable_rename(const std::filesystem::path& file, const std::filesystem::path& target) {
    fsync_path(file, 0, "file");
    if (::rename(file.c_str(), target.c_str()) != 0) fail("cannot rename over", target);
    fsync_dir(target.parent_path());
}

namespace {

// JSON string escaping as RFC 8259 asks; the payload is read back with
// nlohmann::json. Written by hand because building a json object per
// record cost more than the fsync of its batch; runs of characters that
// need no escape (all of them, nearly always) are copied whole.
void put_json_string(std::string& out, const std::string& s) {
    static const auto needs_escape = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[c] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
    out += '"';
    const char* run = s.data();
    const char* const end = run + s.size();
    for (const char* p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!needs_escape[c]) continue;
        out.append(run, static_cast<std::size_t>(p - run));
        run = p + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
    }
    out.append(run, static_cast<std::size_t>(end - run));
    out += '"';
}

void put_number(std::string& out, long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// One framed record: u32 length, u32 crc32, then the JSON payload. The
// fact is `head` (if given) followed by `items`.
void encode_record(std::string& out, const std::string& op, const std::string* head, const std::vector<std::string>& items,
                   long date, const std::string& source, const std::string& recorded, long until,
                   long snapshot_size = 0, long snapshot_crc = 0) {
    const std::size_t start = out.size();
    out.append(header_size, '\0');  // length and checksum, filled in below
    out += "{\"op\":";
    put_json_string(out, op);
    out += ",\"fact\":[";
    bool first = true;
    if (head) {
        put_json_string(out, *head);
        first = false;
    }
    for (auto& item : items) {
        if (!first) out += ',';
        put_json_string(out, item);
        first = false;
    }
    out += "],\"date\":";
    put_number(out, date);
    out += ",\"source\":";
    put_json_string(out, source);
    out += ",\"recorded\":";
    put_json_string(out, recorded);
    if (until) {
        out += ",\"until\":";
        put_number(out, until);
    }
    if (snapshot_size) {
        out += ",\"snapshot_size\":";
        put_number(out, snapshot_size);
        out += ",\"snapshot_crc\":";
        put_number(out, snapshot_crc);
    }
    out += '}';
    const std::size_t size = out.size() - start - header_size;
    const std::uint32_t fields[2] = {static_cast<std::uint32_t>(size), crc32(out.data() + start + header_size, size)};
    for (int f = 0; f < 2; ++f)
        for (int i = 0; i < 4; ++i) out[start + 4 * f + i] = static_cast<char>((fields[f] >> (8 * i)) & 0xFF);  // little-endian
}

}  // namespace

void Journal::encode_into(std::string& out, const JournalRecord& r) {
    encode_record(out, r.op, nullptr, r.fact, r.date, r.source, r.recorded, r.until, r.snapshot_size, r.snapshot_crc);
}

Journal::Journal(const std::filesystem::path& dir, JournalReport& report) : dir_(dir), file_(dir / "journal.log") {
    std::error_code ec;
    bool created = !std::filesystem::exists(dir_);
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw StorageError("cannot create data directory " + dir_.string() + ": " + ec.message());
    if (created) fsync_dir(dir_.parent_path().empty() ? "." : dir_.parent_path());

    lock_fd_ = ::open((dir_ / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) {
        // A read-only file system or no write permission: readable, never writable.
        read_only_ = true;
        report.read_only = true;
        read_only_reason_ = std::string("it is not writable (") + std::strerror(errno) + ")";
        report.messages.push_back("the data directory " + dir_.string() + " is not writable (" + std::strerror(errno) +
                                  "): opened read-only, facts cannot be added in this session");
    } else if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        read_only_ = true;
        read_only_reason_ = "another casus holds its lock";
        report.read_only = true;
        report.messages.push_back("another casus holds " + dir_.string() +
                                  ": opened read-only, facts cannot be added in this session");
    }
    bool exists = std::filesystem::exists(file_);
    fd_ = ::open(file_.c_str(), (read_only_ ? O_RDONLY : O_RDWR | O_CREAT | O_APPEND) | O_CLOEXEC, 0644);
    if (fd_ < 0 && !(read_only_ && !exists)) fail("cannot open journal", file_);
    if (!exists && !read_only_) fsync_dir(dir_);
}

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

std::vector<JournalRecord> Journal::read_all(JournalReport& report) {
    std::vector<JournalRecord> out;
    if (fd_ < 0) return out;
    std::string data;
    {
        char buf[1 << 16];
        ::lseek(fd_, 0, SEEK_SET);
        for (;;) {
            ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                fail("cannot read journal", file_);
            }
            if (n == 0) break;
            data.append(buf, static_cast<std::size_t>(n));
        }
    }
    std::size_t pos = 0;
    while (pos + header_size <= data.size()) {
        std::uint32_t len = get_u32(data.data() + pos);
        std::uint32_t crc = get_u32(data.data() + pos + 4);
        if (len > max_record || pos + header_size + len > data.size()) break;
        std::string payload = data.substr(pos + header_size, len);
        if (crc32(payload.data(), payload.size()) != crc) break;
        try {
            auto j = nlohmann::json::parse(payload);
            out.push_back(JournalRecord{j.at("op"), j.at("fact").get<std::vector<std::string>>(), j.at("date"),
                                        j.at("source"), j.at("recorded"), j.value("until", 0L),
                                        j.value("snapshot_size", 0L), j.value("snapshot_crc", 0L)});
        } catch (const std::exception&) {
            break;
        }
        pos += header_size + len;
    }
    durable_size_ = static_cast<off_t>(pos);
    if (pos < data.size()) {
        report.torn_bytes = data.size() - pos;
        report.messages.push_back("journal " + file_.string() + ": cut a torn or corrupt tail of " +
                                  std::to_string(report.torn_bytes) + " bytes after record " +
                                  std::to_string(out.size()) + " (never acknowledged)");
        if (!read_only_) {
            if (::ftruncate(fd_, static_cast<off_t>(pos)) != 0 || ::fsync(fd_) != 0) fail("cannot repair journal", file_);
        }
    }
    return out;
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
    encode_record(buffer_, add, &kind, args, date, source, recorded, 0);
    ++pending_count_;
}

std::size_t Journal::commit() {
    if (pending_count_ == 0) return 0;
    try {
        write_all(fd_, buffer_, file_);
        if (::fdatasync(fd_) != 0) fail("cannot fsync journal", file_);
    } catch (const StorageError&) {
        // Cut what this batch may have written; the batch was never acknowledged.
        int saved = errno;
        if (::ftruncate(fd_, durable_size_) == 0) (void)::fdatasync(fd_);
        discard_pending();
        errno = saved;
        throw;
    }
    durable_size_ += static_cast<off_t>(buffer_.size());
    std::size_t n = pending_count_;
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
    auto tmp = dir_ / "journal.log.tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", tmp);
    std::string data;
    for (auto& r : records) encode_into(data, r);
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
    fd_ = ::open(file_.c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
    if (fd_ < 0) fail("cannot reopen journal", file_);
    durable_size_ = static_cast<off_t>(data.size());
    discard_pending();
}

}  // namespace casus
