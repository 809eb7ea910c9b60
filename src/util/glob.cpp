// Glob matching (see glob.hpp). Recursive with memo-free backtracking; patterns
// are short (gitignore lines, config globs) so the worst case stays small.
#include "util/glob.hpp"

namespace gonogo::glob {
namespace {

bool match_class(std::string_view pat, std::size_t& pi, char c) {
    // pat[pi] == '['; on return pi is past the closing ']'.
    std::size_t i = pi + 1;
    bool negate = false;
    if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) { negate = true; ++i; }
    bool matched = false;
    bool first = true;
    while (i < pat.size() && (first || pat[i] != ']')) {
        first = false;
        char lo = pat[i];
        if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
            char hi = pat[i + 2];
            if (c >= lo && c <= hi) matched = true;
            i += 3;
        } else {
            if (c == lo) matched = true;
            ++i;
        }
    }
    if (i >= pat.size()) {  // no closing bracket: treat '[' literally
        pi += 1;
        return c == '[';
    }
    pi = i + 1;
    return matched != negate;
}

bool match_at(std::string_view pat, std::size_t pi, std::string_view s, std::size_t si) {
    while (pi < pat.size()) {
        char p = pat[pi];
        if (p == '*') {
            bool dbl = pi + 1 < pat.size() && pat[pi + 1] == '*';
            if (dbl) {
                std::size_t next = pi + 2;
                bool at_seg_start = pi == 0 || pat[pi - 1] == '/';
                if (at_seg_start && next < pat.size() && pat[next] == '/') {
                    // "**/": zero or more whole directories
                    if (match_at(pat, next + 1, s, si)) return true;
                    for (std::size_t k = si; k < s.size(); ++k)
                        if (s[k] == '/' && match_at(pat, next + 1, s, k + 1)) return true;
                    return false;
                }
                // "/**" at the end or "**" elsewhere: anything, slashes included
                for (std::size_t k = si; k <= s.size(); ++k)
                    if (match_at(pat, next, s, k)) return true;
                return false;
            }
            for (std::size_t k = si; k <= s.size(); ++k) {
                if (match_at(pat, pi + 1, s, k)) return true;
                if (k < s.size() && s[k] == '/') break;
            }
            return false;
        }
        if (si >= s.size()) return false;
        if (p == '?') {
            if (s[si] == '/') return false;
            ++pi; ++si;
            continue;
        }
        if (p == '[') {
            if (s[si] == '/') return false;
            if (!match_class(pat, pi, s[si])) return false;
            ++si;
            continue;
        }
        if (p == '\\' && pi + 1 < pat.size()) { ++pi; p = pat[pi]; }
        if (p != s[si]) return false;
        ++pi; ++si;
    }
    return si == s.size();
}

}  // namespace

bool match(std::string_view pattern, std::string_view path) {
    // Fast paths for the shapes most ignore files are made of: a literal, or "*" + literal.
    auto wild = pattern.find_first_of("*?[\\");
    if (wild == std::string_view::npos) return pattern == path;
    if (wild == 0 && pattern[0] == '*' && pattern.size() > 1 && pattern[1] != '*' &&
        pattern.find_first_of("*?[\\/", 1) == std::string_view::npos) {
        auto lit = pattern.substr(1);
        return path.size() >= lit.size() && path.substr(path.size() - lit.size()) == lit &&
               path.substr(0, path.size() - lit.size()).find('/') == std::string_view::npos;
    }
    return match_at(pattern, 0, path, 0);
}

Pattern::Pattern(std::string glob) : m_glob(std::move(glob)) {
    const std::string_view g = m_glob;
    constexpr std::string_view k_special = "*?[\\/";
    if (g.find_first_of("*?[\\") == std::string_view::npos) {
        m_shape = Shape::exact;  // slashes included: a literal matches only itself
    } else if (g.size() > 1 && g[0] == '*' && g.find_first_of(k_special, 1) == std::string_view::npos) {
        m_shape = Shape::suffix;
        m_lit = std::string(g.substr(1));
    } else if (g.size() > 1 && g.back() == '*' && g.find_first_of(k_special) == g.size() - 1) {
        m_shape = Shape::prefix;
        m_lit = std::string(g.substr(0, g.size() - 1));
    }
}

bool Pattern::matches(std::string_view path) const {
    switch (m_shape) {
        case Shape::exact: return path == m_glob;
        case Shape::suffix:
            // "*" covers what comes before the literal and never crosses '/'
            return path.size() >= m_lit.size() && path.substr(path.size() - m_lit.size()) == m_lit &&
                   path.substr(0, path.size() - m_lit.size()).find('/') == std::string_view::npos;
        case Shape::prefix:
            return path.size() >= m_lit.size() && path.substr(0, m_lit.size()) == m_lit &&
                   path.substr(m_lit.size()).find('/') == std::string_view::npos;
        case Shape::general: break;
    }
    return match(m_glob, path);
}

bool covers(const std::vector<std::string>& globs, std::string_view path) {
    for (const auto& g : globs) {
        std::string_view p = g;
        while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
        if (match(p, path)) return true;
        // Every folder above `path` is tried as well: a glob naming a folder covers what is inside it.
        for (std::size_t i = path.find('/'); i != std::string_view::npos; i = path.find('/', i + 1))
            if (match(p, path.substr(0, i))) return true;
    }
    return false;
}

}  // namespace gonogo::glob
