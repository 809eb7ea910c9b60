// Probe sec.webhook_signature: do webhook handlers (webhook/hook/stripe/callback
// routes, handlers acting on Stripe event types) verify the provider's signature
// over the raw body (constructEvent / construct_event / ConstructEvent, svix,
// an HMAC compared in constant time) before acting?
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

enum class PathKind { none, hook, maybe };

// hook/webhook paths are webhooks; stripe/callback paths only when the handler looks like one
// (a signature header, provider event types, constructEvent): /api/stripe/checkout creates sessions.
PathKind webhook_path(const collect::Route& r) {
    if (r.method == "GET" || r.method == "HEAD" || r.method == "OPTIONS") return PathKind::none;  // providers POST events
    const std::string p = str::lower(r.path);
    if (str::contains(p, "hook")) return PathKind::hook;
    if (str::contains(p, "stripe")) return PathKind::maybe;
    if (str::contains(p, "callback") && !str::contains(p, "auth") && !str::contains(p, "login") && !str::contains(p, "sso"))
        return PathKind::maybe;
    return PathKind::none;
}

bool looks_like_webhook_handler(const File& f, TSNode fn) {
    const std::string l = str::lower(sx::text(f, fn));
    return str::contains(l, "signature") || str::contains(l, "constructevent") || str::contains(l, "construct_event") ||
           str::contains(l, "event.type") || str::contains(l, "event[\"type\"]") || str::contains(l, "hmac");
}

bool stripe_event_type(std::string_view s) {
    for (std::string_view p : {"checkout.session.", "payment_intent.", "invoice.", "customer.subscription.", "charge.",
                               "payment_method.", "setup_intent.", "account.updated"})
        if (str::starts_with(s, p)) return true;
    return false;
}

bool construct_event(std::string_view name) {
    return name == "constructEvent" || name == "constructEventAsync" || name == "construct_event" ||
           name == "ConstructEvent" || name == "ConstructEventWithOptions" || name == "ConstructEventWithTolerance";
}

bool constant_time_compare(const sx::Call& c) {
    return c.name == "timingSafeEqual" || c.name == "compare_digest" || c.callee == "hmac.Equal" ||
           c.name == "ConstantTimeCompare" || c.callee == "secrets.compare_digest";
}

bool library_verify(const sx::Call& c) {
    const std::string recv = str::lower(c.callee);
    if ((c.name == "verify" || c.name == "verifyAndReceive" || c.name == "Verify") &&
        (str::contains(recv, "webhook") || str::contains(recv, "wh.") || str::contains(recv, "svix")))
        return true;
    return c.name == "validateRequest" || c.name == "validateWebhook" || c.name == "verifyWebhook" ||
           (c.name == "unwrap" && str::contains(recv, "webhooks"));
}

bool hmac_compute(const sx::Call& c) {
    return c.name == "createHmac" || c.callee == "hmac.new" || c.callee == "hmac.New" || c.name == "HMAC";
}

// A helper whose name says it checks a signature.
bool verify_like_name(std::string_view name) {
    const std::string l = str::lower(name);
    return (str::contains(l, "verify") || str::contains(l, "validate") || str::contains(l, "check")) &&
           (str::contains(l, "sig") || str::contains(l, "webhook") || str::contains(l, "hmac"));
}

enum class BodyKind { raw, parsed, unclear };

struct Verdict {
    bool verified = false;
    bool parsed_body = false;
    bool naive_compare = false;
    bool unfollowed_verify = false;
    std::vector<Evidence> evidence;
    std::string parsed_note;
};

class Judge {
public:
    Judge(const ProbeContext& ctx, const std::vector<const File*>& files) : m_ctx(ctx), m_index(files) {
        for (const auto* f : files) {
            if (!is_js(*f)) continue;
            const std::string_view t = f->text;
            if (t.find("express.raw") != std::string_view::npos || t.find("bodyParser.raw") != std::string_view::npos ||
                t.find("rawBody") != std::string_view::npos)
                m_raw_parser = true;
            if (t.find("express.json()") != std::string_view::npos || t.find("bodyParser.json()") != std::string_view::npos)
                m_json_parser = true;
        }
    }

    // The body given to constructEvent: raw bytes or a parsed/re-serialized object.
    BodyKind body_kind(const File& f, TSNode at, TSNode arg, const collect::Route* r, int depth = 0) const {
        arg = unwrap(arg);
        if (ts_node_is_null(arg) || depth > 3) return BodyKind::unclear;
        const std::string_view t = sx::type(arg);
        const std::string text(sx::text(f, arg));
        if (t == "call_expression" || t == "call") {
            const std::string callee(sx::text(f, child(arg, "function")));
            if (str::ends_with(callee, ".json") || callee == "JSON.stringify" || callee == "json.dumps" ||
                callee == "json.Marshal" || str::ends_with(callee, ".get_json"))
                return BodyKind::parsed;
            return BodyKind::raw;  // req.text(), request.body(), io.ReadAll(r.Body), buffer(req), Buffer.from(...)
        }
        if (t == "identifier") {
            const std::string name(text);
            auto assigns = assignments_to(f, scope_of(f, at), name);
            if (assigns.empty()) return BodyKind::unclear;
            BodyKind k = BodyKind::raw;
            for (const auto& a : assigns) {
                if (ts_node_start_byte(a.at) > ts_node_start_byte(at)) continue;
                BodyKind sub = body_kind(f, a.at, a.value, r, depth + 1);
                if (sub == BodyKind::parsed) return sub;
                if (sub == BodyKind::unclear) k = sub;
            }
            return k;
        }
        if (t == "member_expression" || t == "attribute") {
            if (is_py(f)) return (text == "request.json") ? BodyKind::parsed : BodyKind::raw;
            if (str::ends_with(text, ".rawBody")) return BodyKind::raw;
            if (str::ends_with(text, ".body") && r) {
                for (const auto& mw : r->middleware)
                    if (str::contains(mw, "raw")) return BodyKind::raw;
                if (r->framework == "nextjs-pages") {
                    const File& decl = m_ctx.model.file_at(r->file);
                    return str::contains(decl.text, "bodyParser: false") || str::contains(decl.text, "bodyParser:false")
                               ? BodyKind::raw
                               : BodyKind::parsed;
                }
                if (m_raw_parser) return BodyKind::raw;
                if (m_json_parser) return BodyKind::parsed;
            }
            return BodyKind::unclear;
        }
        return BodyKind::unclear;
    }

    void examine(const File& f, TSNode fn, const collect::Route* r, Verdict& v, int depth = 0) const {
        bool hmac = false, ct = false;
        TSNode hmac_at{};
        for (const auto& c : sx::calls(f, fn)) {
            if (construct_event(c.name)) {
                auto args = positional_args(c);
                BodyKind k = args.empty() ? BodyKind::unclear : body_kind(f, c.node, args[0], r);
                if (k == BodyKind::parsed) {
                    v.parsed_body = true;
                    v.evidence.push_back(node_evidence(f, c.node, "signature checked over a parsed/re-serialized body"));
                    v.parsed_note = short_text(f, args[0], 60);
                } else {
                    v.verified = true;
                    v.evidence.push_back(node_evidence(f, c.node, "signature verified over the raw body"));
                }
                continue;
            }
            if (library_verify(c)) {
                v.verified = true;
                v.evidence.push_back(node_evidence(f, c.node, "webhook signature verified by the provider library"));
                continue;
            }
            if (constant_time_compare(c)) {
                ct = true;
                v.evidence.push_back(node_evidence(f, c.node, "HMAC compared in constant time"));
                continue;
            }
            if (hmac_compute(c)) {
                hmac = true;
                if (ts_node_is_null(hmac_at)) hmac_at = c.node;
                continue;
            }
            if (depth == 0 && !c.name.empty()) {
                auto found = m_index.find(c.name);
                for (const auto& e : found)
                    if (!inside(e.node, fn)) examine(*e.file, e.node, r, v, depth + 1);
                if (found.empty() && verify_like_name(c.name)) v.unfollowed_verify = true;
            }
        }
        if (ct) v.verified = true;
        if (hmac && !ct) {
            v.naive_compare = true;
            v.evidence.push_back(node_evidence(f, hmac_at, "HMAC computed but not compared in constant time"));
        }
    }

    const FunctionIndex& index() const { return m_index; }

private:
    const ProbeContext& m_ctx;
    FunctionIndex m_index;
    bool m_raw_parser = false;
    bool m_json_parser = false;
};

// Stripe event-type literals in a scope (a handler acting on provider events).
TSNode stripe_event_literal(const File& f, TSNode scope) {
    TSNode found{};
    sx::walk(scope, [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        if (sx::is_string_literal(n)) {
            if (stripe_event_type(sx::string_value(f, n))) found = n;
            return false;
        }
        return true;
    });
    return found;
}

}  // namespace

namespace {

Outcome decide_webhook_signature(const ProbeContext& ctx) {
    auto files = code_files(ctx);
    Judge judge(ctx, files);
    std::vector<Evidence> bad, good, unclear;
    std::set<std::uint32_t> handler_files;
    std::size_t hooks = 0;
    for (const auto* r : routes(ctx)) {
        auto h = handler_of(ctx, *r);
        const PathKind pk = webhook_path(*r);
        TSNode event_lit{};
        if (h) event_lit = stripe_event_literal(*h->file, h->node);
        const bool by_path = pk == PathKind::hook || (pk == PathKind::maybe && h && looks_like_webhook_handler(*h->file, h->node));
        if (!by_path && ts_node_is_null(event_lit)) continue;
        ++hooks;
        if (!h) {
            unclear.push_back(route_evidence(ctx, *r, fmt::format("{} {}: handler not resolved", r->method, r->path)));
            continue;
        }
        handler_files.insert(r->handler_file);
        Verdict v;
        judge.examine(*h->file, h->node, r, v);
        // Middleware that verifies (a named function with a constant-time compare or constructEvent).
        for (const auto& mw : r->middleware) {
            auto dot = mw.rfind('.');
            auto found = judge.index().find(dot == std::string::npos ? mw : mw.substr(dot + 1));
            for (const auto& e : found) judge.examine(*e.file, e.node, r, v, 1);
            if (found.empty() && verify_like_name(mw)) v.unfollowed_verify = true;
        }
        const std::string where = fmt::format("{} {}", r->method, r->path);
        if (v.parsed_body) {
            bad.push_back(route_evidence(ctx, *r, where + ": webhook route"));
            for (auto& e : v.evidence)
                if (str::contains(e.note, "parsed")) bad.push_back(e);
        } else if (v.naive_compare && !v.verified) {
            bad.push_back(route_evidence(ctx, *r, where + ": webhook route"));
            for (auto& e : v.evidence) bad.push_back(e);
        } else if (v.verified) {
            for (auto& e : v.evidence) good.push_back(e);
        } else if (v.unfollowed_verify) {
            unclear.push_back(route_evidence(ctx, *r, where + ": verification delegated to a helper that was not followed"));
        } else {
            bad.push_back(route_evidence(ctx, *r, where + ": webhook handler acts without verifying a signature"));
            if (!ts_node_is_null(event_lit))
                bad.push_back(node_evidence(*h->file, event_lit, "acts on the provider's event type"));
        }
    }
    // Provider events handled outside a recognised route (serverless handlers, queues fed by a proxy).
    for (const auto* f : files) {
        if (handler_files.count(static_cast<std::uint32_t>(f - &ctx.model.files.front()))) continue;
        const std::string_view t = f->text;
        const bool verify_here = t.find("constructEvent") != std::string_view::npos ||
                                 t.find("construct_event") != std::string_view::npos ||
                                 t.find("ConstructEvent") != std::string_view::npos;
        const bool events_here = t.find("checkout.session.") != std::string_view::npos ||
                                 t.find("payment_intent.") != std::string_view::npos ||
                                 t.find("customer.subscription.") != std::string_view::npos ||
                                 t.find("invoice.") != std::string_view::npos;
        if (!verify_here && !events_here) continue;
        TSNode root = sx::root(*f);
        if (verify_here) {
            Verdict v;
            judge.examine(*f, root, nullptr, v, 1);
            if (v.parsed_body) {
                ++hooks;
                for (auto& e : v.evidence)
                    if (str::contains(e.note, "parsed")) bad.push_back(e);
            } else if (v.verified) {
                ++hooks;
                for (auto& e : v.evidence) good.push_back(e);
            }
            continue;
        }
        TSNode lit = stripe_event_literal(*f, root);
        if (ts_node_is_null(lit)) continue;
        // Only a handler: the literal compared with an event's type (switch case / ==).
        TSNode p = ts_node_parent(lit);
        const std::string_view pt = sx::type(p);
        if (pt != "switch_case" && pt != "binary_expression" && pt != "comparison_operator" && pt != "case_clause" &&
            pt != "expression_case" && pt != "expression_list" && pt != "case_pattern")
            continue;
        ++hooks;
        bad.push_back(node_evidence(*f, lit, "Stripe event handled with no signature verification in this file"));
    }
    if (!bad.empty()) {
        std::string msg = fmt::format("Webhook handling without a valid signature check (first: {}:{}).", bad.front().path,
                                      bad.front().line);
        for (const auto& e : bad)
            if (str::contains(e.note, "parsed")) {
                msg += " constructEvent is given a parsed or re-serialized body, which never verifies: pass the raw "
                       "body (await req.text(), express.raw(), request.body(), io.ReadAll(r.Body)).";
                break;
            }
        return fail(msg, std::move(bad));
    }
    if (!unclear.empty()) {
        {
            std::string msg_ = fmt::format("{} webhook handler(s) could not be decided: the handler or the verification helper "
                                   "was not resolved.",
                                   unclear.size());
            return unknown(std::move(msg_), std::move(unclear));
        }
    }
    if (hooks == 0) return na(has_code(ctx) ? "No webhook endpoints or provider event handling found."
                                            : "No application code to examine.");
    {
        std::string msg_ = fmt::format("{} webhook handler(s) verify the provider's signature over the raw body before acting.", hooks);
        return pass(std::move(msg_), std::move(good));
    }
}

}  // namespace

Outcome probe_sec_webhook_signature(const ProbeContext& ctx) {
    Outcome o = decide_webhook_signature(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
