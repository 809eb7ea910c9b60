// The live probes, one per file in src/live/, each a function of the session
// answering one question about the running service, and the explicit,
// sorted registration list that ties each to its catalogue control.
#pragma once
#include <vector>

#include "core/audit_result.hpp"
#include "core/catalog.hpp"
#include "live/observatory.hpp"
#include "live/session.hpp"

namespace gonogo::live {

Outcome cache_control(Session& s);     // PERF-05
Outcome compression(Session& s);       // PERF-08
Outcome content_security_policy(Session& s);  // SEC-11
Outcome cookie_flags(Session& s);      // SEC-15
Outcome cors(Session& s);              // SEC-20
Outcome error_leakage(Session& s);     // SEC-29
Outcome health_body(Session& s);       // REL-03
Outcome health_endpoint(Session& s);   // REL-01
Outcome https_redirect(Session& s);    // SEC-16
Outcome legal_pages(Session& s);       // COMP-04
Outcome metrics_endpoint(Session& s);  // OBS-07
Outcome rate_limit(Session& s);        // SCA-05, opt-in (--burst)
Outcome request_id(Session& s);        // OBS-02
Outcome security_headers(Session& s);  // SEC-12
Outcome time_to_first_byte(Session& s);  // PERF-09
Outcome tls_certificate(Session& s);   // SEC-17
Outcome transit_encryption(Session& s);  // COMP-09
Outcome version_banners(Session& s);   // SEC-30

struct LiveProbe {
    const char* id;       // live.<name>
    const char* control;  // the catalogue control it decides
    Outcome (*fn)(Session&);
    const char* decides;  // how, in one or two sentences (the per-control docs print it)
};

// The live probe of a control, or nullptr.
const LiveProbe* live_probe_for(std::string_view control);

// Sorted by id.
const std::vector<LiveProbe>& all_live_probes();

// One result per catalogue control: the live probes' outcomes, `unknown` for controls no live probe
// decides (they need `gonogo audit PATH`, a load test or a person). Exceptions become `error`.
std::vector<ControlResult> run_live(const Catalog& catalog, Session& s, Tier tier);

}  // namespace gonogo::live
