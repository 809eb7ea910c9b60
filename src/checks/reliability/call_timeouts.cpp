// Probe rel.call_timeouts: does every outbound call of the service (fetch,
// axios, got, undici, node http, nodemailer, Stripe, SendGrid, SES, Go
// net/http and net/smtp, resty, requests, httpx, aiohttp, urllib, smtplib,
// Django mail) carry a bound on how long it waits? Each unbounded site fails.
#include <fmt/format.h>

#include "checks/reliability/telemetry_probes.hpp"
#include "checks/reliability/telemetry_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace telemetry;

Outcome probe_rel_call_timeouts(const ProbeContext& ctx) {
    auto sites = outbound_calls(ctx);
    if (sites.empty()) {
        if (!has_code(ctx)) return na("No application code: no outbound calls.");
        return na("No outbound HTTP, SMTP, payment or email client calls were found in the service's code.");
    }
    std::vector<Evidence> unbounded, unresolved, bounded;
    std::vector<std::string> clients_bad, clients_ok;
    bool by_default = false;
    auto add_name = [](std::vector<std::string>& v, const std::string& n) {
        if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
    };
    for (const auto& s : sites) {
        Evidence e = telemetry::evidence(*s.file, s.node, s.why);
        switch (s.bound) {
            case Bound::unbounded:
                unbounded.push_back(std::move(e));
                add_name(clients_bad, s.client);
                break;
            case Bound::unresolved:
                unresolved.push_back(std::move(e));
                break;
            case Bound::by_default:
                by_default = true;
                [[fallthrough]];
            case Bound::bounded:
                bounded.push_back(std::move(e));
                add_name(clients_ok, s.client);
                break;
        }
    }
    if (!unbounded.empty()) {
        std::string msg = fmt::format("{} outbound call site{} can wait without a useful limit ({}): first {}:{} - {}.",
                                      unbounded.size(), unbounded.size() == 1 ? "" : "s", str::join(clients_bad, ", "),
                                      unbounded.front().path, unbounded.front().line, unbounded.front().note);
        if (!clients_ok.empty()) msg += fmt::format(" Bounded: {}.", str::join(clients_ok, ", "));
        if (unbounded.size() > 12) unbounded.resize(12);
        return fail(msg, unbounded);
    }
    if (!unresolved.empty()) {
        std::vector<Evidence> ev = unresolved;
        ev.insert(ev.end(), bounded.begin(), bounded.end());
        return unknown(fmt::format("{} outbound call site{} take{} options we cannot read (first {}:{}); the others are bounded.",
                                   unresolved.size(), unresolved.size() == 1 ? "" : "s", unresolved.size() == 1 ? "s" : "",
                                   unresolved.front().path, unresolved.front().line),
                       ev);
    }
    std::string msg = fmt::format("Every outbound call site ({}) has a timeout", str::join(clients_ok, ", "));
    if (by_default) msg += "; httpx calls rely on httpx's default 5 s timeout";
    msg += ".";
    Outcome o = pass(msg, bounded);
    o.relied_on_default = by_default;
    return o;
}

}  // namespace gonogo::checks
