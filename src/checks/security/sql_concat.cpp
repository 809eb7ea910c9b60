// Probe sec.sql_concat: is SQL text built from strings (template literals,
// concatenation, f-strings, % / .format, fmt.Sprintf) and handed to a raw-query
// API? Follows the query variable within its function and one call hop back.
// Substitutions of literals, constants, locals bound only to literals and
// environment reads (operator configuration, not request data) are safe.
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

struct RawApi {
    std::size_t sql_arg = 0;  // which positional argument carries the SQL
    bool strong = false;      // certainly a raw-SQL API; weak ones must carry SQL-looking text
};

std::string lower_last_segment(std::string_view callee) {
    // "this.pool.query" -> receiver "pool"
    auto last = callee.rfind('.');
    if (last == std::string_view::npos) return {};
    auto recv = callee.substr(0, last);
    auto prev = recv.rfind('.');
    if (prev != std::string_view::npos) recv = recv.substr(prev + 1);
    return str::lower(recv);
}

bool db_receiver(std::string_view recv) {
    for (std::string_view w : {"pool", "client", "db", "conn", "database", "manager", "source", "runner", "repo",
                               "sequelize", "knex", "pg", "mysql", "sqlite", "tx", "trx", "transaction", "prisma",
                               "cursor", "cur", "session", "engine", "store", "querier", "sql"})
        if (str::contains(recv, w)) return true;
    return false;
}

std::optional<RawApi> raw_api(const File& f, const sx::Call& c) {
    const std::string_view name = c.name;
    const std::string recv = lower_last_segment(c.callee);
    if (is_js(f)) {
        if (name == "$queryRawUnsafe" || name == "$executeRawUnsafe") return RawApi{0, true};
        if (name == "$queryRaw" || name == "$executeRaw") return RawApi{0, true};
        if (c.callee == "Prisma.raw") return RawApi{0, true};
        if (name == "whereRaw" || name == "orderByRaw" || name == "havingRaw" || name == "joinRaw" ||
            name == "selectRaw" || name == "fromRaw" || name == "groupByRaw")
            return RawApi{0, true};
        if (name == "unsafe" && recv == "sql") return RawApi{0, true};
        if (name == "query" || name == "execute" || name == "raw") return RawApi{0, db_receiver(recv)};
        if (name == "prepare" || name == "exec" || name == "run" || name == "all" || name == "get" || name == "each")
            return RawApi{0, false};
        return std::nullopt;
    }
    if (is_py(f)) {
        if (name == "execute" || name == "executemany" || name == "executescript") return RawApi{0, db_receiver(recv)};
        if (name == "raw" && str::ends_with(c.callee, "objects.raw")) return RawApi{0, true};
        if (name == "read_sql" || name == "read_sql_query") return RawApi{0, true};
        if (name == "fetch" || name == "fetchrow" || name == "fetchval") return RawApi{0, false};
        return std::nullopt;
    }
    if (is_go(f)) {
        static const std::set<std::string_view> k_first{"Query",     "QueryRow",  "Exec",      "Prepare", "Queryx",
                                                        "QueryRowx", "NamedExec", "NamedQuery", "MustExec", "Raw",
                                                        "Where",     "Having"};
        static const std::set<std::string_view> k_second{"QueryContext", "QueryRowContext", "ExecContext",
                                                         "PrepareContext", "QueryxContext", "QueryRowxContext",
                                                         "NamedExecContext", "MustExecContext", "Select", "Get"};
        const bool strong = db_receiver(recv) || name == "Raw";
        if (k_first.count(name)) return RawApi{0, strong};
        if (k_second.count(name)) return RawApi{1, strong};
        if (name == "SelectContext" || name == "GetContext") return RawApi{2, strong};
        return std::nullopt;
    }
    return std::nullopt;
}

// Weak APIs (get, run, Exec on an unknown receiver) must carry text that reads as a SQL statement.
bool starts_like_sql(std::string_view text) {
    const std::string l = str::lower(str::trim(text));
    for (std::string_view verb : {"select ", "insert ", "update ", "delete ", "with ", "create ", "drop ", "alter ",
                                  "truncate ", "merge ", "upsert ", "replace ", "call ", "exec "})
        if (str::starts_with(l, verb)) return looks_like_sql(l);
    return false;
}

enum class Verdict { safe, built, untraced, not_sql };

struct Judgement {
    Verdict verdict = Verdict::untraced;
    std::vector<Evidence> where;  // extra evidence: the assignment or the caller that builds the SQL
};

struct FileCalls {
    const File* file;
    std::vector<sx::Call> calls;
};

class SqlJudge {
public:
    explicit SqlJudge(const std::vector<FileCalls>& all) : m_all(all) {}

    Judgement judge(const File& f, TSNode at, TSNode sql, bool strong, int depth) const {
        sql = unwrap(sql);
        Judgement j;
        if (ts_node_is_null(sql) || depth > 4) return j;
        const std::string_view t = sx::type(sql);
        // Prisma.sql`...` / sql`...`: a parameterized fragment.
        if (t == "call_expression" && is(child(sql, "arguments"), "template_string")) {
            j.verdict = Verdict::safe;
            return j;
        }
        // SQLAlchemy text(...) wrappers: judge what they wrap.
        if (t == "call" || t == "call_expression") {
            std::string callee(sx::text(f, child(sql, "function")));
            if (callee == "text" || callee == "sa.text" || callee == "sqlalchemy.text" || callee == "sql.text") {
                auto a = named_children(child(sql, "arguments"));
                if (!a.empty()) return judge(f, at, a[0], true, depth + 1);
            }
        }
        if (sx::is_string_literal(sql)) {
            j.verdict = (!strong && !starts_like_sql(sx::string_value(f, sql))) ? Verdict::not_sql : Verdict::safe;
            return j;
        }
        if (sx::is_interpolated_string(f, sql)) {
            if (!strong && !starts_like_sql(literal_parts(f, sql))) j.verdict = Verdict::not_sql;
            else if (interpolates_only_constants(f, sql)) j.verdict = Verdict::safe;
            else j.verdict = Verdict::built;
            return j;
        }
        if (t == "ternary_expression" || t == "conditional_expression") {
            auto parts = named_children(sql);
            Judgement out;
            out.verdict = Verdict::safe;
            for (std::size_t i = 1; i < parts.size(); ++i) merge(out, judge(f, at, parts[i], strong, depth + 1));
            if (t == "conditional_expression" && !parts.empty()) {  // Python: a if cond else b -> parts 0 and 2
                out = Judgement{Verdict::safe, {}};
                for (std::size_t i = 0; i < parts.size(); i += 2) merge(out, judge(f, at, parts[i], strong, depth + 1));
            }
            return out;
        }
        if (t == "identifier") {
            const std::string name(sx::text(f, sql));
            if (is_constant_name(f, name)) {
                j.verdict = Verdict::safe;
                return j;
            }
            TSNode scope = scope_of(f, at);
            auto assigns = assignments_to(f, scope, name);
            if (!assigns.empty()) {
                Judgement out{Verdict::safe, {}};
                for (const auto& a : assigns) {
                    if (ts_node_start_byte(a.at) > ts_node_start_byte(at)) continue;  // assigned after the call
                    // A weak API (get, run, Exec on an unknown receiver) stays weak through the variable: its
                    // text must still read as SQL.
                    Judgement sub = judge(f, a.at, a.value, strong, depth + 1);
                    if (a.augmented && sub.verdict == Verdict::untraced && !is_literal(a.value)) sub.verdict = Verdict::built;
                    if (sub.verdict == Verdict::built)
                        sub.where.insert(sub.where.begin(), node_evidence(f, a.at, "the query text is built here"));
                    merge(out, sub);
                }
                if (!strong && out.verdict == Verdict::safe) {
                    // A weak API fed only literals: a DB call only when one of them is SQL.
                    bool sql_seen = false;
                    for (const auto& a : assigns)
                        if (sx::is_string_literal(unwrap(a.value)) && starts_like_sql(sx::string_value(f, unwrap(a.value))))
                            sql_seen = true;
                    if (!sql_seen) out.verdict = Verdict::not_sql;
                }
                return out;
            }
            // A parameter: look one hop back at the callers of this function.
            TSNode fn = sx::enclosing_function(at);
            if (!ts_node_is_null(fn) && depth == 0) {
                auto params = parameters(f, fn);
                auto it = std::find(params.begin(), params.end(), name);
                std::string fname = function_name(f, fn);
                if (it != params.end() && !fname.empty()) {
                    const std::size_t index = static_cast<std::size_t>(it - params.begin());
                    // Weak APIs start from "not a query": only a caller passing SQL-looking text makes it one.
                    Judgement out{strong ? Verdict::safe : Verdict::not_sql, {}};
                    bool any = false;
                    for (const auto& fc : m_all) {
                        for (const auto& c : fc.calls) {
                            if (c.name != fname || inside(c.node, fn)) continue;
                            auto args = positional_args(c);
                            if (index >= args.size()) continue;
                            any = true;
                            // The callers of a wrapper around a weak API (a cache's get(key)) must pass
                            // text that reads as SQL, or the call is not a query.
                            Judgement sub = judge(*fc.file, c.node, args[index], strong, depth + 1);
                            if (sub.verdict == Verdict::built)
                                sub.where.insert(sub.where.begin(),
                                                 node_evidence(*fc.file, c.node, fmt::format("passes built SQL to {}()", fname)));
                            merge(out, sub);
                        }
                    }
                    if (any) return out;
                }
            }
            j.verdict = strong ? Verdict::untraced : Verdict::not_sql;
            return j;
        }
        j.verdict = strong ? Verdict::untraced : Verdict::not_sql;
        return j;
    }

private:
    const std::vector<FileCalls>& m_all;

    static int rank(Verdict v) {
        switch (v) {
            case Verdict::built: return 3;
            case Verdict::untraced: return 2;
            case Verdict::safe: return 1;
            case Verdict::not_sql: return 0;
        }
        return 0;
    }
    static void merge(Judgement& into, const Judgement& from) {
        if (rank(from.verdict) > rank(into.verdict)) into.verdict = from.verdict;
        into.where.insert(into.where.end(), from.where.begin(), from.where.end());
    }
};

bool sql_database(const ProbeContext& ctx, const std::vector<FileCalls>& all) {
    static const std::set<std::string> k_sql{"postgres", "mysql",  "sqlite", "prisma", "typeorm", "sequelize",
                                             "sqlalchemy", "gorm", "sqlx",   "knex",   "drizzle"};
    for (const auto& d : ctx.svc().datastores)
        if (k_sql.count(d)) return true;
    if (ctx.svc().frameworks.count("django")) return true;
    for (const auto& fc : all)
        for (const auto& imp : sx::imports(*fc.file))
            if (imp == "database/sql" || imp == "sqlite3" || imp == "psycopg2" || imp == "pymysql" ||
                str::starts_with(imp, "sqlalchemy") || imp == "asyncpg" || imp == "psycopg")
                return true;
    return false;
}

}  // namespace

namespace {

Outcome decide_sql_concat(const ProbeContext& ctx) {
    std::vector<FileCalls> all;
    for (const auto* f : code_files(ctx)) {
        // Keyword prefilter: every supported raw-query API name contains one of these.
        const std::string_view text = f->text;
        bool maybe = false;
        for (std::string_view w : {"uery", "xec", "aw", "elect", "Get", "get", "prepare", "run", "all", "each",
                                   "fetch", "read_sql", "text", "Where", "Having", "unsafe"})
            if (text.find(w) != std::string_view::npos) { maybe = true; break; }
        if (!maybe) continue;
        all.push_back({f, sx::calls(*f, sx::root(*f))});
    }
    SqlJudge judge(all);
    std::vector<Evidence> built, untraced, safe;
    for (const auto& fc : all) {
        const File& f = *fc.file;
        for (const auto& c : fc.calls) {
            auto api = raw_api(f, c);
            if (!api) continue;
            if (c.tagged_template) {
                // prisma.$queryRaw`...${x}` / sql`...`: values are sent as bound parameters.
                if (c.name == "$queryRaw" || c.name == "$executeRaw")
                    safe.push_back(node_evidence(f, c.node, "tagged template: values are bound parameters"));
                continue;
            }
            auto args = positional_args(c);
            if (api->sql_arg >= args.size()) continue;
            Judgement j = judge.judge(f, c.node, args[api->sql_arg], api->strong, 0);
            switch (j.verdict) {
                case Verdict::built: {
                    built.push_back(node_evidence(f, c.node, fmt::format("{}() receives SQL built from strings", c.callee)));
                    for (auto& w : j.where) built.push_back(std::move(w));
                    break;
                }
                case Verdict::untraced:
                    untraced.push_back(node_evidence(f, c.node, "query text comes from an expression that was not followed"));
                    break;
                case Verdict::safe:
                    safe.push_back(node_evidence(f, c.node, "constant SQL (or built only from constants and configuration), values bound separately"));
                    break;
                case Verdict::not_sql: break;
            }
        }
    }
    Outcome out;
    // Test code is not parsed: its unsafe raw calls are listed apart from the scanner's hits.
    for (const auto* h : ctx.hits("sec.sql-raw-unsafe")) {
        const File& hf = ctx.model.file_at(h->file);
        if (!hf.is_own()) out.other_evidence.push_back(ctx.evidence(*h, "raw SQL call in test/vendored code"));
    }
    if (!built.empty()) {
        std::size_t calls = 0;
        for (const auto& e : built)
            if (str::contains(e.note, "receives SQL")) ++calls;
        out.status = Status::fail;
        out.message = fmt::format(
            "{} raw-query call(s) receive SQL built by string interpolation or concatenation (first: {}:{}); pass values "
            "as bound parameters ($1, ?, %s with a params tuple, or a tagged template).",
            calls, built.front().path, built.front().line);
        out.evidence = std::move(built);
        return out;
    }
    if (!untraced.empty()) {
        out.status = Status::unknown;
        out.message = fmt::format(
            "{} raw-query call(s) take their SQL from a variable, field or helper that could not be traced to a constant "
            "(first: {}:{}); no string-built SQL was seen.",
            untraced.size(), untraced.front().path, untraced.front().line);
        out.evidence = std::move(untraced);
        return out;
    }
    if (!safe.empty()) {
        out.status = Status::pass;
        out.message = fmt::format(
            "{} raw-query call(s), all with constant SQL text (or text built only from constants and environment "
            "configuration) and values bound as parameters (or parameterized tagged templates); no SQL built from request "
            "data.",
            safe.size());
        if (safe.size() > 10) safe.resize(10);
        out.evidence = std::move(safe);
        return out;
    }
    if (sql_database(ctx, all)) {
        out.status = Status::pass;
        out.relied_on_default = true;
        out.message =
            "No raw-query calls: the database is reached only through the ORM/query builder, which binds values as "
            "parameters by default.";
        return out;
    }
    if (!has_code(ctx)) {
        out.status = Status::na;
        out.message = "No application code to examine.";
        return out;
    }
    out.status = Status::na;
    out.message = "No SQL database access found (no SQL driver, ORM or raw-query call).";
    return out;
}

}  // namespace

Outcome probe_sec_sql_concat(const ProbeContext& ctx) {
    Outcome o = decide_sql_concat(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
