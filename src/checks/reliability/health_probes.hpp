// Probes of the health group in the reliability category: health endpoint (REL-01), its
// dependency checks (REL-02), graceful shutdown (REL-04), start-up readiness (REL-05) and
// multi-step writes in transactions (REL-14).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_rel_graceful_shutdown(const ProbeContext& ctx);
Outcome probe_rel_health_dependencies(const ProbeContext& ctx);
Outcome probe_rel_health_route(const ProbeContext& ctx);
Outcome probe_rel_startup_readiness(const ProbeContext& ctx);
Outcome probe_rel_write_transactions(const ProbeContext& ctx);

}  // namespace gonogo::checks
