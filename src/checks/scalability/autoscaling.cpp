// Probe sca.autoscaling (SCA-08): does something add capacity under load?
// A HorizontalPodAutoscaler or KEDA ScaledObject targeting each serving
// workload, or a platform that scales (serverless, Render scaling, Fly autostart).
#include <cstdlib>

#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/scalability/deploy_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

// True when the HPA scales on CPU utilisation (v2 metrics or v1 targetCPUUtilizationPercentage).
bool scales_on_cpu_utilisation(const KObj& hpa) {
    const YAML::Node spec = y(hpa.doc, "spec");
    if (y(spec, "targetCPUUtilizationPercentage")) return true;
    const YAML::Node metrics = y(spec, "metrics");
    if (!metrics || !metrics.IsSequence()) return false;
    for (const auto& m : metrics) {
        const YAML::Node res = y(m, "resource");
        auto name = scalar(y(res, "name"));
        if (!name || *name != "cpu") continue;
        auto type = scalar(y(res, "target", "type"));
        if ((type && *type == "Utilization") || y(res, "targetAverageUtilization")) return true;
    }
    return false;
}

void judge_kubernetes(const Runtime& rt, Tally& t) {
    for (const auto* w : rt.workloads) {
        if (w->kind == "DaemonSet") continue;  // one pod per node: scales with the cluster
        auto scalers = autoscalers_for(rt.kube, *w);
        if (scalers.empty()) {
            const YAML::Node replicas = y(w->doc, "spec", "replicas");
            t.fail(fmt::format("{} {} runs a fixed {} replica{} and no HorizontalPodAutoscaler or KEDA ScaledObject targets "
                               "it: a traffic spike finds no extra capacity.",
                               w->kind, w->name, scalar(replicas).value_or("1"),
                               scalar(replicas).value_or("1") == "1" ? "" : "s"),
                   replicas ? w->evidence(replicas, "fixed replica count") : w->evidence(y(w->doc, "kind"), "no autoscaler"));
            continue;
        }
        const KObj* a = scalers.front();
        const YAML::Node spec = y(a->doc, "spec");
        if (a->kind == "ScaledObject") {
            auto max = integer(y(spec, "maxReplicaCount")).value_or(100);
            auto min = integer(y(spec, "minReplicaCount")).value_or(0);
            if (max <= min) {
                t.fail(fmt::format("KEDA ScaledObject {} cannot scale {} {}: maxReplicaCount {} is not above minReplicaCount {}.",
                                   a->name, w->kind, w->name, max, min),
                       a->evidence(y(spec, "maxReplicaCount"), "maxReplicaCount"));
                continue;
            }
            t.pass(fmt::format("KEDA ScaledObject {} scales {} {} between {} and {} replicas.", a->name, w->kind, w->name, min, max),
                   a->evidence(ykey(spec, "scaleTargetRef"), "KEDA ScaledObject"));
            continue;
        }
        auto min = integer(y(spec, "minReplicas")).value_or(1);
        auto max = integer(y(spec, "maxReplicas"));
        if (!max) {
            t.unknown(fmt::format("HorizontalPodAutoscaler {} targets {} {} but its maxReplicas is not readable.", a->name,
                                  w->kind, w->name),
                      a->evidence(y(spec, "maxReplicas"), "maxReplicas"));
            continue;
        }
        if (*max <= min) {
            t.fail(fmt::format("HorizontalPodAutoscaler {} cannot scale {} {}: maxReplicas {} is not above minReplicas {}.",
                               a->name, w->kind, w->name, *max, min),
                   a->evidence(y(spec, "maxReplicas"), "maxReplicas"));
            continue;
        }
        if (scales_on_cpu_utilisation(*a)) {
            std::vector<std::string> missing;
            for (const auto& c : containers_of(pod_spec_of(*w)))
                if (!y(c, "resources", "requests", "cpu")) missing.push_back(scalar(y(c, "name")).value_or("container"));
            if (!missing.empty()) {
                t.fail(fmt::format("HorizontalPodAutoscaler {} scales {} {} on CPU utilisation, but container {} has no "
                                   "resources.requests.cpu: utilisation has nothing to be measured against, so it never scales.",
                                   a->name, w->kind, w->name, str::join(missing, ", ")),
                       a->evidence(ykey(spec, "scaleTargetRef"), "CPU utilisation target"));
                continue;
            }
        }
        t.pass(fmt::format("HorizontalPodAutoscaler {} scales {} {} between {} and {} replicas.", a->name, w->kind, w->name,
                           min, *max),
               a->evidence(ykey(spec, "scaleTargetRef"), "HorizontalPodAutoscaler"));
        if (min < 2) t.note(fmt::format("Its minReplicas {} leaves a single pod at quiet times (see REL-19).", min));
    }
    if (rt.knative)
        t.pass("Knative/Cloud Run scales instances with concurrency by default.", std::nullopt, true);
    // An autoscaler that targets nothing.
    for (const auto& o : rt.kube.objects) {
        if ((o.kind != "HorizontalPodAutoscaler" && o.kind != "ScaledObject") || !o.file->is_own()) continue;
        const YAML::Node ref = y(o.doc, "spec", "scaleTargetRef");
        auto name = scalar(y(ref, "name"));
        if (!name || str::contains(*name, "__helm__")) continue;
        bool found = false;
        for (const auto& w : rt.kube.objects)
            if (w.name == *name && (is_serving_kind(w.kind) || w.kind == "StatefulSet")) found = true;
        if (!found)
            t.fail(fmt::format("{} {} targets {}, which no manifest in the repository defines.", o.kind, o.name, *name),
                   o.evidence(ykey(y(o.doc, "spec"), "scaleTargetRef"), "scaleTargetRef"));
    }
}

void judge_platforms(const Runtime& rt, Tally& t) {
    for (const auto& p : rt.platform) {
        switch (p.kind) {
            case PlatformKind::vercel:
            case PlatformKind::netlify:
                t.pass(fmt::format("{} runs the service as serverless functions that scale with requests (platform default).",
                                   p.label()),
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::app_engine: {
                const YAML::Node doc = p.file->yaml.empty() ? YAML::Node() : p.file->yaml.front();
                if (y(doc, "manual_scaling")) {
                    t.fail("Google App Engine uses manual_scaling: a fixed instance count.",
                           line_evidence(*p.file, line_of(*p.file, "manual_scaling"), "manual_scaling"));
                } else if (y(doc, "automatic_scaling")) {
                    t.pass("Google App Engine scales instances automatically (automatic_scaling).",
                           line_evidence(*p.file, line_of(*p.file, "automatic_scaling"), "automatic_scaling"));
                } else {
                    t.pass("Google App Engine scales instances automatically (automatic scaling is the default).",
                           platform_evidence(p, "platform config"), true);
                }
                break;
            }
            case PlatformKind::render: {
                for (const auto& doc : p.file->yaml) {
                    const YAML::Node svcs = y(doc, "services");
                    if (!svcs || !svcs.IsSequence()) continue;
                    for (const auto& s : svcs) {
                        auto type = scalar(y(s, "type"));
                        if (type && *type != "web" && *type != "pserv" && *type != "worker") continue;
                        auto name = scalar(y(s, "name")).value_or("service");
                        const YAML::Node scaling = y(s, "scaling");
                        auto max = integer(y(scaling, "maxInstances"));
                        auto min = integer(y(scaling, "minInstances")).value_or(1);
                        if (scaling && max && *max > min) {
                            t.pass(fmt::format("Render service {} autoscales between {} and {} instances.", name, min, *max),
                                   line_evidence(*p.file, line_of(*p.file, "scaling:"), "scaling"));
                        } else {
                            t.fail(fmt::format("Render service {} runs a fixed number of instances: add a scaling block "
                                               "(minInstances, maxInstances, targetCPUPercent).", name),
                                   line_evidence(*p.file, line_of(*p.file, "name: " + name), "no scaling"));
                        }
                    }
                }
                break;
            }
            case PlatformKind::fly: {
                auto toml = parse_toml(*p.file);
                const TomlKey* start = toml.get("http_service.auto_start_machines");
                if (!start) start = toml.get("services.auto_start_machines");
                if (start && start->value == "true") {
                    t.pass("Fly.io starts stopped machines on demand (auto_start_machines = true).",
                           line_evidence(*p.file, start->line, "auto_start_machines"));
                } else {
                    t.fail("Fly.io runs a fixed set of machines: enable auto_start_machines/auto_stop_machines in "
                           "[http_service] and create spare machines (fly scale count).",
                           start ? line_evidence(*p.file, start->line, "auto_start_machines")
                                 : platform_evidence(p, "no autoscaling"));
                }
                break;
            }
            case PlatformKind::heroku:
                t.unknown("Heroku: dyno autoscaling is configured in the dashboard (performance dynos), outside the repository.",
                          platform_evidence(p, "Procfile"));
                break;
        }
    }
}

}  // namespace

Outcome probe_sca_autoscaling(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    switch (rt.primary) {
        case Mechanism::kubernetes: judge_kubernetes(rt, t); break;
        case Mechanism::platform: judge_platforms(rt, t); break;
        case Mechanism::compose:
            for (const auto& s : rt.compose)
                t.fail(fmt::format("Compose runs service {} as a fixed number of containers on one host: nothing adds "
                                   "capacity under load.", s.name),
                       s.evidence("fixed container count"));
            break;
        case Mechanism::pm2:
            for (const auto& a : rt.pm2)
                t.fail(fmt::format("PM2 runs app {} as a fixed number of processes on one host: nothing adds capacity "
                                   "under load.", a.name.empty() ? "app" : a.name),
                       line_evidence(*a.file, a.line, "fixed process count"));
            break;
        case Mechanism::systemd:
            for (const auto& u : rt.systemd)
                t.fail(fmt::format("systemd unit {} runs one process on one host: nothing adds capacity under load.",
                                   base_of(u.file->path)),
                       line_evidence(*u.file, u.service_line, "single instance"));
            break;
        case Mechanism::dockerfile_only:
        case Mechanism::none: break;
    }
    if (t.empty()) {
        if (rt.primary == Mechanism::kubernetes)
            return na("Only DaemonSets run this service: they scale with the cluster's nodes.");
        return undecided(ctx, rt, "whether anything adds capacity under load");
    }
    if (!rt.shadowed.empty()) t.note(rt.shadowed);
    return t.outcome("");
}

}  // namespace gonogo::checks
