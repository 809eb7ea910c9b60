// Probe ops.rollback_procedure (OPS-08): is there a documented way back to the
// previous release? Passes on a documentation section whose heading names a
// rollback and that gives concrete steps, on a rollback command in the docs'
// code, or on a CI workflow that performs a rollback.
#include <fmt/format.h>

#include "checks/operations/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

bool rollback_title(std::string_view title) {
    auto l = lower(title);
    auto has = [&](std::string_view x) { return str::contains(l, x); };
    if (has("rollback") || has("roll back") || has("roll-back") || has("rolling back") || has("downgrad")) return true;
    bool release = has("deploy") || has("release") || has("version") || has("image");
    if ((has("revert") || has("undo")) && release) return true;
    if (has("previous") && release && (has("restore") || has("back to") || has("redeploy") || has("return"))) return true;
    return false;
}

bool deploy_title(std::string_view title) {
    auto l = lower(title);
    return str::contains(l, "deploy") || str::contains(l, "release") || str::contains(l, "rollout") ||
           str::contains(l, "shipping");
}

// Concrete steps: code, an ordered list, or list items carrying inline commands.
std::optional<std::size_t> first_step(const MdDoc& d, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < d.lines.size(); ++i) {
        const auto& l = d.lines[i];
        if (l.type == MdLine::code || l.type == MdLine::ordered) return i;
        if (l.type == MdLine::bullet && str::contains(l.text, "`")) return i;
    }
    return std::nullopt;
}

// The words every rollback command of classify_command contains (helm/vercel/heroku... rollback, kubectl rollout
// undo, argo rollouts abort, gcloud run services update-traffic).
bool names_rollback_word(std::string_view code) {
    for (std::string_view w : {"rollback", "undo", "abort", "update-traffic"})
        if (str::icontains(code, w)) return true;
    return false;
}

}  // namespace

Outcome probe_ops_rollback_procedure(const ProbeContext& ctx) {
    if (nothing_runs(ctx))
        return na("No long-running process (no code, HTTP server, worker or deployment definition): there is no "
                  "deployed release to roll back.");
    static const std::string k_timing =
        " The five-minute target cannot be measured from files: time a rollback drill and record it.";
    const Resolver& r = resolver(ctx);
    std::vector<Evidence> empty_headings, deploy_headings;
    std::vector<const MdDoc*> docs;
    for (const auto* f : doc_files(ctx)) docs.push_back(&markdown(*f));
    // 1. A rollback section with steps.
    for (const auto* dp : docs) {
        const auto& d = *dp;
        const auto* f = d.file;
        bool rollback_file = str::starts_with(lower(base_name(f->path)), "rollback");
        for (const auto& sec : d.sections) {
            if (!rollback_title(sec.title)) {
                if (deploy_title(sec.title)) deploy_headings.push_back(line_ev(*f, sec.index + 1, "deployment section"));
                continue;
            }
            auto step = first_step(d, sec.index + 1, sec.end);
            if (!step) {
                empty_headings.push_back(line_ev(*f, sec.index + 1, "rollback heading without commands or numbered steps"));
                continue;
            }
            std::string cmd;
            for (const auto& [line, code] : code_snippets(d, sec.index + 1, sec.end))
                if (classify_command(code, r).kinds & k_rollback) {
                    cmd = code;
                    break;
                }
            return pass(fmt::format("{}:{} \"{}\" documents the rollback with concrete steps{}.{}", f->path, sec.index + 1,
                                    sec.title, cmd.empty() ? std::string() : fmt::format(" (`{}`)", str::clip(mask_line(cmd), 80)),
                                    k_timing),
                        {line_ev(*f, sec.index + 1, "rollback section"), line_ev(*f, *step + 1, "first rollback step")});
        }
        if (rollback_file && d.sections.empty())
            if (auto step = first_step(d, 0, d.lines.size()))
                return pass(fmt::format("{} documents the rollback with concrete steps.{}", f->path, k_timing),
                            {line_ev(*f, *step + 1, "first rollback step")});
    }
    // 2. A rollback command in the documentation's code (kubectl rollout undo, helm rollback, vercel rollback...).
    // Every rollback the classifier knows names one of these words, in the snippet itself or in the npm
    // script, make recipe or task it runs; large doc trees (u-boot: 29,000 code lines) skip the rest unclassified.
    const bool via_targets = r.any_target_mentions({"rollback", "undo", "abort", "update-traffic"});
    for (const auto* dp : docs) {
        const auto& d = *dp;
        const auto* f = d.file;
        for (const auto& [line, code] : code_snippets(d, 0, d.lines.size())) {
            if (!via_targets && !names_rollback_word(code)) continue;
            if (!(classify_command(code, r).kinds & k_rollback)) continue;
            return pass(fmt::format("{}:{} documents a rollback command (`{}`).{}", f->path, line + 1, str::clip(mask_line(code), 80), k_timing),
                        {line_ev(*f, line + 1, "rollback command")});
        }
    }
    // 3. A CI workflow that rolls back.
    const auto& pipes = ci_pipelines(ctx);
    for (const auto& p : pipes) {
        for (const auto& s : p.steps) {
            if (s.opaque) continue;
            CmdInfo c = s.action ? classify_action(s.text, s.with, r) : classify_command(s.text, r, s.dir);
            if (!(c.kinds & k_rollback)) continue;
            std::string what;
            for (const auto& dd : c.did)
                if (dd.kind == k_rollback) what = dd.what;
            return pass(fmt::format("CI workflow {} performs a rollback ({}, triggered by {}).{}", p.file->path, what,
                                    p.triggers.empty() ? "unknown" : p.triggers, k_timing),
                        {step_evidence(s, "rollback step")});
        }
        bool named = str::contains(lower(p.name), "rollback") || str::contains(lower(p.file->path), "rollback");
        for (const auto& j : p.job_names) named = named || str::contains(lower(j), "rollback") || str::contains(lower(j), "roll-back");
        if (named && p.manual && !p.steps.empty())
            return pass(fmt::format("CI workflow {} is a manually triggered rollback ({}).{}", p.file->path, p.triggers, k_timing),
                        {line_ev(*p.file, p.trigger_line, "manual rollback workflow"), step_evidence(p.steps.front(), "first step")});
    }
    if (!empty_headings.empty()) {
        std::vector<std::string> where;
        for (const auto& e : empty_headings) where.push_back(fmt::format("{}:{}", e.path, e.line));
        return fail(fmt::format("A rollback heading exists ({}) but gives no commands or numbered steps: write down the exact "
                                "commands that bring back the previous release and what happens to the database.",
                                str::join(where, ", ")),
                    empty_headings);
    }
    std::vector<Evidence> ev = deploy_headings;
    if (ev.size() > 5) ev.resize(5);
    if (ev.empty()) ev = anchor_evidence(ctx, "no rollback procedure in the repository");
    std::string where;
    if (!deploy_headings.empty()) {
        std::vector<std::string> w;
        for (const auto& e : ev) w.push_back(fmt::format("{}:{}", e.path, e.line));
        where = fmt::format(" The deployment documentation ({}) says how to ship a release but not how to go back.", str::join(w, ", "));
    }
    return fail(fmt::format("No rollback procedure found: no Rollback section with steps, no rollback command "
                            "(kubectl rollout undo, helm rollback, vercel rollback, redeploying the previous image tag) "
                            "and no rollback workflow in CI.{}",
                            where),
                ev);
}

}  // namespace gonogo::checks
