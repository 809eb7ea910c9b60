// Probe ops.ci_pipeline (OPS-01): does CI run tests, a build and a linter on
// every change? Reads every CI definition as steps, keeps those triggered by
// pushes or pull/merge requests and classifies their commands, resolving npm
// scripts, Makefile and Taskfile targets.
#include <array>

#include <fmt/format.h>

#include "checks/operations/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

struct Found {
    const CiStep* step = nullptr;
    std::string what;
};

constexpr std::array<std::pair<unsigned, std::string_view>, 3> k_needed{
    {{k_lint, "lint"}, {k_test, "test"}, {k_build, "build"}}};

// A plain JavaScript service (no TypeScript, no build script in package.json) that ships no image has
// nothing to build: Node runs its sources as they are.
bool nothing_to_build(const ProbeContext& ctx) {
    const auto& langs = ctx.svc().languages;
    if (!langs.count("JavaScript") || langs.count("TypeScript") || langs.size() != 1) return false;
    if (ctx.model.deployment.kinds.count("dockerfile")) return false;
    return !resolver(ctx).npm_script(ctx.svc().root, "build");
}

}  // namespace

Outcome probe_ops_ci_pipeline(const ProbeContext& ctx) {
    if (nothing_to_operate(ctx)) return na("No application code: there is nothing for CI to build, lint or test.");
    const auto& pipes = ci_pipelines(ctx);
    if (pipes.empty())
        return fail(
            "No CI definition found (GitHub Actions, GitLab CI, CircleCI, Azure Pipelines, Bitbucket Pipelines, Jenkinsfile, "
            "Drone, Buildkite, Travis): tests, build and lint run only when someone remembers to run them.",
            anchor_evidence(ctx, "no CI definition in the repository"));
    const Resolver& r = resolver(ctx);
    std::array<Found, 3> found{};
    std::vector<Found> soft;
    std::vector<std::string> opaque;
    std::vector<Evidence> triggers;
    std::vector<std::string> where;
    for (const auto& p : pipes) {
        if (!p.on_change) continue;
        triggers.push_back(line_ev(*p.file, p.trigger_line, fmt::format("{} triggered by {}", p.system, p.triggers)));
        where.push_back(fmt::format("{} on {}", p.file->path, p.triggers));
        for (const auto& s : p.steps) {
            if (!s.on_change) continue;
            if (s.opaque) {
                opaque.push_back(s.text);
                continue;
            }
            CmdInfo c = s.action ? classify_action(s.text, s.with, r) : classify_command(s.text, r, s.dir);
            for (const auto& d : c.did) {
                for (std::size_t i = 0; i < k_needed.size(); ++i) {
                    if (d.kind != k_needed[i].first) continue;
                    if (d.soft || s.soft) soft.push_back({&s, fmt::format("{} ({})", d.what, k_needed[i].second)});
                    else if (!found[i].step) found[i] = {&s, d.what};
                }
            }
        }
    }
    if (triggers.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> what;
        for (const auto& p : pipes) {
            ev.push_back(line_ev(*p.file, p.trigger_line, fmt::format("triggered by {}", p.triggers.empty() ? "nothing" : p.triggers)));
            what.push_back(fmt::format("{} ({})", p.file->path, p.triggers.empty() ? "no trigger" : p.triggers));
        }
        return fail(fmt::format("CI exists but no pipeline runs on pushes or pull requests: {}. Run lint, build and tests on "
                                "every change.",
                                str::join(what, ", ")),
                    ev);
    }
    std::vector<std::string> have, missing;
    std::vector<Evidence> ev;
    const bool no_build = nothing_to_build(ctx);
    for (std::size_t i = 0; i < k_needed.size(); ++i) {
        if (!found[i].step && k_needed[i].first == k_build && no_build) {
            have.emplace_back("no build needed (plain JavaScript: no build script, no image)");
            continue;
        }
        if (found[i].step) {
            have.push_back(fmt::format("{} ({})", k_needed[i].second, found[i].what));
            ev.push_back(step_evidence(*found[i].step, fmt::format("{}: {}", k_needed[i].second, found[i].what)));
        } else {
            missing.emplace_back(k_needed[i].second);
        }
    }
    std::string soft_note;
    if (!soft.empty()) {
        std::vector<std::string> s;
        for (const auto& f : soft) {
            s.push_back(f.what);
            ev.push_back(step_evidence(*f.step, "failure ignored (continue-on-error, allow_failure or `|| true`): " + f.what));
        }
        soft_note = fmt::format(" Steps whose failure is ignored do not count: {}.", str::join(s, ", "));
    }
    auto ci = str::join(where, "; ");
    if (missing.empty())
        return pass(fmt::format("CI runs on every change ({}): {}.{}", ci, str::join(have, ", "), soft_note), ev);
    ev.insert(ev.begin(), triggers.begin(), triggers.end());
    if (!opaque.empty())
        return unknown(fmt::format("CI ({}) runs {} but no {} step was found; it also delegates to {}, which cannot be read "
                                   "here, so the missing steps may live there.{}",
                                   ci, have.empty() ? std::string("nothing recognisable") : str::join(have, ", "),
                                   str::join(missing, ", "), str::join(opaque, ", "), soft_note),
                       ev);
    std::string hint;
    if (!found[2].step && ctx.svc().languages.count("Python"))
        hint = " For a Python service the build is the image (docker build) or the package (python -m build).";
    else if (!found[2].step && ctx.svc().languages.count("Go"))
        hint = " `go test` compiles packages but not the binary you ship: add `go build ./...` or the image build.";
    else if (!found[2].step && ctx.model.deployment.kinds.count("dockerfile"))
        hint = " The service ships as an image: `docker build` in CI proves it still builds.";
    return fail(fmt::format("CI ({}) has no {} step{}{}.{} Add the missing step(s) so that every change proves it passes.{}",
                            ci, str::join(missing, " or "), have.empty() ? std::string() : "; it runs ",
                            have.empty() ? std::string() : str::join(have, ", "), soft_note, hint),
                ev);
}

}  // namespace gonogo::checks
