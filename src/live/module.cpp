// Registration of the live probes (an explicit list, sorted by id) and the
// runner that turns their outcomes into one result per catalogue control.
#include <exception>

#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

const std::vector<LiveProbe>& all_live_probes() {
    static const std::vector<LiveProbe> k_probes = {
        {"live.cache-control", "PERF-05", cache_control,
         "Reads Cache-Control on the home page, the health endpoint (an API answer) and one of the service's own static "
         "assets linked from the page: assets need max-age of a day or more (or immutable); pages and API answers need an "
         "explicit policy (no-store, no-cache, private or a max-age)."},
        {"live.compression", "PERF-08", compression,
         "Asks the home page with Accept-Encoding gzip, deflate, br, zstd; fails when a body over 1 KiB comes back "
         "without Content-Encoding."},
        {"live.content-security-policy", "SEC-11", content_security_policy,
         "Grades the home page's Content-Security-Policy with the MDN HTTP Observatory's CSP test (algorithm v4): fails on "
         "'unsafe-inline' scripts without nonce or hash, data: or broad script sources, unrestricted object-src, http: "
         "sources on an HTTPS site, or 'unsafe-eval'."},
        {"live.cookie-flags", "SEC-15", cookie_flags,
         "Reads every Set-Cookie on the home page, the login page (--login) and the health endpoint: session-looking "
         "cookies need HttpOnly, Secure over HTTPS and SameSite Lax or Strict; __Host- and __Secure- prefixes are checked; "
         "cookie values never reach the report."},
        {"live.cors", "SEC-20", cors,
         "Sends a preflight and a simple GET with an unrelated Origin and with Origin: null to the home page and the "
         "health endpoint; fails when any origin is reflected (or *) together with Access-Control-Allow-Credentials: true."},
        {"live.error-leakage", "SEC-29", error_leakage,
         "Asks a missing route and posts malformed JSON; fails when an answer carries a stack trace (Python, Node, Java, "
         "Go), a framework debug page (Django, Werkzeug, Rails, Laravel) or a SQL error."},
        {"live.health-body", "REL-03", health_body,
         "Reads the health endpoint's body: a JSON object with a status, a timestamp, the uptime and per-dependency "
         "checks (checks, dependencies, details or components)."},
        {"live.health-endpoint", "REL-01", health_endpoint,
         "Tries the --health path, then /health, /healthz, /readyz, /livez, /api/health, /status and /ping; passes on the "
         "first that answers 2xx or 503, with its status, latency and content type as evidence."},
        {"live.https-redirect", "SEC-16", https_redirect,
         "Over HTTPS: plain http:// must redirect to https:// on the same host first (the Observatory's redirection test) "
         "and HSTS must be at least a year with includeSubDomains. A service probed over http:// fails."},
        {"live.legal-pages", "COMP-04", legal_pages,
         "Follows links from the home page whose text or address mentions privacy or terms, then tries /privacy, "
         "/privacy-policy, /terms, /terms-of-service and /legal; both pages must answer 200."},
        {"live.metrics-endpoint", "OBS-07", metrics_endpoint,
         "Scrapes /metrics (or --metrics) as Prometheus text exposition: it needs a request counter, an error signal (a "
         "status or code label, or an error series) and a latency histogram or summary."},
        {"live.rate-limit", "SCA-05", rate_limit,
         "Only with --burst N (at most 500): sends N requests within 10 s to one path; passes on a 429 (noting "
         "Retry-After and RateLimit headers), fails when every request is served."},
        {"live.request-id", "OBS-02", request_id,
         "Sends X-Request-ID and looks for it (or an id of the service's own) in X-Request-ID, X-Correlation-ID, "
         "Request-Id or traceparent."},
        {"live.security-headers", "SEC-12", security_headers,
         "Reads the home page: X-Content-Type-Options nosniff, X-Frame-Options DENY/SAMEORIGIN or CSP frame-ancestors, a "
         "private Referrer-Policy and, over HTTPS, HSTS of at least a year. The message carries the page's Mozilla HTTP "
         "Observatory score and grade (MDN algorithm v4)."},
        {"live.tls-certificate", "SEC-17", tls_certificate,
         "Tries SSLv3, TLS 1.0, 1.1, 1.2 and 1.3 one at a time with OpenSSL, then the NULL, anonymous, export, RC4, 3DES and "
         "static-RSA cipher classes, and reads the certificate: chain against the system store (or --ca), host name, key "
         "type and size, days to expiry, OCSP stapling. Fails on anything older than TLS 1.2, NULL, anonymous, export, RC4 "
         "or 3DES ciphers, no forward secrecy for a current client (static RSA beside ECDHE is named, not failed), an "
         "untrusted chain, a wrong host name, or expiry within 7 days (under 30 is a warning). The message "
         "carries an SSL Labs style rating with its caps. What this OpenSSL cannot speak is reported as not testable."},
        {"live.time-to-first-byte", "PERF-09", time_to_first_byte,
         "Times the first byte of the home page over --ttfb-samples requests (default 10); fails when the p95 is over 800 "
         "ms. Within target it stays unknown: Core Web Vitals need a browser."},
        {"live.transit-encryption", "COMP-09", transit_encryption,
         "Fails when the service answers over plain HTTP, offers nothing newer than TLS 1.1 or legacy protocols, has an "
         "untrusted certificate, or serves content on http:// instead of redirecting; otherwise unknown, since encryption "
         "at rest is not visible from outside."},
        {"live.version-banners", "SEC-30", version_banners,
         "Reads Server, X-Powered-By and X-AspNet-Version on the home page, the health endpoint and a missing page; fails "
         "on X-Powered-By or a version number."},
    };
    return k_probes;
}

const LiveProbe* live_probe_for(std::string_view control) {
    for (const auto& p : all_live_probes())
        if (control == p.control) return &p;
    return nullptr;
}

std::vector<ControlResult> run_live(const Catalog& catalog, Session& s, Tier tier) {
    std::vector<ControlResult> out;
    for (const auto& c : catalog.controls()) {
        ControlResult r = result_skeleton(c, tier, {});
        const LiveProbe* probe = live_probe_for(c.id);
        if (!probe) {
            r.status = c.attest_only() ? Status::unverified : Status::unknown;
            r.message = c.has_mode("live") ? "Not probed live yet: decide it with `gonogo audit PATH` or by hand."
                                           : fmt::format("Not observable on a running service ({}): run `gonogo audit PATH --url URL`.",
                                                         fmt::join(c.modes, ", "));
            out.push_back(std::move(r));
            continue;
        }
        r.automated = true;
        Outcome o;
        try {
            o = probe->fn(s);
        } catch (const std::exception& e) {
            o = Outcome{Status::error, fmt::format("live probe {} failed: {}", probe->id, e.what()), {}, false, {}};
        }
        r.status = o.status;
        r.message = o.message;
        r.evidence = std::move(o.evidence);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace gonogo::live
