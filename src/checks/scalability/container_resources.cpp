// Probe sca.container_resources (SCA-12): does every container declare what it
// needs and what it may use? Kubernetes: requests.cpu, requests.memory and
// limits.memory (LimitRange defaults count); compose: a memory limit.
#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/scalability/deploy_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

struct Defaults {
    bool request_cpu = false, request_memory = false, limit_memory = false;
    const KObj* from = nullptr;
};

// Container defaults from LimitRange objects (spec.limits[type=Container].default / defaultRequest).
Defaults limit_range_defaults(const KubeView& kv) {
    Defaults d;
    for (const auto& o : kv.objects) {
        if (o.kind != "LimitRange") continue;
        const YAML::Node limits = y(o.doc, "spec", "limits");
        if (!limits || !limits.IsSequence()) continue;
        for (const auto& l : limits) {
            auto type = scalar(y(l, "type"));
            if (type && *type != "Container") continue;
            const YAML::Node def = y(l, "default"), req = y(l, "defaultRequest");
            // A default limit without a default request becomes the request as well.
            d.limit_memory = d.limit_memory || y(def, "memory");
            d.request_memory = d.request_memory || y(req, "memory") || y(def, "memory");
            d.request_cpu = d.request_cpu || y(req, "cpu") || y(def, "cpu");
            d.from = &o;
        }
    }
    return d;
}

bool has_unresolved(const YAML::Node& n) {
    if (!n) return false;
    if (n.IsMap()) {
        for (const auto& kv : n) {
            if (kv.first.IsScalar() && kv.first.Scalar() == "__helm_unresolved__") return true;
            if (has_unresolved(kv.second)) return true;
        }
    }
    if (n.IsScalar()) return str::contains(n.Scalar(), "__helm__");
    return false;
}

void judge_kubernetes(const Runtime& rt, Tally& t) {
    auto defaults = limit_range_defaults(rt.kube);
    bool used_defaults = false;
    for (const auto* w : rt.every_workload) {
        for (const auto& c : containers_of(pod_spec_of(*w))) {
            auto name = scalar(y(c, "name")).value_or("container");
            const YAML::Node res = y(c, "resources");
            if (has_unresolved(res)) {
                t.unknown(fmt::format("{} {}: container {} takes its resources from a template value we could not resolve.",
                                      w->kind, w->name, name),
                          w->evidence(ykey(c, "resources"), "templated resources"));
                continue;
            }
            std::vector<std::string> missing;
            const YAML::Node rc = y(res, "requests", "cpu"), rm = y(res, "requests", "memory"), lm = y(res, "limits", "memory");
            if (!rc && !defaults.request_cpu) missing.push_back("requests.cpu");
            if (!rm && !defaults.request_memory && !lm) missing.push_back("requests.memory");  // requests default to limits
            if (!lm && !defaults.limit_memory) missing.push_back("limits.memory");
            bool none = !res || res.IsNull() || (res.IsMap() && res.size() == 0);
            auto where = res ? w->evidence(ykey(c, "resources"), "resources") : w->evidence(y(c, "name"), "container");
            if (!missing.empty()) {
                t.fail(fmt::format("{} {}: container {} has no {}{}.", w->kind, w->name, name, str::join(missing, ", "),
                                   none ? " (no resources at all): the scheduler packs it blindly and one leak can "
                                          "starve the node"
                                        : ""),
                       where);
                continue;
            }
            auto req = rm ? quantity(scalar(rm).value_or("")) : std::nullopt;
            auto lim = lm ? quantity(scalar(lm).value_or("")) : std::nullopt;
            if (req && lim && *lim < *req) {
                t.fail(fmt::format("{} {}: container {} has a memory limit ({}) below its request ({}).", w->kind, w->name, name,
                                   scalar(lm).value_or(""), scalar(rm).value_or("")),
                       w->evidence(lm, "limits.memory below requests.memory"));
                continue;
            }
            bool by_default = !rc || !lm;
            if (by_default) where.note = "resources from LimitRange defaults";
            t.pass(fmt::format("Every container sets CPU and memory requests and a memory limit{}.",
                               by_default ? " (some from a LimitRange default)" : ""),
                   where, false);
            if (by_default && defaults.from && !used_defaults) {
                used_defaults = true;
                t.pass_ev.push_back(defaults.from->evidence(y(defaults.from->doc, "kind"), "LimitRange container defaults"));
            }
        }
    }
}

void judge_compose(const Runtime& rt, Tally& t) {
    for (const auto& s : rt.compose_scope) {
        const YAML::Node& n = s.node;
        const YAML::Node lim = y(n, "deploy", "resources", "limits", "memory");
        const YAML::Node mem = y(n, "mem_limit");
        if (lim || mem) {
            auto line = lim ? s.key_line("deploy") : s.key_line("mem_limit");
            t.pass(fmt::format("Compose service {} has a memory limit ({}).", s.name, scalar(lim ? lim : mem).value_or("")),
                   line_evidence(*s.file, line ? line : s.line(), "memory limit"));
            continue;
        }
        bool cpus_only = y(n, "deploy", "resources", "limits") || y(n, "cpus");
        t.fail(fmt::format("Compose service {} has {}no memory limit (deploy.resources.limits.memory or mem_limit): one "
                           "leaking container can starve the whole host.",
                           s.name, cpus_only ? "a CPU limit but " : ""),
               s.evidence("no resource limits"));
    }
}

void judge_platforms(const Runtime& rt, Tally& t) {
    for (const auto& p : rt.platform) {
        switch (p.kind) {
            case PlatformKind::vercel:
            case PlatformKind::netlify: break;  // functions: no containers of ours
            case PlatformKind::fly: {
                auto toml = parse_toml(*p.file);
                const TomlKey* k = toml.get("vm.memory");
                if (!k) k = toml.get("vm.size");
                if (!k) k = toml.get("vm.memory_mb");
                if (k)
                    t.pass(fmt::format("Fly.io machines are sized in fly.toml ([[vm]] {}).", k->value),
                           line_evidence(*p.file, k->line, "machine size"));
                else
                    t.pass("Fly.io machines run with the platform's default size (shared-cpu-1x, 256MB), which bounds memory.",
                           platform_evidence(p, "default machine size"), true);
                break;
            }
            default:
                t.pass(fmt::format("{} runs each instance with a fixed size that bounds its CPU and memory (platform "
                                   "default).", p.label()),
                       platform_evidence(p, "platform instance size"), true);
        }
    }
}

}  // namespace

Outcome probe_sca_container_resources(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    if (!rt.every_workload.empty()) judge_kubernetes(rt, t);
    else if (rt.primary == Mechanism::platform) judge_platforms(rt, t);
    else if (!rt.compose_scope.empty()) judge_compose(rt, t);
    if (t.empty()) {
        if (rt.primary == Mechanism::dockerfile_only && !rt.docker.empty()) {
            const auto& d = rt.docker.front();
            return unknown(fmt::format("{} builds an image, but nothing in the repository says where it runs, so its CPU and "
                                       "memory limits are not visible.",
                                       d.file->path),
                           {line_evidence(*d.file, d.stages.empty() ? 1 : d.stages.back().line, "image without a runtime definition")});
        }
        if (!rt.kube.unrendered.empty())
            return unknown(fmt::format("Helm template {} could not be rendered, so its containers' resources are not visible.",
                                       rt.kube.unrendered.front()->path),
                           {line_evidence(*rt.kube.unrendered.front(), 1, "unrendered template")});
        return na("No container definitions (Kubernetes workloads, compose services) for this service.");
    }
    if (!rt.shadowed.empty() && !rt.every_workload.empty()) t.note(rt.shadowed);
    return t.outcome("");
}

}  // namespace gonogo::checks
