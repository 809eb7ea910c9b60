// End-to-end tests of the gonogo binary: exit codes, output selection, bad
// input that must not stop the audit, 100k tiny files, and checkpoint/resume
// after a kill giving the same report as an uninterrupted run.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"

TEST(Cli, MissingPathIsAUsageError) {
    auto r = run("audit /nonexistent/gonogo/path");
    EXPECT_EQ(r.code, 64) << r.out;
    EXPECT_NE(r.out.find("/nonexistent/gonogo/path"), std::string::npos) << r.out;
}

TEST(Cli, FileInsteadOfFolderIsAUsageError) {
    Tmp t("file");
    t.write("a.txt", "x");
    auto r = run("audit " + (t.root / "a.txt").string());
    EXPECT_EQ(r.code, 64) << r.out;
    EXPECT_NE(r.out.find("not a folder"), std::string::npos) << r.out;
}

TEST(Cli, BadFlagsAreUsageErrors) {
    EXPECT_EQ(run("audit . --tier 7").code, 64);
    EXPECT_EQ(run("audit . --framework nope").code, 64);
    EXPECT_EQ(run("frobnicate").code, 64);
    EXPECT_EQ(run("explain NOPE-99").code, 64);
    auto ok = run("explain REL-01");
    EXPECT_EQ(ok.code, 0);
    EXPECT_NE(ok.out.find("How gonogo decides"), std::string::npos);
}

TEST(Cli, EmptyFolderIsAuditedWithoutCrashing) {
    Tmp t("empty");
    auto r = run("audit " + t.root.string() + " --format json --output " + (t.root / "r.json").string(), k_fixed);
    EXPECT_TRUE(r.code == 0 || r.code == 1 || r.code == 2) << r.out;
    auto j = nlohmann::json::parse(slurp(t.root / "r.json"));
    EXPECT_EQ(j["controls"].size(), 136u);
}

TEST(Cli, JsonOutputWritesOnlyThatFile) {
    Tmp t("jsononly");
    t.write("src/app.js", "console.log('hi')\n");
    auto out = t.root / "out" / "r.json";
    auto r = run("audit " + t.root.string() + " --format json --output " + out.string(), k_fixed);
    EXPECT_TRUE(fsys::exists(out)) << r.out;
    EXPECT_FALSE(fsys::exists(t.root / "reports")) << "nothing else is written into the repository";
    EXPECT_NE(r.out.find("Report saved to:"), std::string::npos);
    auto j = nlohmann::json::parse(slurp(out));
    EXPECT_EQ(j["schema"], "gonogo.audit/v1");
}

TEST(Cli, DefaultMarkdownReportPath) {
    Tmp t("mdpath");
    t.write("main.py", "print('x')\n");
    auto r = run("audit " + t.root.string(), k_fixed);
    EXPECT_TRUE(fsys::exists(t.root / "reports" / "2026-01-02-production-readiness.md")) << r.out;
    EXPECT_NE(r.out.find("📄 Report saved to: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("reports/2026-01-02-production-readiness.md"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "NO_COLOR and a pipe: no colour";
}

TEST(Cli, BadInputIsListedAndTheAuditGoesOn) {
    Tmp t("badinput");
    t.write("package.json", "{\"name\": \"x\", \"dependencies\": {\"express\": \"4\"");  // truncated JSON
    t.write("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec: [unclosed\n");
    t.write("Dockerfile", "FROM\nRUN ((( \"unclosed\nCOPY\n");
    t.write("worker/pyproject.toml", "[project]\nname = \"worker\"\ndependencies = [\"fastapi\"\n[tool.ruff]\n");
    t.write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    t.write("latin1.md", "caf\xe9 cr\xe8me\n");
    t.write("big.js", std::string(3 * 1024 * 1024, 'a'));
    t.write("src/server.js", "const express = require('express')\n");
    fsys::create_directory_symlink(t.root / "src", t.root / "src" / "loop");
    auto out = t.root / "r.json";
    auto r = run("audit " + t.root.string() + " --format json --output " + out.string(), k_fixed);
    ASSERT_TRUE(r.code == 0 || r.code == 1 || r.code == 2) << r.out;
    auto j = nlohmann::json::parse(slurp(out));
    std::string diags = j["diagnostics"].dump();
    EXPECT_NE(diags.find("package.json"), std::string::npos) << diags;
    EXPECT_NE(diags.find("malformed JSON"), std::string::npos) << diags;
    EXPECT_NE(diags.find("k8s/deploy.yaml"), std::string::npos) << diags;
    EXPECT_NE(diags.find("malformed YAML"), std::string::npos) << diags;
    EXPECT_NE(diags.find("big.js"), std::string::npos) << diags;
    EXPECT_NE(diags.find("latin1.md"), std::string::npos) << diags;
    EXPECT_NE(diags.find("symbolic link"), std::string::npos) << diags;
    EXPECT_NE(diags.find("malformed Dockerfile at line 1: FROM has no arguments"), std::string::npos) << diags;
    EXPECT_NE(diags.find("worker/pyproject.toml"), std::string::npos) << diags;
    EXPECT_NE(diags.find("malformed TOML at line 4"), std::string::npos) << diags;
    EXPECT_EQ(j["stats"]["skipped_binary"], 1);
    EXPECT_EQ(j["stats"]["skipped_large"], 1);
}

TEST(Cli, MemoryCeilingKeepsScanningAndSaysWhatWasNotKept) {
    Tmp t("memory");
    // Three 900 KB sources cost about 10 MiB each once parsed: a 16 MiB ceiling keeps one.
    std::string body;
    while (body.size() < 900 * 1024) body += "export const value" + std::to_string(body.size()) + " = 1;\n";
    for (const char* name : {"src/a.ts", "src/b.ts"}) t.write(name, body);
    t.write("src/c.ts", body + "export const awsKey = 'AKIAZ7QH3RW5KM2TXJ4N';\n");
    t.write("src/key.ts", "export const k = 1;\n");
    t.write("package.json", "{\"name\": \"x\", \"dependencies\": {\"express\": \"4\"}}");
    auto out = t.root / "r.json";
    auto r = run("audit " + t.root.string() + " --max-memory 16 --format json --output " + out.string(), k_fixed);
    ASSERT_TRUE(r.code == 0 || r.code == 1 || r.code == 2) << r.out;
    auto j = nlohmann::json::parse(slurp(out));
    EXPECT_EQ(j["stats"]["not_kept_memory"], 2) << j["stats"].dump();
    EXPECT_EQ(j["stats"]["files_scanned"], 5);
    std::string diags = j["diagnostics"].dump();
    EXPECT_NE(diags.find("memory ceiling of 16 MiB reached: 2 file(s)"), std::string::npos) << diags;
    EXPECT_NE(diags.find("src/b.ts"), std::string::npos) << diags;
    // Files not kept are still scanned: the key in src/c.ts is found, and masked.
    const std::string controls = j["controls"].dump();
    EXPECT_NE(controls.find("src/c.ts"), std::string::npos);
    EXPECT_EQ(controls.find("AKIAZ7QH3RW5KM2TXJ4N"), std::string::npos);
    EXPECT_EQ(run("audit " + t.root.string() + " --max-memory 1", k_fixed).code, 64);
}

TEST(Cli, HundredThousandTinyFiles) {
    Tmp t("many");
    for (int d = 0; d < 100; ++d) {
        auto dir = t.root / ("d" + std::to_string(d));
        fsys::create_directories(dir);
        for (int f = 0; f < 1000; ++f) std::ofstream(dir / ("f" + std::to_string(f) + ".txt")) << "x\n";
    }
    auto out = t.root / "r.json";
    auto r = run("audit " + t.root.string() + " --format json --output " + out.string(), k_fixed);
    ASSERT_TRUE(r.code == 0 || r.code == 1 || r.code == 2) << r.out;
    auto j = nlohmann::json::parse(slurp(out));
    EXPECT_EQ(j["stats"]["files_seen"], 100000);
}

TEST(Cli, ResumeAfterKillEqualsUninterruptedRun) {
    Tmp t("resume");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking not present";
    auto full = t.root / "full.json";
    auto again = t.root / "resumed.json";
    run("audit " + repo.string() + " --format json --output " + full.string(), k_fixed);
    auto killed = run("audit " + repo.string() + " --format json --output " + again.string(),
                      std::string(k_fixed) + " GONOGO_TEST_ABORT_AFTER=SEC");
    EXPECT_EQ(killed.code, 128 + 9) << killed.out;
    EXPECT_FALSE(fsys::exists(again));
    // Categories run on two processes, so which others were done when SEC finished varies; the
    // checkpoint must name SEC as done and every category as either done or next.
    bool found = false;
    for (const auto& e : fsys::directory_iterator(repo / ".gonogo" / "checkpoints")) {
        std::string completed, next;
        for (const auto& line : str_lines(slurp(e.path()))) {
            if (line.rfind("**Completed categories:** ", 0) == 0) completed = line.substr(26);
            if (line.rfind("**Next step:** ", 0) == 0) next = line.substr(15);
        }
        found = completed.find("SEC") != std::string::npos;
        for (const char* cat : {"REL", "OBS", "SCA", "SEC", "DR", "PERF", "OPS", "LOAD", "COMP"})
            found = found && (completed.find(cat) != std::string::npos || next.find(cat) != std::string::npos);
        EXPECT_TRUE(next.rfind("audit categories ", 0) == 0 || next.rfind("score and write", 0) == 0) << next;
    }
    EXPECT_TRUE(found) << "checkpoint names completed categories and the next step";
    auto resumed = run("audit " + repo.string() + " --resume --format json --output " + again.string(), k_fixed);
    ASSERT_TRUE(fsys::exists(again)) << resumed.out;
    auto a = nlohmann::json::parse(slurp(full));
    auto b = nlohmann::json::parse(slurp(again));
    a["stats"].erase("duration_ms");  // wall time is the one thing allowed to differ
    b["stats"].erase("duration_ms");
    auto la = str_lines(a.dump(2)), lb = str_lines(b.dump(2));
    for (std::size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
        std::string x = i < la.size() ? la[i] : "<end>", y = i < lb.size() ? lb[i] : "<end>";
        ASSERT_EQ(x, y) << "first difference at line " << i + 1;
    }
}

// The second audit worker (a forked process) dying after taking a category costs time, not results:
// the main process runs what did not come back and says so.
TEST(Cli, LostWorkerIsRecoveredByTheMainProcess) {
    Tmp t("worker");
    auto repo = copy_of_example(t);
    if (repo.empty()) GTEST_SKIP() << "examples/booking not present";
    auto full = t.root / "full.json";
    auto lost = t.root / "lost.json";
    run("audit " + repo.string() + " --format json --output " + full.string(), k_fixed);
    // --threads 2: the worker exists whatever the machine's core count.
    auto r = run("audit " + repo.string() + " --threads 2 --format json --output " + lost.string(),
                 std::string(k_fixed) + " GONOGO_TEST_WORKER_DIES=1");
    ASSERT_TRUE(fsys::exists(lost)) << r.out;
    auto a = nlohmann::json::parse(slurp(full));
    auto b = nlohmann::json::parse(slurp(lost));
    EXPECT_EQ(a["controls"], b["controls"]);
    EXPECT_EQ(a["verdict"], b["verdict"]);
    bool said = false;
    for (const auto& d : b["diagnostics"])
        said = said || d["message"].get<std::string>().find("second audit worker was killed by signal 9") != std::string::npos;
    EXPECT_TRUE(said) << b["diagnostics"].dump();
}

// The example service's report is kept stable: tests/golden/booking.md is the
// expected Markdown (time fixed, paths relative). Review a change, then
// regenerate with GONOGO_UPDATE_GOLDEN=1.
TEST(Cli, GoldenExampleReport) {
    fsys::path example = fsys::path(GONOGO_SOURCE_DIR) / "examples" / "booking";
    fsys::path golden = fsys::path(GONOGO_SOURCE_DIR) / "tests" / "golden" / "booking.md";
    if (!fsys::exists(example)) GTEST_SKIP() << "examples/booking not present";
    Tmp t("golden");
    auto out = t.root / "booking.md";
    // --no-history: the source tree is audited in place and must not gain a history database.
    auto r = run("audit " + example.string() + " --format md --output " + out.string() + " --no-history", k_fixed);
    // NO-GO (1) once its deliberate blockers are decided; CONDITIONAL GO (2) while they are unknown.
    ASSERT_TRUE(r.code == 1 || r.code == 2) << r.out;
    auto got = slurp(out);
    if (std::getenv("GONOGO_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << got;
        GTEST_SKIP() << "golden report updated: review the diff";
    }
    ASSERT_TRUE(fsys::exists(golden)) << "run with GONOGO_UPDATE_GOLDEN=1 to create " << golden;
    auto want = slurp(golden);
    auto lw = str_lines(want), lg = str_lines(got);
    for (std::size_t i = 0; i < std::max(lw.size(), lg.size()); ++i) {
        std::string x = i < lw.size() ? lw[i] : "<end>", y = i < lg.size() ? lg[i] : "<end>";
        ASSERT_EQ(x, y) << "golden report differs at line " << i + 1 << " (GONOGO_UPDATE_GOLDEN=1 regenerates it)";
    }
}
