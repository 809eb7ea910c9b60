// The Observatory's ten tests and its two-round score (see observatory.hpp).
// HTML for the subresource-integrity test is parsed with libxml2's HTML parser.
#include "live/observatory.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::live {
namespace {

using Policy = std::map<std::string, std::vector<std::string>>;

// Directive names are case-insensitive; source keywords and schemes too. Nullopt: cannot be parsed.
std::optional<Policy> parse_csp(std::string_view header) {
    Policy p;
    for (auto part : str::split(header, ';')) {
        auto d = str::trim(part);
        if (d.empty()) continue;
        std::vector<std::string> tokens;
        std::string cur;
        for (char ch : d) {
            if (ch == ' ' || ch == '\t') {
                if (!cur.empty()) tokens.push_back(std::move(cur));
                cur.clear();
            } else {
                cur += ch;
            }
        }
        if (!cur.empty()) tokens.push_back(std::move(cur));
        auto name = str::lower(tokens.front());
        for (char ch : name)
            if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-')) return std::nullopt;
        std::vector<std::string> sources;
        for (std::size_t i = 1; i < tokens.size(); ++i) sources.push_back(str::lower(tokens[i]));
        p.emplace(name, std::move(sources));  // the first occurrence of a directive wins
    }
    if (p.empty()) return std::nullopt;
    return p;
}

const std::vector<std::string>* effective(const Policy& p, const std::string& directive) {
    if (auto it = p.find(directive); it != p.end()) return &it->second;
    if (auto it = p.find("default-src"); it != p.end()) return &it->second;
    return nullptr;
}

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

bool broad(const std::vector<std::string>& v) {
    for (const auto& s : v)
        if (s == "*" || s == "http:" || s == "https:" || s == "ftp:" || s == "data:") return true;
    return false;
}

bool nonce_or_hash(const std::vector<std::string>& v) {
    for (const auto& s : v)
        if (str::starts_with(s, "'nonce-") || str::starts_with(s, "'sha256-") || str::starts_with(s, "'sha384-") ||
            str::starts_with(s, "'sha512-") || s == "'strict-dynamic'")
            return true;
    return false;
}

bool insecure_source(const std::vector<std::string>& v) {
    for (const auto& s : v)
        if (s == "http:" || str::starts_with(s, "http://")) return true;
    return false;
}

ObservatoryTest csp_test(const Response& page, bool https) {
    ObservatoryTest t{"content-security-policy", "", 0, ""};
    auto header = page.header("content-security-policy");
    if (!header) return {t.test, "csp-not-implemented", -25, "no Content-Security-Policy header"};
    t.seen = *header;
    auto p = parse_csp(*header);
    if (!p) return {t.test, "csp-header-invalid", -25, *header};
    const auto* script = effective(*p, "script-src");
    const auto* object = effective(*p, "object-src");
    const auto* style = effective(*p, "style-src");
    bool unsafe_script = !script || (has(*script, "'unsafe-inline'") && !nonce_or_hash(*script)) || broad(*script) ||
                         !object || (broad(*object) && !has(*object, "'none'"));
    if (unsafe_script) return {t.test, "csp-implemented-with-unsafe-inline", -20, *header};
    bool insecure_active = false, insecure_passive = false;
    if (https)
        for (const auto& [name, sources] : *p) {
            if (!insecure_source(sources)) continue;
            (name == "img-src" || name == "media-src" ? insecure_passive : insecure_active) = true;
        }
    if (insecure_active) return {t.test, "csp-implemented-with-insecure-scheme", -20, *header};
    if (has(*script, "'unsafe-eval'")) return {t.test, "csp-implemented-with-unsafe-eval", -10, *header};
    if (insecure_passive) return {t.test, "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, *header};
    if (style && (has(*style, "'unsafe-inline'") || broad(*style)))
        return {t.test, "csp-implemented-with-unsafe-inline-in-style-src-only", 0, *header};
    auto def = p->find("default-src");
    if (def != p->end() && def->second == std::vector<std::string>{"'none'"})
        return {t.test, "csp-implemented-with-no-unsafe-default-src-none", 10, *header};
    return {t.test, "csp-implemented-with-no-unsafe", 5, *header};
}


bool is_https(const Response& r) { return str::starts_with(str::lower(r.final_url), "https://"); }

ObservatoryTest hsts_test(const Response& page) {
    std::string t = "strict-transport-security";
    if (!is_https(page)) return {t, "hsts-not-implemented-no-https", -20, "the site is served over http"};
    auto h = page.header("strict-transport-security");
    if (!h) return {t, "hsts-not-implemented", -20, "no Strict-Transport-Security header"};
    auto age = hsts_max_age(*h);
    if (!age) return {t, "hsts-header-invalid", -20, *h};
    if (*age < 15768000) return {t, "hsts-implemented-max-age-less-than-six-months", -10, *h};
    return {t, "hsts-implemented-max-age-at-least-six-months", 0, *h};
}

bool hsts_protects(const Response& page) {
    if (!is_https(page)) return false;
    auto h = page.header("strict-transport-security");
    auto age = h ? hsts_max_age(*h) : std::nullopt;
    return age && *age > 0;
}

ObservatoryTest cookies_test(const Response& page) {
    std::string t = "cookies";
    auto set = page.all("set-cookie");
    if (set.empty()) return {t, "cookies-not-found", 0, "no Set-Cookie"};
    bool hsts = hsts_protects(page);
    ObservatoryTest worst{t, "cookies-secure-with-httponly-sessions-and-samesite", 5, ""};
    bool all_samesite = true;
    auto consider = [&](const char* result, int mod, const std::string& seen) {
        if (mod < worst.modifier) worst = {t, result, mod, seen};
    };
    for (const auto& raw : set) {
        auto c = parse_cookie(raw);
        bool ss_ok = c.same_site == "strict" || c.same_site == "lax";
        if (!ss_ok) all_samesite = false;
        if (!c.same_site.empty() && c.same_site != "strict" && c.same_site != "lax" && c.same_site != "none")
            consider("cookies-samesite-flag-invalid", -20, raw);
        if (c.session_like && !c.secure)
            consider(hsts ? "cookies-session-without-secure-flag-but-protected-by-hsts" : "cookies-session-without-secure-flag",
                     hsts ? -10 : -40, raw);
        if (c.session_like && !c.http_only) consider("cookies-session-without-httponly-flag", -30, raw);
        if (c.anticsrf && c.same_site.empty()) consider("cookies-anticsrf-without-samesite-flag", -20, raw);
        if (!c.session_like && !c.secure)
            consider(hsts ? "cookies-without-secure-flag-but-protected-by-hsts" : "cookies-without-secure-flag", hsts ? -5 : -20, raw);
    }
    if (worst.modifier == 5 && !all_samesite) worst = {t, "cookies-secure-with-httponly-sessions", 0, ""};
    if (worst.seen.empty()) worst.seen = fmt::format("{}", fmt::join(set, " | "));
    return worst;
}

ObservatoryTest cors_test(const ObservatoryInput& in) {
    std::string t = "cross-origin-resource-sharing";
    const Response& r = in.cors_probe ? *in.cors_probe : *in.page;
    auto acao = r.header("access-control-allow-origin");
    if (!acao) return {t, "cross-origin-resource-sharing-not-implemented", 0, "no Access-Control-Allow-Origin"};
    auto acac = r.header("access-control-allow-credentials");
    bool creds = acac && str::lower(str::trim(*acac)) == "true";
    bool reflected = !in.probe_origin.empty() && (*acao == in.probe_origin || *acao == "null");
    std::string seen = "Access-Control-Allow-Origin: " + *acao + (acac ? "; Access-Control-Allow-Credentials: " + *acac : "");
    if (reflected && creds) return {t, "cross-origin-resource-sharing-implemented-with-universal-access", -50, seen};
    if (*acao == "*" || reflected) return {t, "cross-origin-resource-sharing-implemented-with-public-access", 0, seen};
    return {t, "cross-origin-resource-sharing-implemented-with-restricted-access", 0, seen};
}

ObservatoryTest redirection_test(const ObservatoryInput& in) {
    std::string t = "redirection";
    const Response* http = in.http_page;
    if (!http) return {t, "redirection-not-needed-no-http", 0, "not reachable over http"};
    const auto& hops = http->hops;
    std::string chain;
    for (const auto& h : hops) chain += (chain.empty() ? "" : " -> ") + h.url + fmt::format(" ({})", h.status);
    if (hops.empty() || hops.front().location.empty()) return {t, "redirection-missing", -20, chain};
    if (!is_https(*http)) return {t, "redirection-not-to-https", -20, chain};
    auto first = resolve(hops.front().url, hops.front().location);
    auto from = parse_url(hops.front().url);
    auto to = parse_url(first);
    if (!to || to->scheme != "https") return {t, "redirection-not-to-https-on-initial-redirection", -10, chain};
    if (!from || from->host != to->host) return {t, "redirection-off-host-from-http", -5, chain};
    return {t, "redirection-to-https", 0, chain};
}

ObservatoryTest referrer_test(const Response& page) {
    std::string t = "referrer-policy";
    auto h = page.header("referrer-policy");
    if (!h) return {t, "referrer-policy-not-implemented", 0, "no Referrer-Policy header"};
    static const std::set<std::string> k_private{"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"};
    static const std::set<std::string> k_unsafe{"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"};
    std::string last;
    for (auto tok : str::split(*h, ',')) {
        auto v = str::lower(str::trim(tok));
        if (k_private.count(v) || k_unsafe.count(v)) last = v;  // browsers apply the last value they know
    }
    if (last.empty()) return {t, "referrer-policy-header-invalid", -5, *h};
    if (k_private.count(last)) return {t, "referrer-policy-private", 5, *h};
    return {t, "referrer-policy-unsafe", -5, *h};
}

struct Script {
    std::string src;
    bool integrity = false;
};

void collect_scripts(xmlNode* n, std::vector<Script>& out) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && n->name && xmlStrcasecmp(n->name, BAD_CAST "script") == 0) {
            xmlChar* src = xmlGetProp(n, BAD_CAST "src");
            xmlChar* integ = xmlGetProp(n, BAD_CAST "integrity");
            if (src) out.push_back({reinterpret_cast<const char*>(src), integ != nullptr});
            xmlFree(src);
            xmlFree(integ);
        }
        collect_scripts(n->children, out);
    }
}

ObservatoryTest sri_test(const Response& page) {
    std::string t = "subresource-integrity";
    auto ct = str::lower(page.header("content-type").value_or(""));
    if (ct.find("text/html") == std::string::npos && ct.find("application/xhtml+xml") == std::string::npos)
        return {t, "sri-not-implemented-response-not-html", 0, ct.empty() ? "no Content-Type" : ct};
    htmlDocPtr doc = htmlReadMemory(page.body.data(), static_cast<int>(page.body.size()), page.final_url.c_str(), nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return {t, "html-not-parsable", -20, "the HTML could not be parsed"};
    std::vector<Script> scripts;
    collect_scripts(xmlDocGetRootElement(doc), scripts);
    xmlFreeDoc(doc);
    if (scripts.empty()) return {t, "sri-not-implemented-but-no-scripts-loaded", 0, "no <script src>"};
    auto self = parse_url(page.final_url);
    bool any_integrity = false, all_external_integrity = true, external = false, insecure = false;
    for (const auto& s : scripts) {
        auto abs = resolve(page.final_url, s.src);
        auto u = parse_url(abs);
        bool same = u && self && u->host == self->host;
        any_integrity = any_integrity || s.integrity;
        if (same) continue;
        external = true;
        if (!s.integrity) all_external_integrity = false;
        if (str::starts_with(s.src, "//") || !u || u->scheme != "https") insecure = true;
    }
    std::string seen = fmt::format("{} script(s), {} external", scripts.size(), external ? "some" : "none");
    if (!external)
        return any_integrity ? ObservatoryTest{t, "sri-implemented-and-all-scripts-loaded-securely", 5, seen}
                             : ObservatoryTest{t, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0, seen};
    if (insecure)
        return any_integrity ? ObservatoryTest{t, "sri-implemented-but-external-scripts-not-loaded-securely", -20, seen}
                             : ObservatoryTest{t, "sri-not-implemented-and-external-scripts-not-loaded-securely", -50, seen};
    return all_external_integrity ? ObservatoryTest{t, "sri-implemented-and-external-scripts-loaded-securely", 5, seen}
                                  : ObservatoryTest{t, "sri-not-implemented-but-external-scripts-loaded-securely", -5, seen};
}

ObservatoryTest xcto_test(const Response& page) {
    std::string t = "x-content-type-options";
    auto h = page.header("x-content-type-options");
    if (!h) return {t, "x-content-type-options-not-implemented", -5, "no X-Content-Type-Options header"};
    if (str::lower(str::trim(*h)) == "nosniff") return {t, "x-content-type-options-nosniff", 0, *h};
    return {t, "x-content-type-options-header-invalid", -5, *h};
}

ObservatoryTest xfo_test(const Response& page) {
    std::string t = "x-frame-options";
    if (auto csp = page.header("content-security-policy")) {
        auto p = parse_csp(*csp);
        if (p && p->count("frame-ancestors")) return {t, "x-frame-options-implemented-via-csp", 5, *csp};
    }
    auto h = page.header("x-frame-options");
    if (!h) return {t, "x-frame-options-not-implemented", -20, "no X-Frame-Options header"};
    auto v = str::lower(str::trim(*h));
    if (v == "deny" || v == "sameorigin") return {t, "x-frame-options-sameorigin-or-deny", 0, *h};
    if (str::starts_with(v, "allow-from ")) return {t, "x-frame-options-allow-from-origin", 0, *h};
    return {t, "x-frame-options-header-invalid", -20, *h};
}

ObservatoryTest corp_test(const Response& page) {
    std::string t = "cross-origin-resource-policy";
    auto h = page.header("cross-origin-resource-policy");
    if (!h) return {t, "corp-not-implemented", 0, "no Cross-Origin-Resource-Policy header"};
    auto v = str::lower(str::trim(*h));
    if (v == "same-origin") return {t, "corp-implemented-with-same-origin", 10, *h};
    if (v == "same-site") return {t, "corp-implemented-with-same-site", 10, *h};
    if (v == "cross-origin") return {t, "corp-implemented-with-cross-origin", 0, *h};
    return {t, "corp-header-invalid", -5, *h};
}

}  // namespace

std::optional<long long> hsts_max_age(std::string_view value) {
    for (auto part : str::split(value, ';')) {
        auto d = str::lower(str::trim(part));
        if (!str::starts_with(d, "max-age")) continue;
        auto eq = d.find('=');
        if (eq == std::string::npos) return std::nullopt;
        auto num = std::string(str::trim(std::string_view(d).substr(eq + 1)));
        if (!num.empty() && num.front() == '"' && num.back() == '"' && num.size() >= 2) num = num.substr(1, num.size() - 2);
        if (num.empty() || num.size() > 12 || !std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return std::stoll(num);
    }
    return std::nullopt;
}

const ObservatoryTest* ObservatoryGrade::find(std::string_view test) const {
    for (const auto& t : tests)
        if (t.test == test) return &t;
    return nullptr;
}

Cookie parse_cookie(std::string_view set_cookie) {
    Cookie c;
    bool first = true;
    for (auto part : str::split(set_cookie, ';')) {
        auto p = str::trim(part);
        if (first) {
            c.name = std::string(str::trim(p.substr(0, p.find('='))));
            first = false;
            continue;
        }
        auto eq = p.find('=');
        auto key = str::lower(str::trim(p.substr(0, eq)));
        auto val = eq == std::string_view::npos ? std::string() : str::lower(str::trim(p.substr(eq + 1)));
        if (key == "secure") c.secure = true;
        else if (key == "httponly") c.http_only = true;
        else if (key == "samesite") c.same_site = val.empty() ? "invalid" : val;
    }
    auto lname = str::lower(c.name);
    c.session_like = str::contains(lname, "login") || str::contains(lname, "sess");
    c.anticsrf = str::contains(lname, "csrf");
    return c;
}

std::string observatory_grade(int score) {
    static const std::pair<int, const char*> k_chart[] = {{100, "A+"}, {90, "A"}, {85, "A-"}, {80, "B+"}, {70, "B"},
                                                         {65, "B-"}, {60, "C+"}, {50, "C"},  {45, "C-"}, {40, "D+"},
                                                         {30, "D"},  {25, "D-"}, {0, "F"}};
    int s = std::max(score, 0);
    s = std::min(s - s % 5, 100);
    for (const auto& [floor, g] : k_chart)
        if (s >= floor) return g;
    return "F";
}

ObservatoryGrade grade_headers(const ObservatoryInput& in) {
    ObservatoryGrade g;
    const Response& page = *in.page;
    bool https = is_https(page);
    g.tests = {csp_test(page, https), cookies_test(page),   cors_test(in),     redirection_test(in), referrer_test(page),
               hsts_test(page),       sri_test(page),       xcto_test(page),   xfo_test(page),       corp_test(page)};
    int penalties = 100, with_bonus = 100;
    for (const auto& t : g.tests) {
        with_bonus += t.modifier;
        if (t.modifier < 0) penalties += t.modifier;
    }
    g.score = std::max(0, penalties >= 90 ? with_bonus : penalties);
    g.grade = observatory_grade(g.score);
    return g;
}

}  // namespace gonogo::live
