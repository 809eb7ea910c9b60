// TOML documents (pyproject.toml, netlify.toml, fly.toml...) read with
// toml++ (Debian's libtomlplusplus-dev) and handed to probes as JSON, so that
// a manifest is read the same way whether it is package.json or
// pyproject.toml. Only this module includes toml++ (a large header).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace gonogo::collect {

struct TomlError {
    std::size_t line = 0;    // 1-based, 0 when unknown
    std::size_t column = 0;  // 1-based
    std::string message;
};

// The document as JSON: tables become objects, arrays arrays, dates and times their TOML text.
tl::expected<nlohmann::json, TomlError> parse_toml(std::string_view text);

}  // namespace gonogo::collect
