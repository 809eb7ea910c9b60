// SEC-30 live: the Server and X-Powered-By headers of the home page, the
// health endpoint and a missing page do not give away the software version.
#include <fmt/format.h>

#include "live/probes.hpp"

namespace gonogo::live {
namespace {

bool has_version(const std::string& v) {
    for (std::size_t i = 0; i + 1 < v.size(); ++i)
        if (std::isdigit(static_cast<unsigned char>(v[i])) && (v[i + 1] == '.' || std::isdigit(static_cast<unsigned char>(v[i + 1]))))
            return true;
    return false;
}

}  // namespace

Outcome version_banners(Session& s) {
    std::vector<const Response*> pages;
    if (const auto* h = s.home()) pages.push_back(h);
    if (const auto* h = s.health()) pages.push_back(h);
    if (const auto* m = s.get("/gonogo-probe-missing-page")) pages.push_back(m);
    if (pages.empty()) return unknown("The service did not answer: no headers to read.");
    std::vector<Evidence> leaks, seen;
    for (const auto* r : pages)
        for (const char* name : {"server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version"})
            for (const auto& v : r->all(name)) {
                auto ev = live_evidence(*r, fmt::format("{}: {}", name, v));
                (std::string_view(name) == "x-powered-by" || has_version(v) ? leaks : seen).push_back(ev);
            }
    if (!leaks.empty())
        return fail(fmt::format("{} response header(s) name the software or its version, e.g. {}.", leaks.size(), leaks.front().note), leaks);
    return pass(seen.empty() ? "No Server or X-Powered-By header names the software." : "Server headers carry no version number.", seen);
}

}  // namespace gonogo::live
