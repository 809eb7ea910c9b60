// Probe sec.committed_env_files (SEC-02): does the repository carry an env file
// with real values? Reads every walked (so not gitignored) .env, .env.*, *.env
// entry by entry: a secret-named key with a non-placeholder value, a provider
// token or a URL with a real password fails; templates only fail on real-looking secrets.
#include <algorithm>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/secrets_probes.hpp"
#include "checks/security/secrets_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

struct EnvFinding {
    Evidence evidence;
    std::string what;
    bool test_mode = false;
};

// The secret an env entry holds, or nothing. Templates need a real-looking secret; other env
// files fail on any non-placeholder value of a secret-named key.
std::optional<EnvFinding> judge(const collect::File& f, const secrets::EnvEntry& e, bool tmpl,
                                const secrets::TokenLines& token_lines) {
    std::string secret;
    std::size_t keep = 0;
    std::string label;
    bool test_mode = false;
    // The token regexes run only on entries whose lines a token signature matched in the scan.
    const std::size_t last_line = e.line + static_cast<std::size_t>(std::count(e.value.begin(), e.value.end(), '\n'));
    std::optional<secrets::TokenMatch> tok;
    if (token_lines.may_hold(f, e.line, last_line)) tok = secrets::provider_token(e.value);
    if (tok) {
        secret = tok->token;
        keep = tok->keep;
        label = tok->label;
        test_mode = tok->test_mode;
    } else if (auto c = secrets::url_credentials(e.value)) {
        if (secrets::url_password_is_placeholder(*c)) return std::nullopt;
        secret = c->password;
        label = "URL with an inline password";
    } else if (secrets::secret_like_name(e.key) && !secrets::is_placeholder(e.value) && !secrets::is_reference(e.value)) {
        if (tmpl && !secrets::strong_value(e.value)) return std::nullopt;
        if (e.value.find("://") != std::string::npos) return std::nullopt;  // a URL without credentials
        secret = e.value;
        label = "value";
    } else {
        return std::nullopt;
    }
    EnvFinding out;
    out.test_mode = test_mode;
    out.evidence = f.evidence_line(e.line, fmt::format("{}={} ({})", e.key, str::mask(secret, keep), label));
    out.evidence.column = e.value_column;
    out.evidence.snippet = secrets::masked_snippet(f.lines.line_text(f.text, e.line), secret, keep);
    out.what = fmt::format("{}:{} {}", f.path, e.line, e.key);
    return out;
}

}  // namespace

Outcome probe_sec_committed_env_files(const ProbeContext& ctx) {
    Outcome out;
    std::vector<std::string> bad, templates, clean;
    std::size_t aside = 0;
    bool any_env_file = false;
    for (const auto* f : ctx.files()) {
        if (!secrets::is_env_file(*f)) continue;
        if (f->kind == collect::FileKind::vendored || f->kind == collect::FileKind::generated) continue;
        any_env_file = true;
        if (!f->kept) continue;
        bool tmpl = secrets::is_env_template(f->path);
        bool test = secrets::is_env_test(*f);
        bool found = false;
        for (const auto& e : secrets::parse_env(*f)) {
            auto j = judge(*f, e, tmpl, secrets::token_lines(ctx));
            if (!j) continue;
            found = true;
            if (test || j->test_mode) {
                if (f->service == -1 && ctx.service != 0) continue;
                j->evidence.note += test ? " — test env file, reported separately" : " — test-mode key, lower severity";
                out.other_evidence.push_back(std::move(j->evidence));
                ++aside;
                continue;
            }
            out.evidence.push_back(std::move(j->evidence));
            bad.push_back(j->what);
        }
        if (!found && tmpl) templates.push_back(f->path);
        else if (!found && !test) clean.push_back(f->path);
    }
    std::string aside_msg =
        aside ? fmt::format(" {} value{} in test env files or test-mode keys {} listed separately.", aside,
                            aside == 1 ? "" : "s", aside == 1 ? "is" : "are")
              : "";
    if (!bad.empty()) {
        out.status = Status::fail;
        out.message = fmt::format(
            "Committed env file{} with real values: {}. Remove {} from git (`git rm --cached`), rotate every credential "
            "it held, ignore it in .gitignore and keep only a .env.example with placeholders.{}",
            bad.size() == 1 ? "" : "s", str::join(bad, ", "), bad.size() == 1 ? "it" : "them", aside_msg);
        return out;
    }
    if (!any_env_file && secrets::env_reads(ctx).empty() && !secrets::env_file_loader(ctx))
        return na("The service reads no environment variables and the repository has no env file.");
    out.status = Status::pass;
    std::string parts;
    if (!templates.empty())
        parts += fmt::format(" Template{} with placeholder values only: {}.", templates.size() == 1 ? "" : "s",
                             str::join(templates, ", "));
    if (!clean.empty())
        parts += fmt::format(" Committed env file{} without secret values: {}.", clean.size() == 1 ? "" : "s",
                             str::join(clean, ", "));
    out.message = fmt::format("No committed env file holds a real secret.{}{}", parts, aside_msg);
    return out;
}

}  // namespace gonogo::checks
