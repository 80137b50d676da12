// The snapshot file: every added fact and imported entity, as data.
//
// A snapshot is never Prolog source or compiled code: it is a header and
// a stream of ground terms in a small binary format of its own, written
// from kb/snapshot.pl's snapshot_term/2 and read back, after its
// checksum is verified, into load_snapshot_chunk/2, which accepts only
// the shapes a snapshot holds. Nothing in it is ever called.
//
// Layout (little-endian):
//   0  "CASUSNAP"          magic
//   8  u32 format version  (1)
//  12  u32 CRC-32          of the body, then of bytes 16..31
//  16  u64 generation
//  24  u64 body size       (the file is 32 + this many bytes)
//  32  body: items, each a tag byte:
//        'T' u32 n, n bytes    a text (UTF-8), numbered from 0 in order
//        'R' term              a record, handed to Prolog
//      term: 'a' u32 text (atom) | 's' u32 text (string) | 'i' i64 |
//            'f' f64 | 'n' ([]) | 'c' u32 name, u32 arity, arity terms |
//            'L' u32 n, n terms, term (a list of n elements, then its tail)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace casus::snapshot {

constexpr const char* file_name = "snapshot.dat";
constexpr const char* temp_name = "snapshot.dat.tmp";

struct Info {
    long generation = 0;
    long size = 0;          // of the whole file, in bytes
    std::uint32_t crc = 0;  // the header's CRC-32
};

struct Written {
    Info info;
    long records = 0;  // entities, spells and ends (the header record not counted)
};

// Writes the store's snapshot of `generation` to `file`, fsynced (not
// yet renamed into place). On any error (a full disk, Ctrl-C) the file
// is removed and a casus error says what happened; the store is never
// changed by writing.
Written write(const std::filesystem::path& file, long generation);

// Reads `file`, checks it is a casus snapshot whose checksum holds (and,
// when the journal recorded one for this generation, matches
// `recorded`), then stores its records. Throws StorageError naming the
// file and what is wrong before anything reaches Prolog.
Info load(const std::filesystem::path& file, const std::optional<Info>& recorded);

}  // namespace casus::snapshot
