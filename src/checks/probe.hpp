// The probe interface. A probe is one atomic question about the model, a pure
// function of (RepoModel, service) in its own file, answering an Outcome.
// Each category module lists its probes and the textual signatures they need
// in sorted, explicit lists (no static self-registration).
#pragma once
#include <string_view>
#include <vector>

#include "collect/model.hpp"
#include "core/types.hpp"

namespace gonogo::checks {

struct ProbeContext {
    const collect::RepoModel& model;
    int service;  // index into model.services

    const collect::Service& svc() const { return model.services.at(static_cast<std::size_t>(service)); }
    // The service's files plus repository-level files.
    const std::vector<const collect::File*>& files() const { return model.files_of(service); }
    // Hits of a signature inside this service's files (or repository-level files).
    std::vector<const collect::Hit*> hits(std::string_view signature_id) const;
    // Evidence for a hit (masked snippet when `mask` is set).
    Evidence evidence(const collect::Hit& h, std::string note = {}) const;
};

using ProbeFn = Outcome (*)(const ProbeContext&);

struct ProbeDef {
    std::string_view id;  // "rel.health_route": <category>.<what>, matches the file name
    ProbeFn fn;
};

// Every probe of every category, sorted by id.
std::vector<ProbeDef> all_probes();
const ProbeDef* find_probe(std::string_view id);
// Every textual signature of every category, for the single-pass scanner.
std::vector<collect::Signature> all_signatures();

}  // namespace gonogo::checks
