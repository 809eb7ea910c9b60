// The runner: applies each control's probes to every service of the model,
// isolating each probe (an exception becomes an `error` outcome), combines the
// outcomes per control and service, and yields one ControlResult per
// catalogued control. It lives in checks/ (not core/) because it needs the
// RepoModel; see docs/architecture.md.
#pragma once
#include <vector>

#include "collect/model.hpp"
#include "core/audit_result.hpp"
#include "core/catalog.hpp"

namespace gonogo::checks {

// Combines several probes' outcomes: fail > error > unknown > pass > na.
Outcome combine(std::vector<Outcome> outcomes);

std::vector<ControlResult> run_controls(const Catalog& catalog, const collect::RepoModel& model, Tier tier,
                                        const std::vector<std::string>& only_categories = {});

}  // namespace gonogo::checks
