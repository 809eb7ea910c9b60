// SEC-11 live: the home page sends a Content-Security-Policy that the
// Observatory algorithm does not penalise for scripts (no 'unsafe-inline'
// without a nonce or hash, no data: or broad sources, object-src restricted).
#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

Outcome content_security_policy(Session& s) {
    const auto* g = s.observatory();
    if (!g) return unknown("The home page did not answer, so its headers could not be read.");
    const auto* t = g->find("content-security-policy");
    auto ev = live_evidence(*s.home(), fmt::format("Content-Security-Policy: {} ({}, {:+d})", t->seen, t->result, t->modifier));
    if (t->modifier < 0 && t->result != "csp-implemented-with-unsafe-eval")
        return fail(fmt::format("Content-Security-Policy on {}: {} (Observatory {:+d}).", s.home()->final_url, t->result, t->modifier), {ev});
    if (t->modifier < 0)
        return fail(fmt::format("Content-Security-Policy on {} allows 'unsafe-eval' (Observatory {:+d}).", s.home()->final_url, t->modifier), {ev});
    return pass(fmt::format("Content-Security-Policy on {}: {}.", s.home()->final_url, t->result), {ev});
}

}  // namespace gonogo::live
