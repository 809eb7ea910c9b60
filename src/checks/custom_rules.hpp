// Custom pattern rules from .gonogo.yml: turned into scanner signatures (so they
// run in the same single pass as every built-in signature) and their hits into
// control results of their own, in the category of the control they belong to.
#pragma once
#include <vector>

#include "collect/model.hpp"
#include "core/audit_result.hpp"
#include "core/catalog.hpp"
#include "core/config.hpp"

namespace gonogo::checks {

// Signature id of a custom rule's pattern: "custom.<rule id>".
std::string custom_signature_id(const CustomRule& rule);

std::vector<collect::Signature> custom_signatures(const std::vector<CustomRule>& rules);

// One result per rule: fail with every match in the service's own files (matches in tests, fixtures
// and vendored code are listed apart), pass when none. Rules under SEC-01 mask what they matched.
std::vector<ControlResult> run_custom_rules(const Catalog& catalog, const collect::RepoModel& model,
                                            const std::vector<CustomRule>& rules, Tier tier);

}  // namespace gonogo::checks
