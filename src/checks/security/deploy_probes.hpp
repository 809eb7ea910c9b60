// Security probes of the deploy group: container user and base-image pinning,
// decided from Dockerfiles, Kubernetes/Helm manifests and compose files.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sec_base_image_pinned(const ProbeContext& ctx);
Outcome probe_sec_container_non_root(const ProbeContext& ctx);

}  // namespace gonogo::checks
