// Probes of the opsdocs group in the load category: the static part of the
// load test (LOAD-01) and of the chaos test (LOAD-03).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_load_chaos_experiments(const ProbeContext& ctx);
Outcome probe_load_load_test_plan(const ProbeContext& ctx);

}  // namespace gonogo::checks
