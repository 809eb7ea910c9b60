// Data-group probes of the compliance category: legal pages reachable
// (COMP-04), cookie consent before trackers (COMP-05).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_comp_cookie_consent(const ProbeContext& ctx);
Outcome probe_comp_legal_pages(const ProbeContext& ctx);

}  // namespace gonogo::checks
