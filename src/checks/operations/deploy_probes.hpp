// Operations probes of the deploy group: how a new version replaces the old
// one, decided from Kubernetes/Helm, Argo Rollouts/Flagger, compose, PM2 and PaaS configs.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_ops_rolling_deploy(const ProbeContext& ctx);

}  // namespace gonogo::checks
