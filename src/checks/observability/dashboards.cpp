// Probe obs.dashboards (OBS-12): is there a dashboard kept as code to diagnose
// an outage? Reads Grafana dashboard JSON (panels + title), GrafanaDashboard
// resources, ConfigMaps for the Grafana sidecar, Grafana provisioning,
// CloudFormation and Terraform dashboards, grafonnet; reports which golden
// signals the panels query.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "checks/observability/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

bool is_dashboard(const nlohmann::json& j) {
    if (!j.is_object()) return false;
    auto title = j.find("title");
    auto panels = j.find("panels");
    auto rows = j.find("rows");
    bool has_panels = (panels != j.end() && panels->is_array()) || (rows != j.end() && rows->is_array());
    return title != j.end() && title->is_string() && has_panels;
}

// Every query string under a dashboard (targets[].expr, rawSql, query...).
void queries(const nlohmann::json& j, std::string& out, int depth) {
    if (depth > 12) return;
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const auto& k = it.key();
            if (it->is_string() && (k == "expr" || k == "query" || k == "rawSql" || k == "expression" || k == "metric" ||
                                    k == "title" || k == "metricName"))
                out += " " + it->get<std::string>();
            else if (it->is_structured())
                queries(*it, out, depth + 1);
        }
    } else if (j.is_array()) {
        for (const auto& x : j) queries(x, out, depth + 1);
    }
}

std::string signals(const std::string& text) {
    auto l = lower(text);
    auto any = [&](std::initializer_list<std::string_view> xs) {
        for (auto x : xs)
            if (str::contains(l, x)) return true;
        return false;
    };
    std::vector<std::string> s;
    if (any({"rate(", "_total", "requests", "throughput", "rps", "irate("})) s.emplace_back("traffic");
    if (any({"5..", "5xx", "error", "fail"})) s.emplace_back("errors");
    if (any({"histogram_quantile", "latency", "duration", "_bucket", "p95", "p99"})) s.emplace_back("latency");
    if (any({"cpu", "memory", "heap", "pool", "lag", "queue", "connections", "saturation", "goroutines"}))
        s.emplace_back("saturation");
    return s.empty() ? std::string("no recognisable golden signal") : str::join(s, ", ");
}

struct Board {
    Evidence ev;
    std::string what;
};

}  // namespace

Outcome probe_obs_dashboards(const ProbeContext& ctx) {
    std::vector<Board> boards;
    std::vector<Evidence> providers;
    for (const auto* f : kept_own(ctx)) {
        if (f->lang == collect::Language::json && f->json) {
            const nlohmann::json* d = nullptr;
            if (is_dashboard(*f->json)) d = &*f->json;
            else if (f->json->is_object() && f->json->contains("dashboard") && is_dashboard((*f->json)["dashboard"]))
                d = &(*f->json)["dashboard"];
            if (!d) continue;
            std::string q;
            queries(*d, q, 0);
            auto title = (*d)["title"].get<std::string>();
            auto line = line_of(*f, "\"title\"");
            boards.push_back({line_ev(*f, line ? line : 1, "Grafana dashboard " + title),
                              fmt::format("Grafana dashboard \"{}\" in {} ({})", title, f->path, signals(q))});
            continue;
        }
        if (f->lang != collect::Language::yaml) continue;
        for (const auto& doc : yaml_docs(ctx, *f, {"AWS::CloudWatch::Dashboard", "providers:"})) {
            if (!doc.IsMap()) continue;
            auto kind = yaml_str(child(doc, "kind")).value_or("");
            if (kind == "GrafanaDashboard") {
                boards.push_back({line_ev(*f, key_line(doc, "kind"), "GrafanaDashboard resource"),
                                  fmt::format("GrafanaDashboard {} in {}", yaml_str(child(child(doc, "metadata"), "name")).value_or(""), f->path)});
                continue;
            }
            if (kind == "ConfigMap" && child(child(child(doc, "metadata"), "labels"), "grafana_dashboard").IsDefined()) {
                auto data = child(doc, "data");
                if (!data.IsDefined() || !data.IsMap()) continue;
                for (const auto& kv : data) {
                    if (!kv.second.IsScalar()) continue;
                    auto j = nlohmann::json::parse(kv.second.Scalar(), nullptr, false, true);
                    if (j.is_discarded() || !is_dashboard(j)) continue;
                    std::string q;
                    queries(j, q, 0);
                    boards.push_back({line_ev(*f, yaml_line(kv.first), "dashboard ConfigMap for the Grafana sidecar"),
                                      fmt::format("Grafana dashboard \"{}\" in ConfigMap {} ({})", j["title"].get<std::string>(),
                                                  f->path, signals(q))});
                }
                continue;
            }
            auto prov = child(doc, "providers");
            if (prov.IsDefined() && prov.IsSequence() && child(doc, "apiVersion").IsDefined()) {
                providers.push_back(line_ev(*f, key_line(doc, "providers"), "Grafana dashboard provisioning"));
                continue;
            }
            auto resources = child(doc, "Resources");
            if (resources.IsDefined() && resources.IsMap())
                for (const auto& kv : resources)
                    if (yaml_str(child(kv.second, "Type")).value_or("") == "AWS::CloudWatch::Dashboard")
                        boards.push_back({line_ev(*f, yaml_line(kv.first), "CloudWatch dashboard"),
                                          fmt::format("CloudWatch dashboard {} in {}", kv.first.as<std::string>(""), f->path)});
        }
    }
    static const std::regex k_res(R"re(resource\s+"([a-z0-9_]+)"\s+"([^"]+)")re");
    for (const auto* h : ctx.hits("obs.tf-resource")) {
        const auto& f = ctx.model.files[h->file];
        if (is_sample_path(f.path)) continue;
        std::smatch m;
        std::string match = h->match;
        if (!std::regex_search(match, m, k_res) || !str::contains(m[1].str(), "dashboard")) continue;
        boards.push_back({hit_ev(ctx, *h, "Terraform dashboard"), fmt::format("{} {} in {}", m[1].str(), m[2].str(), f.path)});
    }
    for (const auto* h : ctx.hits("obs.jsonnet-dashboard")) {
        const auto& f = ctx.model.files[h->file];
        if (is_sample_path(f.path) || !(str::ends_with(f.path, ".jsonnet") || str::ends_with(f.path, ".libsonnet"))) continue;
        boards.push_back({hit_ev(ctx, *h, "grafonnet dashboard"), fmt::format("grafonnet dashboard in {}", f.path)});
    }
    if (boards.empty()) {
        if (!providers.empty())
            return unknown("Grafana dashboard provisioning is configured but no dashboard definition is in the repository: "
                           "the dashboards it loads live elsewhere and cannot be reviewed here.",
                           providers);
        if (nothing_runs(ctx))
            return na("No long-running process (no code, HTTP server, worker or deployment definition) and no dashboards: "
                      "nothing to diagnose.");
        return fail("No dashboard kept as code (Grafana dashboard JSON, GrafanaDashboard, Terraform/CloudFormation "
                    "dashboards): during an outage someone has to build queries from scratch. Dashboards built only in a "
                    "UI cannot be reviewed here; record them with a waiver and a link.",
                    anchor_evidence(ctx, "no dashboard in the repository"));
    }
    std::vector<std::string> what;
    std::vector<Evidence> ev;
    for (const auto& b : boards) {
        if (what.size() < 6) what.push_back(b.what);
        if (ev.size() < 8) ev.push_back(b.ev);
    }
    return pass(fmt::format("{} dashboard(s) kept as code: {}.", boards.size(), str::join(what, "; ")), ev);
}

}  // namespace gonogo::checks
