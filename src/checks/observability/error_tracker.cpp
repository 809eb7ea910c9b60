// Probe obs.error_tracker: is an error tracker (Sentry, Bugsnag, Rollbar,
// Honeybadger, Datadog, Elastic APM, Airbrake, New Relic) initialised by the
// service's own code or launch command, and for Next.js apps with pages, in the
// browser bundle as well as on the server?
#include <array>

#include <fmt/format.h>

#include "checks/observability/telemetry_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

struct Init {
    const File* file = nullptr;
    Evidence evidence;
    std::string tracker;
    enum Where { server, client } where = server;
};

// How the Sentry/Bugsnag/Rollbar key reaches the SDK, for the evidence note; masks a literal in the snippet.
std::string dsn_note(const File& f, const Option& o, Evidence& e) {
    if (o.has == Has::no) return "no DSN option: the SDK reads SENTRY_DSN from the environment";
    if (o.has == Has::unknown) return "DSN from options we cannot read";
    TSNode v = unwrap(o.value);
    if (sx::is_string_literal(v)) {
        auto secret = sx::string_value(f, v);
        if (!secret.empty()) {
            // The snippet may be clipped: mask from where the literal starts to its end or the snippet's.
            auto pos = e.snippet.find(secret.substr(0, std::min<std::size_t>(secret.size(), 12)));
            if (pos != std::string::npos) {
                auto len = std::min(secret.size(), e.snippet.size() - pos);
                e.snippet.replace(pos, len, str::mask(secret));
            }
        }
        return "DSN hardcoded in source (a secret in code: see SEC-01)";
    }
    if (reads_env(f, v)) return "DSN from the environment";
    return "DSN from configuration";
}

Init::Where where_of(const File& f) {
    auto slash = f.path.rfind('/');
    std::string_view name = slash == std::string::npos ? std::string_view(f.path) : std::string_view(f.path).substr(slash + 1);
    if (str::starts_with(name, "sentry.client.config") || str::starts_with(name, "instrumentation-client") ||
        is_client_component(f))
        return Init::client;
    return Init::server;
}

void scan_file(const File& f, std::vector<Init>& out) {
    static constexpr std::array<std::string_view, 12> k_markers{
        "entry", "ugsnag", "ollbar", "oneybadger", "dd-trace", "ddtrace", "DataDog", "elastic", "irbrake",
        "newrelic", "apm", "sentry"};
    bool any = false;
    for (auto m : k_markers) any = any || str::contains(f.text, m);
    if (!any) return;
    const Imports& im = Imports::of(f);
    auto add = [&](TSNode n, std::string tracker, std::string note) {
        Init i{&f, telemetry::evidence(f, n), std::move(tracker), where_of(f)};
        i.evidence.note = std::move(note);
        out.push_back(std::move(i));
    };
    for (const auto& c : invocations(f, sx::root(f))) {
        auto q = im.qualify(c);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        if (is_js(f)) {
            if (q_from(q, "@sentry/") && path == "init") {
                Init i{&f, telemetry::evidence(f, c.node), "Sentry", where_of(f)};
                i.evidence.note = "Sentry.init: " + dsn_note(f, option(f, args.empty() ? TSNode{} : args[0], "dsn"), i.evidence);
                out.push_back(std::move(i));
            } else if (q_from(q, "@bugsnag/") && (path == "start" || path == "init" || path == "default.start")) {
                add(c.node, "Bugsnag", "Bugsnag.start");
            } else if (mod == "rollbar" && ((is_new(c) && (path.empty() || path == "Rollbar")) || path == "init")) {
                add(c.node, "Rollbar", "Rollbar client");
            } else if (q_from(q, "@honeybadger-io/") && path == "configure") {
                add(c.node, "Honeybadger", "Honeybadger.configure");
            } else if (mod == "dd-trace" && path == "init") {
                add(c.node, "Datadog", "dd-trace init (APM error tracking)");
            } else if (mod == "elastic-apm-node" && path == "start") {
                add(c.node, "Elastic APM", "elastic-apm-node start");
            } else if (q_from(q, "@airbrake/") && is_new(c) && path == "Notifier") {
                add(c.node, "Airbrake", "Airbrake Notifier");
            }
        } else if (is_py(f)) {
            if (q == "sentry_sdk:init") {
                Init i{&f, telemetry::evidence(f, c.node), "Sentry", Init::server};
                i.evidence.note = "sentry_sdk.init: " + dsn_note(f, option(f, c.arguments, "dsn"), i.evidence);
                if (option(f, c.arguments, "dsn").has == Has::no && !args.empty() && sx::is_string_literal(args[0]))
                    i.evidence.note = "sentry_sdk.init: " + dsn_note(f, Option{Has::yes, args[0]}, i.evidence);
                out.push_back(std::move(i));
            } else if (mod == "bugsnag" && path == "configure") {
                add(c.node, "Bugsnag", "bugsnag.configure");
            } else if (mod == "rollbar" && path == "init") {
                add(c.node, "Rollbar", "rollbar.init");
            } else if (q_from(q, "honeybadger") && str::ends_with(path, "configure")) {
                add(c.node, "Honeybadger", "honeybadger.configure");
            } else if (q_from(q, "elasticapm") && (path == "Client" || path == "ElasticAPM" || path == "make_apm_client")) {
                add(c.node, "Elastic APM", "Elastic APM client");
            } else if (q_from(q, "ddtrace") && (path == "patch_all" || path == "patch")) {
                add(c.node, "Datadog", "ddtrace patch_all (APM error tracking)");
            }
        } else if (is_go(f)) {
            if (q_from(q, "github.com/getsentry/sentry-go") && path == "Init") {
                Init i{&f, telemetry::evidence(f, c.node), "Sentry", Init::server};
                i.evidence.note = "sentry.Init: " + dsn_note(f, option(f, args.empty() ? TSNode{} : args[0], "Dsn"), i.evidence);
                out.push_back(std::move(i));
            } else if (q_from(q, "github.com/bugsnag/bugsnag-go") && path == "Configure") {
                add(c.node, "Bugsnag", "bugsnag.Configure");
            } else if (q_from(q, "github.com/rollbar/rollbar-go") && path == "SetToken") {
                add(c.node, "Rollbar", "rollbar.SetToken");
            } else if (q_from(q, "github.com/honeybadger-io/honeybadger-go") && path == "Configure") {
                add(c.node, "Honeybadger", "honeybadger.Configure");
            } else if ((q_from(q, "gopkg.in/DataDog/dd-trace-go.v1") || q_from(q, "github.com/DataDog/dd-trace-go")) &&
                       path == "Start" && str::ends_with(mod, "/tracer")) {
                add(c.node, "Datadog", "dd-trace-go tracer.Start (APM error tracking)");
            }
        }
    }
    // Agents that start on import.
    if (str::contains(f.text, "newrelic") || str::contains(f.text, "dd-trace/init") || str::contains(f.text, "ddtrace.auto") ||
        str::contains(f.text, "elastic-apm-node/start")) {
        for (const auto& m : sx::imports(f)) {
            std::string tracker;
            if (m == "newrelic") tracker = "New Relic";
            else if (m == "dd-trace/init" || m == "ddtrace.auto") tracker = "Datadog";
            else if (m == "elastic-apm-node/start") tracker = "Elastic APM";
            if (tracker.empty()) continue;
            auto line = line_of(f, m);
            out.push_back({&f, f.evidence_line(line ? line : 1, tracker + " agent loaded on import"), tracker, Init::server});
        }
    }
}

// Next.js pages or app-router pages: the app has a browser bundle.
bool has_browser_pages(const ProbeContext& ctx) {
    for (const auto* f : code_files(ctx)) {
        const auto& p = f->path;
        auto slash = p.rfind('/');
        std::string_view name = slash == std::string::npos ? std::string_view(p) : std::string_view(p).substr(slash + 1);
        if ((str::starts_with(name, "page.") || str::starts_with(name, "layout.")) && str::contains(p, "app/")) return true;
        if (str::contains(p, "pages/") && !str::contains(p, "pages/api/") && (str::ends_with(p, ".tsx") || str::ends_with(p, ".jsx")))
            return true;
    }
    return false;
}

}  // namespace

Outcome probe_obs_error_tracker(const ProbeContext& ctx) {
    if (!has_code(ctx)) return na("No application code: there is nothing to report errors from.");
    std::vector<Init> inits;
    for (const auto* f : code_files(ctx)) scan_file(*f, inits);
    for (const auto& l : launch_lines(ctx)) {
        std::string tracker;
        if (str::contains(l.text, "ddtrace-run") || str::contains(l.text, "dd-trace/init")) tracker = "Datadog";
        else if (str::contains(l.text, "newrelic-admin") || str::contains(l.text, "-r newrelic") ||
                 str::contains(l.text, "--require newrelic"))
            tracker = "New Relic";
        else if (str::contains(l.text, "elastic-apm-node/start")) tracker = "Elastic APM";
        if (tracker.empty()) continue;
        inits.push_back({l.file, l.file->evidence_line(l.line, tracker + " agent in the launch command"), tracker, Init::server});
    }
    auto others = other_hits(ctx, "obs.telemetry-error-init", "error tracker initialised outside the service's own code");

    if (inits.empty()) {
        static constexpr std::array<std::string_view, 12> k_sdks{
            "@sentry/node", "@sentry/nextjs", "@sentry/react", "@sentry/nestjs", "sentry-sdk", "github.com/getsentry/sentry-go",
            "@bugsnag/js", "@bugsnag/node", "rollbar", "bugsnag", "@honeybadger-io/js", "honeybadger"};
        for (auto name : k_sdks) {
            if (!depends_on_any(ctx, {name})) continue;
            auto ev = dependency_evidence(ctx, name);
            Outcome o = fail(fmt::format("{} is a dependency but is never initialised (no init call in the service's code), "
                                         "so no error is reported.",
                                         name),
                             ev ? std::vector<Evidence>{*ev} : std::vector<Evidence>{anchor(ctx, "dependency declared here")});
            o.other_evidence = std::move(others);
            return o;
        }
        if (opsdocs::nothing_runs(ctx))
            return na("No long-running process (no HTTP server, worker or deployment definition): nothing runs to report "
                      "errors from.");
        Outcome o = fail("No error tracker is initialised (no Sentry, Bugsnag, Rollbar, Honeybadger, Datadog or Elastic APM): "
                         "exceptions are only visible in logs, if at all.",
                         {anchor(ctx, "no error-tracking SDK in this service")});
        o.other_evidence = std::move(others);
        return o;
    }

    std::vector<Evidence> ev;
    std::vector<std::string> names;
    bool server = false, client = false;
    for (const auto& i : inits) {
        if (ev.size() < 8) ev.push_back(i.evidence);
        if (std::find(names.begin(), names.end(), i.tracker) == names.end()) names.push_back(i.tracker);
        (i.where == Init::client ? client : server) = true;
    }
    const bool next = ctx.svc().frameworks.count("nextjs") > 0;
    if (next && !server) {
        Outcome o = fail(fmt::format("{} is initialised only in the browser bundle: server-side errors (route handlers, server "
                                     "components) are not reported. Add sentry.server.config / instrumentation.ts.",
                                     str::join(names, ", ")),
                         ev);
        o.other_evidence = std::move(others);
        return o;
    }
    if (next && !client && has_browser_pages(ctx)) {
        Outcome o = fail(fmt::format("{} is initialised on the server but not in the browser bundle: client-side errors of the "
                                     "Next.js pages are not reported. Add sentry.client.config / instrumentation-client.",
                                     str::join(names, ", ")),
                         ev);
        o.other_evidence = std::move(others);
        return o;
    }
    std::string scope = next ? " (server and browser)" : "";
    std::vector<std::string> where;
    for (const auto& i : inits)
        if (where.size() < 4 && std::find(where.begin(), where.end(), i.evidence.path) == where.end()) where.push_back(i.evidence.path);
    Outcome o = pass(fmt::format("Errors are reported to {}{}: initialised in {}.", str::join(names, ", "), scope, str::join(where, ", ")), ev);
    o.other_evidence = std::move(others);
    return o;
}

}  // namespace gonogo::checks
