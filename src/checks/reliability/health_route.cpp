// Probe rel.health_route (REL-01): does the service answer GET on a health path?
// Decided from the route table, health libraries (terminus, django-health-check...),
// request-path comparisons, and the paths Kubernetes probes and compose/Docker healthchecks call.
#include <fmt/format.h>

#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"

namespace gonogo::checks {

using namespace health;

namespace {

// Frameworks whose routes gonogo's route table does not model.
bool unmodelled(const std::vector<std::string>& fws) {
    for (const auto& f : fws)
        if (f == "hono" || f == "fiber" || f == "starlette" || f == "node:http") return true;
    return false;
}

std::string list_paths(const std::vector<const collect::Route*>& rs, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < rs.size() && i < max; ++i) out += (i ? ", " : "") + rs[i]->method + " " + rs[i]->path;
    if (rs.size() > max) out += fmt::format(" and {} more", rs.size() - max);
    return out;
}

}  // namespace

Outcome probe_rel_health_route(const ProbeContext& ctx) {
    auto fws = server_frameworks(ctx);
    auto probes = configured_probe_paths(ctx);
    const bool http = serves_http(ctx) || !fws.empty();
    if (!http && probes.empty())
        return na("No HTTP server: the service declares no routes and runs no web framework.");

    // 1. A declared route on a health path.
    auto hr = health_routes(ctx);
    if (!hr.empty()) {
        std::vector<Evidence> ev;
        for (std::size_t i = 0; i < hr.size() && i < 3; ++i)
            ev.push_back(route_evidence(ctx, *hr[i], fmt::format("{} {} ({})", hr[i]->method, hr[i]->path, hr[i]->framework)));
        std::string msg = fmt::format("Health route {} {} is declared in {}.", hr[0]->method == "ANY" ? "GET" : hr[0]->method,
                                      hr[0]->path, ctx.model.files.at(hr[0]->file).path);
        for (const auto& p : probes) {
            bool served = false;
            for (const auto* r : routes(ctx)) served = served || route_matches(r->path, p.path);
            if (!served) msg += fmt::format(" Note: the {} calls {}, which no declared route serves.", p.source, p.path);
        }
        return pass(msg, ev);
    }

    // 2. A health endpoint registered through a library or a mount.
    auto libs = library_health(ctx);
    if (!libs.empty()) {
        const auto& l = libs.front();
        return pass(fmt::format("Health endpoint {} is served by {} ({}).", l.path, l.library, l.file->path),
                    {node_evidence(*l.file, l.node, fmt::format("{} serves {}", l.library, l.path))});
    }

    // 3. A route that deployment config probes, whatever its name.
    for (const auto& p : probes)
        for (const auto* r : routes(ctx))
            if (ctx.model.files.at(r->file).is_own() && route_matches(r->path, p.path) &&
                (r->method == "GET" || r->method == "ANY" || r->method == "HEAD"))
                return pass(fmt::format("The {} calls {}, served by the route declared in {}.", p.source, p.path,
                                        ctx.model.files.at(r->file).path),
                            {route_evidence(ctx, *r, "probed route"), p.evidence});

    // 4. The request path compared with a health path in code (bare servers, middleware).
    auto cmp = health_path_comparisons(ctx);
    if (!cmp.empty())
        return pass(fmt::format("The request path is matched against {} in {}: that answers the health check.",
                                str::trim(cmp.front().snippet).substr(0, 80), cmp.front().path),
                    {cmp.front()});

    // 5. Deployment config probes a health path that no code we model declares.
    std::vector<Evidence> k8s_ev, other_ev;
    std::string k8s_path, other_path;
    for (const auto& p : probes) {
        if (str::starts_with(p.source, "Kubernetes")) {
            k8s_ev.push_back(p.evidence);
            if (k8s_path.empty()) k8s_path = p.path;
        } else {
            other_ev.push_back(p.evidence);
            if (other_path.empty()) other_path = p.path;
        }
    }
    auto rs = routes(ctx);
    if (!k8s_ev.empty())
        return pass(fmt::format("Kubernetes probes call {}: a missing endpoint would keep every pod unready, so the "
                                "deployment relies on it; no route in code declares it (it may come from a library or a "
                                "mount gonogo does not follow).",
                                k8s_path),
                    k8s_ev);
    if (!other_ev.empty())
        return unknown(fmt::format("A healthcheck calls {}, but no route in code declares it; confirm the endpoint "
                                   "exists (a failing container healthcheck does not stop the service).",
                                   other_path),
                       other_ev);

    // 6. Nothing on a health path.
    if (!rs.empty()) {
        if (unmodelled(fws))
            return unknown(fmt::format("No health route among the {} routes found, but part of the routing uses a "
                                       "framework gonogo does not model.",
                                       rs.size()));
        std::vector<Evidence> ev;
        for (std::size_t i = 0; i < rs.size() && i < 3; ++i)
            ev.push_back(route_evidence(ctx, *rs[i], "declared route (not a health path)"));
        return fail(fmt::format("No health endpoint: the service declares {} route(s) ({}) but none on /health, "
                                "/healthz, /readyz or similar, and no probe config names one.",
                                rs.size(), list_paths(rs, 4)),
                    ev);
    }
    bool next = false;
    for (const auto& f : fws) next = next || f == "nextjs";
    if (next) {
        std::vector<Evidence> ev;
        if (auto e = dependency_evidence(ctx, "next")) ev.push_back(*e);
        return fail("No health endpoint: this Next.js app has no route handler on a health path "
                    "(add app/api/health/route.ts exporting GET).",
                    ev);
    }
    return unknown(fmt::format("A web framework ({}) is used but no routes were recognised: they may be registered "
                               "dynamically; check for a health endpoint by hand.",
                               fmt::join(fws, ", ")));
}

}  // namespace gonogo::checks
