// Probe comp.data_export_deletion (COMP-06): when the service stores personal
// data (models/tables with email, name, phone, address, birth-date fields), is
// there a way to delete or anonymise a user (code or a documented procedure)
// and a way to export a user's data as JSON/CSV (code or a documented procedure)?
#include <map>
#include <regex>

#include <fmt/format.h>

#include "checks/compliance/comp_util.hpp"
#include "checks/compliance/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace comp;
using collect::Language;
using sx::field;
using sx::is;
using sx::named_children;

bool person_model(std::string_view model) {
    auto n = norm(model);
    if (n.size() > 1 && n.back() == 's') n.pop_back();
    static const std::set<std::string> k{"user", "customer", "person", "people", "member", "profile", "account", "contact",
                                         "patient", "employee", "client", "guest", "subscriber", "student", "authuser",
                                         "appuser", "customuser", "getusermodel"};
    return k.count(n) > 0;
}

bool personal_field(std::string_view field_name, std::string_view model) {
    auto n = norm(field_name);
    static const std::set<std::string> k{"email", "emailaddress", "phone", "phonenumber", "mobile", "mobilenumber",
                                         "telephone", "firstname", "lastname", "fullname", "givenname", "familyname",
                                         "surname", "streetaddress", "addressline1", "street", "postcode",
                                         "postalcode", "zipcode", "dateofbirth", "dob", "birthdate", "birthday", "ssn",
                                         "nationalid", "passportnumber"};
    if (k.count(n)) return true;
    // "address" alone is as often an IP, MAC or wallet address: personal only on a model of a person.
    return (n == "name" || n == "displayname" || n == "username" || n == "address") && person_model(model);
}

struct Personal {
    std::string model;
    std::string field;
    Evidence where;
};

struct Models {
    bool any = false;  // some schema or model was read
    std::vector<Personal> personal;
    std::set<std::string> user_models;  // normalised names of models holding personal data
    std::optional<Evidence> cascade;
};

void add_field(Models& m, const std::string& model, std::string_view field_name, Evidence ev) {
    m.any = true;
    if (!personal_field(field_name, model)) return;
    auto n = norm(model);
    if (m.user_models.insert(n).second || m.personal.size() < 8) m.personal.push_back({model, std::string(field_name), std::move(ev)});
}

void prisma_models(const File& f, Models& m) {
    std::string cur;
    std::size_t pos = 0;
    for (std::size_t ln = 1; ln <= f.lines.line_count(); ++ln) {
        auto t = str::trim(f.lines.line_text(f.text, ln));
        pos = f.lines.line_start(ln);
        if (str::starts_with(t, "model ") && str::contains(t, "{")) {
            auto rest = str::trim(t.substr(6));
            cur = std::string(rest.substr(0, rest.find_first_of(" {")));
            m.any = true;
            continue;
        }
        if (cur.empty()) continue;
        if (str::starts_with(t, "}")) {
            cur.clear();
            continue;
        }
        if (t.empty() || str::starts_with(t, "//") || str::starts_with(t, "@@")) continue;
        auto name = t.substr(0, t.find_first_of(" \t"));
        add_field(m, cur, name, f.evidence_line(ln, fmt::format("personal data: {}.{}", cur, name)));
        if (!m.cascade && str::contains(t, "onDelete: Cascade"))
            m.cascade = f.evidence_at(pos + (f.lines.line_text(f.text, ln).find("onDelete")), "cascade on delete");
    }
}

void sql_models(const File& f, Models& m) {
    static const std::regex table(R"re(create\s+table\s+(?:if\s+not\s+exists\s+)?(?:[\w"`]+\.)?["`]?(\w+)["`]?\s*\()re",
                                  std::regex::icase);
    static const std::regex cascade(R"(on\s+delete\s+cascade)", std::regex::icase);
    auto sql = strip_sql_comments(f.text);  // keeps newlines, so offsets map to lines
    for (std::sregex_iterator it(sql.begin(), sql.end(), table), end; it != end; ++it) {
        std::string name = (*it)[1].str();
        m.any = true;
        std::size_t start = static_cast<std::size_t>(it->position(0) + it->length(0));
        int depth = 1;
        std::size_t i = start, col_start = start;
        for (; i < sql.size() && depth > 0; ++i) {
            char ch = sql[i];
            if (ch == '(') ++depth;
            else if (ch == ')') --depth;
            if ((ch == ',' && depth == 1) || depth == 0) {
                auto col = str::trim(std::string_view(sql).substr(col_start, i - col_start));
                auto word = col.substr(0, col.find_first_of(" \t\n"));
                std::string w(word);
                w.erase(std::remove(w.begin(), w.end(), '"'), w.end());
                w.erase(std::remove(w.begin(), w.end(), '`'), w.end());
                auto off = sql.find(std::string(word), col_start);
                if (off == std::string::npos) off = static_cast<std::size_t>(it->position(0));
                if (!w.empty()) add_field(m, name, w, f.evidence_at(off, fmt::format("personal data: {}.{}", name, w)));
                col_start = i + 1;
            }
        }
    }
    std::smatch c;
    if (!m.cascade && std::regex_search(sql, c, cascade)) m.cascade = f.evidence_at(static_cast<std::size_t>(c.position(0)), "cascade on delete");
}

void code_models(const File& f, Models& m) {
    TSNode root = sx::root(f);
    if (sx::is_py(f)) {
        // Classes of this file by name, so a table class inherits the fields of its local bases
        // (SQLModel's `class User(UserBase, table=True)` with the columns declared on UserBase).
        std::map<std::string, TSNode, std::less<>> classes;
        std::vector<std::pair<std::string, TSNode>> in_order;
        sx::walk_types(root, {"class_definition"}, [&](TSNode n) {
            std::string name(sx::text(f, field(n, "name")));
            classes.emplace(name, n);
            in_order.emplace_back(std::move(name), n);
            return true;
        });
        auto add_fields = [&](const std::string& model, TSNode cls, std::string_view via, auto& self, int depth) -> void {
            auto supers = sx::text(f, field(cls, "superclasses"));
            for (TSNode st : named_children(field(cls, "body"))) {
                if (!is(st, "expression_statement")) continue;
                TSNode a = ts_node_named_child(st, 0);
                if (!is(a, "assignment")) continue;
                TSNode left = field(a, "left");
                if (!is(left, "identifier")) continue;
                auto rhs = sx::text(f, field(a, "right"));
                auto ty = sx::text(f, field(a, "type"));
                if (!str::contains(rhs, "Field") && !str::contains(rhs, "Column") && !str::contains(rhs, "column") &&
                    !str::contains(ty, "Mapped") && !str::contains(supers, "SQLModel"))
                    continue;
                add_field(m, model, sx::text(f, left),
                          node_evidence(f, st, via.empty() ? fmt::format("personal data: {}.{}", model, sx::text(f, left))
                                                           : fmt::format("personal data: {}.{} (declared on {})", model,
                                                                         sx::text(f, left), via)));
            }
            if (depth >= 3) return;
            for (TSNode b : named_children(field(cls, "superclasses"))) {
                if (!is(b, "identifier")) continue;
                auto it = classes.find(sx::text(f, b));
                if (it != classes.end() && !ts_node_eq(it->second, cls)) self(model, it->second, it->first, self, depth + 1);
            }
        };
        for (const auto& [model, n] : in_order) {
            auto supers = sx::text(f, field(n, "superclasses"));
            // ORM base classes, judged per base: models.Model, db.Model, *Model (not pydantic's BaseModel),
            // a declarative Base, AbstractUser, SQLModel with table=True (also through a local base). A
            // django-tables2 BaseTable or a pydantic schema is not a stored model.
            bool orm = false;
            for (TSNode b : named_children(field(n, "superclasses"))) {
                if (is(b, "keyword_argument")) {
                    orm = orm || (sx::text(f, field(b, "name")) == "table" && sx::text(f, field(b, "value")) == "True");
                    continue;
                }
                const std::string_view bt = sx::text(f, b);
                const auto dot = bt.rfind('.');
                const std::string_view last = dot == std::string_view::npos ? bt : bt.substr(dot + 1);
                orm = orm || last == "Base" || last == "DeclarativeBase" || last == "AbstractUser" || last == "AbstractBaseUser" ||
                      (str::ends_with(last, "Model") && last != "BaseModel" && last != "SQLModel");
            }
            if (!orm) continue;
            m.any = true;
            if (str::contains(supers, "AbstractUser"))
                add_field(m, model, "email", node_evidence(f, n, fmt::format("personal data: {} extends AbstractUser (email, names)", model)));
            add_fields(model, n, "", add_fields, 0);
        }
        for (const auto& c : sx::calls(f, root))
            if (!m.cascade && c.name == "ForeignKey" && str::contains(sx::text(f, c.arguments), "CASCADE") &&
                str::contains(str::lower(sx::text(f, c.arguments)), "user"))
                m.cascade = node_evidence(f, c.node, "cascade on delete");
        return;
    }
    if (sx::is_go(f)) {
        sx::walk_types(root, {"type_spec"}, [&](TSNode n) {
            TSNode st = field(n, "type");
            if (!is(st, "struct_type")) return false;
            auto body = sx::text(f, st);
            if (!str::contains(body, "gorm") && !str::contains(body, "db:\"")) return false;
            std::string model(sx::text(f, field(n, "name")));
            sx::walk(st, [&](TSNode fd) {
                if (!is(fd, "field_declaration")) return true;
                for (TSNode c : named_children(fd))
                    if (is(c, "field_identifier"))
                        add_field(m, model, sx::text(f, c), node_evidence(f, fd, fmt::format("personal data: {}.{}", model, sx::text(f, c))));
                return false;
            });
            return false;
        });
        return;
    }
    if (!sx::is_js(f)) return;
    // TypeORM entities: @Entity() class with properties.
    sx::walk_types(root, {"class_declaration", "class"}, [&](TSNode n) {
        const TSNode parent = sx::named_parent(n);
        TSNode outer = is(parent, "export_statement") ? parent : n;
        auto head = sx::text(f, outer);
        auto cls = head.find("class");
        if (cls == std::string_view::npos || !str::contains(head.substr(0, cls), "@Entity")) return true;
        std::string model(sx::text(f, field(n, "name")));
        for (TSNode mbr : named_children(field(n, "body")))
            if (is(mbr, "public_field_definition") || is(mbr, "field_definition")) {
                TSNode nm = field(mbr, "name");
                if (ts_node_is_null(nm)) nm = field(mbr, "property");
                if (!ts_node_is_null(nm))
                    add_field(m, model, sx::text(f, nm), node_evidence(f, mbr, fmt::format("personal data: {}.{}", model, sx::text(f, nm))));
            }
        return false;
    });
    // Sequelize define/init, Mongoose Schema, drizzle tables: an object of columns.
    for (const auto& c : sx::calls(f, root)) {
        static const std::set<std::string_view> k{"define", "init", "Schema", "pgTable", "mysqlTable", "sqliteTable"};
        if (!k.count(c.name)) continue;
        if (c.name == "Schema" && !is(ts_node_parent(c.node), "new_expression") && c.callee != "Schema") continue;
        auto args = sx::call_args(c);
        std::string model;
        TSNode obj{};
        for (TSNode a : args) {
            if (model.empty() && sx::is_string_literal(a)) model = sx::string_value(f, a);
            if (ts_node_is_null(obj) && is(a, "object")) obj = a;
        }
        if (ts_node_is_null(obj)) continue;
        if (model.empty()) {
            auto segs = callee_segments(c.callee);
            if (c.name == "init" && segs.size() >= 2) model = segs[segs.size() - 2];
            TSNode p = ts_node_parent(c.node);
            if (is(p, "new_expression")) p = ts_node_parent(p);
            if (is(p, "variable_declarator")) {
                model = std::string(sx::text(f, field(p, "name")));
                auto l = str::lower(model);
                if (str::ends_with(l, "schema")) model = model.substr(0, model.size() - 6);
            }
        }
        for (TSNode pr : named_children(obj)) {
            if (!is(pr, "pair")) continue;
            auto key = sx::text(f, field(pr, "key"));
            add_field(m, model, key, node_evidence(f, pr, fmt::format("personal data: {}.{}", model, key)));
        }
    }
}

// ---- deletion ----

bool is_user_model(const Models& m, std::string_view ref) {
    auto n = norm(ref);
    if (person_model(ref)) return true;
    if (m.user_models.count(n)) return true;
    if (n.size() > 1 && n.back() == 's' && m.user_models.count(n.substr(0, n.size() - 1))) return true;
    return m.user_models.count(n + "s") > 0;
}

bool anonymising_value(const File& f, TSNode v) {
    v = sx::unwrap(v);
    auto t = sx::type(v);
    if (t == "null" || t == "none" || t == "nil" || t == "undefined") return true;
    auto s = str::lower(sx::text(f, v));
    if (t == "string" || t == "template_string" || t == "interpreted_string_literal" || t == "concatenated_string")
        return str::contains(s, "deleted") || str::contains(s, "anonym") || str::contains(s, "redacted") ||
               str::contains(s, "removed") || str::contains(s, "erased") || s == "\"\"" || s == "''";
    return false;
}

// An update of a user model that sets a personal field to null / a "deleted" placeholder.
bool anonymising_update(const File& f, const sx::Call& c, const Models& m) {
    bool user_update = false;
    for (const auto& mc : model_calls(f, c))
        if (mc.op == Op::update && is_user_model(m, mc.model)) user_update = true;
    if (!user_update) return false;
    bool found = false;
    sx::walk(c.arguments, [&](TSNode n) {
        if (found) return false;
        if (is(n, "pair") && personal_field(sx::text(f, field(n, "key")), "user") && anonymising_value(f, field(n, "value")))
            found = true;
        if (is(n, "keyword_argument") && personal_field(sx::text(f, field(n, "name")), "user") &&
            anonymising_value(f, field(n, "value")))
            found = true;
        return !found;
    });
    return found;
}

// A Django class-based view bound to a user model by `model = X` or `queryset = X.objects...`.
struct BoundView {
    const File* file = nullptr;
    TSNode cls{};
    TSNode binding{};
    std::string name, model;
    std::vector<std::string> bases;  // last component of each base: DeleteView, ObjectListView...
};

std::vector<BoundView> bound_views(const File& f, const Models& m) {
    std::vector<BoundView> out;
    sx::walk_types(sx::root(f), {"class_definition"}, [&](TSNode cls) {
        TSNode supers = field(cls, "superclasses");
        if (ts_node_is_null(supers)) return true;
        BoundView v{&f, cls, {}, std::string(sx::text(f, field(cls, "name"))), {}, {}};
        v.bases = comp::py_base_names(f, cls);
        bool keeps_delete = true;
        for (TSNode st : named_children(field(cls, "body"))) {
            TSNode a = is(st, "expression_statement") && ts_node_named_child_count(st) ? ts_node_named_child(st, 0) : st;
            if (!is(a, "assignment")) continue;
            auto left = sx::text(f, field(a, "left"));
            auto right = sx::text(f, field(a, "right"));
            if (left == "http_method_names" && !str::contains(str::lower(right), "delete")) keeps_delete = false;
            if (left != "model" && left != "queryset") continue;
            auto head = right.substr(0, right.find_first_of(".( "));
            if (head.empty()) continue;
            v.model = std::string(head);
            v.binding = a;
        }
        // A ModelViewSet that leaves out DELETE does not delete.
        if (!keeps_delete)
            std::erase_if(v.bases, [](const std::string& b) { return b == "ModelViewSet" || b == "DestroyModelMixin"; });
        if (!v.model.empty() && is_user_model(m, v.model)) out.push_back(std::move(v));
        return true;
    });
    return out;
}

// Deletion by a generic view: Django's DeleteView, Django REST framework's DestroyAPIView /
// DestroyModelMixin / ModelViewSet, or a project's own generic base named *DeleteView (netbox's
// ObjectDeleteView, BulkDeleteView).
std::optional<Evidence> generic_delete_view(const std::vector<BoundView>& views) {
    for (const auto& v : views)
        for (const auto& b : v.bases)
            if (str::ends_with(b, "DeleteView") || str::ends_with(b, "DestroyAPIView") || b == "DestroyModelMixin" ||
                b == "ModelViewSet")
                return node_evidence(*v.file, v.binding, fmt::format("class-based view {} deletes {} records", v.name, v.model));
    return std::nullopt;
}

struct Part {
    std::optional<Evidence> code;
    std::optional<Evidence> doc;
    bool ok() const { return code || doc; }
};

// A markdown section documenting a manual procedure (heading + a command in code).
void doc_procedures(const ProbeContext& ctx, Part& del, Part& exp) {
    for (const File* f : own_files(ctx, {Language::markdown})) {
        if (data::not_own_path(f->path)) continue;
        auto lp = str::lower(f->path);
        bool gdpr_doc = str::contains(lp, "gdpr") || str::contains(lp, "privacy-request") || str::contains(lp, "data-request") ||
                        str::contains(lp, "dsar") || str::contains(lp, "data-subject") || str::contains(lp, "privacy_request") ||
                        str::contains(lp, "data_request");
        std::size_t n = f->lines.line_count();
        for (std::size_t ln = 1; ln <= n; ++ln) {
            auto line = f->lines.line_text(f->text, ln);
            if (!str::starts_with(line, "#")) continue;
            auto h = str::lower(line);
            // "data" as a word: "Export the Database" (a pg_dump of everything) is not a user's data.
            bool data_word = false;
            for (std::size_t at = h.find("data"); at != std::string::npos && !data_word; at = h.find("data", at + 1))
                data_word = (at == 0 || !std::isalpha(static_cast<unsigned char>(h[at - 1]))) &&
                            (at + 4 >= h.size() || !std::isalpha(static_cast<unsigned char>(h[at + 4])));
            bool about_data = gdpr_doc || data_word || str::contains(h, "account") || str::contains(h, "user") ||
                              str::contains(h, "personal") || str::contains(h, "gdpr") || str::contains(h, "request");
            if (!about_data) continue;
            bool d = str::contains(h, "delet") || str::contains(h, "erasure") || str::contains(h, "erase") ||
                     str::contains(h, "forget") || str::contains(h, "anonymi");
            bool e = str::contains(h, "export") || str::contains(h, "portab") || str::contains(h, "access request") ||
                     str::contains(h, "download") || str::contains(h, "copy of");
            if (!d && !e) continue;
            // The section body must hold a command: a code block or inline code.
            bool code = false;
            for (std::size_t k = ln + 1; k <= n; ++k) {
                auto b = f->lines.line_text(f->text, k);
                if (str::starts_with(b, "#")) break;
                if (str::contains(b, "```") || str::starts_with(b, "    ") || str::contains(b, "`")) {
                    code = true;
                    break;
                }
            }
            if (!code) continue;
            if (d && !del.doc) del.doc = f->evidence_line(ln, "documented deletion procedure");
            if (e && !exp.doc) exp.doc = f->evidence_line(ln, "documented export procedure");
        }
    }
}

bool serialises(const File& f, const sx::Call& c) {
    static const std::set<std::string_view> names{"json", "JSON", "jsonify", "JsonResponse", "dumps", "dump", "Marshal",
                                                  "MarshalIndent", "Encode", "writerow", "writerows", "writer", "DictWriter",
                                                  "unparse", "IndentedJSON", "model_to_dict", "StreamingResponse",
                                                  "FileResponse", "to_csv", "Write", "WriteAll", "JSONResponse",
                                                  "ORJSONResponse", "send_file", "attachment"};
    (void)f;
    if (c.callee == "JSON.stringify") return true;
    if (!names.count(c.name)) return false;
    if (c.name == "dumps" || c.name == "dump") return str::contains(c.callee, "json");
    if (c.name == "Write" || c.name == "WriteAll") return str::contains(str::lower(c.callee), "csv") || str::contains(c.callee, "w.");
    return true;
}

bool export_word(std::string_view s) {
    auto n = norm(s);
    return str::contains(n, "export") || str::contains(n, "download") || str::contains(n, "takeout") ||
           str::contains(n, "portab") || n == "mydata" || str::contains(n, "datarequest");
}

bool user_path(std::string_view path) {
    for (auto seg : str::split(path, '/')) {
        auto n = norm(seg);
        if (n == "me" || n == "my" || n == "self" || n == "account" || n == "profile" || n == "user" || n == "users" ||
            n == "mydata" || n == "gdpr" || n == "privacy")
            return true;
    }
    return false;
}

// The scope reads the user: request.user / req.user / session.user / currentUser, or a read of a user model.
bool reads_user(const File& f, TSNode scope, const Models& m) {
    bool found = false;
    sx::walk(scope, [&](TSNode n) {
        if (found) return false;
        auto t = sx::type(n);
        if (t == "member_expression" || t == "attribute" || t == "selector_expression") {
            auto x = norm(sx::text(f, n));
            if (str::ends_with(x, "req.user") || str::ends_with(x, "request.user") || str::ends_with(x, "session.user") ||
                str::ends_with(x, "ctx.user") || x == "currentuser")
                found = true;
        } else if (t == "identifier" && (norm(sx::text(f, n)) == "currentuser" || norm(sx::text(f, n)) == "userid")) {
            found = true;
        }
        return !found;
    });
    if (found) return true;
    for (const auto& c : sx::calls(f, scope)) {
        auto segs = callee_segments(c.callee);
        for (std::size_t i = 0; i + 1 < segs.size(); ++i)
            if (is_user_model(m, segs[i])) return true;
    }
    return false;
}

}  // namespace

Outcome probe_comp_data_export_deletion(const ProbeContext& ctx) {
    Models models;
    CallSearch search(ctx);
    for (const File* f : ctx.files()) {
        if (!f->kept || !f->is_own() || data::not_own_path(f->path)) continue;
        if (f->lang == Language::prisma) prisma_models(*f, models);
        else if (f->lang == Language::sql) sql_models(*f, models);
        else if (f->tree) code_models(*f, models);
    }
    if (models.personal.empty()) {
        if (!models.any && !ctx.svc().datastores.empty())
            return unknown("The service uses a database, but gonogo found no schema or model it can read (Prisma, SQL DDL, "
                           "Django/SQLAlchemy, TypeORM/Sequelize/Mongoose, gorm), so whether it stores personal data is unknown.");
        return na(models.any ? "The service's models and tables hold no personal-data fields (email, name, phone, address, "
                               "date of birth)."
                             : "No database models or tables found: the service stores no personal data.");
    }

    Part del, exp;
    std::vector<BoundView> views;  // class-based views bound to a user model
    std::optional<Evidence> processor;
    std::vector<Evidence> notes;
    for (const File* f : search.files()) {
        if (data::not_own_path(f->path)) continue;
        auto lp = str::lower(f->path);
        if (str::contains(lp, "seed")) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (!processor && (str::contains(c.callee, "customers.del") || c.callee == "stripe.Customer.delete" ||
                               (c.name == "Del" && str::contains(c.callee, "customer"))))
                processor = node_evidence(*f, c.node, "processor cleanup (Stripe customer deletion)");
            if (del.code) continue;
            for (const auto& mc : model_calls(*f, c))
                if (mc.op == Op::remove && is_user_model(models, mc.model)) {
                    del.code = node_evidence(*f, c.node, fmt::format("deletes the {} record", mc.model));
                    break;
                }
            if (!del.code && anonymising_update(*f, c, models))
                del.code = node_evidence(*f, c.node, "anonymises the user's personal fields");
        }
        if (sx::is_py(*f)) {
            auto v = bound_views(*f, models);
            views.insert(views.end(), v.begin(), v.end());
        }
        if (!del.code) {
            // user.email = None / f"deleted-{id}@..."; user.save()
            sx::walk_types(sx::root(*f), {"assignment", "assignment_expression"}, [&](TSNode n) {
                if (del.code) return false;
                TSNode left = field(n, "left");
                TSNode prop = is(left, "attribute") ? field(left, "attribute") : is(left, "member_expression") ? field(left, "property") : TSNode{};
                if (ts_node_is_null(prop) || !personal_field(sx::text(*f, prop), "user")) return true;
                TSNode obj = field(left, "object");
                if (!is_user_model(models, sx::text(*f, obj)) && !str::ends_with(sx::text(*f, obj), ".user")) return true;
                if (anonymising_value(*f, field(n, "right"))) del.code = node_evidence(*f, n, "anonymises the user's personal fields");
                return true;
            });
        }
    }

    if (!del.code) del.code = generic_delete_view(views);

    // Export: a route under an export/download path that serialises the user's data...
    for (const auto* r : routes(ctx)) {
        if (exp.code) break;
        bool path_hit = false;
        for (auto seg : str::split(r->path, '/'))
            if (export_word(seg)) path_hit = true;
        if (!path_hit) {
            auto segs = str::split(r->path, '/');
            for (std::size_t i = 1; i < segs.size(); ++i)
                if (norm(segs[i]) == "data" && user_path(segs[i - 1])) path_hit = true;
        }
        if (!path_hit) continue;
        auto h = handler_of(ctx, *r);
        if (!h) continue;
        if (!user_path(r->path) && !reads_user(*h->file, h->node, models)) continue;
        if (auto s = search.find(*h->file, h->node, serialises, 2))
            exp.code = route_evidence(ctx, *r, fmt::format("{} {} returns the user's data", r->method, r->path));
    }
    // ... or a function / server action / management command named for export that serialises user data.
    if (!exp.code) {
        for (const File* f : search.files()) {
            if (exp.code) break;
            if (data::not_own_path(f->path)) continue;
            bool command = str::contains(f->path, "management/commands/") && export_word(f->path.substr(f->path.rfind('/') + 1));
            for (const auto& nf : sx::functions(*f)) {
                if (!export_word(nf.name) && !(command && nf.name == "handle")) continue;
                if (!reads_user(*f, nf.node, models)) continue;
                if (search.find(*f, nf.node, serialises, 2)) {
                    exp.code = node_evidence(*f, nf.node, fmt::format("{}() serialises the user's data", nf.name));
                    break;
                }
            }
        }
    }
    // ... or a class-based view of a user model whose base class (the project's own generic view) has an export
    // method that serialises: netbox's ContactListView(ObjectListView) with ObjectListView.export_table writing CSV.
    if (!exp.code && !views.empty()) {
        std::vector<const File*> own;
        for (const File* f : search.files())
            if (!data::not_own_path(f->path)) own.push_back(f);
        const auto classes = comp::py_classes(own);
        for (const auto& v : views) {
            if (exp.code) break;
            for (const auto& b : v.bases) {
                auto it = classes.find(b);
                if (it == classes.end()) continue;
                const File* bf = it->second.file;
                const TSNode bn = it->second.node;
                for (TSNode st : named_children(field(bn, "body"))) {
                    TSNode fn = is(st, "decorated_definition") ? field(st, "definition") : st;
                    if (!is(fn, "function_definition")) continue;
                    auto name = sx::text(*bf, field(fn, "name"));
                    if (!export_word(name) || !search.find(*bf, fn, serialises, 2)) continue;
                    exp.code = node_evidence(*v.file, v.binding, fmt::format("{} lists {} records and inherits {}.{}(), which "
                                                                             "serialises them", v.name, v.model, b, name));
                    break;
                }
                if (exp.code) break;
            }
        }
    }
    doc_procedures(ctx, del, exp);

    std::vector<Evidence> ev;
    const auto& pd = models.personal.front();
    std::string stored = fmt::format("{}.{}", pd.model, pd.field);
    if (del.ok() && exp.ok()) {
        ev.push_back(del.code ? *del.code : *del.doc);
        ev.push_back(exp.code ? *exp.code : *exp.doc);
        if (models.cascade) ev.push_back(*models.cascade);
        if (processor) ev.push_back(*processor);
        ev.push_back(pd.where);
        std::string how = fmt::format("deletion by {} and export by {}", del.code ? "code" : "a documented procedure",
                                      exp.code ? "code" : "a documented procedure");
        std::string extra;
        if (del.code && !processor && ctx.svc().providers.count("stripe"))
            extra = " The deletion path does not delete the Stripe customer; erase the user at processors too.";
        return pass(fmt::format("Personal data ({}) can be erased and exported: {}.{}", stored, how, extra), ev);
    }
    std::vector<std::string> missing;
    if (!del.ok()) missing.push_back("deletion (no code deleting or anonymising the user, no documented procedure)");
    if (!exp.ok()) missing.push_back("export (no handler or command returning the user's data as JSON/CSV, no documented procedure)");
    for (const auto& p : models.personal) {
        ev.push_back(p.where);
        if (ev.size() >= 4) break;
    }
    if (del.ok()) ev.push_back(del.code ? *del.code : *del.doc);
    if (exp.ok()) ev.push_back(exp.code ? *exp.code : *exp.doc);
    return fail(fmt::format("The service stores personal data ({}) but has no user data {}.", stored, str::join(missing, " and no ")),
                ev);
}

}  // namespace gonogo::checks
