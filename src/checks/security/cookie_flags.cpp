// Probe sec.cookie_flags: is every cookie the service sets Secure with a
// SameSite attribute, and every session/auth cookie also HttpOnly? Reads
// res.cookie / cookies().set / Set-Cookie strings / http.Cookie literals /
// set_cookie calls and session configuration (express-session, Django,
// Flask, Starlette), and credits NextAuth's and Django's defaults.
#include <fmt/format.h>

#include "checks/security/web_probes.hpp"
#include "checks/security/web_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

// The decision; the probe masks secret-looking literals in the snippets it returns.
static Outcome decide(const ProbeContext& ctx) {
    if (!web::is_web_service(ctx)) return na("No HTTP server in this service, so it sets no cookies.");
    auto rep = web::cookie_report(ctx);
    Outcome out;
    out.other_evidence = web::other_hits(ctx, {"sec.web-cookie"}, "not the service's own code");
    const bool next_auth_overridden = std::any_of(rep.sites.begin(), rep.sites.end(),
                                                  [](const web::CookieSite& s) { return s.how == "NextAuth options"; });
    if (rep.sites.empty() && !rep.next_auth) return na("The service sets no cookies and configures no cookie sessions.");

    std::vector<std::string> weak, unknown_parts, good;
    std::vector<Evidence> weak_ev, other_ev;
    bool by_default = false;
    for (const auto& s : rep.sites) {
        std::string name = s.name.empty() ? std::string("(computed name)") : s.name;
        std::vector<std::string> missing, unresolved;
        if (s.session) {
            if (s.http_only == web::Flag::off || s.http_only == web::Flag::unset) missing.push_back("HttpOnly");
            else if (s.http_only == web::Flag::unknown) unresolved.push_back("HttpOnly");
        }
        if (s.secure == web::Flag::off || s.secure == web::Flag::unset) missing.push_back("Secure");
        else if (s.secure == web::Flag::unknown) unresolved.push_back("Secure");
        if (s.same_site == web::Flag::off || s.same_site == web::Flag::unset)
            missing.push_back(s.same_site_value == "none" ? "SameSite (None without Secure)" : "SameSite");
        else if (s.same_site == web::Flag::unknown) unresolved.push_back("SameSite");
        Evidence ev = s.evidence();
        if (!missing.empty()) {
            std::string line = fmt::format("cookie '{}' ({}) lacks {}", name, s.how, str::join(missing, ", "));
            if (s.how == "SESSION_COOKIE_* settings" && std::find(missing.begin(), missing.end(), "Secure") != missing.end())
                line += " (SESSION_COOKIE_SECURE is False by default)";
            if (s.how == "CSRF_COOKIE_* settings" && std::find(missing.begin(), missing.end(), "Secure") != missing.end())
                line += " (CSRF_COOKIE_SECURE is False by default)";
            weak.push_back(line);
            weak_ev.push_back(ev);
        } else if (!unresolved.empty()) {
            unknown_parts.push_back(fmt::format("cookie '{}' ({}): {} not a literal{}", name, s.how, str::join(unresolved, ", "),
                                                s.note.empty() ? "" : " (" + s.note + ")"));
            other_ev.push_back(ev);
        } else {
            good.push_back(fmt::format("'{}' ({}{})", name, s.how, s.note.empty() ? "" : ", " + s.note));
            by_default = by_default || s.defaults;
            other_ev.push_back(ev);
        }
    }
    if (rep.next_auth && !next_auth_overridden) {
        good.push_back("NextAuth session cookies (httpOnly and sameSite=lax by default; Secure with the __Secure- prefix "
                       "when NEXTAUTH_URL is https)");
        by_default = true;
        if (rep.next_auth_at) other_ev.push_back(*rep.next_auth_at);
    }
    if (!weak.empty()) {
        out.status = Status::fail;
        out.evidence = weak_ev;
        out.message = fmt::format("Weak cookie flags: {}.", str::join(weak, "; "));
        return out;
    }
    out.evidence = other_ev;
    if (!unknown_parts.empty()) {
        out.status = Status::unknown;
        out.message = fmt::format("Could not resolve cookie flags: {}.", str::join(unknown_parts, "; "));
        return out;
    }
    out.status = Status::pass;
    out.relied_on_default = by_default;
    out.message = fmt::format("Cookies carry the required flags: {}.", str::join(good, "; "));
    if (by_default) out.message += " Partly by framework defaults.";
    return out;
}

Outcome probe_sec_cookie_flags(const ProbeContext& ctx) { return web::masked(decide(ctx)); }

}  // namespace gonogo::checks
