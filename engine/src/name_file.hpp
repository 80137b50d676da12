// The name table the build writes beside the saved state (casus.names):
// kb_names::Tables as text, so a start from the state reads one small
// file instead of asking the kb for every name (kb_names::read_kb).
//
// It is used only when it describes the kb as it stands: it names the
// saved state it was written from (its size and the CRC-32 of its zip
// directory, which holds every entry's CRC) and the census of the kb's
// dynamic tables (kb_names::census); a data directory whose facts define
// an entity, an import, a state rebuilt without its table all make the
// engine read the names from the kb instead.
//
//   casus name table 1
//   state SIZE CRC
//   census entities:state/3=N ...
//   names N        then N lines: text TAB id TAB type
//   state_spells N then N lines: id TAB from TAB to
//   dated N        then N lines: text TAB id TAB from_year TAB to_year
//   name_spells N  then N lines: id TAB from TAB to TAB name
//   end
//
// In a text a backslash, a tab and a line feed are written \\, \t, \n.
#pragma once

#include "kb_names.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace casus::name_file {

constexpr const char* file_name = "casus.names";

// Writes the tables to file (through a temporary file renamed into place).
void write(const std::filesystem::path& file, const kb_names::Tables& tables, const std::string& state_identity,
           const std::string& census);

// The file's tables if it names this state and census; nothing if it
// names another (stale: the kb is read instead, as for a stale state).
// A file that is damaged (cut short, a line that does not read) gives
// nothing and says why in problem.
std::optional<kb_names::Tables> read(const std::filesystem::path& file, const std::string& state_identity,
                                     const std::string& census, std::string& problem);

}  // namespace casus::name_file
