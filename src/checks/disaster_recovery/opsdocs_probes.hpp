// Probes of the opsdocs group in the disaster recovery category: automated
// database backups (DR-01).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_dr_automated_backups(const ProbeContext& ctx);

}  // namespace gonogo::checks
