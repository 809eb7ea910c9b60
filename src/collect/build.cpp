// The model builder (see build.hpp). Files are read once each by a small pool
// of workers (one per core); each worker owns its Hyperscan scratch and hit
// buffer, results are merged and sorted so the model is deterministic.
#include "collect/build.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "collect/classify.hpp"
#include "collect/routes.hpp"
#include "collect/scanner.hpp"
#include "collect/stack.hpp"
#include "collect/syntax.hpp"
#include "collect/toml.hpp"
#include "collect/dockerfile.hpp"
#include "collect/walker.hpp"
#include "util/fs.hpp"
#include "util/glob.hpp"
#include "util/profile.hpp"
#include "util/strings.hpp"

namespace gonogo::collect {
namespace {

constexpr std::size_t k_keep_cap = 1024 * 1024;  // text kept for probes only below this size

struct WorkerOut {
    std::vector<Hit> hits;
    std::vector<Diagnostic> diagnostics;
    ScanStats stats;
};

// YAML is parsed only where a probe reads it (yaml-cpp is costly: a tree of
// devicetree-binding schemas would otherwise dominate the audit). A file is
// parsed when its path says what it is (CI, compose, Helm, bots' config) or
// its text carries a key one of the structural probes looks at: the scan of
// the file already answers that (the k_yaml_keys signature, first hit only).
constexpr std::string_view k_yaml_keys_id = "collect.yaml-keys";
// "groups:" counts at the start of a line only (Prometheus rule files; devicetree pinctrl schemas nest it).
constexpr std::string_view k_yaml_keys =
    "apiVersion:|services:|(?:^|\\n)groups:|alert:|jobs:|receivers:|scrape_configs:|stages:|steps:|dashboards:|resources:|"
    "AWS::CloudWatch::";

bool yaml_wanted(const File& f, bool names_a_key) {
    static constexpr std::string_view k_paths[] = {".github/", ".gitlab-ci", "compose", "Chart.yaml", "values",
                                                   "dependabot", "renovate", ".gonogo", "pnpm-workspace",
                                                   "fly.", "render.", "app.yaml", "serverless"};
    for (auto p : k_paths)
        if (f.path.find(p) != std::string::npos) return true;
    return names_a_key;
}

void parse_structured(File& f, bool names_a_yaml_key, std::vector<Diagnostic>& diags) {
    if (f.lang == Language::yaml) {
        if (!yaml_wanted(f, names_a_yaml_key)) return;
        try {
            f.yaml = YAML::LoadAll(f.text);
        } catch (const YAML::Exception& e) {
            f.yaml.clear();
            // Helm templates are not YAML until rendered: not a defect of the repository.
            if (f.text.find("{{") == std::string::npos)
                diags.push_back({f.path, fmt::format("malformed YAML at line {}, column {}: {}", e.mark.line + 1,
                                                     e.mark.column + 1, e.msg)});
        }
    } else if (f.lang == Language::toml) {
        auto doc = parse_toml(f.text);
        if (doc) f.json = std::move(*doc);
        else
            diags.push_back({f.path, fmt::format("malformed TOML at line {}, column {}: {}", doc.error().line,
                                                 doc.error().column, doc.error().message)});
    } else if (f.lang == Language::json) {
        auto j = nlohmann::json::parse(f.text, nullptr, false, true);
        if (j.is_discarded()) {
            // tsconfig-style files allow trailing commas; only manifests must be strict JSON.
            if (f.kind == FileKind::manifest) diags.push_back({f.path, "malformed JSON: could not be parsed"});
        } else {
            f.json = std::move(j);
        }
    }
}

// What keeping a file costs in memory, estimated from its size before it is read: the text and its
// line index, plus a syntax tree (tree-sitter keeps roughly ten times the source) and its flattened
// index (40 bytes per named node, about one per ten bytes of source), or a YAML/JSON document.
std::size_t keep_cost(const File& f) {
    if (has_syntax_tree(f.lang) && f.is_own()) return f.size * 16;
    if (f.lang == Language::yaml || f.lang == Language::json) return f.size * 6;
    return f.size * 2;
}

// Which files may be kept under the memory ceiling, decided up front and in a fixed order so that the
// same repository always gives the same model: manifests, then configuration, the service's own
// source, docs, everything else; by path within each group.
std::vector<char> keep_allowed(const std::vector<File>& files, std::size_t budget, std::vector<std::string>& refused) {
    std::vector<char> ok(files.size(), 0);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const File& f = files[i];
        if (keep_text({f.kind, f.lang}) && f.size <= k_keep_cap) order.push_back(i);
    }
    auto rank = [&](const File& f) {
        switch (f.kind) {
            case FileKind::manifest: return 0;
            case FileKind::config: return 1;
            case FileKind::source: return 2;
            case FileKind::docs: return 3;
            default: return 4;
        }
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        int ra = rank(files[a]), rb = rank(files[b]);
        return ra != rb ? ra < rb : files[a].path < files[b].path;
    });
    std::size_t used = 0;
    for (auto i : order) {
        auto cost = keep_cost(files[i]);
        if (used + cost > budget) {
            refused.push_back(files[i].path);
            continue;
        }
        used += cost;
        ok[i] = 1;
    }
    return ok;
}

void process(const std::filesystem::path& root, File& f, std::uint32_t index, std::size_t cap, bool may_keep,
             const Scanner& scanner, std::uint32_t yaml_keys_sig, Scanner::Scratch& scratch, WorkerOut& out) {
    if (f.size > cap) {
        ++out.stats.skipped_large;
        out.diagnostics.push_back({f.path, fmt::format("skipped: {} bytes is over the {} byte file cap", f.size, cap)});
        return;
    }
    auto text = fs::read_file(root / f.path, cap);
    if (!text) {
        ++out.stats.skipped_unreadable;
        out.diagnostics.push_back({f.path, fmt::format("could not read: {}", text.error().message)});
        return;
    }
    if (fs::looks_binary(*text)) {
        ++out.stats.skipped_binary;
        return;
    }
    ++out.stats.files_scanned;
    out.stats.bytes_scanned += text->size();
    const auto slash = f.path.rfind('/');
    const auto first_hit = out.hits.size();
    const bool keep = may_keep && keep_text({f.kind, f.lang}) && text->size() <= k_keep_cap;
    std::optional<str::LineIndex> lines;  // a kept file's line index serves its hits too
    if (keep) lines.emplace(*text);
    scanner.scan(*text, index, f.kind, scratch, out.hits,
                 slash == std::string::npos ? std::string_view(f.path) : std::string_view(f.path).substr(slash + 1),
                 keep ? &*lines : nullptr);
    if (!keep) return;
    if (!fs::is_valid_utf8(*text))
        out.diagnostics.push_back({f.path, "not valid UTF-8: scanned as bytes, positions may be off"});
    f.kept = true;
    f.text = std::move(*text);
    f.lines = std::move(*lines);
    if (has_syntax_tree(f.lang) && f.is_own()) {
        f.tree.reset(syntax::parse(f.lang, f.text));
        if (!f.tree) {
            out.diagnostics.push_back({f.path, "could not be parsed (syntax tree unavailable)"});
        } else {
            ++out.stats.parsed;
            f.syntax_index = syntax::build_index(f);
        }
    } else if (f.lang == Language::yaml || f.lang == Language::json || f.lang == Language::toml) {
        const bool names_a_key = std::any_of(out.hits.begin() + static_cast<std::ptrdiff_t>(first_hit), out.hits.end(),
                                             [&](const Hit& h) { return h.signature == yaml_keys_sig; });
        parse_structured(f, names_a_key, out.diagnostics);
        if (!f.yaml.empty() || f.json) ++out.stats.parsed;
    } else if (f.lang == Language::dockerfile && f.text.find("{{") == std::string::npos) {
        // Templated Dockerfiles ({{ }}) are not Dockerfiles until rendered.
        auto parsed = dockerfile::parse(f.text);
        ++out.stats.parsed;
        for (std::size_t i = 0; i < parsed.problems.size() && i < 3; ++i)
            out.diagnostics.push_back(
                {f.path, fmt::format("malformed Dockerfile at line {}: {}", parsed.problems[i].line, parsed.problems[i].message)});
    }
}

// Compiling the Hyperscan database is the costliest fixed step (SOM patterns):
// a process that builds several models (tests, monorepo tools) compiles it once.
Result<std::shared_ptr<const Scanner>> compiled_scanner(const std::vector<Signature>& signatures,
                                                        const std::filesystem::path& cache_dir) {
    static std::mutex mu;
    static std::vector<Signature> cached_sigs;
    static std::shared_ptr<const Scanner> cached;
    std::lock_guard lock(mu);
    auto same = [&] {
        if (!cached || cached_sigs.size() != signatures.size()) return false;
        for (std::size_t i = 0; i < signatures.size(); ++i)
            if (cached_sigs[i].id != signatures[i].id || cached_sigs[i].pattern != signatures[i].pattern ||
                cached_sigs[i].caseless != signatures[i].caseless || cached_sigs[i].kinds != signatures[i].kinds)
                return false;
        return true;
    };
    if (!same()) {
        auto s = Scanner::compile(signatures, cache_dir);
        if (!s) return tl::unexpected(s.error());
        cached = std::make_shared<const Scanner>(std::move(*s));
        cached_sigs = signatures;
    }
    return cached;
}

}  // namespace

Result<RepoModel> build_model(const std::filesystem::path& root_in, const std::vector<Signature>& signatures,
                              const BuildOptions& options) {
    auto t0 = std::chrono::steady_clock::now();
    std::error_code ec;
    auto root = std::filesystem::weakly_canonical(root_in, ec);
    if (ec) root = root_in;
    // Compiling the signatures (about half a second) overlaps the walk, which uses one core.
    auto compiling = std::async(std::launch::async, [&] {
        profile::Timer t("model: compile or load signatures (beside the walk)");
        auto all = signatures;
        all.emplace_back(std::string(k_yaml_keys_id), std::string(k_yaml_keys), false, std::vector<FileKind>{},
                         std::vector<std::string>{}, true);
        return compiled_scanner(all, options.signature_cache);
    });
    profile::Timer t_walk("model: walk");
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, 8);
    auto walked = walk(root, options.exclude, threads);
    t_walk.stop();
    auto scanner = compiling.get();
    if (!walked) return tl::unexpected(walked.error());
    if (!scanner) return tl::unexpected(scanner.error());

    // gonogo's own output is never audited (nor counted): its checkpoints and history, and its reports.
    std::erase_if(walked->files, [](const WalkEntry& w) {
        if (str::starts_with(w.path, ".gonogo/")) return true;
        return str::starts_with(w.path, "reports/") && glob::match("reports/*-production-readiness.*", w.path);
    });
    if (!options.include.empty())
        walked->ignored += std::erase_if(walked->files, [&](const WalkEntry& w) { return !glob::covers(options.include, w.path); });
    RepoModel m;
    m.root = root.string();
    m.diagnostics = std::move(walked->diagnostics);
    m.stats.ignored = walked->ignored;
    m.files.reserve(walked->files.size());
    m.all_paths.reserve(walked->files.size());
    for (auto& w : walked->files) {
        File f;
        f.path = w.path;
        f.size = w.size;
        auto c = classify(f.path);
        f.kind = c.kind;
        f.lang = c.lang;
        m.all_paths.push_back(w.path);
        m.files.push_back(std::move(f));
    }
    m.stats.files_seen = m.files.size();
    for (const auto& s : (*scanner)->signatures()) m.signature_ids.push_back(s.id);
    const auto yaml_keys_sig = static_cast<std::uint32_t>(
        std::find(m.signature_ids.begin(), m.signature_ids.end(), k_yaml_keys_id) - m.signature_ids.begin());

    std::vector<std::string> refused;
    const auto may_keep = keep_allowed(m.files, options.max_memory_bytes, refused);
    if (!refused.empty()) {
        m.stats.not_kept_memory = refused.size();
        std::string first;
        for (std::size_t i = 0; i < refused.size() && i < 5; ++i) first += (i ? ", " : "") + refused[i];
        m.diagnostics.push_back({".", fmt::format("memory ceiling of {} MiB reached: {} file(s) were scanned for signatures but "
                                                  "not kept or parsed for the probes (first: {}); raise --max-memory so "
                                                  "that they count",
                                                  options.max_memory_bytes / (1024 * 1024), refused.size(), first)});
    }

    // Files that get a syntax tree go first, largest first: the costliest units start early, so that
    // no worker is left parsing one big file while the other has run out of work.
    std::vector<std::uint32_t> order(m.files.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto parsed_first = [&](std::uint32_t i) {
        const File& f = m.files[i];
        return may_keep[i] && has_syntax_tree(f.lang) && f.is_own() && f.size <= k_keep_cap ? f.size : 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return parsed_first(a) > parsed_first(b); });

    std::vector<WorkerOut> outs(threads);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex err_mu;
    std::optional<Error> fatal;
    auto worker = [&](unsigned w) {
        auto scratch = (*scanner)->make_scratch();
        if (!scratch) {
            std::lock_guard lk(err_mu);
            fatal = scratch.error();
            return;
        }
        for (;;) {
            std::size_t n = next.fetch_add(1);
            if (n >= order.size()) break;
            const std::uint32_t i = order[n];
            process(root, m.files[i], i, options.max_file_bytes, may_keep[i] != 0, **scanner,
                    yaml_keys_sig, *scratch, outs[w]);
            std::size_t d = done.fetch_add(1) + 1;
            if (w == 0 && options.on_progress && (d % 256 == 0)) options.on_progress(d, m.files.size(), options.progress_user);
        }
    };
    profile::Timer t_scan("model: read, scan and parse");
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < threads; ++w) pool.emplace_back(worker, w);
    worker(0);
    for (auto& t : pool) t.join();
    t_scan.stop();
    if (fatal) return tl::unexpected(*fatal);
    if (options.on_progress) options.on_progress(m.files.size(), m.files.size(), options.progress_user);

    for (auto& o : outs) {
        m.hits.insert(m.hits.end(), std::make_move_iterator(o.hits.begin()), std::make_move_iterator(o.hits.end()));
        m.diagnostics.insert(m.diagnostics.end(), o.diagnostics.begin(), o.diagnostics.end());
        m.stats.files_scanned += o.stats.files_scanned;
        m.stats.bytes_scanned += o.stats.bytes_scanned;
        m.stats.skipped_binary += o.stats.skipped_binary;
        m.stats.skipped_large += o.stats.skipped_large;
        m.stats.skipped_unreadable += o.stats.skipped_unreadable;
        m.stats.parsed += o.stats.parsed;
    }
    std::sort(m.hits.begin(), m.hits.end(), [](const Hit& a, const Hit& b) {
        return a.signature != b.signature ? a.signature < b.signature
               : a.file != b.file         ? a.file < b.file
                                          : a.begin < b.begin;
    });
    std::sort(m.diagnostics.begin(), m.diagnostics.end(),
              [](const Diagnostic& a, const Diagnostic& b) { return a.path != b.path ? a.path < b.path : a.message < b.message; });
    if (walked->symlinks)
        m.diagnostics.push_back({".", fmt::format("{} symbolic link(s) not followed", walked->symlinks)});

    {
        profile::Timer t("model: stack and services");
        detect_stack(m, options.services);
        m.index_services();
    }
    {
        profile::Timer t("model: routes");
        extract_routes(m);
    }
    // A Go module with no `package main` of its own is a library (go-chi/chi): the routers it declares are for
    // its users to mount, and nothing of it runs, so it serves no HTTP and has no server framework.
    for (std::size_t si = 0; si < m.services.size(); ++si) {
        auto& s = m.services[si];
        if (s.languages != std::set<std::string>{"Go"}) continue;
        bool has_main = false, unread = false;
        for (const auto& f : m.files) {
            if (f.service != static_cast<int>(si) || !f.is_own() || f.lang != Language::go) continue;
            if (!f.kept) unread = true;  // not read (memory ceiling): cannot tell, so keep it a service
            if (str::starts_with(f.text, "package main\n") || str::contains(f.text, "\npackage main\n") ||
                str::starts_with(f.text, "package main\r\n") || str::contains(f.text, "\npackage main\r\n"))
                has_main = true;
        }
        if (has_main || unread) continue;
        s.routes.clear();
        s.frameworks.clear();
    }
    m.stats.duration_ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count());
    return m;
}

}  // namespace gonogo::collect
