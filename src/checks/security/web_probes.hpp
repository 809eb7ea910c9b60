// The web group's security probes: response security headers, CSRF
// protection, cookie flags and CORS policy (see each probe's file).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sec_cookie_flags(const ProbeContext& ctx);
Outcome probe_sec_cors_policy(const ProbeContext& ctx);
Outcome probe_sec_csrf_protection(const ProbeContext& ctx);
Outcome probe_sec_security_headers(const ProbeContext& ctx);

}  // namespace gonogo::checks
