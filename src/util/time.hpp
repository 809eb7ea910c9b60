// Time helpers: today's date and ISO-8601 timestamps, overridable for golden tests
// through GONOGO_FIXED_TIME (an ISO-8601 UTC timestamp).
#pragma once
#include <string>

namespace gonogo::timeutil {

std::string today();        // YYYY-MM-DD (UTC)
std::string now_iso8601();  // YYYY-MM-DDTHH:MM:SSZ (UTC)

}  // namespace gonogo::timeutil
