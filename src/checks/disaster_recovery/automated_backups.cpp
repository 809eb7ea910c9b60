// Probe dr.automated_backups (DR-01): are the service's databases backed up by
// a schedule? Reads backup configuration as code: Kubernetes CronJobs running a
// dump, Velero/K8up/Stash schedules, database operators (CloudNativePG, Zalando,
// Crunchy, Percona), compose backup services, scheduled CI jobs, pgBackRest /
// WAL-G / Litestream config, Terraform and CloudFormation managed-database
// retention. Explicitly disabled -> fail; nothing found -> unverified.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "checks/disaster_recovery/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;

namespace {

bool db_image(std::string_view image) {
    auto l = lower(image);
    auto name = l.substr(0, l.find(':'));
    name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    static constexpr std::string_view k[] = {"postgres", "postgis", "pgvector", "timescaledb", "mysql", "mariadb",
                                             "mongo", "mongodb", "cockroach", "percona", "mssql", "clickhouse",
                                             "cassandra", "couchdb", "neo4j", "supabase-postgres"};
    for (auto x : k)
        if (str::starts_with(name, x)) return true;
    return str::contains(l, "bitnami/postgresql") || str::contains(l, "bitnami/mysql") || str::contains(l, "bitnami/mongodb");
}

bool backup_image(std::string_view image) {
    auto l = lower(image);
    static constexpr std::string_view k[] = {"postgres-backup", "pg-backup", "pgbackup", "pg_backup", "mysql-backup",
                                             "mariadb-backup", "mongo-backup", "mongodb-backup", "db-backup",
                                             "docker-volume-backup", "pgbackrest", "wal-g", "barman", "litestream",
                                             "restic", "borgmatic", "kopia", "database-backup", "dbbackup", "backup-s3"};
    for (auto x : k)
        if (str::contains(l, x)) return true;
    return false;
}

std::string words_of(const YAML::Node& n) {
    std::string out;
    if (!n.IsDefined()) return out;
    if (n.IsScalar()) return n.Scalar();
    if (n.IsSequence())
        for (const auto& x : n)
            if (x.IsScalar()) out += (out.empty() ? "" : " ") + x.Scalar();
    return out;
}

const std::set<std::string>& db_deps() {
    static const std::set<std::string> k{"pg", "postgres", "mysql", "mysql2", "mongodb", "mongoose", "@prisma/client",
                                         "typeorm", "sequelize", "knex", "drizzle-orm", "better-sqlite3", "sqlite3",
                                         "psycopg2", "psycopg2-binary", "psycopg", "asyncpg", "sqlalchemy", "SQLAlchemy",
                                         "django", "Django", "pymongo", "motor", "pymysql", "mysqlclient",
                                         "github.com/lib/pq", "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4",
                                         "gorm.io/gorm", "github.com/go-sql-driver/mysql", "go.mongodb.org/mongo-driver",
                                         "github.com/mattn/go-sqlite3", "modernc.org/sqlite", "github.com/jmoiron/sqlx"};
    return k;
}

struct Verdicts {
    std::vector<Evidence> db, ok, off, unscheduled;
    std::vector<std::string> ok_what, off_what;
    bool relied_on_default = false;
};

}  // namespace

Outcome probe_dr_automated_backups(const ProbeContext& ctx) {
    Verdicts v;
    auto ok = [&](Evidence e, std::string what) {
        v.ok.push_back(std::move(e));
        v.ok_what.push_back(std::move(what));
    };
    auto off = [&](Evidence e, std::string what) {
        v.off.push_back(std::move(e));
        v.off_what.push_back(std::move(what));
    };
    const Resolver& r = resolver(ctx);
    // ---- where a database is declared
    for (const auto& d : ctx.svc().dependencies)
        if (db_deps().count(d.name) && v.db.empty())
            if (auto e = dependency_evidence(ctx, d.name)) v.db.push_back(*e);
    if (v.db.empty()) {
        for (const auto& s : ctx.svc().datastores)
            if (s != "redis" && v.db.empty()) v.db = anchor_evidence(ctx, "declares datastore " + s);
    }
    for (const auto* f : kept_own(ctx))
        if (f->lang == collect::Language::prisma && v.db.empty()) {
            auto line = line_of(*f, "datasource");
            v.db.push_back(line_ev(*f, line ? line : 1, "Prisma datasource"));
        }
    // ---- compose
    for (const auto& c : compose_services(ctx)) {
        if (is_sample_path(c.file->path)) continue;
        auto image = yaml_str(child(c.node, "image")).value_or("");
        auto line = yaml_line(child(c.node, "image"));
        if (!line) line = yaml_line(c.node);
        if (db_image(image)) v.db.push_back(line_ev(*c.file, line, fmt::format("database service \"{}\"", c.name)));
        auto cmd = words_of(child(c.node, "command")) + " " + words_of(child(c.node, "entrypoint"));
        bool scheduled = str::contains(lower(cmd), "cron") || str::contains(cmd, "SCHEDULE");
        auto env = child(c.node, "environment");
        if (env.IsDefined() && env.IsMap())
            for (const auto& kv : env) scheduled = scheduled || str::contains(lower(kv.first.as<std::string>("")), "schedule") || str::contains(lower(kv.first.as<std::string>("")), "cron");
        else if (env.IsDefined() && env.IsSequence())
            for (const auto& x : env) scheduled = scheduled || (x.IsScalar() && (str::contains(lower(x.Scalar()), "schedule") || str::contains(lower(x.Scalar()), "cron")));
        if (backup_image(image)) {
            ok(line_ev(*c.file, line, fmt::format("backup service \"{}\"", c.name)),
               fmt::format("compose service \"{}\" runs {} ({})", c.name, image, c.file->path));
        } else if (!cmd.empty() && (classify_command(cmd, r).kinds & k_backup)) {
            if (scheduled)
                ok(line_ev(*c.file, yaml_line(child(c.node, "command")), "scheduled dump"),
                   fmt::format("compose service \"{}\" runs a scheduled dump ({})", c.name, c.file->path));
            else
                v.unscheduled.push_back(line_ev(*c.file, yaml_line(child(c.node, "command")), "dump without a schedule"));
        }
    }
    // ---- Kubernetes and CloudFormation
    for (const auto& o : k8s_objects(ctx)) {
        if (is_sample_path(o.file->path)) continue;
        auto api = yaml_str(child(o.doc, "apiVersion")).value_or("");
        auto spec = child(o.doc, "spec");
        auto at = line_ev(*o.file, key_line(o.doc, "kind"), o.kind + " " + o.name);
        if (o.kind == "CronJob") {
            auto ps = pod_spec(o);
            auto containers = child(ps, "containers");
            if (!containers.IsDefined() || !containers.IsSequence()) continue;
            for (const auto& c : containers) {
                auto image = yaml_str(child(c, "image")).value_or("");
                auto cmd = words_of(child(c, "command")) + " " + words_of(child(c, "args"));
                if (backup_image(image) || (classify_command(cmd, r).kinds & k_backup) ||
                    (str::contains(cmd, "-c") && (classify_command(words_of(child(c, "args")), r).kinds & k_backup))) {
                    ok(at, fmt::format("CronJob {} (schedule {}) in {}", o.name, yaml_str(child(spec, "schedule")).value_or("?"), o.file->path));
                    break;
                }
            }
            continue;
        }
        if ((o.kind == "StatefulSet" || o.kind == "Deployment")) {
            auto containers = child(pod_spec(o), "containers");
            if (containers.IsDefined() && containers.IsSequence())
                for (const auto& c : containers)
                    if (db_image(yaml_str(child(c, "image")).value_or(""))) v.db.push_back(at);
            continue;
        }
        if (str::starts_with(api, "velero.io/")) {
            if (o.kind == "Schedule") ok(at, fmt::format("Velero schedule {} in {}", o.name, o.file->path));
            continue;
        }
        if (str::starts_with(api, "postgresql.cnpg.io/")) {
            if (o.kind == "ScheduledBackup") ok(at, fmt::format("CloudNativePG ScheduledBackup {} in {}", o.name, o.file->path));
            if (o.kind == "Cluster") {
                v.db.push_back(at);
                if (child(spec, "backup").IsDefined())
                    ok(at, fmt::format("CloudNativePG cluster {} archives WAL to an object store ({})", o.name, o.file->path));
            }
            continue;
        }
        if (str::starts_with(api, "acid.zalan.do/") && o.kind == "postgresql") {
            v.db.push_back(at);
            if (yaml_true(child(spec, "enableLogicalBackup"))) ok(at, fmt::format("Zalando postgresql {} with enableLogicalBackup", o.name));
            continue;
        }
        if (str::starts_with(api, "postgres-operator.crunchydata.com/") && o.kind == "PostgresCluster") {
            v.db.push_back(at);
            if (child(child(spec, "backups"), "pgbackrest").IsDefined()) ok(at, fmt::format("Crunchy PostgresCluster {} with pgBackRest", o.name));
            continue;
        }
        if (str::contains(api, "percona.com/")) {
            v.db.push_back(at);
            if (child(child(spec, "backup"), "schedule").IsDefined()) ok(at, fmt::format("Percona {} {} with a backup schedule", o.kind, o.name));
            continue;
        }
        if ((str::starts_with(api, "k8up.io/") && o.kind == "Schedule") ||
            (str::starts_with(api, "stash.appscode.com/") && o.kind == "BackupConfiguration")) {
            ok(at, fmt::format("{} {} in {}", o.kind, o.name, o.file->path));
            continue;
        }
    }
    for (const auto* f : kept_own(ctx)) {
        if (f->lang == collect::Language::yaml) {
            const auto& docs = yaml_docs(ctx, *f, {"AWS::RDS::", "AWS::Backup::", "dbs:"});
            for (const auto& d : docs) {
                auto res = child(d, "Resources");
                if (!res.IsDefined() || !res.IsMap()) continue;
                for (const auto& kv : res) {
                    auto type = yaml_str(child(kv.second, "Type")).value_or("");
                    auto name = kv.first.as<std::string>("");
                    auto at = line_ev(*f, yaml_line(kv.first), type + " " + name);
                    if (type == "AWS::Backup::BackupPlan") ok(at, fmt::format("AWS Backup plan {} in {}", name, f->path));
                    if (type != "AWS::RDS::DBInstance" && type != "AWS::RDS::DBCluster") continue;
                    v.db.push_back(at);
                    auto ret = yaml_str(child(child(kv.second, "Properties"), "BackupRetentionPeriod"));
                    if (!ret) {
                        ok(at, fmt::format("{} {} keeps automated backups by AWS default (1 day; set BackupRetentionPeriod)", type, name));
                        v.relied_on_default = true;
                    } else if (std::strtol(ret->c_str(), nullptr, 10) > 0) {
                        ok(at, fmt::format("{} {} keeps automated backups for {} days", type, name, *ret));
                    } else {
                        off(at, fmt::format("{} {} has BackupRetentionPeriod: 0 (automated backups disabled)", type, name));
                    }
                }
            }
            // litestream.yml: continuous replication of SQLite.
            if (str::starts_with(base_name(f->path), "litestream") && !docs.empty() && child(docs[0], "dbs").IsDefined())
                ok(line_ev(*f, key_line(docs[0], "dbs"), "Litestream replication"), "Litestream replicates the SQLite database (" + f->path + ")");
        }
        auto b = lower(base_name(f->path));
        if ((b == "pgbackrest.conf" || b == "barman.conf") && f->kept)
            ok(line_ev(*f, 1, b), fmt::format("{} configures backups ({})", b == "barman.conf" ? "Barman" : "pgBackRest", f->path));
        if (str::starts_with(b, "postgresql") && str::ends_with(b, ".conf")) {
            auto line = line_of(*f, "archive_command");
            if (line) {
                auto lt = lower(f->lines.line_text(f->text, line));
                if (!str::starts_with(str::trim(lt), "#") &&
                    (str::contains(lt, "pgbackrest") || str::contains(lt, "wal-g") || str::contains(lt, "barman") || str::contains(lt, "s3")))
                    ok(line_ev(*f, line, "WAL archiving"), fmt::format("WAL archiving in {}", f->path));
            }
        }
    }
    // ---- scheduled CI jobs running a dump
    for (const auto& p : ci_pipelines(ctx))
        for (const auto& s : p.steps) {
            if (s.action) continue;
            if (!(classify_command(s.text, r, s.dir).kinds & k_backup)) continue;
            if (s.scheduled) ok(step_evidence(s, "scheduled backup job"), fmt::format("scheduled CI job in {} ({})", p.file->path, p.triggers));
            else v.unscheduled.push_back(step_evidence(s, "backup in CI without a schedule"));
        }
    // ---- scripts, crontabs, systemd timers (scanned)
    bool timer = false;
    for (const auto& path : ctx.model.all_paths)
        if (str::ends_with(path, ".timer")) timer = true;
    for (const auto* h : ctx.hits("dr.dump")) {
        const auto& f = ctx.model.files[h->file];
        if (f.kind == collect::FileKind::vendored || f.kind == collect::FileKind::test || is_sample_path(f.path)) continue;
        if (f.lang == collect::Language::yaml || f.lang == collect::Language::markdown) continue;  // structural above / docs
        auto lp = lower(f.path);
        bool cron = str::contains(lp, "cron") || str::starts_with(str::trim(h->line_text), "*") ||
                    std::isdigit(static_cast<unsigned char>(str::trim(h->line_text).empty() ? 'x' : str::trim(h->line_text)[0])) ||
                    str::starts_with(str::trim(h->line_text), "@daily") || str::starts_with(str::trim(h->line_text), "@hourly");
        if ((cron && str::contains(lp, "cron")) || (timer && str::ends_with(lp, ".service")))
            ok(hit_ev(ctx, *h, "scheduled dump"), fmt::format("scheduled dump in {}:{}", f.path, h->line));
        else
            v.unscheduled.push_back(hit_ev(ctx, *h, "backup command, not scheduled by anything in the repository"));
    }
    // ---- Terraform managed databases (scanned: HCL is not parsed)
    {
        std::map<std::uint32_t, std::vector<const collect::Hit*>> res, attrs;
        for (const auto* h : ctx.hits("dr.tf-resource")) res[h->file].push_back(h);
        for (const auto* h : ctx.hits("dr.tf-backup")) attrs[h->file].push_back(h);
        static const std::regex k_res(R"re(resource\s+"([a-z0-9_]+)"\s+"([^"]+)")re");
        static const std::regex k_num(R"(=\s*([0-9]+))");
        static const std::regex k_enabled(R"((^|[^_a-z])enabled\s*=\s*(true|false))");
        for (auto& [file, hs] : res) {
            const auto& f = ctx.model.files[file];
            if (is_sample_path(f.path)) continue;
            std::sort(hs.begin(), hs.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
            for (std::size_t i = 0; i < hs.size(); ++i) {
                std::smatch m;
                std::string match = hs[i]->match;
                if (!std::regex_search(match, m, k_res)) continue;
                auto type = m[1].str(), name = m[2].str();
                auto at = hit_ev(ctx, *hs[i], type + " " + name);
                if (type == "aws_backup_plan") {
                    ok(at, fmt::format("aws_backup_plan {} in {}", name, f.path));
                    continue;
                }
                if (type == "aws_backup_selection" || type == "mongodbatlas_cloud_backup_schedule") {
                    if (type == "mongodbatlas_cloud_backup_schedule") ok(at, fmt::format("{} {}", type, name));
                    continue;
                }
                v.db.push_back(at);
                auto end = i + 1 < hs.size() ? hs[i + 1]->begin : UINT32_MAX;
                std::vector<const collect::Hit*> mine;
                for (const auto* a : attrs[file])
                    if (a->begin > hs[i]->begin && a->begin < end) mine.push_back(a);
                bool decided = false;
                for (const auto* a : mine) {
                    std::string am = a->match;
                    auto ev = hit_ev(ctx, *a, type + " " + name);
                    std::smatch n;
                    if (str::starts_with(am, "backup_retention_period") || str::starts_with(am, "backup_retention_days") ||
                        str::starts_with(am, "retention_period")) {
                        if (!std::regex_search(am, n, k_num)) continue;  // a variable: cannot tell
                        decided = true;
                        if (std::stol(n[1].str()) > 0) ok(ev, fmt::format("{} {} keeps backups for {} days", type, name, n[1].str()));
                        else off(ev, fmt::format("{} {} has {} (automated backups disabled)", type, name, str::trim(am)));
                    } else if (str::starts_with(am, "backup_configuration") || str::starts_with(am, "point_in_time_recovery")) {
                        if (!std::regex_search(am, n, k_enabled)) continue;
                        decided = true;
                        if (n[2].str() == "true") ok(ev, fmt::format("{} {} has backups enabled", type, name));
                        else off(ev, fmt::format("{} {} has backups disabled (enabled = false)", type, name));
                    } else if (str::starts_with(am, "cloud_backup")) {
                        decided = true;
                        if (str::contains(am, "true")) ok(ev, fmt::format("{} {} has cloud_backup = true", type, name));
                        else off(ev, fmt::format("{} {} has cloud_backup = false", type, name));
                    }
                }
                if (decided) continue;
                if (type == "aws_db_instance" || type == "aws_rds_cluster" || type == "aws_docdb_cluster" ||
                    type == "aws_neptune_cluster") {
                    ok(at, fmt::format("{} {} keeps automated backups by AWS default (1 day; set backup_retention_period)", type, name));
                    v.relied_on_default = true;
                } else if (type == "digitalocean_database_cluster" || str::starts_with(type, "azurerm_")) {
                    ok(at, fmt::format("{} {} is backed up by the provider by default", type, name));
                    v.relied_on_default = true;
                } else if (type == "google_sql_database_instance") {
                    off(at, fmt::format("{} {} has no backup_configuration (Cloud SQL takes no automated backups unless enabled)", type, name));
                }
            }
        }
    }
    if (!v.off.empty()) {
        auto ev = v.off;
        return fail(fmt::format("Automated backups are disabled: {}. Set a retention of at least 7 days (and point-in-time "
                                "recovery) on every database.",
                                str::join(v.off_what, "; ")),
                    ev);
    }
    if (!v.ok.empty()) {
        Outcome o = pass(fmt::format("Database backups are automated: {}. Restores are not proven by configuration: see DR-02.",
                                     str::join(v.ok_what, "; ")),
                         v.ok);
        o.relied_on_default = v.relied_on_default;
        return o;
    }
    if (v.db.empty() && ctx.svc().datastores.empty()) {
        if (!v.unscheduled.empty())
            return Outcome{Status::unverified,
                           "Backup commands exist but nothing in the repository schedules them: attest in .gonogo.yml how "
                           "backups are scheduled (cron host, provider console, link).",
                           v.unscheduled, false, {}};
        return na("No database in the stack: nothing to back up.");
    }
    std::vector<Evidence> ev = v.unscheduled.empty() ? v.db : v.unscheduled;
    if (ev.empty()) ev = anchor_evidence(ctx, "database in use");
    if (ev.size() > 6) ev.resize(6);
    std::string msg =
        v.unscheduled.empty()
            ? "The service uses a database but no backup configuration is in the repository (no CronJob dump, Velero "
              "schedule, operator backup, backup service or managed-database retention): add an attestation for DR-01 "
              "to .gonogo.yml saying how backups are taken (provider console, link)."
            : "A backup command exists but nothing in the repository schedules it: add a schedule (CronJob, timer, "
              "scheduled CI) or an attestation for DR-01 to .gonogo.yml saying how backups run.";
    return Outcome{Status::unverified, msg, ev, false, {}};
}

}  // namespace gonogo::checks
