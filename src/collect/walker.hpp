// Repository walker: lists the files under a root the way git would see them.
// Honours nested .gitignore files (with negation), .git/info/exclude and
// configured exclude globs; never enters .git; never follows symbolic links
// (so a symlink loop cannot trap it); reports what it could not read.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/audit_result.hpp"
#include "util/result.hpp"

namespace gonogo::collect {

struct WalkEntry {
    std::string path;  // relative, '/'-separated
    std::uint64_t size = 0;
};

struct WalkResult {
    std::vector<WalkEntry> files;  // sorted by path
    std::vector<Diagnostic> diagnostics;
    std::uint64_t ignored = 0;     // files and folders left out by ignore rules
    std::uint64_t symlinks = 0;    // links not followed
};

// Fails only when root itself is missing or not a directory. Folders are listed by `threads` threads;
// the result is the same whatever their timing.
Result<WalkResult> walk(const std::filesystem::path& root, const std::vector<std::string>& exclude_globs,
                        unsigned threads = 1);

// One .gitignore's rules, matched relative to the folder that holds it.
class IgnoreRules {
public:
    IgnoreRules() = default;
    IgnoreRules(std::string base, std::string_view content);
    // nullopt: no rule matched; true: ignored; false: re-included by a negation.
    std::optional<bool> match(std::string_view rel_path, bool is_dir) const;
    const std::string& base() const { return m_base; }
private:
    // Most lines have a shape a plain string comparison decides: "name", "*.ext", "prefix*" (base name).
    enum class Shape : unsigned char { glob, exact, suffix, prefix };
    struct Rule {
        std::string pattern;
        bool negate;
        bool dir_only;
        bool anchored;
        Shape shape;
        std::string lit;  // exact/suffix/prefix: the literal; anchored glob: the text before its first wildcard
        int slashes;      // anchored glob without "**": the '/' count every path it matches has (else -1)
        std::string must; // glob: its longest literal run, which every matching path contains
    };
    std::string m_base;  // folder of the .gitignore, relative to the root ("" = root)
    std::vector<Rule> m_rules;
    // Most ignore lines are "*.ext" or a plain name, matched against the base name: those are
    // indexed by their last character, so a name is tried only against the rules that could match
    // it; the rest (`m_general`) are tried for every path. Indexes ascend (the last match wins).
    std::array<std::vector<std::uint32_t>, 256> m_by_last;
    // Anchored globs with leading literal text ("/u-boot*", "/include/config/"), by its first
    // character: a path is tried only against those that could start it.
    std::array<std::vector<std::uint32_t>, 256> m_anchored_by_first;
    std::vector<std::uint32_t> m_general;
};

}  // namespace gonogo::collect
