// Probe rel.disruption_budget (REL-19): does the service stay available through
// voluntary disruption (node drains, upgrades, host maintenance)? Kubernetes:
// >= 2 replicas and a PodDisruptionBudget that selects the pods and keeps one up.
#include <cmath>

#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/reliability/deploy_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

struct IntOrPercent {
    double value = 0;
    bool percent = false;
};

std::optional<IntOrPercent> int_or_percent(const YAML::Node& n) {
    auto s = scalar(n);
    if (!s || s->empty()) return std::nullopt;
    std::string v = *s;
    bool pct = v.back() == '%';
    if (pct) v.pop_back();
    try {
        std::size_t used = 0;
        double d = std::stod(v, &used);
        if (used != v.size()) return std::nullopt;
        return IntOrPercent{d, pct};
    } catch (...) {
        return std::nullopt;
    }
}

// How many pods the budget lets go at once for `replicas`; nullopt when not readable.
std::optional<long long> allowed_down(const YAML::Node& spec, long long replicas) {
    if (auto min = int_or_percent(y(spec, "minAvailable"))) {
        double keep = min->percent ? std::ceil(min->value * static_cast<double>(replicas) / 100.0) : min->value;
        return std::max<long long>(0, replicas - static_cast<long long>(keep));
    }
    if (auto max = int_or_percent(y(spec, "maxUnavailable"))) {
        double down = max->percent ? std::ceil(max->value * static_cast<double>(replicas) / 100.0) : max->value;
        return static_cast<long long>(down);
    }
    if (!y(spec, "minAvailable") && !y(spec, "maxUnavailable")) return std::nullopt;
    return std::nullopt;
}

void judge_kubernetes(const Runtime& rt, Tally& t) {
    std::vector<const KObj*> pdbs;
    for (const auto& o : rt.kube.objects)
        if (o.kind == "PodDisruptionBudget") pdbs.push_back(&o);
    bool judged = false;
    for (const auto* w : rt.workloads) {
        if (w->kind == "DaemonSet") continue;  // one pod per node: drained with its node by design
        judged = true;
        auto replicas = min_replicas(rt.kube, *w);
        const YAML::Node& spec = y(w->doc, "spec");
        if (!replicas) {
            t.unknown(fmt::format("{} {}: the replica count is not a number we can read (a template value?).", w->kind, w->name),
                      w->evidence(y(spec, "replicas"), "replicas"));
            continue;
        }
        bool autoscaled = !autoscalers_for(rt.kube, *w).empty();
        if (*replicas < 2) {
            auto ev = y(spec, "replicas") ? w->evidence(y(spec, "replicas"), "replicas") : w->evidence(y(w->doc, "kind"), "replicas unset (1)");
            t.fail(fmt::format("{} {} keeps {} replica{}{}: draining its node or upgrading the cluster takes the service down; "
                               "run at least 2.",
                               w->kind, w->name, *replicas, *replicas == 1 ? "" : "s",
                               autoscaled ? " (autoscaler minimum)" : y(spec, "replicas") ? "" : " (replicas unset)"),
                   ev);
            continue;
        }
        const KObj* match = nullptr;
        YAML::Node labels = pod_labels(*w);
        for (const auto* p : pdbs) {
            const YAML::Node& ps = y(p->doc, "spec");
            if (selector_matches(y(ps, "selector"), labels)) {
                match = p;
                break;
            }
        }
        if (!match) {
            t.fail(fmt::format("{} {} runs {} replicas but no PodDisruptionBudget selects its pods: a node drain may evict "
                               "them all at once; add a PDB with minAvailable: 1.",
                               w->kind, w->name, *replicas),
                   w->evidence(y(w->doc, "metadata", "name"), "workload without a PodDisruptionBudget"));
            continue;
        }
        const YAML::Node& ps = y(match->doc, "spec");
        auto down = allowed_down(ps, *replicas);
        const YAML::Node& key = y(ps, "minAvailable") ? y(ps, "minAvailable") : y(ps, "maxUnavailable");
        if (!down) {
            t.unknown(fmt::format("PodDisruptionBudget {} selects {} {} but its minAvailable/maxUnavailable is not readable.",
                                  match->name, w->kind, w->name),
                      match->evidence(key ? key : y(match->doc, "kind"), "PodDisruptionBudget"));
            continue;
        }
        if (*down >= *replicas) {
            t.fail(fmt::format("PodDisruptionBudget {} lets all {} pods of {} {} go at once: it protects nothing; use "
                               "minAvailable: 1 or a maxUnavailable below the replica count.",
                               match->name, *replicas, w->kind, w->name),
                   match->evidence(key, "budget allows every pod down"));
            continue;
        }
        t.pass(fmt::format("{} {} keeps {} replicas and PodDisruptionBudget {} lets at most {} go at a time.", w->kind,
                           w->name, *replicas, match->name, *down),
               match->evidence(key ? key : y(match->doc, "kind"), "PodDisruptionBudget"));
        t.pass_ev.push_back(y(spec, "replicas") ? w->evidence(y(spec, "replicas"), "replicas") : w->evidence(y(w->doc, "kind"), "workload"));
    }
    if (rt.knative)
        t.pass("Knative/Cloud Run Services keep serving while the platform replaces instances (platform default).",
               std::nullopt, true);
    if (!judged && !rt.knative) t.note("Only DaemonSets run this service: they follow their nodes by design.");
}

void judge_platforms(const Runtime& rt, Tally& t) {
    for (const auto& p : rt.platform) {
        switch (p.kind) {
            case PlatformKind::vercel:
            case PlatformKind::netlify:
                t.pass(fmt::format("{} serves from many serverless instances and replaces them without downtime (platform "
                                   "default).", p.label()),
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::app_engine:
                t.pass("Google App Engine migrates traffic between instances during maintenance (platform default).",
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::render: {
                for (const auto& doc : p.file->yaml) {
                    const YAML::Node& svcs = y(doc, "services");
                    if (!svcs || !svcs.IsSequence()) continue;
                    for (const auto& s : svcs) {
                        auto type = scalar(y(s, "type"));
                        if (type && *type != "web" && *type != "pserv" && *type != "worker") continue;
                        auto name = scalar(y(s, "name")).value_or("service");
                        long long n = integer(y(s, "numInstances")).value_or(1);
                        if (auto min = integer(y(s, "scaling", "minInstances"))) n = *min;
                        auto line = line_of(*p.file, "name: " + name);
                        if (n >= 2)
                            t.pass(fmt::format("Render service {} runs {} instances.", name, n),
                                   line_evidence(*p.file, line, "instances"));
                        else
                            t.fail(fmt::format("Render service {} runs a single instance: platform maintenance and "
                                               "restarts take it down; set numInstances: 2 or scaling.minInstances: 2.",
                                               name),
                                   line_evidence(*p.file, line, "single instance"));
                    }
                }
                break;
            }
            case PlatformKind::fly: {
                auto toml = parse_toml(*p.file);
                const TomlKey* min = toml.get("http_service.min_machines_running");
                if (min && std::atoi(min->value.c_str()) >= 2)
                    t.pass(fmt::format("Fly.io keeps {} machines running (min_machines_running).", min->value),
                           line_evidence(*p.file, min->line, "min_machines_running"));
                else
                    t.unknown("Fly.io: the machine count is set with `fly scale count`, outside the repository; "
                              "min_machines_running below 2 does not guarantee two machines.",
                              platform_evidence(p, "platform config"));
                break;
            }
            case PlatformKind::heroku:
                t.unknown("Heroku: the dyno count is set outside the repository (heroku ps:scale web=2); one dyno is "
                          "down while it restarts every 24 hours.",
                          platform_evidence(p, "Procfile"));
                break;
        }
    }
}

void judge_compose(const Runtime& rt, Tally& t) {
    for (const auto& s : rt.compose) {
        const YAML::Node& n = s.node;
        long long replicas = integer(y(n, "deploy", "replicas")).value_or(integer(y(n, "scale")).value_or(1));
        if (replicas >= 2) {
            auto line = s.key_line("deploy");
            if (!line) line = s.key_line("scale");
            t.pass(fmt::format("Compose service {} runs {} replicas.", s.name, replicas),
                   line_evidence(*s.file, line ? line : s.line(), "replicas"));
            continue;
        }
        t.fail(fmt::format("Compose service {} runs a single container on a single host: a host reboot, Docker upgrade or "
                           "redeploy takes the service down; run 2+ replicas (Swarm deploy.replicas with start-first "
                           "updates) or an orchestrator.", s.name),
               s.evidence("single container"));
    }
}

void judge_pm2(const Runtime& rt, Tally& t) {
    for (const auto& a : rt.pm2) {
        std::string name = a.name.empty() ? "app" : a.name;
        bool cluster = pm2_cluster_mode(a);
        bool many = pm2_many_instances(a);
        if (cluster && many) {
            t.pass(fmt::format("PM2 runs app {} in cluster mode with {} instances: `pm2 reload` replaces them one at a time.",
                               name, a.instances),
                   line_evidence(*a.file, a.line, "PM2 cluster"));
            continue;
        }
        t.fail(fmt::format("PM2 app {} runs a single process{}: any restart or host maintenance takes it down; use "
                           "exec_mode: 'cluster' with instances >= 2.",
                           name, cluster ? "" : " (fork mode)"),
               line_evidence(*a.file, a.line, "single PM2 process"));
    }
}

void judge_systemd(const Runtime& rt, Tally& t) {
    for (const auto& u : rt.systemd)
        t.fail(fmt::format("systemd unit {} runs one instance on one host: host maintenance takes the service down.",
                           base_of(u.file->path)),
               line_evidence(*u.file, u.service_line, "single instance"));
}

}  // namespace

Outcome probe_rel_disruption_budget(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    switch (rt.primary) {
        case Mechanism::kubernetes: judge_kubernetes(rt, t); break;
        case Mechanism::platform: judge_platforms(rt, t); break;
        case Mechanism::compose: judge_compose(rt, t); break;
        case Mechanism::pm2: judge_pm2(rt, t); break;
        case Mechanism::systemd: judge_systemd(rt, t); break;
        case Mechanism::dockerfile_only:
        case Mechanism::none: break;
    }
    if (t.empty()) {
        if (rt.primary == Mechanism::kubernetes)
            return na("Only DaemonSets run this service: they run one pod per node and follow their nodes by design.");
        return undecided(ctx, rt, "how many instances serve during maintenance");
    }
    if (!rt.shadowed.empty()) t.note(rt.shadowed);
    return t.outcome("");
}

}  // namespace gonogo::checks
