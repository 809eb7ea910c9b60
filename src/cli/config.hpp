// Loading .gonogo.yml: the documented schema (docs/config.md), checked
// strictly. An unknown key or a bad value is an error that names the file,
// the line and the key; nothing is guessed.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/catalog.hpp"
#include "core/config.hpp"
#include "util/result.hpp"

namespace gonogo::cli {

// The config file of a repository: .gonogo.yml, else .gonogo.yaml; nullopt when neither exists.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& root);

// Reads and validates a config file. `today` (YYYY-MM-DD) rejects attestations dated in the future.
Result<Config> load_config(const std::filesystem::path& file, const Catalog& catalog, const std::string& today);

// The same from text; `label` names the file in errors.
Result<Config> parse_config(std::string_view text, const std::string& label, const Catalog& catalog,
                            const std::string& today);

// True for development, staging, beta and production.
bool valid_stage(std::string_view s);

// True when `s` is a real calendar date written YYYY-MM-DD.
bool valid_date(std::string_view s);

}  // namespace gonogo::cli
