// Helpers shared by the web-facing probes (see web_util.hpp): syntax and
// literal utilities, import bindings, Python settings, response-header sites
// (code, next.config, vercel.json, nginx, ingress snippets) and cookie sites.
#include "checks/security/web_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::checks::web {

namespace sx = collect::syntax;
using collect::Language;


std::uint32_t index_of(const ProbeContext& ctx, const File& f) {
    return static_cast<std::uint32_t>(&f - ctx.model.files.data());
}

std::string key_text(const File& f, TSNode key) {
    key = unwrap(key);
    if (ts_node_is_null(key)) return {};
    if (sx::is_string_literal(key)) return sx::string_value(f, key);
    if (is(key, "computed_property_name") && ts_node_named_child_count(key) == 1) {
        TSNode inner = ts_node_named_child(key, 0);
        if (sx::is_string_literal(inner)) return sx::string_value(f, inner);
    }
    return std::string(sx::text(f, key));
}

std::vector<std::pair<std::string, TSNode>> entries(const File& f, TSNode object) {
    std::vector<std::pair<std::string, TSNode>> out;
    object = unwrap(object);
    if (ts_node_is_null(object)) return out;
    TSNode body = object;
    if (is(object, "composite_literal")) body = field(object, "body");
    for (TSNode c : named_children(body)) {
        const auto t = sx::type(c);
        if (t == "pair") {
            out.emplace_back(key_text(f, field(c, "key")), field(c, "value"));
        } else if (t == "shorthand_property_identifier") {
            out.emplace_back(std::string(sx::text(f, c)), c);
        } else if (t == "keyed_element") {
            TSNode k = field(c, "key");
            TSNode v = field(c, "value");
            if (ts_node_is_null(k) && ts_node_named_child_count(c) == 2) {
                k = ts_node_named_child(c, 0);
                v = ts_node_named_child(c, 1);
            }
            out.emplace_back(key_text(f, k), unwrap(v));
        } else if (t == "method_definition") {
            out.emplace_back(std::string(sx::text(f, field(c, "name"))), c);
        }
    }
    return out;
}

TSNode js_prop(const File& f, TSNode object, std::string_view key) {
    object = unwrap(object);
    if (!is(object, "object")) return TSNode{};
    for (auto& [k, v] : entries(f, object))
        if (k == key) return v;
    return TSNode{};
}

TSNode py_kwarg(const File& f, TSNode arguments, std::string_view name) {
    for (TSNode c : named_children(arguments))
        if (is(c, "keyword_argument") && sx::text(f, field(c, "name")) == name) return field(c, "value");
    return TSNode{};
}

TSNode go_key(const File& f, TSNode composite, std::string_view key) {
    composite = unwrap(composite);
    if (is(composite, "unary_expression")) composite = unwrap(field(composite, "operand"));
    if (!is(composite, "composite_literal")) return TSNode{};
    for (auto& [k, v] : entries(f, composite))
        if (k == key) return v;
    return TSNode{};
}

TSNode enclosing_call(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        const auto t = sx::type(p);
        if (t == "arguments" || t == "argument_list") {
            TSNode call = ts_node_parent(p);
            if (is(call, "call_expression") || is(call, "call") || is(call, "new_expression")) return call;
            return TSNode{};
        }
        if (t == "statement_block" || t == "block" || t == "program" || t == "module" || t == "source_file") break;
    }
    return TSNode{};
}

// ---- literals ------------------------------------------------------------------------

std::optional<std::string> str_lit(const File& f, TSNode n) {
    n = unwrap(n);
    if (ts_node_is_null(n) || !sx::is_string_literal(n)) return std::nullopt;
    return sx::string_value(f, n);
}

std::optional<bool> bool_lit(const File& f, TSNode n) {
    n = unwrap(n);
    const auto t = sx::type(n);
    if (t == "true") return true;
    if (t == "false") return false;
    if (t == "identifier") {
        auto s = sx::text(f, n);
        if (s == "True") return true;
        if (s == "False") return false;
    }
    return std::nullopt;
}

std::optional<long long> int_lit(const File& f, TSNode n) {
    n = unwrap(n);
    const auto t = sx::type(n);
    if (t == "number" || t == "integer" || t == "int_literal") {
        std::string digits;
        for (char c : sx::text(f, n))
            if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
            else if (c != '_') return std::nullopt;  // floats, hex, exponents
        if (digits.empty() || digits.size() > 15) return std::nullopt;
        return std::stoll(digits);
    }
    if (t == "binary_expression" || t == "binary_operator") {
        auto l = int_lit(f, field(n, "left"));
        auto r = int_lit(f, field(n, "right"));
        TSNode op = field(n, "operator");
        if (!l || !r || ts_node_is_null(op)) return std::nullopt;
        const auto o = sx::type(op);
        if (o == "*") return *l * *r;
        if (o == "+") return *l + *r;
        if (o == "-") return *l - *r;
        return std::nullopt;
    }
    return std::nullopt;
}

namespace {

TSNode find_binding(const File& f, std::string_view name) {
    TSNode found{};
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        const auto t = sx::type(n);
        if (t == "variable_declarator") {
            if (is(field(n, "name"), "identifier") && sx::text(f, field(n, "name")) == name) found = field(n, "value");
        } else if (t == "assignment" && is(field(n, "left"), "identifier") && sx::text(f, field(n, "left")) == name &&
                   ts_node_is_null(sx::enclosing_function(n))) {
            found = field(n, "right");
        } else if (t == "var_spec" || t == "const_spec") {
            for (TSNode c : named_children(n))
                if (is(c, "identifier") && sx::text(f, c) == name) {
                    TSNode v = field(n, "value");
                    if (!ts_node_is_null(v)) found = unwrap(v);
                    break;
                }
        } else if (t == "short_var_declaration") {
            TSNode left = field(n, "left");
            auto names = named_children(left);
            if (!names.empty() && sx::text(f, names[0]) == name) found = unwrap(field(n, "right"));
        }
        return ts_node_is_null(found);
    });
    return found;
}

}  // namespace

TSNode resolve_identifier(const File& f, TSNode ident) {
    ident = unwrap(ident);
    if (!is(ident, "identifier")) return TSNode{};
    return find_binding(f, sx::text(f, ident));
}

TSNode resolved(const File& f, TSNode n) {
    n = unwrap(n);
    for (int depth = 0; depth < 4 && is(n, "identifier"); ++depth) {
        TSNode r = resolve_identifier(f, n);
        if (ts_node_is_null(r)) break;
        n = unwrap(r);
    }
    return n;
}

std::optional<std::string> env_var(const File& f, TSNode n) {
    n = unwrap(n);
    const auto t = sx::type(n);
    if (t == "member_expression") {
        std::string obj(sx::text(f, field(n, "object")));
        if (obj == "process.env" || obj == "import.meta.env") return std::string(sx::text(f, field(n, "property")));
    }
    if (t == "subscript_expression" || t == "subscript") {
        TSNode obj = field(n, t == "subscript" ? "value" : "object");
        auto o = sx::text(f, obj);
        if (o == "process.env" || o == "os.environ") {
            TSNode idx = field(n, t == "subscript" ? "subscript" : "index");
            if (auto s = str_lit(f, idx)) return *s;
        }
    }
    if (t == "call_expression" || t == "call") {
        auto callee = std::string(sx::text(f, field(n, "function")));
        if (callee == "os.getenv" || callee == "os.environ.get" || callee == "os.Getenv" || callee == "env" ||
            callee == "env.str" || callee == "env.list" || callee == "config") {
            auto args = named_children(field(n, "arguments"));
            if (!args.empty())
                if (auto s = str_lit(f, args[0])) return *s;
        }
        // process.env.X.split(',') / os.environ["X"].split(",")
        TSNode fn = field(n, "function");
        if (is(fn, "member_expression")) return env_var(f, field(fn, "object"));
        if (is(fn, "attribute")) return env_var(f, field(fn, "object"));
    }
    if (t == "binary_expression" || t == "boolean_operator") {  // process.env.X || 'default', os.getenv(..) or ".."
        if (auto l = env_var(f, field(n, "left"))) return l;
    }
    return std::nullopt;
}

std::optional<EnvDoc> documented_env(const ProbeContext& ctx, std::string_view name) {
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->lang != Language::env) continue;
        std::size_t line_no = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++line_no;
            auto line = str::trim(raw);
            if (str::starts_with(line, "export ")) line = str::trim(line.substr(7));
            if (!str::starts_with(line, name) || line.size() <= name.size() || line[name.size()] != '=') continue;
            auto value = str::trim(line.substr(name.size() + 1));
            auto hash = value.find(" #");
            if (hash != std::string_view::npos) value = str::trim(value.substr(0, hash));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                value = value.substr(1, value.size() - 2);
            return EnvDoc{std::string(value), f->evidence_line(line_no, fmt::format("documented value of {}", name))};
        }
    }
    for (const auto& cs : compose_services(ctx)) {
        auto env = cs.node["environment"];
        if (!env) continue;
        std::optional<std::string> value;
        if (env.IsMap() && env[std::string(name)] && env[std::string(name)].IsScalar())
            value = env[std::string(name)].as<std::string>();
        if (env.IsSequence())
            for (const auto& item : env)
                if (item.IsScalar()) {
                    auto s = item.as<std::string>();
                    if (str::starts_with(s, name) && s.size() > name.size() && s[name.size()] == '=')
                        value = s.substr(name.size() + 1);
                }
        if (value) {
            auto line = line_of(*cs.file, std::string(name));
            return EnvDoc{*value, cs.file->evidence_line(line ? line : 1, fmt::format("value of {}", name))};
        }
    }
    return std::nullopt;
}

bool production_tied(const File& f, TSNode n) {
    n = unwrap(n);
    if (ts_node_is_null(n) || bool_lit(f, n) || str_lit(f, n)) return false;
    auto s = str::lower(sx::text(f, n));
    for (std::string_view w : {"production", "node_env", "isprod", "is_prod", "debug", "tls", "https", ".secure",
                               "is_secure", "isdev", "is_dev", "development"})
        if (str::contains(s, w)) return true;
    return false;
}

// ---- imports -------------------------------------------------------------------------

namespace {

std::string go_local_name(std::string_view path) {
    auto parts = str::split(path, '/');
    while (!parts.empty()) {
        auto last = parts.back();
        // Version suffixes: chi/v5, limiter/v3.
        if (parts.size() > 1 && last.size() >= 2 && last[0] == 'v' &&
            std::all_of(last.begin() + 1, last.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            parts.pop_back();
            continue;
        }
        std::string s(last);
        auto dot = s.find(".v");  // gopkg.in/yaml.v3
        if (dot != std::string::npos) s = s.substr(0, dot);
        std::replace(s.begin(), s.end(), '-', '_');
        return s;
    }
    return std::string(path);
}

}  // namespace

namespace {

// The folders an autoload registration names: the string literals of its `dir` option
// (path.join(__dirname, 'plugins', 'external') -> "plugins/external"), relative to the registering file.
std::vector<std::string> autoload_dirs(const ProbeContext& ctx) {
    std::vector<std::string> out;
    for (const auto* f : code_files(ctx)) {
        if (!is_js(*f) || !str::contains(f->text, "@fastify/autoload")) continue;
        auto b = bindings(*f);
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            auto args = sx::call_args(c);
            if (c.name != "register" || args.size() < 2) continue;
            const auto* pb = binding_of(b, sx::text(*f, args[0]));
            if (!pb || pb->module != "@fastify/autoload") continue;
            TSNode dir = js_prop(*f, resolved(*f, args[1]), "dir");
            if (ts_node_is_null(dir)) continue;
            std::string rel;
            sx::walk(dir, [&](TSNode n) {
                if (auto lit = str_lit(*f, n)) {
                    std::string_view part = *lit;
                    while (str::starts_with(part, "./")) part.remove_prefix(2);
                    if (!part.empty() && part != "." && part != "..") rel += (rel.empty() ? "" : "/") + std::string(part);
                    return false;
                }
                return true;
            });
            if (rel.empty()) continue;
            auto slash = f->path.rfind('/');
            std::string base = slash == std::string::npos ? std::string() : f->path.substr(0, slash + 1);
            out.push_back(base + rel + "/");
        }
    }
    return out;
}

// The object an autoConfig value yields: the object itself, or what an arrow/function returns.
TSNode autoconfig_object(const File& f, TSNode v) {
    v = resolved(f, v);
    if (is(v, "object")) return v;
    if (!is(v, "arrow_function") && !is(v, "function_expression") && !is(v, "function")) return TSNode{};
    TSNode body = field(v, "body");
    TSNode inner = sx::unwrap(body);
    if (is(inner, "object")) return inner;
    TSNode found{};
    sx::walk(body, [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        if (is(n, "arrow_function") || is(n, "function_expression") || is(n, "function_declaration")) return false;
        if (is(n, "return_statement") && ts_node_named_child_count(n) > 0) {
            TSNode r = sx::unwrap(ts_node_named_child(n, 0));
            if (is(r, "object")) found = r;
            return false;
        }
        return true;
    });
    return found;
}

}  // namespace

std::vector<AutoloadedPlugin> fastify_autoloaded(const ProbeContext& ctx) {
    std::vector<AutoloadedPlugin> out;
    auto dirs = autoload_dirs(ctx);
    if (dirs.empty()) return out;
    for (const auto* f : code_files(ctx)) {
        if (!is_js(*f) || !std::any_of(dirs.begin(), dirs.end(), [&](const std::string& d) { return str::starts_with(f->path, d); }))
            continue;
        auto b = bindings(*f);
        TSNode exported{}, options{};
        for (TSNode top : named_children(sx::root(*f))) {
            if (!is(top, "export_statement")) continue;
            TSNode decl = field(top, "declaration");
            if (!ts_node_is_null(decl)) {  // export const autoConfig = ...
                sx::walk(decl, [&](TSNode n) {
                    if (is(n, "variable_declarator") && sx::text(*f, field(n, "name")) == "autoConfig")
                        options = autoconfig_object(*f, field(n, "value"));
                    return is(n, "lexical_declaration") || is(n, "variable_declaration");
                });
                continue;
            }
            TSNode value = field(top, "value");
            if (ts_node_is_null(value) && ts_node_named_child_count(top) > 0) value = ts_node_named_child(top, 0);
            value = sx::unwrap(value);
            // export default fp(plugin, opts): the wrapped plugin.
            if (is(value, "call_expression")) {
                auto a = named_children(field(value, "arguments"));
                if (!a.empty()) value = a[0];
            }
            if (is(value, "identifier")) {
                const auto* pb = binding_of(b, sx::text(*f, value));
                if (pb) {
                    exported = top;
                    out.push_back({f, pb->module, top, TSNode{}});
                }
            }
        }
        if (!ts_node_is_null(exported) && !out.empty() && out.back().file == f) out.back().options = options;
    }
    return out;
}

Bindings bindings(const File& f) {
    Bindings out;
    TSNode r = sx::root(f);
    if (ts_node_is_null(r)) return out;
    sx::walk(r, [&](TSNode n) {
        const auto t = sx::type(n);
        if (t == "import_statement" && is_js(f)) {
            auto src = str_lit(f, field(n, "source"));
            if (!src) return false;
            for (TSNode c : named_children(n)) {
                if (!is(c, "import_clause")) continue;
                for (TSNode k : named_children(c)) {
                    if (is(k, "identifier")) out[std::string(sx::text(f, k))] = {*src, "default"};
                    else if (is(k, "namespace_import")) {
                        for (TSNode id : named_children(k))
                            if (is(id, "identifier")) out[std::string(sx::text(f, id))] = {*src, "*"};
                    } else if (is(k, "named_imports")) {
                        for (TSNode spec : named_children(k)) {
                            if (!is(spec, "import_specifier")) continue;
                            TSNode name = field(spec, "name");
                            TSNode alias = field(spec, "alias");
                            std::string exported = key_text(f, name);
                            std::string local = ts_node_is_null(alias) ? exported : std::string(sx::text(f, alias));
                            out[local] = {*src, exported};
                        }
                    }
                }
            }
            return false;
        }
        if (t == "variable_declarator" && is_js(f)) {
            TSNode v = unwrap(field(n, "value"));
            std::string member;
            if (is(v, "member_expression")) {  // require('x').default / require('x').rateLimit
                member = std::string(sx::text(f, field(v, "property")));
                v = unwrap(field(v, "object"));
            }
            if (!is(v, "call_expression") || sx::text(f, field(v, "function")) != "require") return true;
            auto args = named_children(field(v, "arguments"));
            if (args.empty()) return true;
            auto src = str_lit(f, args[0]);
            if (!src) return true;
            TSNode name = field(n, "name");
            if (is(name, "identifier")) {
                out[std::string(sx::text(f, name))] = {*src, member.empty() ? "default" : member};
            } else if (is(name, "object_pattern")) {
                for (TSNode p : named_children(name)) {
                    if (is(p, "shorthand_property_identifier_pattern"))
                        out[std::string(sx::text(f, p))] = {*src, std::string(sx::text(f, p))};
                    else if (is(p, "pair_pattern"))
                        out[std::string(sx::text(f, field(p, "value")))] = {*src, key_text(f, field(p, "key"))};
                }
            }
            return true;
        }
        if (t == "import_statement" && is_py(f)) {
            for (TSNode c : named_children(n)) {
                if (is(c, "dotted_name")) {
                    std::string mod(sx::text(f, c));
                    auto first = mod.substr(0, mod.find('.'));
                    out[first] = {first, "*"};
                    out[mod] = {mod, "*"};
                } else if (is(c, "aliased_import")) {
                    out[std::string(sx::text(f, field(c, "alias")))] = {std::string(sx::text(f, field(c, "name"))), "*"};
                }
            }
            return false;
        }
        if (t == "import_from_statement") {
            TSNode mod = field(n, "module_name");
            std::string m(sx::text(f, mod));
            for (TSNode c : named_children(n)) {
                if (ts_node_eq(c, mod)) continue;
                if (is(c, "dotted_name")) out[std::string(sx::text(f, c))] = {m, std::string(sx::text(f, c))};
                else if (is(c, "aliased_import"))
                    out[std::string(sx::text(f, field(c, "alias")))] = {m, std::string(sx::text(f, field(c, "name")))};
            }
            return false;
        }
        if (t == "import_spec") {
            auto path = str_lit(f, field(n, "path"));
            if (!path) return false;
            TSNode name = field(n, "name");
            std::string local = ts_node_is_null(name) ? go_local_name(*path) : std::string(sx::text(f, name));
            out[local] = {*path, "*"};
            return false;
        }
        return true;
    });
    return out;
}

const Binding* binding_of(const Bindings& b, std::string_view callee) {
    auto end = callee.find_first_of(".(");
    auto first = callee.substr(0, end);
    auto it = b.find(first);
    return it == b.end() ? nullptr : &it->second;
}

bool module_is(std::string_view module, std::initializer_list<std::string_view> mods) {
    for (auto m : mods)
        if (module == m || (str::starts_with(module, m) && module.size() > m.size() &&
                            (module[m.size()] == '/' || module[m.size()] == '.')))
            return true;
    return false;
}

// ---- masking ---------------------------------------------------------------------------

std::string mask_snippet(std::string_view in) {
    static constexpr std::array<std::string_view, 9> k_words{"secret", "password", "passwd", "pwd", "apikey",
                                                             "api_key", "private", "token", "keys"};
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    bool armed = false;  // a secret-looking key was just seen, waiting for ':' / '=' and a literal
    bool assigned = false;
    int list_depth = 0;
    std::size_t word_start = std::string::npos;
    while (i < in.size()) {
        char c = in[i];
        const bool word_char = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        if (word_char) {
            if (word_start == std::string::npos) word_start = i;
            out += c;
            ++i;
            if (i == in.size() || !(std::isalnum(static_cast<unsigned char>(in[i])) || in[i] == '_')) {
                auto w = str::lower(in.substr(word_start, i - word_start));
                armed = std::any_of(k_words.begin(), k_words.end(), [&](std::string_view k) { return str::contains(w, k); });
                assigned = false;
                word_start = std::string::npos;
            }
            continue;
        }
        if (c == '"' || c == '\'' || c == '`') {
            std::size_t end = in.find(c, i + 1);
            if (end == std::string_view::npos) end = in.size();
            auto lit = in.substr(i + 1, end - i - 1);
            out += c;
            if (armed && assigned && lit.size() >= 4 && lit.find("${") == std::string_view::npos) out += str::mask(lit);
            else {
                out += lit;
                // A quoted key ('secret': ...) arms like a bare one.
                auto w = str::lower(lit);
                if (!assigned)
                    armed = std::any_of(k_words.begin(), k_words.end(), [&](std::string_view k) { return str::contains(w, k); });
            }
            if (end < in.size()) out += c;
            i = end + 1;
            continue;
        }
        if (c == ':' || c == '=') {
            assigned = armed;
        } else if (c == '[') {
            if (assigned) ++list_depth;  // keys: ['a', 'b']
        } else if (c == ']') {
            if (list_depth > 0 && --list_depth == 0) armed = assigned = false;
        } else if ((c == ',' || c == ';' || c == ')' || c == '}') && list_depth == 0) {
            armed = assigned = false;
        }
        // Spaces, '>' (=>) and the ']' of app.config["SECRET_KEY"] keep the state.
        out += c;
        ++i;
    }
    return out;
}

Outcome masked(Outcome o) {
    for (auto& e : o.evidence) e.snippet = mask_snippet(e.snippet);
    for (auto& e : o.other_evidence) e.snippet = mask_snippet(e.snippet);
    return o;
}

// ---- service -------------------------------------------------------------------------

bool is_web_service(const ProbeContext& ctx) {
    if (serves_http(ctx)) return true;
    static constexpr std::array<std::string_view, 14> k_web{"nextjs", "express", "nestjs", "fastify", "koa",
                                                           "hono",   "gin",     "echo",   "chi",     "fiber",
                                                           "fastapi", "django", "flask",  "starlette"};
    for (auto w : k_web)
        if (ctx.svc().frameworks.count(std::string(w))) return true;
    return false;
}

bool is_next_config(const File& f) {
    auto slash = f.path.rfind('/');
    std::string_view name = slash == std::string::npos ? std::string_view(f.path) : std::string_view(f.path).substr(slash + 1);
    return str::starts_with(name, "next.config.");
}

std::vector<Evidence> entry_evidence(const ProbeContext& ctx, std::size_t max) {
    std::vector<Evidence> out;
    auto add = [&](Evidence e) {
        for (const auto& o : out)
            if (o.path == e.path && o.line == e.line) return;
        if (out.size() < max) out.push_back(std::move(e));
    };
    for (const auto* f : own_files(ctx, {Language::javascript, Language::typescript})) {
        if (!is_next_config(*f)) continue;
        std::size_t line = line_of(*f, "module.exports");
        if (!line) line = line_of(*f, "export default");
        add(f->evidence_line(line ? line : 1, "Next.js configuration"));
    }
    static constexpr std::array<std::string_view, 18> k_create{
        "express", "Fastify", "fastify", "NestFactory.create", "gin.Default", "gin.New", "echo.New", "chi.NewRouter",
        "http.ListenAndServe", "http.NewServeMux", "FastAPI", "Flask", "Starlette", "mux.NewRouter", "fiber.New",
        "get_wsgi_application", "get_asgi_application", "app.listen"};
    std::set<std::uint32_t> route_files;
    for (const auto* r : routes(ctx)) route_files.insert(r->file);
    for (const auto* f : code_files(ctx)) {
        if (out.size() >= max) break;
        auto slash = f->path.rfind('/');
        std::string base = f->path.substr(slash == std::string::npos ? 0 : slash + 1);
        base = base.substr(0, base.find('.'));
        bool candidate = route_files.count(index_of(ctx, *f)) || base == "main" || base == "server" || base == "app" ||
                         base == "index" || base == "wsgi" || base == "asgi";
        if (!candidate) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (std::find(k_create.begin(), k_create.end(), c.callee) == k_create.end()) continue;
            add(node_evidence(*f, c.node, "HTTP server set up here"));
            break;
        }
    }
    auto rs = routes(ctx);
    if (!rs.empty()) add(route_evidence(ctx, *rs.front(), "first route"));
    return out;
}

std::vector<const File*> files_with(const ProbeContext& ctx, std::initializer_list<std::string_view> signatures) {
    std::set<std::uint32_t> idx;
    for (auto s : signatures)
        for (const auto* h : ctx.hits(s)) idx.insert(h->file);
    std::vector<const File*> out;
    for (auto i : idx) {
        const auto& f = ctx.model.files.at(i);
        if (f.kept && f.is_own()) out.push_back(&f);
    }
    return out;
}

std::vector<Evidence> other_hits(const ProbeContext& ctx, std::initializer_list<std::string_view> signatures,
                                 std::string note) {
    std::vector<Evidence> out;
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    for (auto s : signatures)
        for (const auto* h : ctx.hits(s)) {
            const auto& f = ctx.model.files.at(h->file);
            if (f.is_own() || !seen.insert({h->file, h->line}).second) continue;
            if (out.size() >= 10) return out;
            out.push_back(ctx.evidence(*h, note));
        }
    return out;
}

bool in_route_handler(const ProbeContext& ctx, const File& f, std::uint32_t offset) {
    const auto fi = index_of(ctx, f);
    for (const auto* r : routes(ctx)) {
        if (r->handler_file != fi || offset < r->handler_begin || offset >= r->handler_end) continue;
        // app.use('/p', fn) is recorded as an ANY route but is middleware for everything below /p.
        if (r->method == "ANY" && (r->framework == "express" || r->framework == "koa" || r->framework == "fastify" ||
                                   r->framework == "hono"))
            continue;
        return true;
    }
    return false;
}

std::optional<int> dependency_major(const ProbeContext& ctx, std::string_view name) {
    const collect::Dependency* dep = nullptr;
    for (const auto& d : ctx.svc().dependencies)
        if (d.name == name) dep = &d;
    if (!dep)
        for (const auto& d : ctx.model.dependencies)
            if (d.name == name) dep = &d;
    if (!dep) return std::nullopt;
    const auto& v = dep->version;
    std::size_t i = 0;
    while (i < v.size() && !std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
    if (i == v.size()) return std::nullopt;
    int major = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && major < 100000) major = major * 10 + (v[i++] - '0');
    return major;
}

// ---- Python settings -------------------------------------------------------------------

namespace {

bool upper_name(std::string_view s) {
    if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

void collect_strings(const File& f, TSNode n, std::vector<std::string>& out) {
    n = unwrap(n);
    if (auto s = str_lit(f, n)) {
        out.push_back(*s);
        return;
    }
    const auto t = sx::type(n);
    if (t == "list" || t == "tuple" || t == "set" || t == "array") {
        for (TSNode c : named_children(n)) collect_strings(f, c, out);
    } else if (t == "binary_operator") {  // BASE + ["x"]
        collect_strings(f, field(n, "left"), out);
        collect_strings(f, field(n, "right"), out);
    }
}

}  // namespace

PySettings python_settings(const ProbeContext& ctx) {
    PySettings out;
    for (const auto* f : files_with(ctx, {"sec.web-pysettings"})) {
        if (!is_py(*f) || !f->tree) continue;
        sx::walk(sx::root(*f), [&](TSNode n) {
            const auto t = sx::type(n);
            if (t == "function_definition") {
                // Settings live at module or class level; app.config[...] may sit in a create_app() factory.
                return true;
            }
            if (t == "assignment" || t == "augmented_assignment") {
                TSNode left = field(n, "left");
                TSNode right = field(n, "right");
                if (is(left, "identifier") && upper_name(sx::text(*f, left))) {
                    if (ts_node_is_null(sx::enclosing_function(n)))
                        out[std::string(sx::text(*f, left))].push_back({f, right, ts_node_start_byte(n)});
                } else if (is(left, "subscript")) {  // app.config["X"] = v
                    auto obj = sx::text(*f, field(left, "value"));
                    auto key = str_lit(*f, field(left, "subscript"));
                    if (key && upper_name(*key) && str::ends_with(obj, "config"))
                        out[*key].push_back({f, right, ts_node_start_byte(n)});
                } else if (is(left, "attribute")) {  // app.config.X = v? (rare) / settings.X = v
                    auto attr = sx::text(*f, field(left, "attribute"));
                    if (upper_name(attr) && str::ends_with(sx::text(*f, field(left, "object")), "config"))
                        out[std::string(attr)].push_back({f, right, ts_node_start_byte(n)});
                }
                return true;
            }
            if (t == "call") {
                std::string callee(sx::text(*f, field(n, "function")));
                TSNode args = field(n, "arguments");
                if (str::ends_with(callee, "config.update") || str::ends_with(callee, "config.from_mapping") ||
                    str::ends_with(callee, "config.setdefault")) {
                    auto list = named_children(args);
                    if (str::ends_with(callee, "setdefault")) {
                        if (list.size() == 2)
                            if (auto k = str_lit(*f, list[0]); k && upper_name(*k))
                                out[*k].push_back({f, list[1], ts_node_start_byte(n)});
                        return true;
                    }
                    for (TSNode a : list) {
                        if (is(a, "keyword_argument")) {
                            auto k = sx::text(*f, field(a, "name"));
                            if (upper_name(k)) out[std::string(k)].push_back({f, field(a, "value"), ts_node_start_byte(a)});
                        } else if (is(a, "dictionary")) {
                            for (auto& [k, v] : entries(*f, a))
                                if (upper_name(k)) out[k].push_back({f, v, ts_node_start_byte(v)});
                        }
                    }
                } else if (callee == "MIDDLEWARE.append" || callee == "MIDDLEWARE.insert" ||
                           callee == "INSTALLED_APPS.append" || callee == "INSTALLED_APPS.insert") {
                    auto list = named_children(args);
                    if (!list.empty())
                        out[callee.substr(0, callee.find('.'))].push_back({f, list.back(), ts_node_start_byte(n)});
                }
            }
            return true;
        });
    }
    return out;
}

std::vector<std::string> setting_strings(const PySettings& s, std::string_view key) {
    std::vector<std::string> out;
    auto it = s.find(key);
    if (it == s.end()) return out;
    for (const auto& a : it->second) collect_strings(*a.file, a.value, out);
    return out;
}

std::optional<Evidence> setting_evidence(const PySettings& s, std::string_view key, std::string note) {
    auto it = s.find(key);
    if (it == s.end() || it->second.empty()) return std::nullopt;
    const auto& a = it->second.front();
    return a.file->evidence_at(a.offset, std::move(note));
}

bool is_django(const ProbeContext& ctx, const PySettings& s) {
    if (ctx.svc().frameworks.count("django")) return true;
    return s.count("MIDDLEWARE") && (s.count("INSTALLED_APPS") || s.count("ROOT_URLCONF"));
}

// ---- response headers ------------------------------------------------------------------

Evidence HeaderSite::evidence() const {
    if (!file) return {};
    Evidence e = line ? file->evidence_line(line, how) : file->evidence_at(offset, how);
    return e;
}

bool is_nginx_conf(const File& f) {
    if (!f.kept) return false;
    if (f.lang == Language::nginx) return true;
    return f.lang == Language::ini && str::contains(f.path, "nginx") && str::ends_with(f.path, ".conf");
}

std::vector<NginxDirective> nginx_directives(const File& f) {
    std::vector<NginxDirective> out;
    const std::string& s = f.text;
    NginxDirective cur;
    std::string word;
    bool in_word = false;
    std::uint32_t word_start = 0;
    auto flush_word = [&]() {
        if (!in_word) return;
        if (cur.name.empty()) {
            cur.name = word;
            cur.offset = word_start;
            cur.line = f.lines.at(word_start).line;
        } else {
            cur.args.push_back(word);
        }
        word.clear();
        in_word = false;
    };
    auto end_directive = [&]() {
        flush_word();
        if (!cur.name.empty()) out.push_back(std::move(cur));
        cur = NginxDirective{};
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '#') {
            flush_word();
            while (i < s.size() && s[i] != '\n') ++i;
            continue;
        }
        if (c == '"' || c == '\'') {
            if (!in_word) {
                in_word = true;
                word_start = static_cast<std::uint32_t>(i);
            }
            char q = c;
            for (++i; i < s.size() && s[i] != q; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                word += s[i];
            }
            continue;
        }
        if (c == ';' || c == '{' || c == '}') {
            end_directive();
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            flush_word();
            continue;
        }
        if (!in_word) {
            in_word = true;
            word_start = static_cast<std::uint32_t>(i);
        }
        word += c;
    }
    end_directive();
    return out;
}

namespace {

bool wanted(const std::set<std::string, std::less<>>& names, std::string_view name) {
    return names.count(str::lower(name)) > 0;
}

// The function named `headers` in a next.config file (method or property holding a function).
TSNode next_headers_fn(const File& f) {
    TSNode found{};
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        const auto t = sx::type(n);
        if (t == "method_definition" && sx::text(f, field(n, "name")) == "headers") found = n;
        else if (t == "pair" && key_text(f, field(n, "key")) == "headers") {
            TSNode v = unwrap(field(n, "value"));
            const auto vt = sx::type(v);
            if (vt == "arrow_function" || vt == "function_expression" || vt == "function") found = v;
        }
        return ts_node_is_null(found);
    });
    return found;
}

// { key: 'X', value: 'Y' } objects reachable from `scope`, following same-file identifiers.
void next_header_objects(const File& f, TSNode scope, int depth, std::set<std::uint32_t>& seen,
                         std::vector<TSNode>& out) {
    if (depth > 4 || ts_node_is_null(scope) || !seen.insert(ts_node_start_byte(scope)).second) return;
    sx::walk(scope, [&](TSNode n) {
        const auto t = sx::type(n);
        if (t == "object") {
            TSNode k = js_prop(f, n, "key");
            TSNode v = js_prop(f, n, "value");
            if (!ts_node_is_null(k) && !ts_node_is_null(v)) {
                out.push_back(n);
                return false;
            }
        }
        if (t == "identifier") {
            TSNode r = resolve_identifier(f, n);
            if (!ts_node_is_null(r)) next_header_objects(f, r, depth + 1, seen, out);
        }
        return true;
    });
}

void code_header_sites(const ProbeContext& ctx, const File& f, const std::set<std::string, std::less<>>& names,
                       std::vector<HeaderSite>& out) {
    auto add = [&](TSNode at, std::string name, TSNode value, std::string how) {
        HeaderSite h;
        h.file = &f;
        h.offset = ts_node_start_byte(at);
        h.name = str::lower(name);
        h.value_node = unwrap(value);
        h.value = str_lit(f, value);
        if (!h.value) {
            TSNode r = resolved(f, value);
            if (!ts_node_is_null(r)) {
                h.value = str_lit(f, r);
                if (h.value) h.value_node = r;
            }
        }
        h.route_only = in_route_handler(ctx, f, h.offset);
        h.how = std::move(how);
        out.push_back(std::move(h));
    };
    if (is_next_config(f)) {
        TSNode fn = next_headers_fn(f);
        std::vector<TSNode> objs;
        std::set<std::uint32_t> seen;
        next_header_objects(f, fn, 0, seen, objs);
        for (TSNode o : objs) {
            auto k = str_lit(f, js_prop(f, o, "key"));
            if (k && wanted(names, *k)) add(o, *k, js_prop(f, o, "value"), f.path + " headers()");
        }
        return;
    }
    static constexpr std::array<std::string_view, 10> k_setters{"set", "setHeader", "header", "append", "Set",
                                                                "Add", "Header", "set_header", "add_header", "setdefault"};
    sx::walk(sx::root(f), [&](TSNode n) {
        const auto t = sx::type(n);
        if (t == "call_expression" || t == "call") {
            TSNode fn = field(n, "function");
            std::string_view name;
            if (is(fn, "member_expression")) name = sx::text(f, field(fn, "property"));
            else if (is(fn, "selector_expression")) name = sx::text(f, field(fn, "field"));
            else if (is(fn, "attribute")) name = sx::text(f, field(fn, "attribute"));
            if (std::find(k_setters.begin(), k_setters.end(), name) != k_setters.end()) {
                auto args = named_children(field(n, "arguments"));
                if (args.size() >= 2)
                    if (auto k = str_lit(f, args[0]); k && wanted(names, *k))
                        add(n, *k, args[1], std::string(sx::text(f, fn)));
            }
            return true;
        }
        if (t == "pair" || t == "keyed_element") {
            TSNode k = field(n, "key");
            TSNode v = field(n, "value");
            if (auto key = str_lit(f, k); key && wanted(names, *key)) add(n, *key, v, "header map entry");
            return true;
        }
        if (t == "assignment" && is(field(n, "left"), "subscript")) {  // response["X-Frame-Options"] = "DENY"
            TSNode left = field(n, "left");
            if (auto key = str_lit(f, field(left, "subscript")); key && wanted(names, *key))
                add(n, *key, field(n, "right"), std::string(sx::text(f, field(left, "value"))) + "[...] =");
            return true;
        }
        if (t == "assignment_expression" && is(field(n, "left"), "subscript_expression")) {
            TSNode left = field(n, "left");
            if (auto key = str_lit(f, field(left, "index")); key && wanted(names, *key))
                add(n, *key, field(n, "right"), std::string(sx::text(f, field(left, "object"))) + "[...] =");
            return true;
        }
        return true;
    });
}

void nginx_text_sites(const File& f, std::string_view text, std::uint32_t base, std::size_t line_override,
                      const std::set<std::string, std::less<>>& names, std::string how, std::vector<HeaderSite>& out) {
    File tmp;  // a view for the parser: only text and lines are used
    tmp.text = std::string(text);
    tmp.lines = str::LineIndex(tmp.text);
    for (const auto& d : nginx_directives(tmp)) {
        std::string name, value;
        if (d.name == "add_header" && d.args.size() >= 2) {
            name = d.args[0];
            value = d.args[1];
        } else if (d.name == "more_set_headers" && !d.args.empty()) {  // "Name: value"
            auto colon = d.args[0].find(':');
            if (colon == std::string::npos) continue;
            name = std::string(str::trim(std::string_view(d.args[0]).substr(0, colon)));
            value = std::string(str::trim(std::string_view(d.args[0]).substr(colon + 1)));
        } else {
            continue;
        }
        if (!wanted(names, name)) continue;
        HeaderSite h;
        h.file = &f;
        h.offset = base + d.offset;
        h.line = line_override ? line_override : f.lines.at(base + d.offset).line;
        h.name = str::lower(name);
        h.value = value;
        h.how = how;
        out.push_back(std::move(h));
    }
}

}  // namespace

std::vector<HeaderSite> header_sites(const ProbeContext& ctx, const std::set<std::string, std::less<>>& names,
                                     std::initializer_list<std::string_view> signatures) {
    std::vector<HeaderSite> out;
    for (const auto* f : files_with(ctx, signatures)) {
        if (f->tree) {
            code_header_sites(ctx, *f, names, out);
        } else if (is_nginx_conf(*f)) {
            nginx_text_sites(*f, f->text, 0, 0, names, "nginx add_header", out);
        } else if (f->json && str::ends_with(f->path, "vercel.json")) {
            const auto& j = *f->json;
            if (!j.contains("headers") || !j["headers"].is_array()) continue;
            for (const auto& rule : j["headers"]) {
                if (!rule.is_object() || !rule.contains("headers") || !rule["headers"].is_array()) continue;
                for (const auto& h : rule["headers"]) {
                    if (!h.is_object() || !h.contains("key") || !h["key"].is_string()) continue;
                    auto key = h["key"].get<std::string>();
                    if (!wanted(names, key)) continue;
                    HeaderSite s;
                    s.file = f;
                    s.name = str::lower(key);
                    if (h.contains("value") && h["value"].is_string()) s.value = h["value"].get<std::string>();
                    s.line = line_of(*f, "\"" + key + "\"");
                    if (!s.line) s.line = 1;
                    s.how = "vercel.json headers";
                    out.push_back(std::move(s));
                }
            }
        } else if (f->lang == Language::toml && str::ends_with(f->path, "netlify.toml")) {
            std::size_t line_no = 0;
            for (auto raw : str::split(f->text, '\n')) {
                ++line_no;
                auto line = str::trim(raw);
                auto eq = line.find('=');
                if (eq == std::string_view::npos) continue;
                auto key = str::trim(line.substr(0, eq));
                if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
                if (!wanted(names, key)) continue;
                auto value = str::trim(line.substr(eq + 1));
                if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
                HeaderSite s;
                s.file = f;
                s.line = line_no;
                s.name = str::lower(key);
                s.value = std::string(value);
                s.how = "netlify.toml headers";
                out.push_back(std::move(s));
            }
        } else if (!f->yaml.empty()) {
            // ingress-nginx configuration snippets.
            for (const auto& d : f->yaml) {
                if (!d.IsMap() || !d["metadata"] || !d["metadata"]["annotations"] || !d["metadata"]["annotations"].IsMap())
                    continue;
                for (const auto& kv : d["metadata"]["annotations"]) {
                    auto key = kv.first.as<std::string>();
                    if (!str::ends_with(key, "configuration-snippet") && !str::ends_with(key, "server-snippet")) continue;
                    if (!kv.second.IsScalar()) continue;
                    auto line = line_of(*f, key);
                    nginx_text_sites(*f, kv.second.as<std::string>(), 0, line ? line : 1, names,
                                     "ingress-nginx " + key, out);
                }
            }
        }
    }
    return out;
}

// ---- cookies ---------------------------------------------------------------------------

std::string_view to_string(Flag f) {
    switch (f) {
        case Flag::on: return "on";
        case Flag::off: return "off";
        case Flag::unset: return "unset";
        case Flag::unknown: return "unknown";
    }
    return "unknown";
}

bool session_like_name(std::string_view name) {
    auto n = str::lower(name);
    for (std::string_view w : {"session", "token", "auth", "jwt", "refresh", "login", "remember", "connect.sid"})
        if (str::contains(n, w)) return true;
    if (n == "sid" || str::ends_with(n, "_sid") || str::ends_with(n, ".sid") || str::ends_with(n, "-sid") ||
        str::starts_with(n, "sid_") || str::starts_with(n, "sid-") || str::ends_with(n, "sessid"))
        return true;
    return false;
}

Evidence CookieSite::evidence() const {
    if (!file) return {};
    return line ? file->evidence_line(line, how) : file->evidence_at(offset, how);
}

namespace {

// A JS/Go boolean-ish option value.
Flag flag_of(const File& f, TSNode v, std::string& note) {
    v = unwrap(v);
    if (ts_node_is_null(v)) return Flag::unset;
    if (auto b = bool_lit(f, v)) return *b ? Flag::on : Flag::off;
    if (auto s = str_lit(f, v)) return *s == "auto" ? Flag::on : Flag::unknown;  // express-session secure: 'auto'
    TSNode r = resolved(f, v);
    if (!ts_node_is_null(r) && !ts_node_eq(r, v)) {
        if (auto b = bool_lit(f, r)) return *b ? Flag::on : Flag::off;
    }
    if (production_tied(f, v)) {
        note = fmt::format("flag tied to the environment ({})", str::clip(sx::text(f, v), 60));
        return Flag::on;
    }
    return Flag::unknown;
}

// SameSite from a JS/Python/Go value.
Flag same_site_of(const File& f, TSNode v, std::string& value) {
    v = unwrap(v);
    if (ts_node_is_null(v)) return Flag::unset;
    if (auto b = bool_lit(f, v)) {
        value = *b ? "strict" : "";
        return *b ? Flag::on : Flag::off;
    }
    if (is(v, "none") || sx::text(f, v) == "None" || sx::text(f, v) == "null" || sx::text(f, v) == "undefined")
        return Flag::off;
    std::optional<std::string> s = str_lit(f, v);
    if (!s) {
        TSNode r = resolved(f, v);
        if (!ts_node_is_null(r)) s = str_lit(f, r);
    }
    std::string text = s ? str::lower(*s) : str::lower(sx::text(f, v));
    if (str::contains(text, "lax")) value = "lax";
    else if (str::contains(text, "strict")) value = "strict";
    else if (str::contains(text, "none")) value = "none";
    else if (str::contains(text, "default")) return Flag::off;  // http.SameSiteDefaultMode writes no attribute
    if (value.empty()) return Flag::unknown;
    return Flag::on;
}

void finish(CookieSite& c) {
    if (c.same_site == Flag::on && c.same_site_value == "none" && c.secure != Flag::on) c.same_site = Flag::off;
}

// Attributes of a Set-Cookie string: "name=value; Path=/; HttpOnly; Secure; SameSite=Lax".
void parse_set_cookie(std::string_view text, CookieSite& c) {
    auto parts = str::split(text, ';');
    if (!parts.empty()) {
        auto first = str::trim(parts[0]);
        auto eq = first.find('=');
        if (eq != std::string_view::npos && first.find("${") == std::string_view::npos) c.name = std::string(first.substr(0, eq));
        else if (eq != std::string_view::npos) c.name = std::string(first.substr(0, std::min(eq, first.find("${"))));
    }
    c.http_only = c.secure = c.same_site = Flag::unset;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        auto p = str::lower(str::trim(parts[i]));
        if (p == "httponly") c.http_only = Flag::on;
        else if (p == "secure") c.secure = Flag::on;
        else if (str::starts_with(p, "samesite=")) {
            c.same_site_value = std::string(str::trim(std::string_view(p).substr(9)));
            c.same_site = (c.same_site_value == "lax" || c.same_site_value == "strict" || c.same_site_value == "none")
                              ? Flag::on
                              : Flag::unknown;
        }
    }
}

CookieSite site(const File* f, std::uint32_t offset, std::size_t line = 0) {
    CookieSite s;
    s.file = f;
    s.offset = offset;
    s.line = line;
    return s;
}

struct CookieScan {
    CookieScan(const ProbeContext& c, CookieReport& r) : ctx(c), rep(r) {}
    const ProbeContext& ctx;
    CookieReport& rep;
    bool starlette = false;

    void add(CookieSite c) {
        finish(c);
        rep.sites.push_back(std::move(c));
    }

    void session_at(Evidence e) {
        rep.cookie_session = true;
        if (rep.session_evidence.size() < 5) rep.session_evidence.push_back(std::move(e));
    }

    // JS options object: httpOnly / secure / sameSite.
    void js_options(const File& f, TSNode opts, CookieSite& c, Flag http_default, Flag secure_default) {
        opts = resolved(f, opts);
        c.http_only = http_default;
        c.secure = secure_default;
        c.same_site = Flag::unset;
        if (ts_node_is_null(opts)) return;
        if (!is(opts, "object")) {
            c.http_only = c.secure = c.same_site = Flag::unknown;
            c.note = "cookie options not a literal object";
            return;
        }
        bool spread = false;
        for (TSNode ch : named_children(opts))
            if (is(ch, "spread_element")) spread = true;
        std::string note;
        TSNode h = js_prop(f, opts, "httpOnly");
        if (!ts_node_is_null(h)) c.http_only = flag_of(f, h, note);
        TSNode s = js_prop(f, opts, "secure");
        if (!ts_node_is_null(s)) c.secure = flag_of(f, s, note);
        TSNode ss = js_prop(f, opts, "sameSite");
        if (!ts_node_is_null(ss)) c.same_site = same_site_of(f, ss, c.same_site_value);
        if (spread) {  // ...cookieDefaults: flags may come from elsewhere
            if (c.http_only == Flag::unset) c.http_only = Flag::unknown;
            if (c.secure == Flag::unset) c.secure = Flag::unknown;
            if (c.same_site == Flag::unset) c.same_site = Flag::unknown;
        }
        if (!note.empty()) c.note = note;
    }

    std::string name_of(const File& f, TSNode n, bool& session) {
        n = unwrap(n);
        if (auto s = str_lit(f, n)) {
            session = session_like_name(*s);
            return *s;
        }
        TSNode r = resolved(f, n);
        if (auto s = str_lit(f, r)) {
            session = session_like_name(*s);
            return *s;
        }
        session = session_like_name(sx::text(f, n));
        return {};
    }

    void js_file(const File& f, const Bindings& b) {
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto args = sx::call_args(c);
            const Binding* bind = binding_of(b, c.callee);
            const std::string mod = bind ? bind->module : std::string();
            // express-session / cookie-session / koa-session
            if (mod == "express-session" && c.callee.find('.') == std::string::npos) {
                CookieSite s = site(&f, ts_node_start_byte(c.node));
                s.how = "express-session";
                s.session = true;
                TSNode opts = args.empty() ? TSNode{} : resolved(f, args[0]);
                TSNode name = is(opts, "object") ? js_prop(f, opts, "name") : TSNode{};
                bool dummy = false;
                s.name = ts_node_is_null(name) ? "connect.sid" : name_of(f, name, dummy);
                TSNode cookie = is(opts, "object") ? js_prop(f, opts, "cookie") : TSNode{};
                js_options(f, cookie, s, Flag::on, Flag::off);  // express-session: httpOnly true, secure false
                if (ts_node_is_null(cookie)) s.note = "express-session defaults: HttpOnly, not Secure, no SameSite";
                session_at(node_evidence(f, c.node, "express-session"));
                add(std::move(s));
                continue;
            }
            if ((mod == "cookie-session" || mod == "koa-session") && c.callee.find('.') == std::string::npos) {
                CookieSite s = site(&f, ts_node_start_byte(c.node));
                s.how = mod;
                s.session = true;
                TSNode opts = args.empty() ? TSNode{} : resolved(f, args[0]);
                TSNode name = is(opts, "object") ? js_prop(f, opts, "name") : TSNode{};
                if (mod == "koa-session" && is(opts, "object")) name = js_prop(f, opts, "key");
                bool dummy = false;
                s.name = ts_node_is_null(name) ? (mod == "koa-session" ? "koa.sess" : "session") : name_of(f, name, dummy);
                js_options(f, opts, s, Flag::on, Flag::unset);
                session_at(node_evidence(f, c.node, mod));
                add(std::move(s));
                continue;
            }
            // fastify.register(fastifySession, { cookie: {...} })
            if (c.name == "register" && !args.empty()) {
                const Binding* pb = binding_of(b, sx::text(f, args[0]));
                if (pb && (pb->module == "@fastify/session" || pb->module == "@fastify/secure-session")) {
                    CookieSite s = site(&f, ts_node_start_byte(c.node));
                    s.how = pb->module;
                    s.session = true;
                    TSNode opts = args.size() > 1 ? resolved(f, args[1]) : TSNode{};
                    TSNode name = is(opts, "object") ? js_prop(f, opts, "cookieName") : TSNode{};
                    bool dummy = false;
                    s.name = ts_node_is_null(name) ? "sessionId" : name_of(f, name, dummy);
                    TSNode cookie = is(opts, "object") ? js_prop(f, opts, "cookie") : TSNode{};
                    const bool fs = pb->module == "@fastify/session";
                    js_options(f, cookie, s, Flag::on, fs ? Flag::on : Flag::unset);
                    session_at(node_evidence(f, c.node, pb->module));
                    add(std::move(s));
                    continue;
                }
            }
            // res.cookie(name, value, opts) / reply.setCookie / cookies().set / ctx.cookies.set / serialize / setCookie(c, ...)
            bool express_cookie = c.name == "cookie" && c.callee.find('.') != std::string::npos && args.size() >= 2 &&
                                  !str::contains(c.callee, "cookies");
            bool set_cookie = c.name == "setCookie" && args.size() >= 2;
            bool cookies_set = c.name == "set" && (str::ends_with(c.callee, "cookies.set") ||
                                                   str::ends_with(c.callee, "cookies().set") ||
                                                   str::ends_with(c.callee, "cookieStore.set"));
            bool serialize = (c.name == "serialize" && (mod == "cookie" || str::starts_with(c.callee, "cookie."))) ||
                             (mod == "cookie" && bind && bind->name == "serialize");
            if (!express_cookie && !set_cookie && !cookies_set && !serialize) continue;
            std::size_t first = 0;
            if (set_cookie && args.size() >= 3 && !str_lit(f, args[0]) && (mod == "hono/cookie" || str_lit(f, args[1])))
                first = 1;  // hono setCookie(c, name, value, opts)
            CookieSite s = site(&f, ts_node_start_byte(c.node));
            s.how = c.callee;
            if (cookies_set && args.size() == 1 && is(unwrap(args[0]), "object")) {  // cookies().set({ name, value, ... })
                TSNode o = unwrap(args[0]);
                s.name = name_of(f, js_prop(f, o, "name"), s.session);
                js_options(f, o, s, Flag::unset, Flag::unset);
            } else {
                if (args.size() <= first) continue;
                s.name = name_of(f, args[first], s.session);
                if (s.name.empty() && args.size() > first + 1) s.session = s.session || session_like_name(sx::text(f, args[first + 1]));
                TSNode opts = args.size() > first + 2 ? args[first + 2] : TSNode{};
                // koa ctx.cookies.set defaults to httpOnly: true
                const bool koa = str::contains(c.callee, "ctx.cookies") || str::contains(c.callee, "context.cookies");
                js_options(f, opts, s, koa ? Flag::on : Flag::unset, Flag::unset);
            }
            add(std::move(s));
        }
        // Set-Cookie header strings.
        static const std::set<std::string, std::less<>> k_set_cookie{"set-cookie"};
        std::vector<HeaderSite> hs;
        code_header_sites(ctx, f, k_set_cookie, hs);
        for (const auto& h : hs) header_cookie(f, h);
        auth_reads(f);
    }

    void header_cookie(const File& f, const HeaderSite& h) {
        CookieSite s = site(&f, h.offset, h.line);
        s.how = "Set-Cookie header";
        std::string text;
        if (h.value) text = *h.value;
        else if (is(h.value_node, "template_string")) text = std::string(sx::text(f, h.value_node));
        else if (is(h.value_node, "string")) text = std::string(sx::text(f, h.value_node));  // f-string
        else if (is(h.value_node, "call_expression") || is(h.value_node, "call")) return;   // serialize(...) handled as a call
        if (text.empty()) {
            s.http_only = s.secure = s.same_site = Flag::unknown;
            s.note = "Set-Cookie value built elsewhere";
        } else {
            if (!h.value && text.size() >= 2) text = text.substr(1, text.size() - 2);
            parse_set_cookie(text, s);
        }
        s.session = session_like_name(s.name.empty() ? text : s.name);
        add(std::move(s));
    }

    void auth_reads(const File& f) {
        sx::walk(sx::root(f), [&](TSNode n) {
            const auto t = sx::type(n);
            std::optional<std::string> name;
            if (t == "member_expression") {
                auto obj = sx::text(f, field(n, "object"));
                if (str::ends_with(obj, "cookies") || str::ends_with(obj, "signedCookies"))
                    name = std::string(sx::text(f, field(n, "property")));
            } else if (t == "subscript_expression" || t == "subscript") {
                auto obj = sx::text(f, field(n, t == "subscript" ? "value" : "object"));
                if (str::ends_with(obj, "cookies") || str::ends_with(obj, "COOKIES"))
                    name = str_lit(f, field(n, t == "subscript" ? "subscript" : "index"));
            } else if (t == "call_expression" || t == "call") {
                std::string callee(sx::text(f, field(n, "function")));
                auto args = named_children(field(n, "arguments"));
                if (!args.empty() && (str::ends_with(callee, "cookies.get") || str::ends_with(callee, "cookies().get") ||
                                      str::ends_with(callee, "COOKIES.get") || str::ends_with(callee, ".Cookie") ||
                                      str::ends_with(callee, "getCookie")))
                    name = str_lit(f, args.back());
                if (name && str::ends_with(callee, "getCookie") && args.size() >= 2) name = str_lit(f, args[1]);
            }
            if (name && session_like_name(*name)) {
                rep.auth_cookie_read = true;
                if (rep.auth_cookie_reads.size() < 5)
                    rep.auth_cookie_reads.push_back(node_evidence(f, n, fmt::format("reads the '{}' cookie", *name)));
            }
            return true;
        });
    }

    void go_file(const File& f, const Bindings& b) {
        (void)b;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> same_site_calls;  // gin c.SetSameSite(...) function ranges
        for (const auto& c : sx::calls(f, sx::root(f))) {
            auto args = sx::call_args(c);
            if (c.name == "SetCookie" && args.size() == 7) {  // gin c.SetCookie(name, value, maxAge, path, domain, secure, httpOnly)
                CookieSite s = site(&f, ts_node_start_byte(c.node));
                s.how = c.callee;
                s.name = name_of(f, args[0], s.session);
                std::string note;
                s.secure = flag_of(f, args[5], note);
                s.http_only = flag_of(f, args[6], note);
                if (!note.empty()) s.note = note;
                s.same_site = Flag::unset;
                TSNode fn = sx::enclosing_function(c.node);
                if (!ts_node_is_null(fn))
                    for (const auto& o : sx::calls(f, fn))
                        if (o.name == "SetSameSite" && ts_node_start_byte(o.node) < ts_node_start_byte(c.node)) {
                            auto a = sx::call_args(o);
                            if (!a.empty()) s.same_site = same_site_of(f, a[0], s.same_site_value);
                        }
                add(std::move(s));
            }
            if ((c.callee == "sessions.NewCookieStore" || c.callee == "sessions.NewFilesystemStore") ||
                (str::ends_with(c.callee, ".NewStore") && str::contains(c.callee, "cookie")))
                session_at(node_evidence(f, c.node, "cookie session store"));
        }
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "composite_literal")) return true;
            auto type = sx::text(f, field(n, "type"));
            const bool cookie = type == "http.Cookie" || type == "Cookie";
            const bool gorilla = type == "sessions.Options";
            if (!cookie && !gorilla) return true;
            CookieSite s = site(&f, ts_node_start_byte(n));
            s.how = std::string(type);
            if (cookie) s.name = name_of(f, go_key(f, n, "Name"), s.session);
            else {
                s.session = true;
                s.name = "gorilla session";
            }
            std::string note;
            TSNode h = go_key(f, n, "HttpOnly");
            s.http_only = ts_node_is_null(h) ? Flag::unset : flag_of(f, h, note);
            TSNode sec = go_key(f, n, "Secure");
            s.secure = ts_node_is_null(sec) ? Flag::unset : flag_of(f, sec, note);
            TSNode ss = go_key(f, n, "SameSite");
            s.same_site = ts_node_is_null(ss) ? Flag::unset : same_site_of(f, ss, s.same_site_value);
            if (!note.empty()) s.note = note;
            add(std::move(s));
            return true;
        });
        static const std::set<std::string, std::less<>> k_set_cookie{"set-cookie"};
        std::vector<HeaderSite> hs;
        code_header_sites(ctx, f, k_set_cookie, hs);
        for (const auto& h : hs) header_cookie(f, h);
        auth_reads(f);
    }

    void py_file(const File& f, const Bindings& b) {
        for (const auto& c : sx::calls(f, sx::root(f))) {
            if (c.name == "set_cookie") {
                auto args = sx::call_args(c);
                CookieSite s = site(&f, ts_node_start_byte(c.node));
                s.how = c.callee;
                TSNode key = py_kwarg(f, c.arguments, "key");
                if (ts_node_is_null(key) && !args.empty() && !is(args[0], "keyword_argument")) key = args[0];
                s.name = name_of(f, key, s.session);
                std::string note;
                TSNode h = py_kwarg(f, c.arguments, "httponly");
                s.http_only = ts_node_is_null(h) ? Flag::unset : flag_of(f, h, note);
                TSNode sec = py_kwarg(f, c.arguments, "secure");
                s.secure = ts_node_is_null(sec) ? Flag::unset : flag_of(f, sec, note);
                TSNode ss = py_kwarg(f, c.arguments, "samesite");
                if (ts_node_is_null(ss)) {
                    if (starlette) {  // Starlette's set_cookie defaults to samesite="lax"
                        s.same_site = Flag::on;
                        s.same_site_value = "lax";
                        s.defaults = true;
                        note = "Starlette's set_cookie defaults to SameSite=Lax";
                    }
                } else {
                    s.same_site = same_site_of(f, ss, s.same_site_value);
                }
                if (!note.empty()) s.note = note;
                add(std::move(s));
            }
            // Starlette SessionMiddleware: HttpOnly always, SameSite lax by default, Secure only with https_only=True.
            if (c.name == "add_middleware" || c.callee == "Middleware") {
                auto args = sx::call_args(c);
                if (args.empty() || sx::text(f, args[0]) != "SessionMiddleware") continue;
                CookieSite s = site(&f, ts_node_start_byte(c.node));
                s.how = "SessionMiddleware";
                s.session = true;
                TSNode name = py_kwarg(f, c.arguments, "session_cookie");
                bool dummy = false;
                s.name = ts_node_is_null(name) ? "session" : name_of(f, name, dummy);
                s.http_only = Flag::on;
                std::string note;
                TSNode https = py_kwarg(f, c.arguments, "https_only");
                s.secure = ts_node_is_null(https) ? Flag::unset : flag_of(f, https, note);
                TSNode ss = py_kwarg(f, c.arguments, "same_site");
                if (ts_node_is_null(ss)) {
                    s.same_site = Flag::on;
                    s.same_site_value = "lax";
                } else {
                    s.same_site = same_site_of(f, ss, s.same_site_value);
                }
                s.defaults = ts_node_is_null(ss);
                s.note = note.empty() ? (ts_node_is_null(ss) ? "HttpOnly always, SameSite=lax by default" : "HttpOnly always") : note;
                session_at(node_evidence(f, c.node, "Starlette SessionMiddleware"));
                add(std::move(s));
            }
        }
        for (auto& [local, bind] : b) {
            if ((bind.module == "flask" && bind.name == "session") || module_is(bind.module, {"flask_login"}) ||
                bind.module == "flask_session") {
                auto line = line_of(f, "import");
                session_at(f.evidence_line(line ? line : 1, "Flask session / Flask-Login"));
                flask_session = true;
                if (!flask_at) flask_at = f.evidence_line(line ? line : 1, "Flask session cookie");
            }
            if (module_is(bind.module, {"flask_talisman"}) || bind.module == "talisman") talisman_file = &f;
        }
        auth_reads(f);
    }

    bool flask_session = false;
    std::optional<Evidence> flask_at;
    const File* talisman_file = nullptr;
};

Flag py_setting_flag(const PySettings& s, std::string_view key, Flag def, std::string& where_note, const PySetting** at) {
    auto it = s.find(key);
    if (it == s.end() || it->second.empty()) return def;
    Flag best = Flag::unset;
    for (const auto& a : it->second) {
        std::string note;
        Flag fl = flag_of(*a.file, a.value, note);
        if (!note.empty()) where_note = note;
        // Any assignment to True (e.g. in production settings) wins; otherwise the last one decides.
        if (fl == Flag::on) {
            *at = &a;
            return Flag::on;
        }
        best = fl;
        *at = &a;
    }
    return best;
}

}  // namespace

CookieReport cookie_report(const ProbeContext& ctx) {
    CookieReport rep;
    bool next_auth_options_seen = false;
    CookieScan scan{ctx, rep};
    scan.starlette = ctx.svc().frameworks.count("fastapi") || ctx.svc().frameworks.count("starlette");
    for (const auto* f : files_with(ctx, {"sec.web-cookie"})) {
        if (!f->tree) continue;
        auto b = bindings(*f);
        if (is_js(*f)) scan.js_file(*f, b);
        else if (is_go(*f)) scan.go_file(*f, b);
        else if (is_py(*f)) scan.py_file(*f, b);
        // NextAuth / Auth.js
        if (is_js(*f)) {
            bool imports_next_auth = false;
            for (auto& [local, bind] : b) {
                if (!(module_is(bind.module, {"next-auth"}) || str::starts_with(bind.module, "@auth/"))) continue;
                if (!rep.next_auth_at) {
                    auto line = line_of(*f, bind.module);
                    rep.next_auth_at = f->evidence_line(line ? line : 1, "NextAuth / Auth.js session cookies");
                }
                rep.next_auth = true;
                imports_next_auth = true;
            }
            // The NextAuth options object (providers: [...]) is the best place to point at; explicit cookie
            // overrides there: useSecureCookies: false, cookies: { sessionToken: { options } }.
            if (imports_next_auth) {
                sx::walk(sx::root(*f), [&](TSNode n) {
                    if (!is(n, "object") || ts_node_is_null(js_prop(*f, n, "providers"))) return true;
                    if (!next_auth_options_seen) {
                        next_auth_options_seen = true;
                        rep.next_auth_at = node_evidence(*f, n, "NextAuth options: session cookies with NextAuth's defaults");
                    }
                    TSNode use_secure = js_prop(*f, n, "useSecureCookies");
                    TSNode cookies = js_prop(*f, n, "cookies");
                    if (ts_node_is_null(use_secure) && ts_node_is_null(cookies)) return false;
                    CookieSite s = site(f, ts_node_start_byte(n));
                    s.how = "NextAuth options";
                    s.session = true;
                    s.name = "next-auth.session-token";
                    s.http_only = Flag::on;
                    s.same_site = Flag::on;
                    s.same_site_value = "lax";
                    s.secure = Flag::on;
                    s.defaults = true;
                    std::string note;
                    if (!ts_node_is_null(use_secure)) {
                        s.offset = ts_node_start_byte(use_secure);
                        s.secure = flag_of(*f, use_secure, note);
                    }
                    TSNode st = ts_node_is_null(cookies) ? TSNode{} : js_prop(*f, resolved(*f, cookies), "sessionToken");
                    TSNode opts = ts_node_is_null(st) ? TSNode{} : js_prop(*f, resolved(*f, st), "options");
                    if (!ts_node_is_null(opts)) {
                        s.offset = ts_node_start_byte(opts);
                        s.defaults = false;
                        scan.js_options(*f, opts, s, Flag::unset, Flag::unset);
                    }
                    s.note = note;
                    scan.add(std::move(s));
                    return false;
                });
            }
        }
    }
    if (!rep.next_auth && (ctx.svc().providers.count("next-auth"))) {
        rep.next_auth = true;
        if (auto e = dependency_evidence(ctx, "next-auth")) rep.next_auth_at = *e;
    }
    if (rep.next_auth && rep.next_auth_at) scan.session_at(*rep.next_auth_at);

    // Django and Flask settings.
    auto settings = python_settings(ctx);
    std::vector<std::string> middleware = setting_strings(settings, "MIDDLEWARE");
    std::vector<std::string> apps = setting_strings(settings, "INSTALLED_APPS");
    auto has = [](const std::vector<std::string>& v, std::string_view s) {
        return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return str::ends_with(x, s); });
    };
    if (is_django(ctx, settings)) {
        const bool sessions = has(middleware, "SessionMiddleware") || has(apps, "django.contrib.sessions");
        const bool csrf = has(middleware, "CsrfViewMiddleware");
        auto settings_site = [&](std::string_view prefix, std::string name, bool session_cookie, Flag http_default,
                                 std::string same_default) {
            CookieSite s;
            s.how = std::string(prefix) + "* settings";
            s.name = std::move(name);
            s.session = session_cookie;
            s.defaults = true;
            std::string note;
            const PySetting* at = nullptr;
            s.secure = py_setting_flag(settings, std::string(prefix) + "SECURE", Flag::off, note, &at);
            const PySetting* where = at;
            at = nullptr;
            s.http_only = py_setting_flag(settings, std::string(prefix) + "HTTPONLY", http_default, note, &at);
            if (!where) where = at;
            auto it = settings.find(std::string(prefix) + "SAMESITE");
            if (it == settings.end() || it->second.empty()) {
                s.same_site = Flag::on;
                s.same_site_value = same_default;
            } else {
                const auto& a = it->second.back();
                s.same_site = same_site_of(*a.file, a.value, s.same_site_value);
                if (!where) where = &a;
            }
            s.note = note;
            if (where) {
                s.file = where->file;
                s.offset = where->offset;
            } else if (auto e = setting_evidence(settings, "MIDDLEWARE")) {
                const auto& a = settings.find("MIDDLEWARE")->second.front();
                s.file = a.file;
                s.offset = a.offset;
            }
            scan.add(std::move(s));
        };
        if (sessions) {
            settings_site("SESSION_COOKIE_", "sessionid", true, Flag::on, "lax");
            if (auto e = setting_evidence(settings, "MIDDLEWARE", "Django sessions")) scan.session_at(*e);
        }
        if (csrf && setting_strings(settings, "CSRF_USE_SESSIONS").empty()) {
            auto it = settings.find("CSRF_USE_SESSIONS");
            bool use_sessions = it != settings.end() && !it->second.empty() &&
                                bool_lit(*it->second.back().file, it->second.back().value).value_or(false);
            if (!use_sessions) settings_site("CSRF_COOKIE_", "csrftoken", false, Flag::off, "lax");
        }
    } else if (scan.flask_session || settings.count("SESSION_COOKIE_SECURE") || settings.count("SESSION_COOKIE_SAMESITE")) {
        if (scan.flask_session || ctx.svc().frameworks.count("flask")) {
            CookieSite s;
            s.how = "Flask SESSION_COOKIE_* settings";
            s.name = "session";
            s.session = true;
            s.defaults = true;
            std::string note;
            const PySetting* at = nullptr;
            Flag talisman_secure = Flag::unset, talisman_http = Flag::unset;
            if (scan.talisman_file) {  // Talisman sets SESSION_COOKIE_SECURE and HTTPONLY by default
                for (const auto& c : sx::calls(*scan.talisman_file, sx::root(*scan.talisman_file))) {
                    if (c.callee != "Talisman" && c.name != "Talisman") continue;
                    std::string n2;
                    TSNode sec = py_kwarg(*scan.talisman_file, c.arguments, "session_cookie_secure");
                    talisman_secure = ts_node_is_null(sec) ? Flag::on : flag_of(*scan.talisman_file, sec, n2);
                    TSNode ho = py_kwarg(*scan.talisman_file, c.arguments, "session_cookie_http_only");
                    talisman_http = ts_node_is_null(ho) ? Flag::on : flag_of(*scan.talisman_file, ho, n2);
                    if (!s.file) {
                        s.file = scan.talisman_file;
                        s.offset = ts_node_start_byte(c.node);
                    }
                }
            }
            s.secure = py_setting_flag(settings, "SESSION_COOKIE_SECURE", Flag::off, note, &at);
            if (at) {
                s.file = at->file;
                s.offset = at->offset;
            }
            if (s.secure != Flag::on && talisman_secure == Flag::on) {
                s.secure = Flag::on;
                note = "Flask-Talisman sets SESSION_COOKIE_SECURE";
            }
            at = nullptr;
            s.http_only = py_setting_flag(settings, "SESSION_COOKIE_HTTPONLY", Flag::on, note, &at);
            if (talisman_http == Flag::off) s.http_only = Flag::off;
            if (!s.file && at) {
                s.file = at->file;
                s.offset = at->offset;
            }
            auto it = settings.find("SESSION_COOKIE_SAMESITE");
            if (it == settings.end() || it->second.empty()) {
                s.same_site = Flag::unset;  // Flask: None
            } else {
                const auto& a = it->second.back();
                s.same_site = same_site_of(*a.file, a.value, s.same_site_value);
                if (!s.file) {
                    s.file = a.file;
                    s.offset = a.offset;
                }
            }
            s.note = note;
            if (!s.file && scan.flask_at) {
                s.file = ctx.model.file(scan.flask_at->path);
                s.line = scan.flask_at->line;
            }
            if (s.file) scan.add(std::move(s));
            if (scan.flask_at) scan.session_at(*scan.flask_at);
        }
    }
    return rep;
}

}  // namespace gonogo::checks::web
