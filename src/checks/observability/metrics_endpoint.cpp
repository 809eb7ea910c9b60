// Probe obs.metrics_endpoint: does the HTTP service expose or export metrics
// (a /metrics route, promhttp.Handler, prometheus_client exposition, a
// Prometheus/OTLP exporter, express-prom-bundle, nestjs-prometheus,
// django-prometheus, the FastAPI/Flask instrumentators) and record requests with
// a latency histogram? Saturation (default process/runtime metrics) is reported.
#include <array>

#include <fmt/format.h>

#include "checks/observability/telemetry_probes.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

struct Signals {
    std::vector<Evidence> exposed;     // an endpoint or an exporter
    std::vector<Evidence> latency;     // request latency histogram/summary (gives rate through _count)
    std::vector<Evidence> requests;    // request counter
    std::vector<Evidence> saturation;  // default process/runtime metrics
    std::vector<std::string> libs;
    bool status_label_missing = false;
};

void lib(Signals& s, std::string n) {
    if (std::find(s.libs.begin(), s.libs.end(), n) == s.libs.end()) s.libs.push_back(std::move(n));
}

bool request_name(std::string_view name) {
    auto n = str::lower(name);
    return str::contains(n, "http") || str::contains(n, "request") || str::contains(n, "latency") ||
           str::contains(n, "duration") || str::contains(n, "response");
}

// Label names of a JS metric config (labelNames) or a Go/Python label list contain a status/code label.
bool has_status_label(const std::vector<std::string>& labels) {
    for (const auto& l : labels) {
        auto s = str::lower(l);
        if (str::contains(s, "status") || s == "code") return true;
    }
    return false;
}

// A hand-made request metric: kind is "histogram", "summary" or "counter"; name and labels as declared.
void request_metric(Signals& s, const File& f, TSNode at, std::string_view kind, const std::string& name,
                    const std::vector<std::string>& labels) {
    if (!request_name(name) && !has_status_label(labels)) return;
    auto note = fmt::format("{} {}", kind, name.empty() ? "(unnamed)" : name);
    if (kind == "counter") s.requests.push_back(telemetry::evidence(f, at, note));
    else s.latency.push_back(telemetry::evidence(f, at, note));
    if (!labels.empty() && !has_status_label(labels)) s.status_label_missing = true;
}

void scan_js(const ProbeContext& ctx, const File& f, Signals& s) {
    static constexpr std::array<std::string_view, 7> k_markers{"prom-client", "express-prom-bundle", "nestjs-prometheus",
                                                               "fastify-metrics", "@opentelemetry", "prometheus", "metrics"};
    bool any = false;
    for (auto m : k_markers) any = any || str::contains(f.text, m);
    if (!any) return;
    const Imports& im = Imports::of(f);
    for (const auto& c : invocations(f, sx::root(f))) {
        auto q = im.qualify(c);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        TSNode a0 = args.empty() ? TSNode{} : args[0];
        if (mod == "prom-client") {
            lib(s, "prom-client");
            if (path == "collectDefaultMetrics") s.saturation.push_back(telemetry::evidence(f, c.node, "collectDefaultMetrics (CPU, memory, event loop)"));
            else if (path == "register.metrics" || path == "register.getMetricsAsJSON")
                s.exposed.push_back(telemetry::evidence(f, c.node, "prom-client registry exposition"));
            else if (is_new(c) && (path == "Histogram" || path == "Summary" || path == "Counter")) {
                auto name = option(f, a0, "name");
                auto labels = option(f, a0, "labelNames");
                std::vector<std::string> ls = labels.has == Has::yes ? string_values(f, labels.value) : std::vector<std::string>{};
                std::string kind = path == "Counter" ? "counter" : (path == "Summary" ? "summary" : "histogram");
                request_metric(s, f, c.node, kind, name.has == Has::yes ? sx::string_value(f, name.value) : "", ls);
            }
        } else if (mod == "express-prom-bundle") {
            lib(s, "express-prom-bundle");
            s.exposed.push_back(telemetry::evidence(f, c.node, "express-prom-bundle serves /metrics"));
            s.latency.push_back(telemetry::evidence(f, c.node, "express-prom-bundle http_request_duration_seconds by status"));
            auto pc = option(f, a0, "promClient");
            if (pc.has == Has::yes && option(f, pc.value, "collectDefaultMetrics").has == Has::yes)
                s.saturation.push_back(telemetry::evidence(f, c.node, "default process metrics via promClient.collectDefaultMetrics"));
        } else if (mod == "@willsoto/nestjs-prometheus") {
            lib(s, "@willsoto/nestjs-prometheus");
            if (path == "PrometheusModule.register" || path == "PrometheusModule.registerAsync") {
                s.exposed.push_back(telemetry::evidence(f, c.node, "PrometheusModule serves /metrics"));
                auto dm = option(f, a0, "defaultMetrics");
                bool off = dm.has == Has::yes && option(f, dm.value, "enabled").has == Has::yes &&
                           is_nullish_or_zero(f, option(f, dm.value, "enabled").value);
                if (!off) s.saturation.push_back(telemetry::evidence(f, c.node, "default process metrics (nestjs-prometheus default)"));
            } else if (path == "makeHistogramProvider" || path == "makeSummaryProvider" || path == "makeCounterProvider") {
                auto name = option(f, a0, "name");
                auto labels = option(f, a0, "labelNames");
                std::vector<std::string> ls = labels.has == Has::yes ? string_values(f, labels.value) : std::vector<std::string>{};
                request_metric(s, f, c.node, path == "makeCounterProvider" ? "counter" : "histogram",
                               name.has == Has::yes ? sx::string_value(f, name.value) : "", ls);
            }
        } else if (mod == "@opentelemetry/exporter-prometheus" && is_new(c)) {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OpenTelemetry Prometheus exporter (/metrics on its own port)"));
        } else if (q_from(q, "@opentelemetry/exporter-metrics-otlp-http") || q_from(q, "@opentelemetry/exporter-metrics-otlp-grpc") ||
                   q_from(q, "@opentelemetry/exporter-metrics-otlp-proto")) {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OTLP metric exporter (pushed to a collector)"));
        } else if (mod == "@opentelemetry/auto-instrumentations-node" || mod == "@opentelemetry/instrumentation-http") {
            s.latency.push_back(telemetry::evidence(f, c.node, "OpenTelemetry HTTP instrumentation (http.server.duration)"));
        } else if (mod == "@opentelemetry/host-metrics" || mod == "@opentelemetry/instrumentation-runtime-node") {
            s.saturation.push_back(telemetry::evidence(f, c.node, "OpenTelemetry host/runtime metrics"));
        } else if (mod == "fastify-metrics" || (c.name == "register" && !args.empty() &&
                                                 im.qualify(compact(f, args[0])) == "fastify-metrics:")) {
            lib(s, "fastify-metrics");
            s.exposed.push_back(telemetry::evidence(f, c.node, "fastify-metrics serves /metrics"));
            s.latency.push_back(telemetry::evidence(f, c.node, "fastify-metrics route histograms"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "fastify-metrics default metrics"));
        }
    }
    (void)ctx;
}

void scan_go(const File& f, Signals& s) {
    if (!str::contains(f.text, "prometheus") && !str::contains(f.text, "otel")) return;
    const Imports& im = Imports::of(f);
    const std::string_view k_prom = "github.com/prometheus/client_golang";
    for (const auto& c : sx::calls(f, sx::root(f))) {
        auto q = im.qualify(c.callee);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        if (q_from(q, k_prom)) lib(s, "client_golang");
        if (q_from(q, k_prom) && str::ends_with(mod, "/promhttp") && path == "Handler") {
            s.exposed.push_back(telemetry::evidence(f, c.node, "promhttp.Handler() on the default registry"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: Go runtime and process collectors"));
        } else if (q_from(q, k_prom) && str::ends_with(mod, "/promhttp") && path == "HandlerFor") {
            s.exposed.push_back(telemetry::evidence(f, c.node, "promhttp.HandlerFor a custom registry"));
        } else if (q_from(q, k_prom) && str::ends_with(mod, "/promhttp") && str::starts_with(path, "InstrumentHandler")) {
            if (path == "InstrumentHandlerDuration") s.latency.push_back(telemetry::evidence(f, c.node, "promhttp.InstrumentHandlerDuration"));
            else if (path == "InstrumentHandlerCounter") s.requests.push_back(telemetry::evidence(f, c.node, "promhttp.InstrumentHandlerCounter"));
        } else if (q_from(q, k_prom) && (path == "NewGoCollector" || path == "NewProcessCollector")) {
            s.saturation.push_back(telemetry::evidence(f, c.node, std::string(path)));
        } else if (q_from(q, k_prom) && (str::starts_with(path, "NewHistogram") || str::starts_with(path, "NewSummary") ||
                                         str::starts_with(path, "NewCounter"))) {
            TSNode opts = args.empty() ? TSNode{} : args[0];
            auto name = option(f, opts, "Name");
            std::vector<std::string> labels = args.size() > 1 ? string_values(f, args[1]) : std::vector<std::string>{};
            std::string kind = str::starts_with(path, "NewCounter") ? "counter" : (str::starts_with(path, "NewSummary") ? "summary" : "histogram");
            request_metric(s, f, c.node, kind, name.has == Has::yes ? sx::string_value(f, name.value) : "", labels);
        } else if (q_from(q, "github.com/zsais/go-gin-prometheus") && path == "NewPrometheus") {
            lib(s, "go-gin-prometheus");
            s.exposed.push_back(telemetry::evidence(f, c.node, "go-gin-prometheus serves /metrics"));
            s.latency.push_back(telemetry::evidence(f, c.node, "go-gin-prometheus request duration by status"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: Go runtime and process collectors"));
        } else if (q_from(q, "github.com/labstack/echo-contrib") &&
                   (path == "NewPrometheus" || path == "NewMiddleware" || path == "NewHandler")) {
            lib(s, "echo-contrib prometheus");
            if (path != "NewMiddleware") s.exposed.push_back(telemetry::evidence(f, c.node, "echo prometheus handler"));
            if (path != "NewHandler") s.latency.push_back(telemetry::evidence(f, c.node, "echo prometheus request duration by status"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: Go runtime and process collectors"));
        } else if (mod == "go.opentelemetry.io/otel/exporters/prometheus" && path == "New") {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OpenTelemetry Prometheus exporter"));
        } else if (q_from(q, "go.opentelemetry.io/otel/exporters/otlp/otlpmetric")) {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OTLP metric exporter"));
        } else if (q_from(q, "go.opentelemetry.io/contrib/instrumentation") &&
                   (path == "NewHandler" || path == "Middleware" || path == "NewMiddleware")) {
            s.latency.push_back(telemetry::evidence(f, c.node, "OpenTelemetry HTTP instrumentation (http.server.duration)"));
        } else if (q_from(q, "go.opentelemetry.io/contrib/instrumentation/runtime") && path == "Start") {
            s.saturation.push_back(telemetry::evidence(f, c.node, "OpenTelemetry Go runtime metrics"));
        }
    }
}

void scan_py(const File& f, Signals& s) {
    if (!str::contains(f.text, "prometheus") && !str::contains(f.text, "opentelemetry")) return;
    const Imports& im = Imports::of(f);
    TSNode root = sx::root(f);
    bool custom_registry = false;
    for (const auto& c : sx::calls(f, root)) {
        auto q = im.qualify(c.callee);
        auto mod = q_module(q);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        if (mod == "prometheus_client" || q_from(q, "prometheus_client")) {
            lib(s, "prometheus_client");
            if (path == "CollectorRegistry") custom_registry = true;
            if (path == "start_http_server" || path == "make_asgi_app" || path == "make_wsgi_app" || path == "generate_latest" ||
                path == "start_wsgi_server")
                s.exposed.push_back(telemetry::evidence(f, c.node, fmt::format("prometheus_client {}", path)));
            else if (path == "Histogram" || path == "Summary" || path == "Counter") {
                std::string name = args.empty() ? "" : sx::string_value(f, args[0]);
                auto ln = option(f, c.arguments, "labelnames");
                std::vector<std::string> labels = ln.has == Has::yes ? string_values(f, ln.value)
                                                  : (args.size() > 2 && !is(args[2], "keyword_argument") ? string_values(f, args[2]) : std::vector<std::string>{});
                std::string kind = path == "Counter" ? "counter" : (path == "Summary" ? "summary" : "histogram");
                request_metric(s, f, c.node, kind, name, labels);
            } else if (path == "ProcessCollector" || path == "PlatformCollector") {
                s.saturation.push_back(telemetry::evidence(f, c.node, std::string(path)));
            }
        } else if (mod == "prometheus_fastapi_instrumentator" || q_from(q, "prometheus_fastapi_instrumentator")) {
            lib(s, "prometheus-fastapi-instrumentator");
            s.latency.push_back(telemetry::evidence(f, c.node, "Instrumentator: http_request_duration_seconds by status"));
            if (str::contains(c.callee, ".expose")) s.exposed.push_back(telemetry::evidence(f, c.node, "Instrumentator().expose serves /metrics"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: process collector"));
        } else if (c.name == "expose" && im.has("prometheus_fastapi_instrumentator")) {
            s.exposed.push_back(telemetry::evidence(f, c.node, "Instrumentator.expose serves /metrics"));
        } else if (q_from(q, "prometheus_flask_exporter") && str::ends_with(path, "PrometheusMetrics")) {
            lib(s, "prometheus-flask-exporter");
            s.exposed.push_back(telemetry::evidence(f, c.node, "PrometheusMetrics serves /metrics"));
            s.latency.push_back(telemetry::evidence(f, c.node, "flask_http_request_duration_seconds by status"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: process collector"));
        } else if (q_from(q, "starlette_exporter")) {
            lib(s, "starlette-exporter");
            if (path == "handle_metrics") s.exposed.push_back(telemetry::evidence(f, c.node, "starlette_exporter handle_metrics"));
        } else if (c.name == "add_middleware" && !args.empty() && im.qualify(compact(f, args[0])) == "starlette_exporter:PrometheusMiddleware") {
            s.latency.push_back(telemetry::evidence(f, c.node, "starlette_exporter PrometheusMiddleware (request duration by status)"));
            s.saturation.push_back(telemetry::evidence(f, c.node, "default registry: process collector"));
        } else if (q_from(q, "opentelemetry.exporter.prometheus") && path == "PrometheusMetricReader") {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OpenTelemetry PrometheusMetricReader"));
        } else if (q_from(q, "opentelemetry.exporter.otlp") && path == "OTLPMetricExporter") {
            lib(s, "OpenTelemetry");
            s.exposed.push_back(telemetry::evidence(f, c.node, "OTLP metric exporter"));
        } else if (q_from(q, "opentelemetry.instrumentation") &&
                   (str::contains(path, "FastAPIInstrumentor") || str::contains(path, "FlaskInstrumentor") ||
                    str::contains(path, "DjangoInstrumentor"))) {
            s.latency.push_back(telemetry::evidence(f, c.node, "OpenTelemetry HTTP instrumentation (http.server.duration)"));
        } else if (c.name == "include" && !args.empty() && sx::string_value(f, args[0]) == "django_prometheus.urls") {
            lib(s, "django-prometheus");
            s.exposed.push_back(telemetry::evidence(f, c.node, "django_prometheus.urls serves /metrics"));
        }
    }
    // django-prometheus middleware in settings.MIDDLEWARE.
    if (str::contains(f.text, "django_prometheus.middleware")) {
        sx::walk(root, [&](TSNode n) {
            if (!sx::is_string_literal(n)) return true;
            auto v = sx::string_value(f, n);
            if (v == "django_prometheus.middleware.PrometheusAfterMiddleware") {
                lib(s, "django-prometheus");
                s.latency.push_back(telemetry::evidence(f, n, "django-prometheus middleware (latency by view and status)"));
                s.saturation.push_back(telemetry::evidence(f, n, "default registry: process collector"));
            }
            return false;
        });
    }
    if (!custom_registry && std::find(s.libs.begin(), s.libs.end(), "prometheus_client") != s.libs.end() && s.saturation.empty() &&
        !s.exposed.empty())
        s.saturation.push_back(s.exposed.back());
}

}  // namespace

Outcome probe_obs_metrics_endpoint(const ProbeContext& ctx) {
    const auto& svc = ctx.svc();
    if (!serves_http(ctx) && svc.frameworks.empty())
        return na("No HTTP server in this service: request metrics do not apply.");
    Signals s;
    for (const auto* f : code_files(ctx)) {
        if (is_js(*f)) scan_js(ctx, *f, s);
        else if (is_go(*f)) scan_go(*f, s);
        else if (is_py(*f)) scan_py(*f, s);
    }
    for (const auto* r : routes(ctx)) {
        auto p = str::lower(r->path);
        while (!p.empty() && p.back() == '/') p.pop_back();
        if (str::ends_with(p, "/metrics") || p == "metrics")
            s.exposed.push_back(route_evidence(ctx, *r, fmt::format("{} {} route", r->method, r->path)));
    }
    auto others = other_hits(ctx, "obs.telemetry-metrics", "metrics code outside the service's own code");
    auto finish = [&](Outcome o) {
        o.other_evidence = std::move(others);
        return o;
    };
    const bool has_request = !s.latency.empty() || !s.requests.empty();
    if (s.exposed.empty() && !has_request) {
        std::string msg = "No metrics: no /metrics endpoint or exporter and no request counter or latency histogram";
        if (!s.libs.empty()) msg += fmt::format(" ({} is present but never exposes request metrics)", str::join(s.libs, ", "));
        msg += ". Request rate, error rate and latency cannot be graphed or alerted on.";
        return finish(fail(msg, {anchor(ctx, "no metrics library or /metrics route in this service")}));
    }
    std::vector<Evidence> ev = s.exposed;
    ev.insert(ev.end(), s.latency.begin(), s.latency.end());
    ev.insert(ev.end(), s.requests.begin(), s.requests.end());
    dedupe(ev);
    if (ev.size() > 8) ev.resize(8);
    if (s.exposed.empty())
        return finish(fail("Request metrics are recorded but never exposed: no /metrics endpoint or exporter was found.", ev));
    if (s.latency.empty()) {
        std::string missing = s.requests.empty() ? "request rate, error rate (no counter labelled by status) and latency (no histogram)"
                                                 : "latency (no request duration histogram)";
        return finish(fail(fmt::format("Metrics are exposed but the golden signals are incomplete: missing {}.", missing), ev));
    }
    std::string msg = fmt::format("Metrics are exposed with request latency{}", s.libs.empty() ? "" : fmt::format(" ({})", str::join(s.libs, ", ")));
    if (s.saturation.empty()) msg += "; no saturation signal was found (add default process/runtime metrics)";
    else {
        ev.push_back(s.saturation.front());
        dedupe(ev);
    }
    if (s.status_label_missing) msg += "; a request metric has no status label, so error rate is not derivable from it";
    msg += ".";
    return finish(pass(msg, ev));
}

}  // namespace gonogo::checks
