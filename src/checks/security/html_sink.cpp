// Probe sec.html_sink: are HTML sinks fed with non-constant, unsanitized data?
// dangerouslySetInnerHTML, innerHTML/outerHTML, insertAdjacentHTML, document.write,
// jQuery .html(), template.HTML, text/template for HTML, Markup/mark_safe, |safe,
// autoescape off, v-html / {@html} / <%- / {{{ }}}, and HTML responses built from request data.
#include <algorithm>
#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

bool sanitizer_name(std::string_view callee) {
    const std::string l = str::lower(callee);
    for (std::string_view w : {"sanitiz", "purif", "escape", "xss", "bleach.clean", "nh3.clean", "encode"})
        if (str::contains(l, w)) return true;
    return false;
}

// A value that is safe to put in an HTML sink: a literal, a constant, a sanitizer's result.
bool safe_value(const File& f, TSNode scope, TSNode v, int depth = 0) {
    v = unwrap(v);
    if (ts_node_is_null(v) || depth > 3) return false;
    if (is_literal(v)) return true;
    const std::string_view t = sx::type(v);
    if (t == "call_expression" || t == "call") {
        std::string callee(sx::text(f, child(v, "function")));
        if (sanitizer_name(callee)) return true;
        // A translation of a constant (_("..."), gettext_lazy("...")): the catalogue is the developers' text.
        static constexpr std::string_view k_gettext[] = {"_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy",
                                                         "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"};
        const auto dot = callee.rfind('.');
        const std::string_view last = dot == std::string::npos ? std::string_view(callee) : std::string_view(callee).substr(dot + 1);
        if (std::find(std::begin(k_gettext), std::end(k_gettext), last) != std::end(k_gettext)) {
            auto args = named_children(child(v, "arguments"));
            return !args.empty() && std::all_of(args.begin(), args.end(), [&](TSNode a) {
                return is(a, "keyword_argument") || safe_value(f, scope, a, depth + 1);
            });
        }
        return false;
    }
    if (t == "template_string" || t == "string" || t == "binary_expression" || t == "binary_operator") {
        if (interpolates_only_constants(f, v)) return true;
        // Every substitution escaped/sanitized?
        bool ok = true;
        sx::walk(v, [&](TSNode n) {
            if (!ok) return false;
            const std::string_view nt = sx::type(n);
            if (nt == "template_substitution" || nt == "interpolation") {
                TSNode e = unwrap(ts_node_named_child(n, 0));
                if (!safe_value(f, scope, e, depth + 1)) ok = false;
                return false;
            }
            if ((t == "binary_expression" || t == "binary_operator") && !ts_node_eq(n, v) &&
                nt != "binary_expression" && nt != "binary_operator" && nt != "parenthesized_expression") {
                if (!safe_value(f, scope, n, depth + 1)) ok = false;
                return false;
            }
            return true;
        });
        return ok;
    }
    if (t == "ternary_expression" || t == "conditional_expression") {
        auto parts = named_children(v);
        for (std::size_t i = (t == "ternary_expression" ? 1 : 0); i < parts.size(); i += (t == "ternary_expression" ? 1 : 2))
            if (!safe_value(f, scope, parts[i], depth + 1)) return false;
        return true;
    }
    if (t == "identifier") {
        const std::string name(sx::text(f, v));
        if (is_constant_name(f, name)) return true;
        auto assigns = assignments_to(f, scope, name);
        if (assigns.empty()) return false;
        for (const auto& a : assigns)
            if (!safe_value(f, scope, a.value, depth + 1)) return false;
        return true;
    }
    return false;
}

// Does the expression carry request data (req.query/body/params, request.args, r.URL.Query(), c.Query...)?
bool request_data(const File& f, TSNode scope, TSNode v, int depth = 0) {
    if (ts_node_is_null(v) || depth > 3) return false;
    bool found = false;
    sx::walk(v, [&](TSNode n) {
        if (found) return false;
        const std::string_view t = sx::type(n);
        if (t == "member_expression" || t == "attribute" || t == "selector_expression" || t == "call_expression" ||
            t == "call" || t == "subscript" || t == "subscript_expression") {
            const std::string_view s = sx::text(f, n);
            for (std::string_view p : {"req.query", "req.params", "req.body", "req.headers", "request.query",
                                       "request.params", "request.body", "ctx.query", "ctx.params", "ctx.request",
                                       "searchParams", "request.args", "request.form", "request.GET", "request.POST",
                                       "request.values", "request.query_params", "r.URL.Query", "r.FormValue",
                                       "r.PostFormValue", "r.Form", "c.Query", "c.Param", "c.PostForm", "c.QueryParam",
                                       "c.FormValue"})
                if (str::starts_with(s, p)) {
                    found = true;
                    return false;
                }
        }
        if (t == "identifier" && depth < 3) {
            const std::string name(sx::text(f, n));
            for (const auto& a : assignments_to(f, scope, name))
                if (request_data(f, scope, a.value, depth + 1)) {
                    found = true;
                    return false;
                }
            // const { name } = req.query
            sx::walk(scope, [&](TSNode d) {
                if (found) return false;
                if (is(d, "variable_declarator") && is(child(d, "name"), "object_pattern")) {
                    bool binds = false;
                    sx::walk(child(d, "name"), [&](TSNode p) {
                        if ((is(p, "shorthand_property_identifier_pattern") || is(p, "identifier")) && sx::text(f, p) == name)
                            binds = true;
                        return !binds;
                    });
                    if (binds && request_data(f, scope, child(d, "value"), depth + 1)) found = true;
                }
                return !found;
            });
        }
        return !found;
    });
    return found;
}

bool html_text(std::string_view literal_text) {
    for (std::size_t i = 0; i + 1 < literal_text.size(); ++i)
        if (literal_text[i] == '<' && (std::isalpha(static_cast<unsigned char>(literal_text[i + 1])) || literal_text[i + 1] == '/'))
            return true;
    return false;
}

struct Findings {
    std::vector<Evidence> own;
    bool frontend = false;
    std::vector<std::string> defaults;  // escaping defaults seen (for a pass message)
    void add_default(std::string d) {
        if (std::find(defaults.begin(), defaults.end(), d) == defaults.end()) defaults.push_back(std::move(d));
    }
};

void scan_js(const File& f, Findings& out) {
    TSNode root = sx::root(f);
    if (f.lang == collect::Language::tsx || str::ends_with(f.path, ".jsx")) {
        out.frontend = true;
        out.add_default("React escapes JSX text");
    }
    const std::string_view text = f.text;
    if (text.find("dangerouslySetInnerHTML") != std::string_view::npos) {
        sx::walk(root, [&](TSNode n) {
            if (!is(n, "jsx_attribute")) return true;
            TSNode nm = ts_node_named_child(n, 0);
            if (sx::text(f, nm) != "dangerouslySetInnerHTML") return false;
            TSNode expr = ts_node_named_child(n, 1);
            TSNode obj = is(expr, "jsx_expression") ? ts_node_named_child(expr, 0) : TSNode{};
            TSNode scope = scope_of(f, n);
            TSNode html = object_value(f, obj, "__html");
            if (ts_node_is_null(html) && is(obj, "identifier")) {
                // dangerouslySetInnerHTML={markup} where markup = { __html: ... }
                for (const auto& a : assignments_to(f, scope, sx::text(f, obj))) html = object_value(f, a.value, "__html");
            }
            // JSON-LD: <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data) }} />
            TSNode element = ts_node_parent(n);
            const bool script = sx::text(f, child(element, "name")) == "script";
            TSNode hv = unwrap(html);
            const bool json_ld = script && (is(hv, "call_expression") && sx::text(f, child(hv, "function")) == "JSON.stringify");
            if (json_ld || (!ts_node_is_null(html) && safe_value(f, scope, html))) return false;
            out.own.push_back(node_evidence(f, n, "dangerouslySetInnerHTML with a non-constant, unsanitized value"));
            return false;
        });
    }
    for (std::string_view needle : {"innerHTML", "outerHTML"}) {
        if (text.find(needle) == std::string_view::npos) continue;
        sx::walk(root, [&](TSNode n) {
            if (!is(n, "assignment_expression") && !is(n, "augmented_assignment_expression")) return true;
            TSNode left = child(n, "left");
            if (!is(left, "member_expression") || sx::text(f, child(left, "property")) != needle) return true;
            if (safe_value(f, scope_of(f, n), child(n, "right"))) return true;
            out.own.push_back(node_evidence(f, n, fmt::format("{} assigned a non-constant, unsanitized value", needle)));
            return true;
        });
    }
    const bool maybe_calls = text.find("insertAdjacentHTML") != std::string_view::npos ||
                             text.find("document.write") != std::string_view::npos ||
                             text.find(".html(") != std::string_view::npos ||
                             text.find("bypassSecurityTrust") != std::string_view::npos ||
                             text.find("send") != std::string_view::npos || text.find("write") != std::string_view::npos;
    if (!maybe_calls) return;
    for (const auto& c : sx::calls(f, root)) {
        auto args = positional_args(c);
        auto scope = [&] { return scope_of(f, c.node); };  // a parent walk: only for the calls below
        if (c.name == "insertAdjacentHTML" && args.size() >= 2) {
            if (!safe_value(f, scope(), args[1]))
                out.own.push_back(node_evidence(f, c.node, "insertAdjacentHTML with a non-constant, unsanitized value"));
        } else if ((c.callee == "document.write" || c.callee == "document.writeln") && !args.empty()) {
            if (!safe_value(f, scope(), args[0]))
                out.own.push_back(node_evidence(f, c.node, "document.write with a non-constant value"));
        } else if (c.name == "html" && (str::starts_with(c.callee, "$(") || str::starts_with(c.callee, "jQuery(")) &&
                   !args.empty()) {
            if (!safe_value(f, scope(), args[0]))
                out.own.push_back(node_evidence(f, c.node, "jQuery .html() with a non-constant, unsanitized value"));
        } else if (str::starts_with(c.name, "bypassSecurityTrust") && !args.empty()) {
            if (!safe_value(f, scope(), args[0]))
                out.own.push_back(node_evidence(f, c.node, "Angular bypassSecurityTrust* on a non-constant value"));
        } else if ((c.name == "send" || c.name == "write" || c.name == "end") && !args.empty() &&
                   (str::starts_with(c.callee, "res.") || str::starts_with(c.callee, "response.") ||
                    str::starts_with(c.callee, "reply.") || str::starts_with(c.callee, "ctx.res."))) {
            TSNode a = unwrap(args[0]);
            if (sx::is_interpolated_string(f, a) && html_text(literal_parts(f, a)) && !safe_value(f, scope(), a) &&
                request_data(f, scope(), a))
                out.own.push_back(node_evidence(f, c.node, "HTML response interpolates request data without escaping"));
        }
    }
}

void scan_py(const File& f, Findings& out) {
    const std::string_view text = f.text;
    if (text.find("Markup") == std::string_view::npos && text.find("mark_safe") == std::string_view::npos &&
        text.find("SafeString") == std::string_view::npos && text.find("autoescape") == std::string_view::npos &&
        text.find("request") == std::string_view::npos)
        return;
    TSNode root = sx::root(f);
    for (const auto& c : sx::calls(f, root)) {
        const bool marks_safe = c.name == "Markup" || c.name == "mark_safe" || c.name == "SafeString";
        const bool responds = c.name == "HttpResponse" || c.name == "make_response" || c.name == "Response" ||
                              c.name == "HTMLResponse";
        if (!marks_safe && !responds && c.name != "Environment" && c.name != "Jinja2Templates") continue;
        // Only the calls named above pay for their arguments and enclosing scope (a parent walk).
        auto args = positional_args(c);
        TSNode scope = marks_safe || responds ? scope_of(f, c.node) : TSNode{};
        if (marks_safe && !args.empty()) {
            if (!safe_value(f, scope, args[0]))
                out.own.push_back(node_evidence(f, c.node, fmt::format("{}() on a non-constant value: it will not be escaped", c.name)));
        } else if (c.name == "Environment" || c.name == "Jinja2Templates") {
            TSNode ae = kwarg(f, c, "autoescape");
            if (!ts_node_is_null(ae) && is_false(f, ae))
                out.own.push_back(node_evidence(f, c.node, "Jinja Environment with autoescape=False"));
        } else if (responds && !args.empty()) {
            TSNode a = unwrap(args[0]);
            if (sx::is_interpolated_string(f, a) && html_text(literal_parts(f, a)) && !safe_value(f, scope, a) &&
                request_data(f, scope, a))
                out.own.push_back(node_evidence(f, c.node, "HTML response interpolates request data without escaping"));
        }
    }
    // Flask: return f"<h1>{request.args['x']}</h1>"
    if (text.find("return f") != std::string_view::npos || text.find("return \"") != std::string_view::npos) {
        sx::walk(root, [&](TSNode n) {
            if (!is(n, "return_statement")) return true;
            TSNode v = unwrap(ts_node_named_child(n, 0));
            if (sx::is_interpolated_string(f, v) && html_text(literal_parts(f, v)) && !safe_value(f, scope_of(f, n), v) &&
                request_data(f, scope_of(f, n), v))
                out.own.push_back(node_evidence(f, n, "HTML response interpolates request data without escaping"));
            return false;
        });
    }
}

void scan_go(const File& f, Findings& out) {
    const auto imps = sx::imports(f);
    const bool html_tpl = std::find(imps.begin(), imps.end(), "html/template") != imps.end();
    const bool text_tpl = std::find(imps.begin(), imps.end(), "text/template") != imps.end();
    if (html_tpl) {
        out.frontend = true;
        out.add_default("html/template escapes by context");
    }
    TSNode root = sx::root(f);
    for (const auto& c : sx::calls(f, root)) {
        auto args = positional_args(c);
        TSNode scope = scope_of(f, c.node);
        if (html_tpl && (c.callee == "template.HTML" || c.callee == "template.JS" || c.callee == "template.HTMLAttr") &&
            !args.empty()) {
            if (!safe_value(f, scope, args[0]))
                out.own.push_back(node_evidence(f, c.node, fmt::format("{}() marks a non-constant value as safe HTML", c.callee)));
        } else if (text_tpl && !html_tpl) {
            bool html = false;
            if ((c.name == "ParseFiles" || c.name == "ParseGlob") && !args.empty()) {
                for (TSNode a : args) {
                    const std::string v = str::lower(sx::string_value(f, a));
                    if (str::contains(v, ".html") || str::contains(v, ".gohtml") || str::contains(v, ".tmpl")) html = true;
                }
            } else if (c.name == "Parse" && !args.empty()) {
                html = html_text(sx::string_value(f, args[0]));
            } else if ((c.name == "Execute" || c.name == "ExecuteTemplate") && !args.empty()) {
                // Execute(w, ...) into an http.ResponseWriter: HTML served without contextual escaping.
                const std::string w(sx::text(f, args[0]));
                TSNode fn = sx::enclosing_function(c.node);
                const std::string_view sig = sx::text(f, child(fn, "parameters"));
                html = !w.empty() && str::contains(sig, w + " http.ResponseWriter");
            }
            if (html) {
                out.frontend = true;
                out.own.push_back(node_evidence(f, c.node, "text/template renders HTML without escaping; use html/template"));
            }
        } else if ((c.callee == "fmt.Fprintf" || c.callee == "io.WriteString") && args.size() >= 2) {
            TSNode fmtarg = args[1];
            if (html_text(literal_parts(f, fmtarg)) || html_text(sx::string_value(f, fmtarg))) {
                bool req = false;
                for (std::size_t i = 1; i < args.size(); ++i) req = req || request_data(f, scope, args[i]);
                if (req) out.own.push_back(node_evidence(f, c.node, "HTML response interpolates request data without escaping"));
            }
        }
    }
}

// {{ expr|safe }} and {% autoescape off %} in Django/Jinja templates.
void scan_template(const File& f, Findings& out) {
    const std::string_view text = f.text;
    out.frontend = true;
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        const std::size_t end = text.find("}}", pos + 2);
        if (end == std::string_view::npos) break;
        std::string_view inner = text.substr(pos + 2, end - pos - 2);
        auto parts = str::split(inner, '|');
        bool safe_filter = false;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            auto flt = str::trim(parts[i]);
            if (flt == "safe" || str::starts_with(flt, "safe ")) safe_filter = true;
        }
        const auto expr = str::trim(parts.empty() ? inner : parts[0]);
        const bool literal = !expr.empty() && (expr.front() == '"' || expr.front() == '\'');
        const bool sanitized = str::icontains(inner, "sanitize") || str::icontains(inner, "bleach") ||
                               str::icontains(inner, "escape");
        if (safe_filter && !literal && !sanitized)
            out.own.push_back(f.evidence_at(pos, "|safe turns off escaping for a non-constant value"));
        pos = end + 2;
    }
    for (std::string_view tag : {"{% autoescape off", "{% autoescape false", "{%autoescape off", "{%- autoescape false"}) {
        auto at = text.find(tag);
        if (at != std::string_view::npos) out.own.push_back(f.evidence_at(at, "autoescape turned off in the template"));
    }
    pos = 0;
    while ((pos = text.find("v-html", pos)) != std::string_view::npos) {
        auto q = text.find('"', pos);
        auto q2 = q == std::string_view::npos ? q : text.find('"', q + 1);
        if (q != std::string_view::npos && q2 != std::string_view::npos && q - pos < 4) {
            auto expr = str::trim(text.substr(q + 1, q2 - q - 1));
            if (!expr.empty() && expr.front() != '\'' && !str::icontains(expr, "sanitiz") && !str::icontains(expr, "purif"))
                out.own.push_back(f.evidence_at(pos, "v-html with a non-constant, unsanitized value"));
        }
        pos += 6;
    }
}

// A template construct in a file gonogo keeps no text or tree for (.vue, .svelte, .ejs, .hbs):
// decided from the matched line.
bool raw_template_finding(std::string_view line, std::string_view match) {
    std::string_view rest = line.substr(std::min(line.find(match), line.size()));
    std::string expr;
    if (str::starts_with(match, "v-html")) {
        auto q = rest.find_first_of("\"'");
        if (q == std::string_view::npos) return true;
        const char quote = rest[q];
        auto q2 = rest.find(quote, q + 1);
        expr = std::string(str::trim(rest.substr(q + 1, q2 == std::string_view::npos ? std::string_view::npos : q2 - q - 1)));
        if (!expr.empty() && (expr.front() == '\'' || expr.front() == '`')) return false;
    } else {
        std::string_view close = str::starts_with(match, "{{{") ? "}}}" : (str::starts_with(match, "<%-") ? "%>" : "}");
        auto e = rest.find(close, match.size());
        expr = std::string(str::trim(rest.substr(match.size(), e == std::string_view::npos ? std::string_view::npos : e - match.size())));
        if (str::starts_with(expr, "@html")) expr = std::string(str::trim(std::string_view(expr).substr(5)));
        // Layout slots and partials carry rendered templates, not user data.
        if (expr == "body" || str::starts_with(expr, "include") || str::starts_with(expr, "partial") ||
            str::starts_with(expr, "> ") || str::starts_with(expr, "block"))
            return false;
    }
    const std::string l = str::lower(expr);
    return !(str::contains(l, "sanitiz") || str::contains(l, "purif") || str::contains(l, "escape"));
}

}  // namespace

namespace {

Outcome decide_html_sink(const ProbeContext& ctx) {
    Findings fs;
    for (const auto* f : code_files(ctx)) {
        if (is_js(*f)) scan_js(*f, fs);
        else if (is_py(*f)) scan_py(*f, fs);
        else if (is_go(*f)) scan_go(*f, fs);
    }
    for (const auto* f : own_files(ctx, {collect::Language::html})) scan_template(*f, fs);
    Outcome out;
    for (const auto* h : ctx.hits("sec.html-raw-template")) {
        const File& hf = ctx.model.file_at(h->file);
        if (hf.tree || hf.lang == collect::Language::html) continue;  // decided from the tree / template above
        if (!hf.is_own()) {
            if (raw_template_finding(h->line_text, h->match))
                out.other_evidence.push_back(ctx.evidence(*h, "unescaped template output in test/vendored code"));
            continue;
        }
        fs.frontend = true;
        if (raw_template_finding(h->line_text, h->match))
            fs.own.push_back(ctx.evidence(*h, "unescaped template output of a non-constant value"));
    }
    const auto& svc = ctx.svc();
    for (auto fw : {"nextjs", "django", "flask"})
        if (svc.frameworks.count(fw)) fs.frontend = true;
    if (svc.frameworks.count("nextjs")) fs.add_default("React escapes JSX text");
    if (svc.frameworks.count("django")) fs.add_default("Django templates autoescape");
    if (svc.frameworks.count("flask")) fs.add_default("Flask enables Jinja autoescape for .html templates");
    if (depends_on_any(ctx, {"react", "react-dom", "vue", "svelte", "@angular/core", "ejs", "pug", "handlebars",
                             "express-handlebars", "hbs", "nunjucks", "jinja2", "mako"}))
        fs.frontend = true;
    if (!fs.own.empty()) {
        out.status = Status::fail;
        out.message = fmt::format(
            "{} HTML sink(s) receive non-constant data that is not sanitized (first: {}:{}); render it as text or "
            "sanitize it (DOMPurify, sanitize-html, bleach, bluemonday) first.",
            fs.own.size(), fs.own.front().path, fs.own.front().line);
        out.evidence = std::move(fs.own);
        return out;
    }
    if (!fs.frontend) {
        out.status = Status::na;
        out.message = has_code(ctx) ? "No frontend or server-side HTML templating found: no HTML sinks to check."
                                    : "No application code to examine.";
        return out;
    }
    out.status = Status::pass;
    out.relied_on_default = !fs.defaults.empty();
    out.message = "No unsanitized HTML sinks (dangerouslySetInnerHTML, innerHTML, v-html, |safe, Markup, template.HTML, "
                  "HTML responses built from request data) were found";
    if (!fs.defaults.empty()) out.message += fmt::format("; output relies on the framework's escaping ({})", str::join(fs.defaults, ", "));
    out.message += ".";
    return out;
}

}  // namespace

Outcome probe_sec_html_sink(const ProbeContext& ctx) {
    Outcome o = decide_html_sink(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
