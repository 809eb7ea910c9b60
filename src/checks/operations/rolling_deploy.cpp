// Probe ops.rolling_deploy (OPS-02): does a deploy start the new version before
// the old one stops? Kubernetes RollingUpdate (the default) with room to keep
// pods serving, Argo Rollouts/Flagger, Swarm start-first, PM2 reload, PaaS defaults.
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "checks/operations/deploy_probes.hpp"
#include "checks/operations/deploy_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

// An int-or-percent rolling-update field resolved against `replicas`; round up for surge, down for unavailable.
std::optional<long long> resolve(const YAML::Node& n, long long replicas, bool round_up, long long fallback_pct) {
    double v = static_cast<double>(fallback_pct);
    bool pct = true;
    if (auto s = scalar(n)) {
        std::string x = *s;
        pct = !x.empty() && x.back() == '%';
        if (pct) x.pop_back();
        try {
            v = std::stod(x);
        } catch (...) {
            return std::nullopt;
        }
    }
    if (!pct) return static_cast<long long>(v);
    double r = v * static_cast<double>(replicas) / 100.0;
    return static_cast<long long>(round_up ? std::ceil(r) : std::floor(r));
}

bool has_readiness(const KObj& w) {
    for (const auto& c : containers_of(pod_spec_of(w)))
        if (y(c, "readinessProbe")) return true;
    return false;
}

void judge_kubernetes(const Runtime& rt, Tally& t) {
    std::vector<const KObj*> canaries;
    for (const auto& o : rt.kube.objects)
        if (o.kind == "Canary" && str::starts_with(o.api_version, "flagger.app")) canaries.push_back(&o);
    for (const auto* w : rt.workloads) {
        if (w->kind == "DaemonSet" || w->kind == "ReplicaSet") continue;
        const YAML::Node spec = y(w->doc, "spec");
        // Flagger canary analysis in front of the workload.
        const KObj* canary = nullptr;
        for (const auto* c : canaries)
            if (scalar(y(c->doc, "spec", "targetRef", "name")) == w->name) canary = c;
        if (canary) {
            t.pass(fmt::format("Flagger Canary {} shifts traffic to new versions of {} {} step by step.", canary->name, w->kind,
                               w->name),
                   canary->evidence(ykey(y(canary->doc, "spec"), "targetRef"), "Flagger canary"));
            continue;
        }
        if (w->kind == "Rollout") {
            const YAML::Node strat = y(spec, "strategy");
            const YAML::Node c = y(strat, "canary"), b = y(strat, "blueGreen");
            if (c || b) {
                t.pass(fmt::format("Argo Rollout {} deploys with a {} strategy.", w->name, c ? "canary" : "blue/green"),
                       w->evidence(ykey(strat, c ? "canary" : "blueGreen"), "Argo Rollouts strategy"));
            } else {
                t.unknown(fmt::format("Argo Rollout {} has no canary or blueGreen strategy we can read.", w->name),
                          w->evidence(strat ? ykey(spec, "strategy") : y(w->doc, "kind"), "Rollout"));
            }
            continue;
        }
        auto replicas = min_replicas(rt.kube, *w);
        if (!replicas) {
            t.unknown(fmt::format("{} {}: the replica count is not readable (a template value?).", w->kind, w->name),
                      w->evidence(y(spec, "replicas"), "replicas"));
            continue;
        }
        bool ready = has_readiness(*w);
        if (w->kind == "StatefulSet") {
            const YAML::Node us = y(spec, "updateStrategy", "type");
            if (scalar(us) == "OnDelete") {
                t.fail(fmt::format("StatefulSet {} uses updateStrategy OnDelete: new versions roll out only when someone "
                                   "deletes pods by hand.", w->name),
                       w->evidence(us, "OnDelete"));
            } else if (*replicas < 2) {
                t.fail(fmt::format("StatefulSet {} replaces its only pod on every rollout (terminate, then create): the "
                                   "service is down in between; run 2+ replicas.", w->name),
                       w->evidence(y(spec, "replicas") ? y(spec, "replicas") : y(w->doc, "kind"), "single replica"));
            } else {
                t.pass(fmt::format("StatefulSet {} rolls out one pod at a time across {} replicas.", w->name, *replicas),
                       w->evidence(us ? us : y(w->doc, "kind"), "RollingUpdate"), !us);
            }
            continue;
        }
        // Deployment (and OpenShift DeploymentConfig).
        const YAML::Node strategy = y(spec, "strategy");
        const YAML::Node type = y(strategy, "type");
        auto type_s = scalar(type).value_or("RollingUpdate");
        if (type_s == "Recreate") {
            t.fail(fmt::format("{} {} uses strategy Recreate: every pod stops before the new version starts, so each deploy "
                               "is an outage; use RollingUpdate.", w->kind, w->name),
                   w->evidence(type, "strategy: Recreate"));
            continue;
        }
        if (type_s != "RollingUpdate" && type_s != "Rolling") {
            t.unknown(fmt::format("{} {} uses strategy {}, which we do not model.", w->kind, w->name, type_s),
                      w->evidence(type, "strategy"));
            continue;
        }
        const YAML::Node ru = y(strategy, "rollingUpdate");
        auto unavailable = resolve(y(ru, "maxUnavailable"), *replicas, false, 25);
        auto surge = resolve(y(ru, "maxSurge"), *replicas, true, 25);
        if (!unavailable || !surge) {
            t.unknown(fmt::format("{} {}: maxUnavailable/maxSurge are not readable.", w->kind, w->name), w->evidence(ykey(strategy, "rollingUpdate"), "rollingUpdate"));
            continue;
        }
        if (*unavailable >= *replicas) {
            t.fail(fmt::format("{} {}: maxUnavailable lets all {} pod{} stop at once during a rollout, which is a Recreate in "
                               "disguise; set maxUnavailable: 0 and maxSurge: 1.",
                               w->kind, w->name, *replicas, *replicas == 1 ? "" : "s"),
                   w->evidence(y(ru, "maxUnavailable"), "maxUnavailable"));
            continue;
        }
        if (!ready && *replicas < 2) {
            t.fail(fmt::format("{} {} rolls out a single replica without a readinessProbe: traffic moves to the new pod as "
                               "soon as it starts, before it can serve; add a readinessProbe (and run 2+ replicas).",
                               w->kind, w->name),
                   w->evidence(y(w->doc, "kind"), "single replica, no readinessProbe"));
            continue;
        }
        bool by_default = !type;
        t.pass(fmt::format("{} {} rolls out with RollingUpdate{}: at most {} of {} pod{} down and {} extra at a time.",
                           w->kind, w->name, by_default ? ", the default strategy" : "", *unavailable, *replicas,
                           *replicas == 1 ? "" : "s", *surge),
               type ? w->evidence(type, "RollingUpdate") : w->evidence(y(w->doc, "kind"), "RollingUpdate by default"),
               by_default);
        if (!ready) t.note(fmt::format("{} has no readinessProbe: new pods receive traffic before they are ready.", w->name));
    }
    if (rt.knative)
        t.pass("Knative/Cloud Run moves traffic to a new revision once it is ready (platform default).", std::nullopt, true);
}

void judge_platforms(const Runtime& rt, Tally& t) {
    for (const auto& p : rt.platform) {
        switch (p.kind) {
            case PlatformKind::vercel:
            case PlatformKind::netlify:
                t.pass(fmt::format("{} deploys atomically: the new version takes traffic only when it is fully built "
                                   "(platform default).", p.label()),
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::render:
                t.pass("Render deploys with zero downtime: the new instance takes traffic once it passes its health check "
                       "(platform default).",
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::app_engine:
                t.pass("Google App Engine deploys a new version and migrates traffic to it (platform default).",
                       platform_evidence(p, "platform config"), true);
                break;
            case PlatformKind::fly: {
                auto toml = parse_toml(*p.file);
                const TomlKey* s = toml.get("deploy.strategy");
                if (!s) {
                    t.pass("Fly.io deploys with the rolling strategy (the default).", platform_evidence(p, "platform config"), true);
                } else if (s->value == "immediate") {
                    t.fail("Fly.io deploy strategy is immediate: every machine restarts at once.",
                           line_evidence(*p.file, s->line, "strategy = immediate"));
                } else if (s->value == "rolling" || s->value == "bluegreen" || s->value == "canary") {
                    t.pass(fmt::format("Fly.io deploys with the {} strategy.", s->value), line_evidence(*p.file, s->line, "strategy"));
                } else {
                    t.unknown(fmt::format("Fly.io deploy strategy {} is not one we model.", s->value),
                              line_evidence(*p.file, s->line, "strategy"));
                }
                break;
            }
            case PlatformKind::heroku:
                t.unknown("Heroku restarts every dyno on deploy unless preboot is enabled (heroku features:enable preboot), "
                          "which the repository does not show.",
                          platform_evidence(p, "Procfile"));
                break;
        }
    }
}

void judge_compose(const Runtime& rt, Tally& t) {
    for (const auto& s : rt.compose) {
        auto order = scalar(y(s.node, "deploy", "update_config", "order"));
        if (order == "start-first") {
            auto line = s.key_line("deploy");
            t.pass(fmt::format("Compose service {} updates start-first (Swarm deploy.update_config): the new task starts "
                               "before the old one stops.", s.name),
                   line_evidence(*s.file, line ? line : s.line(), "update_config.order: start-first"));
            continue;
        }
        t.fail(fmt::format("Compose service {} is replaced in place on deploy (docker compose up recreates the container): "
                           "it is down while the new one starts; use Swarm update_config order: start-first with 2+ "
                           "replicas, or a proxy with blue/green.", s.name),
               s.evidence("recreated on deploy"));
    }
}

void judge_pm2(const ProbeContext& ctx, const Runtime& rt, Tally& t) {
    auto cmds = pm2_commands(ctx);
    bool cluster = false;
    for (const auto& a : rt.pm2) cluster = cluster || (pm2_cluster_mode(a) && pm2_many_instances(a));
    bool decided = false;
    for (const auto& c : cmds) {
        if (c.verb == "reload" || c.verb == "startOrReload" || c.verb == "gracefulReload") {
            decided = true;
            if (cluster)
                t.pass("Deploys run `pm2 reload` with PM2 in cluster mode: workers are replaced one at a time.",
                       line_evidence(*c.file, c.line, "pm2 reload"));
            else
                t.fail("Deploys run `pm2 reload`, but the app runs in fork mode or as one instance, where reload is a "
                       "restart; use exec_mode: 'cluster' with instances >= 2.",
                       line_evidence(*c.file, c.line, "pm2 reload in fork mode"));
        } else if (c.verb == "restart" || c.verb == "startOrRestart") {
            decided = true;
            t.fail("Deploys run `pm2 restart`, which stops every process before starting the new version; use `pm2 reload` "
                   "in cluster mode.",
                   line_evidence(*c.file, c.line, "pm2 restart"));
        }
    }
    if (!decided && !rt.pm2.empty())
        t.unknown("PM2 runs the app, but no deploy script shows whether it is reloaded (pm2 reload) or restarted.",
                  line_evidence(*rt.pm2.front().file, rt.pm2.front().line, "PM2 app"));
}

}  // namespace

Outcome probe_ops_rolling_deploy(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    switch (rt.primary) {
        case Mechanism::kubernetes: judge_kubernetes(rt, t); break;
        case Mechanism::platform: judge_platforms(rt, t); break;
        case Mechanism::compose: judge_compose(rt, t); break;
        case Mechanism::pm2: judge_pm2(ctx, rt, t); break;
        case Mechanism::systemd:
            for (const auto& u : rt.systemd)
                t.fail(fmt::format("systemd unit {} runs the only instance: a deploy restarts it, so the service is down "
                                   "while it starts.", base_of(u.file->path)),
                       line_evidence(*u.file, u.service_line, "single instance restarted on deploy"));
            break;
        case Mechanism::dockerfile_only:
        case Mechanism::none: break;
    }
    if (t.empty()) {
        if (rt.primary == Mechanism::kubernetes)
            return na("Only DaemonSets run this service: they update node by node by design.");
        return undecided(ctx, rt, "how a new version replaces the running one");
    }
    if (!rt.shadowed.empty()) t.note(rt.shadowed);
    return t.outcome("");
}

}  // namespace gonogo::checks
