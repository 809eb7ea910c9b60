// Helpers shared by the telemetry probes (OBS-01/06/07/09/10, REL-10/11): import
// bindings and module-qualified call names, option look-up in object literals,
// keyword arguments and Go composite literals, identifier words, files and
// anchors. The outbound-call and send-site collectors live in
// reliability/telemetry_util.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "checks/helpers.hpp"
#include "collect/syntax.hpp"

namespace gonogo::checks::telemetry {

namespace sx = collect::syntax;
using collect::File;

// ---- small tree helpers -------------------------------------------------------
using sx::field;
using sx::is;
using sx::is_go;
using sx::is_js;
using sx::is_py;
using sx::named_children;
// Strips parentheses, await, `as`/`satisfies`, non-null assertions and Go literal_element.
inline TSNode unwrap(TSNode n) { return sx::unwrap(n, {"literal_element"}); }
bool is_function_node(TSNode n);
// Whitespace-free text of a node, clipped.
std::string compact(const File& f, TSNode n, std::size_t max = 200);

// ---- imports ----------------------------------------------------------------------
// One imported name: `local` is how the file refers to it; `module` the import
// path; `member` the imported member ("" for default, namespace and whole-module
// imports).
struct Binding {
    std::string local;
    std::string module;
    std::string member;
};

class Imports {
public:
    explicit Imports(const File& f);
    // The file's imports, gathered once for every probe and service that asks (File::derived).
    static const Imports& of(const File& f);
    // "module:path" for a dotted callee ("Sentry.init" -> "@sentry/nextjs:init",
    // "pino" -> "pino:", "slog.New" -> "log/slog:New"); "" when its root is not imported.
    std::string qualify(std::string_view dotted) const;
    // The same for a call, also following `require('x')(...)` / `require('x').y(...)` roots.
    std::string qualify(const sx::Call& c) const;
    // True when some import's module equals `module` or starts with `module` + "/" (or ".").
    bool has(std::string_view module) const;
    const std::vector<Binding>& all() const { return m_bindings; }

private:
    const File* m_file;
    std::vector<Binding> m_bindings;
};

// Splits "module:path"; module() is "" when q is empty.
std::string_view q_module(std::string_view q);
std::string_view q_path(std::string_view q);
// q's module equals m or lives under it ("@sentry/" matches "@sentry/node").
bool q_from(std::string_view q, std::string_view m);

// Calls and JS `new` expressions under scope, in source order (a `new` has node type new_expression).
std::vector<sx::Call> invocations(const File& f, TSNode scope);
bool is_new(const sx::Call& c);

// ---- options ----------------------------------------------------------------------
enum class Has { no, yes, unknown };
struct Option {
    Has has = Has::no;
    TSNode value{};
};
// Looks `key` up in an options node: a JS object literal (or a name bound to one in the
// file), a Python argument list's keywords or a dict literal, a Go composite literal
// (or &T{...}). Spreads, **kwargs and unresolvable names answer unknown when the key is
// not found literally.
Option option(const File& f, TSNode node, std::string_view key);
// The value a name is bound to in the file (JS const/let/var, Python assignment, Go := / var).
TSNode bound_value(const File& f, std::string_view name);
// A literal number (JS, Python, Go), without underscores; nullopt otherwise.
std::optional<double> number(const File& f, TSNode n);
// 0, null, undefined, None, nil, false.
bool is_nullish_or_zero(const File& f, TSNode n);
// Reads an environment variable: process.env.X, env.X, os.environ[...], os.getenv(...), os.Getenv(...).
bool reads_env(const File& f, TSNode n);
// Every plain string literal value under scope.
std::vector<std::string> string_values(const File& f, TSNode scope);

// ---- names ------------------------------------------------------------------------
// camelCase / snake_case / kebab-case words, lower-cased.
std::vector<std::string> words_of(std::string_view ident);
// The name of a function node: its declaration name, or the variable / property /
// assignment it is bound to; "" for anonymous functions.
std::string function_name(const File& f, TSNode fn);

// ---- files --------------------------------------------------------------------------
// Next.js/React client components ('use client'): browser code, not the server's.
bool is_client_component(const File& f);
// Build tooling, scripts, seeds and migrations: not server code.
bool is_tooling_path(std::string_view path);
// node_evidence with every secret-looking string literal of the node's first line masked in
// the snippet (API-key prefixes, credentials in URLs, high-entropy tokens, values of
// password/secret/token/key options).
Evidence evidence(const File& f, TSNode n, std::string note = {});
// Drops evidence repeating an earlier one's path and line (the first note is kept).
void dedupe(std::vector<Evidence>& ev);
// Where something missing should go: the service's manifest (or its first route / code file).
Evidence anchor(const ProbeContext& ctx, std::string note);
// Evidence for each hit of a signature in non-production files (tests, examples, vendored).
std::vector<Evidence> other_hits(const ProbeContext& ctx, std::string_view signature, std::string note);
// A command or environment line that starts the service: Dockerfile CMD/ENTRYPOINT/ENV
// (continuations joined), Procfile entries, package.json scripts, compose and Kubernetes
// command/args/entrypoint/environment, and Kubernetes pod annotations ("key: value").
struct Launch {
    const File* file = nullptr;
    std::size_t line = 0;
    std::string text;
};
std::vector<Launch> launch_lines(const ProbeContext& ctx);
// The major version in a semver-ish spec ("^15.8.0" -> 15, "~13" -> 13); nullopt if none.
std::optional<int> major_version(std::string_view spec);
// The number after /vN in a Go module path ("github.com/stripe/stripe-go/v76" -> 76).
std::optional<int> go_major(std::string_view module);

}  // namespace gonogo::checks::telemetry
