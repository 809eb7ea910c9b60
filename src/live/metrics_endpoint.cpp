// OBS-07 live: the metrics path (default /metrics) answers the Prometheus text
// exposition format with a request counter, an error signal (a status or code
// label, or an error series) and a latency histogram or summary. The format is
// read line by line: "# TYPE name kind" and "name{labels} value".
#include <map>

#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {

Outcome metrics_endpoint(Session& s) {
    const auto& path = s.options().metrics_path;
    const Response* r = s.get(path);
    if (!r) return unknown(fmt::format("{} did not answer.", s.url_for(path)));
    if (r->status != 200)
        return fail(fmt::format("{} answers {}: no metrics to scrape.", r->url, r->status), {live_evidence(*r, fmt::format("status {}", r->status))});
    std::map<std::string, std::string> types;
    std::size_t samples = 0, bad = 0;
    bool requests = false, errors = false, latency = false;
    for (auto line : str::split(r->body, '\n')) {
        auto l = str::trim(line);
        if (l.empty()) continue;
        if (str::starts_with(l, "# TYPE ")) {
            auto parts = str::split(l.substr(7), ' ');
            if (parts.size() >= 2) types[std::string(parts[0])] = std::string(str::trim(parts[1]));
            continue;
        }
        if (l.front() == '#') continue;
        auto name_end = l.find_first_of("{ ");
        if (name_end == std::string_view::npos || name_end == 0) {
            ++bad;
            continue;
        }
        ++samples;
        auto name = str::lower(l.substr(0, name_end));
        auto labels = name_end < l.size() && l[name_end] == '{' ? l.substr(name_end, l.find('}') - name_end) : std::string_view();
        if ((str::contains(name, "request") || str::contains(name, "http_server")) &&
            (str::ends_with(name, "_total") || str::ends_with(name, "_count")))
            requests = true;
        if (str::contains(name, "error") || str::contains(name, "fail") || str::contains(labels, "status") || str::contains(labels, "code"))
            errors = true;
        if ((str::contains(name, "duration") || str::contains(name, "latency") || str::contains(name, "seconds")) &&
            (str::ends_with(name, "_bucket") || str::contains(labels, "quantile")))
            latency = true;
    }
    auto fact = fmt::format("{} samples, {} TYPE lines, {} unreadable line(s)", samples, types.size(), bad);
    if (samples == 0) return fail(fmt::format("{} does not answer Prometheus metrics ({}).", r->url, fact), {live_evidence(*r, fact)});
    std::vector<std::string> missing;
    if (!requests) missing.push_back("a request counter");
    if (!errors) missing.push_back("an error signal (status label or error series)");
    if (!latency) missing.push_back("a latency histogram or summary");
    if (!missing.empty())
        return fail(fmt::format("{} exposes metrics but lacks {}.", r->url, fmt::join(missing, ", ")), {live_evidence(*r, fact)});
    return pass(fmt::format("{} exposes request, error and latency series ({}).", r->url, fact), {live_evidence(*r, fact)});
}

}  // namespace gonogo::live
