// Probe sec.ci_security_scan (SEC-28): does CI run a security scanner (SAST,
// secret scanning, dependency or container audit) on changes? Reads the CI
// steps and GitLab templates, never a word in a file.
#include <algorithm>

#include <fmt/format.h>

#include "checks/operations/opsdocs_util.hpp"
#include "checks/security/opsdocs_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

Outcome probe_sec_ci_security_scan(const ProbeContext& ctx) {
    if (nothing_to_operate(ctx)) return na("No application code: there is nothing to scan.");
    const auto& pipes = ci_pipelines(ctx);
    if (pipes.empty())
        return fail("No CI definition found, so no security scanner runs on changes (OPS-01 reports the missing CI too).",
                    anchor_evidence(ctx, "no CI definition in the repository"));
    const Resolver& r = resolver(ctx);
    struct Scan {
        const CiStep* step;
        const CiPipeline* pipe;
        std::string what;
        std::vector<std::string> kinds;
        std::vector<std::string> tools;
        bool soft;
    };
    std::vector<Scan> scans;
    std::vector<std::string> opaque;
    for (const auto& p : pipes) {
        for (const auto& s : p.steps) {
            if (!s.on_change && !s.scheduled) continue;
            if (s.opaque) {
                opaque.push_back(s.text);
                continue;
            }
            CmdInfo c = s.action ? classify_action(s.text, s.with, r) : classify_command(s.text, r, s.dir);
            for (const auto& d : c.did) {
                if (d.kind != k_scan) continue;
                scans.push_back({&s, &p, d.what, c.scan_kinds, c.scan_tools, d.soft || s.soft});
                break;
            }
        }
    }
    if (scans.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> files;
        for (const auto& p : pipes) {
            ev.push_back(line_ev(*p.file, p.trigger_line, fmt::format("{} pipeline without a security scan", p.system)));
            files.push_back(p.file->path);
        }
        std::string msg = fmt::format(
            "CI ({}) runs no security scanner: no SAST (CodeQL, Semgrep, gosec, bandit, SonarQube), no secret scan "
            "(gitleaks, trufflehog) and no dependency or container audit (npm audit, pip-audit, govulncheck, Trivy, Snyk, "
            "osv-scanner).",
            str::join(files, ", "));
        if (!opaque.empty())
            return unknown(msg + fmt::format(" It delegates to {}, which cannot be read here.", str::join(opaque, ", ")), ev);
        msg += " GitHub code scanning enabled in the repository settings (default setup) is invisible to a file scan: "
               "waive this control with a link if that is how you scan.";
        return fail(msg, ev);
    }
    bool blocking_on_change = false, sast = false;
    std::vector<std::string> parts, seen;
    std::vector<Evidence> ev;
    for (const auto& s : scans) {
        auto key = str::join(s.tools, ",") + "@" + s.step->file->path;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        if (s.step->on_change && !s.soft) blocking_on_change = true;
        for (const auto& k : s.kinds)
            if (k == "SAST" || k == "secrets") sast = true;
        std::string when = s.step->on_change ? s.pipe->triggers : "schedule";
        parts.push_back(fmt::format("{} [{}] ({}) in {} on {}{}", str::join(s.tools, ", "), str::join(s.kinds, ", "), s.what,
                                    s.step->file->path, when, s.soft ? ", failures ignored" : ""));
        ev.push_back(step_evidence(*s.step, fmt::format("{} scan: {}", str::join(s.kinds, ", "), s.what)));
    }
    std::string notes;
    if (!blocking_on_change) {
        bool any_change = false;
        for (const auto& s : scans) any_change = any_change || s.step->on_change;
        notes += any_change ? " Note: every scan ignores its failures (continue-on-error, allow_failure or `|| true`), so "
                              "findings never block a merge."
                            : " Note: scans run only on a schedule, not on pull requests.";
    }
    if (!sast)
        notes += " Only dependency/container audits run: add a SAST or secret scanner (CodeQL, Semgrep, gitleaks) to catch "
                 "injection sinks and committed secrets.";
    return pass(fmt::format("CI runs security scans: {}.{}", str::join(parts, "; "), notes), ev);
}

}  // namespace gonogo::checks
