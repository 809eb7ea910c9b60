// PERF-09 live, first half: the median and p95 time to first byte of the home
// page over a bounded number of requests (default 10), against web.dev's
// "good" threshold of 800 ms. Core Web Vitals need a browser: when TTFB is
// within target the control stays unknown, never pass.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

Outcome time_to_first_byte(Session& s) {
    if (!s.home()) return unknown("The home page did not answer.");
    std::vector<double> t;
    int n = std::clamp(s.options().ttfb_samples, 1, 100);
    for (int i = 0; i < n; ++i) {
        Request rq;
        rq.url = s.options().url;
        auto r = s.send(rq);
        if (r) t.push_back(r->ttfb_ms);
    }
    if (t.empty()) return unknown("None of the timing requests got an answer.");
    std::sort(t.begin(), t.end());
    double median = t.size() % 2 ? t[t.size() / 2] : (t[t.size() / 2 - 1] + t[t.size() / 2]) / 2;
    // Nearest rank: the smallest sample at or above 95 % of them.
    auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(t.size())));
    double p95 = t[std::max<std::size_t>(rank, 1) - 1];
    double target = s.options().ttfb_target_ms;
    auto fact = fmt::format("TTFB over {} requests: median {:.1f} ms, p95 {:.1f} ms (target {:.0f} ms)", t.size(), median, p95, target);
    Evidence e = live_evidence(*s.home(), fact);
    if (p95 > target) return fail(fact + ".", {e});
    return unknown(fact + ": within target. Core Web Vitals (LCP, INP, CLS, FCP) need a browser and are not measured here.", {e});
}

}  // namespace gonogo::live
