// Helpers of the secrets group (SEC-01, SEC-02, SEC-04, SEC-22): the secret
// rules behind the sec.secret.* scanner signatures and their validation
// (placeholders, entropy, masking), env-file parsing, and the environment
// reads, fallbacks and env-file loaders found in the service's code.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "checks/probe.hpp"

namespace gonogo::checks::secrets {

// ---- values -------------------------------------------------------------------------

// A value that stands for a secret without being one: empty, changeme, xxx, your_..., example,
// dummy, test, <...>, ${VAR}, $VAR, {{ }}, %s, process.env, os.Getenv, null/none/string, one repeated
// character, a counting sequence.
bool is_placeholder(std::string_view value);
// A value that refers to the environment or a secret store instead of holding the secret.
bool is_reference(std::string_view value);
// A variable or key name that holds a secret (password, secret, token, api key, private key,
// credentials), excluding public/publishable keys and names of URLs, paths, ids, lengths, types...
bool secret_like_name(std::string_view name);
// High-entropy value in the sense of gitleaks' generic rule: >= 12 characters, >= 3.5 bits/char,
// at least two of lower/upper/digit.
bool strong_value(std::string_view value);

// ---- secret findings (SEC-01) -------------------------------------------------------------

struct Finding {
    const collect::File* file = nullptr;
    std::uint32_t line = 0;
    std::uint32_t column = 0;      // 1-based column of the secret
    std::uint32_t begin = 0;       // byte offsets of the secret in the file
    std::uint32_t end = 0;
    std::string secret;            // raw: never printed, only masked
    std::size_t keep = 0;          // characters the mask keeps (a token's public prefix)
    std::string label;             // "SendGrid API key"
    std::string rule;              // signature id
    bool test_mode = false;        // test-mode provider key (lower severity, reported apart)
    bool public_by_design = false; // Firebase web API key, Supabase anon JWT (reported apart)
    std::string note;              // extra words for the evidence
    std::string line_text;         // the line as the scanner saw it (at most 512 bytes)
    std::size_t in_line = std::string::npos;  // offset of the secret in line_text
};

// Secrets confirmed among the sec.secret.* hits of the service's files (and repository-level
// files), in rule order (provider formats before generic assignments), one per secret.
// Committed env files other than templates are left to SEC-02.
std::vector<Finding> find_secrets(const ProbeContext& ctx);

// A provider-format token (not a placeholder) inside a bare value, as in an env file line.
struct TokenMatch {
    std::string label;
    std::string token;
    std::size_t keep = 0;
    bool test_mode = false;
};
std::optional<TokenMatch> provider_token(std::string_view value);

// Where provider_token could find something in a scanned file: the lines on which a provider-token
// signature matched. Each rule's signature is a looser form of its regex, so a line without such a
// hit holds no token; a file where a signature reached the scanner's per-file cap is all "maybe".
class TokenLines {
public:
    explicit TokenLines(const ProbeContext& ctx);
    bool may_hold(const collect::File& f, std::size_t first_line, std::size_t last_line) const;

private:
    std::set<std::pair<const collect::File*, std::size_t>> m_lines;
    std::set<const collect::File*> m_capped;
};
const TokenLines& token_lines(const ProbeContext& ctx);  // made once per model

// The masked form of a finding's secret ("SG.g************").
std::string masked(const Finding& f);
// Evidence for a finding: file:line:column with a snippet built from the line where every secret
// found on that line is masked.
Evidence finding_evidence(const Finding& f, const std::vector<Finding>& all, std::string note = {});

// Masks `secret` inside `line` and clips the result around it (for snippets built by other probes).
std::string masked_snippet(std::string_view line, std::string_view secret, std::size_t keep);

// A database URL with inline credentials: postgres://user:pass@host.
struct UrlCredentials {
    std::string user, password, host;
    std::size_t password_at = 0;  // offset of the password in the URL text
};
std::optional<UrlCredentials> url_credentials(std::string_view text);
// True when the URL's password is a placeholder or a local-development default (local host).
bool url_password_is_placeholder(const UrlCredentials& c);

// ---- env files (SEC-02) ---------------------------------------------------------------

// .env, .env.*, *.env
bool is_env_file(const collect::File& f);
// .env.example, .env.sample, .env.template, .env.dist, .env.defaults, example.env...
bool is_env_template(std::string_view path);
// .env.test, .env.testing, .env.ci or an env file under a test folder.
bool is_env_test(const collect::File& f);

struct EnvEntry {
    std::string key;
    std::string value;
    std::size_t line = 0;
    std::size_t value_column = 0;  // 1-based
};
std::vector<EnvEntry> parse_env(const collect::File& f);

// ---- the environment in code (SEC-02, SEC-04) ------------------------------------------

struct EnvRead {
    const collect::File* file = nullptr;
    TSNode node{};                 // the read expression
    std::string name;              // variable name when static ("" when dynamic)
    bool has_default = false;      // || 'x', ?? 'x', getenv("X", "d"), if x == "" { x = ... }
    bool literal_default = false;  // the default is a non-empty string literal
    std::string default_value;
    bool fails_fast = false;       // Python os.environ["X"] at module level (KeyError at import)
    bool whole_env = false;        // process.env / os.environ passed as a whole (not a read by name)
};
// Reads of environment variables in the service's own code: process.env.X, process.env['X'],
// import.meta.env.X, destructuring from process.env, Deno.env.get; os.Getenv/os.LookupEnv;
// os.environ[...], os.environ.get, os.getenv, environ.get; get_env("X", "default")-style helpers.
const std::vector<EnvRead>& env_reads(const ProbeContext& ctx);

// Where the service loads env files (dotenv and friends, Next.js, NestJS ConfigModule, compose
// env_file, node --env-file): evidence of the first place found, or nullopt.
std::optional<Evidence> env_file_loader(const ProbeContext& ctx, std::string* what = nullptr);

// The directory part of a path ("" for a top-level file).
std::string dir_of(std::string_view path);
std::string base_of(std::string_view path);

}  // namespace gonogo::checks::secrets
