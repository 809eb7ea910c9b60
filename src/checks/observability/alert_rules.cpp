// Probe obs.alert_rules (OBS-11): are there alert rules kept as code that page
// on symptoms (error rate, latency, availability, payment failures) with a
// duration? Reads Prometheus rule files and PrometheusRule resources (also in
// Helm templates and ConfigMaps), Grafana alerting provisioning, CloudFormation
// alarms and Terraform monitors/alarms. An ARIA role="alert" is not a rule.
#include <algorithm>
#include <functional>
#include <regex>

#include <fmt/format.h>

#include "checks/observability/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

struct Rule {
    const collect::File* file = nullptr;
    std::size_t line = 0;
    std::string name;
    std::string text;       // name + expression/query, for classification
    std::string source;     // "Prometheus rule", "Grafana alert rule", "CloudWatch alarm", ...
    bool duration = false;  // a `for:` or an evaluation window
    Evidence ev;
};

bool zero_duration(std::string_view d) {
    auto t = str::trim(d);
    if (t.empty()) return true;
    for (char c : t)
        if (c != '0' && c != 's' && c != 'm' && c != 'h' && c != 'd' && c != 'w' && c != 'y' && c != 'S' && c != ' ')
            return false;
    return t.find_first_of("123456789") == std::string_view::npos;
}

std::string scalar_or(const YAML::Node& n) { return yaml_str(n).value_or(""); }

struct Collector {
    std::vector<Rule> rules;
    std::vector<Evidence> alertmanager;

    void prom_rule(const collect::File& f, const YAML::Node& n) {
        Rule r;
        r.file = &f;
        r.line = yaml_line(child(n, "alert"));
        r.name = scalar_or(child(n, "alert"));
        r.text = r.name + " " + scalar_or(child(n, "expr"));
        r.source = "Prometheus rule";
        r.duration = !zero_duration(scalar_or(child(n, "for")));
        r.ev = line_ev(f, r.line, fmt::format("alert {}{}", r.name, r.duration ? "" : " (no `for:` duration)"));
        rules.push_back(std::move(r));
    }

    void grafana_rule(const collect::File& f, const YAML::Node& n) {
        Rule r;
        r.file = &f;
        r.line = yaml_line(child(n, "title"));
        r.name = scalar_or(child(n, "title"));
        r.text = r.name;
        auto data = child(n, "data");
        if (data.IsDefined() && data.IsSequence())
            for (const auto& q : data) {
                auto model = child(q, "model");
                for (auto key : {"expr", "query", "expression", "rawSql"}) r.text += " " + scalar_or(child(model, key));
            }
        r.source = "Grafana alert rule";
        r.duration = !zero_duration(scalar_or(child(n, "for")));
        r.ev = line_ev(f, r.line, fmt::format("Grafana alert rule {}", r.name));
        rules.push_back(std::move(r));
    }

    void cfn_alarm(const collect::File& f, const YAML::Node& n, std::string_view type) {
        auto props = child(n, "Properties");
        Rule r;
        r.file = &f;
        r.line = yaml_line(child(n, "Type"));
        r.name = scalar_or(child(props, "AlarmName"));
        r.text = r.name + " " + scalar_or(child(props, "MetricName")) + " " + scalar_or(child(props, "AlarmDescription")) +
                 " " + scalar_or(child(props, "AlarmRule"));
        r.source = type == "AWS::CloudWatch::CompositeAlarm" ? "CloudWatch composite alarm" : "CloudWatch alarm";
        r.duration = true;
        r.ev = line_ev(f, r.line, r.source);
        rules.push_back(std::move(r));
    }

    void walk(const collect::File& f, const YAML::Node& n, int depth) {
        if (depth > 14 || !n.IsDefined()) return;
        if (n.IsMap()) {
            if (child(n, "alert").IsDefined() && child(n, "expr").IsDefined() && child(n, "alert").IsScalar()) {
                prom_rule(f, n);
                return;
            }
            if (child(n, "title").IsDefined() && child(n, "condition").IsDefined() && child(n, "data").IsDefined()) {
                grafana_rule(f, n);
                return;
            }
            if (auto t = yaml_str(child(n, "Type")); t && (*t == "AWS::CloudWatch::Alarm" || *t == "AWS::CloudWatch::CompositeAlarm")) {
                cfn_alarm(f, n, *t);
                return;
            }
            if (depth == 0 && child(n, "route").IsDefined() && child(n, "receivers").IsDefined())
                alertmanager.push_back(line_ev(f, key_line(n, "route"), "Alertmanager routing (routes alerts, defines none)"));
            // Rules embedded as text in a ConfigMap or Helm values (data: { alerts.yml: | ... }).
            for (const auto& kv : n) {
                if (kv.second.IsScalar()) {
                    const auto& v = kv.second.Scalar();
                    if (v.size() > 20 && str::contains(v, "alert:") && str::contains(v, "expr:")) text_rules(f, v, yaml_line(kv.second) + 1);
                    continue;
                }
                walk(f, kv.second, depth + 1);
            }
            return;
        }
        if (n.IsSequence())
            for (const auto& x : n) walk(f, x, depth + 1);
    }

    // Rules inside a text blob (embedded YAML or a Helm template that is not YAML until rendered): line by line.
    void text_rules(const collect::File& f, std::string_view text, std::size_t first_line) {
        static const std::regex k_alert(R"(^\s*-?\s*alert:\s*["']?([A-Za-z0-9_:.{}\- ]+?)["']?\s*$)");
        static const std::regex k_for(R"(^\s*for:\s*["']?([0-9a-zA-Z{}. ]+?)["']?\s*$)");
        static const std::regex k_expr(R"(^\s*expr:\s*(.*)$)");
        static const std::regex k_next(R"(^\s*-\s*(alert|record):)");
        std::vector<std::string_view> lines = str::split(text, '\n');
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string line(lines[i]);
            std::smatch m;
            if (!std::regex_match(line, m, k_alert)) continue;
            Rule r;
            r.file = &f;
            r.line = first_line + i;
            r.name = m[1].str();
            r.text = r.name;
            r.source = "Prometheus rule";
            std::string dur;
            for (std::size_t k = i + 1; k < lines.size() && k < i + 40; ++k) {
                std::string l2(lines[k]);
                if (std::regex_search(l2, k_next)) break;
                std::smatch m2;
                if (std::regex_match(l2, m2, k_for)) dur = m2[1].str();
                else if (std::regex_match(l2, m2, k_expr)) r.text += " " + m2[1].str();
                else r.text += " " + l2;
            }
            r.duration = !zero_duration(dur);
            r.ev = line_ev(f, r.line, fmt::format("alert {}{}", r.name, r.duration ? "" : " (no `for:` duration)"));
            rules.push_back(std::move(r));
        }
    }
};

bool matches_any(const std::string& l, std::initializer_list<std::string_view> xs) {
    for (auto x : xs)
        if (str::contains(l, x)) return true;
    return false;
}

enum Cls : unsigned { c_error = 1, c_latency = 2, c_availability = 4, c_payment = 8 };

unsigned classify(const std::string& text) {
    static const std::regex k_up(R"((^|[^a-z_])up(\{[^}]*\})?\s*(==|<|!=)\s*[01]|absent\()");
    auto l = lower(text);
    unsigned c = 0;
    bool errorish = matches_any(l, {"5..", "5xx", "=~\"5", "=~'5", "error", "fail", "exception", "httpcode_target_5xx",
                                    "5xxerror", "httpcode_elb_5xx", "status>=500", "status >= 500", "code>=500"});
    if (errorish) c |= c_error;
    if (matches_any(l, {"latency", "histogram_quantile", "quantile", "_bucket", "slow", "p95", "p99", "p90",
                        "responsetime", "response_time", "targetresponsetime", "apdex"}) ||
        (str::contains(l, "duration") && !errorish))
        c |= c_latency;
    if (std::regex_search(l, k_up) ||
        matches_any(l, {"probe_success", "down", "unavailable", "availability", "uptime", "healthyhostcount",
                        "unhealthyhostcount", "healthcheck", "health_check", "blackbox", "crashloop", "unreachable",
                        "synthetic", "canary"}))
        c |= c_availability;
    if (matches_any(l, {"payment", "stripe", "checkout", "charge", "billing", "refund"}) &&
        (errorish || matches_any(l, {"declin", "outcome"})))
        c |= c_payment;
    return c;
}

}  // namespace

Outcome probe_obs_alert_rules(const ProbeContext& ctx) {
    Collector col;
    for (const auto* f : kept_own(ctx)) {
        if (f->lang != collect::Language::yaml) continue;
        const auto& docs = yaml_docs(ctx, *f, {"AWS::CloudWatch::"});
        if (!docs.empty()) {
            for (const auto& d : docs) col.walk(*f, d, 0);
        } else if (str::contains(f->text, "alert:") && str::contains(f->text, "expr:")) {
            col.text_rules(*f, f->text, 1);  // a Helm template: not YAML until rendered
        }
    }
    // Terraform monitors and alarms (HCL is scanned, not parsed): a resource and its attributes up to the next resource.
    {
        std::map<std::uint32_t, std::vector<const collect::Hit*>> res, attrs;
        for (const auto* h : ctx.hits("obs.tf-resource")) res[h->file].push_back(h);
        for (const auto* h : ctx.hits("obs.tf-attr")) attrs[h->file].push_back(h);
        static const std::regex k_res(R"re(resource\s+"([a-z0-9_]+)"\s+"([^"]+)")re");
        for (auto& [file, hs] : res) {
            const auto& f = ctx.model.files[file];
            if (is_sample_path(f.path)) continue;
            std::sort(hs.begin(), hs.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
            for (std::size_t i = 0; i < hs.size(); ++i) {
                std::smatch m;
                std::string match = hs[i]->match;
                if (!std::regex_search(match, m, k_res)) continue;
                auto type = m[1].str();
                if (str::contains(type, "dashboard")) continue;
                Rule r;
                r.file = &f;
                r.line = hs[i]->line;
                r.name = m[2].str();
                r.text = r.name;
                auto end = i + 1 < hs.size() ? hs[i + 1]->begin : UINT32_MAX;
                for (const auto* a : attrs[file])
                    if (a->begin > hs[i]->begin && a->begin < end) r.text += " " + a->match;
                r.source = type == "aws_cloudwatch_metric_alarm" || type == "aws_cloudwatch_composite_alarm" ? "CloudWatch alarm"
                           : str::starts_with(type, "datadog")                                            ? "Datadog monitor"
                           : str::starts_with(type, "google")                                             ? "Cloud Monitoring alert policy"
                           : str::starts_with(type, "newrelic")                                           ? "New Relic alert condition"
                           : str::starts_with(type, "grafana")                                            ? "Grafana rule group"
                           : str::starts_with(type, "sentry")                                             ? "Sentry alert rule"
                           : str::starts_with(type, "azurerm")                                            ? "Azure Monitor alert"
                                                                                                          : type;
                r.duration = true;  // these evaluate over a window (evaluation periods, query window)
                r.ev = hit_ev(ctx, *hs[i], fmt::format("{} {}", r.source, r.name));
                col.rules.push_back(std::move(r));
            }
        }
    }
    if (col.rules.empty()) {
        if (nothing_runs(ctx))
            return na("No long-running process (no code, HTTP server, worker or deployment definition) and no alert "
                      "definitions: nothing to alert on.");
        if (!col.alertmanager.empty())
            return fail("Alertmanager routing is configured but no alert rule is defined in the repository: nothing would "
                        "fire on errors, latency or downtime.",
                        col.alertmanager);
        return fail("No alert rules kept as code (Prometheus rules, PrometheusRule, Grafana alerting, Datadog monitors, "
                    "CloudWatch alarms): nobody is paged when errors, latency or downtime rise. Alerts configured only "
                    "in a vendor UI cannot be reviewed here; record them with a waiver and a link.",
                    anchor_evidence(ctx, "no alert rules in the repository"));
    }
    unsigned seen = 0, seen_timed = 0;
    std::vector<std::string> by_class[4];
    std::vector<Evidence> ev;
    std::vector<std::string> untimed;
    for (const auto& r : col.rules) {
        unsigned c = classify(r.text);
        seen |= c;
        if (r.duration) seen_timed |= c;
        for (unsigned i = 0; i < 4; ++i)
            if (c & (1u << i)) by_class[i].push_back(r.name.empty() ? r.source : r.name);
        if ((c & (c_error | c_latency | c_availability)) && !r.duration) untimed.push_back(r.name);
        if ((c & (c_error | c_latency | c_availability | c_payment)) && ev.size() < 10) ev.push_back(r.ev);
    }
    static constexpr std::string_view k_names[4] = {"error rate", "latency", "availability", "payment failures"};
    std::vector<std::string> covered, missing;
    for (unsigned i = 0; i < 4; ++i) {
        if (seen & (1u << i)) {
            std::vector<std::string> n(by_class[i].begin(), by_class[i].begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, by_class[i].size())));
            covered.push_back(fmt::format("{} ({})", k_names[i], str::join(n, ", ")));
        } else if (i < 3 || ctx.svc().providers.count("stripe")) {
            missing.emplace_back(k_names[i]);
        }
    }
    constexpr unsigned k_symptoms = c_error | c_latency | c_availability;
    if (!(seen & k_symptoms)) {
        std::vector<Evidence> all;
        for (const auto& r : col.rules)
            if (all.size() < 8) all.push_back(r.ev);
        return fail(fmt::format("{} alert rule(s) exist but none alerts on a symptom users feel: no error-rate, latency or "
                                "availability alert (add e.g. a 5xx ratio > 1 % for 5m, p95 latency, up == 0).",
                                col.rules.size()),
                    all);
    }
    if (!(seen_timed & k_symptoms))
        return fail(fmt::format("The symptom alerts ({}) have no duration (`for:` missing or 0s): they fire on a single "
                                "evaluation and page on every blip. Add `for: 5m` (or an evaluation window).",
                                str::join(untimed, ", ")),
                    ev);
    std::vector<std::string> sources;
    for (const auto& r : col.rules)
        if (std::find(sources.begin(), sources.end(), r.source) == sources.end()) sources.push_back(r.source);
    std::string msg = fmt::format("{} alert rule(s) kept as code ({}) cover {}.", col.rules.size(), str::join(sources, ", "),
                                  str::join(covered, "; "));
    if (!missing.empty()) msg += fmt::format(" Missing: {}.", str::join(missing, ", "));
    if (!untimed.empty()) msg += fmt::format(" Without a `for:` duration: {}.", str::join(untimed, ", "));
    return pass(msg, ev);
}

}  // namespace gonogo::checks
