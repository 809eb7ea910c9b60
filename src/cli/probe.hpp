// The probe command: live checks of a running service (src/live/) turned into
// the same AuditResult as the static audit, with the team's waivers and
// attestations applied and the same scoring.
#pragma once
#include <string>

#include "core/audit_result.hpp"
#include "core/config.hpp"
#include "live/session.hpp"
#include "util/result.hpp"

namespace gonogo::cli {

struct ProbeOptions {
    live::LiveOptions live;
    Tier tier = Tier::tier1;
    std::string framework = "go-no-go";
    Config config;
    bool allow_waivers = true;
};

Result<AuditResult> run_probe(const ProbeOptions& o);

}  // namespace gonogo::cli
