// History in SQLite (see history.hpp), through the C API of Debian's libsqlite3:
// three tables (runs, categories, blockers), one transaction per audit,
// prepared statements with bound values only.
#include "store/history.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

namespace gonogo::store {
namespace {

struct DbClose {
    void operator()(sqlite3* d) const { sqlite3_close(d); }
};
struct StmtFinalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

constexpr const char* k_schema = R"(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, project TEXT NOT NULL, tier TEXT NOT NULL, framework TEXT NOT NULL,
  decision TEXT NOT NULL, commit_id TEXT NOT NULL, total REAL NOT NULL, max INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS categories (
  run_id INTEGER NOT NULL REFERENCES runs(id), category TEXT NOT NULL, name TEXT NOT NULL,
  score REAL NOT NULL, max INTEGER NOT NULL, light TEXT NOT NULL, blockers INTEGER NOT NULL, warnings INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS blockers (
  run_id INTEGER NOT NULL REFERENCES runs(id), control TEXT NOT NULL, title TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS runs_by_project ON runs(project, framework, id);
)";

// An error in words: SQLite's message, with "locked" and "corrupt" said plainly.
Error sql_error(sqlite3* db, int rc, const std::filesystem::path& where) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        msg = "the history database is locked by another process (" + msg + ")";
    else if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        msg = "the history database is corrupt (" + msg + "); move it aside to start a new history";
    return Error{msg, where.string()};
}

Result<Db> open(const std::filesystem::path& path, int busy_ms, bool create) {
    if (create) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) return fail("cannot create the folder: " + ec.message(), path.parent_path().string());
    }
    sqlite3* raw = nullptr;
    int flags = create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK) return tl::unexpected(sql_error(db.get(), rc, path));
    sqlite3_busy_timeout(db.get(), busy_ms);
    if (create) {
        char* err = nullptr;
        rc = sqlite3_exec(db.get(), k_schema, nullptr, nullptr, &err);
        sqlite3_free(err);
        if (rc != SQLITE_OK) return tl::unexpected(sql_error(db.get(), rc, path));
    }
    return db;
}

Result<Stmt> prepare(sqlite3* db, const char* sql, const std::filesystem::path& where) {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    Stmt st(s);
    if (rc != SQLITE_OK) return tl::unexpected(sql_error(db, rc, where));
    return st;
}

// Named `put`, not `bind`: a temporary std::string argument would make ADL pick std::bind.
void put(sqlite3_stmt* s, int i, const std::string& v) { sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
void put(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }
void put(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int(s, i, v); }
void put(sqlite3_stmt* s, int i, std::int64_t v) { sqlite3_bind_int64(s, i, v); }

std::string text(sqlite3_stmt* s, int col) {
    const auto* t = sqlite3_column_text(s, col);
    return t ? reinterpret_cast<const char*>(t) : "";
}

Result<void> exec(sqlite3* db, const char* sql, const std::filesystem::path& where) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) return tl::unexpected(sql_error(db, rc, where));
    return {};
}

}  // namespace

std::filesystem::path history_path(const std::filesystem::path& root) { return root / ".gonogo" / "history.sqlite"; }

Result<void> record(const std::filesystem::path& path, const AuditResult& r, int busy_ms) {
    auto db = open(path, busy_ms, true);
    if (!db) return tl::unexpected(db.error());
    sqlite3* d = db->get();
    if (auto b = exec(d, "BEGIN IMMEDIATE", path); !b) return b;
    auto rollback = [&](Result<void> e) {
        exec(d, "ROLLBACK", path);
        return e;
    };
    auto run = prepare(d, "INSERT INTO runs(at, project, tier, framework, decision, commit_id, total, max) VALUES(?,?,?,?,?,?,?,?)", path);
    if (!run) return rollback(tl::unexpected(run.error()));
    put(run->get(), 1, r.generated_at);
    put(run->get(), 2, r.project);
    put(run->get(), 3, std::string(to_string(r.tier)));
    put(run->get(), 4, r.framework);
    put(run->get(), 5, std::string(to_string(r.verdict.decision)));
    put(run->get(), 6, r.target_commit);
    put(run->get(), 7, r.total_score);
    put(run->get(), 8, r.total_max);
    if (int rc = sqlite3_step(run->get()); rc != SQLITE_DONE) return rollback(tl::unexpected(sql_error(d, rc, path)));
    std::int64_t id = sqlite3_last_insert_rowid(d);
    auto cat = prepare(d, "INSERT INTO categories VALUES(?,?,?,?,?,?,?,?)", path);
    if (!cat) return rollback(tl::unexpected(cat.error()));
    for (const auto& c : r.categories) {
        sqlite3_reset(cat->get());
        put(cat->get(), 1, id);
        put(cat->get(), 2, c.id);
        put(cat->get(), 3, c.name);
        put(cat->get(), 4, c.score);
        put(cat->get(), 5, c.max);
        put(cat->get(), 6, std::string(to_string(c.light)));
        put(cat->get(), 7, c.blockers);
        put(cat->get(), 8, c.warnings);
        if (int rc = sqlite3_step(cat->get()); rc != SQLITE_DONE) return rollback(tl::unexpected(sql_error(d, rc, path)));
    }
    auto blk = prepare(d, "INSERT INTO blockers VALUES(?,?,?)", path);
    if (!blk) return rollback(tl::unexpected(blk.error()));
    for (const auto& c : r.controls) {
        if (c.status != Status::fail || c.severity != Severity::blocker) continue;
        sqlite3_reset(blk->get());
        put(blk->get(), 1, id);
        put(blk->get(), 2, c.id);
        put(blk->get(), 3, c.title);
        if (int rc = sqlite3_step(blk->get()); rc != SQLITE_DONE) return rollback(tl::unexpected(sql_error(d, rc, path)));
    }
    return exec(d, "COMMIT", path);
}

Result<std::vector<HistoryRun>> load(const std::filesystem::path& path, const std::string& project,
                                     const std::string& framework, std::size_t limit, int busy_ms) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail("no history yet: run `gonogo audit` first", path.string());
    auto db = open(path, busy_ms, false);
    if (!db) return tl::unexpected(db.error());
    sqlite3* d = db->get();
    auto runs = prepare(d,
                        "SELECT id, at, project, tier, framework, decision, commit_id, total, max FROM runs "
                        "WHERE (?1 = '' OR project = ?1) AND framework = ?2 ORDER BY id DESC LIMIT ?3",
                        path);
    if (!runs) return tl::unexpected(runs.error());
    put(runs->get(), 1, project);
    put(runs->get(), 2, framework);
    put(runs->get(), 3, static_cast<std::int64_t>(limit));
    std::vector<HistoryRun> out;
    int rc;
    while ((rc = sqlite3_step(runs->get())) == SQLITE_ROW) {
        HistoryRun h;
        h.id = sqlite3_column_int64(runs->get(), 0);
        h.at = text(runs->get(), 1);
        h.project = text(runs->get(), 2);
        h.tier = text(runs->get(), 3);
        h.framework = text(runs->get(), 4);
        h.decision = text(runs->get(), 5);
        h.commit = text(runs->get(), 6);
        h.total = sqlite3_column_double(runs->get(), 7);
        h.max = sqlite3_column_int(runs->get(), 8);
        out.push_back(std::move(h));
    }
    if (rc != SQLITE_DONE) return tl::unexpected(sql_error(d, rc, path));
    auto cats = prepare(d, "SELECT category, name, score, max, light, blockers, warnings FROM categories WHERE run_id = ? ORDER BY rowid", path);
    auto blks = prepare(d, "SELECT control FROM blockers WHERE run_id = ? ORDER BY control", path);
    if (!cats) return tl::unexpected(cats.error());
    if (!blks) return tl::unexpected(blks.error());
    for (auto& h : out) {
        sqlite3_reset(cats->get());
        put(cats->get(), 1, h.id);
        while ((rc = sqlite3_step(cats->get())) == SQLITE_ROW) {
            CategoryScore c;
            c.id = text(cats->get(), 0);
            c.name = text(cats->get(), 1);
            c.score = sqlite3_column_double(cats->get(), 2);
            c.max = sqlite3_column_int(cats->get(), 3);
            auto l = text(cats->get(), 4);
            c.light = l == "green" ? Light::green : l == "amber" ? Light::amber : Light::red;
            c.blockers = sqlite3_column_int(cats->get(), 5);
            c.warnings = sqlite3_column_int(cats->get(), 6);
            h.categories.push_back(std::move(c));
        }
        if (rc != SQLITE_DONE) return tl::unexpected(sql_error(d, rc, path));
        sqlite3_reset(blks->get());
        put(blks->get(), 1, h.id);
        while ((rc = sqlite3_step(blks->get())) == SQLITE_ROW) h.blockers.push_back(text(blks->get(), 0));
        if (rc != SQLITE_DONE) return tl::unexpected(sql_error(d, rc, path));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace gonogo::store
