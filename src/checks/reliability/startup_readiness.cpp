// Probe rel.startup_readiness (REL-05): does the service take traffic only once its database
// or cache is reachable? Decided from Kubernetes readiness/startup probes on the serving
// containers, compose `depends_on: {condition: service_healthy}` on datastore services with a
// healthcheck, code that connects to the datastore before the server listens, or a container
// start command (inline or its entrypoint script) that waits for the datastore or applies the
// migrations and starts the server only once that succeeded.
#include <array>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace health;
namespace sx = collect::syntax;

namespace {

bool is_js(Language l) { return l == Language::javascript || l == Language::typescript || l == Language::tsx; }

// ---- Kubernetes ----------------------------------------------------------------------------

struct K8sVerdict {
    bool any = false;
    std::vector<Evidence> missing;
    std::vector<Evidence> present;
    std::vector<std::string> missing_names;
};

K8sVerdict kubernetes(const ProbeContext& ctx) {
    K8sVerdict v;
    for (const auto& o : k8s_objects(ctx)) {
        if (!is_workload(o.kind) || o.kind == "Job" || o.kind == "CronJob" || !o.file->is_own()) continue;
        auto spec = pod_spec(o);
        if (!spec || !spec["containers"] || !spec["containers"].IsSequence()) continue;
        v.any = true;
        std::size_t i = 0;
        for (const auto& c : spec["containers"]) {
            const bool serving = c["ports"] || i == 0;
            ++i;
            if (!serving) continue;
            auto name = c["name"] && c["name"].IsScalar() ? c["name"].as<std::string>() : std::string("container");
            if (c["readinessProbe"])
                v.present.push_back(yaml_key_evidence(*o.file, c, "readinessProbe", fmt::format("readinessProbe of {}/{}", o.name, name)));
            else if (c["startupProbe"])
                v.present.push_back(yaml_key_evidence(*o.file, c, "startupProbe", fmt::format("startupProbe of {}/{}", o.name, name)));
            else {
                v.missing.push_back(yaml_evidence(*o.file, c["name"] ? c["name"] : c, fmt::format("{} {} has no readinessProbe", o.kind, o.name)));
                v.missing_names.push_back(fmt::format("{}/{}", o.name, name));
            }
        }
    }
    return v;
}

// Helm charts template their manifests; their values usually carry the probe.
std::optional<Evidence> helm_readiness(const ProbeContext& ctx) {
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || f->lang != Language::yaml) continue;
        const bool values = str::ends_with(f->path, "values.yaml") || str::ends_with(f->path, "values.yml");
        const bool tmpl = str::contains(f->path, "templates/");
        if (!values && !tmpl) continue;
        std::size_t ln = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++ln;
            auto l = str::trim(raw);
            if (str::starts_with(l, "readinessProbe:") || str::starts_with(l, "startupProbe:"))
                return f->evidence_line(ln, "probe in the Helm chart");
        }
    }
    return std::nullopt;
}

// ---- compose -------------------------------------------------------------------------------

bool datastore_image(std::string_view image) {
    static constexpr std::array<std::string_view, 16> k{"postgres", "postgis", "mysql", "mariadb", "redis", "valkey",
                                                        "mongo", "memcached", "rabbitmq", "kafka", "elasticsearch",
                                                        "opensearch", "cockroach", "timescale", "keydb", "dragonfly"};
    auto i = str::lower(image);
    auto slash = i.rfind('/');
    auto name = slash == std::string::npos ? i : i.substr(slash + 1);
    for (auto w : k)
        if (str::starts_with(name, w)) return true;
    return false;
}

struct ComposeVerdict {
    bool applies = false;  // the compose file runs the app next to a datastore
    std::vector<Evidence> ok;
    std::vector<Evidence> problems;
    std::string problem;
};

ComposeVerdict compose(const ProbeContext& ctx) {
    ComposeVerdict v;
    auto services = compose_services(ctx);
    std::map<std::string, const ComposeService*> stores;
    for (const auto& s : services)
        if (s.file->is_own() && s.node.IsMap() && s.node["image"] && s.node["image"].IsScalar() &&
            datastore_image(s.node["image"].as<std::string>()))
            stores[s.file->path + "#" + s.name] = &s;
    if (stores.empty()) return v;
    for (const auto& s : services) {
        if (!s.file->is_own() || !s.node.IsMap() || stores.count(s.file->path + "#" + s.name)) continue;
        if (!s.node["build"] && !(s.node["ports"] || s.node["expose"])) continue;  // a tool container, not the app
        v.applies = true;
        auto deps = s.node["depends_on"];
        bool any_store_dep = false;
        auto check_dep = [&](const std::string& dep, const YAML::Node& cond_node, const YAML::Node& at) {
            auto it = stores.find(s.file->path + "#" + dep);
            if (it == stores.end()) return;
            any_store_dep = true;
            std::string cond = cond_node && cond_node.IsScalar() ? cond_node.as<std::string>() : "";
            if (cond != "service_healthy") {
                v.problems.push_back(yaml_evidence(*s.file, at, fmt::format("{} depends on {} without service_healthy", s.name, dep)));
                if (v.problem.empty())
                    v.problem = fmt::format("compose service {} starts as soon as the {} container starts, not when it "
                                            "is healthy (depends_on without condition: service_healthy)",
                                            s.name, dep);
                return;
            }
            if (!it->second->node["healthcheck"]) {
                v.problems.push_back(yaml_evidence(*s.file, at, fmt::format("{} has no healthcheck", dep)));
                if (v.problem.empty())
                    v.problem = fmt::format("compose service {} waits for {} to be healthy, but {} declares no "
                                            "healthcheck",
                                            s.name, dep, dep);
                return;
            }
            v.ok.push_back(yaml_evidence(*s.file, cond_node, fmt::format("{} waits for {} to be healthy", s.name, dep)));
        };
        if (deps && deps.IsMap()) {
            for (const auto& kv : deps) check_dep(kv.first.as<std::string>(), kv.second.IsMap() ? kv.second["condition"] : YAML::Node(), kv.first);
        } else if (deps && deps.IsSequence()) {
            for (const auto& d : deps)
                if (d.IsScalar()) check_dep(d.as<std::string>(), YAML::Node(), d);
        }
        if (!any_store_dep) {
            v.problems.push_back(yaml_evidence(*s.file, s.node, fmt::format("{} has no depends_on for its datastore", s.name)));
            if (v.problem.empty())
                v.problem = fmt::format("compose service {} does not depend on its datastore service, so it may start "
                                        "before the database",
                                        s.name);
        }
    }
    return v;
}

// ---- code that connects before it listens ---------------------------------------------------

bool is_connect_call(const File& f, const sx::Call& c) {
    if (is_datastore_call(f, c)) return true;
    auto root = receiver_root(c.callee);
    if (c.callee == "gorm.Open" || c.callee == "sqlx.Connect" || c.callee == "pgx.Connect" || c.callee == "pgxpool.Connect" ||
        c.callee == "mongoose.connect" || c.callee == "Tortoise.init" || c.callee == "asyncpg.create_pool")
        return true;
    if (c.name == "initialize" && str::icontains(root, "source")) return true;  // TypeORM DataSource
    if (c.name == "connect" || c.name == "Connect" || c.name == "create_pool") {
        auto r = str::lower(root);
        for (auto w : {"db", "database", "pool", "client", "redis", "mongo", "prisma", "sequelize", "knex", "engine", "conn"})
            if (str::contains(r, w)) return true;
    }
    return false;
}

bool awaited_or_sync(const File& f, TSNode call) {
    if (!is_js(f.lang)) return true;
    TSNode p = ts_node_parent(call);
    while (is(p, "parenthesized_expression") || is(p, "as_expression") || is(p, "non_null_expression")) p = ts_node_parent(p);
    return is(p, "await_expression");
}

// A connect call (direct, or inside an own helper) that runs before the listen call in the same scope.
std::optional<Evidence> connect_before(Resolver& res, const File& f, TSNode scope, TSNode listen) {
    for (const auto& c : sx::calls(f, scope)) {
        if (ts_node_start_byte(c.node) >= ts_node_start_byte(listen)) break;
        if (within(listen, c.node)) {
            // connect().then(() => app.listen()): the listen runs after the connect resolves.
            auto segs = segments(c.callee);
            if (c.name == "then" && segs.size() >= 2) {
                std::string_view head = segs[segs.size() - 2];
                if (str::icontains(head, "connect") || str::icontains(head, "initialize") || str::icontains(head, "authenticate") ||
                    str::icontains(head, "$connect"))
                    return node_evidence(f, c.node, "the server listens once the connection resolves");
            }
            continue;
        }
        // Only calls the scope itself runs in order (not ones inside route callbacks it registers).
        TSNode encl = sx::enclosing_function(c.node);
        const bool direct = is_function_node(scope) ? ts_node_eq(encl, scope) : ts_node_is_null(encl);
        if (!direct) continue;
        if (!awaited_or_sync(f, c.node)) continue;
        if (is_connect_call(f, c)) return node_evidence(f, c.node, "connects to the datastore before listening");
        if (auto fn = res.resolve(f, c)) {
            for (const auto& inner : sx::calls(*fn->file, fn->node))
                if (is_connect_call(*fn->file, inner))
                    return node_evidence(f, c.node, fmt::format("awaits {} before listening", c.callee));
        }
    }
    return std::nullopt;
}

struct CodeWait {
    std::optional<Evidence> evidence;
    bool by_default = false;
    std::string message;
};

CodeWait code_wait(const ProbeContext& ctx) {
    Resolver res(ctx);
    const auto& fw = ctx.svc().frameworks;
    for (const auto* f : code_files(ctx)) {
        const auto& t = f->text;
        const bool go = f->lang == Language::go;
        const bool py = f->lang == Language::python;
        if (is_js(f->lang) && !str::contains(t, "listen") && !str::contains(t, "forRoot") && !str::contains(t, "register"))
            continue;
        if (go && !str::contains(t, "Serve") && !str::contains(t, ".Run(") && !str::contains(t, ".Start(") &&
            !str::contains(t, ".Listen("))
            continue;
        if (py && !str::contains(t, "lifespan") && !str::contains(t, "on_event") && !str::contains(t, ".run("))
            continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            bool listen = false;
            if (is_js(f->lang)) listen = c.name == "listen" && receiver_root(c.callee) != "process";
            if (go)
                listen = c.name == "ListenAndServe" || c.name == "ListenAndServeTLS" || c.name == "Serve" ||
                         (c.name == "Run" && fw.count("gin")) || (c.name == "Start" && fw.count("echo")) ||
                         (c.name == "Listen" && fw.count("fiber"));
            if (py) listen = c.callee == "uvicorn.run" || (c.name == "run" && receiver_root(c.callee) == "app");
            if (is_js(f->lang) && (c.callee == "TypeOrmModule.forRoot" || c.callee == "TypeOrmModule.forRootAsync" ||
                                   c.callee == "MongooseModule.forRoot" || c.callee == "MongooseModule.forRootAsync" ||
                                   c.callee == "SequelizeModule.forRoot" || c.callee == "SequelizeModule.forRootAsync"))
                return {node_evidence(*f, c.node, "connects during module init"), true,
                        fmt::format("NestJS connects {} while the application initialises, before app.listen() opens "
                                    "the port (NestJS default).",
                                    c.callee.substr(0, c.callee.find('.')))};
            if (py && (c.name == "on_event") && !sx::call_args(c).empty() &&
                sx::string_value(*f, sx::call_args(c)[0]) == "startup") {
                TSNode dec = ancestor(c.node, {"decorated_definition"});
                TSNode def = field(dec, "definition");
                if (!ts_node_is_null(def))
                    for (const auto& in : sx::calls(*f, def))
                        if (is_connect_call(*f, in))
                            return {node_evidence(*f, in.node, "startup handler"), false,
                                    "The FastAPI startup handler connects to the datastore; the ASGI server accepts "
                                    "requests only after startup completes."};
            }
            if (py && c.name == "FastAPI") {
                for (auto a : sx::call_args(c)) {
                    if (!is(a, "keyword_argument") || sx::text(*f, field(a, "name")) != "lifespan") continue;
                    if (auto fn = res.resolve(*f, sx::text(*f, field(a, "value")))) {
                        for (const auto& in : sx::calls(*fn->file, fn->node)) {
                            if (!is_connect_call(*fn->file, in)) continue;
                            // Before the `yield`: the connect runs at start-up.
                            TSNode y{};
                            sx::walk(fn->node, [&](TSNode x) {
                                if (ts_node_is_null(y) && is(x, "yield")) y = x;
                                return ts_node_is_null(y);
                            });
                            if (ts_node_is_null(y) || ts_node_start_byte(in.node) < ts_node_start_byte(y))
                                return {node_evidence(*fn->file, in.node, "lifespan start-up"), false,
                                        "The FastAPI lifespan connects to the datastore before the app starts serving."};
                        }
                    }
                }
            }
            if (!listen) continue;
            // The listen call's own function first, then the functions around it (a goroutine, a .then()
            // callback of a connect promise, the module top level).
            TSNode target = c.node;
            TSNode fn = sx::enclosing_function(target);
            for (int depth = 0; depth < 4; ++depth) {
                TSNode scope = ts_node_is_null(fn) ? sx::root(*f) : fn;
                if (auto ev = connect_before(res, *f, scope, target))
                    return {ev, false,
                            fmt::format("The server connects to its datastore before it starts listening ({}).", f->path)};
                if (ts_node_is_null(fn)) break;
                target = fn;
                fn = sx::enclosing_function(fn);
            }
        }
    }
    // Next.js: instrumentation.ts register() runs before the server handles requests.
    for (const auto* f : code_files(ctx)) {
        auto name = f->path.substr(f->path.rfind('/') == std::string::npos ? 0 : f->path.rfind('/') + 1);
        if (!str::starts_with(name, "instrumentation.")) continue;
        if (auto reg = sx::find_function(*f, "register"))
            for (const auto& in : sx::calls(*f, *reg))
                if (is_connect_call(*f, in) && awaited_or_sync(*f, in.node))
                    return {node_evidence(*f, in.node, "instrumentation register()"), false,
                            "Next.js awaits instrumentation register(), which connects to the datastore, before it "
                            "handles requests."};
    }
    return {};
}

// ---- a start command that waits for the datastore -------------------------------------------
// The container's command, inline (`alembic upgrade head && uvicorn ...`) or in the entrypoint script
// it runs, waits for the database (pg_isready, wait-for-it, dockerize -wait, nc -z ...) or applies
// migrations, which need it, and starts the server only once that has succeeded: chained with &&,
// retried in a loop until it succeeds, or under `set -e`.

const std::regex& wait_re() {
    static const std::regex re(
        R"((\bpg_isready\b|wait-for-it|\bwait-for\b|\bdockerize\b.*-wait\b|\bnc\s+(-\w+\s+)*-z\b|mysqladmin\s+(\S+\s+)*ping|redis-cli\s+(\S+\s+)*ping|manage\.py\s+wait_for_db))");
    return re;
}
const std::regex& migrate_re() {
    static const std::regex re(
        R"((prisma\s+migrate\s+deploy|alembic\s+(-\S+\s+)*upgrade|manage\.py\s+migrate|flask\s+db\s+upgrade|knex\s+migrate:latest|sequelize(-cli)?\s+db:migrate|typeorm.*migration:run|\bgoose\b.*\bup\b|\bmigrate\b.*\bup\b|atlas\s+migrate\s+apply|\bdbmate\b.*\b(up|migrate)\b|rails\s+db:migrate))");
    return re;
}
const std::regex& server_re() {
    static const std::regex re(
        R"((\bgunicorn\b|\buvicorn\b|\bhypercorn\b|\bdaphne\b|waitress-serve|manage\.py\s+runserver|\bflask\s+run\b|\bnode\s+\S+|\bnpm\s+(run\s+)?start\b|\byarn\s+start\b|\bpnpm\s+start\b|next\s+start|\bpuma\b|rails\s+server|\bexec\s+"?\$@"?))");
    return re;
}

std::string_view gate_kind(std::string_view line) {
    const std::string l(line);
    if (std::regex_search(l, wait_re())) return "waits for the datastore";
    if (std::regex_search(l, migrate_re())) return "applies the migrations (which need the database)";
    return {};
}

std::optional<CodeWait> inline_gate(const Container& c, const Instruction& in) {
    // Shell form as written; exec form ["sh", "-c", "a && b"] carries the chain in its words.
    const std::string cmd = in.exec_form ? str::join(in.argv, " ") : in.raw;
    const auto parts = str::split(cmd, '&');  // `a && b` splits into a, "", b
    bool gated = false;
    std::string kind;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!parts[i + 1].empty()) continue;  // a single & backgrounds; only && chains
        if (auto k = gate_kind(parts[i]); !k.empty()) {
            gated = true;
            kind = std::string(k);
        }
    }
    if (!gated || !std::regex_search(std::string(parts.back()), server_re())) return std::nullopt;
    return CodeWait{c.file->evidence_line(in.line, "starts the server only after this succeeds"), false,
                    fmt::format("The container's start command ({}:{}) {} and starts the server only when that succeeds "
                                "(&&).",
                                c.file->path, in.line, kind)};
}

std::optional<CodeWait> script_gate(const ProbeContext& ctx, const Instruction& in) {
    // The script the command runs: a word ending in .sh, or an entrypoint file, found by name in the repository.
    for (const auto& word : in.argv) {
        auto w = str::trim(word);
        while (!w.empty() && (w.front() == '[' || w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
        while (!w.empty() && (w.back() == ']' || w.back() == '"' || w.back() == ',' || w.back() == '\'')) w.remove_suffix(1);
        auto base = w.substr(w.rfind('/') == std::string_view::npos ? 0 : w.rfind('/') + 1);
        if (base.empty() || (!str::ends_with(base, ".sh") && base != "entrypoint" && base != "docker-entrypoint")) continue;
        for (const auto* f : ctx.files()) {
            if (!f->kept || !f->is_own()) continue;
            auto fb = std::string_view(f->path).substr(f->path.rfind('/') == std::string::npos ? 0 : f->path.rfind('/') + 1);
            if (fb != base) continue;
            const std::size_t n = f->lines.line_count();
            bool set_e = false, in_loop = false;
            std::size_t gate_line = 0;
            std::string kind;
            bool gate_checked = false;
            for (std::size_t ln = 1; ln <= n; ++ln) {
                auto t = str::trim(f->lines.line_text(f->text, ln));
                if (t.empty() || t[0] == '#') continue;
                if (str::starts_with(t, "set -e") || str::starts_with(t, "set -o errexit") ||
                    (str::starts_with(t, "set -") && str::contains(t.substr(0, t.find(' ', 5)), "e")))
                    set_e = true;
                if (str::starts_with(t, "while ") || str::starts_with(t, "until ")) in_loop = true;
                if (str::starts_with(t, "done")) in_loop = false;
                if (auto k = gate_kind(t); !k.empty() && !gate_line) {
                    gate_line = ln;
                    kind = std::string(k);
                    // Checked when it stops the script on failure: set -e, && / || exit, or retried in a loop
                    // (until it succeeds) that the script leaves only by `break`.
                    gate_checked = set_e || in_loop || str::contains(t, "&&") || str::contains(t, "|| exit") ||
                                   str::starts_with(t, "until ") || str::starts_with(t, "while ");
                    continue;
                }
                if (gate_line && std::regex_search(std::string(t), server_re())) {
                    if (!gate_checked) return std::nullopt;
                    return CodeWait{f->evidence_line(gate_line, "before the server starts"), false,
                                    fmt::format("The container's entrypoint {} {} before it starts the server ({}:{}), so the "
                                                "server listens only once the database answers.",
                                                f->path, kind, f->path, ln)};
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<CodeWait> start_command_wait(const ProbeContext& ctx) {
    for (const auto& c : containers(ctx)) {
        for (const auto* in : {c.entrypoint ? &*c.entrypoint : nullptr, c.cmd ? &*c.cmd : nullptr}) {
            if (!in) continue;
            if (auto w = inline_gate(c, *in)) return w;
            if (auto w = script_gate(ctx, *in)) return w;
        }
    }
    return std::nullopt;
}

}  // namespace

Outcome probe_rel_startup_readiness(const ProbeContext& ctx) {
    if (!is_http_service(ctx)) return na("No HTTP server: the service takes no traffic to gate.");
    auto stores = datastores(ctx);
    if (stores.empty()) return na("No database or cache in the stack: there is no dependency to wait for.");

    auto k8s = kubernetes(ctx);
    if (k8s.any) {
        if (!k8s.missing.empty())
            return fail(fmt::format("Kubernetes sends traffic to {} as soon as the container starts: no readinessProbe "
                                    "(or startupProbe) waits for the service and its {}.",
                                    fmt::join(k8s.missing_names, ", "), fmt::join(stores, ", ")),
                        k8s.missing);
        return pass("Every serving container declares a readinessProbe (or startupProbe): Kubernetes routes traffic "
                    "only once it answers.",
                    k8s.present);
    }
    if (ctx.model.deployment.kinds.count("helm")) {
        if (auto ev = helm_readiness(ctx))
            return pass("The Helm chart configures a readinessProbe (or startupProbe) for the workload.", {*ev});
    }
    auto cw = code_wait(ctx);
    if (!cw.evidence)
        if (auto sw = start_command_wait(ctx)) cw = *sw;
    auto cv = compose(ctx);
    if (cv.applies) {
        if (cv.problems.empty())
            return pass("Compose starts the app only once its datastore is healthy (depends_on with condition: "
                        "service_healthy and a healthcheck on the datastore).",
                        cv.ok);
        if (cw.evidence) {
            auto o = pass(fmt::format("{} (Compose does not gate it: {}.)", cw.message, cv.problem), {*cw.evidence});
            o.relied_on_default = cw.by_default;
            return o;
        }
        return fail(fmt::format("The app can take traffic before its datastore is ready: {}; and the code does not "
                                "connect before it listens.",
                                cv.problem),
                    cv.problems);
    }
    if (cw.evidence) {
        auto o = pass(cw.message, {*cw.evidence});
        o.relied_on_default = cw.by_default;
        return o;
    }
    // Nothing in the repository says what runs the service: a readiness probe may live with the platform's
    // configuration elsewhere, so the absence of one here decides nothing.
    const auto& rt = deploy::runtime_of(ctx);
    if (rt.primary == deploy::Mechanism::none || rt.primary == deploy::Mechanism::dockerfile_only) {
        auto o = deploy::undecided(ctx, rt, "whether a readiness check gates traffic");
        if (o.status == Status::unknown)
            o.message += fmt::format(" The code itself does not connect to the {} before it listens.", fmt::join(stores, ", "));
        return o;
    }
    std::vector<Evidence> ev;
    for (const auto& c : containers(ctx))
        if (c.cmd || c.entrypoint) {
            ev.push_back(c.file->evidence_line(c.cmd ? c.cmd->line : c.entrypoint->line, "starts without waiting for the datastore"));
            break;
        }
    if (ev.empty())
        for (auto name : {"@prisma/client", "pg", "mongoose", "redis", "ioredis", "mysql2", "sqlalchemy", "psycopg2",
                          "psycopg", "asyncpg", "gorm.io/gorm", "github.com/jackc/pgx/v5", "github.com/lib/pq", "django"})
            if (auto e = dependency_evidence(ctx, name)) {
                ev.push_back(*e);
                break;
            }
    return fail(fmt::format("Nothing gates traffic on the {}: no Kubernetes readiness probe, no compose health "
                            "condition, and the server does not connect before it listens.",
                            fmt::join(stores, ", ")),
                ev);
}

}  // namespace gonogo::checks
