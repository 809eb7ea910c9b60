// Outbound call sites with their timeout (REL-10, OBS-09), payment clients with
// their SDK retries and email send sites (REL-11), for JS/TS, Go and Python.
#include "checks/reliability/telemetry_util.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::checks::telemetry {

namespace {

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

TSNode arg(const std::vector<TSNode>& args, std::size_t i) { return i < args.size() ? args[i] : TSNode{}; }

bool object_like(TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    return t == "object" || t == "identifier" || t == "dictionary";
}

// A relative URL literal ('/api/x', `/api/${id}`): a same-origin browser call.
bool relative_url(const File& f, TSNode n) {
    n = unwrap(n);
    if (!is(n, "string") && !is(n, "template_string")) return false;
    auto s = sx::text(f, n);
    return s.size() > 1 && s[1] == '/';
}

// Facts about the whole service that bound calls made elsewhere.
struct ServiceFacts {
    bool axios_default_timeout = false;
    std::set<const File*> axios_instance_timeout;  // files that set <instance>.defaults.timeout
    bool sendgrid_timeout = false;
    bool django_email_timeout = false;
    bool django_non_smtp = false;
    bool stripe_go_backend = false;
    bool stripe_py_timeout = false;
};

ServiceFacts service_facts(const std::vector<const File*>& files) {
    ServiceFacts s;
    for (const auto* f : files) {
        const auto& text = f->text;
        if (is_js(*f)) {
            if (str::contains(text, ".defaults.timeout")) {
                const Imports& im = Imports::of(*f);
                sx::walk(sx::root(*f), [&](TSNode n) {
                    if (!is(n, "assignment_expression")) return true;
                    std::string left = compact(*f, field(n, "left"));
                    if (!str::ends_with(left, ".defaults.timeout")) return true;
                    if (is_nullish_or_zero(*f, field(n, "right"))) return true;
                    if (q_from(im.qualify(left), "axios")) s.axios_default_timeout = true;
                    else s.axios_instance_timeout.insert(f);
                    return true;
                });
            }
            if (str::contains(text, "@sendgrid/") &&
                (str::contains(text, "setTimeout(") || str::contains(text, "setDefaultRequest("))) {
                const Imports& im = Imports::of(*f);
                for (const auto& c : sx::calls(*f, sx::root(*f))) {
                    auto q = im.qualify(c);
                    if (q == "@sendgrid/mail:setTimeout") s.sendgrid_timeout = true;
                    if (q_from(q, "@sendgrid/") && c.name == "setDefaultRequest") {
                        auto a = sx::call_args(c);
                        if (!a.empty() && sx::string_value(*f, a[0]) == "timeout") s.sendgrid_timeout = true;
                    }
                }
            }
        } else if (is_py(*f)) {
            if (str::contains(text, "EMAIL_") || str::contains(text, "stripe")) {
                sx::walk(sx::root(*f), [&](TSNode n) {
                    if (!is(n, "assignment")) return true;
                    std::string left = compact(*f, field(n, "left"));
                    TSNode right = field(n, "right");
                    if (left == "EMAIL_TIMEOUT" && !is_nullish_or_zero(*f, right)) s.django_email_timeout = true;
                    if (left == "EMAIL_BACKEND") {
                        auto v = sx::string_value(*f, right);
                        if (!v.empty() && !str::contains(v, "smtp")) s.django_non_smtp = true;
                    }
                    if (str::ends_with(left, "default_http_client") && str::contains(compact(*f, right), "timeout="))
                        s.stripe_py_timeout = true;
                    return true;
                });
            }
        } else if (is_go(*f)) {
            if (str::contains(text, "stripe") &&
                (str::contains(text, "SetBackend") || str::contains(text, "GetBackendWithConfig"))) {
                if (str::contains(text, "HTTPClient")) s.stripe_go_backend = true;
            }
        }
    }
    return s;
}

Outbound site(const File& f, TSNode n, std::string client, Bound b, std::string why) {
    return Outbound{&f, n, std::move(client), b, std::move(why)};
}

// A timeout-like option: present and non-zero -> bounded; zero/null -> unbounded.
Bound bound_by(const File& f, const Option& o) {
    if (o.has == Has::yes) return is_nullish_or_zero(f, o.value) ? Bound::unbounded : Bound::bounded;
    if (o.has == Has::unknown) return Bound::unresolved;
    return Bound::unbounded;
}

void js_outbound(const File& f, const ServiceFacts& facts, std::vector<Outbound>& out) {
    const std::string& text = f.text;
    static constexpr std::array<std::string_view, 12> k_markers{
        "fetch", "axios", "got", "undici", "http", "nodemailer", "stripe", "Stripe", "@sendgrid", "client-ses",
        "SESClient", "require("};
    bool any = false;
    for (auto m : k_markers) any = any || str::contains(text, m);
    if (!any) return;
    const bool browser = is_client_component(f);
    const Imports& im = Imports::of(f);
    for (const auto& c : invocations(f, sx::root(f))) {
        auto q = im.qualify(c);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        const bool call = !is_new(c);
        if (call && (c.callee == "fetch" || c.callee == "globalThis.fetch" || q == "node-fetch:" ||
                     q == "cross-fetch:" || q == "undici:fetch")) {
            if (browser || args.empty() || relative_url(f, args[0])) continue;
            auto o = args.size() > 1 ? option(f, args[1], "signal") : Option{};
            Bound b = o.has == Has::yes ? Bound::bounded : (o.has == Has::unknown ? Bound::unresolved : Bound::unbounded);
            out.push_back(site(f, c.node, "fetch", b,
                               b == Bound::bounded   ? "fetch with a signal"
                               : b == Bound::unresolved ? "fetch options we cannot read"
                                                        : "fetch without a `signal` (fetch has no timeout of its own)"));
            continue;
        }
        if (q_module(q) == "axios") {
            static constexpr std::array<std::string_view, 7> k_no_body{"get", "delete", "head", "options", "getUri", "", "request"};
            static constexpr std::array<std::string_view, 6> k_body{"post", "put", "patch", "postForm", "putForm", "patchForm"};
            if (path == "create") {
                auto o = option(f, arg(args, 0), "timeout");
                Bound b = bound_by(f, o);
                if (b != Bound::bounded && facts.axios_instance_timeout.count(&f)) b = Bound::bounded;
                out.push_back(site(f, c.node, "axios", b,
                                   b == Bound::bounded ? "axios instance with a timeout"
                                   : b == Bound::unresolved ? "axios.create options we cannot read"
                                                            : "axios.create without `timeout` (axios waits forever by default)"));
                continue;
            }
            TSNode cfg{};
            if (path.empty() || path == "request") cfg = object_like(arg(args, 0)) ? arg(args, 0) : arg(args, 1);
            else if (one_of(path, k_no_body)) cfg = arg(args, 1);
            else if (one_of(path, k_body)) cfg = arg(args, 2);
            else continue;
            auto o = option(f, cfg, "timeout");
            Bound b = bound_by(f, o);
            if (o.has != Has::yes && facts.axios_default_timeout) b = Bound::bounded;
            out.push_back(site(f, c.node, "axios", b,
                               b == Bound::bounded ? "axios call with a timeout"
                               : b == Bound::unresolved ? "axios config we cannot read"
                                                        : "axios call without `timeout` (axios waits forever by default)"));
            continue;
        }
        if (q_module(q) == "got") {
            static constexpr std::array<std::string_view, 9> k_got{"", "get", "post", "put", "patch", "delete", "head", "stream", "extend"};
            if (!one_of(path, k_got)) continue;
            TSNode cfg = path == "extend" ? arg(args, 0) : (object_like(arg(args, 0)) && args.size() == 1 ? arg(args, 0) : arg(args, 1));
            auto o = option(f, cfg, "timeout");
            Bound b = bound_by(f, o);
            out.push_back(site(f, c.node, "got", b,
                               b == Bound::bounded ? "got call with a timeout"
                               : b == Bound::unresolved ? "got options we cannot read"
                                                        : "got call without `timeout` (got sets none by default)"));
            continue;
        }
        if (q_module(q) == "undici" && (path == "request" || path == "stream" || path == "pipeline")) {
            auto h = option(f, arg(args, 1), "headersTimeout");
            auto bd = option(f, arg(args, 1), "bodyTimeout");
            Bound b = (h.has == Has::yes || bd.has == Has::yes) ? Bound::bounded
                      : (h.has == Has::unknown ? Bound::unresolved : Bound::unbounded);
            out.push_back(site(f, c.node, "undici", b,
                               b == Bound::bounded ? "undici request with headersTimeout/bodyTimeout"
                               : b == Bound::unresolved ? "undici options we cannot read"
                                                        : "undici request left at its 300 s header and body timeouts"));
            continue;
        }
        {
            auto mod = q_module(q);
            if ((mod == "http" || mod == "https" || mod == "node:http" || mod == "node:https") &&
                (path == "request" || path == "get")) {
                TSNode cfg = object_like(arg(args, 0)) ? arg(args, 0) : arg(args, 1);
                auto o = option(f, cfg, "timeout");
                Bound b = bound_by(f, o);
                if (b != Bound::bounded) {
                    TSNode fn = sx::enclosing_function(c.node);
                    auto scope = sx::text(f, ts_node_is_null(fn) ? sx::root(f) : fn);
                    if (str::contains(scope, ".setTimeout(")) b = Bound::bounded;
                }
                out.push_back(site(f, c.node, std::string(mod), b,
                                   b == Bound::bounded ? "request with a timeout"
                                                       : fmt::format("{}.{} without a timeout (Node sets none)", mod, path)));
                continue;
            }
        }
        if (q == "nodemailer:createTransport") {
            TSNode cfg = unwrap(arg(args, 0));
            if (ts_node_is_null(cfg)) continue;
            if (sx::is_string_literal(cfg) || is(cfg, "template_string")) {
                auto url = sx::text(f, cfg);
                Bound b = str::contains(url, "socketTimeout") ? Bound::bounded : Bound::unbounded;
                out.push_back(site(f, c.node, "nodemailer", b,
                                   b == Bound::bounded ? "SMTP URL with timeouts"
                                                       : "nodemailer SMTP URL without connectionTimeout/greetingTimeout/socketTimeout (defaults: 2 min to connect, 30 s greeting, 10 min socket inactivity)"));
                continue;
            }
            if (is(cfg, "call_expression") || is(cfg, "new_expression")) {
                out.push_back(site(f, c.node, "nodemailer", Bound::unresolved, "nodemailer transport plugin whose timeouts we cannot read"));
                continue;
            }
            bool non_smtp = false;
            for (const char* k : {"SES", "sendmail", "streamTransport", "jsonTransport"})
                non_smtp = non_smtp || option(f, cfg, k).has == Has::yes;
            if (non_smtp) continue;
            auto ct = option(f, cfg, "connectionTimeout");
            auto gt = option(f, cfg, "greetingTimeout");
            auto st = option(f, cfg, "socketTimeout");
            std::vector<std::string> missing;
            if (ct.has != Has::yes) missing.emplace_back("connectionTimeout");
            if (gt.has != Has::yes) missing.emplace_back("greetingTimeout");
            if (st.has != Has::yes) missing.emplace_back("socketTimeout");
            Bound b;
            std::string why;
            if (ct.has == Has::yes && st.has == Has::yes) {
                b = Bound::bounded;
                why = "nodemailer transport with connection and socket timeouts";
            } else if (ct.has == Has::unknown || st.has == Has::unknown) {
                b = Bound::unresolved;
                why = "nodemailer transport options we cannot read";
            } else {
                b = Bound::unbounded;
                why = fmt::format("nodemailer.createTransport without {} (defaults: 2 min to connect, 30 s greeting, 10 min socket inactivity)",
                                  str::join(missing, "/"));
            }
            out.push_back(site(f, c.node, "nodemailer", b, why));
            continue;
        }
        if ((q == "stripe:" || q == "stripe:Stripe") && (is_new(c) || str::starts_with(c.callee, "require()") || call)) {
            if (call && !str::starts_with(c.callee, "require()") && c.callee != "Stripe") continue;
            auto o = option(f, arg(args, 1), "timeout");
            Bound b = bound_by(f, o);
            std::string why = b == Bound::bounded     ? "Stripe client with `timeout`"
                              : b == Bound::unresolved ? "Stripe options we cannot read"
                              : o.has == Has::yes      ? "Stripe client with `timeout: 0`"
                                                       : "Stripe client without `timeout`: the SDK waits up to 80 s per request";
            out.push_back(site(f, c.node, "stripe", b, why));
            continue;
        }
        if (q == "@sendgrid/mail:send" || q == "@sendgrid/mail:sendMultiple") {
            Bound b = facts.sendgrid_timeout ? Bound::bounded : Bound::unbounded;
            out.push_back(site(f, c.node, "sendgrid", b,
                               b == Bound::bounded ? "SendGrid client with setTimeout()"
                                                   : "@sendgrid/mail send without setTimeout() (the client sets no request timeout)"));
            continue;
        }
        if (is_new(c) && (q == "@aws-sdk/client-ses:SESClient" || q == "@aws-sdk/client-sesv2:SESv2Client")) {
            auto rh = option(f, arg(args, 0), "requestHandler");
            Bound b = Bound::unbounded;
            if (rh.has == Has::yes) {
                TSNode v = unwrap(rh.value);
                TSNode inner = is(v, "new_expression") ? arg(named_children(field(v, "arguments")), 0) : v;
                bool t = option(f, inner, "requestTimeout").has == Has::yes || option(f, inner, "connectionTimeout").has == Has::yes;
                b = t ? Bound::bounded : Bound::unresolved;
            } else if (rh.has == Has::unknown) {
                b = Bound::unresolved;
            }
            out.push_back(site(f, c.node, "ses", b,
                               b == Bound::bounded ? "SES client with request handler timeouts"
                               : b == Bound::unresolved ? "SES request handler we cannot read"
                                                        : "SES client without requestHandler timeouts (AWS SDK v3 sets no request timeout)"));
            continue;
        }
    }
}

void go_outbound(const File& f, const ServiceFacts& facts, std::vector<Outbound>& out) {
    const std::string& text = f.text;
    if (!str::contains(text, "net/http") && !str::contains(text, "net/smtp") && !str::contains(text, "resty") &&
        !str::contains(text, "stripe"))
        return;
    const Imports& im = Imports::of(f);
    TSNode root = sx::root(f);
    auto all_calls = sx::calls(f, root);
    bool deadline_ctx = false, req_with_ctx = false, resty_timeout = false;
    for (const auto& c : all_calls) {
        auto q = im.qualify(c.callee);
        if (q == "context:WithTimeout" || q == "context:WithDeadline") deadline_ctx = true;
        if (q == "net/http:NewRequestWithContext") req_with_ctx = true;
        if (c.name == "SetTimeout") resty_timeout = true;
    }
    for (const auto& c : all_calls) {
        auto q = im.qualify(c.callee);
        auto path = q_path(q);
        if (q_module(q) == "net/http" && (path == "Get" || path == "Post" || path == "Head" || path == "PostForm")) {
            out.push_back(site(f, c.node, "http." + std::string(path), Bound::unbounded,
                               fmt::format("http.{} uses http.DefaultClient, which has no timeout", path)));
        } else if (q_module(q) == "net/http" && str::starts_with(path, "DefaultClient.")) {
            out.push_back(site(f, c.node, "http.DefaultClient", Bound::unbounded, "http.DefaultClient has no timeout"));
        } else if (q == "net/smtp:SendMail" || q == "net/smtp:Dial") {
            out.push_back(site(f, c.node, "net/smtp", Bound::unbounded,
                               fmt::format("smtp.{} dials without a timeout or deadline", path)));
        } else if (q_from(q, "github.com/go-resty/resty") && path == "New") {
            out.push_back(site(f, c.node, "resty", resty_timeout ? Bound::bounded : Bound::unbounded,
                               resty_timeout ? "resty client with SetTimeout" : "resty.New() without SetTimeout (no timeout by default)"));
        } else if (q_from(q, "github.com/stripe/stripe-go") && str::ends_with(q_module(q), "/client") && path == "New") {
            out.push_back(site(f, c.node, "stripe", facts.stripe_go_backend ? Bound::bounded : Bound::unbounded,
                               facts.stripe_go_backend ? "stripe-go backend with its own HTTP client"
                                                       : "stripe-go client on the default backend: requests wait up to 80 s"));
        }
    }
    sx::walk(root, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t == "composite_literal") {
            auto q = im.qualify(compact(f, field(n, "type")));
            if (q != "net/http:Client") return true;
            auto o = option(f, n, "Timeout");
            Bound b = bound_by(f, o);
            std::string why = b == Bound::bounded ? "http.Client with Timeout" : "http.Client without Timeout";
            if (b != Bound::bounded && deadline_ctx && req_with_ctx) {
                b = Bound::bounded;
                why = "http.Client without Timeout, but requests carry a context deadline (context.WithTimeout)";
            }
            out.push_back(site(f, n, "http.Client", b, why));
            return true;
        }
        if (t == "assignment_statement") {
            auto left = named_children(field(n, "left"));
            if (left.size() != 1) return true;
            auto q = im.qualify(compact(f, left[0]));
            if (q_from(q, "github.com/stripe/stripe-go") && q_path(q) == "Key")
                out.push_back(site(f, n, "stripe", facts.stripe_go_backend ? Bound::bounded : Bound::unbounded,
                                   facts.stripe_go_backend ? "stripe-go backend with its own HTTP client"
                                                           : "stripe-go on its default backend: requests wait up to 80 s"));
        }
        return true;
    });
}

void py_outbound(const File& f, const ServiceFacts& facts, std::vector<Outbound>& out) {
    const std::string& text = f.text;
    static constexpr std::array<std::string_view, 10> k_markers{"requests", "httpx", "aiohttp", "urllib", "smtplib",
                                                                "sendgrid", "django.core.mail", "stripe", "urlopen",
                                                                "send_mail"};
    bool any = false;
    for (auto m : k_markers) any = any || str::contains(text, m);
    if (!any) return;
    const Imports& im = Imports::of(f);
    // Every site below is resolved through an import of one of these modules: a file that imports
    // none of them has no site, and its tree need not be walked.
    bool imported = false;
    for (std::string_view m : {"requests", "httpx", "aiohttp", "urllib", "smtplib", "sendgrid", "django", "stripe"})
        imported = imported || im.has(m);
    if (!imported) return;
    TSNode root = sx::root(f);
    // Names bound to requests.Session() in this file.
    std::set<std::string> sessions;
    sx::walk_types(root, {"assignment", "as_pattern"}, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        TSNode value{}, target{};
        if (t == "assignment") {
            value = field(n, "right");
            target = field(n, "left");
        } else if (t == "as_pattern") {
            value = arg(named_children(n), 0);
            target = field(n, "alias");
        } else {
            return true;
        }
        value = unwrap(value);
        if (!is(value, "call")) return true;
        auto q = im.qualify(compact(f, field(value, "function")));
        if (q == "requests:Session" || q == "requests:session") sessions.insert(compact(f, target));
        return true;
    });
    static constexpr std::array<std::string_view, 8> k_verbs{"get", "post", "put", "patch", "delete", "head", "options", "request"};
    for (const auto& c : sx::calls(f, root)) {
        auto q = im.qualify(c.callee);
        auto path = q_path(q);
        auto args = sx::call_args(c);
        auto timeout = [&] { return option(f, c.arguments, "timeout"); };
        if ((q_module(q) == "requests" && one_of(path, k_verbs)) ||
            (one_of(c.name, k_verbs) && c.callee.size() > c.name.size() &&
             sessions.count(c.callee.substr(0, c.callee.size() - c.name.size() - 1)))) {
            auto o = timeout();
            Bound b = bound_by(f, o);
            out.push_back(site(f, c.node, "requests", b,
                               b == Bound::bounded ? "requests call with timeout="
                               : b == Bound::unresolved ? "requests call with **kwargs we cannot read"
                               : o.has == Has::yes ? "requests call with timeout=None"
                                                   : "requests call without timeout= (requests waits forever by default)"));
        } else if (q_module(q) == "httpx" &&
                   (one_of(path, k_verbs) || path == "stream" || path == "Client" || path == "AsyncClient")) {
            auto o = timeout();
            Bound b = o.has == Has::yes ? (is_nullish_or_zero(f, o.value) ? Bound::unbounded : Bound::bounded) : Bound::by_default;
            out.push_back(site(f, c.node, "httpx", b,
                               b == Bound::bounded ? "httpx with timeout="
                               : b == Bound::unbounded ? "httpx with timeout=None disables its 5 s default"
                                                       : "httpx relies on its default 5 s timeout"));
        } else if (q == "aiohttp:ClientSession" || q == "aiohttp:request") {
            auto o = timeout();
            Bound b = bound_by(f, o);
            out.push_back(site(f, c.node, "aiohttp", b,
                               b == Bound::bounded ? "aiohttp with timeout="
                               : b == Bound::unresolved ? "aiohttp options we cannot read"
                                                        : "aiohttp session without timeout= (default total timeout 5 min)"));
        } else if (q == "urllib.request:urlopen") {
            auto o = timeout();
            Bound b = (o.has == Has::yes || args.size() >= 3) ? Bound::bounded : bound_by(f, o);
            out.push_back(site(f, c.node, "urllib", b, b == Bound::bounded ? "urlopen with timeout" : "urlopen without timeout (no limit by default)"));
        } else if (q == "smtplib:SMTP" || q == "smtplib:SMTP_SSL") {
            auto o = timeout();
            Bound b = (o.has == Has::yes || args.size() >= 4) ? Bound::bounded : bound_by(f, o);
            out.push_back(site(f, c.node, "smtplib", b,
                               b == Bound::bounded ? "smtplib with timeout" : "smtplib.SMTP without timeout= (blocks without limit)"));
        } else if (q == "sendgrid:SendGridAPIClient") {
            out.push_back(site(f, c.node, "sendgrid", Bound::unbounded,
                               "SendGridAPIClient: the sendgrid-python HTTP client sets no timeout"));
        } else if (q_module(q) == "django.core.mail" &&
                   (path == "send_mail" || path == "send_mass_mail" || path == "mail_admins" || path == "mail_managers" ||
                    path == "EmailMessage" || path == "EmailMultiAlternatives")) {
            if (facts.django_non_smtp) continue;
            Bound b = facts.django_email_timeout ? Bound::bounded : Bound::unbounded;
            out.push_back(site(f, c.node, "django-mail", b,
                               b == Bound::bounded ? "Django SMTP backend with EMAIL_TIMEOUT"
                                                   : "Django's SMTP backend has no timeout unless EMAIL_TIMEOUT is set"));
        } else if (q == "stripe:StripeClient") {
            auto o = option(f, c.arguments, "http_client");
            Bound b = o.has == Has::yes ? Bound::bounded : (o.has == Has::unknown ? Bound::unresolved : Bound::unbounded);
            if (b != Bound::bounded && facts.stripe_py_timeout) b = Bound::bounded;
            out.push_back(site(f, c.node, "stripe", b,
                               b == Bound::bounded ? "StripeClient with its own HTTP client"
                                                   : "StripeClient on the default HTTP client: requests wait up to 80 s"));
        }
    }
    sx::walk_types(root, {"assignment"}, [&](TSNode n) {
        auto q = im.qualify(compact(f, field(n, "left")));
        if (q == "stripe:api_key")
            out.push_back(site(f, n, "stripe", facts.stripe_py_timeout ? Bound::bounded : Bound::unbounded,
                               facts.stripe_py_timeout ? "stripe default_http_client with a timeout"
                                                       : "stripe-python on its default HTTP client: requests wait up to 80 s"));
        return true;
    });
}

}  // namespace

std::vector<Outbound> outbound_calls(const ProbeContext& ctx) {
    std::vector<Outbound> out;
    auto files = code_files(ctx);
    auto facts = service_facts(files);
    for (const auto* f : files) {
        if (is_js(*f)) js_outbound(*f, facts, out);
        else if (is_go(*f)) go_outbound(*f, facts, out);
        else if (is_py(*f)) py_outbound(*f, facts, out);
    }
    return out;
}

// ---- payments -------------------------------------------------------------------------

std::vector<PaymentClient> payment_clients(const ProbeContext& ctx) {
    std::vector<PaymentClient> out;
    auto files = code_files(ctx);
    std::optional<int> node_major;
    for (const auto& d : ctx.svc().dependencies)
        if (d.name == "stripe" && d.ecosystem == "npm") node_major = major_version(d.version);
    bool set_max_retries = false;
    for (const auto* f : files)
        if (str::contains(f->text, "setMaxNetworkRetries")) set_max_retries = true;
    for (const auto* f : files) {
        if (!str::contains(f->text, "stripe") && !str::contains(f->text, "Stripe")) continue;
        const Imports& im = Imports::of(*f);
        TSNode root = sx::root(*f);
        if (is_js(*f)) {
            for (const auto& c : invocations(*f, root)) {
                auto q = im.qualify(c);
                if (q != "stripe:" && q != "stripe:Stripe") continue;
                if (!is_new(c) && !str::starts_with(c.callee, "require()") && c.callee != "Stripe") continue;
                PaymentClient p{f, c.node, "Stripe", Has::no, false, {}};
                auto args = sx::call_args(c);
                auto o = option(*f, arg(args, 1), "maxNetworkRetries");
                if (o.has == Has::yes) {
                    auto v = number(*f, o.value);
                    if (v && *v >= 1) {
                        p.retries = Has::yes;
                        p.why = fmt::format("Stripe client retries with backoff (maxNetworkRetries: {})", static_cast<int>(*v));
                    } else if (v) {
                        p.why = "Stripe client with maxNetworkRetries: 0";
                    } else {
                        p.retries = Has::unknown;
                        p.why = "Stripe maxNetworkRetries comes from configuration we cannot read";
                    }
                } else if (o.has == Has::unknown) {
                    p.retries = Has::unknown;
                    p.why = "Stripe options we cannot read";
                } else if (set_max_retries) {
                    p.retries = Has::yes;
                    p.why = "Stripe retries set with setMaxNetworkRetries()";
                } else if (node_major && *node_major >= 13) {
                    p.retries = Has::yes;
                    p.by_default = true;
                    p.why = "stripe-node >= 13 retries once with backoff by default (maxNetworkRetries unset)";
                } else if (node_major) {
                    p.why = "Stripe client without maxNetworkRetries (stripe-node < 13 does not retry by default)";
                } else {
                    p.retries = Has::unknown;
                    p.why = "Stripe client without maxNetworkRetries and an SDK version we cannot read";
                }
                out.push_back(std::move(p));
            }
        } else if (is_go(*f)) {
            bool configured = str::contains(f->text, "MaxNetworkRetries");
            sx::walk(root, [&](TSNode n) {
                if (!is(n, "assignment_statement")) return true;
                auto left = named_children(field(n, "left"));
                if (left.size() != 1) return true;
                auto q = im.qualify(compact(*f, left[0]));
                if (!q_from(q, "github.com/stripe/stripe-go") || q_path(q) != "Key") return true;
                auto major = go_major(q_module(q));
                PaymentClient p{f, n, "Stripe", Has::no, false, {}};
                if (configured) {
                    p.retries = Has::yes;
                    p.why = "stripe-go backend with MaxNetworkRetries";
                } else if (major && *major >= 72) {
                    p.retries = Has::yes;
                    p.by_default = true;
                    p.why = "stripe-go retries twice with backoff by default";
                } else {
                    p.why = "stripe-go without MaxNetworkRetries";
                }
                out.push_back(std::move(p));
                return true;
            });
        } else if (is_py(*f)) {
            bool global_retries = false;
            sx::walk(root, [&](TSNode n) {
                if (!is(n, "assignment")) return true;
                auto q = im.qualify(compact(*f, field(n, "left")));
                if (q == "stripe:max_network_retries") {
                    auto v = number(*f, field(n, "right"));
                    global_retries = !v || *v >= 1;
                }
                return true;
            });
            sx::walk(root, [&](TSNode n) {
                if (!is(n, "assignment")) return true;
                auto q = im.qualify(compact(*f, field(n, "left")));
                if (q != "stripe:api_key") return true;
                PaymentClient p{f, n, "Stripe", global_retries ? Has::yes : Has::no, false,
                                global_retries ? "stripe.max_network_retries set" : "stripe-python without max_network_retries"};
                out.push_back(std::move(p));
                return true;
            });
            for (const auto& c : sx::calls(*f, root)) {
                if (im.qualify(c.callee) != "stripe:StripeClient") continue;
                auto o = option(*f, c.arguments, "max_network_retries");
                PaymentClient p{f, c.node, "Stripe", Has::no, false, "StripeClient without max_network_retries"};
                if (o.has == Has::yes) {
                    auto v = number(*f, o.value);
                    p.retries = (!v || *v >= 1) ? Has::yes : Has::no;
                    p.why = p.retries == Has::yes ? "StripeClient with max_network_retries" : "StripeClient with max_network_retries=0";
                } else if (global_retries) {
                    p.retries = Has::yes;
                    p.why = "stripe.max_network_retries set";
                }
                out.push_back(std::move(p));
            }
        }
    }
    return out;
}

// ---- email ------------------------------------------------------------------------------

std::vector<EmailSend> email_sends(const ProbeContext& ctx) {
    std::vector<EmailSend> out;
    const bool nodemailer = depends_on_any(ctx, {"nodemailer"});
    for (const auto* f : code_files(ctx)) {
        const std::string& text = f->text;
        const Imports& im = Imports::of(*f);
        TSNode root = sx::root(*f);
        if (is_js(*f)) {
            const bool resend = im.has("resend");
            const bool postmark = im.has("postmark");
            const bool mailgun = im.has("mailgun.js") || im.has("mailgun-js");
            if (!(nodemailer && str::contains(text, "sendMail")) && !str::contains(text, "@sendgrid/mail") &&
                !str::contains(text, "client-ses") && !resend && !postmark && !mailgun)
                continue;
            for (const auto& c : invocations(*f, root)) {
                auto q = im.qualify(c);
                if (!is_new(c) && c.name == "sendMail" && nodemailer) out.push_back({f, c.node, "nodemailer"});
                else if (q == "@sendgrid/mail:send" || q == "@sendgrid/mail:sendMultiple") out.push_back({f, c.node, "SendGrid"});
                else if (is_new(c) && (q_from(q, "@aws-sdk/client-ses") || q_from(q, "@aws-sdk/client-sesv2")) &&
                         str::starts_with(q_path(q), "Send"))
                    out.push_back({f, c.node, "SES"});
                else if (resend && str::ends_with(c.callee, ".emails.send")) out.push_back({f, c.node, "Resend"});
                else if (postmark && (c.name == "sendEmail" || c.name == "sendEmailWithTemplate" || c.name == "sendEmailBatch"))
                    out.push_back({f, c.node, "Postmark"});
                else if (mailgun && str::ends_with(c.callee, ".messages.create")) out.push_back({f, c.node, "Mailgun"});
            }
        } else if (is_go(*f)) {
            const bool gomail = im.has("gopkg.in/gomail.v2") || im.has("github.com/go-mail/mail") || im.has("github.com/wneessen/go-mail");
            const bool sendgrid = im.has("github.com/sendgrid/sendgrid-go");
            const bool ses = im.has("github.com/aws/aws-sdk-go-v2/service/sesv2") || im.has("github.com/aws/aws-sdk-go-v2/service/ses");
            if (!gomail && !sendgrid && !ses && !str::contains(text, "net/smtp")) continue;
            for (const auto& c : sx::calls(*f, root)) {
                auto q = im.qualify(c.callee);
                if (q == "net/smtp:SendMail") out.push_back({f, c.node, "net/smtp"});
                else if (gomail && c.name == "DialAndSend") out.push_back({f, c.node, "gomail"});
                else if (sendgrid && c.name == "Send" && !str::starts_with(c.callee, "sendgrid.")) out.push_back({f, c.node, "SendGrid"});
                else if (ses && (c.name == "SendEmail" || c.name == "SendRawEmail")) out.push_back({f, c.node, "SES"});
            }
        } else if (is_py(*f)) {
            const bool smtp = im.has("smtplib");
            const bool django = im.has("django.core.mail");
            const bool sendgrid = im.has("sendgrid");
            const bool boto = im.has("boto3");
            const bool fastapi_mail = im.has("fastapi_mail");
            const bool flask_mail = im.has("flask_mail");
            const bool resend = im.has("resend");
            if (!smtp && !django && !sendgrid && !boto && !fastapi_mail && !flask_mail && !resend) continue;
            for (const auto& c : sx::calls(*f, root)) {
                auto q = im.qualify(c.callee);
                auto path = q_path(q);
                if (smtp && (c.name == "send_message" || c.name == "sendmail") && !str::starts_with(c.callee, "smtplib."))
                    out.push_back({f, c.node, "smtplib"});
                else if (q_module(q) == "django.core.mail" &&
                         (path == "send_mail" || path == "send_mass_mail" || path == "mail_admins" || path == "mail_managers"))
                    out.push_back({f, c.node, "Django mail"});
                else if (django && c.name == "send" && str::contains(c.callee, "()") == false &&
                         (str::contains(text, "EmailMessage") || str::contains(text, "EmailMultiAlternatives")))
                    out.push_back({f, c.node, "Django mail"});
                else if (sendgrid && c.name == "send" && !str::starts_with(c.callee, "sendgrid")) out.push_back({f, c.node, "SendGrid"});
                else if (boto && (c.name == "send_email" || c.name == "send_raw_email" || c.name == "send_templated_email"))
                    out.push_back({f, c.node, "SES"});
                else if (fastapi_mail && c.name == "send_message") out.push_back({f, c.node, "fastapi-mail"});
                else if (flask_mail && c.name == "send" && str::starts_with(c.callee, "mail")) out.push_back({f, c.node, "Flask-Mail"});
                else if (resend && c.callee == "resend.Emails.send") out.push_back({f, c.node, "Resend"});
            }
        }
    }
    return out;
}

}  // namespace gonogo::checks::telemetry
