// build_model: walk -> classify -> scan (one pass per file, both cores) ->
// parse where needed -> stack, services, routes. The one entry point that
// turns a folder into a read-only RepoModel.
#pragma once
#include <filesystem>
#include <vector>

#include "collect/model.hpp"
#include "util/result.hpp"

namespace gonogo::collect {

// Fails only on input errors (missing path, not a folder) or a signature that
// does not compile; unreadable, binary, huge or malformed files become
// diagnostics and stats in the model.
Result<RepoModel> build_model(const std::filesystem::path& root, const std::vector<Signature>& signatures,
                              const BuildOptions& options);

}  // namespace gonogo::collect
