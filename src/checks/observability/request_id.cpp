// Probe obs.request_id (OBS-02): are request ids generated or taken from the incoming
// request and carried on? Decided from request-id middleware in use (express-request-id,
// cls-rtracer, pino-http/Fastify genReqId, chi/echo RequestID, gin requestid,
// asgi-correlation-id, django-guid), code that reads or sets X-Request-ID / X-Correlation-ID /
// traceparent headers, OpenTelemetry HTTP instrumentation, and nginx $request_id forwarding.
#include <fmt/format.h>

#include "checks/observability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace health;
namespace sx = collect::syntax;

namespace {

using sx::is_js;

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
    for (auto x : set)
        if (s == x) return true;
    return false;
}

bool is_id_header(std::string_view v) {
    auto l = str::lower(v);
    return one_of(l, {"x-request-id", "x-correlation-id", "request-id", "x-requestid", "x-trace-id", "traceparent",
                      "x-amzn-trace-id", "correlation-id", "x-cloud-trace-context"});
}

// Libraries that assign and carry a request id once they are mounted.
struct Lib {
    std::string_view module;
    std::string_view what;
};
constexpr Lib k_libs[] = {
    {"express-request-id", "express-request-id"},
    {"cls-rtracer", "cls-rtracer"},
    {"express-correlation-id", "express-correlation-id"},
    {"correlation-id", "correlation-id"},
    {"koa-requestid", "koa-requestid"},
    {"koa-request-id", "koa-request-id"},
    {"hono/request-id", "Hono requestId middleware"},
    {"@nestjs/cls", "@nestjs/cls"},
    {"nestjs-cls", "nestjs-cls"},
    {"asgi_correlation_id", "asgi-correlation-id"},
    {"django_guid", "django-guid"},
    {"flask_request_id_header", "flask-request-id-header"},
    {"starlette_context", "starlette-context"},
    {"github.com/gin-contrib/requestid", "gin-contrib/requestid"},
};

struct Finding {
    std::string message;
    Evidence evidence;
};

// A library import whose binding is used in a call (mounted or called).
std::optional<Finding> library_in_use(const File& f) {
    const auto imps = sx::imports(f);
    for (const auto& lib : k_libs) {
        if (std::find(imps.begin(), imps.end(), std::string(lib.module)) == imps.end()) continue;
        // django-guid is mounted through settings.MIDDLEWARE strings; others through calls.
        std::optional<Finding> out;
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto txt = sx::text(f, c.node);
            if (str::contains(txt, "CorrelationIdMiddleware") || str::contains(txt, "rTracer") ||
                str::contains(txt, "rtracer") || str::contains(txt, "requestId") || str::contains(txt, "RequestId") ||
                str::contains(txt, "requestid") || str::contains(txt, "correlat") || str::contains(txt, "ClsModule") ||
                str::contains(txt, "RawContextMiddleware") || str::contains(txt, "ContextMiddleware") ||
                str::contains(txt, "RequestID") || str::contains(txt, "request_id")) {
                if (c.name == "use" || c.name == "add_middleware" || c.name == "Use" || c.name == "forRoot" ||
                    c.name == "register" || c.name == "wrap" || c.name == "Middleware" || c.name == "New" ||
                    str::contains(c.callee, "equestId") || str::contains(c.callee, "requestid")) {
                    out = Finding{fmt::format("{} assigns each request an id ({}).", lib.what, f.path),
                                  node_evidence(f, c.node, std::string(lib.what))};
                    break;
                }
            }
        }
        if (out) return out;
    }
    return std::nullopt;
}

// chi middleware.RequestID / echo middleware.RequestID() mounted with Use(...).
std::optional<Finding> go_middleware(const ProbeContext& ctx, const File& f) {
    const auto& fw = ctx.svc().frameworks;
    for (const auto& c : sx::calls(f, sx::root(f))) {
        if (c.name != "Use" && c.name != "With" && c.name != "Group") continue;
        for (auto a : sx::call_args(c)) {
            auto t = sx::text(f, a);
            if ((fw.count("chi") || fw.count("echo")) && str::starts_with(t, "middleware.RequestID"))
                return Finding{fmt::format("The router mounts {} ({}): each request gets an id, echoed in X-Request-Id.",
                                           t, f.path),
                               node_evidence(f, c.node, "request id middleware")};
        }
    }
    return std::nullopt;
}

// pino-http / nestjs-pino genReqId, Fastify requestIdHeader/genReqId options.
std::optional<Finding> configured_ids(const File& f) {
    std::optional<Finding> out;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (out) return false;
        if (!is(n, "pair") && !is(n, "shorthand_property_identifier") && !is(n, "method_definition")) return true;
        TSNode key = is(n, "pair") ? field(n, "key") : (is(n, "method_definition") ? field(n, "name") : n);
        auto k = sx::text(f, key);
        if (k.size() >= 2 && (k.front() == '\'' || k.front() == '"')) k = k.substr(1, k.size() - 2);
        if (k == "genReqId" || k == "requestIdHeader") {
            if (is(n, "pair") && one_of(sx::text(f, field(n, "value")), {"false", "undefined", "null"})) return false;
            out = Finding{fmt::format("Request ids are configured with {} ({}).", k, f.path),
                          node_evidence(f, n, std::string(k))};
            return false;
        }
        return true;
    });
    return out;
}

// A request-id header read or set: req.headers['x-request-id'], r.Header.Get("X-Request-ID"),
// res.setHeader('X-Request-ID', id), headers: {'X-Request-ID': id}, request.headers.get("x-request-id").
std::optional<Finding> header_access(const File& f) {
    std::optional<Finding> out;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (out) return false;
        auto t = sx::type(n);
        if (t != "string" && t != "interpreted_string_literal" && t != "raw_string_literal" && t != "template_string")
            return true;
        auto v = sx::string_value(f, n);
        if (!is_id_header(v)) return false;
        TSNode p = ts_node_parent(n);
        bool header = false;
        if (is(p, "arguments") || is(p, "argument_list")) {
            TSNode call = ts_node_parent(p);
            auto callee = sx::text(f, field(call, "function"));
            auto last = callee.substr(callee.rfind('.') == std::string_view::npos ? 0 : callee.rfind('.') + 1);
            header = one_of(last, {"get", "set", "header", "setHeader", "getHeader", "Get", "Set", "Add", "append",
                                   "has", "Header", "GetHeader", "SetHeader", "get_header", "set"}) ||
                     str::icontains(callee, "header");
        } else if (is(p, "subscript_expression") || is(p, "subscript") || is(p, "index_expression")) {
            header = str::icontains(sx::text(f, p), "header") || str::icontains(sx::text(f, p), "META");
        } else if (is(p, "pair")) {
            header = ts_node_eq(field(p, "key"), n);
        } else if (is(p, "keyed_element") || is(p, "literal_element")) {
            header = true;  // Go map literal http.Header{"X-Request-Id": ...}
        }
        if (header)
            out = Finding{fmt::format("Own code reads or sets the {} header ({}).", v, f.path),
                          node_evidence(f, n, "request id header")};
        return false;
    });
    return out;
}

// OpenTelemetry HTTP instrumentation propagates trace context (traceparent) on every request.
std::optional<Finding> otel(const File& f) {
    for (const auto& c : sx::calls(f, sx::root(f))) {
        auto cal = c.callee;
        if (one_of(c.name, {"registerOTel", "registerInstrumentations", "instrument_app", "NewHandler", "NewTransport"}) &&
            (c.name != "NewHandler" || str::starts_with(cal, "otelhttp")) &&
            (c.name != "NewTransport" || str::starts_with(cal, "otelhttp")))
            return Finding{fmt::format("OpenTelemetry instrumentation ({}) propagates trace context (traceparent) and "
                                       "gives every request a trace id ({}).",
                                       cal, f.path),
                           node_evidence(f, c.node, "OpenTelemetry")};
        if ((str::starts_with(cal, "otelgin.") || str::starts_with(cal, "otelecho.") || str::starts_with(cal, "otelchi.") ||
             str::starts_with(cal, "otelmux.")) && c.name == "Middleware")
            return Finding{fmt::format("OpenTelemetry middleware {} propagates trace ids ({}).", cal, f.path),
                           node_evidence(f, c.node, "OpenTelemetry")};
        if (one_of(c.name, {"FastAPIInstrumentor", "DjangoInstrumentor", "FlaskInstrumentor", "StarletteInstrumentor"}) ||
            (c.name == "instrument" && (str::contains(cal, "Instrumentor"))))
            return Finding{fmt::format("OpenTelemetry {} instruments requests and propagates trace ids ({}).", cal, f.path),
                           node_evidence(f, c.node, "OpenTelemetry")};
    }
    // new NodeSDK({...}).start()
    std::optional<Finding> out;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (out) return false;
        if (is(n, "new_expression") && one_of(sx::text(f, field(n, "constructor")), {"NodeSDK", "opentelemetry.NodeSDK"}))
            out = Finding{fmt::format("The OpenTelemetry NodeSDK instruments HTTP and propagates trace context ({}).", f.path),
                          node_evidence(f, n, "OpenTelemetry NodeSDK")};
        return true;
    });
    return out;
}

// nginx in front: proxy_set_header / add_header X-Request-ID $request_id.
std::optional<Finding> nginx(const ProbeContext& ctx) {
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || f->lang != Language::nginx) continue;
        std::size_t ln = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++ln;
            auto l = str::trim(raw);
            if (l.empty() || l[0] == '#') continue;
            if ((str::starts_with(l, "proxy_set_header") || str::starts_with(l, "add_header") ||
                 str::starts_with(l, "fastcgi_param") || str::starts_with(l, "uwsgi_param")) &&
                (str::icontains(l, "x-request-id") || str::icontains(l, "x-correlation-id")) && str::contains(l, "$"))
                return Finding{fmt::format("nginx sets the request id header ({}).", f->path),
                               f->evidence_line(ln, "nginx request id")};
        }
    }
    return std::nullopt;
}

// django-guid is enabled by its middleware string in settings.MIDDLEWARE.
std::optional<Finding> django_settings(const File& f) {
    if (!str::contains(f.text, "django_guid") && !str::contains(f.text, "request_id")) return std::nullopt;
    std::optional<Finding> out;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (out) return false;
        if (!is(n, "string")) return true;
        auto v = sx::string_value(f, n);
        if ((str::starts_with(v, "django_guid.") || str::contains(v, "request_id.middleware") ||
             str::contains(v, "RequestIDMiddleware")) &&
            (is(ts_node_parent(n), "list") || is(ts_node_parent(n), "tuple")))
            out = Finding{fmt::format("Django middleware {} assigns request ids ({}).", v, f.path),
                          node_evidence(f, n, "request id middleware")};
        return false;
    });
    return out;
}

}  // namespace

Outcome probe_obs_request_id(const ProbeContext& ctx) {
    if (!is_http_service(ctx)) return na("No HTTP server: the service handles no requests to tag.");
    for (const auto* f : code_files(ctx)) {
        const auto lower = str::lower(f->text);
        const bool words = str::contains(lower, "request") || str::contains(lower, "correlation") ||
                           str::contains(lower, "traceparent") || str::contains(lower, "otel") ||
                           str::contains(lower, "opentelemetry") || str::contains(lower, "instrument") ||
                           str::contains(lower, "reqid") || str::contains(lower, "rtracer") ||
                           str::contains(lower, "guid") || str::contains(lower, "trace-id");
        if (!words) continue;
        std::optional<Finding> hit;
        if (!hit) hit = library_in_use(*f);
        if (!hit && f->lang == Language::go) hit = go_middleware(ctx, *f);
        if (!hit && is_js(f->lang)) hit = configured_ids(*f);
        if (!hit && f->lang == Language::python) hit = django_settings(*f);
        if (!hit) hit = header_access(*f);
        if (!hit) hit = otel(*f);
        if (hit) return pass(hit->message, {hit->evidence});
    }
    if (auto n = nginx(ctx)) return pass(n->message, {n->evidence});

    // None: point at where the middleware belongs.
    std::vector<Evidence> ev;
    std::string where;
    for (const auto* f : code_files(ctx)) {
        auto name = f->path.substr(f->path.rfind('/') == std::string::npos ? 0 : f->path.rfind('/') + 1);
        if (str::starts_with(name, "middleware.") && is_js(f->lang)) {
            ev.push_back(f->evidence_line(1, "Next.js middleware: no request id set"));
            where = fmt::format(" Set one in {} and pass it to the logger.", f->path);
            break;
        }
    }
    const auto& fw = ctx.svc().frameworks;
    std::string note;
    if (fw.count("fastify") || depends_on_any(ctx, {"pino-http"}))
        note = " Fastify and pino-http number requests (req-1, req-2...) by default, which is neither unique across "
               "instances nor taken from or returned in X-Request-ID: set genReqId/requestIdHeader.";
    if (ev.empty()) {
        auto rs = routes(ctx);
        if (!rs.empty()) ev.push_back(route_evidence(ctx, *rs.front(), "no request id is assigned to requests"));
        else
            for (const auto& d : ctx.svc().dependencies)
                if (ctx.svc().frameworks.size() && (d.name == "next" || d.name == "express" || d.name == "fastify" ||
                                                    d.name == "fastapi" || d.name == "django" || d.name == "flask")) {
                    if (auto e = dependency_evidence(ctx, d.name)) ev.push_back(*e);
                    break;
                }
    }
    auto o = fail(fmt::format("No request id: nothing reads or sets X-Request-ID (or traceparent), no request-id "
                              "middleware or OpenTelemetry HTTP instrumentation is mounted, so one request's log lines "
                              "cannot be tied together.{}{}",
                              where, note),
                  ev);
    // The header named in tests or vendored code only: listed apart, never deciding.
    for (const auto* h : ctx.hits("obs.request-id-header")) {
        if (ctx.model.files.at(h->file).is_own()) continue;
        o.other_evidence.push_back(ctx.evidence(*h, "request id header outside the service's own code"));
        if (o.other_evidence.size() >= 5) break;
    }
    return o;
}

}  // namespace gonogo::checks
