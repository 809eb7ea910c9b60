// Probe sec.tls_verification: does any code or config turn TLS certificate
// verification off (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0,
// InsecureSkipVerify: true, verify=False / CERT_NONE / unverified contexts,
// curl -k / wget --no-check-certificate)? Scanner hits are judged by structure.
#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;
using collect::FileKind;
using collect::Language;

enum class Judged { finding, none, dev_only };

bool insecure_cli(std::string_view line);

TSNode ancestor(TSNode n, std::initializer_list<std::string_view> types, int max_up = 6) {
    for (int i = 0; i < max_up && !ts_node_is_null(n); ++i, n = ts_node_parent(n))
        for (auto t : types)
            if (sx::type(n) == t) return n;
    return TSNode{};
}

bool zero_value(const File& f, TSNode v) {
    v = unwrap(v);
    if (sx::is_string_literal(v)) return str::trim(sx::string_value(f, v)) == "0";
    return (is(v, "number") || is(v, "integer")) && sx::text(f, v) == "0";
}

// A hit inside a parsed source file: decided from the node around it.
Judged judge_code(const File& f, const collect::Hit& h) {
    TSNode n = sx::node_at(f, h.begin, h.end);
    if (ts_node_is_null(n)) return Judged::none;
    if (!ts_node_is_null(ancestor(n, {"comment"}, 2))) return Judged::none;
    const std::string_view m = h.match;
    if (str::starts_with(m, "curl") || str::starts_with(m, "wget"))  // a shell command inside a string
        return insecure_cli(h.line_text) ? Judged::finding : Judged::none;
    if (is_js(f)) {
        if (str::contains(m, "rejectUnauthorized")) {
            TSNode pair = ancestor(n, {"pair"}, 3);
            if (!ts_node_is_null(pair)) return is_false(f, child(pair, "value")) ? Judged::finding : Judged::none;
            TSNode asg = ancestor(n, {"assignment_expression"}, 3);
            if (!ts_node_is_null(asg)) return is_false(f, child(asg, "right")) ? Judged::finding : Judged::none;
            return Judged::none;
        }
        // NODE_TLS_REJECT_UNAUTHORIZED
        TSNode asg = ancestor(n, {"assignment_expression"}, 5);
        if (!ts_node_is_null(asg) && inside(n, child(asg, "left"))) return zero_value(f, child(asg, "right")) ? Judged::finding : Judged::none;
        TSNode pair = ancestor(n, {"pair"}, 3);
        if (!ts_node_is_null(pair)) return zero_value(f, child(pair, "value")) ? Judged::finding : Judged::none;
        return Judged::none;
    }
    if (is_go(f)) {
        TSNode kv = ancestor(n, {"keyed_element"}, 4);
        if (!ts_node_is_null(kv)) {
            auto kids = named_children(kv);
            TSNode v = kids.size() >= 2 ? kids.back() : TSNode{};
            if (is(v, "literal_element") && ts_node_named_child_count(v) > 0) v = ts_node_named_child(v, 0);
            return is_true(f, v) ? Judged::finding : Judged::none;
        }
        TSNode asg = ancestor(n, {"assignment_statement"}, 4);
        if (!ts_node_is_null(asg)) {
            auto right = named_children(child(asg, "right"));
            return (!right.empty() && is_true(f, right[0])) ? Judged::finding : Judged::none;
        }
        return Judged::none;
    }
    if (is_py(f)) {
        if (str::contains(m, "verify") || str::starts_with(m, "ssl")) {
            TSNode kw = ancestor(n, {"keyword_argument"}, 3);
            if (!ts_node_is_null(kw)) {
                // PyJWT 1.x decode(..., verify=False) is a signature switch (SEC-14), not TLS.
                TSNode call = ancestor(kw, {"call"}, 3);
                const std::string callee = str::lower(sx::text(f, child(call, "function")));
                if (str::contains(callee, "jwt") || str::contains(callee, "decode") || str::contains(callee, "token"))
                    return Judged::none;
                return is_false(f, child(kw, "value")) ? Judged::finding : Judged::none;
            }
            TSNode asg = ancestor(n, {"assignment"}, 3);
            if (!ts_node_is_null(asg) && str::ends_with(sx::text(f, child(asg, "left")), "verify"))
                return is_false(f, child(asg, "right")) ? Judged::finding : Judged::none;
            return Judged::none;
        }
        if (str::contains(m, "check_hostname")) {
            TSNode asg = ancestor(n, {"assignment"}, 3);
            return (!ts_node_is_null(asg) && is_false(f, child(asg, "right"))) ? Judged::finding : Judged::none;
        }
        if (str::contains(m, "CERT_NONE")) {
            // Used as a value (verify_mode = ssl.CERT_NONE, cert_reqs=ssl.CERT_NONE), not compared against.
            TSNode cmp = ancestor(n, {"comparison_operator"}, 3);
            return ts_node_is_null(cmp) ? Judged::finding : Judged::none;
        }
        if (str::contains(m, "_create_unverified_context")) return Judged::finding;
    }
    return Judged::none;
}

bool dev_name(std::string_view path) {
    const std::string l = str::lower(path);
    for (std::string_view w : {".env.development", ".env.dev", ".env.local", ".env.test", "docker-compose.dev",
                               "docker-compose.override", "compose.dev", "compose.override", "docker-compose.test",
                               "docker-compose.local", "dockerfile.dev", "dockerfile.test", ".devcontainer/"})
        if (str::contains(l, w)) return true;
    return false;
}

// NODE_TLS_REJECT_UNAUTHORIZED set to 0 anywhere in a parsed YAML document (k8s env name/value pairs,
// compose environment maps and lists).
bool yaml_sets_zero(const YAML::Node& n, int depth = 0) {
    if (!n || depth > 40) return false;
    if (n.IsMap()) {
        if (n["name"] && n["name"].IsScalar() && n["name"].Scalar() == "NODE_TLS_REJECT_UNAUTHORIZED" && n["value"] &&
            n["value"].IsScalar() && str::trim(n["value"].Scalar()) == "0")
            return true;
        for (const auto& kv : n) {
            if (kv.first.IsScalar() && kv.first.Scalar() == "NODE_TLS_REJECT_UNAUTHORIZED" && kv.second.IsScalar() &&
                str::trim(kv.second.Scalar()) == "0")
                return true;
            if (yaml_sets_zero(kv.second, depth + 1)) return true;
        }
    } else if (n.IsSequence()) {
        for (const auto& c : n) {
            if (c.IsScalar() && str::contains(c.Scalar(), "NODE_TLS_REJECT_UNAUTHORIZED=0")) return true;
            if (yaml_sets_zero(c, depth + 1)) return true;
        }
    } else if (n.IsScalar()) {
        return str::contains(n.Scalar(), "NODE_TLS_REJECT_UNAUTHORIZED=0");
    }
    return false;
}

// The value written right after a key on the same line: KEY=0, KEY: "0", ENV KEY 0, "key": false.
std::string value_after(std::string_view line, std::string_view key) {
    auto at = line.find(key);
    if (at == std::string_view::npos) return {};
    std::string_view rest = line.substr(at + key.size());
    std::size_t i = 0;
    while (i < rest.size() && (rest[i] == '"' || rest[i] == '\'' || rest[i] == ' ' || rest[i] == '\t')) ++i;
    if (i < rest.size() && (rest[i] == '=' || rest[i] == ':')) ++i;
    while (i < rest.size() && (rest[i] == '"' || rest[i] == '\'' || rest[i] == ' ' || rest[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[j])) || rest[j] == '_')) ++j;
    return str::lower(rest.substr(i, j - i));
}

// curl -k / --insecure, wget --no-check-certificate within the command's own segment of the line.
bool insecure_cli(std::string_view line) {
    for (std::string_view tool : {"curl", "wget"}) {
        std::size_t pos = 0;
        while ((pos = line.find(tool, pos)) != std::string_view::npos) {
            const bool word = (pos == 0 || !std::isalnum(static_cast<unsigned char>(line[pos - 1]))) &&
                              (pos + tool.size() < line.size() && (line[pos + tool.size()] == ' ' || line[pos + tool.size()] == '\t'));
            std::string_view seg = line.substr(pos + tool.size());
            auto cut = seg.find_first_of("|;&");
            if (cut != std::string_view::npos) seg = seg.substr(0, cut);
            pos += tool.size();
            if (!word) continue;
            for (auto tok : str::split(seg, ' ')) {
                tok = str::trim(tok);
                if (tool == "wget" && tok == "--no-check-certificate") return true;
                if (tool == "curl" && (tok == "--insecure" || tok == "-k")) return true;
                if (tool == "curl" && tok.size() > 1 && tok[0] == '-' && tok[1] != '-') {
                    bool letters = true;
                    for (char ch : tok.substr(1)) letters = letters && std::isalpha(static_cast<unsigned char>(ch));
                    if (letters && tok.find('k') != std::string_view::npos) return true;
                }
            }
        }
    }
    return false;
}

// A hit in a file without a syntax tree: Dockerfile, shell, env, YAML, JSON, ini.
Judged judge_text(const ProbeContext& ctx, const File& f, const collect::Hit& h) {
    if (f.kind == FileKind::docs || f.lang == Language::markdown || f.lang == Language::html) return Judged::none;
    const std::string_view line = str::trim(h.line_text);
    if (str::starts_with(line, "#") || str::starts_with(line, "//") || str::starts_with(line, ";")) return Judged::none;
    const std::string_view m = h.match;
    bool bad = false;
    if (str::contains(m, "NODE_TLS_REJECT_UNAUTHORIZED")) {
        bad = value_after(line, "NODE_TLS_REJECT_UNAUTHORIZED") == "0";
        if (!bad && f.lang == Language::yaml)
            for (const auto& d : f.yaml) bad = bad || yaml_sets_zero(d);
    } else if (str::contains(m, "rejectUnauthorized")) {
        bad = value_after(line, "rejectUnauthorized") == "false";
    } else if (str::icontains(m, "skip")) {
        const std::string v = value_after(str::lower(line), str::lower(m));
        bad = v == "true";
    } else if (str::contains(m, "curl") || str::contains(m, "wget")) {
        bad = insecure_cli(line);
    } else if (str::contains(m, "strict-ssl") || str::contains(m, "GIT_SSL_NO_VERIFY") || str::contains(m, "PYTHONHTTPSVERIFY")) {
        bad = true;
    }
    if (!bad) return Judged::none;
    // CI jobs, dev-only env/compose files and package.json dev/test scripts do not ship.
    bool ci = false;
    for (const auto* c : ci_files(ctx)) ci = ci || c == &f;
    if (ci || dev_name(f.path)) return Judged::dev_only;
    if (f.json && f.json->is_object() && f.json->contains("scripts") && (*f.json)["scripts"].is_object()) {
        for (auto it = (*f.json)["scripts"].begin(); it != (*f.json)["scripts"].end(); ++it) {
            if (!it.value().is_string() || !str::contains(it.value().get<std::string>(), std::string(m))) continue;
            const std::string k = str::lower(it.key());
            if (str::contains(k, "dev") || str::contains(k, "test") || str::contains(k, "e2e") || str::contains(k, "lint") ||
                str::contains(k, "storybook"))
                return Judged::dev_only;
        }
    }
    return Judged::finding;
}

}  // namespace

namespace {

Outcome decide_tls_verification(const ProbeContext& ctx) {
    Outcome out;
    std::vector<Evidence> own;
    for (std::string_view sig : {"sec.tls-off-node", "sec.tls-off-go", "sec.tls-off-python", "sec.tls-off-cli"}) {
        for (const auto* h : ctx.hits(sig)) {
            const File& f = ctx.model.file_at(h->file);
            if (!f.is_own()) {
                // Test and vendored files are not parsed: a textual match is listed apart, never deciding.
                const std::string_view line = str::trim(h->line_text);
                if (!str::starts_with(line, "#") && !str::starts_with(line, "//"))
                    out.other_evidence.push_back(ctx.evidence(*h, "TLS verification turned off in test/vendored code"));
                continue;
            }
            Judged j = f.tree ? judge_code(f, *h) : judge_text(ctx, f, *h);
            if (j == Judged::finding) own.push_back(ctx.evidence(*h, "TLS certificate verification turned off"));
            else if (j == Judged::dev_only)
                out.other_evidence.push_back(ctx.evidence(*h, "TLS verification turned off in a CI/dev-only file"));
        }
    }
    if (!own.empty()) {
        out.status = Status::fail;
        out.message = fmt::format(
            "TLS certificate verification is turned off in {} place(s) (first: {}:{}); give the client the right CA bundle "
            "instead (ca:, RootCAs, verify=\"/path/ca.pem\", NODE_EXTRA_CA_CERTS).",
            own.size(), own.front().path, own.front().line);
        out.evidence = std::move(own);
        return out;
    }
    bool runnable = has_code(ctx);
    for (const auto* f : own_files(ctx, {Language::dockerfile, Language::shell})) runnable = runnable || f != nullptr;
    if (!runnable) {
        out.status = Status::na;
        out.message = "No application code, Dockerfile or scripts to examine.";
        return out;
    }
    out.status = Status::pass;
    out.message = "No code, image, script or manifest turns TLS certificate verification off (rejectUnauthorized, "
                  "NODE_TLS_REJECT_UNAUTHORIZED, InsecureSkipVerify, verify=False, CERT_NONE, curl -k).";
    if (!out.other_evidence.empty()) out.message += " Occurrences in tests, CI or dev-only files are listed apart.";
    return out;
}

}  // namespace

Outcome probe_sec_tls_verification(const ProbeContext& ctx) {
    Outcome o = decide_tls_verification(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
