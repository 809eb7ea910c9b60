// Shared probe helpers: routes and their handler bodies, the service's own
// files by language, Kubernetes objects, CI workflows, evidence from syntax
// nodes. Category-specific helpers live in <category>/util.* instead.
#pragma once
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "checks/probe.hpp"
#include "collect/syntax.hpp"

namespace gonogo::checks {

// Routes of the probe's service.
std::vector<const collect::Route*> routes(const ProbeContext& ctx);

struct Handler {
    const collect::File* file;
    TSNode node;  // the handler function (or its body)
};
// The handler body of a route, when it was resolved.
std::optional<Handler> handler_of(const ProbeContext& ctx, const collect::Route& r);

// The route's declaration as evidence.
Evidence route_evidence(const ProbeContext& ctx, const collect::Route& r, std::string note = {});
// A syntax node as evidence (its first line as the snippet).
Evidence node_evidence(const collect::File& f, TSNode n, std::string note = {});

// The service's own kept files (not tests, vendored, generated), optionally of some languages.
std::vector<const collect::File*> own_files(const ProbeContext& ctx, std::initializer_list<collect::Language> langs = {});
// The service's own source files that have a syntax tree (JS/TS/Go/Python).
std::vector<const collect::File*> code_files(const ProbeContext& ctx);
// True when the service has application code gonogo can parse.
bool has_code(const ProbeContext& ctx);
// True when the service has at least one HTTP route.
bool serves_http(const ProbeContext& ctx);

// Common health/readiness/liveness paths (/health, /healthz, /readyz, /livez, /ready, /live, /status, /ping, /api/health...).
bool is_health_path(std::string_view path);

// A Kubernetes object in a YAML document.
struct K8sObject {
    const collect::File* file;
    YAML::Node doc;
    std::string kind;
    std::string name;
};
std::vector<K8sObject> k8s_objects(const ProbeContext& ctx);
// Workload kinds: Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, Pod.
bool is_workload(std::string_view kind);
// The pod template spec of a workload (spec.template.spec, or spec for Pods, jobTemplate for CronJobs).
YAML::Node pod_spec(const K8sObject& o);

// Compose services: (file, service name, node).
struct ComposeService {
    const collect::File* file;
    std::string name;
    YAML::Node node;
};
std::vector<ComposeService> compose_services(const ProbeContext& ctx);

// CI workflow files: GitHub Actions (.github/workflows/*.yml) and .gitlab-ci.yml.
std::vector<const collect::File*> ci_files(const ProbeContext& ctx);

// The 1-based line of the first occurrence of `needle` in f's text at or after `from`; 0 if absent.
std::size_t line_of(const collect::File& f, std::string_view needle, std::size_t from = 0);

// Dependency presence for the service (any of the names).
bool depends_on_any(const ProbeContext& ctx, std::initializer_list<std::string_view> names);
// The manifest evidence line declaring a dependency, when present.
std::optional<Evidence> dependency_evidence(const ProbeContext& ctx, std::string_view name);

}  // namespace gonogo::checks
