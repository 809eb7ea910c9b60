// Syntax-tree helpers over tree-sitter (see syntax.hpp): parsing with one
// parser per thread and a timeout, calls, functions, string literals and
// imports for JavaScript, TypeScript/TSX, Go and Python.
#include "collect/syntax.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <shared_mutex>
#include <unordered_map>

extern "C" {
const TSLanguage* tree_sitter_javascript(void);
const TSLanguage* tree_sitter_typescript(void);
const TSLanguage* tree_sitter_tsx(void);
const TSLanguage* tree_sitter_go(void);
const TSLanguage* tree_sitter_python(void);
}

namespace gonogo::collect {

void TreeDeleter::operator()(TSTree* t) const {
    if (t) ts_tree_delete(t);
}

}  // namespace gonogo::collect

namespace gonogo::collect::syntax {

TSNode field(TSNode n, const char* name) {
    if (ts_node_is_null(n)) return n;
    return ts_node_child_by_field_name(n, name, static_cast<std::uint32_t>(std::strlen(name)));
}

bool is(TSNode n, std::string_view t) { return !ts_node_is_null(n) && type(n) == t; }

std::vector<TSNode> named_children(TSNode n) {
    std::vector<TSNode> out;
    if (ts_node_is_null(n)) return out;
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (type(c) != "comment") out.push_back(c);
    }
    return out;
}

TSNode unwrap(TSNode n, std::initializer_list<std::string_view> also) {
    for (int i = 0; i < 8 && !ts_node_is_null(n); ++i) {
        const std::string_view t = type(n);
        bool strip = t == "parenthesized_expression" || t == "as_expression" || t == "satisfies_expression" ||
                     t == "non_null_expression" || t == "await_expression" || t == "await" || t == "type_assertion";
        for (auto a : also) strip = strip || t == a;
        if (!strip || ts_node_named_child_count(n) == 0) break;
        n = ts_node_named_child(n, 0);
    }
    return n;
}

bool is_js(Language l) { return l == Language::javascript || l == Language::typescript || l == Language::tsx; }
bool is_js(const File& f) { return is_js(f.lang); }
bool is_go(const File& f) { return f.lang == Language::go; }
bool is_py(const File& f) { return f.lang == Language::python; }

namespace {

constexpr std::uint64_t k_parse_timeout_micros = 2'000'000;  // a pathological file cannot hang a worker

// One parser per thread: parse() runs on the model builder's worker threads.
struct ThreadParser {
    TSParser* parser = ts_parser_new();
    ThreadParser() { ts_parser_set_timeout_micros(parser, k_parse_timeout_micros); }
    ~ThreadParser() { ts_parser_delete(parser); }
    ThreadParser(const ThreadParser&) = delete;
    ThreadParser& operator=(const ThreadParser&) = delete;
};

TSNode null_node() { return TSNode{}; }

bool has_child_of_type(TSNode n, std::string_view t) {
    const std::uint32_t count = ts_node_named_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i)
        if (type(ts_node_named_child(n, i)) == t) return true;
    return false;
}

// The operator token of a binary node ("+", "%"), empty when none.
std::string_view operator_of(TSNode n) {
    TSNode op = field(n, "operator");
    if (!ts_node_is_null(op)) return type(op);
    return {};
}

bool is_function_type(std::string_view t) {
    return t == "function_declaration" || t == "function_expression" || t == "function" ||
           t == "arrow_function" || t == "method_definition" || t == "generator_function_declaration" ||
           t == "generator_function" || t == "method_declaration" || t == "func_literal" ||
           t == "function_definition" || t == "lambda";
}

std::string strip_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
    return out;
}

// Callee text built from the structure so that a chain such as
// `app.route('/x').get` stays short: calls become "()", subscripts "[]".
void callee_text(const File& f, TSNode n, std::string& out, int depth = 0) {
    if (ts_node_is_null(n)) return;
    if (depth > 32) {
        out += "...";
        return;
    }
    const std::string_view t = type(n);
    if (t == "member_expression" || t == "selector_expression" || t == "attribute") {
        const char* obj_field = t == "member_expression" ? "object" : (t == "selector_expression" ? "operand" : "object");
        const char* prop_field = t == "member_expression" ? "property" : (t == "selector_expression" ? "field" : "attribute");
        callee_text(f, field(n, obj_field), out, depth + 1);
        out += '.';
        out += text(f, field(n, prop_field));
        return;
    }
    if (t == "call_expression" || t == "call") {
        callee_text(f, field(n, "function"), out, depth + 1);
        out += "()";
        return;
    }
    if (t == "subscript_expression" || t == "index_expression" || t == "subscript") {
        callee_text(f, field(n, t == "subscript" ? "value" : (t == "index_expression" ? "operand" : "object")), out,
                    depth + 1);
        out += "[]";
        return;
    }
    if (t == "non_null_expression" || t == "parenthesized_expression" || t == "await_expression") {
        if (ts_node_named_child_count(n) == 1) {
            callee_text(f, ts_node_named_child(n, 0), out, depth + 1);
            return;
        }
    }
    const std::string_view raw = text(f, n);
    std::string s = strip_spaces(raw.substr(0, 240));
    if (s.size() > 120 || raw.size() > 240) s = s.substr(0, 120) + "...";
    out += s;
}

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            switch (c) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case '0': out += '\0'; break;
                case '\n': break;  // line continuation
                default: out += c; break;
            }
        } else {
            out += s[i];
        }
    }
    return out;
}

// Literal leaves that make a concatenation static when every operand is one.
bool is_static_leaf(TSNode n) {
    const std::string_view t = type(n);
    return is_string_literal(n) || t == "number" || t == "int_literal" || t == "float_literal" ||
           t == "integer" || t == "float" || t == "true" || t == "false" || t == "null" || t == "none" ||
           t == "undefined" || t == "nil";
}

TSNode unparen(TSNode n) {
    while (is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
    return n;
}

bool is_concat_node(TSNode n) {
    const std::string_view t = type(n);
    return (t == "binary_expression" || t == "binary_operator") && operator_of(n) == "+";
}

// True when every operand of a '+' chain is a literal.
bool all_static(TSNode n) {
    n = unparen(n);
    if (is_concat_node(n)) return all_static(field(n, "left")) && all_static(field(n, "right"));
    return is_static_leaf(n);
}

// True when a '+' chain contains a string (literal or interpolated).
bool has_string_operand(TSNode n) {
    n = unparen(n);
    if (is_concat_node(n)) return has_string_operand(field(n, "left")) || has_string_operand(field(n, "right"));
    return is_string_literal(n) || is_interpolated_string(n);
}

std::string python_string_value(const File& f, TSNode n) {
    std::string_view s = text(f, n);
    bool raw = false;
    std::size_t i = 0;
    while (i < s.size() && std::strchr("rRbBuUfF", s[i]) != nullptr) {
        if (s[i] == 'r' || s[i] == 'R') raw = true;
        ++i;
    }
    s.remove_prefix(i);
    std::size_t q = 0;
    if (s.size() >= 6 && (s.substr(0, 3) == "\"\"\"" || s.substr(0, 3) == "'''"))
        q = 3;
    else if (s.size() >= 2)
        q = 1;
    else
        return {};
    std::string_view inner = s.substr(q, s.size() - 2 * q);
    return raw ? std::string(inner) : unescape(inner);
}

void push_unique(std::vector<std::string>& out, std::string s) {
    if (s.empty()) return;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

}  // namespace

const TSLanguage* language_for(Language lang) {
    switch (lang) {
        case Language::javascript: return tree_sitter_javascript();
        case Language::typescript: return tree_sitter_typescript();
        case Language::tsx: return tree_sitter_tsx();
        case Language::go: return tree_sitter_go();
        case Language::python: return tree_sitter_python();
        default: return nullptr;
    }
}

TSTree* parse(Language lang, std::string_view source) {
    const TSLanguage* language = language_for(lang);
    if (!language || source.size() > std::numeric_limits<std::uint32_t>::max()) return nullptr;
    thread_local ThreadParser tp;
    if (!ts_parser_set_language(tp.parser, language)) return nullptr;
    TSTree* tree = ts_parser_parse_string(tp.parser, nullptr, source.data(), static_cast<std::uint32_t>(source.size()));
    // A timed-out parse leaves the parser mid-way; reset it so the next file starts clean.
    if (!tree) ts_parser_reset(tp.parser);
    return tree;
}

TSNode root(const File& f) {
    if (!f.tree) return null_node();
    return ts_tree_root_node(f.tree.get());
}

std::string_view text(const File& f, TSNode n) {
    if (ts_node_is_null(n)) return {};
    const std::size_t b = ts_node_start_byte(n);
    const std::size_t e = ts_node_end_byte(n);
    if (b > e || e > f.text.size()) return {};
    return std::string_view(f.text).substr(b, e - b);
}

namespace {

// Node type names per grammar, with their lengths: type() is the probes' most frequent call, and
// ts_node_type hands back a C string that every comparison would measure again.
struct SymbolNames {
    const TSLanguage* language;
    std::vector<std::string_view> names;
};

// The symbols named `name` in `language` (several symbols may share a name; a node's public symbol
// is one of them). Empty for a language gonogo does not parse.
std::vector<TSSymbol> symbols_named(const TSLanguage* language, std::string_view name);

const std::vector<SymbolNames>& symbol_names() {
    static const std::vector<SymbolNames> k = [] {
        std::vector<SymbolNames> out;
        for (auto lang : {Language::javascript, Language::typescript, Language::tsx, Language::go, Language::python}) {
            SymbolNames s{language_for(lang), {}};
            const std::uint32_t count = ts_language_symbol_count(s.language);
            s.names.reserve(count);
            for (std::uint32_t i = 0; i < count; ++i) {
                const char* name = ts_language_symbol_name(s.language, static_cast<TSSymbol>(i));
                s.names.emplace_back(name ? name : "");
            }
            out.push_back(std::move(s));
        }
        return out;
    }();
    return k;
}

std::vector<TSSymbol> symbols_named(const TSLanguage* language, std::string_view name) {
    std::vector<TSSymbol> out;
    for (const auto& s : symbol_names()) {
        if (s.language != language) continue;
        for (std::size_t i = 0; i < s.names.size(); ++i)
            if (s.names[i] == name) out.push_back(static_cast<TSSymbol>(i));
    }
    return out;
}

}  // namespace

std::string_view type(TSNode n) {
    if (ts_node_is_null(n)) return {};
    const TSLanguage* language = ts_tree_language(n.tree);
    const TSSymbol symbol = ts_node_symbol(n);
    for (const auto& s : symbol_names())
        if (s.language == language) return symbol < s.names.size() ? s.names[symbol] : std::string_view(ts_node_type(n));
    return ts_node_type(n);
}

TSNode node_at(const File& f, std::uint32_t begin, std::uint32_t end) {
    TSNode r = root(f);
    if (ts_node_is_null(r)) return r;
    if (end < begin) end = begin;
    return ts_node_named_descendant_for_byte_range(r, begin, end);
}

TSNode function_body(TSNode fn) {
    if (ts_node_is_null(fn)) return fn;
    const std::string_view t = type(fn);
    if (t == "decorated_definition") fn = field(fn, "definition");
    else if (t == "variable_declarator" || t == "public_field_definition" || t == "field_definition") fn = field(fn, "value");
    return field(fn, "body");
}

namespace {

// Trees whose flattened index exists, so that walk(), which gets only a node, can find it. Weak
// references: an entry outlives its model only as an expired pointer, replaced when a new tree
// takes the same address.
struct FlatRegistry {
    std::shared_mutex mu;
    std::unordered_map<const TSTree*, std::weak_ptr<const Index>> by_tree;
};

FlatRegistry& flat_registry() {
    static FlatRegistry r;
    return r;
}

std::shared_ptr<const Index> flat_for(const TSTree* tree) {
    auto& r = flat_registry();
    std::shared_lock lock(r.mu);
    auto it = r.by_tree.find(tree);
    return it == r.by_tree.end() ? nullptr : it->second.lock();
}

// Pre-order over every node under scope (anonymous tokens too) with a tree cursor, never leaving
// scope; `on_node(node, depth)` answers whether to descend into the node.
template <class OnNode>
void cursor_walk(TSNode scope, OnNode&& on_node) {
    TSTreeCursor cursor = ts_tree_cursor_new(scope);
    std::size_t depth = 0;
    for (;;) {
        if (on_node(ts_tree_cursor_current_node(&cursor), depth) && ts_tree_cursor_goto_first_child(&cursor)) {
            ++depth;
            continue;
        }
        // Next sibling, or climb until one exists.
        bool moved = false;
        while (depth > 0) {
            if (ts_tree_cursor_goto_next_sibling(&cursor)) {
                moved = true;
                break;
            }
            ts_tree_cursor_goto_parent(&cursor);
            --depth;
        }
        if (!moved) break;
    }
    ts_tree_cursor_delete(&cursor);
}

void flatten(TSNode root, std::vector<Index::Flat>& out) {
    std::vector<std::uint32_t> open;  // positions in `out` of the named ancestors, innermost last
    std::vector<std::size_t> open_depth;
    cursor_walk(root, [&](TSNode n, std::size_t depth) {
        while (!open_depth.empty() && open_depth.back() >= depth) {  // left those subtrees
            out[open.back()].end = static_cast<std::uint32_t>(out.size());
            open.pop_back();
            open_depth.pop_back();
        }
        if (ts_node_is_named(n)) {
            const std::uint32_t parent = open.empty() ? Index::k_no_parent : open.back();
            open.push_back(static_cast<std::uint32_t>(out.size()));
            open_depth.push_back(depth);
            out.push_back({n, 0, parent, ts_node_symbol(n)});
        }
        return true;
    });
    for (auto i : open) out[i].end = static_cast<std::uint32_t>(out.size());
}

// Where a named node sits in its tree's flattened index (nullopt when it is not there).
std::optional<std::uint32_t> flat_position(const Index& ix, TSNode n) {
    const auto& v = ix.nodes;
    const auto start = ts_node_start_byte(n);
    auto it = std::lower_bound(v.begin(), v.end(), start,
                               [](const Index::Flat& f, std::uint32_t b) { return ts_node_start_byte(f.node) < b; });
    for (; it != v.end() && ts_node_start_byte(it->node) == start; ++it)
        if (ts_node_eq(it->node, n)) return static_cast<std::uint32_t>(it - v.begin());
    return std::nullopt;
}

}  // namespace

void walk(TSNode scope, const std::function<bool(TSNode)>& visit) {
    if (ts_node_is_null(scope)) return;
    if (auto ix = flat_for(scope.tree); ix && ts_node_is_named(scope)) {
        if (auto at = flat_position(*ix, scope)) {
            const auto& v = ix->nodes;
            const std::uint32_t stop = v[*at].end;
            std::uint32_t i = *at;
            while (i < stop) i = visit(v[i].node) ? i + 1 : v[i].end;
            return;
        }
    }
    // A tree without a flattened index (or a scope that is not a named node): walk it with a cursor.
    cursor_walk(scope, [&](TSNode n, std::size_t) { return !ts_node_is_named(n) || visit(n); });
}

void walk_types(TSNode scope, std::initializer_list<std::string_view> types, const std::function<bool(TSNode)>& visit) {
    if (ts_node_is_null(scope)) return;
    if (auto ix = flat_for(scope.tree); ix && ts_node_is_named(scope)) {
        if (auto at = flat_position(*ix, scope)) {
            // Symbol ids per (language, type names), resolved once per thread and list of names.
            thread_local std::vector<std::pair<std::pair<const TSLanguage*, std::string>, std::vector<TSSymbol>>> cache;
            const TSLanguage* language = ts_tree_language(scope.tree);
            std::string key;
            for (auto t : types) (key += t) += '\n';
            const std::vector<TSSymbol>* wanted = nullptr;
            for (const auto& [k, ids] : cache)
                if (k.first == language && k.second == key) wanted = &ids;
            if (!wanted) {
                std::vector<TSSymbol> ids;
                for (auto t : types) {
                    for (auto id : symbols_named(language, t)) ids.push_back(id);
                    if (t == "ERROR") ids.push_back(static_cast<TSSymbol>(-1));  // ts_builtin_sym_error
                }
                cache.push_back({{language, key}, std::move(ids)});
                wanted = &cache.back().second;
            }
            const auto& v = ix->nodes;
            const std::uint32_t stop = v[*at].end;
            std::uint32_t i = *at;
            while (i < stop) {
                const bool match = std::find(wanted->begin(), wanted->end(), v[i].symbol) != wanted->end();
                i = !match || visit(v[i].node) ? i + 1 : v[i].end;
            }
            return;
        }
    }
    walk(scope, [&](TSNode n) {
        const auto t = type(n);
        for (auto w : types)
            if (t == w) return visit(n);
        return true;
    });
}

TSNode named_parent(TSNode n) {
    if (ts_node_is_null(n)) return n;
    if (auto ix = flat_for(n.tree); ix && ts_node_is_named(n)) {
        if (auto at = flat_position(*ix, n)) {
            const auto p = ix->nodes[*at].parent;
            return p == Index::k_no_parent ? null_node() : ix->nodes[p].node;
        }
    }
    TSNode p = ts_node_parent(n);
    while (!ts_node_is_null(p) && !ts_node_is_named(p)) p = ts_node_parent(p);
    return p;
}

TSNode enclosing_function(TSNode n) {
    if (ts_node_is_null(n)) return n;
    if (auto ix = flat_for(n.tree); ix && ts_node_is_named(n)) {
        if (auto at = flat_position(*ix, n)) {
            // Functions are named nodes: the chain of named ancestors holds every one of them.
            for (auto p = ix->nodes[*at].parent; p != Index::k_no_parent; p = ix->nodes[p].parent)
                if (is_function_type(type(ix->nodes[p].node))) return ix->nodes[p].node;
            return null_node();
        }
    }
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
        if (is_function_type(type(p))) return p;
    return null_node();
}

// ---- Call -------------------------------------------------------------------

Call::Call(const Call& o)
    : node(o.node), callee(o.callee), arguments(o.arguments), tagged_template(o.tagged_template) {
    name = std::string_view(callee).substr(callee.size() - std::min(o.name.size(), callee.size()));
}

Call::Call(Call&& o) noexcept
    : node(o.node), callee(std::move(o.callee)), arguments(o.arguments), tagged_template(o.tagged_template) {
    name = std::string_view(callee).substr(callee.size() - std::min(o.name.size(), callee.size()));
}

Call& Call::operator=(const Call& o) {
    if (this != &o) {
        node = o.node;
        callee = o.callee;
        name = std::string_view(callee).substr(callee.size() - std::min(o.name.size(), callee.size()));
        arguments = o.arguments;
        tagged_template = o.tagged_template;
    }
    return *this;
}

Call& Call::operator=(Call&& o) noexcept {
    if (this != &o) {
        const std::size_t name_size = o.name.size();
        node = o.node;
        callee = std::move(o.callee);
        name = std::string_view(callee).substr(callee.size() - std::min(name_size, callee.size()));
        arguments = o.arguments;
        tagged_template = o.tagged_template;
    }
    return *this;
}

void Call::set_callee(std::string c) {
    callee = std::move(c);
    std::size_t dot = callee.rfind('.');
    name = dot == std::string::npos ? std::string_view(callee) : std::string_view(callee).substr(dot + 1);
}

namespace {
std::vector<Call> walk_calls(const File& f, TSNode scope);
std::vector<std::string> walk_imports(const File& f);
std::vector<NamedFunction> walk_functions(const File& f);
}  // namespace

std::shared_ptr<const Index> build_index(const File& f) {
    TSNode r = root(f);
    if (ts_node_is_null(r)) return nullptr;
    auto ix = std::make_shared<Index>();
    flatten(r, ix->nodes);
    {
        auto& reg = flat_registry();
        std::unique_lock lock(reg.mu);
        reg.by_tree[f.tree.get()] = ix;
    }
    ix->calls = walk_calls(f, r);
    ix->imports = walk_imports(f);
    ix->functions = walk_functions(f);
    return ix;
}

std::vector<Call> calls(const File& f, TSNode scope) {
    if (f.syntax_index && !ts_node_is_null(scope)) {
        // The calls under `scope` are those whose range lies inside it (the index is in walk order).
        const auto b = ts_node_start_byte(scope), e = ts_node_end_byte(scope);
        std::vector<Call> out;
        for (const auto& c : f.syntax_index->calls) {
            const auto cb = ts_node_start_byte(c.node), ce = ts_node_end_byte(c.node);
            if (cb >= b && ce <= e) out.push_back(c);
        }
        return out;
    }
    return walk_calls(f, scope);
}

namespace {
std::vector<Call> walk_calls(const File& f, TSNode scope) {
    std::vector<Call> out;
    walk_types(scope, {"call_expression", "call"}, [&](TSNode n) {
        Call c;
        c.node = n;
        TSNode fn = field(n, "function");
        std::string callee;
        callee_text(f, fn, callee);
        c.set_callee(std::move(callee));
        c.arguments = field(n, "arguments");
        c.tagged_template = is(c.arguments, "template_string");
        out.push_back(std::move(c));
        return true;
    });
    return out;
}
}  // namespace

std::vector<TSNode> call_args(const Call& c) {
    std::vector<TSNode> out;
    if (ts_node_is_null(c.arguments)) return out;
    if (c.tagged_template) {
        out.push_back(c.arguments);
        return out;
    }
    const std::uint32_t count = ts_node_named_child_count(c.arguments);
    for (std::uint32_t i = 0; i < count; ++i) {
        TSNode a = ts_node_named_child(c.arguments, i);
        if (type(a) == "comment") continue;
        out.push_back(a);
    }
    return out;
}

// ---- functions ----------------------------------------------------------------

namespace {

// Calls visit(name, function node, is_method) for every named function of the file in pre-order;
// visit returns false to stop.
void each_function(const File& f, const std::function<bool(std::string_view, TSNode, bool)>& visit) {
    TSNode r = root(f);
    if (ts_node_is_null(r)) return;
    auto is_fn_value = [](TSNode v) {
        const std::string_view t = type(v);
        return t == "arrow_function" || t == "function_expression" || t == "function" || t == "generator_function" ||
               t == "func_literal" || t == "lambda";
    };
    bool stop = false;
    walk_types(r,
               {"function_declaration", "generator_function_declaration", "function_definition", "variable_declarator",
                "assignment_expression", "assignment", "short_var_declaration", "var_spec", "method_definition",
                "method_declaration", "public_field_definition", "field_definition"},
               [&](TSNode n) {
        if (stop) return false;
        const std::string_view t = type(n);
        if (t == "function_declaration" || t == "generator_function_declaration" || t == "function_definition") {
            // Python methods are function_definitions inside a class body (block and class are named nodes).
            TSNode p = t == "function_definition" ? named_parent(n) : TSNode{};
            const bool method = t == "function_definition" && is(p, "block") && is(named_parent(p), "class_definition");
            stop = !visit(text(f, field(n, "name")), n, method);
        } else if (t == "variable_declarator") {
            TSNode v = field(n, "value");
            if (is(field(n, "name"), "identifier") && is_fn_value(v)) stop = !visit(text(f, field(n, "name")), v, false);
        } else if (t == "assignment_expression" || t == "assignment") {
            // exports.name = function ..., module.exports.name = (...) => ..., Python name = lambda ...
            TSNode left = field(n, "left");
            TSNode right = field(n, "right");
            if (is_fn_value(right)) {
                if (is(left, "member_expression")) stop = !visit(text(f, field(left, "property")), right, false);
                else if (is(left, "identifier")) stop = !visit(text(f, left), right, false);
            }
        } else if (t == "short_var_declaration" || t == "var_spec") {
            // Go: handler := func(w http.ResponseWriter, r *http.Request) {...}; var handler = func(...) {...}
            auto names = field(n, t == "var_spec" ? "name" : "left");
            auto values = field(n, t == "var_spec" ? "value" : "right");
            if (is(names, "expression_list") && ts_node_named_child_count(names) == 1) names = ts_node_named_child(names, 0);
            if (is(values, "expression_list") && ts_node_named_child_count(values) == 1) values = ts_node_named_child(values, 0);
            if (is(names, "identifier") && is_fn_value(values)) stop = !visit(text(f, names), values, false);
        } else if (t == "method_definition" || t == "method_declaration") {
            stop = !visit(text(f, field(n, "name")), n, true);
        } else if (t == "public_field_definition" || t == "field_definition") {
            TSNode v = field(n, "value");
            if (is_fn_value(v)) stop = !visit(text(f, field(n, t == "field_definition" ? "property" : "name")), v, true);
        }
        return !stop;
    });
}

}  // namespace

std::vector<NamedFunction> functions(const File& f) {
    if (f.syntax_index) return f.syntax_index->functions;
    return walk_functions(f);
}

namespace {
std::vector<NamedFunction> walk_functions(const File& f) {
    std::vector<NamedFunction> out;
    each_function(f, [&](std::string_view name, TSNode n, bool method) {
        if (!name.empty()) out.push_back({name, n, method});
        return true;
    });
    return out;
}
}  // namespace

std::optional<TSNode> find_function(const File& f, std::string_view name) {
    if (name.empty()) return std::nullopt;
    std::optional<TSNode> best;    // declarations and bound function values
    std::optional<TSNode> method;  // class methods / Go methods: used when no plain function matches
    each_function(f, [&](std::string_view n, TSNode node, bool is_method) {
        if (n != name) return true;
        if (!is_method) {
            best = node;
            return false;
        }
        if (!method) method = node;
        return true;
    });
    if (best) return best;
    return method;
}

// ---- strings ------------------------------------------------------------------

bool is_string_literal(TSNode n) {
    const std::string_view t = type(n);
    if (t == "string") return !has_child_of_type(n, "interpolation");
    if (t == "template_string") return !has_child_of_type(n, "template_substitution");
    if (t == "interpreted_string_literal" || t == "raw_string_literal") return true;
    if (t == "concatenated_string") {
        const std::uint32_t count = ts_node_named_child_count(n);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode c = ts_node_named_child(n, i);
            if (type(c) == "comment") continue;
            if (!is_string_literal(c)) return false;
        }
        return true;
    }
    return false;
}

namespace {

// Byte length of a node (names are compared by length when the text is not at hand).
std::uint32_t span(TSNode n) { return ts_node_end_byte(n) - ts_node_start_byte(n); }

// `f` may be null: names are then recognised by their length and the call's shape.
bool interpolated(const File* f, TSNode n) {
    n = unparen(n);
    const std::string_view t = type(n);
    if (t == "template_string") return has_child_of_type(n, "template_substitution");
    if (t == "string") return has_child_of_type(n, "interpolation");  // Python f-string
    if (t == "concatenated_string") {
        const std::uint32_t count = ts_node_named_child_count(n);
        for (std::uint32_t i = 0; i < count; ++i)
            if (interpolated(f, ts_node_named_child(n, i))) return true;
        return false;
    }
    if (t == "binary_expression" || t == "binary_operator") {
        const std::string_view op = operator_of(n);
        if (op == "+") return has_string_operand(n) && !all_static(n);
        if (op == "%" && t == "binary_operator") {  // Python "..." % args
            TSNode left = unparen(field(n, "left"));
            return (is_string_literal(left) || interpolated(f, left)) && !is_static_leaf(unparen(field(n, "right")));
        }
        return false;
    }
    if (t == "call" || t == "call_expression") {
        TSNode fn = field(n, "function");
        TSNode args = field(n, "arguments");
        if (is(fn, "attribute")) {  // Python "...".format(...)
            TSNode obj = unparen(field(fn, "object"));
            TSNode attr = field(fn, "attribute");
            if (!is(obj, "string") && !is(obj, "concatenated_string")) return false;
            const bool named_format = f ? text(*f, attr) == "format" : span(attr) == 6;
            return named_format && ts_node_named_child_count(args) > 0;
        }
        if (is(fn, "selector_expression")) {  // Go fmt.Sprintf(format, args...)
            TSNode operand = field(fn, "operand");
            TSNode fld = field(fn, "field");
            const bool named_sprintf = f ? (text(*f, operand) == "fmt" && text(*f, fld) == "Sprintf")
                                         : (span(operand) == 3 && span(fld) == 7);
            if (!named_sprintf || !is(operand, "identifier") || ts_node_named_child_count(args) < 2) return false;
            TSNode format = ts_node_named_child(args, 0);
            return f ? true : (is_string_literal(format) || interpolated(nullptr, format));
        }
        return false;
    }
    return false;
}

}  // namespace

bool is_interpolated_string(TSNode n) { return interpolated(nullptr, n); }
bool is_interpolated_string(const File& f, TSNode n) { return interpolated(&f, n); }

std::string string_value(const File& f, TSNode n) {
    n = unparen(n);
    if (!is_string_literal(n)) return {};
    const std::string_view t = type(n);
    if (t == "concatenated_string") {
        std::string out;
        const std::uint32_t count = ts_node_named_child_count(n);
        for (std::uint32_t i = 0; i < count; ++i) out += string_value(f, ts_node_named_child(n, i));
        return out;
    }
    std::string_view s = text(f, n);
    if (t == "string" && has_child_of_type(n, "string_start")) return python_string_value(f, n);
    if (s.size() < 2) return {};
    std::string_view inner = s.substr(1, s.size() - 2);
    if (t == "raw_string_literal") return std::string(inner);
    return unescape(inner);
}

// ---- imports --------------------------------------------------------------------

std::vector<std::string> imports(const File& f) {
    if (f.syntax_index) return f.syntax_index->imports;
    return walk_imports(f);
}

namespace {
std::vector<std::string> walk_imports(const File& f) {
    std::vector<std::string> out;
    TSNode r = root(f);
    if (ts_node_is_null(r)) return out;
    walk_types(r, {"import_statement", "export_statement", "import_from_statement", "import_spec", "call_expression"},
               [&](TSNode n) {
        const std::string_view t = type(n);
        if (t == "import_statement" || t == "export_statement") {
            TSNode src = field(n, "source");
            if (!ts_node_is_null(src)) {
                push_unique(out, string_value(f, src));
                return false;
            }
            if (t == "import_statement" && !ts_node_is_null(field(n, "name"))) {  // Python import a.b, c as d
                const std::uint32_t count = ts_node_named_child_count(n);
                for (std::uint32_t i = 0; i < count; ++i) {
                    TSNode c = ts_node_named_child(n, i);
                    if (is(c, "aliased_import")) c = field(c, "name");
                    if (is(c, "dotted_name")) push_unique(out, std::string(text(f, c)));
                }
                return false;
            }
            return true;
        }
        if (t == "import_from_statement") {  // Python from x import y
            TSNode mod = field(n, "module_name");
            if (is(mod, "relative_import") && !has_child_of_type(mod, "dotted_name")) {
                // from . import views -> ".views"
                const std::string prefix(text(f, mod));
                const std::uint32_t count = ts_node_named_child_count(n);
                for (std::uint32_t i = 0; i < count; ++i) {
                    TSNode c = ts_node_named_child(n, i);
                    if (ts_node_eq(c, mod)) continue;
                    if (is(c, "aliased_import")) c = field(c, "name");
                    if (is(c, "dotted_name")) push_unique(out, prefix + std::string(text(f, c)));
                }
            } else {
                push_unique(out, std::string(text(f, mod)));
            }
            return false;
        }
        if (t == "import_spec") {  // Go
            push_unique(out, string_value(f, field(n, "path")));
            return false;
        }
        if (t == "call_expression") {  // require('x'), import('x')
            TSNode fn = field(n, "function");
            if ((is(fn, "identifier") && text(f, fn) == "require") || is(fn, "import")) {
                TSNode args = field(n, "arguments");
                if (ts_node_named_child_count(args) >= 1) {
                    TSNode a = ts_node_named_child(args, 0);
                    if (is_string_literal(a)) push_unique(out, string_value(f, a));
                }
            }
            return true;
        }
        return true;
    });
    return out;
}
}  // namespace

bool mentions_identifier(const File& f, TSNode scope, std::string_view word) {
    if (word.empty()) return false;
    const bool dotted = word.find('.') != std::string_view::npos;
    bool found = false;
    walk(scope, [&](TSNode n) {
        if (found) return false;
        const std::string_view t = type(n);
        if (dotted) {
            if (t == "member_expression" || t == "selector_expression" || t == "attribute") {
                std::string s;
                callee_text(f, n, s);
                if (s == word) {
                    found = true;
                    return false;
                }
            }
            return true;
        }
        if (t.size() >= 10 && t.substr(t.size() - 10) == "identifier" && text(f, n) == word) {
            found = true;
            return false;
        }
        if ((t == "this" || t == "super") && text(f, n) == word) found = true;
        return !found;
    });
    return found;
}

}  // namespace gonogo::collect::syntax
