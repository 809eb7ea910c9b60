// REL-03 live: the health response is JSON carrying a status, a timestamp, the
// uptime and per-dependency checks (seed 002's health response shape).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {
namespace {

bool has_any(const nlohmann::json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (j.contains(k)) return true;
    return false;
}

}  // namespace

Outcome health_body(Session& s) {
    const Response* h = s.health();
    if (!h) return unknown("No health endpoint answered, so its body could not be read (see REL-01).");
    auto j = nlohmann::json::parse(h->body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail(fmt::format("The health endpoint {} does not answer a JSON object, so it cannot say which dependency is down "
                                "(body starts: \"{}\").",
                                h->url, str::clip(h->body, 60)),
                    {live_evidence(*h, "body is not a JSON object")});
    std::vector<std::string> missing;
    if (!has_any(j, {"status", "state", "healthy"})) missing.push_back("status");
    if (!has_any(j, {"timestamp", "time", "checkedAt", "checked_at", "date"})) missing.push_back("timestamp");
    if (!has_any(j, {"uptime", "uptime_seconds", "uptimeSeconds", "startedAt", "started_at"})) missing.push_back("uptime");
    bool checks = false;
    for (const char* k : {"checks", "dependencies", "details", "components", "services", "info"})
        if (j.contains(k) && (j[k].is_object() || j[k].is_array()) && !j[k].empty()) checks = true;
    if (!checks) missing.push_back("per-dependency checks");
    auto keys = j.dump().substr(0, 160);
    if (!missing.empty())
        return fail(fmt::format("The health response of {} lacks {}.", h->url, fmt::join(missing, ", ")),
                    {live_evidence(*h, "body: " + keys)});
    return pass(fmt::format("The health response of {} carries status, timestamp, uptime and per-dependency checks.", h->url),
                {live_evidence(*h, "body: " + keys)});
}

}  // namespace gonogo::live
