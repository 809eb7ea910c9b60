// SEC-15 live: every Set-Cookie seen on the home page, the login page (when
// configured) and the health endpoint. A session-looking cookie (session,
// sess, sid, auth, token, login, jwt in its name) must be HttpOnly, Secure
// over HTTPS and SameSite Lax or Strict; a __Host- cookie must be Secure with
// Path=/ and no Domain, a __Secure- cookie Secure. Other cookies missing a
// flag are named but do not fail the control.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {
namespace {

bool session_name(std::string_view name) {
    auto n = str::lower(name);
    for (const char* k : {"session", "sess", "sid", "auth", "token", "login", "jwt", "remember"})
        if (str::contains(n, k)) return true;
    return false;
}

}  // namespace

Outcome cookie_flags(Session& s) {
    std::vector<const Response*> pages;
    if (const auto* h = s.home()) pages.push_back(h);
    if (!s.options().login_path.empty())
        if (const auto* l = s.get(s.options().login_path)) pages.push_back(l);
    if (const auto* h = s.health()) pages.push_back(h);
    if (pages.empty()) return unknown("The service did not answer: no cookies to read.");
    std::vector<Evidence> bad, weak, good;
    std::size_t total = 0;
    for (const auto* r : pages) {
        bool https = r->final_url.rfind("https://", 0) == 0;
        for (const auto& raw : r->all("set-cookie")) {
            ++total;
            auto c = parse_cookie(raw);
            auto lower = str::lower(raw);
            std::vector<std::string> problems;
            if (!c.http_only) problems.push_back("no HttpOnly");
            if (https && !c.secure) problems.push_back("no Secure");
            if (c.same_site != "lax" && c.same_site != "strict")
                problems.push_back(c.same_site.empty() ? "no SameSite" : "SameSite=" + c.same_site);
            std::vector<std::string> prefix;
            if (str::starts_with(c.name, "__Host-") &&
                (!c.secure || !str::contains(lower, "path=/") || str::contains(lower, "domain=")))
                prefix.push_back("__Host- needs Secure, Path=/ and no Domain");
            if (str::starts_with(c.name, "__Secure-") && !c.secure) prefix.push_back("__Secure- needs Secure");
            std::string masked = c.name + "=…" + (raw.find(';') == std::string::npos ? "" : raw.substr(raw.find(';')));
            bool session = session_name(c.name);
            auto note = fmt::format("Set-Cookie: {}{}", masked,
                                    problems.empty() && prefix.empty() ? "" : " (" + fmt::format("{}", fmt::join(problems, ", ")) +
                                                                                 (prefix.empty() ? "" : "; " + prefix.front()) + ")");
            auto ev = live_evidence(*r, note);
            if (!prefix.empty() || (session && !problems.empty())) bad.push_back(ev);
            else if (!problems.empty()) weak.push_back(ev);
            else good.push_back(ev);
        }
    }
    if (total == 0) return na("No cookie is set on the home page, the health endpoint or the login page.");
    if (!bad.empty()) {
        bad.insert(bad.end(), weak.begin(), weak.end());
        return fail(fmt::format("{} of {} cookie(s) are session cookies without HttpOnly, Secure or SameSite, or break their "
                                "__Host-/__Secure- prefix.",
                                bad.size() - weak.size(), total),
                    bad);
    }
    good.insert(good.end(), weak.begin(), weak.end());
    return pass(weak.empty() ? fmt::format("All {} cookie(s) are HttpOnly, Secure (over HTTPS) and SameSite.", total)
                             : fmt::format("Session cookies are protected; {} other cookie(s) lack a flag (listed).", weak.size()),
                good);
}

}  // namespace gonogo::live
