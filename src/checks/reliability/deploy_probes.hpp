// Reliability probes of the deploy group: they decide from deployment
// configuration (Kubernetes, Helm, compose, PM2, systemd, PaaS configs).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_rel_disruption_budget(const ProbeContext& ctx);
Outcome probe_rel_supervisor_restart(const ProbeContext& ctx);

}  // namespace gonogo::checks
