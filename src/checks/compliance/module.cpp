// The compliance category module: its probes and signatures, sorted and explicit.
#include "checks/compliance/data_probes.hpp"
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> compliance_probes() {
    return {
        {"comp.accessibility", &probe_comp_accessibility},
        {"comp.admin_audit_log", &probe_comp_admin_audit_log},
        {"comp.cookie_consent", &probe_comp_cookie_consent},
        {"comp.data_export_deletion", &probe_comp_data_export_deletion},
        {"comp.legal_pages", &probe_comp_legal_pages},
    };
}

std::vector<collect::Signature> compliance_signatures() {
    return {
        // axe in tests: @axe-core/playwright, jest-axe, cypress-axe, axe-core's run(), Python axe bindings.
        {"comp.axe-usage",
         R"((AxeBuilder|toHaveNoViolations|checkA11y|injectAxe|configureAxe|axe\.run\(|from\s+axe_playwright_python|from\s+axe_selenium_python|\baxe\(\s*(container|document|page|html)))",
         false, {}},
    };
}

}  // namespace gonogo::checks
