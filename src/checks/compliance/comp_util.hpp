// Helpers shared by the compliance code probes (COMP-03 admin audit log, COMP-06
// data export and deletion): name normalisation, ORM write calls and the models
// they touch, Next.js server actions, and a bounded search through the calls of
// a handler into the service's own functions.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/helpers.hpp"
#include "checks/security/codesec_util.hpp"

namespace gonogo::checks::comp {

using collect::File;
namespace sx = collect::syntax;

// Lower case without '_', '-' and spaces ("audit_log" -> "auditlog", "AuditLog" -> "auditlog").
std::string norm(std::string_view s);
// Dot-separated segments of a callee with call parentheses and `?.`/`!` removed
// ("prisma.auditLog.create" -> {prisma, auditLog, create}; "AuditLog.objects.filter(x).delete" -> {AuditLog, objects, filter, delete}).
std::vector<std::string> callee_segments(std::string_view callee);

// The model a write/delete call targets, and how.
enum class Op { none, create, update, remove };
struct ModelCall {
    Op op = Op::none;
    std::string model;  // as written: "auditLog", "AuditLog", "audit_log", "users"
};
// ORM and SQL write calls: prisma.<m>.create/update/delete(Many)/upsert, <M>.objects....create/update/delete,
// <M>.create/destroy/update (Sequelize, Mongoose, Active-record style), repo/em.save/insert/delete(<M>, ...),
// db.add/delete(<M>(...)) (SQLAlchemy), db.Create/Save/Delete/Updates(&<M>{...}) (gorm), drizzle db.insert(<m>),
// obj.delete()/obj.save() on a variable named like the model, and raw SQL strings (INSERT INTO / UPDATE / DELETE FROM).
std::vector<ModelCall> model_calls(const File& f, const sx::Call& c);
// INSERT/UPDATE/DELETE statements of a SQL text (comments stripped): (op, table).
std::vector<ModelCall> sql_writes(std::string_view sql);
// The SQL text with -- and /* */ comments blanked out (same length, so offsets still match the file).
std::string strip_sql_comments(std::string_view sql);

// A function of the service, for the bounded call search.
struct Found {
    const File* file = nullptr;
    TSNode node{};
    std::string note;
};
// Searches the calls under `scope` and, through their names, the service's own functions they call
// (depth-limited, each function once) for a call satisfying `pred`.
class CallSearch {
public:
    explicit CallSearch(const ProbeContext& ctx);
    using Pred = std::function<bool(const File&, const sx::Call&)>;
    std::optional<Found> find(const File& f, TSNode scope, const Pred& pred, int depth = 3) const;
    const codesec::FunctionIndex& index() const { return m_index; }
    const std::vector<const File*>& files() const { return m_files; }
private:
    std::optional<Found> find_in(const File& f, TSNode scope, const Pred& pred, int depth, std::set<std::uint32_t>& seen) const;
    std::vector<const File*> m_files;
    codesec::FunctionIndex m_index;
};

// Next.js server actions: exported functions of a 'use server' module, and functions whose body starts with 'use server'.
struct ServerAction {
    const File* file;
    TSNode fn;
    std::string name;
};
std::vector<ServerAction> server_actions(const std::vector<const File*>& files);

// Python decorators of a function definition (their text), when it is decorated.
std::vector<std::string> py_decorators(const File& f, TSNode fn);

// The classes a Python class derives from, each by the last part of its dotted name
// ("generic.ObjectDeleteView" -> "ObjectDeleteView"); keyword arguments (metaclass=, table=True) are left out.
std::vector<std::string> py_base_names(const File& f, TSNode cls);

// The service's own Python classes by name, for following a class's bases through the project.
struct PyClass {
    const File* file;
    TSNode node;
};
using PyClasses = std::map<std::string, PyClass, std::less<>>;
PyClasses py_classes(const std::vector<const File*>& files);

}  // namespace gonogo::checks::comp
