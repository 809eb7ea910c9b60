// Terminal summary: verdict, scorecard and the blockers with their first
// evidence; ANSI colour only when asked (the CLI decides from NO_COLOR and isatty).
#include <map>

#include <fmt/format.h>

#include "report/report.hpp"

namespace gonogo::report {
namespace {

struct Paint {
    bool on;
    std::string operator()(std::string_view code, std::string_view s) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    }
};

std::string_view light_code(Light l) { return l == Light::green ? "32" : l == Light::amber ? "33" : "31"; }
std::string_view light_word(Light l) { return l == Light::green ? "GREEN" : l == Light::amber ? "AMBER" : "RED  "; }

}  // namespace

std::string to_terminal(const AuditResult& r, bool colour) {
    Paint p{colour};
    std::string out;
    out += fmt::format("{} {} ({}, {} view)\n", p("1", "gonogo"), r.project, to_string(r.tier), r.framework);
    std::vector<std::string> stack = r.stack.frameworks;
    stack.insert(stack.end(), r.stack.datastores.begin(), r.stack.datastores.end());
    if (!stack.empty()) out += fmt::format("stack: {}\n", fmt::join(stack, ", "));
    out += "\n";
    for (const auto& c : r.categories)
        out += fmt::format("  {}  {:<28} {:>4.1f}/{}  {} blocker(s), {} warning(s)\n", p(light_code(c.light), light_word(c.light)),
                           c.name, c.score, c.max, c.blockers, c.warnings);
    out += fmt::format("  {:<35} {:>5.1f}/{}\n\n", "Total", r.total_score, r.total_max);
    std::size_t shown = 0;
    for (const auto& c : r.controls) {
        if (c.status != Status::fail || c.severity != Severity::blocker) continue;
        if (shown++ == 0) out += p("1", "Blockers:") + "\n";
        out += fmt::format("  {} {} {}\n", p("31", "✗"), p("1", c.id), c.title);
        if (!c.evidence.empty()) {
            const auto& e = c.evidence.front();
            out += fmt::format("      {}{}  {}\n", e.path, e.line ? fmt::format(":{}", e.line) : "", e.snippet);
        }
    }
    if (shown) out += "\n";
    std::string_view code = r.verdict.decision == Decision::go ? "1;32" : r.verdict.decision == Decision::no_go ? "1;31" : "1;33";
    out += fmt::format("Verdict: {}\n", p(code, to_display(r.verdict.decision)));
    if (!r.verdict.justification.empty()) out += fmt::format("  {}\n", r.verdict.justification.front());
    if (!r.waivers.empty()) {
        std::map<std::string, int> states;
        for (const auto& w : r.waivers) ++states[w.state];
        std::vector<std::string> parts;
        for (const auto& [st, n] : states) parts.push_back(fmt::format("{} {}", n, st));
        out += fmt::format("Waivers: {}\n", fmt::join(parts, ", "));
        for (const auto& w : r.waivers)
            if (w.state == "expired" || w.state == "unmatched")
                out += fmt::format("  {} {} ({}): {}\n", p("33", "!"), w.id, w.source,
                                   w.state == "expired" ? "expired on " + w.expires : "matched nothing");
    }
    if (!r.baseline_file.empty()) {
        std::size_t fresh = 0, same = 0;
        for (const auto& c : r.controls)
            for (const auto& e : c.evidence) (e.baseline == "new" ? fresh : same) += e.baseline.empty() ? 0 : 1;
        out += fmt::format("Against the baseline: {} new, {} unchanged, {} fixed finding(s)\n", fresh, same, r.fixed.size());
    }
    if (!r.diagnostics.empty())
        out += fmt::format("{} place(s) could not be read; the report lists them.\n", r.diagnostics.size());
    return out;
}

}  // namespace gonogo::report
