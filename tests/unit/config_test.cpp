// .gonogo.yml loading: a full valid file, and each kind of mistake reported
// with the file, the line and the key.
#include <gtest/gtest.h>

#include "cli/config.hpp"
#include "core/catalog.hpp"

using namespace gonogo;

namespace {

Result<Config> parse(const std::string& text, const std::string& today = "2026-11-22") {
    return cli::parse_config(text, ".gonogo.yml", Catalog::embedded(), today);
}

// The error as a user reads it: "where: message".
std::string error_of(const std::string& text) {
    auto r = parse(text);
    if (r) return "(no error)";
    return r.error().where + ": " + r.error().message;
}

}  // namespace

TEST(Config, FullFileIsRead) {
    auto r = parse(R"(version: 1
service: booking
tier: 0
framework: prod-readiness
impact: customers cannot book tables
stage: beta
dependencies: [postgres, stripe]
services:
  - name: api
    path: apps/api/
  - name: web
    path: apps/web
include: [apps/**]
exclude: legacy/**
max_file_size: 512KiB
slo:
  availability: 99.95
  p95_ms: 250
  p99_ms: 800
  error_rate: 0.1
  rps: 200
waivers:
  - id: SEC-09
    paths: [scripts/**, tools/seed.ts]
    reason: admin-only script, input is a constant
    owner: alice
    expires: 2027-01-31
  - id: ACME-01
    reason: whole rule accepted
attestations:
  - id: COMP-10
    by: bob
    date: 2026-10-01
    link: https://wiki.example.com/dpa
rules:
  - id: ACME-01
    control: OBS-01
    message: use the logger, not console.log
    regex: console\.log\(
    keywords: [console]
    paths: [apps/**]
    severity: {tier0: blocker, 1: warning}
)");
    ASSERT_TRUE(r) << r.error().where << ": " << r.error().message;
    EXPECT_EQ(*r->service, "booking");
    EXPECT_EQ(*r->tier, Tier::tier0);
    EXPECT_EQ(*r->framework, "prod-readiness");
    ASSERT_EQ(r->services.size(), 2u);
    EXPECT_EQ(r->services[0].path, "apps/api") << "a trailing slash is dropped";
    EXPECT_EQ(r->include, std::vector<std::string>{"apps/**"});
    EXPECT_EQ(r->exclude, std::vector<std::string>{"legacy/**"}) << "a single string is a list of one";
    EXPECT_EQ(*r->max_file_size, 512u * 1024);
    EXPECT_DOUBLE_EQ(*r->slo.availability, 99.95);
    EXPECT_DOUBLE_EQ(*r->slo.p95_ms, 250);
    ASSERT_EQ(r->waivers.size(), 2u);
    EXPECT_EQ(r->waivers[0].line, 23u);
    EXPECT_EQ(r->stage, "beta");
    EXPECT_EQ(r->dependencies, (std::vector<std::string>{"postgres", "stripe"}));
    EXPECT_EQ(r->waivers[0].paths.size(), 2u);
    EXPECT_EQ(r->waivers[0].expires, "2027-01-31");
    EXPECT_EQ(r->waivers[1].id, "ACME-01") << "a waiver may name a custom rule";
    ASSERT_EQ(r->attestations.size(), 1u);
    EXPECT_EQ(r->attestations[0].by, "bob");
    ASSERT_EQ(r->rules.size(), 1u);
    const auto& rule = r->rules[0];
    EXPECT_EQ(rule.control, "OBS-01");
    EXPECT_EQ(rule.severity.at(Tier::tier0), Severity::blocker);
    EXPECT_EQ(rule.severity.at(Tier::tier1), Severity::warning);
    EXPECT_EQ(rule.severity.at(Tier::hobby), Catalog::embedded().find("OBS-01")->severity_for(Tier::hobby))
        << "a tier the rule leaves out takes the control's severity";
}

TEST(Config, EmptyFileIsAnEmptyConfig) {
    auto r = parse("");
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->tier);
    EXPECT_TRUE(r->waivers.empty());
}

TEST(Config, UnknownKeysNameTheLineAndTheKey) {
    EXPECT_EQ(error_of("tier: 1\ntiers: 2\n"),
              ".gonogo.yml:2: unknown key 'tiers' in the top level (known keys: version, service, tier, framework, "
              "impact, stage, dependencies, services, include, exclude, max_file_size, slo, waivers, attestations, rules)");
    auto e = error_of("waivers:\n  - id: SEC-01\n    reason: x\n    expiry: 2027-01-01\n");
    EXPECT_EQ(e.rfind(".gonogo.yml:4: unknown key 'expiry' in a waiver (known keys: id, paths, reason, owner, expires)", 0), 0u) << e;
    EXPECT_NE(error_of("slo:\n  p50: 3\n").find(".gonogo.yml:2: unknown key 'p50' in slo"), std::string::npos);
}

TEST(Config, BadValuesNameTheLineAndTheKey) {
    EXPECT_EQ(error_of("tier: three\n"), ".gonogo.yml:1: tier: must be 0, 1, 2 or hobby, not 'three'");
    EXPECT_EQ(error_of("framework: nope\n").substr(0, 45), ".gonogo.yml:1: framework: unknown view 'nope'");
    EXPECT_EQ(error_of("slo:\n  availability: 101\n"),
              ".gonogo.yml:2: slo.availability: must be a number > 0 and <= 100, not '101'");
    EXPECT_EQ(error_of("slo:\n  p95_ms: 300\n  p99_ms: 200\n"),
              ".gonogo.yml:3: slo.p99_ms (200) must not be below slo.p95_ms (300)");
    EXPECT_EQ(error_of("max_file_size: lots\n"),
              ".gonogo.yml:1: max_file_size: must be a size such as 2097152, 512KiB or 2MiB, not 'lots'");
    EXPECT_EQ(error_of("exclude: {a: b}\n"), ".gonogo.yml:1: exclude: expected a list of strings");
    EXPECT_EQ(error_of("services:\n  - name: a\n    path: ../x\n"),
              ".gonogo.yml:3: services.path: '../x' must be a folder inside the repository");
    EXPECT_EQ(error_of("version: 2\n"), ".gonogo.yml:1: version: this gonogo reads version 1, not '2'");
    EXPECT_EQ(error_of("stage: prod\n"), ".gonogo.yml:1: stage: must be development, staging, beta or production, not 'prod'");
}

TEST(Config, WaiversNeedAReasonAKnownIdAndARealDate) {
    EXPECT_EQ(error_of("waivers:\n  - id: SEC-01\n"),
              ".gonogo.yml:2: waivers: a waiver needs a reason (why the risk is accepted)");
    EXPECT_EQ(error_of("waivers:\n  - id: SEC-99\n    reason: x\n"), ".gonogo.yml:2: waivers.id: no control or custom rule 'SEC-99'");
    EXPECT_EQ(error_of("waivers:\n  - id: SEC-01\n    reason: x\n    expires: 2027-02-30\n"),
              ".gonogo.yml:4: waivers.expires: must be a date written YYYY-MM-DD, not '2027-02-30'");
    EXPECT_EQ(error_of("waivers:\n  - id: SEC-01\n    reason: '  '\n"), ".gonogo.yml:3: waivers.reason: must not be empty");
}

TEST(Config, AttestationsOnlyForAttestModeControlsAndNotInTheFuture) {
    auto e = error_of("attestations:\n  - id: SEC-01\n    by: a\n    date: 2026-01-01\n    note: x\n");
    EXPECT_EQ(e.rfind(".gonogo.yml:2: attestations.id: SEC-01 is decided by gonogo (static), not by attestation", 0), 0u) << e;
    EXPECT_EQ(error_of("attestations:\n  - id: COMP-10\n    by: a\n    date: 2026-12-01\n    note: x\n"),
              ".gonogo.yml:4: attestations.date: 2026-12-01 is in the future (today is 2026-11-22)");
    EXPECT_EQ(error_of("attestations:\n  - id: COMP-10\n    by: a\n    date: 2026-01-01\n"),
              ".gonogo.yml:2: attestations: an attestation needs a link or a note saying where the proof is");
    EXPECT_TRUE(parse("attestations:\n  - id: DR-01\n    by: a\n    date: 2026-01-01\n    note: restore drill log\n"))
        << "static+attest controls can be attested";
}

TEST(Config, CustomRulesAreChecked) {
    const std::string base = "rules:\n  - id: ACME-01\n    control: OBS-01\n    message: m\n";
    EXPECT_EQ(error_of(base + "    regex: 'a('\n").rfind(".gonogo.yml:5: rules.regex: Hyperscan cannot compile 'a(':", 0), 0u);
    EXPECT_EQ(error_of(base + "    regex: 'a*'\n"),
              ".gonogo.yml:5: rules.regex: Hyperscan cannot compile 'a*': the pattern can match an empty string");
    EXPECT_EQ(error_of("rules:\n  - id: SEC-01\n    control: OBS-01\n    message: m\n    regex: x\n"),
              ".gonogo.yml:2: rules.id: 'SEC-01' is a catalogue control; give the rule its own id");
    EXPECT_EQ(error_of("rules:\n  - id: acme\n    control: OBS-01\n    message: m\n    regex: x\n"),
              ".gonogo.yml:2: rules.id: 'acme' must look like ACME-01 (capitals, digits, dashes)");
    EXPECT_EQ(error_of(base + "    regex: x\n    severity: fatal\n"),
              ".gonogo.yml:6: rules.severity: must be blocker, warning, recommendation or skip, not 'fatal'");
    EXPECT_EQ(error_of("rules:\n  - id: ACME-01\n    control: OBS-01\n    regex: x\n"),
              ".gonogo.yml:2: rules: a rule needs 'message' (id, control, message, regex are required)");
    EXPECT_EQ(error_of(base + "    regex: x\n  - id: ACME-01\n    control: OBS-01\n    message: m\n    regex: y\n"),
              ".gonogo.yml:6: rules.id: 'ACME-01' is used twice");
}

TEST(Config, MalformedYamlNamesTheLine) {
    auto e = error_of("tier: 1\nwaivers: [\n");
    EXPECT_EQ(e.substr(0, 14), ".gonogo.yml:3:") << e;
    EXPECT_NE(e.find("malformed YAML"), std::string::npos) << e;
}

TEST(Config, DatesAreCalendarDates) {
    EXPECT_TRUE(cli::valid_date("2028-02-29"));
    EXPECT_FALSE(cli::valid_date("2027-02-29"));
    EXPECT_FALSE(cli::valid_date("2027-13-01"));
    EXPECT_FALSE(cli::valid_date("27-01-01"));
    EXPECT_FALSE(cli::valid_date("2027/01/01"));
}
