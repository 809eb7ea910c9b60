// Custom rules (see custom_rules.hpp). Path globs and keywords are applied to
// the hits after the scan: Hyperscan's names filter only sees base names.
#include "checks/custom_rules.hpp"

#include <fmt/format.h>

#include "util/glob.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

std::string custom_signature_id(const CustomRule& rule) { return "custom." + rule.id; }

std::vector<collect::Signature> custom_signatures(const std::vector<CustomRule>& rules) {
    std::vector<collect::Signature> out;
    for (const auto& r : rules) out.emplace_back(custom_signature_id(r), r.regex, r.caseless);
    return out;
}

std::vector<ControlResult> run_custom_rules(const Catalog& catalog, const collect::RepoModel& model,
                                            const std::vector<CustomRule>& rules, Tier tier) {
    std::vector<ControlResult> out;
    for (const auto& rule : rules) {
        const Control* parent = catalog.find(rule.control);
        ControlResult r;
        r.id = rule.id;
        r.title = rule.title;
        r.category = parent ? parent->category : "";
        r.belongs_to = rule.control;
        r.severity = rule.severity.count(tier) ? rule.severity.at(tier) : Severity::warning;
        r.automated = true;
        r.effort = "S";
        r.remediation = rule.message;
        bool secret = rule.control == "SEC-01";
        for (const auto* h : model.hits_for(custom_signature_id(rule))) {
            const auto& f = model.file_at(h->file);
            if (!rule.paths.empty() && !glob::covers(rule.paths, f.path)) continue;
            if (!rule.keywords.empty()) {
                bool any = false;
                for (const auto& k : rule.keywords)
                    any = any || (rule.caseless ? str::icontains(h->line_text, k) : str::contains(h->line_text, k));
                if (!any) continue;
            }
            Evidence e;
            e.path = f.path;
            e.line = h->line;
            e.column = h->column;
            std::string line = std::string(str::trim(h->line_text));
            if (secret && !h->match.empty()) {
                auto at = line.find(h->match);
                if (at != std::string::npos) line.replace(at, h->match.size(), str::mask(h->match));
            }
            e.snippet = str::clip(line, 160);
            e.service = f.service >= 0 ? model.services[static_cast<std::size_t>(f.service)].name : "";
            if (model.services.size() == 1) e.service = model.services[0].name;
            (f.is_own() ? r.evidence : r.other_evidence).push_back(std::move(e));
        }
        if (!r.evidence.empty()) {
            r.status = Status::fail;
            r.message = fmt::format("{} ({} match{} of custom rule {}).", rule.message, r.evidence.size(),
                                    r.evidence.size() == 1 ? "" : "es", rule.id);
        } else {
            r.status = Status::pass;
            r.message = fmt::format("Custom rule {} matches nothing in the service's own files{}.", rule.id,
                                    r.other_evidence.empty() ? ""
                                                             : fmt::format(" ({} match(es) in tests, fixtures or vendored code)",
                                                                           r.other_evidence.size()));
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace gonogo::checks
