// Probe load.chaos_experiments (LOAD-03, static part): are there chaos
// experiments that kill or slow a dependency (Chaos Mesh, LitmusChaos, AWS FIS,
// Chaos Toolkit, Toxiproxy, Pumba, scripts stopping a dependency container)?
// Definitions are never a pass: found -> unknown until `gonogo drill chaos`.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "checks/load/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

bool db_like(std::string_view s) {
    static constexpr std::string_view k[] = {"postgres", "mysql", "mariadb", "mongo", "redis", "rabbit", "kafka", "nats",
                                             "memcache", "elastic", "opensearch", "minio", "localstack", "cockroach",
                                             "valkey", "keydb", "timescale", "clickhouse", "cassandra", "mailhog",
                                             "mailpit", "stripe-mock", "smtp", "cache", "queue", "broker", "database"};
    auto l = lower(s);
    for (auto x : k)
        if (str::contains(l, x)) return true;
    return l == "db" || str::starts_with(l, "db-") || str::starts_with(l, "db_") || str::ends_with(l, "-db") ||
           str::ends_with(l, "_db");
}

bool has_dependencies(const ProbeContext& ctx) {
    const auto& s = ctx.svc();
    if (!s.datastores.empty()) return true;
    for (const auto& p : s.providers)
        if (p != "sentry" && p != "opentelemetry" && p != "prometheus" && p != "datadog" && p != "newrelic") return true;
    for (const auto& c : compose_services(ctx))
        if (auto img = yaml_str(child(c.node, "image")); img && db_like(*img)) return true;
    return false;
}

}  // namespace

Outcome probe_load_chaos_experiments(const ProbeContext& ctx) {
    // Results committed to the repository decide: a Chaos Toolkit journal or a LitmusChaos ChaosResult.
    std::vector<Evidence> passed, failed;
    std::vector<std::string> passed_what, failed_what;
    for (const auto* f : kept_own(ctx)) {
        if (f->json && f->json->is_object()) {
            const auto& j = *f->json;
            auto exp = j.find("experiment");
            auto status = j.find("status");
            auto deviated = j.find("deviated");
            if (exp == j.end() || !exp->is_object() || status == j.end() || !status->is_string() || deviated == j.end() ||
                !deviated->is_boolean())
                continue;
            std::string title = exp->contains("title") && (*exp)["title"].is_string() ? (*exp)["title"].get<std::string>() : f->path;
            auto st = status->get<std::string>();
            auto line = line_of(*f, "\"status\"");
            if (st == "completed" && !deviated->get<bool>()) {
                passed.push_back(line_ev(*f, line ? line : 1, "Chaos Toolkit journal: completed, steady state held"));
                passed_what.push_back(fmt::format("Chaos Toolkit run \"{}\" ({}) completed and the steady state held", title, f->path));
            } else {
                failed.push_back(line_ev(*f, line ? line : 1, "Chaos Toolkit journal: " + st + (deviated->get<bool>() ? ", deviated" : "")));
                failed_what.push_back(fmt::format("Chaos Toolkit run \"{}\" ({}) ended {}{}", title, f->path, st,
                                                  deviated->get<bool>() ? " and the steady state deviated" : ""));
            }
        }
    }
    for (const auto& o : k8s_objects(ctx)) {
        if (o.kind != "ChaosResult" || !o.file->is_own() || is_sample_path(o.file->path)) continue;
        auto verdict = yaml_str(child(child(child(o.doc, "status"), "experimentStatus"), "verdict")).value_or("");
        auto at = line_ev(*o.file, key_line(o.doc, "kind"), "LitmusChaos result, verdict " + verdict);
        if (verdict == "Pass") {
            passed.push_back(at);
            passed_what.push_back(fmt::format("LitmusChaos result {} ({}) verdict Pass", o.name, o.file->path));
        } else if (verdict == "Fail") {
            failed.push_back(at);
            failed_what.push_back(fmt::format("LitmusChaos result {} ({}) verdict Fail", o.name, o.file->path));
        }
    }
    if (!failed.empty())
        return fail(fmt::format("A recorded chaos experiment failed: {}. Fix the timeout, breaker or fallback it exposed and "
                                "run it again.",
                                str::join(failed_what, "; ")),
                    failed);
    if (!passed.empty())
        return pass(fmt::format("Recorded chaos experiments passed: {}. Re-run them after changes to timeouts, retries or "
                                "dependencies (`gonogo drill chaos`).",
                                str::join(passed_what, "; ")),
                    passed);
    std::vector<Evidence> ev;
    std::vector<std::string> what;
    std::set<std::string> seen_files;
    auto add = [&](Evidence e, std::string w) {
        if (ev.size() < 10) ev.push_back(std::move(e));
        if (what.size() < 6) what.push_back(std::move(w));
    };
    // Chaos resources and experiment definitions in YAML.
    for (const auto* f : kept_own(ctx)) {
        if (f->lang != collect::Language::yaml && f->lang != collect::Language::json) continue;
        for (const auto& d : yaml_docs(ctx, *f, {"AWS::FIS::", "steady-state-hypothesis"})) {
            if (!d.IsMap()) continue;
            auto api = yaml_str(child(d, "apiVersion")).value_or("");
            auto kind = yaml_str(child(d, "kind")).value_or("");
            if (str::starts_with(api, "chaos-mesh.org/") || str::starts_with(api, "litmuschaos.io/")) {
                add(line_ev(*f, key_line(d, "kind"), kind + " experiment"),
                    fmt::format("{} {} in {}", str::starts_with(api, "chaos") ? "Chaos Mesh" : "LitmusChaos", kind, f->path));
                continue;
            }
            if (child(d, "steady-state-hypothesis").IsDefined() && child(d, "method").IsDefined()) {
                add(line_ev(*f, key_line(d, "method"), "Chaos Toolkit experiment"), "Chaos Toolkit experiment " + f->path);
                continue;
            }
            auto resources = child(d, "Resources");
            if (resources.IsDefined() && resources.IsMap())
                for (const auto& kv : resources)
                    if (yaml_str(child(kv.second, "Type")).value_or("") == "AWS::FIS::ExperimentTemplate")
                        add(line_ev(*f, yaml_line(kv.first), "AWS FIS experiment template"), "AWS FIS experiment in " + f->path);
        }
        if (f->json && f->json->is_object() && f->json->contains("steady-state-hypothesis") && f->json->contains("method"))
            add(line_ev(*f, 1, "Chaos Toolkit experiment"), "Chaos Toolkit experiment " + f->path);
    }
    // Fault proxies and chaos tools next to the service in compose.
    for (const auto& c : compose_services(ctx)) {
        auto img = lower(yaml_str(child(c.node, "image")).value_or(""));
        if (str::contains(img, "toxiproxy") || str::contains(img, "pumba") || str::contains(img, "chaos"))
            add(line_ev(*c.file, yaml_line(child(c.node, "image")), "fault-injection container"),
                fmt::format("{} service \"{}\" in {}", img, c.name, c.file->path));
    }
    // Code importing a fault proxy client.
    for (const auto* f : code_files(ctx))
        for (const auto& spec : collect::syntax::imports(*f)) {
            auto l = lower(spec);
            if (!str::contains(l, "toxiproxy") && !str::contains(l, "chaos-monkey") && !str::contains(l, "chaoslib")) continue;
            auto line = line_of(*f, spec);
            add(line_ev(*f, line ? line : 1, "imports " + spec), fmt::format("{} imports {}", f->path, spec));
            seen_files.insert(f->path);
            break;
        }
    // Scanned places (tests are scanned, not kept): imports, CLIs, Terraform FIS, stopping a dependency.
    for (const auto* h : ctx.hits("load.chaos")) {
        const auto& f = ctx.model.files[h->file];
        if (f.kind == collect::FileKind::vendored || is_sample_path(f.path) || seen_files.count(f.path)) continue;
        if (f.kept && !f.yaml.empty()) continue;  // parsed YAML: read structurally above
        auto lt = str::trim(h->line_text);
        if (str::starts_with(lt, "//") || str::starts_with(lt, "#") || str::starts_with(lt, "*")) continue;
        seen_files.insert(f.path);
        add(hit_ev(ctx, *h, "fault injection"), fmt::format("{} in {}:{}", str::clip(mask_line(str::trim(h->match)), 50), f.path, h->line));
    }
    for (const auto* h : ctx.hits("load.dep-kill")) {
        const auto& f = ctx.model.files[h->file];
        if (f.kind == collect::FileKind::vendored || is_sample_path(f.path) || f.lang == collect::Language::markdown) continue;
        auto words = str::split(str::trim(h->match), ' ');
        if (words.empty() || !db_like(words.back())) continue;
        add(hit_ev(ctx, *h, "stops a dependency"), fmt::format("`{}` in {}:{}", mask_line(str::trim(h->match)), f.path, h->line));
    }
    if (ev.empty()) {
        if (nothing_runs(ctx))
            return na("No long-running process (no code, HTTP server, worker or deployment definition): there is no "
                      "dependency to break.");
        if (!has_dependencies(ctx))
            return na("The service declares no database, cache, queue or third-party API: there is no dependency to kill.");
        return fail("No chaos experiment found (Chaos Mesh, LitmusChaos, AWS FIS, Chaos Toolkit, Toxiproxy, Pumba, a "
                    "script that stops a dependency): timeouts, breakers and fallbacks have never been exercised. Run "
                    "`gonogo drill chaos` against staging.",
                    anchor_evidence(ctx, "no chaos experiment in the repository"));
    }
    return unknown(fmt::format("Chaos experiments are defined: {}. A definition is not a result: run `gonogo drill chaos` "
                               "(or the experiments) and record the outcome to decide.",
                               str::join(what, "; ")),
                   ev);
}

}  // namespace gonogo::checks
