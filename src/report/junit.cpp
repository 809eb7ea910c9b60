// JUnit XML renderer, for CI test-report views (GitLab, Jenkins, Azure,
// GitHub test-reporter actions): one testsuite per category, one testcase per
// control. A failing control is a <failure> whose type is its severity and
// whose body lists the evidence; an error is an <error>; not applicable,
// undecided (unknown, unverified) and waived controls are <skipped> with the
// reason, so a dashboard never shows them as passed.
#include <map>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "report/report.hpp"
#include "util/strings.hpp"

namespace gonogo::report {
namespace {

// XML 1.0 text (the markup characters escaped, control characters XML cannot carry dropped).
std::string xml(std::string_view s) { return str::markup_escape(s); }

std::string evidence_lines(const std::vector<Evidence>& ev) {
    std::string out;
    for (const auto& e : ev) {
        out += e.path;
        if (e.line) out += fmt::format(":{}", e.line);
        if (e.column) out += fmt::format(":{}", e.column);
        if (!e.snippet.empty()) out += "  " + e.snippet;
        if (!e.note.empty()) out += "  (" + e.note + ")";
        if (!e.service.empty()) out += "  [" + e.service + "]";
        out += "\n";
    }
    return out;
}

}  // namespace

std::string to_junit(const AuditResult& r) {
    std::map<std::string, std::vector<const ControlResult*>> by_category;
    std::vector<std::string> order;
    for (const auto& c : r.controls) {
        if (!by_category.count(c.category)) order.push_back(c.category);
        by_category[c.category].push_back(&c);
    }
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    std::string suites;
    for (const auto& cat : order) {
        int t = 0, f = 0, e = 0, s = 0;
        std::string cases;
        for (const auto* c : by_category[cat]) {
            ++t;
            cases += fmt::format("    <testcase classname=\"gonogo.{}\" name=\"{}\" time=\"0\">\n", xml(c->category),
                                 xml(c->id + " " + c->title));
            if (c->severity == Severity::skip) {
                ++s;
                cases += "      <skipped message=\"not required at this tier\"/>\n";
            } else if (c->status == Status::fail) {
                ++f;
                cases += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml(c->message),
                                     to_string(c->severity),
                                     xml(evidence_lines(c->evidence) + (c->remediation.empty() ? "" : "\nFix:\n" + c->remediation)));
            } else if (c->status == Status::error) {
                ++e;
                cases += fmt::format("      <error message=\"{}\" type=\"probe-error\"/>\n", xml(c->message));
            } else if (c->status == Status::na || c->status == Status::unknown || c->status == Status::unverified ||
                       c->status == Status::waived) {
                ++s;
                cases += fmt::format("      <skipped message=\"{}: {}\"/>\n", to_string(c->status), xml(c->message));
            }
            std::string out;
            if (c->status == Status::pass || c->status == Status::attested) out = c->message + "\n" + evidence_lines(c->evidence);
            if (c->status == Status::waived) out = evidence_lines(c->waived_evidence);
            if (!out.empty()) cases += fmt::format("      <system-out>{}</system-out>\n", xml(out));
            cases += "    </testcase>\n";
        }
        tests += t;
        failures += f;
        errors += e;
        skipped += s;
        suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\" timestamp=\"{}\">\n{}  </testsuite>\n",
                              xml(std::string(Catalog::category_name(cat))), t, f, e, s, xml(r.generated_at), cases);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuites name=\"gonogo {} ({}): {}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n{}</testsuites>\n",
                       xml(r.project), to_string(r.tier), to_display(r.verdict.decision), tests, failures, errors, skipped,
                       static_cast<double>(r.stats.duration_ms) / 1000.0, suites);
}

}  // namespace gonogo::report
