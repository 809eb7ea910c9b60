// The telemetry group's observability probes: structured logging (OBS-01),
// redaction (OBS-06), golden-signal metrics (OBS-07), tracing (OBS-09) and error
// tracking (OBS-10).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_obs_error_tracker(const ProbeContext& ctx);
Outcome probe_obs_log_redaction(const ProbeContext& ctx);
Outcome probe_obs_metrics_endpoint(const ProbeContext& ctx);
Outcome probe_obs_structured_logger(const ProbeContext& ctx);
Outcome probe_obs_tracing_sdk(const ProbeContext& ctx);

}  // namespace gonogo::checks
