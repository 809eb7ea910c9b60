// Runs the audit's categories on every core. Probes are not thread-safe
// (yaml-cpp look-ups can insert into the shared documents), so the second
// worker is a forked process: it shares the built model copy-on-write, takes
// categories from a counter in shared memory, and sends each category's
// results back over a pipe in the JSON contract. The parent takes categories
// from the same counter and receives everything in the order it finishes.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "collect/model.hpp"
#include "core/audit_result.hpp"
#include "core/catalog.hpp"

namespace gonogo::cli {

// Called in the parent for each finished category (its own or the worker's), as soon as it is known.
using CategoryDone = std::function<void(const std::string& category, std::vector<ControlResult> results)>;

// Runs `categories` (in the order given, the costliest first for balance) with up to `workers`
// processes and calls `done` once per category. A worker that dies or sends garbage costs only time:
// the parent runs whatever did not come back itself, and says so through `diagnostics`.
void run_categories(const Catalog& catalog, const collect::RepoModel& model, Tier tier,
                    const std::vector<std::string>& categories, unsigned workers, const CategoryDone& done,
                    std::vector<Diagnostic>& diagnostics);

}  // namespace gonogo::cli
