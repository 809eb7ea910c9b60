// Probe load.load_test_plan (LOAD-01, static part): is there a load-test plan
// (k6, Locust, Artillery, Gatling, JMeter, vegeta/wrk/hey runs in scripts or
// CI)? A plan is never a pass: it answers unknown with the plan's target rate
// and thresholds, and `gonogo load` decides. No plan fails.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/load/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

struct Plan {
    std::string tool;
    const collect::File* file = nullptr;
    Evidence ev;
    bool thresholds = false;
    std::vector<std::string> facts;  // "thresholds: p(95)<250", "peak arrival rate 200/s"
};

bool script_path(std::string_view path, std::initializer_list<std::string_view> exts) {
    for (auto e : exts)
        if (str::ends_with(path, e)) return true;
    return false;
}

long number_after_colon(std::string_view s) {
    auto c = s.find(':');
    if (c == std::string_view::npos) return -1;
    auto t = str::trim(s.substr(c + 1));
    long v = 0;
    std::size_t i = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) v = v * 10 + (t[i++] - '0');
    return i ? v : -1;
}

bool web_service(const ProbeContext& ctx) {
    if (serves_http(ctx)) return true;
    static const std::set<std::string> k_web{"nextjs", "express", "nestjs", "fastify", "koa", "hono", "gin", "echo", "chi",
                                             "httprouter", "net/http", "fiber", "fastapi", "django", "flask", "starlette"};
    for (const auto& f : ctx.svc().frameworks)
        if (k_web.count(f)) return true;
    return false;
}

// The expected peak request rate declared in .gonogo.yml (load.expected_rps, or the same key under slo:).
std::optional<double> expected_rps(const ProbeContext& ctx) {
    for (auto name : {".gonogo.yml", ".gonogo.yaml"}) {
        const auto* f = ctx.model.file(name);
        if (!f) continue;
        for (const auto& d : yaml_docs(ctx, *f)) {
            for (auto sect : {"load", "slo", "slos", ""}) {
                YAML::Node n = *sect ? child(d, sect) : d;
                for (auto key : {"expected_rps", "expected_peak_rps", "peak_rps"})
                    if (auto v = yaml_str(child(n, key))) {
                        double x = std::strtod(v->c_str(), nullptr);
                        if (x > 0) return x;
                    }
            }
        }
    }
    return std::nullopt;
}

// A k6 end-of-test summary committed to the repository (--summary-export or handleSummary JSON).
struct K6Result {
    const collect::File* file = nullptr;
    double rate = -1;  // http_reqs per second
    int thresholds = 0;
    std::vector<std::string> failed;
};

std::optional<K6Result> k6_result(const collect::File& f) {
    if (!f.json || !f.json->is_object()) return std::nullopt;
    const auto& j = *f.json;
    auto mit = j.find("metrics");
    if (mit == j.end() || !mit->is_object()) return std::nullopt;
    if (!mit->contains("http_reqs") && !mit->contains("http_req_duration")) return std::nullopt;
    if (!j.contains("root_group") && !j.contains("state") && !j.contains("options")) return std::nullopt;
    K6Result r;
    r.file = &f;
    if (auto h = mit->find("http_reqs"); h != mit->end() && h->is_object()) {
        if (auto rt = h->find("rate"); rt != h->end() && rt->is_number()) r.rate = rt->get<double>();
        else if (auto v = h->find("values"); v != h->end() && v->is_object())
            if (auto rv = v->find("rate"); rv != v->end() && rv->is_number()) r.rate = rv->get<double>();
    }
    for (auto it = mit->begin(); it != mit->end(); ++it) {
        if (!it->is_object()) continue;
        auto th = it->find("thresholds");
        if (th == it->end() || !th->is_object()) continue;
        for (auto t = th->begin(); t != th->end(); ++t) {
            ++r.thresholds;
            bool failed = false;
            if (t->is_boolean()) failed = t->get<bool>();  // --summary-export: true = the threshold was crossed
            else if (t->is_object() && t->contains("ok") && (*t)["ok"].is_boolean()) failed = !(*t)["ok"].get<bool>();
            if (failed) r.failed.push_back(it.key() + " " + t.key());
        }
    }
    return r;
}

}  // namespace

Outcome probe_load_load_test_plan(const ProbeContext& ctx) {
    // A committed result decides when it can: failed thresholds fail; a passing run at 2x the declared peak passes.
    std::vector<K6Result> results;
    for (const auto* f : kept_own(ctx))
        if (f->lang == collect::Language::json)
            if (auto r = k6_result(*f)) results.push_back(std::move(*r));
    auto expected = expected_rps(ctx);
    std::string result_note;
    for (const auto& r : results)
        if (!r.failed.empty())
            return fail(fmt::format("The committed k6 result {} failed its thresholds ({}){}: the service did not hold its "
                                    "SLOs under the tested load.",
                                    r.file->path, str::join(r.failed, ", "),
                                    r.rate > 0 ? fmt::format(" at {:.0f} req/s", r.rate) : std::string()),
                        {line_ev(*r.file, 1, "k6 summary with failed thresholds")});
    for (const auto& r : results) {
        if (r.thresholds == 0 || r.rate <= 0) continue;
        if (expected && r.rate >= 2 * *expected)
            return pass(fmt::format("The committed k6 result {} held all {} thresholds at {:.0f} req/s, at least twice the "
                                    "expected peak of {:.0f} req/s declared in .gonogo.yml. Re-run it after significant "
                                    "changes (`gonogo load`).",
                                    r.file->path, r.thresholds, r.rate, *expected),
                        {line_ev(*r.file, 1, "k6 summary: all thresholds passed")});
        result_note = expected ? fmt::format(" The committed result {} passed its thresholds at {:.0f} req/s, below twice the "
                                             "expected peak ({:.0f} req/s).",
                                             r.file->path, r.rate, *expected)
                               : fmt::format(" The committed result {} passed its thresholds at {:.0f} req/s, but no expected "
                                             "peak is declared (load.expected_rps in .gonogo.yml) to compare it with.",
                                             r.file->path, r.rate);
    }
    std::map<std::uint32_t, Plan> plans;  // by file index
    auto file_index = [&](const collect::File* f) { return static_cast<std::uint32_t>(f - ctx.model.files.data()); };
    auto usable = [&](const collect::File& f) {
        return f.kind != collect::FileKind::vendored && f.kind != collect::FileKind::generated && !is_sample_path(f.path);
    };
    // k6: a script importing k6; its options from the scanned keys.
    for (const auto* h : ctx.hits("load.k6-import")) {
        const auto& f = ctx.model.files[h->file];
        auto lt = str::trim(h->line_text);
        if (!usable(f) || !script_path(f.path, {".js", ".mjs", ".ts", ".cjs"})) continue;
        if (!(str::starts_with(lt, "import") || str::contains(lt, "require("))) continue;
        if (plans.count(h->file)) continue;
        plans[h->file] = Plan{"k6", &f, hit_ev(ctx, *h, "k6 script"), false, {}};
    }
    for (const auto* h : ctx.hits("load.locust")) {
        const auto& f = ctx.model.files[h->file];
        if (!usable(f) || !str::ends_with(f.path, ".py") || plans.count(h->file)) continue;
        plans[h->file] = Plan{"Locust", &f, hit_ev(ctx, *h, "Locust load test"), false, {}};
    }
    for (const auto* h : ctx.hits("load.jvm")) {
        const auto& f = ctx.model.files[h->file];
        if (!usable(f) || plans.count(h->file)) continue;
        bool jmx = str::ends_with(f.path, ".jmx") && str::contains(h->match, "jmeterTestPlan");
        bool gatling = str::contains(h->match, "io.gatling");
        if (!jmx && !gatling) continue;
        plans[h->file] = Plan{jmx ? "JMeter" : "Gatling", &f, hit_ev(ctx, *h, jmx ? "JMeter test plan" : "Gatling simulation"), false, {}};
    }
    // Artillery: YAML with config.phases and scenarios (parsed when kept, scanned otherwise).
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->lang != collect::Language::yaml || !usable(*f)) continue;
        const auto& docs = yaml_docs(ctx, *f, {"phases:"});
        if (docs.empty()) continue;
        const auto& d = docs[0];
        auto cfg = child(d, "config");
        auto phases = child(cfg, "phases");
        if (!phases.IsDefined() || !phases.IsSequence() || !child(d, "scenarios").IsDefined()) continue;
        Plan p{"Artillery", f, line_ev(*f, key_line(cfg, "phases"), "Artillery phases"), false, {}};
        long peak = 0;
        for (const auto& ph : phases)
            for (auto k : {"arrivalRate", "rampTo", "arrivalCount"})
                if (auto v = yaml_str(child(ph, k))) peak = std::max(peak, std::strtol(v->c_str(), nullptr, 10));
        if (peak > 0) p.facts.push_back(fmt::format("peak arrival rate {}/s", peak));
        auto ensure = child(cfg, "ensure");
        if (!ensure.IsDefined()) ensure = child(child(child(cfg, "plugins"), "ensure"), "thresholds");
        if (ensure.IsDefined()) {
            p.thresholds = true;
            p.facts.emplace_back("ensure thresholds");
        }
        plans[file_index(f)] = std::move(p);
    }
    for (const auto* h : ctx.hits("load.artillery")) {
        const auto& f = ctx.model.files[h->file];
        if (f.kept || !usable(f) || !script_path(f.path, {".yml", ".yaml"}) || plans.count(h->file)) continue;
        plans[h->file] = Plan{"Artillery", &f, hit_ev(ctx, *h, "Artillery phases"), false, {}};
    }
    // Options of the plans found: thresholds and the peak rate.
    for (const auto* h : ctx.hits("load.options")) {
        auto it = plans.find(h->file);
        if (it == plans.end()) continue;
        auto& p = it->second;
        auto m = lower(h->match);
        if (str::starts_with(m, "thresholds") || str::starts_with(m, "ensure") || str::starts_with(m, ".assertions") ||
            str::contains(m, "durationassertion") || str::contains(m, "fail_ratio") || str::contains(m, "process_exit_code")) {
            if (!p.thresholds) p.facts.push_back(fmt::format("thresholds at line {}", h->line));
            p.thresholds = true;
            continue;
        }
        auto v = number_after_colon(h->match);
        if (v <= 0) continue;
        std::string key = str::starts_with(m, "rate") ? "arrival rate" : str::starts_with(m, "target") ? "stage target"
                          : str::starts_with(m, "arrivalrate") || str::starts_with(m, "rampto") ? "arrival rate"
                                                                                                 : "virtual users";
        auto fact_prefix = "peak " + key + " ";
        bool replaced = false;
        for (auto& fct : p.facts)
            if (str::starts_with(fct, fact_prefix)) {
                replaced = true;
                if (std::strtol(fct.c_str() + fact_prefix.size(), nullptr, 10) < v) fct = fact_prefix + std::to_string(v);
            }
        if (!replaced) p.facts.push_back(fact_prefix + std::to_string(v));
    }
    // Load generators run from scripts, Makefiles or CI.
    std::vector<Plan> runs;
    for (const auto* h : ctx.hits("load.cli")) {
        const auto& f = ctx.model.files[h->file];
        if (!usable(f) || f.lang == collect::Language::markdown || plans.count(h->file)) continue;
        runs.push_back(Plan{"load generator", &f, hit_ev(ctx, *h, "load generator run"), false, {}});
    }
    {
        const Resolver& r = resolver(ctx);
        for (const auto& p : ci_pipelines(ctx))
            for (const auto& s : p.steps) {
                CmdInfo c = s.action ? classify_action(s.text, s.with, r) : classify_command(s.text, r, s.dir);
                if (c.kinds & k_load) runs.push_back(Plan{"CI load test", s.file, step_evidence(s, "load test in CI"), false, {p.file->path}});
            }
    }
    if (plans.empty() && runs.empty() && !results.empty()) {
        std::vector<Evidence> ev;
        for (const auto& r : results) ev.push_back(line_ev(*r.file, 1, "k6 summary"));
        return unknown("A k6 result is committed but cannot decide the control" +
                           (result_note.empty() ? std::string(": it records no thresholds or no request rate.") : "." + result_note),
                       ev);
    }
    if (plans.empty() && runs.empty()) {
        if (!web_service(ctx)) return na("No HTTP service: there is no endpoint to load-test.");
        return fail("No load-test plan found (k6, Locust, Artillery, Gatling, JMeter, vegeta/wrk/hey): the service has "
                    "never been run at twice its expected traffic. Write an open-model test at 2x the expected peak and "
                    "run it with `gonogo load`.",
                    anchor_evidence(ctx, "no load-test plan in the repository"));
    }
    std::vector<std::string> desc;
    std::vector<Evidence> ev;
    bool thresholds = false;
    for (const auto& [idx, p] : plans) {
        thresholds = thresholds || p.thresholds;
        desc.push_back(fmt::format("{} plan {}{}", p.tool, p.file->path,
                                   p.facts.empty() ? std::string() : " (" + str::join(p.facts, ", ") + ")"));
        ev.push_back(p.ev);
    }
    for (const auto& p : runs) {
        if (ev.size() >= 10) break;
        desc.push_back(fmt::format("{} in {}:{}", p.tool, p.ev.path, p.ev.line));
        ev.push_back(p.ev);
    }
    std::string note = thresholds ? result_note
                                  : " No pass/fail thresholds were found in the plan: add latency and error-rate thresholds so a "
                                    "run can fail." + result_note;
    return unknown(fmt::format("A load-test plan exists: {}. A script is not a result: run `gonogo load` at twice the "
                               "expected peak (from .gonogo.yml) to decide.{}",
                               str::join(desc, "; "), note),
                   ev);
}

}  // namespace gonogo::checks
