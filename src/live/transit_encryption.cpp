// COMP-09 live, the in-transit half: the service is reached over HTTPS with a
// current protocol and a trusted certificate, and plain http:// does not serve
// the content. Encryption at rest cannot be seen from outside: when transit is
// fine the control stays unknown for the static audit or a person to decide.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "live/tls.hpp"

namespace gonogo::live {

Outcome transit_encryption(Session& s) {
    auto u = parse_url(s.options().url);
    if (!u) return unknown("Not an http(s) URL.");
    if (u->scheme == "http")
        return fail(fmt::format("{} is served over plain HTTP: data crosses the network unencrypted.", s.options().url),
                    {Evidence{s.options().url, 0, 0, "", "", "plain http", "", ""}});
    const TlsReport* t = s.tls();
    if (!t) return unknown("No TLS handshake could be made (see the diagnostics).");
    bool modern = false, legacy = false;
    for (const auto& p : t->protocols) {
        if (p.offered && (p.name == "TLSv1.2" || p.name == "TLSv1.3")) modern = true;
        if (p.offered && p.name != "TLSv1.2" && p.name != "TLSv1.3") legacy = true;
    }
    Evidence e{s.options().url, 0, 0, "TLS handshake", "", fmt::format("TLS rating {} ({}/100)", t->grade, t->score), "", ""};
    if (!modern || legacy || !t->cert.chain_valid)
        return fail(fmt::format("Encryption in transit is weak on {}: {}.", s.options().url,
                                !modern ? "no TLS 1.2 or 1.3" : legacy ? "legacy protocols offered" : "the certificate is not trusted"),
                    {e});
    if (const auto* http = s.http_home(); http && http->hops.front().location.empty() && http->status < 300)
        return fail(fmt::format("http://{}{} serves the content unencrypted instead of redirecting.", u->host, u->path),
                    {live_evidence(*http, "plain http answered 2xx")});
    return unknown(fmt::format("In transit: TLS 1.2/1.3 with a trusted certificate ({}). At rest is not visible from outside.",
                               e.note),
                   {e});
}

}  // namespace gonogo::live
