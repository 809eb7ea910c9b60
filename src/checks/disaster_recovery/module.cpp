// The disaster recovery category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> disaster_recovery_probes() {
    return {};
}

std::vector<collect::Signature> disaster_recovery_signatures() {
    return {};
}

}  // namespace gonogo::checks
