// Probes of the opsdocs group in the operations category: CI pipeline (OPS-01),
// feature flags (OPS-03), runbooks (OPS-07) and rollback procedure (OPS-08).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_ops_ci_pipeline(const ProbeContext& ctx);
Outcome probe_ops_feature_flags(const ProbeContext& ctx);
Outcome probe_ops_rollback_procedure(const ProbeContext& ctx);
Outcome probe_ops_runbooks(const ProbeContext& ctx);

}  // namespace gonogo::checks
