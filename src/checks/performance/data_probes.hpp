// Data-group probes of the performance category: indexes on filtered and
// foreign-key columns (PERF-01), database connection pooling (PERF-07).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_perf_db_indexes(const ProbeContext& ctx);
Outcome probe_perf_db_pooling(const ProbeContext& ctx);

}  // namespace gonogo::checks
