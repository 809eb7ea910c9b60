// JSON renderer and reader for the gonogo.audit/v1 contract, with nlohmann-json.
#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace gonogo::report {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json evidence_json(const Evidence& e) {
    ordered_json j;
    j["path"] = e.path;
    j["line"] = e.line;
    j["column"] = e.column;
    j["snippet"] = e.snippet;
    j["service"] = e.service;
    if (!e.note.empty()) j["note"] = e.note;
    if (!e.fingerprint.empty()) j["fingerprint"] = e.fingerprint;
    if (!e.baseline.empty()) j["baseline"] = e.baseline;
    return j;
}

ordered_json stack_json(const StackSummary& s) {
    ordered_json j;
    j["languages"] = s.languages;
    j["package_managers"] = s.package_managers;
    j["frameworks"] = s.frameworks;
    j["datastores"] = s.datastores;
    j["providers"] = s.providers;
    j["deployment"] = s.deployment;
    return j;
}

ordered_json verdict_json(const Verdict& v) {
    ordered_json j;
    j["decision"] = std::string(to_string(v.decision));
    j["justification"] = v.justification;
    j["deciding_controls"] = v.deciding_controls;
    return j;
}

ordered_json categories_json(const std::vector<CategoryScore>& cats) {
    ordered_json arr = ordered_json::array();
    for (const auto& c : cats) {
        ordered_json j;
        j["id"] = c.id;
        j["name"] = c.name;
        j["score"] = c.score;
        j["max"] = c.max;
        j["light"] = std::string(to_string(c.light));
        j["blockers"] = c.blockers;
        j["warnings"] = c.warnings;
        j["controls"] = c.controls;
        arr.push_back(std::move(j));
    }
    return arr;
}

template <typename T>
T get_or(const json& j, const char* key, T fallback) {
    return j.contains(key) && !j[key].is_null() ? j[key].get<T>() : fallback;
}

StackSummary stack_from(const json& j) {
    StackSummary s;
    if (!j.is_object()) return s;
    s.languages = get_or<std::vector<std::string>>(j, "languages", {});
    s.package_managers = get_or<std::vector<std::string>>(j, "package_managers", {});
    s.frameworks = get_or<std::vector<std::string>>(j, "frameworks", {});
    s.datastores = get_or<std::vector<std::string>>(j, "datastores", {});
    s.providers = get_or<std::vector<std::string>>(j, "providers", {});
    s.deployment = get_or<std::vector<std::string>>(j, "deployment", {});
    return s;
}

Verdict verdict_from(const json& j) {
    Verdict v;
    auto d = get_or<std::string>(j, "decision", "NO_GO");
    v.decision = d == "GO" ? Decision::go : d == "CONDITIONAL_GO" ? Decision::conditional_go : Decision::no_go;
    v.justification = get_or<std::vector<std::string>>(j, "justification", {});
    v.deciding_controls = get_or<std::vector<std::string>>(j, "deciding_controls", {});
    return v;
}

std::vector<CategoryScore> categories_from(const json& arr) {
    std::vector<CategoryScore> out;
    for (const auto& j : arr) {
        CategoryScore c;
        c.id = get_or<std::string>(j, "id", "");
        c.name = get_or<std::string>(j, "name", "");
        c.score = get_or<double>(j, "score", 0);
        c.max = get_or<int>(j, "max", 10);
        auto l = get_or<std::string>(j, "light", "red");
        c.light = l == "green" ? Light::green : l == "amber" ? Light::amber : Light::red;
        c.blockers = get_or<int>(j, "blockers", 0);
        c.warnings = get_or<int>(j, "warnings", 0);
        c.controls = get_or<std::vector<std::string>>(j, "controls", {});
        out.push_back(std::move(c));
    }
    return out;
}

Evidence evidence_from(const json& j) {
    Evidence e;
    e.path = get_or<std::string>(j, "path", "");
    e.line = get_or<std::size_t>(j, "line", 0);
    e.column = get_or<std::size_t>(j, "column", 0);
    e.snippet = get_or<std::string>(j, "snippet", "");
    e.service = get_or<std::string>(j, "service", "");
    e.note = get_or<std::string>(j, "note", "");
    e.fingerprint = get_or<std::string>(j, "fingerprint", "");
    e.baseline = get_or<std::string>(j, "baseline", "");
    return e;
}

}  // namespace

std::string to_json(const AuditResult& r) {
    ordered_json j;
    j["schema"] = r.schema;
    j["tool"] = {{"name", r.tool_name}, {"version", r.tool_version}};
    j["target"] = {{"path", r.target_path}, {"url", r.target_url}, {"commit", r.target_commit}, {"project", r.project}};
    j["generated_at"] = r.generated_at;
    j["tier"] = std::string(to_string(r.tier));
    j["framework"] = r.framework;
    j["stack"] = stack_json(r.stack);
    ordered_json services = ordered_json::array();
    for (const auto& s : r.services) {
        ordered_json sj;
        sj["name"] = s.name;
        sj["path"] = s.path;
        sj["stack"] = stack_json(s.stack);
        sj["verdict"] = verdict_json(s.verdict);
        sj["categories"] = categories_json(s.categories);
        services.push_back(std::move(sj));
    }
    j["services"] = std::move(services);
    j["verdict"] = verdict_json(r.verdict);
    j["categories"] = categories_json(r.categories);
    j["total"] = {{"score", r.total_score}, {"max", r.total_max}};
    ordered_json controls = ordered_json::array();
    for (const auto& c : r.controls) {
        ordered_json cj;
        cj["id"] = c.id;
        cj["title"] = c.title;
        cj["category"] = c.category;
        cj["status"] = std::string(to_string(c.status));
        cj["severity"] = std::string(to_string(c.severity));
        cj["message"] = c.message;
        cj["relied_on_default"] = c.relied_on_default;
        cj["automated"] = c.automated;
        cj["effort"] = c.effort;
        ordered_json ev = ordered_json::array();
        for (const auto& e : c.evidence) ev.push_back(evidence_json(e));
        cj["evidence"] = std::move(ev);
        ordered_json oev = ordered_json::array();
        for (const auto& e : c.other_evidence) oev.push_back(evidence_json(e));
        cj["non_production_evidence"] = std::move(oev);
        if (!c.services.empty()) {
            ordered_json ss = ordered_json::array();
            for (const auto& s : c.services)
                ss.push_back({{"service", s.service}, {"status", std::string(to_string(s.status))}, {"message", s.message}});
            cj["services"] = std::move(ss);
        }
        cj["remediation"] = c.remediation;
        if (!c.waived_evidence.empty() || !c.waiver.empty()) {
            ordered_json wev = ordered_json::array();
            for (const auto& e : c.waived_evidence) wev.push_back(evidence_json(e));
            cj["waived_evidence"] = std::move(wev);
            cj["waiver"] = c.waiver;
        }
        if (!c.belongs_to.empty()) cj["belongs_to"] = c.belongs_to;
        controls.push_back(std::move(cj));
    }
    j["controls"] = std::move(controls);
    ordered_json diags = ordered_json::array();
    for (const auto& d : r.diagnostics) diags.push_back({{"path", d.path}, {"message", d.message}});
    j["diagnostics"] = std::move(diags);
    j["config"] = r.config_file;
    ordered_json slo = ordered_json::object();
    auto put = [&](const char* k, const std::optional<double>& v) {
        if (v) slo[k] = *v;
    };
    put("availability", r.slo.availability);
    put("p95_ms", r.slo.p95_ms);
    put("p99_ms", r.slo.p99_ms);
    put("error_rate", r.slo.error_rate);
    put("rps", r.slo.rps);
    j["slo"] = std::move(slo);
    j["context"] = {{"impact", r.impact}, {"stage", r.stage}, {"dependencies", r.declared_dependencies}};
    ordered_json waivers = ordered_json::array();
    for (const auto& w : r.waivers)
        waivers.push_back({{"id", w.id}, {"paths", w.paths}, {"reason", w.reason}, {"owner", w.owner},
                           {"expires", w.expires}, {"source", w.source}, {"state", w.state}, {"matched", w.matched}});
    j["waivers"] = std::move(waivers);
    ordered_json attestations = ordered_json::array();
    for (const auto& a : r.attestations)
        attestations.push_back({{"id", a.id}, {"by", a.by}, {"date", a.date}, {"link", a.link}, {"note", a.note},
                                {"source", a.source}, {"state", a.state}});
    j["attestations"] = std::move(attestations);
    if (!r.baseline_file.empty()) {
        ordered_json fixed = ordered_json::array();
        for (const auto& f : r.fixed) {
            auto fj = evidence_json(f.evidence);
            fj["control"] = f.control;
            fixed.push_back(std::move(fj));
        }
        j["baseline"] = {{"file", r.baseline_file}, {"fixed", std::move(fixed)}};
    }
    j["stats"] = {{"files_seen", r.stats.files_seen},         {"files_scanned", r.stats.files_scanned},
                  {"bytes_scanned", r.stats.bytes_scanned},   {"skipped_binary", r.stats.skipped_binary},
                  {"skipped_large", r.stats.skipped_large},   {"skipped_unreadable", r.stats.skipped_unreadable},
                  {"ignored", r.stats.ignored},               {"parsed", r.stats.parsed},
                  {"not_kept_memory", r.stats.not_kept_memory}, {"duration_ms", r.stats.duration_ms}};
    return j.dump(2) + "\n";
}

Result<AuditResult> from_json(const std::string& text) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    auto schema = get_or<std::string>(j, "schema", "");
    if (schema != k_result_schema) return fail("unsupported schema '" + schema + "' (expected " + k_result_schema + ")");
    try {
        AuditResult r;
        r.schema = schema;
        if (j.contains("tool")) {
            r.tool_name = get_or<std::string>(j["tool"], "name", "gonogo");
            r.tool_version = get_or<std::string>(j["tool"], "version", "");
        }
        if (j.contains("target")) {
            r.target_path = get_or<std::string>(j["target"], "path", "");
            r.target_url = get_or<std::string>(j["target"], "url", "");
            r.target_commit = get_or<std::string>(j["target"], "commit", "");
            r.project = get_or<std::string>(j["target"], "project", "");
        }
        r.generated_at = get_or<std::string>(j, "generated_at", "");
        r.tier = parse_tier(get_or<std::string>(j, "tier", "tier1")).value_or(Tier::tier1);
        r.framework = get_or<std::string>(j, "framework", "");
        r.stack = stack_from(j.value("stack", json::object()));
        for (const auto& sj : j.value("services", json::array())) {
            ServiceResult s;
            s.name = get_or<std::string>(sj, "name", "");
            s.path = get_or<std::string>(sj, "path", "");
            s.stack = stack_from(sj.value("stack", json::object()));
            s.verdict = verdict_from(sj.value("verdict", json::object()));
            s.categories = categories_from(sj.value("categories", json::array()));
            r.services.push_back(std::move(s));
        }
        r.verdict = verdict_from(j.value("verdict", json::object()));
        r.categories = categories_from(j.value("categories", json::array()));
        if (j.contains("total")) {
            r.total_score = get_or<double>(j["total"], "score", 0);
            r.total_max = get_or<int>(j["total"], "max", 0);
        }
        for (const auto& cj : j.value("controls", json::array())) {
            ControlResult c;
            c.id = get_or<std::string>(cj, "id", "");
            c.title = get_or<std::string>(cj, "title", "");
            c.category = get_or<std::string>(cj, "category", "");
            c.status = parse_status(get_or<std::string>(cj, "status", "unknown")).value_or(Status::unknown);
            c.severity = parse_severity(get_or<std::string>(cj, "severity", "skip")).value_or(Severity::skip);
            c.message = get_or<std::string>(cj, "message", "");
            c.relied_on_default = get_or<bool>(cj, "relied_on_default", false);
            c.automated = get_or<bool>(cj, "automated", false);
            c.effort = get_or<std::string>(cj, "effort", "M");
            c.remediation = get_or<std::string>(cj, "remediation", "");
            for (const auto& e : cj.value("evidence", json::array())) c.evidence.push_back(evidence_from(e));
            for (const auto& e : cj.value("non_production_evidence", json::array())) c.other_evidence.push_back(evidence_from(e));
            for (const auto& s : cj.value("services", json::array()))
                c.services.push_back({get_or<std::string>(s, "service", ""),
                                      parse_status(get_or<std::string>(s, "status", "unknown")).value_or(Status::unknown),
                                      get_or<std::string>(s, "message", "")});
            for (const auto& e : cj.value("waived_evidence", json::array())) c.waived_evidence.push_back(evidence_from(e));
            c.waiver = get_or<std::string>(cj, "waiver", "");
            c.belongs_to = get_or<std::string>(cj, "belongs_to", "");
            r.controls.push_back(std::move(c));
        }
        r.config_file = get_or<std::string>(j, "config", "");
        if (j.contains("context") && j["context"].is_object()) {
            r.impact = get_or<std::string>(j["context"], "impact", "");
            r.stage = get_or<std::string>(j["context"], "stage", "");
            r.declared_dependencies = get_or<std::vector<std::string>>(j["context"], "dependencies", {});
        }
        if (j.contains("slo") && j["slo"].is_object()) {
            const auto& sj = j["slo"];
            auto get = [&](const char* k) -> std::optional<double> {
                if (sj.contains(k) && sj[k].is_number()) return sj[k].get<double>();
                return std::nullopt;
            };
            r.slo.availability = get("availability");
            r.slo.p95_ms = get("p95_ms");
            r.slo.p99_ms = get("p99_ms");
            r.slo.error_rate = get("error_rate");
            r.slo.rps = get("rps");
        }
        for (const auto& w : j.value("waivers", json::array()))
            r.waivers.push_back({get_or<std::string>(w, "id", ""), get_or<std::vector<std::string>>(w, "paths", {}),
                                 get_or<std::string>(w, "reason", ""), get_or<std::string>(w, "owner", ""),
                                 get_or<std::string>(w, "expires", ""), get_or<std::string>(w, "source", ""),
                                 get_or<std::string>(w, "state", ""), get_or<std::size_t>(w, "matched", 0)});
        for (const auto& a : j.value("attestations", json::array()))
            r.attestations.push_back({get_or<std::string>(a, "id", ""), get_or<std::string>(a, "by", ""),
                                      get_or<std::string>(a, "date", ""), get_or<std::string>(a, "link", ""),
                                      get_or<std::string>(a, "note", ""), get_or<std::string>(a, "source", ""),
                                      get_or<std::string>(a, "state", "")});
        if (j.contains("baseline") && j["baseline"].is_object()) {
            r.baseline_file = get_or<std::string>(j["baseline"], "file", "");
            for (const auto& f : j["baseline"].value("fixed", json::array()))
                r.fixed.push_back({get_or<std::string>(f, "control", ""), evidence_from(f)});
        }
        for (const auto& d : j.value("diagnostics", json::array()))
            r.diagnostics.push_back({get_or<std::string>(d, "path", ""), get_or<std::string>(d, "message", "")});
        if (j.contains("stats")) {
            const auto& s = j["stats"];
            r.stats.files_seen = get_or<std::uint64_t>(s, "files_seen", 0);
            r.stats.files_scanned = get_or<std::uint64_t>(s, "files_scanned", 0);
            r.stats.bytes_scanned = get_or<std::uint64_t>(s, "bytes_scanned", 0);
            r.stats.skipped_binary = get_or<std::uint64_t>(s, "skipped_binary", 0);
            r.stats.skipped_large = get_or<std::uint64_t>(s, "skipped_large", 0);
            r.stats.skipped_unreadable = get_or<std::uint64_t>(s, "skipped_unreadable", 0);
            r.stats.ignored = get_or<std::uint64_t>(s, "ignored", 0);
            r.stats.parsed = get_or<std::uint64_t>(s, "parsed", 0);
            r.stats.not_kept_memory = get_or<std::uint64_t>(s, "not_kept_memory", 0);
            r.stats.duration_ms = get_or<std::uint64_t>(s, "duration_ms", 0);
        }
        return r;
    } catch (const json::exception& e) {
        return fail(std::string("bad value in result: ") + e.what());
    }
}

}  // namespace gonogo::report
