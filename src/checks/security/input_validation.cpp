// Probe sec.input_validation: does every route handler that reads a request body
// (or the whole query) validate it with a schema first, in the handler, one
// helper hop away, in its middleware, or through the framework (Fastify route
// schema, Nest ValidationPipe, FastAPI pydantic parameters, gin binding tags, DRF)?
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/codesec_probes.hpp"
#include "checks/security/codesec_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace codesec;

struct Read {
    TSNode node{};
    std::string what;  // "request body", "whole query"
    std::string var;   // the variable the read is stored in, when any
};

enum class Decision { validated, unvalidated, unknown };

struct HandlerResult {
    std::vector<Read> reads;
    Decision decision = Decision::unvalidated;
    std::string how;  // what validated it
    bool by_default = false;
};

std::string receiver_of(std::string_view callee) {
    auto dot = callee.rfind('.');
    return dot == std::string_view::npos ? std::string() : std::string(callee.substr(0, dot));
}

// The variable a read is stored in: const body = await req.json(); body = req.body
std::string stored_in(const File& f, TSNode n) {
    TSNode p = ts_node_parent(n);
    for (int i = 0; i < 3 && !ts_node_is_null(p); ++i) {
        const std::string_view t = sx::type(p);
        const bool callee_of = (t == "call") && ts_node_eq(child(p, "function"), n);  // request.get_json()
        if (t == "await_expression" || t == "parenthesized_expression" || t == "as_expression" || t == "await" ||
            t == "non_null_expression" || callee_of) {
            n = p;
            p = ts_node_parent(p);
            continue;
        }
        if (t == "variable_declarator" && is(child(p, "name"), "identifier")) return std::string(sx::text(f, child(p, "name")));
        if ((t == "assignment_expression" || t == "assignment") && is(child(p, "left"), "identifier"))
            return std::string(sx::text(f, child(p, "left")));
        break;
    }
    return {};
}

// ---- JavaScript / TypeScript ----

std::vector<Read> js_reads(const File& f, TSNode fn) {
    std::vector<Read> out;
    auto params = parameters(f, fn);
    const std::string p0 = params.empty() ? std::string() : params[0];
    auto request_like = [&](std::string_view s) {
        return (!p0.empty() && s == p0) || s == "req" || s == "request" || s == "ctx.request" || s == "c.req";
    };
    sx::walk(fn, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t == "member_expression") {
            const std::string_view obj = sx::text(f, child(n, "object"));
            const std::string_view prop = sx::text(f, child(n, "property"));
            if (prop == "body" && request_like(obj)) {
                out.push_back({n, "request body", stored_in(f, n)});
                return false;
            }
            if (prop == "query" && (request_like(obj) || obj == "ctx")) {
                TSNode p = ts_node_parent(n);
                const std::string_view pt = sx::type(p);
                const bool whole = pt == "arguments" || pt == "spread_element" || pt == "pair" ||
                                   (pt == "variable_declarator" && is(child(p, "name"), "identifier"));
                if (whole) out.push_back({n, "whole query", stored_in(f, n)});
                return false;
            }
        }
        if (t == "call_expression") {
            std::string callee;
            TSNode fnode = child(n, "function");
            callee = std::string(sx::text(f, fnode));
            const std::string recv = receiver_of(callee);
            const std::string_view name = std::string_view(callee).substr(recv.empty() ? 0 : recv.size() + 1);
            if ((name == "json" || name == "formData" || name == "parseBody") && request_like(recv)) {
                out.push_back({n, "request body", stored_in(f, n)});
                return false;
            }
            if (callee == "Object.fromEntries" && str::contains(sx::text(f, child(n, "arguments")), "searchParams")) {
                out.push_back({n, "whole query", stored_in(f, n)});
                return false;
            }
        }
        return true;
    });
    // NestJS: @Body() dto / @Query() query parameters (whole objects, no key).
    if (is(fn, "method_definition")) {
        for (TSNode p : named_children(child(fn, "parameters"))) {
            for (TSNode d : named_children(p)) {
                if (!is(d, "decorator")) continue;
                TSNode call = ts_node_named_child(d, 0);
                const std::string_view dn = sx::text(f, child(call, "function"));
                const bool keyless = named_children(child(call, "arguments")).empty() ||
                                     !sx::is_string_literal(named_children(child(call, "arguments"))[0]);
                if ((dn == "Body" || dn == "Query") && keyless)
                    out.push_back({p, dn == "Body" ? "request body (@Body)" : "whole query (@Query)", {}});
            }
        }
    }
    return out;
}

bool js_validation_call(const sx::Call& c) {
    static const std::set<std::string_view> k_names{"safeParse",      "safeParseAsync", "parseAsync",      "validate",
                                                    "validateAsync",  "validateSync",   "validateOrReject", "validationResult",
                                                    "matchedData",    "Check",          "safeDecode",       "assertEquals",
                                                    "validateBody",   "validateRequest", "constructEvent",
                                                    "constructEventAsync"};
    if (k_names.count(c.name)) return true;
    const std::string recv = receiver_of(c.callee);
    if (c.name == "parse") {
        static const std::set<std::string_view> k_not{"JSON", "Date", "qs", "querystring", "url", "path", "Number",
                                                      "URL", "cookie", "yaml", "YAML", "toml", "csv"};
        if (recv.empty()) return sx::call_args(c).size() >= 2;  // valibot parse(schema, value)
        return !k_not.count(recv);
    }
    if (c.name == "assert" && recv == "typia") return true;
    if (c.name == "is" && recv == "typia") return true;
    return false;
}

// Nest: a global ValidationPipe, @UsePipes(ValidationPipe) on the method or class, or a pipe on the parameter.
bool nest_pipe(const File& f, TSNode method, bool global_pipe) {
    if (global_pipe) return true;
    for (TSNode p = ts_node_prev_named_sibling(method); is(p, "decorator"); p = ts_node_prev_named_sibling(p))
        if (str::contains(sx::text(f, p), "ValidationPipe")) return true;
    for (TSNode a = ts_node_parent(method); !ts_node_is_null(a); a = ts_node_parent(a)) {
        if (!is(a, "class_declaration") && !is(a, "export_statement")) continue;
        for (TSNode d : named_children(a))
            if (is(d, "decorator") && str::contains(sx::text(f, d), "ValidationPipe")) return true;
    }
    return str::contains(sx::text(f, child(method, "parameters")), "ValidationPipe");
}

// ---- Python ----

std::vector<Read> py_reads(const File& f, TSNode fn) {
    std::vector<Read> out;
    sx::walk(fn, [&](TSNode n) {
        const std::string_view t = sx::type(n);
        if (t == "attribute") {
            const std::string_view s = sx::text(f, n);
            for (std::string_view p : {"request.json", "request.form", "request.data", "request.values", "request.POST",
                                       "request.get_json", "request.files"}) {
                if (s == p) {
                    out.push_back({n, "request body", stored_in(f, n)});
                    return false;
                }
            }
            if (s == "request.body") {
                // Django: json.loads(request.body); Starlette: await request.body() (raw bytes, e.g. webhooks)
                TSNode p = ts_node_parent(n);
                if (!is(p, "call")) out.push_back({n, "request body", stored_in(f, n)});
                return false;
            }
        }
        return true;
    });
    return out;
}

bool py_validation_call(const File& f, const sx::Call& c) {
    static const std::set<std::string_view> k_names{"is_valid",          "validate",      "model_validate",
                                                    "model_validate_json", "parse_obj",   "parse_raw",
                                                    "validate_python",   "validate_json", "validate_on_submit",
                                                    "parse_obj_as",      "validate_call", "construct_event"};
    if (k_names.count(c.name)) return true;
    const std::string recv = str::lower(receiver_of(c.callee));
    if ((c.name == "load" || c.name == "loads") && str::contains(recv, "schema")) return true;  // marshmallow
    // Model(**data): a pydantic/dataclass constructor fed the raw dict.
    const std::string_view first = c.name.empty() ? std::string_view{} : c.name;
    if (!first.empty() && std::isupper(static_cast<unsigned char>(first[0]))) {
        for (TSNode a : named_children(c.arguments))
            if (is(a, "dictionary_splat")) return true;
        // Django forms / DRF serializers constructed from the input are validated by is_valid() (checked above).
        (void)f;
    }
    return false;
}

// FastAPI: a parameter typed with a model class (pydantic) is parsed and validated by FastAPI.
std::string fastapi_model_param(const File& f, TSNode def) {
    static const std::set<std::string_view> k_plain{
        "str",      "int",      "float",     "bool",          "bytes",   "dict",      "list",       "Any",
        "Request",  "Response", "WebSocket", "BackgroundTasks", "Session", "AsyncSession", "UploadFile",
        "HTTPConnection", "Optional", "datetime", "date", "UUID", "Decimal", "JSONResponse", "set", "tuple"};
    TSNode fn = is(def, "decorated_definition") ? child(def, "definition") : def;
    for (TSNode p : named_children(child(fn, "parameters"))) {
        if (!is(p, "typed_parameter") && !is(p, "typed_default_parameter")) continue;
        TSNode value = child(p, "value");
        if (!ts_node_is_null(value) && str::contains(sx::text(f, value), "Depends")) continue;
        std::string type(sx::text(f, child(p, "type")));
        if (str::starts_with(type, "Annotated[")) {
            if (str::contains(type, "Depends")) continue;
            type = type.substr(10, type.find(',') == std::string::npos ? std::string::npos : type.find(',') - 10);
        }
        if (type.empty() || !std::isupper(static_cast<unsigned char>(type[0]))) continue;
        auto bracket = type.find('[');
        const std::string base = type.substr(0, bracket);
        if (k_plain.count(base)) continue;
        return type;
    }
    return {};
}

bool py_validating_decorator(const File& f, TSNode fn) {
    TSNode def = ts_node_parent(fn);
    if (!is(def, "decorated_definition")) return false;
    for (TSNode d : named_children(def)) {
        if (!is(d, "decorator")) continue;
        const std::string_view s = sx::text(f, d);
        for (std::string_view w : {"@validate", "use_args", "use_kwargs", "expects_json", "validate_json", ".arguments(",
                                   "@input", "validate_request"})
            if (str::contains(s, w)) return true;
    }
    return false;
}

// ---- Go ----

std::vector<Read> go_reads(const File& f, const std::vector<sx::Call>& calls) {
    static const std::set<std::string_view> k_bind{"Bind",          "BindJSON",   "ShouldBind",     "ShouldBindJSON",
                                                   "ShouldBindWith", "BindWith",   "ShouldBindQuery", "BindQuery",
                                                   "ShouldBindXML", "BindXML",    "ShouldBindBodyWith", "ShouldBindYAML",
                                                   "BodyParser",    "ShouldBindTOML"};
    std::vector<Read> out;
    for (const auto& c : calls) {
        if (k_bind.count(c.name)) {
            out.push_back({c.node, "request body (" + std::string(c.name) + ")", {}});
        } else if (c.name == "Decode" && str::contains(c.callee, "NewDecoder")) {
            if (str::contains(sx::text(f, c.node), "Body")) out.push_back({c.node, "request body (json.Decoder)", {}});
        } else if ((c.callee == "io.ReadAll" || c.callee == "ioutil.ReadAll") &&
                   str::contains(sx::text(f, c.arguments), "Body")) {
            out.push_back({c.node, "request body (ReadAll)", stored_in(f, c.node)});
        }
    }
    return out;
}

// The struct type bound by a gin/echo Bind call: &in -> var in T / in := T{} / new(T).
std::string go_bound_type(const File& f, TSNode scope, const sx::Call& c) {
    auto args = positional_args(c);
    if (args.empty()) return {};
    TSNode a = unwrap(args.back());
    if (is(a, "unary_expression")) a = child(a, "operand");
    if (!is(a, "identifier")) return {};
    const std::string name(sx::text(f, a));
    std::string type;
    sx::walk(scope, [&](TSNode n) {
        if (!type.empty()) return false;
        if (is(n, "var_spec")) {
            for (TSNode id : named_children(n))
                if (is(id, "identifier") && sx::text(f, id) == name) type = std::string(sx::text(f, child(n, "type")));
        }
        return true;
    });
    if (type.empty())
        for (const auto& as : assignments_to(f, scope, name)) {
            TSNode v = unwrap(as.value);
            if (is(v, "unary_expression")) v = child(v, "operand");
            if (is(v, "composite_literal")) type = std::string(sx::text(f, child(v, "type")));
            else if (is(v, "call_expression") && sx::text(f, child(v, "function")) == "new")
                type = std::string(sx::text(f, named_children(child(v, "arguments")).empty()
                                                    ? TSNode{}
                                                    : named_children(child(v, "arguments"))[0]));
        }
    if (str::starts_with(type, "*")) type = type.substr(1);
    return type;
}

bool go_struct_has_tags(const File& f, TSNode struct_type, std::string_view tag) {
    bool found = false;
    sx::walk(struct_type, [&](TSNode n) {
        if (found) return false;
        if (is(n, "field_declaration")) {
            const std::string_view t = sx::text(f, child(n, "tag"));
            auto at = t.find(tag);
            if (at != std::string_view::npos && t.substr(at).size() > tag.size() + 1 && t.substr(at + tag.size(), 2) != "\"-")
                found = true;
        }
        return !found;
    });
    return found;
}

bool go_type_has_tags(const std::vector<const File*>& go_files, const File& here, std::string_view type,
                      std::string_view tag) {
    if (type.empty()) return false;
    if (str::starts_with(type, "struct")) return str::contains(type, tag);  // inline struct
    auto dot = type.rfind('.');
    const std::string_view bare = dot == std::string_view::npos ? type : type.substr(dot + 1);
    std::vector<const File*> order{&here};
    order.insert(order.end(), go_files.begin(), go_files.end());
    for (const auto* f : order) {
        bool found = false;
        sx::walk(sx::root(*f), [&](TSNode n) {
            if (found) return false;
            if (is(n, "type_spec") && sx::text(*f, child(n, "name")) == bare) {
                found = go_struct_has_tags(*f, child(n, "type"), tag);
                return false;
            }
            return !is(n, "function_declaration") && !is(n, "method_declaration");
        });
        if (found) return true;
    }
    return false;
}

bool go_validation_call(const sx::Call& c) {
    const std::string recv = str::lower(receiver_of(c.callee));
    if ((c.name == "Struct" || c.name == "StructCtx" || c.name == "Var" || c.name == "StructPartial") &&
        str::contains(recv, "valid"))
        return true;
    // A provider webhook verified by signature and decoded into a typed event counts as validated input.
    return c.name == "Validate" || c.name == "ValidateStruct" || c.name == "ValidateStructCtx" ||
           c.name == "ValidateWithContext" || str::starts_with(c.name, "ConstructEvent");
}

// ---- one helper hop ----

bool function_validates(const File& f, TSNode fn) {
    for (const auto& c : sx::calls(f, fn)) {
        if (is_js(f) && js_validation_call(c)) return true;
        if (is_py(f) && py_validation_call(f, c)) return true;
        if (is_go(f) && go_validation_call(c)) return true;
    }
    return false;
}

struct Context {
    const ProbeContext& ctx;
    std::vector<const File*> files;
    std::vector<const File*> go_files;
    FunctionIndex index;
    bool nest_global_pipe = false;
    bool fastify_global_schema = false;
};

// Builtins and container/response methods that take the input without validating or forwarding it.
const std::set<std::string_view> k_plain_calls{
    "append", "push", "extend", "add", "set", "insert", "put", "send", "json", "print", "len", "str", "int",
    "dict", "list", "log", "info", "debug", "warn", "warning", "error", "dumps", "loads", "stringify", "parse",
    "jsonify", "String", "Number", "Boolean", "keys", "values", "entries", "assign", "Marshal", "Unmarshal",
    "Printf", "Println", "Sprintf", "Errorf", "JSON", "Status", "WriteHeader", "Write", "Encode", "Decode",
    "Error", "copy", "make", "new", "update", "get", "setdefault", "pop", "map", "filter", "forEach"};

// Known non-validating receivers of the raw input (ORM, response, logging): no helper to follow.
bool terminal_callee(std::string_view callee) {
    for (std::string_view p : {"prisma.", "db.", "tx.", "res.", "reply.", "ctx.", "console.", "logger.", "log.",
                               "JSON.", "Object.", "NextResponse.", "Response.", "c.", "this.logger", "models.",
                               "session.", "json.", "print", "jsonify", "Model.", "objects."})
        if (str::starts_with(callee, p)) return true;
    return false;
}

HandlerResult decide(Context& cx, const collect::Route& r, const File& f, TSNode fn) {
    HandlerResult hr;
    std::vector<sx::Call> calls = sx::calls(f, fn);
    if (is_js(f)) hr.reads = js_reads(f, fn);
    else if (is_py(f)) hr.reads = py_reads(f, fn);
    else if (is_go(f)) hr.reads = go_reads(f, calls);
    // FastAPI model parameters: validated by the framework even without explicit reads.
    if (is_py(f) && (r.framework == "fastapi" || cx.ctx.svc().frameworks.count("fastapi"))) {
        auto model = fastapi_model_param(f, fn);
        if (!model.empty() && hr.reads.empty()) {
            hr.reads.push_back({fn, "request body (" + model + ")", {}});
            hr.decision = Decision::validated;
            hr.how = "FastAPI validates the pydantic model " + model;
            hr.by_default = true;
            return hr;
        }
    }
    if (hr.reads.empty()) return hr;
    // In the handler.
    for (const auto& c : calls) {
        const bool v = (is_js(f) && js_validation_call(c)) || (is_py(f) && py_validation_call(f, c)) ||
                       (is_go(f) && go_validation_call(c));
        if (v) {
            hr.decision = Decision::validated;
            hr.how = c.callee + "()";
            return hr;
        }
        if (c.name == "valid" && str::contains(c.callee, ".req.")) {  // hono c.req.valid('json') after zValidator
            hr.decision = Decision::validated;
            hr.how = "hono validator middleware";
            return hr;
        }
    }
    // Framework-level validation.
    if (is_js(f) && is(fn, "method_definition") && nest_pipe(f, fn, cx.nest_global_pipe)) {
        hr.decision = Decision::validated;
        hr.how = "Nest ValidationPipe";
        return hr;
    }
    if (is_py(f) && py_validating_decorator(f, fn)) {
        hr.decision = Decision::validated;
        hr.how = "validating decorator";
        return hr;
    }
    if (is_go(f)) {
        bool all_tagged = true;
        bool any_bind = false;
        for (const auto& c : calls) {
            if (c.name.find("Bind") == std::string_view::npos) continue;
            any_bind = true;
            auto type = go_bound_type(f, fn, c);
            if (!go_type_has_tags(cx.go_files, f, type, "binding:\"")) all_tagged = false;
        }
        if (any_bind && all_tagged) {
            hr.decision = Decision::validated;
            hr.how = "gin binding tags on the bound struct";
            return hr;
        }
    }
    // Route declaration: Fastify schema option.
    const File& decl = cx.ctx.model.file_at(r.file);
    if (decl.tree && r.line > 0 && is_js(decl)) {
        const std::size_t off = decl.lines.line_start(r.line) + (r.column > 0 ? r.column - 1 : 0);
        TSNode at = sx::node_at(decl, static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(off));
        for (TSNode p = at; !ts_node_is_null(p); p = ts_node_parent(p)) {
            if (!is(p, "call_expression")) continue;
            for (TSNode a : named_children(child(p, "arguments")))
                if (is(a, "object") && object_has_key(decl, a, "schema")) {
                    hr.decision = Decision::validated;
                    hr.how = "Fastify route schema";
                    return hr;
                }
            break;
        }
    }
    // Middleware.
    for (const auto& mw : r.middleware) {
        const std::string l = str::lower(mw);
        if (str::contains(l, "valid") || str::contains(l, "schema") || str::contains(l, "celebrate") ||
            str::starts_with(l, "body(") || str::starts_with(l, "check(") || str::starts_with(l, "checkschema")) {
            hr.decision = Decision::validated;
            hr.how = "middleware " + mw;
            return hr;
        }
        auto dot = mw.rfind('.');
        for (const auto& e : cx.index.find(dot == std::string::npos ? mw : mw.substr(dot + 1)))
            if (function_validates(*e.file, e.node)) {
                hr.decision = Decision::validated;
                hr.how = "middleware " + mw;
                return hr;
            }
    }
    // One helper hop: a called function that validates; or input handed to a helper that cannot be followed.
    std::set<std::string> input_names;
    for (const auto& rd : hr.reads)
        if (!rd.var.empty()) input_names.insert(rd.var);
    bool unresolved_helper = false;
    for (const auto& c : calls) {
        if (c.name.empty() || terminal_callee(c.callee) || k_plain_calls.count(c.name)) continue;
        auto found = cx.index.find(c.name);
        bool takes_input = false;
        for (TSNode a : sx::call_args(c)) {
            TSNode u = unwrap(a);
            if (is(u, "unary_expression")) u = child(u, "operand");
            if (is(u, "identifier") && input_names.count(std::string(sx::text(f, u)))) takes_input = true;
            for (const auto& rd : hr.reads)
                if (ts_node_eq(u, rd.node) || inside(rd.node, u)) takes_input = true;
        }
        bool helper_validates = false;
        for (const auto& e : found)
            if (!inside(e.node, fn) && function_validates(*e.file, e.node)) helper_validates = true;
        if (helper_validates) {
            hr.decision = Decision::validated;
            hr.how = c.callee + "() (helper)";
            return hr;
        }
        if (takes_input && found.empty()) unresolved_helper = true;
    }
    hr.decision = unresolved_helper ? Decision::unknown : Decision::unvalidated;
    return hr;
}

}  // namespace

namespace {

Outcome decide_input_validation(const ProbeContext& ctx) {
    auto rs = routes(ctx);
    if (rs.empty()) {
        return na(has_code(ctx) ? "No HTTP route handlers found: no request input to validate."
                                : "No application code to examine.");
    }
    auto files = code_files(ctx);
    Context cx{ctx, files, {}, FunctionIndex(files), false, false};
    for (const auto* f : files) {
        if (is_go(*f)) cx.go_files.push_back(f);
        if (is_js(*f) && str::contains(f->text, "useGlobalPipes") && str::contains(f->text, "ValidationPipe"))
            cx.nest_global_pipe = true;
    }
    std::vector<Evidence> bad, unknown_ev, good;
    std::size_t readers = 0, validated = 0, unresolved = 0, unvalidated = 0;
    bool by_default = false;
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;  // one decision per handler body
    for (const auto* r : rs) {
        auto h = handler_of(ctx, *r);
        if (!h) {
            // Auth library route handlers (NextAuth/Auth.js): their input reaches the credentials
            // authorize() callbacks, judged below.
            const auto decl_imports = sx::imports(ctx.model.file_at(r->file));
            bool library = false;
            for (const auto& i : decl_imports)
                library = library || str::starts_with(i, "next-auth") || str::starts_with(i, "@auth/") ||
                          str::starts_with(i, "better-auth");
            if (library) continue;
            if (r->method == "POST" || r->method == "PUT" || r->method == "PATCH") {
                ++unresolved;
                unknown_ev.push_back(route_evidence(ctx, *r, fmt::format("{} {}: handler not resolved", r->method, r->path)));
            }
            continue;
        }
        if (!seen.insert({r->handler_file, r->handler_begin}).second) continue;
        const File& f = *h->file;
        TSNode fn = h->node;
        HandlerResult hr = decide(cx, *r, f, fn);
        if (hr.reads.empty()) continue;
        ++readers;
        const auto& first = hr.reads.front();
        switch (hr.decision) {
            case Decision::validated:
                ++validated;
                by_default = by_default || hr.by_default;
                good.push_back(node_evidence(f, first.node, fmt::format("{} {}: {} validated by {}", r->method, r->path,
                                                                        first.what, hr.how)));
                break;
            case Decision::unvalidated:
                ++unvalidated;
                bad.push_back(route_evidence(ctx, *r, fmt::format("{} {} reads the {} without validation", r->method,
                                                                  r->path, first.what)));
                bad.push_back(node_evidence(f, first.node, fmt::format("{} read here, never validated", first.what)));
                break;
            case Decision::unknown:
                unknown_ev.push_back(node_evidence(f, first.node, fmt::format("{} {}: {} passed to a helper that could not be followed",
                                                                              r->method, r->path, first.what)));
                break;
        }
    }
    // NextAuth/Auth.js credentials providers: authorize(credentials) receives the login form.
    for (const auto* f : files) {
        if (!is_js(*f) || f->text.find("authorize") == std::string::npos) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (c.name != "CredentialsProvider" && c.name != "Credentials") continue;
            auto args = sx::call_args(c);
            TSNode fn = args.empty() ? TSNode{} : object_value(*f, args[0], "authorize");
            if (ts_node_is_null(fn) || is(fn, "shorthand_property_identifier")) continue;
            ++readers;
            bool ok = false;
            for (const auto& k : sx::calls(*f, fn)) ok = ok || js_validation_call(k);
            if (ok) {
                ++validated;
                good.push_back(node_evidence(*f, fn, "credentials authorize(): validated"));
            } else {
                ++unvalidated;
                bad.push_back(node_evidence(*f, fn, "credentials authorize() uses the submitted credentials without validation"));
            }
        }
    }
    if (!bad.empty()) {
        {
            std::string msg_ = fmt::format("{} of {} route handler(s) that read a request body or query use it without schema "
                                "validation (first: {}:{}); validate with zod/joi/pydantic/binding tags before use.",
                                unvalidated, readers, bad.front().path, bad.front().line);
            return fail(std::move(msg_), std::move(bad));
        }
    }
    if (!unknown_ev.empty()) {
        {
            std::string msg_ = fmt::format("{} handler(s) could not be decided: input handed to helpers that could not be "
                                   "followed, or handlers that were not resolved; {} of {} readers validate.",
                                   unknown_ev.size(), validated, readers);
            return unknown(std::move(msg_), std::move(unknown_ev));
        }
    }
    if (readers == 0) return na("No route handler reads a request body or a whole query object.");
    std::string msg_ = fmt::format("All {} handler(s) that read request input validate it ({}).", readers,
                                 good.empty() ? std::string() : good.front().note);
    Outcome o = pass(std::move(msg_), std::move(good));
    o.relied_on_default = by_default;
    if (by_default) o.message += " FastAPI validates typed pydantic parameters by default.";
    (void)unresolved;
    return o;
}

}  // namespace

Outcome probe_sec_input_validation(const ProbeContext& ctx) {
    Outcome o = decide_input_validation(ctx);
    codesec::scrub(o);
    return o;
}

}  // namespace gonogo::checks
