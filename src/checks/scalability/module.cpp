// The scalability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> scalability_probes() {
    return {};
}

std::vector<collect::Signature> scalability_signatures() {
    return {};
}

}  // namespace gonogo::checks
