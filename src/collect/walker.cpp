// Repository walker (see walker.hpp). Folders go through a queue shared by a
// few threads; each carries the chain of ignore-rule sets in force there.
// Symbolic links are counted and never followed.
#include "collect/walker.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>

#include <fmt/format.h>

#include "util/fs.hpp"
#include "util/glob.hpp"
#include "util/strings.hpp"

namespace gonogo::collect {

namespace fsys = std::filesystem;

namespace {

// The longest run of plain characters in a glob ("*.bin[_.]*" -> ".bin"): a path the glob matches
// contains it, so a path without it is refused before the matcher runs.
std::string longest_literal(std::string_view pattern) {
    std::string best, run;
    auto cut = [&] {
        if (run.size() > best.size()) best = run;
        run.clear();
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '*' || c == '?') {
            cut();
        } else if (c == '\\') {
            cut();  // conservative: an escape ends the run
            ++i;
        } else if (c == '[') {
            // The class's end as glob::match finds it: a ']' right after "[" or "[!" is a member.
            std::size_t k = i + 1;
            if (k < pattern.size() && (pattern[k] == '!' || pattern[k] == '^')) ++k;
            if (k < pattern.size()) ++k;
            const auto close = pattern.find(']', k);
            cut();
            if (close == std::string_view::npos) break;  // an unclosed '[': keep what came before
            i = close;
        } else {
            run += c;
        }
    }
    cut();
    return best;
}

}  // namespace

IgnoreRules::IgnoreRules(std::string base, std::string_view content) : m_base(std::move(base)) {
    for (auto raw : str::split(content, '\n')) {
        std::string line(raw);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // trailing spaces are ignored unless escaped
        while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\'))
            line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Rule r{};
        r.slashes = -1;
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
        auto& r = m_rules[i];
        r.shape = Shape::glob;
        // "*literal" or "literal" without other wildcards, matched against the base name.
        std::string_view lit = r.pattern;
        const bool star_first = !lit.empty() && lit[0] == '*';
        if (star_first) lit.remove_prefix(1);
        bool simple = !r.anchored && !lit.empty() && lit.find_first_of("*?[\\/") == std::string_view::npos;
        if (simple) {
            r.shape = star_first ? Shape::suffix : Shape::exact;
            r.lit = std::string(lit);
            m_by_last[static_cast<unsigned char>(lit.back())].push_back(i);
            continue;
        }
        // "prefix*" (".*", "build*") on the base name.
        std::string_view pre = r.pattern;
        if (!r.anchored && pre.size() > 1 && pre.back() == '*' && pre.find_first_of("*?[\\/") == pre.size() - 1) {
            r.shape = Shape::prefix;
            r.lit = std::string(pre.substr(0, pre.size() - 1));
        } else if (r.anchored) {
            // A wildcard never matches '/' except in "**": a path can only match when it starts with the
            // literal text before the first wildcard and has as many slashes as the pattern.
            r.lit = r.pattern.substr(0, std::min(r.pattern.find_first_of("*?[\\"), r.pattern.size()));
            r.slashes = r.pattern.find("**") == std::string::npos
                            ? static_cast<int>(std::count(r.pattern.begin(), r.pattern.end(), '/'))
                            : -1;
        }
        if (r.shape == Shape::glob) r.must = longest_literal(r.pattern);
        if (r.shape == Shape::glob && r.anchored && !r.lit.empty())
            m_anchored_by_first[static_cast<unsigned char>(r.lit.front())].push_back(i);
        else
            m_general.push_back(i);
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
    int local_slashes = -1;  // counted when an anchored rule first needs it
    // The candidates from three ascending lists, merged in descending order: the first that matches
    // is the last matching line.
    static const std::vector<std::uint32_t> k_none;
    const auto& by_last = name.empty() ? k_none : m_by_last[static_cast<unsigned char>(name.back())];
    const auto& by_first = local.empty() ? k_none : m_anchored_by_first[static_cast<unsigned char>(local.front())];
    struct Run {
        std::vector<std::uint32_t>::const_reverse_iterator at, end;
    };
    std::array<Run, 3> runs{{{by_last.rbegin(), by_last.rend()},
                             {by_first.rbegin(), by_first.rend()},
                             {m_general.rbegin(), m_general.rend()}}};
    for (;;) {
        Run* best = nullptr;
        for (auto& run : runs)
            if (run.at != run.end && (!best || *run.at > *best->at)) best = &run;
        if (!best) break;
        const std::uint32_t i = *best->at++;
        const auto& r = m_rules[i];
        if (r.dir_only && !is_dir) continue;
        bool hit = false;
        switch (r.shape) {
            case Shape::exact: hit = name == r.lit; break;
            case Shape::suffix: hit = str::ends_with(name, r.lit); break;
            case Shape::prefix: hit = str::starts_with(name, r.lit); break;
            case Shape::glob:
                if (!r.anchored) {
                    hit = name.find(r.must) != std::string_view::npos && glob::match(r.pattern, name);
                    break;
                }
                if (local.find(r.must) == std::string_view::npos) break;
                if (!str::starts_with(local, r.lit)) break;
                if (r.slashes >= 0) {
                    if (local_slashes < 0) local_slashes = static_cast<int>(std::count(local.begin(), local.end(), '/'));
                    if (local_slashes != r.slashes) break;
                }
                hit = glob::match(r.pattern, local);
                break;
        }
        if (hit) return !r.negate;
    }
    return std::nullopt;
}

namespace {

// The ignore rules in force in a folder: its own .gitignore, then its parents' (deepest first).
struct RuleChain {
    IgnoreRules rules;
    std::shared_ptr<const RuleChain> parent;
};

struct Folder {
    fsys::path path;
    std::string rel;
    std::shared_ptr<const RuleChain> rules;
};

// Folders are listed by a small pool of threads taking them from a shared queue; each thread
// keeps its own results, merged and sorted at the end so the walk's result never depends on timing.
struct Walker {
    fsys::path root;
    std::vector<std::string> excludes;
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Folder> queue;
    std::size_t busy = 0;  // folders being listed right now

    bool ignored(const RuleChain* chain, const std::string& rel, bool is_dir) const {
        for (const auto& g : excludes) {
            if (glob::match(g, rel)) return true;
            // a bare folder name or "dir/" excludes everything below it
            std::string dir_glob = g;
            if (!dir_glob.empty() && dir_glob.back() == '/') dir_glob.pop_back();
            if (is_dir && glob::match(dir_glob, rel)) return true;
        }
        // Deeper .gitignore files override their parents: the first set with a verdict decides.
        for (const auto* c = chain; c; c = c->parent.get())
            if (auto m = c->rules.match(rel, is_dir)) return *m;
        return false;
    }

    std::shared_ptr<const RuleChain> with_ignore_file(const fsys::path& file, const std::string& base,
                                                      std::shared_ptr<const RuleChain> parent, WalkResult& out) const {
        auto text = fs::read_file(file, 1024 * 1024);
        if (text) return std::make_shared<const RuleChain>(RuleChain{IgnoreRules(base, *text), std::move(parent)});
        if (std::error_code ec; fsys::exists(file, ec))
            out.diagnostics.push_back({file.lexically_relative(root).generic_string(), text.error().message});
        return parent;
    }

    // One folder: readdir for the names and types, fstatat relative to the open folder for the sizes
    // (a path from the root would be looked up component by component for every file).
    void list(const Folder& dir, WalkResult& out, std::vector<Folder>& found) {
        const std::string where = dir.rel.empty() ? "." : dir.rel;
        DIR* d = ::opendir(dir.path.c_str());
        if (!d) {
            out.diagnostics.push_back({where, fmt::format("cannot read folder: {}", std::strerror(errno))});
            return;
        }
        struct Entry {
            std::string name;
            unsigned char type;
        };
        std::vector<Entry> entries;
        for (;;) {
            errno = 0;
            const dirent* e = ::readdir(d);
            if (!e) {
                if (errno != 0) out.diagnostics.push_back({where, fmt::format("folder listing stopped: {}", std::strerror(errno))});
                break;
            }
            const std::string_view name = e->d_name;
            if (name == "." || name == "..") continue;
            entries.push_back({std::string(name), e->d_type});
        }
        auto rules = dir.rules;
        for (const auto& e : entries)
            if (e.name == ".gitignore") rules = with_ignore_file(dir.path / e.name, dir.rel, rules, out);
        const int fd = ::dirfd(d);
        for (const auto& e : entries) {
            std::string rel = dir.rel.empty() ? e.name : dir.rel + "/" + e.name;
            unsigned char type = e.type;
            std::uint64_t size = 0;
            // Links are never followed; a regular file needs its size, and a file system that does not
            // give the type in the listing needs the stat for that too.
            if (type == DT_REG || type == DT_UNKNOWN) {
                struct stat st{};
                if (::fstatat(fd, e.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
                    out.diagnostics.push_back({rel, fmt::format("cannot stat: {}", std::strerror(errno))});
                    continue;
                }
                type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
                size = static_cast<std::uint64_t>(st.st_size);
            }
            if (type == DT_LNK) { ++out.symlinks; continue; }
            if (type == DT_DIR) {
                if (e.name == ".git") continue;
                if (ignored(rules.get(), rel, true)) { ++out.ignored; continue; }
                found.push_back({dir.path / e.name, std::move(rel), rules});
            } else if (type == DT_REG) {
                if (ignored(rules.get(), rel, false)) { ++out.ignored; continue; }
                out.files.push_back({std::move(rel), size});
            }
        }
        ::closedir(d);
    }

    void work(WalkResult& out) {
        std::vector<Folder> found;
        std::unique_lock lock(mu);
        for (;;) {
            cv.wait(lock, [&] { return !queue.empty() || busy == 0; });
            if (queue.empty()) return;  // nothing queued and nobody listing: done
            Folder dir = std::move(queue.front());
            queue.pop_front();
            ++busy;
            lock.unlock();
            found.clear();
            list(dir, out, found);
            lock.lock();
            for (auto& f : found) queue.push_back(std::move(f));
            --busy;
            cv.notify_all();
        }
    }
};

}  // namespace

Result<WalkResult> walk(const fsys::path& root, const std::vector<std::string>& exclude_globs, unsigned threads) {
    std::error_code ec;
    if (!fsys::exists(root, ec)) return fail("no such file or folder", root.string());
    if (!fsys::is_directory(root, ec)) return fail("not a folder: gonogo audit takes a repository folder", root.string());
    Walker w;
    w.root = root;
    w.excludes = exclude_globs;
    WalkResult first;
    std::shared_ptr<const RuleChain> base;
    if (fsys::exists(root / ".git" / "info" / "exclude", ec)) base = w.with_ignore_file(root / ".git" / "info" / "exclude", "", nullptr, first);
    w.queue.push_back({root, "", base});
    threads = std::clamp(threads, 1u, 8u);
    std::vector<WalkResult> outs(threads);
    outs[0] = std::move(first);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&w, &outs, t] { w.work(outs[t]); });
    w.work(outs[0]);
    for (auto& t : pool) t.join();
    WalkResult out = std::move(outs[0]);
    for (std::size_t t = 1; t < outs.size(); ++t) {
        out.files.insert(out.files.end(), std::make_move_iterator(outs[t].files.begin()), std::make_move_iterator(outs[t].files.end()));
        out.diagnostics.insert(out.diagnostics.end(), outs[t].diagnostics.begin(), outs[t].diagnostics.end());
        out.ignored += outs[t].ignored;
        out.symlinks += outs[t].symlinks;
    }
    std::sort(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    std::sort(out.diagnostics.begin(), out.diagnostics.end(),
              [](const Diagnostic& a, const Diagnostic& b) { return a.path != b.path ? a.path < b.path : a.message < b.message; });
    return out;
}

}  // namespace gonogo::collect
