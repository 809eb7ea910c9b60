// Dates and timestamps (see time.hpp).
#include "util/time.hpp"

#include <cstdlib>
#include <ctime>

namespace gonogo::timeutil {

std::string now_iso8601() {
    if (const char* fixed = std::getenv("GONOGO_FIXED_TIME"); fixed && *fixed) return fixed;
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string today() { return now_iso8601().substr(0, 10); }

}  // namespace gonogo::timeutil
