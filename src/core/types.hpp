// The vocabulary every module shares: tiers, severities, probe statuses,
// evidence and the outcome a probe returns.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gonogo {

enum class Tier { tier0, tier1, tier2, hobby };
enum class Severity { blocker, warning, recommendation, skip };
// pass/fail/na/unknown/error come from probes; unverified is for attest-only
// controls without an attestation. waived (every failing finding is covered by
// a waiver in .gonogo.yml) and attested (a person vouched for an attest-mode
// control) are set by the tier policy only, never by a probe.
enum class Status { pass, fail, na, unknown, unverified, error, waived, attested };

std::string_view to_string(Tier t);
std::string_view to_string(Severity s);
std::string_view to_string(Status s);
std::optional<Tier> parse_tier(std::string_view s);        // "0", "tier0", "1", ... "hobby"
std::optional<Severity> parse_severity(std::string_view s);
std::optional<Status> parse_status(std::string_view s);

// Something a person can open: a file position with a snippet, or a URL with
// the response fact, or a measurement. Secrets are masked before they get here.
struct Evidence {
    std::string path;       // repository-relative path, or a URL for live evidence
    std::size_t line = 0;   // 1-based; 0 when not a file position
    std::size_t column = 0; // 1-based
    std::string snippet;    // short, masked
    std::string service;    // the service this belongs to ("" for the whole repository)
    std::string note;       // optional: what this piece of evidence shows
    // Content fingerprint (control, path, normalised matched line and its neighbours): stable when
    // code moves, used by baselines and SARIF partialFingerprints. Filled after the probes run.
    std::string fingerprint;
    std::string baseline;   // with --baseline: "new" or "unchanged"; "" otherwise
};

// What a probe answers. `message` says in one sentence what was found.
struct Outcome {
    Status status = Status::unknown;
    std::string message;
    std::vector<Evidence> evidence;
    bool relied_on_default = false;  // decided by a framework's safe default
    // Evidence that is not the service's own (tests, fixtures, examples, vendored code):
    // listed separately, never deciding the status.
    std::vector<Evidence> other_evidence;
};

Outcome pass(std::string message, std::vector<Evidence> evidence = {});
Outcome fail(std::string message, std::vector<Evidence> evidence);
Outcome na(std::string message);
Outcome unknown(std::string message, std::vector<Evidence> evidence = {});

}  // namespace gonogo
