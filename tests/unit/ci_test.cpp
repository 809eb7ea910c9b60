// End-to-end tests of what CI runs use: .gonogo.yml (waivers, attestations,
// custom rules, services, include), SARIF validated against the official
// schema, JUnit, re-rendering a saved result, baselines and exit codes.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"

namespace {

using nlohmann::json;

const json* control(const json& r, const std::string& id) {
    for (const auto& c : r["controls"])
        if (c["id"] == id) return &c;
    return nullptr;
}

// The example's config: dates are relative to GONOGO_FIXED_TIME (2026-01-02).
constexpr const char* k_config = R"(version: 1
service: tidewater
waivers:
  - id: SEC-09
    paths: [app/api/search/**]
    reason: the search term is validated against an allow-list upstream
    owner: alice
    expires: 2026-06-30
  - id: OBS-07
    reason: metrics come from the platform sidecar
    expires: 2025-12-31
  - id: DR-06
    paths: [nowhere/**]
    reason: left over
attestations:
  - id: COMP-10
    by: bob
    date: 2025-12-01
    link: https://wiki.example.com/dpa
rules:
  - id: ACME-01
    control: SEC-09
    message: raw queries need a second reviewer
    regex: queryRawUnsafe
    paths: [app/**]
    severity: warning
)";

std::string python() { return fsys::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

// Audits a copy of the example with `config` into <t>/out in `formats`; empty when the example is absent.
fsys::path audit_example(const Tmp& t, const std::string& formats, const std::string& config = k_config) {
    auto repo = copy_of_example(t);
    if (repo.empty()) return {};
    t.write("repo/.gonogo.yml", config);
    auto out = t.root / "out";
    run("audit " + repo.string() + " --format " + formats + " --output-dir " + out.string() + " -q", k_fixed);
    return out;
}

}  // namespace

TEST(Ci, ConfigWaiversAttestationsAndCustomRules) {
    Tmp t("config");
    auto out = audit_example(t, "json,md");
    if (out.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto j = json::parse(slurp(out / "2026-01-02-production-readiness.json"));
    EXPECT_EQ(j["target"]["project"], "tidewater") << "service name from the config";
    EXPECT_EQ(j["config"], ".gonogo.yml");

    const auto* sql = control(j, "SEC-09");
    ASSERT_TRUE(sql);
    EXPECT_EQ((*sql)["status"], "waived");
    ASSERT_EQ((*sql)["waived_evidence"].size(), 1u) << "the waived finding stays in the report";
    EXPECT_EQ((*sql)["waived_evidence"][0]["path"], "app/api/search/route.ts");
    EXPECT_NE((*sql)["waiver"].get<std::string>().find("owner alice, expires 2026-06-30"), std::string::npos);

    const auto* metrics = control(j, "OBS-07");
    EXPECT_EQ((*metrics)["status"], "fail") << "an expired waiver fails again";
    EXPECT_NE((*metrics)["message"].get<std::string>().find("expired on 2025-12-31"), std::string::npos);

    EXPECT_EQ((*control(j, "COMP-10"))["status"], "attested");
    EXPECT_EQ((*control(j, "COMP-10"))["evidence"][0]["path"], ".gonogo.yml");

    const auto* rule = control(j, "ACME-01");
    ASSERT_TRUE(rule) << "a custom rule is a control of its own";
    EXPECT_EQ((*rule)["status"], "fail");
    EXPECT_EQ((*rule)["severity"], "warning");
    EXPECT_EQ((*rule)["category"], "SEC");
    EXPECT_EQ((*rule)["belongs_to"], "SEC-09");
    EXPECT_EQ((*rule)["evidence"][0]["path"], "app/api/search/route.ts");
    EXPECT_EQ((*rule)["evidence"][0]["line"], 23);

    std::map<std::string, std::string> states;
    for (const auto& w : j["waivers"]) states[w["id"]] = w["state"];
    EXPECT_EQ(states["SEC-09"], "applied");
    EXPECT_EQ(states["OBS-07"], "expired");
    EXPECT_EQ(states["DR-06"], "unmatched");

    auto verdict = j["verdict"]["justification"].dump();
    EXPECT_NE(verdict.find("SEC-09"), std::string::npos) << "the waived blocker is named beside the verdict";
    auto md = slurp(out / "2026-01-02-production-readiness.md");
    EXPECT_NE(md.find("## Waivers and attestations"), std::string::npos);
    EXPECT_NE(md.find("**expired: fails again**"), std::string::npos);
    EXPECT_NE(md.find("**matched nothing**"), std::string::npos);
    EXPECT_NE(md.find("| ACME-01 |"), std::string::npos) << "the custom rule is listed in its category";
}

TEST(Ci, BadConfigIsAUsageErrorNamingFileLineAndKey) {
    Tmp t("badconfig");
    t.write("app.py", "print('x')\n");
    t.write(".gonogo.yml", "tier: 1\nwaivers:\n  - id: SEC-01\n    reason: r\n    until: 2027-01-01\n");
    auto r = run("audit " + t.root.string() + " -q", k_fixed);
    EXPECT_EQ(r.code, 64) << r.out;
    EXPECT_NE(r.out.find(".gonogo.yml:5: unknown key 'until' in a waiver"), std::string::npos) << r.out;
    EXPECT_FALSE(fsys::exists(t.root / "reports")) << "no report from a config that was not understood";
    // --config names another file; a missing one is an error too.
    auto m = run("audit " + t.root.string() + " --config " + (t.root / "nope.yml").string(), k_fixed);
    EXPECT_EQ(m.code, 64) << m.out;
    EXPECT_NE(m.out.find("nope.yml"), std::string::npos) << m.out;
}

TEST(Ci, FailOnAndDisallowWaiversChooseTheExitCode) {
    Tmp t("failon");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto base = "audit " + repo.string() + " --format json --output " + (t.root / "r.json").string() + " -q";
    auto first = run(base, k_fixed);
    ASSERT_EQ(first.code, 1) << first.out;
    EXPECT_EQ(run(base + " --fail-on none", k_fixed).code, 0) << "shown in full, never fails the run";
    // Waive every failing blocker as a whole control.
    auto j = json::parse(slurp(t.root / "r.json"));
    std::string cfg = "waivers:\n";
    for (const auto& c : j["controls"])
        if (c["severity"] == "blocker" && c["status"] == "fail")
            cfg += "  - id: " + c["id"].get<std::string>() + "\n    reason: accepted for the test\n";
    t.write("repo/.gonogo.yml", cfg);
    EXPECT_EQ(run(base, k_fixed).code, 2) << "no blocker fails, but undecided blockers remain: CONDITIONAL GO";
    EXPECT_EQ(run(base + " --fail-on warning", k_fixed).code, 3) << "a failing warning fails the run on request";
    auto strict = run(base + " --disallow-waivers", k_fixed);
    EXPECT_EQ(strict.code, 1) << strict.out;
    auto s = json::parse(slurp(t.root / "r.json"));
    for (const auto& w : s["waivers"]) EXPECT_EQ(w["state"], "disallowed");
    EXPECT_EQ(run(base + " --new-only", k_fixed).code, 64) << "--new-only needs --baseline";
}

TEST(Ci, SarifValidatesAgainstTheOfficialSchema) {
    fsys::path schema = fsys::path(GONOGO_SOURCE_DIR) / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json";
    if (!fsys::exists(schema)) GTEST_SKIP() << "../shared/schemas is absent";
    Tmp t("sarif");
    auto out = audit_example(t, "sarif");
    if (out.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto sarif = out / "2026-01-02-production-readiness.sarif";
    ASSERT_TRUE(fsys::exists(sarif));
    // Debian's python3-jsonschema (installed by scripts/setup.sh) checks the document against the schema.
    auto check = t.root / "check.py";
    t.write("check.py", R"(import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
v = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = list(v.iter_errors(doc))
for e in errors[:20]:
    print(list(e.path), e.message[:300])
print("errors:", len(errors))
sys.exit(1 if errors else 0)
)");
    auto v = shell(python() + " " + check.string() + " " + schema.string() + " " + sarif.string());
    EXPECT_EQ(v.code, 0) << v.out;
    EXPECT_NE(v.out.find("errors: 0"), std::string::npos) << "python3-jsonschema missing? run scripts/setup.sh\n" << v.out;

    auto doc = json::parse(slurp(sarif));
    const auto& run0 = doc["runs"][0];
    std::set<std::string> rule_ids;
    for (const auto& rule : run0["tool"]["driver"]["rules"]) rule_ids.insert(rule["id"]);
    EXPECT_TRUE(rule_ids.count("SEC-01") && rule_ids.count("ACME-01")) << "one rule per control, custom rules too";
    bool secret = false, suppressed = false;
    for (const auto& res : run0["results"]) {
        EXPECT_TRUE(rule_ids.count(res["ruleId"]));
        EXPECT_TRUE(res.contains("partialFingerprints"));
        if (res["ruleId"] == "SEC-01") {
            secret = true;
            const auto& loc = res["locations"][0]["physicalLocation"];
            EXPECT_EQ(loc["artifactLocation"]["uri"], "lib/email.ts");
            EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
            EXPECT_EQ(loc["region"]["startLine"], 7);
            EXPECT_EQ(loc["region"]["snippet"]["text"].get<std::string>().find("SG.g") != std::string::npos, true);
            EXPECT_EQ(slurp(sarif).find("SG.gonogoExample"), std::string::npos) << "the secret stays masked in SARIF";
            EXPECT_EQ(res["level"], "error");
        }
        if (res["ruleId"] == "SEC-09" && res.contains("suppressions")) {
            suppressed = true;
            EXPECT_EQ(res["suppressions"][0]["status"], "accepted");
        }
    }
    EXPECT_TRUE(secret);
    EXPECT_TRUE(suppressed) << "a waived finding is a suppressed result";
    for (const auto& rule : run0["tool"]["driver"]["rules"])
        if (rule["id"] == "SEC-01") {
            EXPECT_EQ(rule["properties"]["security-severity"], "9.0");
            EXPECT_NE(rule["help"]["markdown"].get<std::string>().find("How gonogo decides"), std::string::npos);
        }
}

TEST(Ci, JUnitHasOneTestcasePerControl) {
    Tmp t("junit");
    auto out = audit_example(t, "json,junit");
    if (out.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto xml = out / "2026-01-02-production-readiness.junit.xml";
    ASSERT_TRUE(fsys::exists(xml));
    auto j = json::parse(slurp(out / "2026-01-02-production-readiness.json"));
    std::size_t fails = 0;
    for (const auto& c : j["controls"]) fails += c["status"] == "fail" && c["severity"] != "skip";
    t.write("count.py", R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall('./testsuite/testcase')
print(len(cases), len([c for c in cases if c.find('failure') is not None]), root.get('tests'), root.get('failures'))
)");
    auto v = shell(python() + " " + (t.root / "count.py").string() + " " + xml.string());
    EXPECT_EQ(v.out, std::to_string(j["controls"].size()) + " " + std::to_string(fails) + " " +
                         std::to_string(j["controls"].size()) + " " + std::to_string(fails) + "\n");
    auto text = slurp(xml);
    EXPECT_NE(text.find("name=\"SEC-01 No hardcoded secrets in code or config\""), std::string::npos);
    EXPECT_NE(text.find("type=\"blocker\""), std::string::npos);
    EXPECT_NE(text.find("<skipped message=\"waived: "), std::string::npos);
}

TEST(Ci, ReportRerendersASavedResultWithoutScanning) {
    Tmp t("report");
    auto out = audit_example(t, "json,md,sarif,junit");
    if (out.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto saved = out / "2026-01-02-production-readiness.json";
    fsys::remove_all(t.root / "repo");  // nothing left to scan
    auto again = t.root / "again";
    auto r = run("report " + saved.string() + " --format json,md,sarif,junit --output-dir " + again.string(), k_fixed);
    EXPECT_EQ(r.code, 0) << r.out;
    for (const char* suffix : {".json", ".md", ".sarif", ".junit.xml"}) {
        std::string name = std::string("2026-01-02-production-readiness") + suffix;
        EXPECT_EQ(slurp(again / name), slurp(out / name)) << name << " differs when re-rendered";
    }
    EXPECT_EQ(run("report " + (t.root / "missing.json").string(), k_fixed).code, 64);
    t.write("not.json", "{\"schema\": \"other\"}");
    auto bad = run("report " + (t.root / "not.json").string(), k_fixed);
    EXPECT_EQ(bad.code, 64);
    EXPECT_NE(bad.out.find("unsupported schema"), std::string::npos) << bad.out;
}

TEST(Ci, BaselineMarksNewUnchangedAndFixedAcrossLineMoves) {
    Tmp t("baseline");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto before = t.root / "before.json";
    auto after = t.root / "after.json";
    run("audit " + repo.string() + " --format json --output " + before.string() + " -q", k_fixed);
    // Code moves down (the secret's line changes), the SQL finding is fixed, a new secret appears.
    auto email = slurp(repo / "lib" / "email.ts");
    t.write("repo/lib/email.ts", "// moved\n\n\n" + email);
    auto search = slurp(repo / "app" / "api" / "search" / "route.ts");
    auto at = search.find("$queryRawUnsafe(");
    ASSERT_NE(at, std::string::npos);
    t.write("repo/app/api/search/route.ts", search.substr(0, at) + "$queryRaw(" + search.substr(at + 16));
    t.write("repo/lib/payments.ts", "export const STRIPE_KEY = 'sk_live_51Habc9Zq8Xr7Wt6Vs5Ut4Rs3Qp2On1Ml0Kk';\n");
    auto r = run("audit " + repo.string() + " --format json --output " + after.string() + " -q --baseline " + before.string(), k_fixed);
    auto j = json::parse(slurp(after));
    const auto* secrets = control(j, "SEC-01");
    ASSERT_TRUE(secrets);
    std::map<std::string, std::string> state;
    for (const auto& e : (*secrets)["evidence"]) state[e["path"]] = e["baseline"];
    EXPECT_EQ(state["lib/email.ts"], "unchanged") << "moved three lines down, same finding";
    EXPECT_EQ(state["lib/payments.ts"], "new");
    bool fixed_sql = false;
    for (const auto& f : j["baseline"]["fixed"]) fixed_sql = fixed_sql || f["control"] == "SEC-09";
    EXPECT_TRUE(fixed_sql) << j["baseline"].dump();
    EXPECT_EQ(r.code, 1);
    // --new-only: with nothing new since the baseline, unchanged blockers do not fail the run.
    auto same = run("audit " + repo.string() + " --format json --output " + (t.root / "same.json").string() +
                        " -q --baseline " + after.string() + " --new-only",
                    k_fixed);
    EXPECT_EQ(same.code, 2) << same.out << " (unchanged blockers do not decide; undecided ones still do)";
}

TEST(Ci, ConfiguredServicesAndIncludePaths) {
    Tmp t("services");
    t.write("apps/a/package.json", R"({"name": "a", "dependencies": {"express": "4.19.2"}, "scripts": {"start": "node index.js"}})");
    t.write("apps/a/index.js", "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n");
    t.write("apps/b/package.json", R"({"name": "b", "dependencies": {"express": "4.19.2"}})");
    t.write("apps/b/index.js", "const express = require('express');\nconst app = express();\napp.listen(3001);\n");
    t.write("legacy/old.js", "const password = 'hunter2-is-not-a-secret';\n");
    t.write(".gonogo.yml", "services:\n  - name: alpha\n    path: apps/a\n  - name: beta\n    path: apps/b\ninclude: [apps/**]\n");
    auto r = run("audit " + t.root.string() + " --format json --output " + (t.root / "r.json").string() + " -q", k_fixed);
    auto j = json::parse(slurp(t.root / "r.json"));
    ASSERT_EQ(j["services"].size(), 2u) << r.out;
    EXPECT_EQ(j["services"][0]["name"], "alpha");
    EXPECT_EQ(j["services"][0]["path"], "apps/a");
    EXPECT_EQ(j["services"][1]["name"], "beta");
    EXPECT_EQ(j["stats"]["files_seen"], 4) << "legacy/ and the config are outside `include`";
    EXPECT_EQ(j.dump().find("legacy/old.js"), std::string::npos);
}
