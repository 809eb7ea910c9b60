// Unit tests for src/util: glob matching with gitignore semantics, strings, fs.
#include <gtest/gtest.h>

#include <filesystem>

#include "util/fs.hpp"
#include "util/glob.hpp"
#include "util/strings.hpp"

using namespace gonogo;

// Case-blind search folds ASCII letters only (gonogo sets no locale), bytes of UTF-8 text stay as they are.
TEST(Strings, CaseBlindSearchAndLower) {
    EXPECT_TRUE(str::icontains("Run HELM Rollback now", "helm rollback"));
    EXPECT_TRUE(str::icontains("x-Request-ID", "X-REQUEST-id"));
    EXPECT_TRUE(str::icontains("abc", ""));
    EXPECT_FALSE(str::icontains("ab", "abc"));
    EXPECT_FALSE(str::icontains("rollbac", "rollback"));
    EXPECT_TRUE(str::icontains("aaab", "AAB"));          // a partial match before the real one
    EXPECT_TRUE(str::icontains("#1: undo", "#1: UNDO"));  // first character not a letter
    EXPECT_TRUE(str::icontains("Datenschutzerkl\xc3\xa4rung", "ERKL\xc3\xa4RUNG"));
    EXPECT_FALSE(str::icontains("\xc3\xa4", "\xc3\x84"));  // non-ASCII is not folded
    EXPECT_EQ(str::lower("Privacy POLICY \xc3\x84"), "privacy policy \xc3\x84");
}

// One escaper serves the HTML report and JUnit XML: markup characters become references, control
// characters XML 1.0 cannot carry become spaces, UTF-8 passes through.
TEST(Strings, MarkupEscape) {
    EXPECT_EQ(str::markup_escape("a < b && c > \"d\" 'e'"), "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
    EXPECT_EQ(str::markup_escape("tab\tline\nbell\x07" "esc\x1b"), "tab\tline\nbell esc ");
    EXPECT_EQ(str::markup_escape("Stra\xc3\x9f""e"), "Stra\xc3\x9f""e");
}

// A prepared pattern answers as match() does, for the shapes it shortcuts and for the rest.
TEST(Glob, PreparedPatternAgreesWithMatch) {
    const std::vector<std::string> globs = {"Makefile", "*.mk", "Dockerfile*", "*.tab.[ch]", "src/*.js", "**/*.yml",
                                            "a*b", "*", "x?z", "docs/"};
    const std::vector<std::string> paths = {"Makefile", "GNUmakefile", "rules.mk", "dir/rules.mk", "Dockerfile",
                                            "Dockerfile.prod", "Dockerfile/x", "parse.tab.c", "src/a.js", "src/x/a.js",
                                            "ci/a.yml", "a.yml", "ab", "axxb", "a/b", "xyz", "x/z", "docs/", "", "mk"};
    for (const auto& g : globs) {
        const glob::Pattern p(g);
        for (const auto& path : paths) EXPECT_EQ(p.matches(path), glob::match(g, path)) << g << " on " << path;
    }
}

TEST(Glob, StarDoesNotCrossSlash) {
    EXPECT_TRUE(glob::match("*.js", "a.js"));
    EXPECT_FALSE(glob::match("*.js", "src/a.js"));
    EXPECT_TRUE(glob::match("src/*.js", "src/a.js"));
    EXPECT_FALSE(glob::match("src/*.js", "src/x/a.js"));
}

TEST(Glob, DoubleStar) {
    EXPECT_TRUE(glob::match("**/*.js", "a.js"));
    EXPECT_TRUE(glob::match("**/*.js", "x/y/a.js"));
    EXPECT_TRUE(glob::match("docs/**", "docs/a/b.md"));
    EXPECT_TRUE(glob::match("a/**/b", "a/b"));
    EXPECT_TRUE(glob::match("a/**/b", "a/x/y/b"));
    EXPECT_FALSE(glob::match("a/**/b", "a/x/y/c"));
}

TEST(Glob, ClassesAndQuestion) {
    EXPECT_TRUE(glob::match("file?.txt", "file1.txt"));
    EXPECT_FALSE(glob::match("file?.txt", "file10.txt"));
    EXPECT_TRUE(glob::match("[abc].go", "b.go"));
    EXPECT_FALSE(glob::match("[!abc].go", "b.go"));
    EXPECT_TRUE(glob::match("[0-9].md", "7.md"));
}

TEST(Strings, MaskKeepsPrefixOnly) {
    auto m = str::mask("sk_live_abcdefghijklmnop", 8);
    EXPECT_EQ(m.substr(0, 8), "sk_live_");
    EXPECT_EQ(m.find("abcdef"), std::string::npos);
    EXPECT_EQ(str::mask("ab"), "****");
}

TEST(Strings, EntropyOrdersRandomAboveRepetitive) {
    EXPECT_LT(str::entropy("aaaaaaaaaaaaaaaa"), 0.1);
    EXPECT_GT(str::entropy("q8Zt3vLx9PwR2mKd"), 3.5);
}

TEST(Strings, LineIndex) {
    std::string t = "one\ntwo\r\nthree";
    str::LineIndex li(t);
    EXPECT_EQ(li.at(0).line, 1u);
    EXPECT_EQ(li.at(4).line, 2u);
    EXPECT_EQ(li.at(10).line, 3u);
    EXPECT_EQ(li.at(10).column, 2u);
    EXPECT_EQ(li.line_text(t, 2), "two");
    EXPECT_EQ(li.line_text(t, 3), "three");
}

TEST(Fs, BinaryAndUtf8) {
    EXPECT_TRUE(fs::looks_binary(std::string("ab\0cd", 5)));
    EXPECT_FALSE(fs::looks_binary("plain text\nwith lines\n"));
    EXPECT_TRUE(fs::is_valid_utf8("h\xc3\xa9llo"));
    EXPECT_FALSE(fs::is_valid_utf8("h\xe9llo"));
}

TEST(Fs, ReadCapAndMissing) {
    auto dir = std::filesystem::temp_directory_path() / "gonogo_fs_test";
    std::filesystem::create_directories(dir);
    ASSERT_TRUE(fs::write_file_atomic(dir / "f.txt", "0123456789").has_value());
    EXPECT_EQ(*fs::read_file(dir / "f.txt", 100), "0123456789");
    auto capped = fs::read_file(dir / "f.txt", 5);
    ASSERT_FALSE(capped.has_value());
    EXPECT_NE(capped.error().message.find("cap"), std::string::npos);
    auto missing = fs::read_file(dir / "nope.txt", 5);
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().where.find("nope.txt"), std::string::npos);
    std::filesystem::remove_all(dir);
}
