// Helpers shared by the telemetry probes (see telemetry_util.hpp): import
// bindings and qualified call names, options in literals, identifier words,
// client components, tooling paths and anchors for absent things.
#include "checks/observability/telemetry_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::checks::telemetry {

// ---- small tree helpers -------------------------------------------------------



bool is_function_node(TSNode n) {
    const std::string_view t = sx::type(n);
    return t == "function_declaration" || t == "function_expression" || t == "function" || t == "arrow_function" ||
           t == "method_definition" || t == "generator_function_declaration" || t == "generator_function" ||
           t == "method_declaration" || t == "func_literal" || t == "function_definition" || t == "lambda";
}

std::string compact(const File& f, TSNode n, std::size_t max) {
    std::string out;
    for (char c : sx::text(f, n)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        out += c;
        if (out.size() >= max) break;
    }
    return out;
}

// ---- imports ----------------------------------------------------------------------

namespace {

std::string go_local_name(std::string_view path) {
    auto segs = str::split(path, '/');
    if (segs.empty()) return std::string(path);
    std::string_view last = segs.back();
    auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (segs.size() > 1 && last.size() > 1 && last[0] == 'v' && all_digits(last.substr(1))) last = segs[segs.size() - 2];
    auto dotv = last.rfind(".v");
    if (dotv != std::string_view::npos && all_digits(last.substr(dotv + 2))) last = last.substr(0, dotv);
    std::string s(last);
    if (str::starts_with(s, "go-")) s = s.substr(3);
    if (str::ends_with(s, "-go")) s = s.substr(0, s.size() - 3);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

// The module of a `require('x')` call node, "" otherwise.
std::string require_module(const File& f, TSNode n) {
    n = unwrap(n);
    if (!is(n, "call_expression")) return {};
    TSNode fn = field(n, "function");
    if (!is(fn, "identifier") || sx::text(f, fn) != "require") return {};
    auto args = named_children(field(n, "arguments"));
    if (args.empty() || !sx::is_string_literal(args[0])) return {};
    return sx::string_value(f, args[0]);
}

}  // namespace

const Imports& Imports::of(const File& f) {
    static const char tag = 0;
    return f.derived<Imports>(&tag, [&] { return Imports(f); });
}

Imports::Imports(const File& f) : m_file(&f) {
    TSNode r = sx::root(f);
    if (ts_node_is_null(r)) return;
    auto add = [&](std::string local, std::string module, std::string member) {
        if (local.empty() || module.empty()) return;
        m_bindings.push_back({std::move(local), std::move(module), std::move(member)});
    };
    if (is_js(f)) {
        sx::walk_types(r, {"import_statement", "variable_declarator"}, [&](TSNode n) {
            const std::string_view t = sx::type(n);
            if (t == "import_statement") {
                std::string module = sx::string_value(f, field(n, "source"));
                for (TSNode c : named_children(n)) {
                    if (is(c, "import_require_clause")) {
                        for (TSNode id : named_children(c))
                            if (is(id, "identifier")) add(std::string(sx::text(f, id)), sx::string_value(f, field(c, "source")), "");
                    }
                    if (!is(c, "import_clause")) continue;
                    for (TSNode part : named_children(c)) {
                        if (is(part, "identifier")) add(std::string(sx::text(f, part)), module, "");
                        else if (is(part, "namespace_import")) {
                            for (TSNode id : named_children(part))
                                if (is(id, "identifier")) add(std::string(sx::text(f, id)), module, "");
                        } else if (is(part, "named_imports")) {
                            for (TSNode spec : named_children(part)) {
                                if (!is(spec, "import_specifier")) continue;
                                TSNode name = field(spec, "name");
                                TSNode alias = field(spec, "alias");
                                std::string member = is(name, "string") ? sx::string_value(f, name) : std::string(sx::text(f, name));
                                std::string local = ts_node_is_null(alias) ? member : std::string(sx::text(f, alias));
                                add(local, module, member == "default" ? "" : member);
                            }
                        }
                    }
                }
                return false;
            }
            if (t == "variable_declarator") {
                TSNode name = field(n, "name");
                TSNode value = unwrap(field(n, "value"));
                std::string module = require_module(f, value);
                std::string member;
                if (module.empty() && is(value, "member_expression")) {
                    module = require_module(f, field(value, "object"));
                    member = std::string(sx::text(f, field(value, "property")));
                    if (member == "default") member.clear();
                }
                if (module.empty()) return true;
                if (is(name, "identifier")) {
                    add(std::string(sx::text(f, name)), module, member);
                } else if (is(name, "object_pattern")) {
                    for (TSNode p : named_children(name)) {
                        if (is(p, "shorthand_property_identifier_pattern")) {
                            std::string s(sx::text(f, p));
                            add(s, module, member.empty() ? s : member + "." + s);
                        } else if (is(p, "pair_pattern")) {
                            std::string key(sx::text(f, field(p, "key")));
                            TSNode v = field(p, "value");
                            if (is(v, "identifier")) add(std::string(sx::text(f, v)), module, member.empty() ? key : member + "." + key);
                        }
                    }
                }
                return true;
            }
            return true;
        });
    } else if (is_py(f)) {
        sx::walk_types(r, {"import_statement", "import_from_statement"}, [&](TSNode n) {
            const std::string_view t = sx::type(n);
            if (t == "import_statement") {
                for (TSNode c : named_children(n)) {
                    if (is(c, "dotted_name")) {
                        std::string m(sx::text(f, c));
                        add(m, m, "");
                    } else if (is(c, "aliased_import")) {
                        add(std::string(sx::text(f, field(c, "alias"))), std::string(sx::text(f, field(c, "name"))), "");
                    }
                }
                return false;
            }
            if (t == "import_from_statement") {
                TSNode mod = field(n, "module_name");
                std::string module(sx::text(f, mod));
                for (TSNode c : named_children(n)) {
                    if (ts_node_eq(c, mod)) continue;
                    if (is(c, "dotted_name")) {
                        std::string m(sx::text(f, c));
                        add(m, module, m);
                    } else if (is(c, "aliased_import")) {
                        add(std::string(sx::text(f, field(c, "alias"))), module, std::string(sx::text(f, field(c, "name"))));
                    }
                }
                return false;
            }
            return true;
        });
    } else if (is_go(f)) {
        sx::walk_types(r, {"import_spec"}, [&](TSNode n) {
            std::string path = sx::string_value(f, field(n, "path"));
            TSNode name = field(n, "name");
            std::string local;
            if (is(name, "package_identifier")) local = std::string(sx::text(f, name));
            else if (ts_node_is_null(name)) local = go_local_name(path);
            add(local, path, "");
            return false;
        });
    }
}

std::string Imports::qualify(std::string_view dotted) const {
    const Binding* best = nullptr;
    for (const auto& b : m_bindings) {
        if (dotted.size() < b.local.size() || dotted.substr(0, b.local.size()) != b.local) continue;
        if (dotted.size() > b.local.size()) {
            char next = dotted[b.local.size()];
            if (next != '.' && next != '(' && next != '[') continue;
        }
        if (!best || b.local.size() > best->local.size()) best = &b;
    }
    if (!best) return {};
    std::string_view rest = dotted.substr(best->local.size());
    if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);
    std::string path = best->member;
    if (!rest.empty()) {
        if (!path.empty() && rest[0] != '(' && rest[0] != '[') path += '.';
        path += rest;
    }
    return best->module + ":" + path;
}

std::string Imports::qualify(const sx::Call& c) const {
    if (str::starts_with(c.callee, "require()")) {
        TSNode n = field(c.node, "function");
        if (is(c.node, "new_expression")) n = field(c.node, "constructor");
        for (int i = 0; i < 16 && !ts_node_is_null(n); ++i) {
            n = unwrap(n);
            if (is(n, "member_expression")) {
                n = field(n, "object");
                continue;
            }
            if (is(n, "call_expression")) {
                std::string module = require_module(*m_file, n);
                if (!module.empty()) {
                    std::string_view rest = std::string_view(c.callee).substr(9);
                    if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);
                    return module + ":" + std::string(rest);
                }
                n = field(n, "function");
                continue;
            }
            break;
        }
        return {};
    }
    return qualify(c.callee);
}

bool Imports::has(std::string_view module) const {
    for (const auto& b : m_bindings)
        if (b.module == module || (b.module.size() > module.size() && str::starts_with(b.module, module) &&
                                   (b.module[module.size()] == '/' || b.module[module.size()] == '.')))
            return true;
    return false;
}

std::string_view q_module(std::string_view q) {
    auto c = q.find(':');
    return c == std::string_view::npos ? std::string_view{} : q.substr(0, c);
}

std::string_view q_path(std::string_view q) {
    auto c = q.find(':');
    return c == std::string_view::npos ? std::string_view{} : q.substr(c + 1);
}

bool q_from(std::string_view q, std::string_view m) {
    auto mod = q_module(q);
    if (mod.empty() || m.empty()) return false;
    if (m.back() == '/') return str::starts_with(mod, m);
    return mod == m || (mod.size() > m.size() && str::starts_with(mod, m) && (mod[m.size()] == '/' || mod[m.size()] == '.'));
}

std::vector<sx::Call> invocations(const File& f, TSNode scope) {
    std::vector<sx::Call> out = sx::calls(f, scope);
    if (!is_js(f)) return out;
    std::vector<sx::Call> news;
    sx::walk(scope, [&](TSNode n) {
        if (sx::type(n) != "new_expression") return true;
        sx::Call c;
        c.node = n;
        c.set_callee(compact(f, field(n, "constructor"), 160));
        c.arguments = field(n, "arguments");
        news.push_back(std::move(c));
        return true;
    });
    if (news.empty()) return out;
    out.insert(out.end(), std::make_move_iterator(news.begin()), std::make_move_iterator(news.end()));
    std::stable_sort(out.begin(), out.end(), [](const sx::Call& a, const sx::Call& b) {
        return ts_node_start_byte(a.node) < ts_node_start_byte(b.node);
    });
    return out;
}

bool is_new(const sx::Call& c) { return is(c.node, "new_expression"); }

// ---- options ----------------------------------------------------------------------

namespace {

std::string key_text(const File& f, TSNode k) {
    if (is(k, "string")) return sx::string_value(f, k);
    if (is(k, "literal_element")) k = unwrap(k);
    if (sx::is_string_literal(k)) return sx::string_value(f, k);
    return std::string(sx::text(f, k));
}

Option option_at(const File& f, TSNode node, std::string_view key, int depth) {
    Option out;
    node = unwrap(node);
    if (ts_node_is_null(node) || depth > 4) return out;
    const std::string_view t = sx::type(node);
    if (t == "identifier") {
        TSNode v = bound_value(f, sx::text(f, node));
        if (ts_node_is_null(v)) {
            out.has = Has::unknown;
            return out;
        }
        return option_at(f, v, key, depth + 1);
    }
    if (t == "unary_expression") return option_at(f, field(node, "operand"), key, depth + 1);
    if (t == "composite_literal") return option_at(f, field(node, "body"), key, depth + 1);
    bool open = false;
    if (t == "object" || t == "literal_value" || t == "dictionary" || t == "argument_list") {
        for (TSNode c : named_children(node)) {
            const std::string_view ct = sx::type(c);
            if (ct == "pair" || ct == "keyed_element") {
                if (key_text(f, field(c, "key")) == key) return {Has::yes, field(c, "value")};
            } else if (ct == "shorthand_property_identifier") {
                if (sx::text(f, c) == key) return {Has::yes, c};
            } else if (ct == "keyword_argument") {
                if (sx::text(f, field(c, "name")) == key) return {Has::yes, field(c, "value")};
            } else if (ct == "spread_element" || ct == "dictionary_splat") {
                open = true;
            }
        }
        out.has = open ? Has::unknown : Has::no;
        return out;
    }
    if (t == "arguments") return out;  // a JS call's argument list is not an options object
    // A call result, member access, conditional...: cannot tell.
    out.has = Has::unknown;
    return out;
}

}  // namespace

Option option(const File& f, TSNode node, std::string_view key) { return option_at(f, node, key, 0); }

TSNode bound_value(const File& f, std::string_view name) {
    TSNode found{};
    bool done = false;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (done) return false;
        const std::string_view t = sx::type(n);
        if (t == "variable_declarator") {
            TSNode nm = field(n, "name");
            if (is(nm, "identifier") && sx::text(f, nm) == name && !ts_node_is_null(field(n, "value"))) {
                found = field(n, "value");
                done = true;
            }
        } else if (t == "assignment" && is_py(f)) {
            TSNode left = field(n, "left");
            if (is(left, "identifier") && sx::text(f, left) == name && !ts_node_is_null(field(n, "right"))) {
                found = field(n, "right");
                done = true;
            }
        } else if (t == "short_var_declaration" || t == "var_spec") {
            TSNode left = t == "var_spec" ? n : field(n, "left");
            TSNode right = field(n, t == "var_spec" ? "value" : "right");
            auto lefts = t == "var_spec" ? std::vector<TSNode>{field(n, "name")} : named_children(left);
            auto rights = named_children(right);
            for (std::size_t i = 0; i < lefts.size() && i < rights.size(); ++i)
                if (sx::text(f, lefts[i]) == name) {
                    found = rights[i];
                    done = true;
                }
        }
        return !done;
    });
    return found;
}

std::optional<double> number(const File& f, TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    if (t == "unary_expression") {
        auto v = number(f, field(n, "argument"));
        if (!v) v = number(f, field(n, "operand"));
        if (v && str::starts_with(sx::text(f, n), "-")) return -*v;
        return v;
    }
    if (t != "number" && t != "integer" && t != "float" && t != "int_literal" && t != "float_literal") return std::nullopt;
    std::string s;
    for (char c : sx::text(f, n))
        if (c != '_') s += c;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str()) return std::nullopt;
    return v;
}

bool is_nullish_or_zero(const File& f, TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    if (t == "null" || t == "undefined" || t == "none" || t == "nil" || t == "false") return true;
    auto v = number(f, n);
    return v && *v == 0;
}

bool reads_env(const File& f, TSNode n) {
    std::string s = compact(f, n, 400);
    return str::contains(s, "process.env") || str::starts_with(s, "env.") || str::contains(s, "(env.") ||
           str::contains(s, "||env.") || str::contains(s, "??env.") || str::contains(s, "os.environ") ||
           str::contains(s, "os.getenv") || str::contains(s, "getenv(") || str::contains(s, "os.Getenv") ||
           str::contains(s, "os.LookupEnv") || str::contains(s, "import.meta.env") || str::contains(s, "settings.") ||
           str::contains(s, "config(");
}

std::vector<std::string> string_values(const File& f, TSNode scope) {
    std::vector<std::string> out;
    sx::walk(scope, [&](TSNode n) {
        if (sx::is_string_literal(n)) {
            out.push_back(sx::string_value(f, n));
            return false;
        }
        return true;
    });
    return out;
}

// ---- names ------------------------------------------------------------------------

std::vector<std::string> words_of(std::string_view ident) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(str::lower(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < ident.size(); ++i) {
        const auto c = static_cast<unsigned char>(ident[i]);
        if (!std::isalnum(c)) {
            flush();
            continue;
        }
        if (std::isupper(c) && !cur.empty()) {
            const auto prev = static_cast<unsigned char>(cur.back());
            const bool next_lower = i + 1 < ident.size() && std::islower(static_cast<unsigned char>(ident[i + 1]));
            if (std::islower(prev) || std::isdigit(prev) || (std::isupper(prev) && next_lower)) flush();
        }
        cur += static_cast<char>(c);
    }
    flush();
    return out;
}

std::string function_name(const File& f, TSNode fn) {
    if (ts_node_is_null(fn)) return {};
    const std::string_view t = sx::type(fn);
    if (t == "function_declaration" || t == "generator_function_declaration" || t == "function_definition" ||
        t == "method_definition" || t == "method_declaration")
        return std::string(sx::text(f, field(fn, "name")));
    TSNode p = ts_node_parent(fn);
    const std::string_view pt = sx::type(p);
    if (pt == "variable_declarator") return std::string(sx::text(f, field(p, "name")));
    if (pt == "pair") return key_text(f, field(p, "key"));
    if (pt == "public_field_definition") return std::string(sx::text(f, field(p, "name")));
    if (pt == "expression_list") {  // Go: op := func() error {...}
        TSNode decl = ts_node_parent(p);
        if (is(decl, "short_var_declaration") || is(decl, "assignment_statement") || is(decl, "var_spec")) {
            auto rights = named_children(p);
            auto lefts = is(decl, "var_spec") ? std::vector<TSNode>{field(decl, "name")} : named_children(field(decl, "left"));
            for (std::size_t i = 0; i < rights.size() && i < lefts.size(); ++i)
                if (ts_node_eq(rights[i], fn)) return std::string(sx::text(f, lefts[i]));
        }
        return {};
    }
    if (pt == "assignment_expression" || pt == "assignment") {
        TSNode left = field(p, "left");
        if (is(left, "member_expression")) return std::string(sx::text(f, field(left, "property")));
        return std::string(sx::text(f, left));
    }
    return {};
}

// ---- files --------------------------------------------------------------------------

bool is_client_component(const File& f) {
    if (!is_js(f)) return false;
    std::string_view s = f.text;
    std::size_t i = 0;
    for (int guard = 0; guard < 32 && i < s.size(); ++guard) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (s.substr(i, 2) == "//") {
            auto e = s.find('\n', i);
            i = e == std::string_view::npos ? s.size() : e + 1;
        } else if (s.substr(i, 2) == "/*") {
            auto e = s.find("*/", i + 2);
            i = e == std::string_view::npos ? s.size() : e + 2;
        } else {
            break;
        }
    }
    auto rest = s.substr(std::min(i, s.size()));
    return str::starts_with(rest, "'use client'") || str::starts_with(rest, "\"use client\"");
}

bool is_tooling_path(std::string_view path) {
    auto segs = str::split(path, '/');
    if (segs.empty()) return false;
    for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
        auto s = segs[i];
        if (s == "scripts" || s == "script" || s == "tools" || s == "tooling" || s == "seed" || s == "seeds" ||
            s == "migrations" || s == "alembic" || s == "bin" || s == ".github")
            return true;
    }
    auto name = segs.back();
    return str::contains(name, ".config.") || str::starts_with(name, "seed.") || str::starts_with(name, "gulpfile") ||
           str::starts_with(name, "Gruntfile") || name == "setup.py" || name == "noxfile.py" || name == "tasks.py";
}

namespace {

bool secret_key_name(std::string_view key) {
    for (const auto& w : words_of(key))
        if (w == "pass" || w == "password" || w == "passwd" || w == "secret" || w == "token" || w == "key" || w == "apikey" ||
            w == "auth" || w == "dsn" || w == "credential" || w == "credentials")
            return true;
    return false;
}

bool secret_value(std::string_view v) {
    static constexpr std::array<std::string_view, 12> k_prefixes{"sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", "SG.",
                                                                 "xoxb-", "xoxp-", "AKIA", "ghp_", "glpat-", "-----BEGIN"};
    for (auto p : k_prefixes)
        if (str::starts_with(v, p)) return true;
    auto scheme = v.find("://");
    if (scheme != std::string_view::npos && v.find('@', scheme) != std::string_view::npos) return true;
    // Long random tokens: mixed case and digits, no spaces, high entropy (not identifiers like metric names).
    if (v.size() < 24 || v.find(' ') != std::string_view::npos) return false;
    bool upper = false, lower = false, digit = false;
    for (char c : v) {
        upper = upper || std::isupper(static_cast<unsigned char>(c));
        lower = lower || std::islower(static_cast<unsigned char>(c));
        digit = digit || std::isdigit(static_cast<unsigned char>(c));
    }
    return upper && lower && digit && str::entropy(v) >= 4.0;
}

}  // namespace

Evidence evidence(const File& f, TSNode n, std::string note) {
    Evidence e = node_evidence(f, n, std::move(note));
    const auto line = e.line;
    sx::walk(n, [&](TSNode x) {
        if (f.lines.at(ts_node_start_byte(x)).line > line) return false;
        if (!sx::is_string_literal(x)) return true;
        auto v = sx::string_value(f, x);
        if (v.size() < 4) return false;
        std::string key;
        TSNode p = ts_node_parent(x);
        if (is(p, "pair") || is(p, "keyed_element")) key = std::string(sx::text(f, unwrap(field(p, "key"))));
        else if (is(p, "keyword_argument")) key = std::string(sx::text(f, field(p, "name")));
        else if (is(p, "literal_element") && is(ts_node_parent(p), "keyed_element"))
            key = std::string(sx::text(f, unwrap(field(ts_node_parent(p), "key"))));
        if (!secret_value(v) && !(secret_key_name(key) && !str::contains(v, "${"))) return false;
        auto probe = v.substr(0, std::min<std::size_t>(v.size(), 12));
        auto pos = e.snippet.find(probe);
        if (pos != std::string::npos) e.snippet.replace(pos, std::min(v.size(), e.snippet.size() - pos), str::mask(v));
        return false;
    });
    return e;
}

void dedupe(std::vector<Evidence>& ev) {
    std::vector<Evidence> out;
    for (auto& e : ev) {
        bool dup = false;
        for (const auto& o : out) dup = dup || (o.path == e.path && o.line == e.line);
        if (!dup) out.push_back(std::move(e));
    }
    ev = std::move(out);
}

Evidence anchor(const ProbeContext& ctx, std::string note) {
    const auto& svc = ctx.svc();
    for (const auto& d : svc.dependencies) {
        const auto* f = ctx.model.file(d.manifest);
        if (f && f->kept) return f->evidence_line(1, note);
    }
    for (const char* name : {"package.json", "go.mod", "pyproject.toml", "requirements.txt"}) {
        std::string p = svc.root.empty() ? std::string(name) : svc.root + "/" + name;
        const auto* f = ctx.model.file(p);
        if (f && f->kept) return f->evidence_line(1, note);
    }
    auto rs = routes(ctx);
    if (!rs.empty()) return route_evidence(ctx, *rs.front(), note);
    auto code = code_files(ctx);
    if (!code.empty()) return code.front()->evidence_line(1, note);
    Evidence e;
    e.path = svc.root.empty() ? "." : svc.root;
    e.note = std::move(note);
    return e;
}

std::vector<Evidence> other_hits(const ProbeContext& ctx, std::string_view signature, std::string note) {
    std::vector<Evidence> out;
    for (const auto* h : ctx.hits(signature)) {
        const auto& f = ctx.model.files.at(h->file);
        if (f.is_own()) continue;
        out.push_back(ctx.evidence(*h, note));
        if (out.size() >= 5) break;
    }
    return out;
}

namespace {

void yaml_strings(const YAML::Node& n, std::string& out) {
    if (!n) return;
    if (n.IsScalar()) {
        out += n.Scalar();
        out += ' ';
    } else if (n.IsSequence()) {
        for (const auto& x : n) yaml_strings(x, out);
    } else if (n.IsMap()) {
        for (const auto& kv : n) {
            if (kv.first.IsScalar()) {
                out += kv.first.Scalar();
                out += '=';
            }
            yaml_strings(kv.second, out);
        }
    }
}

void push_launch(std::vector<Launch>& out, const File& f, std::string text, std::string_view anchor_text) {
    std::size_t line = anchor_text.empty() ? 0 : line_of(f, anchor_text);
    out.push_back({&f, line ? line : 1, std::move(text)});
}

}  // namespace

std::vector<Launch> launch_lines(const ProbeContext& ctx) {
    std::vector<Launch> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own()) continue;
        auto slash = f->path.rfind('/');
        std::string_view name = slash == std::string::npos ? std::string_view(f->path) : std::string_view(f->path).substr(slash + 1);
        if (f->lang == collect::Language::dockerfile) {
            std::string cur;
            std::size_t start = 0;
            bool wanted = false;
            for (std::size_t ln = 1; ln <= f->lines.line_count(); ++ln) {
                auto raw = f->lines.line_text(f->text, ln);
                auto line = str::trim(raw);
                if (cur.empty()) {
                    if (line.empty() || line[0] == '#') continue;
                    auto word = str::lower(line.substr(0, line.find_first_of(" \t[")));
                    wanted = word == "cmd" || word == "entrypoint" || word == "env";
                    start = ln;
                }
                cur += std::string(line);
                cur += ' ';
                if (!line.empty() && line.back() == '\\') continue;
                if (wanted) out.push_back({f, start, cur});
                cur.clear();
            }
        } else if (name == "Procfile") {
            for (std::size_t ln = 1; ln <= f->lines.line_count(); ++ln) {
                auto line = str::trim(f->lines.line_text(f->text, ln));
                if (!line.empty() && line[0] != '#') out.push_back({f, ln, std::string(line)});
            }
        } else if (name == "package.json" && f->json && f->json->is_object() && f->json->contains("scripts") &&
                   (*f->json)["scripts"].is_object()) {
            for (auto it = (*f->json)["scripts"].begin(); it != (*f->json)["scripts"].end(); ++it)
                if (it.value().is_string()) {
                    auto v = it.value().get<std::string>();
                    push_launch(out, *f, v, v);
                }
        }
    }
    for (const auto& s : compose_services(ctx)) {
        for (const char* key : {"command", "entrypoint", "environment"}) {
            if (!s.node.IsMap() || !s.node[key]) continue;
            std::string text;
            yaml_strings(s.node[key], text);
            push_launch(out, *s.file, text, key);
        }
    }
    for (const auto& o : k8s_objects(ctx)) {
        if (!is_workload(o.kind)) continue;
        auto tmpl = o.kind == "Pod" ? o.doc : (o.kind == "CronJob" ? o.doc["spec"]["jobTemplate"]["spec"]["template"] : o.doc["spec"]["template"]);
        if (tmpl && tmpl.IsMap() && tmpl["metadata"] && tmpl["metadata"]["annotations"] && tmpl["metadata"]["annotations"].IsMap()) {
            for (const auto& kv : tmpl["metadata"]["annotations"]) {
                if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
                push_launch(out, *o.file, kv.first.Scalar() + ": " + kv.second.Scalar(), kv.first.Scalar());
            }
        }
        auto spec = pod_spec(o);
        if (!spec || !spec.IsMap() || !spec["containers"] || !spec["containers"].IsSequence()) continue;
        for (const auto& c : spec["containers"]) {
            std::string text;
            for (const char* key : {"command", "args", "env"})
                if (c[key]) yaml_strings(c[key], text);
            if (!text.empty()) push_launch(out, *o.file, text, "containers");
        }
    }
    return out;
}

std::optional<int> major_version(std::string_view spec) {
    std::size_t i = 0;
    while (i < spec.size() && !std::isdigit(static_cast<unsigned char>(spec[i]))) {
        if (std::isalpha(static_cast<unsigned char>(spec[i]))) return std::nullopt;  // "latest", "workspace:", git urls
        ++i;
    }
    if (i == spec.size()) return std::nullopt;
    int v = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])) && v < 100000) v = v * 10 + (spec[i++] - '0');
    return v;
}

std::optional<int> go_major(std::string_view module) {
    auto slash = module.rfind("/v");
    if (slash == std::string_view::npos || slash + 2 >= module.size()) return std::nullopt;
    int v = 0;
    for (char c : module.substr(slash + 2)) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace gonogo::checks::telemetry
