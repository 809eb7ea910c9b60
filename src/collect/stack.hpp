// Stack detection: dependencies from manifests (package.json, go.mod,
// requirements*.txt, pyproject.toml, Pipfile), the services of a monorepo,
// each service's frameworks, datastores and providers, and how the repository
// is deployed.
#pragma once
#include "collect/model.hpp"

namespace gonogo::collect {

// Fills dependencies, services (with frameworks/datastores/providers),
// File::service and deployment. Needs kept file texts (and JSON for package.json).
// `configured` (name, folder) services from .gonogo.yml replace the detected ones; each carries the
// dependencies of the manifests inside its folder.
void detect_stack(RepoModel& model, const std::vector<std::pair<std::string, std::string>>& configured = {});

// The stack in plain words, for reports; service -1 = the whole repository.
StackSummary summarize(const RepoModel& model, int service);

}  // namespace gonogo::collect
