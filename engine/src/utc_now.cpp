// The recording time of a change, formatted once a second.
#include "utc_now.hpp"

#include <ctime>

namespace casus {

std::shared_ptr<const std::string> utc_now_shared() {
    static std::time_t last = -1;
    static std::shared_ptr<const std::string> text;
    std::time_t now = std::time(nullptr);
    if (now != last) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        text = std::make_shared<const std::string>(buf);
        last = now;
    }
    return text;
}

std::string utc_now() { return *utc_now_shared(); }

}  // namespace casus
