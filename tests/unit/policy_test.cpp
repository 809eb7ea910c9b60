// The tier policy from .gonogo.yml (waivers, attestations), its effect on the
// verdict and scores, and baseline fingerprints that survive code moving.
#include <gtest/gtest.h>

#include "score/policy.hpp"
#include "score/score.hpp"
#include "store/fingerprint.hpp"

using namespace gonogo;

namespace {

Evidence ev(std::string path, std::size_t line, std::string service = "") {
    Evidence e;
    e.path = std::move(path);
    e.line = line;
    e.column = 1;
    e.service = std::move(service);
    return e;
}

ControlResult failing(std::string id, std::vector<Evidence> evidence, Severity sev = Severity::blocker) {
    ControlResult c;
    c.id = std::move(id);
    c.title = "t";
    c.category = c.id.substr(0, c.id.find('-'));
    c.status = Status::fail;
    c.severity = sev;
    c.message = "found it.";
    c.evidence = std::move(evidence);
    return c;
}

Waiver waiver(std::string id, std::vector<std::string> paths, std::string expires = "", std::size_t line = 3) {
    Waiver w;
    w.id = std::move(id);
    w.paths = std::move(paths);
    w.reason = "accepted";
    w.owner = "alice";
    w.expires = std::move(expires);
    w.line = line;
    return w;
}

const score::PolicyOptions k_opts{".gonogo.yml", "2026-11-22", true};

}  // namespace

TEST(Policy, WaiverOverEveryFindingWaivesTheControlAndKeepsTheFindings) {
    std::vector<ControlResult> cs{failing("SEC-09", {ev("scripts/seed.ts", 4), ev("scripts/x/y.ts", 9)})};
    auto used = score::apply_policy(cs, {waiver("SEC-09", {"scripts/"})}, {}, k_opts);
    EXPECT_EQ(cs[0].status, Status::waived);
    EXPECT_TRUE(cs[0].evidence.empty());
    ASSERT_EQ(cs[0].waived_evidence.size(), 2u) << "waived findings stay visible";
    EXPECT_NE(cs[0].waiver.find("waived by .gonogo.yml:3: accepted (owner alice)"), std::string::npos) << cs[0].waiver;
    ASSERT_EQ(used.waivers.size(), 1u);
    EXPECT_EQ(used.waivers[0].state, "applied");
    EXPECT_EQ(used.waivers[0].matched, 2u);
    auto v = score::decide(cs);
    EXPECT_EQ(v.decision, Decision::go) << "a waived blocker does not decide";
    ASSERT_EQ(v.justification.size(), 2u);
    EXPECT_NE(v.justification[1].find("SEC-09 t is a waived blocker"), std::string::npos) << "but it is named";
}

TEST(Policy, WaiverOverSomeFindingsLeavesTheControlFailing) {
    std::vector<ControlResult> cs{failing("SEC-09", {ev("scripts/seed.ts", 4), ev("src/api.ts", 9)})};
    score::apply_policy(cs, {waiver("SEC-09", {"scripts/**"})}, {}, k_opts);
    EXPECT_EQ(cs[0].status, Status::fail);
    ASSERT_EQ(cs[0].evidence.size(), 1u);
    EXPECT_EQ(cs[0].evidence[0].path, "src/api.ts");
    EXPECT_EQ(cs[0].waived_evidence.size(), 1u);
    EXPECT_NE(cs[0].message.find("1 finding(s) waived by .gonogo.yml:3"), std::string::npos) << cs[0].message;
    EXPECT_EQ(score::decide(cs).decision, Decision::no_go);
}

TEST(Policy, ExpiredWaiverFailsAgainAndSaysSo) {
    std::vector<ControlResult> cs{failing("SEC-09", {ev("scripts/seed.ts", 4)})};
    auto used = score::apply_policy(cs, {waiver("SEC-09", {}, "2026-11-21")}, {}, k_opts);
    EXPECT_EQ(cs[0].status, Status::fail);
    EXPECT_EQ(used.waivers[0].state, "expired");
    EXPECT_NE(cs[0].message.find("expired on 2026-11-21"), std::string::npos) << cs[0].message;
    // Expiring today still holds.
    std::vector<ControlResult> cs2{failing("SEC-09", {ev("scripts/seed.ts", 4)})};
    score::apply_policy(cs2, {waiver("SEC-09", {}, "2026-11-22")}, {}, k_opts);
    EXPECT_EQ(cs2[0].status, Status::waived);
}

TEST(Policy, UnmatchedAndDisallowedWaiversAreReported) {
    std::vector<ControlResult> cs{failing("SEC-09", {ev("src/api.ts", 4)})};
    ControlResult ok = failing("REL-01", {});
    ok.status = Status::pass;
    cs.push_back(ok);
    auto used = score::apply_policy(cs, {waiver("SEC-09", {"scripts/**"}), waiver("REL-01", {})}, {}, k_opts);
    EXPECT_EQ(used.waivers[0].state, "unmatched");
    EXPECT_EQ(used.waivers[1].state, "unmatched") << "a waiver of a passing control covers nothing";
    EXPECT_EQ(cs[0].status, Status::fail);

    std::vector<ControlResult> cs2{failing("SEC-09", {ev("src/api.ts", 4)})};
    auto opts = k_opts;
    opts.allow_waivers = false;
    auto used2 = score::apply_policy(cs2, {waiver("SEC-09", {})}, {}, opts);
    EXPECT_EQ(used2.waivers[0].state, "disallowed");
    EXPECT_EQ(cs2[0].status, Status::fail);
    EXPECT_NE(cs2[0].message.find("--disallow-waivers"), std::string::npos);
}

TEST(Policy, WaiverWithoutPathsCoversAFailureWithoutEvidence) {
    std::vector<ControlResult> cs{failing("OBS-07", {})};
    auto used = score::apply_policy(cs, {waiver("OBS-07", {})}, {}, k_opts);
    EXPECT_EQ(cs[0].status, Status::waived);
    EXPECT_EQ(used.waivers[0].matched, 1u);
}

TEST(Policy, ServicesAreWaivedOnlyWhenTheirOwnFindingsAreCovered) {
    auto c = failing("SEC-09", {ev("apps/api/db.ts", 4, "api"), ev("apps/web/q.ts", 7, "web")});
    c.services = {{"api", Status::fail, "a"}, {"web", Status::fail, "w"}};
    std::vector<ControlResult> cs{c};
    score::apply_policy(cs, {waiver("SEC-09", {"apps/api/**"})}, {}, k_opts);
    EXPECT_EQ(cs[0].status, Status::fail);
    EXPECT_EQ(cs[0].services[0].status, Status::waived);
    EXPECT_EQ(cs[0].services[1].status, Status::fail);
}

TEST(Policy, AttestationsDecideOnlyWhatTheToolCouldNot) {
    ControlResult dpa;
    dpa.id = "COMP-10";
    dpa.status = Status::unverified;
    dpa.severity = Severity::blocker;
    ControlResult backups = failing("DR-01", {ev("k8s/db.yaml", 3)});
    ControlResult pass = failing("OBS-13", {});
    pass.status = Status::pass;
    std::vector<ControlResult> cs{dpa, backups, pass};
    Attestation a{"COMP-10", "bob", "2026-10-01", "https://wiki/dpa", "", 12};
    Attestation b{"DR-01", "bob", "2026-10-01", "", "restore drill", 17};
    Attestation c{"OBS-13", "bob", "2026-10-01", "", "pingdom", 20};
    auto used = score::apply_policy(cs, {}, {a, b, c}, k_opts);
    EXPECT_EQ(cs[0].status, Status::attested);
    EXPECT_EQ(cs[0].message, "Attested by bob on 2026-10-01.");
    ASSERT_EQ(cs[0].evidence.size(), 1u);
    EXPECT_EQ(cs[0].evidence[0].path, ".gonogo.yml");
    EXPECT_EQ(cs[0].evidence[0].line, 12u);
    EXPECT_EQ(cs[0].evidence[0].snippet, "https://wiki/dpa");
    EXPECT_EQ(used.attestations[0].state, "applied");
    EXPECT_EQ(cs[1].status, Status::fail) << "a failure gonogo found itself stands";
    EXPECT_EQ(used.attestations[1].state, "contradicted");
    EXPECT_EQ(used.attestations[2].state, "superseded");
    // Attested counts as decided: the blocker no longer holds the verdict at CONDITIONAL GO.
    std::vector<ControlResult> only{cs[0]};
    EXPECT_EQ(score::decide(only).decision, Decision::go);
}

TEST(Score, WaivedEarnsNoCreditAttestedDoes) {
    Framework f;
    f.name = "t";
    f.categories = {{"X", "X", {"A-01", "A-02"}}};
    ControlResult a = failing("A-01", {});
    a.status = Status::waived;
    ControlResult b = failing("A-02", {});
    b.status = Status::attested;
    auto s = score::evaluate(f, {a, b});
    ASSERT_EQ(s.categories.size(), 1u);
    EXPECT_DOUBLE_EQ(s.categories[0].score, 5.0);
    EXPECT_EQ(s.categories[0].blockers, 0);
}

TEST(Score, CustomRulesCountInTheCategoryOfTheirControl) {
    Framework f;
    f.name = "t";
    f.categories = {{"OBS", "Observability", {"OBS-01"}}};
    ControlResult base = failing("OBS-01", {});
    base.status = Status::pass;
    ControlResult rule = failing("ACME-01", {ev("src/a.ts", 1)}, Severity::warning);
    rule.belongs_to = "OBS-01";
    auto s = score::evaluate(f, {base, rule});
    EXPECT_EQ(s.categories[0].controls, (std::vector<std::string>{"OBS-01", "ACME-01"}));
    EXPECT_EQ(s.categories[0].warnings, 1);
    EXPECT_DOUBLE_EQ(s.categories[0].score, 6.0);  // blocker 3 of 3+2
}

TEST(Fingerprint, SurvivesMovesAndReindentationButNotAChangedLine) {
    Evidence e = ev("src/a.ts", 10);
    auto a = store::fingerprint("SEC-01", e, {"const x = 1;", "  const key = 'sk_live_x';", "}"});
    e.line = 40;
    auto b = store::fingerprint("SEC-01", e, {"const x = 1;", "\tconst   key = 'sk_live_x';", "}"});
    EXPECT_EQ(a, b);
    auto c = store::fingerprint("SEC-01", e, {"const x = 1;", "const key = 'sk_live_y';", "}"});
    EXPECT_NE(a, c);
    EXPECT_NE(a, store::fingerprint("SEC-02", e, {"const x = 1;", "const key = 'sk_live_x';", "}"}));
    EXPECT_EQ(a.size(), 16u);
}

// A live finding's measured numbers change from run to run; its words do not.
TEST(Fingerprint, LiveFindingsIgnoreMeasuredNumbers) {
    Evidence e;
    e.path = "https://shop.example/health";
    e.snippet = "GET /health -> 200 in 412 ms";
    e.note = "p95 TTFB 1830 ms over 10 requests";
    auto a = store::fingerprint("PERF-09", e, {});
    e.snippet = "GET /health -> 200 in 398 ms";
    e.note = "p95 TTFB 2210 ms over 10 requests";
    EXPECT_EQ(a, store::fingerprint("PERF-09", e, {}));
    e.note = "p95 TTFB 2210 ms over 10 requests, 2 failed";
    EXPECT_NE(a, store::fingerprint("PERF-09", e, {})) << "different words are a different finding";
    Evidence file = ev("src/a.ts", 3);
    file.snippet = "timeout: 100";
    auto f1 = store::fingerprint("REL-10", file, {});
    file.snippet = "timeout: 0";
    EXPECT_NE(f1, store::fingerprint("REL-10", file, {})) << "numbers in a file's line are the finding";
}

TEST(Fingerprint, RepeatsAreNumberedAndBaselinesCompare) {
    std::vector<ControlResult> now{failing("SEC-09", {ev("a.ts", 1), ev("a.ts", 9), ev("b.ts", 2)})};
    // Two identical lines in one file (same context) stay two findings.
    store::fingerprint_all(now, [](const Evidence& e) {
        return e.path == "a.ts" ? std::vector<std::string_view>{"q(x)"} : std::vector<std::string_view>{"r(y)"};
    });
    EXPECT_EQ(now[0].evidence[0].fingerprint.substr(17), "1");
    EXPECT_EQ(now[0].evidence[1].fingerprint.substr(17), "2");
    EXPECT_EQ(now[0].evidence[0].fingerprint.substr(0, 16), now[0].evidence[1].fingerprint.substr(0, 16));
    std::vector<ControlResult> before = now;
    before[0].evidence.pop_back();                      // b.ts is new since then
    before[0].evidence.push_back(ev("gone.ts", 3));     // gone.ts was fixed
    before[0].evidence.back().fingerprint = "00000000000000ff:1";
    auto fixed = store::compare(now, before);
    EXPECT_EQ(now[0].evidence[0].baseline, "unchanged");
    EXPECT_EQ(now[0].evidence[1].baseline, "unchanged");
    EXPECT_EQ(now[0].evidence[2].baseline, "new");
    ASSERT_EQ(fixed.size(), 1u);
    EXPECT_EQ(fixed[0].evidence.path, "gone.ts");
    // --new-only: a control failing only on unchanged findings does not decide.
    std::vector<ControlResult> old_only{now[0]};
    old_only[0].evidence.pop_back();
    EXPECT_EQ(score::decide(store::only_new(old_only)).decision, Decision::go);
    EXPECT_EQ(score::decide(store::only_new(now)).decision, Decision::no_go);
}
