// The load category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> load_probes() {
    return {};
}

std::vector<collect::Signature> load_signatures() {
    return {};
}

}  // namespace gonogo::checks
