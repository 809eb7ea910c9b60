// Markdown in the shape of each seed document, chosen by the framework view:
//   domains (000)         Critical Issues / High Priority Improvements / Recommended
//                         Enhancements, then implementation guidance for the stack;
//   pre-deployment (002)  a checklist, [x] where the control passes, [ ] with the reason
//                         otherwise, and the SLA arithmetic (uptime target -> allowed downtime);
//   hobby (003)           PASS / WARN / FAIL per category and the review block that
//                         --append-review adds to a reviews file;
//   priority (004)        Critical / High / Medium / Low;
//   any other view        seed 001's report (markdown.cpp).
// Only the controls of the view's categories are listed; the verdict is always the
// whole audit's.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "report/markdown_parts.hpp"
#include "report/report.hpp"
#include "util/strings.hpp"

namespace gonogo::report {
namespace {

using namespace md;

bool decided_ok(Status s) { return s == Status::pass || s == Status::attested || s == Status::na; }
bool undecided(Status s) { return s == Status::unknown || s == Status::unverified || s == Status::error; }

// The view's controls, category by category, as they appear in the result.
std::vector<std::pair<const CategoryScore*, std::vector<const ControlResult*>>> by_category(const AuditResult& r) {
    std::map<std::string, const ControlResult*, std::less<>> idx;
    for (const auto& c : r.controls) idx[c.id] = &c;
    std::vector<std::pair<const CategoryScore*, std::vector<const ControlResult*>>> out;
    for (const auto& cat : r.categories) {
        std::vector<const ControlResult*> list;
        for (const auto& id : cat.controls)
            if (auto it = idx.find(id); it != idx.end()) list.push_back(it->second);
        out.emplace_back(&cat, std::move(list));
    }
    return out;
}

std::string verdict_section(const AuditResult& r) {
    std::string out = fmt::format("\n## Go / No-Go: {}\n\n", decision_icon(r.verdict.decision));
    for (const auto& j : r.verdict.justification) out += fmt::format("- {}\n", j);
    return out;
}

std::string scorecard(const AuditResult& r, std::string_view first_column) {
    std::string out = fmt::format("\n| {} | Light | Score | Blockers | Warnings |\n|---|---|---|---|---|\n", first_column);
    for (const auto& c : r.categories)
        out += fmt::format("| {} | {} | {:.1f}/{} | {} | {} |\n", c.name, light_icon(c.light), c.score, c.max, c.blockers, c.warnings);
    return out;
}

std::string item(const ControlResult& c, std::string_view where_in_view) {
    std::string out = fmt::format("- **{} {}**{} — {}{}\n", c.id, c.title,
                                  where_in_view.empty() ? "" : fmt::format(" ({})", where_in_view), c.message,
                                  c.relied_on_default ? " *(relied on a framework default)*" : "");
    evidence_lines(out, c, 3);
    return out;
}

// ---- seed 000 -------------------------------------------------------------------------------

std::string markdown_000(const AuditResult& r) {
    std::string out = header(r, "Production Readiness Audit");
    out += verdict_section(r);
    out += "\n## Domains\n" + scorecard(r, "Domain");
    auto groups = by_category(r);
    std::vector<std::pair<const ControlResult*, std::string>> critical, high, recommended, open;
    for (const auto& [cat, list] : groups)
        for (const auto* c : list) {
            if (c->status == Status::fail) {
                if (c->severity == Severity::blocker) critical.emplace_back(c, cat->name);
                else if (c->severity == Severity::warning) high.emplace_back(c, cat->name);
                else if (c->severity == Severity::recommendation) recommended.emplace_back(c, cat->name);
            } else if (undecided(c->status) && c->severity != Severity::skip) {
                open.emplace_back(c, cat->name);
            }
        }
    auto section = [&](const char* title, const auto& list, const char* none) {
        out += fmt::format("\n## {}\n\n", title);
        if (list.empty()) out += std::string(none) + "\n";
        for (const auto& [c, cat] : list) out += item(*c, cat);
    };
    section("Critical Issues (must fix before launch)", critical, "None at this tier.");
    section("High Priority Improvements (should fix before launch)", high, "None.");
    section("Recommended Enhancements (can implement post-launch)", recommended, "None.");
    if (!open.empty()) {
        out += "\n## Not decided by the tool (confirm by hand or attest in `.gonogo.yml`)\n\n";
        for (const auto& [c, cat] : open) out += fmt::format("- {} {} ({}): {}\n", c->id, c->title, cat, to_string(c->status));
    }
    out += "\n## Implementation Guidance\n";
    std::size_t n = 0;
    for (const auto* list : {&critical, &high})
        for (const auto& [c, cat] : *list) {
            ++n;
            out += fmt::format("\n### {} {}\n\n{}\n", c->id, c->title, str::trim(c->remediation));
        }
    if (n == 0) out += "\nNothing to fix at this tier.\n";
    out += trailer(r);
    return out;
}

// ---- seed 002 -------------------------------------------------------------------------------

std::string hours_minutes(double hours) {
    if (hours >= 1) return fmt::format("{:.2f} hours", hours);
    return fmt::format("{:.1f} minutes", hours * 60);
}

// Seed 002's arithmetic: a month of 730 hours (8,760 / 12), the uptime target's share of it, and
// what is left for downtime, per month and per day.
std::string sla_section(const AuditResult& r) {
    std::string out = "\n## SLA Verification\n\n### Uptime SLA\n\n";
    if (!r.slo.availability) {
        out += "No availability target in `.gonogo.yml` (`slo.availability`). For reference, over a 730-hour month:\n\n"
               "| Target | Allowed downtime per month | per day |\n|---|---|---|\n";
        for (double a : {99.0, 99.5, 99.9, 99.95, 99.99}) {
            double down = 730.0 * (100.0 - a) / 100.0;
            out += fmt::format("| {}% | {} | {} |\n", a, hours_minutes(down), hours_minutes(down / (730.0 / 24.0)));
        }
    } else {
        double a = *r.slo.availability;
        double up = 730.0 * a / 100.0;
        double down = 730.0 - up;
        out += fmt::format("```\nTarget: {}% monthly uptime\nAllowed downtime: {} per month ({} per day)\n\n"
                           "Monthly calculation:\n- Hours in month: 730\n- {}% uptime: {:.2f} hours\n- Downtime allowed: {} per month\n```\n",
                           a, hours_minutes(down), hours_minutes(down / (730.0 / 24.0)), a, up, hours_minutes(down));
    }
    std::vector<std::string> targets;
    if (r.slo.p95_ms) targets.push_back(fmt::format("p95 latency < {} ms", *r.slo.p95_ms));
    if (r.slo.p99_ms) targets.push_back(fmt::format("p99 latency < {} ms", *r.slo.p99_ms));
    if (r.slo.error_rate) targets.push_back(fmt::format("error rate < {}%", *r.slo.error_rate));
    if (r.slo.rps) targets.push_back(fmt::format("sustained {} requests/s", *r.slo.rps));
    out += "\n### Latency and error-rate SLA\n\n";
    out += targets.empty() ? "No latency or error-rate targets in `.gonogo.yml` (`slo.p95_ms`, `slo.p99_ms`, `slo.error_rate`).\n"
                           : fmt::format("Targets: {}. A load test (`gonogo load`) measures them; a static audit does not.\n",
                                         fmt::join(targets, "; "));
    return out;
}

std::string markdown_002(const AuditResult& r) {
    std::string out = header(r, "Production Readiness Guide");
    out += verdict_section(r);
    out += "\n## Pre-Deployment Checklist\n";
    std::size_t checked = 0, total = 0;
    for (const auto& [cat, list] : by_category(r)) {
        bool all = true;
        std::string items;
        for (const auto* c : list) {
            if (c->severity == Severity::skip) continue;
            ++total;
            bool ok = decided_ok(c->status);
            checked += ok;
            all = all && ok;
            items += fmt::format("- [{}] **{}** {} — {}: {}\n", ok ? "x" : " ", c->id, c->title, status_icon(c->status),
                                 str::clip(c->message, 300));
            if (c->status == Status::fail && !c->evidence.empty())
                items += fmt::format("  - `{}`{}\n", where(c->evidence.front()),
                                     c->evidence.front().snippet.empty() ? "" : ": `" + c->evidence.front().snippet + "`");
        }
        out += fmt::format("\n### {} {}\n\n{}", cat->name, all ? "✅" : "⚠️", items.empty() ? "Nothing required at this tier.\n" : items);
    }
    out += fmt::format("\n**{} of {} items checked.** An unchecked item fails, was not decided by the tool, or is waived; "
                       "each says which.\n",
                       checked, total);
    out += sla_section(r);
    out += trailer(r);
    return out;
}

// ---- seed 003, hobby ------------------------------------------------------------------------

// ✅ decided and fine; ❌ a failing blocker; ⚠️ anything else that needs a look.
std::string_view mark(const ControlResult& c) {
    if (decided_ok(c.status)) return "✅";
    if (c.status == Status::fail && c.severity == Severity::blocker) return "❌";
    return "⚠️";
}

std::string review_block(const AuditResult& r) {
    std::string out = fmt::format("---\n\n# Production Readiness: {}\n\n**Date:** {}\n**Feature:** {}\n**Scope:** {}\n",
                                  r.project, r.generated_at.substr(0, 10), r.project,
                                  r.tier == Tier::hobby ? "Hobby/side project deployment"
                                                        : fmt::format("Tier {} deployment", to_string(r.tier).substr(4)));
    std::vector<std::string> blockers, warnings;
    bool any_warn = false;
    int n = 0;
    for (const auto& [cat, list] : by_category(r)) {
        out += fmt::format("\n## {}. {}\n\n", ++n, cat->name);
        bool fail = false, warn = false;
        std::vector<std::string> notes;
        for (const auto* c : list) {
            if (c->severity == Severity::skip) continue;
            auto m = mark(*c);
            out += fmt::format("- [{}] {} {}\n", m, c->id, c->title);
            if (m == "❌") {
                fail = true;
                blockers.push_back(fmt::format("{} {}", c->id, c->title));
                notes.push_back(fmt::format("{}: {}", c->id, str::clip(c->message, 200)));
            } else if (m == "⚠️") {
                warn = true;
                warnings.push_back(fmt::format("{} {} ({})", c->id, c->title, to_string(c->status)));
                if (c->status == Status::fail) notes.push_back(fmt::format("{}: {}", c->id, str::clip(c->message, 200)));
            }
        }
        any_warn = any_warn || warn;
        out += fmt::format("\n**Status:** {}\n**Notes:** {}\n", fail ? "FAIL" : warn ? "WARN" : "PASS",
                           notes.empty() ? "None." : fmt::format("{}", fmt::join(notes, " ")));
    }
    const char* overall = r.verdict.decision == Decision::no_go ? "NOT READY"
                          : (r.verdict.decision == Decision::go && !any_warn) ? "READY"
                                                                               : "NEEDS WORK";
    out += fmt::format("\n---\n\n## Summary\n\n**Overall Status:** {}\n\n**Blockers:** {}\n\n**Warnings:** {}\n\n**Next Steps:** {}\n",
                       overall, blockers.empty() ? "None" : fmt::format("{}", fmt::join(blockers, "; ")),
                       warnings.empty() ? "None" : fmt::format("{}", fmt::join(warnings, "; ")),
                       blockers.empty() ? "Deploy" : "Fix blockers and re-evaluate");
    return out;
}

std::string markdown_hobby(const AuditResult& r) {
    std::string out = header(r, "Production Readiness (hobby)");
    out += verdict_section(r);
    out += "\n## Scorecard\n" + scorecard(r, "Category");
    out += "\n" + review_block(r);
    out += trailer(r);
    return out;
}

// ---- seed 004 -------------------------------------------------------------------------------

std::string markdown_004(const AuditResult& r) {
    std::string out = header(r, "Production Readiness Checklist");
    out += verdict_section(r);
    out += "\n## Priority Assessment\n";
    std::vector<const ControlResult*> gaps;
    for (const auto& [cat, list] : by_category(r)) {
        out += fmt::format("\n**{}:**\n\n", cat->name);
        std::size_t shown = 0;
        for (const auto* c : list) {
            if (c->severity == Severity::skip) continue;
            ++shown;
            bool ok = decided_ok(c->status);
            out += fmt::format("- [{}] {} {} — {}\n", ok ? "x" : " ", c->id, c->title, status_icon(c->status));
            if (c->status == Status::fail) gaps.push_back(c);
        }
        if (!shown) out += "- nothing required at this tier\n";
    }
    out += "\n## Gaps, by priority\n\n";
    if (gaps.empty()) out += "None.\n";
    for (const auto* c : gaps) {
        out += item(*c, to_string(c->severity));
        out += fmt::format("  - *Fix:* {}\n", cell(first_paragraph(c->remediation)));
    }
    out += trailer(r);
    return out;
}

}  // namespace

std::string to_markdown(const AuditResult& r) {
    if (r.framework == "domains") return markdown_000(r);
    if (r.framework == "pre-deployment") return markdown_002(r);
    if (r.framework == "hobby") return markdown_hobby(r);
    if (r.framework == "priority") return markdown_004(r);
    return markdown_001(r);
}

std::string to_review_block(const AuditResult& r) { return review_block(r); }

}  // namespace gonogo::report
