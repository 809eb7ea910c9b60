// Probe sec.csrf_protection: when the service authenticates with cookies, is
// every state-changing route (POST/PUT/PATCH/DELETE) covered by a CSRF
// defence: a CSRF middleware (csrf-csrf, csurf, lusca, Django's
// CsrfViewMiddleware, Flask-WTF CSRFProtect, gorilla/csrf, nosurf, echo CSRF),
// an Origin check, Next.js server actions' origin check, or SameSite=Lax/Strict
// session cookies (NextAuth's default)? Flask routes are read one by one: a
// Flask-HTTPAuth guard authenticates with the Authorization header, a validated
// Flask-WTF form checks its CSRF token, a JSON-only body cannot come from a
// cross-site form, and a handler that never touches the login session is not
// acting for the cookie's owner.
#include <functional>

#include <fmt/format.h>

#include "checks/security/web_probes.hpp"
#include "checks/compliance/comp_util.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {
namespace {

namespace sx = collect::syntax;
using collect::File;
using collect::Route;
using web::is;

struct Protection {
    std::string what;
    Evidence ev;
    bool by_default = false;
};

struct Exempt {
    const File* file;
    std::uint32_t begin, end;  // the decorated function
    std::string name;
    Evidence ev;
};

struct Scan {
    const ProbeContext& ctx;
    std::vector<Protection> global;
    std::set<std::string> csrf_names;  // middleware variables that carry a CSRF check (route-level use)
    std::vector<Exempt> exempt;
    std::optional<Evidence> server_actions;
    // Functions that check the Origin header and reject (403): (file index, begin, end).
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> origin_checks;
    std::vector<Evidence> origin_check_ev;

    static bool csrf_module(std::string_view m) {
        return m == "csurf" || m == "csrf-csrf" || m == "csrf-sync" || m == "lusca" || m == "tiny-csrf" ||
               m == "koa-csrf" || m == "@koa/csrf" || m == "edge-csrf" || web::module_is(m, {"@edge-csrf"}) ||
               m == "next-csrf" || m == "@fastify/csrf-protection" || m == "csrf";
    }

    static bool reads_origin(const File& f, TSNode n) {
        const auto t = sx::type(n);
        if (t == "member_expression") {
            auto prop = sx::text(f, web::field(n, "property"));
            return prop == "origin" && str::ends_with(sx::text(f, web::field(n, "object")), "headers");
        }
        if (t == "subscript_expression" || t == "subscript") {
            auto key = web::str_lit(f, web::field(n, t == "subscript" ? "subscript" : "index"));
            return key && (str::lower(*key) == "origin" || *key == "HTTP_ORIGIN");
        }
        if (t == "call_expression" || t == "call") {
            auto callee = sx::text(f, web::field(n, "function"));
            auto args = web::named_children(web::field(n, "arguments"));
            if (args.empty()) return false;
            auto key = web::str_lit(f, args[0]);
            if (!key) return false;
            auto k = str::lower(*key);
            return (k == "origin" || *key == "HTTP_ORIGIN") &&
                   (str::ends_with(callee, ".get") || str::ends_with(callee, ".Get") || str::ends_with(callee, ".header") ||
                    str::ends_with(callee, ".getHeader"));
        }
        return false;
    }

    static bool rejects(const File& f, TSNode fn) {
        auto text = sx::text(f, fn);
        return str::contains(text, "403") || str::contains(text, "Forbidden") || str::contains(text, "FORBIDDEN") ||
               str::contains(text, "PermissionDenied");
    }

    void origin_scan(const File& f) {
        std::set<std::uint32_t> seen;
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!reads_origin(f, n)) return true;
            TSNode fn = sx::enclosing_function(n);
            if (ts_node_is_null(fn) || !seen.insert(ts_node_start_byte(fn)).second) return true;
            if (!rejects(f, fn)) return true;
            origin_checks.emplace_back(web::index_of(ctx, f), ts_node_start_byte(fn), ts_node_end_byte(fn));
            origin_check_ev.push_back(node_evidence(f, n, "Origin header checked"));
            return true;
        });
    }

    void js_file(const File& f) {
        auto b = web::bindings(f);
        // 'use server' directives: Next.js server actions.
        for (TSNode c : web::named_children(sx::root(f))) {
            if (!is(c, "expression_statement")) continue;
            auto s = web::str_lit(f, ts_node_named_child(c, 0));
            if (s && *s == "use server" && !server_actions) server_actions = node_evidence(f, c, "Next.js server actions");
        }
        std::vector<std::string> use_args;
        for (const auto& c : sx::calls(f, sx::root(f))) {
            if (c.name == "use" || c.name == "addHook" || c.name == "register")
                for (TSNode a : sx::call_args(c)) use_args.emplace_back(sx::text(f, a));
            if (c.name == "use" || c.name == "addHook") continue;
            const auto* bind = web::binding_of(b, c.callee);
            bool lib = bind && csrf_module(bind->module);
            if (!lib && c.name == "register") {
                auto args = sx::call_args(c);
                if (!args.empty()) {
                    const auto* pb = web::binding_of(b, sx::text(f, args[0]));
                    if (pb && pb->module == "@fastify/csrf-protection") {
                        csrf_names.insert("csrfProtection");  // fastify.csrfProtection in onRequest hooks
                        continue;
                    }
                }
            }
            if (!lib) continue;
            Evidence ev = node_evidence(f, c.node, bind->module == "csurf" ? "csurf (deprecated)" : bind->module);
            TSNode outer = web::enclosing_call(c.node);
            if (!ts_node_is_null(outer)) {
                auto callee = sx::text(f, web::field(outer, "function"));
                if (str::ends_with(callee, ".use")) {
                    global.push_back({bind->module + " middleware", ev, false});
                    continue;
                }
            }
            // const csrfProtection = csurf(...) / const { doubleCsrfProtection } = doubleCsrf(...)
            for (TSNode p = ts_node_parent(c.node); !ts_node_is_null(p); p = ts_node_parent(p)) {
                if (!is(p, "variable_declarator")) continue;
                TSNode name = web::field(p, "name");
                if (is(name, "identifier")) csrf_names.insert(std::string(sx::text(f, name)));
                else
                    sx::walk(name, [&](TSNode n) {
                        if (is(n, "shorthand_property_identifier_pattern") || is(n, "identifier"))
                            csrf_names.insert(std::string(sx::text(f, n)));
                        return true;
                    });
                break;
            }
            if (bind->module == "@edge-csrf/nextjs" || bind->module == "edge-csrf" || bind->module == "next-csrf")
                global.push_back({bind->module + " in Next.js middleware", ev, false});
            pending.push_back({bind->module, ev});
        }
        for (const auto& a : use_args)
            for (const auto& n : csrf_names)
                if (str::contains(a, n) && !pending.empty()) {
                    global.push_back({pending.front().first + " middleware", pending.front().second, false});
                    break;
                }
        origin_scan(f);
    }
    std::vector<std::pair<std::string, Evidence>> pending;

    void go_file(const File& f) {
        auto b = web::bindings(f);
        for (const auto& c : sx::calls(f, sx::root(f))) {
            const auto* bind = web::binding_of(b, c.callee);
            if (!bind) continue;
            Evidence ev = node_evidence(f, c.node, c.callee);
            if (c.callee == "csrf.Protect" && web::module_is(bind->module, {"github.com/gorilla/csrf"}))
                global.push_back({"gorilla/csrf", ev, false});
            else if ((c.callee == "nosurf.New" || c.callee == "nosurf.NewPure") &&
                     web::module_is(bind->module, {"github.com/justinas/nosurf"}))
                global.push_back({"nosurf", ev, false});
            else if (c.callee == "http.NewCrossOriginProtection" && bind->module == "net/http")
                global.push_back({"http.CrossOriginProtection", ev, false});
            else if ((c.name == "CSRF" || c.name == "CSRFWithConfig") && str::contains(bind->module, "labstack/echo"))
                global.push_back({"echo CSRF middleware", ev, false});
            else if (c.callee == "csrf.Middleware" && web::module_is(bind->module, {"github.com/utrack/gin-csrf"}))
                global.push_back({"gin-csrf", ev, false});
        }
        origin_scan(f);
    }

    void py_file(const File& f) {
        auto b = web::bindings(f);
        for (const auto& c : sx::calls(f, sx::root(f))) {
            const auto* bind = web::binding_of(b, c.callee);
            Evidence ev = node_evidence(f, c.node, c.callee);
            if (bind && web::module_is(bind->module, {"flask_wtf"}) && c.name == "CSRFProtect")
                global.push_back({"Flask-WTF CSRFProtect", ev, false});
            else if ((c.name == "add_middleware" || c.callee == "Middleware")) {
                auto args = sx::call_args(c);
                if (!args.empty() && sx::text(f, args[0]) == "CSRFMiddleware")
                    global.push_back({"starlette-csrf CSRFMiddleware", ev, false});
            } else if (bind && bind->module == "asgi_csrf" && c.name == "asgi_csrf")
                global.push_back({"asgi-csrf", ev, false});
        }
        // @csrf_exempt / @csrf.exempt views
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "decorator")) return true;
            auto text = sx::text(f, n);
            if (!str::contains(text, "csrf_exempt") && !str::contains(text, "csrf.exempt")) return false;
            TSNode def = ts_node_parent(n);
            TSNode fn = web::field(def, "definition");
            Exempt e{&f, ts_node_start_byte(def), ts_node_end_byte(def), std::string(sx::text(f, web::field(fn, "name"))),
                     node_evidence(f, n, "CSRF check switched off")};
            exempt.push_back(std::move(e));
            return false;
        });
        origin_scan(f);
    }
};

// ---- Flask, route by route --------------------------------------------------------------

struct FlaskDefences {
    std::set<std::string> header_auth;  // variables bound to HTTPTokenAuth()/HTTPBasicAuth()/HTTPDigestAuth()/MultiAuth()
    std::set<std::string> forms;        // FlaskForm subclasses, followed through the service's own classes
    std::optional<Evidence> csrf_off;   // WTF_CSRF_ENABLED = False outside a test configuration
};

// A form class whose `class Meta: csrf = False` switches its token off.
bool meta_csrf_off(const File& f, TSNode cls) {
    bool off = false;
    sx::walk_types(web::field(cls, "body"), {"class_definition"}, [&](TSNode m) {
        if (sx::text(f, web::field(m, "name")) != "Meta") return false;
        sx::walk_types(web::field(m, "body"), {"assignment"}, [&](TSNode a) {
            if (sx::text(f, web::field(a, "left")) == "csrf" && sx::text(f, web::field(a, "right")) == "False") off = true;
            return true;
        });
        return false;
    });
    return off;
}

FlaskDefences flask_defences(const ProbeContext& ctx) {
    FlaskDefences d;
    std::vector<const File*> py;
    for (const auto* f : code_files(ctx))
        if (web::is_py(*f) && f->tree) py.push_back(f);
    const auto classes = comp::py_classes(py);
    std::function<bool(std::string_view, int)> is_form = [&](std::string_view name, int depth) {
        if (name == "FlaskForm") return true;
        auto it = classes.find(name);
        if (depth > 8 || it == classes.end() || meta_csrf_off(*it->second.file, it->second.node)) return false;
        for (const auto& b : comp::py_base_names(*it->second.file, it->second.node))
            if (b != name && is_form(b, depth + 1)) return true;
        return false;
    };
    for (const auto& [name, c] : classes)
        if (is_form(name, 0)) d.forms.insert(name);
    for (const auto* f : py) {
        if (str::contains(f->text, "flask_httpauth")) {
            auto b = web::bindings(*f);
            for (const auto& c : sx::calls(*f, sx::root(*f))) {
                if (c.name != "HTTPTokenAuth" && c.name != "HTTPBasicAuth" && c.name != "HTTPDigestAuth" && c.name != "MultiAuth")
                    continue;
                const auto* bind = web::binding_of(b, c.callee);
                TSNode p = ts_node_parent(c.node);
                if (bind && web::module_is(bind->module, {"flask_httpauth"}) && is(p, "assignment"))
                    d.header_auth.insert(std::string(sx::text(*f, web::field(p, "left"))));
            }
        }
        if (!str::contains(f->text, "WTF_CSRF_ENABLED")) continue;
        sx::walk_types(sx::root(*f), {"assignment"}, [&](TSNode a) {
            auto left = sx::text(*f, web::field(a, "left"));
            if (!str::contains(left, "WTF_CSRF_ENABLED") || sx::text(*f, web::field(a, "right")) != "False") return true;
            for (TSNode p = sx::named_parent(a); !ts_node_is_null(p); p = sx::named_parent(p))
                if (is(p, "class_definition") && str::icontains(sx::text(*f, web::field(p, "name")), "test")) return true;
            if (!d.csrf_off) d.csrf_off = node_evidence(*f, a, "Flask-WTF CSRF switched off");
            return true;
        });
    }
    return d;
}

// The decorators above a Flask view (their text without '@').
std::vector<std::string_view> decorators(const File& f, TSNode fn) {
    std::vector<std::string_view> out;
    TSNode dd = ts_node_parent(fn);
    if (!is(dd, "decorated_definition")) return out;
    for (TSNode c : web::named_children(dd))
        if (is(c, "decorator") && ts_node_named_child_count(c) > 0) out.push_back(sx::text(f, ts_node_named_child(c, 0)));
    return out;
}

// Flask-HTTPAuth guard on the view: `@token_auth.login_required` (or `login_required(role=...)`).
std::string header_auth_guard(const File& f, TSNode fn, const FlaskDefences& d) {
    for (auto dec : decorators(f, fn)) {
        auto call = dec.find('(');
        auto name = dec.substr(0, call);
        auto dot = name.rfind('.');
        if (dot == std::string_view::npos || name.substr(dot + 1) != "login_required") continue;
        if (d.header_auth.count(std::string(name.substr(0, dot)))) return std::string(name.substr(0, dot));
    }
    return {};
}

// `PostForm(meta={'csrf': False})`: the form's token switched off for this instance.
bool meta_csrf_off_arg(const File& f, TSNode arguments) {
    TSNode meta = web::py_kwarg(f, arguments, "meta");
    if (ts_node_is_null(meta) || !is(meta, "dictionary")) return false;
    bool off = false;
    for (TSNode pair : web::named_children(meta))
        if (is(pair, "pair") && web::str_lit(f, web::field(pair, "key")) == std::optional<std::string>("csrf") &&
            sx::text(f, web::field(pair, "value")) == "False")
            off = true;
    return off;
}

// A Flask-WTF form the view builds and validates: `form = PostForm()` ... `form.validate_on_submit()`.
std::string validated_form(const File& f, TSNode fn, const FlaskDefences& d) {
    std::map<std::string, std::string> built;  // variable -> form class
    std::string found;
    for (const auto& c : sx::calls(f, fn)) {
        if (d.forms.count(c.callee)) {
            TSNode p = ts_node_parent(c.node);
            if (is(p, "assignment") && is(web::field(p, "left"), "identifier") && !meta_csrf_off_arg(f, c.arguments))
                built[std::string(sx::text(f, web::field(p, "left")))] = c.callee;
            continue;
        }
        if (c.name != "validate_on_submit" && c.name != "validate") continue;
        auto dot = c.callee.rfind('.');
        if (dot == std::string::npos) continue;
        auto it = built.find(c.callee.substr(0, dot));
        if (it != built.end() && found.empty()) found = it->second;
    }
    return found;
}

// The view reads its body only as JSON (request.get_json() / request.json without force=True): Flask
// answers 415 to a form post, and a cross-site JSON POST needs a CORS preflight.
bool json_only_body(const File& f, TSNode fn) {
    bool json = false, other = false;
    sx::walk_types(fn, {"attribute", "call"}, [&](TSNode n) {
        auto t = sx::text(f, n);
        if (is(n, "call")) {
            auto callee = sx::text(f, web::field(n, "function"));
            if (callee == "request.get_json") {
                if (str::contains(sx::text(f, web::field(n, "arguments")), "force")) other = true;
                else json = true;
            }
            return true;
        }
        if (t == "request.json") json = true;
        if (t == "request.form" || t == "request.values" || t == "request.data" || t == "request.files" ||
            t == "request.get_data")
            other = true;
        return true;
    });
    return json && !other;
}

// The view neither requires a login (flask_login's login_required, fresh_login_required) nor reads the
// login session (current_user, session): it does nothing on behalf of the cookie's owner.
bool uses_login_session(const File& f, TSNode fn) {
    for (auto dec : decorators(f, fn)) {
        auto name = dec.substr(0, dec.find('('));
        if (name == "login_required" || name == "fresh_login_required" || str::ends_with(name, ".login_required") ||
            str::contains(name, "permission") || str::contains(name, "role"))
            return true;
    }
    bool used = false;
    sx::walk_types(fn, {"identifier"}, [&](TSNode n) {
        TSNode p = ts_node_parent(n);
        if (is(p, "attribute") && ts_node_eq(web::field(p, "attribute"), n)) return true;  // db.session is not Flask's
        auto t = sx::text(f, n);
        if (t == "current_user" || t == "session" || t == "login_user" || t == "logout_user" || t == "g") used = true;
        return !used;
    });
    return used;
}

bool webhook_like(std::string_view s) {
    auto l = str::lower(s);
    return str::contains(l, "webhook") || str::contains(l, "hook");
}

bool state_changing(const ProbeContext& ctx, const Route& r) {
    if (r.method == "POST" || r.method == "PUT" || r.method == "PATCH" || r.method == "DELETE") return true;
    if (r.method != "ANY") return false;
    if (r.framework == "django") return true;  // views answer every method unless restricted
    auto h = handler_of(ctx, r);
    if (!h) return r.framework == "net/http" || r.framework == "nextjs-pages";
    auto text = sx::text(*h->file, h->node);
    for (std::string_view m : {"POST", "PUT", "PATCH", "DELETE", "MethodPost", "MethodPut", "MethodPatch", "MethodDelete"})
        if (str::contains(text, m)) return true;
    return false;
}

std::string route_name(const Route& r) { return r.method + " " + r.path; }

}  // namespace

// The decision; the probe masks secret-looking literals in the snippets it returns.
static Outcome decide(const ProbeContext& ctx) {
    if (!web::is_web_service(ctx)) return na("No HTTP server in this service, so CSRF does not apply.");
    auto cookies = web::cookie_report(ctx);
    bool session_cookie_set = std::any_of(cookies.sites.begin(), cookies.sites.end(), [](const web::CookieSite& s) {
        return s.session && s.how.find("settings") == std::string::npos;
    });
    const bool cookie_auth = cookies.cookie_session || cookies.next_auth || cookies.auth_cookie_read || session_cookie_set;

    Scan scan{ctx, {}, {}, {}, std::nullopt, {}, {}, {}};
    for (const auto* f : web::files_with(ctx, {"sec.web-csrf"})) {
        if (!f->tree) continue;
        if (web::is_js(*f)) scan.js_file(*f);
        else if (web::is_go(*f)) scan.go_file(*f);
        else if (web::is_py(*f)) scan.py_file(*f);
    }
    auto settings = web::python_settings(ctx);
    const bool django = web::is_django(ctx, settings);
    bool django_csrf = false;
    if (django) {
        auto mw = web::setting_strings(settings, "MIDDLEWARE");
        django_csrf = std::any_of(mw.begin(), mw.end(), [](const std::string& m) { return str::ends_with(m, "CsrfViewMiddleware"); });
        if (django_csrf)
            scan.global.push_back({"Django CsrfViewMiddleware (in MIDDLEWARE, Django's project default)",
                                   *web::setting_evidence(settings, "MIDDLEWARE", "CsrfViewMiddleware"), true});
    }

    Outcome out;
    out.other_evidence = web::other_hits(ctx, {"sec.web-csrf"}, "not the service's own code");
    if (!cookie_auth)
        return na("No cookie-based authentication (no session middleware, auth cookie or NextAuth): token-authenticated "
                  "or anonymous APIs are not exposed to CSRF.");

    // Explicit SameSite=Lax/Strict on the session cookie (accepted with a note).
    const web::CookieSite* same_site = nullptr;
    for (const auto& s : cookies.sites)
        if (s.session && s.same_site == web::Flag::on && (s.same_site_value == "lax" || s.same_site_value == "strict"))
            same_site = &s;
    const bool next_auth = cookies.next_auth;

    const bool flask = ctx.svc().frameworks.count("flask") > 0;
    FlaskDefences fd = flask ? flask_defences(ctx) : FlaskDefences{};
    std::vector<const Route*> changing;
    std::vector<std::string> skipped;
    for (const auto* r : routes(ctx)) {
        if (!state_changing(ctx, *r)) continue;
        if (r->framework == "flask") {
            if (auto h = handler_of(ctx, *r)) {
                if (auto g = header_auth_guard(*h->file, h->node, fd); !g.empty()) {
                    skipped.push_back(route_name(*r) + " (Flask-HTTPAuth " + g + ": the Authorization header, not a cookie)");
                    continue;
                }
                if (!uses_login_session(*h->file, h->node)) {
                    skipped.push_back(route_name(*r) + " (does not use the login session)");
                    continue;
                }
            }
        }
        if (next_auth && str::contains(r->path, "/api/auth/")) {
            skipped.push_back(route_name(*r) + " (NextAuth's own CSRF token)");
            continue;
        }
        if (webhook_like(r->path) || webhook_like(r->handler_name)) {
            skipped.push_back(route_name(*r) + " (webhook: signature-verified, see SEC-19)");
            continue;
        }
        changing.push_back(r);
    }

    // Exempted views (Django @csrf_exempt, Flask-WTF @csrf.exempt) that are not webhooks.
    std::vector<std::string> exempt_names;
    std::vector<Evidence> exempt_ev;
    for (const auto& e : scan.exempt) {
        bool hook = webhook_like(e.name);
        for (const auto* r : routes(ctx))
            if (r->handler_file == web::index_of(ctx, *e.file) && r->handler_begin >= e.begin && r->handler_begin < e.end &&
                webhook_like(r->path))
                hook = true;
        if (hook) continue;
        exempt_names.push_back(e.name.empty() ? e.ev.path : e.name);
        exempt_ev.push_back(e.ev);
    }

    if (changing.empty() && exempt_names.empty()) {
        if (scan.server_actions) {
            out.status = Status::pass;
            out.relied_on_default = true;
            out.evidence.push_back(*scan.server_actions);
            out.message = "State changes go through Next.js server actions, which reject requests whose Origin does not "
                          "match the Host (the framework's default).";
            return out;
        }
        return na(skipped.empty() ? "No state-changing (POST/PUT/PATCH/DELETE) routes."
                                  : fmt::format("No state-changing routes besides {}.", str::join(skipped, ", ")));
    }

    std::vector<std::string> unprotected, protected_by, default_notes;
    std::vector<Evidence> bad_ev, good_ev, form_ev;
    bool by_default = false;
    for (const auto* r : changing) {
        bool ok = false;
        if (!scan.global.empty()) {
            ok = true;
        }
        if (!ok) {
            for (const auto& m : r->middleware)
                for (const auto& n : scan.csrf_names)
                    if (str::contains(m, n)) ok = true;
            if (ok) protected_by.push_back(route_name(*r) + " (CSRF middleware on the route)");
        }
        if (!ok) {
            for (const auto& [fi, b, e] : scan.origin_checks) {
                bool in_handler = r->handler_file == fi && b <= r->handler_end && r->handler_begin <= e;
                bool global_fn = true;
                for (const auto* other : routes(ctx))
                    if (other->handler_file == fi && other->handler_begin <= b && e <= other->handler_end) global_fn = false;
                if (in_handler || global_fn) ok = true;
            }
            if (ok) protected_by.push_back(route_name(*r) + " (Origin header check)");
        }
        if (!ok && r->framework == "flask" && !fd.csrf_off) {
            if (auto h = handler_of(ctx, *r)) {
                if (auto form = validated_form(*h->file, h->node, fd); !form.empty()) {
                    ok = true;
                    by_default = true;
                    protected_by.push_back(fmt::format("{} (validates Flask-WTF form {}, which checks a CSRF token by default)",
                                                       route_name(*r), form));
                    if (form_ev.size() < 3) form_ev.push_back(route_evidence(ctx, *r, "Flask-WTF form " + form + " validated"));
                } else if (json_only_body(*h->file, h->node)) {
                    ok = true;
                    protected_by.push_back(route_name(*r) +
                                           " (JSON-only body: Flask answers 415 to a form post and a cross-site JSON POST "
                                           "needs a CORS preflight, see SEC-20)");
                }
            }
        }
        if (!ok && next_auth && (r->framework == "nextjs-app" || r->framework == "nextjs-pages")) {
            ok = true;
            by_default = true;
            default_notes.push_back(route_name(*r));
        }
        if (!ok && same_site && !django) {
            ok = true;
            by_default = by_default || same_site->defaults;
            protected_by.push_back(fmt::format("{} (session cookie '{}' is SameSite={})", route_name(*r), same_site->name,
                                               same_site->same_site_value));
        }
        if (!ok) {
            unprotected.push_back(route_name(*r));
            if (bad_ev.size() < 8) bad_ev.push_back(route_evidence(ctx, *r, "state-changing route without a CSRF defence"));
        }
    }

    if (!unprotected.empty() || !exempt_names.empty()) {
        out.status = Status::fail;
        std::vector<std::string> parts;
        if (!unprotected.empty())
            parts.push_back(fmt::format("{} state-changing route(s) accept cookie-authenticated requests without a CSRF token, "
                                        "Origin check or SameSite session cookie: {}",
                                        unprotected.size(), str::join(unprotected, ", ")));
        if (!exempt_names.empty())
            parts.push_back(fmt::format("CSRF protection is switched off on {}", str::join(exempt_names, ", ")));
        if (fd.csrf_off)
            parts.push_back(fmt::format("Flask-WTF's form token is switched off ({}:{}: WTF_CSRF_ENABLED = False)",
                                        fd.csrf_off->path, fd.csrf_off->line));
        out.message = str::join(parts, ". ") + ".";
        out.evidence = bad_ev;
        out.evidence.insert(out.evidence.end(), exempt_ev.begin(), exempt_ev.end());
        if (!cookies.session_evidence.empty()) out.evidence.push_back(cookies.session_evidence.front());
        if (fd.csrf_off) out.evidence.push_back(*fd.csrf_off);
        return out;
    }

    out.status = Status::pass;
    std::vector<std::string> parts;
    for (const auto& g : scan.global) {
        parts.push_back(g.what);
        out.evidence.push_back(g.ev);
        by_default = by_default || g.by_default;
    }
    if (!scan.global.empty() && std::all_of(scan.global.begin(), scan.global.end(), [](const Protection& p) { return !p.by_default; }))
        by_default = false;
    for (const auto& g : scan.global)
        if (str::contains(g.what, "csurf")) parts.push_back("note: csurf is deprecated, move to csrf-csrf or csrf-sync");
    if (!protected_by.empty()) parts.push_back(str::join(protected_by, ", "));
    for (const auto& e : scan.origin_check_ev) out.evidence.push_back(e);
    for (const auto& e : form_ev) out.evidence.push_back(e);
    if (!default_notes.empty()) {
        parts.push_back(fmt::format("Next.js route handlers {} rely on NextAuth's session cookie being SameSite=Lax (its "
                                    "default), so cross-site POSTs carry no session; an Origin check would add defence in depth",
                                    str::join(default_notes, ", ")));
        if (cookies.next_auth_at) out.evidence.push_back(*cookies.next_auth_at);
        for (const auto* r : changing)
            if (out.evidence.size() < 8) out.evidence.push_back(route_evidence(ctx, *r, "state-changing route"));
    }
    if (!skipped.empty()) parts.push_back("not exposed: " + str::join(skipped, ", "));
    if (same_site && protected_by.size() && out.evidence.size() < 8) out.evidence.push_back(same_site->evidence());
    out.relied_on_default = by_default;
    out.message = fmt::format("State-changing routes are covered against CSRF: {}.", str::join(parts, "; "));
    return out;
}

Outcome probe_sec_csrf_protection(const ProbeContext& ctx) { return web::masked(decide(ctx)); }

}  // namespace gonogo::checks
