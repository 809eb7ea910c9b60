// Audit history: every audit appends its scorecard and its failing blockers to
// .gonogo/history.sqlite (Debian's SQLite), so `gonogo history` can show each
// category's trend and which blockers opened and closed between runs. A
// corrupt or locked database is an error for the caller to report; it never
// touches the reports.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "util/result.hpp"

namespace gonogo::store {

struct HistoryRun {
    std::int64_t id = 0;
    std::string at;        // generated_at of the audit
    std::string project;
    std::string tier;
    std::string framework;
    std::string decision;  // GO, CONDITIONAL_GO, NO_GO
    std::string commit;
    double total = 0;
    int max = 0;
    std::vector<CategoryScore> categories;  // id, name, score, max, light, blockers, warnings
    std::vector<std::string> blockers;      // failing blocker ids, sorted
};

// The history file of a repository: <root>/.gonogo/history.sqlite.
std::filesystem::path history_path(const std::filesystem::path& root);

// Appends one run. Waits up to `busy_ms` for a lock held by another process, then fails naming it.
Result<void> record(const std::filesystem::path& db, const AuditResult& r, int busy_ms = 2000);

// The last `limit` runs of `project` with the same framework view, oldest first.
Result<std::vector<HistoryRun>> load(const std::filesystem::path& db, const std::string& project,
                                     const std::string& framework, std::size_t limit = 10, int busy_ms = 2000);

}  // namespace gonogo::store
