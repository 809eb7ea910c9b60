// Probe comp.accessibility (COMP-07): are accessibility checks part of the
// quality gates (eslint-plugin-jsx-a11y / vuejs-accessibility enabled, axe-based
// tests, pa11y-ci, Lighthouse CI accessibility assertions), and does a structural
// scan of the service's JSX/TSX and HTML markup find images without alt, unlabelled
// form controls, clickable div/span without role and keyboard handler, <html>
// without lang or positive tabIndex?
#include <map>
#include <regex>

#include <fmt/format.h>

#include "checks/compliance/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace sx = collect::syntax;
using sx::field;
using sx::is;
using sx::named_children;

struct Attr {
    bool present = false;
    std::string value;   // literal value (string or number), or the expression's text
    bool literal = false;
};

struct Element {
    const File* file = nullptr;
    std::size_t offset = 0;
    std::string tag;
    std::map<std::string, Attr> attrs;  // lower-case names; htmlFor is stored as "for"
    bool spread = false;                // {...props}: attributes we cannot see
    bool in_label = false;
    const Attr* get(const std::string& k) const {
        auto it = attrs.find(k);
        return it == attrs.end() ? nullptr : &it->second;
    }
};

std::string attr_key(std::string_view name) {
    auto l = str::lower(name);
    if (l == "htmlfor") return "for";
    if (l == "classname") return "class";
    return l;
}

std::string jsx_name(const File& f, TSNode el) {
    TSNode n = field(el, "name");
    if (ts_node_is_null(n)) {
        auto kids = named_children(el);
        if (!kids.empty()) n = kids[0];
    }
    return ts_node_is_null(n) ? std::string() : std::string(sx::text(f, n));
}

void jsx_elements(const File& f, std::vector<Element>& out) {
    std::function<void(TSNode, bool)> visit = [&](TSNode n, bool in_label) {
        if (is(n, "jsx_element") || is(n, "jsx_self_closing_element")) {
            TSNode open = is(n, "jsx_element") ? field(n, "open_tag") : n;
            if (ts_node_is_null(open)) open = ts_node_named_child(n, 0);
            Element e;
            e.file = &f;
            e.offset = ts_node_start_byte(n);
            e.tag = jsx_name(f, open);
            e.in_label = in_label;
            for (TSNode a : named_children(open)) {
                if (is(a, "jsx_expression")) {
                    e.spread = true;  // {...props}
                    continue;
                }
                if (!is(a, "jsx_attribute")) continue;
                auto kids = named_children(a);
                if (kids.empty()) continue;
                Attr at;
                at.present = true;
                if (kids.size() >= 2) {
                    TSNode v = kids[1];
                    if (is(v, "jsx_expression")) {
                        auto inner = named_children(v);
                        if (inner.size() == 1 && (sx::is_string_literal(inner[0]) || is(inner[0], "number"))) v = inner[0];
                    }
                    if (sx::is_string_literal(v)) {
                        at.value = sx::string_value(f, v);
                        at.literal = true;
                    } else if (is(v, "number")) {
                        at.value = std::string(sx::text(f, v));
                        at.literal = true;
                    } else {
                        at.value = std::string(sx::text(f, v));
                    }
                } else {
                    at.value = "true";
                    at.literal = true;
                }
                e.attrs[attr_key(sx::text(f, kids[0]))] = at;
            }
            bool label = e.tag == "label";
            out.push_back(std::move(e));
            for (TSNode c : named_children(n)) visit(c, in_label || label);
            return;
        }
        for (TSNode c : named_children(n)) visit(c, in_label);
    };
    visit(sx::root(f), false);
}

void html_elements(const File& f, std::vector<Element>& out) {
    static const std::regex tag(R"re(<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>)re");
    static const std::regex attr(R"re(([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?)re");
    std::string text = f.text;
    // Blank HTML and template comments, keeping offsets.
    for (auto [open, close] : {std::pair{"<!--", "-->"}, std::pair{"{#", "#}"}}) {
        std::size_t p = 0;
        while ((p = text.find(open, p)) != std::string::npos) {
            auto e = text.find(close, p);
            std::size_t stop = e == std::string::npos ? text.size() : e + std::string_view(close).size();
            for (std::size_t i = p; i < stop; ++i)
                if (text[i] != '\n') text[i] = ' ';
            p = stop;
        }
    }
    int label_depth = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
        std::string name = str::lower((*it)[2].str());
        if ((*it)[1].matched && (*it)[1].length() > 0) {
            if (name == "label" && label_depth > 0) --label_depth;
            continue;
        }
        Element e;
        e.file = &f;
        e.offset = static_cast<std::size_t>(it->position(0));
        e.tag = name;
        e.in_label = label_depth > 0;
        std::string body = (*it)[3].str();
        for (std::sregex_iterator a(body.begin(), body.end(), attr), aend; a != aend; ++a) {
            Attr at;
            at.present = true;
            at.literal = true;
            at.value = (*a)[2].matched ? (*a)[2].str() : (*a)[3].matched ? (*a)[3].str() : (*a)[4].matched ? (*a)[4].str() : "true";
            if (str::contains(at.value, "{{") || str::contains(at.value, "{%")) at.literal = false;
            auto key = attr_key((*a)[1].str());
            if (str::starts_with(key, "{")) {
                e.spread = true;  // template logic inside the tag
                continue;
            }
            e.attrs[key] = at;
        }
        if (name == "label" && !str::ends_with(body, "/")) ++label_depth;
        out.push_back(std::move(e));
    }
}

bool interactive_role(std::string_view r) {
    static const std::set<std::string_view> k{"button", "link", "checkbox", "menuitem", "menuitemcheckbox", "menuitemradio",
                                              "option", "radio", "switch", "tab", "textbox", "combobox", "slider",
                                              "spinbutton", "searchbox", "treeitem", "gridcell"};
    return k.count(r) > 0;
}

struct Finding {
    Evidence where;
    std::string kind;
};

void check(const Element& e, const std::set<std::string>& label_for, std::vector<Finding>& out) {
    auto note = [&](std::string kind, std::string text) {
        out.push_back({e.file->evidence_at(e.offset, std::move(text)), std::move(kind)});
    };
    if (e.spread) return;
    if (e.tag == "img") {
        if (!e.get("alt") && !e.get("aria-label") && !e.get("aria-labelledby")) note("img without alt", "<img> without alt");
    } else if (e.tag == "input" || e.tag == "select" || e.tag == "textarea") {
        bool excluded = false;
        if (const Attr* t = e.get("type"); t && t->literal) {
            auto v = str::lower(t->value);
            excluded = v == "hidden" || v == "submit" || v == "button" || v == "reset" || v == "image";
        }
        if (!excluded) {
            bool labelled = e.in_label || e.get("aria-label") || e.get("aria-labelledby");
            if (const Attr* id = e.get("id"); !labelled && id && label_for.count(id->value)) labelled = true;
            if (!labelled)
                note("form control without label", fmt::format("<{}> without a label, aria-label or aria-labelledby", e.tag));
        }
    } else if (e.tag == "div" || e.tag == "span") {
        if (e.get("onclick")) {
            const Attr* role = e.get("role");
            bool role_ok = role && (!role->literal || interactive_role(str::lower(role->value)));
            bool keys = e.get("onkeydown") || e.get("onkeyup") || e.get("onkeypress");
            if (!role_ok || !keys) {
                std::vector<std::string> miss;
                if (!role) miss.push_back("a role");
                else if (!role_ok) miss.push_back(fmt::format("an interactive role (role=\"{}\" is not one)", role->value));
                if (!keys) miss.push_back("a keyboard handler");
                note("click handler on non-interactive element",
                     fmt::format("onClick on <{}> without {}", e.tag, str::join(miss, " and ")));
            }
        }
    } else if (e.tag == "html") {
        if (!e.get("lang")) note("html without lang", "<html> without lang");
    }
    if (const Attr* ti = e.get("tabindex"); ti && ti->literal) {
        auto v = str::trim(ti->value);
        if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
            v != "0" && v.size() < 6)
            note("positive tabIndex", fmt::format("tabIndex={} (positive tab order)", v));
    }
}

bool has_jsx(const File& f) {
    bool found = false;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (found) return false;
        if (is(n, "jsx_element") || is(n, "jsx_self_closing_element")) found = true;
        return !found;
    });
    return found;
}

std::string base_name(std::string_view p) {
    auto s = p.rfind('/');
    return std::string(s == std::string_view::npos ? p : p.substr(s + 1));
}

// Strings of an ESLint config value (string or list) from JSON or YAML.
void json_strings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    else if (j.is_array())
        for (const auto& x : j) json_strings(x, out);
}
void yaml_strings(const YAML::Node& n, std::vector<std::string>& out) {
    if (!n) return;
    if (n.IsScalar()) out.push_back(n.as<std::string>());
    else if (n.IsSequence())
        for (const auto& x : n) yaml_strings(x, out);
}

struct Lint {
    std::optional<Evidence> jsx_a11y, next_subset, vue_a11y;
};

void classify_config_string(const std::string& s, const Evidence& at, Lint& lint) {
    if (str::contains(s, "jsx-a11y") || str::starts_with(s, "airbnb")) {
        if (!lint.jsx_a11y) lint.jsx_a11y = at;
    } else if (s == "next/core-web-vitals" || s == "next" || s == "plugin:@next/next/core-web-vitals") {
        if (!lint.next_subset) lint.next_subset = at;
    } else if (str::contains(s, "vuejs-accessibility")) {
        if (!lint.vue_a11y) lint.vue_a11y = at;
    }
}

Lint eslint_configs(const ProbeContext& ctx) {
    Lint lint;
    for (const File* f : ctx.files()) {
        if (!f->kept || f->kind == collect::FileKind::vendored || data::not_own_path(f->path)) continue;
        auto b = base_name(f->path);
        bool eslintrc = str::starts_with(b, ".eslintrc") || str::starts_with(b, "eslint.config.");
        if (b == "package.json" && f->json && f->json->is_object() && f->json->contains("eslintConfig")) {
            const auto& c = (*f->json)["eslintConfig"];
            std::vector<std::string> ss;
            if (c.is_object()) {
                if (c.contains("extends")) json_strings(c["extends"], ss);
                if (c.contains("plugins")) json_strings(c["plugins"], ss);
            }
            for (const auto& s : ss) classify_config_string(s, f->evidence_line(line_of(*f, "eslintConfig"), "ESLint config"), lint);
            continue;
        }
        if (!eslintrc) continue;
        std::vector<std::pair<std::string, std::size_t>> ss;  // value, offset
        if (f->json && f->json->is_object()) {
            std::vector<std::string> v;
            if (f->json->contains("extends")) json_strings((*f->json)["extends"], v);
            if (f->json->contains("plugins")) json_strings((*f->json)["plugins"], v);
            for (const auto& s : v) ss.push_back({s, f->text.find(s)});
        } else if (!f->yaml.empty() && f->yaml[0].IsMap()) {
            std::vector<std::string> v;
            yaml_strings(f->yaml[0]["extends"], v);
            yaml_strings(f->yaml[0]["plugins"], v);
            for (const auto& s : v) ss.push_back({s, f->text.find(s)});
        } else if (f->tree) {
            for (const auto& m : sx::imports(*f)) {
                if (m == "eslint-plugin-jsx-a11y" || m == "eslint-config-next" || m == "eslint-plugin-vuejs-accessibility" ||
                    str::starts_with(m, "eslint-config-next/"))
                    ss.push_back({m == "eslint-plugin-jsx-a11y" ? "jsx-a11y"
                                  : m == "eslint-plugin-vuejs-accessibility" ? "vuejs-accessibility"
                                                                             : "next/core-web-vitals",
                                  f->text.find(m)});
            }
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (sx::is_string_literal(n)) {
                    auto v = sx::string_value(*f, n);
                    if (str::contains(v, "jsx-a11y") || v == "next/core-web-vitals" || str::contains(v, "vuejs-accessibility"))
                        ss.push_back({v, ts_node_start_byte(n)});
                    return false;
                }
                return true;
            });
        }
        for (const auto& [s, off] : ss)
            classify_config_string(s, off == std::string::npos ? f->evidence_line(1, "ESLint config") : f->evidence_at(off, "ESLint config"), lint);
    }
    return lint;
}

}  // namespace

Outcome probe_comp_accessibility(const ProbeContext& ctx) {
    const auto& svc = ctx.svc();
    std::string prefix = svc.root.empty() ? std::string() : svc.root + "/";
    // ---- UI files ----
    std::vector<const File*> jsx, html;
    std::size_t other_ui = 0;
    for (const File* f : ctx.files()) {
        if (!f->kept || !f->is_own() || data::not_own_path(f->path)) continue;
        if (f->tree && sx::is_js(*f) && has_jsx(*f)) jsx.push_back(f);
        else if (f->lang == Language::html && str::contains(f->text, "<")) html.push_back(f);
    }
    for (const auto& p : ctx.model.all_paths) {
        if (!prefix.empty() && !str::starts_with(p, prefix)) continue;
        auto rel = std::string_view(p).substr(prefix.size());
        if (data::not_own_path(rel)) continue;
        if (str::ends_with(rel, ".vue") || str::ends_with(rel, ".svelte") || str::ends_with(rel, ".astro")) ++other_ui;
    }
    if (jsx.empty() && html.empty() && other_ui == 0)
        return na("The service has no UI: no JSX/TSX components, HTML templates, Vue or Svelte files.");

    // ---- tooling ----
    std::vector<Evidence> tools;
    std::vector<std::string> tool_names;
    bool subset_only = false;
    Lint lint = eslint_configs(ctx);
    std::vector<std::string> notes;
    if (lint.jsx_a11y && (depends_on_any(ctx, {"eslint-plugin-jsx-a11y", "eslint-config-airbnb"}))) {
        tools.push_back(*lint.jsx_a11y);
        tool_names.push_back("eslint-plugin-jsx-a11y");
    } else if (lint.jsx_a11y) {
        notes.push_back("jsx-a11y is named in the ESLint config but eslint-plugin-jsx-a11y is not a dependency");
    } else if (depends_on_any(ctx, {"eslint-plugin-jsx-a11y"})) {
        notes.push_back("eslint-plugin-jsx-a11y is installed but not enabled in the ESLint config");
    }
    if (lint.vue_a11y && depends_on_any(ctx, {"eslint-plugin-vuejs-accessibility"})) {
        tools.push_back(*lint.vue_a11y);
        tool_names.push_back("eslint-plugin-vuejs-accessibility");
    }
    if (!lint.jsx_a11y && lint.next_subset && depends_on_any(ctx, {"eslint-config-next", "next"})) {
        tools.push_back(*lint.next_subset);
        tool_names.push_back("the next/core-web-vitals ESLint config");
        subset_only = true;
    }
    {
        bool axe_dep = depends_on_any(ctx, {"@axe-core/playwright", "jest-axe", "cypress-axe", "axe-core", "axe-playwright",
                                            "@axe-core/webdriverjs", "@axe-core/puppeteer", "@axe-core/react", "vitest-axe",
                                            "axe-playwright-python", "axe-selenium-python", "pytest-axe"});
        for (const auto* h : ctx.hits("comp.axe-usage")) {
            const auto& f = ctx.model.file_at(h->file);
            if (f.kind == collect::FileKind::vendored || f.kind == collect::FileKind::generated) continue;
            bool py = str::ends_with(f.path, ".py");
            if (!axe_dep && !py) continue;
            tools.push_back(ctx.evidence(*h, "axe accessibility test"));
            tool_names.push_back("axe-based tests");
            break;
        }
    }
    {
        std::optional<Evidence> pa11y;
        for (const auto& p : ctx.model.all_paths) {
            auto b = base_name(p);
            if ((b == ".pa11yci" || b == ".pa11yci.json" || b == ".pa11yci.js") && (prefix.empty() || str::starts_with(p, prefix) ||
                                                                                    p.find('/') == std::string::npos)) {
                pa11y = data::path_evidence(ctx, p, "pa11y-ci configuration");
                break;
            }
        }
        if (!pa11y && depends_on_any(ctx, {"pa11y-ci", "pa11y"})) {
            for (const File* f : ci_files(ctx))
                if (auto l = line_of(*f, "pa11y")) {
                    pa11y = f->evidence_line(l, "pa11y in CI");
                    break;
                }
            if (!pa11y)
                for (const File* f : ctx.files())
                    if (f->kept && base_name(f->path) == "package.json" && f->json && f->json->contains("scripts") &&
                        f->json->at("scripts").dump().find("pa11y") != std::string::npos) {
                        pa11y = f->evidence_line(line_of(*f, "pa11y"), "pa11y script");
                        break;
                    }
        }
        if (pa11y) {
            tools.push_back(*pa11y);
            tool_names.push_back("pa11y-ci");
        }
    }
    for (const File* f : ctx.files()) {
        if (!f->kept) continue;
        auto b = base_name(f->path);
        if (!str::starts_with(b, "lighthouserc") && !str::starts_with(b, ".lighthouserc")) continue;
        std::size_t l = line_of(*f, "categories:accessibility");
        if (!l) l = line_of(*f, "lighthouse:recommended");
        if (!l) l = line_of(*f, "lighthouse:all");
        if (!l) l = line_of(*f, "lighthouse:no-pwa");
        if (l) {
            tools.push_back(f->evidence_line(l, "Lighthouse CI accessibility assertion"));
            tool_names.push_back("Lighthouse CI accessibility assertions");
        } else {
            notes.push_back(fmt::format("{} has no accessibility assertions", f->path));
        }
        break;
    }

    // ---- structural scan ----
    std::vector<Element> els;
    for (const File* f : jsx) jsx_elements(*f, els);
    for (const File* f : html) html_elements(*f, els);
    std::set<std::string> label_for;
    for (const auto& e : els)
        if (e.tag == "label")
            if (const Attr* a = e.get("for")) label_for.insert(a->value);
    std::vector<Finding> findings;
    for (const auto& e : els) check(e, label_for, findings);
    std::map<std::string, int> counts;
    for (const auto& fd : findings) ++counts[fd.kind];
    std::vector<std::string> summary;
    for (const auto& [k, n] : counts) summary.push_back(fmt::format("{} {}", n, k));
    const char* caveat = "Automated checks cover only part of WCAG 2.1 AA; keyboard flows, contrast in context and "
                         "screen-reader behaviour need a manual audit.";

    std::vector<Evidence> fev;
    for (std::size_t i = 0; i < findings.size() && i < 20; ++i) fev.push_back(findings[i].where);

    if (!tools.empty()) {
        std::string found = findings.empty()
                                ? "the markup scan found no structural issues"
                                : fmt::format("the markup scan still lists {} issue(s): {}", findings.size(), str::join(summary, ", "));
        Outcome o = pass(fmt::format("Accessibility checks are part of the quality gates: {}{}; {}. {}", str::join(tool_names, ", "),
                                     subset_only ? " (it enables only a subset of the jsx-a11y rules; add plugin:jsx-a11y/recommended for the full set)" : "",
                                     found, caveat),
                         tools);
        o.evidence.insert(o.evidence.end(), fev.begin(), fev.end());
        return o;
    }
    std::string extra = notes.empty() ? std::string() : fmt::format(" ({})", str::join(notes, "; "));
    if (!findings.empty())
        return fail(fmt::format("No accessibility lint or tests{}, and the markup has {} issue(s): {} (first at {}:{}).", extra,
                                findings.size(), str::join(summary, ", "), findings[0].where.path, findings[0].where.line),
                    fev);
    std::string scanned = fmt::format("{} JSX/TSX and {} HTML file(s)", jsx.size(), html.size());
    if (other_ui) scanned += fmt::format("; {} Vue/Svelte/Astro file(s) were not scanned", other_ui);
    return unknown(fmt::format("No accessibility lint or tests{}; the structural scan of {} found no issues, but that cannot "
                               "claim conformance. {}",
                               extra, scanned, caveat));
}

}  // namespace gonogo::checks
