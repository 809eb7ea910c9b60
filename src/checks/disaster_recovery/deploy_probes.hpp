// Disaster-recovery probes of the deploy group: Redis persistence where Redis
// holds state, decided from dependencies, code and the Redis server's config.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_dr_redis_persistence(const ProbeContext& ctx);

}  // namespace gonogo::checks
