// Renderers: each turns one AuditResult into one format. They compute nothing
// about the repository and never change a score; they only arrange and word.
#pragma once
#include <string>

#include "core/audit_result.hpp"
#include "store/history.hpp"
#include "util/result.hpp"

namespace gonogo::report {

// JSON contract gonogo.audit/v1 (docs/json-contract.md).
std::string to_json(const AuditResult& r);
// Reads a saved JSON result back (for re-rendering).
Result<AuditResult> from_json(const std::string& text);

// Markdown in the shape of the result's framework view: seed 001 (go-no-go, prod-readiness),
// 000 (domains), 002 (pre-deployment), 003 hobby (hobby), 004 (priority).
std::string to_markdown(const AuditResult& r);

// Seed 003's review block (PASS / WARN / FAIL per category and a summary), for --append-review.
std::string to_review_block(const AuditResult& r);

// SARIF 2.1.0 (code scanning): one rule per control, one result per failing finding.
std::string to_sarif(const AuditResult& r);

// JUnit XML (CI test reports): one testsuite per category, one testcase per control.
std::string to_junit(const AuditResult& r);

// One self-contained HTML page (no network): verdict, scorecard, chart, filterable controls.
std::string to_html(const AuditResult& r);

// `gonogo history`: category trends, verdicts per run, blockers opened and closed.
std::string to_history(const std::vector<store::HistoryRun>& runs);

// Terminal summary; colour when `colour` is set.
std::string to_terminal(const AuditResult& r, bool colour);

}  // namespace gonogo::report
