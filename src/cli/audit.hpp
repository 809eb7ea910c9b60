// The audit command: builds the model, runs the controls category by category
// with a checkpoint after each, scores, and assembles the AuditResult.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "core/catalog.hpp"
#include "core/config.hpp"
#include "live/session.hpp"
#include "util/result.hpp"

namespace gonogo::cli {

struct AuditOptions {
    std::filesystem::path path = ".";
    Tier tier = Tier::tier1;
    std::string framework = "go-no-go";
    std::vector<std::string> exclude;
    std::size_t max_file_bytes = 2 * 1024 * 1024;
    std::size_t max_memory_mib = 2048;  // ceiling for text and syntax trees kept for probes
    unsigned threads = 0;
    bool resume = false;
    bool progress = false;
    Config config;               // .gonogo.yml (already merged with flags): services, include, rules, waivers...
    bool allow_waivers = true;   // false: --disallow-waivers
    std::string baseline;        // --baseline: a saved JSON result to compare with
    live::LiveOptions live;      // --url: probe the running service too (live.url empty: static only)
};

Result<AuditResult> run_audit(const AuditOptions& opts);

// Checkpoint location for a project: <root>/.gonogo/checkpoints/<project>-production-readiness.md
std::filesystem::path checkpoint_path(const std::filesystem::path& root, const std::string& project);

}  // namespace gonogo::cli
