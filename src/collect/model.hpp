// RepoModel: everything the probes may know about a repository, built once by
// build_model() and read-only afterwards. Probes never read files themselves;
// they query this model (files, scanner hits, syntax trees, parsed config,
// dependencies, routes, services).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "core/audit_result.hpp"
#include "collect/derived.hpp"
#include "core/types.hpp"
#include "util/strings.hpp"

struct TSTree;

namespace gonogo::collect {

enum class FileKind { source, test, vendored, generated, config, manifest, docs, other };
std::string_view to_string(FileKind k);

enum class Language {
    none, javascript, typescript, tsx, go, python, yaml, json, toml, dockerfile, env, prisma, sql,
    nginx, markdown, shell, html, css, ini, other
};
std::string_view to_string(Language l);
bool has_syntax_tree(Language l);  // javascript, typescript, tsx, go, python

struct TreeDeleter { void operator()(TSTree* t) const; };
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// A text file the walker found and the scanner read. Its text is kept only
// when a probe may need it (supported-language source, config, manifests,
// docs, under the keep cap); other files are scanned once and only their
// hits are kept.
namespace syntax { struct Index; }  // collect/syntax.hpp

struct File {
    std::string path;        // relative to the audited root, '/'-separated
    FileKind kind = FileKind::other;
    Language lang = Language::none;
    std::uint64_t size = 0;
    bool kept = false;       // text, lines, tree, yaml, json are filled only when kept
    std::string text;
    str::LineIndex lines{""};
    int service = -1;        // index into RepoModel::services; -1 = repository level
    TreePtr tree;            // syntax tree for has_syntax_tree() languages, else null
    // Calls, imports and named functions of the whole tree, gathered once by the model builder on its
    // worker threads; syntax::calls/imports/functions answer from it instead of walking the tree again.
    std::shared_ptr<const syntax::Index> syntax_index;
    std::vector<YAML::Node> yaml;    // parsed documents (yaml files), empty when unparsable
    std::optional<nlohmann::json> json;  // parsed JSON (json files; TOML files as JSON, collect/toml)
    std::unique_ptr<DerivedCache> facts = std::make_unique<DerivedCache>();  // see derived()

    // Evidence at a byte offset, with the line's text as snippet (clipped to 160 chars).
    Evidence evidence_at(std::size_t offset, std::string note = {}) const;
    // Evidence at a 1-based line.
    Evidence evidence_line(std::size_t line, std::string note = {}) const;
    // A fact derived from this file alone (its imports, its env reads), made once by `make` and shared by
    // every probe and service that asks again; `tag` names the kind of fact (see DerivedCache).
    template <class T, class Make>
    const T& derived(const void* tag, Make&& make) const {
        return facts->get<T>(tag, {}, std::forward<Make>(make));
    }
    // True for the service's own files (not tests, fixtures, examples, vendored, generated).
    bool is_own() const { return kind != FileKind::test && kind != FileKind::vendored && kind != FileKind::generated; }
};

// A textual signature match from the single-pass scan. Carries its own text
// and line so that probes can judge it even when the file's text is not kept.
struct Hit {
    std::uint32_t signature = 0;  // index into RepoModel::signature_ids
    std::uint32_t file = 0;       // index into RepoModel::files
    std::uint32_t begin = 0;      // byte offsets of the match in the file
    std::uint32_t end = 0;
    std::uint32_t line = 0;       // 1-based
    std::uint32_t column = 0;     // 1-based
    std::string match;            // the matched text (at most 512 bytes)
    std::string line_text;        // the whole line (at most 512 bytes)
};

struct Dependency {
    std::string name;
    std::string version;
    std::string ecosystem;  // npm, go, pypi
    std::string manifest;   // path of the manifest that declares it
    bool dev = false;
};

// An HTTP route found in source, with where its handler body is.
struct Route {
    std::string framework;   // express, fastify, koa, nestjs, nextjs-app, nextjs-pages, net/http, gin, echo, chi, httprouter, fastapi, flask, django
    std::string method;      // GET, POST, ..., ANY
    std::string path;        // "/health"
    std::uint32_t file = 0;  // index into RepoModel::files (where the route is declared)
    std::size_t line = 0;
    std::size_t column = 0;
    // The handler function's body: file and byte range; handler_file == UINT32_MAX when unresolved.
    std::uint32_t handler_file = UINT32_MAX;
    std::uint32_t handler_begin = 0;
    std::uint32_t handler_end = 0;
    std::string handler_name;  // identifier when the handler is named
    std::vector<std::string> middleware;  // names of middleware passed before the handler
};

struct Service {
    std::string name;  // package name or directory name
    std::string root;  // relative path, "" for the repository root
    std::set<std::string> languages;
    std::set<std::string> frameworks;   // keys: nextjs, express, nestjs, fastify, koa, net/http, gin, echo, chi, httprouter, fastapi, django, flask
    std::set<std::string> datastores;   // postgres, mysql, sqlite, prisma, typeorm, sequelize, sqlalchemy, gorm, sqlx, redis, mongodb
    std::set<std::string> providers;    // stripe, sendgrid, nodemailer, ses, sentry, opentelemetry, prometheus
    std::vector<Dependency> dependencies;
    std::vector<std::uint32_t> routes;  // indexes into RepoModel::routes
};

struct Deployment {
    std::set<std::string> kinds;  // dockerfile, compose, kubernetes, helm, pm2, systemd, procfile, nginx, vercel, netlify, github-actions, gitlab-ci
};

class RepoModel {
public:
    std::string root;                   // absolute path of the audited directory
    std::vector<File> files;            // kept files, sorted by path
    std::vector<std::string> signature_ids;
    std::vector<Hit> hits;              // sorted by (signature, file, begin)
    std::vector<Dependency> dependencies;
    std::vector<Route> routes;
    std::vector<Service> services;      // at least one (the root) when the repo has code
    Deployment deployment;
    std::vector<Diagnostic> diagnostics;
    ScanStats stats;
    std::vector<std::string> all_paths; // every walked, non-ignored file path (kept or not)

private:
    std::vector<std::vector<const File*>> m_service_files;  // [service + 1]; [0] = repository level only
    std::unique_ptr<DerivedCache> m_derived = std::make_unique<DerivedCache>();

public:
    // A fact probes derive from the model (a service's CI pipelines, its deployment picture), made
    // once by `make` and shared by every probe and service that asks again, so that repository-level
    // files are not re-analysed for each service. `tag` names the kind of fact (the address of a static
    // in the helper that makes it), `key` which one (a file index, a service). Safe to call from several
    // threads; `make` runs outside the lock, so it may itself ask for other facts.
    template <class T, class Make>
    const T& derived(const void* tag, std::string key, Make&& make) const {
        return m_derived->get<T>(tag, std::move(key), std::forward<Make>(make));
    }

    // Hits of one signature id (empty when the id is unknown).
    std::vector<const Hit*> hits_for(std::string_view signature_id) const;
    const File* file(std::string_view path) const;
    const File& file_at(std::uint32_t index) const { return files.at(index); }
    // Files that belong to `service` (its own tree plus repository-level files); computed once.
    const std::vector<const File*>& files_of(int service) const;
    // Fills the per-service file lists; called once by build_model after services are known.
    void index_services();
    bool has_dependency(int service, std::string_view name) const;
    bool path_exists(std::string_view path) const;  // any walked file
    // Globs over every walked path (e.g. "**/*.tf").
    std::vector<std::string> paths_matching(std::string_view glob) const;
};

// A textual signature the scanner looks for in one pass over every file.
struct Signature {
    Signature() = default;
    Signature(std::string id_, std::string pattern_, bool caseless_ = false, std::vector<FileKind> kinds_ = {},
              std::vector<std::string> names_ = {}, bool first_only_ = false)
        : id(std::move(id_)), pattern(std::move(pattern_)), caseless(caseless_), kinds(std::move(kinds_)),
          names(std::move(names_)), first_only(first_only_) {}

    std::string id;       // "sec.aws-access-key"
    std::string pattern;  // Hyperscan-compatible regex (PCRE subset)
    bool caseless = false;
    // Restrict to these file kinds (empty = every text file).
    std::vector<FileKind> kinds;
    // Restrict to files whose base name matches one of these globs (empty = any name). Such
    // signatures live in a second Hyperscan database that only matching files are scanned with,
    // so line-shaped patterns (Makefile recipes) cost nothing on the rest of the tree.
    std::vector<std::string> names;
    // A file marker: one hit per file is enough (a probe's keyword prefilter asks only "does this file
    // name one of these words?"), so the scan keeps the first and stops collecting the rest.
    bool first_only = false;
};

struct BuildOptions {
    std::size_t max_file_bytes = 2 * 1024 * 1024;
    std::vector<std::string> exclude;  // globs from config / --exclude
    std::vector<std::string> include;  // globs from config: when set, only files they cover are audited
    // Services named in the config (name, repository-relative folder): when set, they replace detection.
    std::vector<std::pair<std::string, std::string>> services;
    unsigned threads = 0;              // 0 = hardware concurrency
    // Ceiling for what the model keeps in memory for probes (file text, syntax trees, YAML/JSON
    // documents, estimated before reading). Files beyond it are still scanned for signatures.
    std::size_t max_memory_bytes = std::size_t{2048} * 1024 * 1024;
    // Where compiled signature databases are cached between runs (empty: compile every time).
    std::filesystem::path signature_cache;
    bool progress = false;             // report progress through the callback
    void (*on_progress)(std::uint64_t done, std::uint64_t total, void* user) = nullptr;
    void* progress_user = nullptr;
};

}  // namespace gonogo::collect
