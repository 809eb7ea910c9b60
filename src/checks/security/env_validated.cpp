// Probe sec.env_validated (SEC-04): is the configuration the code reads from the
// environment validated when the process starts? Looks for a schema over the
// environment (zod/valibot/joi/yup/envalid over process.env, @t3-oss/env createEnv,
// NestJS ConfigModule validation, pydantic BaseSettings, django-environ/environs/
// decouple without defaults, caarlos0/env or envconfig with required fields, @fastify/env
// or env-schema with a JSON schema) or an
// explicit guard that stops the process; secret variables with literal fallbacks fail.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/observability/telemetry_util.hpp"
#include "checks/operations/deploy_util.hpp"
#include "checks/security/secrets_probes.hpp"
#include "checks/security/secrets_util.hpp"
#include "checks/security/web_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using collect::File;
using collect::Language;
namespace syn = collect::syntax;

struct Site {
    const File* file;
    TSNode node;
    std::string what;
};

TSNode fld(TSNode n, const char* name) {
    return ts_node_child_by_field_name(n, name, static_cast<std::uint32_t>(std::strlen(name)));
}

bool is_js(const File& f) {
    return f.lang == Language::javascript || f.lang == Language::typescript || f.lang == Language::tsx;
}

bool has_import(const std::vector<std::string>& imps, std::string_view prefix) {
    for (const auto& i : imps)
        if (str::starts_with(i, prefix)) return true;
    return false;
}

// Names bound to an environment read: const x = process.env.X, x := os.Getenv("X"), x = os.environ.get("X").
std::set<std::string> env_vars(const File& f, const std::vector<secrets::EnvRead>& reads) {
    std::set<std::string> out;
    for (const auto& r : reads) {
        if (r.file != &f) continue;
        TSNode p = ts_node_parent(r.node);
        for (int depth = 0; depth < 4 && !ts_node_is_null(p); ++depth, p = ts_node_parent(p)) {
            auto t = syn::type(p);
            TSNode lhs{};
            if (t == "variable_declarator") lhs = fld(p, "name");
            else if (t == "short_var_declaration" || t == "assignment_statement" || t == "assignment") lhs = fld(p, "left");
            else continue;
            if (ts_node_is_null(lhs)) break;
            for (auto part : str::split(syn::text(f, lhs), ',')) {
                auto v = str::trim(part);
                if (!v.empty() && v != "_") out.insert(std::string(v));
            }
            break;
        }
    }
    return out;
}

// Text that reads the environment directly.
bool names_env_read(std::string_view t) {
    for (std::string_view k : {"process.env", "import.meta.env", "os.Getenv", "os.LookupEnv", "os.environ", "os.getenv",
                               "getenv(", "viper.Get", "viper.IsSet"})
        if (t.find(k) != std::string_view::npos) return true;
    return false;
}

bool mentions_env(const File& f, TSNode n, const std::set<std::string>& vars) {
    if (ts_node_is_null(n)) return false;
    if (names_env_read(syn::text(f, n))) return true;
    for (const auto& v : vars)
        if (syn::mentions_identifier(f, n, v)) return true;
    return false;
}

// Does the block stop the process or refuse to continue: throw/raise, process.exit, log.Fatal, panic, sys.exit, return errors.New.
bool stops(const File& f, TSNode block) {
    if (ts_node_is_null(block)) return false;
    bool found = false;
    syn::walk(block, [&](TSNode n) {
        if (found) return false;
        auto t = syn::type(n);
        if (t == "throw_statement" || t == "raise_statement") {
            found = true;
            return false;
        }
        if (t == "return_statement") {
            auto s = syn::text(f, n);
            if (s.find("errors.New") != std::string_view::npos || s.find("fmt.Errorf") != std::string_view::npos) found = true;
            return !found;
        }
        return true;
    });
    if (found) return true;
    for (const auto& c : syn::calls(f, block)) {
        const bool exit = c.callee == "process.exit" || c.callee == "os.Exit" || c.callee == "sys.exit" || c.callee == "exit" ||
                          c.callee == "os._exit" || c.callee == "quit";
        if (exit) {
            // exit(0) ends the run as a success (an opt-out such as SKIP_DB_CHECK), not a refusal to start.
            auto args = syn::call_args(c);
            if (!args.empty() && syn::text(f, args[0]) == "0") continue;
            return true;
        }
        if (c.callee == "panic" || c.name == "Fatal" || c.name == "Fatalf" || c.name == "Fatalln" || c.name == "Panic" ||
            c.name == "Panicf" || c.name == "Panicln")
            return true;
    }
    return false;
}

void guards(const File& f, TSNode root, const std::set<std::string>& vars, std::vector<Site>& sites) {
    syn::walk_types(root, {"if_statement", "assert_statement"}, [&](TSNode n) {
        auto t = syn::type(n);
        if (t == "if_statement") {
            TSNode cond = fld(n, "condition");
            TSNode init = fld(n, "initializer");
            if ((mentions_env(f, cond, vars) || mentions_env(f, init, vars)) && stops(f, fld(n, "consequence")))
                sites.push_back({&f, n, "explicit guard that stops when a variable is missing"});
        } else if (t == "assert_statement") {
            if (mentions_env(f, n, vars)) sites.push_back({&f, n, "assert on the environment"});
        }
        return true;
    });
}

void js_sites(const File& f, TSNode root, const std::set<std::string>& vars, std::vector<Site>& sites,
              std::vector<Site>& weak) {
    auto imps = syn::imports(f);
    bool envvar = has_import(imps, "env-var");
    bool convict = has_import(imps, "convict");
    bool t3 = has_import(imps, "@t3-oss/env");
    for (const auto& c : syn::calls(f, root)) {
        auto args = syn::call_args(c);
        auto lname = str::lower(c.name);
        // fastify.register(fastifyEnv, { schema }) / envSchema({ schema }): JSON-schema validation of the environment.
        if ((c.name == "register" && args.size() >= 2) || c.name == "envSchema") {
            auto b = web::bindings(f);
            const auto* pb = web::binding_of(b, c.name == "register" ? syn::text(f, args[0]) : std::string_view(c.callee));
            TSNode opts = c.name == "register" ? web::resolved(f, args[1]) : (args.empty() ? TSNode{} : web::resolved(f, args[0]));
            if (pb && (pb->module == "@fastify/env" || pb->module == "env-schema") &&
                !ts_node_is_null(web::js_prop(f, opts, "schema"))) {
                sites.push_back({&f, c.node, pb->module + " JSON schema"});
                continue;
            }
        }
        if (c.name == "createEnv" && (t3 || !args.empty())) {
            sites.push_back({&f, c.node, "createEnv (@t3-oss/env) schema"});
            continue;
        }
        if (str::ends_with(c.callee, "ConfigModule.forRoot") || str::ends_with(c.callee, "ConfigModule.forRootAsync")) {
            bool validated = false;
            for (auto a : args)
                syn::walk(a, [&](TSNode n) {
                    auto nt = syn::type(n);
                    if (nt == "pair" || nt == "method_definition" || nt == "shorthand_property_identifier") {
                        TSNode k = nt == "pair" ? fld(n, "key") : nt == "method_definition" ? fld(n, "name") : n;
                        auto kt = ts_node_is_null(k) ? std::string_view{} : syn::text(f, k);
                        if (kt == "validationSchema" || kt == "validate") validated = true;
                    }
                    return !validated;
                });
            if (validated) sites.push_back({&f, c.node, "NestJS ConfigModule with validation"});
            else weak.push_back({&f, c.node, "NestJS ConfigModule without validationSchema/validate"});
            continue;
        }
        if (envvar && c.name == "required") {
            sites.push_back({&f, c.node, "env-var .required()"});
            continue;
        }
        if (convict && c.name == "validate") {
            sites.push_back({&f, c.node, "convict validate()"});
            continue;
        }
        bool env_arg = false;
        for (auto a : args) {
            auto at = syn::text(f, a);
            if (at == "process.env" || at == "import.meta.env" || at == "Deno.env.toObject()") env_arg = true;
        }
        if (env_arg) {
            for (std::string_view k : {"parse", "valid", "clean", "check", "assert", "attempt", "decode", "load", "env"})
                if (lname.find(k) != std::string::npos) {
                    sites.push_back({&f, c.node, fmt::format("{}(process.env)", c.callee)});
                    break;
                }
            continue;
        }
        if ((c.name == "assert" || c.name == "invariant" || c.name == "ok") && !args.empty() &&
            mentions_env(f, args[0], vars))
            sites.push_back({&f, c.node, fmt::format("{} on the environment", c.callee)});
    }
}

void go_sites(const ProbeContext& ctx, const File& f, TSNode root, std::vector<Site>& sites, std::vector<Site>& weak) {
    auto imps = syn::imports(f);
    bool caarlos = has_import(imps, "github.com/caarlos0/env");
    bool envconfig = has_import(imps, "github.com/kelseyhightower/envconfig") || has_import(imps, "github.com/sethvargo/go-envconfig");
    if (!caarlos && !envconfig) return;
    for (const auto& c : syn::calls(f, root)) {
        bool parse = (caarlos && (str::starts_with(c.callee, "env.Parse") || str::starts_with(c.callee, "env.Must"))) ||
                     (envconfig && (c.callee == "envconfig.Process" || c.callee == "envconfig.MustProcess" ||
                                    c.callee == "envconfig.ProcessWith"));
        if (!parse) continue;
        // struct tags marking fields required, anywhere in the service's Go code
        bool required = syn::text(f, c.node).find("RequiredIfNoDef") != std::string_view::npos;
        for (const auto* g : code_files(ctx)) {
            if (required) break;
            if (g->lang != Language::go) continue;
            syn::walk(syn::root(*g), [&](TSNode n) {
                if (required) return false;
                if (syn::type(n) != "field_declaration") return true;
                TSNode tag = fld(n, "tag");
                if (ts_node_is_null(tag)) return false;
                auto t = syn::text(*g, tag);
                if (t.find("required:\"true\"") != std::string_view::npos || t.find(",required") != std::string_view::npos ||
                    t.find(",notEmpty") != std::string_view::npos)
                    required = true;
                return false;
            });
        }
        if (required) sites.push_back({&f, c.node, fmt::format("{} with required fields", c.callee)});
        else weak.push_back({&f, c.node, fmt::format("{} without any required field", c.callee)});
    }
}

void py_sites(const File& f, TSNode root, std::vector<Site>& sites, std::vector<Site>& weak) {
    auto imps = syn::imports(f);
    bool environ = has_import(imps, "environ") || has_import(imps, "environs");
    bool decouple = has_import(imps, "decouple");
    bool dynaconf = has_import(imps, "dynaconf");
    std::vector<std::string> settings_classes;
    if (f.text.find("BaseSettings") != std::string::npos) syn::walk_types(root, {"class_definition"}, [&](TSNode n) {
        TSNode sup = fld(n, "superclasses");
        if (!ts_node_is_null(sup) && syn::text(f, sup).find("BaseSettings") != std::string_view::npos) {
            TSNode name = fld(n, "name");
            if (!ts_node_is_null(name)) settings_classes.emplace_back(syn::text(f, name));
            sites.push_back({&f, n, "pydantic BaseSettings"});
        }
        return true;
    });
    if (!environ && !decouple && !dynaconf) return;
    for (const auto& c : syn::calls(f, root)) {
        auto args = syn::call_args(c);
        bool has_default = false;
        for (auto a : args)
            if (syn::type(a) == "keyword_argument" && syn::text(f, fld(a, "name")) == "default") has_default = true;
        bool one_name = args.size() == 1 && syn::is_string_literal(args[0]);
        if (environ && (c.callee == "env" || str::starts_with(c.callee, "env.")) && one_name && !has_default) {
            sites.push_back({&f, c.node, fmt::format("{}(...) without a default (raises when missing)", c.callee)});
        } else if (decouple && c.callee == "config" && one_name && !has_default) {
            sites.push_back({&f, c.node, "python-decouple config(...) without a default"});
        } else if (dynaconf && c.name == "Validator") {
            sites.push_back({&f, c.node, "dynaconf Validator"});
        } else if (environ && (c.callee == "env" || str::starts_with(c.callee, "env.")) && !args.empty()) {
            weak.push_back({&f, c.node, "env(...) with a default"});
        }
    }
}

Evidence read_evidence(const secrets::EnvRead& r, std::string note) {
    Evidence e = node_evidence(*r.file, r.node, std::move(note));
    if (r.literal_default) {
        std::size_t ln = e.line;
        e.snippet = secrets::masked_snippet(r.file->lines.line_text(r.file->text, ln), r.default_value, 0);
    }
    return e;
}

// Scripts, tools and documentation builds (a Sphinx extension under doc/) configure themselves, not the
// service.
bool tooling_file(std::string_view path) {
    if (telemetry::is_tooling_path(path)) return true;
    auto segs = str::split(path, '/');
    for (std::size_t i = 0; i + 1 < segs.size(); ++i)
        if (segs[i] == "doc" || segs[i] == "docs") return true;
    return false;
}

// Script files the service's start runs: the package.json scripts named start/start:*/start-*/prestart/
// serve or named by a Dockerfile CMD/ENTRYPOINT, followed through what they call (npm run, yarn, pnpm,
// npm-run-all, run-s, run-p: any word that names another script), and the .js/.ts/.py/.sh paths in them.
std::set<std::string> startup_script_files(const ProbeContext& ctx) {
    std::set<std::string> files;
    const auto& root = ctx.svc().root;
    const std::string prefix = root.empty() ? std::string() : root + "/";
    const auto* pkg = ctx.model.file(prefix + "package.json");
    if (!pkg || !pkg->json || !pkg->json->is_object() || !pkg->json->contains("scripts") ||
        !(*pkg->json)["scripts"].is_object())
        return files;
    std::map<std::string, std::string> scripts;
    for (const auto& [k, v] : (*pkg->json)["scripts"].items())
        if (v.is_string()) scripts[k] = v.get<std::string>();
    std::vector<std::string> todo;
    for (const auto& [k, v] : scripts)
        if (k == "start" || k == "prestart" || k == "serve" || str::starts_with(k, "start:") || str::starts_with(k, "start-"))
            todo.push_back(k);
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || f->lang != Language::dockerfile) continue;
        for (std::size_t ln = 1; ln <= f->lines.line_count(); ++ln) {
            auto t = str::trim(f->lines.line_text(f->text, ln));
            if (!str::starts_with(t, "CMD") && !str::starts_with(t, "ENTRYPOINT")) continue;
            for (auto w : str::split(t, ' ')) {
                std::string word(str::trim(w));
                word.erase(std::remove_if(word.begin(), word.end(), [](char ch) { return ch == '"' || ch == '[' || ch == ']' || ch == ','; }),
                           word.end());
                if (scripts.count(word)) todo.push_back(word);
            }
        }
    }
    std::set<std::string> seen;
    while (!todo.empty()) {
        auto name = todo.back();
        todo.pop_back();
        if (!seen.insert(name).second) continue;
        for (auto w : str::split(scripts[name], ' ')) {
            std::string word(str::trim(w));
            while (!word.empty() && (word.back() == ';' || word.back() == '&')) word.pop_back();
            if (scripts.count(word)) {
                todo.push_back(word);
                continue;
            }
            for (std::string_view ext : {".js", ".mjs", ".cjs", ".ts", ".py", ".sh"})
                if (str::ends_with(word, ext)) {
                    std::string_view path = word;
                    while (str::starts_with(path, "./")) path.remove_prefix(2);
                    files.insert(prefix + std::string(path));
                }
        }
    }
    return files;
}

}  // namespace

Outcome probe_sec_env_validated(const ProbeContext& ctx) {
    // Configuration validated "at startup" needs something that starts: a server, a worker or a deployment.
    if (!deploy::runs_as_process(ctx, deploy::runtime_of(ctx)))
        return na("No long-running process (no HTTP server, worker or deployment definition): nothing starts with this "
                  "configuration.");
    const auto& reads = secrets::env_reads(ctx);
    std::vector<Site> sites, weak;
    std::map<const File*, std::set<std::string>> vars;
    const auto startup = startup_script_files(ctx);
    for (const auto* fp : code_files(ctx)) {
        const File& f = *fp;
        TSNode root = syn::root(f);
        auto v = env_vars(f, reads);
        if (is_js(f)) js_sites(f, root, v, sites, weak);
        else if (f.lang == Language::go) go_sites(ctx, f, root, sites, weak);
        else if (f.lang == Language::python) py_sites(f, root, sites, weak);
        // A guard mentions a direct read or a variable assigned from one (what mentions_env looks for). A
        // guard in a script (scripts/, tools/, seeds) protects that script's run, not the service's start,
        // unless the start runs the script (umami: start-docker -> check-db -> scripts/check-db.js).
        if ((!v.empty() || names_env_read(f.text)) && (!tooling_file(f.path) || startup.count(f.path)))
            guards(f, root, v, sites);
    }
    // @fastify/env registered by @fastify/autoload with its schema in autoConfig.
    for (const auto& p : web::fastify_autoloaded(ctx))
        if (p.module == "@fastify/env" && !ts_node_is_null(web::js_prop(*p.file, p.options, "schema")))
            sites.push_back({p.file, p.at, "@fastify/env JSON schema (registered by @fastify/autoload)"});

    // Secret variables with a literal fallback run with that value whenever the variable is missing.
    std::vector<Evidence> fallbacks;
    std::vector<std::string> fallback_names;
    for (const auto& r : reads) {
        if (!r.literal_default || r.name.empty() || !secrets::secret_like_name(r.name)) continue;
        fallbacks.push_back(read_evidence(r, fmt::format("{} falls back to a hardcoded value", r.name)));
        fallback_names.push_back(r.name);
    }
    if (!fallbacks.empty())
        return fail(fmt::format("{} fall{} back to a hardcoded value when the variable is missing ({}{}:{}), so a "
                                "misconfigured deployment runs with a known secret instead of stopping. Remove the "
                                "fallback and validate the variable at startup.",
                                str::join(fallback_names, ", "), fallback_names.size() == 1 ? "s" : "",
                                fallbacks.size() == 1 ? "" : "first at ", fallbacks.front().path, fallbacks.front().line),
                    fallbacks);

    if (!sites.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> what;
        for (const auto& s : sites) {
            if (ev.size() >= 5) break;
            ev.push_back(node_evidence(*s.file, s.node, s.what));
            what.push_back(fmt::format("{} ({}:{})", s.what, s.file->path, ev.back().line));
        }
        std::size_t direct = 0;
        for (const auto& r : reads)
            if (!r.has_default) ++direct;
        return pass(fmt::format("Configuration is validated at startup: {}.{}", str::join(what, "; "),
                                direct ? fmt::format(" {} direct read{} of the environment without a default elsewhere in the code; "
                                                     "make sure the schema covers them.",
                                                     direct, direct == 1 ? "" : "s")
                                       : ""),
                    ev);
    }

    // Reads in scripts and tools configure those tools, not the service, unless the start runs them.
    std::vector<const secrets::EnvRead*> service_reads;
    for (const auto& r : reads)
        if (!tooling_file(r.file->path) || startup.count(r.file->path)) service_reads.push_back(&r);
    std::vector<const secrets::EnvRead*> required;
    bool any_fail_fast = false;
    for (const auto* rp : service_reads) {
        const auto& r = *rp;
        if (r.has_default) continue;
        if (r.fails_fast) {
            any_fail_fast = true;
            continue;
        }
        required.push_back(&r);
    }
    if (!service_reads.empty() && required.empty()) {
        if (any_fail_fast) {
            std::vector<Evidence> ev;
            for (const auto* r : service_reads)
                if (r->fails_fast && ev.size() < 5) ev.push_back(node_evidence(*r->file, r->node, "raises KeyError at import"));
            return pass("Required variables are read with os.environ[...] at module level, so a missing one stops the "
                        "process at import (KeyError); a settings schema would report every missing key at once.",
                        ev);
        }
        std::vector<Evidence> ev;
        for (const auto* r : service_reads)
            if (ev.size() < 3) ev.push_back(node_evidence(*r->file, r->node, "read with a default"));
        return pass("Every environment variable the code reads has a default; nothing is required at startup.", ev);
    }
    if (!required.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> names;
        for (const auto* r : required) {
            if (ev.size() < 5) ev.push_back(node_evidence(*r->file, r->node, "read without validation"));
            if (!r->name.empty() && std::find(names.begin(), names.end(), r->name) == names.end()) names.push_back(r->name);
        }
        for (const auto& w : weak)
            if (ev.size() < 7) ev.push_back(node_evidence(*w.file, w.node, w.what));
        std::string list = names.empty() ? "" : fmt::format(" ({}{})", str::join(std::vector<std::string>(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(names.size(), 6))), ", "), names.size() > 6 ? ", ..." : "");
        return fail(fmt::format("The code reads {} environment variable{}{} without validating them at startup: a missing "
                                "or malformed value surfaces on first use instead of stopping the deploy. Parse the "
                                "environment once with a schema (zod, envalid, pydantic-settings, caarlos0/env with "
                                "required fields) before serving.{}",
                                names.empty() ? required.size() : names.size(),
                                (names.empty() ? required.size() : names.size()) == 1 ? "" : "s", list,
                                weak.empty() ? "" : fmt::format(" Found without required checks: {}.", weak.front().what)),
                    ev);
    }
    if (!weak.empty()) {
        std::vector<Evidence> ev;
        for (const auto& w : weak) ev.push_back(node_evidence(*w.file, w.node, w.what));
        return fail(fmt::format("Configuration is loaded ({}) but nothing is marked required, so a missing variable "
                                "becomes an empty value instead of stopping the process.",
                                weak.front().what),
                    ev);
    }
    // No direct read: configuration may come through a wrapper this probe does not follow.
    for (std::string_view lib : {"config", "nconf", "convict", "rc", "@nestjs/config", "github.com/spf13/viper",
                                 "github.com/knadh/koanf", "dynaconf", "python-decouple", "hydra-core"}) {
        if (!depends_on_any(ctx, {lib})) continue;
        std::vector<Evidence> ev;
        if (auto e = dependency_evidence(ctx, lib)) ev.push_back(*e);
        return unknown(fmt::format("Configuration is read through {}, which this probe does not follow; check that "
                                   "required keys are validated when the process starts.",
                                   lib),
                       ev);
    }
    if (!has_code(ctx)) return na("No application code to read configuration.");
    if (!reads.empty())
        return na("Only scripts, tools and documentation builds (scripts/, tools/, doc/) read the environment, and the service's start runs "
                  "none of them.");
    return na("The code reads no environment variables.");
}

}  // namespace gonogo::checks
