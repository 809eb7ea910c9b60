// Helpers of the health group (see health_util.hpp): syntax-tree queries,
// service facts, health routes and probe paths from deployment config,
// Dockerfile start commands and call resolution across own modules.
#include "checks/reliability/health_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/strings.hpp"

namespace gonogo::checks::health {

namespace sx = collect::syntax;

// ---- syntax trees ------------------------------------------------------------------------

bool within(TSNode inner, TSNode outer) {
    if (ts_node_is_null(inner) || ts_node_is_null(outer)) return false;
    return ts_node_start_byte(inner) >= ts_node_start_byte(outer) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

TSNode ancestor(TSNode n, std::initializer_list<std::string_view> types, TSNode stop) {
    if (ts_node_is_null(n)) return n;
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (!ts_node_is_null(stop) && !within(p, stop)) break;
        const auto t = sx::type(p);
        for (auto want : types)
            if (t == want) return p;
    }
    return TSNode{};
}

bool is_function_node(TSNode n) {
    static constexpr std::array<std::string_view, 11> k{
        "function_declaration", "function_expression", "function", "arrow_function", "method_definition",
        "generator_function_declaration", "generator_function", "method_declaration", "func_literal",
        "function_definition", "lambda"};
    const auto t = sx::type(n);
    return std::find(k.begin(), k.end(), t) != k.end();
}

std::size_t line_of_node(const File& f, TSNode n) { return f.lines.at(ts_node_start_byte(n)).line; }

std::optional<long> int_literal(const File& f, TSNode n) {
    const auto t = sx::type(n);
    if (t != "number" && t != "int_literal" && t != "integer") return std::nullopt;
    auto s = sx::text(f, n);
    if (s.empty() || s.size() > 9) return std::nullopt;
    long v = 0;
    for (char c : s) {
        if (c == '_') continue;
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::vector<std::string_view> segments(std::string_view callee) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < callee.size(); ++i) {
        char c = callee[i];
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (c == '.' && depth == 0) {
            out.push_back(callee.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(callee.substr(start));
    return out;
}

std::string receiver_root(std::string_view callee) {
    auto segs = segments(callee);
    if (segs.size() < 2) return {};
    std::size_t i = 0;
    while (i + 1 < segs.size() && (segs[i] == "this" || segs[i] == "self")) ++i;
    if (i + 1 >= segs.size() && i > 0) return std::string(segs[i - 1]);
    std::string_view s = segs[i];
    auto p = s.find_first_of("([");
    if (p != std::string_view::npos) s = s.substr(0, p);
    return std::string(s);
}

std::string sql_text(const File& f, TSNode n) {
    if (ts_node_is_null(n)) return {};
    auto t = sx::type(n);
    if (t == "parenthesized_expression" && ts_node_named_child_count(n) == 1) return sql_text(f, ts_node_named_child(n, 0));
    if (sx::is_string_literal(n)) return sx::string_value(f, n);
    if (t == "template_string" || t == "string" || t == "interpreted_string_literal" || t == "raw_string_literal") {
        auto s = sx::text(f, n);
        return std::string(s.size() >= 2 ? s.substr(1, s.size() - 2) : s);
    }
    if (t == "call_expression" || t == "call") {
        // text("SELECT 1"), sql`...`, Prisma.sql`...`
        TSNode args = field(n, "arguments");
        if (is(args, "template_string")) return sql_text(f, args);
        if (ts_node_named_child_count(args) >= 1) {
            auto name = sx::text(f, field(n, "function"));
            if (str::ends_with(name, "text") || str::ends_with(name, "sql") || str::ends_with(name, "raw"))
                return sql_text(f, ts_node_named_child(args, 0));
        }
    }
    return {};
}

std::string sql_verb(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == '(')) ++i;
    std::size_t j = i;
    while (j < sql.size() && std::isalpha(static_cast<unsigned char>(sql[j]))) ++j;
    std::string w;
    for (std::size_t k = i; k < j; ++k) w += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[k])));
    static constexpr std::array<std::string_view, 19> k_verbs{"SELECT", "INSERT", "UPDATE", "DELETE", "WITH",
                                                             "REPLACE", "MERGE", "UPSERT", "SHOW", "PRAGMA",
                                                             "BEGIN", "COMMIT", "ROLLBACK", "START", "SET",
                                                             "EXPLAIN", "LOCK", "VACUUM", "ANALYZE"};
    return std::find(k_verbs.begin(), k_verbs.end(), w) != k_verbs.end() ? w : std::string{};
}

namespace {

bool is_5xx_constant(std::string_view s) {
    static constexpr std::array<std::string_view, 20> k{
        "StatusServiceUnavailable",  "StatusInternalServerError", "StatusBadGateway", "StatusGatewayTimeout",
        "HTTP_503_SERVICE_UNAVAILABLE", "HTTP_500_INTERNAL_SERVER_ERROR", "HTTP_502_BAD_GATEWAY",
        "HTTP_504_GATEWAY_TIMEOUT", "SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR", "BAD_GATEWAY", "GATEWAY_TIMEOUT",
        "ServiceUnavailableException", "InternalServerErrorException", "HTTPServiceUnavailable",
        "HTTPInternalServerError", "ServiceUnavailable", "InternalServerError", "ServiceUnavailableError",
        "HealthCheckError"};
    return std::find(k.begin(), k.end(), s) != k.end();
}

// Calls whose arguments carry an HTTP status.
bool is_status_call(std::string_view name) {
    static constexpr std::array<std::string_view, 28> k{
        "status", "sendStatus", "code", "WriteHeader", "Error", "JSON", "String", "AbortWithStatus",
        "AbortWithStatusJSON", "Status", "NoContent", "Blob", "HTML", "XML", "json", "send", "abort", "Response",
        "JSONResponse", "PlainTextResponse", "HTTPException", "HttpResponse", "JsonResponse", "make_response",
        "redirect", "SendStatus", "writeHead", "end"};
    return std::find(k.begin(), k.end(), name) != k.end();
}

std::string_view last_segment(std::string_view s) {
    auto d = s.rfind('.');
    return d == std::string_view::npos ? s : s.substr(d + 1);
}

// True when a numeric literal sits where an HTTP status goes.
bool in_status_context(const File& f, TSNode n) {
    TSNode cur = n;
    TSNode p = ts_node_parent(cur);
    for (int guard = 0; guard < 8 && !ts_node_is_null(p); ++guard) {
        auto t = sx::type(p);
        if (t == "parenthesized_expression" || t == "ternary_expression" || t == "conditional_expression" ||
            t == "binary_expression" || t == "boolean_operator") {
            cur = p;
            p = ts_node_parent(cur);
            continue;
        }
        break;
    }
    if (ts_node_is_null(p)) return false;
    auto t = sx::type(p);
    if (t == "arguments" || t == "argument_list") {
        TSNode call = ts_node_parent(p);
        if (is(call, "new_expression")) return true;  // new Response(body, 503) is rare; status objects are pairs
        std::string callee(sx::text(f, field(call, "function")));
        return is_status_call(last_segment(callee));
    }
    if (t == "pair" || t == "keyword_argument") {
        TSNode key = field(p, t == "pair" ? "key" : "name");
        auto k = sx::text(f, key);
        if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'')) k = k.substr(1, k.size() - 2);
        return k == "status" || k == "statusCode" || k == "status_code" || k == "code";
    }
    if (t == "assignment_expression" || t == "assignment" || t == "augmented_assignment") {
        auto left = sx::text(f, field(p, "left"));
        auto last = last_segment(left);
        return last == "statusCode" || last == "status_code" || last == "status" || str::icontains(left, "status") ||
               str::icontains(left, "code");
    }
    if (t == "variable_declarator") {
        auto name = sx::text(f, field(p, "name"));
        return str::icontains(name, "status") || str::icontains(name, "code");
    }
    if (t == "expression_list" || t == "tuple") {  // Python: return body, 503
        return is(ts_node_parent(p), "return_statement") && !ts_node_eq(ts_node_named_child(p, 0), cur);
    }
    if (t == "return_statement") return false;
    return false;
}

}  // namespace

bool is_5xx(const File& f, TSNode n) {
    auto t = sx::type(n);
    if (t == "number" || t == "int_literal" || t == "integer") {
        auto v = int_literal(f, n);
        return v && *v >= 500 && *v <= 599 && in_status_context(f, n);
    }
    if (t == "identifier" || t == "field_identifier" || t == "property_identifier" || t == "type_identifier")
        return is_5xx_constant(sx::text(f, n));
    return false;
}

std::optional<Found> failure_status(const File& f, TSNode scope) {
    std::optional<Found> out;
    sx::walk(scope, [&](TSNode n) {
        if (out) return false;
        if (!is_5xx(f, n)) return true;
        TSNode branch = ancestor(n,
                                 {"catch_clause", "except_clause", "if_statement", "else_clause", "elif_clause",
                                  "ternary_expression", "conditional_expression", "expression_case", "default_case",
                                  "type_case", "switch_case", "switch_default", "case_clause", "communication_case",
                                  "except_group_clause"},
                                 scope);
        if (!ts_node_is_null(branch)) out = Found{&f, n};
        return true;
    });
    return out;
}

// ---- the service -------------------------------------------------------------------------

namespace {

bool js_or_ts(Language l) { return l == Language::javascript || l == Language::typescript || l == Language::tsx; }

}  // namespace

bool go_starts_server(const ProbeContext& ctx) {
    const auto& fw = ctx.svc().frameworks;
    for (const auto* f : code_files(ctx)) {
        if (f->lang != Language::go) continue;
        const auto& t = f->text;
        if (!str::contains(t, "Serve") && !str::contains(t, ".Run(") && !str::contains(t, ".Start(") &&
            !str::contains(t, ".Listen("))
            continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            auto n = c.name;
            if (n == "ListenAndServe" || n == "ListenAndServeTLS" || n == "Serve" || n == "ServeTLS") return true;
            if (n == "Run" && fw.count("gin")) return true;
            if ((n == "Start" || n == "StartTLS") && fw.count("echo")) return true;
            if (n == "Listen" && fw.count("fiber")) return true;
        }
    }
    return false;
}

std::vector<std::string> server_frameworks(const ProbeContext& ctx) {
    std::vector<std::string> out;
    for (const auto& fw : ctx.svc().frameworks) {
        if (fw == "net/http" && !go_starts_server(ctx)) continue;
        out.push_back(fw);
    }
    if (out.empty()) {
        // A bare Node HTTP server: http.createServer(...) in own code.
        for (const auto* f : code_files(ctx)) {
            if (!js_or_ts(f->lang) || !str::contains(f->text, "createServer")) continue;
            for (const auto& c : sx::calls(*f, sx::root(*f)))
                if (c.name == "createServer" && (c.callee == "createServer" || str::starts_with(c.callee, "http") ||
                                                 str::starts_with(c.callee, "https"))) {
                    out.push_back("node:http");
                    return out;
                }
        }
    }
    return out;
}

std::vector<std::string> datastores(const ProbeContext& ctx) {
    std::vector<std::string> out(ctx.svc().datastores.begin(), ctx.svc().datastores.end());
    // Clients the stack header does not name (the engine drivers are in collect/stack.cpp).
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> k_extra{{
        {"github.com/gomodule/redigo", "redis"}, {"github.com/uptrace/bun", "bun"}, {"entgo.io/ent", "ent"},
        {"github.com/go-pg/pg/v10", "postgres"}, {"@neondatabase/serverless", "postgres"}, {"@vercel/postgres", "postgres"},
        {"@planetscale/database", "mysql"}, {"@libsql/client", "sqlite"}, {"@upstash/redis", "redis"},
        {"@mikro-orm/core", "mikro-orm"}, {"objection", "knex"}, {"kysely", "kysely"}, {"pg-promise", "postgres"},
        {"mongoengine", "mongodb"}, {"peewee", "peewee"}, {"tortoise-orm", "tortoise"}, {"sqlmodel", "sqlalchemy"},
        {"databases", "databases"}, {"aiosqlite", "sqlite"}, {"aioredis", "redis"}}};
    for (const auto& d : ctx.svc().dependencies) {
        if (d.ecosystem == "go" && d.dev) continue;  // `// indirect`: not imported by the service
        for (const auto& [dep, key] : k_extra)
            if (d.name == dep || (dep.find('/') != std::string_view::npos && str::starts_with(d.name, dep)))
                if (std::find(out.begin(), out.end(), key) == out.end()) out.emplace_back(key);
    }
    // Django projects declare their database in settings: DATABASES = {...}.
    if (ctx.svc().frameworks.count("django") && std::find(out.begin(), out.end(), "django-orm") == out.end()) {
        for (const auto* f : code_files(ctx)) {
            if (f->lang != Language::python || !str::contains(f->text, "DATABASES")) continue;
            bool found = false;
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (found) return false;
                if (is(n, "assignment") && sx::text(*f, field(n, "left")) == "DATABASES") found = true;
                return !is_function_node(n);
            });
            if (found) {
                out.emplace_back("django-orm");
                break;
            }
        }
    }
    return out;
}

bool is_http_service(const ProbeContext& ctx) { return serves_http(ctx) || !server_frameworks(ctx).empty(); }

std::string dependency_version(const ProbeContext& ctx, std::string_view name) {
    for (const auto& d : ctx.svc().dependencies)
        if (d.name == name) return d.version;
    return {};
}

std::optional<std::array<int, 3>> min_version(std::string_view spec) {
    std::size_t i = 0;
    while (i < spec.size() && !std::isdigit(static_cast<unsigned char>(spec[i]))) {
        char c = spec[i];
        if (c != '^' && c != '~' && c != '=' && c != '>' && c != 'v' && c != ' ') return std::nullopt;
        ++i;
    }
    std::array<int, 3> v{0, 0, 0};
    int part = 0;
    bool any = false;
    for (; i < spec.size() && part < 3; ++i) {
        char c = spec[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            v[static_cast<std::size_t>(part)] = v[static_cast<std::size_t>(part)] * 10 + (c - '0');
            any = true;
        } else if (c == '.') {
            ++part;
        } else {
            break;
        }
    }
    if (!any) return std::nullopt;
    return v;
}

bool spec_is_bounded_major(std::string_view spec) {
    auto s = str::trim(spec);
    if (s.empty()) return false;
    if (str::contains(s, "||") || str::contains(s, " - ") || str::contains(s, "*") || str::contains(s, "x")) return false;
    if (s[0] == '>') return false;
    return true;
}

namespace {

bool dbish_receiver(std::string_view root, Language lang) {
    static constexpr std::array<std::string_view, 24> k{
        "prisma", "db",     "database", "pool",   "pg",     "knex",     "sequelize", "redis",
        "cache",  "mongo",  "mongodb",  "conn",   "connection", "engine", "cursor", "sql",
        "store",  "repo",   "repository", "orm",  "rdb",    "mysql",    "sqlite",   "postgres"};
    if (root.empty()) return false;
    auto whole = str::lower(root);
    if (str::contains(whole, "datasource") || str::contains(whole, "prisma")) return true;
    if (lang == Language::python && (whole == "session" || str::ends_with(whole, "session") || whole == "s")) return true;
    // camelCase / snake_case tokens: sqlDB -> sql, db; pgPool -> pg, pool; feedbackService -> feedback, service.
    std::vector<std::string> tokens;
    std::string cur;
    for (std::size_t i = 0; i < root.size(); ++i) {
        char ch = root[i];
        bool upper = std::isupper(static_cast<unsigned char>(ch)) != 0;
        bool prev_lower = i > 0 && std::islower(static_cast<unsigned char>(root[i - 1])) != 0;
        if (ch == '_' || ch == '$' || (upper && prev_lower)) {
            if (!cur.empty()) tokens.push_back(cur);
            cur.clear();
            if (ch == '_' || ch == '$') continue;
        }
        cur += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (!cur.empty()) tokens.push_back(cur);
    for (const auto& t : tokens)
        if (std::find(k.begin(), k.end(), t) != k.end()) return true;
    return false;
}

}  // namespace

bool is_datastore_call(const File& f, const sx::Call& c) {
    const auto n = c.name;
    static constexpr std::array<std::string_view, 9> k_always{
        "$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe", "$runCommandRaw", "PingContext",
        "ensure_connection", "pingCheck", "$connect"};
    if (std::find(k_always.begin(), k_always.end(), n) != k_always.end()) return true;
    if ((n == "ping" || n == "Ping") && !c.callee.empty() && c.callee != n) return true;  // redis.ping(), db.Ping()
    auto root = receiver_root(c.callee);
    if (n == "authenticate" && str::icontains(root, "sequelize")) return true;
    if (n == "cursor" && str::icontains(root, "connection")) return true;
    if (n == "command") {  // client.admin.command('ping'), db.command({ ping: 1 })
        auto args = sx::call_args(c);
        if (!args.empty() && (sx::string_value(f, args[0]) == "ping" || str::contains(sx::text(f, args[0]), "ping")))
            return true;
    }
    static constexpr std::array<std::string_view, 22> k_sql{
        "query", "execute", "exec", "raw", "Exec", "ExecContext", "Query", "QueryContext", "QueryRow",
        "QueryRowContext", "scalar", "fetch", "fetchval", "fetchrow", "fetch_one", "fetch_val", "execute_query",
        "Raw", "unsafe", "run", "get", "all"};
    const bool sql_name = std::find(k_sql.begin(), k_sql.end(), n) != k_sql.end();
    if (sql_name) {
        auto args = sx::call_args(c);
        for (std::size_t i = 0; i < args.size() && i < 2; ++i)
            if (!sql_verb(sql_text(f, args[i])).empty()) return true;
        if (c.tagged_template && !sql_verb(sql_text(f, c.arguments)).empty()) return true;
    }
    static constexpr std::array<std::string_view, 20> k_verbs{
        "query", "execute", "exec", "raw", "get", "info", "count", "findFirst", "findOne", "findUnique", "find_one",
        "countDocuments", "stats", "runCommand", "connect", "acquire", "getConnection", "Exec", "Query", "QueryRow"};
    if (std::find(k_verbs.begin(), k_verbs.end(), n) != k_verbs.end() && dbish_receiver(root, f.lang)) return true;
    return false;
}

// ---- health routes and configured probe paths ----------------------------------------------

namespace {

std::string last_path_segment(std::string_view path) {
    auto p = str::lower(path);
    while (!p.empty() && p.back() == '/') p.pop_back();
    auto s = p.rfind('/');
    return s == std::string::npos ? p : p.substr(s + 1);
}

// The path of the first http(s) URL in a command line.
std::string url_path(std::string_view cmd) {
    auto p = cmd.find("://");
    if (p == std::string_view::npos) return {};
    auto slash = cmd.find('/', p + 3);
    if (slash == std::string_view::npos) return "/";
    std::size_t e = slash;
    while (e < cmd.size() && !std::isspace(static_cast<unsigned char>(cmd[e])) && cmd[e] != '"' && cmd[e] != '\'' &&
           cmd[e] != '?' && cmd[e] != ')' && cmd[e] != ';' && cmd[e] != '|')
        ++e;
    return std::string(cmd.substr(slash, e - slash));
}

std::string join_scalars(const YAML::Node& n) {
    if (!n) return {};
    if (n.IsScalar()) return n.as<std::string>();
    std::string out;
    if (n.IsSequence())
        for (const auto& x : n)
            if (x.IsScalar()) out += x.as<std::string>() + " ";
    return out;
}

}  // namespace

bool is_readiness_path(std::string_view path) {
    static constexpr std::array<std::string_view, 9> k{"readyz", "ready", "readiness", "health", "healthz",
                                                       "healthcheck", "health-check", "_health", "status"};
    auto last = last_path_segment(path);
    return std::find(k.begin(), k.end(), last) != k.end();
}

std::vector<const Route*> health_routes(const ProbeContext& ctx) {
    std::vector<const Route*> out;
    for (const auto* r : routes(ctx)) {
        if (!ctx.model.files.at(r->file).is_own() || !is_health_path(r->path)) continue;
        if (r->method != "GET" && r->method != "ANY" && r->method != "HEAD" && !r->method.empty()) continue;
        out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const Route* a, const Route* b) {
        return is_readiness_path(a->path) && !is_readiness_path(b->path);
    });
    return out;
}

Evidence yaml_evidence(const File& f, const YAML::Node& n, std::string note) {
    std::size_t line = 1;
    if (n && n.Mark().line >= 0) line = static_cast<std::size_t>(n.Mark().line) + 1;
    return f.evidence_line(line, std::move(note));
}

Evidence yaml_key_evidence(const File& f, const YAML::Node& map, std::string_view key, std::string note) {
    if (map && map.IsMap())
        for (const auto& kv : map)
            if (kv.first.IsScalar() && kv.first.Scalar() == key) return yaml_evidence(f, kv.first, std::move(note));
    return yaml_evidence(f, map, std::move(note));
}

std::vector<ProbePath> configured_probe_paths(const ProbeContext& ctx) {
    std::vector<ProbePath> out;
    for (const auto& o : k8s_objects(ctx)) {
        if (!is_workload(o.kind) || !o.file->is_own()) continue;
        auto spec = pod_spec(o);
        if (!spec || !spec["containers"] || !spec["containers"].IsSequence()) continue;
        for (const auto& c : spec["containers"]) {
            for (const char* key : {"readinessProbe", "livenessProbe", "startupProbe"}) {
                auto p = c[key];
                if (!p || !p.IsMap() || !p["httpGet"] || !p["httpGet"]["path"] || !p["httpGet"]["path"].IsScalar()) continue;
                out.push_back({p["httpGet"]["path"].as<std::string>(), fmt::format("Kubernetes {}", key),
                               yaml_evidence(*o.file, p["httpGet"]["path"], fmt::format("{} of {}", key, o.name))});
            }
        }
    }
    for (const auto& s : compose_services(ctx)) {
        if (!s.file->is_own() || !s.node.IsMap() || !s.node["healthcheck"]) continue;
        auto test = s.node["healthcheck"]["test"];
        auto path = url_path(join_scalars(test));
        if (!path.empty())
            out.push_back({path, "compose healthcheck", yaml_evidence(*s.file, test, fmt::format("healthcheck of {}", s.name))});
    }
    for (const auto& c : containers(ctx)) {
        if (!c.healthcheck) continue;
        auto path = url_path(c.healthcheck->raw);
        if (!path.empty())
            out.push_back({path, "Dockerfile HEALTHCHECK", c.file->evidence_line(c.healthcheck->line, "HEALTHCHECK")});
    }
    return out;
}

std::vector<LibraryHealth> library_health(const ProbeContext& ctx) {
    std::vector<LibraryHealth> out;
    for (const auto* f : code_files(ctx)) {
        const auto& text = f->text;
        if (js_or_ts(f->lang)) {
            const bool terminus = str::contains(text, "createTerminus");
            const bool fhc = str::contains(text, "fastify-healthcheck");
            const bool actuator = str::contains(text, "express-actuator");
            const bool uses = str::contains(text, ".use(");
            if (!terminus && !fhc && !actuator && !uses) continue;
            for (const auto& c : sx::calls(*f, sx::root(*f))) {
                auto args = sx::call_args(c);
                if (terminus && c.name == "createTerminus" && args.size() >= 2 && is(args[1], "object")) {
                    sx::walk(args[1], [&](TSNode p) {
                        if (!is(p, "pair")) return true;
                        auto key = sx::text(*f, field(p, "key"));
                        if (key != "healthChecks" && key != "'healthChecks'" && key != "\"healthChecks\"") return false;
                        TSNode obj = field(p, "value");
                        if (!is(obj, "object")) return false;
                        const std::uint32_t n = ts_node_named_child_count(obj);
                        for (std::uint32_t i = 0; i < n; ++i) {
                            TSNode hc = ts_node_named_child(obj, i);
                            if (!is(hc, "pair")) continue;
                            TSNode k = field(hc, "key");
                            std::string path = sx::is_string_literal(k) ? sx::string_value(*f, k) : std::string{};
                            if (path.empty() || path[0] != '/') continue;
                            LibraryHealth lh{path, "@godaddy/terminus", f, c.node, std::nullopt, true, false};
                            TSNode v = field(hc, "value");
                            if (is_function_node(v)) lh.check = v;
                            else if (is(v, "identifier"))
                                if (auto fn = sx::find_function(*f, sx::text(*f, v))) lh.check = *fn;
                            out.push_back(std::move(lh));
                        }
                        return false;
                    });
                    continue;
                }
                if (c.name == "register" && fhc && !args.empty()) {
                    auto a = sx::text(*f, args[0]);
                    auto b = is(args[0], "identifier") ? import_binding(*f, a) : std::nullopt;
                    if ((b && b->module == "fastify-healthcheck") || str::contains(a, "fastify-healthcheck")) {
                        std::string path = "/health";
                        if (args.size() >= 2 && is(args[1], "object"))
                            sx::walk(args[1], [&](TSNode p) {
                                if (is(p, "pair") && sx::text(*f, field(p, "key")) == "healthcheckUrl" &&
                                    sx::is_string_literal(field(p, "value")))
                                    path = sx::string_value(*f, field(p, "value"));
                                return true;
                            });
                        out.push_back({path, "fastify-healthcheck", f, c.node, std::nullopt, false, false});
                    }
                    continue;
                }
                if (c.name == "use" && !args.empty()) {
                    if (actuator && is(args[0], "call_expression")) {
                        auto callee = sx::text(*f, field(args[0], "function"));
                        auto b = import_binding(*f, callee);
                        if ((b && b->module == "express-actuator") || str::contains(callee, "express-actuator")) {
                            out.push_back({"/actuator/health", "express-actuator", f, c.node, std::nullopt, false, false});
                            continue;
                        }
                    }
                    if (sx::is_string_literal(args[0])) {
                        auto path = sx::string_value(*f, args[0]);
                        if (!path.empty() && path[0] == '/' && is_health_path(path)) {
                            LibraryHealth lh{path, "mounted handler", f, c.node, std::nullopt, false, false};
                            if (args.size() >= 2 && is_function_node(args.back())) lh.check = args.back();
                            else if (args.size() >= 2 && is(args.back(), "identifier"))
                                if (auto fn = sx::find_function(*f, sx::text(*f, args.back()))) lh.check = *fn;
                            out.push_back(std::move(lh));
                        }
                    }
                }
            }
        } else if (f->lang == Language::python && str::contains(text, "health_check")) {
            for (const auto& c : sx::calls(*f, sx::root(*f))) {
                if (c.name != "include") continue;
                auto args = sx::call_args(c);
                if (args.empty() || sx::string_value(*f, args[0]) != "health_check.urls") continue;
                std::string path = "/health_check/";
                TSNode outer = ancestor(c.node, {"call"});
                if (!ts_node_is_null(outer)) {
                    TSNode oargs = field(outer, "arguments");
                    if (ts_node_named_child_count(oargs) >= 1) {
                        auto p = sx::string_value(*f, ts_node_named_child(oargs, 0));
                        path = "/" + p;
                    }
                }
                out.push_back({path, "django-health-check", f, c.node, std::nullopt, true, false});
            }
        }
    }
    // django-health-check checks the database when its db backend is installed.
    bool db_backend = false;
    for (const auto* f : code_files(ctx)) {
        if (f->lang != Language::python || !str::contains(f->text, "health_check.db")) continue;
        sx::walk(sx::root(*f), [&](TSNode n) {
            if (db_backend) return false;
            if (is(n, "string") && sx::string_value(*f, n) == "health_check.db" &&
                (is(ts_node_parent(n), "list") || is(ts_node_parent(n), "tuple")))
                db_backend = true;
            return true;
        });
    }
    for (auto& lh : out)
        if (lh.library == "django-health-check") lh.checks_database = db_backend;
    return out;
}

std::vector<Evidence> health_path_comparisons(const ProbeContext& ctx) {
    std::vector<Evidence> out;
    for (const auto* f : code_files(ctx)) {
        const auto& t = f->text;
        if (!str::contains(t, "/health") && !str::contains(t, "/ready") && !str::contains(t, "/live") &&
            !str::contains(t, "/ping") && !str::contains(t, "/status") && !str::contains(t, "/heartbeat"))
            continue;
        sx::walk(sx::root(*f), [&](TSNode n) {
            auto ty = sx::type(n);
            if (ty != "string" && ty != "template_string" && ty != "interpreted_string_literal" &&
                ty != "raw_string_literal")
                return true;
            auto v = sx::string_value(*f, n);
            if (v.empty() || v[0] != '/' || !is_health_path(v)) return false;
            TSNode p = ts_node_parent(n);
            auto pt = sx::type(p);
            bool compared = false;
            if (pt == "binary_expression") {
                auto op = sx::text(*f, field(p, "operator"));
                compared = op == "===" || op == "==";
            } else if (pt == "comparison_operator") {
                compared = str::contains(sx::text(*f, p), "==");
            } else if (pt == "switch_case" || pt == "case_pattern") {
                compared = true;
            } else if (pt == "expression_list" && is(ts_node_parent(p), "expression_case")) {
                compared = true;
            }
            if (compared) out.push_back(f->evidence_at(ts_node_start_byte(n), "request path compared with a health path"));
            return false;
        });
    }
    return out;
}

bool route_matches(std::string_view route_path, std::string_view path) {
    auto a = str::split(route_path, '/');
    auto b = str::split(path, '/');
    auto clean = [](std::vector<std::string_view>& v) {
        v.erase(std::remove_if(v.begin(), v.end(), [](std::string_view s) { return s.empty(); }), v.end());
    };
    clean(a);
    clean(b);
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto s = a[i];
        if (s == "*" || (s.size() > 1 && s.back() == '*')) return true;
        if (i >= b.size()) return false;
        if (s[0] == ':' || s[0] == '{' || s[0] == '<') continue;
        if (str::lower(s) != str::lower(b[i])) return false;
    }
    return a.size() == b.size();
}

// ---- containers ----------------------------------------------------------------------------

namespace {

Instruction parse_instruction(std::string_view args, std::size_t line) {
    Instruction in;
    in.line = line;
    in.raw = std::string(str::trim(args));
    if (!in.raw.empty() && in.raw[0] == '[') {
        try {
            auto j = nlohmann::json::parse(in.raw);
            if (j.is_array()) {
                in.exec_form = true;
                for (const auto& x : j)
                    if (x.is_string()) in.argv.push_back(x.get<std::string>());
                return in;
            }
        } catch (const std::exception&) {
            // Not valid JSON: Docker runs it in shell form.
        }
    }
    for (auto w : str::split(in.raw, ' '))
        if (!str::trim(w).empty()) in.argv.emplace_back(str::trim(w));
    return in;
}

}  // namespace

std::vector<Container> containers(const ProbeContext& ctx) {
    std::vector<Container> out;
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || f->lang != Language::dockerfile) continue;
        Container c;
        c.file = f;
        std::string logical;
        std::size_t first_line = 0;
        const std::size_t n_lines = f->lines.line_count();
        for (std::size_t ln = 1; ln <= n_lines; ++ln) {
            auto raw = f->lines.line_text(f->text, ln);
            auto t = str::trim(raw);
            if (logical.empty() && (t.empty() || t[0] == '#')) continue;
            if (logical.empty()) first_line = ln;
            if (!t.empty() && t[0] == '#') continue;  // comment inside a continuation
            if (!t.empty() && t.back() == '\\') {
                logical += std::string(t.substr(0, t.size() - 1)) + " ";
                if (ln < n_lines) continue;
            } else {
                logical += std::string(t);
            }
            auto sp = logical.find_first_of(" \t");
            std::string kw = str::lower(logical.substr(0, sp));
            std::string_view rest = sp == std::string::npos ? std::string_view{} : std::string_view(logical).substr(sp + 1);
            if (kw == "from") c = Container{f, {}, {}, {}, {}};
            else if (kw == "entrypoint") c.entrypoint = parse_instruction(rest, first_line);
            else if (kw == "cmd") c.cmd = parse_instruction(rest, first_line);
            else if (kw == "stopsignal") c.stopsignal = parse_instruction(rest, first_line);
            else if (kw == "healthcheck") {
                auto r = str::trim(rest);
                if (str::lower(r) == "none") c.healthcheck.reset();
                else c.healthcheck = parse_instruction(rest, first_line);
            }
            logical.clear();
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Script> npm_script(const ProbeContext& ctx, std::string_view name) {
    const auto& root = ctx.svc().root;
    std::string path = root.empty() ? "package.json" : root + "/package.json";
    const auto* f = ctx.model.file(path);
    if (!f || !f->json || !f->json->is_object()) return std::nullopt;
    const auto& j = *f->json;
    if (!j.contains("scripts") || !j["scripts"].is_object()) return std::nullopt;
    auto it = j["scripts"].find(std::string(name));
    if (it == j["scripts"].end() || !it->is_string()) return std::nullopt;
    auto line = line_of(*f, fmt::format("\"{}\"", name), f->text.find("\"scripts\""));
    return Script{it->get<std::string>(), f->evidence_line(line ? line : 1, fmt::format("script {}", name))};
}

// ---- functions across files ----------------------------------------------------------------

namespace {

std::string dir_of(std::string_view p) {
    auto s = p.rfind('/');
    return s == std::string_view::npos ? std::string{} : std::string(p.substr(0, s));
}

std::string normalize(std::string_view p) {
    std::vector<std::string_view> out;
    for (auto s : str::split(p, '/')) {
        if (s.empty() || s == ".") continue;
        if (s == "..") {
            if (!out.empty()) out.pop_back();
            continue;
        }
        out.push_back(s);
    }
    std::string r;
    for (auto s : out) {
        if (!r.empty()) r += '/';
        r += s;
    }
    return r;
}

std::string join(std::string_view a, std::string_view b) {
    if (a.empty()) return std::string(b);
    return std::string(a) + "/" + std::string(b);
}

const File* own_code(const ProbeContext& ctx, const std::string& path) {
    const auto* f = ctx.model.file(path);
    return f && f->tree && f->is_own() ? f : nullptr;
}

const File* js_candidates(const ProbeContext& ctx, const std::string& base) {
    static constexpr std::array<std::string_view, 6> k_ext{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs"};
    if (const auto* f = own_code(ctx, base)) return f;
    auto stem = base;
    for (auto e : {".js", ".mjs", ".cjs", ".jsx"})  // TS sources import './x.js'
        if (str::ends_with(stem, e)) {
            stem = stem.substr(0, stem.size() - std::strlen(e));
            break;
        }
    for (auto e : k_ext)
        if (const auto* f = own_code(ctx, stem + std::string(e))) return f;
    for (auto e : k_ext)
        if (const auto* f = own_code(ctx, stem + "/index" + std::string(e))) return f;
    return nullptr;
}

std::string go_module_path(const ProbeContext& ctx) {
    const auto& root = ctx.svc().root;
    const auto* f = ctx.model.file(root.empty() ? "go.mod" : root + "/go.mod");
    if (!f || !f->kept) return {};
    for (auto raw : str::split(f->text, '\n')) {
        auto line = str::trim(raw);
        if (str::starts_with(line, "module ")) return std::string(str::trim(line.substr(7)));
    }
    return {};
}

bool is_own_spec(const File& from, std::string_view spec) {
    if (from.lang == Language::python) return !spec.empty() && spec[0] == '.';
    return str::starts_with(spec, ".") || str::starts_with(spec, "@/") || str::starts_with(spec, "~/") ||
           str::starts_with(spec, "#/") || str::starts_with(spec, "src/");
}

// `export default foo` / `export default function foo() {}` in a JS module.
std::optional<TSNode> js_default_export(const File& f) {
    std::optional<TSNode> out;
    TSNode r = sx::root(f);
    const std::uint32_t n = ts_node_named_child_count(r);
    for (std::uint32_t i = 0; i < n && !out; ++i) {
        TSNode c = ts_node_named_child(r, i);
        if (!is(c, "export_statement")) continue;
        auto txt = sx::text(f, c);
        if (!str::starts_with(txt, "export default")) continue;
        TSNode decl = field(c, "declaration");
        if (!ts_node_is_null(decl) && is_function_node(decl)) out = decl;
        TSNode val = field(c, "value");
        if (!ts_node_is_null(val)) {
            if (is_function_node(val)) out = val;
            else if (is(val, "identifier"))
                if (auto fn = sx::find_function(f, sx::text(f, val))) out = *fn;
        }
    }
    return out;
}

}  // namespace

const File* resolve_module(const ProbeContext& ctx, const File& from, std::string_view spec) {
    if (spec.empty()) return nullptr;
    const auto& root = ctx.svc().root;
    if (js_or_ts(from.lang)) {
        std::string base;
        if (spec[0] == '.') base = normalize(join(dir_of(from.path), spec));
        else if (str::starts_with(spec, "@/") || str::starts_with(spec, "~/") || str::starts_with(spec, "#/")) {
            base = normalize(join(root, spec.substr(2)));
            if (const auto* f = js_candidates(ctx, base)) return f;
            base = normalize(join(join(root, "src"), spec.substr(2)));
        } else if (str::starts_with(spec, "src/")) {
            base = normalize(join(root, spec));
        } else {
            return nullptr;
        }
        return js_candidates(ctx, base);
    }
    if (from.lang == Language::python) {
        std::string dir;
        std::string_view rest = spec;
        if (spec[0] == '.') {
            std::size_t dots = 0;
            while (dots < spec.size() && spec[dots] == '.') ++dots;
            dir = dir_of(from.path);
            for (std::size_t i = 1; i < dots; ++i) dir = dir_of(dir);
            rest = spec.substr(dots);
        }
        std::string rel;
        for (char c : rest) rel += c == '.' ? '/' : c;
        std::vector<std::string> bases;
        if (spec[0] == '.') bases.push_back(join(dir, rel));
        else {
            bases.push_back(join(root, rel));
            bases.push_back(join(dir_of(from.path), rel));
            bases.push_back(join(join(root, "src"), rel));
            bases.push_back(join(join(root, "app"), rel));
        }
        for (const auto& b : bases) {
            auto nb = normalize(b);
            if (nb.empty()) continue;
            if (const auto* f = own_code(ctx, nb + ".py")) return f;
            if (const auto* f = own_code(ctx, nb + "/__init__.py")) return f;
        }
        return nullptr;
    }
    return nullptr;
}

std::map<std::string, Binding, std::less<>> import_bindings(const File& f) {
    std::map<std::string, Binding, std::less<>> out;
    TSNode r = sx::root(f);
    if (ts_node_is_null(r)) return out;
    auto put = [&](std::string_view local, Binding b) {
        if (!local.empty()) out.emplace(std::string(local), std::move(b));
    };
    const std::uint32_t n = ts_node_named_child_count(r);
    for (std::uint32_t i = 0; i < n; ++i) {
        TSNode st = ts_node_named_child(r, i);
        auto t = sx::type(st);
        if (t == "import_statement" && js_or_ts(f.lang)) {
            std::string src = sx::string_value(f, field(st, "source"));
            sx::walk(st, [&](TSNode x) {
                auto xt = sx::type(x);
                if (xt == "import_clause") {
                    TSNode first = ts_node_named_child(x, 0);
                    if (is(first, "identifier")) put(sx::text(f, first), Binding{src, "default"});
                    return true;
                }
                if (xt == "namespace_import") {
                    put(sx::text(f, ts_node_named_child(x, 0)), Binding{src, "*"});
                    return false;
                }
                if (xt == "import_specifier") {
                    TSNode name = field(x, "name");
                    TSNode alias = field(x, "alias");
                    put(sx::text(f, ts_node_is_null(alias) ? name : alias), Binding{src, std::string(sx::text(f, name))});
                    return false;
                }
                return true;
            });
            continue;
        }
        if ((t == "lexical_declaration" || t == "variable_declaration") && js_or_ts(f.lang)) {
            sx::walk(st, [&](TSNode x) {
                if (!is(x, "variable_declarator")) return true;
                TSNode v = field(x, "value");
                if (is(v, "await_expression")) v = ts_node_named_child(v, 0);
                if (!is(v, "call_expression")) return false;
                auto fn = sx::text(f, field(v, "function"));
                if (fn != "require" && fn != "import") return false;
                TSNode args = field(v, "arguments");
                if (ts_node_named_child_count(args) < 1) return false;
                std::string src = sx::string_value(f, ts_node_named_child(args, 0));
                TSNode name = field(x, "name");
                if (is(name, "identifier")) put(sx::text(f, name), Binding{src, "*"});
                else if (is(name, "object_pattern"))
                    sx::walk(name, [&](TSNode p) {
                        if (is(p, "shorthand_property_identifier_pattern")) put(sx::text(f, p), Binding{src, std::string(sx::text(f, p))});
                        if (is(p, "pair_pattern"))
                            put(sx::text(f, field(p, "value")), Binding{src, std::string(sx::text(f, field(p, "key")))});
                        return true;
                    });
                return false;
            });
            continue;
        }
        if (t == "import_from_statement" && f.lang == Language::python) {
            std::string mod(sx::text(f, field(st, "module_name")));
            const std::uint32_t m = ts_node_named_child_count(st);
            for (std::uint32_t k = 0; k < m; ++k) {
                TSNode c = ts_node_named_child(st, k);
                if (ts_node_eq(c, field(st, "module_name"))) continue;
                if (is(c, "aliased_import")) put(sx::text(f, field(c, "alias")), Binding{mod, std::string(sx::text(f, field(c, "name")))});
                else if (is(c, "dotted_name")) put(sx::text(f, c), Binding{mod, std::string(sx::text(f, c))});
            }
            continue;
        }
        if (t == "import_statement" && f.lang == Language::python) {
            const std::uint32_t m = ts_node_named_child_count(st);
            for (std::uint32_t k = 0; k < m; ++k) {
                TSNode c = ts_node_named_child(st, k);
                if (is(c, "aliased_import")) put(sx::text(f, field(c, "alias")), Binding{std::string(sx::text(f, field(c, "name"))), "*"});
                else if (is(c, "dotted_name")) put(sx::text(f, c), Binding{std::string(sx::text(f, c)), "*"});
            }
            continue;
        }
        if (t == "import_declaration" && f.lang == Language::go) {
            sx::walk(st, [&](TSNode x) {
                if (!is(x, "import_spec")) return true;
                std::string path = sx::string_value(f, field(x, "path"));
                TSNode name = field(x, "name");
                std::string_view l = ts_node_is_null(name) ? std::string_view(path).substr(path.rfind('/') + 1) : sx::text(f, name);
                put(l, Binding{path, "*"});
                return false;
            });
        }
    }
    return out;
}

std::optional<Binding> import_binding(const File& f, std::string_view local) {
    auto all = import_bindings(f);
    auto it = all.find(local);
    if (it == all.end()) return std::nullopt;
    return it->second;
}

// ---- Resolver ------------------------------------------------------------------------------

const Resolver::FileIndex& Resolver::index(const File& f) {
    auto it = m_index.find(&f);
    if (it != m_index.end()) return it->second;
    FileIndex ix;
    for (const auto& nf : sx::functions(f)) {
        auto& m = nf.method ? ix.methods : ix.functions;
        m.emplace(std::string(nf.name), nf.node);  // the first of a name wins, as find_function
    }
    ix.bindings = import_bindings(f);
    return m_index.emplace(&f, std::move(ix)).first->second;
}

std::optional<TSNode> Resolver::find(const File& f, std::string_view name) {
    const auto& ix = index(f);
    if (auto it = ix.functions.find(name); it != ix.functions.end()) return it->second;
    if (auto it = ix.methods.find(name); it != ix.methods.end()) return it->second;
    return std::nullopt;
}

std::optional<Binding> Resolver::binding(const File& f, std::string_view local) {
    const auto& ix = index(f);
    auto it = ix.bindings.find(local);
    if (it == ix.bindings.end()) return std::nullopt;
    return it->second;
}

std::optional<Fn> Resolver::go_find_in_dir(const std::string& dir, std::string_view name) {
    for (const auto* f : code_files(m_ctx)) {
        if (f->lang != Language::go || dir_of(f->path) != dir) continue;
        if (auto fn = find(*f, name)) return Fn{f, *fn};
    }
    return std::nullopt;
}

std::optional<Fn> Resolver::resolve(const File& f, const sx::Call& c) { return resolve(f, std::string_view(c.callee)); }

std::optional<Fn> Resolver::resolve(const File& f, std::string_view callee) {
    auto segs = segments(callee);
    if (segs.empty()) return std::nullopt;
    for (auto s : segs)
        if (s.empty() || s.find_first_of("()[]") != std::string_view::npos) return std::nullopt;
    const bool self_call = segs.size() == 2 && (segs[0] == "this" || segs[0] == "self");
    if (segs.size() == 1 || self_call) {
        std::string_view name = segs.back();
        if (auto fn = find(f, name)) return Fn{&f, *fn};
        if (f.lang == Language::go) return go_find_in_dir(dir_of(f.path), name);
        if (self_call) return std::nullopt;
        auto b = binding(f, name);
        if (!b) return std::nullopt;
        const File* target = resolve_module(m_ctx, f, b->module);
        if (!target) return std::nullopt;
        if (b->name == "default") {
            if (auto fn = js_default_export(*target)) return Fn{target, *fn};
            if (auto fn = find(*target, name)) return Fn{target, *fn};
            return std::nullopt;
        }
        if (auto fn = find(*target, b->name)) return Fn{target, *fn};
        return std::nullopt;
    }
    if (segs.size() == 2) {
        std::string_view obj = segs[0];
        std::string_view name = segs[1];
        auto b = binding(f, obj);
        if (!b) return std::nullopt;
        if (f.lang == Language::go) {
            if (!m_go_module_read) {
                m_go_module = go_module_path(m_ctx);
                m_go_module_read = true;
            }
            if (m_go_module.empty() || !str::starts_with(b->module, m_go_module)) return std::nullopt;
            std::string rel = b->module.substr(m_go_module.size());
            if (!rel.empty() && rel[0] == '/') rel = rel.substr(1);
            return go_find_in_dir(join(m_ctx.svc().root, rel), name);
        }
        const File* target = nullptr;
        if (f.lang == Language::python && b->name != "*") {
            // from . import views; views.check()
            std::string sub = str::ends_with(b->module, ".") ? b->module + b->name : b->module + "." + b->name;
            target = resolve_module(m_ctx, f, sub);
        } else if (b->name == "*" || b->name == "default") {
            target = resolve_module(m_ctx, f, b->module);
        }
        if (!target) return std::nullopt;
        if (auto fn = find(*target, name)) return Fn{target, *fn};
    }
    return std::nullopt;
}

bool Resolver::unresolved_own(const File& f, const sx::Call& c) {
    auto segs = segments(c.callee);
    if (segs.empty() || segs.size() > 2) return false;
    if (segs.size() == 2 && (segs[0] == "this" || segs[0] == "self")) return false;
    auto b = binding(f, segs[0]);
    if (!b) return false;
    // A method on an imported object (logger.error with `import { logger }`) is not a function we resolve.
    if (segs.size() == 2 && f.lang != Language::go && b->name != "*" && b->name != "default") return false;
    if (f.lang == Language::go) {
        if (!m_go_module_read) {
            m_go_module = go_module_path(m_ctx);
            m_go_module_read = true;
        }
        if (m_go_module.empty() || !str::starts_with(b->module, m_go_module)) return false;
    } else if (!is_own_spec(f, b->module) && !resolve_module(m_ctx, f, b->module)) {
        return false;
    }
    return !resolve(f, c);
}

}  // namespace gonogo::checks::health
