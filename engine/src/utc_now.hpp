// The recording time of a change (UTC, ISO 8601, to the second), as the
// journal stores it.
#pragma once

#include <memory>
#include <string>

namespace casus {

// The time now, formatted once a second and shared by every statement
// of that second: an ingest records a million facts a minute.
std::shared_ptr<const std::string> utc_now_shared();
std::string utc_now();

}  // namespace casus
