// Helpers shared by the compliance code probes (see comp_util.hpp).
#include "checks/compliance/comp_util.hpp"

#include <regex>

#include "util/strings.hpp"

namespace gonogo::checks::comp {

using sx::field;
using sx::is;
using sx::named_children;

std::string norm(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (ch == '_' || ch == '-' || ch == ' ' || ch == '"' || ch == '`' || ch == '\'') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out;
}

std::vector<std::string> callee_segments(std::string_view callee) {
    std::string flat;
    int depth = 0;
    for (char ch : callee) {
        if (ch == '(' || ch == '[') {
            ++depth;
            continue;
        }
        if (ch == ')' || ch == ']') {
            if (depth > 0) --depth;
            continue;
        }
        if (depth > 0 || ch == '?' || ch == '!' || ch == '&' || ch == '*') continue;
        flat += ch;
    }
    std::vector<std::string> out;
    for (auto s : str::split(flat, '.'))
        if (!s.empty()) out.emplace_back(s);
    return out;
}

namespace {

Op op_of(std::string_view m) {
    static const std::set<std::string_view> create{"create", "createMany", "insert", "insertOne", "insertMany", "bulk_create",
                                                   "bulkCreate", "Create", "CreateInBatches", "save", "Save", "add",
                                                   "add_all", "get_or_create"};
    static const std::set<std::string_view> update{"update", "updateMany", "updateOne", "Update", "Updates", "UpdateColumn",
                                                   "UpdateColumns", "upsert", "update_or_create", "findByIdAndUpdate",
                                                   "findOneAndUpdate", "bulk_update", "increment", "decrement"};
    static const std::set<std::string_view> remove{"delete", "deleteMany", "deleteOne", "destroy", "remove", "Delete",
                                                   "findByIdAndDelete", "findOneAndDelete", "findByIdAndRemove",
                                                   "truncate", "softDelete", "soft_delete"};
    if (create.count(m)) return Op::create;
    if (update.count(m)) return Op::update;
    if (remove.count(m)) return Op::remove;
    return Op::none;
}

bool generic_receiver(std::string_view s) {
    static const std::set<std::string> k{"db", "database", "session", "dbsession", "em", "manager", "entitymanager", "tx",
                                         "trx", "transaction", "conn", "connection", "repo", "repository", "client", "orm",
                                         "datasource", "this", "self", "gormdb", "q", "query", "sqlx", "pool", "model"};
    return k.count(norm(s)) > 0;
}

// A type-ish first argument: &Model{}, Model{}, new Model(...), Model(...), Model (class/table identifier).
std::string arg_model(const File& f, TSNode a) {
    a = sx::unwrap(a);
    if (ts_node_is_null(a)) return {};
    if (is(a, "unary_expression") || is(a, "pointer_expression")) a = field(a, "operand");
    if (ts_node_is_null(a)) return {};
    if (is(a, "composite_literal")) return std::string(sx::text(f, field(a, "type")));
    if (is(a, "new_expression")) return std::string(sx::text(f, field(a, "constructor")));
    if (is(a, "call")) {
        auto fn = sx::text(f, field(a, "function"));
        if (!fn.empty() && std::isupper(static_cast<unsigned char>(fn[0]))) return std::string(fn);
        return {};
    }
    if (is(a, "identifier")) return std::string(sx::text(f, a));
    return {};
}

bool stringish(TSNode n) {
    auto t = sx::type(n);
    return t == "string" || t == "template_string" || t == "interpreted_string_literal" || t == "raw_string_literal" ||
           t == "concatenated_string";
}

}  // namespace

std::string strip_sql_comments(std::string_view sql) {
    std::string out(sql);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\'' ) {  // string literal: skip to its end
            auto end = out.find('\'', i + 1);
            i = end == std::string::npos ? out.size() : end;
            continue;
        }
        if (out[i] == '-' && i + 1 < out.size() && out[i + 1] == '-') {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
            continue;
        }
        if (out[i] == '/' && i + 1 < out.size() && out[i + 1] == '*') {
            auto end = out.find("*/", i + 2);
            std::size_t stop = end == std::string::npos ? out.size() : end + 2;
            for (; i < stop; ++i)
                if (out[i] != '\n') out[i] = ' ';
            --i;
        }
    }
    return out;
}

std::vector<ModelCall> sql_writes(std::string_view sql) {
    static const std::regex ins(R"re(\binsert\s+into\s+(?:[\w"`]+\.)?["`]?(\w+))re", std::regex::icase);
    static const std::regex upd(R"re(\bupdate\s+(?:[\w"`]+\.)?["`]?(\w+)["`]?\s+set\b)re", std::regex::icase);
    static const std::regex del(R"re(\bdelete\s+from\s+(?:[\w"`]+\.)?["`]?(\w+))re", std::regex::icase);
    std::vector<ModelCall> out;
    std::string s = strip_sql_comments(sql);
    for (auto [re, op] : {std::pair{&ins, Op::create}, std::pair{&upd, Op::update}, std::pair{&del, Op::remove}})
        for (std::sregex_iterator it(s.begin(), s.end(), *re), end; it != end; ++it) out.push_back({op, (*it)[1].str()});
    return out;
}

std::vector<ModelCall> model_calls(const File& f, const sx::Call& c) {
    std::vector<ModelCall> out;
    // Raw SQL in string arguments (and tagged templates).
    if (c.tagged_template) {
        auto w = sql_writes(sx::text(f, c.arguments));
        out.insert(out.end(), w.begin(), w.end());
    } else {
        for (TSNode a : sx::call_args(c)) {
            a = sx::unwrap(a);
            if (!stringish(a)) continue;
            std::string body = sx::is_string_literal(a) ? sx::string_value(f, a) : std::string(sx::text(f, a));
            if (!sx::is_string_literal(a)) {
                auto q = body.find_first_of("'\"`");
                if (q != std::string::npos && q < 3) body = body.substr(q + 1, body.size() > q + 2 ? body.size() - q - 2 : 0);
            }
            auto w = sql_writes(body);
            out.insert(out.end(), w.begin(), w.end());
        }
    }
    auto segs = callee_segments(c.callee);
    if (segs.empty()) return out;
    Op op = op_of(segs.back());
    if (op == Op::none) return out;
    auto args = sx::call_args(c);
    std::string model;
    auto objects = std::find(segs.begin(), segs.end(), "objects");
    if (objects != segs.end() && objects != segs.begin()) {
        model = *(objects - 1);  // Django: Model.objects....op
    } else if (segs.size() >= 2 && generic_receiver(segs[segs.size() - 2])) {
        if (!args.empty()) model = arg_model(f, args[0]);  // db.add(Model(...)), db.Create(&Model{}), em.save(Model, ...)
        if (model.empty() && segs.size() >= 3 && !generic_receiver(segs[segs.size() - 3]) && segs[segs.size() - 3] != "prisma")
            model = segs[segs.size() - 3];
    } else if (segs.size() >= 2) {
        model = segs[segs.size() - 2];  // prisma.model.op, Model.create, user.delete()
        auto n = norm(model);
        for (std::string_view suffix : {"repository", "repo", "model", "table", "collection", "service", "dao", "store"})
            if (n.size() > suffix.size() && str::ends_with(n, suffix)) {
                model = model.substr(0, model.size() - suffix.size());
                break;
            }
    } else if (segs.size() == 1 && (segs[0] == "create" || segs[0] == "insert")) {
        return out;
    }
    if (op == Op::create && (segs.back() == "add" || segs.back() == "add_all") && model.empty())
        return out;
    if (!model.empty()) out.push_back({op, model});
    return out;
}

CallSearch::CallSearch(const ProbeContext& ctx) : m_files(code_files(ctx)), m_index(m_files) {}

std::optional<Found> CallSearch::find(const File& f, TSNode scope, const Pred& pred, int depth) const {
    std::set<std::uint32_t> seen;
    return find_in(f, scope, pred, depth, seen);
}

std::optional<Found> CallSearch::find_in(const File& f, TSNode scope, const Pred& pred, int depth,
                                         std::set<std::uint32_t>& seen) const {
    if (ts_node_is_null(scope)) return std::nullopt;
    auto cs = sx::calls(f, scope);
    for (const auto& c : cs)
        if (pred(f, c)) return Found{&f, c.node, {}};
    if (depth <= 0) return std::nullopt;
    for (const auto& c : cs) {
        if (c.name.size() < 3) continue;
        auto entries = m_index.find(c.name);
        if (entries.size() > 4) continue;  // a common name: not worth following
        for (const auto& e : entries) {
            // Key: the file's position in the index list and the function's start byte.
            std::uint32_t fi = 0;
            for (std::uint32_t i = 0; i < m_files.size(); ++i)
                if (m_files[i] == e.file) fi = i;
            std::uint32_t key = fi * 2654435761u ^ ts_node_start_byte(e.node);
            if (!seen.insert(key).second) continue;
            if (ts_node_start_byte(e.node) <= ts_node_start_byte(scope) && ts_node_end_byte(e.node) >= ts_node_end_byte(scope) &&
                e.file == &f)
                continue;  // the function we are in
            if (auto r = find_in(*e.file, e.node, pred, depth - 1, seen)) {
                if (r->note.empty()) r->note = "via " + std::string(c.name) + "()";
                return r;
            }
        }
    }
    return std::nullopt;
}

namespace {

bool use_server_directive(const File& f, TSNode stmt) {
    if (!is(stmt, "expression_statement")) return false;
    TSNode s = ts_node_named_child(stmt, 0);
    return is(s, "string") && sx::string_value(f, s) == "use server";
}

bool exported(TSNode n) {
    for (int i = 0; i < 4 && !ts_node_is_null(n); ++i, n = ts_node_parent(n))
        if (is(n, "export_statement")) return true;
    return false;
}

}  // namespace

std::vector<ServerAction> server_actions(const std::vector<const File*>& files) {
    std::vector<ServerAction> out;
    for (const File* f : files) {
        if (!sx::is_js(*f) || !f->tree || !str::contains(f->text, "use server")) continue;
        auto top = named_children(sx::root(*f));
        bool module_level = !top.empty() && use_server_directive(*f, top[0]);
        for (const auto& nf : sx::functions(*f)) {
            bool action = module_level && exported(nf.node);
            if (!action) {
                auto body = named_children(sx::function_body(nf.node));
                action = !body.empty() && use_server_directive(*f, body[0]);
            }
            if (action) out.push_back({f, nf.node, std::string(nf.name)});
        }
    }
    return out;
}

std::vector<std::string> py_decorators(const File& f, TSNode fn) {
    std::vector<std::string> out;
    TSNode p = sx::named_parent(fn);
    if (!is(p, "decorated_definition")) return out;
    for (TSNode d : named_children(p))
        if (is(d, "decorator")) out.emplace_back(sx::text(f, d));
    return out;
}

std::vector<std::string> py_base_names(const File& f, TSNode cls) {
    std::vector<std::string> out;
    for (TSNode b : named_children(field(cls, "superclasses"))) {
        if (is(b, "keyword_argument")) continue;
        auto name = sx::text(f, b);
        if (auto dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(dot + 1);
        out.emplace_back(name);
    }
    return out;
}

PyClasses py_classes(const std::vector<const File*>& files) {
    PyClasses out;
    for (const auto* f : files) {
        if (!sx::is_py(*f) || f->text.find("class ") == std::string::npos) continue;
        sx::walk_types(sx::root(*f), {"class_definition"}, [&](TSNode n) {
            out.emplace(std::string(sx::text(*f, field(n, "name"))), PyClass{f, n});
            return true;
        });
    }
    return out;
}

}  // namespace gonogo::checks::comp
