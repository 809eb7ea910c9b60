// The reliability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> reliability_probes() {
    return {};
}

std::vector<collect::Signature> reliability_signatures() {
    return {};
}

}  // namespace gonogo::checks
