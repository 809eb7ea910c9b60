// Probes of the opsdocs group in the security category: a security scanner in
// CI (SEC-28).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sec_ci_security_scan(const ProbeContext& ctx);

}  // namespace gonogo::checks
