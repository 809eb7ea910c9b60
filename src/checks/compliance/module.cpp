// The compliance category module: its probes and signatures, sorted and explicit.
#include "checks/compliance/data_probes.hpp"
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> compliance_probes() {
    return {
        {"comp.cookie_consent", &probe_comp_cookie_consent},
        {"comp.legal_pages", &probe_comp_legal_pages},
    };
}

std::vector<collect::Signature> compliance_signatures() {
    return {};
}

}  // namespace gonogo::checks
