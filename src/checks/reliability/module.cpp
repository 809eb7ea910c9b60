// The reliability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"
#include "checks/reliability/deploy_probes.hpp"
#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/telemetry_probes.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> reliability_probes() {
    return {
        {"rel.call_timeouts", &probe_rel_call_timeouts},
        {"rel.disruption_budget", &probe_rel_disruption_budget},
        {"rel.graceful_shutdown", &probe_rel_graceful_shutdown},
        {"rel.health_dependencies", &probe_rel_health_dependencies},
        {"rel.health_route", &probe_rel_health_route},
        {"rel.send_retries", &probe_rel_send_retries},
        {"rel.startup_readiness", &probe_rel_startup_readiness},
        {"rel.supervisor_restart", &probe_rel_supervisor_restart},
        {"rel.write_transactions", &probe_rel_write_transactions},
    };
}

std::vector<collect::Signature> reliability_signatures() {
    return {
        {"rel.sigterm-handler", R"(process\.(on|once)\(\s*['"]SIG(TERM|INT)|signal\.Notify)", false, {collect::FileKind::test, collect::FileKind::vendored}},
    };
}

}  // namespace gonogo::checks
