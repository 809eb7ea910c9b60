// Markdown report in seed 001's shape (the default view, and seed 003's scored
// view): stack, verdict with justification, traffic-light scorecard, blockers,
// risks with mitigations, week-1 recommendations, category scores out of 10
// with a total, action items P0/P1/P2 with files and effort, implementation
// guidance for the detected stack (000), every control's status, and what
// could not be read. Also the parts every Markdown shape shares (markdown_parts.hpp).
#include <map>
#include <set>

#include <fmt/format.h>

#include "report/markdown_parts.hpp"
#include "report/report.hpp"
#include "util/strings.hpp"

namespace gonogo::report {
namespace md {


std::string light_icon(Light l) {
    switch (l) {
        case Light::green: return "🟢 Green";
        case Light::amber: return "🟡 Amber";
        case Light::red: return "🔴 Red";
    }
    return "";
}

std::string status_icon(Status s) {
    switch (s) {
        case Status::pass: return "✅ pass";
        case Status::fail: return "❌ fail";
        case Status::na: return "➖ n/a";
        case Status::unknown: return "❔ unknown";
        case Status::unverified: return "📝 unverified";
        case Status::error: return "⚠️ error";
        case Status::waived: return "🙈 waived";
        case Status::attested: return "🖊️ attested";
    }
    return "";
}

std::string decision_icon(Decision d) {
    switch (d) {
        case Decision::go: return "✅ GO";
        case Decision::conditional_go: return "⚠️ CONDITIONAL GO";
        case Decision::no_go: return "⛔ NO-GO";
    }
    return "";
}

// Markdown table cells must not break the row.
std::string cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string where(const Evidence& e) {
    if (e.line) return fmt::format("{}:{}", e.path, e.line);
    return e.path;
}

std::string join_list(const std::vector<std::string>& v) { return v.empty() ? "—" : str::join(v, ", "); }

void evidence_lines(std::string& out, const ControlResult& c, std::size_t max) {
    std::size_t n = 0;
    for (const auto& e : c.evidence) {
        if (n++ == max) {
            out += fmt::format("  - … and {} more\n", c.evidence.size() - max);
            break;
        }
        out += fmt::format("  - `{}`", where(e));
        if (!e.service.empty()) out += fmt::format(" ({})", e.service);
        if (!e.snippet.empty()) out += fmt::format(": `{}`", e.snippet);
        if (!e.note.empty()) out += fmt::format(" — {}", e.note);
        if (e.baseline == "new") out += " **(new)**";
        out += "\n";
    }
    if (!c.waived_evidence.empty())
        out += fmt::format("  - Waived (still listed, not deciding): {} finding(s), first `{}` — {}\n", c.waived_evidence.size(),
                           where(c.waived_evidence.front()), c.waiver);
    if (!c.other_evidence.empty())
        out += fmt::format("  - Also seen in tests, fixtures, examples or vendored code (not counted): {} place(s), first `{}`\n",
                           c.other_evidence.size(), where(c.other_evidence.front()));
}

std::string first_paragraph(const std::string& s) {
    auto p = s.find("\n\n");
    std::string first = p == std::string::npos ? s : s.substr(0, p);
    auto fence = first.find("```");
    if (fence != std::string::npos) first = first.substr(0, fence);
    return std::string(str::trim(first));
}

std::vector<std::string> files_to_touch(const ControlResult& c) {
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (const auto& e : c.evidence)
        if (!e.path.empty() && seen.insert(e.path).second) out.push_back(e.path);
    return out;
}

std::string effort_words(const std::string& e) {
    if (e == "S") return "S (under an hour)";
    if (e == "L") return "L (days)";
    return "M (under a day)";
}


std::string header(const AuditResult& r, std::string_view title) {
    std::string out;
    out += fmt::format("# {}: {}\n\n", title, r.project);
    out += fmt::format("**Date:** {}  \n**Criticality:** {}  \n**View:** {}  \n**Verdict:** {}\n\n",
                       r.generated_at.substr(0, 10), r.tier == Tier::hobby ? std::string("hobby") : fmt::format("Tier {}", to_string(r.tier).substr(4)),
                       r.framework_title.empty() ? r.framework : r.framework_title, decision_icon(r.verdict.decision));

    if (!r.target_url.empty()) out += fmt::format("**Live URL:** {}\n\n", r.target_url);
    if (!r.stage.empty() || !r.impact.empty() || !r.declared_dependencies.empty()) {
        out += "## Context\n\n";
        if (!r.stage.empty()) out += fmt::format("- **Deployment stage:** {}\n", r.stage);
        if (!r.impact.empty()) out += fmt::format("- **User-facing impact of a failure:** {}\n", r.impact);
        if (!r.declared_dependencies.empty())
            out += fmt::format("- **Dependencies (as declared):** {}\n", str::join(r.declared_dependencies, ", "));
        out += "\n";
    }
    out += "## Detected stack\n\n";
    out += fmt::format("| | |\n|---|---|\n| Languages | {} |\n| Package managers | {} |\n| Frameworks | {} |\n| Datastores | {} |\n| Providers | {} |\n| Deployment | {} |\n",
                       join_list(r.stack.languages), join_list(r.stack.package_managers), join_list(r.stack.frameworks),
                       join_list(r.stack.datastores), join_list(r.stack.providers), join_list(r.stack.deployment));
    if (r.services.size() > 1) {
        out += "\n**Services:**\n\n| Service | Path | Verdict | Frameworks |\n|---|---|---|---|\n";
        for (const auto& s : r.services)
            out += fmt::format("| {} | `{}` | {} | {} |\n", cell(s.name), s.path.empty() ? "." : s.path,
                               decision_icon(s.verdict.decision), cell(join_list(s.stack.frameworks)));
    }

    return out;
}

std::string trailer(const AuditResult& r) {
    std::string out;
    if (!r.waivers.empty() || !r.attestations.empty() || !r.config_file.empty()) {
        out += fmt::format("\n## Waivers and attestations\n\nFrom `{}`.\n", r.config_file.empty() ? ".gonogo.yml" : r.config_file);
        if (!r.waivers.empty()) {
            out += "\n| Control | Paths | Reason | Owner | Expires | State | Findings |\n|---|---|---|---|---|---|---|\n";
            for (const auto& w : r.waivers)
                out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", w.id,
                                   w.paths.empty() ? "(whole control)" : cell(fmt::format("`{}`", fmt::join(w.paths, "`, `"))),
                                   cell(w.reason), cell(w.owner.empty() ? "—" : w.owner), w.expires.empty() ? "—" : w.expires,
                                   w.state == "applied" ? "applied" : w.state == "expired" ? "**expired: fails again**"
                                                                   : w.state == "unmatched" ? "**matched nothing**"
                                                                                            : w.state,
                                   w.matched);
        }
        std::vector<const ControlResult*> waived;
        for (const auto& c : r.controls)
            if (!c.waived_evidence.empty() || c.status == Status::waived) waived.push_back(&c);
        if (!waived.empty()) {
            out += "\n**Waived findings** (accepted risks, still shown):\n\n";
            for (const auto* c : waived) {
                out += fmt::format("- **{} {}** ({}) — {}\n", c->id, c->title, to_string(c->severity), c->waiver);
                for (const auto& e : c->waived_evidence) out += fmt::format("  - `{}`{}\n", where(e), e.snippet.empty() ? "" : ": `" + e.snippet + "`");
            }
        }
        if (!r.attestations.empty()) {
            out += "\n| Control | Attested by | Date | Proof | State |\n|---|---|---|---|---|\n";
            for (const auto& a : r.attestations)
                out += fmt::format("| {} | {} | {} | {} | {} |\n", a.id, cell(a.by), a.date,
                                   cell(a.link.empty() ? a.note : a.link), a.state);
        }
    }
    if (!r.baseline_file.empty()) {
        std::size_t fresh = 0, same = 0;
        for (const auto& c : r.controls)
            for (const auto& e : c.evidence) {
                if (e.baseline == "new") ++fresh;
                if (e.baseline == "unchanged") ++same;
            }
        out += fmt::format("\n## Against the baseline\n\nCompared with `{}`: {} new, {} unchanged and {} fixed finding(s).\n",
                           r.baseline_file, fresh, same, r.fixed.size());
        for (const auto& f : r.fixed) out += fmt::format("- Fixed: **{}** `{}`\n", f.control, where(f.evidence));
    }

    out += "\n## What gonogo could not read\n\n";
    if (r.diagnostics.empty()) out += "Everything it walked was read.\n";
    else {
        std::size_t n = 0;
        for (const auto& d : r.diagnostics) {
            if (n++ == 50) {
                out += fmt::format("- … and {} more (see the JSON report)\n", r.diagnostics.size() - 50);
                break;
            }
            out += fmt::format("- `{}`: {}\n", d.path, d.message);
        }
    }
    out += fmt::format("\n---\n\n{} files seen, {} scanned ({} bytes), {} binary and {} over the size cap skipped, {} unreadable, {} ignored by .gitignore or excludes. gonogo {}.\n",
                       r.stats.files_seen, r.stats.files_scanned, r.stats.bytes_scanned, r.stats.skipped_binary,
                       r.stats.skipped_large, r.stats.skipped_unreadable, r.stats.ignored, r.tool_version);
    return out;
}

}  // namespace md

std::string markdown_001(const AuditResult& r) {
    using namespace md;
    std::string out = header(r, "Production Readiness Report");
    out += fmt::format("\n## Go / No-Go: {}\n\n", decision_icon(r.verdict.decision));
    for (const auto& j : r.verdict.justification) out += fmt::format("- {}\n", j);

    out += "\n## Traffic-light scorecard\n\n| Category | Light | Score | Blockers | Warnings |\n|---|---|---|---|---|\n";
    for (const auto& c : r.categories)
        out += fmt::format("| {} | {} | {:.1f}/{} | {} | {} |\n", c.name, light_icon(c.light), c.score, c.max, c.blockers, c.warnings);
    int blockers = 0, warnings = 0;
    for (const auto& c : r.categories) { blockers += c.blockers; warnings += c.warnings; }
    out += fmt::format("| **Total** | | **{:.1f}/{}** | **{}** | **{}** |\n", r.total_score, r.total_max, blockers, warnings);

    std::vector<const ControlResult*> fail_block, fail_warn, fail_rec, open_block;
    for (const auto& c : r.controls) {
        if (c.status == Status::fail) {
            if (c.severity == Severity::blocker) fail_block.push_back(&c);
            else if (c.severity == Severity::warning) fail_warn.push_back(&c);
            else if (c.severity == Severity::recommendation) fail_rec.push_back(&c);
        } else if (c.severity == Severity::blocker &&
                   (c.status == Status::unknown || c.status == Status::unverified || c.status == Status::error)) {
            open_block.push_back(&c);
        }
    }

    out += "\n## Blockers (must fix before launch)\n\n";
    if (fail_block.empty()) out += "None at this tier.\n";
    for (const auto* c : fail_block) {
        out += fmt::format("- **{} {}** — {}{}\n", c->id, c->title, c->message, c->relied_on_default ? " *(relied on a framework default)*" : "");
        evidence_lines(out, *c);
    }

    out += "\n## Risks and mitigations\n\n";
    if (fail_warn.empty() && open_block.empty()) out += "None found.\n";
    for (const auto* c : fail_warn) {
        out += fmt::format("- **{} {}** — {}\n", c->id, c->title, c->message);
        evidence_lines(out, *c, 3);
        out += fmt::format("  - *Mitigation:* {}\n", cell(first_paragraph(c->remediation)));
    }
    if (!open_block.empty()) {
        out += fmt::format("- **{} blocker(s) could not be decided by the tool** — confirm each by hand or attest it in `.gonogo.yml`:\n",
                           open_block.size());
        for (const auto* c : open_block) out += fmt::format("  - {} {} ({})\n", c->id, c->title, to_string(c->status));
    }

    out += "\n## Recommendations for week 1\n\n";
    if (fail_rec.empty()) out += "None.\n";
    for (const auto* c : fail_rec) {
        out += fmt::format("- **{} {}** — {}\n", c->id, c->title, c->message);
        evidence_lines(out, *c, 2);
    }

    out += "\n## Action items\n";
    auto items = [&](const char* title, const std::vector<const ControlResult*>& list) {
        out += fmt::format("\n### {}\n\n", title);
        if (list.empty()) {
            out += "None.\n";
            return;
        }
        for (const auto* c : list) {
            auto files = files_to_touch(*c);
            out += fmt::format("- [ ] **{}** {} — effort {}{}\n", c->id, c->title, effort_words(c->effort),
                               files.empty() ? "" : fmt::format("; files: {}", fmt::format("`{}`", fmt::join(files, "`, `"))));
        }
    };
    items("P0: must fix before production (blockers)", fail_block);
    items("P1: should fix soon (warnings)", fail_warn);
    items("P2: nice to have (recommendations)", fail_rec);

    out += "\n## Implementation guidance for the detected stack\n";
    std::vector<const ControlResult*> guide = fail_block;
    guide.insert(guide.end(), fail_warn.begin(), fail_warn.end());
    if (guide.empty()) out += "\nNothing to fix at this tier.\n";
    for (const auto* c : guide) {
        out += fmt::format("\n### {} {}\n\n{}\n", c->id, c->title, str::trim(c->remediation));
    }

    out += "\n## Category scores\n";
    for (const auto& cat : r.categories) {
        out += fmt::format("\n### {} ({:.1f}/{})\n\n| ID | Control | Status | Severity | Evidence |\n|---|---|---|---|---|\n", cat.name,
                           cat.score, cat.max);
        for (const auto& id : cat.controls) {
            const ControlResult* c = nullptr;
            for (const auto& x : r.controls)
                if (x.id == id) c = &x;
            if (!c) continue;
            std::string ev = c->evidence.empty() ? "" : fmt::format("`{}`", where(c->evidence.front()));
            if (c->evidence.size() > 1) ev += fmt::format(" +{}", c->evidence.size() - 1);
            out += fmt::format("| {} | {} | {} | {} | {}{} |\n", c->id, cell(c->title), status_icon(c->status),
                               to_string(c->severity), ev.empty() ? "" : ev + " ", cell(str::clip(c->message, 200)));
        }
    }

    out += trailer(r);
    return out;
}

}  // namespace gonogo::report
