// Live session (see session.hpp).
#include "live/session.hpp"

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::live {

Session::Session(LiveOptions o) : m_o(std::move(o)) {}

std::string Session::url_for(const std::string& path) const {
    if (path.find("://") != std::string::npos) return path;
    auto u = parse_url(m_o.url);
    if (!u) return m_o.url + path;
    bool default_port = (u->scheme == "https" && u->port == 443) || (u->scheme == "http" && u->port == 80);
    return u->scheme + "://" + u->host + (default_port ? "" : ":" + std::to_string(u->port)) + (str::starts_with(path, "/") ? "" : "/") + path;
}

void Session::diagnose(const std::string& where, const std::string& message) {
    for (const auto& d : m_diags)
        if (d.path == where && d.message == message) return;
    m_diags.push_back({where, message});
}

const Response* Session::get(const std::string& path_or_url) {
    auto url = path_or_url == m_o.url ? m_o.url : url_for(path_or_url);
    if (auto it = m_cache.find(url); it != m_cache.end()) return it->second.get();
    if (m_failed.count(url)) return nullptr;
    if (url != m_o.url && m_failed.count(m_o.url)) return nullptr;  // the service is down: do not wait again
    Request rq;
    rq.url = url;
    auto r = fetch(rq, m_o.client);
    if (!r) {
        m_failed[url] = true;
        diagnose(r.error().where.empty() ? url : r.error().where, r.error().message);
        return nullptr;
    }
    if (r->truncated)
        diagnose(url, fmt::format("the answer was cut after {} bytes (the cap) or at the time limit; judged on what arrived",
                                  r->body.size()));
    auto& slot = m_cache[url];
    slot = std::make_unique<Response>(std::move(*r));
    return slot.get();
}

Result<Response> Session::send(const Request& r) {
    if (r.url != m_o.url && !home()) return fail("not asked: the service did not answer at its base URL", r.url);
    auto out = fetch(r, m_o.client);
    if (!out) diagnose(out.error().where.empty() ? r.url : out.error().where, out.error().message);
    return out;
}

const Response* Session::http_home() {
    if (m_http_done) return m_http.get();
    m_http_done = true;
    auto u = parse_url(m_o.url);
    if (!u || u->scheme != "https") return nullptr;
    Request rq;
    rq.url = "http://" + u->host + u->path;
    auto r = fetch(rq, m_o.client);
    if (r) m_http = std::make_unique<Response>(std::move(*r));
    return m_http.get();
}

const Response* Session::health() {
    if (m_health_done) return m_health;
    m_health_done = true;
    // A service that does not answer at its base URL (refused, reset, hanging, not HTTP) is down: each
    // common health path would only wait out the same timeout again.
    if (!home()) return nullptr;
    std::vector<std::string> paths;
    if (!m_o.health_path.empty()) paths.push_back(m_o.health_path);
    for (const char* p : {"/health", "/healthz", "/readyz", "/livez", "/api/health", "/status", "/ping"}) paths.push_back(p);
    for (const auto& p : paths) {
        Request rq;
        rq.url = url_for(p);
        auto r = fetch(rq, m_o.client);
        if (!r) {
            if (p == m_o.health_path) diagnose(rq.url, r.error().message);
            continue;
        }
        if ((r->status >= 200 && r->status < 300) || r->status == 503) {
            auto& slot = m_cache[rq.url];
            slot = std::make_unique<Response>(std::move(*r));
            m_health = slot.get();
            return m_health;
        }
    }
    return nullptr;
}

const ObservatoryGrade* Session::observatory() {
    if (m_obs_done) return m_obs.get();
    m_obs_done = true;
    const Response* page = home();
    if (!page) return nullptr;
    Request rq;
    rq.url = m_o.url;
    rq.headers = {std::string("Origin: ") + k_probe_origin};
    if (auto r = fetch(rq, m_o.client)) m_cors_home = std::make_unique<Response>(std::move(*r));
    ObservatoryInput in{page, http_home(), m_cors_home.get(), k_probe_origin};
    m_obs = std::make_unique<ObservatoryGrade>(grade_headers(in));
    return m_obs.get();
}

const TlsReport* Session::tls() {
    if (m_tls_done) return m_tls.get();
    m_tls_done = true;
    auto u = parse_url(m_o.url);
    if (!u || u->scheme != "https") return nullptr;
    long long hsts = -1;
    if (const auto* h = home())
        if (auto v = h->header("strict-transport-security")) hsts = hsts_max_age(*v).value_or(-1);
    auto r = inspect_tls(u->host, u->port, m_o.client, hsts);
    if (!r) {
        diagnose(r.error().where, r.error().message);
        return nullptr;
    }
    m_tls = std::make_unique<TlsReport>(std::move(*r));
    return m_tls.get();
}

Evidence live_evidence(const Response& r, std::string fact, std::string request) {
    Evidence e;
    e.path = r.final_url.empty() ? r.url : r.final_url;
    e.snippet = fmt::format("{} {} -> {}", request, r.url, r.status);
    e.note = std::move(fact);
    return e;
}

}  // namespace gonogo::live
