// Helpers shared by the opsdocs probes (see opsdocs_util.hpp): small YAML and
// path helpers, the shell-command classifier with its npm/make/task resolver,
// the CI pipeline readers and the Markdown section parser.
#include "checks/operations/opsdocs_util.hpp"
#include "checks/operations/deploy_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <regex>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::checks::opsdocs {

using collect::File;
using collect::FileKind;
using collect::Language;

// ---- small helpers ------------------------------------------------------------

std::string base_name(std::string_view path) {
    auto p = path.rfind('/');
    return std::string(p == std::string_view::npos ? path : path.substr(p + 1));
}

std::string dir_name(std::string_view path) {
    auto p = path.rfind('/');
    return p == std::string_view::npos ? std::string() : std::string(path.substr(0, p));
}

std::string join(std::string_view dir, std::string_view rel) { return deploy::join_path(dir, rel); }

std::size_t yaml_line(const YAML::Node& n) {
    if (!n.IsDefined()) return 0;
    auto m = n.Mark();
    return m.line < 0 ? 0 : static_cast<std::size_t>(m.line) + 1;
}

YAML::Node child(const YAML::Node& n, std::string_view key) {
    if (!n.IsDefined() || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& kv : n)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

std::size_t key_line(const YAML::Node& n, std::string_view key) {
    if (!n.IsDefined() || !n.IsMap()) return 0;
    for (const auto& kv : n)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return yaml_line(kv.first);
    return 0;
}

std::optional<std::string> yaml_str(const YAML::Node& n) {
    if (!n.IsDefined() || !n.IsScalar()) return std::nullopt;
    return n.Scalar();
}

bool yaml_true(const YAML::Node& n) {
    auto s = yaml_str(n);
    if (!s) return false;
    auto l = lower(*s);
    return l == "true" || l == "yes" || l == "on";
}

std::vector<YAML::Node> yaml_docs(const File& f, std::initializer_list<std::string_view> needles) {
    if (!f.yaml.empty()) return f.yaml;
    if (!f.kept || f.lang != Language::yaml || f.text.empty()) return {};
    bool wanted = needles.size() == 0;
    for (auto n : needles) wanted = wanted || f.text.find(n) != std::string::npos;
    if (!wanted) return {};
    try {
        return YAML::LoadAll(f.text);
    } catch (const YAML::Exception&) {
        return {};
    }
}

const std::vector<YAML::Node>& yaml_docs(const ProbeContext& ctx, const File& f,
                                         std::initializer_list<std::string_view> needles) {
    if (!f.yaml.empty()) return f.yaml;
    static const char tag = 0;
    std::string key = f.path;
    for (auto n : needles) (key += '\0') += n;
    return ctx.model.derived<std::vector<YAML::Node>>(&tag, std::move(key), [&] { return yaml_docs(f, needles); });
}

std::string mask_line(std::string_view in) {
    static const std::regex k_kv(
        R"re((password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|authorization|bearer|credentials?)(["']?\s*[:=]\s*["']?|\s+)([^\s"',;})]{4,}))re",
        std::regex::icase);
    static const std::regex k_url(R"re(://([^/\s:@]+):([^@\s/]+)@)re");
    static const std::regex k_token(
        R"re((ghp_|gho_|ghs_|ghu_|github_pat_|sk_live_|sk_test_|rk_live_|whsec_|xox[abpr]-|AKIA|ASIA|glpat-|SG\.)[A-Za-z0-9_\-.]{6,})re");
    std::string s(in);
    auto replace_group = [&](const std::regex& re, int group, bool skip_refs) {
        std::string out;
        std::size_t last = 0;
        for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            auto pos = static_cast<std::size_t>(m.position(group));
            auto len = static_cast<std::size_t>(m.length(group));
            auto val = m.str(group);
            if (skip_refs && (val.front() == '$' || val.front() == '<' || val.front() == '{' || val.front() == '%')) continue;
            out += s.substr(last, pos - last);
            out += str::mask(val, 2);
            last = pos + len;
        }
        out += s.substr(last);
        s = std::move(out);
    };
    replace_group(k_token, 0, false);
    replace_group(k_url, 2, true);
    replace_group(k_kv, 3, true);
    return s;
}

Evidence hit_ev(const ProbeContext& ctx, const collect::Hit& h, std::string note) {
    Evidence e = ctx.evidence(h, std::move(note));
    e.snippet = mask_line(e.snippet);
    return e;
}

Evidence line_ev(const File& f, std::size_t line, std::string note) {
    if (!f.kept || f.text.empty()) {
        Evidence e;
        e.path = f.path;
        e.line = line;
        e.note = std::move(note);
        return e;
    }
    if (line == 0) line = 1;
    if (line > f.lines.line_count()) line = f.lines.line_count();
    Evidence e = f.evidence_line(line, std::move(note));
    e.snippet = str::clip(mask_line(e.snippet), 160);
    return e;
}

bool is_sample_path(std::string_view path) {
    static constexpr std::array<std::string_view, 10> k{"examples", "example", "samples", "sample", "fixtures",
                                                        "fixture", "testdata", "__fixtures__", "demo", "demos"};
    auto segs = str::split(path, '/');
    if (!segs.empty()) segs.pop_back();
    for (auto s : segs)
        for (auto w : k)
            if (s == w) return true;
    return false;
}

std::vector<Evidence> anchor_evidence(const ProbeContext& ctx, std::string note) {
    const auto& root = ctx.svc().root;
    for (auto name : {"package.json", "go.mod", "pyproject.toml", "requirements.txt", "setup.py", "Pipfile",
                      "README.md", "readme.md", "README.rst", "Dockerfile"}) {
        auto p = root.empty() ? std::string(name) : root + "/" + name;
        const auto* f = ctx.model.file(p);
        if (f && f->kept && !f->text.empty()) return {line_ev(*f, 1, note)};
    }
    for (const auto* f : ctx.files())
        if (f->kept && f->is_own() && !f->text.empty() && f->kind == FileKind::manifest) return {line_ev(*f, 1, note)};
    return {};
}

const std::vector<const File*>& kept_own(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<std::vector<const File*>>(&tag, std::to_string(ctx.service), [&] {
        std::vector<const File*> out;
        for (const auto* f : ctx.files())
            if (f->kept && f->is_own() && !is_sample_path(f->path)) out.push_back(f);
        return out;
    });
}

bool nothing_to_operate(const ProbeContext& ctx) { return !has_code(ctx); }

bool nothing_runs(const ProbeContext& ctx) {
    return !has_code(ctx) || !deploy::runs_as_process(ctx, deploy::runtime_of(ctx));
}

std::string lower(std::string_view s) { return str::lower(s); }

namespace {
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
}  // namespace

bool has_word(std::string_view text, std::string_view word) {
    if (word.empty()) return false;
    auto t = lower(text);
    auto w = lower(word);
    std::size_t pos = 0;
    while ((pos = t.find(w, pos)) != std::string::npos) {
        bool left = pos == 0 || !word_char(t[pos - 1]);
        bool right = pos + w.size() >= t.size() || !word_char(t[pos + w.size()]);
        if (left && right) return true;
        ++pos;
    }
    return false;
}

// ---- commands -------------------------------------------------------------------

void CmdInfo::merge(const CmdInfo& o) {
    kinds |= o.kinds;
    soft |= o.soft;
    for (const auto& d : o.did) {
        bool dup = false;
        for (const auto& x : did) dup = dup || (x.kind == d.kind && x.what == d.what && x.soft == d.soft);
        if (!dup) did.push_back(d);
    }
    for (const auto& w : o.scan_kinds)
        if (std::find(scan_kinds.begin(), scan_kinds.end(), w) == scan_kinds.end()) scan_kinds.push_back(w);
    for (const auto& w : o.scan_tools)
        if (std::find(scan_tools.begin(), scan_tools.end(), w) == scan_tools.end()) scan_tools.push_back(w);
    opaque = opaque || o.opaque;
}

namespace {

bool is_make_file(std::string_view path) {
    auto b = base_name(path);
    return b == "Makefile" || b == "makefile" || b == "GNUmakefile" || str::ends_with(b, ".mk");
}

bool is_taskfile(std::string_view path) {
    auto b = lower(base_name(path));
    return b == "taskfile.yml" || b == "taskfile.yaml" || b == "taskfile.dist.yml" || b == "taskfile.dist.yaml";
}

std::vector<std::string> yaml_strings(const YAML::Node& n) {
    std::vector<std::string> out;
    if (!n.IsDefined()) return out;
    if (n.IsScalar()) {
        out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
        for (const auto& x : n) {
            if (x.IsScalar()) out.push_back(x.Scalar());
            else if (x.IsSequence())
                for (auto& s : yaml_strings(x)) out.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace

const Resolver& resolver(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<Resolver>(&tag, std::to_string(ctx.service), [&] { return Resolver(ctx); });
}

Resolver::Resolver(const ProbeContext& ctx) : service_root(ctx.svc().root) {
    std::map<std::uint32_t, std::vector<std::pair<std::size_t, std::string>>> targets, recipes;  // file -> (line, text)
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->kind == FileKind::vendored || f->kind == FileKind::test) continue;
        if (base_name(f->path) == "package.json" && f->json && f->json->is_object()) {
            auto it = f->json->find("scripts");
            if (it != f->json->end() && it->is_object())
                for (auto s = it->begin(); s != it->end(); ++s)
                    if (s.value().is_string()) m_npm[dir_name(f->path)][s.key()] = s.value().get<std::string>();
        } else if (is_taskfile(f->path)) {
            auto tdocs = yaml_docs(*f);
            if (tdocs.empty() || !tdocs[0].IsMap()) continue;
            auto tasks = child(tdocs[0], "tasks");
            if (!tasks.IsDefined() || !tasks.IsMap()) continue;
            auto& dst = m_tasks[dir_name(f->path)];
            for (const auto& kv : tasks) {
                auto name = kv.first.as<std::string>("");
                std::vector<std::string> cmds;
                YAML::Node body = kv.second;
                YAML::Node list = body.IsMap() ? child(body, "cmds") : body;
                if (list.IsScalar()) cmds.push_back(list.Scalar());
                else if (list.IsSequence())
                    for (const auto& c : list) {
                        if (c.IsScalar()) cmds.push_back(c.Scalar());
                        else if (auto cmd = yaml_str(child(c, "cmd"))) cmds.push_back(*cmd);
                        else if (auto tk = yaml_str(child(c, "task"))) cmds.push_back("task " + *tk);
                    }
                auto deps = child(body, "deps");
                if (deps.IsDefined() && deps.IsSequence())
                    for (const auto& d : deps) {
                        if (d.IsScalar()) cmds.push_back("task " + d.Scalar());
                        else if (auto tk = yaml_str(child(d, "task"))) cmds.push_back("task " + *tk);
                    }
                dst[name] = std::move(cmds);
            }
        }
    }
    auto gather = [&](std::string_view sig, auto& dst) {
        for (const auto* h : ctx.hits(sig)) {
            const auto& f = ctx.model.files[h->file];
            if (!is_make_file(f.path) || f.kind == FileKind::vendored || f.kind == FileKind::test) continue;
            std::string m = h->match;
            std::size_t line = h->line;
            while (!m.empty() && (m.front() == '\n' || m.front() == '\r')) {
                m.erase(m.begin());
                ++line;
            }
            dst[h->file].emplace_back(line, m);
        }
    };
    gather("ops.make-target", targets);
    gather("ops.make-recipe", recipes);
    std::map<std::uint32_t, std::vector<std::pair<std::size_t, std::string>>> vars;
    gather("ops.make-var", vars);
    // Substitutes simple Makefile variables ($(GO) -> go) in recipe lines.
    for (auto& [file, rs] : recipes) {
        std::map<std::string, std::string> values;
        for (const auto& [vl, vt] : vars[file]) {
            auto eq = vt.find('=');
            if (eq == std::string::npos || eq == 0) continue;
            std::size_t end = eq;
            if (vt[end - 1] == '?' || vt[end - 1] == ':' || vt[end - 1] == '+') --end;
            auto name = std::string(str::trim(std::string_view(vt).substr(0, end)));
            auto value = std::string(str::trim(std::string_view(vt).substr(eq + 1)));
            if (value.find("$(shell") != std::string::npos || value.find('`') != std::string::npos) continue;
            if (!values.count(name)) values[name] = value;
        }
        if (values.empty()) continue;
        for (auto& [rl, rt] : rs)
            for (const auto& [name, value] : values)
                for (const auto& ref : {"$(" + name + ")", "${" + name + "}"}) {
                    std::size_t pos = 0;
                    while ((pos = rt.find(ref, pos)) != std::string::npos) {
                        rt.replace(pos, ref.size(), value);
                        pos += value.size();
                    }
                }
    }
    for (auto& [file, ts] : targets) {
        const auto& f = ctx.model.files[file];
        auto& mk = m_make[dir_name(f.path)];
        auto& rs = recipes[file];
        std::sort(ts.begin(), ts.end());
        std::sort(rs.begin(), rs.end());
        for (std::size_t i = 0; i < ts.size(); ++i) {
            const auto& [line, text] = ts[i];
            auto colon = text.find(':');
            if (colon == std::string::npos) continue;
            if (colon + 1 < text.size() && text[colon + 1] == '=') continue;  // VAR := value
            auto names = std::string(str::trim(text.substr(0, colon)));
            if (names.empty() || names.front() == '.' || names.find('=') != std::string::npos ||
                names.find('$') != std::string::npos)
                continue;
            std::string pre(text.substr(colon + 1));
            if (auto bar = pre.find('|'); bar != std::string::npos) pre = pre.substr(0, bar);
            if (auto hash = pre.find('#'); hash != std::string::npos) pre = pre.substr(0, hash);
            if (auto semi = pre.find(';'); semi != std::string::npos) pre = pre.substr(0, semi);
            std::size_t next_line = i + 1 < ts.size() ? ts[i + 1].first : SIZE_MAX;
            std::vector<std::string> body;
            for (const auto& [rl, rt] : rs)
                if (rl > line && rl < next_line) body.emplace_back(str::trim(rt));
            for (auto nm : str::split(names, ' ')) {
                if (nm.empty()) continue;
                std::string name(nm);
                if (mk.first.empty()) mk.first = name;
                auto& dst = mk.recipes[name];
                dst.insert(dst.end(), body.begin(), body.end());
                for (auto p : str::split(pre, ' '))
                    if (!str::trim(p).empty()) mk.prereqs[name].emplace_back(str::trim(p));
            }
        }
    }
}

std::optional<std::string> Resolver::npm_script(std::string_view dir, std::string_view name) const {
    std::vector<std::string> tries;
    std::string d(dir);
    for (;;) {
        tries.push_back(d);
        if (d.empty()) break;
        d = dir_name(d);
    }
    tries.push_back(service_root);
    for (const auto& t : tries) {
        auto it = m_npm.find(t);
        if (it == m_npm.end()) continue;
        auto s = it->second.find(std::string(name));
        if (s != it->second.end()) return s->second;
        if (t == std::string(dir) || (dir.empty() && t.empty())) return std::nullopt;  // the package.json of the step's directory decides
    }
    for (const auto& [k, scripts] : m_npm) {
        auto s = scripts.find(std::string(name));
        if (s != scripts.end()) return s->second;
    }
    return std::nullopt;
}

void Resolver::collect_make(std::vector<std::string>& out, const Make& mk, const std::string& target, int depth) const {
    if (depth > 4) return;
    auto p = mk.prereqs.find(target);
    if (p != mk.prereqs.end())
        for (const auto& pre : p->second)
            if (mk.recipes.count(pre)) collect_make(out, mk, pre, depth + 1);
    auto r = mk.recipes.find(target);
    if (r != mk.recipes.end()) out.insert(out.end(), r->second.begin(), r->second.end());
}

std::optional<std::vector<std::string>> Resolver::make_target(std::string_view dir, std::string_view target) const {
    auto it = m_make.find(std::string(dir));
    if (it == m_make.end() && dir.empty()) it = m_make.find(service_root);
    if (it == m_make.end()) return std::nullopt;
    std::string t = target.empty() ? it->second.first : std::string(target);
    if (!it->second.recipes.count(t)) return std::nullopt;
    std::vector<std::string> out;
    collect_make(out, it->second, t, 0);
    return out;
}

std::optional<std::vector<std::string>> Resolver::task(std::string_view dir, std::string_view name) const {
    auto it = m_tasks.find(std::string(dir));
    if (it == m_tasks.end()) it = m_tasks.find(service_root);
    if (it == m_tasks.end()) return std::nullopt;
    auto t = it->second.find(std::string(name.empty() ? "default" : name));
    if (t == it->second.end()) return std::nullopt;
    return t->second;
}

bool Resolver::any_target_mentions(std::initializer_list<std::string_view> words) const {
    auto named = [&](std::string_view text) {
        for (auto w : words)
            if (str::icontains(text, w)) return true;
        return false;
    };
    for (const auto& [dir, scripts] : m_npm)
        for (const auto& [name, body] : scripts)
            if (named(name) || named(body)) return true;
    for (const auto& [dir, mk] : m_make)
        for (const auto& [target, lines] : mk.recipes) {
            if (named(target)) return true;
            for (const auto& l : lines)
                if (named(l)) return true;
        }
    for (const auto& [dir, tasks] : m_tasks)
        for (const auto& [name, cmds] : tasks) {
            if (named(name)) return true;
            for (const auto& c : cmds)
                if (named(c)) return true;
        }
    return false;
}

namespace {

struct Seg {
    std::string text;
    bool soft = false;
};

bool is_noop(std::string_view s) {
    s = str::trim(s);
    return s == "true" || s == ":" || s == "exit 0" || str::starts_with(s, "echo ") || s == "echo" ||
           str::starts_with(s, "printf ");
}

std::vector<Seg> split_segments(std::string_view in) {
    std::string t;
    t.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '\\' && i + 1 < in.size() && in[i + 1] == '\n') {
            ++i;
            t += ' ';
            continue;
        }
        if (in[i] == '\\' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
            i += 2;
            t += ' ';
            continue;
        }
        t += in[i];
    }
    std::vector<Seg> out;
    std::string cur;
    bool after_or = false;
    auto flush = [&](bool or_next) {
        auto tr = str::trim(cur);
        if (!tr.empty()) {
            if (after_or && is_noop(tr)) {
                if (!out.empty()) out.back().soft = true;
            } else {
                out.push_back({std::string(tr), false});
            }
        }
        cur.clear();
        after_or = or_next;
    };
    char q = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        char next = i + 1 < t.size() ? t[i + 1] : '\0';
        if (q) {
            cur += c;
            if (c == q) q = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            q = c;
            cur += c;
            continue;
        }
        if (c == '#' && (cur.empty() || std::isspace(static_cast<unsigned char>(cur.back())))) {
            while (i < t.size() && t[i] != '\n') ++i;
            flush(false);
            continue;
        }
        if (c == '\n' || c == ';') {
            flush(false);
            continue;
        }
        if (c == '&' && next == '&') {
            flush(false);
            ++i;
            continue;
        }
        if (c == '|' && next == '|') {
            flush(true);
            ++i;
            continue;
        }
        if (c == '|') {
            flush(false);
            continue;
        }
        if (c == '&' && (cur.empty() || cur.back() != '>') && next != '>') {
            flush(false);
            continue;
        }
        cur += c;
    }
    flush(false);
    return out;
}

std::vector<std::string> words_of(std::string_view s) {
    auto out = str::shell_words(s);
    // Jenkins/Groovy leftovers: sh 'npm test' } -> drop trailing punctuation words.
    while (!out.empty() && out.back().find_first_not_of("{}()[],;'\"`") == std::string::npos) out.pop_back();
    return out;
}

bool is_assignment(std::string_view w) {
    auto eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    for (std::size_t i = 0; i < eq; ++i)
        if (!word_char(w[i])) return false;
    return !std::isdigit(static_cast<unsigned char>(w[0]));
}

std::string tool_name(std::string_view w) {
    std::string s(w);
    while (!s.empty() && (s.front() == '(' || s.front() == '`')) s.erase(s.begin());
    auto b = base_name(s);
    if (b == "$(MAKE)" || b == "${MAKE}" || b == "$MAKE") return "make";
    auto l = lower(b);
    if (str::ends_with(l, ".exe")) l = l.substr(0, l.size() - 4);
    if (str::ends_with(l, ".cmd")) l = l.substr(0, l.size() - 4);
    return l;
}

bool any_of(std::string_view s, std::initializer_list<std::string_view> xs) {
    for (auto x : xs)
        if (s == x) return true;
    return false;
}

bool has_flag(const std::vector<std::string>& w, std::size_t from, std::initializer_list<std::string_view> flags) {
    for (std::size_t i = from; i < w.size(); ++i)
        for (auto f : flags)
            if (w[i] == f || (str::starts_with(w[i], f) && w[i].size() > f.size() && w[i][f.size()] == '='))
                return true;
    return false;
}

// The i-th word from `from` that is not a flag; flags in `valued` take the next word as their value.
std::optional<std::size_t> positional(const std::vector<std::string>& w, std::size_t from,
                                      std::initializer_list<std::string_view> valued = {}) {
    for (std::size_t i = from; i < w.size(); ++i) {
        if (str::starts_with(w[i], "-")) {
            if (w[i].find('=') == std::string::npos)
                for (auto v : valued)
                    if (w[i] == v) {
                        ++i;
                        break;
                    }
            continue;
        }
        return i;
    }
    return std::nullopt;
}

unsigned by_name(std::string_view name) {
    auto n = lower(name);
    unsigned k = 0;
    if (str::contains(n, "test") || str::contains(n, "spec") || str::contains(n, "e2e")) k |= k_test;
    if (str::contains(n, "lint") || str::contains(n, "format:check") || str::contains(n, "fmt:check") ||
        str::contains(n, "check-format") || str::contains(n, "format-check") || str::contains(n, "prettier") ||
        str::contains(n, "typecheck") || str::contains(n, "type-check") || str::contains(n, "types") ||
        str::contains(n, "tsc") || str::contains(n, "mypy") || n == "vet" || str::contains(n, "style"))
        k |= k_lint;
    if (str::contains(n, "build") || str::contains(n, "compile") || str::contains(n, "bundle") || n == "dist")
        k |= k_build;
    return k;
}

struct Classifier {
    const Resolver& r;
    int depth;

    void scan(CmdInfo& info, std::string_view tool, std::string_view kind, const std::string& what) {
        info.kinds |= k_scan;
        info.did.push_back({k_scan, mask_line(what), false});
        if (std::find(info.scan_kinds.begin(), info.scan_kinds.end(), kind) == info.scan_kinds.end())
            info.scan_kinds.emplace_back(kind);
        if (std::find(info.scan_tools.begin(), info.scan_tools.end(), tool) == info.scan_tools.end())
            info.scan_tools.emplace_back(tool);
    }

    void add(CmdInfo& info, unsigned k, const std::string& raw) {
        if (!k) return;
        auto what = mask_line(raw);
        for (unsigned bit = 1; bit <= k_deploy; bit <<= 1)
            if (k & bit) info.did.push_back({bit, what, false});
        info.kinds |= k;
    }

    void by_name_into(CmdInfo& info, std::string_view name, const std::string& what) {
        add(info, by_name(name), what + " (judged by its name)");
    }

    void lines_into(CmdInfo& info, const std::vector<std::string>& lines, std::string_view dir, const std::string& what) {
        CmdInfo sub;
        for (const auto& l : lines) {
            std::string s(str::trim(l));
            while (!s.empty() && (s.front() == '@' || s.front() == '-' || s.front() == '+')) s.erase(s.begin());
            sub.merge(classify_command(s, r, dir, depth + 1));
        }
        if (!sub.kinds) return;
        info.kinds |= sub.kinds;
        info.soft |= sub.soft;
        for (auto& w : sub.did) info.did.push_back({w.kind, what + " -> " + w.what, w.soft});
        info.scan_kinds.insert(info.scan_kinds.end(), sub.scan_kinds.begin(), sub.scan_kinds.end());
        info.scan_tools.insert(info.scan_tools.end(), sub.scan_tools.begin(), sub.scan_tools.end());
    }

    void npm_script(CmdInfo& info, std::string_view runner, std::string_view name, std::string_view dir) {
        std::string what = fmt::format("{} run {}", runner, name);
        if (name == "test") what = fmt::format("{} test", runner);
        if (depth > 4) return;
        auto body = r.npm_script(dir, name);
        if (!body) {
            by_name_into(info, name, what);
            return;
        }
        CmdInfo sub;
        for (auto hook : {std::string("pre") + std::string(name), std::string(name), std::string("post") + std::string(name)}) {
            auto b = hook == name ? body : r.npm_script(dir, hook);
            if (b) sub.merge(classify_command(*b, r, dir, depth + 1));
        }
        if (!sub.kinds) {
            auto t = str::trim(*body);
            bool placeholder = str::starts_with(t, "echo") || t == "true" || t == "exit 0" || t.empty() ||
                               str::contains(t, "no test specified");
            if (!placeholder) by_name_into(info, name, what + " (" + std::string(str::clip(t, 60)) + ")");
            return;
        }
        info.kinds |= sub.kinds;
        info.soft |= sub.soft;
        for (auto& w : sub.did) info.did.push_back({w.kind, what + " -> " + w.what, w.soft});
        info.scan_kinds.insert(info.scan_kinds.end(), sub.scan_kinds.begin(), sub.scan_kinds.end());
        info.scan_tools.insert(info.scan_tools.end(), sub.scan_tools.begin(), sub.scan_tools.end());
    }

    // Classifies words[i..] where words[i] is the tool.
    void words(CmdInfo& info, std::vector<std::string> w, std::string& dir) {
        std::size_t i = 0;
        for (int guard = 0; guard < 8; ++guard) {
            while (i < w.size() && is_assignment(w[i])) ++i;
            if (i >= w.size()) return;
            auto t = tool_name(w[i]);
            auto next = i + 1 < w.size() ? w[i + 1] : std::string();
            if (any_of(t, {"then", "do", "else", "elif", "if", "while", "until", "!", "{", "("})) {  // shell keywords
                ++i;
                continue;
            }
            if (any_of(t, {"sudo", "time", "exec", "command", "nohup", "nice", "env", "xvfb-run", "stdbuf", "c8", "nyc",
                           "dotenv", "cross-env", "env-cmd", "npm-run-all", "run-s", "run-p", "concurrently"})) {
                if (any_of(t, {"npm-run-all", "run-s", "run-p"})) {  // npm-run-all lint test build
                    for (std::size_t j = i + 1; j < w.size(); ++j)
                        if (!str::starts_with(w[j], "-")) npm_script(info, "npm", w[j], dir);
                    return;
                }
                if (t == "concurrently") {
                    for (std::size_t j = i + 1; j < w.size(); ++j)
                        if (!str::starts_with(w[j], "-")) info.merge(classify_command(w[j], r, dir, depth + 1));
                    return;
                }
                ++i;
                while (i < w.size() && str::starts_with(w[i], "-")) {
                    if (t == "env-cmd" || t == "dotenv") ++i;  // -f file / -e file
                    ++i;
                }
                if (t == "dotenv" && i < w.size() && w[i] == "--") ++i;
                continue;
            }
            if (t == "timeout") {
                ++i;
                while (i < w.size() && str::starts_with(w[i], "-")) ++i;
                ++i;
                continue;
            }
            if (any_of(t, {"npx", "bunx", "uvx", "pnpx"})) {
                ++i;
                while (i < w.size() && str::starts_with(w[i], "-")) {
                    if (w[i] == "-p" || w[i] == "--package") ++i;
                    ++i;
                }
                continue;
            }
            if (any_of(t, {"poetry", "pipenv", "pdm", "hatch", "rye", "uv", "bundle", "pixi"}) &&
                (next == "run" || next == "exec")) {
                i += 2;
                while (i < w.size() && str::starts_with(w[i], "-")) ++i;
                continue;
            }
            if ((t == "pnpm" || t == "yarn") && (next == "exec" || next == "dlx")) {
                i += 2;
                continue;
            }
            if (t == "npm" && next == "exec") {
                i += 2;
                while (i < w.size() && str::starts_with(w[i], "-")) ++i;
                continue;
            }
            if ((t == "python" || t == "python3" || t == "py" || str::starts_with(t, "python3.")) && next == "-m" &&
                i + 2 < w.size()) {
                w[i + 2] = lower(w[i + 2]);
                std::replace(w[i + 2].begin(), w[i + 2].end(), '_', '-');
                i += 2;
                continue;
            }
            if ((t == "sh" || t == "bash" || t == "zsh") && next == "-c" && i + 2 < w.size()) {
                info.merge(classify_command(w[i + 2], r, dir, depth + 1));
                return;
            }
            if (t == "cd" || t == "pushd") {
                if (!next.empty() && next != "-" && next.find('$') == std::string::npos) dir = join(dir, next);
                return;
            }
            break;
        }
        if (i >= w.size()) return;
        auto t = tool_name(w[i]);
        std::vector<std::string> a(w.begin() + static_cast<std::ptrdiff_t>(i) + 1, w.end());
        auto sub = [&](std::initializer_list<std::string_view> valued = {}) -> std::string {
            auto p = positional(a, 0, valued);
            return p ? a[*p] : std::string();
        };
        auto after = [&](std::string_view word, std::initializer_list<std::string_view> valued = {}) -> std::string {
            for (std::size_t k = 0; k < a.size(); ++k)
                if (a[k] == word) {
                    auto p = positional(a, k + 1, valued);
                    return p ? a[*p] : std::string();
                }
            return {};
        };
        auto has = [&](std::initializer_list<std::string_view> flags) { return has_flag(a, 0, flags); };
        auto has_word_arg = [&](std::string_view x) { return std::find(a.begin(), a.end(), x) != a.end(); };
        std::string line = t;
        for (const auto& x : a) line += " " + x;
        line = std::string(str::clip(line, 80));

        // ---- JavaScript package managers
        if (t == "npm" || t == "pnpm" || t == "yarn" || t == "bun") {
            std::string s = sub({"-w", "--workspace", "--prefix", "-C", "--dir", "--filter", "-F", "--cwd"});
            if (t == "yarn" && s == "workspace") {  // yarn workspace <name> <command...>
                auto p = positional(a, 0);
                auto q = p ? positional(a, *p + 1) : std::nullopt;
                if (!q) return;
                std::vector<std::string> nw{"yarn"};
                nw.insert(nw.end(), a.begin() + static_cast<std::ptrdiff_t>(*q) + 1, a.end());
                words(info, nw, dir);
                return;
            }
            if (t == "yarn" && s == "workspaces") {  // yarn workspaces foreach [flags] run <name>
                auto name = after("run");
                if (!name.empty()) npm_script(info, t, name, dir);
                return;
            }
            if (s == "audit" || (t == "yarn" && s == "npm" && has_word_arg("audit"))) {
                if (!has_word_arg("fix") && !has_word_arg("signatures")) scan(info, t + " audit", "dependencies", line);
                return;
            }
            if (any_of(s, {"test", "t", "tst"})) {
                if (t == "bun" && !r.npm_script(dir, "test")) {
                    add(info, k_test, line);
                    return;
                }
                npm_script(info, t, "test", dir);
                return;
            }
            if (any_of(s, {"run", "run-script", "rum", "urn"})) {
                std::string name = after(s, {"-w", "--workspace", "--filter", "-F"});
                if (!name.empty()) npm_script(info, t, name, dir);
                return;
            }
            if (t == "bun" && s == "build") return add(info, k_build, line);
            if (any_of(s, {"", "ci", "install", "i", "add", "remove", "start", "stop", "restart", "publish", "pack",
                           "version", "config", "set", "cache", "link", "init", "why", "info", "view", "outdated",
                           "prune", "dedupe", "rebuild", "exec", "dlx", "x", "node", "global", "upgrade", "up",
                           "workspaces", "workspace", "login", "whoami", "setup", "fetch", "store", "approve-builds"}))
                return;
            if (t != "npm") npm_script(info, t, s, dir);  // yarn lint, pnpm lint, bun lint
            return;
        }
        if (t == "deno") {
            auto s = sub();
            if (s == "test") return add(info, k_test, line);
            if (s == "lint" || s == "check" || (s == "fmt" && has({"--check"}))) return add(info, k_lint, line);
            if (s == "compile") return add(info, k_build, line);
            if (s == "task") return by_name_into(info, after("task"), line);
            return;
        }
        // ---- task runners
        if (t == "make" || t == "gmake") {
            std::string mdir = dir;
            std::vector<std::string> targets;
            for (std::size_t k = 0; k < a.size(); ++k) {
                if (a[k] == "-C" || a[k] == "--directory") {
                    if (k + 1 < a.size()) mdir = join(dir, a[++k]);
                    continue;
                }
                if (a[k] == "-f" || a[k] == "-j" || a[k] == "--file" || a[k] == "-I") {
                    ++k;
                    continue;
                }
                if (str::starts_with(a[k], "-") || is_assignment(a[k])) continue;
                targets.push_back(a[k]);
            }
            if (targets.empty()) targets.emplace_back();
            for (const auto& tg : targets) {
                auto what = tg.empty() ? std::string("make") : "make " + tg;
                auto lines = depth < 4 ? r.make_target(mdir, tg) : std::nullopt;
                if (lines) {
                    CmdInfo before = info;
                    lines_into(info, *lines, mdir, what);
                    if (info.kinds == before.kinds && !tg.empty()) by_name_into(info, tg, what);
                } else if (!tg.empty()) {
                    by_name_into(info, tg, what);
                }
            }
            return;
        }
        if (t == "task" || t == "just" || t == "mage" || t == "invoke" || t == "inv") {
            for (const auto& x : a) {
                if (str::starts_with(x, "-")) continue;
                auto lines = t == "task" && depth < 4 ? r.task(dir, x) : std::nullopt;
                if (lines) lines_into(info, *lines, dir, t + " " + x);
                else by_name_into(info, x, t + " " + x);
            }
            return;
        }
        if (t == "nx" || t == "turbo" || t == "lerna" || t == "moon" || t == "rush") {
            std::vector<std::string> names;
            for (std::size_t k = 0; k < a.size(); ++k) {
                const auto& x = a[k];
                if (x == "-t" || x == "--target" || x == "--targets" || x == "-T") {
                    if (k + 1 < a.size())
                        for (auto p : str::split(a[k + 1], ',')) names.emplace_back(p);
                    ++k;
                    continue;
                }
                if (str::starts_with(x, "--target=") || str::starts_with(x, "--targets=")) {
                    for (auto p : str::split(std::string_view(x).substr(x.find('=') + 1), ',')) names.emplace_back(p);
                    continue;
                }
                if (str::starts_with(x, "-")) {
                    if ((x == "--filter" || x == "-p" || x == "--projects" || x == "--scope") && k + 1 < a.size()) ++k;
                    continue;
                }
                if (any_of(x, {"run", "run-many", "affected", "exec"})) continue;
                auto colon = x.rfind(':');
                names.push_back(colon == std::string::npos ? x : x.substr(colon + 1));
                if (t == "nx" && colon == std::string::npos) break;  // nx test my-app
            }
            for (const auto& n : names) {
                auto body = r.npm_script(dir, n);
                if (body) npm_script(info, t, n, dir);
                else by_name_into(info, n, t + " " + n);
            }
            return;
        }
        // ---- Go
        if (t == "go") {
            auto s = sub();
            if (s == "test") return add(info, k_test, line);
            if (s == "build" || s == "install") return add(info, k_build, line);
            if (s == "vet") return add(info, k_lint, line);
            if (s == "run" || s == "tool") {
                auto target = after(s);
                auto at = target.find('@');
                auto name = base_name(target.substr(0, at));
                if (any_of(name, {"staticcheck", "golangci-lint", "revive", "govulncheck", "gosec", "errcheck",
                                  "ineffassign", "golint", "nancy", "gitleaks"})) {
                    std::vector<std::string> nw{name};
                    words(info, nw, dir);
                }
            }
            return;
        }
        if (any_of(t, {"gofmt", "goimports", "gofumpt"})) {
            if (has({"-l", "-d", "--list", "--diff"})) add(info, k_lint, line);
            return;
        }
        if (any_of(t, {"golangci-lint", "staticcheck", "revive", "golint", "errcheck", "ineffassign", "gocritic",
                       "gocyclo", "go-critic"}))
            return add(info, k_lint, line);
        if (any_of(t, {"gotestsum", "ginkgo", "richgo"})) return add(info, k_test, line);
        if (t == "gosec") return scan(info, "gosec", "SAST", line);
        if (t == "govulncheck") return scan(info, "govulncheck", "dependencies", line);
        if (t == "nancy") return scan(info, "nancy", "dependencies", line);
        // ---- Python
        if (t == "python" || t == "python3" || t == "py" || str::starts_with(t, "python3.")) {
            auto s = sub();
            auto b = base_name(s);
            auto s2 = positional(a, 1) ? a[*positional(a, 1)] : std::string();
            if (b == "manage.py" && s2 == "test") return add(info, k_test, line);
            if (b == "setup.py" && s2 == "test") return add(info, k_test, line);
            if (b == "setup.py" && any_of(s2, {"build", "sdist", "bdist_wheel"})) return add(info, k_build, line);
            return;
        }
        if (t == "manage.py" && sub() == "test") return add(info, k_test, line);
        if (any_of(t, {"pytest", "py.test", "nose2", "nosetests", "unittest", "green", "ward", "behave"}))
            return add(info, k_test, line);
        if (t == "coverage" && (sub() == "run")) return add(info, k_test, line);
        if (t == "tox" || t == "nox") {
            std::vector<std::string> envs;
            for (std::size_t k = 0; k < a.size(); ++k)
                if ((a[k] == "-e" || a[k] == "-s" || a[k] == "--session" || a[k] == "--sessions") && k + 1 < a.size())
                    for (auto p : str::split(a[k + 1], ',')) envs.emplace_back(p);
            if (envs.empty()) return add(info, k_test, line);
            for (const auto& e : envs) {
                auto k = by_name(e);
                if (!k && (str::starts_with(e, "py") || e == "unit" || e == "tests")) k = k_test;
                add(info, k, line);
            }
            return;
        }
        if (t == "ruff") {
            auto s = sub();
            if (s == "format" && !has({"--check", "--diff"})) return;
            return add(info, k_lint, line);
        }
        if (any_of(t, {"flake8", "pylint", "pyflakes", "pycodestyle", "pydocstyle", "mypy", "pyright", "pytype",
                       "prospector", "pylama", "vulture", "basedpyright", "dmypy"}))
            return add(info, k_lint, line);
        if (t == "black" || t == "isort" || t == "autopep8" || t == "yapf") {
            if (has({"--check", "--check-only", "-c", "--diff"})) add(info, k_lint, line);
            return;
        }
        if (t == "pre-commit" || t == "prek") {
            auto s = sub();
            if (s.empty() || s == "run") add(info, k_lint, line);
            return;
        }
        if (t == "bandit") return scan(info, "bandit", "SAST", line);
        if (t == "pip-audit") return scan(info, "pip-audit", "dependencies", line);
        if (t == "safety") {
            auto s = sub();
            if (s == "check" || s == "scan") scan(info, "safety", "dependencies", line);
            return;
        }
        if (t == "poetry" || t == "uv" || t == "hatch" || t == "pdm" || t == "flit") {
            if (sub() == "build") add(info, k_build, line);
            return;
        }
        if (t == "build") return add(info, k_build, line);  // python -m build
        if (t == "pip" || t == "pip3") {
            if (sub() == "wheel") add(info, k_build, line);
            return;
        }
        // ---- JavaScript tools
        if (any_of(t, {"eslint", "tslint", "stylelint", "oxlint", "xo", "standard", "semistandard", "jshint",
                       "svelte-check", "vue-tsc", "tsc-files", "knip", "ts-prune", "vue-cli-service-lint"})) {
            if (t == "vue-tsc" && !has({"--noEmit", "--noemit"})) return add(info, k_build, line);
            return add(info, k_lint, line);
        }
        if (t == "biome" || t == "rome") {
            auto s = sub();
            if (s == "check" || s == "lint" || s == "ci") add(info, k_lint, line);
            return;
        }
        if (t == "prettier" || t == "dprint") {
            if (has({"--check", "-c", "--list-different", "-l"}) || sub() == "check") add(info, k_lint, line);
            return;
        }
        if (t == "tsc") {
            if (has({"--noEmit", "--noemit"})) return add(info, k_lint, line + " (type check)");
            return add(info, k_build, line);
        }
        if (t == "next") {
            auto s = sub();
            if (s == "lint") return add(info, k_lint, line);
            if (s == "build") return add(info, k_build, line);
            return;
        }
        if (any_of(t, {"nest", "vite", "nuxt", "nuxi", "remix", "gatsby", "astro", "svelte-kit", "ng", "react-scripts",
                       "vue-cli-service", "parcel", "electron-builder", "expo", "sst", "react-router", "qwik"})) {
            auto s = sub();
            if (s == "build" || (t == "parcel" && s == "build") || (t == "expo" && s == "export")) return add(info, k_build, line);
            if (t == "astro" && s == "check") return add(info, k_lint, line);
            if ((t == "ng" || t == "react-scripts") && (s == "test" || s == "e2e")) return add(info, k_test, line);
            if (t == "ng" && s == "lint") return add(info, k_lint, line);
            if (t == "vue-cli-service" && str::starts_with(s, "test")) return add(info, k_test, line);
            if (t == "vue-cli-service" && s == "lint") return add(info, k_lint, line);
            return;
        }
        if (any_of(t, {"webpack", "rollup", "esbuild", "tsup", "swc", "babel", "ncc", "microbundle", "unbuild", "pkgroll",
                       "rspack", "rsbuild", "tsdown"})) {
            if (any_of(sub(), {"serve", "dev", "watch"}) || has({"--watch", "-w"})) return;
            return add(info, k_build, line);
        }
        if (any_of(t, {"jest", "vitest", "mocha", "ava", "tap", "jasmine", "karma", "uvu", "tape", "qunit", "wdio",
                       "testcafe", "node-tap", "ts-mocha", "cucumber-js", "lab"})) {
            if (t == "vitest" && any_of(sub(), {"dev", "watch", "bench"})) return;
            return add(info, k_test, line);
        }
        if (t == "playwright" || t == "cypress") {
            auto s = sub();
            if (s == "test" || s == "run") add(info, k_test, line);
            return;
        }
        if (t == "node" && has({"--test"})) return add(info, k_test, line);
        if (t == "newman" && sub() == "run") return add(info, k_test, line);
        // ---- containers and build systems
        if (t == "docker" || t == "docker-compose" || t == "podman" || t == "nerdctl") {
            std::size_t k = 0;
            auto next_pos = [&](std::size_t from) {
                auto p = positional(a, from, {"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "-c",
                                              "--context", "-H", "--host", "--project-directory"});
                return p ? *p : a.size();
            };
            k = next_pos(0);
            std::string s = k < a.size() ? a[k] : "";
            if (t != "docker-compose" && (s == "compose" || s == "buildx" || s == "image" || s == "builder" || s == "scout")) {
                auto group = s;
                k = next_pos(k + 1);
                s = k < a.size() ? a[k] : "";
                if (group == "scout") {
                    if (any_of(s, {"cves", "quickview", "recommendations"})) scan(info, "docker scout", "container", line);
                    return;
                }
                if (group == "buildx" && s == "bake") return add(info, k_build, line);
            }
            if (s == "build") return add(info, k_build, line);
            if (s == "service" && has_word_arg("rollback")) return add(info, k_rollback, line);
            if (s == "service" && has_word_arg("update") && has({"--rollback"})) return add(info, k_rollback, line);
            if (s == "run" || s == "exec") {
                // docker run [flags] image cmd... / docker compose run [flags] service cmd...
                std::size_t j = k + 1;
                static const std::set<std::string_view> k_valued{
                    "-v", "-e", "-w", "-p", "-u", "--name", "--network", "--entrypoint", "--user", "--env-file",
                    "--workdir", "--volume", "--mount", "--platform", "--env", "--publish", "-l", "--label",
                    "--add-host", "--cpus", "--memory", "-m", "--pull", "--net", "--volumes-from", "--ipc"};
                while (j < a.size() && str::starts_with(a[j], "-")) {
                    if (k_valued.count(a[j]) && a[j].find('=') == std::string::npos) ++j;
                    ++j;
                }
                if (j >= a.size()) return;
                auto image = lower(a[j]);
                for (auto [needle, tool, kind] :
                     std::initializer_list<std::tuple<std::string_view, std::string_view, std::string_view>>{
                         {"semgrep", "semgrep", "SAST"}, {"gitleaks", "gitleaks", "secrets"},
                         {"trufflehog", "trufflehog", "secrets"}, {"sonar-scanner", "sonar-scanner", "SAST"},
                         {"zaproxy", "OWASP ZAP", "DAST"}, {"owasp/zap", "OWASP ZAP", "DAST"},
                         {"securego/gosec", "gosec", "SAST"}, {"checkmarx/kics", "kics", "IaC"},
                         {"bridgecrew/checkov", "checkov", "IaC"}, {"njsscan", "njsscan", "SAST"}}) {
                    if (str::contains(image, needle)) return scan(info, tool, kind, line);
                }
                if (str::contains(image, "trivy")) {
                    auto tail = j + 1 < a.size() ? a[j + 1] : "";
                    return scan(info, "trivy", tail == "image" ? "container" : tail == "config" ? "IaC" : "dependencies", line);
                }
                std::vector<std::string> rest(a.begin() + static_cast<std::ptrdiff_t>(j) + 1, a.end());
                if (!rest.empty()) {
                    CmdInfo inner;
                    std::string d2 = dir;
                    words(inner, rest, d2);
                    if (inner.kinds) info.merge(inner);
                }
                return;
            }
            return;
        }
        if (t == "buildah" && (sub() == "bud" || sub() == "build")) return add(info, k_build, line);
        if (t == "executor" && str::contains(w[i], "kaniko")) return add(info, k_build, line);
        if (t == "ko" && any_of(sub(), {"build", "publish", "resolve", "apply"})) return add(info, k_build, line);
        if (t == "pack" && sub() == "build") return add(info, k_build, line);
        if (t == "goreleaser" && any_of(sub(), {"build", "release", ""})) return add(info, k_build, line);
        if (t == "earthly") {
            for (const auto& x : a)
                if (str::starts_with(x, "+")) by_name_into(info, x.substr(1), line);
            return;
        }
        if (t == "bazel" || t == "bazelisk" || t == "pants" || t == "buck2") {
            auto s = sub();
            if (s == "test") return add(info, k_test, line);
            if (s == "build" || s == "package") return add(info, k_build, line);
            if (s == "lint" || s == "check") return add(info, k_lint, line);
            return;
        }
        if (t == "mvn" || t == "mvnw" || t == "gradle" || t == "gradlew") {
            bool skip_tests = has({"-DskipTests", "-Dmaven.test.skip", "-x"});
            for (const auto& g : a) {
                if (str::starts_with(g, "-")) continue;
                auto gl = lower(g);
                if (gl == "test") add(info, k_test, line);
                else if (gl == "verify" || gl == "check") add(info, k_test | (gl == "check" ? k_lint : 0u), line);
                else if (gl == "package" || gl == "install" || gl == "build" || gl == "assemble" || gl == "bootjar" ||
                         gl == "jar" || gl == "shadowjar")
                    add(info, k_build | ((t[0] == 'm' || gl == "build") && !skip_tests ? k_test : 0u), line);
                else if (str::contains(gl, "sonar")) scan(info, "SonarQube", "SAST", line);
                else if (str::contains(gl, "dependency-check") || str::contains(gl, "dependencycheck"))
                    scan(info, "OWASP dependency-check", "dependencies", line);
                else if (str::contains(gl, "spotbugs") || str::contains(gl, "checkstyle") || str::contains(gl, "pmd") ||
                         str::contains(gl, "spotless") || str::contains(gl, "ktlint") || str::contains(gl, "detekt") ||
                         gl == "lint")
                    add(info, k_lint, line);
            }
            return;
        }
        if (t == "cargo") {
            auto s = sub();
            if (s == "test" || s == "nextest") return add(info, k_test, line);
            if (s == "build") return add(info, k_build, line);
            if (s == "clippy" || (s == "fmt" && has({"--check"}))) return add(info, k_lint, line);
            if (s == "audit" || s == "deny") return scan(info, "cargo " + s, "dependencies", line);
            return;
        }
        if (t == "dotnet") {
            auto s = sub();
            if (s == "test") return add(info, k_test, line);
            if (s == "build" || s == "publish") return add(info, k_build, line);
            if (s == "format" && has({"--verify-no-changes"})) return add(info, k_lint, line);
            return;
        }
        // ---- security scanners
        if (t == "semgrep" || t == "opengrep") {
            if (!has({"--version", "--help"}) && sub() != "login") scan(info, "semgrep", "SAST", line);
            return;
        }
        if (t == "snyk") {
            auto s = sub();
            if (s == "code") return scan(info, "snyk code", "SAST", line);
            if (s == "container") return scan(info, "snyk container", "container", line);
            if (s == "iac") return scan(info, "snyk iac", "IaC", line);
            if (s == "test" || s == "monitor") return scan(info, "snyk", "dependencies", line);
            return;
        }
        if (t == "trivy") {
            auto s = sub();
            if (s == "image") return scan(info, "trivy", "container", line);
            if (s == "config") return scan(info, "trivy", "IaC", line);
            if (any_of(s, {"fs", "filesystem", "repo", "repository", "rootfs", "sbom"})) return scan(info, "trivy", "dependencies", line);
            return;
        }
        if (t == "grype") return scan(info, "grype", "container", line);
        if (t == "osv-scanner") return scan(info, "osv-scanner", "dependencies", line);
        if (any_of(t, {"audit-ci", "better-npm-audit", "retire", "auditjs", "improved-yarn-audit"}))
            return scan(info, t, "dependencies", line);
        if (any_of(t, {"dependency-check", "dependency-check.sh"})) return scan(info, "OWASP dependency-check", "dependencies", line);
        if (any_of(t, {"gitleaks", "trufflehog", "detect-secrets", "ggshield", "git-secrets", "secretlint", "talisman"})) {
            if (t == "detect-secrets" && sub() != "scan" && sub() != "audit") return;
            return scan(info, t, "secrets", line);
        }
        if (any_of(t, {"sonar-scanner", "sonar-scanner-cli", "sonar"})) return scan(info, "SonarQube", "SAST", line);
        if (t == "codeql") {
            if (str::contains(line, "analyze")) scan(info, "CodeQL", "SAST", line);
            return;
        }
        if (any_of(t, {"njsscan", "nodejsscan", "brakeman", "horusec", "bearer", "psalm", "insider"}))
            return scan(info, t, "SAST", line);
        if (any_of(t, {"checkov", "tfsec", "kics", "terrascan", "kubesec", "kube-linter"})) return scan(info, t, "IaC", line);
        if (any_of(t, {"zap-baseline.py", "zap-full-scan.py", "zap-api-scan.py", "zap.sh", "nuclei"}))
            return scan(info, t, "DAST", line);
        // ---- rollback
        if (t == "helm" && sub({"-n", "--namespace", "--kube-context"}) == "rollback") return add(info, k_rollback, line);
        if (t == "kubectl" || t == "oc") {
            if (has_word_arg("rollout") && has_word_arg("undo")) return add(info, k_rollback, line);
            if (has_word_arg("argo") && has_word_arg("rollouts") && (has_word_arg("undo") || has_word_arg("abort")))
                return add(info, k_rollback, line);
            return;
        }
        if (t == "vercel" && sub() == "rollback") return add(info, k_rollback, line);
        if (t == "argocd" && has_word_arg("rollback")) return add(info, k_rollback, line);
        if (t == "heroku" && (sub() == "releases:rollback" || sub() == "rollback")) return add(info, k_rollback, line);
        if ((t == "kamal" || t == "mrsk") && sub() == "rollback") return add(info, k_rollback, line);
        if ((t == "serverless" || t == "sls") && sub() == "rollback") return add(info, k_rollback, line);
        if (t == "cap" && has_word_arg("deploy:rollback")) return add(info, k_rollback, line);
        if (t == "gcloud" && has_word_arg("update-traffic") && has({"--to-revisions"})) return add(info, k_rollback, line);
        if (t == "dokku" && sub() == "ps:rollback") return add(info, k_rollback, line);
        // ---- backups
        if (any_of(t, {"pg_dump", "pg_dumpall", "pg_basebackup", "mysqldump", "mariadb-dump", "mongodump", "mydumper",
                       "xtrabackup", "mariabackup"}))
            return add(info, k_backup, line);
        if ((t == "pgbackrest" && has_word_arg("backup")) || (t == "wal-g" && (has_word_arg("backup-push"))) ||
            (t == "barman" && has_word_arg("backup")) || (t == "restic" && has_word_arg("backup")) ||
            (t == "borg" && has_word_arg("create")) || (t == "litestream" && has_word_arg("replicate")) ||
            (t == "velero" && (has_word_arg("backup") || has_word_arg("schedule")) && has_word_arg("create")))
            return add(info, k_backup, line);
        if (t == "aws" && has_word_arg("create-db-snapshot")) return add(info, k_backup, line);
        if (t == "gcloud" && has_word_arg("backups") && has_word_arg("create")) return add(info, k_backup, line);
        // ---- load generators
        if ((t == "k6" && any_of(sub(), {"run", "cloud"})) || (t == "artillery" && any_of(sub(), {"run", "quick", "run-fargate"})) ||
            (t == "vegeta" && sub() == "attack") || any_of(t, {"locust", "wrk", "wrk2", "hey", "oha", "autocannon", "ghz",
                                                                "gatling.sh", "drill", "bombardier"}) ||
            (t == "jmeter" && has({"-n"})))
            return add(info, k_load, line);
    }
};

}  // namespace

CmdInfo classify_command(std::string_view cmd, const Resolver& r, std::string_view dir_in, int depth) {
    CmdInfo info;
    if (depth > 6) return info;
    std::string dir(dir_in);
    Classifier c{r, depth};
    for (const auto& seg : split_segments(cmd)) {
        CmdInfo one;
        c.words(one, words_of(seg.text), dir);
        if (seg.soft) {
            one.soft |= one.kinds;
            one.kinds = 0;
            for (auto& d : one.did) d.soft = true;
        }
        info.merge(one);
    }
    return info;
}

CmdInfo classify_action(std::string_view ref_in, const YAML::Node& with, const Resolver& r) {
    CmdInfo info;
    auto ref = lower(ref_in);
    if (auto at = ref.find('@'); at != std::string::npos && !str::starts_with(ref, "docker://")) ref = ref.substr(0, at);
    std::string shown(str::clip(mask_line(ref_in), 80));
    auto input = [&](std::string_view key) -> std::string {
        auto v = yaml_str(child(with, key));
        return v ? *v : std::string();
    };
    auto scan = [&](std::string_view tool, std::string_view kind) {
        info.kinds |= k_scan;
        info.did.push_back({k_scan, shown, false});
        info.scan_kinds.emplace_back(kind);
        info.scan_tools.emplace_back(tool);
    };
    auto add = [&](unsigned k) {
        for (unsigned bit = 1; bit <= k_deploy; bit <<= 1)
            if (k & bit) info.did.push_back({bit, shown, false});
        info.kinds |= k;
    };
    auto has = [&](std::string_view s) { return str::contains(ref, s); };
    auto sub_command = [&](const std::string& cmd) {
        if (cmd.empty()) return;
        auto c = classify_command(cmd, r);
        for (auto& w : c.did) w.what = shown + " -> " + w.what;
        info.merge(c);
    };

    // GitLab include templates and components.
    if (str::starts_with(ref, "template:") || str::starts_with(ref, "component:")) {
        if (has("secret-detection") || has("secret_detection")) scan("GitLab Secret Detection", "secrets");
        else if (has("dependency-scanning") || has("dependency_scanning")) scan("GitLab Dependency Scanning", "dependencies");
        else if (has("container-scanning") || has("container_scanning")) scan("GitLab Container Scanning", "container");
        else if (has("sast-iac") || has("sast_iac")) scan("GitLab IaC SAST", "IaC");
        else if (has("sast")) scan("GitLab SAST", "SAST");
        else if (has("dast")) scan("GitLab DAST", "DAST");
        else if (has("code-quality") || has("code_quality")) add(k_lint);
        else if (has("auto-devops")) {
            scan("GitLab Auto DevOps (SAST, secret detection)", "SAST");
            info.scan_kinds.emplace_back("secrets");
            add(k_build | k_test | k_lint);
        }
        return info;
    }
    // CircleCI orb steps/jobs: "orb/command".
    if (str::starts_with(ref, "orb:")) {
        auto name = ref.substr(4);
        auto slash = name.find('/');
        auto orb = slash == std::string::npos ? name : name.substr(0, slash);
        auto cmd = slash == std::string::npos ? std::string() : name.substr(slash + 1);
        if (orb == "snyk" && str::contains(cmd, "scan")) return scan("snyk", "dependencies"), info;
        if ((orb == "sonarcloud" || orb == "sonarqube") && str::contains(cmd, "scan")) return scan("SonarQube", "SAST"), info;
        if (orb == "anchore" || orb == "trivy") return scan(orb, "container"), info;
        if (orb == "gitleaks") return scan("gitleaks", "secrets"), info;
        if (cmd == "test" || str::starts_with(cmd, "test")) add(k_test);
        else if (cmd == "lint" || str::contains(cmd, "lint")) add(k_lint);
        else if (cmd == "build" || cmd == "publish" || str::contains(cmd, "build")) add(k_build);
        else if (cmd == "run") {
            auto s = input("npm-run");
            if (s.empty()) s = input("yarn-run");
            if (!s.empty()) sub_command("npm run " + s);
        }
        return info;
    }
    // Azure Pipelines tasks.
    if (str::starts_with(ref, "task:")) {
        auto name = ref.substr(5);
        if (auto at = name.find('@'); at != std::string::npos) name = name.substr(0, at);
        auto command = lower(input("command"));
        if (name == "npm") {
            if (command == "custom") sub_command("npm " + input("customCommand"));
            return info;
        }
        if (name == "dotnetcorecli") {
            if (command == "test") add(k_test);
            else if (command == "build" || command == "publish") add(k_build);
            return info;
        }
        if (name == "docker") {
            if (command == "build" || command == "buildandpush") add(k_build);
            return info;
        }
        if (name == "maven") return sub_command("mvn " + input("goals")), info;
        if (name == "gradle") return sub_command("gradle " + input("tasks")), info;
        if (name == "go") return sub_command("go " + command + " " + input("arguments")), info;
        if (name == "cmdline" || name == "bash" || name == "powershell" || name == "pythonscript" || name == "shellscript")
            return sub_command(input("script")), info;
        if (str::starts_with(name, "sonarqubeanalyze") || str::starts_with(name, "sonarcloudanalyze"))
            return scan("SonarQube", "SAST"), info;
        if (name == "advancedsecurity-codeql-analyze") return scan("CodeQL", "SAST"), info;
        if (name == "advancedsecurity-dependency-scanning") return scan("GitHub Advanced Security dependency scanning", "dependencies"), info;
        if (name == "snyksecurityscan") return scan("snyk", "dependencies"), info;
        if (name == "microsoftsecuritydevops") return scan("Microsoft Security DevOps", "SAST"), info;
        if (name == "credscan") return scan("CredScan", "secrets"), info;
        if (name == "whitesource" || name == "mend") return scan("Mend", "dependencies"), info;
        if (str::contains(name, "trivy")) return scan("trivy", "container"), info;
        return info;
    }
    // Bitbucket pipes.
    if (str::starts_with(ref, "pipe:")) {
        if (has("git-secrets-scan") || has("gitleaks")) scan("git-secrets-scan", "secrets");
        else if (has("snyk")) scan("snyk", "dependencies");
        else if (has("sonarcloud-scan") || has("sonarqube-scan")) scan("SonarQube", "SAST");
        else if (has("trivy")) scan("trivy", "dependencies");
        else if (has("checkov")) scan("checkov", "IaC");
        else if (has("semgrep")) scan("semgrep", "SAST");
        return info;
    }
    // Container images of plugin steps (Drone, Woodpecker, GitHub docker:// actions).
    if (str::starts_with(ref, "image:") || str::starts_with(ref, "docker://")) {
        if (has("semgrep")) scan("semgrep", "SAST");
        else if (has("gitleaks")) scan("gitleaks", "secrets");
        else if (has("trufflehog")) scan("trufflehog", "secrets");
        else if (has("sonar-scanner")) scan("SonarQube", "SAST");
        else if (has("plugins/docker") || has("plugins/kaniko") || has("plugin-docker-buildx") || has("plugins/ecr") ||
                 has("plugins/gcr"))
            add(k_build);
        return info;
    }
    // GitHub actions.
    if (has("github/codeql-action/analyze")) return scan("CodeQL", "SAST"), info;
    if (has("github/codeql-action/")) return info;  // init, autobuild, upload-sarif: not the analysis itself
    if (has("semgrep")) return scan("semgrep", "SAST"), info;
    if (str::starts_with(ref, "snyk/actions/")) {
        if (has("/setup")) return info;
        auto cmd = lower(input("command"));
        if (str::contains(cmd, "code")) return scan("snyk code", "SAST"), info;
        if (has("/docker")) return scan("snyk container", "container"), info;
        if (has("/iac")) return scan("snyk iac", "IaC"), info;
        return scan("snyk", "dependencies"), info;
    }
    if (has("aquasecurity/trivy-action")) {
        auto type = lower(input("scan-type"));
        if (type.empty() || type == "image") return scan("trivy", "container"), info;
        if (type == "config") return scan("trivy", "IaC"), info;
        return scan("trivy", "dependencies"), info;
    }
    if (has("aquasecurity/tfsec") || has("bridgecrewio/checkov") || has("checkmarx/kics")) return scan("IaC scanner", "IaC"), info;
    if (has("gosec")) return scan("gosec", "SAST"), info;
    if (has("govulncheck")) return scan("govulncheck", "dependencies"), info;
    if (has("gh-action-pip-audit") || has("pip-audit")) return scan("pip-audit", "dependencies"), info;
    if (has("osv-scanner")) return scan("osv-scanner", "dependencies"), info;
    if (has("gitleaks")) return scan("gitleaks", "secrets"), info;
    if (has("trufflehog")) return scan("trufflehog", "secrets"), info;
    if (has("sonarsource/") || has("sonarcloud") || has("sonarqube")) return scan("SonarQube", "SAST"), info;
    if (has("actions/dependency-review-action")) return scan("dependency-review-action", "dependencies"), info;
    if (has("anchore/scan-action")) return scan("grype", "container"), info;
    if (has("docker/scout-action")) return scan("docker scout", "container"), info;
    if (has("shiftleft/scan-action") || has("checkmarx/ast-github-action") || has("microsoft/security-devops-action") ||
        has("bandit") || has("njsscan") || has("horusec") || has("bearer/bearer-action"))
        return scan(shown, "SAST"), info;
    if (has("zaproxy/action-") || has("nuclei-action")) return scan(shown, "DAST"), info;
    if (has("golangci/golangci-lint-action") || has("dominikh/staticcheck-action") || str::starts_with(ref, "reviewdog/action-") ||
        has("super-linter") || has("wearerequired/lint-action") || has("ruff-action") || has("ruff-check") ||
        has("mypy-check") || ref == "psf/black" || has("py-actions/flake8") || has("flake8-github-action") ||
        has("pre-commit/action") || has("eslint-changed-files") || has("action-eslint") || has("python-lint") ||
        has("oxlint-action") || has("biomejs/biome-action"))
        return add(k_lint), info;
    if (has("docker/build-push-action") || has("docker/bake-action") || has("goreleaser/goreleaser-action") ||
        has("redhat-actions/buildah-build") || has("docker-build-push") || has("publish-docker-github-action") ||
        has("ko-build/ko-action"))
        return add(k_build), info;
    if (has("cypress-io/github-action") || has("jest-github-action") || has("jest-coverage-report-action"))
        return add(k_test), info;
    if (has("xvfb-action") || has("setup-xvfb")) return sub_command(input("run")), info;
    if (has("nick-fields/retry") || has("nick-invision/retry") || has("wretry.action")) return sub_command(input("command")), info;
    if (has("borales/actions-yarn")) return sub_command("yarn " + input("cmd")), info;
    if (has("paambaati/codeclimate-action")) return sub_command(input("coverageCommand")), info;
    if (has("grafana/k6-action") || has("grafana/run-k6-action")) return add(k_load), info;
    return info;
}

// ---- CI pipelines -------------------------------------------------------------------

namespace {

struct Flags {
    bool on_change = false;
    bool scheduled = false;
    bool manual = false;
};

struct CiReader {
    const ProbeContext& ctx;

    void add(CiPipeline& p, const File* f, const YAML::Node& at, const std::string& job, std::string text, bool action,
             const YAML::Node& with, bool soft, const std::string& dir, const Flags& fl, bool opaque = false) {
        CiStep s;
        s.file = f;
        s.line = yaml_line(at);
        s.job = job;
        s.text = std::move(text);
        s.action = action;
        s.with = with;
        s.soft = soft;
        s.dir = dir;
        s.on_change = fl.on_change;
        s.scheduled = fl.scheduled;
        s.opaque = opaque;
        p.steps.push_back(std::move(s));
    }

    // Every scalar of a script node (string or nested lists) with its own node for the line.
    void scripts(CiPipeline& p, const File* f, const YAML::Node& n, const std::string& job, bool soft, const std::string& dir,
                 const Flags& fl) {
        if (!n.IsDefined()) return;
        if (n.IsScalar()) {
            add(p, f, n, job, n.Scalar(), false, {}, soft, dir, fl);
        } else if (n.IsSequence()) {
            for (const auto& x : n) scripts(p, f, x, job, soft, dir, fl);
        }
    }

    // A CI file's documents (parsed here when the model did not parse it).
    std::map<const File*, std::vector<YAML::Node>> m_docs;
    const std::vector<YAML::Node>& docs(const File& f) {
        auto it = m_docs.find(&f);
        if (it == m_docs.end()) it = m_docs.emplace(&f, yaml_docs(f)).first;
        return it->second;
    }

    const File* yaml_file(std::string_view path) {
        const auto* f = ctx.model.file(path);
        if (!f || !f->kept || docs(*f).empty()) return nullptr;
        return f;
    }

    // ---- GitHub Actions
    Flags gh_flags(const YAML::Node& doc, CiPipeline& p, bool& reusable_only) {
        Flags fl;
        YAML::Node on = child(doc, "on");
        p.trigger_line = key_line(doc, "on");
        if (!on.IsDefined()) {
            on = child(doc, "true");
            p.trigger_line = key_line(doc, "true");
        }
        std::vector<std::pair<std::string, YAML::Node>> events;
        if (on.IsDefined() && on.IsScalar()) events.emplace_back(on.Scalar(), YAML::Node(YAML::NodeType::Undefined));
        else if (on.IsDefined() && on.IsSequence())
            for (const auto& e : on)
                if (e.IsScalar()) events.emplace_back(e.Scalar(), YAML::Node(YAML::NodeType::Undefined));
        if (on.IsDefined() && on.IsMap())
            for (const auto& kv : on) events.emplace_back(kv.first.as<std::string>(""), kv.second);
        std::vector<std::string> names;
        reusable_only = !events.empty();
        for (const auto& [ev, cfg] : events) {
            names.push_back(ev);
            if (ev != "workflow_call") reusable_only = false;
            if (ev == "push") {
                bool tags_only = cfg.IsDefined() && cfg.IsMap() && (child(cfg, "tags").IsDefined() || child(cfg, "tags-ignore").IsDefined()) &&
                                 !child(cfg, "branches").IsDefined() && !child(cfg, "branches-ignore").IsDefined() &&
                                 !child(cfg, "paths").IsDefined();
                if (!tags_only) fl.on_change = true;
            } else if (ev == "pull_request" || ev == "pull_request_target" || ev == "merge_group" || ev == "workflow_run") {
                fl.on_change = true;
            } else if (ev == "schedule") {
                fl.scheduled = true;
            } else if (ev == "workflow_dispatch" || ev == "repository_dispatch") {
                fl.manual = true;
            }
        }
        p.triggers = str::join(names, ", ");
        return fl;
    }

    void gh_steps(CiPipeline& p, const File& f, const YAML::Node& steps, const std::string& job, const std::string& dir,
                  bool job_soft, const Flags& fl, int depth) {
        if (!steps.IsDefined() || !steps.IsSequence()) return;
        for (const auto& st : steps) {
            if (!st.IsMap()) continue;
            bool soft = job_soft || yaml_true(child(st, "continue-on-error"));
            std::string d = dir;
            if (auto wd = yaml_str(child(st, "working-directory"))) d = join("", *wd);
            if (auto run = yaml_str(child(st, "run"))) {
                add(p, &f, child(st, "run"), job, *run, false, {}, soft, d, fl);
            } else if (auto uses = yaml_str(child(st, "uses"))) {
                if (str::starts_with(*uses, "./") && depth < 3) {
                    auto path = join("", *uses);
                    const File* af = yaml_file(path + "/action.yml");
                    if (!af) af = yaml_file(path + "/action.yaml");
                    if (af && docs(*af)[0].IsMap()) {
                        gh_steps(p, *af, child(child(docs(*af)[0], "runs"), "steps"), job, d, soft, fl, depth + 1);
                        continue;
                    }
                }
                add(p, &f, child(st, "uses"), job, *uses, true, child(st, "with"), soft, d, fl);
            }
        }
    }

    void gh_jobs(CiPipeline& p, const File& f, const YAML::Node& doc, const Flags& fl, int depth) {
        auto jobs = child(doc, "jobs");
        if (!jobs.IsDefined() || !jobs.IsMap()) return;
        std::string wdir;
        if (auto wd = yaml_str(child(child(child(doc, "defaults"), "run"), "working-directory"))) wdir = join("", *wd);
        for (const auto& kv : jobs) {
            auto name = kv.first.as<std::string>("");
            const auto& job = kv.second;
            if (!job.IsMap()) continue;
            p.job_names.push_back(name);
            bool soft = yaml_true(child(job, "continue-on-error"));
            std::string dir = wdir;
            if (auto wd = yaml_str(child(child(child(job, "defaults"), "run"), "working-directory"))) dir = join("", *wd);
            if (auto uses = yaml_str(child(job, "uses"))) {
                if (str::starts_with(*uses, "./") && depth < 3) {
                    auto path = join("", uses->substr(0, uses->find('@')));
                    if (const File* wf = yaml_file(path); wf && docs(*wf)[0].IsMap()) {
                        gh_jobs(p, *wf, docs(*wf)[0], fl, depth + 1);
                        continue;
                    }
                }
                add(p, &f, child(job, "uses"), name, *uses, true, child(job, "with"), soft, dir, fl, true);
                continue;
            }
            gh_steps(p, f, child(job, "steps"), name, dir, soft, fl, depth);
        }
    }

    void github(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty() || !docs(f)[0].IsMap()) return;
        const auto& doc = docs(f)[0];
        CiPipeline p;
        p.file = &f;
        p.system = "GitHub Actions";
        p.name = yaml_str(child(doc, "name")).value_or(base_name(f.path));
        bool reusable_only = false;
        Flags fl = gh_flags(doc, p, reusable_only);
        if (reusable_only) return;  // read through its callers
        p.on_change = fl.on_change;
        p.scheduled = fl.scheduled;
        p.manual = fl.manual;
        gh_jobs(p, f, doc, fl, 0);
        out.push_back(std::move(p));
    }

    // ---- GitLab CI
    void gitlab_docs(const File& f, std::vector<std::pair<const File*, YAML::Node>>& out_docs, CiPipeline& p, int depth) {
        if (docs(f).empty() || !docs(f)[0].IsMap() || depth > 3) return;
        const auto& doc = docs(f)[0];
        auto inc = child(doc, "include");
        std::vector<YAML::Node> items;
        if (inc.IsDefined() && (inc.IsScalar() || inc.IsMap())) items.push_back(inc);
        else if (inc.IsDefined() && inc.IsSequence())
            for (const auto& x : inc) items.push_back(x);
        Flags fl{true, false, false};
        for (const auto& it : items) {
            std::string local;
            if (it.IsScalar()) {
                auto v = it.Scalar();
                if (str::contains(v, "://")) add(p, &f, it, "include", "remote:" + v, true, {}, false, "", fl, true);
                else local = v;
            } else if (it.IsMap()) {
                if (auto t = yaml_str(child(it, "template"))) add(p, &f, child(it, "template"), "include", "template:" + *t, true, {}, false, "", fl);
                else if (auto c = yaml_str(child(it, "component"))) add(p, &f, child(it, "component"), "include", "component:" + *c, true, {}, false, "", fl);
                else if (auto l = yaml_str(child(it, "local"))) local = *l;
                else if (auto pr = yaml_str(child(it, "project")))
                    add(p, &f, child(it, "project"), "include", "project:" + *pr, true, {}, false, "", fl, true);
                else if (auto r = yaml_str(child(it, "remote")))
                    add(p, &f, child(it, "remote"), "include", "remote:" + *r, true, {}, false, "", fl, true);
            }
            if (!local.empty() && local.find('*') == std::string::npos) {
                if (const File* lf = yaml_file(join("", local))) gitlab_docs(*lf, out_docs, p, depth + 1);
            }
        }
        out_docs.emplace_back(&f, doc);
    }

    Flags gitlab_job_flags(const YAML::Node& job) {
        Flags fl{true, false, false};
        if (auto w = yaml_str(child(job, "when")); w && *w == "manual") return Flags{false, false, true};
        auto only = child(job, "only");
        std::vector<std::string> refs;
        if (only.IsDefined() && only.IsSequence()) refs = yaml_strings(only);
        else if (only.IsDefined() && only.IsMap()) refs = yaml_strings(child(only, "refs"));
        if (!refs.empty()) {
            bool change = false, sched = false, manual = false;
            for (const auto& r : refs) {
                if (r == "schedules") sched = true;
                else if (r == "web" || r == "api" || r == "triggers" || r == "pipelines") manual = true;
                else if (r != "tags") change = true;
            }
            return Flags{change, sched, manual && !change};
        }
        auto rules = child(job, "rules");
        if (rules.IsDefined() && rules.IsSequence() && rules.size() > 0) {
            bool any_change = false, sched = false, manual = false;
            for (const auto& r : rules) {
                auto when = yaml_str(child(r, "when")).value_or("on_success");
                if (when == "never") continue;
                auto cond = yaml_str(child(r, "if")).value_or("");
                if (when == "manual") {
                    manual = true;
                    continue;
                }
                if (str::contains(cond, "CI_PIPELINE_SOURCE") && str::contains(cond, "==") &&
                    (str::contains(cond, "schedule") || str::contains(cond, "web") || str::contains(cond, "api") ||
                     str::contains(cond, "trigger"))) {
                    if (str::contains(cond, "schedule")) sched = true;
                    else manual = true;
                    continue;
                }
                if (str::contains(cond, "CI_COMMIT_TAG") && !str::contains(cond, "==") && !str::contains(cond, "!")) continue;
                any_change = true;
            }
            return Flags{any_change, sched, manual && !any_change};
        }
        return fl;
    }

    void gitlab(std::vector<CiPipeline>& out, const File& f) {
        CiPipeline p;
        p.file = &f;
        p.system = "GitLab CI";
        p.name = f.path;
        p.triggers = "push, merge requests";
        p.on_change = true;
        std::vector<std::pair<const File*, YAML::Node>> gdocs;
        gitlab_docs(f, gdocs, p, 0);
        std::map<std::string, YAML::Node> all;
        for (const auto& [df, d] : gdocs)
            for (const auto& kv : d) all[kv.first.as<std::string>("")] = kv.second;
        static const std::set<std::string_view> k_reserved{"image", "services", "stages", "types", "before_script",
                                                           "after_script", "variables", "cache", "include", "default",
                                                           "workflow", "spec"};
        const YAML::Node root = gdocs.empty() ? YAML::Node(YAML::NodeType::Undefined) : gdocs.back().second;
        YAML::Node def_before = child(child(root, "default"), "before_script");
        if (!def_before.IsDefined()) def_before = child(root, "before_script");
        for (const auto& [df, d] : gdocs) {
            for (const auto& kv : d) {
                auto name = kv.first.as<std::string>("");
                if (name.empty() || name.front() == '.' || k_reserved.count(name) || !kv.second.IsMap()) continue;
                const auto& job = kv.second;
                // A key from the job or, failing that, from the jobs it extends.
                std::function<YAML::Node(const YAML::Node&, std::string_view, int)> get =
                    [&](const YAML::Node& j, std::string_view key, int depth) -> YAML::Node {
                    auto v = child(j, key);
                    if (v.IsDefined() || depth > 3) return v;
                    for (const auto& base : yaml_strings(child(j, "extends"))) {
                        auto it = all.find(base);
                        if (it == all.end()) continue;
                        auto bv = get(it->second, key, depth + 1);
                        if (bv.IsDefined()) return bv;
                    }
                    return YAML::Node(YAML::NodeType::Undefined);
                };
                p.job_names.push_back(name);
                YAML::Node flag_src(YAML::NodeType::Map);
                for (auto key : {"when", "only", "rules"})
                    if (auto v = get(job, key, 0); v.IsDefined()) flag_src[key] = v;
                Flags fl = gitlab_job_flags(flag_src);
                auto af = get(job, "allow_failure", 0);
                bool soft = yaml_true(af) || (af.IsDefined() && af.IsMap());
                auto before = get(job, "before_script", 0);
                if (!before.IsDefined()) before = def_before;
                scripts(p, df, before, name, soft, "", fl);
                scripts(p, df, get(job, "script", 0), name, soft, "", fl);
                if (child(job, "trigger").IsDefined())
                    add(p, df, child(job, "trigger"), name, "trigger:" + name, true, {}, soft, "", fl, true);
            }
        }
        out.push_back(std::move(p));
    }

    // ---- CircleCI
    void circle_steps(CiPipeline& p, const File& f, const YAML::Node& doc, const YAML::Node& steps, const std::string& job,
                      const Flags& fl, int depth) {
        if (!steps.IsDefined() || !steps.IsSequence() || depth > 3) return;
        for (const auto& st : steps) {
            if (st.IsScalar()) {
                if (st.Scalar().find('/') != std::string::npos)
                    add(p, &f, st, job, "orb:" + st.Scalar(), true, {}, false, "", fl);
                else if (auto cmd = child(child(doc, "commands"), st.Scalar()); cmd.IsDefined())
                    circle_steps(p, f, doc, child(cmd, "steps"), job, fl, depth + 1);
                continue;
            }
            if (!st.IsMap()) continue;
            for (const auto& kv : st) {
                auto k = kv.first.as<std::string>("");
                const auto& v = kv.second;
                if (k == "run") {
                    if (v.IsScalar()) add(p, &f, v, job, v.Scalar(), false, {}, false, "", fl);
                    else if (auto c = yaml_str(child(v, "command")))
                        add(p, &f, child(v, "command"), job, *c, false, {}, false,
                            yaml_str(child(v, "working_directory")).value_or(""), fl);
                } else if (k == "when" || k == "unless") {
                    circle_steps(p, f, doc, child(v, "steps"), job, fl, depth + 1);
                } else if (k.find('/') != std::string::npos) {
                    add(p, &f, kv.first, job, "orb:" + k, true, v, false, "", fl);
                } else if (auto cmd = child(child(doc, "commands"), k); cmd.IsDefined()) {
                    circle_steps(p, f, doc, child(cmd, "steps"), job, fl, depth + 1);
                }
            }
        }
    }

    void circleci(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty() || !docs(f)[0].IsMap()) return;
        const auto& doc = docs(f)[0];
        CiPipeline p;
        p.file = &f;
        p.system = "CircleCI";
        p.name = f.path;
        auto jobs = child(doc, "jobs");
        auto wfs = child(doc, "workflows");
        std::map<std::string, Flags> job_flags;
        if (!wfs.IsDefined() || !wfs.IsMap()) {
            if (jobs.IsDefined() && jobs.IsMap())
                for (const auto& kv : jobs) job_flags[kv.first.as<std::string>("")] = Flags{true, false, false};
            p.triggers = "push";
        } else {
            std::vector<std::string> trig;
            for (const auto& kv : wfs) {
                if (!kv.second.IsMap()) continue;
                Flags fl{true, false, false};
                auto triggers = child(kv.second, "triggers");
                if (triggers.IsDefined() && triggers.IsSequence() && triggers.size() > 0) fl = Flags{false, true, false};
                trig.push_back(fl.on_change ? "push" : "schedule");
                if (p.trigger_line <= 1) p.trigger_line = yaml_line(kv.first);
                auto list = child(kv.second, "jobs");
                if (!list.IsDefined() || !list.IsSequence()) continue;
                for (const auto& j : list) {
                    std::string name;
                    YAML::Node params(YAML::NodeType::Undefined);
                    if (j.IsScalar()) name = j.Scalar();
                    else if (j.IsMap() && j.size() == 1)
                        for (const auto& jk : j) {
                            name = jk.first.as<std::string>("");
                            params = jk.second;
                        }
                    if (name.empty()) continue;
                    if (name.find('/') != std::string::npos) {
                        add(p, &f, j, kv.first.as<std::string>(""), "orb:" + name, true, params, false, "", fl);
                        continue;
                    }
                    auto& jf = job_flags[name];
                    jf.on_change = jf.on_change || fl.on_change;
                    jf.scheduled = jf.scheduled || fl.scheduled;
                }
            }
            std::sort(trig.begin(), trig.end());
            trig.erase(std::unique(trig.begin(), trig.end()), trig.end());
            p.triggers = str::join(trig, ", ");
        }
        for (const auto& [name, fl] : job_flags) {
            p.on_change = p.on_change || fl.on_change;
            p.scheduled = p.scheduled || fl.scheduled;
            p.job_names.push_back(name);
            circle_steps(p, f, doc, child(child(jobs, name), "steps"), name, fl, 0);
        }
        for (const auto& s : p.steps) p.on_change = p.on_change || s.on_change;
        out.push_back(std::move(p));
    }

    // ---- Azure Pipelines
    void azure_steps(CiPipeline& p, const File& f, const YAML::Node& steps, const std::string& job, const Flags& fl) {
        if (!steps.IsDefined() || !steps.IsSequence()) return;
        for (const auto& st : steps) {
            if (!st.IsMap()) continue;
            bool soft = yaml_true(child(st, "continueOnError"));
            std::string dir = yaml_str(child(st, "workingDirectory")).value_or("");
            if (str::contains(dir, "$(")) dir.clear();
            bool done = false;
            for (auto key : {"script", "bash", "pwsh", "powershell"})
                if (auto c = yaml_str(child(st, key))) {
                    add(p, &f, child(st, key), job, *c, false, {}, soft, dir, fl);
                    done = true;
                    break;
                }
            if (done) continue;
            if (auto t = yaml_str(child(st, "task"))) add(p, &f, child(st, "task"), job, "task:" + *t, true, child(st, "inputs"), soft, dir, fl);
            else if (auto tp = yaml_str(child(st, "template")))
                add(p, &f, child(st, "template"), job, "template:" + *tp, true, {}, soft, dir, fl, true);
        }
    }

    void azure_jobs(CiPipeline& p, const File& f, const YAML::Node& jobs, const Flags& fl) {
        if (!jobs.IsDefined() || !jobs.IsSequence()) return;
        for (const auto& j : jobs) {
            auto name = yaml_str(child(j, "job")).value_or(yaml_str(child(j, "deployment")).value_or("job"));
            p.job_names.push_back(name);
            azure_steps(p, f, child(j, "steps"), name, fl);
            auto strategy = child(j, "strategy");
            for (auto s : {"runOnce", "rolling", "canary"}) azure_steps(p, f, child(child(child(strategy, s), "deploy"), "steps"), name, fl);
        }
    }

    void azure(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty() || !docs(f)[0].IsMap()) return;
        const auto& doc = docs(f)[0];
        CiPipeline p;
        p.file = &f;
        p.system = "Azure Pipelines";
        p.name = f.path;
        auto trig = yaml_str(child(doc, "trigger"));
        auto pr = yaml_str(child(doc, "pr"));
        bool sched = child(doc, "schedules").IsDefined();
        Flags fl{true, sched, false};
        if (trig && *trig == "none" && (!pr || *pr == "none")) fl = Flags{false, sched, !sched};
        p.on_change = fl.on_change;
        p.scheduled = fl.scheduled;
        p.manual = fl.manual;
        p.triggers = fl.on_change ? "push, pull requests" : sched ? "schedule" : "manual";
        p.trigger_line = std::max<std::size_t>(1, key_line(doc, "trigger"));
        azure_steps(p, f, child(doc, "steps"), "steps", fl);
        azure_jobs(p, f, child(doc, "jobs"), fl);
        auto stages = child(doc, "stages");
        if (stages.IsDefined() && stages.IsSequence())
            for (const auto& st : stages) azure_jobs(p, f, child(st, "jobs"), fl);
        out.push_back(std::move(p));
    }

    // ---- Bitbucket Pipelines
    void bb_items(CiPipeline& p, const File& f, const YAML::Node& items, const Flags& fl, int depth) {
        if (!items.IsDefined() || depth > 4) return;
        if (items.IsMap()) {  // parallel: { steps: [...] }
            bb_items(p, f, child(items, "steps"), fl, depth + 1);
            return;
        }
        if (!items.IsSequence()) return;
        for (const auto& it : items) {
            if (!it.IsMap()) continue;
            if (auto step = child(it, "step"); step.IsDefined()) {
                auto name = yaml_str(child(step, "name")).value_or("step");
                p.job_names.push_back(name);
                auto script = child(step, "script");
                if (!script.IsDefined() || !script.IsSequence()) continue;
                for (const auto& line : script) {
                    if (line.IsScalar()) add(p, &f, line, name, line.Scalar(), false, {}, false, "", fl);
                    else if (auto pipe = yaml_str(child(line, "pipe")))
                        add(p, &f, child(line, "pipe"), name, "pipe:" + *pipe, true, child(line, "variables"), false, "", fl);
                }
            }
            bb_items(p, f, child(it, "parallel"), fl, depth + 1);
            bb_items(p, f, child(child(it, "stage"), "steps"), fl, depth + 1);
        }
    }

    void bitbucket(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty() || !docs(f)[0].IsMap()) return;
        auto pipes = child(docs(f)[0], "pipelines");
        if (!pipes.IsDefined() || !pipes.IsMap()) return;
        CiPipeline p;
        p.file = &f;
        p.system = "Bitbucket Pipelines";
        p.name = f.path;
        p.trigger_line = std::max<std::size_t>(1, key_line(docs(f)[0], "pipelines"));
        std::vector<std::string> trig;
        for (const auto& kv : pipes) {
            auto k = kv.first.as<std::string>("");
            Flags fl;
            if (k == "default" || k == "branches" || k == "pull-requests") fl.on_change = true;
            else if (k == "custom") fl.manual = true;
            trig.push_back(k);
            p.on_change = p.on_change || fl.on_change;
            p.manual = p.manual || fl.manual;
            if (k == "default") bb_items(p, f, kv.second, fl, 0);
            else if (kv.second.IsMap())
                for (const auto& sub : kv.second) bb_items(p, f, sub.second, fl, 0);
        }
        p.triggers = str::join(trig, ", ");
        out.push_back(std::move(p));
    }

    // ---- Drone, Woodpecker, Buildkite, Travis
    void container_steps(CiPipeline& p, const File& f, const YAML::Node& steps, const Flags& fl) {
        auto one = [&](const std::string& name, const YAML::Node& st) {
            if (!st.IsMap()) return;
            p.job_names.push_back(name);
            if (auto img = yaml_str(child(st, "image"))) add(p, &f, child(st, "image"), name, "image:" + *img, true, child(st, "settings"), false, "", fl);
            for (auto key : {"commands", "command", "script"}) scripts(p, &f, child(st, key), name, false, "", fl);
            if (auto grp = child(st, "steps"); grp.IsDefined()) container_steps(p, f, grp, fl);  // Buildkite groups
        };
        if (!steps.IsDefined()) return;
        if (steps.IsSequence()) {
            for (const auto& st : steps) one(yaml_str(child(st, "name")).value_or(yaml_str(child(st, "label")).value_or("step")), st);
        } else if (steps.IsMap()) {
            for (const auto& kv : steps) one(kv.first.as<std::string>(""), kv.second);
        }
    }

    Flags event_flags(const YAML::Node& trigger, std::string& desc) {
        Flags fl{true, false, false};
        auto ev = child(trigger, "event");
        std::vector<std::string> events = yaml_strings(ev.IsDefined() && ev.IsMap() ? child(ev, "include") : ev);
        if (child(trigger, "cron").IsDefined()) events.emplace_back("cron");
        if (events.empty()) {
            desc = "push, pull requests";
            return fl;
        }
        fl.on_change = false;
        for (const auto& e : events) {
            if (e == "push" || e == "pull_request" || e == "merge_request") fl.on_change = true;
            else if (e == "cron") fl.scheduled = true;
            else if (e == "custom" || e == "promote" || e == "manual" || e == "deployment") fl.manual = true;
        }
        desc = str::join(events, ", ");
        return fl;
    }

    void drone(std::vector<CiPipeline>& out, const File& f, std::string_view system) {
        for (const auto& doc : docs(f)) {
            if (!doc.IsMap()) continue;
            if (auto kind = yaml_str(child(doc, "kind")); kind && *kind != "pipeline") continue;
            CiPipeline p;
            p.file = &f;
            p.system = std::string(system);
            p.name = yaml_str(child(doc, "name")).value_or(f.path);
            auto trig = child(doc, "trigger");
            if (!trig.IsDefined()) trig = child(doc, "when");
            Flags fl = event_flags(trig, p.triggers);
            p.on_change = fl.on_change;
            p.scheduled = fl.scheduled;
            p.manual = fl.manual;
            auto steps = child(doc, "steps");
            if (!steps.IsDefined()) steps = child(doc, "pipeline");
            container_steps(p, f, steps, fl);
            out.push_back(std::move(p));
        }
    }

    void buildkite(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty()) return;
        const auto& doc = docs(f)[0];
        auto steps = doc.IsSequence() ? doc : child(doc, "steps");
        if (!steps.IsDefined()) return;
        CiPipeline p;
        p.file = &f;
        p.system = "Buildkite";
        p.name = f.path;
        p.triggers = "push (Buildkite builds every push unless the pipeline settings say otherwise)";
        p.on_change = true;
        container_steps(p, f, steps, Flags{true, false, false});
        out.push_back(std::move(p));
    }

    void travis(std::vector<CiPipeline>& out, const File& f) {
        if (docs(f).empty() || !docs(f)[0].IsMap()) return;
        const auto& doc = docs(f)[0];
        CiPipeline p;
        p.file = &f;
        p.system = "Travis CI";
        p.name = f.path;
        p.triggers = "push, pull requests";
        p.on_change = true;
        Flags fl{true, false, false};
        for (auto key : {"before_script", "script"}) scripts(p, &f, child(doc, key), "build", false, "", fl);
        auto inc = child(child(doc, "jobs"), "include");
        if (inc.IsDefined() && inc.IsSequence())
            for (const auto& j : inc)
                for (auto key : {"before_script", "script"}) scripts(p, &f, child(j, key), yaml_str(child(j, "name")).value_or("job"), false, "", fl);
        out.push_back(std::move(p));
    }

    void jenkins(std::vector<CiPipeline>& out, const File& f, std::uint32_t index) {
        CiPipeline p;
        p.file = &f;
        p.system = "Jenkins";
        p.name = f.path;
        p.triggers = "every push (multibranch pipeline assumed)";
        p.on_change = true;
        p.trigger_line = 0;
        for (const auto* h : ctx.hits("ops.cmd-tool")) {
            if (h->file != index) continue;
            CiStep s;
            s.file = &f;
            s.line = h->line;
            s.job = "Jenkinsfile";
            s.text = h->match;
            while (!s.text.empty() && std::string_view(" \t\r'\"})`;").find(s.text.back()) != std::string_view::npos)
                s.text.pop_back();
            s.on_change = true;
            p.steps.push_back(std::move(s));
        }
        out.push_back(std::move(p));
    }
};

}  // namespace

namespace {

std::vector<CiPipeline> read_ci_pipelines(const ProbeContext& ctx) {
    std::vector<CiPipeline> out;
    CiReader rd{ctx, {}};
    for (const auto* f : ctx.files()) {
        if (f->kind == FileKind::vendored || f->kind == FileKind::test || is_sample_path(f->path)) continue;
        auto base = base_name(f->path);
        auto dir = dir_name(f->path);
        bool yml = str::ends_with(base, ".yml") || str::ends_with(base, ".yaml");
        if (str::starts_with(base, "Jenkinsfile")) {
            auto index = static_cast<std::uint32_t>(f - ctx.model.files.data());
            rd.jenkins(out, *f, index);
            continue;
        }
        if (!f->kept || !yml) continue;
        if (dir == ".github/workflows" || str::ends_with(dir, "/.github/workflows")) rd.github(out, *f);
        else if (base == ".gitlab-ci.yml" || base == ".gitlab-ci.yaml") rd.gitlab(out, *f);
        else if (base == "config.yml" && (dir == ".circleci" || str::ends_with(dir, "/.circleci"))) rd.circleci(out, *f);
        else if (str::starts_with(base, "azure-pipelines") || str::ends_with(base, ".azure-pipelines.yml") ||
                 base_name(dir) == ".azure-pipelines")
            rd.azure(out, *f);
        else if (base == "bitbucket-pipelines.yml") rd.bitbucket(out, *f);
        else if (base == ".drone.yml" || base == ".drone.yaml") rd.drone(out, *f, "Drone");
        else if (base == ".woodpecker.yml" || base == ".woodpecker.yaml" || base_name(dir) == ".woodpecker")
            rd.drone(out, *f, "Woodpecker");
        else if (base_name(dir) == ".buildkite") rd.buildkite(out, *f);
        else if (base == ".travis.yml") rd.travis(out, *f);
    }
    return out;
}

}  // namespace

const std::vector<CiPipeline>& ci_pipelines(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<std::vector<CiPipeline>>(&tag, std::to_string(ctx.service),
                                                      [&] { return read_ci_pipelines(ctx); });
}

Evidence step_evidence(const CiStep& s, std::string note) {
    if (s.file && s.file->kept && !s.file->text.empty()) return line_ev(*s.file, s.line, std::move(note));
    Evidence e;
    e.path = s.file ? s.file->path : "";
    e.line = s.line;
    e.column = 1;
    e.snippet = str::clip(mask_line(str::trim(s.text)), 160);
    e.note = std::move(note);
    return e;
}

// ---- Markdown ---------------------------------------------------------------------------

namespace {

std::vector<const File*> find_doc_files(const ProbeContext& ctx) {
    std::vector<const File*> out;
    for (const auto* f : kept_own(ctx)) {
        if (f->lang != Language::markdown) continue;
        auto b = lower(base_name(f->path));
        auto dot = b.rfind('.');
        auto ext = dot == std::string::npos ? std::string() : b.substr(dot);
        if (ext != ".md" && ext != ".mdx" && ext != ".markdown" && ext != ".rst" && ext != ".adoc" && ext != ".asciidoc")
            continue;
        bool skip = false;
        for (auto pre : {"changelog", "changes", "history", "license", "licence", "code_of_conduct", "code-of-conduct",
                         "releases", "release-notes", "release_notes", "news", "authors", "third_party", "notice"})
            if (str::starts_with(b, pre)) skip = true;
        if (!skip) out.push_back(f);
    }
    return out;
}

}  // namespace

const std::vector<const File*>& doc_files(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<std::vector<const File*>>(&tag, std::to_string(ctx.service), [&] { return find_doc_files(ctx); });
}

const MdDoc& markdown(const File& f) {
    static const char tag = 0;
    return f.derived<MdDoc>(&tag, [&] { return parse_markdown(f); });
}

namespace {

bool all_of_char(std::string_view s, char c, std::size_t min) {
    if (s.size() < min) return false;
    for (char x : s)
        if (x != c) return false;
    return true;
}

// A list marker at the start of a trimmed line: 1 bullet, 2 ordered, 0 none.
int list_marker(std::string_view t, bool adoc) {
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t')) return 1;
    if (adoc && !t.empty() && (t[0] == '*' || t[0] == '.')) {
        std::size_t i = 0;
        while (i < t.size() && t[i] == t[0]) ++i;
        if (i < t.size() && t[i] == ' ') return t[0] == '.' ? 2 : 1;
    }
    std::size_t i = 0;
    while (i < t.size() && i < 9 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && (t[i + 1] == ' ' || t[i + 1] == '\t')) return 2;
    if (t.size() >= 3 && t[0] == '#' && t[1] == '.' && t[2] == ' ') return 2;  // rst auto-numbered
    return 0;
}

}  // namespace

MdDoc parse_markdown(const File& f) {
    MdDoc d;
    d.file = &f;
    auto b = lower(base_name(f.path));
    bool rst = str::ends_with(b, ".rst");
    bool adoc = str::ends_with(b, ".adoc") || str::ends_with(b, ".asciidoc");
    std::vector<std::string_view> lines;
    std::string_view text = f.text;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            auto l = text.substr(start, i - start);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            if (i < text.size() || !l.empty()) lines.push_back(l);
            start = i + 1;
        }
    }
    d.lines.resize(lines.size());
    bool in_fence = false;
    char fence_char = 0;
    std::size_t fence_len = 0;
    bool rst_code = false;
    std::map<char, int> rst_levels;
    std::size_t i = 0;
    if (!rst && !adoc && !lines.empty() && str::trim(lines[0]) == "---") {  // front matter
        d.lines[0].type = MdLine::blank;
        for (i = 1; i < lines.size(); ++i) {
            d.lines[i].text = lines[i];
            d.lines[i].type = MdLine::blank;
            if (str::trim(lines[i]) == "---") {
                ++i;
                break;
            }
        }
    }
    auto is_punct_line = [](std::string_view t) {
        if (t.size() < 3) return false;
        static constexpr std::string_view k = "=-~^\"'`#*+:._";
        if (k.find(t[0]) == std::string_view::npos) return false;
        return all_of_char(t, t[0], 3);
    };
    for (; i < lines.size(); ++i) {
        auto& ml = d.lines[i];
        ml.text = lines[i];
        auto raw = lines[i];
        auto t = str::trim(raw);
        if (in_fence) {
            std::size_t n = 0;
            while (n < t.size() && t[n] == fence_char) ++n;
            if (n >= fence_len && str::trim(t.substr(n)).empty()) {
                ml.type = MdLine::fence;
                in_fence = false;
            } else {
                ml.type = MdLine::code;
            }
            continue;
        }
        if (!adoc && (str::starts_with(t, "```") || str::starts_with(t, "~~~"))) {
            fence_char = t[0];
            fence_len = 0;
            while (fence_len < t.size() && t[fence_len] == fence_char) ++fence_len;
            in_fence = true;
            ml.type = MdLine::fence;
            continue;
        }
        if (adoc && (all_of_char(t, '-', 4) || all_of_char(t, '.', 4))) {
            fence_char = t[0];
            fence_len = t.size();
            in_fence = true;
            ml.type = MdLine::fence;
            continue;
        }
        if (rst_code) {
            if (t.empty()) {
                ml.type = MdLine::blank;
                continue;
            }
            if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t')) {
                ml.type = MdLine::code;
                continue;
            }
            rst_code = false;
        }
        if (t.empty()) {
            ml.type = MdLine::blank;
            continue;
        }
        if (ml.type == MdLine::blank && i > 0 && d.lines[i - 1].type == MdLine::heading && !t.empty() &&
            (is_punct_line(t) || all_of_char(t, '=', 2) || all_of_char(t, '-', 2)) && (rst || !adoc)) {
            // underline of a setext/rst heading already consumed
            ml.type = MdLine::blank;
            continue;
        }
        // ATX / AsciiDoc headings.
        std::size_t indent = raw.find_first_not_of(" \t");
        char hc = adoc ? '=' : '#';
        if (!rst && indent <= 3 && !t.empty() && t[0] == hc) {
            std::size_t n = 0;
            while (n < t.size() && t[n] == hc) ++n;
            if (n <= 6 && (n == t.size() || t[n] == ' ' || t[n] == '\t')) {
                auto title = std::string(str::trim(t.substr(n)));
                while (!title.empty() && title.back() == hc) title.pop_back();
                ml.type = MdLine::heading;
                d.sections.push_back({static_cast<int>(n), std::string(str::trim(title)), i, 0, -1});
                continue;
            }
        }
        // Setext (Markdown) and underlined (reStructuredText) headings.
        if (i + 1 < lines.size() && !adoc) {
            auto nt = str::trim(lines[i + 1]);
            int marker = list_marker(t, false);
            bool md_setext = !rst && marker == 0 && (all_of_char(nt, '=', 2) || all_of_char(nt, '-', 2)) &&
                             (i == 0 || d.lines[i - 1].type == MdLine::blank || d.lines[i - 1].type == MdLine::heading);
            bool rst_under = rst && is_punct_line(nt) && nt.size() >= std::min<std::size_t>(t.size(), 3) && !is_punct_line(t);
            if (md_setext || rst_under) {
                int level = 1;
                if (md_setext) level = nt[0] == '=' ? 1 : 2;
                else {
                    auto it = rst_levels.find(nt[0]);
                    if (it == rst_levels.end()) it = rst_levels.emplace(nt[0], static_cast<int>(rst_levels.size()) + 1).first;
                    level = it->second;
                }
                ml.type = MdLine::heading;
                d.sections.push_back({level, std::string(t), i, 0, -1});
                continue;
            }
        }
        if (rst && is_punct_line(t)) {  // overline
            ml.type = MdLine::blank;
            continue;
        }
        int marker = list_marker(t, adoc);
        if (marker) {
            ml.type = marker == 2 ? MdLine::ordered : MdLine::bullet;
        } else if (!rst && !adoc && (str::starts_with(raw, "    ") || str::starts_with(raw, "\t")) && i > 0 &&
                   (d.lines[i - 1].type == MdLine::code ||
                    (d.lines[i - 1].type == MdLine::blank && [&] {
                        for (std::size_t k = i; k-- > 0;) {
                            if (d.lines[k].type == MdLine::blank) continue;
                            return d.lines[k].type != MdLine::bullet && d.lines[k].type != MdLine::ordered &&
                                   d.lines[k].type != MdLine::para;
                        }
                        return true;
                    }()))) {
            ml.type = MdLine::code;
        } else {
            ml.type = MdLine::para;
            ml.bold_label = str::starts_with(t, "**") || str::starts_with(t, "__");
        }
        if (rst && str::ends_with(t, "::")) rst_code = true;
    }
    // Section extents and parents.
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        auto& sec = d.sections[s];
        sec.end = d.lines.size();
        for (std::size_t n = s + 1; n < d.sections.size(); ++n)
            if (d.sections[n].level <= sec.level) {
                sec.end = d.sections[n].index;
                break;
            }
        for (std::size_t p = s; p-- > 0;)
            if (d.sections[p].level < sec.level && d.sections[p].end > sec.index) {
                sec.parent = static_cast<int>(p);
                break;
            }
    }
    return d;
}

bool has_steps(const MdDoc& d, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < d.lines.size(); ++i) {
        auto t = d.lines[i].type;
        if (t == MdLine::bullet || t == MdLine::ordered || t == MdLine::code) return true;
    }
    return false;
}

std::vector<std::pair<std::size_t, std::string>> code_snippets(const MdDoc& d, std::size_t from, std::size_t to) {
    std::vector<std::pair<std::size_t, std::string>> out;
    for (std::size_t i = from; i < to && i < d.lines.size(); ++i) {
        const auto& l = d.lines[i];
        if (l.type == MdLine::code) {
            auto t = str::trim(l.text);
            if (str::starts_with(t, "$ ")) t = t.substr(2);
            if (!t.empty()) out.emplace_back(i, std::string(t));
            continue;
        }
        if (l.type == MdLine::heading || l.type == MdLine::fence || l.type == MdLine::blank) continue;
        auto t = l.text;
        std::size_t p = 0;
        while ((p = t.find('`', p)) != std::string_view::npos) {
            std::size_t n = 1;
            while (p + n < t.size() && t[p + n] == '`') ++n;
            auto close = t.find(std::string(n, '`'), p + n);
            if (close == std::string_view::npos) break;
            auto code = str::trim(t.substr(p + n, close - p - n));
            if (!code.empty()) out.emplace_back(i, std::string(code));
            p = close + n;
        }
    }
    return out;
}

}  // namespace gonogo::checks::opsdocs
