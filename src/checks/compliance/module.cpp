// The compliance category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> compliance_probes() {
    return {};
}

std::vector<collect::Signature> compliance_signatures() {
    return {};
}

}  // namespace gonogo::checks
