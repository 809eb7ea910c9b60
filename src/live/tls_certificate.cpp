// SEC-17 live: the HTTPS port offers TLS 1.2 or 1.3 only (each protocol tried
// on its own), no NULL, anonymous, export, RC4 or 3DES ciphers, forward
// secrecy to a current client, a chain valid against the system store (or
// --ca) for the host name, and a certificate more than 7 days from expiry
// (under 30 days is named as a warning). The message carries the SSL Labs
// style grade and its caps.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "live/tls.hpp"

namespace gonogo::live {

Outcome tls_certificate(Session& s) {
    const TlsReport* t = s.tls();
    if (!t) {
        auto u = parse_url(s.options().url);
        if (u && u->scheme == "http") return fail(fmt::format("{} is served over plain HTTP: no TLS at all.", s.options().url),
                                                  {Evidence{s.options().url, 0, 0, "", "", "plain http", "", ""}});
        return unknown("No TLS handshake could be made (see the diagnostics).");
    }
    std::string where = fmt::format("https://{}:{}", t->host, t->port);
    auto ev = [&](std::string fact) { return Evidence{where, 0, 0, "TLS handshake", "", std::move(fact), "", ""}; };
    std::vector<Evidence> bad, all;
    for (const auto& p : t->protocols) {
        std::string fact = !p.testable ? p.name + ": not testable with this OpenSSL"
                           : p.offered ? fmt::format("{} offered ({}, {} bits{})", p.name, p.cipher, p.bits, p.forward_secrecy ? ", forward secret" : "")
                                       : p.name + " not offered";
        all.push_back(ev(fact));
        if (p.offered && p.name != "TLSv1.2" && p.name != "TLSv1.3") bad.push_back(ev(fact));
    }
    for (const auto& w : t->weak) {
        if (!w.offered) continue;
        auto fact = fmt::format("weak cipher class {} offered ({})", w.name, w.cipher);
        all.push_back(ev(fact));
        // Static RSA beside forward-secret suites is what nginx's default cipher list does; clients that
        // can do better never pick it. It fails only when a current client gets nothing better.
        if (w.name.rfind("static RSA", 0) != 0) bad.push_back(ev(fact));
    }
    if (!t->forward_secrecy) {
        auto fact = fmt::format("no forward secrecy with a current client (it negotiated {})", t->negotiated);
        all.push_back(ev(fact));
        bad.push_back(ev(fact));
    }
    const auto& c = t->cert;
    auto cert_fact = fmt::format("certificate {} issued by {}, {} {} bits, expires {} ({} days), names: {}{}", c.subject, c.issuer,
                                 c.key_type, c.key_bits, c.not_after, c.days_left, fmt::join(c.names, ", "),
                                 c.ocsp_stapled ? ", OCSP stapled" : ", no OCSP stapling");
    all.push_back(ev(cert_fact));
    std::vector<std::string> problems;
    if (!c.chain_valid) problems.push_back("the chain does not verify: " + c.chain_error);
    if (!c.hostname_ok) problems.push_back(fmt::format("the certificate is not valid for {}", t->host));
    if (c.days_left < 0) problems.push_back(fmt::format("the certificate expired {} day(s) ago", -c.days_left));
    else if (c.days_left < 7) problems.push_back(fmt::format("the certificate expires in {} day(s)", c.days_left));
    if (c.key_type == "RSA" && c.key_bits < 2048) problems.push_back(fmt::format("RSA key of {} bits", c.key_bits));
    for (const auto& b : bad) problems.push_back(b.note);
    if (!problems.empty()) {
        bad.push_back(ev(cert_fact));
        for (const auto& p : t->protocols)
            if (p.offered) bad.push_back(ev(fmt::format("{} offered ({})", p.name, p.cipher)));
    }
    std::string grade = fmt::format("Rating {} ({}/100{}{})", t->grade, t->score, t->caps.empty() ? "" : "; ", fmt::join(t->caps, "; "));
    if (!problems.empty()) return fail(fmt::format("TLS on {}: {}. {}.", where, fmt::join(problems, "; "), grade), bad);
    std::string warn = c.days_left < 30 ? fmt::format(" Warning: the certificate expires in {} days; renew it.", c.days_left) : "";
    return pass(fmt::format("TLS on {}: TLS 1.2/1.3 only, forward secret, a trusted certificate for {} valid for {} more days.{} {}.",
                            where, t->host, c.days_left, warn, grade),
                all);
}

}  // namespace gonogo::live
