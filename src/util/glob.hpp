// Glob matching with gitignore semantics for `*`, `?`, `[...]` and `**`.
// Hand-written: no Debian library matches gitignore globs without a git
// repository (libgit2 needs one, fnmatch has no `**`).
#pragma once
#include <string_view>

namespace gonogo::glob {

// Matches `path` (slash-separated, no leading slash) against `pattern`.
// `*` and `?` never cross '/', `**/` matches zero or more directories,
// a trailing `/**` matches everything below.
bool match(std::string_view pattern, std::string_view path);

}  // namespace gonogo::glob
