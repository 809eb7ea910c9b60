// The observability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> observability_probes() {
    return {};
}

std::vector<collect::Signature> observability_signatures() {
    return {};
}

}  // namespace gonogo::checks
