// SEC-16 live: over HTTPS, plain http:// redirects to https:// (the
// Observatory's redirection test) and HSTS is at least a year with
// includeSubDomains. A service probed over http:// fails unless it redirects.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {

Outcome https_redirect(Session& s) {
    const auto* g = s.observatory();
    if (!g) return unknown("The home page did not answer.");
    const Response& page = *s.home();
    const auto* red = g->find("redirection");
    const auto* hsts = g->find("strict-transport-security");
    std::vector<Evidence> ev{live_evidence(page, fmt::format("redirection: {} ({})", red->seen, red->result)),
                             live_evidence(page, fmt::format("Strict-Transport-Security: {} ({})", hsts->seen, hsts->result))};
    bool https = page.final_url.rfind("https://", 0) == 0;
    if (!https) return fail(fmt::format("{} is served over plain HTTP and does not redirect to HTTPS.", page.final_url), ev);
    std::vector<std::string> problems;
    if (red->modifier < 0) problems.push_back(red->result);
    auto h = str::lower(page.header("strict-transport-security").value_or(""));
    long long age = hsts_max_age(h).value_or(0);
    if (age < 31536000) problems.push_back(fmt::format("HSTS max-age {} is under a year", age));
    if (!str::contains(h, "includesubdomains")) problems.push_back("HSTS without includeSubDomains");
    if (!problems.empty()) return fail(fmt::format("HTTPS is not enforced on {}: {}.", page.final_url, fmt::join(problems, "; ")), ev);
    return pass(fmt::format("{}: http redirects to https ({}) and HSTS is {}{}.", page.final_url, red->result, hsts->seen,
                            str::contains(h, "preload") ? "" : " (not preload-ready)"),
                ev);
}

}  // namespace gonogo::live
