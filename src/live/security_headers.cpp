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
        const auto* hsts = g->find("strict-transport-security");
        bool year = false;
        if (auto h = page.header("strict-transport-security")) {
            auto pos = h->find("max-age=");
            if (pos != std::string::npos) year = std::atoll(h->c_str() + pos + 8) >= 31536000;
        }
        check("strict-transport-security", year, "Strict-Transport-Security max-age of at least one year (31536000)");
        (void)hsts;
    }
    std::string grade = fmt::format("Mozilla HTTP Observatory (MDN algorithm v{}): {} ({}/100).", k_observatory_algorithm, g->grade, g->score);
    if (!missing.empty())
        return fail(fmt::format("{} lacks {}. {}", page.final_url, fmt::join(missing, "; "), grade), ev);
    return pass(fmt::format("{} sends nosniff, frame denial, a private Referrer-Policy{}. {}", page.final_url,
                            https ? " and HSTS of at least a year" : " (HSTS applies over HTTPS only)", grade),
                ev);
}

}  // namespace gonogo::live
