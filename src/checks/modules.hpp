// The category modules: each returns its probes and signatures in a sorted,
// explicit list. One module file per folder under src/checks/.
#pragma once
#include <vector>

#include "checks/probe.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> reliability_probes();
std::vector<ProbeDef> observability_probes();
std::vector<ProbeDef> scalability_probes();
std::vector<ProbeDef> security_probes();
std::vector<ProbeDef> disaster_recovery_probes();
std::vector<ProbeDef> performance_probes();
std::vector<ProbeDef> operations_probes();
std::vector<ProbeDef> load_probes();
std::vector<ProbeDef> compliance_probes();

std::vector<collect::Signature> reliability_signatures();
std::vector<collect::Signature> observability_signatures();
std::vector<collect::Signature> scalability_signatures();
std::vector<collect::Signature> security_signatures();
std::vector<collect::Signature> disaster_recovery_signatures();
std::vector<collect::Signature> performance_signatures();
std::vector<collect::Signature> operations_signatures();
std::vector<collect::Signature> load_signatures();
std::vector<collect::Signature> compliance_signatures();

}  // namespace gonogo::checks
