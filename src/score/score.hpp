// Tier policy: control statuses (already carrying their tier severity) ->
// category scores in a framework view -> the verdict. Weights come from the
// severities in the catalog; the scorer never looks at the repository.
#pragma once
#include <vector>

#include "core/audit_result.hpp"
#include "core/catalog.hpp"

namespace gonogo::score {

struct Scored {
    std::vector<CategoryScore> categories;
    double total = 0;
    int max = 0;
    Verdict verdict;
};

// Weight of a severity in a category score: blocker 3, warning 2, recommendation 1, skip 0.
int weight(Severity s);
// Credit of a status: pass and attested 1; fail, waived, unknown, unverified, error 0; na leaves the
// denominator. A waived blocker does not decide the verdict but is named in its justification.
Scored evaluate(const Framework& framework, const std::vector<ControlResult>& controls);
// The verdict alone (NO-GO on a failing blocker; CONDITIONAL GO on an undecided blocker).
Verdict decide(const std::vector<ControlResult>& controls);

}  // namespace gonogo::score
