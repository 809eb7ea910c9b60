// Renderers: each turns one AuditResult into one format. They compute nothing
// about the repository and never change a score; they only arrange and word.
#pragma once
#include <string>

#include "core/audit_result.hpp"
#include "util/result.hpp"

namespace gonogo::report {

// JSON contract gonogo.audit/v1 (docs/json-contract.md).
std::string to_json(const AuditResult& r);
// Reads a saved JSON result back (for re-rendering).
Result<AuditResult> from_json(const std::string& text);

// Markdown in the seeds' shape (default framework view of seed 001).
std::string to_markdown(const AuditResult& r);

// SARIF 2.1.0 (code scanning): one rule per control, one result per failing finding.
std::string to_sarif(const AuditResult& r);

// JUnit XML (CI test reports): one testsuite per category, one testcase per control.
std::string to_junit(const AuditResult& r);

// Terminal summary; colour when `colour` is set.
std::string to_terminal(const AuditResult& r, bool colour);

}  // namespace gonogo::report
