// Probe ops.runbooks (OPS-07): are there runbooks for common failures? Reads the
// documentation's structure: runbook/playbook files, or Runbook /
// Troubleshooting / Incident / Operations sections, and counts the failure
// scenarios under them (a heading such as "Database down" with steps).
#include <algorithm>

#include <fmt/format.h>

#include "checks/operations/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

bool any_in(const std::string& l, std::initializer_list<std::string_view> xs) {
    for (auto x : xs)
        if (str::contains(l, x)) return true;
    return false;
}

bool words_in(const std::string& l, std::initializer_list<std::string_view> xs) {
    for (auto x : xs)
        if (has_word(l, x)) return true;
    return false;
}

// A heading that names a failure ("Database unreachable", "High error rate", "Stripe webhook failures").
bool failure_title(std::string_view title) {
    auto l = lower(title);
    return any_in(l, {"fail", "crash", "timeout", "time out", "timing out", "unreach", "unavail", "degrad", "exhaust",
                      "saturat", "overload", "throttl", "expir", "leak", "restart", "unrespons", "not respond",
                      "outage", "out of memory", "5xx", "error", "latenc", "dead letter", "deadlock", "backlog",
                      "can't", "cannot", "won't"}) ||
           words_in(l, {"down", "slow", "high", "full", "stuck", "broken", "lost", "oom", "500", "502", "503", "504",
                        "spike", "lag", "offline", "hangs", "hanging", "blocked"});
}

// Local development trouble, not production failures.
bool dev_title(std::string_view title) {
    auto l = lower(title);
    return any_in(l, {"local", "install", "setup", "set up", "develop", "contribut", "compil", "editor", "ide ", "test"});
}

// A heading that opens operations documentation.
bool ops_title(std::string_view title) {
    auto l = lower(title);
    return any_in(l, {"runbook", "playbook", "troubleshoot", "incident", "operations", "operational", "on-call",
                      "oncall", "on call", "failure mode", "common problems", "common issues", "known issues",
                      "emergency", "disaster", "recovery procedure"});
}

bool runbook_file(std::string_view path) {
    auto b = lower(base_name(path));
    if (str::starts_with(b, "runbook") || str::starts_with(b, "playbook")) return true;
    const std::string dir = lower(dir_name(path));  // split() returns views: keep the string alive
    for (auto seg : str::split(dir, '/'))
        if (seg == "runbooks" || seg == "runbook" || seg == "playbooks" || seg == "playbook") return true;
    return false;
}

bool runbook_dir(std::string_view path) {
    const std::string dir = lower(dir_name(path));  // split() returns views: keep the string alive
    for (auto seg : str::split(dir, '/'))
        if (seg == "runbooks" || seg == "runbook" || seg == "playbooks" || seg == "playbook") return true;
    return false;
}

// Symptom / diagnosis / mitigation labels in a range (headings or bold labels).
bool has_labels(const MdDoc& d, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < d.lines.size(); ++i) {
        const auto& l = d.lines[i];
        if (!(l.type == MdLine::heading || l.bold_label)) continue;
        auto t = lower(l.text);
        if (any_in(t, {"symptom", "diagnos", "mitigat", "resolution", "remediat", "what to do", "how to fix", "fix:",
                       "recovery", "impact"}))
            return true;
    }
    return false;
}

const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& failure_classes() {
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> k{
        {"high error rate", {"error", "5xx", "500", "exception"}},
        {"slow responses", {"slow", "latenc", "timeout", "time out", "performance"}},
        {"outage", {"down", "outage", "unavailable", "unreachable", "not respond", "crash", "restart", "offline"}},
        {"database", {"database", "db", "postgres", "mysql", "mongo", "sql", "pool", "migration", "disk"}},
        {"dependency down", {"stripe", "payment", "webhook", "email", "smtp", "redis", "cache", "queue", "kafka",
                             "rabbit", "third-party", "third party", "upstream", "dependency", "provider", "api"}},
    };
    return k;
}

struct Scenario {
    const collect::File* file;
    std::size_t line;  // 1-based
    std::string title;
};

}  // namespace

Outcome probe_ops_runbooks(const ProbeContext& ctx) {
    if (nothing_runs(ctx))
        return na("No long-running process (no code, HTTP server, worker or deployment definition): there is no service "
                  "to write runbooks for.");
    std::vector<Scenario> scenarios;
    std::vector<Evidence> empty_places;  // runbook files / ops sections without a scenario
    for (const auto* f : doc_files(ctx)) {
        const auto& d = markdown(*f);
        bool rb_file = runbook_file(f->path);
        std::vector<std::size_t> candidates;  // section indexes
        std::vector<std::size_t> contexts;    // ops sections (for the empty case)
        if (rb_file) {
            for (std::size_t s = 0; s < d.sections.size(); ++s) candidates.push_back(s);
        } else {
            for (std::size_t s = 0; s < d.sections.size(); ++s) {
                if (!ops_title(d.sections[s].title)) continue;
                bool dev = false;
                for (int p = d.sections[s].parent; p >= 0; p = d.sections[static_cast<std::size_t>(p)].parent)
                    dev = dev || dev_title(d.sections[static_cast<std::size_t>(p)].title);
                if (dev || dev_title(d.sections[s].title)) continue;
                contexts.push_back(s);
                for (std::size_t c = s + 1; c < d.sections.size() && d.sections[c].index < d.sections[s].end; ++c)
                    candidates.push_back(c);
            }
        }
        std::size_t before = scenarios.size();
        for (auto s : candidates) {
            const auto& sec = d.sections[s];
            if (dev_title(sec.title) || (!rb_file && ops_title(sec.title))) continue;
            // Own content: up to the first subsection.
            std::size_t own_end = sec.end;
            for (std::size_t c = s + 1; c < d.sections.size(); ++c)
                if (d.sections[c].index > sec.index) {
                    own_end = std::min(own_end, d.sections[c].index);
                    break;
                }
            bool named = failure_title(sec.title) || has_labels(d, sec.index + 1, own_end);
            if (!named || !has_steps(d, sec.index + 1, sec.end)) continue;
            if (std::any_of(scenarios.begin() + static_cast<std::ptrdiff_t>(before), scenarios.end(),
                            [&](const Scenario& x) { return x.line == sec.index + 1; }))
                continue;
            scenarios.push_back({f, sec.index + 1, sec.title});
        }
        // Bold pseudo-headings ("**Database down**") under an ops section or in a runbook file.
        auto bold_scan = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to && i < d.lines.size(); ++i) {
                const auto& l = d.lines[i];
                if (!l.bold_label) continue;
                auto t = str::trim(l.text);
                auto close = t.find("**", 2);
                if (close == std::string_view::npos) continue;
                auto label = t.substr(2, close - 2);
                if (!failure_title(label) || dev_title(label)) continue;
                std::size_t stop = to;
                for (std::size_t k = i + 1; k < to && k < d.lines.size(); ++k)
                    if (d.lines[k].bold_label || d.lines[k].type == MdLine::heading) {
                        stop = k;
                        break;
                    }
                if (has_steps(d, i + 1, stop)) scenarios.push_back({f, i + 1, std::string(label)});
            }
        };
        if (scenarios.size() == before) {
            if (rb_file) bold_scan(0, d.lines.size());
            for (auto s : contexts) bold_scan(d.sections[s].index + 1, d.sections[s].end);
        }
        // A file in runbooks/ without headings: the file itself is the scenario.
        if (scenarios.size() == before && runbook_dir(f->path) && d.sections.empty() && failure_title(base_name(f->path)) &&
            has_steps(d, 0, d.lines.size()))
            scenarios.push_back({f, 1, base_name(f->path)});
        if (scenarios.size() == before) {
            if (rb_file) empty_places.push_back(line_ev(*f, d.sections.empty() ? 1 : d.sections[0].index + 1,
                                                        "runbook without a failure scenario that has steps"));
            for (auto s : contexts)
                empty_places.push_back(line_ev(*f, d.sections[s].index + 1, "operations section without a failure scenario with steps"));
        }
    }
    if (scenarios.empty()) {
        if (!empty_places.empty()) {
            std::vector<std::string> where;
            for (const auto& e : empty_places) where.push_back(fmt::format("{}:{}", e.path, e.line));
            return fail(fmt::format("Runbook documentation exists ({}) but describes no failure scenario with steps: add a "
                                    "section per common failure (high error rate, slow responses, outage, database, a "
                                    "dependency down) with symptoms, diagnosis and numbered mitigation steps.",
                                    str::join(where, ", ")),
                        empty_places);
        }
        return fail("No runbook found (no runbook/playbook document, no Runbook, Troubleshooting, Incident or Operations "
                    "section with failure scenarios): write one page per common failure with symptoms, diagnosis and "
                    "mitigation steps, e.g. docs/runbooks/high-error-rate.md.",
                    anchor_evidence(ctx, "no runbook in the repository"));
    }
    std::vector<std::string> names, covered, missing;
    std::vector<Evidence> ev;
    for (const auto& s : scenarios) {
        names.push_back(fmt::format("\"{}\" ({}:{})", s.title, s.file->path, s.line));
        if (ev.size() < 10) ev.push_back(line_ev(*s.file, s.line, "failure scenario with steps: " + s.title));
    }
    for (const auto& [cls, keys] : failure_classes()) {
        bool hit = false;
        for (const auto& s : scenarios) {
            auto l = lower(s.title);
            for (auto k : keys) hit = hit || (k.size() <= 3 ? has_word(l, k) : str::contains(l, k));
        }
        (hit ? covered : missing).emplace_back(cls);
    }
    std::string msg = fmt::format("Runbooks describe {} failure scenario(s) with steps: {}.", scenarios.size(), str::join(names, ", "));
    if (!covered.empty()) msg += fmt::format(" Covered: {}.", str::join(covered, ", "));
    if (!missing.empty()) msg += fmt::format(" Not covered yet: {}.", str::join(missing, ", "));
    return pass(msg, ev);
}

}  // namespace gonogo::checks
