// SEC-12 live: X-Content-Type-Options nosniff, frame denial (X-Frame-Options
// or CSP frame-ancestors), a private Referrer-Policy and, over HTTPS, HSTS of
// at least one year, on the home page. The message carries the page's Mozilla
// HTTP Observatory score and grade (MDN algorithm version 4).
#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {

Outcome security_headers(Session& s) {
    const auto* g = s.observatory();
    if (!g) return unknown("The home page did not answer, so its headers could not be read.");
    const Response& page = *s.home();
    std::vector<std::string> missing;
    std::vector<Evidence> ev;
    auto check = [&](const char* test, bool ok, const std::string& what) {
        const auto* t = g->find(test);
        ev.push_back(live_evidence(page, fmt::format("{}: {} ({}, {:+d})", test, t->seen, t->result, t->modifier)));
        if (!ok) missing.push_back(what);
    };
    check("x-content-type-options", g->find("x-content-type-options")->modifier == 0, "X-Content-Type-Options: nosniff");
    check("x-frame-options", g->find("x-frame-options")->modifier >= 0, "X-Frame-Options DENY/SAMEORIGIN or CSP frame-ancestors");
    check("referrer-policy", g->find("referrer-policy")->modifier > 0, "a private Referrer-Policy (strict-origin-when-cross-origin or stricter)");
    bool https = page.final_url.rfind("https://", 0) == 0;
    if (https) {
        auto h = page.header("strict-transport-security");
        auto age = h ? hsts_max_age(*h) : std::nullopt;
        check("strict-transport-security", age && *age >= 31536000, "Strict-Transport-Security max-age of at least one year (31536000)");
    }
    std::string grade = fmt::format("Mozilla HTTP Observatory (MDN algorithm v{}): {} ({}/100).", k_observatory_algorithm, g->grade, g->score);
    if (!missing.empty())
        return fail(fmt::format("{} lacks {}. {}", page.final_url, fmt::join(missing, "; "), grade), ev);
    return pass(fmt::format("{} sends nosniff, frame denial, a private Referrer-Policy{}. {}", page.final_url,
                            https ? " and HSTS of at least a year" : " (HSTS applies over HTTPS only)", grade),
                ev);
}

}  // namespace gonogo::live
