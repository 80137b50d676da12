#pragma once
// What `add` says when no rule reads the fact it stored (issue 20): a
// reaction or response to an event the kb does not know, say.
#include <optional>
#include <string>
#include <vector>

namespace casus {

// The kb's note (kb/crises.pl unread_note/2, through api:api_unread_note/2)
// for the fact Kind(Args...) as the store now stands, or nothing when some
// rule reads it.
std::optional<std::string> unread_note(const std::string& kind, const std::vector<std::string>& args);

}  // namespace casus
