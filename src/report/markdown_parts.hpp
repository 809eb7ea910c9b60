// Pieces shared by the Markdown shapes (markdown.cpp: seed 001; markdown_seeds.cpp:
// seeds 000, 002, 003 hobby, 004): icons, table cells, evidence lists, the
// common header (title, date, tier, view, verdict, detected stack) and trailer
// (waivers, attestations, baseline, what could not be read, totals).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_result.hpp"

namespace gonogo::report {

std::string markdown_001(const AuditResult& r);

namespace md {

std::string light_icon(Light l);
std::string status_icon(Status s);
std::string decision_icon(Decision d);
std::string cell(std::string_view s);          // a Markdown table cell: no '|' or newline breaks the row
std::string where(const Evidence& e);          // path:line
std::string join_list(const std::vector<std::string>& v);
void evidence_lines(std::string& out, const ControlResult& c, std::size_t max = 5);
std::string first_paragraph(const std::string& s);
std::vector<std::string> files_to_touch(const ControlResult& c);
std::string effort_words(const std::string& e);
std::string header(const AuditResult& r, std::string_view title);
std::string trailer(const AuditResult& r);

}  // namespace md
}  // namespace gonogo::report
