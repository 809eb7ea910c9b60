// The web group's scalability probes: rate limiting (see rate_limiting.cpp).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sca_rate_limiting(const ProbeContext& ctx);

}  // namespace gonogo::checks
