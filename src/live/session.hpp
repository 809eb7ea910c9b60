// A live session: the target URL, the client options and the answers already
// fetched, shared by the live probes (one per file under src/live/) so that a
// page is fetched once. Every failed request becomes a diagnostic naming the
// URL; probes read answers, they never print.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "live/http.hpp"
#include "live/observatory.hpp"
#include "live/tls.hpp"

namespace gonogo::live {

struct LiveOptions {
    std::string url;                 // the service's base URL
    ClientOptions client;
    std::string health_path;         // --health: tried before the common paths
    std::string login_path;          // --login: its cookies are checked too
    std::string metrics_path = "/metrics";
    int burst = 0;                   // --burst N (0: the rate-limit probe does not run)
    std::string burst_path;          // path the burst goes to (default: the health path or /)
    int ttfb_samples = 10;
    double ttfb_target_ms = 800;     // web.dev's "good" time to first byte
};

class Session {
public:
    explicit Session(LiveOptions o);
    const LiveOptions& options() const { return m_o; }

    // GET of a path (or absolute URL) relative to the base, cached; nullptr when the request failed
    // (the failure is a diagnostic).
    const Response* get(const std::string& path_or_url);
    // A request that is not cached (other methods, extra headers, repeated measurements).
    Result<Response> send(const Request& r);
    // The base URL joined with a path.
    std::string url_for(const std::string& path) const;
    // The home page (the base URL, redirects followed).
    const Response* home() { return get(m_o.url); }
    // The same path over plain http:// (the redirection test); nullptr when not reachable.
    const Response* http_home();
    // The health endpoint found: the configured path, else the first common path answering 2xx or 503.
    const Response* health();
    // The home page graded by the Observatory algorithm, with an unrelated Origin asked once for the
    // CORS test; nullptr when the home page could not be fetched.
    const ObservatoryGrade* observatory();
    // The TLS inspection of an https:// target (nullptr for http:// or when no handshake succeeded;
    // the failure is a diagnostic).
    const TlsReport* tls();
    // The unrelated origin the CORS checks send.
    static constexpr const char* k_probe_origin = "https://gonogo-probe.invalid";
    void diagnose(const std::string& where, const std::string& message);
    std::vector<Diagnostic> take_diagnostics() { return std::move(m_diags); }

private:
    LiveOptions m_o;
    std::map<std::string, std::unique_ptr<Response>> m_cache;
    std::map<std::string, bool> m_failed;
    std::vector<Diagnostic> m_diags;
    bool m_health_done = false;
    const Response* m_health = nullptr;
    bool m_http_done = false;
    std::unique_ptr<Response> m_http;
    bool m_tls_done = false;
    std::unique_ptr<TlsReport> m_tls;
    bool m_obs_done = false;
    std::unique_ptr<ObservatoryGrade> m_obs;
    std::unique_ptr<Response> m_cors_home;
};

// Evidence of a live fact: the URL, the request line and what was seen.
Evidence live_evidence(const Response& r, std::string fact, std::string request = "GET");

}  // namespace gonogo::live
