// SEC-20 live: the home page and the health endpoint, asked with an unrelated
// Origin and with Origin: null, by a preflight (OPTIONS) and a simple GET.
// Fails when any origin is reflected (or * is sent) together with
// Access-Control-Allow-Credentials: true.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {

Outcome cors(Session& s) {
    if (!s.home()) return unknown("The home page did not answer.");
    std::vector<std::string> targets{s.options().url};
    if (const auto* h = s.health()) targets.push_back(h->url);
    std::vector<Evidence> bad, seen;
    for (const auto& url : targets)
        for (const std::string& origin : {std::string(Session::k_probe_origin), std::string("null")})
            for (const char* method : {"OPTIONS", "GET"}) {
                Request rq;
                rq.method = method;
                rq.url = url;
                rq.follow_redirects = false;
                rq.headers = {"Origin: " + origin};
                if (std::string_view(method) == "OPTIONS")
                    rq.headers.insert(rq.headers.end(), {"Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type"});
                auto r = s.send(rq);
                if (!r) continue;
                auto acao = r->header("access-control-allow-origin");
                if (!acao) continue;
                auto acac = str::lower(r->header("access-control-allow-credentials").value_or(""));
                auto note = fmt::format("Origin: {} -> Access-Control-Allow-Origin: {}{}", origin, *acao,
                                        acac.empty() ? "" : ", Access-Control-Allow-Credentials: " + acac);
                auto ev = live_evidence(*r, note, method);
                bool reflected = *acao == origin || *acao == "*";
                (reflected && acac == "true" ? bad : seen).push_back(ev);
            }
    if (!bad.empty())
        return fail(fmt::format("Any origin is allowed together with credentials ({}): another site can read authenticated "
                                "answers.",
                                bad.front().note),
                    bad);
    if (seen.empty()) return pass("No CORS header is sent to an unrelated origin or to Origin: null.");
    return pass(fmt::format("CORS answers an unrelated origin without credentials ({}).", seen.front().note), seen);
}

}  // namespace gonogo::live
