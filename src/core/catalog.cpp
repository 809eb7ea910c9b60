// Catalog loading and validation from YAML (yaml-cpp). Every error names the
// catalog file and the key, so a broken catalog fails loudly at build/test time.
#include "core/catalog.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace gonogo {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> k_categories{{
    {"REL", "Reliability"},
    {"OBS", "Observability"},
    {"SCA", "Scalability and capacity"},
    {"SEC", "Security"},
    {"DR", "Disaster recovery and data safety"},
    {"PERF", "Performance"},
    {"OPS", "Operational readiness"},
    {"LOAD", "Load validation"},
    {"COMP", "Compliance and legal"},
}};

int category_rank(std::string_view prefix) {
    for (std::size_t i = 0; i < k_categories.size(); ++i)
        if (k_categories[i].first == prefix) return static_cast<int>(i);
    return 99;
}

const std::set<std::string> k_control_keys{"id", "slug", "title", "category", "modes", "sources", "severity",
                                           "effort", "probes", "rationale", "decides", "remediation",
                                           "references"};
const std::set<std::string> k_modes{"static", "live", "load", "drill", "attest"};

std::vector<std::string> string_list(const YAML::Node& n, const std::string& where, std::string& err) {
    std::vector<std::string> out;
    if (!n) return out;
    if (!n.IsSequence()) {
        err = fmt::format("{}: expected a list", where);
        return out;
    }
    for (const auto& item : n) out.push_back(item.as<std::string>());
    return out;
}

Result<Control> parse_control(const std::string& name, const YAML::Node& doc) {
    if (!doc.IsMap()) return fail("a control file must be a YAML mapping", name);
    for (const auto& kv : doc) {
        auto key = kv.first.as<std::string>();
        if (!k_control_keys.count(key)) return fail(fmt::format("unknown key '{}'", key), name);
    }
    for (const char* key : {"id", "slug", "title", "category", "modes", "severity", "rationale", "decides",
                            "remediation"})
        if (!doc[key]) return fail(fmt::format("missing key '{}'", key), name);
    Control c;
    c.id = doc["id"].as<std::string>();
    c.slug = doc["slug"].as<std::string>();
    c.title = doc["title"].as<std::string>();
    c.category = doc["category"].as<std::string>();
    c.effort = doc["effort"] ? doc["effort"].as<std::string>() : "M";
    c.rationale = doc["rationale"].as<std::string>();
    c.decides = doc["decides"].as<std::string>();
    static const std::regex id_re("^[A-Z]+-[0-9]{2}$");
    static const std::regex slug_re("^[a-z0-9]+(-[a-z0-9]+)*$");
    if (!std::regex_match(c.id, id_re)) return fail(fmt::format("bad id '{}'", c.id), name);
    if (!std::regex_match(c.slug, slug_re)) return fail(fmt::format("bad slug '{}'", c.slug), name);
    if (category_rank(c.category) == 99) return fail(fmt::format("unknown category '{}'", c.category), name);
    if (c.id.substr(0, c.id.find('-')) != c.category)
        return fail(fmt::format("id '{}' does not belong to category '{}'", c.id, c.category), name);
    if (c.effort != "S" && c.effort != "M" && c.effort != "L")
        return fail(fmt::format("effort must be S, M or L, not '{}'", c.effort), name);
    std::string err;
    c.modes = string_list(doc["modes"], "modes", err);
    c.sources = string_list(doc["sources"], "sources", err);
    c.probes = string_list(doc["probes"], "probes", err);
    if (!err.empty()) return fail(err, name);
    if (c.modes.empty()) return fail("modes must not be empty", name);
    for (const auto& m : c.modes)
        if (!k_modes.count(m)) return fail(fmt::format("unknown mode '{}'", m), name);
    const auto& sev = doc["severity"];
    if (!sev.IsMap()) return fail("severity must map tier0/tier1/tier2/hobby to a severity", name);
    for (auto tier : {Tier::tier0, Tier::tier1, Tier::tier2, Tier::hobby}) {
        auto key = std::string(to_string(tier));
        if (!sev[key]) return fail(fmt::format("severity.{} is missing", key), name);
        auto parsed = parse_severity(sev[key].as<std::string>());
        if (!parsed) return fail(fmt::format("severity.{}: '{}' is not a severity", key, sev[key].as<std::string>()), name);
        c.severity[tier] = *parsed;
    }
    const auto& rem = doc["remediation"];
    if (!rem.IsMap()) return fail("remediation must be a mapping of stack -> text", name);
    for (const auto& kv : rem) c.remediation[kv.first.as<std::string>()] = kv.second.as<std::string>();
    if (!c.remediation.count("generic")) return fail("remediation.generic is missing", name);
    if (const auto& refs = doc["references"]; refs) {
        if (!refs.IsSequence()) return fail("references must be a list", name);
        for (const auto& r : refs) {
            if (!r["title"] || !r["url"]) return fail("each reference needs title and url", name);
            c.references.push_back({r["title"].as<std::string>(), r["url"].as<std::string>()});
        }
    }
    return c;
}

Result<Framework> parse_framework(const std::string& name, const YAML::Node& doc) {
    if (!doc.IsMap() || !doc["name"] || !doc["categories"]) return fail("a framework needs name and categories", name);
    Framework f;
    f.name = doc["name"].as<std::string>();
    f.title = doc["title"] ? doc["title"].as<std::string>() : f.name;
    f.source = doc["source"] ? doc["source"].as<std::string>() : "";
    f.max_per_category = doc["max_per_category"] ? doc["max_per_category"].as<int>() : 10;
    for (const auto& cat : doc["categories"]) {
        if (!cat["id"] || !cat["name"] || !cat["controls"]) return fail("each category needs id, name, controls", name);
        FrameworkCategory fc;
        fc.id = cat["id"].as<std::string>();
        fc.name = cat["name"].as<std::string>();
        for (const auto& c : cat["controls"]) fc.controls.push_back(c.as<std::string>());
        f.categories.push_back(std::move(fc));
    }
    return f;
}

}  // namespace

Severity Control::severity_for(Tier t) const {
    auto it = severity.find(t);
    return it == severity.end() ? Severity::skip : it->second;
}

bool Control::has_mode(std::string_view m) const {
    return std::find(modes.begin(), modes.end(), m) != modes.end();
}

const std::string& Control::remediation_for(const std::vector<std::string>& stack_keys) const {
    for (const auto& k : stack_keys)
        if (auto it = remediation.find(k); it != remediation.end()) return it->second;
    return remediation.at("generic");
}

const Control* Catalog::find(std::string_view id) const {
    for (const auto& c : m_controls)
        if (c.id == id) return &c;
    return nullptr;
}

const Framework* Catalog::framework(std::string_view name) const {
    for (const auto& f : m_frameworks)
        if (f.name == name) return &f;
    return nullptr;
}

std::string_view Catalog::category_name(std::string_view prefix) {
    for (const auto& [p, n] : k_categories)
        if (p == prefix) return n;
    return prefix;
}

Result<Catalog> Catalog::from_documents(const std::vector<std::pair<std::string, std::string>>& docs) {
    Catalog cat;
    for (const auto& [name, text] : docs) {
        YAML::Node doc;
        try {
            doc = YAML::Load(text);
        } catch (const YAML::Exception& e) {
            return fail(fmt::format("YAML error at line {}: {}", e.mark.line + 1, e.msg), name);
        }
        try {
            if (name.rfind("frameworks/", 0) == 0) {
                auto f = parse_framework(name, doc);
                if (!f) return tl::unexpected(f.error());
                cat.m_frameworks.push_back(std::move(*f));
            } else {
                auto c = parse_control(name, doc);
                if (!c) return tl::unexpected(c.error());
                auto expected_name = fmt::format("{}-{}.yml", c->id, c->slug);
                if (name.size() < expected_name.size() ||
                    name.substr(name.size() - expected_name.size()) != expected_name)
                    return fail(fmt::format("file name should end in '{}'", expected_name), name);
                cat.m_controls.push_back(std::move(*c));
            }
        } catch (const YAML::Exception& e) {
            return fail(fmt::format("bad value near line {}: {}", e.mark.line + 1, e.msg), name);
        }
    }
    std::sort(cat.m_controls.begin(), cat.m_controls.end(), [](const Control& a, const Control& b) {
        int ra = category_rank(a.category), rb = category_rank(b.category);
        return ra != rb ? ra < rb : a.id < b.id;
    });
    std::set<std::string> ids, slugs;
    for (const auto& c : cat.m_controls) {
        if (!ids.insert(c.id).second) return fail(fmt::format("duplicate control id {}", c.id), "catalog");
        if (!slugs.insert(c.slug).second) return fail(fmt::format("duplicate slug {}", c.slug), "catalog");
    }
    std::sort(cat.m_frameworks.begin(), cat.m_frameworks.end(),
              [](const Framework& a, const Framework& b) { return a.name < b.name; });
    for (const auto& f : cat.m_frameworks)
        for (const auto& fc : f.categories)
            for (const auto& id : fc.controls)
                if (!ids.count(id))
                    return fail(fmt::format("framework '{}' category '{}' names unknown control {}", f.name, fc.id, id),
                                "frameworks/" + f.name);
    return cat;
}

ControlResult result_skeleton(const Control& c, Tier tier, const std::vector<std::string>& stack_keys) {
    ControlResult r;
    r.id = c.id;
    r.title = c.title;
    r.category = c.category;
    r.severity = c.severity_for(tier);
    r.effort = c.effort;
    r.remediation = c.remediation_for(stack_keys);
    return r;
}

std::vector<std::string> Catalog::embedded_framework_names() {
    std::vector<std::string> names;
    for (const auto& [name, text] : embedded_catalog_documents()) {
        if (name.rfind("frameworks/", 0) != 0) continue;
        try {
            auto doc = YAML::Load(text);
            if (doc.IsMap() && doc["name"]) names.push_back(doc["name"].as<std::string>());
        } catch (const YAML::Exception&) {
            // embedded() reports an invalid embedded document; here it simply names no framework
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

const Catalog& Catalog::embedded() {
    static const Catalog k_catalog = [] {
        auto c = from_documents(embedded_catalog_documents());
        if (!c) {
            // The embedded catalog is validated by the test suite; reaching this is a build defect.
            fmt::print(stderr, "gonogo: internal error: embedded catalog invalid: {}: {}\n", c.error().where,
                       c.error().message);
            std::abort();
        }
        return std::move(*c);
    }();
    return k_catalog;
}

}  // namespace gonogo
