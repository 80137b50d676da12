#include "casus/repair.hpp"

#include "casus/errors.hpp"
#include "journal.hpp"
#include "journal_recovery.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace casus {

namespace {

std::string utc_stamp(const char* format) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// A damaged first record that was the generation record, if one byte is
// all that changed: it tells a start which snapshot the journal
// continues, and without it every record after it would be taken as one
// the snapshot holds already. If the length was hit, the CRC still
// matches the payload; if one payload byte was, the CRC tells which value
// it had (256 tries per byte of a record of about 100 bytes); if neither
// finds it, the CRC field itself was hit when the payload still decodes.
std::optional<std::string> generation_payload(std::string_view region) {
    if (region.size() <= journal_format::header_size || region.size() > 1024) return std::nullopt;
    std::string payload(region.substr(journal_format::header_size));
    auto is_generation = [](const std::string& p) {
        JournalRecord r;
        std::string why;
        return journal_format::decode(p, r, why) && r.op == "generation";
    };
    const std::uint32_t crc = journal_format::get_u32(region.data() + 4);
    if (journal_format::crc32(payload.data(), payload.size()) == crc && is_generation(payload)) return payload;
    for (std::size_t i = 0; i < payload.size(); ++i) {
        const char was = payload[i];
        for (int v = 0; v < 256; ++v) {
            payload[i] = static_cast<char>(v);
            if (payload[i] != was && journal_format::crc32(payload.data(), payload.size()) == crc && is_generation(payload))
                return payload;
        }
        payload[i] = was;
    }
    if (is_generation(payload)) return payload;
    return std::nullopt;
}

bool has_snapshot(const std::filesystem::path& dir) {
    std::error_code ec;
    for (auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().filename().string().rfind("snapshot.", 0) == 0) return true;
    return false;
}

// Writes the quarantined runs, each after a line that says where it was,
// to a new file beside the journal, durably, before the journal changes.
std::filesystem::path write_quarantine(const std::filesystem::path& dir, const std::string& data,
                                       const std::vector<journal_recovery::Piece>& pieces) {
    std::string out = "casus journal quarantine: bytes casus repair moved out of " + (dir / "journal.log").string() +
                      " at " + utc_stamp("%Y-%m-%dT%H:%M:%SZ") +
                      ". Each run follows a line '--- offset O, N bytes: why' and ends with a newline.\n";
    for (auto& p : pieces) {
        if (p.kept) continue;
        out += "--- offset " + std::to_string(p.offset) + ", " + std::to_string(p.size) + " bytes: " + p.why + "\n";
        out.append(data, p.offset, p.size);
        out += '\n';
    }
    const std::string base = "journal.quarantine." + utc_stamp("%Y%m%dT%H%M%SZ");
    for (int n = 0;; ++n) {
        auto path = dir / (n ? base + "." + std::to_string(n) : base);
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno == EEXIST) continue;
        if (fd < 0) throw StorageError("cannot create the quarantine file " + path.string() + ": " + std::strerror(errno));
        std::size_t done = 0;
        while (done < out.size()) {
            ssize_t w = ::write(fd, out.data() + done, out.size() - done);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) {
                const std::string why = std::strerror(errno);
                ::close(fd);
                ::unlink(path.c_str());
                throw StorageError("cannot write the quarantine file " + path.string() + ": " + why +
                                   " (the journal is unchanged)");
            }
            done += static_cast<std::size_t>(w);
        }
        ::close(fd);
        durable_rename(path, path);  // fsync the file and the directory
        return path;
    }
}

}  // namespace

RepairReport repair_data_dir(const std::filesystem::path& dir) {
    RepairReport rep;
    rep.journal = dir / "journal.log";
    struct stat st {};
    if (::lstat(rep.journal.c_str(), &st) != 0) {
        if (errno == ENOENT)
            throw StorageError("there is no journal in " + dir.string() + " (no journal.log): nothing to repair");
        throw StorageError("cannot repair " + rep.journal.string() + ": " + std::strerror(errno));
    }
    JournalReport opened;
    Journal journal(dir, opened);
    if (journal.read_only()) throw StorageError("cannot repair " + dir.string() + ": " + journal.read_only_reason());
    const std::string data = journal.read_bytes();
    if (journal_recovery::scan(data).outcome == journal_recovery::Scan::Outcome::not_a_journal)
        throw StorageError(rep.journal.string() + " is not a casus journal (no casus record in it); casus repair "
                           "has left it untouched: move it aside, or give another --data directory");
    auto pieces = journal_recovery::plan_repair(data);
    std::string kept;
    if (!pieces.empty() && !pieces.front().kept && !(pieces.size() > 1 && pieces[1].record.op == "generation")) {
        if (auto g = generation_payload(std::string_view(data).substr(0, pieces.front().size))) {
            journal_format::frame(kept, *g);
            rep.generation_restored = true;
        } else if (has_snapshot(dir)) {
            throw StorageError("cannot repair " + rep.journal.string() + ": its first record is damaged beyond "
                               "repair, and in a data directory with a snapshot that record names the snapshot "
                               "generation the journal continues; casus repair cannot tell which it was, so it has "
                               "changed nothing");
        }
    }
    for (auto& p : pieces) {
        if (p.kept) {
            kept.append(data, p.offset, p.size);
            ++rep.kept;
            continue;
        }
        ++rep.quarantined;
        rep.quarantined_bytes += p.size;
        rep.details.push_back("offset " + std::to_string(p.offset) + ", " + std::to_string(p.size) + " bytes: " + p.why);
    }
    if (rep.quarantined == 0) return rep;
    rep.quarantine = write_quarantine(dir, data, pieces);
    journal.replace_bytes(kept);
    return rep;
}

}  // namespace casus
