// The team's policy from .gonogo.yml applied to the control results before
// scoring: waivers (scoped by paths, with a reason, an owner and an expiry)
// and attestations of controls only a person can know.
#pragma once
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "core/config.hpp"

namespace gonogo::score {

struct PolicyOptions {
    std::string config_file;     // named in evidence and in the waiver/attestation lists
    std::string today;           // YYYY-MM-DD: a waiver expiring before today is expired
    bool allow_waivers = true;   // false: --disallow-waivers
};

struct PolicyUse {
    std::vector<WaiverUse> waivers;
    std::vector<AttestationUse> attestations;
};

// Waivers: the findings of a failing control whose paths match a waiver's globs move to
// waived_evidence; when none is left (or the waiver has no paths), the control is `waived`. A waived
// finding stays in every report. An expired waiver covers nothing: its findings fail again and the
// control's message says so. Attestations turn an `unverified` or `unknown` attest-mode control into
// `attested`, with the attestation as evidence; a failure gonogo found itself stands. Per-service
// statuses follow the same rules. Returns how each waiver and attestation was used.
PolicyUse apply_policy(std::vector<ControlResult>& controls, const std::vector<Waiver>& waivers,
                       const std::vector<Attestation>& attestations, const PolicyOptions& options);

}  // namespace gonogo::score
