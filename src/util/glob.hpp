// Glob matching with gitignore semantics for `*`, `?`, `[...]` and `**`.
// Hand-written: no Debian library matches gitignore globs without a git
// repository (libgit2 needs one, fnmatch has no `**`).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace gonogo::glob {

// Matches `path` (slash-separated, no leading slash) against `pattern`.
// `*` and `?` never cross '/', `**/` matches zero or more directories,
// a trailing `/**` matches everything below.
bool match(std::string_view pattern, std::string_view path);

// A glob prepared once for many matches: the common shapes ("Makefile", "*.vue", "Dockerfile*") are
// decided by string comparison, the rest by match(). Same answers as match().
class Pattern {
public:
    explicit Pattern(std::string glob);
    bool matches(std::string_view path) const;
    const std::string& text() const { return m_glob; }

private:
    enum class Shape : unsigned char { exact, suffix, prefix, general };
    std::string m_glob;
    std::string m_lit;
    Shape m_shape = Shape::general;
};

// True when one of `globs` matches `path`, or names a folder `path` is inside ("scripts", "scripts/",
// "tools/*" all cover "scripts/a/b.js" or "tools/x/y.py"). For config path lists: include, waivers.
bool covers(const std::vector<std::string>& globs, std::string_view path);

}  // namespace gonogo::glob
