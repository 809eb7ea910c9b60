// Fixture-driven probe tests. Every folder tests/checks/<category>/<ID>/<case>/
// holds a small repository under repo/ and an expect.yml:
//   status: pass|fail|na|unknown|unverified   (required: the control's status)
//   tier: 0|1|2|hobby                          (optional, default 1)
//   evidence: ["path:line", ...]               (optional: each must be among the evidence)
//   other_evidence: ["path:line", ...]         (optional: tests/fixtures/vendored places listed apart)
//   no_evidence: ["path", ...]                 (optional: paths that must not appear as evidence)
//   message_contains: "text"                   (optional)
//   relied_on_default: true|false              (optional)
//   services: {name: status, ...}              (optional: per-service statuses of a monorepo)
//   snippet_excludes: "text"                   (optional: no evidence snippet may contain it, e.g. a secret)
#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "checks/probe.hpp"
#include "checks/runner.hpp"
#include "collect/build.hpp"
#include "core/catalog.hpp"

using namespace gonogo;
namespace fsys = std::filesystem;

namespace {

struct Case {
    std::string control;
    fsys::path dir;
    std::string name;
};

// Names the case in test output (instead of gtest's byte dump of the parameter).
[[maybe_unused]] void PrintTo(const Case& c, std::ostream* os) { *os << (c.dir.parent_path().filename() / c.dir.filename()).string(); }

std::vector<Case> discover() {
    std::vector<Case> out;
    fsys::path root = fsys::path(GONOGO_SOURCE_DIR) / "tests" / "checks";
    if (!fsys::exists(root)) return out;
    for (const auto& cat : fsys::directory_iterator(root)) {
        if (!cat.is_directory()) continue;
        for (const auto& ctl : fsys::directory_iterator(cat.path())) {
            if (!ctl.is_directory()) continue;
            for (const auto& cs : fsys::directory_iterator(ctl.path())) {
                if (!fsys::exists(cs.path() / "expect.yml")) continue;
                std::string name = ctl.path().filename().string() + "_" + cs.path().filename().string();
                for (auto& ch : name)
                    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                out.push_back({ctl.path().filename().string(), cs.path(), name});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
    return out;
}

class ProbeFixture : public ::testing::TestWithParam<Case> {};

std::string where(const Evidence& e) { return e.line ? fmt::format("{}:{}", e.path, e.line) : e.path; }

std::string describe(const ControlResult& r) {
    std::string s = fmt::format("status={} message='{}'\nevidence:", to_string(r.status), r.message);
    for (const auto& e : r.evidence) s += fmt::format("\n  {} [{}] {}", where(e), e.service, e.snippet);
    s += "\nother evidence:";
    for (const auto& e : r.other_evidence) s += fmt::format("\n  {} {}", where(e), e.snippet);
    return s;
}

}  // namespace

TEST_P(ProbeFixture, MatchesExpectation) {
    const auto& c = GetParam();
    auto expect = YAML::LoadFile((c.dir / "expect.yml").string());
    const auto& catalog = Catalog::embedded();
    const auto* control = catalog.find(c.control);
    ASSERT_NE(control, nullptr) << "fixture folder names unknown control " << c.control;
    Tier tier = parse_tier(expect["tier"] ? expect["tier"].as<std::string>() : "1").value_or(Tier::tier1);
    fsys::path repo = c.dir / "repo";
    if (!fsys::exists(repo)) fsys::create_directories(repo);  // an empty repository case
    auto model = collect::build_model(repo, checks::all_signatures(), {});
    ASSERT_TRUE(model.has_value()) << model.error().message;
    auto results = checks::run_controls(catalog, *model, tier, {control->category});
    const ControlResult* r = nullptr;
    for (const auto& x : results)
        if (x.id == c.control) r = &x;
    ASSERT_NE(r, nullptr);
    auto info = describe(*r);
    EXPECT_EQ(std::string(to_string(r->status)), expect["status"].as<std::string>()) << info;
    if (expect["message_contains"]) {
        EXPECT_NE(r->message.find(expect["message_contains"].as<std::string>()), std::string::npos) << info;
    }
    if (expect["relied_on_default"]) {
        EXPECT_EQ(r->relied_on_default, expect["relied_on_default"].as<bool>()) << info;
    }
    for (const auto& ev : expect["evidence"]) {
        auto want = ev.as<std::string>();
        bool found = false;
        for (const auto& e : r->evidence) found = found || where(e) == want || e.path == want;
        EXPECT_TRUE(found) << "missing evidence " << want << "\n" << info;
    }
    for (const auto& ev : expect["other_evidence"]) {
        auto want = ev.as<std::string>();
        bool found = false;
        for (const auto& e : r->other_evidence) found = found || where(e) == want || e.path == want;
        EXPECT_TRUE(found) << "missing non-production evidence " << want << "\n" << info;
    }
    for (const auto& ev : expect["no_evidence"]) {
        auto bad = ev.as<std::string>();
        for (const auto& e : r->evidence) EXPECT_NE(e.path, bad) << info;
    }
    if (expect["snippet_excludes"]) {
        auto secret = expect["snippet_excludes"].as<std::string>();
        for (const auto& e : r->evidence) EXPECT_EQ(e.snippet.find(secret), std::string::npos) << info;
        for (const auto& e : r->other_evidence) EXPECT_EQ(e.snippet.find(secret), std::string::npos) << info;
        EXPECT_EQ(r->message.find(secret), std::string::npos) << info;
    }
    if (expect["services"]) {
        for (const auto& kv : expect["services"]) {
            auto name = kv.first.as<std::string>();
            bool found = false;
            for (const auto& s : r->services)
                if (s.service == name) {
                    found = true;
                    EXPECT_EQ(std::string(to_string(s.status)), kv.second.as<std::string>()) << name << "\n" << info;
                }
            EXPECT_TRUE(found) << "no service " << name << "\n" << info;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Checks, ProbeFixture, ::testing::ValuesIn(discover()),
                         [](const ::testing::TestParamInfo<Case>& i) { return i.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProbeFixture);
