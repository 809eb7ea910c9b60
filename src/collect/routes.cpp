// HTTP route extraction (see routes.hpp): walks the syntax trees of the
// services' own JavaScript/TypeScript, Go and Python files for route
// declarations and resolves each handler to its function body.
#include "collect/routes.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::collect {

namespace {

namespace sx = syntax;

constexpr std::uint32_t k_unresolved = UINT32_MAX;
constexpr int k_max_depth = 6;  // import / wrapper / mount hops followed
constexpr std::size_t k_max_prefixes = 16;  // mount prefixes kept per file (a router mounted in many places)

// ---- small tree helpers ----------------------------------------------------------

using sx::field;
using sx::is;
using sx::named_children;

bool has_token(TSNode n, std::string_view token) {
    const std::uint32_t count = ts_node_child_count(n);
    for (std::uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(n, i);
        if (!ts_node_is_named(c) && sx::type(c) == token) return true;
    }
    return false;
}

bool is_js_function(TSNode n) {
    const std::string_view t = sx::type(n);
    return t == "arrow_function" || t == "function_expression" || t == "function" || t == "generator_function";
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// ---- paths -------------------------------------------------------------------------

std::string dirname(std::string_view p) {
    const auto slash = p.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(p.substr(0, slash));
}

std::string basename(std::string_view p) {
    const auto slash = p.rfind('/');
    return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

// Resolves "." and ".." segments; returns "" when the path climbs above the root.
std::optional<std::string> normalize(std::string_view p) {
    std::vector<std::string_view> out;
    for (auto seg : str::split(p, '/')) {
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (out.empty()) return std::nullopt;
            out.pop_back();
            continue;
        }
        out.push_back(seg);
    }
    std::string s;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i) s += '/';
        s += out[i];
    }
    return s;
}

std::string join_fs(std::string_view dir, std::string_view rel) {
    if (dir.empty()) return std::string(rel);
    return std::string(dir) + "/" + std::string(rel);
}

// Joins a route prefix and a path: ("/api", "users") -> "/api/users", ("", "") -> "/".
std::string join_route(std::string_view prefix, std::string_view path) {
    std::string p(prefix);
    while (!p.empty() && p.back() == '/') p.pop_back();
    if (!p.empty() && p.front() != '/') p.insert(p.begin(), '/');
    if (path.empty() || path == "/") return p.empty() ? std::string("/") : p;
    if (path == "*" && p.empty()) return "*";
    if (path.front() != '/') p += '/';
    p += path;
    return p;
}

// "[id]" -> ":id", "[...slug]" / "[[...slug]]" -> ":slug*"; other segments unchanged.
std::string next_segment(std::string_view seg) {
    if (seg.size() >= 2 && seg.front() == '[' && seg.back() == ']') {
        std::string_view inner = seg.substr(1, seg.size() - 2);
        if (inner.size() >= 2 && inner.front() == '[' && inner.back() == ']') inner = inner.substr(1, inner.size() - 2);
        if (str::starts_with(inner, "...")) return ":" + std::string(inner.substr(3)) + "*";
        return ":" + std::string(inner);
    }
    return std::string(seg);
}

// A URL path from folder segments (Next.js): route groups "(x)" and parallel slots "@x" are dropped.
std::string next_path(const std::vector<std::string_view>& segments) {
    std::string out;
    for (auto seg : segments) {
        if (seg.empty()) continue;
        if (seg.front() == '(' && seg.back() == ')') continue;
        if (seg.front() == '@') continue;
        out += '/';
        out += next_segment(seg);
    }
    return out.empty() ? "/" : out;
}

// Django: "users/<int:pk>/" -> "users/:pk/"; re_path: "^x/(?P<pk>[0-9]+)/$" -> "x/:pk/".
std::string django_path(std::string_view route, bool regex) {
    std::string out;
    if (regex) {
        if (!route.empty() && route.front() == '^') route.remove_prefix(1);
        if (!route.empty() && route.back() == '$') route.remove_suffix(1);
        if (str::ends_with(route, "/?")) route.remove_suffix(1);  // optional trailing slash
    }
    for (std::size_t i = 0; i < route.size(); ++i) {
        if (!regex && route[i] == '<') {
            const auto close = route.find('>', i);
            if (close != std::string_view::npos) {
                std::string_view inner = route.substr(i + 1, close - i - 1);
                const auto colon = inner.rfind(':');
                out += ':';
                out += colon == std::string_view::npos ? inner : inner.substr(colon + 1);
                i = close;
                continue;
            }
        }
        if (regex && route.substr(i, 4) == "(?P<") {
            const auto name_end = route.find('>', i);
            // Skip to the group's closing parenthesis (no nesting inside named groups in practice).
            const auto close = route.find(')', name_end == std::string_view::npos ? i : name_end);
            if (name_end != std::string_view::npos && close != std::string_view::npos) {
                out += ':';
                out += route.substr(i + 4, name_end - i - 4);
                i = close;
                continue;
            }
        }
        out += route[i];
    }
    return out;
}

bool is_http_verb(std::string_view upper_name) {
    static const std::set<std::string_view> verbs = {"GET",     "POST",    "PUT",   "PATCH", "DELETE",
                                                     "HEAD",    "OPTIONS", "TRACE", "CONNECT"};
    return verbs.count(upper_name) > 0;
}

// Go 1.22 patterns: "GET /p/{id}", "/p", "example.com/p", "GET example.com/p".
std::optional<std::pair<std::string, std::string>> go_pattern(std::string_view pattern) {
    std::string method = "ANY";
    pattern = str::trim(pattern);
    const auto space = pattern.find_first_of(" \t");
    if (space != std::string_view::npos) {
        std::string m = upper(pattern.substr(0, space));
        if (!is_http_verb(m)) return std::nullopt;
        method = m;
        pattern = str::trim(pattern.substr(space + 1));
    }
    if (pattern.empty()) return std::nullopt;
    if (pattern.front() != '/') {
        const auto slash = pattern.find('/');
        if (slash == std::string_view::npos) return std::nullopt;
        pattern = pattern.substr(slash);  // host-qualified pattern: keep the path
    }
    return std::make_pair(method, std::string(pattern));
}

// Keyword prefilter: route declarations carry a path literal ("/x", '/x', `/x`, '*'), so a file
// without one is skipped before any tree walk.
bool has_path_literal(std::string_view text) {
    for (std::string_view needle : {"'/", "\"/", "`/", "'*'", "\"*\""})
        if (text.find(needle) != std::string_view::npos) return true;
    return false;
}

struct Handler {
    std::uint32_t file = k_unresolved;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string name;
};

// A receiver scope opened by a callback: chi r.Route("/p", func(r chi.Router) {...}),
// fastify.register(async (app) => {...}, { prefix: "/p" }).
struct Scope {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string param;
    std::string prefix;
};

struct DjangoRoute {
    std::uint32_t file = 0;
    std::uint32_t at = 0;  // byte offset of the declaration
    std::string path;      // relative, without leading '/'
    Handler handler;
};

// A mount: file `to` is reachable under `prefix` from file `from` (Django include(), Express
// app.use('/api', router), fastify.register(plugin, { prefix })).
struct Edge {
    std::uint32_t from = 0;
    std::string prefix;
    std::uint32_t to = 0;
    std::string receiver;  // JS: the router variable the mount was made on (for same-file prefixes)
    std::string target;    // Python: the router / blueprint variable mounted (defined in file `to`); "" = any
    bool replaces_prefix = false;  // Flask register_blueprint(url_prefix=...) replaces the blueprint's own prefix
};

Edge edge(std::uint32_t from, std::string prefix, std::uint32_t to, std::string receiver = {}) {
    Edge e;
    e.from = from;
    e.prefix = std::move(prefix);
    e.to = to;
    e.receiver = std::move(receiver);
    return e;
}

struct JsBinding {
    std::string spec;      // module specifier
    std::string imported;  // exported name, "default", "*" (namespace) or "*module*" (require result)
};

struct PyBinding {
    std::string module;  // "app.views", ".views", "."
    std::string name;    // imported name; empty when the identifier is the module itself
};

class Extractor {
public:
    explicit Extractor(RepoModel& m) : m_model(m) {}

    void run() {
        m_model.routes.clear();
        for (auto& s : m_model.services) s.routes.clear();
        index();
        for (std::uint32_t i = 0; i < m_model.files.size(); ++i) {
            const File& f = m_model.files[i];
            if (!usable(i) || !f.is_own()) continue;
            m_scopes.clear();
            m_var_prefix.clear();
            switch (f.lang) {
                case Language::javascript:
                case Language::typescript:
                case Language::tsx: extract_js(i); break;
                case Language::go: extract_go(i); break;
                case Language::python: extract_python(i); break;
                default: break;
            }
        }
        emit_django();
        apply_autoload();
        apply_mounts();
        apply_nest_prefix();
    }

private:
    RepoModel& m_model;
    std::unordered_map<std::string, std::uint32_t> m_by_path;
    std::map<std::string, std::vector<std::uint32_t>> m_go_dirs;  // directory -> Go files
    std::vector<std::uint32_t> m_py_files;
    std::vector<std::uint32_t> m_go_files;
    std::unordered_map<std::uint32_t, std::vector<std::string>> m_imports;
    std::vector<Scope> m_scopes;                       // per file being extracted
    // Per file: router variable -> (declaration offset, route prefix), in source order.
    std::map<std::string, std::vector<std::pair<std::uint32_t, std::string>>> m_var_prefix;
    std::vector<DjangoRoute> m_django;
    std::vector<Edge> m_django_includes;
    // Express/Koa/Hono/Fastify: side facts of each route (parallel to m_model.routes) used to prefix
    // routes mounted elsewhere: app.use('/api', usersRouter) in one file, router.get('/:id') in another.
    struct RouteInfo {
        std::string receiver;   // the object the route was declared on ("router"); empty when not a call route
        bool mountable = false; // a call route whose path is relative to where its router is mounted
        std::uint32_t home = k_unresolved;  // Python: the file defining the router (else the route's file)
        std::string own_path;   // Python: the path without the router's own prefix
    };
    std::vector<RouteInfo> m_info;
    std::vector<TSNode> m_go_with;  // middleware of the Go call being read: chi r.With(mw).Get(...)
    std::vector<std::pair<std::string, std::string>> m_autoload;  // @fastify/autoload: directory, prefix
    mutable std::map<std::uint32_t, std::map<std::string, std::string>> m_py_prefixes;  // file -> router -> prefix
    // Per-file indexes built by one walk each, on first use: handler resolution asks for many names.
    struct FileIndex {
        bool functions_built = false;
        std::unordered_map<std::string_view, TSNode> functions;  // find_function's answer per name
        bool js_built = false;
        std::unordered_map<std::string, JsBinding> js_bindings;
        std::unordered_map<std::string, TSNode> js_values;       // const name = value (not a require)
        bool py_built = false;
        std::unordered_map<std::string, PyBinding> py_bindings;
    };
    mutable std::unordered_map<std::uint32_t, FileIndex> m_index;
    std::vector<Edge> m_mounts;                    // from file, prefix, mounted file
    std::vector<std::pair<std::string, std::string>> m_local_mounts;  // per file: router variable, prefix
    std::map<int, std::pair<std::string, std::vector<std::string>>> m_nest_prefix;  // service -> global prefix, excludes

    // ---- model access ----

    bool usable(std::uint32_t i) const {
        const File& f = m_model.files[i];
        return f.kept && f.tree;
    }

    void index() {
        for (std::uint32_t i = 0; i < m_model.files.size(); ++i) {
            if (!usable(i)) continue;
            const File& f = m_model.files[i];
            m_by_path.emplace(f.path, i);
            if (f.lang == Language::go) {
                m_go_dirs[dirname(f.path)].push_back(i);
                m_go_files.push_back(i);
            }
            if (f.lang == Language::python) m_py_files.push_back(i);
        }
    }

    const File& file(std::uint32_t i) const { return m_model.files[i]; }

    std::optional<std::uint32_t> lookup(const std::string& path) const {
        auto it = m_by_path.find(path);
        if (it == m_by_path.end()) return std::nullopt;
        return it->second;
    }

    const std::vector<std::string>& imports_of(std::uint32_t i) {
        auto it = m_imports.find(i);
        if (it == m_imports.end()) it = m_imports.emplace(i, sx::imports(file(i))).first;
        return it->second;
    }

    bool imports_module(std::uint32_t i, std::string_view module) {
        if (!str::contains(file(i).text, module)) return false;  // no walk for files that never name it
        for (const auto& spec : imports_of(i))
            if (spec == module || (str::starts_with(spec, module) && spec.size() > module.size() &&
                                   (spec[module.size()] == '/' || spec[module.size()] == '.')))
                return true;
        return false;
    }

    const Service* service_of(std::uint32_t i) const {
        const int s = file(i).service;
        if (s < 0 || static_cast<std::size_t>(s) >= m_model.services.size()) return nullptr;
        return &m_model.services[static_cast<std::size_t>(s)];
    }

    bool service_has(std::uint32_t i, std::string_view framework) const {
        const Service* s = service_of(i);
        return s && s->frameworks.count(std::string(framework)) > 0;
    }

    // The file's path relative to its service's root.
    std::string service_relative(std::uint32_t i) const {
        const std::string& p = file(i).path;
        const Service* s = service_of(i);
        if (s && !s->root.empty() && str::starts_with(p, s->root + "/")) return p.substr(s->root.size() + 1);
        return p;
    }

    std::string service_root(std::uint32_t i) const {
        const Service* s = service_of(i);
        return s ? s->root : std::string();
    }

    // ---- route output ----

    Handler handler_at(std::uint32_t fi, TSNode n, std::string name = {}) const {
        Handler h;
        h.file = fi;
        h.begin = ts_node_start_byte(n);
        h.end = ts_node_end_byte(n);
        h.name = std::move(name);
        return h;
    }

    std::size_t add(std::uint32_t fi, std::uint32_t at, std::string framework, std::string method, std::string path,
                    const Handler& h, std::vector<std::string> middleware = {}) {
        const File& f = file(fi);
        Route r;
        r.framework = std::move(framework);
        r.method = std::move(method);
        r.path = std::move(path);
        r.file = fi;
        const auto pos = f.lines.at(at);
        r.line = pos.line;
        r.column = pos.column;
        r.handler_file = h.file;
        r.handler_begin = h.begin;
        r.handler_end = h.end;
        r.handler_name = h.name;
        r.middleware = std::move(middleware);
        const auto index = static_cast<std::uint32_t>(m_model.routes.size());
        m_model.routes.push_back(std::move(r));
        m_info.emplace_back();
        if (f.service >= 0 && static_cast<std::size_t>(f.service) < m_model.services.size())
            m_model.services[static_cast<std::size_t>(f.service)].routes.push_back(index);
        return index;
    }

    // A call route (router.get('/x', h)) whose path depends on where its router is mounted.
    void add_call_route(std::uint32_t fi, std::uint32_t at, const std::string& framework, std::string method,
                        std::string path, const Handler& h, std::vector<std::string> middleware,
                        const std::string& receiver) {
        const std::size_t i = add(fi, at, framework, std::move(method), std::move(path), h, std::move(middleware));
        m_info[i].receiver = receiver;
        m_info[i].mountable = true;
    }

    // Prefixes a file is mounted under through chains of mounts from files nobody mounts.
    std::vector<std::string> mount_prefixes(const std::vector<Edge>& edges, std::uint32_t fi, int depth,
                                            std::map<std::uint32_t, std::vector<std::string>>& memo) const {
        auto it = memo.find(fi);
        if (it != memo.end()) return it->second;
        std::vector<std::string> out;
        if (depth < k_max_depth) {
            for (const auto& e : edges) {
                if (e.to != fi || e.from == fi) continue;
                for (const auto& p : mount_prefixes(edges, e.from, depth + 1, memo)) out.push_back(join_route(p, e.prefix));
            }
        }
        if (out.empty()) out.push_back("");
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        if (out.size() > k_max_prefixes) out.resize(k_max_prefixes);
        memo[fi] = out;
        return out;
    }

    void apply_mounts() {
        if (m_mounts.empty()) return;
        std::map<std::uint32_t, std::vector<std::string>> memo;
        const std::size_t count = m_model.routes.size();
        for (std::size_t i = 0; i < count; ++i) {
            if (!m_info[i].mountable) continue;
            const std::uint32_t fi = m_model.routes[i].file;
            const Route original = m_model.routes[i];
            std::vector<std::string> prefixes;
            std::vector<std::string> bases;  // the route path each prefix applies to
            if (m_info[i].home == k_unresolved) {
                prefixes = mount_prefixes(m_mounts, fi, 0, memo);
                bases.assign(prefixes.size(), original.path);
            } else {
                // Python: mounts of the router object itself (include_router / register_blueprint)
                for (const auto& e : m_mounts) {
                    if (e.to != m_info[i].home || (!e.target.empty() && e.target != m_info[i].receiver)) continue;
                    for (const auto& p : mount_prefixes(m_mounts, e.from, 0, memo)) {
                        prefixes.push_back(join_route(p, e.prefix));
                        bases.push_back(e.replaces_prefix && !e.prefix.empty() ? m_info[i].own_path : original.path);
                    }
                }
                if (prefixes.empty()) continue;
            }
            if (prefixes.size() == 1 && prefixes[0].empty()) continue;
            for (std::size_t k = 0; k < prefixes.size(); ++k) {
                const std::string path = bases[k] == "*" ? join_route(prefixes[k], "*") : join_route(prefixes[k], bases[k]);
                if (k == 0) {
                    m_model.routes[i].path = path;
                    continue;
                }
                Handler h{original.handler_file, original.handler_begin, original.handler_end, original.handler_name};
                const auto pos_line = original.line;
                const std::size_t j = add(fi, 0, original.framework, original.method, path, h, original.middleware);
                m_model.routes[j].line = pos_line;
                m_model.routes[j].column = original.column;
            }
        }
    }

    // @fastify/autoload prefixes each plugin's routes with its folder below the autoloaded directory.
    void apply_autoload() {
        for (std::size_t i = 0; i < m_model.routes.size(); ++i) {
            if (!m_info[i].mountable || m_model.routes[i].framework != "fastify") continue;
            const std::string& p = file(m_model.routes[i].file).path;
            for (const auto& [dir, prefix] : m_autoload) {
                if (!str::starts_with(p, dir + "/")) continue;
                const std::string folder = dirname(p.substr(dir.size() + 1));
                m_model.routes[i].path = join_route(join_route(prefix, folder), m_model.routes[i].path);
                break;
            }
        }
    }

    void apply_nest_prefix() {
        if (m_nest_prefix.empty()) return;
        for (auto& r : m_model.routes) {
            if (r.framework != "nestjs") continue;
            auto it = m_nest_prefix.find(file(r.file).service);
            if (it == m_nest_prefix.end()) continue;
            const auto& [prefix, excludes] = it->second;
            std::string bare = r.path;
            while (!bare.empty() && bare.front() == '/') bare.erase(bare.begin());
            if (std::find(excludes.begin(), excludes.end(), bare) != excludes.end()) continue;
            r.path = join_route(prefix, r.path);
        }
    }

    // The prefix a receiver carries at `at`: an enclosing callback scope naming it, else a group variable.
    std::string prefix_for(std::uint32_t at, std::string_view receiver) const {
        const Scope* best = nullptr;
        for (const auto& s : m_scopes)
            if (s.param == receiver && s.begin <= at && at < s.end && (!best || s.begin >= best->begin)) best = &s;
        if (best) return best->prefix;
        auto it = m_var_prefix.find(std::string(receiver));
        if (it == m_var_prefix.end() || it->second.empty()) return {};
        // The latest declaration before `at` (a name reused in several functions), else the first one.
        const std::string* found = &it->second.front().second;
        for (const auto& [pos, prefix] : it->second)
            if (pos <= at) found = &prefix;
        return *found;
    }

    void set_var_prefix(const std::string& var, std::uint32_t at, std::string prefix) {
        auto& entries = m_var_prefix[var];
        entries.emplace_back(at, std::move(prefix));
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    // Names of middleware arguments (identifiers, members, calls, arrays of those).
    void middleware_names(std::uint32_t fi, TSNode n, std::vector<std::string>& out) const {
        const File& f = file(fi);
        n = sx::unwrap(n);
        const std::string_view t = sx::type(n);
        if (t == "array" || t == "list") {
            for (TSNode c : named_children(n)) middleware_names(fi, c, out);
            return;
        }
        if (t == "identifier" || t == "member_expression" || t == "selector_expression" || t == "attribute") {
            out.push_back(std::string(sx::text(f, n)));
            return;
        }
        if (t == "call_expression" || t == "call") out.push_back(str::clip(sx::text(f, field(n, "function")), 80));
    }

    // ==== JavaScript / TypeScript ===================================================

    // The server framework of a file and whether the file imports it (else it is the service's).
    std::pair<std::string, bool> js_framework(std::uint32_t fi) {
        if (imports_module(fi, "express")) return {"express", true};
        if (imports_module(fi, "fastify") || imports_module(fi, "fastify-plugin")) return {"fastify", true};
        if (imports_module(fi, "koa") || imports_module(fi, "@koa/router") || imports_module(fi, "koa-router"))
            return {"koa", true};
        if (imports_module(fi, "hono")) return {"hono", true};
        if (imports_module(fi, "restify")) return {"restify", true};
        if (imports_module(fi, "@hapi/hapi")) return {"hapi", true};
        if (imports_module(fi, "polka")) return {"polka", true};
        for (const char* fw : {"express", "fastify", "koa", "hono"})
            if (service_has(fi, fw)) return {fw, false};
        return {};
    }

    static bool server_like_receiver(std::string_view recv) {
        const std::string l = str::lower(recv);
        for (const char* w : {"app", "router", "server", "fastify", "koa", "hono", "route"})
            if (str::contains(l, w)) return true;
        return false;
    }

    static bool is_client_receiver(std::string_view recv) {
        const auto dot = recv.rfind('.');
        const std::string_view last = dot == std::string_view::npos ? recv : recv.substr(dot + 1);
        static const std::set<std::string_view> clients = {
            "axios", "http", "https", "fetch", "request", "superagent", "got", "ky", "client", "httpClient",
            "$http", "supertest", "agent", "cy", "mock", "nock", "fetcher", "ofetch", "$fetch", "wretch"};
        return clients.count(last) > 0;
    }

    static std::string js_verb(std::string_view name) {
        static const std::map<std::string_view, std::string_view> verbs = {
            {"get", "GET"},         {"post", "POST"}, {"put", "PUT"}, {"patch", "PATCH"}, {"delete", "DELETE"},
            {"del", "DELETE"},      {"head", "HEAD"}, {"options", "OPTIONS"}, {"all", "ANY"}, {"use", "ANY"},
            {"on", "ON"}};
        auto it = verbs.find(name);
        return it == verbs.end() ? std::string() : std::string(it->second);
    }

    // The part of a path stem below a Next.js routing folder ("app", "pages/api"): at the service root,
    // under src/, or, in a Next.js service or a file importing next, below any folder of that name.
    std::optional<std::string> next_rest(std::uint32_t fi, const std::string& rel_stem, const std::string& full_stem,
                                         std::string_view dir) {
        for (std::string_view base : {"", "src/"}) {
            const std::string b = std::string(base) + std::string(dir) + "/";
            if (str::starts_with(rel_stem, b)) return rel_stem.substr(b.size());
        }
        const std::string needle = "/" + std::string(dir) + "/";
        const auto pos = full_stem.find(needle);
        if (pos != std::string::npos && (service_has(fi, "nextjs") || imports_module(fi, "next")))
            return full_stem.substr(pos + needle.size());
        return std::nullopt;
    }

    void extract_js(std::uint32_t fi) {
        const File& f = file(fi);
        TSNode root = sx::root(f);
        const std::size_t first_route = m_model.routes.size();
        const std::size_t first_mount = m_mounts.size();
        m_local_mounts.clear();
        const std::string rel = service_relative(fi);
        static const std::set<std::string_view> exts = {"js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts"};
        const auto dot = rel.rfind('.');
        const std::string ext = dot == std::string::npos ? std::string() : rel.substr(dot + 1);
        if (exts.count(ext)) {
            const std::string stem = rel.substr(0, dot);
            const auto full_dot = f.path.rfind('.');
            const std::string full_stem = "/" + f.path.substr(0, full_dot);
            // Next.js app router: app/**/route.ts, src/app/**/route.ts
            const bool route_file = stem == "route" || str::ends_with(stem, "/route");
            std::optional<std::string> rest;
            if (route_file) rest = next_rest(fi, stem, full_stem, "app");
            if (rest && (*rest == "route" || str::ends_with(*rest, "/route"))) {
                std::string_view dir = std::string_view(*rest).substr(0, rest->size() - std::string_view("route").size());
                next_app_route(fi, next_path(str::split(dir, '/')));
            } else if (auto api = str::contains(full_stem, "pages/api/") ? next_rest(fi, stem, full_stem, "pages/api")
                                                                         : std::nullopt) {
                // Next.js pages router: pages/api/**, src/pages/api/**
                const std::string api_path = "api/" + *api;
                auto segments = str::split(api_path, '/');
                if (!segments.empty() && segments.back() == "index") segments.pop_back();
                next_pages_route(fi, next_path(segments));
            }
        }
        if (str::contains(f.text, "Controller")) nest_routes(fi, root);
        if (str::contains(f.text, "setGlobalPrefix") && imports_module(fi, "@nestjs/core")) nest_global_prefix(fi, root);
        if (!has_path_literal(f.text) && !str::contains(f.text, "register(")) return;
        auto [framework, imported] = js_framework(fi);
        if (!framework.empty()) {
            if (str::contains(f.text, "prefix") || str::contains(f.text, "basePath")) js_var_prefixes(fi, root);
            js_call_routes(fi, root, framework, imported);
        }
        // Routers mounted in this same file: const api = express.Router(); ...; app.use('/api', api)
        for (const auto& [router, prefix] : m_local_mounts) {
            for (std::size_t i = first_route; i < m_model.routes.size(); ++i)
                if (m_info[i].mountable && m_info[i].receiver == router)
                    m_model.routes[i].path = join_route(prefix, m_model.routes[i].path);
            for (std::size_t i = first_mount; i < m_mounts.size(); ++i)
                if (m_mounts[i].receiver == router) m_mounts[i].prefix = join_route(prefix, m_mounts[i].prefix);
        }
    }

    // The router a call is made on: `router` in router.get(...), or for a chain on a fresh router
    // (const api = Router().use(a).use(b)) the variable the chain is assigned to.
    std::string js_router_name(std::uint32_t fi, TSNode call, TSNode recv) const {
        const File& f = file(fi);
        TSNode base = recv;
        for (int i = 0; i < 32 && is(base, "call_expression") && is(field(base, "function"), "member_expression"); ++i)
            base = sx::unwrap(field(field(base, "function"), "object"));
        if (is(base, "identifier") || (is(base, "member_expression") && ts_node_end_byte(base) - ts_node_start_byte(base) <= 120))
            return std::string(sx::text(f, base));
        TSNode top = call;
        for (int i = 0; i < 32; ++i) {
            TSNode p = ts_node_parent(top);
            if (is(p, "member_expression") && is(ts_node_parent(p), "call_expression")) top = ts_node_parent(p);
            else break;
        }
        TSNode p = ts_node_parent(top);
        while (is(p, "parenthesized_expression") || is(p, "await_expression")) p = ts_node_parent(p);
        if (is(p, "variable_declarator") && is(field(p, "name"), "identifier")) return std::string(sx::text(f, field(p, "name")));
        return {};
    }

    // app.setGlobalPrefix('api', { exclude: ['health'] }) in a NestJS bootstrap file.
    void nest_global_prefix(std::uint32_t fi, TSNode root) {
        const File& f = file(fi);
        for (const auto& c : sx::calls(f, root)) {
            if (c.name != "setGlobalPrefix") continue;
            auto args = sx::call_args(c);
            if (args.empty() || !sx::is_string_literal(args[0])) continue;
            std::vector<std::string> excludes;
            if (args.size() >= 2 && is(args[1], "object")) {
                TSNode ex = object_value(fi, args[1], "exclude");
                for (TSNode e : named_children(ex)) {
                    if (sx::is_string_literal(e)) excludes.push_back(sx::string_value(f, e));
                    if (is(e, "object")) {
                        TSNode p = object_value(fi, e, "path");
                        if (sx::is_string_literal(p)) excludes.push_back(sx::string_value(f, p));
                    }
                }
                for (auto& e : excludes)
                    while (!e.empty() && e.front() == '/') e.erase(e.begin());
            }
            m_nest_prefix[f.service] = {sx::string_value(f, args[0]), excludes};
        }
    }

    // Router prefixes declared with the router: new Router({ prefix: '/api' }), new Hono().basePath('/api'),
    // router.prefix('/api').
    void js_var_prefixes(std::uint32_t fi, TSNode root) {
        const File& f = file(fi);
        sx::walk(root, [&](TSNode n) {
            if (is(n, "variable_declarator") && is(field(n, "name"), "identifier")) {
                TSNode v = sx::unwrap(field(n, "value"));
                const std::string name(sx::text(f, field(n, "name")));
                if (is(v, "new_expression") && str::ends_with(sx::text(f, field(v, "constructor")), "Router")) {
                    auto args = named_children(field(v, "arguments"));
                    if (!args.empty() && is(args[0], "object")) {
                        TSNode p = object_value(fi, args[0], "prefix");
                        if (sx::is_string_literal(p)) set_var_prefix(name, ts_node_start_byte(n), sx::string_value(f, p));
                    }
                } else if (is(v, "call_expression") && is(field(v, "function"), "member_expression") &&
                           sx::text(f, field(field(v, "function"), "property")) == "basePath") {
                    auto args = named_children(field(v, "arguments"));
                    if (!args.empty() && sx::is_string_literal(args[0]))
                        set_var_prefix(name, ts_node_start_byte(n), sx::string_value(f, args[0]));
                }
                return true;
            }
            if (is(n, "call_expression") && is(field(n, "function"), "member_expression")) {
                TSNode fn = field(n, "function");
                auto args = named_children(field(n, "arguments"));
                if (sx::text(f, field(fn, "property")) == "prefix" && is(field(fn, "object"), "identifier") &&
                    args.size() == 1 && sx::is_string_literal(args[0]))
                    set_var_prefix(std::string(sx::text(f, field(fn, "object"))), 0, sx::string_value(f, args[0]));
            }
            return true;
        });
    }

    // The module file a mounted router or plugin comes from: an imported identifier or require('./x').
    std::optional<std::uint32_t> js_module_of(std::uint32_t fi, TSNode n) const {
        const File& f = file(fi);
        n = sx::unwrap(n);
        if (is(n, "call_expression") && sx::text(f, field(n, "function")) == "require") {
            auto args = named_children(field(n, "arguments"));
            if (!args.empty() && sx::is_string_literal(args[0])) return resolve_js_module(fi, sx::string_value(f, args[0]));
            return std::nullopt;
        }
        if (is(n, "identifier")) {
            if (auto b = js_binding(fi, sx::text(f, n))) return resolve_js_module(fi, b->spec);
        }
        return std::nullopt;
    }

    // app.use('/api', router): a router imported from another file, or a local router variable.
    void record_mount(std::uint32_t fi, const std::string& path, TSNode h, const std::string& router) {
        const File& f = file(fi);
        h = sx::unwrap(h);
        // koa: api.use('/v1', v1.routes())
        if (is(h, "call_expression") && is(field(h, "function"), "member_expression") &&
            sx::text(f, field(field(h, "function"), "property")) == "routes")
            h = field(field(h, "function"), "object");
        if (auto target = js_module_of(fi, h)) {
            if (*target != fi) m_mounts.push_back(edge(fi, path, *target, router));
            return;
        }
        if (is(h, "identifier") && !find_fn(fi, sx::text(f, h)))
            m_local_mounts.emplace_back(std::string(sx::text(f, h)), path);
    }

    static std::string first_param(const File& f, TSNode fn) {
        TSNode params = field(fn, "parameters");
        if (ts_node_is_null(params)) return std::string(sx::text(f, field(fn, "parameter")));
        auto ps = named_children(params);
        if (ps.empty()) return {};
        TSNode p0 = ps[0];
        if (is(p0, "required_parameter") || is(p0, "optional_parameter")) p0 = field(p0, "pattern");
        return is(p0, "identifier") ? std::string(sx::text(f, p0)) : std::string();
    }

    // ---- Next.js ----

    void next_app_route(std::uint32_t fi, const std::string& path) {
        const File& f = file(fi);
        TSNode root = sx::root(f);
        static const std::set<std::string_view> verbs = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
        for (TSNode st : named_children(root)) {
            if (!is(st, "export_statement")) continue;
            const std::uint32_t at = ts_node_start_byte(st);
            TSNode decl = field(st, "declaration");
            TSNode source = field(st, "source");
            if (is(decl, "function_declaration") || is(decl, "generator_function_declaration")) {
                const std::string name(sx::text(f, field(decl, "name")));
                if (verbs.count(name)) add(fi, at, "nextjs-app", name, path, handler_at(fi, decl, name));
                continue;
            }
            if (is(decl, "lexical_declaration") || is(decl, "variable_declaration")) {
                for (TSNode d : named_children(decl)) {
                    if (!is(d, "variable_declarator")) continue;
                    TSNode name = field(d, "name");
                    TSNode value = field(d, "value");
                    if (is(name, "identifier")) {
                        const std::string n(sx::text(f, name));
                        if (!verbs.count(n)) continue;
                        Handler h = resolve_js(fi, value, 0);
                        if (h.name.empty()) h.name = n;
                        add(fi, at, "nextjs-app", n, path, h, js_wrappers(fi, value));
                    } else if (is(name, "object_pattern")) {  // export const { GET, POST } = handlers
                        for (TSNode p : named_children(name)) {
                            std::string n(sx::text(f, is(p, "pair_pattern") ? field(p, "key") : p));
                            if (verbs.count(n)) add(fi, at, "nextjs-app", n, path, Handler{k_unresolved, 0, 0, n});
                        }
                    }
                }
                continue;
            }
            for (TSNode c : named_children(st)) {
                if (!is(c, "export_clause")) continue;
                for (TSNode spec : named_children(c)) {
                    if (!is(spec, "export_specifier")) continue;
                    const std::string local(sx::text(f, field(spec, "name")));
                    TSNode alias = field(spec, "alias");
                    const std::string exported = ts_node_is_null(alias) ? local : std::string(sx::text(f, alias));
                    if (!verbs.count(exported)) continue;
                    Handler h;
                    if (!ts_node_is_null(source)) {
                        if (auto target = resolve_js_module(fi, sx::string_value(f, source)))
                            h = resolve_js_export(*target, local, 1);
                    } else {
                        h = resolve_js_name(fi, local, 0);
                    }
                    if (h.name.empty()) h.name = local;
                    add(fi, at, "nextjs-app", exported, path, h);
                }
            }
        }
    }

    void next_pages_route(std::uint32_t fi, const std::string& path) {
        const File& f = file(fi);
        TSNode root = sx::root(f);
        for (TSNode st : named_children(root)) {
            if (is(st, "export_statement") && has_token(st, "default")) {
                TSNode decl = field(st, "declaration");
                TSNode value = field(st, "value");
                Handler h;
                std::vector<std::string> mw;
                if (!ts_node_is_null(decl)) {
                    h = handler_at(fi, decl, std::string(sx::text(f, field(decl, "name"))));
                } else {
                    h = resolve_js(fi, value, 0);
                    mw = js_wrappers(fi, value);
                }
                add(fi, ts_node_start_byte(st), "nextjs-pages", "ANY", path, h, std::move(mw));
                return;
            }
            // module.exports = handler
            if (is(st, "expression_statement")) {
                TSNode e = ts_node_named_child(st, 0);
                if (is(e, "assignment_expression") && sx::text(f, field(e, "left")) == "module.exports") {
                    TSNode value = field(e, "right");
                    add(fi, ts_node_start_byte(st), "nextjs-pages", "ANY", path, resolve_js(fi, value, 0),
                        js_wrappers(fi, value));
                    return;
                }
            }
        }
    }

    // Wrapper calls around a handler: withAuth(async (req) => ...) -> ["withAuth"].
    std::vector<std::string> js_wrappers(std::uint32_t fi, TSNode n) const {
        std::vector<std::string> out;
        n = sx::unwrap(n);
        for (int i = 0; i < k_max_depth && (is(n, "call_expression") || is(n, "call")); ++i) {
            out.push_back(str::clip(sx::text(file(fi), field(n, "function")), 80));
            auto args = named_children(field(n, "arguments"));
            if (args.empty()) break;
            n = sx::unwrap(args.back());
        }
        return out;
    }

    // ---- NestJS ----

    static std::vector<TSNode> decorators_of(TSNode n) {
        std::vector<TSNode> out;
        for (TSNode c : named_children(n))
            if (is(c, "decorator")) out.push_back(c);
        return out;
    }

    // Decorator name and its call (null when the decorator is a bare identifier).
    std::pair<std::string, TSNode> decorator_call(std::uint32_t fi, TSNode dec) const {
        TSNode e = ts_node_named_child(dec, 0);
        if (is(e, "call_expression")) return {std::string(sx::text(file(fi), field(e, "function"))), e};
        return {std::string(sx::text(file(fi), e)), TSNode{}};
    }

    // The path argument of a Nest decorator: 'x', ['x', 'y'] (first), { path: 'x' }.
    std::string nest_path_arg(std::uint32_t fi, TSNode call) const {
        const File& f = file(fi);
        auto args = named_children(field(call, "arguments"));
        if (args.empty()) return {};
        TSNode a = args[0];
        if (sx::is_string_literal(a)) return sx::string_value(f, a);
        if (is(a, "array")) {
            for (TSNode e : named_children(a))
                if (sx::is_string_literal(e)) return sx::string_value(f, e);
        }
        if (is(a, "object")) {
            for (TSNode p : named_children(a))
                if (is(p, "pair") && sx::text(f, field(p, "key")) == "path" && sx::is_string_literal(field(p, "value")))
                    return sx::string_value(f, field(p, "value"));
        }
        return {};
    }

    // Swagger / OpenAPI decorators (ApiTags, ApiOperation, ApiResponse...) document, they do not act.
    static bool is_doc_decorator(std::string_view name) {
        return name.size() > 3 && name.substr(0, 3) == "Api" && name[3] >= 'A' && name[3] <= 'Z';
    }

    void nest_routes(std::uint32_t fi, TSNode root) {
        const File& f = file(fi);
        static const std::map<std::string_view, std::string_view> verbs = {
            {"Get", "GET"},   {"Post", "POST"},       {"Put", "PUT"}, {"Patch", "PATCH"}, {"Delete", "DELETE"},
            {"Head", "HEAD"}, {"Options", "OPTIONS"}, {"All", "ANY"}, {"Sse", "GET"}};
        sx::walk(root, [&](TSNode n) {
            const std::string_view t = sx::type(n);
            if (t != "class_declaration" && t != "abstract_class_declaration" && t != "class") return true;
            std::vector<TSNode> decs = decorators_of(n);
            TSNode parent = ts_node_parent(n);
            if (is(parent, "export_statement")) {
                auto more = decorators_of(parent);
                decs.insert(decs.begin(), more.begin(), more.end());
            }
            bool controller = false;
            std::string prefix;
            std::vector<std::string> class_mw;
            for (TSNode d : decs) {
                auto [name, call] = decorator_call(fi, d);
                if (name == "Controller") {
                    controller = true;
                    if (!ts_node_is_null(call)) prefix = nest_path_arg(fi, call);
                } else if (!is_doc_decorator(name)) {
                    class_mw.push_back(str::clip(sx::text(f, ts_node_named_child(d, 0)), 80));
                }
            }
            if (!controller) return true;
            std::vector<TSNode> pending;
            for (TSNode m : named_children(field(n, "body"))) {
                if (is(m, "decorator")) {
                    pending.push_back(m);
                    continue;
                }
                if (is(m, "method_definition")) {
                    std::string method;
                    std::string sub;
                    std::uint32_t at = 0;
                    std::vector<std::string> mw = class_mw;
                    for (TSNode d : pending) {
                        auto [name, call] = decorator_call(fi, d);
                        auto it = verbs.find(name);
                        if (it != verbs.end() && method.empty()) {
                            method = std::string(it->second);
                            if (!ts_node_is_null(call)) sub = nest_path_arg(fi, call);
                            at = ts_node_start_byte(d);
                        } else if (!is_doc_decorator(name)) {
                            mw.push_back(str::clip(sx::text(f, ts_node_named_child(d, 0)), 80));
                        }
                    }
                    if (!method.empty())
                        add(fi, at, "nestjs", method, join_route(prefix, sub),
                            handler_at(fi, m, std::string(sx::text(f, field(m, "name")))), std::move(mw));
                }
                pending.clear();
            }
            return false;
        });
    }

    // ---- Express / Koa / Fastify / Hono call shapes ----

    // app.route('/x').get(h).post(h): the path of the chain's route() call.
    std::optional<std::string> chained_route_path(std::uint32_t fi, TSNode recv) const {
        for (int i = 0; i < 16 && is(recv, "call_expression"); ++i) {
            TSNode fn = field(recv, "function");
            if (!is(fn, "member_expression")) return std::nullopt;
            const std::string_view prop = sx::text(file(fi), field(fn, "property"));
            if (prop == "route") {
                auto args = named_children(field(recv, "arguments"));
                if (args.size() == 1 && sx::is_string_literal(args[0])) return sx::string_value(file(fi), args[0]);
                return std::nullopt;
            }
            if (js_verb(prop).empty()) return std::nullopt;
            recv = field(fn, "object");
        }
        return std::nullopt;
    }

    // Value of `key` in an object literal (shorthand `{ handler }` included); null when absent.
    TSNode object_value(std::uint32_t fi, TSNode obj, std::string_view key) const {
        const File& f = file(fi);
        for (TSNode p : named_children(obj)) {
            if (is(p, "pair")) {
                TSNode k = field(p, "key");
                std::string kt = sx::is_string_literal(k) ? sx::string_value(f, k) : std::string(sx::text(f, k));
                if (kt == key) return field(p, "value");
            } else if (is(p, "shorthand_property_identifier") && sx::text(f, p) == key) {
                return p;
            } else if (is(p, "method_definition") && sx::text(f, field(p, "name")) == key) {
                return p;
            }
        }
        return TSNode{};
    }

    std::vector<std::string> js_methods(std::uint32_t fi, TSNode n) const {
        std::vector<std::string> out;
        const File& f = file(fi);
        if (sx::is_string_literal(n)) {
            std::string m = upper(sx::string_value(f, n));
            out.push_back(m == "*" || m == "ALL" ? "ANY" : m);
        } else if (is(n, "array")) {
            for (TSNode e : named_children(n))
                if (sx::is_string_literal(e)) out.push_back(upper(sx::string_value(f, e)));
        }
        return out;
    }

    void js_call_routes(std::uint32_t fi, TSNode root, const std::string& framework, bool imported) {
        const File& f = file(fi);
        const auto all_calls = sx::calls(f, root);
        // Pass 0 opens the plugin scopes (a plugin function may be declared before its register call);
        // pass 1 reads the routes.
        for (int pass = 0; pass < 2; ++pass)
        for (const auto& c : all_calls) {
            if (c.tagged_template) continue;
            TSNode fn = field(c.node, "function");
            if (!is(fn, "member_expression")) continue;
            const std::string prop(sx::text(f, field(fn, "property")));
            if (prop != "register" && prop != "route" && prop != "on" && js_verb(prop).empty()) continue;
            if ((pass == 0) != (prop == "register")) continue;
            TSNode recv = sx::unwrap(field(fn, "object"));
            // The receiver's name ("app", "router", "this.app"); a long expression is not a name.
            const std::string recv_text =
                ts_node_end_byte(recv) - ts_node_start_byte(recv) <= 120 ? std::string(sx::text(f, recv)) : std::string();
            auto args = sx::call_args(c);
            const std::uint32_t at = ts_node_start_byte(c.node);

            if (prop == "register") {
                if (args.empty()) continue;
                // fastify.register(plugin, { prefix: '/v1' }): an inline or local plugin opens a scope for its
                // parameter; an imported one mounts its file under the prefix.
                std::string prefix;
                if (args.size() >= 2 && is(args[1], "object")) {
                    TSNode p = object_value(fi, args[1], "prefix");
                    if (sx::is_string_literal(p)) prefix = sx::string_value(f, p);
                }
                const std::string full = join_route(prefix_for(at, recv_text), prefix);
                TSNode plugin = sx::unwrap(args[0]);
                std::optional<TSNode> local;
                if (is_js_function(plugin)) local = plugin;
                else if (is(plugin, "identifier")) local = find_fn(fi, sx::text(f, plugin));
                if (local) {
                    const std::string param = first_param(f, *local);
                    if (!param.empty())
                        m_scopes.push_back({ts_node_start_byte(*local), ts_node_end_byte(*local), param, full});
                } else if (auto target = js_module_of(fi, plugin); target && *target != fi && !prefix.empty()) {
                    m_mounts.push_back(edge(fi, full, *target, recv_text));
                } else if (is(plugin, "identifier") && args.size() >= 2 && is(args[1], "object")) {
                    // fastify.register(autoload, { dir: path.join(__dirname, 'routes'), options: { prefix } })
                    auto b = js_binding(fi, sx::text(f, plugin));
                    if (b && b->spec == "@fastify/autoload") {
                        std::string literal;
                        sx::walk(object_value(fi, args[1], "dir"), [&](TSNode n) {
                            if (sx::is_string_literal(n)) literal = sx::string_value(f, n);
                            return true;
                        });
                        std::string auto_prefix = full;
                        TSNode opts = object_value(fi, args[1], "options");
                        if (is(opts, "object")) {
                            TSNode p = object_value(fi, opts, "prefix");
                            if (sx::is_string_literal(p)) auto_prefix = join_route(full, sx::string_value(f, p));
                        }
                        if (!literal.empty())
                            if (auto d = normalize(join_fs(dirname(f.path), literal)))
                                m_autoload.emplace_back(*d, auto_prefix == "/" ? std::string() : auto_prefix);
                    }
                }
                continue;
            }
            if (prop == "route" && args.size() == 1 && is(args[0], "object")) {
                // fastify.route({ method, url, handler }) / hapi server.route({ method, path, handler })
                TSNode url = object_value(fi, args[0], "url");
                if (ts_node_is_null(url)) url = object_value(fi, args[0], "path");
                if (!sx::is_string_literal(url)) continue;
                const std::string path = join_route(prefix_for(at, recv_text), sx::string_value(f, url));
                TSNode h = object_value(fi, args[0], "handler");
                Handler handler = ts_node_is_null(h) ? Handler{} : resolve_js(fi, h, 0);
                std::vector<std::string> mw;
                for (const char* hook : {"preHandler", "onRequest", "preValidation"}) {
                    TSNode v = object_value(fi, args[0], hook);
                    if (!ts_node_is_null(v)) middleware_names(fi, v, mw);
                }
                auto methods = js_methods(fi, object_value(fi, args[0], "method"));
                if (methods.empty()) methods.push_back("ANY");
                for (const auto& m : methods) add_call_route(fi, at, framework, m, path, handler, mw, recv_text);
                continue;
            }
            std::string verb = js_verb(prop);
            if (prop == "route" && args.size() == 2 && sx::is_string_literal(args[0])) verb = "ANY";  // hono mount
            if (verb.empty() || verb == "ON") {
                // hono app.on('GET', '/p', h) / app.on(['GET','POST'], '/p', h)
                if (verb == "ON" && args.size() >= 3 && sx::is_string_literal(args[1])) {
                    const std::string path = sx::string_value(f, args[1]);
                    if (!str::starts_with(path, "/")) continue;
                    for (const auto& m : js_methods(fi, args[0]))
                        add_call_route(fi, at, framework, m, join_route(prefix_for(at, recv_text), path),
                                       resolve_js(fi, args.back(), 0), {}, recv_text);
                }
                continue;
            }
            if (is_client_receiver(recv_text)) continue;
            const bool mount = prop == "use" || prop == "route";
            const std::string router = js_router_name(fi, c.node, recv);
            std::string path;
            std::size_t first = 0;
            std::uint32_t decl_at = at;
            if (!args.empty() && sx::is_string_literal(args[0])) {
                path = sx::string_value(f, args[0]);
                first = 1;
                // koa-router named routes: router.get('name', '/path', handler)
                if (!str::starts_with(path, "/") && args.size() >= 3 && sx::is_string_literal(args[1])) {
                    path = sx::string_value(f, args[1]);
                    first = 2;
                }
                if (!str::starts_with(path, "/") && path != "*") continue;
                path = join_route(prefix_for(at, recv_text), path);
            } else if (auto chained = chained_route_path(fi, recv)) {
                path = *chained;
                decl_at = ts_node_start_byte(field(fn, "property"));
            } else {
                // app.use(routes): a router from another file mounted without a path of its own
                if (prop == "use")
                    for (TSNode a : args) record_mount(fi, prefix_for(at, recv_text), a, router);
                continue;
            }
            if (args.size() <= first) continue;
            // Handler: the last argument, or the `handler` of a fastify options object.
            TSNode last = sx::unwrap(args.back());
            TSNode h = last;
            if (is(last, "object")) {
                h = object_value(fi, last, "handler");
                if (ts_node_is_null(h)) continue;  // an options or data object, not a handler (e.g. a client call)
            }
            const std::string_view ht = sx::type(h);
            if (ht == "string" || ht == "template_string" || ht == "number" || ht == "true" || ht == "false" ||
                ht == "null" || ht == "undefined")
                continue;
            std::vector<std::string> mw;
            for (std::size_t k = first; k + 1 < args.size(); ++k) {
                if (is(args[k], "object")) {
                    TSNode pre = object_value(fi, args[k], "preHandler");
                    if (!ts_node_is_null(pre)) middleware_names(fi, pre, mw);
                    continue;
                }
                middleware_names(fi, args[k], mw);
            }
            Handler handler = resolve_js(fi, h, 0);
            // Without the framework imported here, only accept shapes that look like a server's routes.
            if (!imported && !mount && !is_js_function(sx::unwrap(h)) && handler.file == k_unresolved &&
                !server_like_receiver(recv_text))
                continue;
            if (mount) record_mount(fi, path, h, router);
            add_call_route(fi, decl_at, framework, verb, path, handler, std::move(mw), router);
        }
    }

    // ---- JS handler resolution ----

    FileIndex& index_of(std::uint32_t fi) const { return m_index[fi]; }

    // find_function through the file's function index.
    std::optional<TSNode> find_fn(std::uint32_t fi, std::string_view name) const {
        FileIndex& ix = index_of(fi);
        if (!ix.functions_built) {
            ix.functions_built = true;
            std::unordered_map<std::string_view, TSNode> methods;
            for (const auto& nf : sx::functions(file(fi))) {
                if (nf.method) methods.emplace(nf.name, nf.node);
                else ix.functions.emplace(nf.name, nf.node);
            }
            for (const auto& [n, node] : methods) ix.functions.emplace(n, node);  // a plain function wins
        }
        auto it = ix.functions.find(name);
        if (it == ix.functions.end()) return std::nullopt;
        return it->second;
    }

    void build_js_index(std::uint32_t fi) const {
        FileIndex& ix = index_of(fi);
        if (ix.js_built) return;
        ix.js_built = true;
        const File& f = file(fi);
        sx::walk(sx::root(f), [&](TSNode n) {
            const std::string_view t = sx::type(n);
            if (t == "import_statement") {
                const std::string spec = sx::string_value(f, field(n, "source"));
                for (TSNode c : named_children(n)) {
                    if (!is(c, "import_clause")) continue;
                    for (TSNode part : named_children(c)) {
                        if (is(part, "identifier")) ix.js_bindings.emplace(std::string(sx::text(f, part)), JsBinding{spec, "default"});
                        if (is(part, "namespace_import")) {
                            for (TSNode id : named_children(part))
                                ix.js_bindings.emplace(std::string(sx::text(f, id)), JsBinding{spec, "*"});
                        }
                        if (is(part, "named_imports")) {
                            for (TSNode sp : named_children(part)) {
                                TSNode nm = field(sp, "name");
                                TSNode alias = field(sp, "alias");
                                ix.js_bindings.emplace(
                                    std::string(sx::text(f, ts_node_is_null(alias) ? nm : alias)),
                                    JsBinding{spec, sx::is_string_literal(nm) ? sx::string_value(f, nm) : std::string(sx::text(f, nm))});
                            }
                        }
                    }
                }
                return false;
            }
            if (t != "variable_declarator") return true;
            TSNode nm = field(n, "name");
            TSNode raw = field(n, "value");
            TSNode value = sx::unwrap(raw);
            if (is(value, "member_expression")) value = field(value, "object");  // require('x').default
            const bool is_require = is(value, "call_expression") && sx::text(f, field(value, "function")) == "require";
            if (!is_require) {
                if (is(nm, "identifier") && !ts_node_is_null(raw)) ix.js_values.emplace(std::string(sx::text(f, nm)), raw);
                return true;
            }
            auto args = named_children(field(value, "arguments"));
            if (args.empty() || !sx::is_string_literal(args[0])) return true;
            const std::string spec = sx::string_value(f, args[0]);
            if (is(nm, "identifier")) ix.js_bindings.emplace(std::string(sx::text(f, nm)), JsBinding{spec, "*module*"});
            if (is(nm, "object_pattern")) {
                for (TSNode p : named_children(nm)) {
                    if (is(p, "shorthand_property_identifier_pattern"))
                        ix.js_bindings.emplace(std::string(sx::text(f, p)), JsBinding{spec, std::string(sx::text(f, p))});
                    if (is(p, "pair_pattern"))
                        ix.js_bindings.emplace(std::string(sx::text(f, field(p, "value"))),
                                               JsBinding{spec, std::string(sx::text(f, field(p, "key")))});
                }
            }
            return false;
        });
    }

    // How `name` is imported into the file (import / require), if it is.
    std::optional<JsBinding> js_binding(std::uint32_t fi, std::string_view name) const {
        build_js_index(fi);
        const FileIndex& ix = index_of(fi);
        auto it = ix.js_bindings.find(std::string(name));
        if (it == ix.js_bindings.end()) return std::nullopt;
        return it->second;
    }

    // Relative imports ('./x', '../lib/x') and the common '@/' / '~/' aliases to the service's (src/) root.
    std::optional<std::uint32_t> resolve_js_module(std::uint32_t fi, const std::string& spec) const {
        std::vector<std::string> bases;
        if (str::starts_with(spec, "./") || str::starts_with(spec, "../") || spec == "." || spec == "..") {
            if (auto b = normalize(join_fs(dirname(file(fi).path), spec))) bases.push_back(*b);
        } else if (str::starts_with(spec, "@/") || str::starts_with(spec, "~/")) {
            const std::string root = service_root(fi);
            const std::string rest = spec.substr(2);
            if (auto b = normalize(join_fs(root, "src/" + rest))) bases.push_back(*b);
            if (auto b = normalize(join_fs(root, rest))) bases.push_back(*b);
        } else {
            return std::nullopt;
        }
        static const char* k_exts[] = {".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"};
        for (const auto& base : bases) {
            if (auto hit = lookup(base)) return hit;
            for (const char* e : k_exts)
                if (auto hit = lookup(base + e)) return hit;
            // ESM TypeScript imports name the emitted file: './x.js' -> x.ts
            for (std::string_view js : {".js", ".mjs", ".cjs", ".jsx"}) {
                if (str::ends_with(base, js)) {
                    const std::string stem = base.substr(0, base.size() - js.size());
                    for (const char* e : {".ts", ".tsx", ".mts", ".cts"})
                        if (auto hit = lookup(stem + e)) return hit;
                }
            }
            for (const char* e : k_exts)
                if (auto hit = lookup(base + "/index" + e)) return hit;
        }
        return std::nullopt;
    }

    // The node a file exports by default (export default ..., module.exports = ...).
    TSNode js_default_export(std::uint32_t ti) const {
        const File& f = file(ti);
        for (TSNode st : named_children(sx::root(f))) {
            if (is(st, "export_statement") && has_token(st, "default")) {
                TSNode decl = field(st, "declaration");
                return ts_node_is_null(decl) ? field(st, "value") : decl;
            }
            if (is(st, "expression_statement")) {
                TSNode e = ts_node_named_child(st, 0);
                if (is(e, "assignment_expression") && sx::text(f, field(e, "left")) == "module.exports")
                    return field(e, "right");
            }
        }
        return TSNode{};
    }

    Handler resolve_js_export(std::uint32_t ti, const std::string& exported, int depth) const {
        Handler none{k_unresolved, 0, 0, exported};
        if (depth > k_max_depth) return none;
        const File& f = file(ti);
        if (exported == "default" || exported == "*module*") {
            TSNode d = js_default_export(ti);
            if (ts_node_is_null(d)) return none;
            const std::string_view t = sx::type(d);
            if (t == "function_declaration" || t == "class_declaration" || t == "generator_function_declaration")
                return handler_at(ti, d, std::string(sx::text(f, field(d, "name"))));
            return resolve_js(ti, d, depth + 1);
        }
        if (auto fn = find_fn(ti, exported)) return handler_at(ti, *fn, exported);
        // export { local as exported } / export { x } from './y' / export * from './y'
        for (TSNode st : named_children(sx::root(f))) {
            if (!is(st, "export_statement")) continue;
            TSNode source = field(st, "source");
            bool star = ts_node_is_null(field(st, "declaration")) && !ts_node_is_null(source);
            for (TSNode c : named_children(st)) {
                if (!is(c, "export_clause")) continue;
                star = false;
                for (TSNode spec : named_children(c)) {
                    const std::string local(sx::text(f, field(spec, "name")));
                    TSNode alias = field(spec, "alias");
                    if ((ts_node_is_null(alias) ? local : std::string(sx::text(f, alias))) != exported) continue;
                    if (ts_node_is_null(source)) return resolve_js_name(ti, local, depth + 1);
                    if (auto t2 = resolve_js_module(ti, sx::string_value(f, source)))
                        return resolve_js_export(*t2, local, depth + 1);
                    return none;
                }
            }
            if (star) {
                if (auto t2 = resolve_js_module(ti, sx::string_value(f, source))) {
                    Handler h = resolve_js_export(*t2, exported, depth + 1);
                    if (h.file != k_unresolved) return h;
                }
            }
        }
        if (TSNode v = js_variable_value(ti, exported); !ts_node_is_null(v)) return resolve_js(ti, v, depth + 1);
        return none;
    }

    // The value `const name = value` binds (not a require); the first such declaration in the file.
    TSNode js_variable_value(std::uint32_t fi, std::string_view name) const {
        build_js_index(fi);
        const FileIndex& ix = index_of(fi);
        auto it = ix.js_values.find(std::string(name));
        return it == ix.js_values.end() ? TSNode{} : it->second;
    }

    Handler resolve_js_name(std::uint32_t fi, const std::string& name, int depth) const {
        Handler none{k_unresolved, 0, 0, name};
        if (depth > k_max_depth) return none;
        if (auto fn = find_fn(fi, name)) return handler_at(fi, *fn, name);
        if (TSNode v = js_variable_value(fi, name); !ts_node_is_null(v) && !is(sx::unwrap(v), "identifier")) {
            Handler h = resolve_js(fi, v, depth + 1);
            if (h.file != k_unresolved) {
                h.name = name;
                return h;
            }
        }
        if (auto b = js_binding(fi, name)) {
            if (auto target = resolve_js_module(fi, b->spec)) {
                Handler h = resolve_js_export(*target, b->imported, depth + 1);
                h.name = name;
                return h;
            }
        }
        return none;
    }

    Handler resolve_js(std::uint32_t fi, TSNode n, int depth) const {
        const File& f = file(fi);
        n = sx::unwrap(n);
        if (ts_node_is_null(n) || depth > k_max_depth) return {};
        const std::string_view t = sx::type(n);
        if (is_js_function(n) || t == "method_definition") return handler_at(fi, n);
        if (t == "identifier" || t == "shorthand_property_identifier") return resolve_js_name(fi, std::string(sx::text(f, n)), depth);
        if (t == "member_expression") {
            const std::string full(sx::text(f, n));
            TSNode obj = sx::unwrap(field(n, "object"));
            const std::string prop(sx::text(f, field(n, "property")));
            if (is(obj, "identifier")) {
                if (auto b = js_binding(fi, sx::text(f, obj))) {
                    if (auto target = resolve_js_module(fi, b->spec)) {
                        if (auto fn = find_fn(*target, prop)) return handler_at(*target, *fn, full);
                        Handler h = resolve_js_export(*target, prop, depth + 1);
                        h.name = full;
                        return h;
                    }
                    return Handler{k_unresolved, 0, 0, full};
                }
            }
            if (auto fn = find_fn(fi, prop)) return handler_at(fi, *fn, full);
            return Handler{k_unresolved, 0, 0, full};
        }
        if (t == "call_expression") {
            // Wrappers (asyncHandler(fn), withAuth(fn)) hold the handler as their last function-like argument;
            // a call without such an argument is a factory: its definition is the handler.
            auto args = named_children(field(n, "arguments"));
            for (auto it = args.rbegin(); it != args.rend(); ++it)
                if (is_js_function(sx::unwrap(*it))) return handler_at(fi, sx::unwrap(*it));
            for (auto it = args.rbegin(); it != args.rend(); ++it) {
                TSNode a = sx::unwrap(*it);
                const std::string_view at = sx::type(a);
                if (at == "identifier" || at == "member_expression" || at == "call_expression") {
                    Handler h = resolve_js(fi, a, depth + 1);
                    if (h.file != k_unresolved) return h;
                }
            }
            Handler h = resolve_js(fi, field(n, "function"), depth + 1);
            h.name = std::string(sx::text(f, field(n, "function"))) + "()";
            return h;
        }
        if (t == "array") {
            auto elems = named_children(n);
            if (!elems.empty()) return resolve_js(fi, elems.back(), depth + 1);
        }
        return {};
    }

    // ==== Go =============================================================================

    // Import alias -> import path: explicit names, else the last path element (skipping /vN).
    std::map<std::string, std::string> go_aliases(std::uint32_t fi) const {
        std::map<std::string, std::string> out;
        const File& f = file(fi);
        sx::walk(sx::root(f), [&](TSNode n) {
            const std::string_view t = sx::type(n);
            if (t == "import_spec") {
                const std::string path = sx::string_value(f, field(n, "path"));
                TSNode name = field(n, "name");
                std::string alias;
                if (!ts_node_is_null(name)) {
                    alias = std::string(sx::text(f, name));
                } else {
                    auto parts = str::split(path, '/');
                    std::string_view last = parts.empty() ? std::string_view(path) : parts.back();
                    if (parts.size() >= 2 && last.size() >= 2 && last[0] == 'v' &&
                        std::all_of(last.begin() + 1, last.end(), [](char c) { return c >= '0' && c <= '9'; }))
                        last = parts[parts.size() - 2];
                    if (auto dot = last.find(".v"); dot != std::string_view::npos) last = last.substr(0, dot);  // yaml.v3
                    if (str::starts_with(last, "go-")) last.remove_prefix(3);
                    alias = std::string(last);
                }
                if (alias != "_" && alias != ".") out[alias] = path;
                return false;
            }
            return t == "source_file" || t == "import_declaration" || t == "import_spec_list";
        });
        return out;
    }

    // The repository directory holding an imported Go package (longest directory the import path ends with).
    std::optional<std::string> go_package_dir(const std::string& import_path) const {
        std::optional<std::string> best;
        for (const auto& [dir, files] : m_go_dirs) {
            (void)files;
            if (dir.empty()) continue;
            if (import_path == dir || str::ends_with(import_path, "/" + dir)) {
                if (!best || dir.size() > best->size()) best = dir;
            } else {
                // Directory below a service root: compare the part under the root.
                auto slash = dir.find('/');
                while (slash != std::string::npos) {
                    const std::string tail = dir.substr(slash + 1);
                    if (str::ends_with(import_path, "/" + tail) && (!best || dir.size() > best->size())) {
                        best = dir;
                        break;
                    }
                    slash = dir.find('/', slash + 1);
                }
            }
        }
        return best;
    }

    std::optional<Handler> go_find_in(const std::vector<std::uint32_t>& files, const std::string& name,
                                      const std::string& label) const {
        for (std::uint32_t i : files)
            if (auto fn = find_fn(i, name)) return handler_at(i, *fn, label);
        return std::nullopt;
    }

    Handler resolve_go(std::uint32_t fi, TSNode n, int depth) const {
        const File& f = file(fi);
        n = sx::unwrap(n);
        if (ts_node_is_null(n) || depth > k_max_depth) return {};
        const std::string_view t = sx::type(n);
        const std::string dir = dirname(f.path);
        auto same_dir = [&]() -> const std::vector<std::uint32_t>& {
            static const std::vector<std::uint32_t> empty;
            auto it = m_go_dirs.find(dir);
            return it == m_go_dirs.end() ? empty : it->second;
        };
        if (t == "func_literal") return handler_at(fi, n);
        if (t == "identifier") {
            const std::string name(sx::text(f, n));
            if (auto fn = find_fn(fi, name)) return handler_at(fi, *fn, name);
            if (auto h = go_find_in(same_dir(), name, name)) return *h;
            return Handler{k_unresolved, 0, 0, name};
        }
        if (t == "selector_expression") {
            const std::string full(sx::text(f, n));
            TSNode operand = field(n, "operand");
            const std::string name(sx::text(f, field(n, "field")));
            if (is(operand, "identifier")) {
                auto aliases = go_aliases(fi);
                auto it = aliases.find(std::string(sx::text(f, operand)));
                if (it != aliases.end()) {
                    if (auto d = go_package_dir(it->second)) {
                        auto files = m_go_dirs.find(*d);
                        if (files != m_go_dirs.end())
                            if (auto h = go_find_in(files->second, name, full)) return *h;
                    }
                    return Handler{k_unresolved, 0, 0, full};
                }
            }
            // A method value (s.health, h.Health): same file, same package, then a unique method in the repo.
            if (auto fn = find_fn(fi, name)) return handler_at(fi, *fn, full);
            if (auto h = go_find_in(same_dir(), name, full)) return *h;
            std::optional<Handler> unique;
            int matches = 0;
            for (std::uint32_t i : m_go_files) {
                if (file(i).service != f.service) continue;
                if (auto fn = find_fn(i, name)) {
                    ++matches;
                    unique = handler_at(i, *fn, full);
                }
            }
            if (matches == 1) return *unique;
            return Handler{k_unresolved, 0, 0, full};
        }
        if (t == "call_expression") {
            // http.HandlerFunc(h), auth(h), h.Health() (a factory returning the handler).
            auto args = named_children(field(n, "arguments"));
            for (auto it = args.rbegin(); it != args.rend(); ++it)
                if (is(*it, "func_literal")) return handler_at(fi, *it);
            for (auto it = args.rbegin(); it != args.rend(); ++it) {
                TSNode a = sx::unwrap(*it);
                const std::string_view at = sx::type(a);
                if (at == "identifier" || at == "selector_expression" || at == "call_expression") {
                    Handler h = resolve_go(fi, a, depth + 1);
                    if (h.file != k_unresolved) return h;
                }
            }
            Handler h = resolve_go(fi, field(n, "function"), depth + 1);
            h.name = std::string(sx::text(f, field(n, "function"))) + "()";
            return h;
        }
        if (t == "unary_expression" || t == "composite_literal") return Handler{k_unresolved, 0, 0, str::clip(sx::text(f, n), 80)};
        return {};
    }

    std::string go_framework(std::uint32_t fi, std::string_view family) {
        // family: "upper" (GET/POST...), "camel" (Get/Post...), "handle" (Handle/HandleFunc)
        if (family == "upper") {
            if (imports_module(fi, "github.com/gin-gonic/gin")) return "gin";
            if (imports_module(fi, "github.com/labstack/echo")) return "echo";
            if (imports_module(fi, "github.com/julienschmidt/httprouter")) return "httprouter";
            for (const char* fw : {"gin", "echo", "httprouter"})
                if (service_has(fi, fw)) return fw;
            return {};
        }
        if (family == "camel") {
            if (imports_module(fi, "github.com/go-chi/chi")) return "chi";
            if (imports_module(fi, "github.com/gofiber/fiber")) return "fiber";
            for (const char* fw : {"chi", "fiber"})
                if (service_has(fi, fw)) return fw;
            return {};
        }
        if (imports_module(fi, "github.com/go-chi/chi")) return "chi";
        if (imports_module(fi, "github.com/gorilla/mux")) return "gorilla/mux";
        return "net/http";
    }

    // Strings of a Go []string{"GET", "POST"} literal or a single string.
    std::vector<std::string> go_methods(std::uint32_t fi, TSNode n) const {
        std::vector<std::string> out;
        const File& f = file(fi);
        if (sx::is_string_literal(n)) {
            out.push_back(upper(sx::string_value(f, n)));
        } else if (is(n, "composite_literal")) {
            sx::walk(field(n, "body"), [&](TSNode e) {
                if (sx::is_string_literal(e)) {
                    out.push_back(upper(sx::string_value(f, e)));
                    return false;
                }
                return true;
            });
        }
        return out;
    }

    void go_route(std::uint32_t fi, std::uint32_t at, const std::string& framework, const std::vector<std::string>& methods,
                  const std::string& path, TSNode handler, const std::vector<TSNode>& mw_nodes) {
        Handler h = resolve_go(fi, handler, 0);
        std::vector<std::string> mw;
        for (TSNode m : m_go_with) middleware_names(fi, m, mw);
        for (TSNode m : mw_nodes) middleware_names(fi, m, mw);
        for (const auto& m : methods) add(fi, at, framework, m == "ANY" || m == "ALL" ? "ANY" : m, path, h, mw);
    }

    void extract_go(std::uint32_t fi) {
        const File& f = file(fi);
        if (!has_path_literal(f.text) && !str::contains(f.text, "\"GET ") && !str::contains(f.text, "\"POST ") &&
            !str::contains(f.text, "\"PUT ") && !str::contains(f.text, "\"PATCH ") && !str::contains(f.text, "\"DELETE "))
            return;
        static const std::set<std::string_view> upper_verbs = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "Any"};
        static const std::set<std::string_view> camel_verbs = {"Get", "Post", "Put", "Patch", "Delete", "Head",
                                                               "Options", "Connect", "Trace", "All"};
        const auto all_calls = sx::calls(f, sx::root(f));
        // Pass 0 collects groups and sub-router scopes; pass 1 reads the routes.
        for (int pass = 0; pass < 2; ++pass)
        for (const auto& c : all_calls) {
            TSNode fn = field(c.node, "function");
            if (!is(fn, "selector_expression")) continue;
            const std::string name(sx::text(f, field(fn, "field")));
            if ((pass == 0) != (name == "Group" || name == "Route")) continue;
            TSNode recv = field(fn, "operand");
            // chi r.With(mw).Get(...): the router is the chain's base, With's arguments are middleware.
            m_go_with.clear();
            for (int k = 0; k < 8 && is(recv, "call_expression") && is(field(recv, "function"), "selector_expression") &&
                            sx::text(f, field(field(recv, "function"), "field")) == "With";
                 ++k) {
                for (TSNode a : named_children(field(recv, "arguments"))) m_go_with.push_back(a);
                recv = field(field(recv, "function"), "operand");
            }
            const std::string recv_text =
                ts_node_end_byte(recv) - ts_node_start_byte(recv) <= 120 ? std::string(sx::text(f, recv)) : std::string();
            auto args = sx::call_args(c);
            const std::uint32_t at = ts_node_start_byte(c.node);
            auto str_arg = [&](std::size_t k) -> std::optional<std::string> {
                if (k < args.size() && sx::is_string_literal(args[k])) return sx::string_value(f, args[k]);
                return std::nullopt;
            };
            auto path0 = str_arg(0);

            if (name == "Group" && path0 && str::starts_with(*path0, "/")) {
                // v1 := r.Group("/v1")
                TSNode parent = ts_node_parent(c.node);
                if (is(parent, "expression_list")) parent = ts_node_parent(parent);
                if (is(parent, "short_var_declaration") || is(parent, "assignment_statement")) {
                    auto lefts = named_children(field(parent, "left"));
                    if (!lefts.empty())
                        set_var_prefix(std::string(sx::text(f, lefts[0])), at, join_route(prefix_for(at, recv_text), *path0));
                }
                continue;
            }
            if (name == "Route" && path0 && args.size() >= 2) {
                // chi r.Route("/api", func(r chi.Router) { ... }) or r.Route("/api", apiRoutes)
                std::optional<TSNode> sub;
                if (is(args[1], "func_literal")) sub = args[1];
                else if (is(args[1], "identifier")) sub = find_fn(fi, sx::text(f, args[1]));
                if (sub) {
                    auto params = named_children(field(*sub, "parameters"));
                    if (!params.empty())
                        m_scopes.push_back({ts_node_start_byte(*sub), ts_node_end_byte(*sub),
                                            std::string(sx::text(f, field(params[0], "name"))),
                                            join_route(prefix_for(at, recv_text), *path0)});
                }
                continue;
            }
            if ((name == "HandleFunc" || name == "Handle" || name == "Mount") && path0 && args.size() >= 2) {
                auto pat = go_pattern(*path0);
                if (!pat) {
                    // gin r.Handle("GET", "/p", h)
                    auto p1 = str_arg(1);
                    if (name == "Handle" && args.size() >= 3 && p1 && str::starts_with(*p1, "/") && is_http_verb(upper(*path0))) {
                        go_route(fi, at, go_framework(fi, "upper"), {upper(*path0)}, join_route(prefix_for(at, recv_text), *p1),
                                 args.back(), std::vector<TSNode>(args.begin() + 2, args.end() - 1));
                    }
                    continue;
                }
                std::vector<std::string> methods{pat->first};
                // gorilla/mux: r.HandleFunc("/p", h).Methods("GET", "POST")
                TSNode parent = ts_node_parent(c.node);
                if (is(parent, "selector_expression") && sx::text(f, field(parent, "field")) == "Methods" &&
                    is(ts_node_parent(parent), "call_expression")) {
                    std::vector<std::string> ms;
                    for (TSNode a : named_children(field(ts_node_parent(parent), "arguments")))
                        if (sx::is_string_literal(a)) ms.push_back(upper(sx::string_value(f, a)));
                    if (!ms.empty()) methods = ms;
                }
                std::string framework = recv_text == "http" ? "net/http" : go_framework(fi, "handle");
                go_route(fi, at, framework, methods, join_route(prefix_for(at, recv_text), pat->second), args[1],
                         std::vector<TSNode>(args.begin() + 2, args.end()));
                continue;
            }
            if ((name == "Method" || name == "MethodFunc" || name == "Handler" || name == "HandlerFunc") &&
                args.size() >= 3 && path0 && is_http_verb(upper(*path0))) {
                // chi r.Method("GET", "/p", h); httprouter router.Handler("GET", "/p", h)
                auto p1 = str_arg(1);
                if (!p1 || !str::starts_with(*p1, "/")) continue;
                std::string framework = name.rfind("Method", 0) == 0 ? "chi" : "httprouter";
                go_route(fi, at, framework, {upper(*path0)}, join_route(prefix_for(at, recv_text), *p1), args[2], {});
                continue;
            }
            if (name == "Match" && args.size() >= 3) {
                // echo e.Match([]string{"GET", "POST"}, "/p", h)
                auto p1 = str_arg(1);
                if (!p1 || !str::starts_with(*p1, "/")) continue;
                go_route(fi, at, "echo", go_methods(fi, args[0]), join_route(prefix_for(at, recv_text), *p1), args[2],
                         std::vector<TSNode>(args.begin() + 3, args.end()));
                continue;
            }
            const bool is_upper = upper_verbs.count(name) > 0;
            const bool is_camel = camel_verbs.count(name) > 0;
            if ((!is_upper && !is_camel) || !path0 || args.size() < 2) continue;
            // A group may route its own root: api := r.Group("/api"); api.GET("", h)
            if (!str::starts_with(*path0, "/") && !(path0->empty() && !prefix_for(at, recv_text).empty())) continue;
            const std::string framework = go_framework(fi, is_upper ? "upper" : "camel");
            if (framework.empty()) continue;
            const std::string method = name == "Any" || name == "All" ? "ANY" : upper(name);
            const std::string path = join_route(prefix_for(at, recv_text), *path0);
            if (framework == "echo") {
                // echo: e.GET(path, handler, middleware...)
                go_route(fi, at, framework, {method}, path, args[1], std::vector<TSNode>(args.begin() + 2, args.end()));
            } else {
                // gin / fiber: handlers last, middleware before; chi / httprouter: (path, handler)
                go_route(fi, at, framework, {method}, path, args.back(),
                         std::vector<TSNode>(args.begin() + 1, args.end() - 1));
            }
        }
    }

    // ==== Python ========================================================================

    std::string py_framework(std::uint32_t fi, std::string_view verb) {
        if (imports_module(fi, "fastapi")) return "fastapi";
        if (imports_module(fi, "flask")) return "flask";
        if (imports_module(fi, "starlette")) return "starlette";
        for (const char* fw : {"fastapi", "flask"})
            if (service_has(fi, fw)) return fw;
        return verb == "route" ? "flask" : "fastapi";
    }

    // Value of keyword argument `name` in an argument_list; null when absent.
    static TSNode kwarg(const File& f, TSNode args, std::string_view name) {
        for (TSNode a : named_children(args))
            if (is(a, "keyword_argument") && sx::text(f, field(a, "name")) == name) return field(a, "value");
        return TSNode{};
    }

    std::vector<std::string> py_methods(const File& f, TSNode n) const {
        std::vector<std::string> out;
        if (is(n, "list") || is(n, "tuple") || is(n, "set")) {
            for (TSNode e : named_children(n))
                if (sx::is_string_literal(e)) out.push_back(upper(sx::string_value(f, e)));
        } else if (sx::is_string_literal(n)) {
            out.push_back(upper(sx::string_value(f, n)));
        }
        return out;
    }

    void extract_python(std::uint32_t fi) {
        const File& f = file(fi);
        TSNode root = sx::root(f);
        if (!has_path_literal(f.text) && !str::contains(f.text, "urlpatterns") &&
            !str::contains(f.text, "include_router") && !str::contains(f.text, "register_blueprint"))
            return;
        py_decorator_routes(fi, root);
        py_call_routes(fi, root);
    }

    // Route prefixes of the routers and blueprints a file declares: router = APIRouter(prefix="/x"),
    // bp = Blueprint("x", __name__, url_prefix="/x").
    const std::map<std::string, std::string>& py_prefixes(std::uint32_t fi) const {
        auto it = m_py_prefixes.find(fi);
        if (it != m_py_prefixes.end()) return it->second;
        std::map<std::string, std::string>& out = m_py_prefixes[fi];
        const File& f = file(fi);
        if (!str::contains(f.text, "APIRouter") && !str::contains(f.text, "Blueprint")) return out;
        sx::walk(sx::root(f), [&](TSNode n) {
            if (!is(n, "assignment")) return true;
            TSNode left = field(n, "left");
            TSNode right = field(n, "right");
            if (!is(left, "identifier") || !is(right, "call")) return false;
            const std::string_view callee = sx::text(f, field(right, "function"));
            TSNode args = field(right, "arguments");
            TSNode p{};
            if (str::ends_with(callee, "APIRouter")) p = kwarg(f, args, "prefix");
            if (str::ends_with(callee, "Blueprint")) p = kwarg(f, args, "url_prefix");
            out[std::string(sx::text(f, left))] = sx::is_string_literal(p) ? sx::string_value(f, p) : std::string();
            return false;
        });
        return out;
    }

    std::string py_prefix(std::uint32_t fi, const std::string& var) const {
        const auto& prefixes = py_prefixes(fi);
        auto it = prefixes.find(var);
        return it == prefixes.end() ? std::string() : it->second;
    }

    // Where a Python router object is defined: (file, name there). `bp` imported with
    // `from app.api import bp` lives in app/api/__init__.py; `users.router` in the users module.
    std::pair<std::uint32_t, std::string> py_definition(std::uint32_t fi, TSNode obj) const {
        const File& f = file(fi);
        if (is(obj, "identifier")) {
            const std::string name(sx::text(f, obj));
            if (auto b = py_binding(fi, name); b && !b->name.empty())
                if (auto target = resolve_py_module(fi, b->module)) return {*target, b->name};
            return {fi, name};
        }
        if (is(obj, "attribute") && is(field(obj, "object"), "identifier")) {
            const std::string attr(sx::text(f, field(obj, "attribute")));
            if (auto b = py_binding(fi, sx::text(f, field(obj, "object")))) {
                const std::string module = b->name.empty() ? b->module
                                           : str::ends_with(b->module, ".") ? b->module + b->name
                                                                             : b->module + "." + b->name;
                if (auto target = resolve_py_module(fi, module)) return {*target, attr};
            }
        }
        return {k_unresolved, {}};
    }

    void py_decorator_routes(std::uint32_t fi, TSNode root) {
        const File& f = file(fi);
        static const std::set<std::string_view> verbs = {"get",   "post",      "put",   "patch", "delete",   "head",
                                                         "options", "trace", "route", "api_route", "websocket"};
        sx::walk(root, [&](TSNode n) {
            if (!is(n, "decorated_definition")) return true;
            TSNode def = field(n, "definition");
            if (!is(def, "function_definition")) return true;
            struct Found {
                std::string verb;
                std::string path;
                std::string own_path;
                std::vector<std::string> methods;
                std::uint32_t at;
                std::uint32_t home;
                std::string router;
            };
            std::vector<Found> found;
            std::vector<std::string> mw;
            for (TSNode d : named_children(n)) {
                if (!is(d, "decorator")) continue;
                TSNode e = ts_node_named_child(d, 0);
                TSNode fn = is(e, "call") ? field(e, "function") : e;
                if (!is(e, "call") || !is(fn, "attribute")) {
                    mw.push_back(str::clip(sx::text(f, fn), 80));
                    continue;
                }
                const std::string verb(sx::text(f, field(fn, "attribute")));
                if (!verbs.count(verb)) {
                    mw.push_back(str::clip(sx::text(f, fn), 80));
                    continue;
                }
                TSNode args = field(e, "arguments");
                auto positional = named_children(args);
                TSNode p{};
                if (!positional.empty() && sx::is_string_literal(positional[0])) p = positional[0];
                if (ts_node_is_null(p)) p = kwarg(f, args, "path");
                if (ts_node_is_null(p)) p = kwarg(f, args, "rule");
                if (!sx::is_string_literal(p)) continue;
                const std::string raw = sx::string_value(f, p);
                // The router's own prefix, where the router is defined (this file or the one it is imported from).
                auto [home, router] = py_definition(fi, field(fn, "object"));
                std::optional<std::string> prefix;
                if (home != k_unresolved) {
                    const auto& prefixes = py_prefixes(home);
                    if (auto it = prefixes.find(router); it != prefixes.end()) prefix = it->second;
                }
                if (!str::starts_with(raw, "/") && !(raw.empty() && prefix)) continue;
                Found fd;
                fd.verb = verb;
                fd.path = join_route(prefix.value_or(std::string()), raw);
                fd.own_path = raw.empty() ? std::string("/") : raw;
                fd.at = ts_node_start_byte(d);
                fd.home = home;
                fd.router = router;
                if (verb == "route" || verb == "api_route") {
                    fd.methods = py_methods(f, kwarg(f, args, "methods"));
                    if (fd.methods.empty()) fd.methods.push_back("GET");
                } else if (verb == "websocket") {
                    fd.methods.push_back("GET");
                } else {
                    fd.methods.push_back(upper(verb));
                }
                found.push_back(std::move(fd));
            }
            const std::string name(sx::text(f, field(def, "name")));
            for (const auto& fd : found) {
                const std::string framework = py_framework(fi, fd.verb);
                for (const auto& m : fd.methods) {
                    const std::size_t i = add(fi, fd.at, framework, m, fd.path, handler_at(fi, def, name), mw);
                    if (fd.home != k_unresolved) {
                        m_info[i].mountable = true;
                        m_info[i].home = fd.home;
                        m_info[i].receiver = fd.router;
                        m_info[i].own_path = fd.own_path;
                    }
                }
            }
            return true;
        });
    }

    void py_call_routes(std::uint32_t fi, TSNode root) {
        const File& f = file(fi);
        const bool urls_file = basename(f.path) == "urls.py" || imports_module(fi, "django");
        for (const auto& c : sx::calls(f, root)) {
            auto args = sx::call_args(c);
            const std::uint32_t at = ts_node_start_byte(c.node);
            if (urls_file && (c.callee == "path" || c.callee == "re_path" || c.callee == "url") && args.size() >= 2 &&
                sx::is_string_literal(args[0])) {
                const std::string route = django_path(sx::string_value(f, args[0]), c.callee != "path");
                TSNode view = args[1];
                if (is(view, "call") && sx::text(f, field(view, "function")) == "include") {
                    auto inc = named_children(field(view, "arguments"));
                    if (!inc.empty() && sx::is_string_literal(inc[0])) {
                        if (auto target = resolve_py_module(fi, sx::string_value(f, inc[0])))
                            m_django_includes.push_back(edge(fi, route, *target));
                    }
                    continue;
                }
                m_django.push_back({fi, at, route, resolve_py(fi, view, 0)});
                continue;
            }
            if ((c.name == "include_router" || c.name == "register_blueprint") && !args.empty() &&
                !is(args[0], "keyword_argument")) {
                // app.include_router(users.router, prefix="/users"); app.register_blueprint(bp, url_prefix="/api")
                const bool flask = c.name == "register_blueprint";
                TSNode p = kwarg(f, c.arguments, flask ? "url_prefix" : "prefix");
                if (!ts_node_is_null(p) && !sx::is_string_literal(p)) continue;  // a prefix we cannot read
                auto [home, router] = py_definition(fi, args[0]);
                if (home == k_unresolved) continue;
                Edge e;
                e.from = fi;
                e.prefix = ts_node_is_null(p) ? std::string() : sx::string_value(f, p);
                e.to = home;
                e.target = router;
                e.replaces_prefix = flask;
                m_mounts.push_back(std::move(e));
                continue;
            }
            if (args.empty() || !sx::is_string_literal(args[0])) continue;
            const std::string path = sx::string_value(f, args[0]);
            if (!str::starts_with(path, "/")) continue;
            TSNode fn = field(c.node, "function");
            if (c.name == "add_api_route" && is(fn, "attribute") && args.size() >= 2) {
                // app.add_api_route("/p", handler, methods=["GET"])
                const std::string recv(sx::text(f, field(fn, "object")));
                auto methods = py_methods(f, kwarg(f, c.arguments, "methods"));
                if (methods.empty()) methods.push_back("GET");
                TSNode h = is(args[1], "keyword_argument") ? kwarg(f, c.arguments, "endpoint") : args[1];
                for (const auto& m : methods) add(fi, at, "fastapi", m, join_route(py_prefix(fi, recv), path), resolve_py(fi, h, 0));
            } else if (c.name == "add_url_rule" && is(fn, "attribute")) {
                // app.add_url_rule("/p", "endpoint", view_func, methods=[...]) / view_func=...
                TSNode h = kwarg(f, c.arguments, "view_func");
                if (ts_node_is_null(h) && args.size() >= 3 && !is(args[2], "keyword_argument")) h = args[2];
                if (ts_node_is_null(h)) continue;
                const std::string recv(sx::text(f, field(fn, "object")));
                auto methods = py_methods(f, kwarg(f, c.arguments, "methods"));
                if (methods.empty()) methods.push_back("GET");
                for (const auto& m : methods) add(fi, at, "flask", m, join_route(py_prefix(fi, recv), path), resolve_py(fi, h, 0));
            } else if ((c.callee == "Route" || c.callee == "routing.Route") && args.size() >= 2) {
                // starlette Route("/p", endpoint, methods=[...])
                auto methods = py_methods(f, kwarg(f, c.arguments, "methods"));
                if (methods.empty()) methods.push_back("ANY");
                TSNode h = is(args[1], "keyword_argument") ? kwarg(f, c.arguments, "endpoint") : args[1];
                for (const auto& m : methods) add(fi, at, "starlette", m, path, resolve_py(fi, h, 0));
            }
        }
    }

    void emit_django() {
        // Prefixes a urls module is reached under, through include() chains from modules nobody includes.
        std::map<std::uint32_t, std::vector<std::string>> memo;
        std::function<std::vector<std::string>(std::uint32_t, int)> prefixes = [&](std::uint32_t fi, int depth) {
            auto it = memo.find(fi);
            if (it != memo.end()) return it->second;
            std::vector<std::string> out;
            if (depth < k_max_depth) {
                for (const auto& inc : m_django_includes) {
                    if (inc.to != fi || inc.from == fi) continue;
                    for (const auto& p : prefixes(inc.from, depth + 1)) out.push_back(p + inc.prefix);
                }
            }
            if (out.empty()) out.push_back("");
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
            memo[fi] = out;
            return out;
        };
        for (const auto& r : m_django)
            for (const auto& p : prefixes(r.file, 0)) add(r.file, r.at, "django", "ANY", "/" + p + r.path, r.handler);
        m_django.clear();
        m_django_includes.clear();
    }

    // ---- Python handler resolution ----

    std::optional<PyBinding> py_binding(std::uint32_t fi, std::string_view name) const {
        FileIndex& ix = index_of(fi);
        if (!ix.py_built) {
            ix.py_built = true;
            const File& f = file(fi);
            sx::walk(sx::root(f), [&](TSNode n) {
                const std::string_view t = sx::type(n);
                if (t == "import_statement") {
                    for (TSNode c : named_children(n)) {
                        if (is(c, "dotted_name")) {
                            const std::string full(sx::text(f, c));
                            const std::string first = full.substr(0, full.find('.'));
                            ix.py_bindings.emplace(first, PyBinding{first, {}});
                        } else if (is(c, "aliased_import")) {
                            ix.py_bindings.emplace(std::string(sx::text(f, field(c, "alias"))),
                                                   PyBinding{std::string(sx::text(f, field(c, "name"))), {}});
                        }
                    }
                    return false;
                }
                if (t == "import_from_statement") {
                    TSNode mod = field(n, "module_name");
                    const std::string module(sx::text(f, mod));
                    for (TSNode c : named_children(n)) {
                        if (ts_node_eq(c, mod)) continue;
                        if (is(c, "dotted_name"))
                            ix.py_bindings.emplace(std::string(sx::text(f, c)), PyBinding{module, std::string(sx::text(f, c))});
                        if (is(c, "aliased_import"))
                            ix.py_bindings.emplace(std::string(sx::text(f, field(c, "alias"))),
                                                   PyBinding{module, std::string(sx::text(f, field(c, "name")))});
                    }
                    return false;
                }
                return true;
            });
        }
        auto it = ix.py_bindings.find(std::string(name));
        if (it == ix.py_bindings.end()) return std::nullopt;
        return it->second;
    }

    std::optional<std::uint32_t> resolve_py_module(std::uint32_t fi, const std::string& module) const {
        std::size_t dots = 0;
        while (dots < module.size() && module[dots] == '.') ++dots;
        std::string rest = module.substr(dots);
        std::replace(rest.begin(), rest.end(), '.', '/');
        if (dots > 0) {
            std::string base = dirname(file(fi).path);
            for (std::size_t k = 1; k < dots; ++k) {
                if (base.empty()) return std::nullopt;
                base = dirname(base);
            }
            if (rest.empty()) return lookup(join_fs(base, "__init__.py"));
            if (auto hit = lookup(join_fs(base, rest + ".py"))) return hit;
            return lookup(join_fs(base, rest + "/__init__.py"));
        }
        if (rest.empty()) return std::nullopt;
        // Absolute: the shortest own file whose path ends with the module path, preferring the same service.
        std::optional<std::uint32_t> best;
        int best_score = -1;
        for (std::uint32_t i : m_py_files) {
            const std::string& p = file(i).path;
            const bool match = p == rest + ".py" || str::ends_with(p, "/" + rest + ".py") || p == rest + "/__init__.py" ||
                               str::ends_with(p, "/" + rest + "/__init__.py");
            if (!match) continue;
            const int score = (file(i).service == file(fi).service ? 1'000'000 : 0) - static_cast<int>(p.size());
            if (score > best_score) {
                best_score = score;
                best = i;
            }
        }
        return best;
    }

    std::optional<TSNode> py_find(std::uint32_t fi, const std::string& name) const {
        const File& f = file(fi);
        if (auto fn = find_fn(fi, name)) return fn;
        std::optional<TSNode> cls;
        sx::walk(sx::root(f), [&](TSNode n) {
            if (cls) return false;
            if (is(n, "class_definition") && sx::text(f, field(n, "name")) == name) cls = n;
            return !is(n, "function_definition");
        });
        return cls;
    }

    Handler resolve_py(std::uint32_t fi, TSNode n, int depth) const {
        const File& f = file(fi);
        if (ts_node_is_null(n) || depth > k_max_depth) return {};
        const std::string_view t = sx::type(n);
        if (t == "function_definition" || t == "lambda") return handler_at(fi, n);
        if (t == "identifier") {
            const std::string name(sx::text(f, n));
            if (auto fn = py_find(fi, name)) return handler_at(fi, *fn, name);
            if (auto b = py_binding(fi, name); b && !b->name.empty()) {
                if (auto target = resolve_py_module(fi, b->module))
                    if (auto fn = py_find(*target, b->name)) return handler_at(*target, *fn, name);
            }
            return Handler{k_unresolved, 0, 0, name};
        }
        if (t == "attribute") {
            const std::string full(sx::text(f, n));
            TSNode obj = field(n, "object");
            const std::string attr(sx::text(f, field(n, "attribute")));
            if (is(obj, "identifier")) {
                if (auto b = py_binding(fi, sx::text(f, obj))) {
                    // `from . import views` binds a module named module + name; `import views` the module itself.
                    std::optional<std::uint32_t> target;
                    if (!b->name.empty()) {
                        const std::string sub = str::ends_with(b->module, ".") ? b->module + b->name : b->module + "." + b->name;
                        target = resolve_py_module(fi, sub);
                    } else {
                        target = resolve_py_module(fi, b->module);
                    }
                    if (target)
                        if (auto fn = py_find(*target, attr)) return handler_at(*target, *fn, full);
                    return Handler{k_unresolved, 0, 0, full};
                }
            }
            if (is(obj, "attribute")) {  // views.HealthView.as_view handled by the call; module.sub.func
                Handler h = resolve_py(fi, obj, depth + 1);
                if (h.file != k_unresolved)
                    if (auto fn = py_find(h.file, attr)) return handler_at(h.file, *fn, full);
            }
            if (auto fn = py_find(fi, attr)) return handler_at(fi, *fn, full);
            return Handler{k_unresolved, 0, 0, full};
        }
        if (t == "call") {
            TSNode fn = field(n, "function");
            // HealthView.as_view() -> the class
            if (is(fn, "attribute") && sx::text(f, field(fn, "attribute")) == "as_view") {
                Handler h = resolve_py(fi, field(fn, "object"), depth + 1);
                h.name = std::string(sx::text(f, fn)) + "()";
                return h;
            }
            // Wrappers: csrf_exempt(view), login_required(view)
            auto args = named_children(field(n, "arguments"));
            for (auto it = args.rbegin(); it != args.rend(); ++it) {
                const std::string_view at = sx::type(*it);
                if (at == "identifier" || at == "attribute" || at == "call" || at == "lambda") {
                    Handler h = resolve_py(fi, *it, depth + 1);
                    if (h.file != k_unresolved) return h;
                }
            }
            return Handler{k_unresolved, 0, 0, str::clip(sx::text(f, n), 80)};
        }
        return {};
    }
};

}  // namespace

void extract_routes(RepoModel& model) {
    Extractor e(model);
    e.run();
}

}  // namespace gonogo::collect
