// Walker and classifier tests: nested .gitignore with negation,
// .git/info/exclude, config excludes, .git never entered, symlink loops,
// unreadable folders (as an unprivileged child when run as root).
#include <gtest/gtest.h>

#include <algorithm>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "collect/classify.hpp"
#include "collect/walker.hpp"

using namespace gonogo;
using namespace gonogo::collect;
namespace fsys = std::filesystem;

namespace {

struct TempTree {
    fsys::path root;
    TempTree() {
        root = fsys::temp_directory_path() / ("gonogo_walk_" + std::to_string(::getpid()) + "_" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fsys::remove_all(root);
        fsys::create_directories(root);
    }
    ~TempTree() {
        std::error_code ec;
        fsys::permissions(root / "locked", fsys::perms::owner_all, ec);
        fsys::remove_all(root, ec);
    }
    void write(const std::string& rel, const std::string& text = "x\n") const {
        auto p = root / rel;
        fsys::create_directories(p.parent_path());
        std::ofstream(p) << text;
    }
};

std::vector<std::string> paths(const WalkResult& w) {
    std::vector<std::string> out;
    for (const auto& f : w.files) out.push_back(f.path);
    return out;
}

}  // namespace

TEST(Walker, HonoursNestedGitignoreAndNegation) {
    TempTree t;
    t.write(".gitignore", "*.log\nbuild/\n!keep.log\n");
    t.write("a.log");
    t.write("keep.log");
    t.write("build/out.js");
    t.write("src/app.js");
    t.write("src/.gitignore", "secret.txt\n/local.js\n");
    t.write("src/secret.txt");
    t.write("src/local.js");
    t.write("src/deep/local.js");
    t.write(".git/config", "[core]\n");
    t.write(".git/info/exclude", "excluded.md\n");
    t.write("excluded.md");
    auto w = walk(t.root, {});
    ASSERT_TRUE(w.has_value());
    auto p = paths(*w);
    std::vector<std::string> want{".gitignore", "keep.log", "src/.gitignore", "src/app.js", "src/deep/local.js"};
    EXPECT_EQ(p, want);
    EXPECT_GE(w->ignored, 5u);
}

// Folders are listed by several threads: the result must not depend on how many, and a deeper
// .gitignore still overrides its parents (here it re-includes what the root ignores).
TEST(Walker, SameResultWithSeveralThreads) {
    TempTree t;
    t.write(".gitignore", "*.tmp\ngen/\n");
    for (int d = 0; d < 12; ++d)
        for (int f = 0; f < 6; ++f) t.write("pkg" + std::to_string(d) + "/sub/file" + std::to_string(f) + (f % 3 ? ".js" : ".tmp"));
    t.write("pkg3/.gitignore", "!*.tmp\n");
    t.write("pkg5/gen/out.js");
    auto one = walk(t.root, {}, 1);
    auto four = walk(t.root, {}, 4);
    ASSERT_TRUE(one.has_value() && four.has_value());
    EXPECT_EQ(paths(*one), paths(*four));
    EXPECT_EQ(one->ignored, four->ignored);
    auto p = paths(*four);
    EXPECT_NE(std::find(p.begin(), p.end(), "pkg3/sub/file0.tmp"), p.end());  // re-included below pkg3
    EXPECT_EQ(std::find(p.begin(), p.end(), "pkg4/sub/file0.tmp"), p.end());
    EXPECT_EQ(std::find(p.begin(), p.end(), "pkg5/gen/out.js"), p.end());
    EXPECT_TRUE(std::is_sorted(p.begin(), p.end()));
}

// Ignore lines are tried through an index by last character; the last matching line must still
// win whichever index it came from.
TEST(Walker, LastMatchingIgnoreLineWins) {
    gonogo::collect::IgnoreRules r("", "*.txt\n!important.txt\nimp*.txt\n!*ant.txt\nbuild/\n*.o\n!keep.o\n");
    EXPECT_EQ(r.match("notes.txt", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("important.txt", false), std::optional<bool>(false));  // "!*ant.txt" is last
    EXPECT_EQ(r.match("impish.txt", false), std::optional<bool>(true));      // "imp*.txt" after "!important.txt"
    EXPECT_EQ(r.match("src/keep.o", false), std::optional<bool>(false));
    EXPECT_EQ(r.match("src/main.o", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("build", true), std::optional<bool>(true));
    EXPECT_EQ(r.match("build", false), std::nullopt);  // a file named build: the rule is for folders
    EXPECT_EQ(r.match("readme.md", false), std::nullopt);
}

// Anchored lines skip the glob matcher when the path cannot match (wrong leading text or a
// different depth); the decisions must be those of the matcher itself.
TEST(Walker, AnchoredIgnoreLines) {
    gonogo::collect::IgnoreRules r("", "/u-boot*\n/spl/\n/include/config/\ndocs/*/build\n/*.log\nlib/**/gen\n!/u-boot.lds\n");
    EXPECT_EQ(r.match("u-boot.bin", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("u-boot.lds", false), std::optional<bool>(false));  // the negation is later
    EXPECT_EQ(r.match("tools/u-boot.bin", false), std::nullopt);          // anchored at the root only
    EXPECT_EQ(r.match("spl", true), std::optional<bool>(true));
    EXPECT_EQ(r.match("spl", false), std::nullopt);
    EXPECT_EQ(r.match("include/config", true), std::optional<bool>(true));
    EXPECT_EQ(r.match("include/configs", true), std::nullopt);
    EXPECT_EQ(r.match("docs/api/build", true), std::optional<bool>(true));
    EXPECT_EQ(r.match("docs/build", true), std::nullopt);        // "*" needs one folder between
    EXPECT_EQ(r.match("docs/a/b/build", true), std::nullopt);    // and never crosses '/'
    EXPECT_EQ(r.match("make.log", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("sub/make.log", false), std::nullopt);
    EXPECT_EQ(r.match("lib/gen", true), std::optional<bool>(true));  // "**" spans any depth
    EXPECT_EQ(r.match("lib/a/b/gen", true), std::optional<bool>(true));
    gonogo::collect::IgnoreRules nested("board/acme", "/out*\nx/*.o\n");
    EXPECT_EQ(nested.match("board/acme/out.txt", false), std::optional<bool>(true));
    EXPECT_EQ(nested.match("board/acme/x/y.o", false), std::optional<bool>(true));
    EXPECT_EQ(nested.match("board/acme/x/y/z.o", false), std::nullopt);
    EXPECT_EQ(nested.match("board/out.txt", false), std::nullopt);
}

// Glob lines are refused early when the path lacks their longest literal run; classes, escapes
// and an unclosed '[' must not put characters into that run that a match need not contain.
TEST(Walker, GlobIgnoreLinesWithClasses) {
    gonogo::collect::IgnoreRules r("", "*.bin[_.]*\n*.tab.[ch]\n[]x]ab*.q\n\\#*#\nfoo[ab\n");
    EXPECT_EQ(r.match("u-boot.bin_x", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("dir/u-boot.bin.gz", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("u-boot.bin", false), std::nullopt);
    EXPECT_EQ(r.match("parse.tab.c", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("parse.tab.o", false), std::nullopt);
    EXPECT_EQ(r.match("]ab1.q", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("xab.q", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("#autosave#", false), std::optional<bool>(true));
    EXPECT_EQ(r.match("foo[ab", false), std::optional<bool>(true));  // an unclosed '[' is literal
    EXPECT_EQ(r.match("fooa", false), std::nullopt);
}

TEST(Walker, ConfigExcludes) {
    TempTree t;
    t.write("src/a.js");
    t.write("legacy/b.js");
    t.write("docs/x/y.md");
    auto w = walk(t.root, {"legacy", "docs/**"});
    ASSERT_TRUE(w.has_value());
    EXPECT_EQ(paths(*w), std::vector<std::string>{"src/a.js"});
}

TEST(Walker, SymlinkLoopIsNotFollowed) {
    TempTree t;
    t.write("src/a.js");
    fsys::create_directory_symlink(t.root / "src", t.root / "src" / "loop");
    fsys::create_directory_symlink(t.root, t.root / "up");
    auto w = walk(t.root, {});
    ASSERT_TRUE(w.has_value());
    EXPECT_EQ(paths(*w), std::vector<std::string>{"src/a.js"});
    EXPECT_EQ(w->symlinks, 2u);
}

TEST(Walker, MissingPathAndFileInsteadOfFolder) {
    TempTree t;
    t.write("file.txt");
    auto missing = walk(t.root / "nope", {});
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("no such"), std::string::npos);
    auto file = walk(t.root / "file.txt", {});
    ASSERT_FALSE(file.has_value());
    EXPECT_NE(file.error().message.find("not a folder"), std::string::npos);
}

TEST(Walker, EmptyFolder) {
    TempTree t;
    auto w = walk(t.root, {});
    ASSERT_TRUE(w.has_value());
    EXPECT_TRUE(w->files.empty());
}

TEST(Walker, UnreadableFolderIsReportedAndTheWalkGoesOn) {
    TempTree t;
    t.write("ok/a.js");
    t.write("locked/b.js");
    fsys::permissions(t.root / "locked", fsys::perms::none);
    // Root reads everything: walk from an unprivileged child so the folder is really unreadable.
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::close(fds[0]);
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        auto w = walk(t.root, {});
        std::string out;
        if (w) {
            for (const auto& f : w->files) out += "F " + f.path + "\n";
            for (const auto& d : w->diagnostics) out += "D " + d.path + ": " + d.message + "\n";
        }
        if (::write(fds[1], out.data(), out.size()) < 0) ::_exit(4);
        ::_exit(w ? 0 : 2);
    }
    ::close(fds[1]);
    std::string got;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop privileges here";
    // The temp tree must be traversable by the unprivileged user.
    ASSERT_EQ(WEXITSTATUS(status), 0) << got;
    EXPECT_NE(got.find("F ok/a.js"), std::string::npos) << got;
    EXPECT_NE(got.find("D locked: cannot read folder"), std::string::npos) << got;
}

TEST(Classify, Kinds) {
    EXPECT_EQ(classify("src/app.ts").kind, FileKind::source);
    EXPECT_EQ(classify("src/app.ts").lang, Language::typescript);
    EXPECT_EQ(classify("node_modules/x/index.js").kind, FileKind::vendored);
    EXPECT_EQ(classify("web/dist/app.js").kind, FileKind::vendored);
    EXPECT_EQ(classify("public/app.min.js").kind, FileKind::generated);
    EXPECT_EQ(classify("package-lock.json").kind, FileKind::generated);
    EXPECT_EQ(classify("src/app.test.ts").kind, FileKind::test);
    EXPECT_EQ(classify("tests/fixtures/a.json").kind, FileKind::test);
    EXPECT_EQ(classify("pkg/handler_test.go").kind, FileKind::test);
    EXPECT_EQ(classify("app/test_views.py").kind, FileKind::test);
    EXPECT_EQ(classify("tests.py").kind, FileKind::test);
    EXPECT_EQ(classify("_examples/rest/main.go").kind, FileKind::test);
    EXPECT_EQ(classify("polls/tests.py").kind, FileKind::test);
    EXPECT_EQ(classify("app/model_tests.py").kind, FileKind::test);
    EXPECT_EQ(classify("app/contests.py").kind, FileKind::source);
    EXPECT_EQ(classify("netbox/configuration_testing.py").kind, FileKind::test);
    EXPECT_EQ(classify("project/settings_test.py").kind, FileKind::test);
    EXPECT_NE(classify("project/settings.py").kind, FileKind::test);
    EXPECT_EQ(classify("examples/demo/main.go").kind, FileKind::test);
    EXPECT_EQ(classify("package.json").kind, FileKind::manifest);
    EXPECT_EQ(classify("Dockerfile").kind, FileKind::manifest);
    EXPECT_EQ(classify("deploy/docker-compose.prod.yml").kind, FileKind::manifest);
    EXPECT_EQ(classify("k8s/deploy.yaml").kind, FileKind::config);
    EXPECT_EQ(classify(".env.production").lang, Language::env);
    EXPECT_EQ(classify("docs/runbook.md").kind, FileKind::docs);
    EXPECT_EQ(classify("src/main.c").kind, FileKind::source);
    EXPECT_FALSE(keep_text(classify("src/main.c")));
    EXPECT_TRUE(keep_text(classify("src/main.go")));
}
