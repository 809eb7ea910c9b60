// Probe rel.send_retries: are payment calls (Stripe SDK maxNetworkRetries) and
// email sends (nodemailer, SendGrid, SES, Resend, Postmark, Mailgun, net/smtp,
// gomail, smtplib, Django mail...) retried with exponential backoff - by the
// SDK, a retry wrapper around them or their callers (p-retry, async-retry,
// exponential-backoff, tenacity, backoff, cenkalti/backoff, retry-go) or a job
// queue with attempts and exponential backoff (BullMQ, Celery)?
#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/reliability/telemetry_probes.hpp"
#include "checks/reliability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace telemetry;

enum class Quality { none, no_backoff, good };

struct Retry {
    Quality quality = Quality::none;
    std::string how;
};

struct Scope {
    const File* file;
    std::uint32_t begin, end;
    Retry retry;
};

class RetryIndex {
public:
    explicit RetryIndex(const ProbeContext& ctx) {
        auto files = code_files(ctx);
        m_queue = queue_retry(files);
        for (const auto* f : files) index(*f);
    }

    Retry covers(const File& f, TSNode n) const {
        std::set<std::pair<const File*, std::uint32_t>> seen;
        return check(f, n, 0, seen);
    }

private:
    std::vector<Scope> m_scopes;
    std::map<std::string, Retry> m_wrapped;  // function names handed to a retry wrapper
    std::map<std::string, std::vector<std::pair<const File*, TSNode>>> m_calls;
    std::map<const File*, Imports> m_imports;
    Retry m_queue;  // BullMQ/Bull job options

    const Imports& imports(const File& f) {
        auto it = m_imports.find(&f);
        if (it == m_imports.end()) it = m_imports.emplace(&f, Imports(f)).first;
        return it->second;
    }

    // attempts + backoff in a BullMQ/Bull job option object anywhere in the service.
    static Retry queue_retry(const std::vector<const File*>& files) {
        Retry r{Quality::none, "job queue without attempts and backoff (BullMQ runs a job once by default)"};
        for (const auto* f : files) {
            if (!is_js(*f) || !str::contains(f->text, "attempts")) continue;
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (!is(n, "object")) return true;
                auto attempts = option(*f, n, "attempts");
                if (attempts.has != Has::yes) return true;
                auto v = number(*f, attempts.value);
                if (v && *v <= 1) return true;
                auto backoff = option(*f, n, "backoff");
                if (backoff.has != Has::yes) {
                    if (r.quality == Quality::none) r = {Quality::no_backoff, "job queue retries (attempts) with no backoff"};
                    return true;
                }
                TSNode b = unwrap(backoff.value);
                auto type = option(*f, b, "type");
                if (number(*f, b) || (type.has == Has::yes && sx::string_value(*f, type.value) == "fixed")) {
                    if (r.quality == Quality::none) r = {Quality::no_backoff, "job queue retries with a fixed backoff"};
                    return true;
                }
                r = {Quality::good, "job queue with attempts and exponential backoff"};
                return true;
            });
        }
        return r;
    }

    void scope_args(const File& f, const sx::Call& c, Retry r, std::size_t from = 0) {
        auto args = sx::call_args(c);
        for (std::size_t i = from; i < args.size(); ++i) {
            TSNode a = unwrap(args[i]);
            if (is_function_node(a)) m_scopes.push_back({&f, ts_node_start_byte(a), ts_node_end_byte(a), r});
            else if (is(a, "identifier")) m_wrapped[std::string(sx::text(f, a))] = r;
            else if (is(a, "member_expression") || is(a, "selector_expression") || is(a, "attribute"))
                m_wrapped[std::string(sx::text(f, a)).substr(sx::text(f, a).rfind('.') + 1)] = r;
        }
    }

    void index(const File& f) {
        const auto& im = imports(f);
        TSNode root = sx::root(f);
        for (const auto& c : invocations(f, root)) {
            if (!is_new(c)) m_calls[std::string(c.name)].push_back({&f, c.node});
            auto q = im.qualify(c);
            if (q.empty()) continue;
            auto mod = q_module(q);
            auto path = q_path(q);
            auto args = sx::call_args(c);
            std::string text = compact(f, c.arguments, 600);
            if (is_js(f)) {
                if ((mod == "p-retry" || mod == "async-retry" || mod == "promise-retry") && (path.empty() || path == "default")) {
                    bool constant = str::contains(text, "factor:1,") || str::contains(text, "factor:1}");
                    scope_args(f, c, constant ? Retry{Quality::no_backoff, std::string(mod) + " with factor 1 (constant delay)"}
                                              : Retry{Quality::good, std::string(mod) + " (exponential backoff)"});
                } else if (mod == "exponential-backoff" && path == "backOff") {
                    scope_args(f, c, {Quality::good, "exponential-backoff"});
                } else if ((mod == "@lifeomic/attempt" || mod == "ts-retry-promise") && path == "retry") {
                    scope_args(f, c, {Quality::good, std::string(mod)});
                } else if (mod == "bullmq" && is_new(c) && path == "Worker") {
                    scope_args(f, c, m_queue, 1);
                }
            } else if (is_go(f)) {
                if (q_from(q, "github.com/cenkalti/backoff") &&
                    (path == "Retry" || path == "RetryNotify" || path == "RetryWithData" || path == "RetryNotifyWithData")) {
                    Retry r{Quality::good, "cenkalti/backoff"};
                    if (str::contains(text, "ConstantBackOff") || str::contains(text, "ZeroBackOff"))
                        r = {Quality::no_backoff, "cenkalti/backoff with a constant policy"};
                    scope_args(f, c, r);
                } else if (q_from(q, "github.com/avast/retry-go") && path == "Do") {
                    Retry r{Quality::good, "retry-go (exponential backoff by default)"};
                    if (str::contains(text, "FixedDelay")) r = {Quality::no_backoff, "retry-go with a fixed delay"};
                    scope_args(f, c, r);
                } else if (q_from(q, "github.com/sethvargo/go-retry") && path == "Do") {
                    Retry r{Quality::good, "go-retry"};
                    if (str::contains(text, "NewConstant")) r = {Quality::no_backoff, "go-retry with a constant backoff"};
                    scope_args(f, c, r);
                }
            }
        }
        if (is_js(f) && (im.has("bull") || im.has("bee-queue"))) {
            for (const auto& c : sx::calls(f, root))
                if (c.name == "process") scope_args(f, c, m_queue);
        }
        if (is_py(f) && str::contains(f.text, "Retrying")) {
            sx::walk(root, [&](TSNode n) {
                if (!is(n, "for_statement")) return true;
                TSNode right = unwrap(field(n, "right"));
                if (!is(right, "call")) return true;
                auto q = im.qualify(compact(f, field(right, "function")));
                if (q == "tenacity:Retrying" || q == "tenacity:AsyncRetrying")
                    m_scopes.push_back({&f, ts_node_start_byte(n), ts_node_end_byte(n), tenacity(f, field(right, "arguments"))});
                return true;
            });
        }
    }

    static Retry tenacity(const File& f, TSNode arguments) {
        auto wait = option(f, arguments, "wait");
        if (wait.has != Has::yes) return {Quality::no_backoff, "tenacity retry without wait= (retries immediately)"};
        auto w = compact(f, wait.value);
        if (str::contains(w, "exponential") || str::contains(w, "random_exponential")) return {Quality::good, "tenacity with exponential wait"};
        return {Quality::no_backoff, "tenacity retry without exponential wait"};
    }

    // Retry decorators on a Python function: tenacity, backoff, Celery tasks.
    Retry decorators(const File& f, TSNode fn) const {
        TSNode dd = ts_node_parent(fn);
        if (!is(dd, "decorated_definition")) return {};
        auto it = m_imports.find(&f);
        if (it == m_imports.end()) return {};
        const auto& im = it->second;
        for (TSNode d : named_children(dd)) {
            if (!is(d, "decorator")) continue;
            TSNode e = unwrap(named_children(d).empty() ? TSNode{} : named_children(d)[0]);
            TSNode args{};
            std::string callee;
            if (is(e, "call")) {
                callee = compact(f, field(e, "function"));
                args = field(e, "arguments");
            } else {
                callee = compact(f, e);
            }
            auto q = im.qualify(callee);
            auto path = q_path(q);
            if (q_from(q, "tenacity") && path == "retry") return tenacity(f, args);
            if (q_from(q, "backoff") && str::starts_with(path, "on_")) {
                auto a = named_children(args);
                auto first = a.empty() ? std::string() : compact(f, a[0]);
                if (str::contains(first, "expo") || str::contains(first, "fibo")) return {Quality::good, "backoff decorator (" + first + ")"};
                return {Quality::no_backoff, "backoff decorator without an exponential policy"};
            }
            if (str::ends_with(callee, "task") || str::ends_with(callee, "shared_task")) {
                auto rb = option(f, args, "retry_backoff");
                if (rb.has == Has::yes && sx::text(f, unwrap(rb.value)) != "False")
                    return {Quality::good, "Celery task with retry_backoff"};
                auto body = sx::text(f, field(fn, "body"));
                if (str::contains(body, ".retry(")) {
                    if (str::contains(body, "**") || str::contains(body, "retry_backoff") || str::contains(body, "backoff"))
                        return {Quality::good, "Celery self.retry with an exponential countdown"};
                    return {Quality::no_backoff, "Celery self.retry with a constant countdown"};
                }
                if (option(f, args, "autoretry_for").has == Has::yes)
                    return {Quality::no_backoff, "Celery autoretry_for without retry_backoff (fixed delay)"};
            }
        }
        return {};
    }

    Retry check(const File& f, TSNode n, int depth, std::set<std::pair<const File*, std::uint32_t>>& seen) const {
        if (!seen.insert({&f, ts_node_start_byte(n)}).second) return {};
        const auto start = ts_node_start_byte(n), end = ts_node_end_byte(n);
        for (const auto& s : m_scopes)
            if (s.file == &f && s.begin <= start && end <= s.end) return s.retry;
        for (TSNode fn = sx::enclosing_function(n); !ts_node_is_null(fn); fn = sx::enclosing_function(fn)) {
            if (is_py(f)) {
                auto r = decorators(f, fn);
                if (r.quality != Quality::none) return r;
            }
            auto name = function_name(f, fn);
            if (name.empty()) continue;
            auto w = m_wrapped.find(name);
            if (w != m_wrapped.end()) return w->second;
            if (depth >= 3) break;
            auto callers = m_calls.find(name);
            if (callers == m_calls.end()) break;
            Retry best;
            for (const auto& [cf, cn] : callers->second) {
                if (cf == &f && ts_node_start_byte(fn) <= ts_node_start_byte(cn) && ts_node_end_byte(cn) <= ts_node_end_byte(fn))
                    continue;  // recursion
                auto r = check(*cf, cn, depth + 1, seen);
                if (r.quality == Quality::good) return r;
                if (r.quality == Quality::no_backoff) best = r;
            }
            return best;
        }
        return {};
    }
};

}  // namespace

Outcome probe_rel_send_retries(const ProbeContext& ctx) {
    auto payments = payment_clients(ctx);
    auto emails = email_sends(ctx);
    if (payments.empty() && emails.empty()) {
        static constexpr std::array<std::string_view, 14> k_deps{
            "stripe", "@paypal/checkout-server-sdk", "@paypal/paypal-server-sdk", "braintree", "@adyen/api-library",
            "nodemailer", "@sendgrid/mail", "@aws-sdk/client-ses", "resend", "postmark", "mailgun.js", "sendgrid",
            "github.com/stripe/stripe-go", "paypalrestsdk"};
        for (auto d : k_deps) {
            for (const auto& dep : ctx.svc().dependencies) {
                if (dep.dev || !(dep.name == d || str::starts_with(dep.name, std::string(d) + "/"))) continue;
                auto ev = dependency_evidence(ctx, dep.name);
                return unknown(fmt::format("{} is a dependency but no payment client or email send call of a supported SDK "
                                           "was found in the code, so retries cannot be checked.",
                                           dep.name),
                               ev ? std::vector<Evidence>{*ev} : std::vector<Evidence>{});
            }
        }
        if (!has_code(ctx)) return na("No application code: no payments or email.");
        return na("The service neither takes payments nor sends email.");
    }
    RetryIndex idx(ctx);
    std::vector<Evidence> bad, unk, ok;
    std::vector<std::string> bad_what;
    bool by_default = false;
    auto what = [&](const std::string& w) {
        if (std::find(bad_what.begin(), bad_what.end(), w) == bad_what.end()) bad_what.push_back(w);
    };
    for (const auto& p : payments) {
        Evidence e = telemetry::evidence(*p.file, p.node, p.why);
        if (p.retries == Has::yes) {
            ok.push_back(std::move(e));
            by_default = by_default || p.by_default;
        } else if (p.retries == Has::unknown) {
            unk.push_back(std::move(e));
        } else {
            auto r = idx.covers(*p.file, p.node);
            if (r.quality == Quality::good) {
                e.note = r.how;
                ok.push_back(std::move(e));
            } else {
                bad.push_back(std::move(e));
                what("payments (" + p.provider + ")");
            }
        }
    }
    for (const auto& m : emails) {
        auto r = idx.covers(*m.file, m.node);
        if (r.quality == Quality::good) {
            ok.push_back(telemetry::evidence(*m.file, m.node, fmt::format("{} send retried: {}", m.provider, r.how)));
        } else if (r.quality == Quality::no_backoff) {
            bad.push_back(telemetry::evidence(*m.file, m.node, fmt::format("{} send retried without exponential backoff: {}", m.provider, r.how)));
            what("email (" + m.provider + ", no backoff)");
        } else {
            bad.push_back(telemetry::evidence(*m.file, m.node, fmt::format("{} send runs once: no retry, backoff or queue", m.provider)));
            what("email (" + m.provider + ")");
        }
    }
    if (!bad.empty()) {
        std::string msg = fmt::format("{} {} not retried with exponential backoff: first {}:{} - {}.", str::join(bad_what, " and "),
                                      bad_what.size() == 1 ? "is" : "are", bad.front().path, bad.front().line, bad.front().note);
        if (!ok.empty()) msg += fmt::format(" Retried: {}.", ok.front().note);
        return fail(msg, bad);
    }
    if (!unk.empty()) {
        std::vector<Evidence> ev = unk;
        ev.insert(ev.end(), ok.begin(), ok.end());
        return unknown(fmt::format("Retry settings could not be read: {} ({}:{}).", unk.front().note, unk.front().path, unk.front().line), ev);
    }
    std::string kinds = payments.empty() ? "Email sending is" : (emails.empty() ? "Payment calls are" : "Payment calls and email sending are");
    Outcome o = pass(fmt::format("{} retried with backoff: {}.", kinds, ok.front().note), ok);
    if (by_default) o.message += " The Stripe SDK's default retry is relied on.";
    o.relied_on_default = by_default;
    return o;
}

}  // namespace gonogo::checks
