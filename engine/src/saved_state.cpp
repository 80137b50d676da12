#include "saved_state.hpp"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <vector>

namespace casus {

namespace {

// Little-endian fields of the zip format, read with bounds already checked.
std::uint32_t u16(const std::vector<unsigned char>& b, std::size_t at) { return b[at] | (b[at + 1] << 8); }
std::uint32_t u32(const std::vector<unsigned char>& b, std::size_t at) {
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

constexpr std::uint32_t end_signature = 0x06054b50, central_signature = 0x02014b50, local_signature = 0x04034b50;

}  // namespace

std::string zip_problem(const std::filesystem::path& file, std::string* identity) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (ec || !in) return "cannot be read";
    std::vector<unsigned char> b(static_cast<std::size_t>(bytes));
    if (!in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(b.size()))) return "cannot be read";
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
