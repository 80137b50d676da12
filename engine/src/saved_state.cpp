#include "saved_state.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casus {

namespace {

// The file's bytes, read with read(2) into a buffer that is not zeroed
// first (zeroing it and copying through a stream were a fifth of
// checking the 1.1 MB state). Not mapped: a state cut short by a build
// while casus maps it would end casus with SIGBUS.
class Bytes {
public:
    explicit Bytes(const std::filesystem::path& file) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size >= 0) {
            const auto want = static_cast<std::size_t>(st.st_size);
            data_.reset(new unsigned char[want ? want : 1]);
            std::size_t got = 0;
            while (got < want) {
                const ssize_t n = ::read(fd, data_.get() + got, want - got);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                got += static_cast<std::size_t>(n);
            }
            size_ = got;
            readable_ = got == want;
        }
        ::close(fd);
    }
    bool readable() const { return readable_; }
    const unsigned char* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    unsigned char operator[](std::size_t at) const { return data_[at]; }

private:
    std::unique_ptr<unsigned char[]> data_;
    std::size_t size_ = 0;
    bool readable_ = false;
};

// Little-endian fields of the zip format, read with bounds already checked.
std::uint32_t u16(const Bytes& b, std::size_t at) { return b[at] | (b[at + 1] << 8); }
std::uint32_t u32(const Bytes& b, std::size_t at) {
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

constexpr std::uint32_t end_signature = 0x06054b50, central_signature = 0x02014b50, local_signature = 0x04034b50;

}  // namespace

std::string zip_problem(const std::filesystem::path& file, std::string* identity) {
    const Bytes b(file);
    if (!b.readable()) return "cannot be read";
    // The end-of-central-directory record: 22 bytes and a comment of at most 64 KiB.
    if (b.size() < 22) return "is too short to be an archive";
    std::size_t end = std::string::npos;
    const std::size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
    for (std::size_t at = b.size() - 22 + 1; at-- > lowest;)
        if (u32(b, at) == end_signature) {
            end = at;
            break;
        }
    if (end == std::string::npos) return "has no end of archive (truncated?)";
    const std::size_t entries = u16(b, end + 10), dir_size = u32(b, end + 12), dir = u32(b, end + 16);
    if (entries == 0 || dir + dir_size > end) return "has a broken directory";
    std::size_t at = dir;
    for (std::size_t i = 0; i < entries; ++i) {
        if (at + 46 > end || u32(b, at) != central_signature) return "has a broken directory entry";
        const std::uint32_t method = u16(b, at + 10), crc = u32(b, at + 16), size = u32(b, at + 20);
        const std::size_t name = u16(b, at + 28), extra = u16(b, at + 30), comment = u16(b, at + 32), local = u32(b, at + 42);
        if (local + 30 > b.size() || u32(b, local) != local_signature) return "has an entry that is not where its directory says";
        const std::size_t data = local + 30 + u16(b, local + 26) + u16(b, local + 28);
        if (data + size > dir) return "has an entry cut short";
        if (method == 0 && crc32_z(0, b.data() + data, size) != crc) return "has an entry whose checksum does not match";
        at += 46 + name + extra + comment;
    }
    if (identity) *identity = std::to_string(b.size()) + " " + std::to_string(crc32_z(0, b.data() + dir, dir_size));
    return {};
}

SavedState find_saved_state(const std::filesystem::path& kb_dir) {
    std::error_code ec;
    const auto state = kb_dir / "casus.prc";
    const auto saved = std::filesystem::last_write_time(state, ec);
    if (ec) return {};
    for (const auto& entry : std::filesystem::directory_iterator(kb_dir, ec)) {
        if (entry.path().extension() != ".pl") continue;
        const auto written = std::filesystem::last_write_time(entry.path(), ec);
        if (ec || written > saved) return {};  // stale: the sources are the truth, silently
    }
    if (ec) return {};
    std::string identity;
    if (auto problem = zip_problem(state, &identity); !problem.empty())
        return {{}, state.string() + " " + problem + "; loading the kb from its files instead (rebuild or reinstall casus to start fast again)", {}};
    return {state, {}, identity};
}

}  // namespace casus
