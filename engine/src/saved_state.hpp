// The kb's saved state (casus.prc): whether it may be started from.
#pragma once

#include <filesystem>
#include <string>

namespace casus {

struct SavedState {
    std::filesystem::path file;  // empty: start by loading the kb's files
    std::string problem;         // why a state that is there is not used (empty if none)
    // The state's size and the CRC-32 of its zip directory (which holds
    // every entry's CRC): what a table derived from it (the name table,
    // name_file.hpp) names to be used with this state only.
    std::string identity;
};

// kb_dir/casus.prc, if it is there, not older than any of the directory's
// .pl sources (a stale state would answer with yesterday's rules) and an
// intact archive: SWI-Prolog aborts the process on a state it cannot
// read, so a truncated or damaged one is found here first (every entry's
// CRC checked: ~4M instructions for the 1.08 MB state) and the files are
// loaded instead.
SavedState find_saved_state(const std::filesystem::path& kb_dir);

// Empty if file is a complete zip archive whose stored entries match
// their CRC-32; otherwise what is wrong with it. An intact file's
// identity (SavedState::identity) is put in *identity if asked.
std::string zip_problem(const std::filesystem::path& file, std::string* identity = nullptr);

}  // namespace casus
