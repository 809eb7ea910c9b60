// REL-01 live: a health endpoint answers, on the configured path or one of the
// common ones (/health, /healthz, /readyz, /livez, /api/health, /status, /ping);
// the evidence is its URL, status, latency and content type.
#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

Outcome health_endpoint(Session& s) {
    const Response* h = s.health();
    if (!h) {
        if (!s.home()) return unknown("The service did not answer at " + s.options().url + ": nothing to probe.");
        return fail(fmt::format("No health endpoint answers 2xx or 503 on {} or the common paths (/health, /healthz, /readyz, "
                                "/livez, /api/health, /status, /ping).",
                                s.options().health_path.empty() ? "the configured path" : s.options().health_path),
                    {live_evidence(*s.home(), "home page answered; no health path did")});
    }
    auto ct = h->header("content-type").value_or("no Content-Type");
    return pass(fmt::format("Health endpoint {} answers {} in {:.0f} ms ({}).", h->url, h->status, h->total_ms, ct),
                {live_evidence(*h, fmt::format("{} in {:.0f} ms, {}, HTTP/{}", h->status, h->total_ms, ct, h->http_version))});
}

}  // namespace gonogo::live
