// Probe sec.security_headers: are X-Content-Type-Options nosniff, frame denial
// (X-Frame-Options or CSP frame-ancestors), a strict Referrer-Policy and HSTS
// with max-age >= 1 year set on every response, by the app, a library default
// (helmet, Django, Talisman, secure, gin/unrolled secure, echo) or the proxy?
#include <array>

#include <fmt/format.h>

#include "checks/security/web_probes.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {
namespace {

namespace sx = collect::syntax;
using collect::File;
using web::is;

constexpr long long k_year = 31536000;

enum Header { k_nosniff = 0, k_frame = 1, k_referrer = 2, k_hsts = 3 };
constexpr std::array<std::string_view, 4> k_names{"X-Content-Type-Options", "X-Frame-Options",
                                                  "Referrer-Policy", "Strict-Transport-Security"};

enum class V { ok, weak, unknown, disabled };

struct Source {
    V v = V::ok;
    Evidence ev;
    std::string detail;  // "max-age=15552000", "helmet default"
    bool by_default = false;
    bool route_only = false;
};

struct Collector {
    std::array<std::vector<Source>, 4> src;
    void add(Header h, V v, Evidence ev, std::string detail, bool by_default = false, bool route_only = false) {
        src[h].push_back({v, std::move(ev), std::move(detail), by_default, route_only});
    }
};

V judge_nosniff(std::string_view v) { return str::lower(str::trim(v)) == "nosniff" ? V::ok : V::weak; }

V judge_xfo(std::string_view v) {
    auto s = str::lower(str::trim(v));
    return s == "deny" || s == "sameorigin" ? V::ok : V::weak;
}

// CSP frame-ancestors: 'none' / 'self' / explicit origins are fine; '*' or a bare scheme is not.
std::optional<V> judge_csp_frame(std::string_view csp) {
    auto s = str::lower(csp);
    auto pos = s.find("frame-ancestors");
    if (pos == std::string::npos) return std::nullopt;
    auto end = s.find(';', pos);
    auto dir = std::string_view(s).substr(pos + 15, end == std::string::npos ? std::string::npos : end - pos - 15);
    for (auto tok : str::split(dir, ' ')) {
        tok = str::trim(tok);
        if (tok == "*" || tok == "https:" || tok == "http:" || tok == "data:") return V::weak;
    }
    return V::ok;
}

V judge_referrer(std::string_view v) {
    // Browsers use the last policy they understand in a comma-separated list.
    auto parts = str::split(v, ',');
    auto last = str::lower(str::trim(parts.empty() ? v : parts.back()));
    return last == "no-referrer" || last == "same-origin" || last == "strict-origin" ||
                   last == "strict-origin-when-cross-origin"
               ? V::ok
               : V::weak;
}

std::optional<long long> hsts_max_age(std::string_view v) {
    auto s = str::lower(v);
    auto pos = s.find("max-age");
    if (pos == std::string::npos) return std::nullopt;
    pos = s.find('=', pos);
    if (pos == std::string::npos) return std::nullopt;
    ++pos;
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"')) ++pos;
    long long n = 0;
    bool any = false;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && n < 1'000'000'000'000LL) {
        n = n * 10 + (s[pos++] - '0');
        any = true;
    }
    if (!any) return std::nullopt;
    return n;
}

void judge_hsts_seconds(Collector& c, std::optional<long long> secs, Evidence ev, std::string what, bool by_default) {
    if (!secs) {
        c.add(k_hsts, V::unknown, std::move(ev), what + " max-age not a literal");
        return;
    }
    if (*secs >= k_year) c.add(k_hsts, V::ok, std::move(ev), fmt::format("{} max-age={}", what, *secs), by_default);
    else c.add(k_hsts, V::weak, std::move(ev), fmt::format("{} max-age={} (< {})", what, *secs, k_year), by_default);
}

// Response headers set as literal name/value pairs (code, next.config, vercel.json, nginx, ingress snippets).
void from_header_sites(const ProbeContext& ctx, Collector& c) {
    static const std::set<std::string, std::less<>> k_wanted{"x-content-type-options", "x-frame-options",
                                                             "referrer-policy", "strict-transport-security",
                                                             "content-security-policy"};
    for (const auto& s : web::header_sites(ctx, k_wanted, {"sec.web-header"})) {
        Evidence ev = s.evidence();
        if (s.name == "content-security-policy") {
            if (!s.value) continue;
            if (auto v = judge_csp_frame(*s.value)) c.add(k_frame, *v, ev, "CSP frame-ancestors via " + s.how, false, s.route_only);
            continue;
        }
        Header h = s.name == "x-content-type-options" ? k_nosniff
                   : s.name == "x-frame-options"      ? k_frame
                   : s.name == "referrer-policy"      ? k_referrer
                                                      : k_hsts;
        if (!s.value) {
            c.add(h, V::unknown, ev, s.how + ": value not a literal", false, s.route_only);
            continue;
        }
        const std::string& v = *s.value;
        switch (h) {
            case k_nosniff: c.add(h, judge_nosniff(v), ev, v + " (" + s.how + ")", false, s.route_only); break;
            case k_frame: c.add(h, judge_xfo(v), ev, v + " (" + s.how + ")", false, s.route_only); break;
            case k_referrer: c.add(h, judge_referrer(v), ev, v + " (" + s.how + ")", false, s.route_only); break;
            case k_hsts: {
                auto age = hsts_max_age(v);
                if (!age) c.add(h, V::weak, ev, "'" + v + "' has no max-age", false, s.route_only);
                else if (*age >= k_year) c.add(h, V::ok, ev, fmt::format("max-age={} ({})", *age, s.how), false, s.route_only);
                else c.add(h, V::weak, ev, fmt::format("max-age={} (< {}, {})", *age, k_year, s.how), false, s.route_only);
                break;
            }
        }
    }
}

// helmet (Express, NestJS), koa-helmet, @fastify/helmet: all four by default; options can switch one off.
void helmet_options(const ProbeContext& ctx, const File& f, TSNode call, TSNode opts, std::optional<int> helmet_major,
                    Collector& c) {
    Evidence ev = node_evidence(f, call, "helmet");
    opts = web::resolved(f, opts);
    if (!ts_node_is_null(opts) && !is(opts, "object")) {
        for (Header h : {k_nosniff, k_frame, k_referrer, k_hsts}) c.add(h, V::unknown, ev, "helmet options not a literal object");
        return;
    }
    auto opt = [&](std::initializer_list<std::string_view> keys) -> TSNode {
        if (ts_node_is_null(opts)) return TSNode{};
        for (auto k : keys) {
            TSNode v = web::js_prop(f, opts, k);
            if (!ts_node_is_null(v)) return v;
        }
        return TSNode{};
    };
    auto disabled = [&](TSNode v) { return web::bool_lit(f, v) == std::optional<bool>(false); };
    // nosniff
    TSNode ns = opt({"xContentTypeOptions", "noSniff"});
    if (disabled(ns)) c.add(k_nosniff, V::disabled, node_evidence(f, ns, "helmet"), "helmet: xContentTypeOptions: false");
    else c.add(k_nosniff, V::ok, ev, "nosniff (helmet default)", ts_node_is_null(ns));
    // frame: X-Frame-Options SAMEORIGIN by default, and the default CSP carries frame-ancestors 'self'.
    TSNode fo = opt({"xFrameOptions", "frameguard"});
    TSNode csp = opt({"contentSecurityPolicy"});
    if (disabled(fo)) {
        if (!disabled(csp)) c.add(k_frame, V::ok, ev, "frame-ancestors 'self' (helmet's default CSP)", true);
        else c.add(k_frame, V::disabled, node_evidence(f, fo, "helmet"), "helmet: xFrameOptions and CSP disabled");
    } else {
        std::string action = "SAMEORIGIN";
        if (is(web::unwrap(fo), "object"))
            if (auto a = web::str_lit(f, web::js_prop(f, fo, "action"))) action = str::lower(*a) == "deny" ? "DENY" : *a;
        c.add(k_frame, judge_xfo(action), ev, action + " (helmet" + (ts_node_is_null(fo) ? " default)" : ")"),
              ts_node_is_null(fo));
    }
    // Referrer-Policy: no-referrer by default.
    TSNode rp = opt({"referrerPolicy"});
    if (disabled(rp)) {
        c.add(k_referrer, V::disabled, node_evidence(f, rp, "helmet"), "helmet: referrerPolicy: false");
    } else if (is(web::unwrap(rp), "object")) {
        TSNode pol = web::js_prop(f, rp, "policy");
        std::optional<std::string> p = web::str_lit(f, pol);
        if (!p && is(web::unwrap(pol), "array")) {
            auto items = web::named_children(web::unwrap(pol));
            if (!items.empty()) p = web::str_lit(f, items.back());
        }
        if (p) c.add(k_referrer, judge_referrer(*p), node_evidence(f, rp, "helmet"), *p + " (helmet)");
        else c.add(k_referrer, V::ok, ev, "no-referrer (helmet default)", true);
    } else {
        c.add(k_referrer, V::ok, ev, "no-referrer (helmet default)", true);
    }
    // HSTS: 365 days since helmet 7, 180 days before.
    TSNode hs = opt({"strictTransportSecurity", "hsts"});
    if (disabled(hs)) {
        c.add(k_hsts, V::disabled, node_evidence(f, hs, "helmet"), "helmet: strictTransportSecurity: false");
    } else if (is(web::unwrap(hs), "object") && !ts_node_is_null(web::js_prop(f, hs, "maxAge"))) {
        judge_hsts_seconds(c, web::int_lit(f, web::resolved(f, web::js_prop(f, hs, "maxAge"))),
                           node_evidence(f, hs, "helmet hsts"), "helmet", false);
    } else if (!helmet_major) {
        c.add(k_hsts, V::unknown, ev, "helmet's default HSTS max-age depends on its version (1 year since helmet 7, 180 days before), and the version is not declared");
    } else if (*helmet_major >= 7) {
        c.add(k_hsts, V::ok, ev, "max-age=31536000 (helmet >= 7 default)", true);
    } else {
        c.add(k_hsts, V::weak, ev, "max-age=15552000 (helmet < 7 default, 180 days)", true);
    }
    (void)ctx;
}

std::optional<int> helmet_major_for(const ProbeContext& ctx, std::string_view module) {
    if (module == "helmet") return web::dependency_major(ctx, "helmet");
    if (module == "koa-helmet") {
        auto m = web::dependency_major(ctx, "koa-helmet");
        if (!m) return std::nullopt;
        return *m >= 7 ? 7 : 6;  // koa-helmet 7 wraps helmet 7
    }
    if (module == "@fastify/helmet") {
        auto m = web::dependency_major(ctx, "@fastify/helmet");
        if (!m) return std::nullopt;
        return *m >= 11 ? 7 : 6;  // @fastify/helmet 11 wraps helmet 7
    }
    return std::nullopt;
}

void from_js_libraries(const ProbeContext& ctx, const File& f, Collector& c) {
    auto b = web::bindings(f);
    for (const auto& call : sx::calls(f, sx::root(f))) {
        auto args = sx::call_args(call);
        const auto* bind = web::binding_of(b, call.callee);
        if (bind && (bind->module == "helmet" || bind->module == "koa-helmet") && call.callee.find('.') == std::string::npos) {
            helmet_options(ctx, f, call.node, args.empty() ? TSNode{} : args[0], helmet_major_for(ctx, bind->module), c);
            continue;
        }
        // helmet.hsts({...}), helmet.frameguard(), helmet.noSniff(), helmet.referrerPolicy()
        if (bind && bind->module == "helmet" && call.callee.find('.') != std::string::npos) {
            Evidence ev = node_evidence(f, call.node, "helmet." + std::string(call.name));
            TSNode o = args.empty() ? TSNode{} : args[0];
            if (call.name == "hsts" || call.name == "strictTransportSecurity") {
                TSNode ma = web::js_prop(f, o, "maxAge");
                if (!ts_node_is_null(ma)) judge_hsts_seconds(c, web::int_lit(f, web::resolved(f, ma)), ev, "helmet.hsts", false);
                else {
                    auto major = web::dependency_major(ctx, "helmet");
                    if (!major) c.add(k_hsts, V::unknown, ev, "helmet.hsts default depends on helmet's version");
                    else if (*major >= 7) c.add(k_hsts, V::ok, ev, "max-age=31536000 (helmet >= 7 default)", true);
                    else c.add(k_hsts, V::weak, ev, "max-age=15552000 (helmet < 7 default)", true);
                }
            } else if (call.name == "frameguard" || call.name == "xFrameOptions") {
                c.add(k_frame, V::ok, ev, "helmet." + std::string(call.name));
            } else if (call.name == "noSniff" || call.name == "xContentTypeOptions") {
                c.add(k_nosniff, V::ok, ev, "helmet." + std::string(call.name));
            } else if (call.name == "referrerPolicy") {
                auto p = web::str_lit(f, web::js_prop(f, o, "policy"));
                c.add(k_referrer, p ? judge_referrer(*p) : V::ok, ev, p ? *p : "no-referrer (helmet default)", !p);
            }
            continue;
        }
        // fastify.register(helmet, opts)
        if (call.name == "register" && !args.empty()) {
            const auto* pb = web::binding_of(b, sx::text(f, args[0]));
            if (pb && (pb->module == "@fastify/helmet" || pb->module == "fastify-helmet"))
                helmet_options(ctx, f, call.node, args.size() > 1 ? args[1] : TSNode{}, helmet_major_for(ctx, pb->module), c);
        }
    }
}

// Django SecurityMiddleware and XFrameOptionsMiddleware with their settings.
void from_django(const ProbeContext& ctx, Collector& c) {
    auto s = web::python_settings(ctx);
    if (!web::is_django(ctx, s) || !s.count("MIDDLEWARE")) return;
    auto mw = web::setting_strings(s, "MIDDLEWARE");
    auto has = [&](std::string_view m) {
        return std::any_of(mw.begin(), mw.end(), [&](const std::string& x) { return str::ends_with(x, m); });
    };
    Evidence mw_ev = *web::setting_evidence(s, "MIDDLEWARE", "Django MIDDLEWARE");
    auto last = [&](std::string_view key) -> const web::PySetting* {
        auto it = s.find(key);
        return it == s.end() || it->second.empty() ? nullptr : &it->second.back();
    };
    auto ev_of = [&](const web::PySetting* a, std::string note) { return a->file->evidence_at(a->offset, std::move(note)); };
    if (has("SecurityMiddleware")) {
        if (const auto* a = last("SECURE_CONTENT_TYPE_NOSNIFF")) {
            auto b = web::bool_lit(*a->file, a->value);
            c.add(k_nosniff, b == std::optional<bool>(true) ? V::ok : (b ? V::disabled : V::unknown),
                  ev_of(a, "SECURE_CONTENT_TYPE_NOSNIFF"), "SECURE_CONTENT_TYPE_NOSNIFF");
        } else {
            c.add(k_nosniff, V::ok, mw_ev, "nosniff (Django SecurityMiddleware default)", true);
        }
        if (const auto* a = last("SECURE_REFERRER_POLICY")) {
            auto v = web::str_lit(*a->file, a->value);
            c.add(k_referrer, v ? judge_referrer(*v) : V::unknown, ev_of(a, "SECURE_REFERRER_POLICY"),
                  v ? *v + " (SECURE_REFERRER_POLICY)" : "SECURE_REFERRER_POLICY not a literal");
        } else {
            c.add(k_referrer, V::ok, mw_ev, "same-origin (Django SecurityMiddleware default)", true);
        }
        const web::PySetting* best = nullptr;
        std::optional<long long> best_secs;
        bool unresolved = false;
        if (auto it = s.find("SECURE_HSTS_SECONDS"); it != s.end())
            for (const auto& a : it->second) {
                auto n = web::int_lit(*a.file, web::resolved(*a.file, a.value));
                if (!n) {
                    unresolved = true;
                    if (!best) best = &a;
                    continue;
                }
                if (!best_secs || *n > *best_secs) {
                    best_secs = n;
                    best = &a;
                }
            }
        if (best_secs && (*best_secs >= k_year || !unresolved))
            judge_hsts_seconds(c, best_secs, ev_of(best, "SECURE_HSTS_SECONDS"), "SECURE_HSTS_SECONDS", false);
        else if (best)
            c.add(k_hsts, V::unknown, ev_of(best, "SECURE_HSTS_SECONDS"), "SECURE_HSTS_SECONDS read from the environment");
    }
    if (has("XFrameOptionsMiddleware")) {
        if (const auto* a = last("X_FRAME_OPTIONS")) {
            auto v = web::str_lit(*a->file, a->value);
            c.add(k_frame, v ? judge_xfo(*v) : V::unknown, ev_of(a, "X_FRAME_OPTIONS"), v ? *v + " (X_FRAME_OPTIONS)" : "X_FRAME_OPTIONS not a literal");
        } else {
            c.add(k_frame, V::ok, mw_ev, "DENY (Django XFrameOptionsMiddleware default)", true);
        }
    }
}

void from_python_libraries(const ProbeContext& ctx, const File& f, Collector& c) {
    auto b = web::bindings(f);
    auto calls = sx::calls(f, sx::root(f));
    bool applies_secure = false;
    for (const auto& call : calls)
        if (call.name == "set_headers" || call.name == "set_headers_async" || str::contains(call.callee, ".framework."))
            applies_secure = true;
    for (const auto& call : calls) {
        const auto* bind = web::binding_of(b, call.callee);
        // Flask-Talisman: all four by default.
        if ((call.callee == "Talisman" || call.name == "Talisman") && bind &&
            (web::module_is(bind->module, {"flask_talisman"}) || bind->module == "talisman")) {
            Evidence ev = node_evidence(f, call.node, "Flask-Talisman");
            auto kw = [&](std::string_view k) { return web::py_kwarg(f, call.arguments, k); };
            auto off = [&](TSNode v) { return !ts_node_is_null(v) && web::bool_lit(f, v) == std::optional<bool>(false); };
            TSNode ns = kw("x_content_type_options");
            if (ts_node_is_null(ns)) ns = kw("content_type_nosniff");
            if (off(ns)) c.add(k_nosniff, V::disabled, ev, "Talisman x_content_type_options=False");
            else c.add(k_nosniff, V::ok, ev, "nosniff (Talisman default)", ts_node_is_null(ns));
            TSNode fo = kw("frame_options");
            if (!ts_node_is_null(fo) && sx::text(f, fo) == "None") c.add(k_frame, V::disabled, ev, "Talisman frame_options=None");
            else if (auto v = web::str_lit(f, fo)) c.add(k_frame, judge_xfo(*v), ev, *v + " (Talisman)");
            else c.add(k_frame, V::ok, ev, "SAMEORIGIN (Talisman default)", ts_node_is_null(fo));
            TSNode rp = kw("referrer_policy");
            if (auto v = web::str_lit(f, rp)) c.add(k_referrer, judge_referrer(*v), ev, *v + " (Talisman)");
            else c.add(k_referrer, V::ok, ev, "strict-origin-when-cross-origin (Talisman default)", true);
            TSNode sts = kw("strict_transport_security");
            TSNode age = kw("strict_transport_security_max_age");
            if (off(sts)) c.add(k_hsts, V::disabled, ev, "Talisman strict_transport_security=False");
            else if (!ts_node_is_null(age)) judge_hsts_seconds(c, web::int_lit(f, web::resolved(f, age)), ev, "Talisman", false);
            else c.add(k_hsts, V::ok, ev, "max-age=31556926 (Talisman default)", true);
            continue;
        }
        // secure (FastAPI/Starlette/Django/Flask): Secure.with_default_headers() or Secure(hsts=..., xfo=..., ...).
        if (bind && bind->module == "secure" && (call.name == "with_default_headers" || call.name == "Secure")) {
            Evidence ev = node_evidence(f, call.node, "secure");
            if (!applies_secure) {
                for (Header h : {k_nosniff, k_frame, k_referrer, k_hsts})
                    c.add(h, V::unknown, ev, "secure headers object created but not seen applied to responses");
                continue;
            }
            if (call.name == "with_default_headers") {
                c.add(k_nosniff, V::ok, ev, "nosniff (secure defaults)", true);
                c.add(k_frame, V::ok, ev, "SAMEORIGIN (secure defaults)", true);
                c.add(k_referrer, V::ok, ev, "strict-origin-when-cross-origin (secure defaults)", true);
                c.add(k_hsts, V::ok, ev, "max-age=31536000 (secure defaults)", true);
                continue;
            }
            auto args = sx::call_args(call);
            if (args.empty()) {
                auto major = web::dependency_major(ctx, "secure");
                if (major && *major == 0) {  // secure 0.x: Secure() sends its defaults
                    c.add(k_nosniff, V::ok, ev, "nosniff (secure 0.x defaults)", true);
                    c.add(k_frame, V::ok, ev, "SAMEORIGIN (secure 0.x defaults)", true);
                    c.add(k_referrer, V::ok, ev, "strict-origin-when-cross-origin (secure 0.x defaults)", true);
                    c.add(k_hsts, V::ok, ev, "max-age=63072000 (secure 0.x defaults)", true);
                } else {
                    for (Header h : {k_nosniff, k_frame, k_referrer, k_hsts})
                        c.add(h, V::unknown, ev, "Secure() without arguments: what it sends depends on the secure version");
                }
                continue;
            }
            auto kw = [&](std::string_view k) { return web::py_kwarg(f, call.arguments, k); };
            if (!ts_node_is_null(kw("xcto"))) c.add(k_nosniff, V::ok, ev, "nosniff (secure xcto)");
            if (!ts_node_is_null(kw("xfo"))) c.add(k_frame, V::ok, ev, "secure xfo");
            if (!ts_node_is_null(kw("referrer"))) c.add(k_referrer, V::unknown, ev, "secure referrer policy object");
            TSNode hsts = kw("hsts");
            if (!ts_node_is_null(hsts)) {
                std::optional<long long> secs = 31536000;
                for (const auto& inner : sx::calls(f, hsts))
                    if (inner.name == "max_age") {
                        auto a = sx::call_args(inner);
                        secs = a.empty() ? std::nullopt : web::int_lit(f, a[0]);
                    }
                judge_hsts_seconds(c, secs, ev, "secure hsts", false);
            }
        }
    }
}

// unrolled/secure, gin-contrib/secure, echo middleware.Secure*, fiber helmet.
void from_go_libraries(const File& f, Collector& c) {
    auto b = web::bindings(f);
    auto go_str = [&](TSNode v) { return web::str_lit(f, web::resolved(f, v)); };
    auto secure_struct = [&](TSNode lit, std::string_view what, bool echo_style) {
        Evidence ev = node_evidence(f, lit, std::string(what));
        TSNode dev = web::go_key(f, lit, "IsDevelopment");
        if (!ts_node_is_null(dev) && web::bool_lit(f, dev) == std::optional<bool>(true)) {
            for (Header h : {k_nosniff, k_frame, k_referrer, k_hsts}) c.add(h, V::disabled, ev, "IsDevelopment: true");
            return;
        }
        if (echo_style) {
            if (auto v = go_str(web::go_key(f, lit, "ContentTypeNosniff"))) c.add(k_nosniff, judge_nosniff(*v), ev, *v);
            if (auto v = go_str(web::go_key(f, lit, "XFrameOptions"))) c.add(k_frame, judge_xfo(*v), ev, *v);
            TSNode age = web::go_key(f, lit, "HSTSMaxAge");
            if (!ts_node_is_null(age)) judge_hsts_seconds(c, web::int_lit(f, web::resolved(f, age)), ev, std::string(what), false);
        } else {
            TSNode nos = web::go_key(f, lit, "ContentTypeNosniff");
            if (web::bool_lit(f, nos) == std::optional<bool>(true)) c.add(k_nosniff, V::ok, ev, "ContentTypeNosniff: true");
            TSNode deny = web::go_key(f, lit, "FrameDeny");
            if (web::bool_lit(f, deny) == std::optional<bool>(true)) c.add(k_frame, V::ok, ev, "FrameDeny: true");
            if (auto v = go_str(web::go_key(f, lit, "CustomFrameOptionsValue"))) c.add(k_frame, judge_xfo(*v), ev, *v);
            TSNode age = web::go_key(f, lit, "STSSeconds");
            if (!ts_node_is_null(age)) judge_hsts_seconds(c, web::int_lit(f, web::resolved(f, age)), ev, std::string(what), false);
        }
        if (auto v = go_str(web::go_key(f, lit, "ReferrerPolicy"))) c.add(k_referrer, judge_referrer(*v), ev, *v);
        if (auto v = go_str(web::go_key(f, lit, "ContentSecurityPolicy")))
            if (auto j = judge_csp_frame(*v)) c.add(k_frame, *j, ev, "CSP frame-ancestors");
    };
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!is(n, "composite_literal")) return true;
        auto type = sx::text(f, web::field(n, "type"));
        const auto* bind = web::binding_of(b, type);
        if (!bind) return true;
        if ((type == "secure.Options" && web::module_is(bind->module, {"github.com/unrolled/secure"})) ||
            (type == "secure.Config" && web::module_is(bind->module, {"github.com/gin-contrib/secure"})))
            secure_struct(n, bind->module, false);
        else if (str::ends_with(type, ".SecureConfig") && str::contains(bind->module, "labstack/echo"))
            secure_struct(n, "echo SecureConfig", true);
        else if (str::ends_with(type, ".Config") && str::contains(bind->module, "fiber") && str::ends_with(bind->module, "helmet"))
            secure_struct(n, "fiber helmet", true);
        return true;
    });
    for (const auto& call : sx::calls(f, sx::root(f))) {
        const auto* bind = web::binding_of(b, call.callee);
        if (!bind) continue;
        Evidence ev = node_evidence(f, call.node, call.callee);
        if (call.callee == "secure.DefaultConfig" && web::module_is(bind->module, {"github.com/gin-contrib/secure"})) {
            c.add(k_nosniff, V::ok, ev, "nosniff (gin-contrib/secure DefaultConfig)", true);
            c.add(k_frame, V::ok, ev, "DENY (gin-contrib/secure DefaultConfig)", true);
            c.add(k_hsts, V::ok, ev, "max-age=315360000 (gin-contrib/secure DefaultConfig)", true);
        } else if (str::contains(bind->module, "labstack/echo") && call.name == "Secure" && sx::call_args(call).empty()) {
            c.add(k_nosniff, V::ok, ev, "nosniff (echo Secure default)", true);
            c.add(k_frame, V::ok, ev, "SAMEORIGIN (echo Secure default)", true);
        } else if (str::contains(bind->module, "fiber") && str::ends_with(bind->module, "helmet") && call.name == "New" &&
                   sx::call_args(call).empty()) {
            c.add(k_nosniff, V::ok, ev, "nosniff (fiber helmet default)", true);
            c.add(k_frame, V::ok, ev, "SAMEORIGIN (fiber helmet default)", true);
            c.add(k_referrer, V::ok, ev, "no-referrer (fiber helmet default)", true);
        }
    }
}

// Traefik Middleware objects: spec.headers.
void from_traefik(const ProbeContext& ctx, Collector& c) {
    for (const auto& o : k8s_objects(ctx)) {
        if (o.kind != "Middleware" || !o.file->is_own()) continue;
        auto h = o.doc["spec"]["headers"];
        if (!h || !h.IsMap()) continue;
        auto line = line_of(*o.file, "headers:");
        Evidence ev = o.file->evidence_line(line ? line : 1, "Traefik headers middleware " + o.name);
        auto scalar = [&](const char* k) -> std::optional<std::string> {
            if (h[k] && h[k].IsScalar()) return h[k].as<std::string>();
            return std::nullopt;
        };
        if (scalar("contentTypeNosniff") == std::optional<std::string>("true")) c.add(k_nosniff, V::ok, ev, "contentTypeNosniff");
        if (scalar("frameDeny") == std::optional<std::string>("true")) c.add(k_frame, V::ok, ev, "frameDeny");
        if (auto v = scalar("customFrameOptionsValue")) c.add(k_frame, judge_xfo(*v), ev, *v);
        if (auto v = scalar("referrerPolicy")) c.add(k_referrer, judge_referrer(*v), ev, *v);
        if (auto v = scalar("stsSeconds")) {
            std::optional<long long> n;
            try {
                n = std::stoll(*v);
            } catch (...) {
            }
            judge_hsts_seconds(c, n, ev, "Traefik stsSeconds", false);
        }
        if (auto v = scalar("contentSecurityPolicy"))
            if (auto j = judge_csp_frame(*v)) c.add(k_frame, *j, ev, "CSP frame-ancestors");
        auto custom = h["customResponseHeaders"];
        if (custom && custom.IsMap())
            for (const auto& kv : custom) {
                auto k = str::lower(kv.first.as<std::string>());
                if (!kv.second.IsScalar()) continue;
                auto v = kv.second.as<std::string>();
                if (k == "x-content-type-options") c.add(k_nosniff, judge_nosniff(v), ev, v);
                if (k == "x-frame-options") c.add(k_frame, judge_xfo(v), ev, v);
                if (k == "referrer-policy") c.add(k_referrer, judge_referrer(v), ev, v);
                if (k == "strict-transport-security") {
                    auto age = hsts_max_age(v);
                    if (age) judge_hsts_seconds(c, age, ev, "Traefik", false);
                }
            }
    }
}

}  // namespace

// The decision; the probe masks secret-looking literals in the snippets it returns.
static Outcome decide(const ProbeContext& ctx) {
    if (!web::is_web_service(ctx)) return na("No HTTP server in this service, so response security headers do not apply.");
    Collector c;
    from_header_sites(ctx, c);
    from_django(ctx, c);
    for (const auto& p : web::fastify_autoloaded(ctx))
        if (p.module == "@fastify/helmet" || p.module == "fastify-helmet")
            helmet_options(ctx, *p.file, p.at, p.options, helmet_major_for(ctx, p.module), c);
    for (const auto* f : web::files_with(ctx, {"sec.web-secure-lib"})) {
        if (!f->tree) continue;
        if (web::is_js(*f)) from_js_libraries(ctx, *f, c);
        else if (web::is_py(*f)) from_python_libraries(ctx, *f, c);
        else if (web::is_go(*f)) from_go_libraries(*f, c);
    }
    from_traefik(ctx, c);

    Outcome out;
    std::vector<std::string> ok_parts, missing, weak, unknown_parts, route_notes;
    bool by_default = false;
    std::set<std::pair<std::string, std::size_t>> seen;
    auto add_ev = [&](const Evidence& e) {
        if (seen.insert({e.path, e.line}).second) out.evidence.push_back(e);
    };
    for (Header h : {k_nosniff, k_frame, k_referrer, k_hsts}) {
        const Source* w = nullptr;
        const Source* ok = nullptr;
        const Source* unk = nullptr;
        const Source* dis = nullptr;
        const Source* route = nullptr;
        for (const auto& s : c.src[h]) {
            if (s.route_only) {
                if (!route && s.v == V::ok) route = &s;
                continue;
            }
            if (s.v == V::weak && !w) w = &s;
            if (s.v == V::ok && (!ok || (ok->by_default && !s.by_default))) ok = &s;
            if (s.v == V::unknown && !unk) unk = &s;
            if (s.v == V::disabled && !dis) dis = &s;
        }
        std::string name(k_names[h]);
        if (h == k_frame) name = "X-Frame-Options/frame-ancestors";
        if (w) {
            weak.push_back(fmt::format("{} {}", name, w->detail));
            add_ev(w->ev);
        } else if (ok) {
            ok_parts.push_back(fmt::format("{} {}", name, ok->detail));
            by_default = by_default || ok->by_default;
            add_ev(ok->ev);
        } else if (unk) {
            unknown_parts.push_back(fmt::format("{} ({})", name, unk->detail));
            add_ev(unk->ev);
        } else {
            std::string why;
            if (dis) {
                why = " (" + dis->detail + ")";
                add_ev(dis->ev);
            }
            if (route) {
                why += fmt::format(" (set only inside one route handler, {}:{})", route->ev.path, route->ev.line);
                add_ev(route->ev);
            }
            missing.push_back(name + why);
        }
    }
    if (!missing.empty() || !weak.empty()) {
        out.status = Status::fail;
        std::vector<std::string> parts;
        if (!missing.empty()) parts.push_back("missing " + str::join(missing, ", "));
        if (!weak.empty()) parts.push_back("weak " + str::join(weak, ", "));
        out.message = fmt::format("Security headers are incomplete: {}.", str::join(parts, "; "));
        if (!ok_parts.empty()) out.message += fmt::format(" Set: {}.", str::join(ok_parts, ", "));
        if (out.evidence.empty()) {
            out.evidence = web::entry_evidence(ctx);
            out.message += " No response headers are configured anywhere (app, middleware or proxy).";
        }
    } else if (!unknown_parts.empty()) {
        out.status = Status::unknown;
        out.message = fmt::format("Could not resolve {}; set: {}.", str::join(unknown_parts, ", "),
                                  ok_parts.empty() ? std::string("none") : str::join(ok_parts, ", "));
    } else {
        out.status = Status::pass;
        out.relied_on_default = by_default;
        out.message = fmt::format("All four security headers are set: {}.", str::join(ok_parts, "; "));
        if (by_default) out.message += " Some come from a library's or framework's defaults.";
    }
    out.other_evidence = web::other_hits(ctx, {"sec.web-header", "sec.web-secure-lib"}, "not the service's own code");
    return out;
}

Outcome probe_sec_security_headers(const ProbeContext& ctx) { return web::masked(decide(ctx)); }

}  // namespace gonogo::checks
