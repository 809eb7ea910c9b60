// The scalability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"
#include "checks/scalability/deploy_probes.hpp"
#include "checks/scalability/web_probes.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> scalability_probes() {
    return {
        {"sca.autoscaling", &probe_sca_autoscaling},
        {"sca.container_resources", &probe_sca_container_resources},
        {"sca.rate_limiting", &probe_sca_rate_limiting},
    };
}

std::vector<collect::Signature> scalability_signatures() {
    return {
        {"sca.rate-limit", R"(rate.?limit|throttl|limiter|limit_req|limit-rps|limit-rpm|limit-connections|tollbooth|httprate|slowapi)", true, {}},
        {"sca.rate-limit-iac", R"(rate_based_statement\s*\{|throttling_rate_limit\s*=|throttle_settings\s*\{|name:\s*rate-limiting)", false, {}},
    };
}

}  // namespace gonogo::checks
