// ProbeContext helpers and the list of all probes and signatures, assembled
// from each category module's explicit lists (see probe.hpp).
#include "checks/probe.hpp"

#include <algorithm>

#include "checks/modules.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

std::vector<const collect::Hit*> ProbeContext::hits(std::string_view signature_id) const {
    std::vector<const collect::Hit*> out;
    for (const auto* h : model.hits_for(signature_id)) {
        int s = model.files[h->file].service;
        if (s == service || s == -1) out.push_back(h);
    }
    return out;
}

Evidence ProbeContext::evidence(const collect::Hit& h, std::string note) const {
    Evidence e;
    e.path = model.files[h.file].path;
    e.line = h.line;
    e.column = h.column;
    e.snippet = str::clip(str::trim(h.line_text), 160);
    e.note = std::move(note);
    return e;
}

std::vector<ProbeDef> all_probes() {
    std::vector<ProbeDef> out;
    for (const auto& list : {reliability_probes(), observability_probes(), scalability_probes(), security_probes(),
                             disaster_recovery_probes(), performance_probes(), operations_probes(), load_probes(),
                             compliance_probes()})
        out.insert(out.end(), list.begin(), list.end());
    std::sort(out.begin(), out.end(), [](const ProbeDef& a, const ProbeDef& b) { return a.id < b.id; });
    return out;
}

const ProbeDef* find_probe(std::string_view id) {
    static const std::vector<ProbeDef> k_all = all_probes();
    for (const auto& p : k_all)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<collect::Signature> all_signatures() {
    std::vector<collect::Signature> out;
    for (const auto& list : {reliability_signatures(), observability_signatures(), scalability_signatures(),
                             security_signatures(), disaster_recovery_signatures(), performance_signatures(),
                             operations_signatures(), load_signatures(), compliance_signatures()})
        out.insert(out.end(), list.begin(), list.end());
    return out;
}

}  // namespace gonogo::checks
