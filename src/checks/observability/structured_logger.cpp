// Probe obs.structured_logger: does the service's own server code construct a
// structured logger (pino, winston with its JSON format, bunyan, nestjs-pino,
// Fastify's logger, slog, zap, zerolog, logrus with JSONFormatter, go-kit,
// structlog, python-json-logger, a json.dumps formatter, loguru serialize=True)?
// Text-only loggers (stdlib logging loggers and handlers, Flask's app.logger, logrus
// without JSONFormatter) and bare console.log/print/fmt.Println/log.Printf fail.
#include <array>

#include <fmt/format.h>

#include "checks/observability/telemetry_probes.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

struct Logs {
    std::vector<Evidence> structured;  // structured logger constructions
    std::vector<Evidence> text;        // loggers configured for text output
    std::vector<Evidence> bare;        // console.log / print / fmt.Println / log.Printf
    std::size_t bare_count = 0;
    std::vector<std::string> names;    // structured loggers seen
    bool relied_on_default = false;    // winston/bunyan default JSON format
};

void name(Logs& l, std::string n) {
    if (std::find(l.names.begin(), l.names.end(), n) == l.names.end()) l.names.push_back(std::move(n));
}

void bare(Logs& l, const File& f, TSNode n, std::string note) {
    ++l.bare_count;
    if (l.bare.size() < 5) l.bare.push_back(telemetry::evidence(f, n, std::move(note)));
}

// winston's format option: absent -> its default json(); a chain mentioning json()/logstash()/ecs -> JSON; else text.
enum class Fmt { json_default, json, text, unknown };
Fmt winston_format(const File& f, TSNode opts) {
    auto o = option(f, opts, "format");
    if (o.has == Has::no) return Fmt::json_default;
    if (o.has == Has::unknown) return Fmt::unknown;
    TSNode v = unwrap(o.value);
    if (is(v, "identifier")) {
        TSNode b = bound_value(f, sx::text(f, v));
        if (ts_node_is_null(b)) return Fmt::unknown;
        v = b;
    }
    bool json = false, any = false;
    for (const auto& c : sx::calls(f, v)) {
        any = true;
        if (c.name == "json" || c.name == "logstash" || c.name == "ecsFormat" || c.name == "ecsStringify") json = true;
    }
    if (json) return Fmt::json;
    return any ? Fmt::text : Fmt::unknown;
}

void scan_js(const File& f, Logs& l) {
    const Imports& im = Imports::of(f);
    const bool browser = is_client_component(f);
    for (const auto& c : invocations(f, sx::root(f))) {
        if (!is_new(c) && str::starts_with(c.callee, "console.") &&
            (c.name == "log" || c.name == "info" || c.name == "warn" || c.name == "error" || c.name == "debug")) {
            if (!browser) bare(l, f, c.node, "bare " + c.callee + " call");
            continue;
        }
        auto q = im.qualify(c);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        TSNode a0 = args.empty() ? TSNode{} : args[0];
        if (mod == "pino" && (path.empty() || path == "pino" || path == "default")) {
            l.structured.push_back(telemetry::evidence(f, c.node, "pino logger (JSON lines)"));
            name(l, "pino");
        } else if ((mod == "pino-http" || mod == "express-pino-logger" || mod == "koa-pino-logger" || mod == "hono-pino") &&
                   (path.empty() || path == "pinoHttp" || path == "pinoLogger")) {
            l.structured.push_back(telemetry::evidence(f, c.node, std::string(mod) + " request logger (JSON lines)"));
            name(l, "pino");
        } else if (mod == "nestjs-pino" && str::starts_with(path, "LoggerModule.forRoot")) {
            l.structured.push_back(telemetry::evidence(f, c.node, "nestjs-pino LoggerModule (JSON lines)"));
            name(l, "nestjs-pino");
        } else if ((mod == "winston" && (path == "createLogger" || path == "default.createLogger")) ||
                   (mod == "nest-winston" && (path == "WinstonModule.forRoot" || path == "WinstonModule.createLogger"))) {
            switch (winston_format(f, a0)) {
                case Fmt::json_default:
                    l.structured.push_back(telemetry::evidence(f, c.node, "winston logger with its default json() format"));
                    l.relied_on_default = true;
                    name(l, "winston");
                    break;
                case Fmt::json:
                    l.structured.push_back(telemetry::evidence(f, c.node, "winston logger with a JSON format"));
                    name(l, "winston");
                    break;
                case Fmt::text:
                    l.text.push_back(telemetry::evidence(f, c.node, "winston logger with a text format (printf/simple/cli)"));
                    break;
                case Fmt::unknown:
                    l.text.push_back(telemetry::evidence(f, c.node, "winston logger whose format we cannot read"));
                    break;
            }
        } else if (mod == "bunyan" && path == "createLogger") {
            l.structured.push_back(telemetry::evidence(f, c.node, "bunyan logger (JSON lines)"));
            name(l, "bunyan");
        } else if (mod == "@nestjs/common" && is_new(c) && path == "ConsoleLogger") {
            auto j = option(f, a0, "json");
            if (j.has == Has::yes && !is_nullish_or_zero(f, j.value)) {
                l.structured.push_back(telemetry::evidence(f, c.node, "NestJS ConsoleLogger with json: true"));
                name(l, "NestJS ConsoleLogger (json)");
            }
        } else if (mod == "fastify" && (path.empty() || path == "fastify" || path == "default")) {
            auto lg = option(f, a0, "logger");
            if (lg.has == Has::yes && !is_nullish_or_zero(f, lg.value)) {
                l.structured.push_back(telemetry::evidence(f, c.node, "Fastify's built-in pino logger (JSON lines)"));
                name(l, "pino (Fastify)");
            }
        }
    }
}

void scan_go(const File& f, Logs& l) {
    const Imports& im = Imports::of(f);
    TSNode root = sx::root(f);
    bool logrus_json = false, slog_seen = false, zap_seen = false, zerolog_seen = false;
    TSNode logrus_at{};
    for (const auto& c : sx::calls(f, root)) {
        auto q = im.qualify(c.callee);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        if (mod == "fmt" && (path == "Println" || path == "Printf" || path == "Print")) {
            bare(l, f, c.node, "bare fmt." + std::string(path) + " to stdout");
        } else if (mod == "log" && (str::starts_with(path, "Print") || str::starts_with(path, "Fatal") || str::starts_with(path, "Panic"))) {
            bare(l, f, c.node, "stdlib log." + std::string(path) + " (unstructured text)");
        } else if (mod == "log/slog") {
            if (path == "NewJSONHandler") l.structured.push_back(telemetry::evidence(f, c.node, "slog JSON handler"));
            else if (path == "NewTextHandler") l.structured.push_back(telemetry::evidence(f, c.node, "slog text handler (key=value pairs)"));
            else if (!slog_seen) l.structured.push_back(telemetry::evidence(f, c.node, "log/slog (structured key-value records)"));
            slog_seen = true;
            name(l, "log/slog");
        } else if (mod == "go.uber.org/zap" && (str::starts_with(path, "New") || str::starts_with(path, "Must") ||
                                                 str::starts_with(path, "Replace") || path == "L" || path == "S")) {
            if (!zap_seen) l.structured.push_back(telemetry::evidence(f, c.node, "zap structured logger (" + std::string(path) + ")"));
            zap_seen = true;
            name(l, "zap");
        } else if (mod == "github.com/rs/zerolog" || mod == "github.com/rs/zerolog/log") {
            if (!zerolog_seen) l.structured.push_back(telemetry::evidence(f, c.node, "zerolog (JSON lines)"));
            zerolog_seen = true;
            name(l, "zerolog");
        } else if (q_from(q, "github.com/go-kit/log") || q_from(q, "github.com/go-kit/kit/log")) {
            if (path == "NewJSONLogger" || path == "NewLogfmtLogger") {
                l.structured.push_back(telemetry::evidence(f, c.node, "go-kit " + std::string(path)));
                name(l, "go-kit log");
            }
        } else if (mod == "github.com/sirupsen/logrus") {
            if (ts_node_is_null(logrus_at)) logrus_at = c.node;
        }
    }
    sx::walk(root, [&](TSNode n) {
        if (!is(n, "composite_literal")) return true;
        auto q = im.qualify(compact(f, field(n, "type")));
        if (q == "github.com/sirupsen/logrus:JSONFormatter") {
            logrus_json = true;
            l.structured.push_back(telemetry::evidence(f, n, "logrus with JSONFormatter"));
            name(l, "logrus (JSON)");
        } else if (q == "github.com/hashicorp/go-hclog:LoggerOptions") {
            auto j = option(f, n, "JSONFormat");
            if (j.has == Has::yes && sx::text(f, unwrap(j.value)) == "true") {
                l.structured.push_back(telemetry::evidence(f, n, "hclog with JSONFormat"));
                name(l, "hclog (JSON)");
            }
        }
        return true;
    });
    if (!logrus_json && !ts_node_is_null(logrus_at))
        l.text.push_back(telemetry::evidence(f, logrus_at, "logrus without JSONFormatter (its TextFormatter writes text)"));
}

// Flask's app.logger / current_app.logger is a stdlib logger: app.logger.info(...), app.logger.addHandler(...).
bool flask_logger_call(std::string_view callee) {
    for (std::string_view head : {"app.logger.", "current_app.logger.", "self.app.logger."}) {
        if (!str::starts_with(callee, head)) continue;
        auto m = callee.substr(head.size());
        return m == "debug" || m == "info" || m == "warning" || m == "error" || m == "exception" || m == "critical" ||
               m == "addHandler" || m == "setLevel";
    }
    return false;
}

void scan_py(const File& f, Logs& l) {
    const Imports& im = Imports::of(f);
    TSNode root = sx::root(f);
    for (const auto& c : sx::calls(f, root)) {
        if (c.callee == "print") {
            bare(l, f, c.node, "bare print()");
            continue;
        }
        if (flask_logger_call(c.callee)) {
            if (std::none_of(l.text.begin(), l.text.end(), [&](const Evidence& e) { return e.path == f.path; }))
                l.text.push_back(telemetry::evidence(f, c.node, "Flask app.logger (stdlib logging, text by default)"));
            continue;
        }
        auto q = im.qualify(c.callee);
        if (q.empty()) continue;
        auto mod = q_module(q);
        auto path = q_path(q);
        if (q_from(q, "structlog") && (path == "configure" || path == "get_logger" || path == "wrap_logger")) {
            l.structured.push_back(telemetry::evidence(f, c.node, str::contains(f.text, "JSONRenderer") ? "structlog with JSONRenderer"
                                                                                                 : "structlog (key-value events)"));
            name(l, "structlog");
        } else if (q_from(q, "pythonjsonlogger") && str::ends_with(path, "JsonFormatter")) {
            l.structured.push_back(telemetry::evidence(f, c.node, "python-json-logger JsonFormatter"));
            name(l, "python-json-logger");
        } else if ((mod == "json_log_formatter" && path == "JSONFormatter") || (mod == "ecs_logging" && path == "StdlibFormatter")) {
            l.structured.push_back(telemetry::evidence(f, c.node, std::string(mod) + " formatter (JSON)"));
            name(l, std::string(mod));
        } else if (mod == "loguru" && path == "logger.configure") {
            // logger.configure(handlers=[{"sink": sys.stdout, "serialize": True}])
            auto args = sx::text(f, c.arguments);
            if (str::contains(args, "\"serialize\": True") || str::contains(args, "'serialize': True") ||
                str::contains(args, "serialize=True")) {
                l.structured.push_back(telemetry::evidence(f, c.node, "loguru handlers with serialize=True (JSON)"));
                name(l, "loguru (serialize)");
            } else {
                l.text.push_back(telemetry::evidence(f, c.node, "loguru handlers without serialize=True (text)"));
            }
        } else if (mod == "loguru" && (path == "logger.info" || path == "logger.debug" || path == "logger.warning" ||
                                       path == "logger.error" || path == "logger.exception" || path == "logger.critical" ||
                                       path == "logger.success" || path == "logger.log")) {
            if (std::none_of(l.text.begin(), l.text.end(), [&](const Evidence& e) { return e.path == f.path; }))
                l.text.push_back(telemetry::evidence(f, c.node, "loguru's default sink (text lines on stderr)"));
        } else if (mod == "loguru" && path == "logger.add") {
            auto s = option(f, c.arguments, "serialize");
            if (s.has == Has::yes && sx::text(f, unwrap(s.value)) == "True") {
                l.structured.push_back(telemetry::evidence(f, c.node, "loguru sink with serialize=True (JSON)"));
                name(l, "loguru (serialize)");
            } else {
                l.text.push_back(telemetry::evidence(f, c.node, "loguru sink without serialize=True (text)"));
            }
        } else if (mod == "logging" && (path == "basicConfig" || path == "config.dictConfig" || path == "config.fileConfig")) {
            l.text.push_back(telemetry::evidence(f, c.node, "stdlib logging configured without a JSON formatter"));
        } else if (mod == "logging" &&
                   (path == "info" || path == "warning" || path == "error" || path == "exception" || path == "debug" || path == "critical")) {
            bare(l, f, c.node, "stdlib logging." + std::string(path) + " (text by default)");
        } else if ((mod == "logging" && (path == "getLogger" || path == "Formatter" || path == "StreamHandler" ||
                                         path == "FileHandler" || str::starts_with(path, "handlers."))) ||
                   mod == "logging.handlers") {
            // A stdlib logger or handler: text lines unless a JSON formatter (found above) is attached.
            if (std::none_of(l.text.begin(), l.text.end(), [&](const Evidence& e) { return e.path == f.path; }))
                l.text.push_back(telemetry::evidence(f, c.node, fmt::format("stdlib {}.{} (text unless a JSON formatter is set)", mod, path)));
        }
    }
    // dictConfig / Django LOGGING formatters naming a JSON formatter class, and custom json.dumps formatters.
    sx::walk(root, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t == "pair") {
            auto key = sx::string_value(f, field(n, "key"));
            if (key == "()" || key == "class") {
                auto v = sx::string_value(f, field(n, "value"));
                if (str::contains(v, "pythonjsonlogger") || str::contains(v, "json_log_formatter") ||
                    str::contains(v, "ecs_logging") || str::ends_with(v, "JsonFormatter") || str::ends_with(v, "JSONFormatter")) {
                    l.structured.push_back(telemetry::evidence(f, n, "logging config formatter " + v));
                    name(l, "JSON logging formatter");
                }
            }
            return true;
        }
        if (t == "class_definition") {
            auto supers = sx::text(f, field(n, "superclasses"));
            if (!str::contains(supers, "Formatter")) return true;
            for (const auto& c : sx::calls(f, field(n, "body")))
                if (c.callee == "json.dumps" || c.callee == "orjson.dumps" || c.callee == "ujson.dumps") {
                    l.structured.push_back(telemetry::evidence(f, n, "logging.Formatter subclass that emits JSON"));
                    name(l, "custom JSON logging formatter");
                    break;
                }
            return false;
        }
        return true;
    });
}

// Logging config files (logging.yaml) naming a JSON formatter.
void scan_yaml(const File& f, Logs& l) {
    for (const auto& d : f.yaml) {
        if (!d.IsMap() || !d["formatters"] || !d["formatters"].IsMap()) continue;
        for (const auto& kv : d["formatters"]) {
            if (!kv.second.IsMap()) continue;
            for (const char* k : {"()", "class"}) {
                if (!kv.second[k] || !kv.second[k].IsScalar()) continue;
                auto v = kv.second[k].Scalar();
                if (str::contains(v, "pythonjsonlogger") || str::contains(v, "JsonFormatter") || str::contains(v, "JSONFormatter")) {
                    auto line = line_of(f, v);
                    l.structured.push_back(f.evidence_line(line ? line : 1, "logging config formatter " + v));
                    name(l, "JSON logging formatter");
                }
            }
        }
    }
}

}  // namespace

Outcome probe_obs_structured_logger(const ProbeContext& ctx) {
    auto files = code_files(ctx);
    if (files.empty()) return na("No application code: there is nothing that logs.");
    Logs l;
    for (const auto* f : files) {
        if (is_tooling_path(f->path)) continue;
        if (is_js(*f)) scan_js(*f, l);
        else if (is_go(*f)) scan_go(*f, l);
        else if (is_py(*f)) scan_py(*f, l);
    }
    for (const auto* f : own_files(ctx, {collect::Language::yaml}))
        if (str::contains(f->text, "formatters")) scan_yaml(*f, l);

    if (!l.structured.empty()) {
        std::vector<Evidence> ev(l.structured.begin(), l.structured.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(l.structured.size(), 3)));
        std::string msg = fmt::format("Structured logging with {}.", str::join(l.names, ", "));
        if (l.relied_on_default) msg += " winston writes JSON by default (no format option set).";
        if (l.bare_count) {
            msg += fmt::format(" {} bare call{} still bypass{} it (listed).", l.bare_count, l.bare_count == 1 ? "" : "s",
                               l.bare_count == 1 ? "es" : "");
            ev.insert(ev.end(), l.bare.begin(), l.bare.end());
        }
        dedupe(ev);
        Outcome o = pass(msg, ev);
        o.relied_on_default = l.relied_on_default;
        return o;
    }
    if (!l.text.empty()) {
        std::vector<Evidence> ev = l.text;
        ev.insert(ev.end(), l.bare.begin(), l.bare.end());
        return fail(fmt::format("Logs are written as text, not structured records: {}. Configure a JSON formatter.",
                                l.text.front().note),
                    ev);
    }
    if (l.bare_count)
        return fail(fmt::format("The service logs only with bare print-style calls ({} found, e.g. {}:{}): no structured "
                                "logger is configured.",
                                l.bare_count, l.bare.front().path, l.bare.front().line),
                    l.bare);
    static constexpr std::array<std::string_view, 9> k_loggers{"pino", "winston", "bunyan", "structlog", "python-json-logger",
                                                               "go.uber.org/zap", "github.com/rs/zerolog", "loguru", "nestjs-pino"};
    for (auto n : k_loggers)
        if (depends_on_any(ctx, {n})) {
            auto ev = dependency_evidence(ctx, n);
            return unknown(fmt::format("{} is a dependency but no logger construction was found in the parsed code.", n),
                           ev ? std::vector<Evidence>{*ev} : std::vector<Evidence>{});
        }
    if (serves_http(ctx))
        return fail("The HTTP service does not log at all: no logger and no log calls were found in its code.",
                    {anchor(ctx, "no logger in this service")});
    return na("No server code that logs: no HTTP routes and no log calls.");
}

}  // namespace gonogo::checks
