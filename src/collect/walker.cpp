// Repository walker (see walker.hpp). Depth-first with an explicit stack of
// ignore-rule sets; symbolic links are counted and never followed.
#include "collect/walker.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <system_error>

#include <fmt/format.h>

#include "util/fs.hpp"
#include "util/glob.hpp"
#include "util/strings.hpp"

namespace gonogo::collect {

namespace fsys = std::filesystem;

IgnoreRules::IgnoreRules(std::string base, std::string_view content) : m_base(std::move(base)) {
    for (auto raw : str::split(content, '\n')) {
        std::string line(raw);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // trailing spaces are ignored unless escaped
        while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\'))
            line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Rule r{};
        if (line[0] == '!') { r.negate = true; line.erase(0, 1); }
        else if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) line.erase(0, 1);
        if (!line.empty() && line.back() == '/') { r.dir_only = true; line.pop_back(); }
        if (line.empty()) continue;
        auto slash = line.find('/');
        r.anchored = slash != std::string::npos;
        if (!line.empty() && line[0] == '/') line.erase(0, 1);
        r.pattern = line;
        m_rules.push_back(std::move(r));
    }
    for (std::uint32_t i = 0; i < m_rules.size(); ++i) {
        const auto& r = m_rules[i];
        // "*literal" or "literal" without other wildcards, matched against the base name.
        std::string_view lit = r.pattern;
        if (!lit.empty() && lit[0] == '*') lit.remove_prefix(1);
        bool simple = !r.anchored && !lit.empty() && lit.find_first_of("*?[\\/") == std::string_view::npos;
        if (simple) m_by_last[static_cast<unsigned char>(lit.back())].push_back(i);
        else m_general.push_back(i);
    }
}

std::optional<bool> IgnoreRules::match(std::string_view rel_path, bool is_dir) const {
    std::string_view local = rel_path;
    if (!m_base.empty()) {
        if (rel_path.size() <= m_base.size() || rel_path.substr(0, m_base.size()) != m_base ||
            rel_path[m_base.size()] != '/')
            return std::nullopt;
        local = rel_path.substr(m_base.size() + 1);
    }
    auto slash = local.rfind('/');
    std::string_view name = slash == std::string_view::npos ? local : local.substr(slash + 1);
    // The candidates in descending order: the first that matches is the last matching line.
    static const std::vector<std::uint32_t> k_none;
    const auto& bucket = name.empty() ? k_none : m_by_last[static_cast<unsigned char>(name.back())];
    auto b = bucket.rbegin();
    auto g = m_general.rbegin();
    while (b != bucket.rend() || g != m_general.rend()) {
        std::uint32_t i;
        if (g == m_general.rend() || (b != bucket.rend() && *b > *g)) i = *b++;
        else i = *g++;
        const auto& r = m_rules[i];
        if (r.dir_only && !is_dir) continue;
        if (r.anchored ? glob::match(r.pattern, local) : glob::match(r.pattern, name)) return !r.negate;
    }
    return std::nullopt;
}

namespace {

struct Walker {
    fsys::path root;
    std::vector<std::string> excludes;
    WalkResult out;
    std::vector<IgnoreRules> rules;  // active sets, root first

    bool ignored(const std::string& rel, bool is_dir) const {
        for (const auto& g : excludes) {
            if (glob::match(g, rel)) return true;
            // a bare folder name or "dir/" excludes everything below it
            std::string dir_glob = g;
            if (!dir_glob.empty() && dir_glob.back() == '/') dir_glob.pop_back();
            if (is_dir && glob::match(dir_glob, rel)) return true;
        }
        std::optional<bool> verdict;
        for (const auto& r : rules)
            if (auto m = r.match(rel, is_dir)) verdict = m;
        return verdict.value_or(false);
    }

    void load_ignore(const fsys::path& file, const std::string& base) {
        auto text = fs::read_file(file, 1024 * 1024);
        if (text) rules.emplace_back(base, *text);
        else if (std::error_code ec; fsys::exists(file, ec)) out.diagnostics.push_back({file.lexically_relative(root).generic_string(), text.error().message});
    }

    void visit(const fsys::path& dir, const std::string& rel_dir) {
        std::size_t rules_before = rules.size();
        std::error_code ec;
        fsys::directory_iterator it(dir, fsys::directory_options::none, ec);
        if (ec) {
            out.diagnostics.push_back({rel_dir.empty() ? "." : rel_dir, fmt::format("cannot read folder: {}", ec.message())});
            return;
        }
        std::vector<fsys::directory_entry> entries;
        for (; it != fsys::directory_iterator(); it.increment(ec)) {
            if (ec) {
                out.diagnostics.push_back({rel_dir.empty() ? "." : rel_dir, fmt::format("folder listing stopped: {}", ec.message())});
                break;
            }
            entries.push_back(*it);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
        for (const auto& e : entries)
            if (e.path().filename() == ".gitignore") load_ignore(e.path(), rel_dir);
        for (const auto& e : entries) {
            std::string name = e.path().filename().string();
            std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
            // One lstat gives the type (links are never followed) and the size.
            struct stat st{};
            if (::lstat(e.path().c_str(), &st) != 0) {
                out.diagnostics.push_back({rel, fmt::format("cannot stat: {}", std::strerror(errno))});
                continue;
            }
            if (S_ISLNK(st.st_mode)) { ++out.symlinks; continue; }
            if (S_ISDIR(st.st_mode)) {
                if (name == ".git") continue;
                if (ignored(rel, true)) { ++out.ignored; continue; }
                visit(e.path(), rel);
            } else if (S_ISREG(st.st_mode)) {
                if (ignored(rel, false)) { ++out.ignored; continue; }
                out.files.push_back({rel, static_cast<std::uint64_t>(st.st_size)});
            }
        }
        rules.resize(rules_before);
    }
};

}  // namespace

Result<WalkResult> walk(const fsys::path& root, const std::vector<std::string>& exclude_globs) {
    std::error_code ec;
    if (!fsys::exists(root, ec)) return fail("no such file or folder", root.string());
    if (!fsys::is_directory(root, ec)) return fail("not a folder: gonogo audit takes a repository folder", root.string());
    Walker w;
    w.root = root;
    w.excludes = exclude_globs;
    if (fsys::exists(root / ".git" / "info" / "exclude", ec)) w.load_ignore(root / ".git" / "info" / "exclude", "");
    w.visit(root, "");
    std::sort(w.out.files.begin(), w.out.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return std::move(w.out);
}

}  // namespace gonogo::collect
