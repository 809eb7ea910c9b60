// Probes of the health group in the observability category: request ids generated and
// propagated (OBS-02).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_obs_request_id(const ProbeContext& ctx);

}  // namespace gonogo::checks
