// End-to-end tests of what CI runs use: .gonogo.yml (waivers, attestations,
// custom rules, services, include), SARIF validated against the official
// schema, JUnit, re-rendering a saved result, baselines and exit codes.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "cli/config.hpp"
#include "core/catalog.hpp"
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
    EXPECT_EQ(same.code, 0) << same.out << " (only new findings decide; undecided blockers are not findings)";
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

// The commands in docs/ci/ (GitHub Actions, GitLab CI, pre-commit) run against the example with the
// binary under test as `gonogo`, and produce what the integration uploads.
TEST(Ci, DocumentedCiCommandsRunAgainstTheExample) {
    fsys::path docs = fsys::path(GONOGO_SOURCE_DIR) / "docs" / "ci";
    Tmp t("cidocs");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    fsys::create_directories(t.root / "bin");
    fsys::create_symlink(GONOGO_BINARY, t.root / "bin" / "gonogo");
    auto run_in_repo = [&](const std::string& cmd) {
        return shell("cd " + repo.string() + " && PATH=" + (t.root / "bin").string() + ":$PATH " + k_fixed + " " + cmd);
    };
    std::vector<std::string> commands;
    auto gh = YAML::LoadFile((docs / "github-actions.yml").string());
    for (const auto& step : gh["jobs"]["production-readiness"]["steps"])
        if (step["run"] && step["run"].as<std::string>().rfind("gonogo ", 0) == 0) commands.push_back(step["run"].as<std::string>());
    ASSERT_EQ(commands.size(), 1u);
    auto a = run_in_repo(commands[0]);
    EXPECT_EQ(a.code, 1) << "the example is NO-GO: the job fails\n" << a.out;
    for (const char* suffix : {".sarif", ".md", ".junit.xml", ".html"})
        EXPECT_TRUE(fsys::exists(repo / "gonogo-reports" / (std::string("2026-01-02-production-readiness") + suffix))) << suffix;

    auto gl = YAML::LoadFile((docs / "gitlab-ci.yml").string());
    auto script = gl["gonogo"]["script"][0].as<std::string>();
    fsys::remove_all(repo / "gonogo-reports");
    auto b = run_in_repo(script);
    EXPECT_EQ(b.code, 1) << b.out;
    auto junit_glob = gl["gonogo"]["artifacts"]["reports"]["junit"].as<std::string>();
    EXPECT_EQ(junit_glob, "gonogo-reports/*-production-readiness.junit.xml");
    EXPECT_TRUE(fsys::exists(repo / "gonogo-reports" / "2026-01-02-production-readiness.junit.xml"));

    // pre-commit: make the baseline as the file says, then the hook passes; a new secret blocks it.
    auto pc = YAML::LoadFile((docs / "pre-commit-config.yaml").string());
    auto entry = pc["repos"][0]["hooks"][0]["entry"].as<std::string>();
    auto made = run_in_repo("gonogo audit . --format json --output .gonogo/baseline.json -q --no-history");
    ASSERT_TRUE(fsys::exists(repo / ".gonogo" / "baseline.json")) << made.out;
    auto clean = run_in_repo(entry);
    EXPECT_EQ(clean.code, 0) << "nothing new since the baseline: the commit is not blocked\n" << clean.out;
    t.write("repo/lib/payments.ts", "export const STRIPE_KEY = 'sk_live_51Habc9Zq8Xr7Wt6Vs5Ut4Rs3Qp2On1Ml0Kk';\n");
    auto dirty = run_in_repo(entry);
    EXPECT_EQ(dirty.code, 1) << "a new hardcoded secret blocks the commit\n" << dirty.out;
}

// The HTML report in a real browser (Debian's Chromium, headless): the script runs without errors,
// a filter given in the URL fragment hides the other controls, and a screenshot is saved for review
// (build/tests/artifacts/html-report.png).
TEST(Ci, HtmlReportRendersInHeadlessChromium) {
    const char* browser = "/usr/bin/chromium";
    if (!fsys::exists(browser)) {
        if (std::getenv("GONOGO_SKIP_BROWSER")) GTEST_SKIP() << "GONOGO_SKIP_BROWSER is set";
        FAIL() << "Chromium is missing: scripts/test.sh installs it (Debian package chromium)";
    }
    Tmp t("html");
    auto out = audit_example(t, "json,html");
    if (out.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto html = out / "2026-01-02-production-readiness.html";
    ASSERT_TRUE(fsys::exists(html));
    auto page = slurp(html);
    EXPECT_EQ(page.find("http://"), std::string::npos) << "self-contained: no link to fetch";
    EXPECT_EQ(page.find("SG.gonogoExample"), std::string::npos) << "secrets stay masked";
    auto j = json::parse(slurp(out / "2026-01-02-production-readiness.json"));
    std::size_t failing_blockers = 0;
    for (const auto& c : j["controls"]) failing_blockers += c["status"] == "fail" && c["severity"] == "blocker";
    ASSERT_GT(failing_blockers, 0u);

    std::string flags = std::string(browser) +
                        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
                        " --disable-component-update --disable-sync --enable-logging=stderr --v=0 --user-data-dir=" +
                        (t.root / "profile").string();
    std::string url = "'file://" + html.string() + "#status=fail&severity=blocker'";
    auto dom = shell("timeout 90 " + flags + " --virtual-time-budget=3000 --dump-dom " + url + " 2>" + (t.root / "log").string());
    ASSERT_NE(dom.out.find("data-ready=\"1\""), std::string::npos) << "the page's script did not finish\n" << slurp(t.root / "log");
    EXPECT_EQ(dom.out.find("data-error="), std::string::npos) << dom.out.substr(dom.out.find("data-error="), 300);
    auto log = slurp(t.root / "log");
    EXPECT_EQ(log.find(":CONSOLE("), std::string::npos) << "console messages (errors, CSP violations):\n" << log;
    // Rows: every control is a row; with the filter from the fragment only failing blockers are visible.
    std::size_t rows = 0, visible = 0;
    for (std::size_t at = dom.out.find("<tr id=\""); at != std::string::npos; at = dom.out.find("<tr id=\"", at + 1)) {
        ++rows;
        auto end = dom.out.find('>', at);
        if (dom.out.substr(at, end - at).find(" hidden") == std::string::npos) ++visible;
    }
    EXPECT_EQ(rows, j["controls"].size());
    EXPECT_EQ(visible, failing_blockers);
    EXPECT_NE(dom.out.find(std::to_string(failing_blockers) + " of " + std::to_string(rows) + " controls shown"), std::string::npos);

    auto artifacts = fsys::path(GONOGO_BINARY).parent_path().parent_path().parent_path() / "tests" / "artifacts";
    fsys::create_directories(artifacts);
    auto png = artifacts / "html-report.png";
    fsys::remove(png);
    shell("timeout 90 " + flags + " --hide-scrollbars --window-size=1280,1600 --screenshot=" + png.string() + " 'file://" +
          html.string() + "' 2>/dev/null");
    ASSERT_TRUE(fsys::exists(png));
    EXPECT_GT(fsys::file_size(png), 20000u) << "a blank page would be a few kilobytes";
}

// `gonogo init` answered at its prompts under a pseudo-terminal (Python's pty module drives it, as a
// person would type), including a wrong answer asked again; then the same answers as flags.
TEST(Ci, InitAsksSeed003QuestionsUnderATerminal) {
    Tmp t("init");
    t.write("svc/app.py", "print('x')\n");
    t.write("drive.py", R"(import os, pty, select, sys, time
binary, folder = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, [binary, "init", folder])
script = [("Which service is this?", "tidewater"), ("Criticality tier", "three"), ("Please answer 0, 1, 2 or hobby", None),
          ("Criticality tier", "0"), ("What do users feel", "guests cannot book or pay"), ("Deployment stage", ""),
          ("What does it depend on", "postgres, stripe"), ("Wrote", None)]
seen, deadline = "", time.time() + 30
for expect, answer in script:
    while expect not in seen:
        if time.time() > deadline:
            print("TIMEOUT waiting for", repr(expect)); print(seen); sys.exit(2)
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 4096).decode("utf-8", "replace")
            except OSError:
                chunk = ""
            seen += chunk
    seen = seen[seen.index(expect) + len(expect):]
    if answer is not None:
        os.write(fd, (answer + "\n").encode())
_, status = os.waitpid(pid, 0)
print("EXIT", os.waitstatus_to_exitcode(status))
)");
    auto drive = shell(python() + " " + (t.root / "drive.py").string() + " " + GONOGO_BINARY + " " + (t.root / "svc").string());
    EXPECT_NE(drive.out.find("EXIT 0"), std::string::npos) << drive.out;
    auto cfg = gonogo::cli::load_config(t.root / "svc" / ".gonogo.yml", gonogo::Catalog::embedded(), "2099-01-01");
    ASSERT_TRUE(cfg) << cfg.error().where << ": " << cfg.error().message;
    EXPECT_EQ(*cfg->service, "tidewater");
    EXPECT_EQ(*cfg->tier, gonogo::Tier::tier0);
    EXPECT_EQ(cfg->impact, "guests cannot book or pay");
    EXPECT_EQ(cfg->stage, "production") << "an empty answer takes the default";
    EXPECT_EQ(cfg->dependencies, (std::vector<std::string>{"postgres", "stripe"}));

    // An existing config is never overwritten without --force; with it, the old one is kept as .bak.
    auto again = run("init " + (t.root / "svc").string() + " --yes");
    EXPECT_EQ(again.code, 64) << again.out;
    auto flags = run("init " + (t.root / "svc").string() +
                     " --force --service tidewater --tier hobby --impact 'a side project' --stage beta --dependencies sqlite --yes");
    EXPECT_EQ(flags.code, 0) << flags.out;
    EXPECT_TRUE(fsys::exists(t.root / "svc" / ".gonogo.yml.bak"));
    auto hobby = gonogo::cli::load_config(t.root / "svc" / ".gonogo.yml", gonogo::Catalog::embedded(), "2099-01-01");
    ASSERT_TRUE(hobby);
    EXPECT_EQ(*hobby->tier, gonogo::Tier::hobby);
    EXPECT_EQ(*hobby->framework, "hobby") << "a hobby project gets the hobby view";
    EXPECT_EQ(run("init " + (t.root / "other").string() + " --tier 7 --yes").code, 64);
    // Input that ends before every question is answered: a clear error, no file.
    fsys::create_directories(t.root / "eof");
    auto eof = shell(std::string(GONOGO_BINARY) + " init " + (t.root / "eof").string() + " < /dev/null");
    EXPECT_EQ(eof.code, 64) << eof.out;
    EXPECT_NE(eof.out.find("input ended"), std::string::npos) << eof.out;
    EXPECT_FALSE(fsys::exists(t.root / "eof" / ".gonogo.yml"));
}

// History: every audit appends its scorecard; `gonogo history` shows trends and blockers opened and
// closed; a corrupt database is reported and the report is still written.
TEST(Ci, HistoryRecordsRunsAndSurvivesACorruptDatabase) {
    Tmp t("history");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto audit = [&](const std::string& time) {
        return run("audit " + repo.string() + " --format json --output " + (t.root / "r.json").string() + " -q",
                   "GONOGO_FIXED_TIME=" + time + " NO_COLOR=1");
    };
    audit("2026-01-02T03:04:05Z");
    // Fix the SQL blocker with a query through the ORM: SEC-09 closes and the security score goes up.
    auto search = slurp(repo / "app" / "api" / "search" / "route.ts");
    auto at = search.find("prisma.$queryRawUnsafe(");
    auto end = search.find(")) as Booking[]", at);
    ASSERT_NE(at, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    t.write("repo/app/api/search/route.ts", search.substr(0, at) +
                                                "prisma.booking.findMany({ where: { customerName: { contains: q } } })" +
                                                search.substr(end + 1));
    audit("2026-01-03T03:04:05Z");
    auto db = repo / ".gonogo" / "history.sqlite";
    ASSERT_TRUE(fsys::exists(db));
    auto h = run("history " + repo.string());
    EXPECT_EQ(h.code, 0) << h.out;
    EXPECT_NE(h.out.find("2 run(s)"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("closed SEC-09"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("Security"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("↑"), std::string::npos) << "the security score went up\n" << h.out;

    // A corrupt database: reported, the report is still written, the exit code is the verdict's.
    std::ofstream(db, std::ios::binary | std::ios::trunc) << std::string(4096, 'x');
    fsys::remove(t.root / "r.json");
    auto r = audit("2026-01-04T03:04:05Z");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_TRUE(fsys::exists(t.root / "r.json")) << "the report is never lost to the history";
    EXPECT_NE(r.out.find("history not recorded"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("corrupt"), std::string::npos) << r.out;
    auto bad = run("history " + repo.string());
    EXPECT_EQ(bad.code, 64);
    EXPECT_NE(bad.out.find("corrupt"), std::string::npos) << bad.out;
    EXPECT_EQ(fsys::file_size(db), 4096u) << "gonogo does not overwrite what it cannot read";
}

// A database locked by another writer: the audit waits briefly, then says so and keeps its report.
TEST(Ci, LockedHistoryIsReported) {
    Tmp t("locked");
    t.write("app.py", "print('x')\n");
    auto db = t.root / ".gonogo" / "history.sqlite";
    run("audit " + t.root.string() + " --format json --output " + (t.root / "a.json").string() + " -q", k_fixed);
    ASSERT_TRUE(fsys::exists(db));
    // Another process holds a write lock for a few seconds (Python's sqlite3 module).
    t.write("lock.py", R"(import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
release, deadline = sys.argv[2], time.time() + 30
while time.time() < deadline:
    try:
        open(release).close()
        break
    except OSError:
        time.sleep(0.1)
c.execute("ROLLBACK")
)");
    auto holder = ::popen((python() + " " + (t.root / "lock.py").string() + " " + db.string() + " " + (t.root / "release").string()).c_str(), "r");
    ASSERT_NE(holder, nullptr);
    char line[64] = {};
    ASSERT_NE(std::fgets(line, sizeof line, holder), nullptr);
    auto r = run("audit " + t.root.string() + " --format json --output " + (t.root / "b.json").string() + " -q", k_fixed);
    t.write("release", "");
    ::pclose(holder);
    EXPECT_TRUE(fsys::exists(t.root / "b.json"));
    EXPECT_NE(r.out.find("locked"), std::string::npos) << r.out;
}

TEST(Ci, ExplainGivesTheFixForTheDetectedStack) {
    Tmp t("explain");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    auto all = run("explain SEC-09");
    EXPECT_EQ(all.code, 0);
    auto here = run("explain SEC-09 --path " + repo.string());
    EXPECT_EQ(here.code, 0) << here.out;
    EXPECT_NE(here.out.find("(for the stack found in"), std::string::npos) << here.out;
    EXPECT_NE(here.out.find("Prisma"), std::string::npos) << "the example's fix speaks of its ORM\n" << here.out;
    EXPECT_NE(here.out.find("Other stacks:"), std::string::npos);
    EXPECT_LT(here.out.size(), all.out.size()) << "one fix, not all of them";
    EXPECT_EQ(run("explain SEC-09 --path /nonexistent/x").code, 64);
}

// Markdown in each seed's shape, chosen with --framework, and --append-review.
TEST(Ci, MarkdownInEverySeedShape) {
    Tmp t("shapes");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking is absent";
    t.write("repo/.gonogo.yml", "slo:\n  availability: 99.5\n  p95_ms: 250\n");
    auto md = [&](const std::string& view, const std::string& extra = "") {
        auto out = t.root / (view + ".md");
        auto r = run("audit " + repo.string() + " --framework " + view + " --format md --output " + out.string() + " -q --no-history " + extra,
                     k_fixed);
        EXPECT_EQ(r.code, 1) << view << ": " << r.out;
        return slurp(out);
    };
    auto s000 = md("domains");
    for (const char* h : {"## Domains", "| Security Audit |", "## Critical Issues (must fix before launch)",
                          "## High Priority Improvements (should fix before launch)",
                          "## Recommended Enhancements (can implement post-launch)", "## Implementation Guidance", "### SEC-09 "})
        EXPECT_NE(s000.find(h), std::string::npos) << h;

    auto s002 = md("pre-deployment");
    for (const char* h : {"## Pre-Deployment Checklist", "### Code Quality Gates", "- [x] **OPS-01**", "- [ ] **SEC-28**",
                          "### Database Readiness", "## SLA Verification",
                          // seed 002's own arithmetic for 99.5 %: 726.35 hours up, 3.65 hours down per 730-hour month
                          "Target: 99.5% monthly uptime", "- 99.5% uptime: 726.35 hours", "Downtime allowed: 3.65 hours per month",
                          "p95 latency < 250 ms"})
        EXPECT_NE(s002.find(h), std::string::npos) << h;
    EXPECT_NE(s002.find(" items checked."), std::string::npos);

    auto s003 = md("hobby", "--tier hobby");
    for (const char* h : {"## 1. Observability Basics", "## 2. Safety Basics", "## 3. Security Basics", "- [❌] SEC-01 ",
                          "- [✅] REL-01 ", "**Status:** FAIL", "**Overall Status:** NOT READY",
                          "**Next Steps:** Fix blockers and re-evaluate"})
        EXPECT_NE(s003.find(h), std::string::npos) << h;

    auto s004 = md("priority");
    for (const char* h : {"## Priority Assessment", "**Critical (blocks production):**", "**High (impacts reliability):**",
                          "**Medium (improves operations):**", "**Low (nice to have):**", "- [ ] SEC-01 ", "## Gaps, by priority"})
        EXPECT_NE(s004.find(h), std::string::npos) << h;

    // --append-review adds the review block to a reviews file and keeps what was there.
    t.write("reviews.md", "# Reviews\n\nEarlier review, kept as it is.\n");
    auto a = run("audit " + repo.string() + " --tier hobby --format json --output " + (t.root / "r.json").string() +
                     " -q --no-history --append-review " + (t.root / "reviews.md").string(),
                 k_fixed);
    auto reviews = slurp(t.root / "reviews.md");
    EXPECT_EQ(reviews.rfind("# Reviews\n\nEarlier review, kept as it is.\n", 0), 0u) << reviews;
    EXPECT_NE(reviews.find("# Production Readiness: tidewater-booking"), std::string::npos) << a.out;
    EXPECT_NE(reviews.find("**Scope:** Hobby/side project deployment"), std::string::npos);
    EXPECT_NE(reviews.find("**Overall Status:** NOT READY"), std::string::npos);
}
