// The telemetry group's reliability probes: timeouts on outbound calls (REL-10)
// and retries with backoff for payment and email sending (REL-11).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_rel_call_timeouts(const ProbeContext& ctx);
Outcome probe_rel_send_retries(const ProbeContext& ctx);

}  // namespace gonogo::checks
