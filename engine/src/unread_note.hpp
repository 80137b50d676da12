#pragma once
// What `add` says when no rule reads the fact it stored (issue 20): a
// reaction or response to an event the kb does not know, say.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace casus {

class UnreadNotes {
public:
    // Reads which fact kinds may go unread (api:api_note_kinds/1) from the
    // loaded kb; a kb without that predicate (an older one, given with
    // --kb) has none, and no add asks.
    void load();
    // The kb's note (kb/crises.pl unread_note/2, through
    // api:api_unread_note/2) for the fact Kind(Args...) as the store now
    // stands, or nothing when some rule reads it. Kinds that are always
    // read (ties, memberships: the bulk of any import) cost no Prolog call.
    std::optional<std::string> note(const std::string& kind, const std::vector<std::string>& args) const;
    // Whether the note for a fact of this kind may depend on the stored
    // facts (and so on adds still queued): false for the kinds whose note
    // reads the entities alone (api:api_entity_note_kinds/1).
    bool reads_store(const std::string& kind) const;

private:
    std::set<std::string> kinds_;
    std::set<std::string> entity_kinds_;
};

}  // namespace casus
