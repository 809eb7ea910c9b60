// Writing the rendered reports: which formats, where, and the terminal summary.
#pragma once
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "util/result.hpp"

namespace gonogo::cli {

struct OutputOptions {
    std::vector<std::string> formats;  // md, json, sarif, junit, html, terminal; default md + terminal
    std::string output;                // one file, for a single format
    std::string output_dir;            // default: <repo>/reports
    bool quiet = false;
};

// Writes every requested format; prints the terminal summary and the
// "📄 Report saved to:" line for the Markdown report.
Result<void> write_outputs(const AuditResult& r, const OutputOptions& o, const std::string& repo_root);

}  // namespace gonogo::cli
