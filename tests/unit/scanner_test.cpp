// Scanner tests: one Hyperscan database for several signatures, start offsets,
// lines and columns, kind filters, folding of overlapping matches.
#include <gtest/gtest.h>

#include "collect/scanner.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace gonogo::collect;

TEST(Scanner, FindsEverySignatureWithPositions) {
    auto s = Scanner::compile({{"aws", "AKIA[0-9A-Z]{16}", false, {}}, {"word", "sigterm", true, {}}});
    ASSERT_TRUE(s.has_value()) << s.error().message;
    auto scratch = s->make_scratch();
    ASSERT_TRUE(scratch.has_value());
    std::string text = "line one\nkey = AKIAABCDEFGHIJKLMNOP\nprocess.on('SIGTERM')\n";
    std::vector<Hit> hits;
    s->scan(text, 7, FileKind::source, *scratch, hits);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].signature, 0u);
    EXPECT_EQ(hits[0].file, 7u);
    EXPECT_EQ(hits[0].line, 2u);
    EXPECT_EQ(hits[0].column, 7u);
    EXPECT_EQ(hits[0].match, "AKIAABCDEFGHIJKLMNOP");
    EXPECT_EQ(hits[0].line_text, "key = AKIAABCDEFGHIJKLMNOP");
    EXPECT_EQ(hits[1].line, 3u);
    EXPECT_EQ(hits[1].match, "SIGTERM");
}

TEST(Scanner, FoldsOverlappingMatchesToTheLongest) {
    auto s = Scanner::compile({{"digits", "[0-9]{3,}", false, {}}});
    ASSERT_TRUE(s.has_value());
    auto scratch = s->make_scratch();
    std::vector<Hit> hits;
    s->scan("a 123456 b 789", 0, FileKind::source, *scratch, hits);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].match, "123456");
    EXPECT_EQ(hits[1].match, "789");
}

TEST(Scanner, KindFilter) {
    auto s = Scanner::compile({{"docs-only", "runbook", true, {FileKind::docs}}});
    ASSERT_TRUE(s.has_value());
    auto scratch = s->make_scratch();
    std::vector<Hit> hits;
    s->scan("Runbook", 0, FileKind::source, *scratch, hits);
    EXPECT_TRUE(hits.empty());
    s->scan("Runbook", 0, FileKind::docs, *scratch, hits);
    EXPECT_EQ(hits.size(), 1u);
}

TEST(Scanner, NameScopedSignaturesMatchOnlyTheirFiles) {
    auto s = Scanner::compile({{"any", "deploy", false, {}},
                               {"make-recipe", R"(\n\t[^\n]+)", false, {FileKind::other}, {"Makefile", "*.mk"}}});
    ASSERT_TRUE(s.has_value());
    auto scratch = s->make_scratch();
    ASSERT_TRUE(scratch.has_value());
    const std::string text = "deploy:\n\tkubectl apply -f k8s/\n";
    std::vector<Hit> hits;
    s->scan(text, 0, FileKind::other, *scratch, hits, "Kconfig");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(s->signatures()[hits[0].signature].id, "any");
    hits.clear();
    s->scan(text, 0, FileKind::other, *scratch, hits, "release.mk");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[1].match, "\n\tkubectl apply -f k8s/");  // starts at the newline before the tab
    hits.clear();
    s->scan(text, 0, FileKind::source, *scratch, hits, "Makefile");  // the kind must match too
    EXPECT_EQ(hits.size(), 1u);
}

// A file marker keeps its first hit only; the other signatures in the same file keep all of theirs.
TEST(Scanner, FirstOnlyKeepsOneHitPerFile) {
    auto s = Scanner::compile({{"marker", "migrat", false, {}, {}, true}, {"every", "step", false, {}}});
    ASSERT_TRUE(s.has_value());
    auto scratch = s->make_scratch();
    ASSERT_TRUE(scratch.has_value());
    const std::string text = "step 1: migrate\nstep 2: migrate again\nstep 3: migration done\n";
    std::vector<Hit> hits;
    s->scan(text, 0, FileKind::docs, *scratch, hits);
    std::vector<std::uint32_t> marker_lines, step_lines;
    for (const auto& h : hits) (s->signatures()[h.signature].id == "marker" ? marker_lines : step_lines).push_back(h.line);
    EXPECT_EQ(marker_lines, std::vector<std::uint32_t>{1});
    EXPECT_EQ(step_lines, (std::vector<std::uint32_t>{1, 2, 3}));
}

// A line index handed in by the caller gives the same positions as the one the scanner builds.
TEST(Scanner, GivenLineIndexGivesTheSamePositions) {
    auto s = Scanner::compile({{"word", "deadline", false, {}}});
    ASSERT_TRUE(s.has_value());
    auto scratch = s->make_scratch();
    ASSERT_TRUE(scratch.has_value());
    const std::string text = "a\n\n  deadline = 5\nb deadline\n";
    const gonogo::str::LineIndex lines(text);
    std::vector<Hit> built, given;
    s->scan(text, 0, FileKind::source, *scratch, built);
    s->scan(text, 0, FileKind::source, *scratch, given, {}, &lines);
    ASSERT_EQ(built.size(), 2u);
    ASSERT_EQ(given.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(given[i].line, built[i].line);
        EXPECT_EQ(given[i].column, built[i].column);
        EXPECT_EQ(given[i].line_text, built[i].line_text);
    }
    EXPECT_EQ(given[0].line, 3u);
    EXPECT_EQ(given[0].column, 3u);
    EXPECT_EQ(given[1].line_text, "b deadline");
}

TEST(Scanner, RejectsABadPatternNamingIt) {
    auto s = Scanner::compile({{"ok", "abc", false, {}}, {"broken", "(unclosed", false, {}}});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().where, "broken");
}

// Patterns ending in [^\n]* / [^\n]+ are compiled without the tail and extended to the end of the
// line afterwards; the hits must equal what the full pattern would match.
TEST(Scanner, LineTailsGiveTheSameMatchesAsTheFullPattern) {
    auto s = Scanner::compile({{"dump", R"(\b(pg_dump|mysqldump)\b[^\n]*)", false, {}},
                               {"assign", R"(retention\s*=[^\n]+)", false, {}},
                               {"either", R"(alpha|beta[^\n]*)", false, {}}});
    ASSERT_TRUE(s.has_value()) << s.error().message;
    auto scratch = s->make_scratch();
    ASSERT_TRUE(scratch.has_value());
    const std::string text = "run: pg_dump -Fc app > a.dump\nretention =\nretention = 7 days\nalpha beta gamma\nx pg_dump";
    std::vector<Hit> hits;
    s->scan(text, 0, FileKind::source, *scratch, hits);
    std::vector<std::string> got;
    for (const auto& h : hits) got.push_back(s->signatures()[h.signature].id + "@" + std::to_string(h.line) + ":" +
                                             std::to_string(h.column) + " " + h.match);
    EXPECT_EQ(got, (std::vector<std::string>{
                       "dump@1:6 pg_dump -Fc app > a.dump",
                       "dump@5:3 pg_dump",                     // at the end of the text
                       "assign@3:1 retention = 7 days",        // line 2 has nothing after '='
                       "either@4:1 alpha",                     // top-level alternation: not a line tail
                       "either@4:7 beta gamma"}));
}

// Compiled databases are cached on disk and loaded next time; a corrupt cache file is compiled over.
TEST(Scanner, CachedDatabasesGiveTheSameHits) {
    namespace fsys = std::filesystem;
    auto dir = fsys::temp_directory_path() / ("gonogo_hscache_" + std::to_string(::getpid()));
    fsys::remove_all(dir);
    std::vector<Signature> sigs = {{"aws", "AKIA[0-9A-Z]{16}", false, {}},
                                   {"recipe", R"(\n\t[^\n]+)", false, {}, {"Makefile"}}};
    const std::string text = "key = AKIAABCDEFGHIJKLMNOP\nall:\n\tcc -o app main.c\n";
    auto hits_of = [&](const Scanner& s) {
        auto scratch = s.make_scratch();
        std::vector<Hit> hits;
        if (scratch) s.scan(text, 0, FileKind::other, *scratch, hits, "Makefile");
        std::vector<std::string> out;
        for (const auto& h : hits) out.push_back(s.signatures()[h.signature].id + " " + h.match);
        return out;
    };
    const std::vector<std::string> expected = {"aws AKIAABCDEFGHIJKLMNOP", "recipe \n\tcc -o app main.c"};
    auto first = Scanner::compile(sigs, dir);
    ASSERT_TRUE(first.has_value()) << first.error().message;
    EXPECT_EQ(hits_of(*first), expected);
    std::vector<fsys::path> files;
    for (const auto& e : fsys::directory_iterator(dir)) files.push_back(e.path());
    ASSERT_EQ(files.size(), 1u);
    // Backdate the file: loading leaves it alone, compiling again would write it anew.
    const auto old = fsys::file_time_type::clock::now() - std::chrono::hours(1);
    fsys::last_write_time(files[0], old);
    auto loaded = Scanner::compile(sigs, dir);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(hits_of(*loaded), expected);
    EXPECT_EQ(fsys::last_write_time(files[0]), old) << "the cached database was compiled again instead of loaded";
    std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "GNGHS1 not a database";
    auto again = Scanner::compile(sigs, dir);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(hits_of(*again), expected);
    EXPECT_GT(fsys::file_size(files[0]), 100u);  // rewritten with a real database
    fsys::remove_all(dir);
}
