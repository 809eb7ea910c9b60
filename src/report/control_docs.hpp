// Per-control documentation pages generated from the catalogue
// (docs/controls/<ID>-<slug>.md and an index), so the docs say exactly what
// the embedded catalogue says. `gonogo docs DIR` writes them.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.hpp"

namespace gonogo::report {

std::string control_page(const Control& c);
std::string controls_index(const Catalog& catalog);
// Every page as (file name, content), index included ("README.md").
std::vector<std::pair<std::string, std::string>> control_docs(const Catalog& catalog);

}  // namespace gonogo::report
