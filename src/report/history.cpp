// The `gonogo history` view: each category's score over the recorded runs with
// the trend of the last step, the verdict and total per run, and the blockers
// that opened and closed between consecutive runs.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "report/report.hpp"

namespace gonogo::report {

std::string to_history(const std::vector<store::HistoryRun>& runs) {
    if (runs.empty()) return "No runs recorded for this view yet.\n";
    std::string out = fmt::format("History of {} ({} view): {} run(s)\n\n", runs.back().project, runs.back().framework, runs.size());
    out += fmt::format("{:<4} {:<20} {:<15} {:>9}  {}\n", "run", "date", "verdict", "total", "commit");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto& h = runs[i];
        out += fmt::format("{:<4} {:<20} {:<15} {:>5.1f}/{:<3}  {}\n", i + 1, h.at, h.decision, h.total, h.max, h.commit.substr(0, 12));
    }
    // Category trend: scores per run, oldest first, and the direction of the last change.
    out += "\nCategory scores (oldest to newest):\n";
    const auto& last = runs.back();
    for (const auto& c : last.categories) {
        std::vector<std::string> cells;
        double prev = -1, cur = c.score;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            auto it = std::find_if(runs[i].categories.begin(), runs[i].categories.end(),
                                   [&](const CategoryScore& x) { return x.id == c.id; });
            if (it == runs[i].categories.end()) {
                cells.push_back("  -");
                continue;
            }
            cells.push_back(fmt::format("{:4.1f}", it->score));
            if (i + 2 == runs.size()) prev = it->score;
        }
        const char* trend = prev < 0 ? " " : cur > prev ? "↑" : cur < prev ? "↓" : "→";
        out += fmt::format("  {:<30} {}  {}  ({})\n", c.name, fmt::join(cells, " "), trend, to_string(c.light));
    }
    // Blockers opened and closed between consecutive runs.
    out += "\nBlockers:\n";
    bool any = false;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        std::set<std::string> before(runs[i - 1].blockers.begin(), runs[i - 1].blockers.end());
        std::set<std::string> now(runs[i].blockers.begin(), runs[i].blockers.end());
        std::vector<std::string> opened, closed;
        for (const auto& b : now)
            if (!before.count(b)) opened.push_back(b);
        for (const auto& b : before)
            if (!now.count(b)) closed.push_back(b);
        if (opened.empty() && closed.empty()) continue;
        any = true;
        out += fmt::format("  run {} -> {} ({}):", i, i + 1, runs[i].at);
        if (!opened.empty()) out += fmt::format(" opened {}", fmt::join(opened, ", "));
        if (!closed.empty()) out += fmt::format("{} closed {}", opened.empty() ? "" : ";", fmt::join(closed, ", "));
        out += "\n";
    }
    if (!any) out += "  no change between runs\n";
    out += fmt::format("  failing now: {}\n", last.blockers.empty() ? "none" : fmt::format("{}", fmt::join(last.blockers, ", ")));
    return out;
}

}  // namespace gonogo::report
