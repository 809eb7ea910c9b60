// Static and live evidence for the same control decided together (gonogo
// audit PATH --url URL): what the running service does is the fact, so a live
// pass or fail wins; the static evidence stays beside it, and a disagreement
// (the code sets HSTS, the live answer lacks it) is said in the message.
#pragma once
#include <vector>

#include "core/audit_result.hpp"

namespace gonogo::score {

void merge_live(std::vector<ControlResult>& statics, const std::vector<ControlResult>& live);

}  // namespace gonogo::score
