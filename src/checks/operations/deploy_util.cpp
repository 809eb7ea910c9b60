// Deployment-configuration helpers of the deploy group (see deploy_util.hpp):
// Dockerfile instructions, image references, Helm rendering with values.yaml,
// Kubernetes/compose/PM2/systemd/PaaS look-ups and the runtime picture.
#include "checks/operations/deploy_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks::deploy {

using collect::File;
using collect::Language;

// ============================================================================
// text and evidence
// ============================================================================

std::string mask_secrets(std::string_view line) {
    static const std::regex k_url(R"((://[^:/\s@'"]+:)([^@\s'"]+)(@))");
    static const std::regex k_kv(
        R"(((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|requirepass|masterauth)[A-Za-z0-9_.-]*["']?\s*[:=]\s*["']?)([^\s"',}\]]{3,}))",
        std::regex::icase);
    static const std::regex k_flag(
        R"(((?:--requirepass|--masterauth|--password)["']?(?:\s*,\s*|[=\s]+)["']?)([^\s"',\]]+))", std::regex::icase);
    std::string s(line);
    if (s.find("://") != std::string::npos) s = std::regex_replace(s, k_url, "$1****$3");
    std::string low = str::lower(s);
    if (low.find("pass") != std::string::npos || low.find("secret") != std::string::npos ||
        low.find("token") != std::string::npos || low.find("key") != std::string::npos ||
        low.find("pwd") != std::string::npos || low.find("auth") != std::string::npos) {
        s = std::regex_replace(s, k_flag, "$1****");
        // Keep interpolations (${VAR}, $(cmd)): they are references, not secrets.
        std::string out;
        auto begin = std::sregex_iterator(s.begin(), s.end(), k_kv);
        std::size_t last = 0;
        for (auto it = begin; it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            auto value = m[2].str();
            out += s.substr(last, static_cast<std::size_t>(m.position(0)) - last);
            out += m[1].str();
            out += (value[0] == '$' || value == "****") ? value : std::string("****");
            last = static_cast<std::size_t>(m.position(0) + m.length(0));
        }
        out += s.substr(last);
        s = std::move(out);
    }
    return s;
}

Evidence line_evidence(const File& f, std::size_t line, std::string note) {
    if (line == 0) line = 1;
    Evidence e = f.evidence_line(line, std::move(note));
    e.snippet = str::clip(mask_secrets(e.snippet), 160);
    return e;
}

std::string dir_of(std::string_view path) {
    auto s = path.rfind('/');
    return s == std::string_view::npos ? std::string{} : std::string(path.substr(0, s));
}

std::string base_of(std::string_view path) {
    auto s = path.rfind('/');
    return std::string(s == std::string_view::npos ? path : path.substr(s + 1));
}

std::string join_path(std::string_view dir, std::string_view rel) {
    std::vector<std::string> parts;
    auto push = [&](std::string_view p) {
        for (auto seg : str::split(p, '/')) {
            if (seg.empty() || seg == ".") continue;
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
                continue;
            }
            parts.emplace_back(seg);
        }
    };
    if (!str::starts_with(rel, "/")) push(dir);
    push(rel);
    return str::join(parts, "/");
}

bool is_dev_path(std::string_view path) {
    if (str::starts_with(path, ".devcontainer/") || str::contains(path, "/.devcontainer/")) return true;
    auto name = str::lower(base_of(path));
    static constexpr std::array<std::string_view, 14> k{".dev.", "-dev.", "_dev.", ".development.", "-development.",
                                                        ".local.", "-local.", "_local.", "override", ".test.",
                                                        "-test.", "_test.", ".ci.", "-ci."};
    for (auto t : k)
        if (str::contains(name, t)) return true;
    // Dockerfile.dev, Dockerfile.test, dev.Dockerfile
    static constexpr std::array<std::string_view, 6> k_suffix{".dev", ".develop", ".development", ".test", ".local", ".ci"};
    for (auto t : k_suffix)
        if (str::ends_with(name, t)) return true;
    return str::starts_with(name, "dev.") || str::starts_with(name, "test.");
}

YAML::Node yget(const YAML::Node& n, std::string_view key) {
    if (!n || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node& c = n;
    for (const auto& kv : c)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node ykey(const YAML::Node& n, std::string_view key) {
    if (!n || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node& c = n;
    for (const auto& kv : c)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.first;
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> scalar(const YAML::Node& n) {
    if (!n || !n.IsScalar()) return std::nullopt;
    return n.Scalar();
}

std::vector<std::string> command_words(const YAML::Node& n) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n.IsScalar()) return shell_words(n.Scalar());
    if (n.IsSequence())
        for (const auto& x : n)
            if (x.IsScalar()) {
                // ["sh", "-c", "redis-server --appendonly yes"]: split the script too
                auto w = shell_words(x.Scalar());
                if (w.size() > 1) out.insert(out.end(), w.begin(), w.end());
                else out.push_back(x.Scalar());
            }
    return out;
}

std::optional<long long> integer(const YAML::Node& n) {
    auto s = scalar(n);
    if (!s || s->empty()) return std::nullopt;
    std::string v = *s;
    std::size_t i = 0;
    if (v[0] == '-' || v[0] == '+') i = 1;
    if (i >= v.size()) return std::nullopt;
    for (std::size_t j = i; j < v.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(v[j]))) return std::nullopt;
    try {
        return std::stoll(v);
    } catch (...) {
        return std::nullopt;
    }
}

std::optional<bool> boolean(const YAML::Node& n) {
    auto s = scalar(n);
    if (!s) return std::nullopt;
    auto v = str::lower(*s);
    if (v == "true" || v == "yes" || v == "on") return true;
    if (v == "false" || v == "no" || v == "off") return false;
    return std::nullopt;
}

std::optional<double> quantity(std::string_view q) {
    q = str::trim(q);
    if (q.empty()) return std::nullopt;
    std::size_t i = 0;
    while (i < q.size() && (std::isdigit(static_cast<unsigned char>(q[i])) || q[i] == '.' || q[i] == '+' || q[i] == '-'))
        ++i;
    if (i == 0) return std::nullopt;
    double v = 0;
    try {
        v = std::stod(std::string(q.substr(0, i)));
    } catch (...) {
        return std::nullopt;
    }
    auto suf = q.substr(i);
    static const std::map<std::string, double, std::less<>> k{
        {"", 1},          {"m", 1e-3},         {"k", 1e3},          {"K", 1e3},          {"M", 1e6},
        {"G", 1e9},       {"T", 1e12},         {"P", 1e15},         {"Ki", 1024.0},      {"Mi", 1048576.0},
        {"Gi", 1073741824.0}, {"Ti", 1099511627776.0}, {"Pi", 1125899906842624.0}};
    if (!suf.empty() && (suf[0] == 'e' || suf[0] == 'E')) {
        try {
            return v * std::pow(10.0, std::stod(std::string(suf.substr(1))));
        } catch (...) {
            return std::nullopt;
        }
    }
    auto it = k.find(suf);
    if (it == k.end()) return std::nullopt;
    return v * it->second;
}

void Tally::pass(std::string msg, std::optional<Evidence> e, bool by_default) {
    if (std::find(pass_msg.begin(), pass_msg.end(), msg) == pass_msg.end()) pass_msg.push_back(std::move(msg));
    if (e) pass_ev.push_back(std::move(*e));
    (by_default ? pass_by_default : pass_explicit) = true;
}

void Tally::fail(std::string msg, std::optional<Evidence> e) {
    if (std::find(fail_msg.begin(), fail_msg.end(), msg) == fail_msg.end()) fail_msg.push_back(std::move(msg));
    if (e) fail_ev.push_back(std::move(*e));
}

void Tally::unknown(std::string msg, std::optional<Evidence> e) {
    if (std::find(unknown_msg.begin(), unknown_msg.end(), msg) == unknown_msg.end()) unknown_msg.push_back(std::move(msg));
    if (e) unknown_ev.push_back(std::move(*e));
}

namespace {
std::string joined(const std::vector<std::string>& msgs, const std::vector<std::string>& notes) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& m : msgs) {
        if (shown == 3) {
            out += fmt::format(" (+{} more)", msgs.size() - 3);
            break;
        }
        if (!out.empty()) out += ' ';
        out += m;
        ++shown;
    }
    for (const auto& n : notes) out += (out.empty() ? "" : " ") + n;
    return out;
}
}  // namespace

Outcome Tally::outcome(std::string na_message) const {
    Outcome o;
    if (!fail_msg.empty()) {
        o.status = Status::fail;
        o.message = joined(fail_msg, notes);
        o.evidence = fail_ev;
    } else if (!unknown_msg.empty()) {
        o.status = Status::unknown;
        o.message = joined(unknown_msg, notes);
        o.evidence = unknown_ev;
    } else if (!pass_msg.empty()) {
        o.status = Status::pass;
        o.message = joined(pass_msg, notes);
        o.evidence = pass_ev;
        // Relied on a default only when no pass rests on explicit configuration.
        o.relied_on_default = pass_by_default && !pass_explicit;
    } else {
        o.status = Status::na;
        o.message = joined({std::move(na_message)}, notes);
    }
    o.other_evidence = other_ev;
    return o;
}

// ============================================================================
// Dockerfile
// ============================================================================

namespace {

// $NAME, ${NAME}, ${NAME:-default}; unresolved references make the result empty.
std::string substitute(std::string_view s, const std::map<std::string, std::string>& vars, bool& resolved) {
    std::string out;
    resolved = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '$' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        std::string name, def;
        bool has_def = false;
        std::size_t j = i + 1;
        if (s[j] == '{') {
            auto close = s.find('}', j);
            if (close == std::string_view::npos) {
                resolved = false;
                return {};
            }
            std::string inner(s.substr(j + 1, close - j - 1));
            auto dash = inner.find(":-");
            if (dash != std::string::npos) {
                name = inner.substr(0, dash);
                def = inner.substr(dash + 2);
                has_def = true;
            } else {
                name = inner;
            }
            i = close;
        } else {
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) name += s[j++];
            i = j - 1;
        }
        auto it = vars.find(name);
        if (it != vars.end() && !it->second.empty()) out += it->second;
        else if (has_def) out += def;
        else resolved = false;
    }
    return out;
}

void set_var(std::map<std::string, std::string>& vars, std::string_view args, bool is_env) {
    // ARG NAME[=value] / ENV NAME=value ... / ENV NAME value
    auto words = shell_words(args);
    if (words.empty()) return;
    if (is_env && words.size() >= 2 && words[0].find('=') == std::string::npos) {
        std::string v;
        for (std::size_t i = 1; i < words.size(); ++i) v += (i > 1 ? " " : "") + words[i];
        vars[words[0]] = v;
        return;
    }
    for (const auto& w : words) {
        auto eq = w.find('=');
        if (eq == std::string::npos) {
            vars.try_emplace(w, "");
            continue;
        }
        vars[w.substr(0, eq)] = w.substr(eq + 1);
    }
}

}  // namespace

Dockerfile parse_dockerfile(const File& f) {
    Dockerfile d;
    d.file = &f;
    if (!f.kept) return d;
    d.instrs = collect::dockerfile::parse(f.text).instructions;

    std::map<std::string, std::string> global;
    bool seen_from = false;
    for (const auto& in : d.instrs) {
        if (in.keyword == "ARG" && !seen_from) {
            set_var(global, in.args, false);
            continue;
        }
        if (in.keyword == "FROM") {
            seen_from = true;
            DockerStage st;
            st.line = in.line;
            auto words = shell_words(in.args);
            std::vector<std::string> rest;
            for (auto& w : words)
                if (!str::starts_with(w, "--")) rest.push_back(w);
            if (!rest.empty()) {
                st.raw_image = rest[0];
                bool ok = true;
                st.image = substitute(rest[0], global, ok);
                if (!ok) st.image.clear();
            }
            if (rest.size() >= 3 && str::lower(rest[1]) == "as") st.name = str::lower(rest[2]);
            d.stages.push_back(std::move(st));
            continue;
        }
        if (!d.stages.empty()) d.stages.back().instrs.push_back(in);
    }
    return d;
}

std::vector<Dockerfile> dockerfiles(const ProbeContext& ctx) {
    std::vector<Dockerfile> out;
    for (const auto* f : ctx.files())
        if (f->kept && f->lang == Language::dockerfile) out.push_back(parse_dockerfile(*f));
    return out;
}

int stage_ref(const Dockerfile& d, const std::string& image) {
    auto low = str::lower(image);
    for (std::size_t i = 0; i < d.stages.size(); ++i)
        if (!d.stages[i].name.empty() && d.stages[i].name == low) return static_cast<int>(i);
    return -1;
}

bool image_defaults_to_non_root(std::string_view image) {
    auto low = str::lower(image);
    auto ref = parse_image(low);
    if (str::contains(ref.tag, "nonroot") || str::contains(ref.tag, "non-root")) return true;
    if (str::starts_with(low, "cgr.dev/chainguard/")) return !str::contains(ref.tag, "-dev");
    if (str::contains(low, "nginx-unprivileged")) return true;
    if (str::starts_with(low, "bitnami/") || str::contains(low, "/bitnami/")) return true;
    return false;
}

UserDecision final_user(const Dockerfile& d) {
    UserDecision u;
    if (d.stages.empty()) return u;
    int idx = static_cast<int>(d.stages.size()) - 1;
    u.line = d.stages.back().line;
    for (int guard = 0; idx >= 0 && guard < 32; ++guard) {
        const auto& st = d.stages[static_cast<std::size_t>(idx)];
        std::map<std::string, std::string> vars;
        const DockerInstr* last_user = nullptr;
        for (const auto& in : st.instrs) {
            if (in.keyword == "USER") last_user = &in;
        }
        if (last_user) {
            for (const auto& in : st.instrs) {
                if (&in == last_user) break;
                if (in.keyword == "ARG") set_var(vars, in.args, false);
                if (in.keyword == "ENV") set_var(vars, in.args, true);
            }
            auto words = shell_words(last_user->args);
            std::string raw = words.empty() ? "" : words[0];
            bool ok = true;
            std::string val = substitute(raw, vars, ok);
            u.line = last_user->line;
            u.user = ok ? val : raw;
            if (!ok || val.empty()) {
                u.kind = UserDecision::unresolved;
                return u;
            }
            auto name = val.substr(0, val.find(':'));
            u.kind = (name == "root" || name == "0") ? UserDecision::root : UserDecision::non_root;
            return u;
        }
        int ref = stage_ref(d, st.image.empty() ? st.raw_image : st.image);
        if (ref >= 0 && ref < idx) {
            idx = ref;  // FROM an earlier stage: its USER carries over
            continue;
        }
        if (!st.image.empty() && image_defaults_to_non_root(st.image)) {
            u.kind = UserDecision::non_root;
            u.user = st.image;
            u.image_default = true;
            u.line = st.line;
            return u;
        }
        u.kind = UserDecision::missing;
        u.user = st.image.empty() ? st.raw_image : st.image;
        return u;
    }
    return u;
}

// ============================================================================
// image references
// ============================================================================

ImageRef parse_image(std::string_view ref) {
    ImageRef r;
    std::string s(str::trim(ref));
    auto at = s.find('@');
    if (at != std::string::npos) {
        r.digest = s.substr(at + 1);
        s = s.substr(0, at);
    }
    auto slash = s.rfind('/');
    auto colon = s.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
        r.tag = s.substr(colon + 1);
        s = s.substr(0, colon);
    }
    r.repository = s;
    return r;
}

Pin pin_of(std::string_view ref) {
    if (ref.empty() || str::contains(ref, "$") || str::contains(ref, "{{") || str::contains(ref, "__helm__"))
        return Pin::unresolved;
    auto r = parse_image(ref);
    if (str::starts_with(r.digest, "sha256:") && r.digest.size() > 20) return Pin::digest;
    if (r.tag.empty() || str::lower(r.tag) == "latest") return Pin::floating;
    auto has_digit = [](std::string_view s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (has_digit(r.tag)) return Pin::version_tag;
    // gcr.io/distroless/static-debian12:nonroot: the version lives in the name
    if (has_digit(base_of(r.repository))) return Pin::version_tag;
    return Pin::floating;  // lts, alpine, stable, slim, edge...
}

// ============================================================================
// Helm rendering (a subset of Go templates: values, if/else/with/range, include, toYaml)
// ============================================================================

namespace {

struct Chart {
    std::string dir;
    YAML::Node values;  // the chart's values.yaml (the model's node: read only)
    YAML::Node meta;    // {Chart: {Name, AppVersion, Version}, Release: {Name, Namespace, Service}} (ours)
};

YAML::Node lookup(const YAML::Node& n, std::string_view key) { return yget(n, key); }

// An evaluated template value. YAML::Node's assignment writes through to the
// node it refers to, so copies rebind with reset() and never assign.
struct Val {
    enum Kind { unknown, node, include, root } kind = unknown;
    YAML::Node n;
    std::string include_name;
    int indent = -1;  // from nindent/indent
    bool yaml = false;  // toYaml applied

    Val() = default;
    Val(const Val& o) : kind(o.kind), n(o.n), include_name(o.include_name), indent(o.indent), yaml(o.yaml) {}
    Val& operator=(const Val& o) {
        if (this == &o) return *this;
        kind = o.kind;
        n.reset(o.n);
        include_name = o.include_name;
        indent = o.indent;
        yaml = o.yaml;
        return *this;
    }
    ~Val() = default;
};

Val known(YAML::Node n) {
    Val v;
    v.kind = Val::node;
    v.n.reset(n);
    return v;
}
Val known_scalar(const std::string& s) { return known(YAML::Node(s)); }

// Truthiness: 1 true, 0 false, -1 unknown.
int truthy(const Val& v) {
    if (v.kind == Val::include || v.kind == Val::root) return 1;
    if (v.kind != Val::node) return -1;
    const auto& n = v.n;
    if (!n || n.IsNull()) return 0;
    if (n.IsMap() || n.IsSequence()) return n.size() > 0 ? 1 : 0;
    auto s = n.Scalar();
    if (s.empty() || s == "false" || s == "0" || s == "~" || s == "null") return 0;
    return 1;
}

// Tokens of an expression: words, "strings", (groups).
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (c == '"' || c == '`') {
            auto close = s.find(c, i + 1);
            if (close == std::string_view::npos) close = s.size() - 1;
            out.emplace_back(s.substr(i, close - i + 1));
            i = close + 1;
            continue;
        }
        if (c == '(') {
            int depth = 0;
            std::size_t j = i;
            for (; j < s.size(); ++j) {
                if (s[j] == '(') ++depth;
                if (s[j] == ')' && --depth == 0) break;
            }
            out.emplace_back(s.substr(i, std::min(j, s.size() - 1) - i + 1));
            i = j + 1;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Splits a pipeline on '|' outside quotes and parentheses.
std::vector<std::string> pipeline(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    char quote = 0;
    for (char c : s) {
        if (quote) {
            cur += c;
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '`') quote = c;
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == '|' && depth == 0) {
            out.push_back(cur);
            cur.clear();
            continue;
        }
        cur += c;
    }
    out.push_back(cur);
    return out;
}

class Renderer {
public:
    explicit Renderer(const Chart& c) : m_chart(c) {
        Val root;
        root.kind = Val::root;
        m_dot.push_back(root);
    }

    Val eval_pipeline(std::string_view expr) {
        auto stages = pipeline(expr);
        Val acc;
        bool have = false;
        int indent = -1;
        bool yaml = false;
        for (const auto& st : stages) {
            auto toks = tokens(st);
            if (toks.empty()) continue;
            Val v = call(toks, have ? &acc : nullptr);
            if (v.indent >= 0) indent = v.indent;
            yaml = yaml || v.yaml;
            acc = v;
            have = true;
        }
        acc.indent = indent;
        acc.yaml = yaml;
        return acc;
    }

    void push_dot(Val v) { m_dot.push_back(std::move(v)); }
    void pop_dot() {
        if (m_dot.size() > 1) m_dot.pop_back();
    }

private:
    const Chart& m_chart;
    std::vector<Val> m_dot;

    Val term(const std::string& t) {
        if (t.empty()) return {};
        if (t.front() == '(' && t.back() == ')') return eval_pipeline(std::string_view(t).substr(1, t.size() - 2));
        if (t.front() == '"' || t.front() == '`') return known_scalar(t.size() >= 2 ? t.substr(1, t.size() - 2) : "");
        if (t == "true" || t == "false") return known_scalar(t);
        if (std::isdigit(static_cast<unsigned char>(t[0])) || (t[0] == '-' && t.size() > 1)) return known_scalar(t);
        if (t == "nil") return known(YAML::Node(YAML::NodeType::Null));
        if (t == ".") return m_dot.back();
        if (t == "$") return m_dot.front();
        Val base;
        std::string_view path;
        if (str::starts_with(t, "$.")) {
            base = m_dot.front();
            path = std::string_view(t).substr(2);
        } else if (t[0] == '.') {
            base = m_dot.back();
            path = std::string_view(t).substr(1);
        } else {
            return {};  // a variable or an unknown function
        }
        auto segs = str::split(path, '.');
        if (segs.empty()) return {};
        YAML::Node cur;
        std::size_t first = 0;
        if (base.kind == Val::root) {
            if (segs[0] == "Values") cur.reset(m_chart.values);
            else if (segs[0] == "Chart" || segs[0] == "Release") cur.reset(lookup(m_chart.meta, segs[0]));
            else return {};
            first = 1;
        } else if (base.kind == Val::node) {
            cur.reset(base.n);
        } else {
            return {};
        }
        for (std::size_t si = first; si < segs.size(); ++si) {
            auto seg = segs[si];
            YAML::Node next = lookup(cur, seg);
            if (!next) {
                // Missing values are empty in Helm (nil), not errors: known and falsy.
                if (cur && cur.IsMap()) return known(YAML::Node(YAML::NodeType::Null));
                return {};
            }
            cur.reset(next);
        }
        return known(cur);
    }

    static bool scalar_of(const Val& v, std::string& out) {
        if (v.kind != Val::node || !v.n) return false;
        if (v.n.IsNull()) {
            out.clear();
            return true;
        }
        if (!v.n.IsScalar()) return false;
        out = v.n.Scalar();
        return true;
    }

    // One pipeline stage; `piped` is the previous stage's value, passed as the last argument.
    Val call(const std::vector<std::string>& toks, const Val* piped) {
        const auto& fn = toks[0];
        std::vector<Val> args;
        for (std::size_t i = 1; i < toks.size(); ++i) args.push_back(term(toks[i]));
        if (piped) args.push_back(*piped);
        auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : Val{}; };
        if (fn[0] == '.' || fn[0] == '$' || fn[0] == '"' || fn[0] == '(' || std::isdigit(static_cast<unsigned char>(fn[0])) ||
            fn == "true" || fn == "false" || fn == "nil") {
            if (toks.size() == 1 && !piped) return term(fn);
            return {};
        }
        if (fn == "toYaml" || fn == "toJson" || fn == "toPrettyJson") {
            Val v = arg(args.size() - 1);
            v.yaml = true;
            return v;
        }
        if (fn == "nindent" || fn == "indent") {
            Val v = arg(args.size() - 1);
            std::string n;
            if (scalar_of(arg(0), n)) {
                try {
                    v.indent = std::stoi(n);
                } catch (...) {
                }
            }
            return v;
        }
        if (fn == "include" || fn == "template") {
            std::string name;
            Val v;
            if (scalar_of(arg(0), name)) {
                v.kind = Val::include;
                v.include_name = name;
            }
            return v;
        }
        if (fn == "default") {
            Val d = arg(0);
            Val x = args.size() >= 2 ? args.back() : Val{};
            if (args.size() < 2) return d;
            int t = truthy(x);
            if (t == 1) return x;
            if (t == 0) return d;
            return {};
        }
        if (fn == "quote" || fn == "squote" || fn == "toString" || fn == "int" || fn == "int64" || fn == "float64" ||
            fn == "trim" || fn == "lower" || fn == "upper" || fn == "required" || fn == "tpl" || fn == "b64enc" ||
            fn == "trunc" || fn == "trimSuffix" || fn == "trimPrefix" || fn == "toStrings") {
            if (fn == "tpl") return arg(0);
            if (fn == "required" || fn == "trunc" || fn == "trimSuffix" || fn == "trimPrefix") return arg(args.size() - 1);
            return arg(args.size() - 1);
        }
        if (fn == "not") {
            int t = truthy(arg(0));
            return t < 0 ? Val{} : known_scalar(t ? "false" : "true");
        }
        if (fn == "empty") {
            int t = truthy(arg(0));
            return t < 0 ? Val{} : known_scalar(t ? "false" : "true");
        }
        if (fn == "and" || fn == "or") {
            bool any_unknown = false;
            for (const auto& a : args) {
                int t = truthy(a);
                if (t < 0) any_unknown = true;
                else if (fn == "and" && t == 0) return known_scalar("false");
                else if (fn == "or" && t == 1) return known_scalar("true");
            }
            if (any_unknown) return {};
            return known_scalar(fn == "and" ? "true" : "false");
        }
        if (fn == "eq" || fn == "ne") {
            std::string a, b;
            if (!scalar_of(arg(0), a) || !scalar_of(arg(1), b)) return {};
            bool eq = a == b;
            return known_scalar((fn == "eq") == eq ? "true" : "false");
        }
        if (fn == "gt" || fn == "lt" || fn == "ge" || fn == "le") {
            std::string a, b;
            if (!scalar_of(arg(0), a) || !scalar_of(arg(1), b)) return {};
            try {
                double x = std::stod(a), y = std::stod(b);
                bool r = fn == "gt" ? x > y : fn == "lt" ? x < y : fn == "ge" ? x >= y : x <= y;
                return known_scalar(r ? "true" : "false");
            } catch (...) {
                return {};
            }
        }
        if (fn == "hasKey") {
            Val m = arg(0);
            std::string k;
            if (m.kind != Val::node || !scalar_of(arg(1), k)) return {};
            return known_scalar(lookup(m.n, k) ? "true" : "false");
        }
        if (fn == "ternary") {
            int t = truthy(arg(2));
            if (t < 0) return {};
            return t ? arg(0) : arg(1);
        }
        return {};
    }
};

struct Action {
    std::size_t begin, end;  // byte range of {{ ... }} in the line
    std::string expr;        // trimmed, without delimiters and trim markers
};

std::vector<Action> actions_in(std::string_view line) {
    std::vector<Action> out;
    std::size_t pos = 0;
    while (true) {
        auto b = line.find("{{", pos);
        if (b == std::string_view::npos) break;
        auto e = line.find("}}", b + 2);
        if (e == std::string_view::npos) break;
        auto inner = line.substr(b + 2, e - b - 2);
        if (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
        if (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
        out.push_back({b, e + 2, std::string(str::trim(inner))});
        pos = e + 2;
    }
    return out;
}

std::string first_word(std::string_view s) {
    s = str::trim(s);
    auto sp = s.find_first_of(" \t");
    return std::string(sp == std::string_view::npos ? s : s.substr(0, sp));
}

std::vector<std::string> yaml_lines(const YAML::Node& n, bool flow) {
    YAML::Emitter em;
    if (flow) em << YAML::Flow;
    em << n;
    std::string s = em.c_str();
    std::vector<std::string> out;
    for (auto l : str::split(s, '\n')) out.emplace_back(l);
    return out;
}

struct Rendered {
    std::vector<std::string> lines;
    std::vector<std::size_t> map;  // source line (1-based) of each rendered line
};

// Helm's `helm create` convention: "<chart>.labels" includes "<chart>.selectorLabels".
std::vector<std::string> include_labels(const std::string& name) {
    std::vector<std::string> out{name};
    if (str::ends_with(name, ".labels")) out.push_back(name.substr(0, name.size() - 7) + ".selectorLabels");
    return out;
}

Rendered render(std::string_view text, const Chart& chart) {
    Rendered r;
    Renderer ev(chart);
    struct Frame {
        bool parent_active;
        bool active;
        bool taken;
        bool pushed_dot;
    };
    std::vector<Frame> frames;
    auto active = [&] { return frames.empty() || (frames.back().active && frames.back().parent_active); };
    auto emit = [&](std::string s, std::size_t src) {
        r.lines.push_back(std::move(s));
        r.map.push_back(src);
    };
    auto emit_block = [&](const Val& v, int indent, std::size_t src) {
        std::string pad(static_cast<std::size_t>(std::max(indent, 0)), ' ');
        if (v.kind == Val::include) {
            for (const auto& n : include_labels(v.include_name)) emit(pad + "helm.include/" + n + ": \"1\"", src);
            return;
        }
        if (v.kind != Val::node) {
            emit(pad + "__helm_unresolved__: \"1\"", src);
            return;
        }
        if (!v.n || v.n.IsNull()) return;
        for (auto& l : yaml_lines(v.n, false)) emit(pad + l, src);
    };
    // Names from `include "<chart>.fullname" .` read as the chart's name, the same for every object
    // (so an HPA's scaleTargetRef still finds its Deployment).
    auto chart_name = scalar(y(chart.meta, "Chart", "Name"));
    auto include_value = [&](const std::string& name) -> std::string {
        auto dot = name.rfind('.');
        std::string tail = dot == std::string::npos ? name : name.substr(dot + 1);
        if (tail == "fullname" || tail == "name" || tail == "serviceAccountName")
            return chart_name ? *chart_name : name.substr(0, dot == std::string::npos ? name.size() : dot);
        return name;
    };
    auto inline_text = [&](const Val& v) -> std::string {
        if (v.kind == Val::include) return include_value(v.include_name);
        if (v.kind != Val::node) return "__helm__";
        if (!v.n || v.n.IsNull()) return "";
        if (v.n.IsScalar()) return v.n.Scalar();
        auto ls = yaml_lines(v.n, true);
        return ls.empty() ? "" : ls.front();
    };
    auto lines = str::split(text, '\n');
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t src = i + 1;
        auto acts = actions_in(line);
        if (acts.empty()) {
            if (active()) emit(std::string(line), src);
            continue;
        }
        // Remove the actions to see whether the line holds anything else.
        std::string rest;
        std::size_t p = 0;
        for (const auto& a : acts) {
            rest += line.substr(p, a.begin - p);
            p = a.end;
        }
        rest += line.substr(p);
        bool action_only = str::trim(rest).empty();
        std::string out;
        p = 0;
        bool wrote_block = false;
        for (const auto& a : acts) {
            auto kw = first_word(a.expr);
            std::string_view after = str::trim(std::string_view(a.expr).substr(std::min(kw.size(), a.expr.size())));
            if (str::starts_with(a.expr, "/*")) continue;
            if (kw == "if" || kw == "with" || kw == "range" || kw == "define" || kw == "block") {
                bool parent = active();
                Frame f{parent, true, true, false};
                if (kw == "define") f.active = false;
                else if (kw == "range") f.active = true;
                else {
                    Val v = ev.eval_pipeline(after);
                    int t = truthy(v);
                    f.active = t != 0;  // unknown conditions render their content
                    if (kw == "with" && f.active) {
                        ev.push_dot(v);
                        f.pushed_dot = true;
                    }
                }
                if (kw == "range") {
                    ev.push_dot(Val{});
                    f.pushed_dot = true;
                }
                f.taken = f.active;
                frames.push_back(f);
                continue;
            }
            if (kw == "else") {
                if (frames.empty()) continue;
                auto& f = frames.back();
                if (f.pushed_dot) {
                    ev.pop_dot();
                    f.pushed_dot = false;
                }
                if (f.taken) {
                    f.active = false;
                    continue;
                }
                auto cond = str::trim(after);
                if (str::starts_with(cond, "if ")) {
                    int t = truthy(ev.eval_pipeline(cond.substr(3)));
                    f.active = t != 0;
                } else if (str::starts_with(cond, "with ")) {
                    Val v = ev.eval_pipeline(cond.substr(5));
                    f.active = truthy(v) != 0;
                    if (f.active) {
                        ev.push_dot(v);
                        f.pushed_dot = true;
                    }
                } else {
                    f.active = true;
                }
                f.taken = f.active;
                continue;
            }
            if (kw == "end") {
                if (!frames.empty()) {
                    if (frames.back().pushed_dot) ev.pop_dot();
                    frames.pop_back();
                }
                continue;
            }
            if (!active()) continue;
            if (str::starts_with(a.expr, "$") && str::contains(a.expr, ":=")) continue;  // variable
            if (str::starts_with(kw, "fail")) continue;
            Val v = ev.eval_pipeline(a.expr);
            if (action_only) {
                int indent = v.indent;
                if (indent < 0) {
                    auto lead = line.find_first_not_of(" \t");
                    indent = lead == std::string_view::npos ? 0 : static_cast<int>(lead);
                }
                if (v.kind == Val::node && v.n && v.n.IsScalar() && !v.yaml) {
                    emit(std::string(static_cast<std::size_t>(indent), ' ') + v.n.Scalar(), src);
                } else {
                    emit_block(v, indent, src);
                }
                wrote_block = true;
                continue;
            }
            out += line.substr(p, a.begin - p);
            p = a.end;
            if (v.indent >= 0 && (v.yaml || v.kind == Val::include)) {
                // key: {{- toYaml .Values.x | nindent 4 }}
                emit(out, src);
                out.clear();
                emit_block(v, v.indent, src);
                wrote_block = true;
                continue;
            }
            out += inline_text(v);
        }
        if (!active() || action_only) continue;
        out += line.substr(p);
        if (!(wrote_block && str::trim(out).empty())) emit(out, src);
    }
    return r;
}

std::vector<Chart> charts_of(const ProbeContext& ctx) {
    std::vector<Chart> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || base_of(f->path) != "Chart.yaml") continue;
        if (f->kind == collect::FileKind::vendored) continue;
        Chart c;
        c.dir = dir_of(f->path);
        YAML::Node meta(YAML::NodeType::Map);
        if (!f->yaml.empty() && f->yaml.front().IsMap()) {
            const YAML::Node& cy = f->yaml.front();
            for (auto [k, key] : {std::pair{"name", "Name"}, {"appVersion", "AppVersion"}, {"version", "Version"}})
                if (auto s = scalar(lookup(cy, k))) meta["Chart"][key] = *s;
        }
        meta["Release"]["Name"] = "release";
        meta["Release"]["Namespace"] = "default";
        meta["Release"]["Service"] = "Helm";
        c.meta.reset(meta);
        c.values.reset(YAML::Node(YAML::NodeType::Map));
        const auto* vf = ctx.model.file(c.dir.empty() ? "values.yaml" : c.dir + "/values.yaml");
        if (vf && !vf->yaml.empty() && vf->yaml.front().IsMap()) c.values.reset(vf->yaml.front());
        out.push_back(std::move(c));
    }
    return out;
}

const Chart* chart_for(const std::vector<Chart>& charts, std::string_view path) {
    const Chart* best = nullptr;
    for (const auto& c : charts) {
        std::string prefix = c.dir.empty() ? "templates/" : c.dir + "/templates/";
        if (str::starts_with(path, prefix) && (!best || c.dir.size() > best->dir.size())) best = &c;
    }
    return best;
}

}  // namespace

// ============================================================================
// Kubernetes
// ============================================================================

std::size_t KObj::line_of(const YAML::Node& n) const {
    auto mark_line = [](const YAML::Node& x) -> int {
        if (!x || !x.IsDefined()) return -1;
        auto m = x.Mark();
        return m.is_null() ? -1 : m.line;
    };
    int l = mark_line(n);
    if (l < 0) l = mark_line(doc);
    if (l < 0) return 1;
    if (!rendered) return static_cast<std::size_t>(l) + 1;
    std::size_t idx = doc_line0 + static_cast<std::size_t>(l);
    if (line_map && idx < line_map->size()) return (*line_map)[idx];
    return 1;
}


// A Kubernetes object from a YAML document (a map with kind and apiVersion), for plain manifests and
// rendered Helm templates alike.
std::optional<KObj> kobj_of(const collect::File* f, const YAML::Node& d) {
    if (!d.IsMap()) return std::nullopt;
    auto kind = scalar(lookup(d, "kind"));
    auto api = scalar(lookup(d, "apiVersion"));
    if (!kind || !api) return std::nullopt;
    KObj o;
    o.file = f;
    o.doc.reset(d);
    o.kind = *kind;
    o.api_version = *api;
    if (auto nm = scalar(lookup(lookup(d, "metadata"), "name"))) o.name = *nm;
    return o;
}

Evidence KObj::evidence(const YAML::Node& n, std::string note) const { return line_evidence(*file, line_of(n), std::move(note)); }

KubeView kube_objects(const ProbeContext& ctx) {
    KubeView kv;
    auto charts = charts_of(ctx);
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->lang != Language::yaml || f->kind == collect::FileKind::vendored) continue;
        const Chart* chart = chart_for(charts, f->path);
        if (!chart) {
            for (const auto& d : f->yaml)
                if (auto o = kobj_of(f, d)) kv.objects.push_back(std::move(*o));
            continue;
        }
        if (f->kind == collect::FileKind::test) continue;  // templates/tests: helm test hooks
        auto rendered = render(f->text, *chart);
        auto map = std::make_shared<const std::vector<std::size_t>>(rendered.map);
        std::size_t start = 0;
        bool failed = false;
        auto flush = [&](std::size_t end) {
            std::string doc;
            bool any = false;
            for (std::size_t i = start; i < end; ++i) {
                doc += rendered.lines[i];
                doc += '\n';
                if (!str::trim(rendered.lines[i]).empty() && !str::starts_with(str::trim(rendered.lines[i]), "#")) any = true;
            }
            if (!any) return;
            try {
                auto o = kobj_of(f, YAML::Load(doc));
                if (!o) return;
                o->rendered = true;
                o->line_map = map;
                o->doc_line0 = start;
                kv.objects.push_back(std::move(*o));
            } catch (const YAML::Exception&) {
                if (str::contains(doc, "kind:")) failed = true;
            }
        };
        for (std::size_t i = 0; i < rendered.lines.size(); ++i) {
            if (str::starts_with(rendered.lines[i], "---")) {
                flush(i);
                start = i + 1;
            }
        }
        flush(rendered.lines.size());
        if (failed) kv.unrendered.push_back(f);
    }
    return kv;
}

bool is_serving_kind(std::string_view kind) {
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet" ||
           kind == "Rollout" || kind == "DeploymentConfig";
}

bool is_knative_service(const KObj& o) {
    return o.kind == "Service" && str::starts_with(o.api_version, "serving.knative.dev");
}

std::vector<YAML::Node> containers_of(const YAML::Node& pod, bool init) {
    std::vector<YAML::Node> out;
    for (const char* key : {"containers", "initContainers"}) {
        if (!init && std::strcmp(key, "initContainers") == 0) continue;
        YAML::Node cs = lookup(pod, key);
        if (cs && cs.IsSequence())
            for (const auto& c : cs)
                if (c.IsMap()) out.push_back(c);
    }
    return out;
}

namespace {
YAML::Node pod_template(const KObj& w) {
    if (w.kind == "Pod") return w.doc;
    if (w.kind == "CronJob") return lookup(lookup(lookup(lookup(w.doc, "spec"), "jobTemplate"), "spec"), "template");
    return lookup(lookup(w.doc, "spec"), "template");
}

std::string lower_name(std::string_view s) {
    auto l = str::lower(s);
    auto at = l.rfind('/');
    if (at != std::string::npos) l = l.substr(at + 1);
    if (!l.empty() && l[0] == '@') l = l.substr(1);
    return l;
}
}  // namespace

YAML::Node pod_labels(const KObj& w) { return lookup(lookup(pod_template(w), "metadata"), "labels"); }

bool selector_matches(const YAML::Node& selector, const YAML::Node& labels) {
    if (!selector || selector.IsNull()) return false;
    if (!selector.IsMap()) return false;
    YAML::Node ml = lookup(selector, "matchLabels");
    YAML::Node me = lookup(selector, "matchExpressions");
    bool structured = ml || me;
    if (!structured) ml.reset(selector);
    if (selector.size() == 0) return true;  // an empty selector selects every pod
    auto label = [&](const std::string& k) -> std::optional<std::string> { return scalar(lookup(labels, k)); };
    if (ml && ml.IsMap())
        for (const auto& kv : ml) {
            auto k = scalar(kv.first);
            auto v = scalar(kv.second);
            if (!k || !v) return false;
            auto have = label(*k);
            if (!have || *have != *v) return false;
        }
    if (me && me.IsSequence())
        for (const auto& e : me) {
            auto k = scalar(lookup(e, "key"));
            auto op = scalar(lookup(e, "operator"));
            if (!k || !op) return false;
            auto have = label(*k);
            std::set<std::string> vals;
            YAML::Node vs = lookup(e, "values");
            if (vs && vs.IsSequence())
                for (const auto& v : vs)
                    if (v.IsScalar()) vals.insert(v.Scalar());
            if (*op == "In" && (!have || !vals.count(*have))) return false;
            if (*op == "NotIn" && have && vals.count(*have)) return false;
            if (*op == "Exists" && !have) return false;
            if (*op == "DoesNotExist" && have) return false;
        }
    return true;
}

std::vector<const KObj*> autoscalers_for(const KubeView& kv, const KObj& w) {
    std::vector<const KObj*> out;
    for (const auto& o : kv.objects) {
        YAML::Node ref = lookup(lookup(o.doc, "spec"), "scaleTargetRef");
        if (!ref) continue;
        auto name = scalar(lookup(ref, "name"));
        auto kind = scalar(lookup(ref, "kind"));
        if (!name || *name != w.name) continue;
        if (o.kind == "HorizontalPodAutoscaler" && (!kind || *kind == w.kind)) out.push_back(&o);
        else if (o.kind == "ScaledObject" && ((!kind && w.kind == "Deployment") || (kind && *kind == w.kind)))
            out.push_back(&o);
    }
    return out;
}

std::optional<long long> min_replicas(const KubeView& kv, const KObj& w) {
    for (const auto* a : autoscalers_for(kv, w)) {
        YAML::Node spec = lookup(a->doc, "spec");
        if (a->kind == "HorizontalPodAutoscaler") {
            YAML::Node m = lookup(spec, "minReplicas");
            if (!m) return 1;
            return integer(m);
        }
        YAML::Node m = lookup(spec, "minReplicaCount");
        if (!m) return 0;
        return integer(m);
    }
    YAML::Node r = lookup(lookup(w.doc, "spec"), "replicas");
    if (!r || r.IsNull()) return 1;
    return integer(r);
}

namespace {
std::vector<const KObj*> workloads_where(const ProbeContext& ctx, const KubeView& kv, bool (*pred)(const KObj&)) {
    std::vector<const KObj*> all;
    for (const auto& o : kv.objects) {
        // A workload without a pod spec is a kustomize patch (replicas, image), not a workload.
        const YAML::Node pod = pod_spec_of(o);
        if (pred(o) && o.file->is_own() && pod && pod.IsMap()) all.push_back(&o);
    }
    if (ctx.model.services.size() <= 1) return all;
    const auto& svc = ctx.svc();
    auto svc_name = lower_name(svc.name);
    std::vector<const KObj*> mine;
    for (const auto* o : all) {
        bool match = !svc.root.empty() && str::starts_with(o->file->path, svc.root + "/");
        if (!match && !svc_name.empty() && str::contains(str::lower(o->name), svc_name)) match = true;
        if (!match && !svc_name.empty()) {
            for (const auto& c : containers_of(pod_spec_of(*o))) {
                auto img = scalar(lookup(c, "image"));
                if (img && str::contains(lower_name(parse_image(*img).repository), svc_name)) match = true;
            }
        }
        if (match) mine.push_back(o);
    }
    return mine.empty() ? all : mine;
}
}  // namespace

YAML::Node pod_spec_of(const KObj& w) { return lookup(pod_template(w), "spec"); }

std::vector<const KObj*> serving_workloads(const ProbeContext& ctx, const KubeView& kv) {
    return workloads_where(ctx, kv, [](const KObj& o) { return is_serving_kind(o.kind); });
}

std::vector<const KObj*> all_workloads(const ProbeContext& ctx, const KubeView& kv) {
    return workloads_where(ctx, kv, [](const KObj& o) {
        return is_serving_kind(o.kind) || is_knative_service(o) || o.kind == "Job" || o.kind == "CronJob" ||
               o.kind == "Pod";
    });
}

// ============================================================================
// compose
// ============================================================================

namespace {
bool is_infra_image(std::string_view image) {
    static constexpr std::array<std::string_view, 44> k{
        "postgres", "postgis", "mysql", "mariadb", "redis", "redis-stack", "redis-stack-server", "valkey", "keydb",
        "mongo", "memcached", "rabbitmq", "kafka", "cp-kafka", "zookeeper", "cp-zookeeper", "elasticsearch",
        "opensearch", "minio", "nginx", "traefik", "caddy", "haproxy", "envoy", "localstack", "mailhog", "mailpit",
        "adminer", "pgadmin4", "prometheus", "grafana", "jaeger", "all-in-one", "opentelemetry-collector",
        "otel-collector", "clickhouse-server", "nats", "keycloak", "vault", "consul", "etcd", "cassandra", "loki",
        "dragonfly"};
    auto name = lower_name(parse_image(image).repository);
    for (auto x : k)
        if (name == x) return true;
    return false;
}
}  // namespace

std::size_t ComposeSvc::line() const {
    // The service's key: a direct child of the top-level `services:` key (not a depends_on entry).
    const auto& t = file->text;
    const auto& idx = file->lines;
    auto indent_of = [](std::string_view l) {
        auto lead = l.find_first_not_of(" \t");
        return lead == std::string_view::npos ? l.size() : lead;
    };
    std::size_t n = idx.line_count();
    for (std::size_t l = 1; l <= n; ++l) {
        auto text = idx.line_text(t, l);
        if (!str::starts_with(text, "services:")) continue;
        std::size_t child = std::string_view::npos;
        for (std::size_t k = l + 1; k <= n; ++k) {
            auto line = idx.line_text(t, k);
            auto trimmed = str::trim(line);
            if (trimmed.empty() || trimmed[0] == '#') continue;
            auto ind = indent_of(line);
            if (ind == 0) break;
            if (child == std::string_view::npos) child = ind;
            if (ind != child) continue;
            auto key = trimmed.substr(0, trimmed.find(':'));
            if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
                key = key.substr(1, key.size() - 2);
            if (key == name) return k;
        }
    }
    auto m = node.Mark();
    return m.is_null() ? 1 : static_cast<std::size_t>(m.line);
}

Evidence ComposeSvc::evidence(std::string note) const { return line_evidence(*file, line(), std::move(note)); }

std::size_t ComposeSvc::key_line(std::string_view key) const {
    auto start = line();
    const auto& t = file->text;
    auto indent_of = [](std::string_view l) {
        auto lead = l.find_first_not_of(" \t");
        return lead == std::string_view::npos ? l.size() : lead;
    };
    std::string_view first = file->lines.line_text(t, start);
    auto base = indent_of(first);
    for (std::size_t l = start + 1; l <= file->lines.line_count(); ++l) {
        auto text = file->lines.line_text(t, l);
        auto trimmed = str::trim(text);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        if (indent_of(text) <= base) break;
        if (str::starts_with(trimmed, key) && trimmed.size() > key.size() &&
            (trimmed[key.size()] == ':' || trimmed[key.size()] == '"'))
            return l;
    }
    return 0;
}

std::vector<ComposeSvc> compose_all(const ProbeContext& ctx) {
    std::vector<ComposeSvc> out;
    for (const auto& cs : compose_services(ctx)) {
        ComposeSvc s;
        s.file = cs.file;
        s.name = cs.name;
        s.node.reset(cs.node);
        s.dev = is_dev_path(cs.file->path) || !cs.file->is_own();
        YAML::Node b = lookup(cs.node, "build");
        if (b) {
            s.builds = true;
            std::string context = ".";
            if (auto sc = scalar(b)) context = *sc;
            else if (auto c = scalar(lookup(b, "context"))) context = *c;
            s.build_dir = join_path(dir_of(cs.file->path), context);
        }
        if (auto img = scalar(lookup(cs.node, "image"))) s.image = *img;
        s.infra = !s.builds && !s.image.empty() && is_infra_image(s.image);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ComposeSvc> compose_app(const ProbeContext& ctx) {
    std::vector<ComposeSvc> prod;
    for (auto& s : compose_all(ctx))
        if (!s.dev) prod.push_back(std::move(s));
    const auto& root = ctx.svc().root;
    std::vector<ComposeSvc> exact;
    for (const auto& s : prod)
        if (s.builds && s.build_dir == root) exact.push_back(s);
    if (!exact.empty()) return exact;
    if (ctx.model.services.size() > 1) return {};
    std::vector<ComposeSvc> built, own;
    for (const auto& s : prod) {
        if (s.builds) built.push_back(s);
        if (!s.infra) own.push_back(s);
    }
    return built.empty() ? own : built;
}

// ============================================================================
// PM2, systemd, TOML, platforms
// ============================================================================

namespace {
using collect::syntax::field;
std::string unquote(std::string_view s) {
    s = str::trim(s);
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`') && s.back() == s.front())
        return std::string(s.substr(1, s.size() - 2));
    return std::string(s);
}
}  // namespace

std::vector<Pm2App> pm2_apps(const ProbeContext& ctx) {
    std::vector<Pm2App> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || is_dev_path(f->path)) continue;
        auto name = base_of(f->path);
        bool js = str::starts_with(name, "ecosystem.config") || str::starts_with(name, "pm2.config");
        bool json = name == "ecosystem.json" || name == "pm2.json" || name == "process.json" || name == "ecosystem.config.json";
        if (js && f->tree) {
            namespace sx = collect::syntax;
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (sx::type(n) != "pair") return true;
                auto key = unquote(sx::text(*f, field(n, "key")));
                TSNode val = field(n, "value");
                if (key != "apps" || ts_node_is_null(val) || sx::type(val) != "array") return true;
                for (std::uint32_t i = 0; i < ts_node_named_child_count(val); ++i) {
                    TSNode obj = ts_node_named_child(val, i);
                    if (sx::type(obj) != "object") continue;
                    Pm2App app;
                    app.file = f;
                    app.line = f->lines.at(ts_node_start_byte(obj)).line;
                    for (std::uint32_t j = 0; j < ts_node_named_child_count(obj); ++j) {
                        TSNode p = ts_node_named_child(obj, j);
                        if (sx::type(p) != "pair") continue;
                        auto k = unquote(sx::text(*f, field(p, "key")));
                        TSNode v = field(p, "value");
                        auto vt = unquote(sx::text(*f, v));
                        if (k == "name") app.name = vt;
                        else if (k == "instances") app.instances = vt;
                        else if (k == "exec_mode" || k == "execMode") app.exec_mode = vt;
                        else if (k == "autorestart") {
                            if (sx::type(v) == "false") app.autorestart = false;
                            else if (sx::type(v) == "true") app.autorestart = true;
                            app.autorestart_line = f->lines.at(ts_node_start_byte(p)).line;
                        }
                    }
                    out.push_back(std::move(app));
                }
                return false;
            });
        } else if (json && f->json && f->json->is_object() && f->json->contains("apps") && (*f->json)["apps"].is_array()) {
            for (const auto& a : (*f->json)["apps"]) {
                if (!a.is_object()) continue;
                Pm2App app;
                app.file = f;
                app.line = line_of(*f, "\"apps\"");
                if (a.contains("name") && a["name"].is_string()) app.name = a["name"].get<std::string>();
                if (a.contains("instances")) app.instances = a["instances"].is_string() ? a["instances"].get<std::string>() : a["instances"].dump();
                if (a.contains("exec_mode") && a["exec_mode"].is_string()) app.exec_mode = a["exec_mode"].get<std::string>();
                if (a.contains("autorestart") && a["autorestart"].is_boolean()) {
                    app.autorestart = a["autorestart"].get<bool>();
                    app.autorestart_line = line_of(*f, "\"autorestart\"");
                }
                out.push_back(std::move(app));
            }
        }
    }
    return out;
}

std::vector<SystemdUnit> systemd_units(const ProbeContext& ctx) {
    std::vector<SystemdUnit> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || !str::ends_with(f->path, ".service")) continue;
        SystemdUnit u;
        u.file = f;
        std::string section;
        bool exec = false;
        std::size_t n = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++n;
            auto t = str::trim(raw);
            if (t.empty() || t[0] == '#' || t[0] == ';') continue;
            if (t[0] == '[') {
                section = std::string(t);
                if (section == "[Service]") u.service_line = n;
                continue;
            }
            if (section != "[Service]") continue;
            auto eq = t.find('=');
            if (eq == std::string_view::npos) continue;
            auto key = str::trim(t.substr(0, eq));
            auto val = str::trim(t.substr(eq + 1));
            if (key == "Restart") {
                u.restart = str::lower(val);
                u.restart_line = n;
            }
            if (key == "ExecStart") exec = true;
        }
        if (u.service_line && exec) out.push_back(std::move(u));
    }
    return out;
}

const TomlKey* Toml::get(std::string_view key) const {
    for (const auto& [k, v] : keys)
        if (k == key) return &v;
    return nullptr;
}

std::size_t Toml::section_line(std::string_view section) const {
    for (const auto& [s, l] : sections)
        if (s == section) return l;
    return 0;
}

Toml parse_toml(const File& f) {
    Toml t;
    t.file = &f;
    std::string section;
    std::size_t n = 0;
    for (auto raw : str::split(f.text, '\n')) {
        ++n;
        auto line = str::trim(raw);
        if (line.empty() || line[0] == '#') continue;
        if (line[0] == '[') {
            auto close = line.find(']');
            std::string_view inner = line.substr(line.starts_with("[[") ? 2 : 1);
            close = inner.find(']');
            section = std::string(str::trim(inner.substr(0, close)));
            t.sections.emplace_back(section, n);
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        auto key = unquote(line.substr(0, eq));
        std::string_view val = str::trim(line.substr(eq + 1));
        if (!val.empty() && val[0] != '"' && val[0] != '\'') {
            auto hash = val.find('#');
            if (hash != std::string_view::npos) val = str::trim(val.substr(0, hash));
        } else if (!val.empty()) {
            auto close = val.find(val[0], 1);
            if (close != std::string_view::npos) val = val.substr(0, close + 1);
        }
        t.keys.emplace_back(section.empty() ? key : section + "." + key, TomlKey{unquote(val), n});
    }
    return t;
}

std::string_view Platform::label() const {
    switch (kind) {
        case PlatformKind::fly: return "Fly.io";
        case PlatformKind::render: return "Render";
        case PlatformKind::app_engine: return "Google App Engine";
        case PlatformKind::vercel: return "Vercel";
        case PlatformKind::netlify: return "Netlify";
        case PlatformKind::heroku: return "Heroku (Procfile)";
    }
    return "platform";
}

std::vector<Platform> platforms(const ProbeContext& ctx) {
    std::vector<Platform> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own()) continue;
        auto name = base_of(f->path);
        if (name == "fly.toml") out.push_back({PlatformKind::fly, f});
        else if (name == "render.yaml" || name == "render.yml") out.push_back({PlatformKind::render, f});
        else if ((name == "app.yaml" || name == "app.yml") && !f->yaml.empty() && f->yaml.front().IsMap() &&
                 lookup(f->yaml.front(), "runtime") && !lookup(f->yaml.front(), "kind"))
            out.push_back({PlatformKind::app_engine, f});
        else if (name == "vercel.json") out.push_back({PlatformKind::vercel, f});
        else if (name == "netlify.toml") out.push_back({PlatformKind::netlify, f});
        else if (name == "Procfile") out.push_back({PlatformKind::heroku, f});
    }
    return out;
}

std::vector<Pm2Command> pm2_commands(const ProbeContext& ctx) {
    std::vector<Pm2Command> out;
    auto ci = ci_files(ctx);
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own()) continue;
        auto name = base_of(f->path);
        bool wanted = name == "package.json" || f->lang == Language::shell || str::starts_with(name, "ecosystem.") ||
                      f->lang == Language::dockerfile || std::find(ci.begin(), ci.end(), f) != ci.end();
        if (!wanted || f->text.find("pm2") == std::string::npos) continue;
        std::size_t n = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++n;
            if (raw.find("pm2") == std::string_view::npos) continue;
            auto words = shell_words(raw);
            for (std::size_t i = 0; i < words.size(); ++i) {
                auto w = words[i];
                while (!w.empty() && (w.back() == ',' || w.back() == ']')) w.pop_back();
                if (w == "pm2-runtime" || w == "pm2-docker") {
                    out.push_back({f, n, "runtime"});
                    break;
                }
                if ((w == "pm2" || str::ends_with(w, "/pm2")) && i + 1 < words.size()) {
                    auto verb = words[i + 1];
                    while (!verb.empty() && (verb.back() == ',' || verb.back() == '"')) verb.pop_back();
                    out.push_back({f, n, verb});
                    break;
                }
            }
        }
    }
    return out;
}

// ============================================================================
// runtime picture
// ============================================================================

namespace {

Runtime make_runtime(const ProbeContext& ctx) {
    Runtime rt;
    rt.kube = kube_objects(ctx);
    rt.workloads = serving_workloads(ctx, rt.kube);
    rt.every_workload = all_workloads(ctx, rt.kube);
    bool knative = false;
    for (const auto* o : rt.every_workload)
        if (is_knative_service(*o)) knative = true;
    rt.knative = knative;
    rt.batch_only = rt.workloads.empty() && !knative && !rt.every_workload.empty();
    for (const auto& p : platforms(ctx))
        if (!is_dev_path(p.file->path)) rt.platform.push_back(p);
    rt.compose = compose_app(ctx);
    for (auto& s : compose_all(ctx))
        if (!s.dev) rt.compose_every.push_back(std::move(s));
    for (const auto& s : rt.compose_every) {
        bool mine = !s.builds;
        for (const auto& a : rt.compose)
            if (a.file == s.file && a.name == s.name) mine = true;
        if (mine) rt.compose_scope.push_back(s);
    }
    rt.pm2 = pm2_apps(ctx);
    rt.systemd = systemd_units(ctx);
    for (auto& d : dockerfiles(ctx))
        if (d.file->is_own() && !is_dev_path(d.file->path)) rt.docker.push_back(std::move(d));
    if (!rt.workloads.empty() || knative) rt.primary = Mechanism::kubernetes;
    else if (!rt.platform.empty()) rt.primary = Mechanism::platform;
    else if (!rt.compose.empty()) rt.primary = Mechanism::compose;
    else if (!rt.pm2.empty()) rt.primary = Mechanism::pm2;
    else if (!rt.systemd.empty()) rt.primary = Mechanism::systemd;
    else if (!rt.docker.empty()) rt.primary = Mechanism::dockerfile_only;
    if ((rt.primary == Mechanism::kubernetes || rt.primary == Mechanism::platform) && !rt.compose.empty())
        rt.shadowed = fmt::format("{} is read as local development because {} define the deployment.",
                                  rt.compose.front().file->path,
                                  rt.primary == Mechanism::kubernetes ? "Kubernetes manifests" : "platform configs");
    return rt;
}

}  // namespace

const Runtime& runtime_of(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<Runtime>(&tag, std::to_string(ctx.service), [&] { return make_runtime(ctx); });
}

bool runs_as_process(const ProbeContext& ctx, const Runtime& rt) {
    if (rt.primary != Mechanism::none) return true;
    if (serves_http(ctx) || !ctx.svc().frameworks.empty()) return true;
    return depends_on_any(ctx, {"bullmq", "bull", "bee-queue", "agenda", "celery", "rq", "dramatiq", "arq", "huey",
                                "github.com/hibiken/asynq", "kafkajs", "amqplib"});
}

Outcome undecided(const ProbeContext& ctx, const Runtime& rt, std::string_view what) {
    if (rt.batch_only) {
        auto o = na(fmt::format("Kubernetes defines only batch workloads (Job/CronJob/Pod) for this service, so {} does not apply.", what));
        return o;
    }
    if (rt.primary == Mechanism::none && !rt.kube.unrendered.empty()) {
        const auto* f = rt.kube.unrendered.front();
        return unknown(fmt::format("Helm template {} could not be rendered with its values.yaml, so {} is not visible.",
                                   f->path, what),
                       {line_evidence(*f, 1, "unrendered Helm template")});
    }
    if (rt.primary == Mechanism::dockerfile_only && !rt.docker.empty()) {
        const auto& d = rt.docker.front();
        std::size_t line = d.stages.empty() ? 1 : d.stages.back().line;
        return unknown(fmt::format("{} builds an image, but nothing in the repository says what runs it (no Kubernetes, "
                                   "Helm, compose, PM2, systemd or platform config), so {} is not visible.",
                                   d.file->path, what),
                       {line_evidence(*d.file, line, "container image without a runtime definition")});
    }
    if (!runs_as_process(ctx, rt))
        return na(fmt::format("No long-running process (no HTTP server, worker or deployment definition), so {} does not apply.", what));
    return unknown(fmt::format("Nothing in the repository says how the service runs (no Kubernetes, Helm, compose, PM2, "
                               "systemd, Dockerfile or platform config), so {} is not visible.",
                               what));
}

Evidence platform_evidence(const Platform& p, std::string note) {
    std::size_t line = 1;
    const auto& t = p.file->text;
    for (std::size_t l = 1; l <= p.file->lines.line_count(); ++l) {
        auto tx = str::trim(p.file->lines.line_text(t, l));
        if (!tx.empty() && tx[0] != '#' && tx[0] != '{') {
            line = l;
            break;
        }
    }
    return line_evidence(*p.file, line, std::move(note));
}

bool pm2_cluster_mode(const Pm2App& a) {
    auto mode = str::lower(a.exec_mode);
    return mode == "cluster" || mode == "cluster_mode";
}

bool pm2_many_instances(const Pm2App& a) {
    auto inst = str::lower(a.instances);
    return inst == "max" || inst == "-1" || inst == "0" || std::atoi(inst.c_str()) >= 2;
}

}  // namespace gonogo::checks::deploy
