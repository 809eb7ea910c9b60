// Probe obs.log_redaction: do the service's log calls pass secrets or personal
// data (values named password/token/secret/authorization/cookie/card/cvv/ssn/
// email/phone/apiKey, whole request bodies or headers)? Findings covered by a
// redaction config (pino `redact`, a winston redacting format, a structlog
// processor, a logging.Filter, a slog ReplaceAttr) pass.
#include <array>
#include <set>

#include <fmt/format.h>

#include "checks/observability/telemetry_probes.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

constexpr std::array<std::string_view, 22> k_sensitive{
    "password", "passwords", "passwd", "pwd",     "passphrase", "token", "tokens", "secret", "secrets", "authorization", "cookie",
    "cookies",  "card",      "cvv",    "cvc",     "ssn",        "email", "emails", "apikey", "phone",   "privatekey",    "iban"};
constexpr std::array<std::string_view, 44> k_meta_last{
    "id",     "ids",     "count",    "length",  "len",      "type",     "kind",     "expires",   "expiry", "expiration", "exp",
    "at",     "verified", "sent",    "enabled", "required", "present",  "provided", "valid",     "changed", "hint",      "last4",
    "brand",  "masked",  "redacted", "domain",  "status",   "template", "subject",  "name",      "field",  "fields",     "error",
    "err",    "url",     "exists",   "set",     "configured", "mode",   "version",  "strategy",  "policy", "ttl",        "age"};
constexpr std::array<std::string_view, 12> k_meta_first{"has",  "is",    "num",  "max",   "min",  "should",
                                                        "use",  "needs", "show", "total", "can",  "allow"};

template <std::size_t N>
bool in(std::string_view w, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

// The sensitive word an identifier names ("customerEmail" -> "email"), "" when none.
std::string sensitive_word(std::string_view ident) {
    auto ws = words_of(ident);
    if (ws.empty() || in(ws.front(), k_meta_first) || in(ws.back(), k_meta_last)) return {};
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (in(ws[i], k_sensitive)) return ws[i];
        if (i + 1 < ws.size() && (ws[i] == "api" || ws[i] == "private") && ws[i + 1] == "key") return ws[i] + ws[i + 1];
    }
    return {};
}

// Whole request objects: content we cannot vet (bodies) or that carries credentials (headers).
std::string whole_request(std::string_view compact_text) {
    static constexpr std::array<std::string_view, 9> k_headers{"req.headers", "request.headers", "ctx.headers",
                                                               "ctx.request.headers", "r.Header", "c.Request.Header",
                                                               "request.META", "req.cookies", "request.cookies"};
    static constexpr std::array<std::string_view, 10> k_bodies{"req.body", "request.body", "ctx.request.body", "request.data",
                                                               "request.form", "request.POST", "r.Body", "c.Request.Body",
                                                               "request.json", "ctx.body"};
    if (in(compact_text, k_headers)) return "request headers";
    if (in(compact_text, k_bodies)) return "request body";
    return {};
}

struct Finding {
    const File* file;
    TSNode call;
    std::string what;   // "email", "request headers"
    std::string key;    // the key it is logged under, "" when positional / interpolated
    bool plain_sink;    // console / print / fmt / stdlib log: no logger-level redaction applies
};

struct Redaction {
    std::set<std::string> keys;   // pino redact paths' last segments (exact key match)
    std::set<std::string> words;  // sensitive words handled by word-based redactors
    std::vector<Evidence> evidence;
};

void add_words(const File& f, TSNode scope, std::set<std::string>& out) {
    sx::walk(scope, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (sx::is_string_literal(n)) {
            for (const auto& w : words_of(sx::string_value(f, n)))
                if (in(w, k_sensitive)) out.insert(w);
            return false;
        }
        if (t == "identifier" || t == "property_identifier" || t == "field_identifier" || t == "shorthand_property_identifier") {
            auto w = sensitive_word(sx::text(f, n));
            if (!w.empty()) out.insert(w);
            for (const auto& x : words_of(sx::text(f, n)))
                if (in(x, k_sensitive)) out.insert(x);
        }
        return true;
    });
}

bool redactor_name(std::string_view name) {
    auto n = str::lower(name);
    return str::contains(n, "redact") || str::contains(n, "mask") || str::contains(n, "scrub") || str::contains(n, "sanitiz") ||
           str::contains(n, "censor") || str::contains(n, "sensitive");
}

void collect_redaction(const File& f, Redaction& r) {
    TSNode root = sx::root(f);
    if (is_js(f) && str::contains(f.text, "redact")) {
        sx::walk_types(root, {"pair"}, [&](TSNode n) {
            if (sx::text(f, field(n, "key")) != "redact") return true;
            for (const auto& p : string_values(f, field(n, "value"))) {
                auto seg = p.substr(p.find_last_of(".[") == std::string::npos ? 0 : p.find_last_of(".[") + 1);
                std::string clean;
                for (char c : seg)
                    if (c != '"' && c != '\'' && c != ']' && c != '*') clean += c;
                if (!clean.empty()) r.keys.insert(str::lower(clean));
            }
            r.evidence.push_back(telemetry::evidence(f, n, "logger redact paths"));
            return false;
        });
    }
    if (is_go(f) && str::contains(f.text, "ReplaceAttr")) {
        sx::walk_types(root, {"keyed_element"}, [&](TSNode n) {
            if (sx::text(f, unwrap(field(n, "key"))) != "ReplaceAttr") return true;
            TSNode v = unwrap(field(n, "value"));
            TSNode body = v;
            if (is(v, "identifier")) {
                auto fn = sx::find_function(f, sx::text(f, v));
                body = fn ? *fn : TSNode{};
            }
            std::set<std::string> ws;
            add_words(f, body, ws);
            if (!ws.empty()) {
                r.words.insert(ws.begin(), ws.end());
                r.evidence.push_back(telemetry::evidence(f, n, "slog ReplaceAttr redacts " + str::join(std::vector<std::string>(ws.begin(), ws.end()), ", ")));
            }
            return false;
        });
    }
    if (is_py(f)) {
        sx::walk_types(root, {"class_definition"}, [&](TSNode n) {
            if (!str::contains(sx::text(f, field(n, "superclasses")), "Filter")) return false;
            std::set<std::string> ws;
            add_words(f, field(n, "body"), ws);
            if (!ws.empty()) {
                r.words.insert(ws.begin(), ws.end());
                r.evidence.push_back(telemetry::evidence(f, n, "logging.Filter redacts " + str::join(std::vector<std::string>(ws.begin(), ws.end()), ", ")));
            }
            return false;
        });
    }
    // A winston format(fn) and the processors of structlog.configure: the keys their bodies name.
    if ((is_js(f) && str::contains(f.text, "winston")) || (is_py(f) && str::contains(f.text, "structlog"))) {
        const Imports& im = Imports::of(f);
        auto record = [&](TSNode body, TSNode at, const std::string& what) {
            // Only bodies that remove or replace values: pop/del/delete, a censor string, a mask.
            auto text = str::lower(sx::text(f, body));
            if (!str::contains(text, "pop(") && !str::contains(text, "del ") && !str::contains(text, "delete ") &&
                !str::contains(text, "redact") && !str::contains(text, "***") && !str::contains(text, "mask") &&
                !str::contains(text, "censor") && !str::contains(text, "filtered"))
                return;
            std::set<std::string> ws;
            add_words(f, body, ws);
            if (ws.empty()) return;
            r.words.insert(ws.begin(), ws.end());
            r.evidence.push_back(telemetry::evidence(f, at, fmt::format("{} redacts {}", what,
                                                                        str::join(std::vector<std::string>(ws.begin(), ws.end()), ", "))));
        };
        for (const auto& c : sx::calls(f, root)) {
            auto q = im.qualify(c.callee);
            if (is_js(f) && q_from(q, "winston") && (q_path(q) == "format" || q_path(q) == "default.format")) {
                for (TSNode a : sx::call_args(c))
                    if (is_function_node(unwrap(a))) record(unwrap(a), c.node, "winston format");
            } else if (is_py(f) && q_from(q, "structlog") && q_path(q) == "configure") {
                auto procs = option(f, c.arguments, "processors");
                if (procs.has != Has::yes) continue;
                for (TSNode p : named_children(unwrap(procs.value))) {
                    p = unwrap(p);
                    if (is(p, "lambda")) {
                        record(p, p, "structlog processor");
                    } else if (is(p, "identifier")) {
                        if (auto fn = sx::find_function(f, sx::text(f, p))) record(*fn, *fn, "structlog processor " + std::string(sx::text(f, p)));
                    }
                }
            }
        }
    }
    // Named redactors (pino formatters, custom processors...): functions whose name says so.
    if (str::contains(f.text, "edact") || str::contains(f.text, "ask") || str::contains(f.text, "crub") ||
        str::contains(f.text, "anitiz") || str::contains(f.text, "ensor") || str::contains(f.text, "ensitive")) {
        for (const auto& fn : sx::functions(f)) {
            if (!redactor_name(fn.name)) continue;
            std::set<std::string> ws;
            add_words(f, fn.node, ws);
            if (ws.empty()) continue;
            r.words.insert(ws.begin(), ws.end());
            r.evidence.push_back(telemetry::evidence(f, fn.node, fmt::format("{} redacts {}", fn.name,
                                                                       str::join(std::vector<std::string>(ws.begin(), ws.end()), ", "))));
        }
    }
}

constexpr std::array<std::string_view, 14> k_js_methods{"log",   "info",    "warn",  "warning", "error", "debug", "trace",
                                                        "fatal", "verbose", "silly", "critical", "exception", "http", "child"};
constexpr std::array<std::string_view, 9> k_py_methods{"info", "debug", "warning", "warn", "error", "exception", "critical", "log", "msg"};

// Is this call a log call, and is its sink a plain one (console/print/fmt/stdlib log)?
bool log_call(const File& f, const Imports& im, const sx::Call& c, bool& plain) {
    plain = false;
    if (c.callee.size() <= c.name.size()) {
        if (is_py(f) && c.callee == "print") {
            plain = true;
            return true;
        }
        return false;
    }
    std::string obj = str::lower(std::string_view(c.callee).substr(0, c.callee.size() - c.name.size() - 1));
    if (is_js(f)) {
        if (!in(c.name, k_js_methods)) return false;
        if (obj == "console") {
            plain = true;
            return true;
        }
        return str::contains(obj, "log");
    }
    if (is_py(f)) {
        if (!in(c.name, k_py_methods)) return false;
        if (q_module(im.qualify(c.callee)) == "logging") return true;
        return str::contains(obj, "log");
    }
    if (is_go(f)) {
        auto q = im.qualify(c.callee);
        auto mod = q_module(q);
        if (mod == "fmt") {
            plain = true;
            return str::starts_with(c.name, "Print");
        }
        if (mod == "log") {
            plain = true;
            return true;
        }
        auto root = obj.substr(0, obj.find_first_of(".("));
        return str::contains(root, "log");
    }
    return false;
}

// Scans one log call's arguments; returns the first finding.
std::optional<Finding> scan_call(const File& f, const sx::Call& c, bool plain) {
    std::optional<Finding> found;
    auto args = sx::call_args(c);
    const bool go_message_first = is_go(f);
    for (std::size_t ai = 0; ai < args.size() && !found; ++ai) {
        TSNode a = args[ai];
        // The whole argument is a request object.
        auto wr = whole_request(compact(f, unwrap(a)));
        if (!wr.empty()) {
            found = Finding{&f, c.node, wr, "", plain};
            break;
        }
        if (is_js(f) && is(unwrap(a), "identifier") && (sx::text(f, unwrap(a)) == "req" || sx::text(f, unwrap(a)) == "request")) {
            found = Finding{&f, c.node, "request object", "", plain};
            break;
        }
        // Go key-value pairs: a string literal followed by a value is a key (not the message of the log call itself).
        if (is_go(f) && sx::is_string_literal(a) && ai + 1 < args.size() && !(go_message_first && ai == 0 && c.name != "Str" &&
                                                                               c.name != "Any" && c.name != "Interface")) {
            auto w = sensitive_word(sx::string_value(f, a));
            if (!w.empty()) {
                found = Finding{&f, c.node, w, sx::string_value(f, a), plain};
                break;
            }
        }
        sx::walk(a, [&](TSNode n) {
            if (found) return false;
            const std::string_view t = sx::type(n);
            if (is_function_node(n)) return false;
            if (t == "call_expression" || t == "call") {
                auto callee = str::lower(compact(f, field(n, "function")));
                if (str::contains(callee, "mask") || str::contains(callee, "redact") || str::contains(callee, "hash") ||
                    str::contains(callee, "sanitiz") || str::contains(callee, "scrub") || str::contains(callee, "anonymi") ||
                    str::contains(callee, "obfuscat") || str::contains(callee, "length") || callee == "len")
                    return false;
                if (is_go(f)) {  // zap.String("email", v), attr constructors
                    auto inner = named_children(field(n, "arguments"));
                    if (inner.size() >= 2 && sx::is_string_literal(inner[0])) {
                        auto w = sensitive_word(sx::string_value(f, inner[0]));
                        if (!w.empty()) {
                            found = Finding{&f, c.node, w, sx::string_value(f, inner[0]), plain};
                            return false;
                        }
                    }
                }
                return true;
            }
            if (sx::is_string_literal(n)) {
                TSNode p = ts_node_parent(n);
                if (is(p, "pair") && ts_node_eq(field(p, "key"), n)) {
                    auto w = sensitive_word(sx::string_value(f, n));
                    if (!w.empty()) found = Finding{&f, c.node, w, sx::string_value(f, n), plain};
                }
                return false;
            }
            if (t == "member_expression" || t == "attribute" || t == "selector_expression") {
                auto w = whole_request(compact(f, n));
                if (!w.empty()) {
                    TSNode p = ts_node_parent(n);
                    std::string key = is(p, "pair") ? std::string(sx::text(f, field(p, "key")))
                                      : is(p, "keyword_argument") ? std::string(sx::text(f, field(p, "name"))) : "";
                    found = Finding{&f, c.node, w, key, plain};
                    return false;
                }
            }
            if (t == "shorthand_property_identifier" && (sx::text(f, n) == "req" || sx::text(f, n) == "request")) {
                found = Finding{&f, c.node, "request object", std::string(sx::text(f, n)), plain};
                return false;
            }
            if (t == "identifier" || t == "property_identifier" || t == "field_identifier" || t == "shorthand_property_identifier") {
                auto w = sensitive_word(sx::text(f, n));
                if (w.empty()) return true;
                // The key it is logged under: its own name when it is a key, else the nearest enclosing pair/keyword.
                std::string key;
                TSNode pp = ts_node_parent(n);
                if (t == "shorthand_property_identifier" || (is(pp, "pair") && ts_node_eq(field(pp, "key"), n)) ||
                    (is(pp, "keyword_argument") && ts_node_eq(field(pp, "name"), n))) {
                    key = std::string(sx::text(f, n));
                } else {
                    for (TSNode p = pp; key.empty() && !ts_node_is_null(p) && !ts_node_eq(p, a); p = ts_node_parent(p)) {
                        if (is(p, "pair")) {
                            TSNode k = field(p, "key");
                            key = sx::is_string_literal(k) ? sx::string_value(f, k) : std::string(sx::text(f, k));
                        } else if (is(p, "keyword_argument")) {
                            key = std::string(sx::text(f, field(p, "name")));
                        }
                    }
                }
                found = Finding{&f, c.node, w, key, plain};
                return false;
            }
            return true;
        });
    }
    return found;
}

bool covered(const Finding& x, const Redaction& r) {
    if (x.plain_sink) return false;
    if (x.what == "request body") return false;
    if (x.what == "request headers" || x.what == "request object") {
        auto has = [&](const char* w) { return r.keys.count(w) > 0 || r.words.count(w) > 0; };
        return has("authorization") && has("cookie");
    }
    if (!x.key.empty() && r.keys.count(str::lower(x.key))) return true;
    return r.words.count(x.what) > 0;
}

}  // namespace

Outcome probe_obs_log_redaction(const ProbeContext& ctx) {
    auto files = code_files(ctx);
    if (files.empty()) return na("No application code: there are no log calls.");
    Redaction red;
    for (const auto* f : files) collect_redaction(*f, red);
    std::vector<Finding> findings;
    std::size_t log_calls = 0;
    for (const auto* f : files) {
        if (is_tooling_path(f->path) || is_client_component(*f)) continue;
        const Imports& im = Imports::of(*f);
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            bool plain = false;
            if (!log_call(*f, im, c, plain)) continue;
            ++log_calls;
            if (auto x = scan_call(*f, c, plain)) findings.push_back(*x);
        }
    }
    std::vector<Evidence> bad;
    std::vector<Evidence> ok;
    for (const auto& x : findings) {
        std::string note = x.key.empty() ? fmt::format("logs {}", x.what) : fmt::format("logs {} (key `{}`)", x.what, x.key);
        if (covered(x, red)) {
            if (ok.size() < 4) ok.push_back(telemetry::evidence(*x.file, x.call, note + ", redacted by the logger config"));
        } else if (bad.size() < 10) {
            bad.push_back(telemetry::evidence(*x.file, x.call, note + (x.plain_sink ? " through a plain print-style sink" : "")));
        }
    }
    if (!bad.empty()) {
        std::set<std::string> whats;
        for (const auto& x : findings)
            if (!covered(x, red)) whats.insert(x.what);
        std::string msg = fmt::format("{} log call{} pass{} {} to the logs without redaction (first: {}:{}).", bad.size(),
                                      bad.size() == 1 ? "" : "s", bad.size() == 1 ? "es" : "",
                                      str::join(std::vector<std::string>(whats.begin(), whats.end()), ", "), bad.front().path,
                                      bad.front().line);
        if (!red.evidence.empty()) msg += " The redaction config does not cover them.";
        else msg += " Log ids instead, and configure redaction in the logger as a safety net.";
        return fail(msg, bad);
    }
    std::vector<Evidence> ev = red.evidence;
    ev.insert(ev.end(), ok.begin(), ok.end());
    if (!ok.empty())
        return pass(fmt::format("Sensitive values reach {} log call{}, but the logger's redaction covers them.", ok.size(),
                                ok.size() == 1 ? "" : "s"),
                    ev);
    if (log_calls == 0)
        return na("The service's code makes no log calls, so nothing can leak into logs (OBS-01 reports the missing "
                  "logger).");
    std::string msg = fmt::format("None of the {} log call{} passes passwords, tokens, secrets, cookies, card data or emails, "
                                  "or whole request bodies or headers.",
                                  log_calls, log_calls == 1 ? "" : "s");
    if (!red.evidence.empty()) msg += " Redaction is configured as a safety net.";
    return pass(msg, ev);
}

}  // namespace gonogo::checks
