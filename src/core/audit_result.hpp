// AuditResult: the one immutable result of an audit that every renderer reads.
// Built by the runner and the scorer; renderers never compute anything from the
// repository or change a score.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/types.hpp"

namespace gonogo {

inline constexpr const char* k_result_schema = "gonogo.audit/v1";

enum class Decision { go, conditional_go, no_go };
std::string_view to_string(Decision d);         // GO, CONDITIONAL_GO, NO_GO
std::string_view to_display(Decision d);        // GO, CONDITIONAL GO, NO-GO

enum class Light { green, amber, red };
std::string_view to_string(Light l);

// The detected stack in plain words, e.g. frameworks {"Next.js (app router)", "Prisma"}.
struct StackSummary {
    std::vector<std::string> languages;
    std::vector<std::string> package_managers;
    std::vector<std::string> frameworks;
    std::vector<std::string> datastores;
    std::vector<std::string> providers;
    std::vector<std::string> deployment;
    std::vector<std::string> remediation_keys;  // catalog remediation keys, most specific first
};

// One service's status for a control.
struct ServiceStatus {
    std::string service;
    Status status = Status::unknown;
    std::string message;
};

struct ControlResult {
    std::string id;
    std::string title;
    std::string category;       // REL, OBS, ...
    Status status = Status::unknown;
    Severity severity = Severity::skip;  // for the audit's tier
    std::string message;
    bool relied_on_default = false;
    bool automated = false;     // false: no probe yet ("not automated yet")
    std::vector<Evidence> evidence;
    std::vector<Evidence> other_evidence;  // tests, fixtures, examples, vendored: listed, not deciding
    std::vector<ServiceStatus> services;   // per-service detail when the repo has several
    std::string effort;                    // S, M, L
    std::string remediation;               // for the detected stack
    std::vector<Evidence> waived_evidence; // findings covered by a waiver: still shown, not deciding
    std::string waiver;                    // the waiver that covered findings, in words ("" when none)
    std::string belongs_to;                // custom rules (.gonogo.yml): the catalogue control they belong to
};

// A waiver from .gonogo.yml as the audit used it. state: applied (covered at least one finding),
// unmatched (covered nothing: the finding is fixed or the paths are wrong), expired (past its date:
// its findings fail again), disallowed (--disallow-waivers).
struct WaiverUse {
    std::string id;
    std::vector<std::string> paths;
    std::string reason;
    std::string owner;
    std::string expires;   // YYYY-MM-DD, "" for none
    std::string source;    // .gonogo.yml:LINE
    std::string state;
    std::size_t matched = 0;  // findings it covered (or would have, when expired)
};

// An attestation from .gonogo.yml. state: applied (the control is attested), contradicted (gonogo
// found a failure itself: the failure stands), superseded (gonogo decided the control itself).
struct AttestationUse {
    std::string id;
    std::string by;
    std::string date;
    std::string link;
    std::string note;
    std::string source;
    std::string state;
};

// With --baseline: a finding of the previous result that is gone now.
struct FixedFinding {
    std::string control;
    Evidence evidence;
};

struct CategoryScore {
    std::string id;
    std::string name;
    double score = 0;   // 0..max, one decimal
    int max = 10;
    Light light = Light::green;
    int blockers = 0;   // failing blockers
    int warnings = 0;   // failing warnings
    int decided = 0;    // controls that counted (not na/skip)
    std::vector<std::string> controls;
};

struct Verdict {
    Decision decision = Decision::conditional_go;
    std::vector<std::string> justification;
    std::vector<std::string> deciding_controls;
};

struct Diagnostic {
    std::string path;
    std::string message;
};

struct ScanStats {
    std::uint64_t files_seen = 0;
    std::uint64_t files_scanned = 0;
    std::uint64_t bytes_scanned = 0;
    std::uint64_t skipped_binary = 0;
    std::uint64_t skipped_large = 0;
    std::uint64_t skipped_unreadable = 0;
    std::uint64_t ignored = 0;        // by .gitignore / excludes
    std::uint64_t parsed = 0;         // files given to a structural parser
    std::uint64_t not_kept_memory = 0;  // scanned, but not kept for probes: over the memory ceiling
    std::uint64_t duration_ms = 0;
};

struct ServiceResult {
    std::string name;
    std::string path;  // relative to the target
    StackSummary stack;
    Verdict verdict;
    std::vector<CategoryScore> categories;
};

struct AuditResult {
    std::string schema = k_result_schema;
    std::string tool_name = "gonogo";
    std::string tool_version;
    std::string target_path;     // the audited folder ("" for `gonogo probe` alone)
    std::string target_url;      // the running service probed live ("" when none)
    std::string target_commit;
    std::string project;         // service or directory name
    std::string generated_at;    // ISO-8601 UTC
    Tier tier = Tier::tier1;
    std::string framework;       // framework view name
    std::string framework_title;
    StackSummary stack;
    std::vector<ServiceResult> services;
    Verdict verdict;
    std::vector<CategoryScore> categories;
    double total_score = 0;
    int total_max = 0;
    std::vector<ControlResult> controls;  // one per catalogued control
    std::vector<Diagnostic> diagnostics;
    ScanStats stats;
    std::string config_file;                   // the .gonogo.yml used, "" for none
    SloTargets slo;                            // from the config: reports do the SLA arithmetic with it
    std::string impact;                        // from the config (seed 003's questions): impact of a failure
    std::string stage;                         // deployment stage
    std::vector<std::string> declared_dependencies;  // dependencies as the team names them
    std::vector<WaiverUse> waivers;
    std::vector<AttestationUse> attestations;
    std::string baseline_file;                 // with --baseline
    std::vector<FixedFinding> fixed;           // with --baseline: findings no longer present
};

}  // namespace gonogo
