// Path-based classification (see classify.hpp). Mirrors the conventions of
// linguist/gitleaks/semgrep: vendored and generated folders, test and fixture
// folders and file suffixes, lockfiles, minified bundles.
#include "collect/classify.hpp"

#include <array>
#include <string>

#include "util/strings.hpp"

namespace gonogo::collect {
namespace {

constexpr std::array<std::string_view, 18> k_vendored_dirs{
    "node_modules", "vendor", "third_party", "third-party", "bower_components", ".venv", "venv",
    "site-packages", "dist", "build", "out", ".next", ".nuxt", "target", "coverage", "__pycache__",
    ".terraform", ".yarn"};
// `_examples` is Go's spelling: the go tool skips folders that start with an underscore.
constexpr std::array<std::string_view, 18> k_test_dirs{
    "test", "tests", "__tests__", "spec", "specs", "e2e", "cypress", "fixtures", "fixture", "testdata",
    "__mocks__", "mocks", "examples", "example", "_examples", "_example", "samples", "testing"};
constexpr std::array<std::string_view, 9> k_lockfiles{
    "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum", "poetry.lock", "Pipfile.lock",
    "Cargo.lock", "composer.lock", "npm-shrinkwrap.json"};

Language language_of(std::string_view name, std::string_view ext) {
    if (name == "Dockerfile" || str::starts_with(name, "Dockerfile.") || ext == ".dockerfile" ||
        str::starts_with(name, "Containerfile"))
        return Language::dockerfile;
    if (name == ".env" || str::starts_with(name, ".env.") || ext == ".env") return Language::env;
    if (name == "nginx.conf" || (ext == ".conf" && str::contains(name, "nginx"))) return Language::nginx;
    if (ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".jsx") return Language::javascript;
    if (ext == ".ts" || ext == ".mts" || ext == ".cts") return Language::typescript;
    if (ext == ".tsx") return Language::tsx;
    if (ext == ".go") return Language::go;
    if (ext == ".py") return Language::python;
    if (ext == ".yml" || ext == ".yaml") return Language::yaml;
    if (ext == ".json") return Language::json;
    if (ext == ".toml") return Language::toml;
    if (ext == ".prisma") return Language::prisma;
    if (ext == ".sql") return Language::sql;
    if (ext == ".md" || ext == ".mdx" || ext == ".rst" || ext == ".adoc" || ext == ".txt") return Language::markdown;
    if (ext == ".sh" || ext == ".bash") return Language::shell;
    if (ext == ".html" || ext == ".htm") return Language::html;
    if (ext == ".css" || ext == ".scss") return Language::css;
    if (ext == ".ini" || ext == ".cfg" || ext == ".conf" || ext == ".service" || ext == ".properties") return Language::ini;
    if (name == "Procfile" || name == "Makefile" || name == "Caddyfile") return Language::other;
    return Language::none;
}

bool is_source_ext(std::string_view ext) {
    static constexpr std::array<std::string_view, 24> k{".c", ".h", ".cc", ".cpp", ".hpp", ".java", ".kt", ".rb",
                                                        ".rs", ".php", ".cs", ".swift", ".scala", ".m", ".vue",
                                                        ".svelte", ".lua", ".pl", ".ex", ".exs", ".erl", ".dart",
                                                        ".S", ".asm"};
    for (auto e : k)
        if (e == ext) return true;
    return false;
}

}  // namespace

Classification classify(std::string_view rel) {
    Classification c;
    auto slash = rel.rfind('/');
    std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
    auto dot = name.rfind('.');
    std::string_view ext = (dot == std::string_view::npos || dot == 0) ? std::string_view{} : name.substr(dot);
    c.lang = language_of(name, ext);

    auto segments = str::split(rel, '/');
    segments.pop_back();  // folders only
    for (auto seg : segments)
        for (auto v : k_vendored_dirs)
            if (seg == v) { c.kind = FileKind::vendored; return c; }
    for (auto l : k_lockfiles)
        if (name == l) { c.kind = FileKind::generated; return c; }
    if (str::contains(name, ".min.") || str::ends_with(name, ".pb.go") || str::contains(name, "_generated.") ||
        str::ends_with(name, ".gen.go") || str::ends_with(name, ".map") || str::ends_with(name, ".snap")) {
        c.kind = FileKind::generated;
        return c;
    }
    for (auto seg : segments)
        for (auto t : k_test_dirs)
            if (seg == t) { c.kind = FileKind::test; return c; }
    if (str::contains(name, ".test.") || str::contains(name, ".spec.") || str::ends_with(name, "_test.go") ||
        (str::starts_with(name, "test_") && ext == ".py") || str::ends_with(name, "_test.py") || name == "conftest.py" ||
        // A module of tests (Django's startapp tests.py, Flask's tests.py beside the app).
        name == "tests.py" || str::ends_with(name, "_tests.py") ||
        // Settings modules for the test run (Django/Flask: configuration_testing.py, settings_test.py).
        (ext == ".py" && (str::ends_with(name, "_testing.py") || str::starts_with(name, "settings_test")))) {
        c.kind = FileKind::test;
        return c;
    }
    static constexpr std::array<std::string_view, 16> k_manifests{
        "package.json", "go.mod", "requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "setup.cfg",
        "Procfile", "Chart.yaml", "vercel.json", "netlify.toml", "ecosystem.config.js", "ecosystem.config.cjs",
        "docker-compose.yml", "docker-compose.yaml", "compose.yaml"};
    for (auto m : k_manifests)
        if (name == m) { c.kind = FileKind::manifest; return c; }
    if (c.lang == Language::dockerfile || (str::starts_with(name, "requirements") && ext == ".txt") ||
        (str::starts_with(name, "docker-compose") && (ext == ".yml" || ext == ".yaml")) || name == "compose.yml" ||
        ext == ".service") {
        c.kind = FileKind::manifest;
        return c;
    }
    switch (c.lang) {
        case Language::javascript: case Language::typescript: case Language::tsx: case Language::go:
        case Language::python: case Language::shell: case Language::html: case Language::css:
            c.kind = FileKind::source; return c;
        case Language::sql: case Language::prisma:
            c.kind = FileKind::source; return c;
        case Language::yaml: case Language::json: case Language::toml: case Language::env: case Language::nginx:
        case Language::ini:
            c.kind = FileKind::config; return c;
        case Language::markdown:
            c.kind = FileKind::docs; return c;
        default: break;
    }
    if (is_source_ext(ext)) { c.kind = FileKind::source; c.lang = Language::other; }
    return c;
}

bool keep_text(const Classification& c) {
    switch (c.kind) {
        case FileKind::vendored: case FileKind::generated: case FileKind::test: case FileKind::other: return false;
        case FileKind::manifest: case FileKind::config: case FileKind::docs: return true;
        case FileKind::source: return c.lang != Language::other;
    }
    return false;
}

}  // namespace gonogo::collect
