// PERF-05 live: Cache-Control on the home page, on one static asset the page
// links (a script or stylesheet) and on the health endpoint as an API answer.
// Static assets need a max-age (a day or more, or immutable); API and HTML
// answers need an explicit policy (no-store, no-cache, private or a max-age).
#include <libxml/HTMLparser.h>

#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {
namespace {

std::string first_asset(const Response& page) {
    htmlDocPtr doc = htmlReadMemory(page.body.data(), static_cast<int>(page.body.size()), page.final_url.c_str(), nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return "";
    std::string found;
    std::vector<xmlNode*> stack{xmlDocGetRootElement(doc)};
    while (!stack.empty() && found.empty()) {
        xmlNode* n = stack.back();
        stack.pop_back();
        for (; n && found.empty(); n = n->next) {
            if (n->type == XML_ELEMENT_NODE) {
                const char* attr = xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ? "src"
                                   : xmlStrcasecmp(n->name, BAD_CAST "link") == 0 ? "href"
                                                                                  : nullptr;
                if (attr) {
                    xmlChar* v = xmlGetProp(n, BAD_CAST attr);
                    std::string s = v ? reinterpret_cast<const char*>(v) : "";
                    xmlFree(v);
                    bool asset = str::ends_with(s, ".js") || str::ends_with(s, ".css") || str::contains(s, ".js?") || str::contains(s, ".css?");
                    auto abs = resolve(page.final_url, s);
                    auto u = parse_url(abs), self = parse_url(page.final_url);
                    // Only the service's own assets: a CDN's caching is not the service's to fix.
                    if (asset && u && self && u->host == self->host && u->port == self->port) found = abs;
                }
                if (n->children) stack.push_back(n->children);
            }
        }
    }
    xmlFreeDoc(doc);
    return found;
}

long long max_age(const std::string& cc) {
    auto pos = cc.find("max-age=");
    return pos == std::string::npos ? -1 : std::atoll(cc.c_str() + pos + 8);
}

}  // namespace

Outcome cache_control(Session& s) {
    const Response* home = s.home();
    if (!home) return unknown("The home page did not answer.");
    std::vector<Evidence> bad, good;
    auto judge = [&](const Response& r, bool asset, const char* what) {
        auto cc = str::lower(r.header("cache-control").value_or(""));
        auto note = fmt::format("{}: Cache-Control: {}", what, cc.empty() ? "(none)" : cc);
        bool ok = asset ? (max_age(cc) >= 86400 || str::contains(cc, "immutable"))
                        : (!cc.empty() && (str::contains(cc, "no-store") || str::contains(cc, "no-cache") ||
                                           str::contains(cc, "private") || max_age(cc) >= 0));
        (ok ? good : bad).push_back(live_evidence(r, note));
    };
    judge(*home, false, "home page");
    if (const auto* h = s.health()) judge(*h, false, "API answer (health)");
    auto asset = first_asset(*home);
    if (!asset.empty())
        if (const auto* a = s.get(asset)) judge(*a, true, "static asset");
    if (!bad.empty()) return fail(fmt::format("{} answer(s) have no suitable Cache-Control ({}).", bad.size(), bad.front().note), bad);
    return pass(fmt::format("Cache-Control is set on {} answer(s){}.", good.size(), asset.empty() ? " (the page links no static asset)" : ""), good);
}

}  // namespace gonogo::live
