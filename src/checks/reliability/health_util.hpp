// Helpers of the health group (REL-01, REL-02, REL-04, REL-05, REL-14, OBS-02):
// health routes and the paths deployment config probes, datastore presence,
// container start commands, resolution of called functions across the
// service's own modules, and small syntax-tree queries.
#pragma once
#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/helpers.hpp"

namespace gonogo::checks::health {

using collect::File;
using collect::Language;
using collect::Route;

// ---- syntax trees ------------------------------------------------------------------------
using collect::syntax::field;
using collect::syntax::is;
// True when inner lies inside outer (byte ranges; a node is inside itself).
bool within(TSNode inner, TSNode outer);
// The nearest ancestor of n (n excluded) of one of the types, not climbing above `stop` (null = no limit).
TSNode ancestor(TSNode n, std::initializer_list<std::string_view> types, TSNode stop = TSNode{});
bool is_function_node(TSNode n);
// The 1-based line of a node.
std::size_t line_of_node(const File& f, TSNode n);
// Integer literal value (JS number, Go int_literal, Python integer); nullopt otherwise.
std::optional<long> int_literal(const File& f, TSNode n);
// "this.prisma.user.create" -> {"prisma","user","create"}; call parentheses stay on their segment ("knex()").
std::vector<std::string_view> segments(std::string_view callee);
// The receiver's root name of a call ("tx" for tx.booking.update, "knex" for knex('t').insert); "" for plain calls.
std::string receiver_root(std::string_view callee);
// The content of a string-like argument: a plain literal, a template string's text, a tagged template,
// or the literal inside text("...")/sql`...` wrappers. Empty when not a string.
std::string sql_text(const File& f, TSNode n);
// First SQL keyword of a statement ("SELECT", "INSERT", ...), upper-cased; "" when none.
std::string sql_verb(std::string_view sql);
// A node that names a 5xx status: a 500-599 literal or a constant such as http.StatusServiceUnavailable,
// status.HTTP_503_SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, ServiceUnavailableException.
bool is_5xx(const File& f, TSNode n);
// A 5xx node under scope that sits in a failure branch (catch/except, if/else, ternary, switch case).
struct Found {
    const File* file = nullptr;
    TSNode node{};
};
std::optional<Found> failure_status(const File& f, TSNode scope);

// ---- the service -------------------------------------------------------------------------
// Web frameworks that run an HTTP server (from dependencies; Go net/http only when a server is started).
std::vector<std::string> server_frameworks(const ProbeContext& ctx);
// True when Go code starts an HTTP server (ListenAndServe/Serve, gin Run, echo Start, fiber Listen).
bool go_starts_server(const ProbeContext& ctx);
// Datastores the service uses (stack detection plus drivers it does not list).
std::vector<std::string> datastores(const ProbeContext& ctx);
// True when the service answers HTTP: it has routes or runs a server framework.
bool is_http_service(const ProbeContext& ctx);
// The declared version spec of a dependency ("" when absent).
std::string dependency_version(const ProbeContext& ctx, std::string_view name);
// (major, minor, patch) of the lowest version a spec allows ("14.2.3", "^14.1.0", "~13.4"); nullopt when unparsable.
std::optional<std::array<int, 3>> min_version(std::string_view spec);
// True when a spec pins one version or allows only one major line starting at min (^, ~, exact).
bool spec_is_bounded_major(std::string_view spec);

// A call that reaches a database or cache: prisma.$queryRaw, pool.query('SELECT 1'), db.PingContext,
// redis.ping(), session.execute(text(...)), sequelize.authenticate(), connection.ensure_connection()...
bool is_datastore_call(const File& f, const collect::syntax::Call& c);

// ---- health routes and configured probe paths ----------------------------------------------
// True for readiness-style paths (/readyz, /ready, /readiness, /health, /healthz, /healthcheck).
bool is_readiness_path(std::string_view path);
// Routes of the service on a health path answering GET (or any method), readiness paths first.
std::vector<const Route*> health_routes(const ProbeContext& ctx);
// A path probed by deployment config: Kubernetes httpGet probes, compose healthchecks, Dockerfile HEALTHCHECK.
struct ProbePath {
    std::string path;
    std::string source;  // "Kubernetes readinessProbe", "compose healthcheck", "Dockerfile HEALTHCHECK"
    Evidence evidence;
};
std::vector<ProbePath> configured_probe_paths(const ProbeContext& ctx);
// A health endpoint served by a library rather than a declared route: terminus createTerminus
// healthChecks, fastify-healthcheck, express-actuator, django-health-check, app.use('/health', ...).
struct LibraryHealth {
    std::string path;
    std::string library;
    const File* file = nullptr;
    TSNode node{};                 // the registering call
    std::optional<TSNode> check;   // the check function (terminus) or mounted handler, in `file`
    bool answers_503 = false;      // the library answers 503 when the check throws / a backend fails
    bool checks_database = false;  // the library itself checks the database (django-health-check's db backend)
};
std::vector<LibraryHealth> library_health(const ProbeContext& ctx);
// A request path compared with a health path literal in own code: `req.url === '/health'`,
// `case "/healthz":`, `if r.URL.Path == "/healthz"`.
std::vector<Evidence> health_path_comparisons(const ProbeContext& ctx);
// True when a route path matches a concrete path ("/users/:id" matches "/users/7").
bool route_matches(std::string_view route_path, std::string_view path);
// Evidence for a YAML node's line in a file.
Evidence yaml_evidence(const File& f, const YAML::Node& n, std::string note = {});
// Evidence at the line of a map's key (`readinessProbe:`) rather than its value.
Evidence yaml_key_evidence(const File& f, const YAML::Node& map, std::string_view key, std::string note = {});

// ---- containers ----------------------------------------------------------------------------
struct Instruction {
    std::size_t line = 0;
    bool exec_form = false;
    std::vector<std::string> argv;  // exec form: the array; shell form: whitespace-split words
    std::string raw;                // the instruction's arguments as written (continuations joined)
};
// The final stage of a Dockerfile.
struct Container {
    const File* file = nullptr;
    std::optional<Instruction> entrypoint, cmd, stopsignal, healthcheck;
};
std::vector<Container> containers(const ProbeContext& ctx);
// A package.json script of the service, with its evidence.
struct Script {
    std::string command;
    Evidence evidence;
};
std::optional<Script> npm_script(const ProbeContext& ctx, std::string_view name);

// ---- functions across files ----------------------------------------------------------------
struct Fn {
    const File* file = nullptr;
    TSNode node{};
};
// The own file a module specifier names, seen from `from` (relative paths, "@/" and "~/" aliases,
// Python dotted and relative modules, Go import paths of the service's module); null when not own code.
const File* resolve_module(const ProbeContext& ctx, const File& from, std::string_view spec);
// Where an identifier used in `f` is imported from: (module specifier, imported name; "default" or "*").
struct Binding {
    std::string module;
    std::string name;
};
// Every imported local name of a file (one pass over its top-level statements).
std::map<std::string, Binding, std::less<>> import_bindings(const File& f);
std::optional<Binding> import_binding(const File& f, std::string_view local);
// Resolves calls to the functions they invoke: defined in the same file, imported from an own
// module, or (Go) defined in the same package directory. Function and import indexes are built
// once per file and kept for the resolver's lifetime (one probe run).
class Resolver {
public:
    explicit Resolver(const ProbeContext& ctx) : m_ctx(ctx) {}
    // The called function; nullopt when unresolved or not own code.
    std::optional<Fn> resolve(const File& f, const collect::syntax::Call& c);
    // The function a callee text names (`shutdown`, `this.close`, `helpers.check`).
    std::optional<Fn> resolve(const File& f, std::string_view callee);
    // True when the call is to own code we could not resolve (a helper imported from an own module
    // that is missing or unparsed).
    bool unresolved_own(const File& f, const collect::syntax::Call& c);
    // A function named `name` in the file (plain functions before methods).
    std::optional<TSNode> find(const File& f, std::string_view name);
    // Where an identifier used in the file is imported from.
    std::optional<Binding> binding(const File& f, std::string_view local);

private:
    struct FileIndex {
        std::map<std::string, TSNode, std::less<>> functions, methods;
        std::map<std::string, Binding, std::less<>> bindings;
    };
    const FileIndex& index(const File& f);
    std::optional<Fn> go_find_in_dir(const std::string& dir, std::string_view name);
    const ProbeContext& m_ctx;
    std::map<const File*, FileIndex> m_index;
    std::string m_go_module;
    bool m_go_module_read = false;
};

}  // namespace gonogo::checks::health
