// Probe comp.admin_audit_log (COMP-03): do the admin surface's mutations (admin
// routes, admin-guarded handlers, admin server actions, Django admin actions)
// write an audit record, directly, through the service's own functions, through
// an ORM hook or auditing library, or through database triggers / pgaudit? Routes
// that update or delete audit records are findings.
#include <regex>

#include <fmt/format.h>

#include "checks/compliance/comp_util.hpp"
#include "checks/compliance/data_probes.hpp"
#include "checks/disaster_recovery/data_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace comp;
using sx::field;
using sx::is;
using sx::named_children;

// AuditLog, audit_event, activity_log, AdminAction...
bool audit_name(std::string_view s) {
    auto n = norm(s);
    return str::contains(n, "audit") || str::contains(n, "activitylog") || str::contains(n, "activityevent") ||
           str::contains(n, "adminaction") || str::contains(n, "adminlog") || str::contains(n, "actionlog");
}

bool writes_audit(const File& f, const sx::Call& c) {
    // Django admin's LogEntry helpers (ModelAdmin.log_change / log_addition / log_deletion, LogEntry.objects.log_action).
    if (c.name == "log_change" || c.name == "log_addition" || c.name == "log_deletion" || c.name == "log_action" ||
        c.name == "log_actions")
        return true;
    for (const auto& m : model_calls(f, c))
        if (m.op == Op::create && audit_name(m.model)) return true;
    return false;
}

bool tampers_audit(const File& f, const sx::Call& c) {
    for (const auto& m : model_calls(f, c))
        if ((m.op == Op::update || m.op == Op::remove) && audit_name(m.model)) return true;
    return false;
}

bool writes_anything(const File& f, const sx::Call& c) {
    for (const auto& m : model_calls(f, c))
        if (m.op != Op::none) return true;
    return false;
}

bool admin_segment(std::string_view path) {
    for (auto seg : str::split(path, '/')) {
        auto n = norm(seg);
        if (str::starts_with(n, "admin") || n == "superadmin" || n == "backoffice" || str::starts_with(n, "(admin")) return true;
    }
    return false;
}

// Words that tie a check to the record's owner: the route is shared (owner or admin), not an admin route.
bool ownership_text(std::string_view text) {
    auto n = norm(text);
    for (std::string_view w : {"owner", "author", "creator", "createdby", "userid", "isself", "orself"})
        if (str::contains(n, w)) return true;
    auto l = str::lower(text);
    return str::contains(l, "user") && (str::contains(l, ".id") || str::contains(l, "_id") || str::contains(l, "pk"));
}

// A guard's name: isAdmin, requireAdmin, admin_required, AdminGuard, is_staff, staff_member_required...
// IsOwnerOrAdmin and isAdminOrAuthor guard shared routes and are not admin guards.
bool guard_name(std::string_view name) {
    auto n = norm(name);
    if (n == "isstaff" || n == "issuperuser" || n == "staffmemberrequired" || n == "superuserrequired") return true;
    if (!str::contains(n, "admin") || ownership_text(name)) return false;
    for (std::string_view p : {"is", "require", "ensure", "check", "has", "assert", "must", "verify", "only", "can"})
        if (str::starts_with(n, p)) return true;
    for (std::string_view s : {"required", "only", "guard", "middleware"})
        if (str::ends_with(n, s)) return true;
    return false;
}

bool admin_text(std::string_view text) {
    auto n = norm(text);
    return str::contains(n, "admin") || str::contains(n, "superuser") || str::contains(n, "staffmember") ||
           str::contains(n, "isstaff");
}

// Is the role check at n one operand of a logical and/or whose other operand tests ownership?
// `if not user.is_superuser and item.owner_id != user.id` and `if (user.isAdmin || post.authorId === user.id)`
// let the owner through as well: the route is shared, not an admin route.
bool shared_with_owner(const File& f, TSNode n) {
    static const std::set<std::string_view> climb{"binary_expression", "boolean_operator", "not_operator",
                                                  "unary_expression", "unary_operator", "parenthesized_expression",
                                                  "member_expression", "attribute", "selector_expression",
                                                  "comparison_operator", "call_expression", "call", "arguments",
                                                  "argument_list", "array", "list"};
    TSNode cur = n;
    for (int depth = 0; depth < 12; ++depth) {
        TSNode p = ts_node_parent(cur);
        if (ts_node_is_null(p) || !climb.count(sx::type(p))) return false;
        if (is(p, "binary_expression") || is(p, "boolean_operator")) {
            auto op = sx::text(f, field(p, "operator"));
            if (op == "&&" || op == "||" || op == "and" || op == "or") {
                TSNode left = field(p, "left"), right = field(p, "right");
                TSNode other = ts_node_eq(left, cur) ? right : left;
                if (!ts_node_is_null(other) && ownership_text(sx::text(f, other)) && !admin_text(sx::text(f, other)))
                    return true;
            }
        }
        cur = p;
    }
    return false;
}

// Does a block refuse the request: a raise/throw, abort(...), a Forbidden/PermissionDenied response or
// exception, or a 403 status (a literal, or a name such as status.HTTP_403_FORBIDDEN, http.StatusForbidden)?
bool refuses(const File& f, TSNode block) {
    if (ts_node_is_null(block)) return false;
    bool found = false;
    auto last_part = [&](TSNode n) {
        auto t = sx::text(f, n);
        if (auto dot = t.rfind('.'); dot != std::string_view::npos) t = t.substr(dot + 1);
        return str::lower(t);
    };
    sx::walk_types(block,
                   {"raise_statement", "throw_statement", "call", "call_expression", "new_expression", "integer", "number",
                    "int_literal", "attribute", "member_expression", "selector_expression"},
                   [&](TSNode n) {
                       if (found) return false;
                       const auto t = sx::type(n);
                       if (t == "raise_statement" || t == "throw_statement") {
                           found = true;
                       } else if (t == "call" || t == "call_expression" || t == "new_expression") {
                           const auto callee = last_part(field(n, t == "new_expression" ? "constructor" : "function"));
                           found = callee == "abort" || str::contains(callee, "forbidden") ||
                                   str::contains(callee, "permissiondenied");
                       } else if (t == "integer" || t == "number" || t == "int_literal") {
                           found = sx::text(f, n) == "403";
                       } else {
                           const auto name = last_part(n);
                           found = str::contains(name, "403") || str::contains(name, "forbidden");
                       }
                       return !found;
                   });
    return found;
}

// Does the role check at n refuse admins rather than admit them? `if current_user.is_superuser: raise
// HTTPException(403)` on DELETE /users/me keeps superusers out of a user's own route.
bool refuses_role(const File& f, TSNode n) {
    static const std::set<std::string_view> climb{"not_operator", "unary_expression", "parenthesized_expression",
                                                  "member_expression", "attribute", "selector_expression",
                                                  "call_expression", "call", "arguments", "argument_list"};
    int negations = 0;
    TSNode cur = n;
    for (int depth = 0; depth < 10; ++depth) {
        TSNode p = sx::named_parent(cur);
        if (ts_node_is_null(p)) return false;
        if (is(p, "if_statement")) {
            if (!ts_node_eq(field(p, "condition"), cur) || negations % 2 != 0) return false;
            return refuses(f, field(p, "consequence"));
        }
        if (!climb.count(sx::type(p))) return false;
        if (is(p, "not_operator") || (is(p, "unary_expression") && sx::text(f, field(p, "operator")) == "!")) ++negations;
        cur = p;
    }
    return false;
}

// Is the role test at n data rather than a check: the key of an object/dict member (`isAdmin:` in a
// response body), or a comparison that is such a member's value (`isAdmin: user.role === 'admin'`)? A
// member whose value is a bare name (`preHandler: requireAdmin`) still names a guard.
bool data_value(TSNode n) {
    TSNode parent = sx::named_parent(n);
    if (is(parent, "pair") && ts_node_eq(field(parent, "key"), n)) return true;
    static const std::set<std::string_view> climb{"binary_expression", "comparison_operator", "boolean_operator",
                                                  "parenthesized_expression", "unary_expression", "not_operator",
                                                  "member_expression", "attribute"};
    bool compared = false;
    TSNode cur = n;
    for (int depth = 0; depth < 10 && !ts_node_is_null(parent) && climb.count(sx::type(parent)); ++depth) {
        const auto t = sx::type(parent);
        compared = compared || t == "binary_expression" || t == "comparison_operator" || t == "boolean_operator";
        cur = parent;
        parent = sx::named_parent(cur);
    }
    return compared && is(parent, "pair") && ts_node_eq(field(parent, "value"), cur);
}

// A role check in a handler: a guard-named identifier, or 'admin' compared / passed to a call, that is not
// shared with the record's owner and is not a value the handler returns or stores.
std::optional<Evidence> role_check(const File& f, TSNode scope) {
    std::optional<Evidence> found;
    sx::walk(scope, [&](TSNode n) {
        if (found) return false;
        auto t = sx::type(n);
        if (t == "identifier" || t == "property_identifier" || t == "field_identifier") {
            if (guard_name(sx::text(f, n)) && !shared_with_owner(f, n) && !refuses_role(f, n) && !data_value(n))
                found = node_evidence(f, n, "admin role check");
        } else if (sx::is_string_literal(n)) {
            auto v = norm(sx::string_value(f, n));
            if (v != "admin" && v != "superadmin" && v != "administrator") return true;
            TSNode p = ts_node_parent(n);
            auto pt = sx::type(p);
            if (pt == "array" || pt == "list") pt = sx::type(ts_node_parent(p));
            if ((pt == "binary_expression" || pt == "comparison_operator" || pt == "arguments" || pt == "argument_list") &&
                !shared_with_owner(f, n) && !data_value(n))
                found = node_evidence(f, n, "admin role check");
        }
        return !found;
    });
    if (!found) {
        for (const auto& d : py_decorators(f, scope))
            if (admin_text(d)) {
                found = f.evidence_at(ts_node_start_byte(ts_node_parent(scope)), "admin decorator");
                break;
            }
    }
    return found;
}

// Does a Django/DRF class-based view change data? It does when it defines a post/put/patch/delete handler
// (or a form/perform_* hook, or a viewset's create/update/destroy action), or derives from a class that
// does. Bases that are the service's own classes are followed through the project (netbox's
// ObjectEditView defines post()); a framework base counts when it is an editing view or a viewset by its
// name (CreateView, UpdateAPIView, DestroyModelMixin, ModelViewSet...), since its code is not in the tree.
bool class_view_mutates(const File& f, TSNode cls, const comp::PyClasses& own, int depth = 0) {
    const auto bases = comp::py_base_names(f, cls);
    const bool viewset = std::any_of(bases.begin(), bases.end(), [](const std::string& b) { return str::contains(b, "ViewSet"); });
    for (TSNode st : named_children(field(cls, "body"))) {
        TSNode fn = is(st, "decorated_definition") ? field(st, "definition") : st;
        if (!is(fn, "function_definition")) continue;
        auto name = sx::text(f, field(fn, "name"));
        if (name == "post" || name == "put" || name == "patch" || name == "delete" || name == "form_valid" ||
            str::starts_with(name, "perform_"))
            return true;
        if (viewset && (name == "create" || name == "update" || name == "partial_update" || name == "destroy")) return true;
    }
    for (const auto& b : bases) {
        if (auto it = own.find(b); it != own.end()) {
            if (ts_node_eq(it->second.node, cls) || depth >= 8) continue;  // a class named like its base, or a deep chain
            if (class_view_mutates(*it->second.file, it->second.node, own, depth + 1)) return true;
            continue;
        }
        for (std::string_view w : {"Create", "Update", "Delete", "Edit", "Form", "Destroy", "Import", "ViewSet", "Bulk"})
            if (str::contains(b, w)) return true;
    }
    return false;
}

struct Mutation {
    Evidence where;
    std::string label;  // "POST /api/admin/users"
    const File* file = nullptr;
    TSNode node{};
    bool resolved = true;
};

}  // namespace

Outcome probe_comp_admin_audit_log(const ProbeContext& ctx) {
    CallSearch search(ctx);
    std::vector<Evidence> surface;
    std::vector<Mutation> mutations;
    std::vector<Evidence> tamper;
    std::optional<Evidence> django_admin;
    std::size_t unresolved_admin = 0;
    std::optional<comp::PyClasses> own;  // the service's Python classes, gathered when a class view needs them
    auto own_classes = [&]() -> const comp::PyClasses& {
        if (!own) own = comp::py_classes(search.files());
        return *own;
    };

    // ---- routes ----
    for (const auto* r : routes(ctx)) {
        auto h = handler_of(ctx, *r);
        const auto& decl = ctx.model.file_at(r->file);
        if (decl.kept && str::contains(decl.lines.line_text(decl.text, r->line), "admin.site.urls")) {
            if (!django_admin) django_admin = route_evidence(ctx, *r, "Django admin site");
            continue;
        }
        if (h) {
            if (auto t = search.find(*h->file, h->node, tampers_audit, 2))
                tamper.push_back(node_evidence(*t->file, t->node, fmt::format("{} {} changes audit records", r->method, r->path)));
        }
        bool admin = admin_segment(r->path);
        std::string why = "admin path";
        if (!admin)
            for (const auto& mw : r->middleware)
                if (admin_text(mw)) {
                    admin = true;
                    why = "admin guard " + str::clip(mw, 40);
                    break;
                }
        if (!admin && h && role_check(*h->file, h->node)) {
            admin = true;
            why = "admin role check in the handler";
        }
        if (!admin) continue;
        surface.push_back(route_evidence(ctx, *r, why));
        std::string label = fmt::format("{} {}", r->method, r->path);
        bool mutating = r->method == "POST" || r->method == "PUT" || r->method == "PATCH" || r->method == "DELETE";
        if (!h) {
            if (mutating || r->method == "ANY") {
                ++unresolved_admin;
                mutations.push_back({route_evidence(ctx, *r, "handler not resolved"), label, nullptr, {}, false});
            }
            continue;
        }
        if (!mutating && r->method == "ANY")
            mutating = is(h->node, "class_definition") ? class_view_mutates(*h->file, h->node, own_classes())
                                                       : search.find(*h->file, h->node, writes_anything, 2).has_value();
        if (mutating) mutations.push_back({route_evidence(ctx, *r, "admin mutation"), label, h->file, h->node, true});
    }

    // ---- Next.js server actions under an admin segment or behind an admin check ----
    for (const auto& a : server_actions(search.files())) {
        bool admin = admin_segment(a.file->path) || role_check(*a.file, a.fn).has_value();
        if (!admin) continue;
        surface.push_back(node_evidence(*a.file, a.fn, "admin server action"));
        if (search.find(*a.file, a.fn, writes_anything, 2))
            mutations.push_back({node_evidence(*a.file, a.fn, "admin server action"), "server action " + a.name, a.file, a.fn, true});
    }

    // ---- Django admin: registrations (default LogEntry) and custom admin actions ----
    for (const File* f : search.files()) {
        if (!sx::is_py(*f) || !str::contains(f->text, "admin")) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (c.callee == "admin.site.register" || c.callee == "admin.register" || c.callee == "site.register") {
                if (!django_admin) django_admin = node_evidence(*f, c.node, "Django admin registration");
            }
        }
        for (const auto& nf : sx::functions(*f)) {
            bool action = false;
            for (const auto& d : py_decorators(*f, nf.node))
                if (str::contains(d, "admin.action") || str::contains(d, "@action")) action = true;
            if (!action) {
                auto params = codesec::parameters(*f, nf.node);
                action = params.size() == 3 && (params[0] == "modeladmin" || params[0] == "self") && params[1] == "request" &&
                         params[2] == "queryset";
            }
            if (!action) continue;
            surface.push_back(node_evidence(*f, nf.node, "Django admin action"));
            if (search.find(*f, nf.node, writes_anything, 2))
                mutations.push_back({node_evidence(*f, nf.node, "Django admin action"),
                                     "admin action " + std::string(nf.name), f, nf.node, true});
        }
    }
    if (django_admin) surface.push_back(*django_admin);

    if (surface.empty()) {
        if (!tamper.empty())
            return fail(fmt::format("{} route(s) update or delete audit records; the audit log must be append-only for "
                                    "application code.", tamper.size()), tamper);
        return na("No admin surface found: no route under an /admin path, no admin-guarded handler or server action, "
                  "no Django admin.");
    }

    // ---- service-wide auditing: libraries, ORM hooks, database triggers ----
    std::optional<Evidence> global;
    std::string global_how;
    for (const File* f : search.files()) {
        if (global) break;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (c.callee == "auditlog.register" || c.name == "AuditlogHistoryField" || c.name == "HistoricalRecords" ||
                c.callee == "simple_history.register" || c.callee == "reversion.register" || c.name == "make_versioned") {
                global = node_evidence(*f, c.node, "model auditing library");
                global_how = fmt::format("{} registers models for change auditing", c.callee);
                break;
            }
            static const std::set<std::string_view> hooks{"$use", "$extends", "addHook", "afterCreate", "afterUpdate",
                                                          "afterDestroy", "afterSave", "beforeDestroy", "afterBulkUpdate",
                                                          "afterBulkDestroy"};
            static const std::set<std::string> mongoose_events{"save", "remove", "deleteOne", "updateOne", "findOneAndUpdate",
                                                                "findOneAndDelete", "insertMany", "updateMany", "deleteMany"};
            bool hook = hooks.count(c.name) > 0 || c.callee == "event.listen";
            if (!hook && (c.name == "post" || c.name == "pre")) {
                auto args = sx::call_args(c);
                hook = !args.empty() && sx::is_string_literal(args[0]) && mongoose_events.count(sx::string_value(*f, args[0]));
            }
            if (hook) {
                if (auto w = search.find(*f, c.node, writes_audit, 2)) {
                    global = node_evidence(*f, c.node, "ORM hook writing audit records");
                    global_how = fmt::format("the ORM hook {}() writes an audit record on mutations", c.callee);
                    break;
                }
            }
        }
        if (global) break;
        for (const auto& nf : sx::functions(*f)) {
            auto n = norm(nf.name);
            bool hook = (str::starts_with(n, "after") || str::starts_with(n, "before")) &&
                        (str::ends_with(n, "create") || str::ends_with(n, "update") || str::ends_with(n, "delete") ||
                         str::ends_with(n, "save") || str::ends_with(n, "insert") || str::ends_with(n, "remove") ||
                         str::ends_with(n, "destroy"));
            bool listener = false;
            for (const auto& d : py_decorators(*f, nf.node))
                if (str::contains(d, "listens_for") || str::contains(d, "receiver(")) listener = true;
            if (!hook && !listener) continue;
            if (search.find(*f, nf.node, writes_audit, 1)) {
                global = node_evidence(*f, nf.node, "ORM hook writing audit records");
                global_how = fmt::format("the {} {}() writes an audit record on model changes",
                                         listener ? "event listener" : "model hook", nf.name);
                break;
            }
        }
    }
    if (!global) {
        static const std::regex trigger(R"(\bcreate\s+(or\s+replace\s+)?trigger\b)", std::regex::icase);
        static const std::regex pgaudit(R"(create\s+extension[^;]*pgaudit|pgaudit\.log\s*=)", std::regex::icase);
        for (const File* f : own_files(ctx, {collect::Language::sql})) {
            if (data::not_own_path(f->path)) continue;
            auto sql = strip_sql_comments(f->text);
            std::smatch m;
            if (std::regex_search(sql, m, pgaudit)) {
                global = f->evidence_at(static_cast<std::size_t>(m.position(0)), "pgaudit");
                global_how = "pgaudit is enabled in a migration";
                break;
            }
            if (std::regex_search(sql, m, trigger)) {
                for (const auto& w : sql_writes(sql))
                    if (w.op == Op::create && audit_name(w.model)) {
                        global = f->evidence_at(static_cast<std::size_t>(m.position(0)), "audit trigger");
                        global_how = fmt::format("a database trigger inserts into {}", w.model);
                        break;
                    }
            }
            if (global) break;
        }
    }

    if (!tamper.empty()) {
        auto ev = tamper;
        ev.insert(ev.end(), surface.begin(), surface.end());
        return fail(fmt::format("{} route(s) update or delete audit records (first: {}:{}); the audit log must be "
                                "append-only for application code.",
                                tamper.size(), tamper[0].path, tamper[0].line),
                    ev);
    }
    if (global) {
        Outcome o = pass(fmt::format("Admin actions are audited service-wide: {}.", global_how), {*global});
        for (std::size_t i = 0; i < surface.size() && i < 5; ++i) o.evidence.push_back(surface[i]);
        return o;
    }

    std::vector<Evidence> audited, missing, unresolved;
    std::vector<std::string> missing_labels;
    for (auto& m : mutations) {
        if (!m.resolved) {
            unresolved.push_back(m.where);
            continue;
        }
        if (auto w = search.find(*m.file, m.node, writes_audit, 3)) {
            audited.push_back(node_evidence(*w->file, w->node, fmt::format("{} writes an audit record{}", m.label,
                                                                         w->note.empty() ? "" : " " + w->note)));
        } else {
            auto e = m.where;
            e.note = m.label + " writes no audit record";
            missing.push_back(e);
            missing_labels.push_back(m.label);
        }
    }
    if (!missing.empty()) {
        std::string list = str::join(std::vector<std::string>(missing_labels.begin(),
                                                              missing_labels.begin() + static_cast<long>(std::min<std::size_t>(missing_labels.size(), 4))),
                                     ", ");
        if (missing_labels.size() > 4) list += ", ...";
        std::string msg = audited.empty()
                              ? fmt::format("None of the {} admin mutation(s) writes an audit record (no audit model write, "
                                            "ORM audit hook or trigger found): {}.",
                                            missing.size(), list)
                              : fmt::format("{} of {} admin mutations write no audit record: {}.", missing.size(),
                                            missing.size() + audited.size(), list);
        auto ev = missing;
        ev.insert(ev.end(), audited.begin(), audited.end());
        return fail(msg, ev);
    }
    if (!unresolved.empty())
        return unknown(fmt::format("{} admin route(s) have handlers gonogo could not resolve, so whether they write an audit "
                                   "record is unknown.", unresolved.size()),
                       unresolved);
    if (!audited.empty()) {
        Outcome o = pass(fmt::format("All {} admin mutation(s) write an audit record{}.", audited.size(),
                                     django_admin ? "; Django admin changes are recorded in LogEntry" : ""),
                         audited);
        return o;
    }
    if (django_admin) {
        Outcome o = pass("The admin surface is the Django admin, which records every add, change and delete in its LogEntry "
                         "audit table (django.contrib.admin default).",
                         {*django_admin});
        o.relied_on_default = true;
        return o;
    }
    (void)unresolved_admin;
    return na(fmt::format("{} admin route(s) found, but none changes data (no POST/PUT/PATCH/DELETE handler or write "
                          "call), so there is nothing to audit.", surface.size()));
}

}  // namespace gonogo::checks
