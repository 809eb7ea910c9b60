// Probe rel.graceful_shutdown (REL-04): on SIGTERM, does the server stop accepting and drain
// before exiting? Decided from signal handlers and what their bodies close (Node, Go), shutdown
// libraries (terminus, NestJS enableShutdownHooks), the servers' own defaults (Next.js >= 14.1
// `next start`, Uvicorn, Gunicorn), and whether the container's PID 1 passes the signal on.
#include <set>

#include <fmt/format.h>

#include "checks/reliability/health_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace health;
namespace sx = collect::syntax;

namespace {

using sx::is_js;

std::string basename(std::string_view p) {
    auto s = p.rfind('/');
    return std::string(s == std::string_view::npos ? p : p.substr(s + 1));
}

// ---- signal delivery in containers ---------------------------------------------------------

struct Delivery {
    std::vector<std::string> problems;
    std::vector<Evidence> evidence;
    bool stopsignal_sigint = false;
};

bool is_init(std::string_view prog) {
    auto b = basename(prog);
    return b == "tini" || b == "dumb-init" || b == "docker-init" || b == "catatonit" || b == "s6-svscan" || b == "init";
}

bool is_package_manager(std::string_view prog) {
    auto b = basename(prog);
    return b == "npm" || b == "yarn" || b == "pnpm" || b == "npx" || b == "bun";
}

bool is_shell(std::string_view prog) {
    auto b = basename(prog);
    return b == "sh" || b == "bash" || b == "ash" || b == "dash" || b == "zsh";
}

// An entrypoint script in the repository that ends by exec'ing its command.
std::optional<bool> script_execs(const ProbeContext& ctx, std::string_view prog) {
    auto b = basename(prog);
    for (const auto* f : ctx.files()) {
        if (!f->kept || basename(f->path) != b) continue;
        for (auto raw : str::split(f->text, '\n')) {
            auto l = str::trim(raw);
            if (str::starts_with(l, "exec ") || str::contains(l, "&& exec ") || str::contains(l, "; exec ")) return true;
        }
        return false;
    }
    return std::nullopt;
}

// Which npm script a package-manager command runs ("npm start", "npm run start:prod", "yarn start").
std::string script_name(const std::vector<std::string>& argv) {
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const auto& a = argv[i];
        if (a == "run" || a == "run-script" || str::starts_with(a, "-")) continue;
        return a;
    }
    return {};
}

Delivery signal_delivery(const ProbeContext& ctx) {
    Delivery d;
    bool compose_init = false;
    for (const auto& s : compose_services(ctx))
        if (s.node.IsMap() && s.node["init"] && s.node["init"].IsScalar() && s.node["init"].as<std::string>() == "true")
            compose_init = true;
    for (const auto& c : containers(ctx)) {
        if (c.stopsignal && !c.stopsignal->argv.empty()) {
            auto sig = c.stopsignal->argv.front();
            d.stopsignal_sigint = sig == "SIGINT" || sig == "2" || sig == "INT";
        }
        const File& f = *c.file;
        bool init = compose_init;
        if (c.entrypoint) {
            const auto& ep = *c.entrypoint;
            if (!ep.exec_form) {
                if (!str::starts_with(ep.raw, "exec ")) {
                    d.problems.push_back(fmt::format("{} starts with a shell-form ENTRYPOINT, so /bin/sh is PID 1 and does "
                                                     "not pass SIGTERM on to the app",
                                                     f.path));
                    d.evidence.push_back(f.evidence_line(ep.line, "shell-form ENTRYPOINT"));
                }
                continue;
            }
            if (!ep.argv.empty() && is_init(ep.argv[0])) init = true;
            else if (!ep.argv.empty() && (str::ends_with(ep.argv[0], ".sh") || str::contains(ep.argv[0], "entrypoint"))) {
                if (auto ex = script_execs(ctx, ep.argv[0]); ex && !*ex) {
                    d.problems.push_back(fmt::format("the entrypoint script {} does not `exec` the server, so the "
                                                     "script's shell keeps PID 1 and SIGTERM stops there",
                                                     ep.argv[0]));
                    d.evidence.push_back(f.evidence_line(ep.line, "ENTRYPOINT script without exec"));
                    continue;
                }
            } else if (!ep.argv.empty() && is_package_manager(ep.argv[0])) {
                d.problems.push_back(fmt::format("{} runs the app through {} as PID 1, which does not reliably pass "
                                                 "SIGTERM on",
                                                 f.path, basename(ep.argv[0])));
                d.evidence.push_back(f.evidence_line(ep.line, "package manager as PID 1"));
                continue;
            } else if (!ep.argv.empty()) {
                continue;  // the ENTRYPOINT is the program; CMD only adds arguments
            }
        }
        if (!c.cmd) continue;
        const auto& cmd = *c.cmd;
        if (!cmd.exec_form) {
            if (!str::starts_with(cmd.raw, "exec ")) {
                d.problems.push_back(fmt::format("{} uses a shell-form CMD (`{}`), so /bin/sh runs as the parent and "
                                                 "does not pass SIGTERM on to the app",
                                                 f.path, str::clip(cmd.raw, 60)));
                d.evidence.push_back(f.evidence_line(cmd.line, "shell-form CMD"));
            }
            continue;
        }
        if (cmd.argv.empty()) continue;
        if (is_shell(cmd.argv[0]) && cmd.argv.size() >= 3 && cmd.argv[1] == "-c" && !str::starts_with(cmd.argv[2], "exec ")) {
            d.problems.push_back(fmt::format("{} runs `{} -c` as the container's command, and the shell does not "
                                             "pass SIGTERM on to the app",
                                             f.path, basename(cmd.argv[0])));
            d.evidence.push_back(f.evidence_line(cmd.line, "shell as the container's command"));
            continue;
        }
        if (is_package_manager(cmd.argv[0])) {
            auto name = script_name(cmd.argv);
            std::string detail;
            auto script = name.empty() ? std::nullopt : npm_script(ctx, name);
            if (script && (str::contains(script->command, "&&") || str::contains(script->command, ";")))
                detail = fmt::format("; the `{}` script chains commands (`{}`), so a shell stays between it and the "
                                     "server",
                                     name, str::clip(script->command, 70));
            d.problems.push_back(fmt::format("{} starts the app with `{}`{}, and {} does not reliably pass SIGTERM on "
                                             "to the server{}",
                                             f.path, fmt::join(cmd.argv, " "), init ? " behind an init" : " as PID 1",
                                             basename(cmd.argv[0]), detail));
            d.evidence.push_back(f.evidence_line(cmd.line, "package manager starts the server"));
            if (script) d.evidence.push_back(script->evidence);
        }
    }
    return d;
}

// ---- the application's own handling --------------------------------------------------------

enum class App { pass, pass_default, fail, unknown, none };

struct AppResult {
    AppResult() = default;
    AppResult(App s, std::string m, std::vector<Evidence> e, std::string w = {})
        : status(s), message(std::move(m)), evidence(std::move(e)), what(std::move(w)) {}
    App status = App::none;
    std::string message;
    std::vector<Evidence> evidence;
    std::string what;  // what drains when it passes ("Uvicorn", "next start (Next.js 14.2.3)")
};

// Names that hold a server or app: results of listen()/createServer()/NestFactory.create()/Fastify().
std::set<std::string> server_names(const File& f) {
    std::set<std::string> out;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!is(n, "variable_declarator") && !is(n, "assignment_expression")) return true;
        TSNode name = field(n, is(n, "variable_declarator") ? "name" : "left");
        TSNode v = field(n, is(n, "variable_declarator") ? "value" : "right");
        while (is(v, "await_expression") || is(v, "parenthesized_expression")) v = ts_node_named_child(v, 0);
        if (!is(v, "call_expression") && !is(v, "new_expression")) return true;
        auto callee = sx::text(f, field(v, is(v, "call_expression") ? "function" : "constructor"));
        auto last = callee.substr(callee.rfind('.') == std::string_view::npos ? 0 : callee.rfind('.') + 1);
        if (last == "listen" || last == "createServer" || last == "createSecureServer" || last == "create" ||
            last == "Fastify" || last == "fastify" || last == "serve" || last == "createHttpTerminator" ||
            last == "stoppable" || last == "Server" || last == "createApp" || last == "buildApp" || last == "build")
            out.insert(std::string(sx::text(f, name)));
        return true;
    });
    return out;
}

bool serverish(std::string_view root, const std::set<std::string>& names) {
    if (names.count(std::string(root))) return true;
    auto r = str::lower(root);
    return str::contains(r, "server") || str::contains(r, "srv") || str::contains(r, "terminator") || r == "app" ||
           r == "fastify" || r == "instance" || r == "application" || r == "httpserver";
}

struct CloseSearch {
    std::optional<Evidence> close;
    std::optional<Evidence> exit;
};

// Looks for a server close in a signal handler's body and the own helpers it calls (two levels).
void search_close(Resolver& res, const File& f, TSNode body, int depth, CloseSearch& out,
                  std::set<std::pair<const File*, std::uint32_t>>& seen) {
    auto names = server_names(f);
    for (const auto& c : sx::calls(f, body)) {
        auto root = receiver_root(c.callee);
        const bool closeish = c.name == "close" || c.name == "shutdown" || c.name == "stop" || c.name == "terminate" ||
                              c.name == "closeServer" || c.name == "Shutdown";
        if (!out.close && closeish && root != "process" && !root.empty() && serverish(root, names))
            out.close = node_evidence(f, c.node, "closes the server");
        if (!out.exit && (c.callee == "process.exit" || c.callee == "process.kill")) out.exit = node_evidence(f, c.node, "exits");
        if (out.close || depth >= 2) continue;
        if (auto fn = res.resolve(f, c)) {
            if (!seen.insert({fn->file, ts_node_start_byte(fn->node)}).second) continue;
            search_close(res, *fn->file, fn->node, depth + 1, out, seen);
        }
    }
}

// The signals a process.on(...) registration names (a literal, or the array it is looped over).
std::set<std::string> registered_signals(const File& f, TSNode call, TSNode first_arg) {
    std::set<std::string> out;
    auto add = [&](TSNode s) {
        auto v = sx::string_value(f, s);
        if (v == "SIGTERM" || v == "SIGINT" || v == "SIGHUP" || v == "SIGQUIT") out.insert(v);
    };
    if (sx::is_string_literal(first_arg)) {
        add(first_arg);
        return out;
    }
    // ['SIGINT', 'SIGTERM'].forEach((sig) => process.on(sig, ...)) / for (const sig of [...])
    TSNode p = call;
    for (int i = 0; i < 6 && !ts_node_is_null(p); ++i) {
        p = ts_node_parent(p);
        if (is(p, "call_expression") || is(p, "for_in_statement")) {
            sx::walk(p, [&](TSNode x) {
                if (is(x, "array")) {
                    const std::uint32_t n = ts_node_named_child_count(x);
                    for (std::uint32_t k = 0; k < n; ++k) add(ts_node_named_child(x, k));
                    return false;
                }
                return !is_function_node(x);
            });
            if (!out.empty()) break;
        }
    }
    return out;
}

AppResult node_app(const ProbeContext& ctx, const std::vector<std::string>& fws, bool sigint_ok) {
    Resolver res(ctx);
    AppResult r;
    std::optional<Evidence> listen_ev;
    std::optional<Evidence> bad_handler_ev;
    std::string bad_handler_msg;
    bool next_custom = false;
    bool nest_app = false;
    for (const auto* f : code_files(ctx)) {
        if (!is_js(f->lang)) continue;
        const auto& t = f->text;
        const bool maybe = str::contains(t, "SIG") || str::contains(t, "listen") || str::contains(t, "Terminus") ||
                           str::contains(t, "enableShutdownHooks") || str::contains(t, "closeWithGrace") ||
                           str::contains(t, "graceful") || str::contains(t, "Lightship") || str::contains(t, "next(");
        if (!maybe) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            auto args = sx::call_args(c);
            if (c.name == "createTerminus") {
                r = {App::pass, fmt::format("@godaddy/terminus handles SIGTERM and closes the server ({}).", f->path),
                     {node_evidence(*f, c.node, "createTerminus")}};
                return r;
            }
            if (c.name == "enableShutdownHooks") {
                r = {App::pass, fmt::format("NestJS shutdown hooks are enabled ({}): on SIGTERM Nest calls app.close(), "
                                            "which stops the HTTP server and runs onApplicationShutdown hooks.",
                                            f->path),
                     {node_evidence(*f, c.node, "enableShutdownHooks")}};
                return r;
            }
            if (c.callee == "closeWithGrace" || c.name == "registerShutdownHandler" ||
                (c.callee == "gracefulShutdown" && res.binding(*f, "gracefulShutdown") &&
                 res.binding(*f, "gracefulShutdown")->module == "http-graceful-shutdown")) {
                if (c.callee == "gracefulShutdown") {
                    r = {App::pass, fmt::format("http-graceful-shutdown closes the server on SIGTERM ({}).", f->path),
                         {node_evidence(*f, c.node, "http-graceful-shutdown")}};
                    return r;
                }
                CloseSearch cs;
                std::set<std::pair<const File*, std::uint32_t>> seen;
                search_close(res, *f, c.node, 0, cs, seen);
                if (cs.close) {
                    r = {App::pass, fmt::format("{} closes the server on SIGTERM ({}).", c.callee, f->path),
                         {node_evidence(*f, c.node, c.callee), *cs.close}};
                    return r;
                }
            }
            if ((c.name == "listen") && !listen_ev && receiver_root(c.callee) != "process")
                listen_ev = node_evidence(*f, c.node, "the server starts here");
            if (c.callee == "next" && !args.empty() && is(args[0], "object")) next_custom = true;
            if (c.callee == "NestFactory.create") nest_app = true;
            if ((c.name == "on" || c.name == "once" || c.name == "addListener" || c.name == "prependListener") &&
                c.callee.rfind("process.", 0) == 0 && args.size() >= 2) {
                auto sigs = registered_signals(*f, c.node, args[0]);
                if (sigs.empty()) continue;
                const bool term = sigs.count("SIGTERM") || (sigint_ok && sigs.count("SIGINT"));
                TSNode h = args[1];
                std::optional<Fn> body;
                if (is_function_node(h)) body = Fn{f, h};
                else if (is(h, "identifier") || is(h, "member_expression"))
                    body = res.resolve(*f, sx::text(*f, h));
                if (!body) {
                    if (term && !bad_handler_ev) {
                        bad_handler_ev = node_evidence(*f, c.node, "signal handler not resolved");
                        bad_handler_msg = "unresolved";
                    }
                    continue;
                }
                CloseSearch cs;
                std::set<std::pair<const File*, std::uint32_t>> seen;
                search_close(res, *body->file, body->node, 0, cs, seen);
                if (cs.close && term) {
                    r = {App::pass,
                         fmt::format("A {} handler in {} closes the server before exiting.", fmt::join(sigs, "/"), f->path),
                         {node_evidence(*f, c.node, "signal handler"), *cs.close}};
                    return r;
                }
                if (cs.close && !term) {
                    bad_handler_ev = node_evidence(*f, c.node, "handles SIGINT only");
                    bad_handler_msg = fmt::format("The handler in {} closes the server on {} only; Docker and "
                                                  "Kubernetes send SIGTERM, which still kills the process at once.",
                                                  f->path, fmt::join(sigs, "/"));
                    continue;
                }
                if (!bad_handler_ev || bad_handler_msg == "unresolved") {
                    bad_handler_ev = node_evidence(*f, c.node, "signal handler");
                    bad_handler_msg = cs.exit ? fmt::format("The {} handler in {} exits without closing the server: "
                                                            "in-flight requests are cut.",
                                                            fmt::join(sigs, "/"), f->path)
                                              : fmt::format("The {} handler in {} does not close the server.",
                                                            fmt::join(sigs, "/"), f->path);
                }
            }
        }
    }
    if (bad_handler_ev) {
        if (bad_handler_msg == "unresolved")
            return {App::unknown, "A SIGTERM handler is registered but its function could not be resolved.", {*bad_handler_ev}};
        return {App::fail, bad_handler_msg, {*bad_handler_ev}};
    }
    const bool next = std::find(fws.begin(), fws.end(), "nextjs") != fws.end();
    if (next && !next_custom) {
        auto spec = dependency_version(ctx, "next");
        auto v = min_version(spec);
        std::vector<Evidence> ev;
        if (auto e = dependency_evidence(ctx, "next")) ev.push_back(*e);
        if (auto s = npm_script(ctx, "start")) ev.push_back(s->evidence);
        if (v && ((*v)[0] > 14 || ((*v)[0] == 14 && (*v)[1] >= 1)))
            return {App::pass_default,
                    fmt::format("`next start` (Next.js {}) handles SIGTERM itself: it closes the server and exits once "
                                "in-flight requests finish (Next.js >= 14.1 default).",
                                spec),
                    ev, fmt::format("`next start` (Next.js {})", spec)};
        const bool below = v && ((*v)[0] < 14 || ((*v)[0] == 14 && (*v)[1] < 1));
        const bool caret_into_14_1 = v && (*v)[0] == 14 && str::contains(spec, "^");
        if (below && spec_is_bounded_major(spec) && !caret_into_14_1 && !str::starts_with(str::trim(spec), ">"))
            return {App::fail,
                    fmt::format("Next.js {} exits at once on SIGTERM (its handler calls process.exit right after "
                                "server.close); Next.js >= 14.1 waits for in-flight requests.",
                                spec),
                    ev};
        return {App::unknown,
                fmt::format("Next.js `{}` is not pinned to a version gonogo can judge: `next start` drains on SIGTERM "
                            "from 14.1 on and exits at once before.",
                            spec.empty() ? "next" : spec),
                ev};
    }
    if (listen_ev) {
        std::string why = nest_app ? " (NestJS does not listen for SIGTERM unless app.enableShutdownHooks() is called)" : "";
        return {App::fail,
                fmt::format("The server is started without a SIGTERM handler{}: Node exits at once and cuts in-flight "
                            "requests.",
                            why),
                {*listen_ev}};
    }
    return {};
}

AppResult go_app(const ProbeContext& ctx, bool sigint_ok) {
    std::optional<Evidence> notify, notify_int_only, shutdown, start;
    bool any_go = false;
    for (const auto* f : code_files(ctx)) {
        if (f->lang != Language::go) continue;
        any_go = true;
        const auto& t = f->text;
        if (!str::contains(t, "signal.") && !str::contains(t, "Shutdown") && !str::contains(t, "Serve") &&
            !str::contains(t, ".Run(") && !str::contains(t, ".Start(") && !str::contains(t, ".Listen(") &&
            !str::contains(t, "GracefulStop"))
            continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if ((c.name == "Notify" || c.name == "NotifyContext") && str::ends_with(receiver_root(c.callee), "signal")) {
                auto args = sx::text(*f, c.arguments);
                if (str::contains(args, "SIGTERM")) {
                    if (!notify) notify = node_evidence(*f, c.node, "SIGTERM handled");
                } else if (str::contains(args, "Interrupt") || str::contains(args, "SIGINT")) {
                    if (!notify_int_only) notify_int_only = node_evidence(*f, c.node, "SIGINT only");
                } else if (sx::call_args(c).size() <= 1 || (c.name == "NotifyContext" && sx::call_args(c).size() == 1)) {
                    if (!notify) notify = node_evidence(*f, c.node, "all signals relayed");  // signal.Notify(ch)
                }
            }
            if ((c.name == "Shutdown" || c.name == "ShutdownWithContext" || c.name == "ShutdownWithTimeout" ||
                 c.name == "GracefulStop" || c.name == "GracefulShutdown") &&
                !shutdown)
                shutdown = node_evidence(*f, c.node, "server shutdown");
            const auto& fw = ctx.svc().frameworks;
            if (!start && (c.name == "ListenAndServe" || c.name == "ListenAndServeTLS" || c.name == "Serve" ||
                           c.name == "ServeTLS" || (c.name == "Run" && fw.count("gin")) ||
                           (c.name == "Start" && fw.count("echo")) || (c.name == "Listen" && fw.count("fiber"))))
                start = node_evidence(*f, c.node, "the server starts here");
        }
    }
    if (!any_go) return {};
    if (sigint_ok && !notify && notify_int_only) notify = notify_int_only;
    if (notify && shutdown)
        return {App::pass, "SIGTERM is caught (signal.Notify) and the server is shut down with Shutdown(ctx), which "
                           "stops accepting and waits for in-flight requests.",
                {*notify, *shutdown}};
    if (notify_int_only && shutdown)
        return {App::fail, "Only os.Interrupt (SIGINT) is caught; Docker and Kubernetes send SIGTERM, which kills the "
                           "Go process at once. Add syscall.SIGTERM to signal.Notify.",
                {*notify_int_only, *shutdown}};
    if (notify)
        return {App::fail, "SIGTERM is caught but the HTTP server is never shut down (no Shutdown(ctx) call): "
                           "in-flight requests are cut when the process exits.",
                {*notify}};
    if (shutdown)
        return {App::fail, "The server has a Shutdown call but no signal.Notify for SIGTERM: the signal kills the "
                           "process before it runs.",
                {*shutdown}};
    if (start)
        return {App::fail, "The Go server starts without any SIGTERM handling or Shutdown(ctx): the process dies at "
                           "once and cuts in-flight requests.",
                {*start}};
    return {};
}

// The command lines that may start a Python server: Dockerfile, Procfile, compose, Kubernetes.
struct CommandLine {
    std::string text;
    Evidence evidence;
};

std::vector<CommandLine> start_commands(const ProbeContext& ctx) {
    std::vector<CommandLine> out;
    for (const auto& c : containers(ctx)) {
        std::string line;
        if (c.entrypoint) line += c.entrypoint->raw + " ";
        if (c.cmd) line += c.cmd->raw;
        std::size_t ln = c.cmd ? c.cmd->line : (c.entrypoint ? c.entrypoint->line : 0);
        if (!line.empty() && ln) out.push_back({line, c.file->evidence_line(ln, "container command")});
    }
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || basename(f->path) != "Procfile") continue;
        std::size_t ln = 0;
        for (auto raw : str::split(f->text, '\n')) {
            ++ln;
            auto l = str::trim(raw);
            if (str::starts_with(l, "web:")) out.push_back({std::string(l), f->evidence_line(ln, "Procfile web process")});
        }
    }
    for (const auto& s : compose_services(ctx)) {
        if (!s.file->is_own() || !s.node.IsMap() || !s.node["command"]) continue;
        std::string line;
        auto cmd = s.node["command"];
        if (cmd.IsScalar()) line = cmd.as<std::string>();
        else if (cmd.IsSequence())
            for (const auto& x : cmd)
                if (x.IsScalar()) line += x.as<std::string>() + " ";
        out.push_back({line, yaml_evidence(*s.file, cmd, fmt::format("command of {}", s.name))});
    }
    for (const auto& o : k8s_objects(ctx)) {
        if (!is_workload(o.kind)) continue;
        auto spec = pod_spec(o);
        if (!spec || !spec["containers"] || !spec["containers"].IsSequence()) continue;
        for (const auto& c : spec["containers"]) {
            std::string line;
            YAML::Node at;
            for (const char* k : {"command", "args"}) {
                if (!c[k] || !c[k].IsSequence()) continue;
                if (!at) at = c[k];
                for (const auto& x : c[k])
                    if (x.IsScalar()) line += x.as<std::string>() + " ";
            }
            if (!line.empty()) out.push_back({line, yaml_evidence(*o.file, at, "container command")});
        }
    }
    return out;
}

AppResult python_app(const ProbeContext& ctx) {
    const auto& fw = ctx.svc().frameworks;
    if (!fw.count("fastapi") && !fw.count("flask") && !fw.count("django") && !fw.count("starlette")) return {};
    auto judge = [&](std::string_view line, const Evidence& ev) -> std::optional<AppResult> {
        std::vector<std::string> words;
        for (auto x : str::split(line, ' ')) {
            std::string w;
            for (char ch : str::trim(x))
                if (ch != '[' && ch != ']' && ch != '"' && ch != '\'' && ch != ',') w += ch;
            if (!w.empty()) words.push_back(basename(w));
        }
        auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
        if (has("gunicorn"))
            return AppResult{App::pass_default, "Gunicorn runs the app: on SIGTERM it stops accepting and lets workers "
                                                "finish their requests (graceful_timeout, 30 s by default).",
                             {ev}, "Gunicorn"};
        if (has("uvicorn"))
            return AppResult{App::pass_default, "Uvicorn runs the app: on SIGTERM it stops accepting connections and "
                                                "waits for in-flight requests before exiting (Uvicorn default).",
                             {ev}, "Uvicorn"};
        if (str::contains(line, "runserver"))
            return AppResult{App::fail, "The Django development server (`manage.py runserver`) serves production: it "
                                        "stops at once on SIGTERM and is not meant for production.",
                             {ev}};
        if (str::contains(line, "flask run"))
            return AppResult{App::fail, "The Flask development server (`flask run`) serves production: it stops at once "
                                        "on SIGTERM.",
                             {ev}};
        if (has("hypercorn") || has("daphne") || has("granian") || has("waitress-serve"))
            return AppResult{App::unknown, "The app runs under a server whose SIGTERM behaviour gonogo does not model "
                                           "(hypercorn, daphne, granian, waitress); check that it drains.",
                             {ev}};
        return std::nullopt;
    };
    for (const auto& cl : start_commands(ctx))
        if (auto r = judge(cl.text, cl.evidence)) return *r;
    // `python main.py` whose __main__ calls uvicorn.run(...) or app.run(...).
    for (const auto* f : code_files(ctx)) {
        if (f->lang != Language::python) continue;
        if (!str::contains(f->text, ".run(")) continue;
        for (const auto& c : sx::calls(*f, sx::root(*f))) {
            if (c.callee == "uvicorn.run")
                return {App::pass_default, "uvicorn.run() serves the app: on SIGTERM Uvicorn stops accepting and waits "
                                           "for in-flight requests (Uvicorn default).",
                        {node_evidence(*f, c.node, "uvicorn.run")}, "Uvicorn"};
            if (c.name == "run" && fw.count("flask") && receiver_root(c.callee) == "app")
                return {App::fail, "The Flask development server (app.run) serves the app: it stops at once on SIGTERM.",
                        {node_evidence(*f, c.node, "werkzeug development server")}};
        }
    }
    std::vector<Evidence> ev;
    for (auto n : {"gunicorn", "uvicorn"})
        if (auto e = dependency_evidence(ctx, n)) ev.push_back(*e);
    return {App::unknown, ev.empty() ? "No start command for the Python server was found (Dockerfile, Procfile, compose, "
                                       "Kubernetes), so its SIGTERM behaviour cannot be told."
                                     : "Gunicorn/Uvicorn is a dependency but no start command shows it serving the "
                                       "app, so its SIGTERM behaviour cannot be confirmed.",
            ev};
}

}  // namespace

namespace {

// Signal handlers in tests or vendored code: listed apart, never deciding.
Outcome with_other_evidence(const ProbeContext& ctx, Outcome o) {
    if (o.status == Status::pass || o.status == Status::na) return o;
    for (const auto* h : ctx.hits("rel.sigterm-handler")) {
        if (ctx.model.files.at(h->file).is_own()) continue;
        o.other_evidence.push_back(ctx.evidence(*h, "signal handler outside the service's own code"));
        if (o.other_evidence.size() >= 5) break;
    }
    return o;
}

Outcome decide(const ProbeContext& ctx);

}  // namespace

Outcome probe_rel_graceful_shutdown(const ProbeContext& ctx) { return with_other_evidence(ctx, decide(ctx)); }

namespace {

Outcome decide(const ProbeContext& ctx) {
    auto fws = server_frameworks(ctx);
    if (!serves_http(ctx) && fws.empty())
        return na("No HTTP server: the service declares no routes and runs no web framework.");
    const auto& kinds = ctx.model.deployment.kinds;
    const bool next = std::find(fws.begin(), fws.end(), "nextjs") != fws.end();
    const bool own_runtime = kinds.count("dockerfile") || kinds.count("compose") || kinds.count("kubernetes") ||
                             kinds.count("helm") || kinds.count("pm2") || kinds.count("systemd") || kinds.count("procfile");
    if (next && !own_runtime && (kinds.count("vercel") || kinds.count("netlify")))
        return na("The Next.js app is deployed on a serverless platform (Vercel/Netlify) that owns the process lifecycle.");

    auto delivery = signal_delivery(ctx);
    AppResult app;
    bool has_js = false, has_go = false;
    for (const auto* f : code_files(ctx)) {
        has_js = has_js || is_js(f->lang);
        has_go = has_go || f->lang == Language::go;
    }
    if (has_go) app = go_app(ctx, delivery.stopsignal_sigint);
    if (app.status == App::none && has_js) app = node_app(ctx, fws, delivery.stopsignal_sigint);
    if (app.status == App::none) app = python_app(ctx);
    if (app.status == App::none) {
        bool serverless = depends_on_any(ctx, {"serverless-http", "@vendia/serverless-express", "@codegenie/serverless-express",
                                               "mangum", "aws-lambda-go", "github.com/aws/aws-lambda-go"});
        if (serverless) return na("The app runs as a serverless function: the platform owns the process lifecycle.");
        app = {App::unknown, "No server start or signal handling was found in code gonogo can read, so graceful "
                             "shutdown cannot be told.",
               {}};
    }

    if (!delivery.problems.empty()) {
        std::vector<Evidence> ev = delivery.evidence;
        std::string msg = fmt::format("SIGTERM may never reach the server: {}.", delivery.problems.front());
        if (app.status == App::fail) {
            msg += " " + app.message;
            ev.insert(ev.end(), app.evidence.begin(), app.evidence.end());
        } else if (app.status == App::pass || app.status == App::pass_default) {
            msg += fmt::format(" Once the signal arrives, {} would drain in-flight requests; start the server with an "
                               "exec-form CMD (a JSON array naming the server itself) or behind an init such as tini.",
                               app.what.empty() ? std::string("the app's own SIGTERM handling") : app.what);
        } else {
            msg += " Start the server with an exec-form CMD (or behind tini) and close it in a SIGTERM handler.";
        }
        return fail(msg, ev);
    }
    switch (app.status) {
        case App::pass: return pass(app.message, app.evidence);
        case App::pass_default: {
            auto o = pass(app.message, app.evidence);
            o.relied_on_default = true;
            return o;
        }
        case App::fail: return fail(app.message, app.evidence);
        default: return unknown(app.message, app.evidence);
    }
}

}  // namespace

}  // namespace gonogo::checks
