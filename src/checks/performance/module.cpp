// The performance category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> performance_probes() {
    return {};
}

std::vector<collect::Signature> performance_signatures() {
    return {};
}

}  // namespace gonogo::checks
