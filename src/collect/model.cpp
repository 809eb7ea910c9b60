// RepoModel queries and File evidence helpers (see model.hpp).
#include "collect/model.hpp"

#include <algorithm>

#include "util/glob.hpp"

namespace gonogo::collect {

std::string_view to_string(FileKind k) {
    switch (k) {
        case FileKind::source: return "source";
        case FileKind::test: return "test";
        case FileKind::vendored: return "vendored";
        case FileKind::generated: return "generated";
        case FileKind::config: return "config";
        case FileKind::manifest: return "manifest";
        case FileKind::docs: return "docs";
        case FileKind::other: return "other";
    }
    return "other";
}

std::string_view to_string(Language l) {
    switch (l) {
        case Language::none: return "none";
        case Language::javascript: return "javascript";
        case Language::typescript: return "typescript";
        case Language::tsx: return "tsx";
        case Language::go: return "go";
        case Language::python: return "python";
        case Language::yaml: return "yaml";
        case Language::json: return "json";
        case Language::toml: return "toml";
        case Language::dockerfile: return "dockerfile";
        case Language::env: return "env";
        case Language::prisma: return "prisma";
        case Language::sql: return "sql";
        case Language::nginx: return "nginx";
        case Language::markdown: return "markdown";
        case Language::shell: return "shell";
        case Language::html: return "html";
        case Language::css: return "css";
        case Language::ini: return "ini";
        case Language::other: return "other";
    }
    return "other";
}

bool has_syntax_tree(Language l) {
    return l == Language::javascript || l == Language::typescript || l == Language::tsx || l == Language::go ||
           l == Language::python;
}

Evidence File::evidence_at(std::size_t offset, std::string note) const {
    auto pos = lines.at(offset);
    Evidence e;
    e.path = path;
    e.line = pos.line;
    e.column = pos.column;
    e.snippet = str::clip(str::trim(lines.line_text(text, pos.line)), 160);
    e.note = std::move(note);
    return e;
}

Evidence File::evidence_line(std::size_t line, std::string note) const {
    Evidence e;
    e.path = path;
    e.line = line;
    e.column = 1;
    e.snippet = str::clip(str::trim(lines.line_text(text, line)), 160);
    e.note = std::move(note);
    return e;
}

std::vector<const Hit*> RepoModel::hits_for(std::string_view signature_id) const {
    std::vector<const Hit*> out;
    auto it = std::find(signature_ids.begin(), signature_ids.end(), signature_id);
    if (it == signature_ids.end()) return out;
    auto sig = static_cast<std::uint32_t>(it - signature_ids.begin());
    auto lo = std::lower_bound(hits.begin(), hits.end(), sig, [](const Hit& h, std::uint32_t s) { return h.signature < s; });
    for (; lo != hits.end() && lo->signature == sig; ++lo) out.push_back(&*lo);
    return out;
}

const File* RepoModel::file(std::string_view path) const {
    auto it = std::lower_bound(files.begin(), files.end(), path, [](const File& f, std::string_view p) { return f.path < p; });
    return it != files.end() && it->path == path ? &*it : nullptr;
}

void RepoModel::index_services() {
    m_service_files.assign(services.size() + 1, {});
    for (const auto& f : files) {
        if (f.service == -1) {
            for (auto& list : m_service_files) list.push_back(&f);
        } else if (f.service >= 0 && static_cast<std::size_t>(f.service) < services.size()) {
            m_service_files[static_cast<std::size_t>(f.service) + 1].push_back(&f);
        }
    }
}

const std::vector<const File*>& RepoModel::files_of(int service) const {
    static const std::vector<const File*> k_none;
    auto i = static_cast<std::size_t>(service + 1);
    return service >= -1 && i < m_service_files.size() ? m_service_files[i] : k_none;
}

bool RepoModel::has_dependency(int service, std::string_view name) const {
    if (service < 0 || service >= static_cast<int>(services.size())) {
        for (const auto& d : dependencies)
            if (d.name == name) return true;
        return false;
    }
    for (const auto& d : services[static_cast<std::size_t>(service)].dependencies)
        if (d.name == name) return true;
    return false;
}

bool RepoModel::path_exists(std::string_view path) const {
    return std::binary_search(all_paths.begin(), all_paths.end(), path,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

std::vector<std::string> RepoModel::paths_matching(std::string_view g) const {
    std::vector<std::string> out;
    for (const auto& p : all_paths)
        if (glob::match(g, p)) out.push_back(p);
    return out;
}

}  // namespace gonogo::collect
