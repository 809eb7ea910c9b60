// gonogo's entry point: parses the command line (CLI11), runs the command,
// writes the reports and chooses the exit code. The only place that prints or exits.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/audit.hpp"
#include "cli/config.hpp"
#include "cli/init.hpp"
#include "cli/probe.hpp"
#include "live/http.hpp"
#include "cli/exit_codes.hpp"
#include "checks/probe.hpp"
#include "collect/build.hpp"
#include "collect/stack.hpp"
#include "cli/output.hpp"
#include "core/catalog.hpp"
#include "report/control_docs.hpp"
#include "report/report.hpp"
#include "score/score.hpp"
#include "store/fingerprint.hpp"
#include "store/history.hpp"
#include "util/fs.hpp"
#include "util/profile.hpp"
#include "util/time.hpp"

using namespace gonogo;

namespace {

// The catalogue remediation keys of the stack found under `path` (most specific first).
Result<std::vector<std::string>> stack_keys(const std::string& path) {
    collect::BuildOptions bo;
    auto model = collect::build_model(path, checks::all_signatures(), bo);
    if (!model) return tl::unexpected(model.error());
    return collect::summarize(*model, -1).remediation_keys;
}

int explain(const std::string& id, const std::string& path) {
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
    if (!path.empty()) {
        auto keys = stack_keys(path);
        if (!keys) {
            fmt::print(stderr, "gonogo: {}: {}\n", keys.error().where, keys.error().message);
            return cli::k_exit_usage;
        }
        std::string chosen = "generic";
        for (const auto& k : *keys)
            if (c->remediation.count(k)) {
                chosen = k;
                break;
            }
        fmt::print("\n[{}] (for the stack found in {}: {})\n{}\n", chosen, path, keys->empty() ? "nothing specific" : fmt::format("{}", fmt::join(*keys, ", ")),
                   c->remediation_for(*keys));
        std::vector<std::string> others;
        for (const auto& [stack, text] : c->remediation)
            if (stack != chosen) others.push_back(stack);
        if (!others.empty()) fmt::print("\nOther stacks: {} (`gonogo explain {}` shows them all)\n", fmt::join(others, ", "), c->id);
    } else {
        for (const auto& [stack, text] : c->remediation) fmt::print("\n[{}]\n{}\n", stack, text);
    }
    if (!c->references.empty()) {
        fmt::print("\nReferences\n");
        for (const auto& r : c->references) fmt::print("  {} <{}>\n", r.title, r.url);
    }
    return cli::k_exit_go;
}

// The options of the live checks, shared by `probe` and `audit --url`.
void add_live_options(CLI::App* app, live::LiveOptions& lo, std::vector<std::string>& headers) {
    app->add_option("--health", lo.health_path, "health endpoint path, tried before /health, /healthz, /readyz, ...");
    app->add_option("--login", lo.login_path, "login page path: its cookies are checked too");
    app->add_option("--metrics", lo.metrics_path, "metrics path (default /metrics)");
    app->add_option("--burst", lo.burst, "rate-limit probe: send N requests (at most 500) within 10 s to one path (default: off)")
        ->check(CLI::Range(0, 500));
    app->add_option("--burst-path", lo.burst_path, "path the burst goes to (default: the health endpoint)");
    app->add_option("--header", headers, "header sent with every request, e.g. 'Authorization: Bearer …' (repeatable)");
    app->add_flag("--insecure", lo.client.insecure, "do not verify TLS certificates");
    app->add_option("--ca", lo.client.ca_file, "PEM file of extra trust anchors");
    app->add_option("--timeout", lo.client.total_timeout_ms, "total time per request in ms (default 15000)")->check(CLI::Range(100L, 600000L));
    app->add_option("--connect-timeout", lo.client.connect_timeout_ms, "connect time per request in ms (default 5000)")
        ->check(CLI::Range(50L, 120000L));
    app->add_option("--ttfb-samples", lo.ttfb_samples, "requests timed for TTFB (default 10)")->check(CLI::Range(1, 100));
}

// The exit code of a finished audit. --fail-on chooses what fails the run, separately from what the
// report shows: blocker (default) follows the verdict, warning also fails on a failing warning, none
// never fails. --new-only lets only findings that are new against the baseline decide: a blocker
// that could not be decided is not a finding, so it does not hold the run at CONDITIONAL GO there.
int exit_code(const AuditResult& r, const std::string& fail_on, bool new_only) {
    if (fail_on == "none") return cli::k_exit_go;
    std::vector<ControlResult> controls = new_only ? store::only_new(r.controls) : r.controls;
    Decision d = new_only ? score::decide(controls).decision : r.verdict.decision;
    if (new_only && d == Decision::conditional_go) d = Decision::go;
    if (d == Decision::no_go) return cli::k_exit_no_go;
    if (fail_on == "warning")
        for (const auto& c : controls)
            if (c.status == Status::fail && c.severity == Severity::warning) return cli::k_exit_warning;
    return d == Decision::conditional_go ? cli::k_exit_conditional : cli::k_exit_go;
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
    audit->add_option("--format", oo.formats, "md, json, sarif, junit, html, terminal; a comma list writes several")->delimiter(',');
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
    std::string config_file;
    audit->add_option("--config", config_file, "config file (default: .gonogo.yml in the repository, if any)");
    bool disallow_waivers = false;
    audit->add_flag("--disallow-waivers", disallow_waivers, "ignore every waiver (e.g. for tier 0); they are listed as not applied");
    std::string fail_on = "blocker";
    audit->add_option("--fail-on", fail_on, "what fails the run (exit code): blocker (default), warning or none")
        ->check(CLI::IsMember({"blocker", "warning", "none"}));
    audit->add_option("--baseline", ao.baseline, "a saved JSON result: mark each finding new or unchanged, list the fixed");
    bool new_only = false;
    audit->add_flag("--new-only", new_only, "with --baseline: only new findings decide the exit code");
    bool no_history = false;
    audit->add_flag("--no-history", no_history, "do not append this run to .gonogo/history.sqlite");
    std::string append_review;
    audit->add_option("--append-review", append_review, "append seed 003's review block (PASS/WARN/FAIL per category) to this file");

    std::string history_path = ".";
    std::string history_framework;
    std::string history_project;
    std::size_t history_limit = 10;
    auto* hist = app.add_subcommand("history", "category trends and blockers opened and closed across recorded audits");
    hist->add_option("path", history_path, "repository folder (default: .)");
    hist->add_option("--framework", history_framework, "view (default: the config's, else go-no-go)");
    hist->add_option("--project", history_project, "only this project (default: every project in the database)");
    hist->add_option("--limit", history_limit, "the last N runs (default 10)")->check(CLI::Range(std::size_t{2}, std::size_t{1000}));
    audit->add_flag("--no-progress", no_progress, "no progress bar on stderr");
    audit->add_flag("-q,--quiet", oo.quiet, "print only the report path");

    std::vector<std::string> audit_headers;
    audit->add_option("--url", ao.live.url, "also probe the running service at this URL; live facts win over static ones");
    add_live_options(audit, ao.live, audit_headers);

    cli::ProbeOptions po;
    cli::OutputOptions pout;
    std::vector<std::string> probe_headers;
    std::string probe_tier = "1", probe_config, probe_fail_on = "blocker";
    bool probe_disallow = false;
    auto* probe = app.add_subcommand("probe", "live checks of a running service (health, headers, cookies, CORS, errors, ...)");
    probe->add_option("url", po.live.url, "the service's base URL, http:// or https://")->required();
    add_live_options(probe, po.live, probe_headers);
    probe->add_option("--tier", probe_tier, "criticality: 0, 1, 2 or hobby (default 1)");
    probe->add_option("--framework", po.framework, "report view (default go-no-go)");
    probe->add_option("--config", probe_config, "config file (default: ./.gonogo.yml if present)");
    probe->add_flag("--disallow-waivers", probe_disallow, "apply no waiver");
    probe->add_option("--format", pout.formats, "md, json, sarif, junit, html, terminal; a comma list writes several")->delimiter(',');
    probe->add_option("--output", pout.output, "file for a single format");
    probe->add_option("--output-dir", pout.output_dir, "folder for the reports (default: ./reports)");
    probe->add_option("--fail-on", probe_fail_on, "what fails the run: blocker (default), warning or none")
        ->check(CLI::IsMember({"blocker", "warning", "none"}));
    probe->add_flag("-q,--quiet", pout.quiet, "print only the report paths");

    std::string explain_id;
    auto* ex = app.add_subcommand("explain", "what a control checks, why, how to fix it");
    ex->add_option("id", explain_id, "control id or slug")->required();
    std::string explain_path;
    ex->add_option("--path", explain_path, "a repository: show the fix for the stack found there");

    std::string docs_dir;
    auto* docs = app.add_subcommand("docs", "write one Markdown page per control (generated from the catalogue)");
    docs->add_option("dir", docs_dir, "output folder")->required();

    cli::InitOptions io;
    auto* init = app.add_subcommand("init", "answer seed 003's questions and write .gonogo.yml");
    init->add_option("path", io.path, "repository folder (default: .)");
    init->add_option("--service", io.service, "service name");
    init->add_option("--tier", io.tier, "criticality: 0, 1, 2 or hobby");
    init->add_option("--impact", io.impact, "user-facing impact of a failure, in words");
    init->add_option("--stage", io.stage, "development, staging, beta or production");
    init->add_option("--dependencies", io.dependencies, "comma-separated, e.g. postgres,redis,stripe");
    init->add_flag("-y,--yes", io.yes, "ask nothing: flags and defaults answer");
    init->add_flag("--force", io.force, "replace an existing config (kept as .gonogo.yml.bak)");

    std::string report_in;
    cli::OutputOptions ro;
    auto* rep = app.add_subcommand("report", "re-render a saved JSON result without scanning again");
    rep->add_option("result", report_in, "a result written by --format json")->required();
    rep->add_option("--format", ro.formats, "md, json, sarif, junit, html, terminal; a comma list writes several")->delimiter(',');
    rep->add_option("--output", ro.output, "file for a single format");
    rep->add_option("--output-dir", ro.output_dir, "folder for the reports (default: reports/ beside the result)");
    rep->add_flag("-q,--quiet", ro.quiet, "print only the report paths");

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
        if (ex->parsed()) return explain(explain_id, explain_path);
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
        if (init->parsed()) return cli::run_init(io, std::cin, std::cout, std::cerr);
        if (probe->parsed()) {
            po.live.client.headers = probe_headers;
            std::optional<std::filesystem::path> cfg_path;
            if (!probe_config.empty()) cfg_path = probe_config;
            else cfg_path = cli::find_config(".");
            if (cfg_path) {
                auto cfg = cli::load_config(*cfg_path, Catalog::embedded(), timeutil::today());
                if (!cfg) {
                    fmt::print(stderr, "gonogo: {}: {}\n", cfg.error().where, cfg.error().message);
                    return cli::k_exit_usage;
                }
                po.config = std::move(*cfg);
                if (probe->get_option("--tier")->count() == 0 && po.config.tier) probe_tier = std::string(to_string(*po.config.tier));
                if (probe->get_option("--framework")->count() == 0 && po.config.framework) po.framework = *po.config.framework;
            }
            auto t = parse_tier(probe_tier);
            if (!t) {
                fmt::print(stderr, "gonogo: --tier must be 0, 1, 2 or hobby, not '{}'\n", probe_tier);
                return cli::k_exit_usage;
            }
            po.tier = *t;
            po.allow_waivers = !probe_disallow;
            auto result = cli::run_probe(po);
            if (!result) {
                fmt::print(stderr, "gonogo: {}{}\n", result.error().where.empty() ? "" : result.error().where + ": ", result.error().message);
                return cli::k_exit_usage;
            }
            if (pout.output_dir.empty()) pout.output_dir = "reports";
            auto written = cli::write_outputs(*result, pout, ".");
            if (!written) {
                fmt::print(stderr, "gonogo: {}: {}\n", written.error().where, written.error().message);
                return cli::k_exit_usage;
            }
            return exit_code(*result, probe_fail_on, false);
        }
        if (hist->parsed()) {
            std::string view = history_framework;
            if (view.empty()) {
                if (auto cfg_path = cli::find_config(history_path)) {
                    auto cfg = cli::load_config(*cfg_path, Catalog::embedded(), timeutil::today());
                    if (!cfg) {
                        fmt::print(stderr, "gonogo: {}: {}\n", cfg.error().where, cfg.error().message);
                        return cli::k_exit_usage;
                    }
                    if (cfg->framework) view = *cfg->framework;
                }
            }
            if (view.empty()) view = "go-no-go";
            auto runs = store::load(store::history_path(history_path), history_project, view, history_limit);
            if (!runs) {
                fmt::print(stderr, "gonogo: {}: {}\n", runs.error().where, runs.error().message);
                return cli::k_exit_usage;
            }
            fmt::print("{}", report::to_history(*runs));
            return cli::k_exit_go;
        }
        if (rep->parsed()) {
            auto text = fs::read_file(report_in, 256 * 1024 * 1024);
            if (!text) {
                fmt::print(stderr, "gonogo: {}: {}\n", report_in, text.error().message);
                return cli::k_exit_usage;
            }
            auto saved = report::from_json(*text);
            if (!saved) {
                fmt::print(stderr, "gonogo: {}: {}\n", report_in, saved.error().message);
                return cli::k_exit_usage;
            }
            if (const auto* f = Catalog::embedded().framework(saved->framework)) saved->framework_title = f->title;
            if (ro.formats.empty()) ro.formats = {"md"};
            if (ro.output_dir.empty()) ro.output_dir = std::filesystem::path(report_in).parent_path().string();
            if (ro.output_dir.empty()) ro.output_dir = ".";
            auto written = cli::write_outputs(*saved, ro, saved->target_path);
            if (!written) {
                fmt::print(stderr, "gonogo: {}: {}\n", written.error().where, written.error().message);
                return cli::k_exit_usage;
            }
            return cli::k_exit_go;
        }
        if (audit->parsed()) {
            std::optional<std::filesystem::path> cfg_path;
            if (!config_file.empty()) cfg_path = config_file;
            else cfg_path = cli::find_config(ao.path);
            if (cfg_path) {
                auto cfg = cli::load_config(*cfg_path, Catalog::embedded(), timeutil::today());
                if (!cfg) {
                    fmt::print(stderr, "gonogo: {}: {}\n", cfg.error().where, cfg.error().message);
                    return cli::k_exit_usage;
                }
                ao.config = std::move(*cfg);
            }
            const auto& cfg = ao.config;
            if (audit->get_option("--tier")->count() == 0 && cfg.tier) tier = std::string(to_string(*cfg.tier));
            if (audit->get_option("--framework")->count() == 0 && cfg.framework) ao.framework = *cfg.framework;
            if (audit->get_option("--max-file-size")->count() == 0 && cfg.max_file_size) ao.max_file_bytes = *cfg.max_file_size;
            ao.exclude.insert(ao.exclude.begin(), cfg.exclude.begin(), cfg.exclude.end());
            ao.allow_waivers = !disallow_waivers;
            ao.live.client.headers = audit_headers;
            if (!ao.live.url.empty() && !live::parse_url(ao.live.url)) {
                fmt::print(stderr, "gonogo: --url must be an http:// or https:// URL, not '{}'\n", ao.live.url);
                return cli::k_exit_usage;
            }
            if (new_only && ao.baseline.empty()) {
                fmt::print(stderr, "gonogo: --new-only needs --baseline FILE (a saved JSON result)\n");
                return cli::k_exit_usage;
            }
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
            profile::Timer t_write("write reports");
            auto written = cli::write_outputs(*result, oo, result->target_path);
            t_write.stop();
            if (!written) {
                fmt::print(stderr, "gonogo: {}: {}\n", written.error().where, written.error().message);
                return cli::k_exit_usage;
            }
            if (!append_review.empty()) {
                auto a = fs::append_file(append_review, "\n" + report::to_review_block(*result));
                if (!a) fmt::print(stderr, "gonogo: review not appended: {}: {}\n", a.error().where, a.error().message);
                else if (!oo.quiet) fmt::print("📝 Review appended to: {}\n", append_review);
            }
            // History comes last: a corrupt or locked database is reported and costs nothing else.
            if (!no_history) {
                auto h = store::record(store::history_path(result->target_path), *result);
                if (!h) fmt::print(stderr, "gonogo: history not recorded: {}: {}\n", h.error().where, h.error().message);
            }
            return exit_code(*result, fail_on, new_only);
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "gonogo: internal error: {}\n", e.what());
        return cli::k_exit_internal;
    }
    return cli::k_exit_internal;
}
