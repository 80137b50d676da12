// Reading a journal's bytes when they may be damaged: which frames are
// valid, where the readable run from the start ends and why, and the plan
// that `casus repair` carries out (keep every readable frame, quarantine
// every other byte). Pure functions over bytes: no file, no Prolog, so
// the fuzz target and the unit tests call them directly.
#pragma once

#include "journal_format.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casus::journal_recovery {

// What the frame at an offset is.
enum class FrameState {
    valid,        // a length in bounds, the CRC matches, the payload decodes
    incomplete,   // fewer than 8 header bytes remain, or the length runs past the end
    bad_length,   // a length of 0 or over journal_format::max_frame
    bad_crc,      // the bytes are all there but their checksum does not match
    undecodable,  // the checksum matches but this casus cannot read the payload
};

struct FrameCheck {
    FrameState state = FrameState::incomplete;
    std::size_t size = 0;  // header and payload, when the length is in bounds
    std::string why;       // undecodable: what the decoder said
};

FrameCheck check_frame(std::string_view data, std::size_t at, JournalRecord* out = nullptr);

// The first offset >= from where a valid frame starts, or npos.
std::size_t next_valid_frame(std::string_view data, std::size_t from);

// The journal as casus opens it: the readable records from the start,
// and what stops them.
struct Scan {
    enum class Outcome {
        clean,          // every byte is in a valid frame
        torn_tail,      // an incomplete last record (never acknowledged): safe to cut
        damaged,        // an unreadable frame (readable_after says how many valid ones follow)
        undecodable,    // a whole, CRC-valid frame this casus cannot read: newer, or damaged
        not_a_journal,  // nothing in the file is a casus record
    };
    Outcome outcome = Outcome::clean;
    std::vector<JournalRecord> records;  // the readable run from offset 0
    std::size_t good_end = 0;            // where it ends: the bad frame's offset
    FrameCheck bad;                      // the frame at good_end, unless clean
    std::size_t readable_after = 0;      // damaged: valid frames after good_end
};

Scan scan(std::string_view data);

// What `casus repair` keeps and what it moves to quarantine: in file
// order, together covering every byte of the file exactly once.
struct Piece {
    std::size_t offset = 0, size = 0;
    bool kept = false;  // a valid frame; else quarantined bytes
    JournalRecord record;  // kept: the record
    std::string why;       // quarantined: why (the first frame's state)
};

std::vector<Piece> plan_repair(std::string_view data);

// Why a frame of this state cannot be read, for a person.
std::string describe(const FrameCheck& check);

}  // namespace casus::journal_recovery
