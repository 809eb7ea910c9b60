// Probe sec.container_non_root (SEC-31, user half): does the container run as a
// non-root user without extra privileges? The final Dockerfile stage's USER (or
// a non-root base image), Kubernetes securityContext, compose user/privileged.
#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/security/deploy_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

enum class Enforced { none, non_root, root };

struct K8sUser {
    Enforced kind = Enforced::none;
    YAML::Node where;
    std::string what;
};

K8sUser k8s_user(const YAML::Node& pod, const YAML::Node& c) {
    const YAML::Node psc = y(pod, "securityContext"), csc = y(c, "securityContext");
    K8sUser u;
    const YAML::Node cu = y(csc, "runAsUser"), pu = y(psc, "runAsUser");
    const YAML::Node user = cu ? cu : pu;
    if (auto v = integer(user)) {
        u.kind = *v == 0 ? Enforced::root : Enforced::non_root;
        u.where.reset(user);
        u.what = fmt::format("runAsUser: {}", *v);
        return u;
    }
    const YAML::Node cn = y(csc, "runAsNonRoot"), pn = y(psc, "runAsNonRoot");
    const YAML::Node flag = cn ? cn : pn;
    if (boolean(flag) == true) {
        u.kind = Enforced::non_root;
        u.where.reset(flag);
        u.what = "runAsNonRoot: true";
    }
    return u;
}

bool benign_capability(std::string_view cap) {
    auto c = str::lower(cap);
    return c == "net_bind_service" || c == "cap_net_bind_service";
}

std::string user_hint(std::string_view image) {
    auto img = str::lower(image);
    auto name = base_of(parse_image(img).repository);
    if (name == "node") return "add `USER node` (the node image ships that user)";
    if (str::contains(img, "distroless")) return "use the `:nonroot` variant of the distroless image";
    if (name == "python") return "create a user (`RUN useradd --uid 10001 app`) and add `USER 10001`";
    if (name == "golang" || name == "alpine" || name == "scratch") return "add `USER 65532:65532` (or copy the binary into distroless `:nonroot`)";
    return "create an unprivileged user and switch to it with USER";
}

}  // namespace

Outcome probe_sec_container_non_root(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;

    // Kubernetes containers: explicit user, privileges.
    bool have_k8s_containers = false;
    bool all_enforced = true;
    std::vector<std::pair<const KObj*, YAML::Node>> unenforced;
    for (const auto* w : rt.every_workload) {
        const YAML::Node pod = pod_spec_of(*w);
        for (const auto& c : containers_of(pod, true)) {
            have_k8s_containers = true;
            auto name = scalar(y(c, "name")).value_or("container");
            const YAML::Node csc = y(c, "securityContext");
            if (boolean(y(csc, "privileged")) == true) {
                t.fail(fmt::format("{} {}: container {} is privileged: it can control the host.", w->kind, w->name, name),
                       w->evidence(y(csc, "privileged"), "privileged: true"));
            }
            if (boolean(y(csc, "allowPrivilegeEscalation")) == true) {
                t.fail(fmt::format("{} {}: container {} allows privilege escalation; set allowPrivilegeEscalation: false.",
                                   w->kind, w->name, name),
                       w->evidence(y(csc, "allowPrivilegeEscalation"), "allowPrivilegeEscalation: true"));
            }
            const YAML::Node add = y(csc, "capabilities", "add");
            if (add && add.IsSequence())
                for (const auto& cap : add)
                    if (auto s = scalar(cap); s && !benign_capability(*s)) {
                        t.fail(fmt::format("{} {}: container {} adds capability {}.", w->kind, w->name, name, *s),
                               w->evidence(ykey(y(csc, "capabilities"), "add"), "capabilities.add"));
                        break;
                    }
            auto u = k8s_user(pod, c);
            if (u.kind == Enforced::root) {
                all_enforced = false;
                t.fail(fmt::format("{} {}: container {} runs as root ({}).", w->kind, w->name, name, u.what),
                       w->evidence(u.where, "runs as root"));
            } else if (u.kind == Enforced::non_root) {
                t.pass(fmt::format("Kubernetes enforces a non-root user ({}).", u.what), w->evidence(u.where, u.what));
            } else {
                all_enforced = false;
                unenforced.emplace_back(w, c);
            }
        }
    }

    // Compose services: user:, privileged:, cap_add: (local-development files excluded).
    bool compose_counts = rt.primary != Mechanism::kubernetes && rt.primary != Mechanism::platform;
    if (compose_counts)
        for (const auto& s : rt.compose_scope) {
            if (boolean(y(s.node, "privileged")) == true) {
                auto line = s.key_line("privileged");
                t.fail(fmt::format("Compose service {} runs privileged: it can control the host.", s.name),
                       line_evidence(*s.file, line ? line : s.line(), "privileged: true"));
            }
            const YAML::Node caps = y(s.node, "cap_add");
            if (caps && caps.IsSequence())
                for (const auto& cap : caps)
                    if (auto v = scalar(cap); v && !benign_capability(*v)) {
                        auto line = s.key_line("cap_add");
                        t.fail(fmt::format("Compose service {} adds capability {}.", s.name, *v),
                               line_evidence(*s.file, line ? line : s.line(), "cap_add"));
                        break;
                    }
            if (auto user = scalar(y(s.node, "user"))) {
                auto name = user->substr(0, user->find(':'));
                auto line = s.key_line("user");
                if (name == "root" || name == "0")
                    t.fail(fmt::format("Compose service {} runs as root (user: {}).", s.name, *user),
                           line_evidence(*s.file, line ? line : s.line(), "user: root"));
            }
        }

    // Dockerfiles: the final stage's user.
    auto compose_user_for = [&](const Dockerfile& d) -> std::optional<std::pair<const ComposeSvc*, std::string>> {
        if (!compose_counts) return std::nullopt;
        for (const auto& s : rt.compose_scope) {
            if (!s.builds || s.build_dir != dir_of(d.file->path)) continue;
            auto df = scalar(y(s.node, "build", "dockerfile")).value_or("Dockerfile");
            if (base_of(df) != base_of(d.file->path)) continue;
            auto user = scalar(y(s.node, "user"));
            if (!user) continue;
            auto name = user->substr(0, user->find(':'));
            if (name != "root" && name != "0") return std::make_pair(&s, *user);
        }
        return std::nullopt;
    };
    for (const auto& d : rt.docker) {
        if (d.stages.empty()) continue;
        auto u = final_user(d);
        const auto& last = d.stages.back();
        std::string image = last.image.empty() ? last.raw_image : last.image;
        switch (u.kind) {
            case UserDecision::non_root:
                if (u.image_default)
                    t.pass(fmt::format("{}: the final stage's base image {} runs as a non-root user by default.", d.file->path, u.user),
                           line_evidence(*d.file, u.line, "non-root base image"), true);
                else
                    t.pass(fmt::format("{}: the final stage runs as USER {}.", d.file->path, u.user),
                           line_evidence(*d.file, u.line, "non-root USER"));
                break;
            case UserDecision::unresolved:
                t.unknown(fmt::format("{}: USER {} comes from a build argument without a default; the runtime user is not visible.",
                                      d.file->path, u.user),
                          line_evidence(*d.file, u.line, "USER from a variable"));
                break;
            case UserDecision::root:
            case UserDecision::missing: {
                if (have_k8s_containers && all_enforced) {
                    t.pass(fmt::format("{} builds a root image, but every Kubernetes container enforces a non-root user.",
                                       d.file->path),
                           line_evidence(*d.file, u.line, "overridden at runtime"));
                    break;
                }
                if (auto cu = compose_user_for(d)) {
                    auto line = cu->first->key_line("user");
                    t.pass(fmt::format("Compose service {} runs the image from {} as user {}.", cu->first->name, d.file->path,
                                       cu->second),
                           line_evidence(*cu->first->file, line ? line : cu->first->line(), "compose user:"));
                    break;
                }
                if (u.kind == UserDecision::root)
                    t.fail(fmt::format("{}: the final stage switches to USER {}, so the container runs as root; {}.",
                                       d.file->path, u.user, user_hint(image)),
                           line_evidence(*d.file, u.line, "USER root"));
                else
                    t.fail(fmt::format("{}: the final stage (FROM {}) sets no USER, so the container runs as root; {}.",
                                       d.file->path, image, user_hint(image)),
                           line_evidence(*d.file, u.line, "final stage without USER"));
                break;
            }
        }
    }

    // Compose services built from a context whose Dockerfile is not in the repository: user not visible.
    if (compose_counts)
        for (const auto& s : rt.compose_scope) {
            if (!s.builds || scalar(y(s.node, "user"))) continue;
            auto df = scalar(y(s.node, "build", "dockerfile")).value_or("Dockerfile");
            auto path = join_path(s.build_dir, df);
            if (ctx.model.path_exists(path)) continue;
            t.unknown(fmt::format("Compose service {} builds from {}, which is not in the repository, so the container's user "
                                  "is not visible.",
                                  s.name, path.empty() ? df : path),
                      s.evidence("build without a visible Dockerfile"));
        }

    // Kubernetes containers that enforce nothing: decided by the Dockerfile when there is one.
    if (rt.docker.empty())
        for (const auto& [w, c] : unenforced)
            t.unknown(fmt::format("{} {}: container {} sets no runAsNonRoot/runAsUser and its image is not built here, so "
                                  "its user is not visible; set securityContext.runAsNonRoot: true.",
                                  w->kind, w->name, scalar(y(c, "name")).value_or("container")),
                      w->evidence(y(c, "image"), "no securityContext user"));

    // Development and test Dockerfiles: listed apart, never deciding.
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->lang != collect::Language::dockerfile || (f->is_own() && !is_dev_path(f->path))) continue;
        auto d = parse_dockerfile(*f);
        auto u = final_user(d);
        if (u.kind == UserDecision::root || u.kind == UserDecision::missing)
            t.other_ev.push_back(line_evidence(*f, u.line, "development/test image runs as root"));
    }
    return t.outcome("No container definitions (Dockerfile, Kubernetes workloads, compose services built here) for this service.");
}

}  // namespace gonogo::checks
