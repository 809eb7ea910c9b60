// Scoring and verdict (see score.hpp). A category's score is the weighted
// share of its applicable controls that pass, out of the framework's max; its
// light is red on a failing blocker, amber on a failing warning or an
// undecided blocker, and never green below 8/10.
#include "score/score.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

namespace gonogo::score {

int weight(Severity s) {
    switch (s) {
        case Severity::blocker: return 3;
        case Severity::warning: return 2;
        case Severity::recommendation: return 1;
        case Severity::skip: return 0;
    }
    return 0;
}

namespace {
bool undecided(Status s) { return s == Status::unknown || s == Status::unverified || s == Status::error; }
}  // namespace

Verdict decide(const std::vector<ControlResult>& controls) {
    Verdict v;
    std::vector<const ControlResult*> failing, open, waived;
    for (const auto& c : controls) {
        if (c.severity != Severity::blocker) continue;
        if (c.status == Status::fail) failing.push_back(&c);
        else if (undecided(c.status)) open.push_back(&c);
        else if (c.status == Status::waived) waived.push_back(&c);
    }
    if (!failing.empty()) {
        v.decision = Decision::no_go;
        v.justification.push_back(fmt::format("{} blocker(s) fail at this tier.", failing.size()));
        for (const auto* c : failing) {
            v.justification.push_back(fmt::format("{} {}: {}", c->id, c->title, c->message));
            v.deciding_controls.push_back(c->id);
        }
    } else if (!open.empty()) {
        v.decision = Decision::conditional_go;
        v.justification.push_back(fmt::format(
            "No blocker fails, but {} blocker(s) could not be decided and must be confirmed by hand or by attestation.",
            open.size()));
        for (const auto* c : open) {
            v.justification.push_back(fmt::format("{} {}: {}", c->id, c->title, to_string(c->status)));
            v.deciding_controls.push_back(c->id);
        }
    } else {
        v.decision = Decision::go;
        v.justification.push_back(waived.empty() ? "Every blocker at this tier passes or does not apply."
                                                 : "Every blocker at this tier passes, does not apply or is waived.");
    }
    // A waived blocker never decides the verdict, but it is always named beside it.
    for (const auto* c : waived)
        v.justification.push_back(fmt::format("{} {} is a waived blocker: {}", c->id, c->title, c->waiver));
    return v;
}

Scored evaluate(const Framework& framework, const std::vector<ControlResult>& controls) {
    std::map<std::string, const ControlResult*, std::less<>> by_id;
    std::multimap<std::string, const ControlResult*, std::less<>> custom;  // custom rules by the control they belong to
    for (const auto& c : controls) {
        by_id[c.id] = &c;
        if (!c.belongs_to.empty()) custom.emplace(c.belongs_to, &c);
    }
    Scored out;
    for (const auto& fc : framework.categories) {
        CategoryScore cs;
        cs.id = fc.id;
        cs.name = fc.name;
        cs.max = framework.max_per_category;
        std::vector<const ControlResult*> members;
        for (const auto& id : fc.controls) {
            if (auto it = by_id.find(id); it != by_id.end()) members.push_back(it->second);
            cs.controls.push_back(id);
            for (auto [b, e] = custom.equal_range(id); b != e; ++b) {
                members.push_back(b->second);
                cs.controls.push_back(b->second->id);
            }
        }
        int num = 0, den = 0;
        bool undecided_blocker = false;
        for (const auto* member : members) {
            const auto& c = *member;
            int w = weight(c.severity);
            if (w == 0 || c.status == Status::na) continue;
            ++cs.decided;
            den += w;
            if (c.status == Status::pass || c.status == Status::attested) num += w;
            if (c.status == Status::fail && c.severity == Severity::blocker) ++cs.blockers;
            if (c.status == Status::fail && c.severity == Severity::warning) ++cs.warnings;
            if (c.severity == Severity::blocker && undecided(c.status)) undecided_blocker = true;
        }
        cs.score = den ? std::round(10.0 * cs.max * num / den) / 10.0 : cs.max;
        if (cs.blockers > 0 || cs.score < 0.5 * cs.max) cs.light = Light::red;
        else if (cs.warnings > 0 || undecided_blocker || cs.score < 0.8 * cs.max) cs.light = Light::amber;
        else cs.light = Light::green;
        out.total += cs.score;
        out.max += cs.max;
        out.categories.push_back(std::move(cs));
    }
    out.total = std::round(out.total * 10.0) / 10.0;
    out.verdict = decide(controls);
    return out;
}

}  // namespace gonogo::score
