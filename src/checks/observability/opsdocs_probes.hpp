// Probes of the opsdocs group in the observability category: alert rules
// (OBS-11) and dashboards (OBS-12) kept as code.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_obs_alert_rules(const ProbeContext& ctx);
Outcome probe_obs_dashboards(const ProbeContext& ctx);

}  // namespace gonogo::checks
