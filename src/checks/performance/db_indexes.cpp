// Probe perf.db_indexes (PERF-01): are the columns the service filters and
// sorts on, and its foreign keys, covered by an index (as the leading column)?
// Prisma schema + where/orderBy of multi-row Prisma queries; SQL CREATE TABLE /
// CREATE INDEX migrations (a MySQL foreign key counts as indexed: InnoDB creates
// the index itself); SQLAlchemy ForeignKey columns; Django ForeignKey (indexed
// by default).
#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "checks/disaster_recovery/data_util.hpp"
#include "checks/performance/data_probes.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace syn = collect::syntax;

struct Field {
    std::string name, type;
    std::size_t line = 0;
    bool indexed = false;
    bool fk = false;
};
struct Model {
    std::string name;
    const File* file = nullptr;
    std::size_t line = 0;
    std::vector<Field> fields;
    Field* field(std::string_view n) {
        for (auto& f : fields)
            if (f.name == n) return &f;
        return nullptr;
    }
};

std::vector<std::string> list_names(std::string_view s) {  // "[a, b(sort: Desc)]" -> a, b
    std::vector<std::string> out;
    auto b = s.find('['), e = s.find(']');
    if (b == std::string_view::npos || e == std::string_view::npos || e < b) return out;
    for (auto part : str::split(s.substr(b + 1, e - b - 1), ',')) {
        auto t = str::trim(part);
        auto p = t.find('(');
        if (p != std::string_view::npos) t = str::trim(t.substr(0, p));
        if (!t.empty()) out.emplace_back(t);
    }
    return out;
}

std::vector<Model> parse_prisma(const File& f) {
    std::vector<Model> models;
    Model* cur = nullptr;
    for (std::size_t n = 1; n <= f.lines.line_count(); ++n) {
        auto t = str::trim(f.lines.line_text(f.text, n));
        if (t.empty() || str::starts_with(t, "//")) continue;
        if (!cur) {
            if (str::starts_with(t, "model ") && str::contains(t, "{")) {
                models.push_back({});
                cur = &models.back();
                cur->name = std::string(str::trim(t.substr(6, t.find('{') - 6)));
                cur->file = &f;
                cur->line = n;
            }
            continue;
        }
        if (str::starts_with(t, "}")) {
            cur = nullptr;
            continue;
        }
        if (str::starts_with(t, "@@")) {
            bool idx = str::starts_with(t, "@@index") || str::starts_with(t, "@@unique") || str::starts_with(t, "@@id");
            if (idx) {
                auto names = list_names(t);
                if (!names.empty()) {
                    if (auto* fld = cur->field(names.front())) fld->indexed = true;
                    else cur->fields.push_back({names.front(), "", 0, true, false});  // declared later: keep
                }
            }
            continue;
        }
        auto words = str::split(t, ' ');
        std::vector<std::string_view> w;
        for (auto x : words)
            if (!str::trim(x).empty()) w.push_back(str::trim(x));
        if (w.size() < 2) continue;
        Field fld{std::string(w[0]), std::string(w[1]), n, false, false};
        if (str::contains(t, "@id") || str::contains(t, "@unique")) fld.indexed = true;
        if (auto* existing = cur->field(fld.name)) {
            existing->type = fld.type;
            existing->line = n;
            existing->indexed = existing->indexed || fld.indexed;
        } else {
            cur->fields.push_back(fld);
        }
        auto rel = t.find("@relation(");
        if (rel != std::string_view::npos) {
            auto fp = t.find("fields:", rel);
            if (fp != std::string_view::npos)
                for (const auto& nm : list_names(t.substr(fp))) {
                    if (auto* fk = cur->field(nm)) fk->fk = true;
                    else cur->fields.push_back({nm, "", 0, false, true});
                }
        }
    }
    // fields declared after the @relation that names them
    return models;
}

// Top-level keys of an object literal (spreads of object literals and conditional objects included).
void object_keys(const File& f, TSNode obj, std::vector<std::pair<std::string, TSNode>>& out, int depth = 0) {
    if (ts_node_is_null(obj) || depth > 4) return;
    auto ty = syn::type(obj);
    if (ty == "parenthesized_expression" || ty == "spread_element") {
        for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) object_keys(f, ts_node_named_child(obj, i), out, depth + 1);
        return;
    }
    if (ty == "ternary_expression") {
        object_keys(f, ts_node_child_by_field_name(obj, "consequence", 11), out, depth + 1);
        object_keys(f, ts_node_child_by_field_name(obj, "alternative", 11), out, depth + 1);
        return;
    }
    if (ty == "binary_expression") {
        object_keys(f, ts_node_child_by_field_name(obj, "right", 5), out, depth + 1);
        return;
    }
    if (ty == "array") {  // orderBy: [{ a }, { b }] -> the leading sort key only
        if (ts_node_named_child_count(obj) > 0) object_keys(f, ts_node_named_child(obj, 0), out, depth + 1);
        return;
    }
    if (ty != "object") return;
    for (uint32_t i = 0; i < ts_node_named_child_count(obj); ++i) {
        auto c = ts_node_named_child(obj, i);
        auto ct = syn::type(c);
        if (ct == "shorthand_property_identifier") out.emplace_back(std::string(syn::text(f, c)), c);
        else if (ct == "pair") {
            auto k = ts_node_child_by_field_name(c, "key", 3);
            auto key = std::string(syn::text(f, k));
            if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'')) key = key.substr(1, key.size() - 2);
            if (key == "AND" || key == "OR" || key == "NOT") continue;
            out.emplace_back(key, c);
        } else if (ct == "spread_element") {
            object_keys(f, c, out, depth + 1);
        }
    }
}

bool multi_row(std::string_view m) {
    return m == "findMany" || m == "findFirst" || m == "findFirstOrThrow" || m == "count" || m == "aggregate" ||
           m == "groupBy" || m == "updateMany" || m == "deleteMany";
}

std::string lower_first(std::string_view s) {
    std::string r(s);
    if (!r.empty()) r[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(r[0])));
    return r;
}

struct Gap {
    std::string what;
    Evidence ev;
};

Outcome judge(std::vector<Gap> gaps, std::size_t checked, std::string_view source, std::vector<Evidence> ok_ev) {
    if (!gaps.empty()) {
        std::vector<std::string> names;
        std::vector<Evidence> ev;
        for (auto& g : gaps) {
            if (names.size() < 8) names.push_back(g.what);
            if (ev.size() < 20) ev.push_back(std::move(g.ev));
        }
        return fail(fmt::format("{} filtered/sorted or foreign-key column(s) have no index with them as leading column ({}): "
                                "{}{}.",
                                gaps.size(), source, str::join(names, ", "), gaps.size() > names.size() ? ", ..." : ""),
                    std::move(ev));
    }
    return pass(fmt::format("All {} filtered/sorted and foreign-key column(s) found are indexed ({}).", checked, source),
                std::move(ok_ev));
}

Outcome from_prisma(const ProbeContext& ctx, const std::vector<const File*>& schemas) {
    std::vector<Model> models;
    for (const File* f : schemas) {
        auto m = parse_prisma(*f);
        models.insert(models.end(), m.begin(), m.end());
    }
    std::map<std::string, Model*> by_lower;
    for (auto& m : models) by_lower[lower_first(m.name)] = &m;
    // Columns used by multi-row queries: (model, field) -> first use.
    std::map<std::pair<std::string, std::string>, Evidence> used;
    for (const File* f : code_files(ctx)) {
        if (f->lang == Language::go || f->lang == Language::python || data::not_own_path(f->path)) continue;
        for (const auto& c : syn::calls(*f, syn::root(*f))) {
            if (!multi_row(c.name)) continue;
            auto segs = str::split(c.callee, '.');
            if (segs.size() < 3) continue;
            auto it = by_lower.find(std::string(segs[segs.size() - 2]));
            if (it == by_lower.end()) continue;
            auto args = syn::call_args(c);
            if (args.empty() || syn::type(args[0]) != "object") continue;
            std::vector<std::pair<std::string, TSNode>> top;
            object_keys(*f, args[0], top);
            for (auto& [k, node] : top) {
                if (k != "where" && k != "orderBy") continue;
                auto v = ts_node_child_by_field_name(node, "value", 5);
                std::vector<std::pair<std::string, TSNode>> cols;
                object_keys(*f, v, cols);
                for (auto& [col, cn] : cols) {
                    auto* fld = it->second->field(col);
                    if (!fld || fld->line == 0 || by_lower.count(lower_first(fld->type))) continue;  // relation, not a column
                    used.emplace(std::make_pair(it->second->name, col),
                                 node_evidence(*f, cn, fmt::format("{} on {}.{}", k, it->second->name, col)));
                }
            }
        }
    }
    std::vector<Gap> gaps;
    std::vector<Evidence> ok;
    std::size_t checked = 0;
    for (auto& m : models) {
        for (auto& fld : m.fields) {
            auto u = used.find({m.name, fld.name});
            if (!fld.fk && u == used.end()) continue;
            if (fld.line == 0) continue;
            ++checked;
            if (fld.indexed) {
                if (ok.size() < 5) ok.push_back(m.file->evidence_line(fld.line, "indexed"));
                continue;
            }
            std::string why = fld.fk ? "foreign key" : "";
            if (u != used.end()) why += std::string(why.empty() ? "" : ", ") + "filtered/sorted in code";
            Gap g{fmt::format("{}.{} ({})", m.name, fld.name, why),
                  m.file->evidence_line(fld.line, fmt::format("{}.{} has no @@index/@index/@unique", m.name, fld.name))};
            gaps.push_back(g);
            if (u != used.end()) gaps.push_back({"", u->second});
        }
    }
    // Keep names only on the schema entries (code uses are extra evidence).
    std::vector<Gap> named;
    std::vector<Evidence> extra;
    for (auto& g : gaps) {
        if (g.what.empty()) extra.push_back(g.ev);
        else named.push_back(g);
    }
    if (checked == 0) return unknown("Prisma schema found, but no foreign keys or filtered columns to judge.");
    auto out = judge(named, checked, "Prisma schema", ok);
    for (auto& e : extra)
        if (out.evidence.size() < 24) out.evidence.push_back(e);
    return out;
}

// --- SQL migrations ---------------------------------------------------------

std::string ident(std::string_view s) {
    auto t = str::trim(s);
    auto dot = t.rfind('.');
    if (dot != std::string_view::npos) t = t.substr(dot + 1);
    std::string r;
    for (char ch : t)
        if (ch != '"' && ch != '`' && ch != '[' && ch != ']') r += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return r;
}

// MySQL's InnoDB creates an index on a foreign-key column itself when none leads with it. A migration
// file speaks MySQL when it uses MySQL-only DDL, or when MySQL is the service's only SQL database.
bool mysql_ddl(const File& f, bool mysql_only) {
    return mysql_only || str::icontains(f.text, "AUTO_INCREMENT") || str::icontains(f.text, "ENGINE=InnoDB") ||
           str::icontains(f.text, "ENGINE = InnoDB");
}

Outcome from_sql(const std::vector<const File*>& sqls, bool mysql_only) {
    static const std::regex create_table(R"(create\s+table\s+(if\s+not\s+exists\s+)?([\w."`\[\]]+)\s*\()", std::regex::icase);
    static const std::regex create_index(
        R"(create\s+(unique\s+)?index\s+(concurrently\s+)?(if\s+not\s+exists\s+)?[\w."`]*\s*on\s+(only\s+)?([\w."`]+)\s*(using\s+\w+\s*)?\(\s*([\w"`]+))",
        std::regex::icase);
    static const std::regex alter_fk(R"(alter\s+table\s+(only\s+)?([\w."`]+)[^;]*?foreign\s+key\s*\(\s*([\w"`]+))", std::regex::icase);
    struct Col {
        const File* f;
        std::size_t line;
        bool fk;
    };
    std::map<std::pair<std::string, std::string>, Col> cand;
    std::set<std::pair<std::string, std::string>> indexed;
    for (const File* f : sqls) {
        const std::string& s = f->text;
        for (std::sregex_iterator it(s.begin(), s.end(), create_table), end; it != end; ++it) {
            auto table = ident((*it)[2].str());
            std::size_t pos = static_cast<std::size_t>(it->position(0) + it->length(0));
            int depth = 1;
            std::size_t start = pos;
            std::vector<std::pair<std::size_t, std::size_t>> parts;
            for (; pos < s.size() && depth > 0; ++pos) {
                if (s[pos] == '(') ++depth;
                else if (s[pos] == ')') {
                    if (--depth == 0) parts.emplace_back(start, pos);
                } else if (s[pos] == ',' && depth == 1) {
                    parts.emplace_back(start, pos);
                    start = pos + 1;
                }
            }
            for (auto [b, e] : parts) {
                std::string def = s.substr(b, e - b);
                auto t = str::trim(def);
                auto lt = str::lower(t);
                std::size_t off = b + static_cast<std::size_t>(t.data() - def.data());
                if (lt.empty()) continue;
                if (str::starts_with(lt, "primary key") || str::starts_with(lt, "unique") ||
                    (str::starts_with(lt, "constraint") && (str::contains(lt, "primary key") || str::contains(lt, " unique")))) {
                    auto p = t.find('(');
                    if (p != std::string_view::npos) {
                        auto q = t.find_first_of(",)", p + 1);
                        indexed.insert({table, ident(t.substr(p + 1, q - p - 1))});
                    }
                    continue;
                }
                if (str::starts_with(lt, "foreign key") || (str::starts_with(lt, "constraint") && str::contains(lt, "foreign key"))) {
                    auto p = lt.find("foreign key");
                    auto a = t.find('(', p), z = t.find_first_of(",)", a + 1);
                    if (a != std::string_view::npos) {
                        // A column declared above is now known to be a foreign key.
                        auto [col_at, fresh] = cand.emplace(std::make_pair(table, ident(t.substr(a + 1, z - a - 1))),
                                                        Col{f, f->lines.at(off).line, true});
                        if (!fresh) col_at->second.fk = true;
                    }
                    continue;
                }
                // MySQL inline indexes: KEY `name` (`col`, ...) / INDEX name (col) / FULLTEXT KEY ...
                if (str::starts_with(lt, "index") || str::starts_with(lt, "key ") || str::starts_with(lt, "key`") ||
                    str::starts_with(lt, "fulltext") || str::starts_with(lt, "spatial")) {
                    auto p = t.find('(');
                    if (p != std::string_view::npos) {
                        auto q = t.find_first_of(",)(", p + 1);  // `col`(10): a prefix index still leads with col
                        indexed.insert({table, ident(t.substr(p + 1, q - p - 1))});
                    }
                    continue;
                }
                if (str::starts_with(lt, "check") || str::starts_with(lt, "exclude")) continue;
                auto sp = t.find_first_of(" \t\n");
                auto col = ident(t.substr(0, sp));
                if (str::contains(lt, "primary key") || str::contains(lt, " unique")) {
                    indexed.insert({table, col});
                    continue;
                }
                bool fk = str::contains(lt, "references");
                if (fk || str::ends_with(col, "_id")) cand.emplace(std::make_pair(table, col), Col{f, f->lines.at(off).line, fk});
            }
        }
        for (std::sregex_iterator it(s.begin(), s.end(), create_index), end; it != end; ++it)
            indexed.insert({ident((*it)[5].str()), ident((*it)[7].str())});
        for (std::sregex_iterator it(s.begin(), s.end(), alter_fk), end; it != end; ++it) {
            auto off = static_cast<std::size_t>(it->position(0));
            auto [at, fresh] = cand.emplace(std::make_pair(ident((*it)[2].str()), ident((*it)[3].str())), Col{f, f->lines.at(off).line, true});
            if (!fresh) at->second.fk = true;
        }
    }
    if (cand.empty()) return unknown("SQL migrations found, but no foreign-key or *_id columns to judge.");
    std::vector<Gap> gaps;
    std::vector<Evidence> ok;
    std::size_t by_innodb = 0;
    for (auto& [k, c] : cand) {
        if (indexed.count(k)) {
            if (ok.size() < 5) ok.push_back(c.f->evidence_line(c.line, "indexed"));
            continue;
        }
        if (c.fk && mysql_ddl(*c.f, mysql_only)) {
            ++by_innodb;
            if (ok.size() < 5) ok.push_back(c.f->evidence_line(c.line, "foreign key: InnoDB indexes it"));
            continue;
        }
        gaps.push_back({fmt::format("{}.{}", k.first, k.second),
                        c.f->evidence_line(c.line, fmt::format("{}.{} has no CREATE INDEX", k.first, k.second))});
    }
    auto out = judge(std::move(gaps), cand.size(), "SQL migrations", std::move(ok));
    if (by_innodb) {
        out.message += fmt::format(" {} foreign-key column(s) rely on MySQL's InnoDB, which creates an index for a foreign "
                                   "key that has none.",
                                   by_innodb);
        if (out.status == Status::pass) out.relied_on_default = true;
    }
    return out;
}

// --- Python ORMs ------------------------------------------------------------

// SQLAlchemy: where a Column()/mapped_column() sits. The table is the first string argument of an
// enclosing op.create_table()/Table() call, or the enclosing class's __tablename__ (else its name).
std::string sa_table(const File& f, TSNode n) {
    for (TSNode p = syn::named_parent(n); !ts_node_is_null(p); p = syn::named_parent(p)) {
        const auto t = syn::type(p);
        if (t == "call") {
            auto callee = syn::text(f, ts_node_child_by_field_name(p, "function", 8));
            if (str::ends_with(callee, "create_table") || callee == "Table" || str::ends_with(callee, ".Table")) {
                auto args = syn::named_children(ts_node_child_by_field_name(p, "arguments", 9));
                if (!args.empty()) return syn::string_value(f, args[0]);
            }
        }
        if (t == "class_definition") {
            std::string name(syn::text(f, ts_node_child_by_field_name(p, "name", 4)));
            syn::walk_types(ts_node_child_by_field_name(p, "body", 4), {"assignment"}, [&](TSNode a) {
                if (syn::text(f, ts_node_child_by_field_name(a, "left", 4)) == "__tablename__") {
                    auto v = syn::string_value(f, ts_node_child_by_field_name(a, "right", 5));
                    if (!v.empty()) name = v;
                }
                return true;
            });
            return name;
        }
    }
    return {};
}

// The column a Column()/mapped_column() defines: its first string argument, else the attribute it is
// assigned to (`user_id = Column(...)`, `user_id: Mapped[int] = mapped_column(...)`).
std::string sa_column(const File& f, const syn::Call& c) {
    auto args = syn::call_args(c);
    if (!args.empty() && syn::is_string_literal(args[0])) return syn::string_value(f, args[0]);
    TSNode p = syn::named_parent(c.node);
    if (syn::type(p) == "assignment") return std::string(syn::text(f, ts_node_child_by_field_name(p, "left", 4)));
    return {};
}

// The leading column of a composite key or index: PrimaryKeyConstraint("a", "b"), UniqueConstraint(...),
// Index("ix", "a", ...), op.create_primary_key(name, table, ["a", ...]), op.create_index(name, table, ["a"]).
std::optional<std::pair<std::string, std::string>> sa_leading(const File& f, const syn::Call& c) {
    auto args = syn::call_args(c);
    auto first_string = [&](TSNode list) -> std::string {
        if (syn::type(list) == "list" || syn::type(list) == "tuple") {
            auto items = syn::named_children(list);
            return items.empty() ? std::string() : syn::string_value(f, items[0]);
        }
        return syn::string_value(f, list);
    };
    if (c.name == "create_primary_key" || c.name == "create_index" || c.name == "create_unique_constraint") {
        if (args.size() < 3) return std::nullopt;
        return std::make_pair(syn::string_value(f, args[1]), first_string(args[2]));
    }
    if (c.name == "PrimaryKeyConstraint" || c.name == "UniqueConstraint") {
        if (args.empty()) return std::nullopt;
        return std::make_pair(sa_table(f, c.node), first_string(args[0]));
    }
    if (c.name == "Index") {
        if (args.size() < 2) return std::nullopt;
        std::string col = first_string(args[1]);
        if (col.empty()) {  // Index("ix", Model.col) / Index("ix", table.c.col)
            auto t = syn::text(f, args[1]);
            col = std::string(t.substr(t.rfind('.') == std::string_view::npos ? 0 : t.rfind('.') + 1));
        }
        return std::make_pair(sa_table(f, c.node), col);
    }
    return std::nullopt;
}

std::optional<Outcome> from_python(const ProbeContext& ctx) {
    std::vector<Gap> gaps;
    std::vector<Evidence> ok;
    std::size_t checked = 0;
    bool django_default = false;
    struct SaFk {
        std::string table, column;
        Evidence ev;
    };
    std::vector<SaFk> sa_fks;
    std::set<std::pair<std::string, std::string>> sa_indexed;
    for (const File* f : code_files(ctx)) {
        if (f->lang != Language::python || data::not_own_path(f->path)) continue;
        for (const auto& c : syn::calls(*f, syn::root(*f))) {
            bool django_fk = (c.callee == "models.ForeignKey" || c.callee == "models.OneToOneField" || c.callee == "ForeignKey") &&
                             !str::contains(std::string(syn::text(*f, c.arguments)), "ForeignKey(");
            bool sa_col = c.name == "Column" || c.name == "mapped_column";
            if (django_fk && str::starts_with(c.callee, "models.")) {
                ++checked;
                auto a = std::string(syn::text(*f, c.arguments));
                if (str::contains(a, "db_index=False")) gaps.push_back({"ForeignKey with db_index=False", node_evidence(*f, c.node)});
                else {
                    django_default = true;
                    if (ok.size() < 5) ok.push_back(node_evidence(*f, c.node, "Django indexes ForeignKey columns by default"));
                }
            } else if (sa_col) {
                auto a = std::string(syn::text(*f, c.arguments));
                if (!str::contains(a, "ForeignKey(")) continue;
                ++checked;
                auto table = sa_table(*f, c.node);
                auto column = sa_column(*f, c);
                if (str::contains(a, "index=True") || str::contains(a, "primary_key=True") || str::contains(a, "unique=True")) {
                    if (ok.size() < 5) ok.push_back(node_evidence(*f, c.node, "indexed"));
                } else {
                    sa_fks.push_back({table, column, node_evidence(*f, c.node, "ForeignKey column without an index")});
                }
            } else if (auto lead = sa_leading(*f, c)) {
                sa_indexed.insert(*lead);
            }
        }
    }
    for (auto& fk : sa_fks) {
        if (!fk.column.empty() && sa_indexed.count({fk.table, fk.column})) {
            if (ok.size() < 5) {
                Evidence e = fk.ev;
                e.note = "leads a composite key or index";
                ok.push_back(std::move(e));
            }
            continue;
        }
        std::string what = fk.column.empty() ? "SQLAlchemy ForeignKey column without index=True"
                                              : (fk.table.empty() ? fk.column : fk.table + "." + fk.column);
        gaps.push_back({what, fk.ev});
    }
    if (checked == 0) return std::nullopt;
    auto out = judge(std::move(gaps), checked, "Python models", std::move(ok));
    if (out.status == Status::pass && django_default) {
        out.relied_on_default = true;
        out.message += " Django creates an index for every ForeignKey by default.";
    }
    return out;
}

}  // namespace

Outcome probe_perf_db_indexes(const ProbeContext& ctx) {
    std::vector<const File*> schemas, sqls;
    for (const File* f : ctx.files()) {
        if (!f->kept || !f->is_own() || data::not_own_path(f->path)) continue;
        if (f->lang == Language::prisma) schemas.push_back(f);
        else if (f->lang == Language::sql) sqls.push_back(f);
    }
    const auto& stores = ctx.svc().datastores;
    const bool mysql_only = stores.count("mysql") && !stores.count("postgres") && !stores.count("sqlite");
    if (!schemas.empty()) return from_prisma(ctx, schemas);
    if (!sqls.empty()) {
        auto o = from_sql(sqls, mysql_only);
        if (o.status != Status::unknown) return o;
    }
    if (auto py = from_python(ctx)) return *py;
    if (!sqls.empty()) return from_sql(sqls, mysql_only);
    if (ctx.svc().datastores.empty()) return na("No database schema (Prisma schema, SQL migrations, ORM models) found.");
    return unknown("The service uses a database, but no schema gonogo can read (Prisma, SQL DDL, Django/SQLAlchemy models) was found.");
}

}  // namespace gonogo::checks
