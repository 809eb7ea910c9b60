// Probe sec.hardcoded_secrets (SEC-01): are secrets committed in the service's
// files? Confirms the sec.secret.* scanner hits (provider formats, private keys,
// URLs with passwords, high-entropy assignments) and reads Kubernetes Secret
// manifests; every secret is masked before it reaches a snippet or a message.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/secrets_probes.hpp"
#include "checks/security/secrets_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using secrets::Finding;

std::string b64decode(std::string_view in) {
    std::string out;
    int bits = 0;
    unsigned acc = 0;
    for (char c : in) {
        int v = c >= 'A' && c <= 'Z'   ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+'             ? 62
                : c == '/'             ? 63
                                       : -1;
        if (v < 0) continue;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

bool non_secret_key(std::string_view key) {
    auto k = str::lower(key);
    for (std::string_view n : {"username", "user", "host", "hostname", "port", "database", "db", "dbname", "namespace",
                               "region", "endpoint", "email", "name", "ca.crt", "tls.crt", "ca", "url", "uri"})
        if (k == n) return true;
    return false;
}

// Values committed in Kubernetes Secret manifests (data: base64, stringData: plain) and kustomize
// secretGenerator literals.
void k8s_secret_findings(const ProbeContext& ctx, std::vector<Evidence>& ev, std::vector<std::string>& what,
                         std::set<std::pair<const collect::File*, std::size_t>>& lines) {
    auto add = [&](const collect::File& f, const YAML::Node& node, const std::string& key, const std::string& raw,
                   const std::string& value, std::string_view where) {
        std::size_t ln = static_cast<std::size_t>(node.Mark().line) + 1;
        if (value.empty() || secrets::is_placeholder(value) || secrets::is_reference(value) || non_secret_key(key)) return;
        if (auto c = secrets::url_credentials(value)) {
            if (secrets::url_password_is_placeholder(*c)) return;
        } else if (!secrets::secret_like_name(key) && !secrets::strong_value(value)) {
            return;
        }
        lines.insert({&f, ln});
        Evidence e = f.evidence_line(ln, fmt::format("Kubernetes Secret value `{}` ({}, masked)", key, where));
        if (ln >= 1 && ln <= f.lines.line_count())
            e.snippet = secrets::masked_snippet(f.lines.line_text(f.text, ln), raw, 0);
        ev.push_back(std::move(e));
        what.push_back(fmt::format("Kubernetes Secret value `{}` at {}:{}", key, f.path, ln));
    };
    for (const auto& o : k8s_objects(ctx)) {
        if (!o.file->is_own()) continue;
        if (o.kind == "Secret") {
            for (const char* sect : {"data", "stringData"}) {
                auto m = o.doc[sect];
                if (!m || !m.IsMap()) continue;
                for (const auto& kv : m) {
                    if (!kv.second.IsScalar()) continue;
                    auto key = kv.first.as<std::string>();
                    auto raw = kv.second.as<std::string>();
                    bool b64 = std::string_view(sect) == "data";
                    add(*o.file, kv.second, key, raw, b64 ? b64decode(raw) : raw, b64 ? "base64 data" : "stringData");
                }
            }
        }
    }
    // kustomize: secretGenerator: [{name, literals: [KEY=value]}]
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || f->yaml.empty()) continue;
        auto base = secrets::base_of(f->path);
        if (base != "kustomization.yaml" && base != "kustomization.yml") continue;
        for (const auto& d : f->yaml) {
            if (!d.IsMap() || !d["secretGenerator"] || !d["secretGenerator"].IsSequence()) continue;
            for (const auto& g : d["secretGenerator"]) {
                if (!g.IsMap() || !g["literals"] || !g["literals"].IsSequence()) continue;
                for (const auto& lit : g["literals"]) {
                    if (!lit.IsScalar()) continue;
                    auto s = lit.as<std::string>();
                    auto eq = s.find('=');
                    if (eq == std::string::npos) continue;
                    add(*f, lit, s.substr(0, eq), s.substr(eq + 1), s.substr(eq + 1), "secretGenerator literal");
                }
            }
        }
    }
}

std::string where_kind(const collect::File& f) {
    switch (f.kind) {
        case collect::FileKind::test: return "test/fixture/example file";
        case collect::FileKind::vendored: return "vendored file";
        case collect::FileKind::generated: return "generated file";
        case collect::FileKind::docs: return "documentation file";
        default: return "service file";
    }
}

}  // namespace

Outcome probe_sec_hardcoded_secrets(const ProbeContext& ctx) {
    const auto& files = ctx.files();
    if (files.empty()) return na("The repository has no files to scan.");
    auto findings = secrets::find_secrets(ctx);

    std::vector<Evidence> k8s_ev;
    std::vector<std::string> k8s_what;
    std::set<std::pair<const collect::File*, std::size_t>> k8s_lines;
    k8s_secret_findings(ctx, k8s_ev, k8s_what, k8s_lines);

    // Repository-level files repeat in every service of a monorepo: list their side findings once.
    bool list_shared = ctx.service == 0;
    // Code and config first, documentation last (a README quoting a key is still a leak, but rarer to matter).
    auto docs = [](const Finding& f) {
        return f.file->kind == collect::FileKind::docs || f.file->lang == collect::Language::markdown;
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return !docs(a) && docs(b); });
    Outcome out;
    std::vector<std::string> prod;
    std::size_t aside = 0;
    for (const auto& f : findings) {
        bool generic = f.rule.find("generic") != std::string::npos;
        if (k8s_lines.count({f.file, f.line})) {
            if (generic) continue;  // the Secret manifest reading below decides these
            k8s_lines.erase({f.file, f.line});
        }
        bool own = f.file->is_own() && !f.test_mode && !f.public_by_design;
        if (own) {
            out.evidence.push_back(secrets::finding_evidence(f, findings));
            prod.push_back(fmt::format("{} ({}) at {}:{}", f.label, secrets::masked(f), f.file->path, f.line));
            continue;
        }
        if (f.file->service == -1 && !list_shared) continue;
        std::string note;
        if (f.public_by_design) note = f.note;
        else if (f.test_mode && f.file->is_own())
            note = fmt::format("{} in a {}{}: lower severity, still rotate it and read it from the environment", f.label,
                               where_kind(*f.file), f.note.empty() ? "" : fmt::format(" ({})", f.note));
        else note = fmt::format("{} in a {}: not the service's own, reported separately", f.label, where_kind(*f.file));
        out.other_evidence.push_back(secrets::finding_evidence(f, findings, fmt::format("{} ({})", note, secrets::masked(f))));
        ++aside;
    }
    for (std::size_t i = 0; i < k8s_ev.size(); ++i) {
        const auto& e = k8s_ev[i];
        bool covered = false;
        for (const auto& x : out.evidence) covered = covered || (x.path == e.path && x.line == e.line);
        if (covered) continue;
        out.evidence.push_back(e);
        prod.push_back(k8s_what[i]);
    }

    std::string aside_msg;
    if (aside)
        aside_msg = fmt::format(
            " {} more in tests, fixtures, examples, vendored code, development seeds, test-mode or test-named keys, or "
            "public-by-design keys {} listed separately and do not decide this control.",
            aside, aside == 1 ? "is" : "are");
    if (!prod.empty()) {
        std::vector<std::string> head(prod.begin(), prod.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(prod.size(), 3)));
        out.status = Status::fail;
        out.message = fmt::format(
            "{} hardcoded secret{} in the service's files: {}{}. Rotate {} (deleting it does not remove it from git "
            "history) and read it from the environment or a secrets manager.{}",
            prod.size(), prod.size() == 1 ? "" : "s", str::join(head, "; "),
            prod.size() > 3 ? fmt::format("; and {} more", prod.size() - 3) : "", prod.size() == 1 ? "it" : "each one",
            aside_msg);
        return out;
    }
    out.status = Status::pass;
    out.message = fmt::format(
        "No hardcoded secret in the service's files: provider key formats, private keys, URLs with inline passwords and "
        "high-entropy assignments to secret-named variables were checked in every text file (working tree only, not "
        "git history).{}",
        aside_msg);
    return out;
}

}  // namespace gonogo::checks
