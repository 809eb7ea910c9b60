// Shared syntax helpers of the code-security probes (SQL built from strings,
// HTML sinks, input validation, webhook signatures, JWT, password hashing,
// TLS verification): node navigation, local data-flow within one function.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "checks/helpers.hpp"
#include "collect/syntax.hpp"

namespace gonogo::checks::codesec {

namespace sx = collect::syntax;
using collect::File;

// ---- nodes ----
inline TSNode child(TSNode n, const char* field_name) { return sx::field(n, field_name); }
using sx::is;
using sx::is_go;
using sx::is_js;
using sx::is_py;
using sx::named_children;
// Strips await, parentheses, `as`/`satisfies`/non-null/type assertions.
inline TSNode unwrap(TSNode n) { return sx::unwrap(n); }
// First line of a node's text, clipped (for messages).
std::string short_text(const File& f, TSNode n, std::size_t max = 80);
// True when `inner` lies inside `outer` (byte ranges).
bool inside(TSNode inner, TSNode outer);

// ---- literals ----
// A literal value: string without interpolation, number, boolean, null/None/nil.
bool is_literal(TSNode n);
bool is_false(const File& f, TSNode n);  // false / False
bool is_true(const File& f, TSNode n);   // true / True
// Names bound to literals at the top of the file (const X = '...', X = "..." in Python, Go const/var).
bool is_constant_name(const File& f, std::string_view name);
// A read of the process environment (process.env.X, os.environ[...], os.getenv(), os.Getenv()): operator
// configuration, not request data.
bool env_read(const File& f, TSNode n);
// An interpolated string whose every substitution is a literal, a constant name, a local bound only to
// literals (or a choice between literals) before the string, or an environment read.
bool interpolates_only_constants(const File& f, TSNode n);
// Literal text parts of a string-building expression (template, f-string, concatenation, Sprintf format).
std::string literal_parts(const File& f, TSNode n);

// ---- local data flow ----
// The function around n, or the file's root when n is at top level.
TSNode scope_of(const File& f, TSNode n);
struct Assignment {
    TSNode value{};        // the right-hand side
    TSNode at{};           // the declaration / assignment node
    bool augmented = false;  // +=
};
// Assignments and declarations binding `name` inside scope (nested functions included).
std::vector<Assignment> assignments_to(const File& f, TSNode scope, std::string_view name);
// The parameter names of a function-like node, in order.
std::vector<std::string> parameters(const File& f, TSNode fn);
// The name of a function-like node (declaration name or the variable it is bound to); empty when anonymous.
std::string function_name(const File& f, TSNode fn);

// ---- calls / objects ----
// Value of property `key` in a JS object literal (pair value, or the shorthand identifier); null when absent.
TSNode object_value(const File& f, TSNode obj, std::string_view key);
bool object_has_key(const File& f, TSNode obj, std::string_view key);
// Python keyword argument `name` of a call; null when absent.
TSNode kwarg(const File& f, const sx::Call& c, std::string_view name);
// Go composite literal keyed element `key`'s value; null when absent.
TSNode go_keyed_value(const File& f, TSNode composite, std::string_view key);
// Positional arguments (Python keyword arguments and splats excluded).
std::vector<TSNode> positional_args(const sx::Call& c);

// ---- masking ----
// Masks provider tokens (sk_live_, whsec_, ghp_, AKIA..., SG.) and URL passwords in every snippet of the outcome.
void scrub(Outcome& o);

// ---- words ----
bool looks_like_sql(std::string_view s);
// password, passwd, pwd, passphrase, with optional plain_/raw_/new_ prefixes (not *hash*).
bool password_like(std::string_view name);
bool ieq(std::string_view a, std::string_view b);

// Every function named `name` in the service's code files (one index per probe run).
class FunctionIndex {
public:
    explicit FunctionIndex(const std::vector<const File*>& files);
    struct Entry {
        const File* file;
        TSNode node;
    };
    std::vector<Entry> find(std::string_view name) const;
private:
    std::vector<std::pair<std::string, Entry>> m_entries;  // sorted by name
};

}  // namespace gonogo::checks::codesec
