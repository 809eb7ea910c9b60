// The catalogue both ways: every control of shared/CHECKLIST.md has a catalog
// file with the same title, every catalog file is in CHECKLIST.md, every
// probe a control names is registered, and every automated control has pass,
// fail and na fixtures under tests/checks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "checks/probe.hpp"
#include "core/catalog.hpp"
#include "report/control_docs.hpp"

using namespace gonogo;
namespace fsys = std::filesystem;

namespace {

std::map<std::string, std::string> checklist_titles() {
    std::map<std::string, std::string> out;
    std::ifstream in(fsys::path(GONOGO_SOURCE_DIR) / ".." / "shared" / "CHECKLIST.md");
    if (!in) return out;
    std::regex row(R"(^\| ([A-Z]+-[0-9]+) \| (.+?) \| )");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) out[m[1]] = m[2];
    }
    return out;
}

}  // namespace

TEST(Catalog, EmbeddedCatalogLoads) {
    auto c = Catalog::from_documents(embedded_catalog_documents());
    ASSERT_TRUE(c.has_value()) << c.error().where << ": " << c.error().message;
    EXPECT_EQ(c->controls().size(), 136u);
    ASSERT_NE(c->framework("go-no-go"), nullptr);
    EXPECT_EQ(c->framework("go-no-go")->categories.size(), 8u);
    ASSERT_NE(c->framework("prod-readiness"), nullptr);
    EXPECT_EQ(c->framework("prod-readiness")->categories.size(), 7u);
    ASSERT_NE(c->framework("hobby"), nullptr);
}

TEST(Catalog, AgreesWithChecklistBothWays) {
    auto titles = checklist_titles();
    if (titles.empty()) GTEST_SKIP() << "../shared/CHECKLIST.md not present";
    const auto& cat = Catalog::embedded();
    for (const auto& [id, title] : titles) {
        const auto* c = cat.find(id);
        ASSERT_NE(c, nullptr) << id << " of CHECKLIST.md has no catalog file";
        EXPECT_EQ(c->title, title) << id;
    }
    for (const auto& c : cat.controls()) EXPECT_TRUE(titles.count(c.id)) << c.id << " is not in CHECKLIST.md";
}

TEST(Catalog, FrameworksCoverEveryControlOnce) {
    const auto& cat = Catalog::embedded();
    for (const char* name : {"go-no-go", "prod-readiness"}) {
        std::multiset<std::string> seen;
        for (const auto& fc : cat.framework(name)->categories) seen.insert(fc.controls.begin(), fc.controls.end());
        for (const auto& c : cat.controls()) EXPECT_EQ(seen.count(c.id), 1u) << name << " " << c.id;
    }
}

// The seed views (000's domains, 002's pre-deployment checklist, 004's priorities) hold exactly the
// controls CHECKLIST.md traces to that seed, each once.
TEST(Catalog, SeedViewsCoverTheirSeedsControls) {
    const auto& cat = Catalog::embedded();
    for (auto [name, seed] : {std::pair{"domains", "000"}, {"pre-deployment", "002"}, {"priority", "004"}}) {
        const auto* f = cat.framework(name);
        ASSERT_NE(f, nullptr) << name;
        EXPECT_EQ(f->source, seed);
        std::multiset<std::string> seen;
        for (const auto& fc : f->categories) seen.insert(fc.controls.begin(), fc.controls.end());
        for (const auto& c : cat.controls()) {
            bool from_seed = std::find(c.sources.begin(), c.sources.end(), seed) != c.sources.end();
            EXPECT_EQ(seen.count(c.id), from_seed ? 1u : 0u) << name << " " << c.id;
        }
    }
}

TEST(Catalog, RejectsUnknownKeysAndBadSeverities) {
    std::string good = "id: REL-01\nslug: x\ntitle: t\ncategory: REL\nmodes: [static]\nseverity: {tier0: blocker, tier1: blocker, tier2: warning, hobby: skip}\nrationale: r\ndecides: d\nremediation: {generic: g}\n";
    EXPECT_TRUE(Catalog::from_documents({{"rel/REL-01-x.yml", good}}).has_value());
    auto unknown = Catalog::from_documents({{"rel/REL-01-x.yml", good + "colour: red\n"}});
    ASSERT_FALSE(unknown.has_value());
    EXPECT_NE(unknown.error().message.find("colour"), std::string::npos);
    std::string bad_sev = good;
    bad_sev.replace(bad_sev.find("hobby: skip"), 11, "hobby: maybe");
    EXPECT_FALSE(Catalog::from_documents({{"rel/REL-01-x.yml", bad_sev}}).has_value());
    auto broken = Catalog::from_documents({{"rel/REL-01-x.yml", "id: [unclosed"}});
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(broken.error().where, "rel/REL-01-x.yml");
}

TEST(Catalog, EveryNamedProbeIsRegisteredAndEveryProbeIsUsed) {
    const auto& cat = Catalog::embedded();
    std::set<std::string> used;
    for (const auto& c : cat.controls())
        for (const auto& p : c.probes) {
            EXPECT_NE(checks::find_probe(p), nullptr) << c.id << " names unregistered probe " << p;
            used.insert(p);
        }
    for (const auto& p : checks::all_probes()) EXPECT_TRUE(used.count(std::string(p.id))) << "probe " << p.id << " decides no control";
}

TEST(Catalog, EveryAutomatedControlHasPassFailAndNaFixtures) {
    const auto& cat = Catalog::embedded();
    fsys::path root = fsys::path(GONOGO_SOURCE_DIR) / "tests" / "checks";
    for (const auto& c : cat.controls()) {
        if (c.probes.empty()) continue;
        std::set<std::string> statuses;
        fsys::path dir;
        for (const auto& cat_dir : fsys::directory_iterator(root))
            if (fsys::exists(cat_dir.path() / c.id)) dir = cat_dir.path() / c.id;
        ASSERT_FALSE(dir.empty()) << c.id << " has probes but no fixtures under tests/checks/<category>/" << c.id;
        for (const auto& cs : fsys::directory_iterator(dir)) {
            if (!fsys::exists(cs.path() / "expect.yml")) continue;
            auto y = YAML::LoadFile((cs.path() / "expect.yml").string());
            statuses.insert(y["status"].as<std::string>());
        }
        for (const char* s : {"pass", "fail", "na"}) EXPECT_TRUE(statuses.count(s)) << c.id << " has no '" << s << "' fixture";
    }
}

TEST(ControlDocs, AreUpToDate) {
    // docs/controls is generated by `gonogo docs docs/controls`; this keeps it true to the catalogue.
    fsys::path dir = fsys::path(GONOGO_SOURCE_DIR) / "docs" / "controls";
    for (const auto& [name, text] : report::control_docs(Catalog::embedded())) {
        std::ifstream in(dir / name);
        ASSERT_TRUE(in.good()) << "docs/controls/" << name << " is missing: run `gonogo docs docs/controls`";
        std::stringstream ss;
        ss << in.rdbuf();
        EXPECT_EQ(ss.str(), text) << "docs/controls/" << name << " is stale: run `gonogo docs docs/controls`";
    }
}
