// Syntax-tree helpers over tree-sitter (Debian's libtree-sitter 0.20, grammars
// 0.23.x from npm, ABI 14) for JavaScript, TypeScript/TSX, Go and Python.
// Probes use these to decide from structure (calls, handlers, literals) rather
// than from words.
#pragma once
#include <functional>
#include <memory>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "collect/model.hpp"

namespace gonogo::collect::syntax {

// ---- small node helpers, shared by route extraction and the probes ----
// The child in field `name`; a null node when n is null or has no such field.
TSNode field(TSNode n, const char* name);
// True when n is not null and of grammar type `t`.
bool is(TSNode n, std::string_view t);
// Named children without comments.
std::vector<TSNode> named_children(TSNode n);
// Strips wrappers that do not change the value: parentheses, await, TS `as`/`satisfies`/non-null,
// Go type assertions; `also` names further types to strip (e.g. Go literal_element, expression_list).
TSNode unwrap(TSNode n, std::initializer_list<std::string_view> also = {});
// Language families of a file.
bool is_js(const File& f);  // JavaScript, TypeScript, TSX
bool is_js(Language l);
bool is_go(const File& f);
bool is_py(const File& f);

const TSLanguage* language_for(Language lang);  // null when unsupported
// Parses `text` with this thread's parser (one per thread: safe from worker threads) and a 2-second
// timeout; null when the language has no grammar or parsing failed or timed out. The caller owns the
// tree (hold it in a TreePtr).
TSTree* parse(Language lang, std::string_view text);

TSNode root(const File& f);  // null node (ts_node_is_null) when the file has no tree
std::string_view text(const File& f, TSNode n);
std::string_view type(TSNode n);
// The smallest named node covering [begin, end).
TSNode node_at(const File& f, std::uint32_t begin, std::uint32_t end);
// The function (declaration, arrow, method, func literal, def) that contains n; null node if none.
TSNode enclosing_function(TSNode n);
// The nearest named ancestor (the parent unless that is an anonymous node); over a flattened index
// without ts_node_parent, which descends from the root on every call.
TSNode named_parent(TSNode n);
// The body node of a function-like node (statement_block / block / expression body).
TSNode function_body(TSNode fn);

// Pre-order walk of every named node under scope (scope included).
// Return false from visit to skip the node's children.
void walk(TSNode scope, const std::function<bool(TSNode)>& visit);
// The same walk, calling visit only on nodes of the given types and descending into every other
// node: over a flattened index the types are compared as grammar symbols, without a call per node.
void walk_types(TSNode scope, std::initializer_list<std::string_view> types, const std::function<bool(TSNode)>& visit);

struct Call {
    TSNode node{};           // the call node (call_expression / call)
    std::string callee;      // callee text with whitespace removed: "prisma.$queryRawUnsafe", "db.Query", "cursor.execute", "fetch"
    std::string_view name;   // the last segment of callee: "$queryRawUnsafe", "Query", "execute", "fetch" (view into callee)
    TSNode arguments{};      // arguments / argument_list node (may be a template_string for tagged templates)
    bool tagged_template = false;  // JS: prisma.$queryRaw`...`

    // `name` views into `callee`: copies and moves re-point it at their own callee.
    Call() = default;
    Call(const Call& o);
    Call(Call&& o) noexcept;
    Call& operator=(const Call& o);
    Call& operator=(Call&& o) noexcept;
    ~Call() = default;
    void set_callee(std::string c);  // sets callee and name (the part after the last '.')
};
// Every call under scope, in source order (nested calls included).
std::vector<Call> calls(const File& f, TSNode scope);
// Argument nodes of a call (named children of its argument list), in order.
std::vector<TSNode> call_args(const Call& c);

// A function defined in the file under `name`: function declarations, `const name = (...) => {}`,
// `const name = function...`, `exports.name = ...`, Go `func name(...)` and `name := func(...)`,
// Python `def name(...)`, class methods named `name` (used only when no plain function has the name).
std::optional<TSNode> find_function(const File& f, std::string_view name);

// Every named function find_function can find, in source order (one walk; index it for many look-ups).
// A name may repeat; find_function prefers the first non-method of a name, else its first method.
struct NamedFunction {
    std::string_view name;  // view into the file's text
    TSNode node{};          // as find_function returns it (the function or the bound function value)
    bool method = false;    // class method, Go method, class field holding a function
};
std::vector<NamedFunction> functions(const File& f);

// Everything above that needs a walk of the whole tree, gathered in one place so that probes
// do not walk each file again and again (the model builder stores it in File::syntax_index).
struct Index {
    // Every named node in pre-order, with the position just past its last descendant: walk() runs
    // over this array instead of a tree cursor (the cursor also steps through every anonymous
    // token, and probes walk the same trees many times). The parent links let enclosing_function()
    // climb without ts_node_parent, which in this tree-sitter descends from the root on every call.
    struct Flat {
        TSNode node;
        std::uint32_t end;
        std::uint32_t parent;  // position of the nearest named ancestor (k_no_parent for the root)
        std::uint16_t symbol;  // ts_node_symbol (the grammar's public symbol for the node's type)
    };
    static constexpr std::uint32_t k_no_parent = 0xffffffffu;
    std::vector<Flat> nodes;
    std::vector<Call> calls;            // every call, in document order
    std::vector<std::string> imports;
    std::vector<NamedFunction> functions;
};
std::shared_ptr<const Index> build_index(const File& f);

// String literal handling.
// A plain string with no interpolation or concatenation (a `...` template without ${}, Go raw strings and
// Python "a" "b" implicit concatenation of plain strings count).
bool is_string_literal(TSNode n);
bool is_interpolated_string(TSNode n);   // template string with ${}, f-string, or "..." + x concatenation
// The same, naming callees exactly ("...".format(x), fmt.Sprintf(...)); the overload without the
// file recognises those two calls by the length of their names and their shape.
bool is_interpolated_string(const File& f, TSNode n);
std::string string_value(const File& f, TSNode n);  // the literal's content without quotes ("" if not a literal)

// Module specifiers imported by the file: import ... from 'x', require('x'), Go import "x", Python import x / from x import.
std::vector<std::string> imports(const File& f);

// True when any identifier/property/member text under scope equals `word` exactly.
bool mentions_identifier(const File& f, TSNode scope, std::string_view word);

}  // namespace gonogo::collect::syntax
