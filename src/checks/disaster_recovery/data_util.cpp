// Helpers of the data group's probes: versioned-migration files of a service.
#include "checks/disaster_recovery/data_util.hpp"

#include <algorithm>
#include <cctype>

#include "util/strings.hpp"

namespace gonogo::checks::data {

namespace {

std::vector<std::string_view> segments(std::string_view p) { return str::split(p, '/'); }

bool all_digits_prefix(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// Postgrator's <version>.do.<name>.sql / <version>.undo.<name>.sql.
bool postgrator_name(std::string_view lbase) {
    std::size_t i = 0;
    while (i < lbase.size() && lbase[i] >= '0' && lbase[i] <= '9') ++i;
    if (i == 0) return false;
    auto rest = lbase.substr(i);
    return str::starts_with(rest, ".do.") || str::starts_with(rest, ".undo.");
}

}  // namespace

bool not_own_path(std::string_view path) {
    static constexpr std::string_view k[] = {"node_modules", "vendor",  "test",     "tests",   "__tests__",
                                             "fixtures",     "testdata", "examples", "example", "third_party"};
    auto same = [](std::string_view seg, std::string_view word) {  // ASCII case-insensitive, no allocation
        if (seg.size() != word.size()) return false;
        for (std::size_t i = 0; i < seg.size(); ++i)
            if (static_cast<char>(std::tolower(static_cast<unsigned char>(seg[i]))) != word[i]) return false;
        return true;
    };
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        auto seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        for (auto w : k)
            if (same(seg, w)) return true;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return false;
}

namespace {

// Migrations are SQL, Python, JavaScript/TypeScript, Go or Ruby files: anything else is skipped
// before its path is taken apart.
bool migration_extension(std::string_view p) {
    auto dot = p.rfind('.');
    if (dot == std::string_view::npos || p.find('/', dot) != std::string_view::npos) return false;
    if (p.size() - dot > 4) return false;
    auto ext = str::lower(p.substr(dot + 1));  // at most three characters: no allocation
    static constexpr std::string_view k[] = {"sql", "py", "js", "ts", "cjs", "mjs", "go", "rb"};
    return std::find(std::begin(k), std::end(k), ext) != std::end(k);
}

std::vector<MigrationFile> find_migration_files(const ProbeContext& ctx) {
    std::vector<MigrationFile> out;
    const auto& root = ctx.svc().root;
    std::string prefix = root.empty() ? std::string() : root + "/";
    for (const auto& p : ctx.model.all_paths) {
        if (!migration_extension(p)) continue;
        if (!prefix.empty() && !str::starts_with(p, prefix)) continue;
        std::string_view rel = std::string_view(p).substr(prefix.size());
        if (not_own_path(rel)) continue;
        auto segs = segments(rel);
        if (segs.size() < 2) continue;
        auto base = segs.back();
        auto lbase = str::lower(base);
        auto parent = str::lower(segs[segs.size() - 2]);
        bool sql = str::ends_with(lbase, ".sql");
        bool py = str::ends_with(lbase, ".py");
        bool js = str::ends_with(lbase, ".js") || str::ends_with(lbase, ".ts") || str::ends_with(lbase, ".cjs") ||
                  str::ends_with(lbase, ".mjs");
        bool go = str::ends_with(lbase, ".go");
        bool in_migrations = false;
        for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
            auto s = str::lower(segs[i]);
            if (s == "migrations" || s == "migration" || s == "migrate" || s == "db_migrations") in_migrations = true;
        }
        if (lbase == "down.sql" || lbase == "rollback.sql" || lbase == "__init__.py") continue;  // rollback scripts, packages
        MigrationTool tool = MigrationTool::other;
        bool hit = false;
        if (lbase == "migration.sql" && segs.size() >= 3 && str::lower(segs[segs.size() - 3]) == "migrations") {
            tool = MigrationTool::prisma;
            hit = true;
        } else if (py && parent == "versions" && lbase != "__init__.py") {
            tool = MigrationTool::alembic;
            hit = true;
        } else if (py && parent == "migrations" && all_digits_prefix(base)) {
            tool = MigrationTool::django;
            hit = true;
        } else if (sql && (str::ends_with(lbase, ".up.sql") || str::ends_with(lbase, ".down.sql") || postgrator_name(lbase))) {
            tool = MigrationTool::sql_updown;
            hit = true;
        } else if (sql && base.size() > 3 && (base[0] == 'V' || base[0] == 'U' || base[0] == 'R') &&
                   str::contains(base, "__")) {
            tool = MigrationTool::flyway;
            hit = true;
        } else if (sql && in_migrations) {
            tool = MigrationTool::goose;  // goose/atlas/dbmate style single files; DR-06 reads their sections
            hit = true;
        } else if (go && in_migrations && all_digits_prefix(base)) {
            tool = MigrationTool::goose;
            hit = true;
        } else if (str::ends_with(lbase, ".rb") && parent == "migrate") {
            tool = MigrationTool::rails;
            hit = true;
        } else if (js && in_migrations && all_digits_prefix(base)) {
            tool = MigrationTool::js;
            hit = true;
        }
        if (hit) out.push_back({p, tool});
    }
    std::sort(out.begin(), out.end(), [](const MigrationFile& a, const MigrationFile& b) { return a.path < b.path; });
    return out;
}

}  // namespace

const std::vector<MigrationFile>& migration_files(const ProbeContext& ctx) {
    static const char tag = 0;
    return ctx.model.derived<std::vector<MigrationFile>>(&tag, std::to_string(ctx.service), [&] { return find_migration_files(ctx); });
}

Evidence path_evidence(const ProbeContext& ctx, const std::string& path, std::string note) {
    if (const auto* f = ctx.model.file(path); f && f->kept && !f->text.empty()) return f->evidence_line(1, std::move(note));
    Evidence e;
    e.path = path;
    e.service = ctx.svc().name;
    e.note = std::move(note);
    return e;
}

}  // namespace gonogo::checks::data
