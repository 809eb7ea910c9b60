// Probe rel.health_dependencies (REL-02): does the health endpoint check the database or
// cache and answer non-2xx when that check fails? Decided from the health handler's body
// and the own helpers it calls: the datastore call, and a 5xx status in a failure branch
// (or an uncaught error the framework turns into a 500).
#include <set>

#include <fmt/format.h>

#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace health;
namespace sx = collect::syntax;

namespace {

struct Scope {
    const File* file = nullptr;
    TSNode node{};
    TSNode call_site{};  // the call in the parent scope that reaches this one (null for the handler)
    int parent = -1;
};

void collect_scopes(Resolver& res, std::vector<Scope>& out, std::set<std::pair<const File*, std::uint32_t>>& seen,
                    int index, int depth) {
    if (depth >= 2) return;
    const Scope s = out[static_cast<std::size_t>(index)];
    for (const auto& c : sx::calls(*s.file, s.node)) {
        if (is_datastore_call(*s.file, c)) continue;
        auto fn = res.resolve(*s.file, c);
        if (!fn) continue;
        auto key = std::make_pair(fn->file, ts_node_start_byte(fn->node));
        if (!seen.insert(key).second) continue;
        out.push_back({fn->file, fn->node, c.node, index});
        collect_scopes(res, out, seen, static_cast<int>(out.size() - 1), depth + 1);
    }
}

using sx::is_js;

// True when an error thrown by `call` leaves `scope` (not swallowed by a catch/except there).
bool escapes(const File& f, TSNode call, TSNode scope) {
    if (f.lang == Language::go) return false;
    if (is_js(f.lang)) {
        TSNode p = ts_node_parent(call);
        while (is(p, "parenthesized_expression") || is(p, "as_expression") || is(p, "non_null_expression")) p = ts_node_parent(p);
        if (!is(p, "await_expression") && !is(p, "return_statement")) return false;  // a floating promise never throws here
    }
    for (TSNode t = ancestor(call, {"try_statement"}, scope); !ts_node_is_null(t); t = ancestor(t, {"try_statement"}, scope)) {
        TSNode body = is_js(f.lang) ? field(t, "body") : ts_node_named_child(t, 0);
        if (!within(call, body)) continue;  // in the catch or finally part
        bool rethrows = false;
        bool has_handler = false;
        const std::uint32_t n = ts_node_named_child_count(t);
        for (std::uint32_t i = 0; i < n; ++i) {
            TSNode h = ts_node_named_child(t, i);
            if (!is(h, "catch_clause") && !is(h, "except_clause") && !is(h, "except_group_clause")) continue;
            has_handler = true;
            sx::walk(h, [&](TSNode x) {
                if (is(x, "throw_statement") || is(x, "raise_statement")) rethrows = true;
                return !rethrows;
            });
        }
        if (has_handler && !rethrows) return false;
    }
    return true;
}

bool framework_answers_500(const ProbeContext& ctx, std::string_view framework) {
    if (framework == "nextjs-app" || framework == "nextjs-pages" || framework == "fastify" || framework == "nestjs" ||
        framework == "koa" || framework == "fastapi" || framework == "flask" || framework == "django")
        return true;
    if (framework == "express") {
        auto v = min_version(dependency_version(ctx, "express"));
        return v && (*v)[0] >= 5;
    }
    return false;
}

std::string framework_name(std::string_view fw) {
    if (fw == "nextjs-app" || fw == "nextjs-pages") return "Next.js";
    if (fw == "fastify") return "Fastify";
    if (fw == "nestjs") return "NestJS";
    if (fw == "koa") return "Koa";
    if (fw == "fastapi") return "FastAPI";
    if (fw == "flask") return "Flask";
    if (fw == "django") return "Django";
    if (fw == "express") return "Express 5";
    return std::string(fw);
}

enum class Verdict { explicit_pass, default_pass, always_ok, no_dependency, unresolved };

struct Analysis {
    Verdict verdict = Verdict::no_dependency;
    std::string message;
    std::vector<Evidence> evidence;
};

std::string clip_call(const File& f, TSNode n) { return str::clip(str::trim(sx::text(f, n)), 60); }

// Analyses one health handler (route handler, terminus check or mounted handler).
Analysis analyse(const ProbeContext& ctx, Resolver& res, const std::string& what, const File& file, TSNode handler, Evidence where,
                 std::string_view framework, bool library_503, std::string_view library) {
    std::vector<Scope> scopes{{&file, handler, TSNode{}, -1}};
    std::set<std::pair<const File*, std::uint32_t>> seen{{&file, ts_node_start_byte(handler)}};
    collect_scopes(res, scopes, seen, 0, 0);

    struct Dep {
        std::size_t scope;
        TSNode node;
    };
    std::vector<Dep> deps;
    std::optional<Found> status;
    std::vector<std::string> unresolved;
    bool terminus_check = false;
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        const auto& s = scopes[i];
        for (const auto& c : sx::calls(*s.file, s.node)) {
            if (is_datastore_call(*s.file, c)) deps.push_back({i, c.node});
            else if (res.unresolved_own(*s.file, c)) unresolved.push_back(c.callee);
            if (c.name == "check" && str::icontains(receiver_root(c.callee), "health") &&
                ctx.model.has_dependency(ctx.service, "@nestjs/terminus"))
                terminus_check = true;
        }
        if (!status) status = failure_status(*s.file, s.node);
        // mongoose.connection.readyState: a connection-state check without a call.
        if (deps.empty() && str::contains(sx::text(*s.file, s.node), "connection.readyState")) {
            sx::walk(s.node, [&](TSNode x) {
                if (is(x, "member_expression") && str::ends_with(sx::text(*s.file, x), "connection.readyState")) {
                    deps.push_back({i, x});
                    return false;
                }
                return true;
            });
        }
    }

    Analysis a;
    a.evidence.push_back(std::move(where));
    if (deps.empty()) {
        if (!unresolved.empty()) {
            a.verdict = Verdict::unresolved;
            a.message = fmt::format("The health endpoint {} calls {} from the service's own code, which gonogo could "
                                    "not resolve; check by hand that it tests the database.",
                                    what, unresolved.front());
            return a;
        }
        a.verdict = Verdict::no_dependency;
        a.message = fmt::format("The health endpoint {} never calls the database or cache: it answers 200 while "
                                "they are down.",
                                what);
        return a;
    }
    const auto& d0 = deps.front();
    const File& df = *scopes[d0.scope].file;
    a.evidence.push_back(node_evidence(df, d0.node, "dependency check"));
    if (status) {
        a.verdict = Verdict::explicit_pass;
        a.evidence.push_back(node_evidence(*status->file, status->node, "non-2xx answer on failure"));
        a.message = fmt::format("The health endpoint {} checks its dependency ({}) and answers {} when the check fails.",
                                what, clip_call(df, d0.node), clip_call(*status->file, status->node));
        return a;
    }
    if (terminus_check) {
        a.verdict = Verdict::default_pass;
        a.message = fmt::format("The health endpoint {} runs @nestjs/terminus indicators ({}); terminus answers 503 "
                                "when one fails (library default).",
                                what, clip_call(df, d0.node));
        return a;
    }
    // An uncaught error: the framework (or library) answers 500/503.
    for (const auto& d : deps) {
        bool up = true;
        std::size_t si = d.scope;
        TSNode node = d.node;
        while (true) {
            const auto& s = scopes[si];
            if (!escapes(*s.file, node, s.node)) {
                up = false;
                break;
            }
            if (s.parent < 0) break;
            node = s.call_site;
            si = static_cast<std::size_t>(s.parent);
        }
        if (!up) continue;
        const File& f = *scopes[d.scope].file;
        if (library_503) {
            a.verdict = Verdict::default_pass;
            a.message = fmt::format("The health check {} calls {} and lets its error through; {} answers 503 when a "
                                    "check fails (library default).",
                                    what, clip_call(f, d.node), library);
            return a;
        }
        if (framework_answers_500(ctx, framework)) {
            a.verdict = Verdict::default_pass;
            a.message = fmt::format("The health endpoint {} calls {} without catching its error, so {} answers 500 "
                                    "when the dependency is down (framework default; an explicit 503 is clearer).",
                                    what, clip_call(f, d.node), framework_name(framework));
            return a;
        }
    }
    a.verdict = Verdict::always_ok;
    a.message = fmt::format("The health endpoint {} calls {} but always answers 2xx: its failure is caught or "
                            "ignored and no 5xx status is set.",
                            what, clip_call(df, d0.node));
    return a;
}

}  // namespace

Outcome probe_rel_health_dependencies(const ProbeContext& ctx) {
    auto fws = server_frameworks(ctx);
    auto probes = configured_probe_paths(ctx);
    if (!serves_http(ctx) && fws.empty() && probes.empty())
        return na("No HTTP server: the service declares no routes and runs no web framework.");
    auto stores = datastores(ctx);
    if (stores.empty()) return na("No database or cache client in the stack: there is no dependency to check.");
    const std::string store_list = fmt::format("{}", fmt::join(stores, ", "));

    Resolver res(ctx);
    std::vector<Analysis> results;
    bool unresolved_handler = false;
    Evidence unresolved_where;
    for (const auto* r : health_routes(ctx)) {
        auto what = fmt::format("{} {}", r->method == "ANY" ? "GET" : r->method, r->path);
        auto h = handler_of(ctx, *r);
        if (!h) {
            if (!unresolved_handler) unresolved_where = route_evidence(ctx, *r, "handler not resolved");
            unresolved_handler = true;
            continue;
        }
        results.push_back(analyse(ctx, res, what, *h->file, h->node, route_evidence(ctx, *r, "health route"), r->framework,
                                  false, {}));
    }
    for (const auto& l : library_health(ctx)) {
        auto where = node_evidence(*l.file, l.node, fmt::format("{} serves {}", l.library, l.path));
        if (l.checks_database) {
            Analysis a;
            a.verdict = Verdict::default_pass;
            a.message = fmt::format("django-health-check serves {} with its database backend (health_check.db), which "
                                    "answers 500 when the database is down (library default).",
                                    l.path);
            a.evidence.push_back(where);
            results.push_back(std::move(a));
            continue;
        }
        if (!l.check) {
            Analysis a;
            a.verdict = Verdict::no_dependency;
            a.message = fmt::format("The health endpoint {} served by {} does not check the database or cache.", l.path,
                                    l.library);
            a.evidence.push_back(where);
            results.push_back(std::move(a));
            continue;
        }
        results.push_back(analyse(ctx, res, l.path, *l.file, *l.check, where, "", l.answers_503, l.library));
    }

    if (results.empty()) {
        if (unresolved_handler)
            return unknown("The health route's handler could not be resolved, so its dependency checks cannot be read.",
                           {unresolved_where});
        auto rs = routes(ctx);
        bool next = std::find(fws.begin(), fws.end(), "nextjs") != fws.end();
        if (!probes.empty() || !health_path_comparisons(ctx).empty() || (rs.empty() && !next))
            return unknown("No health route is declared in code gonogo can read, so whether it checks the "
                           "dependencies cannot be told.");
        std::vector<Evidence> ev;
        if (!rs.empty()) ev.push_back(route_evidence(ctx, *rs.front(), "declared route; no health route beside it"));
        else if (auto e = dependency_evidence(ctx, "next")) ev.push_back(*e);
        return fail(fmt::format("No health route, so nothing tells the load balancer when the {} is down "
                                "(see REL-01); add a readiness route that checks it and answers 503.",
                                store_list),
                    ev);
    }

    auto pick = [&](Verdict v) -> const Analysis* {
        for (const auto& a : results)
            if (a.verdict == v) return &a;
        return nullptr;
    };
    if (const auto* a = pick(Verdict::explicit_pass)) return pass(a->message, a->evidence);
    if (const auto* a = pick(Verdict::default_pass)) {
        auto o = pass(a->message, a->evidence);
        o.relied_on_default = true;
        return o;
    }
    if (const auto* a = pick(Verdict::unresolved)) return unknown(a->message, a->evidence);
    if (unresolved_handler)
        return unknown("A health route's handler could not be resolved, and the ones read do not check the "
                       "dependencies.",
                       {unresolved_where});
    if (const auto* a = pick(Verdict::always_ok)) return fail(a->message, a->evidence);
    const auto* a = pick(Verdict::no_dependency);
    return fail(fmt::format("{} The service uses {}.", a->message, store_list), a->evidence);
}

}  // namespace gonogo::checks
