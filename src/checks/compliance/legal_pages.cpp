// Probe comp.legal_pages (COMP-04): does the service's UI have a privacy
// policy and terms page (or links to hosted ones), and are they linked from
// a page, layout or footer (an href / Link to them)?
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "checks/compliance/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;

enum Kind { privacy = 0, terms = 1 };

std::optional<Kind> kind_of_slug(std::string_view s) {
    auto l = str::lower(s);
    if (str::contains(l, "privacy") || str::contains(l, "datenschutz") || str::contains(l, "gdpr")) return privacy;
    if (str::contains(l, "terms") || l == "tos" || str::contains(l, "conditions") || str::contains(l, "agb")) return terms;
    return std::nullopt;
}

// A page file for privacy/terms: app/<slug>/page.*, pages/<slug>.*, pages/<slug>/index.*, templates/**/<slug>*.html,
// public/<slug>*.html, static html.
std::optional<Kind> page_kind(std::string_view path) {
    auto segs = str::split(path, '/');
    if (segs.empty()) return std::nullopt;
    auto base = str::lower(segs.back());
    auto dot = base.find('.');
    auto stem = dot == std::string::npos ? base : base.substr(0, dot);
    auto ext = dot == std::string::npos ? std::string() : base.substr(base.rfind('.'));
    bool page_ext = ext == ".tsx" || ext == ".jsx" || ext == ".js" || ext == ".ts" || ext == ".mdx" || ext == ".md" ||
                    ext == ".html" || ext == ".htm" || ext == ".vue" || ext == ".svelte" || ext == ".astro" || ext == ".jinja" ||
                    ext == ".j2";
    if (!page_ext) return std::nullopt;
    if ((stem == "page" || stem == "index" || stem == "+page") && segs.size() >= 2) return kind_of_slug(segs[segs.size() - 2]);
    bool in_pages = false;
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        auto s = str::lower(segs[i]);
        if (s == "pages" || s == "templates" || s == "public" || s == "static" || s == "views" || s == "routes" || s == "legal")
            in_pages = true;
    }
    if (in_pages || ext == ".html") return kind_of_slug(stem);
    return std::nullopt;
}

const std::regex& href_re() {
    // href="/privacy", href={'/terms'}, href: "/legal/privacy", to="/privacy", url_for('privacy'), {% url 'privacy' %}
    static const std::regex re(
        R"re((\bhref|\bto)\s*[=:]\s*\{?\s*["'`]([^"'`\s]*(privacy|terms|tos\b|legal|datenschutz|agb)[^"'`\s]*)["'`]|url_for\(\s*["']([\w.]*(privacy|terms)[\w.]*)["']|\{%\s*url\s+["']([\w:.-]*(privacy|terms)[\w:.-]*)["'])re",
        std::regex::icase);
    return re;
}

bool ui_file(const File& f) {
    return f.lang == Language::tsx || f.lang == Language::html || f.lang == Language::javascript ||
           f.lang == Language::typescript || f.lang == Language::markdown || str::ends_with(f.path, ".vue") ||
           str::ends_with(f.path, ".svelte") || str::ends_with(f.path, ".jinja") || str::ends_with(f.path, ".j2");
}

}  // namespace

Outcome probe_comp_legal_pages(const ProbeContext& ctx) {
    const auto& svc = ctx.svc();
    std::string prefix = svc.root.empty() ? std::string() : svc.root + "/";
    bool has_ui = svc.frameworks.count("nextjs") > 0;
    std::optional<Evidence> page[2];
    std::optional<Evidence> link[2];
    std::optional<Evidence> layout;
    for (const auto& p : ctx.model.all_paths) {
        if (!prefix.empty() && !str::starts_with(p, prefix)) continue;
        auto rel = std::string_view(p).substr(prefix.size());
        if (data::not_own_path(rel)) continue;
        auto l = str::lower(rel);
        if (str::ends_with(l, ".html") || str::ends_with(l, ".tsx") || str::ends_with(l, ".jsx") || str::ends_with(l, ".vue") ||
            str::ends_with(l, ".svelte") || str::contains(l, "templates/"))
            has_ui = true;
        if (auto k = page_kind(rel); k && !page[*k]) page[*k] = data::path_evidence(ctx, p, "legal page");
        auto base = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
        if (!layout && (str::starts_with(base, "layout.") || str::starts_with(base, "_app.") || str::starts_with(base, "base.html") ||
                        str::contains(str::lower(base), "footer")))
            layout = data::path_evidence(ctx, p, "shared layout");
    }
    // Routes declared in code (/privacy, /terms).
    for (const auto* r : routes(ctx)) {
        auto k = kind_of_slug(r->path);
        if (k && !page[*k] && r->path.size() < 40) page[*k] = route_evidence(ctx, *r, "legal route");
    }
    // Links.
    for (const File* f : ctx.files()) {
        if (!f->kept || !ui_file(*f) || !f->is_own() || data::not_own_path(f->path)) continue;
        if (f->lang == Language::markdown) continue;  // README links are not part of the UI
        const std::string& s = f->text;
        for (std::sregex_iterator it(s.begin(), s.end(), href_re()), end; it != end; ++it) {
            std::string target = (*it)[2].matched ? (*it)[2].str() : (*it)[4].matched ? (*it)[4].str() : (*it)[6].str();
            auto k = kind_of_slug(target);
            if (!k) {
                auto lt = str::lower(target);
                if (str::contains(lt, "legal")) k = privacy;  // a combined legal page
                else continue;
            }
            // A link on the page itself does not make it reachable.
            if (auto pk = page_kind(f->path); pk && *pk == *k) continue;
            if (!link[*k]) link[*k] = f->evidence_at(static_cast<std::size_t>(it->position(0)), "link to the page");
            if (!page[*k] && (str::starts_with(target, "http://") || str::starts_with(target, "https://")))
                page[*k] = f->evidence_at(static_cast<std::size_t>(it->position(0)), "hosted legal page");
        }
    }
    if (!has_ui && !page[0] && !page[1]) return na("No end-user interface (pages, templates or HTML) found: an API-only service.");

    Outcome out;
    std::vector<std::string> missing, unlinked;
    const char* names[2] = {"privacy policy", "terms of service"};
    for (int k = 0; k < 2; ++k) {
        if (!page[k]) missing.push_back(names[k]);
        else if (!link[k]) unlinked.push_back(names[k]);
    }
    if (missing.empty() && unlinked.empty()) {
        out.status = Status::pass;
        out.message = "Privacy policy and terms pages exist and are linked from the UI.";
        out.evidence = {*page[0], *page[1], *link[0], *link[1]};
        return out;
    }
    out.status = Status::fail;
    std::vector<std::string> parts;
    if (!missing.empty()) parts.push_back(fmt::format("no {} page or link found", str::join(missing, " or ")));
    if (!unlinked.empty()) parts.push_back(fmt::format("the {} page is not linked from any page, layout or footer", str::join(unlinked, " and ")));
    out.message = fmt::format("Legal pages: {}.", str::join(parts, "; "));
    for (int k = 0; k < 2; ++k) {
        if (page[k]) out.evidence.push_back(*page[k]);
        if (link[k]) out.evidence.push_back(*link[k]);
    }
    if (layout) out.evidence.push_back(*layout);
    if (out.evidence.empty()) {
        for (const auto* r : routes(ctx)) {
            out.evidence.push_back(route_evidence(ctx, *r, "the UI has no legal pages"));
            break;
        }
    }
    if (out.evidence.empty())
        for (const File* f : ctx.files())
            if (f->kept && f->is_own() && ui_file(*f) && f->lang != Language::markdown) {
                out.evidence.push_back(f->evidence_line(1, "the UI has no legal pages"));
                break;
            }
    return out;
}

}  // namespace gonogo::checks
