// Probe rel.supervisor_restart (REL-06): does a supervisor restart the process
// when it crashes? Kubernetes controllers, compose `restart:`, PM2 autorestart,
// systemd `Restart=`, or a PaaS that restarts instances by default.
#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/reliability/deploy_probes.hpp"
#include "checks/reliability/health_util.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

void judge_kubernetes(const Runtime& rt, Tally& t) {
    for (const auto* w : rt.every_workload) {
        if (w->kind == "Job" || w->kind == "CronJob") continue;
        const YAML::Node pod = pod_spec_of(*w);
        auto policy = scalar(pod ? y(pod, "restartPolicy") : YAML::Node());
        if (policy && *policy != "Always") {
            t.fail(fmt::format("{} {} sets restartPolicy: {}: a crashed container is not restarted.", w->kind, w->name, *policy),
                   w->evidence(y(pod, "restartPolicy"), "restartPolicy"));
            continue;
        }
        if (is_knative_service(*w)) {
            t.pass(fmt::format("Knative/Cloud Run Service {} restarts crashed instances (platform default).", w->name),
                   w->evidence(y(w->doc, "kind"), "Knative Service"), true);
            continue;
        }
        if (w->kind == "Pod") {
            t.pass(fmt::format("Pod {} restarts its containers (restartPolicy Always), but a bare Pod is not rescheduled "
                               "when its node fails: prefer a Deployment.", w->name),
                   w->evidence(y(w->doc, "kind"), "bare Pod"), true);
            continue;
        }
        t.pass(fmt::format("Kubernetes restarts crashed containers of {} {} (restartPolicy Always, the default for {}s).",
                           w->kind, w->name, w->kind),
               w->evidence(y(w->doc, "kind"), "workload controller restarts its pods"), !policy.has_value());
    }
}

bool good_restart(std::string_view v) {
    auto s = str::lower(str::trim(v));
    return s == "always" || s == "unless-stopped" || str::starts_with(s, "on-failure");
}

// True when a command runs PM2 in the foreground (pm2-runtime, pm2-docker, `pm2 start ... --no-daemon`),
// directly or through the package.json script it names (npm start, yarn start, npm run X, yarn X).
bool runs_pm2_foreground(const ProbeContext& ctx, const std::vector<std::string>& words, int depth = 0) {
    bool pm2 = false, no_daemon = false;
    for (const auto& w : words) {
        if (w == "pm2-runtime" || w == "pm2-docker") return true;
        if (w == "pm2" || str::ends_with(w, "/pm2")) pm2 = true;
        if (w == "--no-daemon") no_daemon = true;
    }
    if (pm2 && no_daemon) return true;
    if (depth > 2) return false;
    // npm start / yarn start / pnpm start / npm run X / yarn X
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] != "npm" && words[i] != "yarn" && words[i] != "pnpm") continue;
        std::string script = words[i + 1];
        if ((script == "run" || script == "run-script") && i + 2 < words.size()) script = words[i + 2];
        auto body = health::npm_script(ctx, script);
        return body && runs_pm2_foreground(ctx, shell_words(body->command), depth + 1);
    }
    return false;
}

// The command a compose service runs: its own `command:`, or that of the same service in another
// (override) compose file such as docker-compose.prod.yml.
std::vector<std::string> compose_command(const ProbeContext& ctx, const ComposeSvc& s) {
    auto words = command_words(y(s.node, "command"));
    if (!words.empty()) return words;
    for (const auto& other : compose_all(ctx)) {
        if (other.dev || other.name != s.name || other.file == s.file) continue;
        words = command_words(y(other.node, "command"));
        if (!words.empty()) return words;
    }
    return {};
}

void judge_compose(const ProbeContext& ctx, const Runtime& rt, Tally& t) {
    for (const auto& s : rt.compose) {
        const YAML::Node& n = s.node;
        auto restart = scalar(y(n, "restart"));
        auto condition = scalar(y(n, "deploy", "restart_policy", "condition"));
        if (restart && good_restart(*restart)) {
            auto line = s.key_line("restart");
            t.pass(fmt::format("Compose service {} restarts on exit (restart: {}).", s.name, *restart),
                   line_evidence(*s.file, line ? line : s.line(), "restart policy"));
            continue;
        }
        if (condition && (*condition == "any" || *condition == "on-failure")) {
            auto line = s.key_line("deploy");
            t.pass(fmt::format("Compose service {} restarts on exit (deploy.restart_policy.condition: {}).", s.name, *condition),
                   line_evidence(*s.file, line ? line : s.line(), "restart policy"));
            continue;
        }
        if (restart) {
            auto line = s.key_line("restart");
            t.fail(fmt::format("Compose service {} has restart: {}: after a crash it stays down until someone restarts it; "
                               "use restart: unless-stopped.", s.name, *restart),
                   line_evidence(*s.file, line ? line : s.line(), "restart policy"));
            continue;
        }
        if (!restart && runs_pm2_foreground(ctx, compose_command(ctx, s))) {
            t.pass(fmt::format("Compose service {} runs the app under PM2 in the foreground, which restarts it when it exits; "
                               "the container itself has no restart policy, so a PM2 crash or a host reboot leaves it down: "
                               "add restart: unless-stopped.",
                               s.name),
                   s.evidence("PM2 supervises the app inside the container"));
            continue;
        }
        t.fail(fmt::format("Compose service {} has no restart policy (the default is \"no\"): after a crash it stays down "
                           "until someone restarts it; add restart: unless-stopped.", s.name),
               s.evidence("service without restart:"));
    }
}

void judge_pm2(const Runtime& rt, Tally& t) {
    for (const auto& a : rt.pm2) {
        std::string name = a.name.empty() ? "app" : a.name;
        if (a.autorestart == false) {
            t.fail(fmt::format("PM2 app {} sets autorestart: false: a crashed process stays down.", name),
                   line_evidence(*a.file, a.autorestart_line ? a.autorestart_line : a.line, "autorestart: false"));
            continue;
        }
        t.pass(fmt::format("PM2 restarts app {} when it exits (autorestart{}); make PM2 itself start at boot (pm2 startup).",
                           name, a.autorestart ? ": true" : " is on by default"),
               line_evidence(*a.file, a.autorestart_line ? a.autorestart_line : a.line, "PM2 app"), !a.autorestart.has_value());
    }
}

void judge_systemd(const Runtime& rt, Tally& t) {
    for (const auto& u : rt.systemd) {
        auto r = u.restart;
        if (r == "always" || r == "on-failure" || r == "on-abnormal" || r == "on-abort" || r == "on-watchdog") {
            t.pass(fmt::format("systemd unit {} restarts the service (Restart={}).", base_of(u.file->path), r),
                   line_evidence(*u.file, u.restart_line, "Restart="));
            continue;
        }
        if (!r.empty()) {
            t.fail(fmt::format("systemd unit {} sets Restart={}: a crashed process is not restarted; use Restart=on-failure.",
                               base_of(u.file->path), r),
                   line_evidence(*u.file, u.restart_line, "Restart="));
            continue;
        }
        t.fail(fmt::format("systemd unit {} has no Restart= (the default is no): a crashed process is not restarted; add "
                           "Restart=on-failure.", base_of(u.file->path)),
               line_evidence(*u.file, u.service_line, "[Service] without Restart="));
    }
}

void judge_platforms(const Runtime& rt, Tally& t) {
    for (const auto& p : rt.platform) {
        std::string what = p.kind == PlatformKind::vercel || p.kind == PlatformKind::netlify
                               ? "runs the service as serverless functions: each invocation gets a fresh instance"
                               : "restarts crashed instances";
        t.pass(fmt::format("{} {} (platform default, {}).", p.label(), what, p.file->path),
               platform_evidence(p, "platform config"), true);
    }
}

}  // namespace

Outcome probe_rel_supervisor_restart(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    switch (rt.primary) {
        case Mechanism::kubernetes: judge_kubernetes(rt, t); break;
        case Mechanism::platform: judge_platforms(rt, t); break;
        case Mechanism::compose: judge_compose(ctx, rt, t); break;
        case Mechanism::pm2: judge_pm2(rt, t); break;
        case Mechanism::systemd: judge_systemd(rt, t); break;
        case Mechanism::dockerfile_only: {
            // pm2-runtime as the container's command supervises the app inside the container.
            for (const auto& c : pm2_commands(ctx))
                if (c.verb == "runtime" && c.file->lang == collect::Language::dockerfile)
                    t.pass("The container runs the app under pm2-runtime, which restarts it when it exits.",
                           line_evidence(*c.file, c.line, "pm2-runtime"), true);
            break;
        }
        case Mechanism::none: break;
    }
    if (t.empty()) return undecided(ctx, rt, "whether anything restarts a crashed process");
    if (!rt.shadowed.empty()) t.note(rt.shadowed);
    return t.outcome("");
}

}  // namespace gonogo::checks
