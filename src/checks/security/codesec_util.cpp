// Shared syntax helpers of the code-security probes (see codesec_util.hpp):
// node navigation, literals and constants, assignments within a function,
// object/keyword arguments, and a per-run index of named functions.
#include "checks/security/codesec_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "util/strings.hpp"

namespace gonogo::checks::codesec {

using collect::Language;

std::string short_text(const File& f, TSNode n, std::size_t max) {
    std::string_view t = sx::text(f, n);
    auto nl = t.find('\n');
    if (nl != std::string_view::npos) t = t.substr(0, nl);
    return str::clip(str::trim(t), max);
}

bool inside(TSNode inner, TSNode outer) {
    if (ts_node_is_null(inner) || ts_node_is_null(outer)) return false;
    return ts_node_start_byte(inner) >= ts_node_start_byte(outer) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// ---- literals ----

bool is_literal(TSNode n) {
    n = unwrap(n);
    if (sx::is_string_literal(n)) return true;
    const std::string_view t = sx::type(n);
    return t == "number" || t == "int_literal" || t == "float_literal" || t == "integer" || t == "float" ||
           t == "true" || t == "false" || t == "null" || t == "none" || t == "undefined" || t == "nil";
}

bool is_false(const File& f, TSNode n) {
    n = unwrap(n);
    return is(n, "false") || (is(n, "identifier") && sx::text(f, n) == "False");
}
bool is_true(const File& f, TSNode n) {
    n = unwrap(n);
    return is(n, "true") || (is(n, "identifier") && sx::text(f, n) == "True");
}

namespace {

// a if c else b / c ? a : b whose branches are literals.
bool literal_choice(TSNode n) {
    n = unwrap(n);
    if (is_literal(n)) return true;
    const std::string_view t = sx::type(n);
    if (t == "conditional_expression") {  // Python: a if cond else b
        auto parts = named_children(n);
        return parts.size() == 3 && is_literal(parts[0]) && is_literal(parts[2]);
    }
    if (t == "ternary_expression") {
        auto parts = named_children(n);
        return parts.size() == 3 && is_literal(parts[1]) && is_literal(parts[2]);
    }
    return false;
}

// A local name every assignment of which, before n in its function, is a literal or a choice of literals
// (`mode = 'READ WRITE' if allow_write else 'READ ONLY'`).
bool local_constant(const File& f, TSNode n, std::string_view name) {
    auto assigns = assignments_to(f, scope_of(f, n), name);
    bool any = false;
    for (const auto& a : assigns) {
        if (ts_node_start_byte(a.at) > ts_node_start_byte(n)) continue;
        if (a.augmented || !literal_choice(a.value)) return false;
        any = true;
    }
    return any;
}

bool literal_or_constant(const File& f, TSNode n) {
    n = unwrap(n);
    if (is_literal(n) || literal_choice(n) || env_read(f, n)) return true;
    if (is(n, "identifier")) {
        auto name = sx::text(f, n);
        return is_constant_name(f, name) || local_constant(f, n, name);
    }
    return false;
}

}  // namespace

bool env_read(const File& f, TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    if (t == "member_expression") return sx::text(f, child(n, "object")) == "process.env";
    if (t == "subscript_expression") return sx::text(f, child(n, "object")) == "process.env";
    if (t == "subscript") return sx::text(f, child(n, "value")) == "os.environ";
    if (t == "call" || t == "call_expression") {
        auto callee = sx::text(f, child(n, "function"));
        return callee == "os.getenv" || callee == "os.environ.get" || callee == "getenv" || callee == "os.Getenv";
    }
    return false;
}

bool is_constant_name(const File& f, std::string_view name) {
    TSNode root = sx::root(f);
    if (ts_node_is_null(root) || name.empty()) return false;
    for (TSNode top : named_children(root)) {
        if (is(top, "export_statement")) top = child(top, "declaration");
        const std::string_view t = sx::type(top);
        if (t == "lexical_declaration" || t == "variable_declaration") {
            for (TSNode d : named_children(top))
                if (is(d, "variable_declarator") && sx::text(f, child(d, "name")) == name) return is_literal(child(d, "value"));
        } else if (t == "expression_statement" && is_py(f)) {
            TSNode a = ts_node_named_child(top, 0);
            if (is(a, "assignment") && is(child(a, "left"), "identifier") && sx::text(f, child(a, "left")) == name)
                return is_literal(child(a, "right"));
        } else if (t == "const_declaration" || t == "var_declaration") {
            for (TSNode spec : named_children(top)) {
                if (!is(spec, "const_spec") && !is(spec, "var_spec")) continue;
                const std::uint32_t count = ts_node_named_child_count(spec);
                for (std::uint32_t i = 0; i < count; ++i) {
                    TSNode c = ts_node_named_child(spec, i);
                    if (is(c, "identifier") && sx::text(f, c) == name) {
                        if (t == "const_declaration") return true;
                        TSNode v = child(spec, "value");
                        return !ts_node_is_null(v) && ts_node_named_child_count(v) > 0 &&
                               is_literal(ts_node_named_child(v, 0));
                    }
                }
            }
        }
    }
    return false;
}

bool interpolates_only_constants(const File& f, TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    if (t == "template_string" || t == "string") {
        bool ok = true;
        for (TSNode c : named_children(n)) {
            if (!is(c, "template_substitution") && !is(c, "interpolation")) continue;
            TSNode e = is(c, "interpolation") ? child(c, "expression") : ts_node_named_child(c, 0);
            if (ts_node_is_null(e) && ts_node_named_child_count(c) > 0) e = ts_node_named_child(c, 0);
            ok = ok && literal_or_constant(f, e);
        }
        return ok;
    }
    if (t == "concatenated_string") {
        for (TSNode c : named_children(n))
            if (!interpolates_only_constants(f, c)) return false;
        return true;
    }
    if (t == "binary_expression" || t == "binary_operator") {
        TSNode l = child(n, "left"), r = child(n, "right");
        auto side = [&](TSNode s) {
            s = unwrap(s);
            if (is(s, "binary_expression") || is(s, "binary_operator") || is(s, "template_string") || is(s, "string"))
                return interpolates_only_constants(f, s);
            if (is(s, "tuple")) {
                for (TSNode c : named_children(s))
                    if (!literal_or_constant(f, c)) return false;
                return true;
            }
            return literal_or_constant(f, s);
        };
        return side(l) && side(r);
    }
    if (t == "call" || t == "call_expression") {
        TSNode args = child(n, "arguments");
        auto list = named_children(args);
        const bool go_sprintf = is(child(n, "function"), "selector_expression");
        for (std::size_t i = go_sprintf ? 1 : 0; i < list.size(); ++i)
            if (!literal_or_constant(f, list[i])) return false;
        return true;
    }
    return literal_or_constant(f, n);
}

std::string literal_parts(const File& f, TSNode n) {
    n = unwrap(n);
    const std::string_view t = sx::type(n);
    if (sx::is_string_literal(n)) return sx::string_value(f, n);
    std::string out;
    if (t == "template_string" || t == "string") {
        for (TSNode c : named_children(n))
            if (is(c, "string_fragment") || is(c, "string_content")) {
                out += sx::text(f, c);
                out += ' ';
            }
        return out;
    }
    if (t == "concatenated_string" || t == "binary_expression" || t == "binary_operator") {
        for (TSNode c : named_children(n)) {
            out += literal_parts(f, c);
            out += ' ';
        }
        return out;
    }
    if (t == "call" || t == "call_expression") {
        TSNode fn = child(n, "function");
        if (is(fn, "attribute")) return literal_parts(f, child(fn, "object"));  // "...".format()
        auto list = named_children(child(n, "arguments"));
        if (!list.empty()) return literal_parts(f, list[0]);  // fmt.Sprintf(format, ...)
    }
    return {};
}

// ---- local data flow ----

TSNode scope_of(const File& f, TSNode n) {
    TSNode fn = sx::enclosing_function(n);
    return ts_node_is_null(fn) ? sx::root(f) : fn;
}

namespace {

bool has_token(TSNode n, std::string_view token) {
    const std::uint32_t count = ts_node_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (!ts_node_is_named(c) && sx::type(c) == token) return true;
    }
    return false;
}

}  // namespace

std::vector<Assignment> assignments_to(const File& f, TSNode scope, std::string_view name) {
    std::vector<Assignment> out;
    if (name.empty()) return out;
    sx::walk(scope, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t == "variable_declarator") {
            if (sx::text(f, child(n, "name")) == name && !ts_node_is_null(child(n, "value")))
                out.push_back({child(n, "value"), n, false});
        } else if (t == "assignment_expression" || t == "assignment") {
            TSNode left = child(n, "left");
            if ((is(left, "identifier") || is(left, "pattern_list")) && sx::text(f, left) == name &&
                !ts_node_is_null(child(n, "right")))
                out.push_back({child(n, "right"), n, false});
        } else if (t == "augmented_assignment_expression" || t == "augmented_assignment") {
            if (sx::text(f, child(n, "left")) == name) out.push_back({child(n, "right"), n, true});
        } else if (t == "short_var_declaration" || t == "assignment_statement") {
            auto left = named_children(child(n, "left"));
            auto right = named_children(child(n, "right"));
            for (std::size_t i = 0; i < left.size(); ++i) {
                if (sx::text(f, left[i]) != name || right.empty()) continue;
                TSNode v = i < right.size() ? right[i] : right[0];
                out.push_back({v, n, has_token(n, "+=")});
            }
        } else if (t == "var_spec" || t == "const_spec") {
            TSNode value = child(n, "value");
            auto right = named_children(value);
            std::size_t idx = 0;
            for (TSNode c : named_children(n)) {
                if (!is(c, "identifier")) continue;
                if (sx::text(f, c) == name && !right.empty()) out.push_back({idx < right.size() ? right[idx] : right[0], n, false});
                ++idx;
            }
        }
        return true;
    });
    return out;
}

std::vector<std::string> parameters(const File& f, TSNode fn) {
    std::vector<std::string> out;
    if (ts_node_is_null(fn)) return out;
    if (is(fn, "decorated_definition")) fn = child(fn, "definition");
    TSNode params = child(fn, "parameters");
    if (ts_node_is_null(params)) params = child(fn, "parameter");  // x => ...
    if (ts_node_is_null(params)) return out;
    if (is(params, "identifier")) {
        out.emplace_back(sx::text(f, params));
        return out;
    }
    for (TSNode p : named_children(params)) {
        const std::string_view t = sx::type(p);
        if (t == "identifier") {
            out.emplace_back(sx::text(f, p));
        } else if (t == "required_parameter" || t == "optional_parameter") {
            TSNode pat = child(p, "pattern");
            out.emplace_back(is(pat, "identifier") ? sx::text(f, pat) : std::string_view{});
        } else if (t == "assignment_pattern") {
            out.emplace_back(sx::text(f, child(p, "left")));
        } else if (t == "typed_parameter") {
            TSNode first = ts_node_named_child(p, 0);
            out.emplace_back(is(first, "identifier") ? sx::text(f, first) : std::string_view{});
        } else if (t == "default_parameter" || t == "typed_default_parameter") {
            out.emplace_back(sx::text(f, child(p, "name")));
        } else if (t == "parameter_declaration" || t == "variadic_parameter_declaration") {
            bool any = false;
            for (TSNode c : named_children(p))
                if (is(c, "identifier")) {
                    out.emplace_back(sx::text(f, c));
                    any = true;
                }
            if (!any) out.emplace_back();
        } else {
            out.emplace_back();
        }
    }
    return out;
}

std::string function_name(const File& f, TSNode fn) {
    if (ts_node_is_null(fn)) return {};
    TSNode name = child(fn, "name");
    if (!ts_node_is_null(name)) return std::string(sx::text(f, name));
    TSNode p = ts_node_parent(fn);
    if (is(p, "variable_declarator")) return std::string(sx::text(f, child(p, "name")));
    if (is(p, "pair")) return std::string(sx::text(f, child(p, "key")));
    if (is(p, "assignment_expression")) {
        TSNode left = child(p, "left");
        if (is(left, "member_expression")) return std::string(sx::text(f, child(left, "property")));
        return std::string(sx::text(f, left));
    }
    return {};
}

// ---- calls / objects ----

TSNode object_value(const File& f, TSNode obj, std::string_view key) {
    obj = unwrap(obj);
    if (!is(obj, "object")) return TSNode{};
    for (TSNode c : named_children(obj)) {
        if (is(c, "pair")) {
            TSNode k = child(c, "key");
            std::string ks = sx::is_string_literal(k) ? sx::string_value(f, k) : std::string(sx::text(f, k));
            if (ks == key) return child(c, "value");
        } else if (is(c, "shorthand_property_identifier") && sx::text(f, c) == key) {
            return c;
        } else if (is(c, "method_definition") && sx::text(f, child(c, "name")) == key) {
            return c;
        }
    }
    return TSNode{};
}

bool object_has_key(const File& f, TSNode obj, std::string_view key) {
    return !ts_node_is_null(object_value(f, obj, key));
}

TSNode kwarg(const File& f, const sx::Call& c, std::string_view name) {
    for (TSNode a : named_children(c.arguments))
        if (is(a, "keyword_argument") && sx::text(f, child(a, "name")) == name) return child(a, "value");
    return TSNode{};
}

TSNode go_keyed_value(const File& f, TSNode composite, std::string_view key) {
    composite = unwrap(composite);
    if (is(composite, "unary_expression")) composite = child(composite, "operand");
    TSNode body = child(composite, "body");
    for (TSNode e : named_children(body)) {
        if (!is(e, "keyed_element")) continue;
        TSNode k = child(e, "key");
        if (ts_node_is_null(k)) k = ts_node_named_child(e, 0);
        std::string_view ks = sx::text(f, k);
        if (ks == key) {
            TSNode v = child(e, "value");
            if (ts_node_is_null(v)) v = ts_node_named_child(e, 1);
            if (is(v, "literal_element") && ts_node_named_child_count(v) > 0) v = ts_node_named_child(v, 0);
            return v;
        }
    }
    return TSNode{};
}

std::vector<TSNode> positional_args(const sx::Call& c) {
    std::vector<TSNode> out;
    for (TSNode a : sx::call_args(c)) {
        const std::string_view t = sx::type(a);
        if (t == "keyword_argument" || t == "dictionary_splat" || t == "list_splat") continue;
        out.push_back(a);
    }
    return out;
}

// ---- masking ----

namespace {

bool token_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

void scrub_text(std::string& s) {
    static constexpr std::array<std::string_view, 14> k_prefixes{
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", "ghp_", "gho_", "github_pat_", "xoxb-", "xoxp-",
        "AKIA", "SG.", "glpat-", "npm_"};
    for (auto p : k_prefixes) {
        std::size_t pos = 0;
        while ((pos = s.find(p, pos)) != std::string::npos) {
            std::size_t end = pos + p.size();
            while (end < s.size() && token_char(s[end])) ++end;
            if (end - pos >= p.size() + 6) {
                const std::string masked = str::mask(std::string_view(s).substr(pos, end - pos), p.size() + 2);
                s.replace(pos, end - pos, masked);
                pos += masked.size();
            } else {
                pos = end;
            }
        }
    }
    // scheme://user:password@host
    std::size_t pos = 0;
    while ((pos = s.find("://", pos)) != std::string::npos) {
        const std::size_t start = pos + 3;
        std::size_t end = start;
        while (end < s.size() && s[end] != '/' && s[end] != ' ' && s[end] != '"' && s[end] != '\'' && s[end] != '`') ++end;
        const auto at = s.rfind('@', end);
        const auto colon = s.find(':', start);
        if (at != std::string::npos && at > start && at < end && colon != std::string::npos && colon < at) {
            const std::string masked = str::mask(std::string_view(s).substr(colon + 1, at - colon - 1), 0);
            s.replace(colon + 1, at - colon - 1, masked);
            end = colon + 1 + masked.size();
        }
        pos = end;
    }
}

}  // namespace

void scrub(Outcome& o) {
    for (auto& e : o.evidence) scrub_text(e.snippet);
    for (auto& e : o.other_evidence) scrub_text(e.snippet);
    scrub_text(o.message);
}

// ---- words ----

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

namespace {

bool has_word(std::string_view lower_text, std::string_view word) {
    std::size_t pos = 0;
    while ((pos = lower_text.find(word, pos)) != std::string_view::npos) {
        const bool left_ok = pos == 0 || !std::isalnum(static_cast<unsigned char>(lower_text[pos - 1]));
        const std::size_t end = pos + word.size();
        const bool right_ok = end >= lower_text.size() || !std::isalnum(static_cast<unsigned char>(lower_text[end]));
        if (left_ok && right_ok) return true;
        pos = end;
    }
    return false;
}

}  // namespace

bool looks_like_sql(std::string_view s) {
    const std::string l = str::lower(s);
    if (has_word(l, "select") && has_word(l, "from")) return true;
    if (has_word(l, "insert") && has_word(l, "into")) return true;
    if (has_word(l, "update") && has_word(l, "set")) return true;
    if (has_word(l, "delete") && has_word(l, "from")) return true;
    for (std::string_view w : {"where", "order by", "group by", "having", "limit", "drop table", "create table",
                               "alter table", "truncate", "values", "returning", "join"})
        if (has_word(l, w)) return true;
    return false;
}

bool password_like(std::string_view name) {
    const std::string l = str::lower(name);
    if (l.empty()) return false;
    static constexpr std::array<std::string_view, 20> k_not{
        "hash",  "digest", "salt",   "token",  "length", "regex",   "policy", "label",    "field", "placeholder",
        "type",  "error",  "reset",  "forgot", "expire", "visible", "show",   "strength", "rule",  "url"};
    for (auto w : k_not)
        if (str::contains(l, w)) return false;
    if (str::contains(l, "password") || str::contains(l, "passwd") || str::contains(l, "passphrase")) return true;
    return l == "pwd" || l == "pw" || l == "pass" || str::ends_with(l, "_pwd") || str::ends_with(l, "pwd");
}

// ---- function index ----

FunctionIndex::FunctionIndex(const std::vector<const File*>& files) {
    for (const auto* f : files) {
        if (!f->tree) continue;
        for (const auto& nf : sx::functions(*f)) m_entries.push_back({std::string(nf.name), Entry{f, nf.node}});
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::vector<FunctionIndex::Entry> FunctionIndex::find(std::string_view name) const {
    std::vector<Entry> out;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), name,
                               [](const auto& e, std::string_view n) { return e.first < n; });
    for (; it != m_entries.end() && it->first == name; ++it) out.push_back(it->second);
    return out;
}

}  // namespace gonogo::checks::codesec
