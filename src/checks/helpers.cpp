// Shared probe helpers (see helpers.hpp).
#include "checks/helpers.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::checks {

using collect::File;
using collect::Language;

std::vector<const collect::Route*> routes(const ProbeContext& ctx) {
    std::vector<const collect::Route*> out;
    for (auto i : ctx.svc().routes) out.push_back(&ctx.model.routes.at(i));
    return out;
}

std::optional<Handler> handler_of(const ProbeContext& ctx, const collect::Route& r) {
    if (r.handler_file == UINT32_MAX) return std::nullopt;
    const auto& f = ctx.model.files.at(r.handler_file);
    if (!f.tree) return std::nullopt;
    TSNode n = collect::syntax::node_at(f, r.handler_begin, r.handler_end);
    if (ts_node_is_null(n)) return std::nullopt;
    return Handler{&f, n};
}

Evidence route_evidence(const ProbeContext& ctx, const collect::Route& r, std::string note) {
    const auto& f = ctx.model.files.at(r.file);
    Evidence e = f.evidence_line(r.line, std::move(note));
    e.column = r.column;
    return e;
}

Evidence node_evidence(const File& f, TSNode n, std::string note) {
    return f.evidence_at(ts_node_start_byte(n), std::move(note));
}

std::vector<const File*> own_files(const ProbeContext& ctx, std::initializer_list<Language> langs) {
    std::vector<const File*> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own()) continue;
        if (langs.size() && std::find(langs.begin(), langs.end(), f->lang) == langs.end()) continue;
        out.push_back(f);
    }
    return out;
}

std::vector<const File*> code_files(const ProbeContext& ctx) {
    std::vector<const File*> out;
    for (const auto* f : ctx.files())
        if (f->tree && f->is_own()) out.push_back(f);
    return out;
}

bool has_code(const ProbeContext& ctx) { return !code_files(ctx).empty(); }
bool serves_http(const ProbeContext& ctx) { return !ctx.svc().routes.empty(); }

bool is_health_path(std::string_view path) {
    static constexpr std::array<std::string_view, 14> k{"health", "healthz", "healthcheck", "health-check", "_health",
                                                        "readyz", "readiness", "ready", "livez", "liveness", "live",
                                                        "status", "ping", "heartbeat"};
    auto p = str::lower(path);
    while (!p.empty() && p.back() == '/') p.pop_back();
    auto slash = p.rfind('/');
    std::string last = slash == std::string::npos ? p : p.substr(slash + 1);
    for (auto w : k)
        if (last == w) return true;
    return false;
}

std::vector<K8sObject> k8s_objects(const ProbeContext& ctx) {
    std::vector<K8sObject> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->kind == collect::FileKind::test || f->kind == collect::FileKind::vendored) continue;
        for (const auto& d : f->yaml) {
            if (!d.IsMap() || !d["apiVersion"] || !d["kind"] || !d["kind"].IsScalar()) continue;
            K8sObject o{f, d, d["kind"].as<std::string>(), ""};
            if (d["metadata"] && d["metadata"]["name"] && d["metadata"]["name"].IsScalar())
                o.name = d["metadata"]["name"].as<std::string>();
            out.push_back(std::move(o));
        }
    }
    return out;
}

bool is_workload(std::string_view kind) {
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job" ||
           kind == "CronJob" || kind == "ReplicaSet" || kind == "Pod";
}

YAML::Node pod_spec(const K8sObject& o) {
    const auto& d = o.doc;
    if (o.kind == "Pod") return d["spec"];
    if (o.kind == "CronJob") {
        auto jt = d["spec"]["jobTemplate"];
        return jt ? jt["spec"]["template"]["spec"] : YAML::Node();
    }
    auto spec = d["spec"];
    if (!spec || !spec["template"]) return YAML::Node();
    return spec["template"]["spec"];
}

std::vector<ComposeService> compose_services(const ProbeContext& ctx) {
    std::vector<ComposeService> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->kind != collect::FileKind::manifest || f->lang != Language::yaml) continue;
        auto name = f->path.substr(f->path.rfind('/') == std::string::npos ? 0 : f->path.rfind('/') + 1);
        if (!str::contains(name, "compose")) continue;
        for (const auto& d : f->yaml) {
            if (!d.IsMap() || !d["services"] || !d["services"].IsMap()) continue;
            for (const auto& kv : d["services"]) out.push_back({f, kv.first.as<std::string>(), kv.second});
        }
    }
    return out;
}

std::vector<const File*> ci_files(const ProbeContext& ctx) {
    std::vector<const File*> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept) continue;
        if ((str::starts_with(f->path, ".github/workflows/") && f->lang == Language::yaml) || f->path == ".gitlab-ci.yml" ||
            str::ends_with(f->path, "/.gitlab-ci.yml"))
            out.push_back(f);
    }
    return out;
}

std::size_t line_of(const File& f, std::string_view needle, std::size_t from) {
    auto pos = f.text.find(needle, from);
    return pos == std::string::npos ? 0 : f.lines.at(pos).line;
}

bool depends_on_any(const ProbeContext& ctx, std::initializer_list<std::string_view> names) {
    for (const auto& d : ctx.svc().dependencies)
        for (auto n : names)
            if (d.name == n) return true;
    return false;
}

std::optional<Evidence> dependency_evidence(const ProbeContext& ctx, std::string_view name) {
    for (const auto& d : ctx.svc().dependencies) {
        if (d.name != name) continue;
        const auto* f = ctx.model.file(d.manifest);
        if (!f || !f->kept) return std::nullopt;
        std::string quoted = fmt::format("\"{}\"", name);
        auto line = line_of(*f, quoted);
        if (!line) line = line_of(*f, name);
        return f->evidence_line(line ? line : 1, fmt::format("dependency {}", name));
    }
    return std::nullopt;
}

}  // namespace gonogo::checks
