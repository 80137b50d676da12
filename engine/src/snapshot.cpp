#include "snapshot.hpp"

#include "casus/errors.hpp"
#include "journal.hpp"
#include "prolog.hpp"

#include <algorithm>
#include <cerrno>
#include <map>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>
#include <zlib.h>

namespace casus::snapshot {

namespace {

constexpr char magic[8] = {'C', 'A', 'S', 'U', 'S', 'N', 'A', 'P'};
constexpr std::uint32_t version = 1;
constexpr std::size_t header_size = 32;
constexpr std::size_t chunk_records = 4096;  // records handed to Prolog per call
constexpr int max_depth = 64;                // nesting of compound terms (entity conditions are shallow)

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint64_t get_le(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::uint32_t crc_of(std::uint32_t crc, const char* data, std::size_t size) {
    return static_cast<std::uint32_t>(::crc32_z(crc, reinterpret_cast<const Bytef*>(data), size));
}

// --- writing -------------------------------------------------------------------

// Encodes ground terms; a text is written once, before the first record
// that uses it, and referred to by number after.
class Encoder {
public:
    // Appends the record for t to out (its new texts first).
    void record(term_t t, std::string& out) {
        body_.clear();
        body_ += 'R';
        fid_t frame = PL_open_foreign_frame();  // the term refs of one record, freed after it
        try {
            term(t, 0);
        } catch (...) {
            PL_close_foreign_frame(frame);
            throw;
        }
        PL_close_foreign_frame(frame);
        out += texts_;
        out += body_;
        texts_.clear();
    }

private:
    void term(term_t t, int depth) {
        if (depth > max_depth) throw StorageError("cannot write the snapshot: a stored term is nested too deeply");
        switch (PL_term_type(t)) {
            case PL_ATOM: {
                atom_t a;
                if (!PL_get_atom(t, &a)) break;
                body_ += 'a';
                put_u32(body_, atom_text(a));
                return;
            }
            case PL_NIL: body_ += 'n'; return;
            case PL_STRING: {
                char* s;
                size_t len;
                if (!PL_get_nchars(t, &len, &s, CVT_STRING | REP_UTF8 | BUF_MALLOC)) break;
                std::string text(s, len);
                PL_free(s);
                body_ += 's';
                put_u32(body_, text_number(text));
                return;
            }
            case PL_INTEGER: {
                int64_t v;
                if (!PL_get_int64(t, &v)) break;
                body_ += 'i';
                put_u64(body_, static_cast<std::uint64_t>(v));
                return;
            }
            case PL_FLOAT: {
                double d;
                if (!PL_get_float(t, &d)) break;
                std::uint64_t bits;
                std::memcpy(&bits, &d, sizeof bits);
                body_ += 'f';
                put_u64(body_, bits);
                return;
            }
            case PL_LIST_PAIR: list(t, depth); return;
            case PL_TERM: {
                atom_t name;
                size_t arity;
                PL_get_name_arity(t, &name, &arity);
                body_ += 'c';
                put_u32(body_, atom_text(name));
                put_u32(body_, static_cast<std::uint32_t>(arity));
                term_t a = PL_new_term_ref();
                for (size_t i = 1; i <= arity; ++i) {
                    _PL_get_arg(i, t, a);
                    term(a, depth + 1);
                }
                return;
            }
            default: break;
        }
        throw StorageError("cannot write the snapshot: a stored term is not ground data (" +
                           prolog::text(PlTerm_term_t(t)) + ")");
    }

    void list(term_t t, int depth) {
        std::uint32_t n = 0;
        term_t tail = PL_copy_term_ref(t), head = PL_new_term_ref();
        while (PL_get_list(tail, head, tail)) ++n;
        body_ += 'L';
        put_u32(body_, n);
        tail = PL_copy_term_ref(t);
        while (PL_get_list(tail, head, tail)) term(head, depth + 1);
        term(tail, depth + 1);
    }

    std::uint32_t atom_text(atom_t a) {
        auto it = atoms_.find(a);
        if (it != atoms_.end()) return it->second;
        size_t len;
        term_t t = PL_new_term_ref();
        PL_put_atom(t, a);
        char* chars;
        if (!PL_get_nchars(t, &len, &chars, CVT_ATOM | REP_UTF8 | BUF_MALLOC))
            throw StorageError("cannot write the snapshot: an atom has no UTF-8 text");
        const std::uint32_t n = define(std::string_view(chars, len));
        PL_free(chars);
        atoms_.emplace(a, n);
        return n;
    }

    std::uint32_t text_number(const std::string& s) {
        auto it = strings_.find(s);
        if (it != strings_.end()) return it->second;
        std::uint32_t n = define(s);
        strings_.emplace(s, n);
        return n;
    }

    std::uint32_t define(std::string_view s) {
        texts_ += 'T';
        put_u32(texts_, static_cast<std::uint32_t>(s.size()));
        texts_.append(s.data(), s.size());
        return next_++;
    }

    std::unordered_map<atom_t, std::uint32_t> atoms_;
    std::unordered_map<std::string, std::uint32_t> strings_;
    std::string body_, texts_;
    std::uint32_t next_ = 0;
};

// A file being written: everything through write_all, removed unless
// finish() was reached.
class OutFile {
public:
    explicit OutFile(const std::filesystem::path& path) : path_(path) {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd_ < 0) fail("cannot create");
    }
    ~OutFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!done_) ::unlink(path_.c_str());
    }
    void write_at(const std::string& data, off_t offset) {
        std::size_t done = 0;
        while (done < data.size()) {
            ssize_t n = ::pwrite(fd_, data.data() + done, data.size() - done, offset + static_cast<off_t>(done));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot write");
            done += static_cast<std::size_t>(n);
        }
    }
    void finish() {
        if (::fsync(fd_) != 0) fail("cannot fsync");
        if (::close(fd_) != 0) {
            fd_ = -1;
            fail("cannot close");
        }
        fd_ = -1;
        done_ = true;
    }

private:
    [[noreturn]] void fail(const char* what) {
        throw StorageError(std::string("cannot compact: ") + what + " " + path_.string() + ": " + std::strerror(errno) +
                           "; the previous snapshot and the journal are unchanged");
    }
    std::filesystem::path path_;
    int fd_ = -1;
    bool done_ = false;
};

// --- reading -------------------------------------------------------------------

[[noreturn]] void damaged(const std::filesystem::path& file, const std::string& what) {
    throw StorageError("snapshot " + file.string() + " is damaged: " + what +
                       "; casus will not start on part of its facts: restore the file from a backup, or move the "
                       "data directory aside");
}

std::string read_whole(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        throw StorageError("cannot open snapshot " + file.string() + ": " + std::strerror(errno) +
                           (errno == ELOOP ? " (it is a symbolic link, which casus does not follow)" : ""));
    struct stat st{};
    std::string data;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) data.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int saved = errno;
            ::close(fd);
            throw StorageError("cannot read snapshot " + file.string() + ": " + std::strerror(saved));
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return data;
}

std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
}

// Checks the header and checksum of a whole snapshot in memory.
Info verify(const std::filesystem::path& file, const std::string& data, const std::optional<Info>& recorded) {
    if (data.size() < header_size || std::memcmp(data.data(), magic, sizeof magic) != 0) {
        if (!data.empty() && std::memcmp(data.data(), magic, std::min(data.size(), sizeof magic)) == 0)
            damaged(file, "it is cut short (" + std::to_string(data.size()) + " bytes, less than its header)");
        throw StorageError("snapshot " + file.string() + " is not a casus snapshot (it does not start with CASUSNAP); "
                           "move it aside, or restore the file casus wrote");
    }
    const auto v = static_cast<std::uint32_t>(get_le(data.data() + 8, 4));
    if (v != version)
        throw StorageError("snapshot " + file.string() + " is in format " + std::to_string(v) +
                           ", which this casus does not read (it reads format " + std::to_string(version) +
                           "): it was written by a newer casus, or it is damaged");
    Info info;
    info.crc = static_cast<std::uint32_t>(get_le(data.data() + 12, 4));
    info.generation = static_cast<long>(get_le(data.data() + 16, 8));
    const std::uint64_t body = get_le(data.data() + 24, 8);
    info.size = static_cast<long>(data.size());
    const std::uint32_t actual =
        crc_of(crc_of(0, data.data() + header_size, data.size() - header_size), data.data() + 16, 16);
    if (actual != info.crc) {
        if (body != data.size() - header_size)
            damaged(file, "it holds " + std::to_string(data.size()) + " bytes where its header says " +
                              std::to_string(header_size + body) + " (cut short or overwritten)");
        damaged(file, "checksum " + hex(actual) + " does not match " + hex(info.crc) + ", the one in its header");
    }
    if (recorded && recorded->generation == info.generation && recorded->size &&
        (recorded->crc != info.crc || recorded->size != info.size))
        damaged(file, "checksum " + hex(info.crc) + " (" + std::to_string(info.size) +
                          " bytes) does not match the one recorded in journal.log (" + hex(recorded->crc) + ", " +
                          std::to_string(recorded->size) + " bytes): it is not the snapshot this journal continues");
    return info;
}

// Decodes the body into Prolog terms, chunk by chunk, and stores them.
// The checksum already holds, so a decoding error means a file made to
// pass it: refused all the same, never trusted.
class Decoder {
public:
    Decoder(const std::filesystem::path& file, const std::string& data) : file_(file), data_(data), pos_(header_size) {}
    ~Decoder() {
        for (atom_t a : atoms_)
            if (a) PL_unregister_atom(a);
    }

    void run() {
        std::size_t record = 0;
        while (pos_ < data_.size()) {
            prolog::Frame frame;
            term_t refs = PL_new_term_refs(chunk_records);
            std::size_t n = 0;
            offsets_.clear();
            while (n < chunk_records && pos_ < data_.size()) {
                const char tag = data_[pos_++];
                if (tag == 'T') {
                    const std::uint32_t len = u32();
                    need(len);
                    texts_.emplace_back(data_.data() + pos_, len);
                    atoms_.push_back(0);
                    pos_ += len;
                } else if (tag == 'R') {
                    offsets_.push_back(pos_ - 1);
                    term(refs + n, 0);
                    ++n;
                } else {
                    bad("an item of unknown kind " + std::to_string(static_cast<unsigned char>(tag)));
                }
            }
            hand_over(refs, n, record);
            record += n;
        }
        if (record == 0) bad("it holds no records");
    }

private:
    void hand_over(term_t refs, std::size_t n, std::size_t first) {
        PlTerm_var list, status;
        PL_put_nil(list.C_);
        for (std::size_t i = n; i-- > 0;)
            if (!PL_cons_list(list.C_, refs + i, list.C_)) throw LimitError("out of memory loading the snapshot");
        if (!prolog::call("api", prolog::compound("api_load_snapshot_chunk", {list, status})))
            throw PrologError("the kb predicate api_load_snapshot_chunk failed where it must succeed");
        if (PL_is_functor(status.C_, PL_new_functor(PL_new_atom("bad"), 1))) {
            const long k = prolog::integer_of(prolog::arg(status, 1));
            std::string shown = prolog::text(PlTerm_term_t(refs + k - 1));
            if (shown.size() > 200) shown = shown.substr(0, 200) + "...";
            throw StorageError("snapshot " + file_.string() + ": record " + std::to_string(first + k) + " (byte " +
                               std::to_string(offsets_[k - 1]) + ") is not a fact, entity or header a snapshot holds, " +
                               "or comes out of order: " + shown +
                               "; nothing of it was run: restore the file casus wrote, or move the data directory aside");
        }
    }

    void term(term_t t, int depth) {
        if (depth > max_depth) bad("a term nested too deeply");
        need(1);
        const char tag = data_[pos_++];
        switch (tag) {
            case 'a': PL_put_atom(t, atom(u32())); return;
            case 's': {
                const std::string_view s = text(u32());
                if (!PL_put_chars(t, PL_STRING | REP_UTF8, s.size(), s.data())) bad("a string that is not UTF-8");
                return;
            }
            case 'i': {
                need(8);
                const auto v = static_cast<int64_t>(get_le(data_.data() + pos_, 8));
                pos_ += 8;
                if (!PL_put_int64(t, v)) throw LimitError("out of memory loading the snapshot");
                return;
            }
            case 'f': {
                need(8);
                const std::uint64_t bits = get_le(data_.data() + pos_, 8);
                pos_ += 8;
                double d;
                std::memcpy(&d, &bits, sizeof d);
                if (!PL_put_float(t, d)) throw LimitError("out of memory loading the snapshot");
                return;
            }
            case 'n': PL_put_nil(t); return;
            case 'c': {
                const atom_t name = atom(u32());
                const std::uint32_t arity = u32();
                if (arity == 0 || arity > 16) bad("a compound term of arity " + std::to_string(arity));
                term_t args = PL_new_term_refs(arity);
                for (std::uint32_t i = 0; i < arity; ++i) term(args + i, depth + 1);
                if (!PL_cons_functor_v(t, functor(name, arity), args)) throw LimitError("out of memory loading the snapshot");
                return;
            }
            case 'L': {
                const std::uint32_t n = u32();
                if (n > data_.size() - pos_) bad("a list longer than the file");
                term_t items = PL_new_term_refs(n + 1);
                for (std::uint32_t i = 0; i < n; ++i) term(items + i, depth + 1);
                term(items + n, depth + 1);
                if (!PL_put_term(t, items + n)) throw LimitError("out of memory loading the snapshot");
                for (std::uint32_t i = n; i-- > 0;)
                    if (!PL_cons_list(t, items + i, t)) throw LimitError("out of memory loading the snapshot");
                return;
            }
            default: bad("a term of unknown kind " + std::to_string(static_cast<unsigned char>(tag)));
        }
    }

    atom_t atom(std::uint32_t n) {
        const std::string_view s = text(n);
        if (!atoms_[n]) {
            // ASCII, nearly always: its own Latin-1, with nothing to decode.
            const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
            atoms_[n] = ascii ? PL_new_atom_nchars(s.size(), s.data()) : PL_new_atom_mbchars(REP_UTF8, s.size(), s.data());
            if (!atoms_[n]) bad("an atom that is not UTF-8");
        }
        return atoms_[n];
    }
    // The functor of a name and arity: a handful of them for a million
    // records, looked up once each.
    functor_t functor(atom_t name, std::uint32_t arity) {
        const auto key = std::make_pair(name, arity);
        auto it = functors_.find(key);
        if (it != functors_.end()) return it->second;
        const functor_t f = PL_new_functor(name, arity);
        functors_.emplace(key, f);
        return f;
    }
    std::string_view text(std::uint32_t n) {
        if (n >= texts_.size()) bad("a reference to text " + std::to_string(n) + " of " + std::to_string(texts_.size()));
        return texts_[n];
    }
    std::uint32_t u32() {
        need(4);
        const auto v = static_cast<std::uint32_t>(get_le(data_.data() + pos_, 4));
        pos_ += 4;
        return v;
    }
    void need(std::size_t n) {
        if (n > data_.size() - pos_) bad("it ends inside a record");
    }
    [[noreturn]] void bad(const std::string& what) {
        damaged(file_, what + " at byte " + std::to_string(pos_) + " (its checksum holds: the file was made, not cut)");
    }

    const std::filesystem::path& file_;
    const std::string& data_;
    std::size_t pos_;
    std::vector<std::string_view> texts_;
    std::vector<atom_t> atoms_;
    std::map<std::pair<atom_t, std::uint32_t>, functor_t> functors_;
    std::vector<std::size_t> offsets_;
};

}  // namespace

Written write(const std::filesystem::path& file, long generation) {
    OutFile out(file);
    Encoder encoder;
    Written written;
    std::string buffer(header_size, '\0');  // the header is written last, once the body's checksum is known
    off_t offset = 0;
    std::uint32_t crc = 0;
    auto flush = [&](std::size_t from) {
        crc = crc_of(crc, buffer.data() + from, buffer.size() - from);
        out.write_at(buffer, offset);
        offset += static_cast<off_t>(buffer.size());
        buffer.clear();
    };
    {
        prolog::Frame frame;
        PlTerm_var term;
        bool first = true;
        prolog::for_each_solution("api", prolog::compound("api_snapshot_term", {prolog::integer(generation), term}), [&] {
            encoder.record(term.C_, buffer);
            if (!first) ++written.records;
            first = false;
            if (buffer.size() >= (1u << 20)) flush(offset == 0 ? header_size : 0);
            return true;
        });
    }
    flush(offset == 0 ? header_size : 0);
    const auto body = static_cast<std::uint64_t>(offset) - header_size;
    std::string fields;
    put_u64(fields, static_cast<std::uint64_t>(generation));
    put_u64(fields, body);
    crc = crc_of(crc, fields.data(), fields.size());
    std::string header(magic, sizeof magic);
    put_u32(header, version);
    put_u32(header, crc);
    header += fields;
    out.write_at(header, 0);
    out.finish();
    written.info = Info{generation, static_cast<long>(offset), crc};
    return written;
}

Info load(const std::filesystem::path& file, const std::optional<Info>& recorded) {
    const std::string data = read_whole(file);
    const Info info = verify(file, data, recorded);
    Decoder(file, data).run();
    return info;
}

}  // namespace casus::snapshot
