// Renderer tests: the JSON contract round-trips, Markdown carries the seeds'
// sections and evidence, the terminal summary has no colour when asked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.hpp"

using namespace gonogo;

namespace {

AuditResult sample() {
    AuditResult r;
    r.tool_version = "0.1.0";
    r.project = "shop";
    r.generated_at = "2026-01-02T03:04:05Z";
    r.framework = "go-no-go";
    r.stack.frameworks = {"Express"};
    r.verdict = {Decision::no_go, {"1 blocker(s) fail at this tier.", "SEC-01 No hardcoded secrets: found"}, {"SEC-01"}};
    r.categories.push_back({"security", "Security", 4.5, 10, Light::red, 1, 0, 2, {"SEC-01"}});
    r.total_score = 4.5;
    r.total_max = 10;
    ControlResult c;
    c.id = "SEC-01";
    c.title = "No hardcoded secrets in code or config";
    c.category = "SEC";
    c.status = Status::fail;
    c.severity = Severity::blocker;
    c.message = "1 secret | found";
    c.evidence.push_back({"src/a.js", 3, 7, "const k = 'sk_live_****'", "shop", "", "", ""});
    c.remediation = "Move it to the environment.\n\n```js\nprocess.env.KEY\n```";
    c.effort = "S";
    r.controls.push_back(c);
    r.diagnostics.push_back({"big.bin", "skipped: over the cap"});
    return r;
}

}  // namespace

TEST(Report, JsonContractAndRoundTrip) {
    auto text = report::to_json(sample());
    auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["schema"], "gonogo.audit/v1");
    EXPECT_EQ(j["verdict"]["decision"], "NO_GO");
    EXPECT_EQ(j["controls"][0]["status"], "fail");
    EXPECT_EQ(j["controls"][0]["evidence"][0]["line"], 3);
    EXPECT_EQ(j["categories"][0]["light"], "red");
    EXPECT_EQ(j["diagnostics"][0]["path"], "big.bin");
    auto back = report::from_json(text);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(report::to_json(*back), text);
}

TEST(Report, JsonReaderRejectsOtherSchemas) {
    EXPECT_FALSE(report::from_json("{\"schema\":\"x/v9\"}").has_value());
    EXPECT_FALSE(report::from_json("not json").has_value());
}

TEST(Report, MarkdownHasTheSeedSections) {
    auto md = report::to_markdown(sample());
    for (const char* s : {"# Production Readiness Report: shop", "## Detected stack", "## Go / No-Go: ⛔ NO-GO",
                          "## Traffic-light scorecard", "## Blockers", "## Risks and mitigations",
                          "## Recommendations for week 1", "### P0: must fix before production", "## Implementation guidance",
                          "## Category scores", "## What gonogo could not read", "`src/a.js:3`", "1 secret \\| found",
                          "| **Total** | | **4.5/10**"})
        EXPECT_NE(md.find(s), std::string::npos) << s;
}

TEST(Report, TerminalWithoutColourHasNoEscapes) {
    auto t = report::to_terminal(sample(), false);
    EXPECT_EQ(t.find('\x1b'), std::string::npos);
    EXPECT_NE(t.find("Verdict: NO-GO"), std::string::npos);
    EXPECT_NE(report::to_terminal(sample(), true).find('\x1b'), std::string::npos);
}
