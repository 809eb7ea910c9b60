// The project configuration a team keeps in .gonogo.yml, as plain data: the
// service, tier, framework view, paths, SLO targets, waivers, attestations and
// custom pattern rules. Loaded and validated in src/cli/config.cpp; the tier
// policy (src/score/policy) applies waivers and attestations.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace gonogo {

// Accepts a finding that fails, for a reason, for a while. Without paths it covers the whole control.
struct Waiver {
    std::string id;                  // control id (or a custom rule id)
    std::vector<std::string> paths;  // globs over repository-relative paths
    std::string reason;              // required
    std::string owner;
    std::string expires;             // YYYY-MM-DD, "" for none
    std::size_t line = 0;            // where it is written in the config
};

// A person vouches for a control only a person can know (attest mode).
struct Attestation {
    std::string id;
    std::string by;
    std::string date;  // YYYY-MM-DD, not in the future
    std::string link;
    std::string note;
    std::size_t line = 0;
};

// A team's own textual rule, compiled into the same single-pass scan as the built-in signatures.
// Its findings become their own control (the rule id) in the category of the control it belongs to.
struct CustomRule {
    std::string id;                  // e.g. ACME-01: letters, digits and dashes
    std::string control;             // the catalogue control it belongs to (category, docs)
    std::string title;
    std::string message;
    std::string regex;               // Hyperscan syntax (PCRE subset)
    bool caseless = false;
    std::vector<std::string> keywords;  // cheap literal prefilter: a line must hold one of them
    std::vector<std::string> paths;     // globs; empty = every source and config file of the service's own
    std::map<Tier, Severity> severity;  // per tier
    std::size_t line = 0;
};

struct ServiceSpec {
    std::string name;
    std::string path;  // repository-relative folder
};

// Targets for the load tests and the SLA arithmetic of the reports.
struct SloTargets {
    std::optional<double> availability;  // percent, e.g. 99.9
    std::optional<double> p95_ms;
    std::optional<double> p99_ms;
    std::optional<double> error_rate;    // percent of requests
    std::optional<double> rps;           // sustained requests per second
};

struct Config {
    std::string file;                    // where it was read from; "" when there was none
    std::optional<std::string> service;
    std::optional<Tier> tier;
    std::optional<std::string> framework;
    std::string impact;                  // seed 003: user-facing impact of a failure, in words
    std::string stage;                   // development, staging, beta or production
    std::vector<std::string> dependencies;  // what the service depends on, as the team names it
    std::vector<ServiceSpec> services;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::optional<std::size_t> max_file_size;
    SloTargets slo;
    std::vector<Waiver> waivers;
    std::vector<Attestation> attestations;
    std::vector<CustomRule> rules;
};

}  // namespace gonogo
