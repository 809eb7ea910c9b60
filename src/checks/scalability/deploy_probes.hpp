// Scalability probes of the deploy group: autoscalers and container resources,
// decided from Kubernetes/Helm manifests, compose files and PaaS configs.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sca_autoscaling(const ProbeContext& ctx);
Outcome probe_sca_container_resources(const ProbeContext& ctx);

}  // namespace gonogo::checks
