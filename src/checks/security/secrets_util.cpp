// Secrets group helpers (see secrets_util.hpp). The scanner's sec.secret.*
// signatures are cheap prefilters anchored on each format's literal prefix;
// the rules below confirm a hit on its line with the format's exact shape,
// then judge the value (placeholders, documented example keys, entropy).
#include "checks/security/secrets_util.hpp"

#include <algorithm>
#include <ctime>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "collect/scanner.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks::secrets {

using collect::File;
using collect::FileKind;
using collect::Language;
namespace syn = collect::syntax;

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool contains_any(std::string_view hay, std::initializer_list<std::string_view> needles) {
    for (auto n : needles)
        if (hay.find(n) != std::string_view::npos) return true;
    return false;
}

// Few distinct characters, or one character making half the value: xxxxxxxx, 00000000, abababab.
bool low_variety(std::string_view s) {
    if (s.empty()) return true;
    std::array<std::size_t, 256> counts{};
    std::size_t distinct = 0, top = 0;
    for (unsigned char c : s) {
        if (!counts[c]++) ++distinct;
        top = std::max(top, counts[c]);
    }
    if (distinct <= 4) return true;
    return s.size() >= 8 && top * 2 >= s.size();
}

// 12345678, abcdefgh, qwertyui, 0123456789abcdef: a run of a well-known sequence.
bool counting_sequence(std::string_view s) {
    if (s.size() < 6) return false;
    auto l = str::lower(s);
    for (std::string_view seq : {"0123456789abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz0123456789",
                                 "qwertyuiopasdfghjklzxcvbnm", "9876543210"})
        if (seq.find(l) != std::string_view::npos) return true;
    return false;
}

// A value repeating a short unit: abcabcabc, 12341234.
bool repeated_unit(std::string_view s) {
    for (std::size_t unit = 1; unit <= 4 && unit * 2 <= s.size(); ++unit) {
        bool same = true;
        for (std::size_t i = unit; i < s.size() && same; ++i) same = s[i] == s[i - unit];
        if (same) return true;
    }
    return false;
}

// Keys and tokens published in vendors' documentation.
bool documented_example(std::string_view token) {
    static constexpr std::array<std::string_view, 8> k{
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",      "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "sk_test_26PHem9AhJZvU623DfE1x4sd",      "pk_test_TYooMQauvdEDq54NiTphI7jx",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
        "xoxb-not-a-real-token-this-will-not-work", "SG.xxxxxxxxxxxxxxxxxxxxxx"};
    for (auto e : k)
        if (token == e) return true;
    return token.find("EXAMPLE") != std::string_view::npos;  // AWS: AKIAIOSFODNN7EXAMPLE, ...EXAMPLEKEY
}

// A provider-format token that is a stand-in: xxxx, your..., documented examples, one repeated character.
bool token_placeholder(std::string_view token, std::size_t prefix_len) {
    if (documented_example(token)) return true;
    std::string_view body = token.substr(std::min(prefix_len, token.size()));
    auto l = str::lower(body);
    if (contains_any(l, {"xxxx", "your", "placeholder", "redacted", "changeme", "change_me", "replace_me", "insert_"}))
        return true;
    return low_variety(body) || counting_sequence(body) || repeated_unit(body);
}

std::string base64url_decode(std::string_view in) {
    auto val = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-' || c == '+') return 62;
        if (c == '_' || c == '/') return 63;
        return -1;
    };
    std::string out;
    int bits = 0;
    unsigned acc = 0;
    for (char c : in) {
        int v = val(c);
        if (v < 0) break;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

std::string strip_spaces(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
    return out;
}

// ---- the rules ---------------------------------------------------------------------------

enum class Kind { token, url, pem, jwt, generic_password, generic_secret };

struct Rule {
    std::string_view id;     // the scanner signature (module.cpp)
    std::string_view label;
    Kind kind;
    const char* confirm;     // ECMAScript, applied at the hit's start; group `group` is the secret
    int group = 1;
    std::size_t keep = 0;    // characters of the public prefix the mask keeps
    bool boundary = false;   // the character before the hit must not be a word character
    bool test_mode = false;
    bool icase = false;
};

// Provider formats first (their hits win over a generic assignment on the same value).
const std::vector<Rule>& rules() {
    static const std::vector<Rule> k{
        {"sec.secret.aws-access-key-id", "AWS access key ID", Kind::token,
         R"(((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9]))", 1, 4, true},
        {"sec.secret.aws-secret-access-key", "AWS secret access key", Kind::token,
         R"(aws_?secret_?(?:access_?)?key["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]))", 1, 0,
         false, false, true},
        {"sec.secret.aws-mws-key", "Amazon MWS auth token", Kind::token,
         R"((amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))", 1, 9},
        {"sec.secret.gcp-api-key", "Google API key", Kind::token, R"((AIza[0-9A-Za-z_\-]{35})(?![0-9A-Za-z_\-]))", 1, 4, true},
        {"sec.secret.gcp-oauth-client-secret", "Google OAuth client secret", Kind::token,
         R"((GOCSPX-[0-9A-Za-z_\-]{28})(?![0-9A-Za-z_\-]))", 1, 7},
        {"sec.secret.azure-ad-client-secret", "Azure AD client secret", Kind::token,
         R"(([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-]))", 1, 0, true},
        {"sec.secret.azure-storage-key", "Azure storage account key", Kind::token, R"(AccountKey=([A-Za-z0-9+/]{86}==))", 1, 0},
        {"sec.secret.alibaba-access-key-id", "Alibaba Cloud AccessKey ID", Kind::token,
         R"((LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9]))", 1, 4, true},
        {"sec.secret.github-token", "GitHub token", Kind::token, R"((gh[oprsu]_[0-9A-Za-z]{36})(?![0-9A-Za-z]))", 1, 4, true},
        {"sec.secret.github-fine-grained-pat", "GitHub fine-grained personal access token", Kind::token,
         R"((github_pat_[0-9A-Za-z_]{82})(?![0-9A-Za-z_]))", 1, 11, true},
        {"sec.secret.gitlab-token", "GitLab token", Kind::token,
         R"((gl(?:pat|dt|rt|ptt|oas|cbt|imt|agent|ft|soat)-[0-9A-Za-z_\-]{20,}))", 1, 6, true},
        {"sec.secret.gitlab-runner-registration-token", "GitLab runner registration token", Kind::token,
         R"((GR1348941[0-9A-Za-z_\-]{20,}))", 1, 9},
        {"sec.secret.npm-token", "npm access token", Kind::token, R"((npm_[A-Za-z0-9]{36})(?![A-Za-z0-9]))", 1, 4, true},
        {"sec.secret.npmrc-auth-token", "npm registry auth token (.npmrc)", Kind::token,
         R"(_authToken[ \t]*=[ \t]*["']?([A-Za-z0-9_.+/=\-]{20,}))", 1, 0},
        {"sec.secret.pypi-token", "PyPI upload token", Kind::token, R"((pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}))", 1, 5},
        {"sec.secret.rubygems-token", "RubyGems API key", Kind::token, R"((rubygems_[0-9a-f]{48})(?![0-9a-f]))", 1, 9},
        {"sec.secret.dockerhub-pat", "Docker Hub personal access token", Kind::token, R"((dckr_pat_[A-Za-z0-9_\-]{27,}))", 1, 9},
        {"sec.secret.terraform-cloud-token", "Terraform Cloud API token", Kind::token,
         R"(([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70}))", 1, 0, true},
        {"sec.secret.vault-token", "HashiCorp Vault token", Kind::token, R"((hv[sb]\.[A-Za-z0-9_\-]{90,}))", 1, 4, true},
        {"sec.secret.doppler-token", "Doppler token", Kind::token,
         R"((dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9]))", 1, 6},
        {"sec.secret.pulumi-token", "Pulumi access token", Kind::token, R"((pul-[a-f0-9]{40})(?![a-f0-9]))", 1, 4, true},
        {"sec.secret.databricks-token", "Databricks token", Kind::token, R"((dapi[a-h0-9]{32})(?![a-h0-9]))", 1, 4, true},
        {"sec.secret.digitalocean-token", "DigitalOcean token", Kind::token, R"((do[opr]_v1_[a-f0-9]{64}))", 1, 7},
        {"sec.secret.linear-api-key", "Linear API key", Kind::token, R"((lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9]))", 1, 8},
        {"sec.secret.postman-api-key", "Postman API key", Kind::token, R"((PMAK-[a-f0-9]{24}-[a-f0-9]{34}))", 1, 5},
        {"sec.secret.grafana-token", "Grafana token", Kind::token,
         R"((glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}))", 1, 4, true},
        {"sec.secret.newrelic-api-key", "New Relic user API key", Kind::token, R"((NRAK-[A-Z0-9]{27}))", 1, 5},
        {"sec.secret.sentry-token", "Sentry auth token", Kind::token,
         R"((sntrys_eyJ[A-Za-z0-9+/=_\-]{50,}|sntryu_[a-f0-9]{64}))", 1, 7},
        {"sec.secret.age-secret-key", "age secret key", Kind::token,
         R"((AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}))", 1, 15},
        {"sec.secret.openai-api-key", "OpenAI API key", Kind::token,
         R"((sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_\-]))", 1, 3,
         true},
        {"sec.secret.anthropic-api-key", "Anthropic API key", Kind::token,
         R"((sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\-]{80,}))", 1, 7},
        {"sec.secret.huggingface-token", "Hugging Face token", Kind::token, R"((hf_[A-Za-z]{34})(?![A-Za-z0-9]))", 1, 3, true},
        {"sec.secret.replicate-token", "Replicate API token", Kind::token, R"((r8_[A-Za-z0-9]{37})(?![A-Za-z0-9]))", 1, 3, true},
        {"sec.secret.groq-api-key", "Groq API key", Kind::token, R"((gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9]))", 1, 4, true},
        {"sec.secret.flyio-token", "Fly.io token", Kind::token, R"((fo1_[A-Za-z0-9_\-]{43}))", 1, 4, true},
        {"sec.secret.shopify-token", "Shopify access token", Kind::token,
         R"((shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![a-fA-F0-9]))", 1, 6},
        {"sec.secret.square-token", "Square access token", Kind::token, R"((sq0(?:atp|csp)-[0-9A-Za-z_\-]{22,43}))", 1, 7},
        {"sec.secret.braintree-token", "Braintree/PayPal production access token", Kind::token,
         R"((access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}))", 1, 24},
        {"sec.secret.stripe-live-key", "Stripe live secret key", Kind::token,
         R"(([rs]k_live_[0-9A-Za-z]{10,99})(?![0-9A-Za-z]))", 1, 8, true},
        {"sec.secret.stripe-test-key", "Stripe test-mode secret key", Kind::token,
         R"(([rs]k_test_[0-9A-Za-z]{10,99})(?![0-9A-Za-z]))", 1, 8, true, true},
        {"sec.secret.stripe-webhook-secret", "Stripe webhook signing secret", Kind::token,
         R"((whsec_[A-Za-z0-9]{24,})(?![A-Za-z0-9]))", 1, 6, true},
        {"sec.secret.twilio-api-key", "Twilio API key", Kind::token, R"((SK[0-9a-f]{32})(?![0-9A-Za-z]))", 1, 2, true},
        {"sec.secret.twilio-auth-token", "Twilio auth token", Kind::token,
         R"(twilio[\w.\-]{0,20}["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*["']?([0-9a-f]{32})(?![0-9a-f]))", 1, 0, false, false, true},
        {"sec.secret.sendgrid-api-key", "SendGrid API key", Kind::token,
         R"((SG\.[0-9A-Za-z_\-]{22}\.[0-9A-Za-z_\-]{43})(?![0-9A-Za-z_\-]))", 1, 4},
        {"sec.secret.mailgun-api-key", "Mailgun API key", Kind::token, R"((key-[0-9a-f]{32})(?![0-9a-f]))", 1, 4, true},
        {"sec.secret.mailchimp-api-key", "Mailchimp API key", Kind::token,
         R"(mailchimp[\w.\-]{0,20}["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*["']?([0-9a-f]{32}-us[0-9]{1,2}))", 1, 0, false, false,
         true},
        {"sec.secret.brevo-api-key", "Brevo (Sendinblue) API key", Kind::token,
         R"((xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}))", 1, 8},
        {"sec.secret.slack-token", "Slack token", Kind::token, R"((xox[abeoprs]-[0-9]{6,}-[0-9A-Za-z\-]{8,}))", 1, 5, true},
        {"sec.secret.slack-app-token", "Slack app-level token", Kind::token,
         R"((xapp-[0-9]-[A-Z0-9]{9,}-[0-9]{6,}-[a-z0-9]{32,}))", 1, 5},
        {"sec.secret.slack-webhook", "Slack incoming webhook URL", Kind::token,
         R"(hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{43,56}))", 1, 0},
        {"sec.secret.discord-webhook", "Discord webhook URL", Kind::token,
         R"(discord(?:app)?\.com/api/webhooks/([0-9]{17,20}/[A-Za-z0-9_\-]{60,68}))", 1, 0},
        {"sec.secret.discord-bot-token", "Discord bot token", Kind::token,
         R"(discord[\w.\-]{0,20}["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*["']?([MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40}))",
         1, 0, false, false, true},
        {"sec.secret.teams-webhook", "Microsoft Teams webhook URL", Kind::token,
         R"(\.webhook\.office\.com/webhookb2/([A-Za-z0-9@\-]{30,}/IncomingWebhook/[a-f0-9]{32}/[A-Za-z0-9\-]{30,}))", 1, 0},
        {"sec.secret.telegram-bot-token", "Telegram bot token", Kind::token,
         R"(([0-9]{8,10}:AA[0-9A-Za-z_\-]{33})(?![0-9A-Za-z_\-]))", 1, 0, true},
        {"sec.secret.heroku-api-key", "Heroku API key", Kind::token, R"((HRKU-AA[0-9A-Za-z_\-]{58}))", 1, 5},
        {"sec.secret.heroku-api-key-legacy", "Heroku API key", Kind::token,
         R"(heroku[\w.\-]{0,20}["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))",
         1, 0, false, false, true},
        {"sec.secret.planetscale-token", "PlanetScale token", Kind::token,
         R"((pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=\-]{32,64}))", 1, 7},
        {"sec.secret.supabase-key", "Supabase secret key", Kind::token, R"((sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_\-]{20,}))",
         1, 4},
        {"sec.secret.mapbox-secret-token", "Mapbox secret token", Kind::token,
         R"((sk\.eyJ[A-Za-z0-9_\-]{50,}\.[A-Za-z0-9_\-]{20,}))", 1, 3},
        {"sec.secret.firebase-fcm-server-key", "Firebase Cloud Messaging server key", Kind::token,
         R"((AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134}))", 1, 0},
        {"sec.secret.facebook-access-token", "Facebook access token", Kind::token, R"((EAACEdEose0cBA[0-9A-Za-z]{20,}))", 1, 4},
        {"sec.secret.dynatrace-token", "Dynatrace API token", Kind::token, R"((dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}))", 1, 7},
        {"sec.secret.atlassian-api-token", "Atlassian API token", Kind::token, R"((ATATT3[A-Za-z0-9_=\-]{150,}))", 1, 6},
        {"sec.secret.notion-token", "Notion integration token", Kind::token,
         R"((secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9]))", 1, 4, true},
        {"sec.secret.cloudflare-origin-ca-key", "Cloudflare Origin CA key", Kind::token,
         R"((v1\.0-[a-f0-9]{24}-[a-f0-9]{146}))", 1, 5},
        {"sec.secret.clojars-token", "Clojars deploy token", Kind::token, R"((CLOJARS_[a-z0-9]{60}))", 1, 8},
        {"sec.secret.jwt", "JSON Web Token", Kind::jwt,
         R"((eyJ[A-Za-z0-9_\-]{15,}\.eyJ[A-Za-z0-9_\-]{15,}\.[A-Za-z0-9_\-]{10,}))", 1, 3, true},
        {"sec.secret.private-key", "private key", Kind::pem,
         R"(-----BEGIN ?([ A-Z0-9_\-]{0,40}?) ?PRIVATE KEY(?: BLOCK)?-----(?:\\r|\\n|\s){1,8}([A-Za-z0-9+/=:, \-]{16}))", 2, 0},
        {"sec.secret.db-url-password", "database URL with an inline password", Kind::url, R"(([a-z+]+://[^\s'"`]+@))", 1,
         0},
        {"sec.secret.generic-password", "hardcoded password", Kind::generic_password,
         R"((?:password|passwd|passphrase|pwd)([\w.\-]{0,24})["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*(["'`]?)([^\s"'`]{6,200}))", 3,
         0, false, false, true},
        {"sec.secret.generic-secret", "hardcoded secret", Kind::generic_secret,
         R"((?:secret|token|credential)([\w.\-]{0,24})["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*(["'`]?)([^\s"'`]{8,200}))", 3, 0,
         false, false, true},
        {"sec.secret.generic-api-key", "hardcoded API key", Kind::generic_secret,
         R"((?:api|access|private|signing|encryption|master)[_.\-]?key([\w.\-]{0,24})["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*(["'`]?)([^\s"'`]{8,200}))",
         3, 0, false, false, true},
        {"sec.secret.generic-apikey", "hardcoded API key", Kind::generic_secret,
         R"(apikey([\w.\-]{0,24})["'\]]{0,2}[ \t]*(?::=|=>|=|:)[ \t]*(["'`]?)([^\s"'`]{8,200}))", 3, 0, false, false, true},
    };
    return k;
}

const std::vector<std::regex>& compiled() {
    static const std::vector<std::regex> k = [] {
        std::vector<std::regex> out;
        for (const auto& r : rules()) {
            auto flags = std::regex::ECMAScript | std::regex::optimize;
            if (r.icase) flags |= std::regex::icase;
            out.emplace_back(r.confirm, flags);
        }
        return out;
    }();
    return k;
}

// The literal a rule's confirm pattern starts with (after its opening groups), lower-cased for caseless
// rules; empty when the pattern starts with an alternation or a class. A value without it cannot match,
// which spares most values the (slow) std::regex search.
const std::vector<std::string>& required_literals() {
    static const std::vector<std::string> k = [] {
        std::vector<std::string> out;
        for (const auto& r : rules()) {
            std::string_view p = r.confirm;
            int opened = 0;
            while (!p.empty() && p.front() == '(' && (p.size() < 2 || p[1] != '?')) {
                p.remove_prefix(1);
                ++opened;
            }
            // An alternation at or above the literal's depth offers paths without it (conservative:
            // any `|` at that depth, wherever it stands, disables the prefilter).
            bool alternation = false;
            int depth = opened;
            bool in_class = false;
            for (std::size_t i = 0; i < p.size(); ++i) {
                char c = p[i];
                if (c == '\\') { ++i; continue; }
                if (in_class) { in_class = c != ']'; continue; }
                if (c == '[') in_class = true;
                else if (c == '(') ++depth;
                else if (c == ')') --depth;
                else if (c == '|' && depth <= opened) alternation = true;
            }
            std::string lit;
            for (std::size_t i = 0; i < p.size(); ++i) {
                char c = p[i];
                if (c == '\\' && i + 1 < p.size() && std::string_view(".-_/:").find(p[i + 1]) != std::string_view::npos) {
                    lit += p[++i];
                    continue;
                }
                if (std::string_view("\\[](){}.*+?|^$").find(c) != std::string_view::npos) {
                    // A quantifier that allows zero makes the character before it optional.
                    if ((c == '?' || c == '*' || c == '{') && !lit.empty()) lit.pop_back();
                    break;
                }
                lit += c;
            }
            out.push_back(lit.size() >= 3 && !alternation ? (r.icase ? str::lower(lit) : lit) : std::string());
        }
        return out;
    }();
    return k;
}

// Files where a value may stand without quotes (config, env, shell); in code a secret is a literal.
bool unquoted_ok(const File& f) {
    switch (f.lang) {
        case Language::env: case Language::yaml: case Language::toml: case Language::ini: case Language::dockerfile:
        case Language::shell: case Language::nginx:
            return true;
        default:
            return false;
    }
}

// The identifier the keyword sits in: chars left of the hit that belong to a name.
std::string full_name(std::string_view line, std::size_t col0, std::string_view rest) {
    std::size_t b = std::min(col0, line.size());
    while (b > 0 && (word_char(line[b - 1]) || line[b - 1] == '.' || line[b - 1] == '-')) --b;
    return std::string(line.substr(b, col0 - b)) + std::string(rest);
}

bool looks_like_code_value(std::string_view v) {
    if (v.find('(') != std::string_view::npos || v.find(')') != std::string_view::npos) return true;
    // an identifier path: config.secret, req.body.password, self.token
    bool ident_path = !v.empty() && (std::isalpha(static_cast<unsigned char>(v[0])) || v[0] == '_');
    bool dot = false;
    for (char c : v) {
        if (c == '.') dot = true;
        else if (!word_char(c) && c != '$') ident_path = false;
    }
    return ident_path && dot;
}

bool generic_value_ok(const File& f, std::string_view name, std::string_view value, char quote, bool password) {
    if (!quote && !unquoted_ok(f)) return false;
    if (!secret_like_name(name)) return false;
    if (is_placeholder(value) || is_reference(value) || looks_like_code_value(value)) return false;
    auto lv = str::lower(value);
    if (str::starts_with(lv, "http://") || str::starts_with(lv, "https://") || str::starts_with(lv, "file:")) return false;
    if (value[0] == '/' || str::starts_with(value, "./") || str::starts_with(value, "~/") || str::starts_with(value, "../"))
        return false;
    for (std::string_view ext : {".pem", ".key", ".json", ".txt", ".crt", ".p12", ".yaml", ".yml"})
        if (str::ends_with(lv, ext)) return false;
    for (std::string_view h : {"sha1-", "sha256-", "sha384-", "sha512-", "sha256:", "$2a$", "$2b$", "$2y$", "$argon2"})
        if (str::starts_with(lv, h)) return false;
    // ALL_CAPS_NAMES are the names of variables, not their values.
    bool caps_name = true;
    for (char c : value)
        if (!(std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
            caps_name = false;
    if (caps_name) return false;
    if (str::lower(name).find(lv) != std::string::npos) return false;
    // snake_case / kebab-case words are identifiers and enum values, not secrets: unknown_user, bad-password
    std::size_t seps = 0;
    bool lower_words = true, digits = false;
    for (char c : value) {
        auto u = static_cast<unsigned char>(c);
        if (c == '_' || c == '-') ++seps;
        else if (std::isdigit(u)) digits = true;
        else if (!std::islower(u)) lower_words = false;
    }
    if (lower_words && (seps >= 2 || (seps == 1 && !digits))) return false;  // csi0-pwd-n-pins, unknown_user
    if (password) {
        int classes = 0;
        bool lo = false, up = false, di = false, sy = false;
        for (char c : value) {
            auto u = static_cast<unsigned char>(c);
            lo = lo || std::islower(u);
            up = up || std::isupper(u);
            di = di || std::isdigit(u);
            sy = sy || (std::ispunct(u) && c != '_' && c != '-' && c != '.');
        }
        classes = lo + up + di + sy;
        return value.size() >= 8 && classes >= 2 && str::entropy(value) >= 2.5;
    }
    return strong_value(value);
}

// A key file whose name says it is for tests or local development: test.key, dev.pem, snakeoil, sandbox...
bool test_key_path(std::string_view path) {
    auto l = str::lower(path);
    for (std::string_view w : {"test", "sample", "example", "dummy", "fake", "sandbox", "insecure", "demo", "snakeoil",
                               "mock", "fixture", "localhost", "selfsigned", "self-signed", "self_signed"})
        if (l.find(w) != std::string::npos) return true;
    auto b = base_of(l);
    return str::starts_with(b, "dev.") || str::starts_with(b, "dev-") || str::starts_with(b, "dev_") ||
           b.find("-dev.") != std::string::npos || b.find("_dev.") != std::string::npos;
}

// A development seed (prisma/seed.ts, lib/db/seed.ts, db/seeds/*, database/seeders/*): the passwords it
// gives its sample users are known by design; they matter only if the seed runs against production.
bool seed_file(std::string_view path) {
    auto l = str::lower(path);
    auto b = base_of(l);
    if (str::starts_with(b, "seed.") || str::starts_with(b, "seeds.") || str::starts_with(b, "seed-") ||
        str::starts_with(b, "seed_"))
        return true;
    auto segs = str::split(l, '/');
    for (std::size_t i = 0; i + 1 < segs.size(); ++i)
        if (segs[i] == "seed" || segs[i] == "seeds" || segs[i] == "seeders" || segs[i] == "seeding") return true;
    return false;
}

bool firebase_context(const File& f, std::string_view line) {
    auto l = str::lower(line);
    if (l.find("firebase") != std::string::npos) return true;
    return f.kept && (f.text.find("firebaseapp.com") != std::string::npos ||
                      f.text.find("messagingSenderId") != std::string::npos);
}

}  // namespace

// ---- values ---------------------------------------------------------------------------

bool is_reference(std::string_view v) {
    v = str::trim(v);
    if (v.empty()) return false;
    if (v[0] == '$' || v[0] == '%' || (v[0] == '@' && v.size() > 1 && v[1] == '{')) return true;
    if (contains_any(v, {"${", "{{", "}}", "#{", "%(", "%s", "<%", "process.env", "import.meta.env", "os.Getenv",
                         "os.environ", "os.getenv", "getenv(", "ENV[", "env(", "secrets.", "vault:", "ref+", "op://",
                         "arn:aws:secretsmanager", "sm://", "gcp:secretmanager", "akv://", "keyvault"}))
        return true;
    return false;
}

bool is_placeholder(std::string_view v) {
    v = str::trim(v);
    while (!v.empty() && (v.front() == '"' || v.front() == '\'' || v.front() == '`')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == '"' || v.back() == '\'' || v.back() == '`')) v.remove_suffix(1);
    if (v.empty()) return true;
    if (v.front() == '<' || v.front() == '[' || v.front() == '{') return true;  // <your-key>, [secret], {token}
    auto l = str::lower(v);
    static constexpr std::array<std::string_view, 30> k_exact{
        "null", "none", "nil", "undefined", "true", "false", "string", "str", "number", "bool", "boolean", "any",
        "optional", "required", "secret", "password", "token", "apikey", "api_key", "key", "pass", "passwd", "value",
        "empty", "unset", "tbd", "n/a", "na", "default", "hidden"};
    for (auto e : k_exact)
        if (l == e) return true;
    if (contains_any(l, {"changeme", "change-me", "change_me", "change.me", "changethis", "change-this", "replace",
                         "your", "example", "sample", "dummy", "placeholder", "redacted", "insert", "enter-", "enter_",
                         "fixme", "todo", "xxx", "***", "...", "test", "fake", "mock", "secret", "password", "passw",
                         "not-a-real", "notreal", "not_real", "foobar", "lorem", "s3cr3t", "p@ss", "pa55"}))
        return true;
    return low_variety(v) || counting_sequence(v) || repeated_unit(v);
}

bool secret_like_name(std::string_view name) {
    // split camelCase and separators into lowercase words
    std::vector<std::string> words;
    std::string cur;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u)) {
            if (!cur.empty()) words.push_back(cur), cur.clear();
            continue;
        }
        if (std::isupper(u) && !cur.empty() && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))
            words.push_back(cur), cur.clear();
        cur.push_back(static_cast<char>(std::tolower(u)));
    }
    if (!cur.empty()) words.push_back(cur);
    if (words.empty()) return false;
    std::string joined;
    for (const auto& w : words) joined += w;
    static constexpr std::array<std::string_view, 12> k_secret{"password", "passwd", "passphrase", "pwd", "secret",
                                                                "token", "apikey", "credential", "credentials",
                                                                "privatekey", "accesskey", "auth"};
    bool secret = false;
    for (auto s : k_secret)
        if (joined.find(s) != std::string::npos) secret = true;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i + 1] == "key" && (words[i] == "api" || words[i] == "access" || words[i] == "private" ||
                                      words[i] == "signing" || words[i] == "encryption" || words[i] == "master" ||
                                      words[i] == "secret" || words[i] == "client" || words[i] == "license"))
            secret = true;
    if (words.back() == "key" && words.size() >= 2) secret = true;  // STRIPE_KEY, SENDGRID_KEY
    if (!secret) return false;
    // public by design, or a name about the secret rather than the secret itself
    for (const auto& w : words)
        if (w == "public" || w == "publishable" || w == "pub" || w == "csrf" || w == "xsrf") return false;
    static constexpr std::array<std::string_view, 44> k_meta{
        "url", "uri", "endpoint", "path", "file", "dir", "name", "type", "id", "ids", "field", "param", "header",
        "length", "len", "size", "count", "min", "max", "regex", "pattern", "policy", "prompt", "label", "placeholder",
        "hint", "message", "msg", "error", "format", "prefix", "suffix", "expiry", "expires", "expiration", "ttl",
        "timeout", "hash", "hashed", "digest", "env", "var", "ref", "version"};
    for (auto m : k_meta)
        if (words.back() == m) return false;
    static constexpr std::array<std::string_view, 14> k_not{
        "tokenizer", "tokens", "tokenize", "tokenized", "secretname", "secretref", "secretkeyref", "secretsmanager",
        "reset", "forgot", "confirm", "confirmation", "strength", "rules"};
    for (const auto& w : words)
        for (auto n : k_not)
            if (w == n) return false;
    if (joined.find("secretkeyref") != std::string::npos || joined.find("secretname") != std::string::npos ||
        joined.find("tokentype") != std::string::npos || joined.find("authtype") != std::string::npos ||
        joined.find("authmethod") != std::string::npos || joined.find("authprovider") != std::string::npos ||
        joined.find("authorization") != std::string::npos || joined.find("author") != std::string::npos)
        return false;
    return true;
}

bool strong_value(std::string_view v) {
    if (v.size() < 12 || str::entropy(v) < 3.5) return false;
    bool lo = false, up = false, di = false;
    for (char c : v) {
        auto u = static_cast<unsigned char>(c);
        lo = lo || std::islower(u);
        up = up || std::isupper(u);
        di = di || std::isdigit(u);
    }
    return lo + up + di >= 2;
}

// ---- URLs ---------------------------------------------------------------------------------

std::optional<UrlCredentials> url_credentials(std::string_view text) {
    auto scheme = text.find("://");
    if (scheme == std::string_view::npos) return std::nullopt;
    std::size_t a = scheme + 3;
    std::size_t at = text.find('@', a);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view creds = text.substr(a, at - a);
    if (creds.find('/') != std::string_view::npos || creds.find_first_of(" \t'\"`") != std::string_view::npos)
        return std::nullopt;
    auto colon = creds.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    UrlCredentials c;
    c.user = std::string(creds.substr(0, colon));
    c.password = std::string(creds.substr(colon + 1));
    c.password_at = a + colon + 1;
    std::size_t h = at + 1, e = h;
    while (e < text.size() && text[e] != '/' && text[e] != ':' && text[e] != '?' && text[e] != '"' && text[e] != '\'' &&
           text[e] != '`' && !std::isspace(static_cast<unsigned char>(text[e])))
        ++e;
    c.host = str::lower(text.substr(h, e - h));
    if (c.password.empty()) return std::nullopt;
    return c;
}

bool url_password_is_placeholder(const UrlCredentials& c) {
    const std::string& p = c.password;
    if (is_reference(p) || p.find('{') != std::string::npos || p.find('<') != std::string::npos) return true;
    if (p.find(':') != std::string::npos) return true;  // ${VAR:?message} spilled over
    bool example_host = str::ends_with(c.host, "example.com") || str::ends_with(c.host, "example.org") ||
                        str::ends_with(c.host, "example.net") || str::ends_with(c.host, ".example") ||
                        str::ends_with(c.host, ".test") || str::ends_with(c.host, ".invalid") || c.host == "host" ||
                        c.host == "hostname";
    if (example_host) return true;
    bool local = c.host == "localhost" || c.host == "127.0.0.1" || c.host == "0.0.0.0" || c.host == "[::1]" ||
                 c.host == "host.docker.internal" || c.host.find('.') == std::string::npos;
    auto l = str::lower(p);
    static constexpr std::array<std::string_view, 22> k_dev{
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbit", "rabbitmq", "guest",
        "root", "admin", "pass", "dev", "development", "local", "user", "app", "pg", "sa", "db", "toor"};
    bool dev_default = p == c.user;
    for (auto d : k_dev)
        if (l == d) dev_default = true;
    if (is_placeholder(p) && !(p.size() >= 12 && strong_value(p) && !local)) return true;
    if (local && (dev_default || p.size() < 10 || str::entropy(p) < 3.0)) return true;
    return false;
}

// ---- findings -----------------------------------------------------------------------------

// UI message catalogues ("password": "Contrasenya"): their values are words shown to users, never
// credentials, so keyword-only (generic) rules skip them; provider-format tokens are still found.
bool translation_file(std::string_view path) {
    static constexpr std::string_view k_dirs[] = {"intl", "i18n", "l10n", "locale", "locales", "lang", "langs",
                                                  "translations", "messages", "lang-packs"};
    static constexpr std::string_view k_exts[] = {".json", ".yml", ".yaml", ".po", ".properties", ".arb", ".xlf",
                                                  ".xliff", ".strings", ".resx", ".toml"};
    bool ext_ok = false;
    for (auto e : k_exts) ext_ok = ext_ok || str::ends_with(path, e);
    if (!ext_ok) return false;
    auto segs = str::split(path, '/');
    for (std::size_t i = 0; i + 1 < segs.size(); ++i)
        for (auto d : k_dirs)
            if (segs[i] == d) return true;
    return false;
}

std::vector<Finding> find_secrets(const ProbeContext& ctx) {
    std::vector<Finding> out;
    const auto& rs = rules();
    const auto& res = compiled();
    for (std::size_t ri = 0; ri < rs.size(); ++ri) {
        const Rule& rule = rs[ri];
        bool generic = rule.kind == Kind::generic_password || rule.kind == Kind::generic_secret;
        for (const auto* h : ctx.hits(rule.id)) {
            const File& f = ctx.model.files[h->file];
            if (is_env_file(f) && !is_env_template(f.path)) continue;  // SEC-02 judges committed env files
            if (generic && (f.kind == FileKind::generated || f.kind == FileKind::docs || f.lang == Language::markdown ||
                            translation_file(f.path)))
                continue;
            std::size_t col0 = h->column ? h->column - 1 : 0;
            bool in_line = col0 < h->line_text.size();
            bool truncated = h->line_text.size() >= 512;
            std::string_view tail = rule.kind == Kind::pem || !in_line ? std::string_view(h->match)
                                                                     : std::string_view(h->line_text).substr(col0);
            if (rule.boundary && in_line && col0 > 0 && word_char(h->line_text[col0 - 1])) continue;
            std::cmatch m;
            Finding fd;
            fd.file = &f;
            fd.rule = std::string(rule.id);
            fd.label = std::string(rule.label);
            fd.keep = rule.keep;
            fd.test_mode = rule.test_mode;
            fd.line_text = h->line_text;
            std::size_t sec_off = 0;  // offset of the secret from the hit's start
            if (std::regex_search(tail.data(), tail.data() + tail.size(), m, res[ri],
                                  std::regex_constants::match_continuous)) {
                fd.secret = m[rule.group].str();
                sec_off = static_cast<std::size_t>(m.position(rule.group));
            } else if (rule.kind == Kind::token && (truncated || !in_line)) {
                fd.secret = h->match;  // the line is cut before the token ends: keep what the scanner saw
            } else {
                continue;
            }
            switch (rule.kind) {
                case Kind::token:
                    if (token_placeholder(fd.secret, rule.keep)) continue;
                    if (rule.id == "sec.secret.gcp-api-key" && firebase_context(f, h->line_text)) {
                        fd.public_by_design = true;
                        fd.note = "Firebase web API key: public by design; restrict it by HTTP referrer and API";
                    }
                    if (rule.id == "sec.secret.npmrc-auth-token" && is_reference(fd.secret)) continue;
                    break;
                case Kind::jwt: {
                    auto dot1 = fd.secret.find('.');
                    auto dot2 = fd.secret.find('.', dot1 + 1);
                    std::string header = base64url_decode(std::string_view(fd.secret).substr(0, dot1));
                    std::string payload =
                        strip_spaces(base64url_decode(std::string_view(fd.secret).substr(dot1 + 1, dot2 - dot1 - 1)));
                    if (header.empty() || header[0] != '{' || header.find("\"alg\"") == std::string::npos) continue;
                    if (payload.find("\"name\":\"JohnDoe\"") != std::string::npos) continue;  // jwt.io's sample
                    // A token whose exp lies in the past grants nothing: API docs' example tokens
                    // (OpenAPI `example:` values) are usually long expired.
                    if (auto exp = payload.find("\"exp\":"); exp != std::string::npos) {
                        long long t = 0;
                        std::size_t i = exp + 6;
                        bool digits = false;
                        for (; i < payload.size() && payload[i] >= '0' && payload[i] <= '9' && t < 100000000000LL; ++i) {
                            t = t * 10 + (payload[i] - '0');
                            digits = true;
                        }
                        if (digits && t < static_cast<long long>(std::time(nullptr))) continue;
                    }
                    if (payload.find("\"role\":\"anon\"") != std::string::npos) {
                        fd.public_by_design = true;
                        fd.note = "Supabase anon key: public by design (row-level security protects the data)";
                    }
                    break;
                }
                case Kind::pem: {
                    std::string kind = str::lower(str::trim(m[1].str()));
                    if (low_variety(fd.secret) || token_placeholder(fd.secret, 0)) continue;
                    fd.label = kind.empty() ? "private key" : fmt::format("{} private key", kind);
                    if (h->line_text.find("\"private_key\"") != std::string::npos)
                        fd.label = "service-account private key (JSON key file)";
                    if (kind.find("encrypted") != std::string::npos)
                        fd.note = "passphrase-protected, but the passphrase usually travels with it";
                    if (test_key_path(f.path)) {
                        fd.test_mode = true;
                        fd.note = "named as a test/development key";
                    }
                    // A key inside a one-line JSON string: mask the body up to its END marker on this line.
                    auto nl = h->match.find_first_of("\r\n");
                    bool one_line = nl == std::string::npos || nl > static_cast<std::size_t>(m.position(2));
                    if (one_line && in_line) {
                        std::size_t body = col0 + sec_off;
                        std::size_t stop = h->line_text.find("-----END", body);
                        fd.secret = h->line_text.substr(body, stop == std::string::npos ? std::string::npos : stop - body);
                    }
                    break;
                }
                case Kind::url: {
                    auto c = url_credentials(tail);  // the whole URL: the host decides what a default password means
                    if (!c || url_password_is_placeholder(*c)) continue;
                    sec_off = c->password_at;
                    fd.secret = c->password;
                    fd.label = fmt::format("{} URL with an inline password", tail.substr(0, tail.find("://")));
                    break;
                }
                case Kind::generic_password:
                case Kind::generic_secret: {
                    if (seed_file(f.path)) {
                        fd.test_mode = true;
                        fd.note = "a development seed's sample credential; it matters only if the seed runs in production";
                    }
                    auto kw_len = static_cast<std::size_t>(m.position(1) + m.length(1));
                    std::string name = full_name(h->line_text, col0, tail.substr(0, kw_len));
                    // a quoted name after `?` is a ternary's string operand ('bad_password' : 'unknown_user'), not a key
                    if (in_line) {
                        std::size_t nb = col0 - (name.size() - kw_len);  // where the name starts in the line
                        if (nb > 0 && (h->line_text[nb - 1] == '\'' || h->line_text[nb - 1] == '"')) {
                            std::size_t q = nb - 1;
                            while (q > 0 && h->line_text[q - 1] == ' ') --q;
                            if (q > 0 && h->line_text[q - 1] == '?') continue;
                        }
                    }
                    std::string quote = m[2].str();
                    std::size_t after = static_cast<std::size_t>(m.position(3) + m.length(3));
                    if (!quote.empty()) {
                        if (after >= tail.size() || tail[after] != quote[0]) continue;  // not the whole literal
                    } else {
                        while (!fd.secret.empty() && (fd.secret.back() == ',' || fd.secret.back() == ';')) fd.secret.pop_back();
                        if (after < tail.size() && !std::isspace(static_cast<unsigned char>(tail[after]))) continue;
                    }
                    // a comparison (password == "x") is not an assignment
                    std::size_t op = static_cast<std::size_t>(m.position(2));
                    while (op > 0 && (tail[op - 1] == ' ' || tail[op - 1] == '\t')) --op;
                    if (op >= 2 && tail.substr(op - 2, 2) == "==") continue;
                    if (fd.secret.empty() || fd.secret[0] == '=') continue;
                    // Shell/compose parameter expansion: in ${NAME:?message} the text after `?` is the error
                    // message printed when NAME is unset, and in ${NAME:-default} the secret is the default.
                    if (in_line) {
                        std::size_t nb = col0 - (name.size() - kw_len);
                        if (nb >= 2 && h->line_text.compare(nb - 2, 2, "${") == 0) {
                            if (fd.secret[0] == '?') continue;
                            if (fd.secret[0] == '-') {
                                fd.secret.erase(0, 1);
                                ++sec_off;
                                while (!fd.secret.empty() && fd.secret.back() == '}') fd.secret.pop_back();
                                if (fd.secret.empty() || is_reference(fd.secret)) continue;
                            }
                        }
                    }
                    if (!generic_value_ok(f, name, fd.secret, quote.empty() ? '\0' : quote[0],
                                          rule.kind == Kind::generic_password))
                        continue;
                    fd.label = fmt::format("{} in `{}`", rule.label, str::clip(name, 60));
                    break;
                }
            }
            if (fd.secret.empty()) continue;
            fd.begin = h->begin + static_cast<std::uint32_t>(sec_off);
            fd.end = fd.begin + static_cast<std::uint32_t>(fd.secret.size());
            fd.line = h->line;
            fd.column = h->column + static_cast<std::uint32_t>(sec_off);
            // a PEM body starts on the next line: the header line itself holds no secret
            if (rule.kind == Kind::pem) {
                auto nl = h->match.find_first_of("\r\n");
                if (nl != std::string::npos && nl < sec_off) {
                    fd.column = h->column;
                    fd.in_line = std::string::npos;
                } else if (in_line) {
                    fd.in_line = col0 + sec_off;
                }
            } else if (in_line && col0 + sec_off < h->line_text.size()) {
                fd.in_line = col0 + sec_off;
            }
            bool dup = false;
            for (const auto& o : out)
                if (o.file == fd.file && fd.begin < o.end && o.begin < fd.end) dup = true;
            if (!dup) out.push_back(std::move(fd));
        }
    }
    return out;
}

std::optional<TokenMatch> provider_token(std::string_view value) {
    const auto& rs = rules();
    const auto& res = compiled();
    for (std::size_t ri = 0; ri < rs.size(); ++ri) {
        const Rule& rule = rs[ri];
        if (rule.kind != Kind::token) continue;
        const auto& lit = required_literals()[ri];
        if (!lit.empty() && !(rule.icase ? str::icontains(value, lit) : str::contains(value, lit))) continue;
        std::cmatch m;
        const char* b = value.data();
        const char* e = value.data() + value.size();
        while (b < e && std::regex_search(b, e, m, res[ri])) {
            auto at = static_cast<std::size_t>(m.position(0)) + static_cast<std::size_t>(b - value.data());
            bool left_ok = !rule.boundary || at == 0 || !word_char(value[at - 1]);
            std::string tok = m[rule.group].str();
            if (left_ok && !token_placeholder(tok, rule.keep))
                return TokenMatch{std::string(rule.label), tok, rule.keep, rule.test_mode};
            b += m.position(0) + 1;
        }
    }
    return std::nullopt;
}

TokenLines::TokenLines(const ProbeContext& ctx) {
    for (const auto& rule : rules()) {
        if (rule.kind != Kind::token) continue;
        std::map<const File*, std::size_t> per_file;
        for (const auto* h : ctx.model.hits_for(rule.id)) {  // every service's: the set is keyed by file
            const File* f = &ctx.model.file_at(h->file);
            m_lines.insert({f, h->line});
            if (++per_file[f] >= collect::Scanner::k_max_hits_per_signature) m_capped.insert(f);
        }
    }
}

bool TokenLines::may_hold(const File& f, std::size_t first_line, std::size_t last_line) const {
    if (m_capped.count(&f)) return true;
    auto it = m_lines.lower_bound({&f, first_line});
    return it != m_lines.end() && it->first == &f && it->second <= last_line;
}

const TokenLines& token_lines(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<TokenLines>(&tag, "", [&] { return TokenLines(ctx); });
}

std::string masked(const Finding& f) {
    if (f.rule == "sec.secret.private-key") return "[private key body]";
    return str::mask(f.secret, f.keep);
}

std::string masked_snippet(std::string_view line_in, std::string_view secret, std::size_t keep) {
    std::string line(line_in);
    std::string m = str::mask(secret, keep);
    std::size_t first = std::string::npos;
    for (std::size_t p = line.find(secret); !secret.empty() && p != std::string::npos; p = line.find(secret, p + m.size())) {
        line.replace(p, secret.size(), m);
        if (first == std::string::npos) first = p;
    }
    if (first == std::string::npos) return str::clip(str::trim(line), 160);
    std::size_t start = first > 50 ? first - 50 : 0;
    std::string out = (start ? "…" : "") + std::string(str::trim(std::string_view(line).substr(start)));
    return str::clip(out, 160);
}

Evidence finding_evidence(const Finding& f, const std::vector<Finding>& all, std::string note) {
    Evidence e;
    e.path = f.file->path;
    e.line = f.line;
    e.column = f.column;
    e.note = note.empty() ? fmt::format("{} ({})", f.label, masked(f)) : std::move(note);
    std::string line = f.line_text;
    // A secret that runs past the scanner's 512-byte line: cut the line where it starts.
    for (const auto& o : all) {
        if (o.file != f.file || o.line != f.line || o.in_line == std::string::npos) continue;
        if (o.in_line + o.secret.size() > line.size() && o.in_line <= line.size())
            line = line.substr(0, o.in_line) + masked(o);
    }
    std::size_t first = std::string::npos;
    for (const auto& o : all) {
        if (o.file != f.file || o.line != f.line || o.secret.empty()) continue;
        std::string m = masked(o);
        for (std::size_t p = line.find(o.secret); p != std::string::npos; p = line.find(o.secret, p + m.size())) {
            line.replace(p, o.secret.size(), m);
            if (&o == &f || first == std::string::npos) first = p;
        }
    }
    if (f.in_line == std::string::npos && f.rule != "sec.secret.private-key" && line.find(masked(f)) == std::string::npos) {
        // the secret is beyond the part of the line the scanner kept
        e.snippet = fmt::format("… {} …", masked(f));
        return e;
    }
    std::size_t start = first != std::string::npos && first > 50 ? first - 50 : 0;
    std::string out = (start ? "…" : "") + std::string(str::trim(std::string_view(line).substr(start)));
    e.snippet = str::clip(out, 160);
    return e;
}

// ---- env files ------------------------------------------------------------------------

std::string dir_of(std::string_view path) {
    auto s = path.rfind('/');
    return s == std::string_view::npos ? std::string() : std::string(path.substr(0, s));
}

std::string base_of(std::string_view path) {
    auto s = path.rfind('/');
    return std::string(s == std::string_view::npos ? path : path.substr(s + 1));
}

bool is_env_file(const File& f) { return f.lang == Language::env; }

bool is_env_template(std::string_view path) {
    auto l = str::lower(base_of(path));
    for (std::string_view t : {"example", "sample", "template", "dist", "defaults", "schema", "tmpl", "tpl"})
        if (l.find(t) != std::string::npos) return true;
    return false;
}

bool is_env_test(const File& f) {
    if (f.kind == FileKind::test) return true;
    auto l = str::lower(base_of(f.path));
    return l == ".env.test" || l == ".env.testing" || l == ".env.ci" || str::starts_with(l, ".env.test.") ||
           l == "test.env" || l == ".env.e2e";
}

std::vector<EnvEntry> parse_env(const File& f) {
    std::vector<EnvEntry> out;
    if (!f.kept) return out;
    std::size_t n = f.lines.line_count();
    for (std::size_t ln = 1; ln <= n; ++ln) {
        std::string_view raw = f.lines.line_text(f.text, ln);
        std::string_view s = str::trim(raw);
        if (s.empty() || s[0] == '#') continue;
        if (str::starts_with(s, "export ")) s = str::trim(s.substr(7));
        auto eq = s.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        std::string_view key = str::trim(s.substr(0, eq));
        bool key_ok = true;
        for (char c : key)
            if (!word_char(c) && c != '.' && c != '-') key_ok = false;
        if (!key_ok) continue;
        std::string_view v = str::trim(s.substr(eq + 1));
        std::size_t vstart = static_cast<std::size_t>(v.data() - raw.data());
        std::string value;
        if (!v.empty() && (v[0] == '"' || v[0] == '\'' || v[0] == '`')) {
            auto close = v.find(v[0], 1);
            value = std::string(v.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
            ++vstart;
        } else {
            auto hash = v.find(" #");
            value = std::string(str::trim(v.substr(0, hash)));
        }
        out.push_back({std::string(key), value, ln, vstart + 1});
    }
    return out;
}

// ---- the environment in code ---------------------------------------------------------------

namespace {

std::string_view node_text(const File& f, TSNode n) { return syn::text(f, n); }

using syn::field;

bool is_str(TSNode n) { return !ts_node_is_null(n) && syn::is_string_literal(n); }

// JS: the `x || 'lit'` / `x ?? 'lit'` around a read.
void js_default(const File& f, TSNode read, EnvRead& r) {
    TSNode cur = read;
    TSNode p = ts_node_parent(cur);
    while (!ts_node_is_null(p) && (syn::type(p) == "non_null_expression" || syn::type(p) == "parenthesized_expression" ||
                                    syn::type(p) == "as_expression")) {
        cur = p;
        p = ts_node_parent(p);
    }
    if (ts_node_is_null(p) || syn::type(p) != "binary_expression") return;
    TSNode op = field(p, "operator");
    auto ot = ts_node_is_null(op) ? std::string_view{} : node_text(f, op);
    if (ot != "||" && ot != "??") return;
    TSNode left = field(p, "left");
    if (!ts_node_eq(left, cur)) return;
    r.has_default = true;
    TSNode right = field(p, "right");
    if (is_str(right)) {
        r.default_value = syn::string_value(f, right);
        r.literal_default = !r.default_value.empty();
    }
}

// Python: os.environ.get("X", "d") / os.getenv("X", "d").
void py_default(const File& f, const syn::Call& c, EnvRead& r) {
    auto args = syn::call_args(c);
    if (args.size() < 2) return;
    TSNode d = args[1];
    if (syn::type(d) == "keyword_argument") d = field(d, "value");
    if (ts_node_is_null(d) || syn::type(d) == "none") return;
    r.has_default = true;
    if (is_str(d)) {
        r.default_value = syn::string_value(f, d);
        r.literal_default = !r.default_value.empty();
    }
}

EnvRead read_at(const File& f, TSNode n) {
    EnvRead r;
    r.file = &f;
    r.node = n;
    return r;
}

bool module_level(TSNode n) { return ts_node_is_null(syn::enclosing_function(n)); }

// A helper that reads the environment with a default: getEnv("X", "d"), env_or("X", "d"), GetEnvOrDefault(...).
bool env_helper_name(std::string_view name) {
    auto l = str::lower(name);
    std::string k;
    for (char c : l)
        if (c != '_') k.push_back(c);
    return k == "getenv" || k == "getenvordefault" || k == "getenvor" || k == "envor" || k == "envdefault" ||
           k == "getenvdefault" || k == "lookupenvor" || k == "envordefault" || k == "getenvwithdefault" ||
           k == "mustgetenv" || k == "mustenv" || k == "requireenv" || k == "getrequiredenv" || k == "requiredenv";
}

}  // namespace

namespace {
std::vector<EnvRead> find_env_reads(const ProbeContext& ctx);
}

// Made once per service and shared (SEC-02 and SEC-13 both ask; large trees read "env" in thousands of files).
const std::vector<EnvRead>& env_reads(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<std::vector<EnvRead>>(&tag, std::to_string(ctx.service), [&] { return find_env_reads(ctx); });
}

namespace {

std::vector<EnvRead> find_env_reads(const ProbeContext& ctx) {
    std::vector<EnvRead> out;
    for (const File* fp : code_files(ctx)) {
        const File& f = *fp;
        bool js = f.lang == Language::javascript || f.lang == Language::typescript || f.lang == Language::tsx;
        bool go = f.lang == Language::go;
        bool py = f.lang == Language::python;
        if (js && f.text.find("env") == std::string::npos) continue;
        if (go && f.text.find("env") == std::string::npos && f.text.find("Env") == std::string::npos) continue;
        if (py && f.text.find("env") == std::string::npos && f.text.find("ENV") == std::string::npos) continue;
        TSNode root = syn::root(f);
        if (js) {
            syn::walk_types(root, {"member_expression", "subscript_expression", "variable_declarator", "call_expression"},
                            [&](TSNode n) {
                auto t = syn::type(n);
                if (t == "member_expression" || t == "subscript_expression") {
                    TSNode obj = field(n, "object");
                    auto ot = ts_node_is_null(obj) ? std::string_view{} : node_text(f, obj);
                    if (ot == "process.env" || ot == "import.meta.env" || ot == "Bun.env") {
                        EnvRead r = read_at(f, n);
                        if (t == "member_expression") {
                            TSNode prop = field(n, "property");
                            if (!ts_node_is_null(prop)) r.name = std::string(node_text(f, prop));
                        } else {
                            TSNode idx = field(n, "index");
                            if (is_str(idx)) r.name = syn::string_value(f, idx);
                        }
                        js_default(f, n, r);
                        out.push_back(std::move(r));
                        return false;
                    }
                    return true;
                }
                if (t == "variable_declarator") {
                    TSNode val = field(n, "value");
                    TSNode name = field(n, "name");
                    if (!ts_node_is_null(val) && !ts_node_is_null(name) && syn::type(name) == "object_pattern" &&
                        (node_text(f, val) == "process.env" || node_text(f, val) == "import.meta.env")) {
                        std::uint32_t cnt = ts_node_named_child_count(name);
                        for (std::uint32_t i = 0; i < cnt; ++i) {
                            TSNode p = ts_node_named_child(name, i);
                            EnvRead r = read_at(f, p);
                            auto pt = syn::type(p);
                            if (pt == "shorthand_property_identifier_pattern") {
                                r.name = std::string(node_text(f, p));
                            } else if (pt == "object_assignment_pattern") {
                                TSNode l = field(p, "left");
                                TSNode rr = field(p, "right");
                                if (!ts_node_is_null(l)) r.name = std::string(node_text(f, l));
                                r.has_default = true;
                                if (is_str(rr)) {
                                    r.default_value = syn::string_value(f, rr);
                                    r.literal_default = !r.default_value.empty();
                                }
                            } else if (pt == "pair_pattern") {
                                TSNode k = field(p, "key");
                                if (!ts_node_is_null(k)) r.name = std::string(node_text(f, k));
                            } else {
                                continue;
                            }
                            out.push_back(std::move(r));
                        }
                        return false;
                    }
                    return true;
                }
                if (t == "call_expression") {
                    TSNode fn = field(n, "function");
                    auto ft = ts_node_is_null(fn) ? std::string_view{} : node_text(f, fn);
                    if (ft == "Deno.env.get") {
                        EnvRead r = read_at(f, n);
                        TSNode args = field(n, "arguments");
                        if (!ts_node_is_null(args) && ts_node_named_child_count(args) > 0 &&
                            is_str(ts_node_named_child(args, 0)))
                            r.name = syn::string_value(f, ts_node_named_child(args, 0));
                        js_default(f, n, r);
                        out.push_back(std::move(r));
                    }
                }
                return true;
            });
            continue;
        }
        for (const auto& c : syn::calls(f, root)) {
            auto args = syn::call_args(c);
            if (go) {
                bool getenv = c.callee == "os.Getenv" || c.callee == "os.LookupEnv" || c.callee == "syscall.Getenv";
                bool helper = !getenv && env_helper_name(c.name) && !args.empty() && is_str(args[0]);
                if (!getenv && !helper) continue;
                EnvRead r = read_at(f, c.node);
                if (!args.empty() && is_str(args[0])) r.name = syn::string_value(f, args[0]);
                if (helper && args.size() >= 2) {
                    r.has_default = true;
                    if (is_str(args[1])) {
                        r.default_value = syn::string_value(f, args[1]);
                        r.literal_default = !r.default_value.empty();
                    }
                }
                // cmp.Or(os.Getenv("X"), "default")
                TSNode p = ts_node_parent(c.node);
                if (!ts_node_is_null(p) && syn::type(p) == "argument_list") {
                    TSNode call = ts_node_parent(p);
                    auto ct = ts_node_is_null(call) ? std::string_view{} : node_text(f, field(call, "function"));
                    if (ct == "cmp.Or" && ts_node_named_child_count(p) >= 2) {
                        r.has_default = true;
                        TSNode d = ts_node_named_child(p, ts_node_named_child_count(p) - 1);
                        if (is_str(d)) {
                            r.default_value = syn::string_value(f, d);
                            r.literal_default = !r.default_value.empty();
                        }
                    }
                }
                // x := os.Getenv("X"); if x == "" { x = "default" }
                if (getenv && !r.has_default) {
                    TSNode decl = ts_node_parent(c.node);
                    while (!ts_node_is_null(decl) && syn::type(decl) == "expression_list") decl = ts_node_parent(decl);
                    if (!ts_node_is_null(decl) &&
                        (syn::type(decl) == "short_var_declaration" || syn::type(decl) == "assignment_statement")) {
                        TSNode lhs = field(decl, "left");
                        std::string var = ts_node_is_null(lhs) ? "" : std::string(node_text(f, lhs));
                        auto comma = var.find(',');
                        if (comma != std::string::npos) var = var.substr(0, comma);
                        TSNode next = ts_node_next_named_sibling(decl);
                        if (!var.empty() && !ts_node_is_null(next) && syn::type(next) == "if_statement") {
                            auto cond = node_text(f, field(next, "condition"));
                            TSNode cons = field(next, "consequence");
                            if (cond.find(var) != std::string_view::npos && cond.find("\"\"") != std::string_view::npos &&
                                !ts_node_is_null(cons)) {
                                syn::walk(cons, [&](TSNode x) {
                                    if (syn::type(x) == "assignment_statement" &&
                                        node_text(f, field(x, "left")) == var) {
                                        r.has_default = true;
                                        TSNode rv = field(x, "right");
                                        if (!ts_node_is_null(rv) && ts_node_named_child_count(rv) > 0 &&
                                            is_str(ts_node_named_child(rv, 0))) {
                                            r.default_value = syn::string_value(f, ts_node_named_child(rv, 0));
                                            r.literal_default = !r.default_value.empty();
                                        }
                                    }
                                    return true;
                                });
                            }
                        }
                    }
                }
                out.push_back(std::move(r));
            } else if (py) {
                bool get = c.callee == "os.environ.get" || c.callee == "os.getenv" || c.callee == "environ.get" ||
                           c.callee == "getenv" || c.callee == "os.environ.setdefault";
                bool helper = !get && env_helper_name(c.name) && !args.empty() && is_str(args[0]);
                if (!get && !helper) continue;
                EnvRead r = read_at(f, c.node);
                if (!args.empty() && is_str(args[0])) r.name = syn::string_value(f, args[0]);
                py_default(f, c, r);
                out.push_back(std::move(r));
            }
        }
        // os.environ["X"] / environ["X"]: only a file naming environ can hold one.
        if (py && f.text.find("environ") != std::string::npos) {
            syn::walk_types(root, {"subscript"}, [&](TSNode n) {
                TSNode v = field(n, "value");
                auto vt = ts_node_is_null(v) ? std::string_view{} : node_text(f, v);
                if (vt != "os.environ" && vt != "environ") return true;
                EnvRead r = read_at(f, n);
                TSNode s = field(n, "subscript");
                if (is_str(s)) r.name = syn::string_value(f, s);
                r.fails_fast = module_level(n);
                out.push_back(std::move(r));
                return false;
            });
        }
    }
    return out;
}

}  // namespace

std::optional<Evidence> env_file_loader(const ProbeContext& ctx, std::string* what) {
    static constexpr std::array<std::string_view, 14> k_deps{
        "dotenv", "dotenv-flow", "dotenv-expand", "@dotenvx/dotenvx", "dotenv-safe", "env-cmd", "@nestjs/config",
        "next", "vite", "nuxt", "python-dotenv", "django-environ", "environs", "github.com/joho/godotenv"};
    for (auto d : k_deps) {
        for (const auto& dep : ctx.svc().dependencies) {
            if (dep.name != d) continue;
            if (what) *what = d == "next" ? "Next.js (loads .env files itself)" : fmt::format("the {} package", d);
            if (auto e = dependency_evidence(ctx, d)) return e;
            Evidence e;
            e.path = dep.manifest;
            return e;
        }
    }
    // compose env_file:, node --env-file in package.json scripts
    for (const auto& cs : compose_services(ctx)) {
        if (!cs.node.IsMap() || !cs.node["env_file"]) continue;
        if (what) *what = fmt::format("compose service `{}` (env_file)", cs.name);
        auto ln = line_of(*cs.file, "env_file");
        return ln ? cs.file->evidence_line(ln) : Evidence{cs.file->path, 0, 0, "", "", "", "", ""};
    }
    for (const File* f : ctx.files()) {
        if (!f->kept || base_of(f->path) != "package.json" || !f->json || !f->is_own()) continue;
        const auto& j = *f->json;
        if (!j.is_object() || !j.contains("scripts") || !j["scripts"].is_object()) continue;
        for (const auto& [k, v] : j["scripts"].items()) {
            if (!v.is_string()) continue;
            auto s = v.get<std::string>();
            if (s.find("--env-file") == std::string::npos && s.find("dotenv") == std::string::npos) continue;
            if (what) *what = fmt::format("the `{}` script", k);
            auto ln = line_of(*f, fmt::format("\"{}\"", k));
            return ln ? f->evidence_line(ln) : f->evidence_line(1);
        }
    }
    for (const File* f : code_files(ctx)) {
        if (f->lang != Language::python && f->lang != Language::go) continue;
        for (std::string_view call : {"load_dotenv(", "read_env(", "godotenv.Load("}) {
            auto pos = f->text.find(call);
            if (pos == std::string::npos) continue;
            TSNode n = syn::node_at(*f, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + call.size()));
            if (ts_node_is_null(n)) continue;
            if (what) *what = fmt::format("`{}...)`", call);
            return f->evidence_at(pos);
        }
    }
    return std::nullopt;
}

}  // namespace gonogo::checks::secrets
