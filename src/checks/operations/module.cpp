// The operations category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> operations_probes() {
    return {};
}

std::vector<collect::Signature> operations_signatures() {
    return {};
}

}  // namespace gonogo::checks
