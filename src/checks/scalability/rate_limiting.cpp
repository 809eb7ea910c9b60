// Probe sca.rate_limiting: is request rate limited, per client or globally,
// and is the limiter actually applied? App limiters (express-rate-limit,
// @fastify/rate-limit, rate-limiter-flexible, @nestjs/throttler, Upstash,
// x/time/rate, tollbooth, httprate, ulule/limiter, echo/fiber, slowapi,
// flask-limiter, fastapi-limiter, django-ratelimit, DRF throttles) and
// proxy/edge limits (nginx limit_req, ingress-nginx, Traefik, Kong, Envoy, WAF).
#include <array>

#include <fmt/format.h>

#include "checks/scalability/web_probes.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {
namespace {

namespace sx = collect::syntax;
using collect::File;
using web::is;

enum class State { applied, unapplied, unresolved };

struct Limiter {
    std::string what;
    Evidence ev;
    State state = State::applied;
    std::string scope;  // "per client (IP)", "global", ...
};

bool client_key_text(std::string_view t) {
    auto s = str::lower(t);
    for (std::string_view w : {"ip", "user", "key", "id", "addr", "remote", "token", "session", "client"})
        if (str::contains(s, w)) return true;
    return false;
}

struct Scan {
    const ProbeContext& ctx;
    std::vector<Limiter> found;
    std::vector<const File*> js_files;  // the service's JS/TS code, for cross-file application checks

    void add(std::string what, Evidence ev, State st, std::string scope) {
        found.push_back({std::move(what), std::move(ev), st, std::move(scope)});
    }

    // The variable a limiter is assigned to (const limiter = rateLimit(...)), or "".
    static std::string declared_name(const File& f, TSNode n) {
        for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
            const auto t = sx::type(p);
            if (t == "variable_declarator" && is(web::field(p, "name"), "identifier"))
                return std::string(sx::text(f, web::field(p, "name")));
            if (t == "assignment_expression" || t == "assignment") {
                TSNode left = web::field(p, "left");
                if (is(left, "member_expression")) return std::string(sx::text(f, web::field(left, "property")));
                if (is(left, "attribute")) return std::string(sx::text(f, web::field(left, "attribute")));
                return std::string(sx::text(f, left));
            }
            if (t == "short_var_declaration" || t == "var_spec") {
                auto names = web::named_children(web::field(p, t == "var_spec" ? "name" : "left"));
                if (t == "var_spec") {
                    TSNode nm = web::field(p, "name");
                    return std::string(sx::text(f, nm));
                }
                if (!names.empty()) return std::string(sx::text(f, names[0]));
            }
            if (t == "pair" || t == "keyed_element") return std::string(sx::text(f, web::field(p, "key")));
            if (t == "statement_block" || t == "block" || t == "program" || t == "module" || t == "source_file" ||
                t == "arguments" || t == "argument_list")
                break;
        }
        return {};
    }

    // Is the middleware built at `n` applied: an argument of use()/a route registration, or its variable used so?
    State js_applied(const File& f, TSNode n) {
        static constexpr std::array<std::string_view, 11> k_apply{"use", "get", "post", "put", "patch", "delete", "all",
                                                                   "route", "register", "useGlobalGuards", "createServer"};
        TSNode outer = web::enclosing_call(n);
        if (!ts_node_is_null(outer)) {
            std::string callee(sx::text(f, web::field(outer, "function")));
            auto dot = callee.rfind('.');
            std::string_view name = dot == std::string::npos ? std::string_view(callee) : std::string_view(callee).substr(dot + 1);
            if (std::find(k_apply.begin(), k_apply.end(), name) != k_apply.end()) return State::applied;
        }
        std::string var = declared_name(f, n);
        if (var.empty()) return State::unresolved;
        for (const auto* r : routes(ctx))
            for (const auto& m : r->middleware)
                if (m == var || str::ends_with(m, "." + var) || str::starts_with(m, var + "(")) return State::applied;
        bool referenced = false;
        for (const auto* g : js_files) {
            if (!str::contains(g->text, var)) continue;
            for (const auto& c : sx::calls(*g, sx::root(*g))) {
                auto dot = c.callee.rfind('.');
                std::string_view name = dot == std::string::npos ? std::string_view(c.callee) : std::string_view(c.callee).substr(dot + 1);
                bool applies = std::find(k_apply.begin(), k_apply.end(), name) != k_apply.end();
                for (TSNode a : sx::call_args(c)) {
                    if (!sx::mentions_identifier(*g, a, var)) continue;
                    if (applies) return State::applied;
                    referenced = true;
                }
            }
        }
        return referenced ? State::unresolved : State::unapplied;
    }

    // A method called on the limiter variable anywhere in the service (limiter.consume(...), ratelimit.limit(...)).
    std::optional<std::string> method_called(const std::string& var, std::string_view method) {
        if (var.empty()) return std::nullopt;
        for (const auto* g : js_files) {
            if (!str::contains(g->text, var)) continue;
            for (const auto& c : sx::calls(*g, sx::root(*g)))
                if (c.name == method && (c.callee == var + "." + std::string(method) || str::ends_with(c.callee, "." + var + "." + std::string(method)))) {
                    auto args = sx::call_args(c);
                    return args.empty() ? std::string() : std::string(sx::text(*g, args[0]));
                }
        }
        return std::nullopt;
    }

    void js_file(const File& f) {
        auto b = web::bindings(f);
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto args = sx::call_args(c);
            const auto* bind = web::binding_of(b, c.callee);
            const std::string mod = bind ? bind->module : std::string();
            if ((mod == "express-rate-limit" || mod == "koa-ratelimit" || mod == "koa2-ratelimit" ||
                 mod == "hono-rate-limiter" || mod == "express-brute") &&
                c.callee.find('.') == std::string::npos) {
                std::string scope = "per client (IP)";
                TSNode opts = args.empty() ? TSNode{} : web::resolved(f, args[0]);
                TSNode key = is(opts, "object") ? web::js_prop(f, opts, "keyGenerator") : TSNode{};
                if (!ts_node_is_null(key)) scope = client_key_text(sx::text(f, key)) ? "per client (custom key)" : "global (constant key)";
                add(mod, node_evidence(f, c.node, mod), js_applied(f, c.node), scope);
                continue;
            }
            if (c.name == "register" && !args.empty()) {
                const auto* pb = web::binding_of(b, sx::text(f, args[0]));
                if (pb && (pb->module == "@fastify/rate-limit" || pb->module == "fastify-rate-limit")) {
                    TSNode opts = args.size() > 1 ? web::resolved(f, args[1]) : TSNode{};
                    TSNode global = is(opts, "object") ? web::js_prop(f, opts, "global") : TSNode{};
                    bool per_route_only = web::bool_lit(f, global) == std::optional<bool>(false);
                    add(pb->module, node_evidence(f, c.node, pb->module), State::applied,
                        per_route_only ? "per client (IP), on routes with config.rateLimit only" : "per client (IP), every route");
                    continue;
                }
            }
            if (bind && web::module_is(mod, {"@nestjs/throttler"}) && c.callee == "ThrottlerModule.forRoot") {
                bool guard = false, referenced = false;
                for (const auto* g : js_files) {
                    if (!str::contains(g->text, "ThrottlerGuard")) continue;
                    if (!sx::mentions_identifier(*g, sx::root(*g), "ThrottlerGuard")) continue;  // not just a comment
                    referenced = true;
                    if (sx::mentions_identifier(*g, sx::root(*g), "APP_GUARD") ||
                        sx::mentions_identifier(*g, sx::root(*g), "UseGuards") ||
                        sx::mentions_identifier(*g, sx::root(*g), "useGlobalGuards"))
                        guard = true;
                }
                add("@nestjs/throttler", node_evidence(f, c.node, "ThrottlerModule"),
                    guard ? State::applied : (referenced ? State::unresolved : State::unapplied), "per client (IP)");
            }
        }
        // new RateLimiterMemory(...) / new Ratelimit(...)
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "new_expression")) return true;
            auto ctor = std::string(sx::text(f, web::field(n, "constructor")));
            const auto* bind = web::binding_of(b, ctor);
            if (!bind) return true;
            std::string var = declared_name(f, n);
            if (bind->module == "rate-limiter-flexible" && str::starts_with(ctor, "RateLimiter")) {
                auto key = method_called(var, "consume");
                State st = key ? State::applied : (var.empty() ? State::unresolved : State::unapplied);
                add("rate-limiter-flexible " + ctor, node_evidence(f, n, ctor), st,
                    key && client_key_text(*key) ? "per client (" + str::clip(*key, 40) + ")" : "global");
            } else if (bind->module == "@upstash/ratelimit" && str::ends_with(ctor, "Ratelimit")) {
                auto key = method_called(var, "limit");
                State st = key ? State::applied : (var.empty() ? State::unresolved : State::unapplied);
                add("@upstash/ratelimit", node_evidence(f, n, "Upstash Ratelimit"), st,
                    key && client_key_text(*key) ? "per client (" + str::clip(*key, 40) + ")" : "global");
            }
            return true;
        });
    }

    void go_file(const File& f, const std::vector<const File*>& go_files) {
        auto b = web::bindings(f);
        auto any_call = [&](std::initializer_list<std::string_view> names, std::string_view module_part) {
            for (const auto* g : go_files) {
                auto gb = web::bindings(*g);
                for (const auto& c : sx::calls(*g, sx::root(*g))) {
                    if (std::find(names.begin(), names.end(), c.name) == names.end()) continue;
                    if (module_part.empty()) return true;
                    const auto* cb = web::binding_of(gb, c.callee);
                    if (cb && str::contains(cb->module, module_part)) return true;
                }
            }
            return false;
        };
        for (const auto& c : sx::calls(f, sx::root(f))) {
            const auto* bind = web::binding_of(b, c.callee);
            if (!bind) continue;
            Evidence ev = node_evidence(f, c.node, c.callee);
            const auto& m = bind->module;
            if (m == "golang.org/x/time/rate" && c.name == "NewLimiter") {
                bool used = any_call({"Allow", "AllowN", "Wait", "WaitN", "Reserve", "ReserveN"}, "");
                bool per_client = str::contains(f.text, "]*rate.Limiter") || str::contains(f.text, "]rate.Limiter");
                add("golang.org/x/time/rate", ev, used ? State::applied : State::unapplied,
                    per_client ? "per client (map of limiters)" : "global (one shared limiter)");
            } else if (web::module_is(m, {"github.com/didip/tollbooth"}) && c.name == "NewLimiter") {
                bool used = any_call({"LimitHandler", "LimitFuncHandler", "LimitByRequest", "LimitHandlerFunc"}, "tollbooth");
                add("tollbooth", ev, used ? State::applied : State::unapplied, "per client (IP)");
            } else if (web::module_is(m, {"github.com/go-chi/httprate"}) && str::starts_with(c.name, "Limit")) {
                bool arg = !ts_node_is_null(web::enclosing_call(c.node)) || !declared_name(f, c.node).empty();
                add("httprate." + std::string(c.name), ev, arg ? State::applied : State::unresolved,
                    c.name == "LimitAll" ? "global" : "per client (IP)");
            } else if (str::contains(m, "ulule/limiter") && c.name == "New" && c.callee == "limiter.New") {
                bool used = any_call({"NewMiddleware"}, "ulule/limiter");
                add("ulule/limiter", ev, used ? State::applied : State::unapplied, "per client (IP)");
            } else if (str::contains(m, "labstack/echo") && (c.name == "RateLimiter" || c.name == "RateLimiterWithConfig")) {
                add("echo RateLimiter", ev, State::applied, "per client (IP)");
            } else if (str::contains(m, "fiber") && str::ends_with(m, "/limiter") && c.name == "New") {
                add("fiber limiter", ev, State::applied, "per client (IP)");
            }
        }
    }

    void py_file(const File& f) {
        auto b = web::bindings(f);
        auto calls = sx::calls(f, sx::root(f));
        // Decorators @limiter.limit("5/minute") / @ratelimit(key="ip", rate="5/m") / throttle_classes.
        std::vector<std::pair<std::string, TSNode>> decorators;
        sx::walk(sx::root(f), [&](TSNode n) {
            if (is(n, "decorator")) {
                for (TSNode c : web::named_children(n)) decorators.emplace_back(std::string(sx::text(f, c)), c);
                return false;
            }
            return true;
        });
        for (const auto& c : calls) {
            const auto* bind = web::binding_of(b, c.callee);
            if (!bind) continue;
            Evidence ev = node_evidence(f, c.node, c.callee);
            const auto& m = bind->module;
            if ((web::module_is(m, {"slowapi"}) || web::module_is(m, {"flask_limiter"})) && c.name == "Limiter") {
                std::string var = declared_name(f, c.node);
                bool decorated = false;
                for (const auto& [text, node] : decorators)
                    if (!var.empty() && str::starts_with(text, var + ".limit")) decorated = true;
                TSNode defaults = web::py_kwarg(f, c.arguments, "default_limits");
                bool global_limits = !ts_node_is_null(defaults) && !web::named_children(web::unwrap(defaults)).empty();
                bool middleware = str::contains(f.text, "SlowAPIMiddleware") || web::module_is(m, {"flask_limiter"});
                State st = decorated || (global_limits && middleware) ? State::applied : State::unapplied;
                std::string scope = "per client";
                TSNode key = web::py_kwarg(f, c.arguments, "key_func");
                auto args = sx::call_args(c);
                if (ts_node_is_null(key) && !args.empty() && !is(args[0], "keyword_argument")) key = args[0];
                if (!ts_node_is_null(key)) scope = client_key_text(sx::text(f, key)) ? "per client (" + std::string(sx::text(f, key)) + ")" : "global";
                if (global_limits && middleware) scope += ", default limits on every route";
                else if (decorated) scope += ", on decorated routes";
                add(web::module_is(m, {"slowapi"}) ? "slowapi" : "flask-limiter", ev, st, scope);
            } else if (web::module_is(m, {"fastapi_limiter"}) && c.name == "RateLimiter") {
                add("fastapi-limiter", ev, State::applied, "per client (IP)");
            } else if ((web::module_is(m, {"django_ratelimit"}) || web::module_is(m, {"ratelimit"})) && c.name == "ratelimit") {
                TSNode key = web::py_kwarg(f, c.arguments, "key");
                auto k = web::str_lit(f, key);
                add("django-ratelimit", ev, State::applied,
                    k ? (client_key_text(*k) ? "per client (key=" + *k + ")" : "global (key=" + *k + ")") : "per client");
            }
        }
        // DRF: throttle_classes on views.
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "assignment")) return true;
            if (sx::text(f, web::field(n, "left")) != "throttle_classes") return true;
            if (web::named_children(web::unwrap(web::field(n, "right"))).empty()) return true;
            add("DRF throttle_classes", node_evidence(f, n, "DRF throttling"), State::applied, "per client (DRF throttles)");
            return true;
        });
    }

    void drf_settings() {
        auto s = web::python_settings(ctx);
        auto it = s.find("REST_FRAMEWORK");
        if (it == s.end()) return;
        for (const auto& a : it->second) {
            TSNode dict = web::unwrap(a.value);
            for (auto& [k, v] : web::entries(*a.file, dict)) {
                if (k != "DEFAULT_THROTTLE_CLASSES") continue;
                auto items = web::named_children(web::unwrap(v));
                if (items.empty()) continue;
                std::string classes;
                for (TSNode i : items)
                    if (auto str = web::str_lit(*a.file, i)) classes += (classes.empty() ? "" : ", ") + str->substr(str->rfind('.') + 1);
                add("DRF DEFAULT_THROTTLE_CLASSES", a.file->evidence_at(ts_node_start_byte(v), "DRF throttling"), State::applied,
                    "every API view (" + classes + ")");
            }
        }
    }

    void nginx() {
        for (const auto* f : web::files_with(ctx, {"sca.rate-limit"})) {
            if (!web::is_nginx_conf(*f)) continue;
            auto ds = web::nginx_directives(*f);
            std::map<std::string, std::string> zones;  // name -> key
            std::map<std::string, const web::NginxDirective*> zone_at;
            for (const auto& d : ds) {
                if (d.name != "limit_req_zone" || d.args.empty()) continue;
                std::string key = d.args[0];
                for (const auto& a : d.args)
                    if (str::starts_with(a, "zone=")) {
                        auto z = a.substr(5, a.find(':') == std::string::npos ? std::string::npos : a.find(':') - 5);
                        zones[z] = key;
                        zone_at[z] = &d;
                    }
            }
            std::set<std::string> used;
            for (const auto& d : ds) {
                if (d.name != "limit_req") continue;
                for (const auto& a : d.args)
                    if (str::starts_with(a, "zone=")) {
                        auto z = a.substr(5);
                        used.insert(z);
                        auto key = zones.count(z) ? zones[z] : std::string("?");
                        bool client = str::contains(key, "remote_addr") || str::contains(key, "forwarded") ||
                                      str::contains(key, "http_") || str::contains(key, "cookie") || str::contains(key, "arg_");
                        add("nginx limit_req zone=" + z, f->evidence_line(d.line, "nginx limit_req"), State::applied,
                            client ? "per client (" + key + ")" : "global (" + key + ")");
                    }
            }
            for (const auto& [z, d] : zone_at)
                if (!used.count(z))
                    add("nginx limit_req_zone " + z, f->evidence_line(d->line, "zone defined, never applied"), State::unapplied, "");
        }
    }

    void manifests() {
        for (const auto& o : k8s_objects(ctx)) {
            if (!o.file->is_own()) continue;
            auto ann = o.doc["metadata"]["annotations"];
            if (ann && ann.IsMap())
                for (const auto& kv : ann) {
                    auto k = kv.first.as<std::string>();
                    bool rps = str::ends_with(k, "/limit-rps") || str::ends_with(k, "/limit-rpm") ||
                               str::ends_with(k, "/limit-connections");
                    bool global = str::ends_with(k, "/global-rate-limit");
                    if (!rps && !global) continue;
                    auto line = line_of(*o.file, k);
                    add("ingress " + k.substr(k.rfind('/') + 1), o.file->evidence_line(line ? line : 1, "ingress-nginx rate limit"),
                        State::applied, global ? "global" : "per client (IP)");
                }
            if (o.kind == "Middleware" && o.doc["spec"]["rateLimit"]) {
                auto line = line_of(*o.file, "rateLimit");
                add("Traefik rateLimit middleware " + o.name, o.file->evidence_line(line ? line : 1, "Traefik rateLimit"),
                    State::applied, "per client (source IP)");
            }
            if ((o.kind == "KongPlugin" || o.kind == "KongClusterPlugin") && o.doc["plugin"] && o.doc["plugin"].IsScalar() &&
                str::starts_with(o.doc["plugin"].as<std::string>(), "rate-limiting")) {
                auto line = line_of(*o.file, "rate-limiting");
                add("Kong rate-limiting plugin", o.file->evidence_line(line ? line : 1, "Kong rate limiting"), State::applied,
                    "per client (consumer/IP)");
            }
            if (o.kind == "EnvoyFilter" || o.kind == "BackendTrafficPolicy") {
                auto line = line_of(*o.file, "local_ratelimit");
                if (!line) line = line_of(*o.file, "rateLimit");
                if (line) add(o.kind + " " + o.name, o.file->evidence_line(line, "Envoy rate limit"), State::applied, "global or per client");
            }
        }
        for (const auto& cs : compose_services(ctx)) {
            auto labels = cs.node["labels"];
            if (!labels) continue;
            auto check = [&](const std::string& k) {
                if (!str::contains(k, "traefik.http.middlewares.") || !str::contains(str::lower(k), ".ratelimit.")) return;
                auto line = line_of(*cs.file, k.substr(0, k.find('=')));
                add("Traefik rateLimit label on " + cs.name, cs.file->evidence_line(line ? line : 1, "Traefik rateLimit"),
                    State::applied, "per client (source IP)");
            };
            if (labels.IsMap())
                for (const auto& kv : labels) check(kv.first.as<std::string>());
            else if (labels.IsSequence())
                for (const auto& item : labels)
                    if (item.IsScalar()) check(item.as<std::string>());
        }
        // Kong declarative config (plugins: - name: rate-limiting) and IaC (WAF rate-based rules, API Gateway throttling).
        for (const auto* h : ctx.hits("sca.rate-limit-iac")) {
            const auto& f = ctx.model.files.at(h->file);
            if (!f.is_own()) continue;
            add("edge rate limit (" + str::clip(str::trim(h->match), 40) + ")", ctx.evidence(*h, "WAF / API gateway rate limit"),
                State::applied, "per client (WAF rate-based rule) or API-wide throttling");
        }
    }
};

// Password logins that NextAuth's credentials provider serves (no route declaration of their own).
std::optional<Evidence> credentials_login(const ProbeContext& ctx, const std::vector<const File*>& js_files) {
    for (const auto* f : js_files) {
        if (!str::contains(f->text, "providers/credentials")) continue;
        auto b = web::bindings(*f);
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            const auto* bind = web::binding_of(b, c.callee);
            if (bind && str::ends_with(bind->module, "providers/credentials"))
                return node_evidence(*f, c.node, "password login (NextAuth credentials) with no rate limit or lockout");
        }
    }
    (void)ctx;
    return std::nullopt;
}

// Routes worth naming first: logins and state changes.
std::vector<const collect::Route*> notable_routes(const ProbeContext& ctx) {
    auto rs = routes(ctx);
    std::stable_sort(rs.begin(), rs.end(), [](const collect::Route* a, const collect::Route* b) {
        auto score = [](const collect::Route* r) {
            auto p = str::lower(r->path);
            if (str::contains(p, "login") || str::contains(p, "auth") || str::contains(p, "signin") || str::contains(p, "token")) return 0;
            if (r->method == "POST" || r->method == "PUT" || r->method == "PATCH" || r->method == "DELETE") return 1;
            return 2;
        };
        return score(a) < score(b);
    });
    return rs;
}

}  // namespace

// The decision; the probe masks secret-looking literals in the snippets it returns.
static Outcome decide(const ProbeContext& ctx) {
    if (!web::is_web_service(ctx)) return na("No HTTP server in this service, so request rate limiting does not apply.");
    Scan scan{ctx, {}, {}};
    for (const auto* f : code_files(ctx))
        if (web::is_js(*f)) scan.js_files.push_back(f);
    std::vector<const File*> go_files;
    for (const auto* f : code_files(ctx))
        if (web::is_go(*f)) go_files.push_back(f);
    for (const auto* f : web::files_with(ctx, {"sca.rate-limit"})) {
        if (!f->tree) continue;
        if (web::is_js(*f)) scan.js_file(*f);
        else if (web::is_go(*f)) scan.go_file(*f, go_files);
        else if (web::is_py(*f)) scan.py_file(*f);
    }
    // @fastify/autoload registering @fastify/rate-limit from a plugins folder.
    for (const auto& p : web::fastify_autoloaded(ctx)) {
        if (p.module != "@fastify/rate-limit" && p.module != "fastify-rate-limit") continue;
        TSNode global = is(p.options, "object") ? web::js_prop(*p.file, p.options, "global") : TSNode{};
        bool per_route_only = web::bool_lit(*p.file, global) == std::optional<bool>(false);
        scan.add(p.module, node_evidence(*p.file, p.at, p.module + " (registered by @fastify/autoload)"), State::applied,
                 per_route_only ? "per client (IP), on routes with config.rateLimit only" : "per client (IP), every route");
    }
    scan.drf_settings();
    scan.nginx();
    scan.manifests();

    Outcome out;
    out.other_evidence = web::other_hits(ctx, {"sca.rate-limit"}, "not the service's own code");
    std::vector<std::string> applied, unapplied, unresolved;
    std::vector<Evidence> applied_ev, unapplied_ev, unresolved_ev;
    bool per_client = false, global = false;
    for (const auto& l : scan.found) {
        std::string line = l.scope.empty() ? l.what : fmt::format("{} ({})", l.what, l.scope);
        switch (l.state) {
            case State::applied:
                applied.push_back(line);
                applied_ev.push_back(l.ev);
                per_client = per_client || str::starts_with(l.scope, "per client");
                global = global || str::starts_with(l.scope, "global") || str::starts_with(l.scope, "every");
                break;
            case State::unapplied:
                unapplied.push_back(l.what);
                unapplied_ev.push_back(l.ev);
                break;
            case State::unresolved:
                unresolved.push_back(l.what);
                unresolved_ev.push_back(l.ev);
                break;
        }
    }
    if (!applied.empty()) {
        out.status = Status::pass;
        out.evidence = applied_ev;
        out.message = fmt::format("Requests are rate limited: {}.", str::join(applied, "; "));
        if (per_client && !global) out.message += " No global ceiling was seen; consider a shared limit as well.";
        if (global && !per_client) out.message += " The limit is global only: one client can use it all; add a per-client limit.";
        if (!unapplied.empty()) out.message += fmt::format(" Also created but never applied: {}.", str::join(unapplied, ", "));
        return out;
    }
    if (!unapplied.empty()) {
        out.status = Status::fail;
        out.evidence = unapplied_ev;
        out.message = fmt::format("A rate limiter is set up but never applied to the app or a route: {}.", str::join(unapplied, ", "));
        return out;
    }
    if (!unresolved.empty()) {
        out.status = Status::unknown;
        out.evidence = unresolved_ev;
        out.message = fmt::format("A rate limiter is created ({}) but gonogo could not see where it is applied.", str::join(unresolved, ", "));
        return out;
    }
    out.status = Status::fail;
    auto rs = notable_routes(ctx);
    std::vector<std::string> names;
    auto login = credentials_login(ctx, scan.js_files);
    if (login) out.evidence.push_back(*login);
    for (const auto* r : rs) {
        if (out.evidence.size() >= 6) break;
        out.evidence.push_back(route_evidence(ctx, *r, "no rate limit"));
        names.push_back(r->method + " " + r->path);
    }
    if (out.evidence.empty()) out.evidence = web::entry_evidence(ctx);
    out.message = fmt::format("No rate limiting: no limiter in the app and none at the proxy, ingress or gateway{}{}.",
                              names.empty() ? std::string()
                                            : fmt::format("; {} route(s) are unthrottled, e.g. {}", rs.size(), str::join(names, ", ")),
                              login ? fmt::format(", including the password login ({}:{})", login->path, login->line)
                                    : std::string());
    return out;
}

Outcome probe_sca_rate_limiting(const ProbeContext& ctx) { return web::masked(decide(ctx)); }

}  // namespace gonogo::checks
