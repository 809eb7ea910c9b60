// Helpers shared by the web-facing probes (security headers, CSRF, cookies,
// CORS, rate limiting): import bindings, object/keyword/struct option lookup,
// literal evaluation, header-setting sites, Python settings and cookie sites.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/helpers.hpp"

namespace gonogo::checks::web {

using collect::File;

using collect::syntax::is_go;
using collect::syntax::is_js;  // JavaScript, TypeScript, TSX
using collect::syntax::is_py;

// ---- syntax -------------------------------------------------------------------------

using collect::syntax::field;
using collect::syntax::is;
using collect::syntax::named_children;
// Strips parentheses, await, TS `as`/`satisfies`/non-null wrappers, Go literal_element and expression_list.
inline TSNode unwrap(TSNode n) { return collect::syntax::unwrap(n, {"literal_element", "expression_list"}); }
// The index of a file in the model (for comparisons with routes).
std::uint32_t index_of(const ProbeContext& ctx, const File& f);

// A property key's text: identifier, string literal content, or computed key text.
std::string key_text(const File& f, TSNode key);
// JS object property `key` (pair or shorthand); null node when absent.
TSNode js_prop(const File& f, TSNode object, std::string_view key);
// Every (key, value) of a JS object, a Python dict or a Go composite literal.
std::vector<std::pair<std::string, TSNode>> entries(const File& f, TSNode object);
// Python keyword argument `name` of an argument_list; null node when absent.
TSNode py_kwarg(const File& f, TSNode arguments, std::string_view name);
// Go keyed field of a composite literal (`secure.Options{STSSeconds: 1}`); null node when absent.
TSNode go_key(const File& f, TSNode composite, std::string_view key);
// The nearest enclosing call whose argument list contains n (directly), or null.
TSNode enclosing_call(TSNode n);

// ---- literals ------------------------------------------------------------------------

std::optional<std::string> str_lit(const File& f, TSNode n);
std::optional<bool> bool_lit(const File& f, TSNode n);
// Integer literals and + - * of them (60 * 60 * 24 * 365, 31_536_000).
std::optional<long long> int_lit(const File& f, TSNode n);
// A same-file binding of an identifier: const/let/var declarator value, Python module-level
// assignment, Go var/const/short declaration. Null when not found.
TSNode resolve_identifier(const File& f, TSNode ident);
// `n` itself or, for an identifier, what it is bound to (depth-limited).
TSNode resolved(const File& f, TSNode n);
// process.env.X / process.env['X'] / os.environ['X'] / os.environ.get('X') / os.getenv('X') / os.Getenv("X")
std::optional<std::string> env_var(const File& f, TSNode n);
// The value documented for an environment variable (.env.example/.sample/.template/.defaults, compose).
struct EnvDoc {
    std::string value;
    Evidence where;
};
std::optional<EnvDoc> documented_env(const ProbeContext& ctx, std::string_view name);
// True when an expression ties a flag to production (NODE_ENV === 'production', !DEBUG, isProd, r.TLS != nil).
bool production_tied(const File& f, TSNode n);

// ---- imports -------------------------------------------------------------------------

struct Binding {
    std::string module;  // 'helmet', 'github.com/rs/cors', 'flask_wtf.csrf'
    std::string name;    // imported name: "default", "*" (namespace / Go package / Python module), or the export
};
using Bindings = std::map<std::string, Binding, std::less<>>;
Bindings bindings(const File& f);
// The binding of a callee's first segment ("cors" of "cors", "secure" of "secure.New").
const Binding* binding_of(const Bindings& b, std::string_view callee);
// True when the module equals one of `mods` or starts with one followed by '/' (npm, Go) or '.' (Python).
bool module_is(std::string_view module, std::initializer_list<std::string_view> mods);

// ---- Fastify autoload ------------------------------------------------------------------

// A plugin that @fastify/autoload registers: a file in a folder handed to
// `register(fastifyAutoload, { dir: path.join(..., 'plugins/external') })` whose default export
// is a plugin module (`export default helmet`, `export default fp(fastifyUnderPressure, ...)`),
// with its `export const autoConfig` options (an object, or a function returning one; null when absent).
struct AutoloadedPlugin {
    const File* file;
    std::string module;  // '@fastify/helmet'
    TSNode at;           // the export default statement
    TSNode options;      // the options object, or null
};
std::vector<AutoloadedPlugin> fastify_autoloaded(const ProbeContext& ctx);

// ---- masking ---------------------------------------------------------------------------

// Masks string literals assigned to secret-looking keys in a snippet (secret: 'x', SECRET_KEY = "x",
// password="x", keys: ['x']), keeping their first characters.
std::string mask_snippet(std::string_view snippet);
// The outcome with every evidence snippet (own and other) masked.
Outcome masked(Outcome o);

// ---- service -------------------------------------------------------------------------

// True when the service answers HTTP: routes, or a web framework dependency (Next.js, Express, Django...).
bool is_web_service(const ProbeContext& ctx);
// Where the HTTP server is set up (app creation, next.config, settings, first route), for evidence of an absence.
std::vector<Evidence> entry_evidence(const ProbeContext& ctx, std::size_t max = 3);
// The service's own kept files with a hit of any of the signatures, in path order.
std::vector<const File*> files_with(const ProbeContext& ctx, std::initializer_list<std::string_view> signatures);
// Hits of the signatures in files that are not the service's own (tests, examples, vendored), as evidence.
std::vector<Evidence> other_hits(const ProbeContext& ctx, std::initializer_list<std::string_view> signatures,
                                 std::string note);
// True when `offset` lies in the handler of one of the service's routes (a per-route, not global, place).
bool in_route_handler(const ProbeContext& ctx, const File& f, std::uint32_t offset);
// The major version of a dependency ("^7.1.0" -> 7); nullopt when absent or unparsable.
std::optional<int> dependency_major(const ProbeContext& ctx, std::string_view name);
bool is_next_config(const File& f);

// ---- Python settings -------------------------------------------------------------------

struct PySetting {
    const File* file;
    TSNode value;
    std::uint32_t offset;  // where the assignment starts
};
// UPPER_CASE settings assigned in the service's own Python files: module-level and class-level
// assignments, app.config["X"] = v, app.config.update(X=v) / from_mapping(X=v). Key -> assignments.
using PySettings = std::map<std::string, std::vector<PySetting>, std::less<>>;
PySettings python_settings(const ProbeContext& ctx);
// Strings of a Python list/tuple setting (MIDDLEWARE, INSTALLED_APPS), across its assignments.
std::vector<std::string> setting_strings(const PySettings& s, std::string_view key);
// The evidence of a setting's first assignment.
std::optional<Evidence> setting_evidence(const PySettings& s, std::string_view key, std::string note = {});
// True when the service is a Django project (dependency or settings with MIDDLEWARE/INSTALLED_APPS).
bool is_django(const ProbeContext& ctx, const PySettings& s);

// ---- response headers ------------------------------------------------------------------

struct HeaderSite {
    const File* file = nullptr;
    std::uint32_t offset = 0;
    std::size_t line = 0;        // for files without a tree (nginx, json): the line
    std::string name;            // lower case
    std::optional<std::string> value;  // literal value, when it is one
    TSNode value_node{};         // the value's node (code files), for further analysis
    bool route_only = false;     // set inside one route's handler, not for every response
    std::string how;             // "next.config.js headers()", "res.setHeader", "nginx add_header"...
    Evidence evidence() const;
};
// Every place the service's own code or config sets one of `names` (lower case) as a response header:
// setHeader/set/header/append/Set/Add calls, header-keyed object/dict/map entries, Python subscript
// assignments, next.config headers(), vercel.json headers, nginx add_header, Traefik middleware headers.
std::vector<HeaderSite> header_sites(const ProbeContext& ctx, const std::set<std::string, std::less<>>& names,
                                     std::initializer_list<std::string_view> signatures);

// nginx directives (`name args...;`) of a config text, with the line where each starts.
struct NginxDirective {
    std::string name;
    std::vector<std::string> args;
    std::size_t line = 0;
    std::uint32_t offset = 0;
};
std::vector<NginxDirective> nginx_directives(const File& f);
// True for nginx configuration files (nginx language, or *.conf/*.template under an nginx folder).
bool is_nginx_conf(const File& f);

// ---- cookies ---------------------------------------------------------------------------

enum class Flag { on, off, unset, unknown };
struct CookieSite {
    const File* file = nullptr;
    std::uint32_t offset = 0;
    std::size_t line = 0;
    std::string name;         // cookie name, or "" when not a literal
    std::string how;          // "res.cookie", "express-session", "SESSION_COOKIE_*", "http.Cookie"...
    bool session = false;     // session/auth cookie (HttpOnly required)
    Flag http_only = Flag::unset;
    Flag secure = Flag::unset;
    Flag same_site = Flag::unset;  // on = lax/strict (or none + secure)
    std::string same_site_value;   // "lax", "strict", "none" when known
    bool defaults = false;         // flags decided by framework defaults (NextAuth, Django)
    std::string note;              // what decided the flags
    Evidence evidence() const;
};
struct CookieReport {
    std::vector<CookieSite> sites;
    bool next_auth = false;                 // NextAuth/Auth.js session cookies
    std::optional<Evidence> next_auth_at;
    bool cookie_session = false;            // server-side or signed cookie sessions (express-session, Django, Flask...)
    std::vector<Evidence> session_evidence;  // where cookie sessions are set up
    bool auth_cookie_read = false;          // code reads an auth-looking cookie (req.cookies.token, cookies().get('session'))
    std::vector<Evidence> auth_cookie_reads;
};
CookieReport cookie_report(const ProbeContext& ctx);
bool session_like_name(std::string_view name);
std::string_view to_string(Flag f);

}  // namespace gonogo::checks::web
