// Probe dr.versioned_migrations (DR-05): does the service keep versioned
// migrations and does its deploy (Dockerfile, entrypoint, package.json start,
// compose/k8s, CI deploy workflow, Procfile) apply them, rather than pushing
// or auto-syncing the schema (prisma db push, sync(), synchronize: true,
// create_all(), AutoMigrate)?
#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "checks/disaster_recovery/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "checks/operations/deploy_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace syn = collect::syntax;

const std::regex& apply_re() {
    static const std::regex re(
        R"((prisma\s+migrate\s+deploy|alembic\s+(-\S+\s+)*upgrade|manage\.py\s+migrate|flask\s+db\s+upgrade|\bmigrate\b.*(-path|-source|--path|--source)\b.*\bup\b|\bgoose\b.*\bup\b|knex\s+migrate:latest|sequelize(-cli)?\s+db:migrate|typeorm.*migration:run|\bflyway\b.*\bmigrate\b|atlas\s+migrate\s+apply|\bdbmate\b.*\b(up|migrate)\b|liquibase\b.*\bupdate\b|drizzle-kit\s+migrate|mikro-orm\s+migration:up|rails\s+db:migrate|rake\s+db:migrate))");
    return re;
}
const std::regex& push_re() {
    static const std::regex re(R"((prisma\s+db\s+push|drizzle-kit\s+push))");
    return re;
}
// A container image that only applies migrations (Job, initContainer, compose service).
const std::regex& migrate_image_re() {
    static const std::regex re(R"(^-?\s*image:\s*'?(docker\.io/)?(migrate/migrate|flyway/flyway|liquibase/liquibase|arigaio/atlas|amacneil/dbmate|ghcr\.io/amacneil/dbmate)\b)");
    return re;
}
const std::regex& run_script_re() {
    static const std::regex re(R"((npm\s+(run(-script)?\s+)?|yarn\s+(run\s+)?|pnpm\s+(run\s+)?|bun\s+run\s+)([A-Za-z0-9:_.-]+))");
    return re;
}

bool is_deploy_file(const File& f) {
    auto base = str::lower(f.path.substr(f.path.rfind('/') == std::string::npos ? 0 : f.path.rfind('/') + 1));
    if (f.lang == Language::dockerfile || f.lang == Language::shell || f.lang == Language::yaml || f.lang == Language::toml)
        return true;
    return base == "procfile" || str::starts_with(base, "dockerfile") || str::ends_with(base, ".sh") ||
           base == "entrypoint" || base == "makefile";
}

bool is_ci_file(const File& f) {
    return str::contains(f.path, ".github/workflows/") || str::ends_with(f.path, ".gitlab-ci.yml");
}

// CI workflows count only when they deploy (file or job named deploy/release/production/migrate).
bool ci_deploys(const File& f) {
    auto l = str::lower(f.path);
    if (str::contains(l, "deploy") || str::contains(l, "release") || str::contains(l, "prod") || str::contains(l, "migrat"))
        return true;
    return str::contains(f.text, "environment:") && (str::icontains(f.text, "production") || str::icontains(f.text, "deploy"));
}

bool comment_line(std::string_view t) { return str::starts_with(t, "#") || str::starts_with(t, "//"); }

}  // namespace

Outcome probe_dr_versioned_migrations(const ProbeContext& ctx) {
    Outcome out;
    std::vector<Evidence> push_ev, apply_ev;
    std::vector<std::string> push_what;
    std::vector<std::string> script_refs;  // package.json scripts invoked by deploy files
    bool has_deploy_def = false;
    std::optional<Evidence> deploy_def;

    // File-level prefilter: every alternative of the regexes below names a tool of the dr.migration-tool
    // signature (most YAML and shell files name none and are skipped without reading them line by line).
    std::set<std::uint32_t> names_a_tool;
    for (const auto* h : ctx.hits("dr.migration-tool")) names_a_tool.insert(h->file);

    // Deploy definitions: commands that apply migrations or push the schema.
    for (const File* f : ctx.files()) {
        if (!f->kept || !is_deploy_file(*f)) continue;
        bool ci = is_ci_file(*f);
        bool own = f->is_own() && !data::not_own_path(f->path) && !deploy::is_dev_path(f->path);
        bool counts = own && (!ci || ci_deploys(*f));
        if (own && !ci) {
            auto base = str::lower(f->path);
            if (str::contains(base, "dockerfile") || str::contains(base, "procfile") || f->lang == Language::yaml) {
                has_deploy_def = true;
                if (!deploy_def) deploy_def = f->evidence_line(1, "deploy definition");
            }
        }
        if (!names_a_tool.count(static_cast<std::uint32_t>(f - ctx.model.files.data()))) continue;
        for (std::size_t n = 1; n <= f->lines.line_count(); ++n) {
            auto t = str::trim(f->lines.line_text(f->text, n));
            if (t.empty() || comment_line(t)) continue;
            // Exec form (["npx", "prisma", "migrate", "deploy"]) and YAML lists read as plain words.
            std::string line(t);
            for (auto& ch : line)
                if (ch == '"' || ch == '[' || ch == ']' || ch == ',') ch = ' ';
            // Keyword prefilter: std::regex is slow, and deploy-ish files (shell, YAML) can be many.
            const bool may_push = str::contains(line, "push");
            const bool may_apply = str::contains(line, "migrat") || str::contains(line, "upgrade") ||
                                   str::contains(line, "goose") || str::contains(line, "update") || str::contains(line, "dbmate") ||
                                   str::contains(line, "image:");
            const bool may_script = str::contains(line, "npm") || str::contains(line, "yarn") ||
                                    str::contains(line, "pnpm") || str::contains(line, "bun");
            if (!may_push && !may_apply && !may_script) continue;
            std::smatch m;
            if (may_push && std::regex_search(line, m, push_re())) {
                auto ev = f->evidence_line(n, "schema push in a deploy definition");
                if (!own) out.other_evidence.push_back(ev);
                else if (counts) {
                    push_ev.push_back(ev);
                    push_what.push_back(m.str(1));
                }
            }
            if (may_apply && (std::regex_search(line, m, apply_re()) ||
                              (f->lang == Language::yaml && std::regex_search(line, migrate_image_re())))) {
                auto ev = f->evidence_line(n, "applies migrations");
                if (!own) out.other_evidence.push_back(ev);
                else if (counts) apply_ev.push_back(ev);
            }
            if (counts && may_script) {
                for (std::sregex_iterator it(line.begin(), line.end(), run_script_re()), end; it != end; ++it)
                    script_refs.push_back((*it)[6].str());
            }
        }
    }

    // package.json scripts: lifecycle scripts the platform runs, or scripts a deploy file runs.
    for (const File* f : ctx.files()) {
        if (!f->kept || !f->json || !str::ends_with(f->path, "package.json") || !f->is_own() || data::not_own_path(f->path))
            continue;
        const auto& j = *f->json;
        if (!j.is_object() || !j.contains("scripts") || !j["scripts"].is_object()) continue;
        for (auto it = j["scripts"].begin(); it != j["scripts"].end(); ++it) {
            if (!it.value().is_string()) continue;
            const std::string& name = it.key();
            std::string cmd = it.value().get<std::string>();
            bool lifecycle = name == "start" || name == "prestart" || name == "release" || name == "deploy" ||
                             name == "predeploy" || name == "build" || name == "vercel-build" || name == "heroku-postbuild";
            bool referenced = std::find(script_refs.begin(), script_refs.end(), name) != script_refs.end();
            std::size_t line = line_of(*f, "\"" + name + "\"");
            if (std::regex_search(cmd, push_re()) && (lifecycle || referenced)) {
                push_ev.push_back(f->evidence_line(line ? line : 1, "schema push in script " + name));
                push_what.push_back("prisma db push");
            }
            if (std::regex_search(cmd, apply_re()) && (lifecycle || referenced))
                apply_ev.push_back(f->evidence_line(
                    line ? line : 1, referenced ? fmt::format("script {} runs from the deploy", name) : "script " + name));
        }
    }

    // Auto-sync in the service's own code.
    for (const File* f : code_files(ctx)) {
        if (data::not_own_path(f->path)) continue;
        auto root = syn::root(*f);
        if (ts_node_is_null(root)) continue;
        for (const auto& c : syn::calls(*f, root)) {
            auto lc = str::lower(c.callee);
            std::string what;
            if ((f->lang == Language::javascript || f->lang == Language::typescript || f->lang == Language::tsx) &&
                c.name == "sync" && (str::contains(lc, "sequelize") || str::contains(lc, "db") || str::contains(lc, "model")))
                what = c.callee + "()";
            else if (f->lang == Language::python && c.name == "create_all")
                what = c.callee + "()";
            else if (f->lang == Language::go && c.name == "AutoMigrate")
                what = c.callee + "()";
            if (what.empty()) continue;
            push_ev.push_back(node_evidence(*f, c.node, "creates/alters the schema at runtime"));
            push_what.push_back(what);
        }
        if (f->lang == Language::javascript || f->lang == Language::typescript || f->lang == Language::tsx) {
            syn::walk(root, [&](TSNode n) {
                if (syn::type(n) != "pair") return true;
                auto k = ts_node_child_by_field_name(n, "key", 3);
                auto v = ts_node_child_by_field_name(n, "value", 5);
                if (ts_node_is_null(k) || ts_node_is_null(v)) return true;
                auto key = syn::text(*f, k);
                if ((key == "synchronize" || key == "\"synchronize\"") && syn::text(*f, v) == "true") {
                    push_ev.push_back(node_evidence(*f, n, "TypeORM synchronizes the schema at startup"));
                    push_what.push_back("TypeORM synchronize: true");
                }
                return false;
            });
        }
    }

    const auto& migrations = data::migration_files(ctx);
    bool has_db = !ctx.svc().datastores.empty() || !migrations.empty() || !push_ev.empty();
    if (!has_db) return na("No database, ORM or migrations found for this service.");

    if (!push_ev.empty()) {
        out.status = Status::fail;
        out.message = fmt::format(
            "The production path changes the schema without versioned migrations ({}); apply reviewed migrations from the "
            "deploy instead.",
            push_what.front());
        out.evidence = std::move(push_ev);
        return out;
    }
    if (!migrations.empty() && !apply_ev.empty()) {
        out.status = Status::pass;
        out.message = fmt::format("{} versioned migration file(s) (first: {}) applied by the deploy.", migrations.size(),
                                  migrations.front().path);
        out.evidence = std::move(apply_ev);
        out.evidence.push_back(data::path_evidence(ctx, migrations.front().path, "versioned migration"));
        return out;
    }
    if (!migrations.empty()) {
        if (!has_deploy_def && ci_files(ctx).empty()) {
            out.status = Status::unknown;
            out.message = fmt::format(
                "Versioned migrations exist ({}), but the repository has no deploy definition to tell whether they are "
                "applied.",
                migrations.front().path);
            out.evidence.push_back(data::path_evidence(ctx, migrations.front().path, "versioned migration"));
            return out;
        }
        out.status = Status::fail;
        out.message = fmt::format(
            "Versioned migrations exist ({}), but no deploy step applies them (no migrate deploy/upgrade/migrate command "
            "in the Dockerfile, entrypoint, start script, Job or deploy workflow).",
            migrations.front().path);
        out.evidence.push_back(data::path_evidence(ctx, migrations.front().path, "migrations nothing applies"));
        if (deploy_def) out.evidence.push_back(*deploy_def);
        return out;
    }
    // A database without migrations.
    for (const auto& p : ctx.model.all_paths)
        if (str::ends_with(p, "schema.prisma") && !data::not_own_path(p) &&
            (ctx.svc().root.empty() || str::starts_with(p, ctx.svc().root + "/")))
            return fail("A Prisma schema exists but there is no prisma/migrations folder; the schema is not versioned.",
                        {data::path_evidence(ctx, p, "schema without migrations")});
    if (!apply_ev.empty())
        return unknown("A deploy step runs migrations, but no migration files were found where gonogo looks.", apply_ev);
    return unknown("The service uses a database, but no versioned migrations or schema tool were found.");
}

}  // namespace gonogo::checks
