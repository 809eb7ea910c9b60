// The security category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> security_probes() {
    return {};
}

std::vector<collect::Signature> security_signatures() {
    return {};
}

}  // namespace gonogo::checks
