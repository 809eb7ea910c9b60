// Data-group probes of the disaster recovery category: versioned migrations
// applied by the deploy (DR-05),
// reversible migrations (DR-06).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_dr_reversible_migrations(const ProbeContext& ctx);
Outcome probe_dr_versioned_migrations(const ProbeContext& ctx);

}  // namespace gonogo::checks
