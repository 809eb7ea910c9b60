// `gonogo init` (see init.hpp). Each answer is checked as the config loader
// would check it and asked again when wrong (interactive) or rejected (flags);
// the file written is read back through the loader before it is kept.
#include "cli/init.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/config.hpp"
#include "cli/exit_codes.hpp"
#include "core/catalog.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

namespace gonogo::cli {
namespace {

// YAML double-quoted scalar: safe for any answer.
std::string yaml_quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        out += c;
    }
    return out + "\"";
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    for (auto part : str::split(s, ',')) {
        auto t = std::string(str::trim(part));
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

struct Question {
    const char* flag;
    std::string prompt;
    std::string fallback;
    bool (*valid)(const std::string&);
    const char* hint;
};

bool any(const std::string&) { return true; }
bool non_empty(const std::string& s) { return !str::trim(s).empty(); }
bool tier_ok(const std::string& s) { return parse_tier(str::trim(s)).has_value(); }
bool stage_ok(const std::string& s) { return valid_stage(str::trim(s)); }

}  // namespace

int run_init(const InitOptions& o, std::istream& in, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::is_directory(o.path, ec)) {
        err << fmt::format("gonogo: {}: not a folder\n", o.path.string());
        return k_exit_usage;
    }
    auto file = o.path / ".gonogo.yml";
    if (auto existing = find_config(o.path); existing && !o.force) {
        err << fmt::format("gonogo: {} exists; edit it, or run `gonogo init --force` (the old file is kept as .bak)\n",
                           existing->string());
        return k_exit_usage;
    }
    auto abs = std::filesystem::weakly_canonical(o.path, ec);
    std::string folder = abs.filename().string();
    if (folder.empty()) folder = "service";

    std::vector<std::pair<Question, std::optional<std::string>>> qs = {
        {{"--service", "Which service is this? (its name in reports)", folder, non_empty, "a name"}, o.service},
        {{"--tier", "Criticality tier: 0 = core revenue (payments, auth, booking), 1 = important, 2 = internal or low traffic, hobby = side project",
          "1", tier_ok, "0, 1, 2 or hobby"},
         o.tier},
        {{"--impact", "What do users feel when it fails? (e.g. customers cannot book or pay)", "", any, "one line"}, o.impact},
        {{"--stage", "Deployment stage: development, staging, beta or production", "production", stage_ok,
          "development, staging, beta or production"},
         o.stage},
        {{"--dependencies", "What does it depend on? (comma-separated, e.g. postgres, redis, stripe, sendgrid)", "", any,
          "a comma-separated list"},
         o.dependencies},
    };
    std::vector<std::string> answers;
    for (auto& [q, given] : qs) {
        if (given) {
            if (!q.valid(*given)) {
                err << fmt::format("gonogo: {} must be {}, not '{}'\n", q.flag, q.hint, *given);
                return k_exit_usage;
            }
            answers.push_back(std::string(str::trim(*given)));
            continue;
        }
        if (o.yes) {
            answers.push_back(q.fallback);
            continue;
        }
        for (int attempt = 0;; ++attempt) {
            out << q.prompt << (q.fallback.empty() ? "" : " [" + q.fallback + "]") << ": " << std::flush;
            std::string line;
            if (!std::getline(in, line)) {
                err << fmt::format("\ngonogo: no answer for {} (input ended); give it as {} or use --yes for the defaults\n",
                                   q.flag, q.flag);
                return k_exit_usage;
            }
            auto a = std::string(str::trim(line));
            if (a.empty()) a = q.fallback;
            if (q.valid(a)) {
                answers.push_back(a);
                break;
            }
            out << fmt::format("  Please answer {}.\n", q.hint);
            if (attempt == 4) {
                err << fmt::format("gonogo: no valid answer for {}\n", q.flag);
                return k_exit_usage;
            }
        }
    }
    auto tier = *parse_tier(answers[1]);
    std::string text = fmt::format(
        "# gonogo configuration (docs/config.md). Written by `gonogo init` on {}.\n"
        "version: 1\n"
        "service: {}\n"
        "tier: {}\n"
        "stage: {}\n",
        timeutil::today(), yaml_quoted(answers[0]), tier == Tier::hobby ? "hobby" : std::string(to_string(tier).substr(4)), answers[3]);
    if (!answers[2].empty()) text += "impact: " + yaml_quoted(answers[2]) + "\n";
    auto deps = split_list(answers[4]);
    if (!deps.empty()) {
        text += "dependencies: [";
        for (std::size_t i = 0; i < deps.size(); ++i) text += (i ? ", " : "") + yaml_quoted(deps[i]);
        text += "]\n";
    }
    if (tier == Tier::hobby) text += "framework: hobby\n";
    text +=
        "# slo:\n#   availability: 99.9\n#   p95_ms: 300\n"
        "# waivers:        # accepted risks: id, paths, reason (required), owner, expires\n"
        "#   - id: SEC-09\n#     paths: [scripts/**]\n#     reason: admin-only script, constant input\n#     owner: you\n#     expires: 2027-01-31\n"
        "# attestations:   # what only a person can know: id, by, date, link or note\n"
        "#   - id: COMP-10\n#     by: you\n#     date: 2026-01-01\n#     link: https://wiki.example.com/dpa\n";
    // The file must be one the loader accepts.
    auto check = parse_config(text, file.string(), Catalog::embedded(), timeutil::today());
    if (!check) {
        err << fmt::format("gonogo: internal error: the config written would not load: {}: {}\n", check.error().where,
                           check.error().message);
        return k_exit_internal;
    }
    if (std::filesystem::exists(file, ec)) {
        std::filesystem::copy_file(file, file.string() + ".bak", std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) {
            err << fmt::format("gonogo: {}: cannot keep the old config as .bak: {}\n", file.string(), ec.message());
            return k_exit_usage;
        }
    }
    auto w = fs::write_file_atomic(file, text);
    if (!w) {
        err << fmt::format("gonogo: {}: {}\n", w.error().where, w.error().message);
        return k_exit_usage;
    }
    out << fmt::format("✅ Wrote {} (tier {}, {}). Next: gonogo audit {}\n", file.string(), answers[1], answers[3], o.path.string());
    return k_exit_go;
}

}  // namespace gonogo::cli
