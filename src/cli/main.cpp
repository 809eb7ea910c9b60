// gonogo's entry point: parses the command line (CLI11), runs the command,
// writes the reports and chooses the exit code. The only place that prints or exits.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/audit.hpp"
#include "cli/exit_codes.hpp"
#include "checks/probe.hpp"
#include "cli/output.hpp"
#include "core/catalog.hpp"
#include "report/control_docs.hpp"
#include "util/fs.hpp"

using namespace gonogo;

namespace {

int explain(const std::string& id) {
    const auto& cat = Catalog::embedded();
    const Control* c = cat.find(id);
    if (!c)
        for (const auto& x : cat.controls())
            if (x.slug == id) c = &x;
    if (!c) {
        fmt::print(stderr, "gonogo: no control '{}' (ids look like REL-01; slugs like health-endpoint)\n", id);
        return cli::k_exit_usage;
    }
    fmt::print("{} {} ({})\n\nCategory: {}\nModes: {}\nSeverity: tier0 {}, tier1 {}, tier2 {}, hobby {}\nAutomated: {}\n\nWhy it matters\n  {}\n\nHow gonogo decides\n  {}\n\nHow to fix\n",
               c->id, c->title, c->slug, Catalog::category_name(c->category), fmt::join(c->modes, ", "),
               to_string(c->severity_for(Tier::tier0)), to_string(c->severity_for(Tier::tier1)),
               to_string(c->severity_for(Tier::tier2)), to_string(c->severity_for(Tier::hobby)),
               c->probes.empty() ? "not yet" : fmt::format("yes ({})", fmt::join(c->probes, ", ")), c->rationale,
               c->decides);
    for (const auto& [stack, text] : c->remediation) fmt::print("\n[{}]\n{}\n", stack, text);
    if (!c->references.empty()) {
        fmt::print("\nReferences\n");
        for (const auto& r : c->references) fmt::print("  {} <{}>\n", r.title, r.url);
    }
    return cli::k_exit_go;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"gonogo: is this service ready for production? GO, CONDITIONAL GO or NO-GO, with evidence."};
    app.set_version_flag("--version", GONOGO_VERSION);
    app.require_subcommand(1);

    cli::AuditOptions ao;
    cli::OutputOptions oo;
    std::string tier = "1";
    bool no_progress = false;
    auto* audit = app.add_subcommand("audit", "static audit of a repository");
    audit->add_option("path", ao.path, "repository folder (default: .)");
    audit->add_option("--tier", tier, "criticality: 0, 1, 2 or hobby (default 1)");
    audit->add_option("--framework", ao.framework, "report view: go-no-go (default), prod-readiness, hobby");
    audit->add_option("--format", oo.formats, "md, json, terminal; a comma list writes several")->delimiter(',');
    audit->add_option("--output", oo.output, "file for a single format");
    audit->add_option("--output-dir", oo.output_dir, "folder for the reports (default: reports/ under the repository)");
    audit->add_option("--exclude", ao.exclude, "glob of paths to leave out (repeatable)");
    audit->add_option("--max-file-size", ao.max_file_bytes, "skip files larger than this many bytes (default 2 MiB)");
    audit->add_option("--max-memory", ao.max_memory_mib,
                      "MiB of file text and syntax trees kept for the probes (default 2048); beyond it files are "
                      "only scanned for signatures, and the report lists them")
        ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 20));
    audit->add_option("--threads", ao.threads, "worker threads (default: all cores)");
    audit->add_flag("--resume", ao.resume, "continue an interrupted audit from its checkpoint");
    audit->add_flag("--no-progress", no_progress, "no progress bar on stderr");
    audit->add_flag("-q,--quiet", oo.quiet, "print only the report path");

    std::string explain_id;
    auto* ex = app.add_subcommand("explain", "what a control checks, why, how to fix it");
    ex->add_option("id", explain_id, "control id or slug")->required();

    std::string docs_dir;
    auto* docs = app.add_subcommand("docs", "write one Markdown page per control (generated from the catalogue)");
    docs->add_option("dir", docs_dir, "output folder")->required();

    std::string sig_prefix;
    auto* sigs = app.add_subcommand("signatures", "list the scanner's textual signatures (id, pattern), e.g. for benchmarks");
    sigs->add_option("--prefix", sig_prefix, "only ids starting with this");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? cli::k_exit_go : cli::k_exit_usage;
    }
    try {
        if (ex->parsed()) return explain(explain_id);
        if (sigs->parsed()) {
            for (const auto& sg : checks::all_signatures())
                if (sg.id.rfind(sig_prefix, 0) == 0) fmt::print("{}\t{}\t{}\n", sg.id, sg.caseless ? "i" : "-", sg.pattern);
            return cli::k_exit_go;
        }
        if (docs->parsed()) {
            for (const auto& [name, text] : report::control_docs(Catalog::embedded())) {
                auto w = fs::write_file_atomic(std::filesystem::path(docs_dir) / name, text);
                if (!w) {
                    fmt::print(stderr, "gonogo: {}: {}\n", w.error().where, w.error().message);
                    return cli::k_exit_usage;
                }
            }
            return cli::k_exit_go;
        }
        if (audit->parsed()) {
            auto t = parse_tier(tier);
            if (!t) {
                fmt::print(stderr, "gonogo: --tier must be 0, 1, 2 or hobby, not '{}'\n", tier);
                return cli::k_exit_usage;
            }
            ao.tier = *t;
            ao.progress = !no_progress && !oo.quiet && isatty(STDERR_FILENO);
            auto result = cli::run_audit(ao);
            if (!result) {
                fmt::print(stderr, "gonogo: {}{}\n", result.error().where.empty() ? "" : result.error().where + ": ",
                           result.error().message);
                return cli::k_exit_usage;
            }
            auto written = cli::write_outputs(*result, oo, result->target_path);
            if (!written) {
                fmt::print(stderr, "gonogo: {}: {}\n", written.error().where, written.error().message);
                return cli::k_exit_usage;
            }
            switch (result->verdict.decision) {
                case Decision::go: return cli::k_exit_go;
                case Decision::conditional_go: return cli::k_exit_conditional;
                case Decision::no_go: return cli::k_exit_no_go;
            }
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "gonogo: internal error: {}\n", e.what());
        return cli::k_exit_internal;
    }
    return cli::k_exit_internal;
}
