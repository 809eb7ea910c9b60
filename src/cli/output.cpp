// Report writing (see output.hpp). Default: the Markdown report at
// reports/<date>-production-readiness.md under the audited repository, and
// the terminal summary on stdout (colour unless NO_COLOR or not a TTY).
#include "cli/output.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "report/report.hpp"
#include "util/fs.hpp"

namespace gonogo::cli {

namespace {

struct Format {
    const char* name;
    const char* alias;
    const char* suffix;  // of the file name: <date>-production-readiness<suffix>
    std::string (*render)(const AuditResult&);
};

constexpr Format k_formats[] = {
    {"md", "markdown", ".md", report::to_markdown},
    {"json", "json", ".json", report::to_json},
    {"sarif", "sarif", ".sarif", report::to_sarif},
    {"junit", "junit", ".junit.xml", report::to_junit},
    {"html", "html", ".html", report::to_html},
};

const Format* find_format(std::string_view name) {
    for (const auto& f : k_formats)
        if (name == f.name || name == f.alias) return &f;
    return nullptr;
}

}  // namespace

Result<void> write_outputs(const AuditResult& r, const OutputOptions& o, const std::string& repo_root) {
    std::vector<std::string> formats = o.formats;
    if (formats.empty()) formats = {"md", "terminal"};
    std::size_t file_formats = 0;
    for (const auto& f : formats) {
        if (f == "terminal") continue;
        if (!find_format(f)) return fail(fmt::format("unknown format '{}' (md, json, sarif, junit, html, terminal)", f), "--format");
        ++file_formats;
    }
    if (!o.output.empty() && file_formats != 1)
        return fail("--output takes exactly one file format; use --output-dir for several", "--output");
    std::filesystem::path dir = o.output_dir.empty() ? std::filesystem::path(repo_root) / "reports" : std::filesystem::path(o.output_dir);
    bool colour = std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
    std::string date = r.generated_at.substr(0, 10);
    for (const auto& name : formats) {
        if (name == "terminal") {
            if (!o.quiet) fmt::print("{}", report::to_terminal(r, colour));
            continue;
        }
        const Format* f = find_format(name);
        std::filesystem::path path = !o.output.empty() ? std::filesystem::path(o.output)
                                                       : dir / (date + "-production-readiness" + f->suffix);
        auto w = fs::write_file_atomic(path, f->render(r));
        if (!w) return w;
        std::error_code ec;
        auto shown = std::filesystem::relative(path, std::filesystem::current_path(), ec);
        std::string shown_s = ec || shown.empty() || shown.string().rfind("..", 0) == 0 ? path.string() : shown.string();
        fmt::print("📄 Report saved to: {}\n", shown_s);
    }
    return {};
}

}  // namespace gonogo::cli
