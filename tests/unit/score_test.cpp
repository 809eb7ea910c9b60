// Scorer tests: NO-GO on a failing blocker, CONDITIONAL GO on an undecided
// blocker, GO otherwise; weights, na leaving the denominator, lights.
#include <gtest/gtest.h>

#include "score/score.hpp"

using namespace gonogo;

namespace {

ControlResult ctl(std::string id, Status st, Severity sev) {
    ControlResult c;
    c.id = std::move(id);
    c.title = "t " + c.id;
    c.status = st;
    c.severity = sev;
    c.message = "m";
    return c;
}

Framework view() {
    Framework f;
    f.name = "v";
    f.max_per_category = 10;
    f.categories.push_back({"a", "A", {"A-01", "A-02", "A-03"}});
    return f;
}

}  // namespace

TEST(Score, FailingBlockerIsNoGoAndNamesTheControl) {
    auto s = score::evaluate(view(), {ctl("A-01", Status::fail, Severity::blocker), ctl("A-02", Status::pass, Severity::warning)});
    EXPECT_EQ(s.verdict.decision, Decision::no_go);
    ASSERT_EQ(s.verdict.deciding_controls.size(), 1u);
    EXPECT_EQ(s.verdict.deciding_controls[0], "A-01");
    EXPECT_EQ(s.categories[0].light, Light::red);
    EXPECT_EQ(s.categories[0].blockers, 1);
    EXPECT_DOUBLE_EQ(s.categories[0].score, 4.0);  // warning weight 2 of 5
}

TEST(Score, UndecidedBlockerIsConditional) {
    for (auto st : {Status::unknown, Status::unverified, Status::error}) {
        auto s = score::evaluate(view(), {ctl("A-01", st, Severity::blocker), ctl("A-02", Status::fail, Severity::warning)});
        EXPECT_EQ(s.verdict.decision, Decision::conditional_go) << to_string(st);
        EXPECT_EQ(s.categories[0].score, 0.0) << "unknown never counts as a pass";
    }
}

TEST(Score, GoWhenBlockersPassOrDoNotApply) {
    auto s = score::evaluate(view(), {ctl("A-01", Status::pass, Severity::blocker), ctl("A-02", Status::na, Severity::blocker),
                                      ctl("A-03", Status::fail, Severity::recommendation)});
    EXPECT_EQ(s.verdict.decision, Decision::go);
    EXPECT_DOUBLE_EQ(s.categories[0].score, 7.5);  // 3 of 4: na left the denominator
    EXPECT_EQ(s.categories[0].light, Light::amber);
}

TEST(Score, SkippedControlsDoNotCount) {
    auto s = score::evaluate(view(), {ctl("A-01", Status::fail, Severity::skip), ctl("A-02", Status::pass, Severity::warning)});
    EXPECT_EQ(s.verdict.decision, Decision::go);
    EXPECT_DOUBLE_EQ(s.categories[0].score, 10.0);
    EXPECT_EQ(s.categories[0].light, Light::green);
    EXPECT_EQ(s.max, 10);
}
