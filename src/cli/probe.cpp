// The probe command (see probe.hpp).
#include "cli/probe.hpp"

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "live/probes.hpp"
#include "score/policy.hpp"
#include "score/score.hpp"
#include "store/fingerprint.hpp"
#include "util/time.hpp"

namespace gonogo::cli {

Result<AuditResult> run_probe(const ProbeOptions& o) {
    const auto& catalog = Catalog::embedded();
    const auto* framework = catalog.framework(o.framework);
    if (!framework) return fail(fmt::format("unknown framework '{}'", o.framework), "--framework");
    auto url = live::parse_url(o.live.url);
    if (!url) return fail("not an http:// or https:// URL", o.live.url);
    live::Session s(o.live);
    AuditResult r;
    r.tool_version = GONOGO_VERSION;
    r.target_url = o.live.url;
    r.project = o.config.service ? *o.config.service : url->host;
    r.generated_at = timeutil::now_iso8601();
    r.tier = o.tier;
    r.framework = framework->name;
    r.framework_title = framework->title;
    r.config_file = o.config.file;
    r.slo = o.config.slo;
    r.impact = o.config.impact;
    r.stage = o.config.stage;
    r.declared_dependencies = o.config.dependencies;
    r.controls = live::run_live(catalog, s, o.tier);
    store::fingerprint_all(r.controls, [](const Evidence&) { return std::vector<std::string_view>{}; });
    score::PolicyOptions po{r.config_file.empty() ? ".gonogo.yml" : r.config_file, timeutil::today(), o.allow_waivers};
    auto used = score::apply_policy(r.controls, o.config.waivers, o.config.attestations, po);
    r.waivers = std::move(used.waivers);
    r.attestations = std::move(used.attestations);
    auto scored = score::evaluate(*framework, r.controls);
    r.categories = scored.categories;
    r.total_score = scored.total;
    r.total_max = scored.max;
    r.verdict = scored.verdict;
    r.diagnostics = s.take_diagnostics();
    return r;
}

}  // namespace gonogo::cli
