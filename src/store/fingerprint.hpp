// Content fingerprints of findings: what a finding is, independent of where
// the file moved it. Used by baselines (new / unchanged / fixed) and by SARIF
// partialFingerprints.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_result.hpp"

namespace gonogo::store {

// Whitespace collapsed and trimmed: indentation and re-wrapping do not change a finding.
std::string normalise(std::string_view line);

// 16 hex digits of FNV-1a 64 over the control id, the path, and the normalised matched line with
// its neighbours (`context`: the lines before, at and after the finding; empty when not a file
// position, then the snippet and note are used). For a live finding (the path is a URL) the numbers
// in its snippet and note are left out: a measured time or size differs on every run, the finding not.
std::string fingerprint(std::string_view control, const Evidence& e, const std::vector<std::string_view>& context);

// Gives each piece of evidence of each control its fingerprint, numbering repeats ("hash:2") so that
// two identical findings in one file stay two. `context_of` returns the context lines of a piece of
// evidence (may be empty).
template <class ContextOf>
void fingerprint_all(std::vector<ControlResult>& controls, ContextOf&& context_of);

// Marks each finding of `current` new or unchanged against `previous` (same control and fingerprint)
// and returns the previous findings that are gone. Only failing findings count: evidence of a
// control that passes is not a finding.
std::vector<FixedFinding> compare(std::vector<ControlResult>& current, const std::vector<ControlResult>& previous);

// --new-only: a copy of `controls` in which a failing control none of whose findings is new counts as
// waived-by-baseline (status waived, reason "present in the baseline"), so that only new findings
// decide the verdict and the exit code.
std::vector<ControlResult> only_new(const std::vector<ControlResult>& controls);

template <class ContextOf>
void fingerprint_all(std::vector<ControlResult>& controls, ContextOf&& context_of) {
    for (auto& c : controls) {
        std::vector<std::string> seen;
        auto number = [&](Evidence& e) {
            std::size_t n = 1;
            for (const auto& s : seen) n += s == e.fingerprint;
            seen.push_back(e.fingerprint);
            e.fingerprint += ":" + std::to_string(n);
        };
        for (auto* list : {&c.evidence, &c.other_evidence, &c.waived_evidence})
            for (auto& e : *list) {
                e.fingerprint = fingerprint(c.id, e, context_of(e));
                number(e);
            }
    }
}

}  // namespace gonogo::store
