// Waivers and attestations (see policy.hpp). Paths use gitignore glob semantics;
// a pattern naming a folder ("scripts/" or "scripts") also covers what is below it.
#include "score/policy.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/glob.hpp"

namespace gonogo::score {
namespace {

std::string describe(const Waiver& w, const std::string& source) {
    std::string s = fmt::format("waived by {}: {}", source, w.reason);
    std::vector<std::string> extra;
    if (!w.owner.empty()) extra.push_back("owner " + w.owner);
    if (!w.expires.empty()) extra.push_back("expires " + w.expires);
    if (!extra.empty()) s += fmt::format(" ({})", fmt::join(extra, ", "));
    return s;
}

bool undecided(Status s) { return s == Status::unknown || s == Status::unverified; }

}  // namespace

PolicyUse apply_policy(std::vector<ControlResult>& controls, const std::vector<Waiver>& waivers,
                       const std::vector<Attestation>& attestations, const PolicyOptions& o) {
    PolicyUse use;
    auto find = [&](const std::string& id) -> ControlResult* {
        for (auto& c : controls)
            if (c.id == id) return &c;
        return nullptr;
    };
    for (const auto& w : waivers) {
        WaiverUse u{w.id, w.paths, w.reason, w.owner, w.expires, fmt::format("{}:{}", o.config_file, w.line), "", 0};
        ControlResult* c = find(w.id);
        bool whole = w.paths.empty();
        bool expired = !w.expires.empty() && w.expires < o.today;
        bool failing = c && (c->status == Status::fail || c->status == Status::waived);
        if (failing && c->status == Status::fail) {
            for (const auto& e : c->evidence)
                if (whole || glob::covers(w.paths, e.path)) ++u.matched;
            if (whole && c->evidence.empty()) u.matched = 1;  // a failure without a file: the control itself
        }
        if (expired) {
            u.state = "expired";
            if (u.matched)
                c->message += fmt::format(" The waiver at {} expired on {} ({}): its {} finding(s) fail again.", u.source,
                                          w.expires, w.reason, u.matched);
        } else if (!o.allow_waivers) {
            u.state = "disallowed";
            if (u.matched)
                c->message += fmt::format(" The waiver at {} was not applied (--disallow-waivers).", u.source);
        } else if (u.matched == 0) {
            u.state = "unmatched";
        } else {
            u.state = "applied";
            std::vector<Evidence> keep;
            std::size_t moved = 0;
            for (auto& e : c->evidence) {
                if (whole || glob::covers(w.paths, e.path)) {
                    e.note = e.note.empty() ? describe(w, u.source) : e.note + "; " + describe(w, u.source);
                    c->waived_evidence.push_back(std::move(e));
                    ++moved;
                } else {
                    keep.push_back(std::move(e));
                }
            }
            c->evidence = std::move(keep);
            c->waiver = c->waiver.empty() ? describe(w, u.source) : c->waiver + "; " + describe(w, u.source);
            if (c->evidence.empty()) {
                c->status = Status::waived;
                c->message = fmt::format("{} ({})", c->message, describe(w, u.source));
            } else {
                c->message += fmt::format(" {} finding(s) {}.", moved, describe(w, u.source));
            }
        }
        use.waivers.push_back(std::move(u));
    }
    // Per-service statuses: a service is waived when none of its own findings is left.
    for (auto& c : controls) {
        if (c.waived_evidence.empty() && c.status != Status::waived) continue;
        for (auto& ss : c.services) {
            if (ss.status != Status::fail) continue;
            bool left = std::any_of(c.evidence.begin(), c.evidence.end(),
                                    [&](const Evidence& e) { return e.service == ss.service || e.service.empty(); });
            bool waived = c.status == Status::waived ||
                          std::any_of(c.waived_evidence.begin(), c.waived_evidence.end(),
                                      [&](const Evidence& e) { return e.service == ss.service; });
            if (!left && waived) ss.status = Status::waived;
        }
    }
    for (const auto& a : attestations) {
        AttestationUse u{a.id, a.by, a.date, a.link, a.note, fmt::format("{}:{}", o.config_file, a.line), ""};
        ControlResult* c = find(a.id);
        if (!c) {
            u.state = "unmatched";
        } else if (undecided(c->status) || c->status == Status::attested) {
            u.state = "applied";
            c->status = Status::attested;
            c->message = fmt::format("Attested by {} on {}{}.", a.by, a.date, a.note.empty() ? "" : ": " + a.note);
            c->evidence.push_back(Evidence{o.config_file, a.line, 1, a.link.empty() ? a.note : a.link, "",
                                           fmt::format("attestation by {} on {}", a.by, a.date), "", ""});
            for (auto& ss : c->services)
                if (undecided(ss.status)) ss.status = Status::attested;
        } else if (c->status == Status::fail) {
            u.state = "contradicted";
            c->message += fmt::format(" An attestation by {} on {} is on file ({}), but gonogo found the failure above.",
                                      a.by, a.date, u.source);
        } else {
            u.state = "superseded";
        }
        use.attestations.push_back(std::move(u));
    }
    return use;
}

}  // namespace gonogo::score
