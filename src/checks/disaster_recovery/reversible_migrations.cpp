// Probe dr.reversible_migrations (DR-06): can each versioned migration be
// rolled back? Prisma (no down migrations unless down.sql / rollback scripts
// sit beside them), Alembic downgrade(), Django RunPython/RunSQL reverses,
// golang-migrate .down.sql, postgrator .undo. files, goose/dbmate down sections, Flyway undo files,
// Knex/Sequelize/TypeORM down().
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "checks/disaster_recovery/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
using data::MigrationTool;
namespace syn = collect::syntax;

std::string dir_of(std::string_view p) {
    auto s = p.rfind('/');
    return s == std::string_view::npos ? std::string() : std::string(p.substr(0, s));
}
std::string base_of(std::string_view p) {
    auto s = p.rfind('/');
    return std::string(s == std::string_view::npos ? p : p.substr(s + 1));
}

// SQL text without comments and whitespace is non-empty.
bool sql_has_statements(std::string_view text) {
    for (auto raw : str::split(text, '\n')) {
        auto t = str::trim(raw);
        if (t.empty() || str::starts_with(t, "--")) continue;
        return true;
    }
    return false;
}

// A function body holds something other than `pass`, docstrings and comments.
bool body_does_something(const File& f, TSNode fn) {
    auto body = syn::function_body(fn);
    if (ts_node_is_null(body)) return false;
    if (syn::type(body) != "block" && syn::type(body) != "statement_block") return true;  // expression body
    uint32_t n = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n; ++i) {
        auto c = ts_node_named_child(body, i);
        auto t = syn::type(c);
        if (t == "comment" || t == "pass_statement") continue;
        if (t == "expression_statement" && ts_node_named_child_count(c) == 1 &&
            syn::type(ts_node_named_child(c, 0)) == "string")
            continue;
        if (t == "raise_statement") return false;  // raise NotImplementedError / IrreversibleError
        (void)f;
        return true;
    }
    return false;
}

bool has_keyword(const File& f, const syn::Call& c, std::string_view kw) {
    for (auto a : syn::call_args(c)) {
        if (syn::type(a) != "keyword_argument") continue;
        auto name = ts_node_child_by_field_name(a, "name", 4);
        if (!ts_node_is_null(name) && syn::text(f, name) == kw) return true;
    }
    return false;
}
std::size_t positional(const syn::Call& c) {
    std::size_t n = 0;
    for (auto a : syn::call_args(c))
        if (syn::type(a) != "keyword_argument" && syn::type(a) != "comment") ++n;
    return n;
}

}  // namespace

Outcome probe_dr_reversible_migrations(const ProbeContext& ctx) {
    const auto& migs = data::migration_files(ctx);
    if (migs.empty()) return na("No versioned migrations found for this service.");

    std::set<std::string> paths;
    for (const auto& p : ctx.model.all_paths) paths.insert(p);

    Outcome out;
    std::vector<Evidence> bad, good;
    std::vector<std::string> bad_names;
    std::size_t checked = 0, unknown_n = 0;
    bool prisma_seen = false;
    for (const auto& m : migs) {
        const File* f = ctx.model.file(m.path);
        switch (m.tool) {
            case MigrationTool::prisma: {
                auto dir = dir_of(m.path);
                ++checked;
                if (paths.count(dir + "/down.sql") || paths.count(dir + "/rollback.sql")) {
                    good.push_back(data::path_evidence(ctx, dir + "/down.sql"));
                } else {
                    prisma_seen = true;
                    bad.push_back(data::path_evidence(ctx, m.path, "Prisma migration without down.sql"));
                    bad_names.push_back(m.path);
                }
                break;
            }
            case MigrationTool::sql_updown: {
                auto b = base_of(m.path);
                std::string down;
                std::string_view missing = "no matching .down.sql";
                if (str::ends_with(str::lower(b), ".up.sql")) {
                    down = dir_of(m.path) + "/" + b.substr(0, b.size() - 7) + (str::ends_with(b, ".UP.SQL") ? ".DOWN.SQL" : ".down.sql");
                } else if (auto p = b.find(".do."); p != std::string::npos && p > 0 && std::isdigit(static_cast<unsigned char>(b[0]))) {
                    down = dir_of(m.path) + "/" + b.substr(0, p) + ".undo." + b.substr(p + 4);  // postgrator
                    missing = "no matching .undo. migration (postgrator)";
                } else {
                    break;  // a down/undo file: judged with its pair
                }
                ++checked;
                const File* d = ctx.model.file(down);
                if (!paths.count(down)) {
                    bad.push_back(data::path_evidence(ctx, m.path, std::string(missing)));
                    bad_names.push_back(m.path);
                } else if (d && d->kept && !sql_has_statements(d->text)) {
                    bad.push_back(data::path_evidence(ctx, down, "empty down migration"));
                    bad_names.push_back(down);
                } else {
                    good.push_back(data::path_evidence(ctx, down));
                }
                break;
            }
            case MigrationTool::goose: {
                if (!f || !f->kept) { ++unknown_n; break; }
                ++checked;
                if (f->lang == Language::go) {
                    bool ok = true, any = false;
                    for (const auto& c : syn::calls(*f, syn::root(*f))) {
                        if (!str::starts_with(c.name, "AddMigration") && !str::starts_with(c.name, "AddNamedMigration")) continue;
                        any = true;
                        auto args = syn::call_args(c);
                        if (args.size() < 2 || syn::text(*f, args.back()) == "nil") {
                            ok = false;
                            bad.push_back(node_evidence(*f, c.node, "goose migration without a down function"));
                            bad_names.push_back(m.path);
                        }
                    }
                    if (!any) { --checked; ++unknown_n; }
                    else if (ok) good.push_back(f->evidence_line(1));
                    break;
                }
                // goose "-- +goose Down", dbmate "-- migrate:down".
                auto pos = f->text.find("+goose Down");
                if (pos == std::string::npos) pos = f->text.find("migrate:down");
                if (pos == std::string::npos) {
                    bad.push_back(f->evidence_line(1, "SQL migration without a down section"));
                    bad_names.push_back(m.path);
                } else {
                    auto eol = f->text.find('\n', pos);
                    std::string_view rest = eol == std::string::npos ? std::string_view() : std::string_view(f->text).substr(eol);
                    if (sql_has_statements(rest)) good.push_back(f->evidence_at(pos));
                    else {
                        bad.push_back(f->evidence_at(pos, "empty down section"));
                        bad_names.push_back(m.path);
                    }
                }
                break;
            }
            case MigrationTool::flyway: {
                auto b = base_of(m.path);
                if (b[0] != 'V') break;
                ++checked;
                auto undo = dir_of(m.path) + "/U" + b.substr(1);
                if (paths.count(undo)) good.push_back(data::path_evidence(ctx, undo));
                else {
                    bad.push_back(data::path_evidence(ctx, m.path, "no Flyway undo (U) migration"));
                    bad_names.push_back(m.path);
                }
                break;
            }
            case MigrationTool::alembic: {
                if (!f || !f->kept || ts_node_is_null(syn::root(*f))) { ++unknown_n; break; }
                ++checked;
                auto fn = syn::find_function(*f, "downgrade");
                if (!fn) {
                    bad.push_back(f->evidence_line(1, "no downgrade()"));
                    bad_names.push_back(m.path);
                } else if (!body_does_something(*f, *fn)) {
                    bad.push_back(node_evidence(*f, *fn, "downgrade() does nothing"));
                    bad_names.push_back(m.path);
                } else {
                    good.push_back(node_evidence(*f, *fn));
                }
                break;
            }
            case MigrationTool::django: {
                if (!f || !f->kept || ts_node_is_null(syn::root(*f))) { ++unknown_n; break; }
                ++checked;
                bool ok = true;
                for (const auto& c : syn::calls(*f, syn::root(*f))) {
                    if (c.name == "RunPython" && positional(c) < 2 && !has_keyword(*f, c, "reverse_code")) {
                        ok = false;
                        bad.push_back(node_evidence(*f, c.node, "RunPython without reverse_code"));
                        bad_names.push_back(m.path + " (RunPython)");
                    } else if (c.name == "RunSQL" && positional(c) < 2 && !has_keyword(*f, c, "reverse_sql")) {
                        ok = false;
                        bad.push_back(node_evidence(*f, c.node, "RunSQL without reverse_sql"));
                        bad_names.push_back(m.path + " (RunSQL)");
                    }
                }
                if (ok) good.push_back(f->evidence_line(1, "Django operations are reversible"));
                break;
            }
            case MigrationTool::js: {
                if (!f || !f->kept || ts_node_is_null(syn::root(*f))) { ++unknown_n; break; }
                ++checked;
                std::optional<TSNode> down;
                for (const auto& nf : syn::functions(*f))
                    if (nf.name == "down") { down = nf.node; break; }
                if (!down) {
                    syn::walk(syn::root(*f), [&](TSNode n) {
                        if (down) return false;
                        if (syn::type(n) == "pair") {
                            auto k = ts_node_child_by_field_name(n, "key", 3);
                            auto v = ts_node_child_by_field_name(n, "value", 5);
                            if (!ts_node_is_null(k) && !ts_node_is_null(v) && syn::text(*f, k) == "down") down = v;
                        }
                        return true;
                    });
                }
                if (!down) {
                    bad.push_back(f->evidence_line(1, "no down migration"));
                    bad_names.push_back(m.path);
                } else if (!body_does_something(*f, *down)) {
                    bad.push_back(node_evidence(*f, *down, "down() is empty"));
                    bad_names.push_back(m.path);
                } else {
                    good.push_back(node_evidence(*f, *down));
                }
                break;
            }
            default:
                ++unknown_n;
                break;
        }
    }

    if (!bad.empty()) {
        std::vector<std::string> shown(bad_names.begin(), bad_names.begin() + std::min<std::size_t>(bad_names.size(), 5));
        out.status = Status::fail;
        out.message = fmt::format("{} of {} checked migration(s) cannot be rolled back{}: {}{}.", bad_names.size(), checked,
                                  prisma_seen ? " (Prisma Migrate has no down migrations; add down.sql scripts)" : "",
                                  str::join(shown, ", "), bad_names.size() > shown.size() ? ", ..." : "");
        out.evidence = std::move(bad);
        if (out.evidence.size() > 20) out.evidence.resize(20);
        return out;
    }
    if (checked == 0)
        return unknown(fmt::format("{} migration file(s) found, but their tool's rollbacks are not modelled.", migs.size()),
                       {data::path_evidence(ctx, migs.front().path)});
    out.status = Status::pass;
    out.message = fmt::format("All {} checked migration(s) have a non-empty rollback.", checked);
    if (good.size() > 10) good.resize(10);
    out.evidence = std::move(good);
    return out;
}

}  // namespace gonogo::checks
