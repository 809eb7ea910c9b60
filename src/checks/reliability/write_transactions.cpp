// Probe rel.write_transactions (REL-14): does every function that writes to the database two
// or more times (ORM create/update/delete, INSERT/UPDATE/DELETE, or own helpers that write) do
// so inside one transaction (prisma.$transaction, db.transaction, BEGIN..COMMIT, db.BeginTx,
// gorm Transaction, transaction.atomic, session.begin)? Writes in a loop count as several.
#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace health;
namespace sx = collect::syntax;

namespace {

bool is_js(Language l) { return l == Language::javascript || l == Language::typescript || l == Language::tsx; }

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
    for (auto x : set)
        if (s == x) return true;
    return false;
}

bool starts_upper(std::string_view s) { return !s.empty() && std::isupper(static_cast<unsigned char>(s[0])); }

struct Stack {
    bool prisma = false, drizzle = false, typeorm = false, sequelize = false, mongoose = false, knex = false;
    bool gorm = false, ent = false, django = false, sqlalchemy = false, asyncpg = false;
    bool django_atomic_requests = false;
    std::set<std::string> prisma_names{"prisma", "tx", "trx", "db", "transaction"};
    std::set<std::string> drizzle_names{"db", "tx", "trx"};
};

enum class Semantics { autocommit, unit_of_work };

struct Write {
    const File* file = nullptr;
    TSNode node{};
    std::string label;
    Semantics semantics = Semantics::autocommit;
    bool looped = false;
};

bool is_transaction_caller(std::string_view name) {
    return one_of(name, {"$transaction", "transaction", "withTransaction", "transact", "runInTransaction", "Transaction",
                         "RunInTx", "RunInTransaction", "BeginFunc", "BeginTxFunc", "WithTx", "WithTransaction", "InTx",
                         "inTransaction", "executeInTransaction", "withTx", "atomic", "ExecTx", "execTx", "tx",
                         "TransactionContext", "Tx", "WithinTransaction", "withinTransaction"});
}

// ---- what is a write -------------------------------------------------------------------------

std::optional<Write> js_write(const Stack& st, const File& f, const sx::Call& c) {
    auto segs = segments(c.callee);
    const auto n = c.name;
    auto root = receiver_root(c.callee);
    auto args = sx::call_args(c);
    // Raw SQL (any client): INSERT/UPDATE/DELETE as the statement.
    if (one_of(n, {"query", "execute", "exec", "run", "none", "any", "oneOrNone", "result", "$executeRaw",
                   "$executeRawUnsafe", "raw", "unsafe"})) {
        std::string sql = c.tagged_template ? sql_text(f, c.arguments) : (args.empty() ? std::string{} : sql_text(f, args[0]));
        auto verb = sql_verb(sql);
        if (one_of(verb, {"INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT"}))
            return Write{&f, c.node, fmt::format("{} ({})", c.callee, verb), Semantics::autocommit, false};
        // Statements that change no rows (SELECT, SET search_path, SHOW, EXPLAIN...) are not writes, even
        // through $executeRaw; a CTE (WITH) may hide an INSERT, so it falls through.
        if (!verb.empty() && verb != "WITH") return std::nullopt;
        if (n == "$executeRaw" || n == "$executeRawUnsafe") return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    }
    if (st.prisma && segs.size() >= 3 &&
        one_of(n, {"create", "createMany", "createManyAndReturn", "update", "updateMany", "delete", "deleteMany", "upsert"})) {
        std::string client(segs[segs.size() - 3]);
        auto p = client.find('(');
        if (p != std::string::npos) client = client.substr(0, p);
        if (st.prisma_names.count(client) || st.prisma_names.count(root))
            return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    }
    if (st.drizzle && segs.size() == 2 && one_of(n, {"insert", "update", "delete"}) && st.drizzle_names.count(root))
        return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    if (st.knex && one_of(n, {"insert", "update", "del", "delete", "upsert"}) && !segs.empty() &&
        segs.front().find('(') != std::string_view::npos)
        return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    if (st.typeorm && one_of(n, {"save", "insert", "update", "delete", "remove", "softDelete", "softRemove", "upsert",
                                 "increment", "decrement", "restore"})) {
        auto r = str::lower(root);
        if (str::contains(r, "repo") || str::contains(r, "manager") || str::contains(c.callee, "getRepository(") ||
            str::contains(c.callee, ".manager.") || str::contains(c.callee, "Repository"))
            return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    }
    if ((st.sequelize || st.mongoose) && segs.size() == 2 && starts_upper(segs[0]) &&
        !one_of(segs[0], {"Object", "Array", "Promise", "Math", "JSON", "Reflect", "Map", "Set", "Date", "Buffer",
                          "Number", "String", "Symbol", "Intl", "URL", "Error", "Response", "Request", "Headers"}) &&
        one_of(n, {"create", "bulkCreate", "update", "destroy", "upsert", "increment", "decrement", "insertMany",
                   "updateOne", "updateMany", "deleteOne", "deleteMany", "findOneAndUpdate", "findByIdAndUpdate",
                   "findOneAndDelete", "findByIdAndDelete", "replaceOne", "bulkWrite", "findOneAndReplace"}))
        return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    return std::nullopt;
}

std::optional<Write> go_write(const Stack& st, const File& f, const sx::Call& c) {
    const auto n = c.name;
    auto args = sx::call_args(c);
    if (one_of(n, {"Exec", "ExecContext", "NamedExec", "NamedExecContext", "MustExec", "MustExecContext", "QueryRow",
                   "QueryRowContext", "QueryRowx", "QueryRowxContext"})) {
        std::string verb;
        for (std::size_t i = 0; i < args.size() && i < 2 && verb.empty(); ++i) verb = sql_verb(sql_text(f, args[i]));
        const bool exec = n.find("Exec") != std::string_view::npos;
        if (one_of(verb, {"INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT"}) || (exec && verb.empty() && !args.empty()))
            return Write{&f, c.node, verb.empty() ? std::string(c.callee) : fmt::format("{} ({})", c.callee, verb),
                         Semantics::autocommit, false};
        return std::nullopt;
    }
    if (st.gorm && one_of(n, {"Create", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete",
                              "CreateInBatches"}))
        return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    if (st.ent && one_of(n, {"Save", "SaveX", "Exec", "ExecX"}) &&
        (str::contains(c.callee, "Create()") || str::contains(c.callee, "Update") || str::contains(c.callee, "Delete")))
        return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    return std::nullopt;
}

std::optional<Write> py_write(const Stack& st, const File& f, const sx::Call& c) {
    const auto n = c.name;
    auto root = str::lower(receiver_root(c.callee));
    auto args = sx::call_args(c);
    if (one_of(n, {"execute", "executemany", "exec_driver_sql", "fetchrow", "fetchval"})) {
        std::string verb;
        if (!args.empty()) {
            verb = sql_verb(sql_text(f, args[0]));
            if (verb.empty() && (is(args[0], "call"))) {
                auto fn = sx::text(f, field(args[0], "function"));
                if (one_of(fn, {"insert", "update", "delete", "sa.insert", "sa.update", "sa.delete"}) ||
                    str::ends_with(fn, ".insert") || str::ends_with(fn, ".update") || str::ends_with(fn, ".delete"))
                    verb = "write";
                else if (str::starts_with(sx::text(f, args[0]), "insert(") || str::starts_with(sx::text(f, args[0]), "update(") ||
                         str::starts_with(sx::text(f, args[0]), "delete("))
                    verb = "write";
            }
        }
        if (one_of(verb, {"INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT", "write"})) {
            // asyncpg connections autocommit; SQLAlchemy sessions/connections and DB-API cursors wait for commit().
            const bool autocommit = st.asyncpg && !str::contains(root, "session") && !str::contains(root, "cursor");
            return Write{&f, c.node, c.callee, autocommit ? Semantics::autocommit : Semantics::unit_of_work, false};
        }
        return std::nullopt;
    }
    if (st.sqlalchemy && one_of(n, {"add", "add_all", "delete", "merge", "bulk_save_objects", "bulk_insert_mappings",
                                     "bulk_update_mappings"}) &&
        (str::contains(root, "session") || root == "db" || root == "s"))
        return Write{&f, c.node, c.callee, Semantics::unit_of_work, false};
    if (st.django) {
        if (str::contains(c.callee, ".objects.") &&
            one_of(n, {"create", "update", "delete", "bulk_create", "bulk_update", "update_or_create"}))
            return Write{&f, c.node, c.callee, Semantics::autocommit, false};
        if (str::contains(c.callee, ".objects.") && str::contains(c.callee, "filter(") && one_of(n, {"update", "delete"}))
            return Write{&f, c.node, c.callee, Semantics::autocommit, false};
        auto segs = segments(c.callee);
        if (one_of(n, {"save", "delete"}) && segs.size() >= 2 && !str::contains(c.callee, "session") &&
            !str::contains(c.callee, "cache") && !str::contains(c.callee, "form") && !str::contains(c.callee, "super("))
            return Write{&f, c.node, c.callee, Semantics::autocommit, false};
    }
    return std::nullopt;
}

// ---- is a write inside a transaction ---------------------------------------------------------

bool param_is_transaction(const File& f, TSNode fn, std::string_view root) {
    if (root.empty()) return false;
    TSNode params = field(fn, "parameters");
    if (ts_node_is_null(params)) params = field(fn, "parameter");
    if (ts_node_is_null(params)) return false;
    bool found = false;
    sx::walk(params, [&](TSNode p) {
        if (found) return false;
        auto t = sx::type(p);
        if (t == "required_parameter" || t == "optional_parameter" || t == "parameter_declaration" ||
            t == "typed_parameter" || t == "identifier") {
            auto txt = sx::text(f, p);
            TSNode name = field(p, t == "parameter_declaration" ? "name" : "pattern");
            std::string_view pname = ts_node_is_null(name) ? (t == "identifier" ? txt : std::string_view{}) : sx::text(f, name);
            if (t == "typed_parameter") pname = sx::text(f, ts_node_named_child(p, 0));
            if (pname == root) {
                if (one_of(root, {"tx", "trx", "txn", "transaction", "t"}) || str::contains(txt, "Transaction") ||
                    str::contains(txt, "EntityManager") || str::contains(txt, "Tx") || str::contains(txt, "Session"))
                    found = true;
            }
            return false;
        }
        return true;
    });
    return found;
}

// Receivers assigned from Begin*/transaction() in the function: tx := db.BeginTx(...), const t = await sequelize.transaction().
std::set<std::string> begun_names(const File& f, TSNode fn) {
    std::set<std::string> out;
    sx::walk(fn, [&](TSNode n) {
        auto t = sx::type(n);
        TSNode left{}, right{};
        if (t == "short_var_declaration" || t == "assignment_statement" || t == "assignment" || t == "assignment_expression") {
            left = field(n, "left");
            right = field(n, "right");
        } else if (t == "variable_declarator") {
            left = field(n, "name");
            right = field(n, "value");
        } else {
            return true;
        }
        auto rt = sx::text(f, right);
        static constexpr std::array<std::string_view, 10> k{".Begin(", ".BeginTx(", ".Beginx(", ".BeginTxx(",
                                                             ".MustBegin(", ".transaction(", ".startTransaction(",
                                                             ".begin(", ".Begin()", ".connection("};
        bool begins = false;
        for (auto w : k) begins = begins || str::contains(rt, w);
        if (str::contains(rt, ".connection(")) begins = false;
        if (!begins) return true;
        auto lt = sx::text(f, left);
        auto first = lt.substr(0, lt.find_first_of(", "));
        out.insert(std::string(str::trim(first)));
        return true;
    });
    return out;
}

// Byte ranges between BEGIN and COMMIT statements (or startTransaction()/commitTransaction()) in a function.
std::vector<std::pair<std::uint32_t, std::uint32_t>> begin_commit_ranges(const File& f, TSNode fn) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    bool is_open = false;
    std::uint32_t open = 0;
    for (const auto& c : sx::calls(f, fn)) {
        auto args = sx::call_args(c);
        std::string verb = args.empty() ? std::string{} : sql_verb(sql_text(f, args[0]));
        const bool begin = verb == "BEGIN" || verb == "START" || one_of(c.name, {"startTransaction", "beginTransaction"});
        const bool end = verb == "COMMIT" || one_of(c.name, {"commitTransaction", "Commit"}) ||
                         (c.name == "commit" && is_js(f.lang));
        if (begin && !is_open) {
            open = ts_node_start_byte(c.node);
            is_open = true;
        } else if (end && is_open) {
            out.emplace_back(open, ts_node_start_byte(c.node));
            is_open = false;
        }
    }
    return out;
}

// Per-function facts in_transaction needs, computed once per function.
struct UnitFacts {
    std::set<std::string> begun;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
};
using FactsCache = std::map<std::pair<const File*, std::uint32_t>, UnitFacts>;

bool in_transaction(const Stack& st, const Write& w, TSNode unit, FactsCache& cache) {
    const File& f = *w.file;
    auto self_calls = sx::calls(f, w.node);  // pre-order: the write call itself comes first
    if (self_calls.empty()) return false;
    const auto& self = self_calls.front();
    const std::string& callee = self.callee;
    const std::string root = receiver_root(callee);
    // Inside a callback or an argument list of a transaction call: prisma.$transaction(async (tx) => ...),
    // prisma.$transaction([a, b]), db.Transaction(func(tx *gorm.DB) error {...}).
    for (TSNode p = ts_node_parent(w.node); !ts_node_is_null(p); p = ts_node_parent(p)) {
        auto t = sx::type(p);
        if (t == "arguments" || t == "argument_list") {
            TSNode call = ts_node_parent(p);
            auto fn = sx::text(f, field(call, "function"));
            auto last = fn.substr(fn.rfind('.') == std::string_view::npos ? 0 : fn.rfind('.') + 1);
            if (is_transaction_caller(last)) return true;
        }
        if (t == "with_statement") {
            auto head = sx::text(f, p);
            head = head.substr(0, head.find(':'));
            if (str::contains(head, "atomic") || str::contains(head, ".begin(") || str::contains(head, "transaction(") ||
                str::contains(head, "begin_nested("))
                return true;
        }
        if (t == "decorated_definition") {
            const std::uint32_t n = ts_node_named_child_count(p);
            for (std::uint32_t i = 0; i < n; ++i) {
                TSNode d = ts_node_named_child(p, i);
                if (is(d, "decorator") && str::contains(sx::text(f, d), "atomic")) return true;
            }
        }
        if (t == "decorator" && str::contains(sx::text(f, p), "Transaction")) return true;
        if (is_function_node(p)) {
            if (param_is_transaction(f, p, root)) return true;
            // NestJS/TypeORM @Transaction() / @Transactional() on the method
            TSNode prev = ts_node_prev_named_sibling(p);
            if (is(prev, "decorator") && str::contains(sx::text(f, prev), "Transaction")) return true;
        }
        if (ts_node_eq(p, unit)) break;
    }
    // Sequelize { transaction: t } / knex .transacting(trx) / receivers begun in the unit.
    if (str::contains(callee, "transacting(")) return true;
    for (auto a : sx::call_args(self))
        if (is(a, "object"))
            for (std::uint32_t i = 0; i < ts_node_named_child_count(a); ++i) {
                TSNode pr = ts_node_named_child(a, i);
                if ((is(pr, "pair") && sx::text(f, field(pr, "key")) == "transaction") ||
                    (is(pr, "shorthand_property_identifier") && sx::text(f, pr) == "transaction"))
                    return true;
            }
    auto key = std::make_pair(&f, ts_node_start_byte(unit));
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, UnitFacts{begun_names(f, unit), begin_commit_ranges(f, unit)}).first;
    if (!root.empty() && it->second.begun.count(root)) return true;
    for (auto [b, e] : it->second.ranges)
        if (ts_node_start_byte(w.node) > b && ts_node_start_byte(w.node) < e) return true;
    if (st.django_atomic_requests && f.lang == Language::python) return true;
    return false;
}

// The function a write belongs to: the nearest enclosing function, climbing out of callbacks handed
// to iteration helpers (map/forEach/then). Sets `looped` when a loop repeats the write.
TSNode unit_of(const File& f, TSNode n, bool& looped) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        auto t = sx::type(p);
        if (one_of(t, {"for_statement", "for_in_statement", "while_statement", "do_statement", "for_of_statement",
                       "list_comprehension", "generator_expression"}))
            looped = true;
        if (!is_function_node(p)) continue;
        TSNode parent = ts_node_parent(p);
        if (is(parent, "arguments") || is(parent, "argument_list")) {
            TSNode call = ts_node_parent(parent);
            auto fn = sx::text(f, field(call, "function"));
            auto last = fn.substr(fn.rfind('.') == std::string_view::npos ? 0 : fn.rfind('.') + 1);
            if (one_of(last, {"map", "forEach", "flatMap", "reduce", "each", "mapSeries", "pMap"})) {
                looped = true;
                continue;
            }
            if (one_of(last, {"then", "catch", "finally", "all", "allSettled"})) continue;
        }
        return p;
    }
    return sx::root(f);
}

std::string unit_name(const File& f, TSNode fn) {
    TSNode name = field(fn, "name");
    if (!ts_node_is_null(name)) return std::string(sx::text(f, name));
    TSNode p = ts_node_parent(fn);
    if (is(p, "variable_declarator")) return std::string(sx::text(f, field(p, "name")));
    if (is(p, "pair")) return std::string(sx::text(f, field(p, "key")));
    if (is(fn, "program") || is(fn, "source_file") || is(fn, "module")) return "module top level";
    return fmt::format("the function at line {}", line_of_node(f, fn));
}

bool skipped_path(std::string_view path) {
    auto p = str::lower(path);
    return str::contains(p, "seed") || str::contains(p, "migrations/") || str::contains(p, "migrate") ||
           str::starts_with(p, "scripts/") || str::contains(p, "/scripts/") || str::contains(p, "fixtures");
}

// True when two nodes of a function sit in different arms of one if/else chain, switch or ternary,
// so that at most one of them runs.
bool exclusive(TSNode a, TSNode b, TSNode unit) {
    auto arms = [&](TSNode n) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;  // (branching node, arm) start bytes
        TSNode child = n;
        for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
            auto t = sx::type(p);
            const bool match_body = t == "block" && is(ts_node_parent(p), "match_statement");  // Python match cases
            if (t == "if_statement" || t == "ternary_expression" || t == "conditional_expression" ||
                t == "switch_body" || t == "expression_switch_statement" || t == "type_switch_statement" || match_body)
                out.emplace_back(ts_node_start_byte(p), ts_node_start_byte(child));
            if (ts_node_eq(p, unit)) break;
            child = p;
        }
        return out;
    };
    auto aa = arms(a);
    auto bb = arms(b);
    for (const auto& [pa, arm_a] : aa)
        for (const auto& [pb, arm_b] : bb)
            if (pa == pb && arm_a != arm_b) return true;
    return false;
}

Stack detect_stack(const ProbeContext& ctx, const std::vector<std::string>& stores) {
    Stack st;
    auto has = [&](std::string_view s) { return std::find(stores.begin(), stores.end(), s) != stores.end(); };
    st.prisma = has("prisma");
    st.drizzle = has("drizzle");
    st.typeorm = has("typeorm") || has("mikro-orm");
    st.sequelize = has("sequelize");
    st.mongoose = depends_on_any(ctx, {"mongoose"});
    st.knex = has("knex");
    st.gorm = has("gorm");
    st.ent = has("ent");
    st.django = has("django-orm") || ctx.svc().frameworks.count("django");
    st.sqlalchemy = has("sqlalchemy") || depends_on_any(ctx, {"flask-sqlalchemy", "sqlmodel"});
    st.asyncpg = depends_on_any(ctx, {"asyncpg"});
    for (const auto* f : code_files(ctx)) {
        if (is_js(f->lang) && (st.prisma || st.drizzle) &&
            (str::contains(f->text, "PrismaClient") || str::contains(f->text, "drizzle(") || str::contains(f->text, "Prisma"))) {
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (is(n, "variable_declarator")) {
                    auto v = sx::text(*f, field(n, "value"));
                    if (str::contains(v, "new PrismaClient")) st.prisma_names.insert(std::string(sx::text(*f, field(n, "name"))));
                    if (str::contains(v, "drizzle(")) st.drizzle_names.insert(std::string(sx::text(*f, field(n, "name"))));
                }
                if (is(n, "required_parameter") || is(n, "optional_parameter") || is(n, "public_field_definition")) {
                    TSNode ty = field(n, "type");
                    if (str::contains(sx::text(*f, ty), "Prisma")) {
                        TSNode nm = field(n, is(n, "public_field_definition") ? "name" : "pattern");
                        st.prisma_names.insert(std::string(sx::text(*f, nm)));
                    }
                }
                return true;
            });
        }
        if (f->lang == Language::python && st.django && str::contains(f->text, "ATOMIC_REQUESTS"))
            sx::walk(sx::root(*f), [&](TSNode n) {
                if (is(n, "pair") && sx::string_value(*f, field(n, "key")) == "ATOMIC_REQUESTS" &&
                    sx::text(*f, field(n, "value")) == "True")
                    st.django_atomic_requests = true;
                return !st.django_atomic_requests;
            });
    }
    return st;
}

}  // namespace

Outcome probe_rel_write_transactions(const ProbeContext& ctx) {
    auto stores = datastores(ctx);
    if (stores.empty()) return na("No database in the stack: there are no writes to group.");
    if (std::all_of(stores.begin(), stores.end(), [](const std::string& d) { return d == "redis"; }))
        return na("The only datastore is Redis, used as a cache: there are no multi-step database writes to group.");
    auto st = detect_stack(ctx, stores);

    struct Unit {
        const File* file = nullptr;
        TSNode node{};
        std::vector<Write> writes;  // writes outside any transaction, and calls to own helpers that write
    };
    std::map<std::pair<const File*, std::uint32_t>, Unit> units;
    FactsCache facts;
    std::vector<Evidence> tx_evidence;
    std::vector<Evidence> sample_writes;
    std::vector<Evidence> tx_writes;
    std::size_t total_writes = 0;
    for (const auto* f : code_files(ctx)) {
        if (skipped_path(f->path)) continue;
        const auto& t = f->text;
        if (!str::contains(t, "create") && !str::contains(t, "update") && !str::contains(t, "delete") &&
            !str::contains(t, "insert") && !str::contains(t, "save") && !str::contains(t, "Create") &&
            !str::contains(t, "Update") && !str::contains(t, "Delete") && !str::contains(t, "Save") &&
            !str::contains(t, "INSERT") && !str::contains(t, "UPDATE") && !str::contains(t, "DELETE") &&
            !str::contains(t, "Exec") && !str::contains(t, "add(") && !str::contains(t, "destroy") &&
            !str::contains(t, "upsert") && !str::contains(t, "remove"))
            continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (is_transaction_caller(c.name) && tx_evidence.size() < 3 &&
                (c.name == "$transaction" || c.name == "transaction" || c.name == "Transaction" || c.name == "atomic"))
                tx_evidence.push_back(node_evidence(*f, c.node, "transaction scope"));
            std::optional<Write> w;
            if (is_js(f->lang)) w = js_write(st, *f, c);
            else if (f->lang == Language::go) w = go_write(st, *f, c);
            else if (f->lang == Language::python) w = py_write(st, *f, c);
            if (!w) continue;
            ++total_writes;
            if (sample_writes.size() < 3) sample_writes.push_back(node_evidence(*f, c.node, "single write"));
            bool looped = false;
            TSNode unit = unit_of(*f, c.node, looped);
            w->looped = looped;
            if (in_transaction(st, *w, unit, facts)) {
                if (tx_writes.size() < 3) tx_writes.push_back(node_evidence(*f, c.node, "write inside a transaction"));
                continue;
            }
            auto& u = units[{f, ts_node_start_byte(unit)}];
            u.file = f;
            u.node = unit;
            u.writes.push_back(*w);
        }
    }

    // Two writes of one function that can both run and are not committed together.
    auto commits_between = [](const Unit& u, const Write& a, const Write& b) {
        for (const auto& c : sx::calls(*u.file, u.node)) {
            auto s0 = ts_node_start_byte(c.node);
            if ((c.name == "commit" || c.name == "Commit") && s0 > ts_node_start_byte(a.node) && s0 < ts_node_start_byte(b.node))
                return true;
        }
        return false;
    };
    struct Risk {
        const Write* a = nullptr;
        const Write* b = nullptr;  // null: `a` repeats in a loop
    };
    auto risk_of = [&](const Unit& u) -> std::optional<Risk> {
        for (const auto& w : u.writes)
            if (w.looped && w.semantics == Semantics::autocommit) return Risk{&w, nullptr};
        for (std::size_t i = 0; i < u.writes.size(); ++i)
            for (std::size_t j = i + 1; j < u.writes.size(); ++j) {
                const auto& a = u.writes[i];
                const auto& b = u.writes[j];
                if (exclusive(a.node, b.node, u.node)) continue;
                if (a.semantics == Semantics::unit_of_work && b.semantics == Semantics::unit_of_work &&
                    !commits_between(u, a, b))
                    continue;
                return Risk{&a, &b};
            }
        return std::nullopt;
    };

    // Own helpers that write: a call to one counts as a write of the caller.
    Resolver res(ctx);
    std::set<std::pair<const File*, std::uint32_t>> writers;
    std::set<std::string> writer_names;  // only calls to these names can reach a writing helper
    for (const auto& [key, u] : units) {
        writers.insert(key);
        writer_names.insert(unit_name(*u.file, u.node));
    }
    for (const auto* f : code_files(ctx)) {
        if (skipped_path(f->path)) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (!writer_names.count(std::string(c.name))) continue;
            auto fn = res.resolve(*f, c);
            if (!fn || !writers.count({fn->file, ts_node_start_byte(fn->node)})) continue;
            bool looped = false;
            TSNode unit = unit_of(*f, c.node, looped);
            if (ts_node_eq(unit, fn->node)) continue;  // recursion
            Write pseudo{f, c.node, fmt::format("{}() (a helper that writes)", c.callee), Semantics::autocommit, looped};
            if (in_transaction(st, pseudo, unit, facts)) continue;
            auto& u = units[{f, ts_node_start_byte(unit)}];
            u.file = f;
            u.node = unit;
            u.writes.push_back(pseudo);
        }
    }
    for (auto& [key, u] : units)
        std::sort(u.writes.begin(), u.writes.end(),
                  [](const Write& x, const Write& y) { return ts_node_start_byte(x.node) < ts_node_start_byte(y.node); });

    struct Flagged {
        const Unit* unit;
        Risk risk;
    };
    std::vector<Flagged> flagged;
    for (const auto& [key, u] : units)
        if (auto r = risk_of(u)) flagged.push_back({&u, *r});
    if (!flagged.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < flagged.size(); ++i) {
            const auto& fl = flagged[i];
            auto name = unit_name(*fl.unit->file, fl.unit->node);
            if (i < 4) names.push_back(fmt::format("{} in {}", name, fl.unit->file->path));
            if (i >= 3) continue;
            for (const Write* w : {fl.risk.a, fl.risk.b})
                if (w)
                    ev.push_back(node_evidence(*w->file, w->node, fmt::format("{}{} outside a transaction in {}", w->label,
                                                                              w->looped ? " (in a loop)" : "", name)));
        }
        const auto& f0 = flagged.front();
        std::string what = f0.risk.b
                               ? fmt::format("{} and then {}", f0.risk.a->label, f0.risk.b->label)
                               : fmt::format("{} once per loop iteration", f0.risk.a->label);
        const bool commits = f0.risk.b && f0.risk.a->semantics == Semantics::unit_of_work &&
                             f0.risk.b->semantics == Semantics::unit_of_work;
        return fail(fmt::format("{} function(s) write more than once outside a transaction: {}. {} runs {} without a "
                                "transaction{}, so a failure between them leaves partial data.",
                                flagged.size(), fmt::join(names, "; "), unit_name(*f0.unit->file, f0.unit->node), what,
                                commits ? " (a commit() between them ends the first)" : ""),
                    ev);
    }
    if (total_writes == 0)
        return unknown(fmt::format("No database writes were recognised in the service's code (datastore: {}); the "
                                   "write paths may use a client gonogo does not model.",
                                   fmt::join(stores, ", ")));
    if (tx_evidence.empty()) tx_evidence = tx_writes;
    if (!tx_evidence.empty())
        return pass(fmt::format("{} write call(s) found; every function that writes more than once does so inside a "
                                "transaction.",
                                total_writes),
                    tx_evidence);
    Outcome o = pass(fmt::format("{} write call(s) found and no function writes more than once outside a transaction "
                                 "(single writes are atomic on their own).",
                                 total_writes),
                     sample_writes);
    if (st.django_atomic_requests) o.message += " Django ATOMIC_REQUESTS wraps every view in a transaction.";
    return o;
}

}  // namespace gonogo::checks
