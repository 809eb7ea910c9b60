// SARIF 2.1.0 renderer, for code-scanning tabs (GitHub, GitLab, Azure DevOps).
// One rule per control (ruleId = control id, stable), its help carrying the
// rationale, how gonogo decides and the fix for the detected stack; one result
// per failing finding, located by file, line and column, with a content
// fingerprint (partialFingerprints) that survives code moving. Waived findings
// are results with an accepted external suppression; with a baseline each
// result carries baselineState. Validated in tests against the official schema.
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "report/report.hpp"

namespace gonogo::report {
namespace {

using nlohmann::ordered_json;

std::string level(Severity s) {
    switch (s) {
        case Severity::blocker: return "error";
        case Severity::warning: return "warning";
        case Severity::recommendation: return "note";
        case Severity::skip: return "none";
    }
    return "none";
}

// GitHub ranks security alerts by this number (0.1 to 10): critical >= 9, high >= 7, medium >= 4.
std::string security_severity(Severity s) {
    switch (s) {
        case Severity::blocker: return "9.0";
        case Severity::warning: return "6.5";
        case Severity::recommendation: return "3.0";
        case Severity::skip: return "0.0";
    }
    return "0.0";
}

// "health-endpoint" -> "HealthEndpoint": SARIF's rule name is an identifier-like word.
std::string pascal(std::string_view slug) {
    std::string out;
    bool up = true;
    for (char c : slug) {
        if (c == '-' || c == '_' || c == ' ') {
            up = true;
            continue;
        }
        out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        up = false;
    }
    return out;
}

// A path as a URI reference: unreserved characters and '/' kept, the rest percent-encoded.
std::string uri_encode(std::string_view path) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else out += {'%', k_hex[c >> 4], k_hex[c & 15]};
    }
    return out;
}

// A file URI for the audited folder, ending in '/', as SARIF's originalUriBaseIds wants it.
std::string root_uri(const std::string& path) {
    std::string out = "file://" + uri_encode(path);
    if (out.back() != '/') out += '/';
    return out;
}

bool is_url(std::string_view p) { return p.rfind("http://", 0) == 0 || p.rfind("https://", 0) == 0; }

ordered_json location(const Evidence& e) {
    ordered_json art;
    if (is_url(e.path)) {
        art["uri"] = e.path;
    } else {
        art["uri"] = uri_encode(e.path);
        art["uriBaseId"] = "SRCROOT";
    }
    ordered_json phys;
    phys["artifactLocation"] = std::move(art);
    if (e.line > 0) {
        ordered_json region;
        region["startLine"] = e.line;
        if (e.column > 0) region["startColumn"] = e.column;
        if (!e.snippet.empty()) region["snippet"] = {{"text", e.snippet}};
        phys["region"] = std::move(region);
    }
    ordered_json loc;
    loc["physicalLocation"] = std::move(phys);
    if (!e.note.empty()) loc["message"] = {{"text", e.note}};
    return loc;
}

ordered_json rule_for(const ControlResult& c, const Control* ctl) {
    ordered_json r;
    r["id"] = c.id;
    r["name"] = pascal(ctl ? ctl->slug : c.title);
    r["shortDescription"] = {{"text", c.title}};
    std::string full = ctl ? ctl->rationale : c.remediation;
    if (full.empty()) full = c.title;
    r["fullDescription"] = {{"text", full}};
    std::string help_text, help_md;
    if (ctl) {
        help_text = ctl->rationale + "\n\nHow gonogo decides: " + ctl->decides + "\n\nFix:\n" + c.remediation;
        help_md = "**Why it matters.** " + ctl->rationale + "\n\n**How gonogo decides.** " + ctl->decides +
                  "\n\n**Fix for the detected stack.**\n\n" + c.remediation;
        if (!ctl->references.empty()) {
            help_md += "\n\n**References.**\n";
            for (const auto& ref : ctl->references) help_md += "\n- [" + ref.title + "](" + ref.url + ")";
        }
    } else {
        help_text = c.remediation;
        help_md = c.remediation + "\n\nA custom rule from the project's .gonogo.yml (belongs to " + c.belongs_to + ").";
    }
    r["help"] = {{"text", help_text}, {"markdown", help_md}};
    if (ctl && !ctl->references.empty()) r["helpUri"] = ctl->references.front().url;
    r["defaultConfiguration"] = {{"level", level(c.severity)}, {"enabled", c.severity != Severity::skip}};
    ordered_json tags = ordered_json::array();
    tags.push_back(std::string(Catalog::category_name(c.category)));
    if (c.category == "SEC") tags.push_back("security");
    ordered_json props;
    props["tags"] = std::move(tags);
    props["precision"] = "high";
    props["problem.severity"] = level(c.severity) == "note" ? "recommendation" : level(c.severity);
    if (c.category == "SEC") props["security-severity"] = security_severity(c.severity);
    props["gonogo-severity"] = std::string(to_string(c.severity));
    if (!c.belongs_to.empty()) props["belongs-to"] = c.belongs_to;
    r["properties"] = std::move(props);
    return r;
}

}  // namespace

std::string to_sarif(const AuditResult& r) {
    const auto& catalog = Catalog::embedded();
    ordered_json rules = ordered_json::array();
    std::map<std::string, std::size_t> index;
    for (const auto& c : r.controls) {
        index[c.id] = rules.size();
        rules.push_back(rule_for(c, catalog.find(c.id)));
    }
    ordered_json results = ordered_json::array();
    auto add = [&](const ControlResult& c, const Evidence* e, bool waived) {
        ordered_json res;
        res["ruleId"] = c.id;
        res["ruleIndex"] = index[c.id];
        res["level"] = level(c.severity);
        res["kind"] = "fail";
        std::string text = c.title + ": " + c.message;
        if (e && !e->note.empty() && !waived) text += " (" + e->note + ")";
        res["message"] = {{"text", text}};
        ordered_json locs = ordered_json::array();
        if (e) locs.push_back(location(*e));
        res["locations"] = std::move(locs);
        if (e && !e->fingerprint.empty()) res["partialFingerprints"] = {{"gonogo/v1", e->fingerprint}};
        if (e && !e->baseline.empty()) res["baselineState"] = e->baseline;
        if (waived)
            res["suppressions"] = ordered_json::array({{{"kind", "external"}, {"status", "accepted"}, {"justification", c.waiver}}});
        ordered_json props;
        props["status"] = std::string(to_string(c.status));
        props["severity"] = std::string(to_string(c.severity));
        if (e && !e->service.empty()) props["service"] = e->service;
        if (c.relied_on_default) props["relied-on-default"] = true;
        res["properties"] = std::move(props);
        results.push_back(std::move(res));
    };
    for (const auto& c : r.controls) {
        if (c.severity == Severity::skip) continue;
        if (c.status == Status::fail) {
            if (c.evidence.empty()) add(c, nullptr, false);
            for (const auto& e : c.evidence) add(c, &e, false);
        }
        if (c.status == Status::fail || c.status == Status::waived) {
            for (const auto& e : c.waived_evidence) add(c, &e, true);
            if (c.status == Status::waived && c.waived_evidence.empty()) add(c, nullptr, true);
        }
    }
    ordered_json notes = ordered_json::array();
    for (const auto& d : r.diagnostics) {
        ordered_json n;
        n["level"] = "warning";
        n["message"] = {{"text", d.message}};
        if (!d.path.empty()) n["locations"] = ordered_json::array({location(Evidence{d.path, 0, 0, "", "", "", "", ""})});
        notes.push_back(std::move(n));
    }
    ordered_json run;
    ordered_json driver;
    driver["name"] = r.tool_name;
    driver["version"] = r.tool_version;
    driver["semanticVersion"] = r.tool_version;
    driver["informationUri"] = "https://github.com/gonogo-dev/gonogo";
    driver["rules"] = std::move(rules);
    run["tool"] = {{"driver", std::move(driver)}};
    run["automationDetails"] = {{"id", "gonogo/" + std::string(to_string(r.tier)) + "/" + r.project + "/"}};
    ordered_json inv;
    inv["executionSuccessful"] = true;
    if (!r.generated_at.empty()) inv["endTimeUtc"] = r.generated_at;
    inv["toolExecutionNotifications"] = std::move(notes);
    run["invocations"] = ordered_json::array({std::move(inv)});
    if (!r.target_path.empty())
        run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", root_uri(r.target_path)}}}};
    run["results"] = std::move(results);
    ordered_json props;
    props["verdict"] = std::string(to_string(r.verdict.decision));
    props["justification"] = r.verdict.justification;
    props["tier"] = std::string(to_string(r.tier));
    props["framework"] = r.framework;
    if (!r.target_commit.empty()) props["commit"] = r.target_commit;
    run["properties"] = std::move(props);
    ordered_json top;
    top["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    top["version"] = "2.1.0";
    top["runs"] = ordered_json::array({std::move(run)});
    return top.dump(2) + "\n";
}

}  // namespace gonogo::report
