// `casus repair`: makes a damaged journal readable again without losing
// a readable record. Needs no Prolog engine: it works on the journal's
// bytes alone.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace casus {

struct RepairReport {
    std::filesystem::path journal;
    std::filesystem::path quarantine;   // empty when nothing had to be moved
    std::size_t kept = 0;               // records kept, in their order
    std::size_t quarantined = 0;        // runs of unreadable bytes moved to quarantine
    std::size_t quarantined_bytes = 0;
    std::vector<std::string> details;   // one line per run: offset, size, why
    bool generation_restored = false;   // a damaged first record's snapshot generation was rewritten
};

// Takes the data directory's lock (a StorageError if another casus holds
// it), moves every byte that is not in a valid record to a quarantine
// file beside journal.log (journal.quarantine.<UTC time>, each run with
// its offset), and replaces journal.log atomically with the valid records.
// A file that is not a casus journal at all is refused, untouched.
RepairReport repair_data_dir(const std::filesystem::path& dir);

}  // namespace casus
