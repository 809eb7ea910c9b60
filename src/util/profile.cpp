// Tuning timers (see profile.hpp).
#include "util/profile.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace gonogo::profile {

bool enabled() {
    static const bool on = [] {
        const char* v = std::getenv("GONOGO_PROFILE");
        return v && *v && std::string_view(v) != "0";
    }();
    return on;
}

void report(const std::string& what, double ms) { std::fprintf(stderr, "gonogo time %9.1f ms  %s\n", ms, what.c_str()); }

}  // namespace gonogo::profile
