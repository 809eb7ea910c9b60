// Deployment-configuration helpers shared by the deploy group's probes
// (REL-06, REL-19, SCA-08, SCA-12, SEC-31, OPS-02, DR-04): a Dockerfile
// instruction parser, image references, a small Helm renderer, Kubernetes
// workload look-ups, compose app services, PM2/systemd/PaaS configs, masking.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "checks/helpers.hpp"
#include "collect/dockerfile.hpp"
#include "util/strings.hpp"

namespace gonogo::checks::deploy {

// ---- text and evidence -----------------------------------------------------

// Masks credentials in a line (URL passwords, password=/token:/requirepass values).
std::string mask_secrets(std::string_view line);
// Evidence at a 1-based line of f with a masked snippet.
Evidence line_evidence(const collect::File& f, std::size_t line, std::string note = {});
std::string dir_of(std::string_view path);
std::string base_of(std::string_view path);
// Joins a relative path onto a directory and normalises "." and ".." segments ("" is the root).
std::string join_path(std::string_view dir, std::string_view rel);
// Local-development or test definitions (docker-compose.dev.yml, Dockerfile.dev, .devcontainer/...).
bool is_dev_path(std::string_view path);
using str::shell_words;
// A compose/k8s command or args node (string or list) as words.
std::vector<std::string> command_words(const YAML::Node& n);
// Safe YAML look-ups: y(n, "spec", "template") never throws on missing keys or non-maps
// (yaml-cpp's chained operator[] does) and never inserts into the model's nodes.
YAML::Node yget(const YAML::Node& n, std::string_view key);
// The key node of `key` in map n (its mark is the key's line, where a block value's mark is the next line).
YAML::Node ykey(const YAML::Node& n, std::string_view key);
inline YAML::Node y(const YAML::Node& n) { return n; }
template <class... Rest>
YAML::Node y(const YAML::Node& n, std::string_view key, Rest... rest) {
    return y(yget(n, key), rest...);
}
// Scalar helpers that never throw.
std::optional<std::string> scalar(const YAML::Node& n);
std::optional<long long> integer(const YAML::Node& n);
std::optional<bool> boolean(const YAML::Node& n);
// Kubernetes quantities: "512Mi", "1G", "250m" -> a double in base units.
std::optional<double> quantity(std::string_view q);

// Collects per-item verdicts and answers the worst: fail > unknown > pass; na when nothing was judged.
struct Tally {
    std::vector<Evidence> pass_ev, fail_ev, unknown_ev, other_ev;
    std::vector<std::string> pass_msg, fail_msg, unknown_msg, notes;
    bool pass_by_default = false;   // some pass rests on a platform/framework default
    bool pass_explicit = false;     // some pass rests on explicit configuration
    void pass(std::string msg, std::optional<Evidence> e = {}, bool by_default = false);
    void fail(std::string msg, std::optional<Evidence> e = {});
    void unknown(std::string msg, std::optional<Evidence> e = {});
    void note(std::string msg) { notes.push_back(std::move(msg)); }
    bool empty() const { return pass_msg.empty() && fail_msg.empty() && unknown_msg.empty(); }
    Outcome outcome(std::string na_message) const;
};

// ---- Dockerfile ------------------------------------------------------------

// keyword (upper case), args (continuations joined, comments removed), 1-based line.
using DockerInstr = collect::dockerfile::Instruction;
struct DockerStage {
    std::string image;    // FROM image after ARG substitution ("" when unresolved)
    std::string raw_image;
    std::string name;     // AS name (lower case), "" when unnamed
    std::size_t line = 0;
    std::vector<DockerInstr> instrs;  // instructions after FROM, up to the next FROM
};
struct Dockerfile {
    const collect::File* file = nullptr;
    std::vector<DockerInstr> instrs;
    std::vector<DockerStage> stages;
};
Dockerfile parse_dockerfile(const collect::File& f);
// The service's own Dockerfiles (kept, own), production ones first; dev ones flagged by is_dev_path.
std::vector<Dockerfile> dockerfiles(const ProbeContext& ctx);
// The stage an index refers to when a FROM names an earlier stage; -1 otherwise.
int stage_ref(const Dockerfile& d, const std::string& image);

struct UserDecision {
    enum Kind { non_root, root, missing, unresolved } kind = missing;
    std::string user;          // the USER value, or the image that supplies the default
    std::size_t line = 0;      // the USER line, or the final FROM line
    bool image_default = false;  // non-root because the base image's default user is non-root
};
// The user the final stage runs as (USER instructions, inherited from earlier stages, image defaults).
UserDecision final_user(const Dockerfile& d);
// Images known to run as a non-root user by default (distroless :nonroot, chainguard, nginx-unprivileged, bitnami).
bool image_defaults_to_non_root(std::string_view image);

// ---- image references ----------------------------------------------------------

struct ImageRef {
    std::string repository;  // registry/path/name
    std::string tag;         // "" when absent
    std::string digest;      // "sha256:..." when pinned by digest
};
ImageRef parse_image(std::string_view ref);
enum class Pin { digest, version_tag, floating, unresolved };
Pin pin_of(std::string_view ref);

// ---- Kubernetes (plain manifests and rendered Helm templates) -------------------

struct KObj {
    const collect::File* file = nullptr;
    YAML::Node doc;
    std::string kind;
    std::string name;
    std::string api_version;
    bool rendered = false;  // from a Helm template: lines map back through line_map
    std::shared_ptr<const std::vector<std::size_t>> line_map;  // rendered line (0-based) -> template line (1-based)
    std::size_t doc_line0 = 0;  // rendered line where this document starts

    // The 1-based source line of a node (falls back to the object's first line).
    std::size_t line_of(const YAML::Node& n) const;
    Evidence evidence(const YAML::Node& n, std::string note = {}) const;
};
struct KubeView {
    std::vector<KObj> objects;
    std::vector<const collect::File*> unrendered;  // Helm templates we could not turn into YAML
};
// Every Kubernetes object of the service: parsed manifests plus Helm templates rendered with values.yaml.
KubeView kube_objects(const ProbeContext& ctx);
// Long-running workloads: Deployment, StatefulSet, DaemonSet, ReplicaSet, Argo Rollout, DeploymentConfig.
bool is_serving_kind(std::string_view kind);
// The serving workloads of the service (by name/image/path when the repository has several services).
std::vector<const KObj*> serving_workloads(const ProbeContext& ctx, const KubeView& kv);
// Every workload with a pod template (serving kinds, Job, CronJob, Pod, Knative Service) of the service.
std::vector<const KObj*> all_workloads(const ProbeContext& ctx, const KubeView& kv);
// The pod spec of any workload (Knative Services and Argo Rollouts included).
YAML::Node pod_spec_of(const KObj& w);
// Containers of a pod spec (containers, optionally initContainers).
std::vector<YAML::Node> containers_of(const YAML::Node& pod, bool init = false);
// Pod template labels of a workload.
YAML::Node pod_labels(const KObj& w);
// True when the label selector (matchLabels/matchExpressions or a plain map) selects the labels.
bool selector_matches(const YAML::Node& selector, const YAML::Node& labels);
// Horizontal autoscalers targeting a workload (HPA or KEDA ScaledObject).
std::vector<const KObj*> autoscalers_for(const KubeView& kv, const KObj& w);
// Replica count a workload keeps: HPA minReplicas when autoscaled, else spec.replicas (default 1).
std::optional<long long> min_replicas(const KubeView& kv, const KObj& w);
// Knative/Cloud Run service (serving.knative.dev).
bool is_knative_service(const KObj& o);

// ---- compose ----------------------------------------------------------------------

struct ComposeSvc {
    const collect::File* file = nullptr;
    std::string name;
    YAML::Node node;
    bool dev = false;        // from a development/test compose file
    bool builds = false;     // has build:
    std::string build_dir;   // resolved build context ("" = repository root)
    std::string image;       // image: value
    bool infra = false;      // a well-known infrastructure image (postgres, redis, nginx...)

    std::size_t line() const;  // the service key's line
    Evidence evidence(std::string note = {}) const;
    // The line of a key inside this service (first occurrence after the service key), 0 if absent.
    std::size_t key_line(std::string_view key) const;
};
std::vector<ComposeSvc> compose_all(const ProbeContext& ctx);
// Non-dev compose services that run this service's code (by build context, else every built or non-infra service).
std::vector<ComposeSvc> compose_app(const ProbeContext& ctx);

// ---- PM2, systemd, Procfile and platforms --------------------------------------

struct Pm2App {
    const collect::File* file = nullptr;
    std::size_t line = 0;
    std::string name;
    std::optional<bool> autorestart;
    std::size_t autorestart_line = 0;
    std::string instances;   // "" when absent; "max", "-1", "0" mean one per core
    std::string exec_mode;   // "cluster" / "fork" / ""
};
// PM2 cluster mode (exec_mode cluster) and whether more than one instance runs ("max", "-1", "0" or >= 2).
bool pm2_cluster_mode(const Pm2App& a);
bool pm2_many_instances(const Pm2App& a);
std::vector<Pm2App> pm2_apps(const ProbeContext& ctx);

struct SystemdUnit {
    const collect::File* file = nullptr;
    std::string restart;        // Restart= value, "" when absent
    std::size_t restart_line = 0;
    std::size_t service_line = 0;  // the [Service] line
};
std::vector<SystemdUnit> systemd_units(const ProbeContext& ctx);

// A minimal TOML view: "section.key" -> value (strings unquoted); [[array]] sections keep their name.
struct TomlKey {
    std::string value;
    std::size_t line = 0;
};
struct Toml {
    const collect::File* file = nullptr;
    std::vector<std::pair<std::string, TomlKey>> keys;
    std::vector<std::pair<std::string, std::size_t>> sections;
    const TomlKey* get(std::string_view key) const;
    std::size_t section_line(std::string_view section) const;
};
Toml parse_toml(const collect::File& f);

enum class PlatformKind { fly, render, app_engine, vercel, netlify, heroku };
struct Platform {
    PlatformKind kind;
    const collect::File* file = nullptr;
    std::string_view label() const;  // "Fly.io", "Render", ...
};
std::vector<Platform> platforms(const ProbeContext& ctx);

// Lines of deploy scripts (package.json scripts, CI, shell scripts, ecosystem files) running `pm2 <verb>`.
struct Pm2Command {
    const collect::File* file = nullptr;
    std::size_t line = 0;
    std::string verb;  // reload, restart, start, startOrReload, gracefulReload, startOrRestart
};
std::vector<Pm2Command> pm2_commands(const ProbeContext& ctx);

// ---- the runtime picture ----------------------------------------------------------

// What runs the service, most authoritative first: Kubernetes, then PaaS configs, then compose,
// PM2, systemd. Lower mechanisms are kept but probes decide from `primary`.
enum class Mechanism { none, kubernetes, platform, compose, pm2, systemd, dockerfile_only };
struct Runtime {
    KubeView kube;
    std::vector<const KObj*> workloads;      // serving workloads of this service
    std::vector<const KObj*> every_workload; // every workload with a pod template (batch and Knative included)
    bool knative = false;                    // a Knative/Cloud Run Service runs it
    bool batch_only = false;                 // Kubernetes defines only Jobs/CronJobs
    std::vector<Platform> platform;
    std::vector<ComposeSvc> compose;         // non-dev app services
    std::vector<ComposeSvc> compose_every;   // every non-dev compose service
    std::vector<ComposeSvc> compose_scope;   // non-dev services of this service: its app services plus image-only ones
    std::vector<Pm2App> pm2;
    std::vector<SystemdUnit> systemd;
    std::vector<Dockerfile> docker;          // production Dockerfiles
    Mechanism primary = Mechanism::none;
    std::string shadowed;                    // "docker-compose.yml treated as local development ..." note

    // `workloads` points into `kube`: moving keeps the pointers valid, copying would not.
    Runtime() = default;
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;
    Runtime(Runtime&&) = default;
    Runtime& operator=(Runtime&&) = default;
    ~Runtime() = default;
};
const Runtime& runtime_of(const ProbeContext& ctx);  // made once per service
// True when the service looks like a long-running process (HTTP routes, a server framework,
// worker dependencies) or anything deploys it.
bool runs_as_process(const ProbeContext& ctx, const Runtime& rt);
// The answer when no mechanism decides: na for batch-only Kubernetes or no process at all,
// unknown (with the Dockerfile as evidence when there is one) when we cannot see what runs it.
// `what` completes "... so <what> is not visible".
Outcome undecided(const ProbeContext& ctx, const Runtime& rt, std::string_view what);
// Evidence for a platform config file (its first meaningful line).
Evidence platform_evidence(const Platform& p, std::string note = {});

}  // namespace gonogo::checks::deploy
