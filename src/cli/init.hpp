// `gonogo init`: asks seed 003's questions (which service, criticality tier,
// user-facing impact of a failure, deployment stage, dependencies) and writes
// .gonogo.yml. Every question has a flag; with --yes the flags and defaults
// answer everything and nothing is asked.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace gonogo::cli {

struct InitOptions {
    std::filesystem::path path = ".";
    std::optional<std::string> service;
    std::optional<std::string> tier;
    std::optional<std::string> impact;
    std::optional<std::string> stage;
    std::optional<std::string> dependencies;  // comma-separated
    bool yes = false;    // do not ask: flags and defaults answer
    bool force = false;  // replace an existing config (the old one is kept as .gonogo.yml.bak)
};

// Returns an exit code; prompts go to `out`, answers come from `in`.
int run_init(const InitOptions& o, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace gonogo::cli
