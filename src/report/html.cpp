// HTML renderer: one self-contained page (inline CSS and script, no network:
// a Content-Security-Policy forbids every fetch). The verdict and the
// traffic-light scorecard come first, then a bar chart of the category scores
// (inline SVG), then every control in a table that can be filtered by
// category, severity, status and text, each with its evidence and the fix for
// the detected stack; waivers, attestations, baseline and what could not be
// read follow. Filters also read the URL fragment (#status=fail&severity=blocker)
// so a link can point at a view. Without script the page shows everything.
#include <fmt/format.h>

#include "core/catalog.hpp"
#include "report/report.hpp"
#include "util/strings.hpp"

namespace gonogo::report {
namespace {

std::string esc(std::string_view s) { return str::markup_escape(s); }

std::string_view light_class(Light l) { return l == Light::green ? "green" : l == Light::amber ? "amber" : "red"; }
std::string_view light_word(Light l) { return l == Light::green ? "Green" : l == Light::amber ? "Amber" : "Red"; }

std::string_view decision_class(Decision d) {
    return d == Decision::go ? "go" : d == Decision::no_go ? "nogo" : "cond";
}

std::string where(const Evidence& e) {
    std::string s = e.path;
    if (e.line) s += fmt::format(":{}", e.line);
    if (e.column) s += fmt::format(":{}", e.column);
    return s;
}

std::string evidence_list(const std::vector<Evidence>& ev, std::string_view cls) {
    if (ev.empty()) return "";
    std::string out = fmt::format("<ul class=\"ev {}\">", cls);
    for (const auto& e : ev) {
        out += "<li><code>" + esc(where(e)) + "</code>";
        if (!e.service.empty()) out += " <span class=\"svc\">" + esc(e.service) + "</span>";
        if (e.baseline == "new") out += " <span class=\"new\">new</span>";
        if (!e.snippet.empty()) out += "<pre>" + esc(e.snippet) + "</pre>";
        if (!e.note.empty()) out += "<div class=\"note\">" + esc(e.note) + "</div>";
        out += "</li>";
    }
    return out + "</ul>";
}

// Horizontal bars, one per category, coloured by light; the score is written beside each bar.
std::string chart(const std::vector<CategoryScore>& cats) {
    const int row = 26, label = 190, width = 360;
    int h = static_cast<int>(cats.size()) * row + 8;
    std::string out = fmt::format(
        "<svg class=\"chart\" role=\"img\" aria-label=\"Category scores\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">",
        label + width + 70, h, label + width + 70, h);
    int y = 4;
    for (const auto& c : cats) {
        double frac = c.max ? c.score / c.max : 0;
        out += fmt::format("<text x=\"0\" y=\"{}\" class=\"lbl\">{}</text>", y + 17, esc(c.name));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" class=\"track\"/>", label, y + 3, width);
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" class=\"bar {}\"/>", label, y + 3,
                           frac * width, light_class(c.light));
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"val\">{:.1f}/{}</text>", label + width + 8, y + 17, c.score, c.max);
        y += row;
    }
    return out + "</svg>";
}

constexpr const char* k_style = R"(
:root{--green:#1a7f37;--amber:#b58100;--red:#cf222e;--grey:#6e7781;--bg:#fff;--fg:#1f2328;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta{color:var(--grey)}.verdict{display:flex;gap:16px;align-items:flex-start;margin:16px 0;padding:16px;border-radius:8px;background:var(--soft);border:1px solid var(--line)}
.badge{font-weight:700;font-size:20px;padding:8px 14px;border-radius:6px;color:#fff;white-space:nowrap}
.badge.go{background:var(--green)}.badge.cond{background:var(--amber)}.badge.nogo{background:var(--red)}
.verdict ul{margin:0;padding-left:18px}.grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}#controls td:first-child{white-space:nowrap}.score table{width:auto}
.dot{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:-1px}
.dot.green,.bar.green{background:var(--green);fill:var(--green)}.dot.amber,.bar.amber{background:var(--amber);fill:var(--amber)}.dot.red,.bar.red{background:var(--red);fill:var(--red)}
.chart .track{fill:var(--soft);stroke:var(--line)}.chart text{font-size:13px;fill:var(--fg)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0 12px;padding:10px;background:var(--soft);border-radius:6px}
.filters[hidden]{display:none}.filters label{display:flex;gap:6px;align-items:center}.filters select,.filters input{font:inherit;padding:3px 6px}
.st{font-weight:600;white-space:nowrap}.st.fail{color:var(--red)}.st.pass,.st.attested{color:var(--green)}.st.waived{color:#8250df}
.st.unknown,.st.unverified,.st.error{color:var(--amber)}.st.na{color:var(--grey)}
.sev{white-space:nowrap}.sev.blocker{font-weight:700}
.ev{margin:6px 0 0;padding-left:18px}.ev pre,.fix pre{margin:2px 0;padding:4px 6px;background:var(--soft);border-radius:4px;white-space:pre-wrap;word-break:break-word}
.ev.waived li{opacity:.75}.ev.other li{color:var(--grey)}.note{color:var(--grey)}.svc{font-size:12px;background:#ddf4ff;border-radius:4px;padding:0 4px}
.new{font-size:12px;background:#ffebe9;color:var(--red);border-radius:4px;padding:0 4px;font-weight:600}
details summary{cursor:pointer;color:#0969da}.count{color:var(--grey)}tr[hidden]{display:none}
footer{margin-top:32px;color:var(--grey);font-size:12px}
)";

// Filters rows by the selects and the text box, mirrors them in the URL fragment, and marks the
// page ready (tests read data-ready); any script error is recorded in data-error.
constexpr const char* k_script = R"(
(function(){
  window.addEventListener('error', function(e){ document.body.setAttribute('data-error', String(e.message)); });
  var keys = ['category','severity','status'];
  var rows = Array.prototype.slice.call(document.querySelectorAll('#controls tbody tr'));
  var q = document.getElementById('f-text');
  function sel(k){ return document.getElementById('f-' + k); }
  function apply(){
    var shown = 0, text = q.value.trim().toLowerCase();
    rows.forEach(function(r){
      var ok = keys.every(function(k){ var v = sel(k).value; return !v || r.getAttribute('data-' + k) === v; });
      if (ok && text) ok = r.textContent.toLowerCase().indexOf(text) >= 0;
      r.hidden = !ok; if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' controls shown';
    var parts = [];
    keys.forEach(function(k){ if (sel(k).value) parts.push(k + '=' + encodeURIComponent(sel(k).value)); });
    if (text) parts.push('q=' + encodeURIComponent(text));
    var h = parts.join('&');
    if (('#' + h) !== location.hash && !(h === '' && location.hash === ''))
      try { history.replaceState(null, '', h ? '#' + h : location.pathname); } catch (err) { /* opaque origins may refuse */ }
  }
  function fromHash(){
    location.hash.replace(/^#/, '').split('&').forEach(function(p){
      var kv = p.split('='); if (kv.length !== 2) return;
      var k = kv[0], v = decodeURIComponent(kv[1]);
      if (k === 'q') q.value = v; else if (keys.indexOf(k) >= 0) sel(k).value = v;
    });
  }
  keys.forEach(function(k){ sel(k).addEventListener('change', apply); });
  q.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function(){ keys.forEach(function(k){ sel(k).value = ''; }); q.value = ''; apply(); });
  fromHash(); apply();
  document.getElementById('filters').hidden = false;
  document.body.setAttribute('data-ready', '1');
})();
)";

std::string options(const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out = "<option value=\"\">all</option>";
    for (const auto& [v, label] : values) out += fmt::format("<option value=\"{}\">{}</option>", esc(v), esc(label));
    return out;
}

}  // namespace

std::string to_html(const AuditResult& r) {
    std::string o;
    o.reserve(256 * 1024);
    o += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
    o += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">";
    o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    o += fmt::format("<title>{} — production readiness: {}</title>", esc(r.project), to_display(r.verdict.decision));
    o += "<style>" + std::string(k_style) + "</style></head><body><main>";

    o += fmt::format("<h1>Production readiness: {}</h1>", esc(r.project));
    o += fmt::format("<div class=\"meta\">{} · {} · {} · gonogo {}{}</div>", esc(r.generated_at.substr(0, 10)),
                     r.tier == Tier::hobby ? std::string("hobby") : fmt::format("tier {}", to_string(r.tier).substr(4)),
                     esc(r.framework_title.empty() ? r.framework : r.framework_title), esc(r.tool_version),
                     r.target_commit.empty() ? "" : " · commit " + esc(r.target_commit.substr(0, 12)));

    o += fmt::format("<section class=\"verdict\" id=\"verdict\"><div class=\"badge {}\">{}</div><ul>",
                     decision_class(r.verdict.decision), to_display(r.verdict.decision));
    for (const auto& j : r.verdict.justification) o += "<li>" + esc(j) + "</li>";
    o += "</ul></section>";

    std::vector<std::string> stack = r.stack.frameworks;
    stack.insert(stack.end(), r.stack.datastores.begin(), r.stack.datastores.end());
    stack.insert(stack.end(), r.stack.deployment.begin(), r.stack.deployment.end());
    if (!stack.empty()) o += fmt::format("<p><strong>Detected stack:</strong> {}</p>", esc(fmt::format("{}", fmt::join(stack, ", "))));
    if (r.services.size() > 1) {
        o += "<table><thead><tr><th>Service</th><th>Path</th><th>Verdict</th></tr></thead><tbody>";
        for (const auto& s : r.services)
            o += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td><span class=\"badge {}\" style=\"font-size:12px;padding:2px 6px\">{}</span></td></tr>",
                             esc(s.name), esc(s.path.empty() ? "." : s.path), decision_class(s.verdict.decision),
                             to_display(s.verdict.decision));
        o += "</tbody></table>";
    }

    o += "<h2>Scorecard</h2><div class=\"grid\"><div class=\"score\"><table id=\"scorecard\"><thead><tr><th>Category</th><th>Light</th>"
         "<th>Score</th><th>Blockers</th><th>Warnings</th></tr></thead><tbody>";
    for (const auto& c : r.categories)
        o += fmt::format("<tr data-light=\"{}\"><td>{}</td><td><span class=\"dot {}\"></span>{}</td><td>{:.1f}/{}</td><td>{}</td><td>{}</td></tr>",
                         light_class(c.light), esc(c.name), light_class(c.light), light_word(c.light), c.score, c.max,
                         c.blockers, c.warnings);
    o += fmt::format("<tr><th>Total</th><th></th><th>{:.1f}/{}</th><th></th><th></th></tr></tbody></table></div>", r.total_score,
                     r.total_max);
    o += "<div>" + chart(r.categories) + "</div></div>";

    // Controls, filterable.
    std::vector<std::pair<std::string, std::string>> cats;
    for (const auto& c : r.controls) {
        bool seen = false;
        for (const auto& [v, l] : cats) seen = seen || v == c.category;
        if (!seen) cats.emplace_back(c.category, std::string(Catalog::category_name(c.category)));
    }
    o += "<h2>Controls</h2>";
    o += "<div class=\"filters\" id=\"filters\" hidden>";
    o += "<label>Category <select id=\"f-category\">" + options(cats) + "</select></label>";
    o += "<label>Severity <select id=\"f-severity\">" +
         options({{"blocker", "blocker"}, {"warning", "warning"}, {"recommendation", "recommendation"}, {"skip", "skip"}}) +
         "</select></label>";
    o += "<label>Status <select id=\"f-status\">" +
         options({{"fail", "fail"}, {"pass", "pass"}, {"waived", "waived"}, {"attested", "attested"}, {"unknown", "unknown"},
                  {"unverified", "unverified"}, {"error", "error"}, {"na", "n/a"}}) +
         "</select></label>";
    o += "<label>Text <input id=\"f-text\" type=\"search\" placeholder=\"id, title, file…\"></label>";
    o += "<button id=\"f-reset\" type=\"button\">Show all</button> <span class=\"count\" id=\"shown\"></span></div>";
    o += "<table id=\"controls\"><thead><tr><th>ID</th><th>Control</th><th>Severity</th><th>Status</th><th>Finding, evidence and fix</th></tr></thead><tbody>";
    for (const auto& c : r.controls) {
        o += fmt::format("<tr id=\"{}\" data-category=\"{}\" data-severity=\"{}\" data-status=\"{}\">", esc(c.id), esc(c.category),
                         to_string(c.severity), to_string(c.status));
        o += fmt::format("<td><code>{}</code></td><td>{}<div class=\"meta\">{}</div></td>", esc(c.id), esc(c.title),
                         esc(Catalog::category_name(c.category)));
        o += fmt::format("<td class=\"sev {}\">{}</td><td class=\"st {}\">{}</td>", to_string(c.severity), to_string(c.severity),
                         to_string(c.status), to_string(c.status));
        o += "<td>" + esc(c.message);
        if (c.relied_on_default) o += " <em>(relied on a framework default)</em>";
        o += evidence_list(c.evidence, "own");
        if (!c.waived_evidence.empty())
            o += "<div class=\"note\">Waived: " + esc(c.waiver) + "</div>" + evidence_list(c.waived_evidence, "waived");
        if (!c.other_evidence.empty())
            o += fmt::format("<details><summary>{} place(s) in tests, fixtures, examples or vendored code (not counted)</summary>{}</details>",
                             c.other_evidence.size(), evidence_list(c.other_evidence, "other"));
        if ((c.status == Status::fail || c.status == Status::waived) && !c.remediation.empty())
            o += "<details class=\"fix\"><summary>How to fix</summary><pre>" + esc(c.remediation) + "</pre></details>";
        o += "</td></tr>";
    }
    o += "</tbody></table>";

    if (!r.waivers.empty() || !r.attestations.empty()) {
        o += fmt::format("<h2>Waivers and attestations</h2><p class=\"meta\">From <code>{}</code>.</p>",
                         esc(r.config_file.empty() ? ".gonogo.yml" : r.config_file));
        if (!r.waivers.empty()) {
            o += "<table id=\"waivers\"><thead><tr><th>Control</th><th>Paths</th><th>Reason</th><th>Owner</th><th>Expires</th><th>State</th><th>Findings</th></tr></thead><tbody>";
            for (const auto& w : r.waivers)
                o += fmt::format("<tr data-state=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"st {}\">{}</td><td>{}</td></tr>",
                                 esc(w.state), esc(w.id), w.paths.empty() ? "(whole control)" : esc(fmt::format("{}", fmt::join(w.paths, ", "))),
                                 esc(w.reason), esc(w.owner), esc(w.expires), w.state == "applied" ? "waived" : "fail",
                                 esc(w.state == "expired" ? "expired: fails again" : w.state == "unmatched" ? "matched nothing" : w.state),
                                 w.matched);
            o += "</tbody></table>";
        }
        if (!r.attestations.empty()) {
            o += "<table id=\"attestations\"><thead><tr><th>Control</th><th>By</th><th>Date</th><th>Proof</th><th>State</th></tr></thead><tbody>";
            for (const auto& a : r.attestations)
                o += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(a.id), esc(a.by), esc(a.date),
                                 esc(a.link.empty() ? a.note : a.link), esc(a.state));
            o += "</tbody></table>";
        }
    }
    if (!r.baseline_file.empty()) {
        std::size_t fresh = 0, same = 0;
        for (const auto& c : r.controls)
            for (const auto& e : c.evidence) {
                fresh += e.baseline == "new";
                same += e.baseline == "unchanged";
            }
        o += fmt::format("<h2>Against the baseline</h2><p>Compared with <code>{}</code>: {} new, {} unchanged, {} fixed finding(s).</p>",
                         esc(r.baseline_file), fresh, same, r.fixed.size());
        if (!r.fixed.empty()) {
            o += "<ul>";
            for (const auto& f : r.fixed) o += fmt::format("<li>Fixed: <strong>{}</strong> <code>{}</code></li>", esc(f.control), esc(where(f.evidence)));
            o += "</ul>";
        }
    }
    o += "<h2>What gonogo could not read</h2>";
    if (r.diagnostics.empty()) {
        o += "<p>Everything it walked was read.</p>";
    } else {
        o += "<ul id=\"diagnostics\">";
        for (const auto& d : r.diagnostics) o += "<li><code>" + esc(d.path) + "</code>: " + esc(d.message) + "</li>";
        o += "</ul>";
    }
    o += fmt::format("<footer>{} files seen, {} scanned ({} bytes), {} binary and {} over the size cap skipped, {} unreadable, {} ignored. "
                     "Generated by gonogo {} at {}.</footer>",
                     r.stats.files_seen, r.stats.files_scanned, r.stats.bytes_scanned, r.stats.skipped_binary, r.stats.skipped_large,
                     r.stats.skipped_unreadable, r.stats.ignored, esc(r.tool_version), esc(r.generated_at));
    o += "</main><script>" + std::string(k_script) + "</script></body></html>\n";
    return o;
}

}  // namespace gonogo::report
