// Probe comp.cookie_consent (COMP-05): when the service's UI loads analytics
// or advertising trackers (Google Analytics/GTM, Segment, Mixpanel, PostHog,
// Meta pixel, Hotjar, ...), is a consent mechanism in place (a consent
// library or CMP script, Google consent mode, trackers opted out by default)?
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "checks/compliance/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace syn = collect::syntax;

struct Named {
    std::string_view key;
    std::string_view name;
};
// Imported tracker modules.
constexpr Named k_tracker_modules[] = {
    {"react-ga4", "Google Analytics (react-ga4)"}, {"react-ga", "Google Analytics (react-ga)"},
    {"@next/third-parties/google", "Google Analytics/GTM (@next/third-parties)"}, {"react-gtm-module", "Google Tag Manager"},
    {"mixpanel-browser", "Mixpanel"}, {"posthog-js", "PostHog"}, {"@segment/analytics-next", "Segment"},
    {"analytics-node", "Segment"}, {"react-facebook-pixel", "Meta pixel"}, {"@hotjar/browser", "Hotjar"},
    {"react-hotjar", "Hotjar"}, {"@amplitude/analytics-browser", "Amplitude"}, {"amplitude-js", "Amplitude"},
    {"@fullstory/browser", "FullStory"}, {"logrocket", "LogRocket"}, {"@heap/heap-js", "Heap"}};
constexpr std::string_view k_consent_modules[] = {
    "react-cookie-consent", "vanilla-cookieconsent", "cookieconsent", "@cookiehub/cookiehub-react", "klaro",
    "react-cookiebot", "@cookiebot/react", "@osano/cookieconsent", "tarteaucitronjs", "@consent-manager/core",
    "@segment/consent-manager", "@c15t/react", "iubenda"};

const std::regex& tracker_re() {
    static const std::regex re(
        R"re((googletagmanager\.com/(gtag/js|gtm\.js|ns\.html)|google-analytics\.com/(analytics|ga)\.js|gtag\(\s*['"]config['"]|cdn\.segment\.com|connect\.facebook\.net/[^"'\s]*fbevents\.js|fbq\(\s*['"]init['"]|static\.hotjar\.com|cdn\.mxpnl\.com|app\.posthog\.com|us\.i\.posthog\.com|eu\.i\.posthog\.com|snap\.licdn\.com|static\.ads-twitter\.com|clarity\.ms/tag))re",
        std::regex::icase);
    return re;
}
const std::regex& consent_re() {
    static const std::regex re(
        R"re((gtag\(\s*['"]consent['"]|consent\.cookiebot\.com|cdn\.cookielaw\.org|optanon|cdn\.cookiehub\.eu|cdn\.jsdelivr\.net/[^"'\s]*cookieconsent|app\.termly\.io|cdn\.iubenda\.com|cmp\.osano\.com|consentmanager\.net|usercentrics\.eu|opt_out_capturing_by_default|opt_out_tracking_by_default|klaro(\.min)?\.js))re",
        std::regex::icase);
    return re;
}

bool ui_text_file(const File& f) {
    return f.lang == Language::tsx || f.lang == Language::javascript || f.lang == Language::typescript ||
           f.lang == Language::html || str::ends_with(f.path, ".vue") || str::ends_with(f.path, ".svelte") ||
           str::ends_with(f.path, ".jinja") || str::ends_with(f.path, ".j2");
}

}  // namespace

Outcome probe_comp_cookie_consent(const ProbeContext& ctx) {
    std::vector<Evidence> trackers, consent;
    std::vector<std::string> tracker_names;
    Outcome out;
    for (const File* f : ctx.files()) {
        if (!f->kept || !ui_text_file(*f)) continue;
        bool own = f->is_own() && !data::not_own_path(f->path);
        if (f->tree) {
            for (const auto& m : syn::imports(*f)) {
                for (const auto& t : k_tracker_modules)
                    if (m == t.key) {
                        auto ev = f->evidence_line(line_of(*f, m), std::string(t.name) + " imported");
                        if (!own) out.other_evidence.push_back(ev);
                        else {
                            trackers.push_back(ev);
                            tracker_names.emplace_back(t.name);
                        }
                    }
                for (auto c : k_consent_modules)
                    if (m == c || str::starts_with(m, std::string(c) + "/")) {
                        auto ev = f->evidence_line(line_of(*f, m), "consent library imported");
                        if (own) consent.push_back(ev);
                        else out.other_evidence.push_back(ev);
                    }
            }
        }
        const std::string& s = f->text;
        for (std::sregex_iterator it(s.begin(), s.end(), tracker_re()), end; it != end; ++it) {
            auto ev = f->evidence_at(static_cast<std::size_t>(it->position(0)), "tracker loaded");
            if (!own) { out.other_evidence.push_back(ev); continue; }
            trackers.push_back(ev);
            tracker_names.push_back(it->str(0));
        }
        for (std::sregex_iterator it(s.begin(), s.end(), consent_re()), end; it != end; ++it) {
            auto ev = f->evidence_at(static_cast<std::size_t>(it->position(0)), "consent mechanism");
            if (own) consent.push_back(ev);
            else out.other_evidence.push_back(ev);
        }
    }
    if (trackers.empty()) {
        out.status = Status::na;
        out.message = "No analytics or advertising trackers found in the service's UI, so no non-essential cookies need "
                      "consent (cookieless analytics such as Plausible or Vercel Analytics are not counted).";
        return out;
    }
    if (!consent.empty()) {
        out.status = Status::pass;
        out.message = fmt::format("Trackers ({}) are paired with a consent mechanism.", tracker_names.front());
        out.evidence = std::move(consent);
        out.evidence.push_back(trackers.front());
        return out;
    }
    out.status = Status::fail;
    out.message = fmt::format(
        "Trackers are loaded without a consent mechanism ({}); gate them behind a consent banner or Google consent mode.",
        tracker_names.front());
    out.evidence = std::move(trackers);
    if (out.evidence.size() > 10) out.evidence.resize(10);
    return out;
}

}  // namespace gonogo::checks
