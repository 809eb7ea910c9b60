// SCA-05 live, opt-in (--burst N, N <= 500): N requests to one path within 10
// seconds, sequentially on one connection per request; passes when the service
// answers 429 (with Retry-After or RateLimit headers noted), fails when every
// request is served. Off by default: a burst is load on someone's service.
#include <chrono>

#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

Outcome rate_limit(Session& s) {
    int n = std::min(s.options().burst, 500);
    if (n <= 0) return unknown("Rate limiting is probed only on request: --burst N sends N requests (at most 500) to one path.");
    if (!s.home()) return unknown("The service did not answer at its base URL: no burst sent.");
    std::string path = !s.options().burst_path.empty() ? s.options().burst_path : s.health() ? s.health()->url : s.options().url;
    auto start = std::chrono::steady_clock::now();
    int sent = 0, limited = 0, errors = 0;
    std::optional<Response> first_429;
    while (sent < n && std::chrono::steady_clock::now() - start < std::chrono::seconds(10)) {
        Request rq;
        rq.url = s.url_for(path);
        rq.follow_redirects = false;
        auto r = fetch(rq, s.options().client);
        ++sent;
        if (!r) {
            ++errors;
            continue;
        }
        if (r->status == 429) {
            ++limited;
            if (!first_429) first_429 = std::move(*r);
            break;
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto fact = fmt::format("{} request(s) to {} in {:.1f} s: {} answered 429, {} failed", sent, s.url_for(path), secs, limited, errors);
    if (first_429) {
        std::vector<std::string> hints;
        for (const char* h : {"retry-after", "ratelimit-limit", "ratelimit-remaining", "x-ratelimit-limit", "ratelimit-policy"})
            if (auto v = first_429->header(h)) hints.push_back(fmt::format("{}: {}", h, *v));
        return pass(fmt::format("Rate limited: 429 after {} request(s){}.", sent,
                                hints.empty() ? " (no Retry-After or RateLimit header)" : fmt::format(" ({})", fmt::join(hints, "; "))),
                    {live_evidence(*first_429, fact)});
    }
    Evidence e;
    e.path = s.url_for(path);
    e.note = fact;
    if (errors == sent) return unknown(fact + ": no answer to judge.", {e});
    return fail(fmt::format("No rate limit: {}.", fact), {e});
}

}  // namespace gonogo::live
