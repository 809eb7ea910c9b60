// Runner (see runner.hpp).
#include "checks/runner.hpp"

#include <exception>
#include <string_view>

#include <fmt/format.h>

#include "checks/probe.hpp"
#include "collect/stack.hpp"
#include "util/profile.hpp"

namespace gonogo::checks {
namespace {

int rank(Status s) {
    switch (s) {
        case Status::fail: return 5;
        case Status::error: return 4;
        case Status::unknown: return 3;
        case Status::unverified: return 2;
        case Status::pass: case Status::attested: return 1;
        case Status::na: return 0;
        case Status::waived: return 5;  // set after the probes run; ranked with fail
    }
    return 3;
}

// GONOGO_PROFILE=1 prints each probe's wall time to stderr when it ends (for tuning; off by default).
Outcome timed(const ProbeDef& p, const ProbeContext& ctx) {
    if (!profile::enabled()) return p.fn(ctx);
    profile::Timer t(fmt::format("probe {} (service {})", p.id, ctx.service));
    return p.fn(ctx);
}

Outcome run_one(const ProbeDef& p, const ProbeContext& ctx) {
    try {
        return timed(p, ctx);
    } catch (const std::exception& e) {
        return Outcome{Status::error, fmt::format("probe {} failed: {}", p.id, e.what()), {}, false, {}};
    } catch (...) {
        return Outcome{Status::error, fmt::format("probe {} failed", p.id), {}, false, {}};
    }
}

}  // namespace

Outcome combine(std::vector<Outcome> outcomes) {
    if (outcomes.empty()) return unknown("no probe answered");
    int worst = -1;
    for (const auto& o : outcomes) worst = std::max(worst, rank(o.status));
    Outcome out;
    for (auto& o : outcomes) {
        out.other_evidence.insert(out.other_evidence.end(), o.other_evidence.begin(), o.other_evidence.end());
        if (rank(o.status) != worst) continue;
        out.status = o.status;
        if (!out.message.empty() && !o.message.empty()) out.message += " ";
        out.message += o.message;
        out.evidence.insert(out.evidence.end(), o.evidence.begin(), o.evidence.end());
        out.relied_on_default = out.relied_on_default || o.relied_on_default;
    }
    return out;
}

std::vector<ControlResult> run_controls(const Catalog& catalog, const collect::RepoModel& model, Tier tier,
                                        const std::vector<std::string>& only_categories) {
    std::vector<ControlResult> results;
    auto repo_stack = collect::summarize(model, -1);
    bool several = model.services.size() > 1;
    for (const auto& c : catalog.controls()) {
        if (!only_categories.empty() &&
            std::find(only_categories.begin(), only_categories.end(), c.category) == only_categories.end())
            continue;
        ControlResult r = result_skeleton(c, tier, repo_stack.remediation_keys);
        if (c.probes.empty()) {
            if (c.attest_only()) {
                r.status = Status::unverified;
                r.message = "Only a person can know this: add an attestation for " + c.id + " to .gonogo.yml.";
            } else if (!c.has_mode("static")) {
                r.status = Status::unknown;
                r.message = "Decided at run time (" + fmt::format("{}", fmt::join(c.modes, ", ")) +
                            "): not measured by a static audit.";
            } else {
                r.status = Status::unknown;
                r.message = "Not automated yet: check it by hand.";
            }
            results.push_back(std::move(r));
            continue;
        }
        r.automated = true;
        std::vector<Outcome> per_service;
        for (std::size_t s = 0; s < model.services.size(); ++s) {
            ProbeContext ctx{model, static_cast<int>(s)};
            std::vector<Outcome> outs;
            for (const auto& pid : c.probes) {
                const auto* p = find_probe(pid);
                if (!p) {
                    outs.push_back(Outcome{Status::error, fmt::format("probe {} is not registered", pid), {}, false, {}});
                    continue;
                }
                outs.push_back(run_one(*p, ctx));
            }
            auto o = combine(std::move(outs));
            const auto& name = model.services[s].name;
            for (auto& e : o.evidence) e.service = name;
            for (auto& e : o.other_evidence) e.service = name;
            r.services.push_back({name, o.status, o.message});
            per_service.push_back(std::move(o));
        }
        auto all = combine(per_service);
        // Evidence and messages from repository-level files repeat per service: keep each once.
        std::vector<Evidence> uniq;
        for (auto& e : all.evidence) {
            bool dup = false;
            for (auto& u : uniq)
                if (u.path == e.path && u.line == e.line && u.column == e.column) {
                    dup = true;
                    if (u.service != e.service && !e.service.empty()) u.service.clear();
                }
            if (!dup) uniq.push_back(e);
        }
        r.status = all.status;
        r.evidence = std::move(uniq);
        r.other_evidence = std::move(all.other_evidence);
        r.relied_on_default = all.relied_on_default;
        if (several) {
            std::vector<std::string> parts;
            for (const auto& ss : r.services)
                if (ss.status == r.status) parts.push_back(fmt::format("{}: {}", ss.service, ss.message));
            r.message = fmt::format("{}", fmt::join(parts, " "));
        } else {
            r.message = per_service.empty() ? "" : per_service.front().message;
        }
        if (!several) r.services.clear();
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace gonogo::checks
