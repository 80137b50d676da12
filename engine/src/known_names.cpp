// Engine::known_names: the kb's names as the parser reads them, for a
// REPL that judges whether a line is an unfinished statement the way
// execute() will parse it (`who would defend Bosnia and Herzegovina` is
// unfinished, not an error at 'and').
#include "engine_impl.hpp"

namespace casus {

const KnownNames& Engine::known_names() const { return impl_->names; }

}  // namespace casus
