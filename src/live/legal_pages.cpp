// COMP-04 live: a privacy policy and terms of service are reachable, linked
// from the home page (link text or address) or on the common paths
// (/privacy, /privacy-policy, /terms, /terms-of-service, /legal).
#include <libxml/HTMLparser.h>

#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {
namespace {

struct Link {
    std::string href, text;
};

void links(xmlNode* n, std::vector<Link>& out) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "a") == 0) {
            xmlChar* href = xmlGetProp(n, BAD_CAST "href");
            xmlChar* text = xmlNodeGetContent(n);
            if (href) out.push_back({reinterpret_cast<const char*>(href), text ? reinterpret_cast<const char*>(text) : ""});
            xmlFree(href);
            xmlFree(text);
        }
        links(n->children, out);
    }
}

}  // namespace

Outcome legal_pages(Session& s) {
    const Response* home = s.home();
    if (!home) return unknown("The home page did not answer.");
    std::vector<Link> found;
    if (htmlDocPtr doc = htmlReadMemory(home->body.data(), static_cast<int>(home->body.size()), home->final_url.c_str(), nullptr,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET)) {
        links(xmlDocGetRootElement(doc), found);
        xmlFreeDoc(doc);
    }
    std::vector<Evidence> ev;
    auto reach = [&](const char* kind, std::initializer_list<const char*> words, std::initializer_list<const char*> paths) {
        std::vector<std::string> candidates;
        for (const auto& l : found) {
            auto hay = str::lower(l.href + " " + l.text);
            for (const char* w : words)
                if (str::contains(hay, w)) candidates.push_back(resolve(home->final_url, l.href));
        }
        for (const char* p : paths) candidates.push_back(s.url_for(p));
        for (const auto& c : candidates) {
            const Response* r = s.get(c);
            if (r && r->status == 200) {
                ev.push_back(live_evidence(*r, fmt::format("{} page reachable", kind)));
                return true;
            }
        }
        return false;
    };
    bool privacy = reach("privacy", {"privacy", "datenschutz"}, {"/privacy", "/privacy-policy"});
    bool terms = reach("terms", {"terms", "conditions", "tos"}, {"/terms", "/terms-of-service", "/legal"});
    if (privacy && terms) return pass("A privacy policy and terms of service are reachable.", ev);
    std::vector<std::string> missing;
    if (!privacy) missing.push_back("privacy policy");
    if (!terms) missing.push_back("terms of service");
    ev.push_back(live_evidence(*home, fmt::format("{} link(s) on the home page", found.size())));
    return fail(fmt::format("No {} is linked from the home page or found on the common paths.", fmt::join(missing, " or ")), ev);
}

}  // namespace gonogo::live
