// Data-group probes of the compliance category: admin audit log (COMP-03),
// legal pages reachable (COMP-04), cookie consent before trackers (COMP-05),
// user data export and deletion (COMP-06), accessibility (COMP-07).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_comp_accessibility(const ProbeContext& ctx);
Outcome probe_comp_admin_audit_log(const ProbeContext& ctx);
Outcome probe_comp_cookie_consent(const ProbeContext& ctx);
Outcome probe_comp_data_export_deletion(const ProbeContext& ctx);
Outcome probe_comp_legal_pages(const ProbeContext& ctx);

}  // namespace gonogo::checks
