// Probe obs.tracing_sdk: is a tracing SDK started (OpenTelemetry NodeSDK /
// registerOTel / TracerProvider, Go SetTracerProvider, Python TracerProvider or
// opentelemetry-instrument, dd-trace, Elastic APM, New Relic, Sentry with a
// traces sample rate > 0, or operator auto-instrumentation annotations)? A
// service with a database or outbound calls and no tracer fails; an API
// package imported without an SDK fails.
#include <array>

#include <fmt/format.h>

#include "checks/observability/telemetry_probes.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "checks/reliability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

struct Found {
    std::vector<Evidence> sdk;          // a tracer that records and exports spans
    std::vector<Evidence> api_only;     // API imports without any SDK
    std::vector<Evidence> sentry_off;   // Sentry initialised for errors only
    std::vector<Evidence> sentry_rate;  // Sentry sample rate from configuration we cannot read
    std::vector<std::string> names;
    bool instrumented = true;           // false when an SDK starts with no instrumentation at all
};

void named(Found& fd, std::string n) {
    if (std::find(fd.names.begin(), fd.names.end(), n) == fd.names.end()) fd.names.push_back(std::move(n));
}

// Sentry's tracing options: tracesSampleRate / traces_sample_rate / TracesSampleRate > 0, tracesSampler, enableTracing.
void sentry_tracing(const File& f, TSNode opts, const char* rate_key, const char* sampler_key, const char* enable_key,
                    TSNode at, Found& fd) {
    auto rate = option(f, opts, rate_key);
    auto sampler = option(f, opts, sampler_key);
    auto enable = option(f, opts, enable_key);
    if (sampler.has == Has::yes || (enable.has == Has::yes && sx::text(f, unwrap(enable.value)) != "false" &&
                                     sx::text(f, unwrap(enable.value)) != "False")) {
        fd.sdk.push_back(telemetry::evidence(f, at, "Sentry performance tracing (traces sampler / tracing enabled)"));
        named(fd, "Sentry tracing");
        return;
    }
    if (rate.has == Has::yes) {
        auto v = number(f, rate.value);
        if (v && *v > 0) {
            fd.sdk.push_back(telemetry::evidence(f, at, fmt::format("Sentry performance tracing ({} {})", rate_key, *v)));
            named(fd, "Sentry tracing");
        } else if (v) {
            fd.sentry_off.push_back(telemetry::evidence(f, at, fmt::format("Sentry with {} 0: errors only", rate_key)));
        } else {
            fd.sentry_rate.push_back(telemetry::evidence(f, at, fmt::format("Sentry {} from configuration", rate_key)));
        }
        return;
    }
    fd.sentry_off.push_back(telemetry::evidence(f, at, fmt::format("Sentry.init without {}: errors only, no tracing", rate_key)));
}

void scan_js(const File& f, Found& fd) {
    static constexpr std::array<std::string_view, 8> k_markers{"opentelemetry", "@vercel/otel", "dd-trace", "elastic-apm",
                                                               "newrelic", "@sentry/", "TracerProvider", "NodeSDK"};
    bool any = false;
    for (auto m : k_markers) any = any || str::contains(f.text, m);
    if (!any) return;
    const Imports& im = Imports::of(f);
    bool api = false;
    auto all = invocations(f, sx::root(f));
    // The name a constructed object is bound to ("" when chained or anonymous).
    auto bound_name = [&](TSNode n) -> std::string {
        TSNode p = ts_node_parent(n);
        if (is(p, "variable_declarator")) return std::string(sx::text(f, field(p, "name")));
        if (is(p, "assignment_expression")) return compact(f, field(p, "left"));
        return {};
    };
    // True when `name.method()` is called, or the construction itself is chained with .method().
    auto called = [&](TSNode n, const std::string& name, std::string_view method) {
        TSNode p = ts_node_parent(n);
        if (is(p, "member_expression") && sx::text(f, field(p, "property")) == method) return true;
        if (name.empty()) return false;
        for (const auto& c : all)
            if (c.callee == name + "." + std::string(method)) return true;
        return false;
    };
    for (const auto& c : all) {
        auto q = im.qualify(c);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        if (q == "@opentelemetry/sdk-node:NodeSDK" && is_new(c)) {
            auto inst = option(f, args.empty() ? TSNode{} : args[0], "instrumentations");
            if (inst.has == Has::no) fd.instrumented = false;
            if (called(c.node, bound_name(c.node), "start")) {
                fd.sdk.push_back(telemetry::evidence(f, c.node, "OpenTelemetry NodeSDK created and started"));
                named(fd, "OpenTelemetry");
            } else {
                fd.api_only.push_back(telemetry::evidence(f, c.node, "NodeSDK created but never started"));
            }
        } else if (q == "@vercel/otel:registerOTel") {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "@vercel/otel registerOTel (OpenTelemetry for Next.js)"));
            named(fd, "OpenTelemetry");
        } else if (is_new(c) && (q_from(q, "@opentelemetry/sdk-trace-node") || q_from(q, "@opentelemetry/sdk-trace-base")) &&
                   str::ends_with(path, "TracerProvider")) {
            auto name = bound_name(c.node);
            bool global = false;
            for (const auto& d : all)
                if (im.qualify(d) == "@opentelemetry/api:trace.setGlobalTracerProvider") global = true;
            if (called(c.node, name, "register") || global) {
                fd.sdk.push_back(telemetry::evidence(f, c.node, "OpenTelemetry tracer provider registered"));
                named(fd, "OpenTelemetry");
            } else {
                fd.api_only.push_back(telemetry::evidence(f, c.node, "tracer provider created but never registered"));
            }
        } else if (q_module(q) == "dd-trace" && path == "init") {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "dd-trace init (Datadog APM tracing)"));
            named(fd, "Datadog APM");
        } else if (q_module(q) == "elastic-apm-node" && path == "start") {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "Elastic APM agent started"));
            named(fd, "Elastic APM");
        } else if (q_from(q, "@sentry/") && path == "init") {
            sentry_tracing(f, args.empty() ? TSNode{} : args[0], "tracesSampleRate", "tracesSampler", "enableTracing", c.node, fd);
        }
        if (q_from(q, "@opentelemetry/api")) api = true;
    }
    const bool has_sdk_here = str::contains(f.text, "@opentelemetry/sdk-") || str::contains(f.text, "@vercel/otel");
    for (const auto& m : sx::imports(f)) {
        if (m == "@opentelemetry/auto-instrumentations-node/register" || m == "newrelic" || m == "dd-trace/init" ||
            m == "elastic-apm-node/start") {
            auto line = line_of(f, m);
            fd.sdk.push_back(f.evidence_line(line ? line : 1, m + " loaded on import"));
            named(fd, m == "newrelic" ? "New Relic" : (m == "dd-trace/init" ? "Datadog APM" : "OpenTelemetry"));
        }
        if (m == "@opentelemetry/api") api = true;
    }
    if (api && !has_sdk_here) {
        auto line = line_of(f, "@opentelemetry/api");
        fd.api_only.push_back(f.evidence_line(line ? line : 1, "@opentelemetry/api used: spans are no-ops without an SDK"));
    }
}

void scan_go(const File& f, Found& fd) {
    if (!str::contains(f.text, "opentelemetry") && !str::contains(f.text, "dd-trace-go") && !str::contains(f.text, "sentry-go"))
        return;
    const Imports& im = Imports::of(f);
    bool api = false;
    for (const auto& c : sx::calls(f, sx::root(f))) {
        auto q = im.qualify(c.callee);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        if ((q == "go.opentelemetry.io/otel:SetTracerProvider") ||
            (q_module(q) == "go.opentelemetry.io/otel/sdk/trace" && path == "NewTracerProvider")) {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "OpenTelemetry tracer provider (" + std::string(path) + ")"));
            named(fd, "OpenTelemetry");
        } else if ((q_from(q, "gopkg.in/DataDog/dd-trace-go.v1") || q_from(q, "github.com/DataDog/dd-trace-go")) &&
                   str::ends_with(q_module(q), "/tracer") && path == "Start") {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "dd-trace-go tracer.Start"));
            named(fd, "Datadog APM");
        } else if (q_from(q, "github.com/getsentry/sentry-go") && path == "Init") {
            sentry_tracing(f, args.empty() ? TSNode{} : args[0], "TracesSampleRate", "TracesSampler", "EnableTracing", c.node, fd);
        }
        if (q_from(q, "go.opentelemetry.io/otel") && !q_from(q, "go.opentelemetry.io/otel/sdk")) api = true;
    }
    if (api && fd.sdk.empty() && !im.has("go.opentelemetry.io/otel/sdk")) {
        auto line = line_of(f, "go.opentelemetry.io/otel");
        fd.api_only.push_back(f.evidence_line(line ? line : 1, "otel API used without the SDK: spans are no-ops"));
    }
}

void scan_py(const File& f, Found& fd) {
    if (!str::contains(f.text, "opentelemetry") && !str::contains(f.text, "ddtrace") && !str::contains(f.text, "sentry_sdk") &&
        !str::contains(f.text, "elasticapm") && !str::contains(f.text, "configure_azure_monitor"))
        return;
    const Imports& im = Imports::of(f);
    bool provider = false, registered = false, api = false;
    TSNode provider_node{};
    for (const auto& c : sx::calls(f, sx::root(f))) {
        auto q = im.qualify(c.callee);
        auto path = q_path(q);
        if (q == "opentelemetry.sdk.trace:TracerProvider") {
            provider = true;
            provider_node = c.node;
        } else if (q_from(q, "opentelemetry") && str::ends_with(path, "set_tracer_provider")) {
            registered = true;
        } else if (q_from(q, "azure.monitor.opentelemetry") && path == "configure_azure_monitor") {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "Azure Monitor OpenTelemetry distro"));
            named(fd, "OpenTelemetry");
        } else if (q_from(q, "ddtrace") && (path == "patch_all" || path == "patch")) {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "ddtrace patch_all (Datadog APM tracing)"));
            named(fd, "Datadog APM");
        } else if (q_from(q, "elasticapm") && (path == "Client" || path == "ElasticAPM" || path == "make_apm_client")) {
            fd.sdk.push_back(telemetry::evidence(f, c.node, "Elastic APM client"));
            named(fd, "Elastic APM");
        } else if (q == "sentry_sdk:init") {
            sentry_tracing(f, c.arguments, "traces_sample_rate", "traces_sampler", "enable_tracing", c.node, fd);
        }
        if (q_from(q, "opentelemetry") && !q_from(q, "opentelemetry.sdk")) api = true;
    }
    if (provider && registered) {
        fd.sdk.push_back(telemetry::evidence(f, provider_node, "OpenTelemetry TracerProvider set"));
        named(fd, "OpenTelemetry");
    }
    for (const auto& m : sx::imports(f))
        if (m == "ddtrace.auto") {
            auto line = line_of(f, m);
            fd.sdk.push_back(f.evidence_line(line ? line : 1, "ddtrace.auto loaded on import"));
            named(fd, "Datadog APM");
        }
    if (api && !provider && fd.sdk.empty()) {
        auto line = line_of(f, "opentelemetry");
        fd.api_only.push_back(f.evidence_line(line ? line : 1, "opentelemetry API used without the SDK: spans are no-ops"));
    }
}

}  // namespace

Outcome probe_obs_tracing_sdk(const ProbeContext& ctx) {
    if (!has_code(ctx)) return na("No application code: there is nothing to trace.");
    Found fd;
    for (const auto* f : code_files(ctx)) {
        if (is_js(*f)) scan_js(*f, fd);
        else if (is_go(*f)) scan_go(*f, fd);
        else if (is_py(*f)) scan_py(*f, fd);
    }
    for (const auto& l : launch_lines(ctx)) {
        std::string what;
        if (str::contains(l.text, "opentelemetry-instrument")) what = "opentelemetry-instrument in the launch command";
        else if (str::contains(l.text, "@opentelemetry/auto-instrumentations-node/register")) what = "OpenTelemetry auto-instrumentation preloaded";
        else if (str::contains(l.text, "ddtrace-run") || str::contains(l.text, "dd-trace/init")) what = "Datadog tracer in the launch command";
        else if (str::contains(l.text, "newrelic-admin") || str::contains(l.text, "-r newrelic") || str::contains(l.text, "--require newrelic"))
            what = "New Relic agent in the launch command";
        else if (str::contains(l.text, "instrumentation.opentelemetry.io/inject-") && !str::contains(l.text, ": false") &&
                 !str::contains(l.text, ": \"false\""))
            what = "OpenTelemetry operator auto-instrumentation annotation";
        if (what.empty()) continue;
        fd.sdk.push_back(l.file->evidence_line(l.line, what));
        named(fd, str::contains(what, "Datadog") ? "Datadog APM" : (str::contains(what, "New Relic") ? "New Relic" : "OpenTelemetry"));
    }
    auto others = other_hits(ctx, "obs.telemetry-tracing-init", "tracer started outside the service's own code");
    auto finish = [&](Outcome o) {
        o.other_evidence = std::move(others);
        return o;
    };

    if (!fd.sdk.empty()) {
        std::string msg = fmt::format("Traces are recorded with {}.", str::join(fd.names, ", "));
        const bool sentry_only = fd.names.size() == 1 && fd.names.front() == "Sentry tracing";
        if (sentry_only)
            msg += " Sentry keeps traces inside Sentry; OpenTelemetry would give vendor-neutral propagation across services.";
        if (!fd.instrumented) msg += " The NodeSDK lists no instrumentations, so only manual spans are recorded.";
        dedupe(fd.sdk);
        return finish(pass(msg, fd.sdk));
    }
    if (!fd.api_only.empty())
        return finish(fail("The tracing API is used but no SDK is started: every span is a no-op and nothing is exported. "
                           "Start the OpenTelemetry SDK before the app loads.",
                           fd.api_only));
    if (!fd.sentry_rate.empty())
        return finish(unknown("Sentry is initialised with a traces sample rate read from configuration: whether tracing is on "
                              "depends on a value outside the code.",
                              fd.sentry_rate));

    const auto& svc = ctx.svc();
    std::vector<std::string> downstream;
    if (!svc.datastores.empty()) downstream.push_back("a database");
    auto calls = outbound_calls(ctx);
    if (!calls.empty())
        downstream.push_back(fmt::format("{} outbound client{} or call{}", calls.size(), calls.size() == 1 ? "" : "s",
                                         calls.size() == 1 ? "" : "s"));
    if (downstream.empty()) {
        if (!fd.sentry_off.empty() || serves_http(ctx))
            return finish(na("No database or outbound calls were found: a request never leaves this service, so there is "
                             "nothing to trace across."));
        return finish(na("No database, outbound calls or HTTP routes: nothing to trace."));
    }
    std::vector<Evidence> ev = fd.sentry_off;
    if (ev.empty()) ev.push_back(anchor(ctx, "no tracing SDK in this service"));
    for (const auto& c : calls) {
        if (ev.size() >= 6) break;
        ev.push_back(telemetry::evidence(*c.file, c.node, "outbound call that a trace would follow"));
    }
    std::string msg = fmt::format("No distributed tracing: the service talks to {} but starts no tracing SDK", str::join(downstream, " and "));
    if (!fd.sentry_off.empty()) msg += " (Sentry is initialised for errors only, without tracesSampleRate)";
    msg += ". Start OpenTelemetry (or an APM agent) before the app loads.";
    return finish(fail(msg, ev));
}

}  // namespace gonogo::checks
