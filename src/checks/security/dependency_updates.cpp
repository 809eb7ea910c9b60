// Probe sec.dependency_updates (SEC-22): does something open dependency update
// pull requests for the ecosystems the service uses? Reads .github/dependabot.yml
// (its package-ecosystem entries), Renovate configs (renovate.json, .renovaterc,
// package.json "renovate", the Renovate action or image in CI) and scheduled CI
// jobs that run an updater.
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/secrets_probes.hpp"
#include "checks/security/secrets_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;

// Ecosystems of the service's manifests, as Dependabot names them, with the manifest that shows each.
std::map<std::string, const File*> ecosystems(const ProbeContext& ctx) {
    std::map<std::string, const File*> out;
    std::set<std::string> with_deps;
    for (const auto& d : ctx.model.dependencies) with_deps.insert(d.manifest);
    for (const auto* f : ctx.files()) {
        if (!f->is_own()) continue;
        auto n = secrets::base_of(f->path);
        std::string eco;
        if (n == "package.json" && with_deps.count(f->path)) eco = "npm";
        else if (n == "go.mod" && f->kept && f->text.find("require") != std::string::npos) eco = "gomod";
        else if ((n == "pyproject.toml" || (str::starts_with(n, "requirements") && str::ends_with(n, ".txt"))) &&
                 with_deps.count(f->path))
            eco = "pip";
        else if (n == "Pipfile") eco = "pip";
        else if (n == "Cargo.toml" && f->kept && f->text.find("[dependencies]") != std::string::npos) eco = "cargo";
        else if (n == "Gemfile") eco = "bundler";
        else if (n == "composer.json") eco = "composer";
        if (!eco.empty() && !out.count(eco)) out[eco] = f;
    }
    return out;
}

bool covers(const std::set<std::string>& configured, const std::string& eco) {
    if (configured.count(eco)) return true;
    if (eco == "pip") return configured.count("uv") || configured.count("pipenv") || configured.count("poetry");
    if (eco == "npm") return configured.count("bun") || configured.count("yarn") || configured.count("pnpm");
    return false;
}

const File* first_existing(const ProbeContext& ctx, std::initializer_list<std::string_view> paths) {
    for (auto p : paths)
        if (const auto* f = ctx.model.file(p)) return f;
    return nullptr;
}

// A Renovate config that is not switched off ("enabled": false).
bool renovate_enabled(const File& f) {
    if (f.json && f.json->is_object() && f.json->contains("enabled") && (*f.json)["enabled"].is_boolean() &&
        !(*f.json)["enabled"].get<bool>())
        return false;
    return true;
}

}  // namespace

Outcome probe_sec_dependency_updates(const ProbeContext& ctx) {
    auto ecos = ecosystems(ctx);
    if (ecos.empty()) return na("No dependency manifest: there is nothing to keep up to date.");

    // Renovate: its own config file, a "renovate" key in package.json, or the Renovate action/image in CI.
    if (const auto* f = first_existing(ctx, {"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json",
                                             ".renovaterc.json5", ".github/renovate.json", ".github/renovate.json5",
                                             ".gitlab/renovate.json", ".gitlab/renovate.json5"})) {
        if (renovate_enabled(*f)) {
            Evidence e = f->kept ? f->evidence_line(1, "Renovate configuration") : Evidence{f->path, 0, 0, "", "", "Renovate configuration", "", ""};
            return pass(fmt::format("Renovate is configured ({}) and opens update pull requests for every ecosystem it detects.",
                                    f->path),
                        {e});
        }
    }
    for (const auto* f : ctx.files()) {
        if (!f->kept || secrets::base_of(f->path) != "package.json" || !f->json || !f->json->is_object()) continue;
        if (!f->json->contains("renovate")) continue;
        auto ln = line_of(*f, "\"renovate\"");
        return pass(fmt::format("Renovate is configured in {} (\"renovate\" key).", f->path),
                    {f->evidence_line(ln ? ln : 1, "Renovate configuration")});
    }
    for (const auto* f : ci_files(ctx)) {
        for (const auto& d : f->yaml) {
            if (!d.IsMap()) continue;
            bool scheduled = false;
            if (d["on"] && d["on"].IsMap() && d["on"]["schedule"]) scheduled = true;
            for (const auto& job : d["jobs"] ? d["jobs"] : d) {
                const YAML::Node& j = job.second;
                if (!j.IsMap()) continue;
                if (j["image"]) {
                    auto img = j["image"].IsScalar() ? j["image"].as<std::string>()
                               : j["image"].IsMap() && j["image"]["name"] ? j["image"]["name"].as<std::string>() : "";
                    if (img.find("renovate/renovate") != std::string::npos || img.find("renovatebot/renovate") != std::string::npos) {
                        auto ln = line_of(*f, "renovate");
                        return pass(fmt::format("Renovate runs as a CI job ({}).", f->path),
                                    {f->evidence_line(ln ? ln : 1, "Renovate job")});
                    }
                }
                if (!j["steps"] || !j["steps"].IsSequence()) continue;
                for (const auto& s : j["steps"]) {
                    if (!s.IsMap()) continue;
                    if (s["uses"] && s["uses"].IsScalar() &&
                        str::starts_with(s["uses"].as<std::string>(), "renovatebot/github-action")) {
                        auto ln = line_of(*f, "renovatebot/github-action");
                        return pass(fmt::format("Renovate runs from a workflow ({}).", f->path),
                                    {f->evidence_line(ln ? ln : 1, "Renovate action")});
                    }
                    if (scheduled && s["run"] && s["run"].IsScalar()) {
                        auto run = s["run"].as<std::string>();
                        for (std::string_view cmd : {"npm-check-updates", "ncu -u", "npm update", "go get -u", "uv lock --upgrade",
                                                     "poetry update", "pip-compile --upgrade", "pip-compile -U", "cargo update",
                                                     "bundle update", "composer update", "pnpm update", "yarn upgrade"}) {
                            if (run.find(cmd) == std::string::npos) continue;
                            auto ln = line_of(*f, cmd);
                            return pass(fmt::format("A scheduled workflow updates dependencies (`{}` in {}).", cmd, f->path),
                                        {f->evidence_line(ln ? ln : 1, "scheduled dependency update")});
                        }
                    }
                }
            }
        }
    }

    // Dependabot: every ecosystem of the service needs an `updates` entry.
    std::vector<Evidence> ev;
    if (const auto* dep = first_existing(ctx, {".github/dependabot.yml", ".github/dependabot.yaml"})) {
        std::set<std::string> configured;
        for (const auto& d : dep->yaml) {
            if (!d.IsMap() || !d["updates"] || !d["updates"].IsSequence()) continue;
            for (const auto& u : d["updates"])
                if (u.IsMap() && u["package-ecosystem"] && u["package-ecosystem"].IsScalar())
                    configured.insert(u["package-ecosystem"].as<std::string>());
        }
        if (dep->yaml.empty())
            return unknown(fmt::format("{} could not be parsed, so the ecosystems it updates are unknown.", dep->path),
                           {Evidence{dep->path, 0, 0, "", "", "unparsable", "", ""}});
        std::vector<std::string> uncovered;
        for (const auto& [eco, f] : ecos) {
            if (covers(configured, eco)) continue;
            uncovered.push_back(eco);
            ev.push_back(f->kept ? f->evidence_line(1, fmt::format("{} manifest without a Dependabot entry", eco))
                                 : Evidence{f->path, 0, 0, "", "", fmt::format("{} manifest without a Dependabot entry", eco), "", ""});
        }
        auto ln = line_of(*dep, "package-ecosystem");
        Evidence de = dep->evidence_line(ln ? ln : 1, "Dependabot version updates");
        if (uncovered.empty()) {
            std::vector<std::string> names;
            for (const auto& [eco, f] : ecos) names.push_back(eco);
            return pass(fmt::format("Dependabot opens update pull requests for {} ({}).", str::join(names, ", "), dep->path),
                        {de});
        }
        ev.insert(ev.begin(), de);
        return fail(fmt::format("{} has no `updates` entry for {}: those dependencies are never proposed for update. Add "
                                "a `package-ecosystem: {}` entry.",
                                dep->path, str::join(uncovered, ", "), uncovered.front()),
                    ev);
    }
    std::vector<std::string> names;
    for (const auto& [eco, f] : ecos) {
        names.push_back(fmt::format("{} ({})", eco, f->path));
        ev.push_back(f->kept ? f->evidence_line(1, "nothing configures dependency updates for this manifest")
                             : Evidence{f->path, 0, 0, "", "", "nothing configures dependency updates for this manifest", "", ""});
    }
    return fail(fmt::format("Nothing configures dependency updates for {}: no .github/dependabot.yml, no Renovate "
                            "configuration and no scheduled update job, so pinned versions age silently. Add a "
                            "Dependabot or Renovate configuration.",
                            str::join(names, ", ")),
                ev);
}

}  // namespace gonogo::checks
