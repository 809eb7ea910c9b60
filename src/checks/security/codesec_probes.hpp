// Code-security probes (group codesec): SQL built from strings, HTML sinks,
// input validation, webhook signatures, JWT hardening, password hashing and
// TLS verification, each decided from syntax trees.
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sec_html_sink(const ProbeContext& ctx);
Outcome probe_sec_input_validation(const ProbeContext& ctx);
Outcome probe_sec_jwt_hardening(const ProbeContext& ctx);
Outcome probe_sec_password_hashing(const ProbeContext& ctx);
Outcome probe_sec_sql_concat(const ProbeContext& ctx);
Outcome probe_sec_tls_verification(const ProbeContext& ctx);
Outcome probe_sec_webhook_signature(const ProbeContext& ctx);

}  // namespace gonogo::checks
