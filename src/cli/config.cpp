// .gonogo.yml loader (see config.hpp), with yaml-cpp: every map is checked
// against its known keys, every value against its type and range, and each
// error says file:line, the key and what would be accepted.
#include "cli/config.hpp"

#include <chrono>
#include <cmath>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "collect/scanner.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace gonogo::cli {
namespace {

// Thrown inside this file only, turned into a Result at the boundary.
struct ConfigError {
    std::size_t line;
    std::string message;
};

std::size_t line_of(const YAML::Node& n) {
    auto m = n.Mark();
    return m.line >= 0 ? static_cast<std::size_t>(m.line) + 1 : 0;
}

[[noreturn]] void bad(const YAML::Node& n, std::string message) { throw ConfigError{line_of(n), std::move(message)}; }

// Checks a map's keys; returns the key nodes by name so that errors can point at them.
void check_keys(const YAML::Node& map, std::string_view where, std::initializer_list<std::string_view> known) {
    if (!map.IsMap()) bad(map, fmt::format("{}: expected a mapping of keys", where));
    for (auto it = map.begin(); it != map.end(); ++it) {
        auto key = it->first.as<std::string>("");
        bool ok = false;
        for (auto k : known) ok = ok || k == key;
        if (!ok) bad(it->first, fmt::format("unknown key '{}' in {} (known keys: {})", key, where, fmt::join(known, ", ")));
    }
}

std::string scalar(const YAML::Node& n, std::string_view key) {
    if (!n.IsScalar()) bad(n, fmt::format("{}: expected a single value", key));
    return n.Scalar();
}

std::string text(const YAML::Node& n, std::string_view key, bool required_non_empty = false) {
    auto s = std::string(str::trim(scalar(n, key)));
    if (required_non_empty && s.empty()) bad(n, fmt::format("{}: must not be empty", key));
    return s;
}

double number(const YAML::Node& n, std::string_view key, double lo, double hi, bool lo_open = false) {
    auto s = scalar(n, key);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v) || v < lo || v > hi || (lo_open && v == lo))
        bad(n, fmt::format("{}: must be a number {} {} and <= {}, not '{}'", key, lo_open ? ">" : ">=", lo, hi, s));
    return v;
}

bool boolean(const YAML::Node& n, std::string_view key) {
    auto s = scalar(n, key);
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
    bad(n, fmt::format("{}: must be true or false, not '{}'", key, s));
}

// A list of strings; a single string is accepted as a list of one.
std::vector<std::string> strings(const YAML::Node& n, std::string_view key) {
    std::vector<std::string> out;
    if (n.IsNull()) return out;
    if (n.IsScalar()) {
        out.push_back(text(n, key, true));
        return out;
    }
    if (!n.IsSequence()) bad(n, fmt::format("{}: expected a list of strings", key));
    for (const auto& x : n) out.push_back(text(x, key, true));
    return out;
}

std::string date(const YAML::Node& n, std::string_view key) {
    auto s = text(n, key, true);
    if (!valid_date(s)) bad(n, fmt::format("{}: must be a date written YYYY-MM-DD, not '{}'", key, s));
    return s;
}

std::size_t byte_size(const YAML::Node& n, std::string_view key) {
    auto s = text(n, key, true);
    static const std::regex k_size(R"(^(\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$)");
    std::smatch m;
    if (!std::regex_match(s, m, k_size))
        bad(n, fmt::format("{}: must be a size such as 2097152, 512KiB or 2MiB, not '{}'", key, s));
    double v = std::stod(m[1].str());
    auto unit = m[2].str();
    if (unit == "KB") v *= 1e3;
    else if (unit == "KiB") v *= 1024;
    else if (unit == "MB") v *= 1e6;
    else if (unit == "MiB") v *= 1024.0 * 1024;
    else if (unit == "GB") v *= 1e9;
    else if (unit == "GiB") v *= 1024.0 * 1024 * 1024;
    if (v < 1024 || v > 1024.0 * 1024 * 1024) bad(n, fmt::format("{}: must be between 1KiB and 1GiB, not '{}'", key, s));
    return static_cast<std::size_t>(v);
}

// A list under `key`, or an empty one when the key is absent or empty.
YAML::Node list(const YAML::Node& n, std::string_view key) {
    if (!n || n.IsNull()) return YAML::Node(YAML::NodeType::Sequence);
    if (!n.IsSequence()) bad(n, fmt::format("{}: expected a list", key));
    return n;
}

Tier tier_of(const YAML::Node& n, std::string_view key) {
    auto s = text(n, key, true);
    auto t = parse_tier(s);
    if (!t) bad(n, fmt::format("{}: must be 0, 1, 2 or hobby, not '{}'", key, s));
    return *t;
}

Severity severity_of(const YAML::Node& n, std::string_view key) {
    auto s = text(n, key, true);
    auto v = parse_severity(s);
    if (!v) bad(n, fmt::format("{}: must be blocker, warning, recommendation or skip, not '{}'", key, s));
    return *v;
}

const Control& control(const YAML::Node& n, std::string_view key, const Catalog& catalog) {
    auto id = text(n, key, true);
    const auto* c = catalog.find(id);
    if (!c) bad(n, fmt::format("{}: no control '{}' in the catalogue (ids look like REL-01; `gonogo explain ID`)", key, id));
    return *c;
}

void parse_slo(const YAML::Node& n, SloTargets& slo) {
    check_keys(n, "slo", {"availability", "p95_ms", "p99_ms", "error_rate", "rps"});
    if (n["availability"]) slo.availability = number(n["availability"], "slo.availability", 0, 100, true);
    if (n["p95_ms"]) slo.p95_ms = number(n["p95_ms"], "slo.p95_ms", 0, 3.6e6, true);
    if (n["p99_ms"]) slo.p99_ms = number(n["p99_ms"], "slo.p99_ms", 0, 3.6e6, true);
    if (n["error_rate"]) slo.error_rate = number(n["error_rate"], "slo.error_rate", 0, 100);
    if (n["rps"]) slo.rps = number(n["rps"], "slo.rps", 0, 1e7, true);
    if (slo.p95_ms && slo.p99_ms && *slo.p99_ms < *slo.p95_ms)
        bad(n["p99_ms"], fmt::format("slo.p99_ms ({}) must not be below slo.p95_ms ({})", *slo.p99_ms, *slo.p95_ms));
}

CustomRule parse_rule(const YAML::Node& n, const Catalog& catalog, const std::set<std::string>& seen) {
    check_keys(n, "a rule", {"id", "control", "title", "message", "regex", "caseless", "keywords", "paths", "severity"});
    for (const char* k : {"id", "control", "message", "regex"})
        if (!n[k]) bad(n, fmt::format("rules: a rule needs '{}' (id, control, message, regex are required)", k));
    CustomRule r;
    r.line = line_of(n);
    r.id = text(n["id"], "rules.id", true);
    static const std::regex k_id(R"(^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$)");
    if (!std::regex_match(r.id, k_id)) bad(n["id"], fmt::format("rules.id: '{}' must look like ACME-01 (capitals, digits, dashes)", r.id));
    if (catalog.find(r.id)) bad(n["id"], fmt::format("rules.id: '{}' is a catalogue control; give the rule its own id", r.id));
    if (seen.count(r.id)) bad(n["id"], fmt::format("rules.id: '{}' is used twice", r.id));
    const Control& c = control(n["control"], "rules.control", catalog);
    r.control = c.id;
    r.message = text(n["message"], "rules.message", true);
    r.title = n["title"] ? text(n["title"], "rules.title", true) : r.message;
    r.regex = scalar(n["regex"], "rules.regex");
    if (r.regex.empty()) bad(n["regex"], "rules.regex: must not be empty");
    if (n["caseless"]) r.caseless = boolean(n["caseless"], "rules.caseless");
    if (auto ok = collect::Scanner::check_pattern(r.regex, r.caseless); !ok)
        bad(n["regex"], fmt::format("rules.regex: Hyperscan cannot compile '{}': {}", r.regex, ok.error().message));
    if (n["keywords"]) r.keywords = strings(n["keywords"], "rules.keywords");
    if (n["paths"]) r.paths = strings(n["paths"], "rules.paths");
    for (auto t : {Tier::tier0, Tier::tier1, Tier::tier2, Tier::hobby}) r.severity[t] = c.severity_for(t);
    if (const auto s = n["severity"]) {
        if (s.IsScalar()) {
            auto v = severity_of(s, "rules.severity");
            for (auto& [t, sev] : r.severity) sev = v;
        } else {
            check_keys(s, "rules.severity", {"0", "1", "2", "tier0", "tier1", "tier2", "hobby"});
            for (auto it = s.begin(); it != s.end(); ++it)
                r.severity[*parse_tier(it->first.as<std::string>())] = severity_of(it->second, "rules.severity");
        }
    }
    return r;
}

Config parse(const YAML::Node& root, const Catalog& catalog, const std::string& today) {
    Config cfg;
    if (root.IsNull()) return cfg;
    check_keys(root, "the top level",
               {"version", "service", "tier", "framework", "impact", "stage", "dependencies", "services", "include",
                "exclude", "max_file_size", "slo", "waivers", "attestations", "rules"});
    if (root["version"] && text(root["version"], "version") != "1")
        bad(root["version"], fmt::format("version: this gonogo reads version 1, not '{}'", text(root["version"], "version")));
    if (root["service"]) cfg.service = text(root["service"], "service", true);
    if (root["tier"]) cfg.tier = tier_of(root["tier"], "tier");
    if (root["framework"]) {
        auto f = text(root["framework"], "framework", true);
        if (!catalog.framework(f)) {
            std::vector<std::string> names;
            for (const auto& x : catalog.frameworks()) names.push_back(x.name);
            bad(root["framework"], fmt::format("framework: unknown view '{}' (known: {})", f, fmt::join(names, ", ")));
        }
        cfg.framework = f;
    }
    if (root["impact"]) cfg.impact = text(root["impact"], "impact", true);
    if (root["stage"]) {
        cfg.stage = text(root["stage"], "stage", true);
        if (!valid_stage(cfg.stage))
            bad(root["stage"], fmt::format("stage: must be development, staging, beta or production, not '{}'", cfg.stage));
    }
    if (root["dependencies"]) cfg.dependencies = strings(root["dependencies"], "dependencies");
    for (const auto& s : list(root["services"], "services")) {
        check_keys(s, "a service", {"name", "path"});
        if (!s["name"] || !s["path"]) bad(s, "services: each service needs a name and a path");
        ServiceSpec sp{text(s["name"], "services.name", true), text(s["path"], "services.path", true)};
        while (sp.path.size() > 1 && sp.path.back() == '/') sp.path.pop_back();
        if (sp.path == ".") sp.path.clear();
        if (str::starts_with(sp.path, "/") || str::contains(sp.path, ".."))
            bad(s["path"], fmt::format("services.path: '{}' must be a folder inside the repository", sp.path));
        for (const auto& o : cfg.services)
            if (o.name == sp.name) bad(s["name"], fmt::format("services.name: '{}' is used twice", sp.name));
        cfg.services.push_back(std::move(sp));
    }
    if (root["include"]) cfg.include = strings(root["include"], "include");
    if (root["exclude"]) cfg.exclude = strings(root["exclude"], "exclude");
    if (root["max_file_size"]) cfg.max_file_size = byte_size(root["max_file_size"], "max_file_size");
    if (root["slo"]) parse_slo(root["slo"], cfg.slo);

    std::set<std::string> rule_ids;
    for (const auto& r : list(root["rules"], "rules")) {
        cfg.rules.push_back(parse_rule(r, catalog, rule_ids));
        rule_ids.insert(cfg.rules.back().id);
    }
    for (const auto& w : list(root["waivers"], "waivers")) {
        check_keys(w, "a waiver", {"id", "paths", "reason", "owner", "expires"});
        if (!w["id"]) bad(w, "waivers: a waiver needs an id");
        if (!w["reason"]) bad(w, "waivers: a waiver needs a reason (why the risk is accepted)");
        Waiver x;
        x.line = line_of(w);
        x.id = text(w["id"], "waivers.id", true);
        if (!catalog.find(x.id) && !rule_ids.count(x.id))
            bad(w["id"], fmt::format("waivers.id: no control or custom rule '{}'", x.id));
        if (w["paths"]) x.paths = strings(w["paths"], "waivers.paths");
        x.reason = text(w["reason"], "waivers.reason", true);
        if (w["owner"]) x.owner = text(w["owner"], "waivers.owner", true);
        if (w["expires"]) x.expires = date(w["expires"], "waivers.expires");
        cfg.waivers.push_back(std::move(x));
    }
    for (const auto& a : list(root["attestations"], "attestations")) {
        check_keys(a, "an attestation", {"id", "by", "date", "link", "note"});
        for (const char* k : {"id", "by", "date"})
            if (!a[k]) bad(a, fmt::format("attestations: an attestation needs '{}' (id, by, date; and a link or a note)", k));
        if (!a["link"] && !a["note"]) bad(a, "attestations: an attestation needs a link or a note saying where the proof is");
        Attestation x;
        x.line = line_of(a);
        const Control& c = control(a["id"], "attestations.id", catalog);
        if (!c.has_mode("attest"))
            bad(a["id"], fmt::format("attestations.id: {} is decided by gonogo ({}), not by attestation; fix it or waive it",
                                     c.id, fmt::join(c.modes, ", ")));
        x.id = c.id;
        x.by = text(a["by"], "attestations.by", true);
        x.date = date(a["date"], "attestations.date");
        if (!today.empty() && x.date > today)
            bad(a["date"], fmt::format("attestations.date: {} is in the future (today is {})", x.date, today));
        if (a["link"]) x.link = text(a["link"], "attestations.link", true);
        if (a["note"]) x.note = text(a["note"], "attestations.note", true);
        cfg.attestations.push_back(std::move(x));
    }
    return cfg;
}

}  // namespace

bool valid_stage(std::string_view s) { return s == "development" || s == "staging" || s == "beta" || s == "production"; }

bool valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t b, std::size_t n) {
        unsigned v = 0;
        for (std::size_t i = b; i < b + n; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
        return v;
    };
    std::chrono::year_month_day d{std::chrono::year(static_cast<int>(num(0, 4))), std::chrono::month(num(5, 2)),
                                  std::chrono::day(num(8, 2))};
    return d.ok();
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& root) {
    std::error_code ec;
    for (const char* name : {".gonogo.yml", ".gonogo.yaml"})
        if (std::filesystem::is_regular_file(root / name, ec)) return root / name;
    return std::nullopt;
}

Result<Config> parse_config(std::string_view text_, const std::string& label, const Catalog& catalog,
                            const std::string& today) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& e) {
        return fail(fmt::format("malformed YAML at column {}: {}", e.mark.column + 1, e.msg),
                    e.mark.line >= 0 ? fmt::format("{}:{}", label, e.mark.line + 1) : label);
    }
    try {
        auto cfg = parse(root, catalog, today);
        cfg.file = label;
        return cfg;
    } catch (const ConfigError& e) {
        return fail(e.message, fmt::format("{}:{}", label, e.line));
    } catch (const YAML::Exception& e) {
        return fail(fmt::format("bad value: {}", e.msg), e.mark.line >= 0 ? fmt::format("{}:{}", label, e.mark.line + 1) : label);
    }
}

Result<Config> load_config(const std::filesystem::path& file, const Catalog& catalog, const std::string& today) {
    auto t = fs::read_file(file, 4 * 1024 * 1024);
    if (!t) return tl::unexpected(t.error());
    return parse_config(*t, file.string(), catalog, today);
}

}  // namespace gonogo::cli
