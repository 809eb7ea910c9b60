// Probe perf.db_pooling (PERF-07): does the service reuse pooled database
// connections with bounds? Prisma/pg/mysql2 clients created once per process
// (not per request), Go sql.DB with SetMaxOpenConns, pgxpool, SQLAlchemy
// engine pools (also Flask-SQLAlchemy's), TypeORM DataSources, Django CONN_MAX_AGE.
#include <optional>

#include <fmt/format.h>

#include "checks/disaster_recovery/data_util.hpp"
#include "checks/operations/deploy_util.hpp"
#include "checks/performance/data_probes.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace syn = collect::syntax;

using collect::syntax::is_js;

// A function that runs per request: a resolved route handler, or a function with (req, res)/(request) shape
// in a route file (Next.js route handlers and pages).
bool inside_handler(const ProbeContext& ctx, const File& f, TSNode n) {
    auto fn = syn::enclosing_function(n);
    if (ts_node_is_null(fn)) return false;
    auto b = ts_node_start_byte(n);
    for (const auto* r : routes(ctx)) {
        if (r->handler_file == UINT32_MAX || &ctx.model.file_at(r->handler_file) != &f) continue;
        if (r->handler_begin <= b && b < r->handler_end) return true;
    }
    auto params = ts_node_child_by_field_name(fn, "parameters", 10);
    if (ts_node_is_null(params)) return false;
    auto p = str::lower(syn::text(f, params));
    return str::contains(p, "req") || str::contains(p, "ctx") || str::contains(p, "request") || str::contains(p, "c *gin.context") ||
           str::contains(p, "http.request");
}

struct Tally {
    std::vector<Evidence> fail_ev, pass_ev, other;
    std::vector<std::string> fail_msg, pass_msg;
    bool by_default = false, explicit_cfg = false;
};

}  // namespace

Outcome probe_perf_db_pooling(const ProbeContext& ctx) {
    Tally t;
    bool prisma = false, saw_client = false;
    bool go_sql_open = false, go_bounded = false;
    std::optional<Evidence> go_open_ev;
    for (const File* f : code_files(ctx)) {
        bool own = !data::not_own_path(f->path);
        auto root = syn::root(*f);
        if (ts_node_is_null(root)) continue;
        if (is_js(*f)) {
            syn::walk(root, [&](TSNode n) {
                if (syn::type(n) != "new_expression") return true;
                auto ctor = ts_node_child_by_field_name(n, "constructor", 11);
                auto name = std::string(syn::text(*f, ctor));
                auto dot = name.rfind('.');
                std::string last = dot == std::string::npos ? name : name.substr(dot + 1);
                if (last != "PrismaClient" && last != "Client" && last != "Pool") return true;
                if (last != "PrismaClient" && !depends_on_any(ctx, {"pg", "@neondatabase/serverless", "@vercel/postgres"})) return true;
                auto ev = node_evidence(*f, n);
                if (!own) { t.other.push_back(ev); return true; }
                saw_client = true;
                bool per_request = inside_handler(ctx, *f, n);
                if (last == "PrismaClient") {
                    prisma = true;
                    if (per_request) {
                        t.fail_ev.push_back(ev);
                        t.fail_msg.push_back("a PrismaClient is constructed per request");
                    } else t.pass_ev.push_back(ev);
                } else if (last == "Pool") {
                    if (per_request) {
                        t.fail_ev.push_back(ev);
                        t.fail_msg.push_back("a pg Pool is created per request");
                    } else {
                        t.pass_ev.push_back(ev);
                        auto args = std::string(syn::text(*f, n));
                        if (str::contains(args, "max")) t.explicit_cfg = true;
                        else t.by_default = true;
                        t.pass_msg.push_back(str::contains(args, "max") ? "a pg Pool with max" : "a pg Pool (default max 10)");
                    }
                } else {
                    t.fail_ev.push_back(ev);
                    t.fail_msg.push_back(per_request ? "a pg Client (one connection) is opened per request"
                                                     : "a single pg Client connection is shared instead of a Pool");
                }
                return true;
            });
            for (const auto& c : syn::calls(*f, root)) {
                // TypeORM: a DataSource (NestJS TypeOrmModule.forRoot, new DataSource, createConnection) keeps its
                // driver's pool per process (pg and mysql2 default to 10 connections; poolSize / extra bound it).
                if (own && (c.callee == "TypeOrmModule.forRoot" || c.callee == "TypeOrmModule.forRootAsync") &&
                    depends_on_any(ctx, {"typeorm"})) {
                    saw_client = true;
                    t.pass_ev.push_back(node_evidence(*f, c.node));
                    const bool cfg = str::contains(f->text, "poolSize") || str::contains(f->text, "connectionLimit");
                    (cfg ? t.explicit_cfg : t.by_default) = true;
                    t.pass_msg.push_back(cfg ? "a TypeORM DataSource with poolSize"
                                             : "a TypeORM DataSource, created once at module init (its driver's pool, default 10)");
                    continue;
                }
                if (c.name != "createPool" && c.name != "createConnection") continue;
                if (!depends_on_any(ctx, {"mysql2", "mysql"})) continue;
                auto ev = node_evidence(*f, c.node);
                if (!own) { t.other.push_back(ev); continue; }
                saw_client = true;
                bool per_request = inside_handler(ctx, *f, c.node);
                if (c.name == "createPool" && !per_request) {
                    t.pass_ev.push_back(ev);
                    t.explicit_cfg = true;
                    t.pass_msg.push_back("a mysql pool");
                } else {
                    t.fail_ev.push_back(ev);
                    t.fail_msg.push_back(c.name == "createPool" ? "a MySQL pool is created per request" : "a MySQL connection instead of a pool");
                }
            }
        } else if (f->lang == Language::go) {
            for (const auto& c : syn::calls(*f, root)) {
                if (c.callee == "sql.Open" || c.callee == "sqlx.Open" || c.callee == "sqlx.Connect" || c.callee == "gorm.Open") {
                    if (!own) { t.other.push_back(node_evidence(*f, c.node)); continue; }
                    saw_client = true;
                    if (inside_handler(ctx, *f, c.node)) {
                        t.fail_ev.push_back(node_evidence(*f, c.node));
                        t.fail_msg.push_back("a database handle is opened per request");
                        continue;
                    }
                    go_sql_open = true;
                    if (!go_open_ev) go_open_ev = node_evidence(*f, c.node);
                } else if ((c.name == "SetMaxOpenConns" || c.name == "SetMaxIdleConns") && own) {
                    go_bounded = true;
                    t.pass_ev.push_back(node_evidence(*f, c.node));
                } else if ((c.callee == "pgxpool.New" || c.callee == "pgxpool.NewWithConfig" || c.callee == "pgxpool.Connect") && own) {
                    saw_client = true;
                    t.pass_ev.push_back(node_evidence(*f, c.node));
                    bool maxc = str::contains(f->text, "MaxConns") || str::contains(f->text, "pool_max_conns");
                    (maxc ? t.explicit_cfg : t.by_default) = true;
                    t.pass_msg.push_back(maxc ? "pgxpool with MaxConns" : "pgxpool (default MaxConns max(4, CPUs))");
                } else if (c.callee == "pgx.Connect" && own) {
                    saw_client = true;
                    t.fail_ev.push_back(node_evidence(*f, c.node));
                    t.fail_msg.push_back("a single pgx connection instead of pgxpool");
                }
            }
        } else if (f->lang == Language::python) {
            for (const auto& c : syn::calls(*f, root)) {
                if (c.name == "create_engine" || c.name == "create_async_engine") {
                    if (!own) { t.other.push_back(node_evidence(*f, c.node)); continue; }
                    saw_client = true;
                    auto a = std::string(syn::text(*f, c.arguments));
                    if (str::contains(a, "NullPool")) {
                        t.fail_ev.push_back(node_evidence(*f, c.node));
                        t.fail_msg.push_back("SQLAlchemy engine with NullPool (a connection per checkout)");
                    } else if (inside_handler(ctx, *f, c.node)) {
                        t.fail_ev.push_back(node_evidence(*f, c.node));
                        t.fail_msg.push_back("an SQLAlchemy engine is created per request");
                    } else {
                        t.pass_ev.push_back(node_evidence(*f, c.node));
                        bool cfg = str::contains(a, "pool_size") || str::contains(a, "max_overflow");
                        (cfg ? t.explicit_cfg : t.by_default) = true;
                        t.pass_msg.push_back(cfg ? "an SQLAlchemy engine with pool_size" : "an SQLAlchemy engine (QueuePool default 5+10)");
                    }
                } else if (c.callee == "SQLAlchemy" && own && str::contains(f->text, "flask_sqlalchemy")) {
                    // Flask-SQLAlchemy builds one engine per app (QueuePool unless SQLALCHEMY_ENGINE_OPTIONS says otherwise).
                    saw_client = true;
                    t.pass_ev.push_back(node_evidence(*f, c.node));
                    t.by_default = true;
                    t.pass_msg.push_back("Flask-SQLAlchemy's engine, one per app (QueuePool default 5+10)");
                } else if ((c.name == "connect") && (c.callee == "psycopg2.connect" || c.callee == "psycopg.connect") && own &&
                           inside_handler(ctx, *f, c.node)) {
                    saw_client = true;
                    t.fail_ev.push_back(node_evidence(*f, c.node));
                    t.fail_msg.push_back("a psycopg connection is opened per request");
                }
            }
            // Django settings: DATABASES = {...} with CONN_MAX_AGE.
            if (own && str::contains(f->text, "DATABASES") && str::contains(f->text, "django.db.backends")) {
                saw_client = true;
                auto pos = f->text.find("CONN_MAX_AGE");
                auto pos2 = f->text.find("conn_max_age");
                if (pos == std::string::npos && pos2 == std::string::npos) {
                    t.fail_ev.push_back(f->evidence_line(line_of(*f, "DATABASES"), "no CONN_MAX_AGE"));
                    t.fail_msg.push_back("Django DATABASES has no CONN_MAX_AGE (default 0: a new connection per request)");
                } else {
                    auto at = pos != std::string::npos ? pos : pos2;
                    auto line = f->lines.at(at).line;
                    auto lt = std::string(f->lines.line_text(f->text, line));
                    auto colon = lt.find_first_of(":=", lt.find(pos != std::string::npos ? "CONN_MAX_AGE" : "conn_max_age"));
                    auto val = colon == std::string::npos ? std::string() : std::string(str::trim(lt.substr(colon + 1)));
                    if (str::starts_with(val, "0") && (val.size() == 1 || val[1] == ',' || val[1] == ' ' || val[1] == ')')) {
                        t.fail_ev.push_back(f->evidence_line(line));
                        t.fail_msg.push_back("Django CONN_MAX_AGE is 0 (a new connection per request)");
                    } else {
                        t.pass_ev.push_back(f->evidence_line(line));
                        t.explicit_cfg = true;
                        t.pass_msg.push_back("Django persistent connections (CONN_MAX_AGE)");
                    }
                }
            }
        }
    }
    if (go_sql_open) {
        if (go_bounded) {
            t.explicit_cfg = true;
            t.pass_msg.push_back("database/sql with SetMaxOpenConns/SetMaxIdleConns");
            if (go_open_ev) t.pass_ev.push_back(*go_open_ev);
        } else {
            t.fail_ev.push_back(*go_open_ev);
            t.fail_msg.push_back("database/sql pool without SetMaxOpenConns (unbounded open connections)");
        }
    }
    if (prisma) {
        // connection_limit in a DATABASE_URL the deploy or docs define.
        for (const File* f : ctx.files()) {
            if (!f->kept || f->kind == collect::FileKind::source || data::not_own_path(f->path)) continue;
            auto l = line_of(*f, "connection_limit=");
            if (!l) continue;
            t.pass_ev.push_back(deploy::line_evidence(*f, l, "connection_limit on the Prisma URL"));
            t.explicit_cfg = true;
            break;
        }
        if (!t.explicit_cfg) t.by_default = true;
        t.pass_msg.push_back(t.explicit_cfg ? "one PrismaClient per process with connection_limit" :
                                              "one PrismaClient per process (Prisma's default pool: num_cpus*2+1)");
    }

    Outcome out;
    out.other_evidence = std::move(t.other);
    if (!t.fail_msg.empty()) {
        out.status = Status::fail;
        out.message = fmt::format("Database connections are not pooled per process: {}.", t.fail_msg.front());
        out.evidence = std::move(t.fail_ev);
        return out;
    }
    if (!t.pass_msg.empty()) {
        out.status = Status::pass;
        out.message = fmt::format("Connections are pooled: {}.", str::join(t.pass_msg, "; "));
        if (!t.explicit_cfg && t.by_default) {
            out.relied_on_default = true;
            out.message += " Pool size relies on the driver's default.";
        }
        out.evidence = std::move(t.pass_ev);
        return out;
    }
    bool sql_store = false;
    for (const auto& d : ctx.svc().datastores)
        if (d != "redis" && d != "mongodb") sql_store = true;
    if (!sql_store && !saw_client) {
        out.status = Status::na;
        out.message = "No SQL database client found for this service.";
        return out;
    }
    out.status = Status::unknown;
    out.message = "The service uses a database, but gonogo found no client construction it models (Prisma, pg, mysql2, "
                  "database/sql, pgxpool, SQLAlchemy, Django).";
    return out;
}

}  // namespace gonogo::checks
