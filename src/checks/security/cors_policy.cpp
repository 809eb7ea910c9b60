// Probe sec.cors_policy: does the CORS configuration (cors()/enableCors,
// @fastify/cors, CORSMiddleware, Flask-CORS, django-cors-headers, rs/cors,
// gin/echo cors, Access-Control-* headers in code, next.config or nginx)
// avoid reflecting any origin or pairing '*' with credentials?
#include <algorithm>

#include <fmt/format.h>

#include "checks/security/web_probes.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {
namespace {

namespace sx = collect::syntax;
using collect::File;
using web::is;

enum class Origin { any, reflect, list, unsafe, unknown };
enum class Cred { yes, no, unknown };

struct Finding {
    Origin origin = Origin::unknown;
    Cred cred = Cred::no;
    Evidence ev;
    std::string detail;  // what the configuration says
};

// Wildcard-only patterns: .*, .+, https?://.*, https://.*
bool regex_accepts_all(std::string_view p) {
    std::string s(p);
    if (!s.empty() && s.front() == '^') s.erase(0, 1);
    if (!s.empty() && s.back() == '$') s.pop_back();
    for (std::string_view pre : {"https?:\\/\\/", "https?://", "https:\\/\\/", "https://", "http:\\/\\/", "http://"})
        if (str::starts_with(s, pre)) {
            s = s.substr(pre.size());
            break;
        }
    return s == ".*" || s == ".+" || s.empty() || s == "(.*)" || s == "[^/]+" || s == "\\S+";
}

// A regex used with an unanchored test (JS RegExp.test, Python re.match without $).
Origin judge_regex(std::string_view p, bool start_anchored_by_api, bool full_match) {
    if (regex_accepts_all(p)) return Origin::reflect;
    if (full_match) return Origin::list;
    bool end = str::ends_with(p, "$") || str::ends_with(p, "\\Z") || str::ends_with(p, "\\z");
    bool start = start_anchored_by_api || str::starts_with(p, "^") || str::contains(p, "//") ||
                 str::contains(p, "\\/\\/");
    return end && start ? Origin::list : Origin::unsafe;
}

struct Scan {
    const ProbeContext& ctx;
    std::vector<Finding> found;
    bool env_unknown = false;

    Origin from_env(const File& f, TSNode n, std::string& detail) {
        auto var = web::env_var(f, n);
        if (!var) return Origin::unknown;
        auto doc = web::documented_env(ctx, *var);
        if (!doc) {
            detail = fmt::format("origins read from ${} (no documented value)", *var);
            return Origin::unknown;
        }
        detail = fmt::format("origins from ${}={}", *var, str::clip(doc->value, 60));
        auto v = str::trim(doc->value);
        if (v == "*" || v == "true") return Origin::any;
        if (v.empty()) return Origin::unknown;
        return Origin::list;
    }

    // A JS/Go/Python list or single value of origins.
    Origin origin_value(const File& f, TSNode v, std::string& detail) {
        v = web::unwrap(v);
        if (ts_node_is_null(v)) return Origin::any;
        if (auto b = web::bool_lit(f, v)) {
            detail = *b ? "origin: true" : "origin: false";
            return *b ? Origin::reflect : Origin::list;
        }
        if (auto s = web::str_lit(f, v)) {
            detail = fmt::format("origin '{}'", str::clip(*s, 60));
            if (*s == "*") return Origin::any;
            if (*s == "null") return Origin::unsafe;
            return Origin::list;
        }
        const auto t = sx::type(v);
        if (t == "regex") {
            auto pat = std::string(sx::text(f, web::field(v, "pattern")));
            detail = fmt::format("origin /{}/", str::clip(pat, 60));
            return judge_regex(pat, false, false);
        }
        if (t == "array" || t == "list" || t == "tuple" || t == "composite_literal") {
            TSNode body = t == "composite_literal" ? web::field(v, "body") : v;
            Origin worst = Origin::list;
            std::vector<std::string> items;
            for (TSNode c : web::named_children(body)) {
                std::string d;
                Origin o = origin_value(f, c, d);
                items.push_back(d);
                if (o == Origin::any || o == Origin::reflect || (o == Origin::unsafe && worst != Origin::any) ||
                    (o == Origin::unknown && worst == Origin::list))
                    worst = o;
            }
            detail = fmt::format("origins [{}]", str::clip(str::join(items, ", "), 100));
            return worst;
        }
        if (t == "arrow_function" || t == "function_expression" || t == "function" || t == "func_literal") {
            return origin_function(f, v, detail);
        }
        if (t == "identifier") {
            TSNode r = web::resolve_identifier(f, v);
            if (!ts_node_is_null(r)) return origin_value(f, r, detail);
            // A named function declared in the file.
            if (auto fn = sx::find_function(f, sx::text(f, v))) return origin_function(f, *fn, detail);
        }
        Origin e = from_env(f, v, detail);
        if (e != Origin::unknown || !detail.empty()) {
            if (e == Origin::unknown) env_unknown = true;
            return e;
        }
        detail = fmt::format("origin {}", str::clip(sx::text(f, v), 60));
        return Origin::unknown;
    }

    // An origin callback: always allowing (cb(null, true) / return true with no test) reflects every origin.
    Origin origin_function(const File& f, TSNode fn, std::string& detail) {
        TSNode body = sx::function_body(fn);
        if (ts_node_is_null(body)) body = fn;
        bool tests = false;
        bool ends_with_bare = false;
        bool allows = false;
        sx::walk(body, [&](TSNode n) {
            const auto t = sx::type(n);
            if (t == "if_statement" || t == "ternary_expression" || t == "conditional_expression" ||
                t == "switch_statement" || t == "expression_switch_statement")
                tests = true;
            if (t == "binary_expression") {
                auto op = sx::type(web::field(n, "operator"));
                if (op == "===" || op == "==" || op == "!==" || op == "!=" || op == "&&" || op == "||") tests = true;
            }
            if (t == "call_expression" || t == "call") {
                TSNode fnn = web::field(n, "function");
                std::string_view name = sx::text(f, fnn);
                auto dot = name.rfind('.');
                if (dot != std::string_view::npos) name = name.substr(dot + 1);
                if (name == "includes" || name == "has" || name == "indexOf" || name == "test" || name == "some" ||
                    name == "match" || name == "Contains" || name == "HasSuffix" || name == "endsWith" ||
                    name == "startsWith" || name == "exec" || name == "find")
                    tests = true;
                if (name == "endsWith" || name == "HasSuffix") {
                    auto args = web::named_children(web::field(n, "arguments"));
                    if (!args.empty())
                        if (auto s = web::str_lit(f, args.back()); s && !s->empty() && (*s)[0] != '.') ends_with_bare = true;
                }
                auto args = web::named_children(web::field(n, "arguments"));
                if (args.size() == 2 && web::bool_lit(f, args[1]) == std::optional<bool>(true)) allows = true;
            }
            if (t == "return_statement") {
                for (TSNode c : web::named_children(n))
                    if (web::bool_lit(f, c) == std::optional<bool>(true) ||
                        (is(c, "expression_list") && web::bool_lit(f, web::unwrap(c)) == std::optional<bool>(true)))
                        allows = true;
            }
            return true;
        });
        if (ends_with_bare) {
            detail = "origin callback uses endsWith() without a leading dot (evil-example.com passes)";
            return Origin::unsafe;
        }
        if (!tests && allows) {
            detail = "origin callback allows every origin";
            return Origin::reflect;
        }
        if (tests) {
            detail = "origin callback checks the origin";
            return Origin::list;
        }
        detail = "origin callback";
        return Origin::unknown;
    }

    Cred cred_value(const File& f, TSNode v) {
        v = web::unwrap(v);
        if (ts_node_is_null(v)) return Cred::no;
        if (auto b = web::bool_lit(f, web::resolved(f, v))) return *b ? Cred::yes : Cred::no;
        return Cred::unknown;
    }

    void add(Origin o, Cred c, Evidence ev, std::string detail) { found.push_back({o, c, std::move(ev), std::move(detail)}); }

    void js_options(const File& f, TSNode call, TSNode opts, std::string_view what, bool default_reflects) {
        Evidence ev = node_evidence(f, call, std::string(what));
        opts = web::resolved(f, opts);
        if (ts_node_is_null(opts)) {
            add(default_reflects ? Origin::reflect : Origin::any, Cred::no, ev, std::string(what) + " with default options");
            return;
        }
        if (auto b = web::bool_lit(f, opts)) {  // NestFactory.create(App, { cors: true })
            if (*b) add(Origin::any, Cred::no, ev, std::string(what) + ": true");
            return;
        }
        if (!is(opts, "object")) {
            add(Origin::unknown, Cred::unknown, ev, std::string(what) + " options not a literal object");
            return;
        }
        TSNode o = web::js_prop(f, opts, "origin");
        std::string detail;
        Origin origin = ts_node_is_null(o) ? (default_reflects ? Origin::reflect : Origin::any) : origin_value(f, o, detail);
        if (detail.empty()) detail = default_reflects ? "default origin (reflected)" : "default origin '*'";
        add(origin, cred_value(f, web::js_prop(f, opts, "credentials")), ev, std::string(what) + ": " + detail);
    }

    void js_file(const File& f) {
        auto b = web::bindings(f);
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto args = sx::call_args(c);
            const auto* bind = web::binding_of(b, c.callee);
            if (bind && c.callee.find('.') == std::string::npos &&
                (bind->module == "cors" || bind->module == "@koa/cors" || bind->module == "koa2-cors" ||
                 bind->module == "hono/cors")) {
                js_options(f, c.node, args.empty() ? TSNode{} : args[0], bind->module, false);
                continue;
            }
            if (c.name == "register" && !args.empty()) {
                const auto* pb = web::binding_of(b, sx::text(f, args[0]));
                if (pb && (pb->module == "@fastify/cors" || pb->module == "fastify-cors"))
                    js_options(f, c.node, args.size() > 1 ? args[1] : TSNode{}, pb->module, false);
                continue;
            }
            if (c.name == "enableCors") {  // NestJS
                js_options(f, c.node, args.empty() ? TSNode{} : args[0], "app.enableCors", false);
                continue;
            }
            if (c.callee == "NestFactory.create" && args.size() >= 2) {
                TSNode cors = web::js_prop(f, web::resolved(f, args[1]), "cors");
                if (!ts_node_is_null(cors)) js_options(f, c.node, cors, "NestFactory.create cors", false);
            }
        }
    }

    void py_file(const File& f) {
        auto b = web::bindings(f);
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto args = sx::call_args(c);
            Evidence ev = node_evidence(f, c.node, c.callee);
            if ((c.name == "add_middleware" || c.callee == "Middleware") && !args.empty() &&
                sx::text(f, args[0]) == "CORSMiddleware") {
                // Starlette: allow_origins=["*"] with allow_credentials=True reflects the caller's origin.
                TSNode origins = web::py_kwarg(f, c.arguments, "allow_origins");
                TSNode regex = web::py_kwarg(f, c.arguments, "allow_origin_regex");
                Cred cred = cred_value(f, web::py_kwarg(f, c.arguments, "allow_credentials"));
                std::string detail;
                Origin o = Origin::list;
                if (!ts_node_is_null(origins)) o = origin_value(f, origins, detail);
                if (!ts_node_is_null(regex)) {
                    auto p = web::str_lit(f, regex);
                    std::string rd = p ? fmt::format("allow_origin_regex '{}'", str::clip(*p, 60)) : "allow_origin_regex";
                    Origin ro = p ? judge_regex(*p, true, true) : Origin::unknown;
                    if (ro != Origin::list || ts_node_is_null(origins)) {
                        o = ro;
                        detail = rd;
                    }
                }
                if (ts_node_is_null(origins) && ts_node_is_null(regex)) detail = "no allow_origins (nothing allowed)";
                if (o == Origin::any && cred == Cred::yes) detail += " with allow_credentials=True (Starlette then reflects the Origin)";
                add(o, cred, ev, "CORSMiddleware: " + detail);
                continue;
            }
            const auto* bind = web::binding_of(b, c.callee);
            if (bind && web::module_is(bind->module, {"flask_cors"}) && (c.name == "CORS" || c.name == "cross_origin")) {
                TSNode origins = web::py_kwarg(f, c.arguments, "origins");
                TSNode resources = web::py_kwarg(f, c.arguments, "resources");
                if (ts_node_is_null(origins) && is(web::unwrap(resources), "dictionary"))
                    for (auto& [k, v] : web::entries(f, web::unwrap(resources))) {
                        TSNode ov;
                        for (auto& [k2, v2] : web::entries(f, web::unwrap(v)))
                            if (k2 == "origins") ov = v2;
                        if (!ts_node_is_null(ov)) origins = ov;
                    }
                std::string detail;
                Origin o = ts_node_is_null(origins) ? Origin::any : origin_value(f, origins, detail);
                if (detail.empty()) detail = "default origins '*'";
                Cred cred = cred_value(f, web::py_kwarg(f, c.arguments, "supports_credentials"));
                add(o, cred, ev, "Flask-CORS: " + detail);
            }
        }
    }

    void go_file(const File& f) {
        auto b = web::bindings(f);
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "composite_literal")) return true;
            auto type = sx::text(f, web::field(n, "type"));
            const auto* bind = web::binding_of(b, type);
            if (!bind) return true;
            const bool rs = (type.size() > 8 && str::ends_with(type, ".Options")) &&
                            web::module_is(bind->module, {"github.com/rs/cors", "github.com/go-chi/cors"});
            const bool gin = str::ends_with(type, ".Config") && web::module_is(bind->module, {"github.com/gin-contrib/cors"});
            const bool echo = str::ends_with(type, ".CORSConfig") && str::contains(bind->module, "labstack/echo");
            const bool fiber = str::ends_with(type, ".Config") && str::contains(bind->module, "fiber") &&
                               str::ends_with(bind->module, "/cors");
            if (!rs && !gin && !echo && !fiber) return true;
            Evidence ev = node_evidence(f, n, std::string(type));
            std::string detail;
            Origin o = Origin::list;
            TSNode origins = web::go_key(f, n, rs ? "AllowedOrigins" : "AllowOrigins");
            if (fiber && !ts_node_is_null(origins)) {  // fiber: "a, b" string
                auto s = web::str_lit(f, origins);
                o = !s ? Origin::unknown : (str::contains(*s, "*") ? Origin::any : Origin::list);
                detail = s ? "AllowOrigins \"" + str::clip(*s, 60) + "\"" : "AllowOrigins";
            } else if (!ts_node_is_null(origins)) {
                o = origin_value(f, origins, detail);
            } else if (echo) {
                o = Origin::any;  // echo's default AllowOrigins is ["*"]
                detail = "default AllowOrigins [\"*\"]";
            } else if (rs) {
                o = Origin::any;  // rs/cors: no AllowedOrigins means "*"
                detail = "no AllowedOrigins (defaults to \"*\")";
            }
            TSNode all = web::go_key(f, n, "AllowAllOrigins");
            if (web::bool_lit(f, all) == std::optional<bool>(true)) {
                o = Origin::any;
                detail = "AllowAllOrigins: true";
            }
            for (const char* fn_key : {"AllowOriginFunc", "AllowOriginRequestFunc", "AllowOriginVaryRequestFunc",
                                       "AllowOriginsFunc"}) {
                TSNode fn = web::go_key(f, n, fn_key);
                if (ts_node_is_null(fn)) continue;
                std::string d;
                Origin fo = is(web::unwrap(fn), "func_literal") ? origin_function(f, web::unwrap(fn), d) : Origin::unknown;
                if (fo == Origin::reflect || fo == Origin::unsafe || o == Origin::list) {
                    o = fo;
                    detail = std::string(fn_key) + ": " + (d.empty() ? "function" : d);
                }
            }
            add(o, cred_value(f, web::go_key(f, n, "AllowCredentials")), ev, detail);
            return true;
        });
        for (const auto& c : sx::calls(f, sx::root(f))) {
            const auto* bind = web::binding_of(b, c.callee);
            if (!bind || !sx::call_args(c).empty()) continue;
            if ((c.callee == "cors.Default" || c.callee == "cors.AllowAll") &&
                web::module_is(bind->module, {"github.com/rs/cors", "github.com/go-chi/cors", "github.com/gin-contrib/cors"}))
                add(Origin::any, Cred::no, node_evidence(f, c.node, c.callee), c.callee + "() allows any origin without credentials");
            else if (c.name == "CORS" && str::contains(bind->module, "labstack/echo"))
                add(Origin::any, Cred::no, node_evidence(f, c.node, c.callee), "echo CORS() default AllowOrigins [\"*\"]");
        }
    }

    // Access-Control-Allow-Origin / -Credentials set as headers (code, next.config, vercel.json, nginx).
    void header_sites() {
        static const std::set<std::string, std::less<>> k_names{"access-control-allow-origin",
                                                                "access-control-allow-credentials"};
        auto sites = web::header_sites(ctx, k_names, {"sec.web-header"});
        Cred cred = Cred::no;
        for (const auto& s : sites)
            if (s.name == "access-control-allow-credentials") {
                if (s.value) {
                    if (str::lower(str::trim(*s.value)) == "true") cred = Cred::yes;
                } else if (cred == Cred::no) {
                    cred = Cred::unknown;
                }
            }
        for (const auto& s : sites) {
            if (s.name != "access-control-allow-origin") continue;
            Evidence ev = s.evidence();
            if (s.value) {
                const std::string& v = *s.value;
                if (v == "*") add(Origin::any, cred, ev, "Access-Control-Allow-Origin: * (" + s.how + ")");
                else if (str::contains(v, "$http_origin")) {
                    bool guarded = str::contains(s.file->text, "map $http_origin") || str::contains(s.file->text, "if ($http_origin");
                    add(guarded ? Origin::list : Origin::reflect, cred, ev,
                        guarded ? "nginx echoes $http_origin after matching it" : "nginx echoes $http_origin unchecked");
                } else if (v == "null") add(Origin::unsafe, cred, ev, "Access-Control-Allow-Origin: null");
                else add(Origin::list, cred, ev, "Access-Control-Allow-Origin: " + str::clip(v, 60));
                continue;
            }
            // A computed value in code: the request's Origin echoed, guarded or not.
            const File& f = *s.file;
            TSNode v = s.value_node;
            std::string detail;
            Origin env = from_env(f, v, detail);
            if (env != Origin::unknown || !detail.empty()) {
                if (env == Origin::unknown) env_unknown = true;
                add(env, cred, ev, detail);
                continue;
            }
            auto text = str::lower(sx::text(f, v));
            if (!str::contains(text, "origin")) {
                add(Origin::unknown, cred, ev, "Access-Control-Allow-Origin from " + str::clip(sx::text(f, v), 60));
                continue;
            }
            bool guarded = false;
            TSNode fn = sx::enclosing_function(v);
            for (TSNode p = ts_node_parent(v); !ts_node_is_null(p) && !ts_node_eq(p, fn); p = ts_node_parent(p)) {
                const auto t = sx::type(p);
                if (t == "if_statement" || t == "ternary_expression" || t == "conditional_expression") {
                    guarded = true;
                    break;
                }
            }
            if (!guarded && is(v, "ternary_expression")) guarded = true;
            if (!guarded && !ts_node_is_null(fn)) {
                // Early return when the origin is not allowed: if (!allowed.has(origin)) return ...
                sx::walk(sx::function_body(fn), [&](TSNode n) {
                    if (guarded) return false;
                    if (ts_node_start_byte(n) >= ts_node_start_byte(v)) return false;
                    if (is(n, "if_statement")) {
                        auto cond = str::lower(sx::text(f, web::field(n, "condition")));
                        if (str::contains(cond, "origin") &&
                            (str::contains(cond, "includes") || str::contains(cond, "has(") || str::contains(cond, "indexof") ||
                             str::contains(cond, " in ") || str::contains(cond, "contains") || str::contains(cond, "==")))
                            guarded = true;
                    }
                    return true;
                });
            }
            add(guarded ? Origin::list : Origin::reflect, cred, ev,
                guarded ? "echoes the request's Origin after checking it" : "echoes the request's Origin unchecked");
        }
    }

    void django() {
        auto s = web::python_settings(ctx);
        auto flag = [&](std::initializer_list<std::string_view> keys) -> std::pair<Cred, const web::PySetting*> {
            for (auto k : keys) {
                auto it = s.find(k);
                if (it == s.end() || it->second.empty()) continue;
                const auto& a = it->second.back();
                auto b = web::bool_lit(*a.file, a.value);
                return {b ? (*b ? Cred::yes : Cred::no) : Cred::unknown, &a};
            }
            return {Cred::no, nullptr};
        };
        auto [all, all_at] = flag({"CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL"});
        auto [cred, cred_at] = flag({"CORS_ALLOW_CREDENTIALS"});
        (void)cred_at;
        if (all_at && all != Cred::no) {
            add(all == Cred::yes ? Origin::any : Origin::unknown, cred, all_at->file->evidence_at(all_at->offset, "django-cors-headers"),
                "CORS_ALLOW_ALL_ORIGINS = True");
            return;
        }
        for (auto key : {"CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST"}) {
            auto it = s.find(key);
            if (it == s.end() || it->second.empty()) continue;
            const auto& a = it->second.back();
            std::string detail;
            Origin o = origin_value(*a.file, a.value, detail);
            add(o, cred, a.file->evidence_at(a.offset, "django-cors-headers"), std::string(key) + ": " + detail);
        }
        for (auto key : {"CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST"}) {
            auto it = s.find(key);
            if (it == s.end() || it->second.empty()) continue;
            const auto& a = it->second.back();
            std::vector<TSNode> items;
            TSNode v = web::unwrap(a.value);
            if (web::str_lit(*a.file, v)) items.push_back(v);
            else for (TSNode c : web::named_children(v)) items.push_back(c);
            Origin worst = Origin::list;
            std::string bad;
            for (TSNode c : items) {
                auto p = web::str_lit(*a.file, c);
                Origin o = p ? judge_regex(*p, true, false) : Origin::unknown;  // re.match: anchored at the start only
                if (o != Origin::list) {
                    worst = o;
                    bad = p ? *p : std::string(sx::text(*a.file, c));
                }
            }
            add(worst, cred, a.file->evidence_at(a.offset, "django-cors-headers"),
                worst == Origin::list ? std::string(key) + " anchored patterns"
                                      : fmt::format("{} '{}' is not anchored with $", key, str::clip(bad, 60)));
        }
    }
};

}  // namespace

// The decision; the probe masks secret-looking literals in the snippets it returns.
static Outcome decide(const ProbeContext& ctx) {
    if (!web::is_web_service(ctx)) return na("No HTTP server in this service, so CORS does not apply.");
    Scan scan{ctx, {}, false};
    for (const auto* f : web::files_with(ctx, {"sec.web-cors"})) {
        if (!f->tree) continue;
        if (web::is_js(*f)) scan.js_file(*f);
        else if (web::is_py(*f)) scan.py_file(*f);
        else if (web::is_go(*f)) scan.go_file(*f);
    }
    for (const auto& p : web::fastify_autoloaded(ctx))
        if (p.module == "@fastify/cors" || p.module == "fastify-cors")
            scan.js_options(*p.file, p.at, p.options, p.module + " (registered by @fastify/autoload)", false);
    scan.header_sites();
    scan.django();

    Outcome out;
    out.other_evidence = web::other_hits(ctx, {"sec.web-cors"}, "not the service's own code");
    if (scan.found.empty()) {
        out.status = Status::pass;
        out.relied_on_default = true;
        out.message = "No CORS configuration: browsers keep the same-origin policy, so no other site can read this API's responses.";
        out.evidence = web::entry_evidence(ctx, 1);
        return out;
    }
    auto cookies = web::cookie_report(ctx);
    const bool cookie_auth = cookies.cookie_session || cookies.next_auth || cookies.auth_cookie_read;
    std::vector<std::string> bad, unknown_parts, notes, good;
    std::vector<Evidence> bad_ev, other_ev;
    for (const auto& fd : scan.found) {
        const bool open = fd.origin == Origin::any || fd.origin == Origin::reflect;
        if (fd.origin == Origin::unsafe) {
            bad.push_back(fd.detail);
            bad_ev.push_back(fd.ev);
        } else if (open && fd.cred == Cred::yes) {
            bad.push_back(fd.detail + " together with credentials");
            bad_ev.push_back(fd.ev);
        } else if (open && cookie_auth) {
            bad.push_back(fd.detail + " on an API that authenticates with cookies");
            bad_ev.push_back(fd.ev);
        } else if (fd.origin == Origin::unknown || (open && fd.cred == Cred::unknown)) {
            unknown_parts.push_back(fd.detail);
            other_ev.push_back(fd.ev);
        } else if (open) {
            notes.push_back(fd.detail + " without credentials");
            other_ev.push_back(fd.ev);
        } else {
            good.push_back(fd.detail);
            other_ev.push_back(fd.ev);
        }
    }
    // The same configuration applied twice (app.use(cors()) and app.options('*', cors())) is named once;
    // each place stays in the evidence.
    for (auto* list : {&bad, &unknown_parts, &notes, &good}) {
        std::vector<std::string> once;
        for (auto& x : *list)
            if (std::find(once.begin(), once.end(), x) == once.end()) once.push_back(std::move(x));
        *list = std::move(once);
    }
    if (!bad.empty()) {
        out.status = Status::fail;
        out.evidence = bad_ev;
        out.message = fmt::format("CORS lets other sites read responses: {}. Allow an explicit list of your own origins.",
                                  str::join(bad, "; "));
        if (cookie_auth && cookies.next_auth) out.message += " (The service uses NextAuth session cookies.)";
        return out;
    }
    out.evidence = other_ev;
    if (!unknown_parts.empty()) {
        out.status = Status::unknown;
        out.message = fmt::format("Could not tell which origins CORS allows: {}.", str::join(unknown_parts, "; "));
        return out;
    }
    out.status = Status::pass;
    if (!notes.empty()) {
        out.message = fmt::format("CORS allows {}; acceptable for a public API that uses no cookies, but restrict it if the API "
                                  "ever carries user data.",
                                  str::join(notes, "; "));
        if (!good.empty()) out.message += fmt::format(" Elsewhere: {}.", str::join(good, "; "));
    } else {
        out.message = fmt::format("CORS is restricted: {}.", str::join(good, "; "));
    }
    return out;
}

Outcome probe_sec_cors_policy(const ProbeContext& ctx) { return web::masked(decide(ctx)); }

}  // namespace gonogo::checks
