// The audit command (see audit.hpp). Checkpoints (seed 001): after each
// category the findings so far are written as Markdown for a person, with a
// fenced JSON block that --resume reads back, so an interrupted audit
// continues where it stopped and ends with the same report.
#include "cli/audit.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/custom_rules.hpp"
#include "checks/probe.hpp"
#include "cli/parallel.hpp"
#include "checks/runner.hpp"
#include "live/probes.hpp"
#include "score/merge.hpp"
#include "collect/build.hpp"
#include "collect/stack.hpp"
#include "report/report.hpp"
#include "score/policy.hpp"
#include "score/score.hpp"
#include "store/fingerprint.hpp"
#include "util/fs.hpp"
#include "util/profile.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

namespace gonogo::cli {
namespace {

// The costliest first, so that two workers taking the next category from a shared counter finish
// together (measured on large trees: security and operations read the most).
constexpr const char* k_categories[] = {"SEC", "OPS", "OBS", "DR", "REL", "COMP", "LOAD", "SCA", "PERF"};

std::string git_commit(const std::filesystem::path& root) {
    auto head = fs::read_file(root / ".git" / "HEAD", 4096);
    if (!head) return "";
    auto h = std::string(str::trim(*head));
    if (!str::starts_with(h, "ref: ")) return h;
    auto ref = h.substr(5);
    if (auto r = fs::read_file(root / ".git" / ref, 4096)) return std::string(str::trim(*r));
    if (auto packed = fs::read_file(root / ".git" / "packed-refs", 16 * 1024 * 1024)) {
        for (auto line : str::split(*packed, '\n')) {
            auto sp = line.find(' ');
            if (sp != std::string_view::npos && line.substr(sp + 1) == ref) return std::string(line.substr(0, sp));
        }
    }
    return "";
}

// Compiled signatures are cached outside the audited repository: $GONOGO_CACHE_DIR ("off" disables
// the cache), else $XDG_CACHE_HOME/gonogo, else ~/.cache/gonogo.
std::filesystem::path signature_cache_dir() {
    if (const char* d = std::getenv("GONOGO_CACHE_DIR"); d && *d)
        return std::string_view(d) == "off" ? std::filesystem::path() : std::filesystem::path(d);
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::filesystem::path(x) / "gonogo";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".cache" / "gonogo";
    return {};
}

// Saved control results use the JSON renderer's own shape, so one reader serves both.
std::string checkpoint_markdown(const AuditResult& partial, const std::vector<std::string>& done, const std::string& next) {
    std::string out = fmt::format("# Checkpoint: {} production readiness\n\n**Saved:** {}  \n**Completed categories:** {}  \n**Next step:** {}\n\n",
                                  partial.project, timeutil::now_iso8601(), fmt::join(done, ", "),
                                  next.empty() ? "score and write the report" : "audit categories " + next);
    out += "## Findings so far\n\n";
    for (const auto& c : partial.controls)
        if (c.status == Status::fail) out += fmt::format("- {} {} — {} ({})\n", c.id, c.title, c.message, to_string(c.severity));
    out += "\n## Resume data\n\n```json\n" + report::to_json(partial) + "```\n";
    return out;
}

Result<AuditResult> read_checkpoint(const std::filesystem::path& p) {
    auto text = fs::read_file(p, 64 * 1024 * 1024);
    if (!text) return tl::unexpected(text.error());
    auto b = text->find("```json\n");
    auto e = text->rfind("```");
    if (b == std::string::npos || e == std::string::npos || e <= b) return fail("checkpoint has no resume data", p.string());
    auto r = report::from_json(text->substr(b + 8, e - b - 8));
    if (!r) return fail("checkpoint resume data unreadable: " + r.error().message, p.string());
    return r;
}

// Freeing a large model (hundreds of thousands of strings, syntax trees, YAML documents) takes a
// noticeable share of a short audit, and the process is about to write its report and exit: the
// last model is parked here instead and freed only when the next audit in the same process retires
// its own. It stays reachable, so leak checkers do not count it.
void retire(collect::RepoModel&& m) {
    static std::unique_ptr<collect::RepoModel>* parked = new std::unique_ptr<collect::RepoModel>();
    *parked = std::make_unique<collect::RepoModel>(std::move(m));
}

// The config file as evidence names it: relative to the audited repository when inside it.
std::string relative_label(const std::string& file, const std::string& root) {
    std::error_code ec;
    auto rel = std::filesystem::relative(std::filesystem::absolute(file, ec), root, ec);
    if (ec || rel.empty() || rel.string().rfind("..", 0) == 0) return file;
    return rel.generic_string();
}

}  // namespace

std::filesystem::path checkpoint_path(const std::filesystem::path& root, const std::string& project) {
    return root / ".gonogo" / "checkpoints" / (project + "-production-readiness.md");
}

Result<AuditResult> run_audit(const AuditOptions& opts) {
    // The catalogue (about 60 ms of YAML on one core) loads beside the walk and the scan; an unknown
    // framework is refused up front from the framework documents alone.
    auto names = Catalog::embedded_framework_names();
    if (std::find(names.begin(), names.end(), opts.framework) == names.end())
        return fail(fmt::format("unknown framework '{}' (known: {})", opts.framework, fmt::join(names, ", ")), "--framework");
    auto catalog_loading = std::async(std::launch::async, [] {
        profile::Timer t_catalog("catalog (beside the model)");
        return &Catalog::embedded();
    });
    collect::BuildOptions bo;
    bo.exclude = opts.exclude;
    bo.max_file_bytes = opts.max_file_bytes;
    bo.max_memory_bytes = opts.max_memory_mib * 1024 * 1024;
    bo.threads = opts.threads;
    bo.signature_cache = signature_cache_dir();
    bo.include = opts.config.include;
    for (const auto& s : opts.config.services) bo.services.emplace_back(s.name, s.path);
    std::optional<AuditResult> previous;
    if (!opts.baseline.empty()) {
        auto text = fs::read_file(opts.baseline, 256 * 1024 * 1024);
        if (!text) return tl::unexpected(text.error());
        auto prev = report::from_json(*text);
        if (!prev) return fail("not a gonogo JSON result: " + prev.error().message, opts.baseline);
        previous = std::move(*prev);
    }
    if (opts.progress) {
        bo.on_progress = [](std::uint64_t done, std::uint64_t total, void*) {
            int width = 30;
            int filled = total ? static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width) : width;
            fmt::print(stderr, "\rscanning [{}{}] {}/{} files", std::string(static_cast<std::size_t>(filled), '#'),
                       std::string(static_cast<std::size_t>(width - filled), ' '), done, total);
            if (done == total) fmt::print(stderr, "\n");
        };
    }
    auto signatures = checks::all_signatures();
    for (auto& sg : checks::custom_signatures(opts.config.rules)) signatures.push_back(std::move(sg));
    auto model = collect::build_model(opts.path, signatures, bo);
    if (!model) return tl::unexpected(model.error());
    const auto& catalog = *catalog_loading.get();
    const auto* framework = catalog.framework(opts.framework);
    if (!framework) return fail(fmt::format("framework '{}' is not in the catalogue", opts.framework), "--framework");

    AuditResult r;
    r.tool_version = GONOGO_VERSION;
    r.target_path = model->root;
    r.target_commit = git_commit(model->root);
    r.project = opts.config.service                                           ? *opts.config.service
                : model->services.size() == 1 && !model->services[0].name.empty() ? model->services[0].name
                                                                                  : std::filesystem::path(model->root).filename().string();
    r.config_file = opts.config.file;
    r.slo = opts.config.slo;
    r.impact = opts.config.impact;
    r.stage = opts.config.stage;
    r.declared_dependencies = opts.config.dependencies;
    r.generated_at = timeutil::now_iso8601();
    r.tier = opts.tier;
    r.framework = framework->name;
    r.framework_title = framework->title;
    r.stack = collect::summarize(*model, -1);
    r.diagnostics = model->diagnostics;
    r.stats = model->stats;

    auto cp = checkpoint_path(model->root, r.project);
    std::vector<std::string> done;
    if (opts.resume) {
        auto saved = read_checkpoint(cp);
        if (!saved) return tl::unexpected(saved.error());
        if (saved->tier != r.tier || saved->framework != r.framework)
            return fail("checkpoint was made with another tier or framework; rerun without --resume", cp.string());
        for (auto& c : saved->controls) {
            if (std::find(done.begin(), done.end(), c.category) == done.end()) done.push_back(c.category);
            r.controls.push_back(std::move(c));
        }
    }
    const char* abort_after = std::getenv("GONOGO_TEST_ABORT_AFTER");  // test hook: simulates a kill mid-audit
    std::vector<std::string> pending;
    for (const char* cat : k_categories)
        if (std::find(done.begin(), done.end(), cat) == done.end()) pending.push_back(cat);
    std::vector<Diagnostic> worker_diags;
    profile::Timer t_controls("controls");
    run_categories(catalog, *model, opts.tier, pending, opts.threads ? opts.threads : std::thread::hardware_concurrency(),
                   [&](const std::string& cat, std::vector<ControlResult> results) {
                       r.controls.insert(r.controls.end(), std::make_move_iterator(results.begin()),
                                         std::make_move_iterator(results.end()));
                       done.push_back(cat);
                       std::string next;
                       for (const auto& p : pending)
                           if (std::find(done.begin(), done.end(), p) == done.end()) next += (next.empty() ? "" : ", ") + p;
                       auto w = fs::write_file_atomic(cp, checkpoint_markdown(r, done, next));
                       if (!w) r.diagnostics.push_back({cp.string(), "checkpoint not written: " + w.error().message});
                       if (abort_after && cat == abort_after) {
                           std::fflush(nullptr);
                           std::raise(SIGKILL);
                       }
                   },
                   worker_diags);
    t_controls.stop();
    profile::Timer t_after("fingerprints, policy and scores");
    r.diagnostics.insert(r.diagnostics.end(), worker_diags.begin(), worker_diags.end());
    // Controls in catalogue order, whatever order resume produced.
    std::vector<ControlResult> ordered;
    for (const auto& c : catalog.controls())
        for (auto& x : r.controls)
            if (x.id == c.id) ordered.push_back(std::move(x));
    r.controls = std::move(ordered);
    // --url: the running service decides what it can be asked; the code's evidence stays beside it.
    if (!opts.live.url.empty()) {
        profile::Timer t_live("live probes");
        live::Session session(opts.live);
        score::merge_live(r.controls, live::run_live(catalog, session, opts.tier));
        r.target_url = opts.live.url;
        for (auto& d : session.take_diagnostics()) r.diagnostics.push_back(std::move(d));
    }
    for (auto& c : checks::run_custom_rules(catalog, *model, opts.config.rules, opts.tier)) r.controls.push_back(std::move(c));

    // Fingerprints from the finding's line and its neighbours, as the file holds them now.
    store::fingerprint_all(r.controls, [&](const Evidence& e) {
        std::vector<std::string_view> ctx;
        const auto* f = e.line ? model->file(e.path) : nullptr;
        if (!f || !f->kept) return ctx;
        for (std::size_t l = e.line > 1 ? e.line - 1 : 1; l <= e.line + 1 && l <= f->lines.line_count(); ++l)
            ctx.push_back(f->lines.line_text(f->text, l));
        return ctx;
    });
    if (!r.config_file.empty()) r.config_file = relative_label(r.config_file, model->root);
    score::PolicyOptions po{r.config_file.empty() ? ".gonogo.yml" : r.config_file, timeutil::today(), opts.allow_waivers};
    auto used = score::apply_policy(r.controls, opts.config.waivers, opts.config.attestations, po);
    r.waivers = std::move(used.waivers);
    r.attestations = std::move(used.attestations);
    if (previous) {
        r.baseline_file = opts.baseline;
        r.fixed = store::compare(r.controls, previous->controls);
    }

    auto scored = score::evaluate(*framework, r.controls);
    r.categories = scored.categories;
    r.total_score = scored.total;
    r.total_max = scored.max;
    r.verdict = scored.verdict;
    for (std::size_t s = 0; s < model->services.size(); ++s) {
        ServiceResult sr;
        sr.name = model->services[s].name;
        sr.path = model->services[s].root;
        sr.stack = collect::summarize(*model, static_cast<int>(s));
        std::vector<ControlResult> mine = r.controls;
        for (auto& c : mine)
            for (const auto& ss : c.services)
                if (ss.service == sr.name) { c.status = ss.status; c.message = ss.message; }
        auto sc = score::evaluate(*framework, mine);
        sr.verdict = sc.verdict;
        sr.categories = sc.categories;
        r.services.push_back(std::move(sr));
    }
    std::error_code ec;
    std::filesystem::remove(cp, ec);  // the audit finished: nothing to resume
    retire(std::move(*model));
    return r;
}

}  // namespace gonogo::cli
