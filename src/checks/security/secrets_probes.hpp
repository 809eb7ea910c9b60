// Secrets and configuration probes (group secrets): hardcoded secrets (SEC-01),
// committed env files and their ignore rule (SEC-02), configuration validated
// at startup (SEC-04), lockfiles and dependency update automation (SEC-22).
#pragma once
#include "checks/probe.hpp"

namespace gonogo::checks {

Outcome probe_sec_committed_env_files(const ProbeContext& ctx);
Outcome probe_sec_dependency_updates(const ProbeContext& ctx);
Outcome probe_sec_env_gitignored(const ProbeContext& ctx);
Outcome probe_sec_env_validated(const ProbeContext& ctx);
Outcome probe_sec_hardcoded_secrets(const ProbeContext& ctx);
Outcome probe_sec_lockfiles(const ProbeContext& ctx);

}  // namespace gonogo::checks
