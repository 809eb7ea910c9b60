// Probe dr.redis_persistence (DR-04): when Redis holds state (sessions, job
// queues, streams), does the Redis server persist it (AOF or RDB) to a volume
// that outlives the container? Reads compose/Kubernetes/Helm/Terraform config.
#include <fmt/format.h>

#include "checks/disaster_recovery/deploy_probes.hpp"
#include "checks/operations/deploy_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;
using collect::File;

constexpr std::string_view k_clients[] = {
    "redis", "ioredis", "@redis/client", "@upstash/redis", "bullmq", "bull", "bee-queue", "connect-redis", "redis-om",
    "github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/go-redis/redis", "github.com/gomodule/redigo",
    "github.com/hibiken/asynq", "aioredis", "django-redis", "rq", "django-rq", "arq", "flask-session", "celery", "huey"};

// Dependencies whose presence means Redis keeps state that must survive a restart.
struct StateDep {
    std::string_view name;
    std::string_view what;
};
constexpr StateDep k_state[] = {
    {"bullmq", "BullMQ job queues"}, {"bull", "Bull job queues"}, {"bee-queue", "Bee-Queue jobs"},
    {"connect-redis", "sessions (connect-redis)"}, {"redis-om", "Redis OM documents"},
    {"github.com/hibiken/asynq", "asynq task queues"}, {"github.com/gocraft/work", "gocraft/work jobs"},
    {"github.com/rbcervilla/redisstore/v9", "sessions (redisstore)"}, {"gopkg.in/boj/redistore.v1", "sessions (redistore)"},
    {"github.com/alexedwards/scs/redisstore", "sessions (scs redisstore)"}, {"rq", "RQ job queues"},
    {"django-rq", "RQ job queues"}, {"arq", "arq job queues"}, {"celery", "the Celery broker's task queue"},
    {"huey", "Huey task queues"}, {"dramatiq", "Dramatiq task queues"}, {"flask-session", "server-side sessions"}};

bool uses_redis(const ProbeContext& ctx) {
    if (ctx.svc().datastores.count("redis")) return true;
    for (const auto& d : ctx.svc().dependencies)
        for (auto c : k_clients)
            if (d.name == c || (c.find('/') != std::string_view::npos && str::starts_with(d.name, c))) return true;
    return false;
}

bool is_redis_image(std::string_view image) {
    auto ref = parse_image(str::lower(image));
    auto name = base_of(ref.repository);
    return name == "redis" || name == "redis-stack" || name == "redis-stack-server" || name == "valkey" ||
           name == "keydb" || str::contains(ref.repository, "bitnami/redis") || str::contains(ref.repository, "bitnami/valkey");
}

bool is_bitnami(std::string_view image) { return str::contains(str::lower(image), "bitnami/"); }

struct RedisConfig {
    std::optional<bool> aof, rdb;
    std::string dir;
    std::string config_path;  // redis.conf path inside the container
    std::optional<Evidence> setting;  // where the decisive setting was read
};

void read_words(const std::vector<std::string>& w, RedisConfig& cfg) {
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto& x = w[i];
        auto next = i + 1 < w.size() ? w[i + 1] : std::string("--");
        if (x == "--appendonly") cfg.aof = str::lower(next) == "yes";
        else if (x == "--save") cfg.rdb = !(next.empty() || next == "\"\"" || next == "''" || str::starts_with(next, "--"));
        else if (x == "--dir") cfg.dir = next;
        else if (cfg.config_path.empty() && !str::starts_with(x, "-") && str::ends_with(x, ".conf")) cfg.config_path = x;
    }
}

// redis.conf directives; `ev(n)` makes evidence for line n of the text.
template <class MakeEvidence>
void read_conf(std::string_view text, RedisConfig& cfg, MakeEvidence ev) {
    std::size_t n = 0;
    for (auto raw : str::split(text, '\n')) {
        ++n;
        auto t = str::trim(raw);
        if (t.empty() || t[0] == '#') continue;
        auto words = shell_words(t);
        if (words.empty()) continue;
        auto key = str::lower(words[0]);
        if (key == "appendonly" && words.size() > 1) {
            cfg.aof = str::lower(words[1]) == "yes";
            cfg.setting = ev(n);
        } else if (key == "save") {
            cfg.rdb = !(words.size() < 2 || words[1].empty());
            if (!cfg.aof) cfg.setting = ev(n);
        } else if (key == "dir" && words.size() > 1) {
            cfg.dir = words[1];
        }
    }
}

struct Verdict {
    std::string server;
    bool persistent_volume = false;
    std::string volume_note;
    Evidence where;
};

void decide(Tally& t, const RedisConfig& cfg, const Verdict& v, bool config_missing, const std::vector<Evidence>& state_ev) {
    if (config_missing) {
        t.unknown(fmt::format("{} loads {}, which is not in the repository, so its persistence settings are not visible.",
                              v.server, cfg.config_path),
                  v.where);
        return;
    }
    bool aof = cfg.aof.value_or(false);
    bool rdb = cfg.rdb.value_or(true);  // redis-server snapshots by default (save 3600 1 300 100 60 10000)
    if (!aof && !rdb) {
        t.fail(fmt::format("{} has persistence turned off (no AOF, save \"\"): a restart loses {}.", v.server,
                           "everything it holds"),
               cfg.setting ? *cfg.setting : v.where);
        for (const auto& e : state_ev) t.fail_ev.push_back(e);
        return;
    }
    if (!v.persistent_volume) {
        t.fail(fmt::format("{} writes its {} to {} inside the container with no persistent volume{}: recreating the container "
                           "loses the data.",
                           v.server, aof ? "append-only file" : "snapshots", cfg.dir.empty() ? "/data" : cfg.dir, v.volume_note),
               v.where);
        for (const auto& e : state_ev) t.fail_ev.push_back(e);
        return;
    }
    bool by_default = !cfg.aof && !cfg.rdb;
    std::string how = aof ? "AOF (appendonly yes)" : by_default ? "RDB snapshots (Redis's default save points)" : "RDB snapshots";
    t.pass(fmt::format("{} persists with {} to a persistent volume{}.", v.server, how,
                       aof ? "" : "; consider appendonly yes so at most a second of writes is lost"),
           cfg.setting ? *cfg.setting : v.where, by_default);
}

std::string data_dir(const RedisConfig& cfg, std::string_view image) {
    if (!cfg.dir.empty()) return cfg.dir;
    if (is_bitnami(image)) return "/bitnami/redis/data";
    return "/data";
}

bool covers(std::string_view target, std::string_view dir) {
    std::string t(target);
    while (t.size() > 1 && t.back() == '/') t.pop_back();
    return dir == t || str::starts_with(dir, t + "/");
}

void judge_compose(const ProbeContext& ctx, const ComposeSvc& s, Tally& t, const std::vector<Evidence>& state_ev) {
    RedisConfig cfg;
    if (is_bitnami(s.image)) cfg.aof = true;  // bitnami images enable AOF unless REDIS_AOF_ENABLED=no
    const YAML::Node env = y(s.node, "environment");
    auto env_value = [&](std::string_view key) -> std::optional<std::string> {
        if (env.IsMap()) return scalar(yget(env, key));
        if (env.IsSequence())
            for (const auto& e : env)
                if (auto v = scalar(e); v && str::starts_with(*v, std::string(key) + "=")) return v->substr(key.size() + 1);
        return std::nullopt;
    };
    if (auto aof = env_value("REDIS_AOF_ENABLED")) cfg.aof = str::lower(*aof) == "yes";
    auto cmd = command_words(y(s.node, "command"));
    if (auto args = env_value("REDIS_ARGS")) {
        auto more = shell_words(*args);
        cmd.insert(cmd.end(), more.begin(), more.end());
    }
    read_words(cmd, cfg);
    if (auto l = s.key_line("command"); l && (cfg.aof || cfg.rdb)) cfg.setting = line_evidence(*s.file, l, "redis-server flags");
    // Volumes: the config file mapping and the data directory.
    bool config_missing = false;
    const YAML::Node vols = y(s.node, "volumes");
    struct Mount {
        std::string source, target;
        bool tmpfs = false;
    };
    std::vector<Mount> mounts;
    if (vols && vols.IsSequence())
        for (const auto& v : vols) {
            if (auto sv = scalar(v)) {
                auto parts = str::split(*sv, ':');
                if (parts.size() == 1) mounts.push_back({"", std::string(parts[0]), false});
                else mounts.push_back({std::string(parts[0]), std::string(parts[1]), false});
            } else if (v.IsMap()) {
                mounts.push_back({scalar(y(v, "source")).value_or(""), scalar(y(v, "target")).value_or(""),
                                  scalar(y(v, "type")) == "tmpfs"});
            }
        }
    if (!cfg.config_path.empty()) {
        const File* conf = nullptr;
        for (const auto& m : mounts) {
            if (m.source.empty()) continue;
            std::string host;
            if (m.target == cfg.config_path) host = join_path(dir_of(s.file->path), m.source);
            else if (covers(m.target, cfg.config_path))
                host = join_path(join_path(dir_of(s.file->path), m.source), cfg.config_path.substr(m.target.size()));
            if (!host.empty()) conf = ctx.model.file(host);
            if (conf) break;
        }
        if (!conf)
            for (const auto* f : ctx.files())
                if (f->kept && f->is_own() && base_of(f->path) == base_of(cfg.config_path)) conf = f;
        if (conf && conf->kept) {
            RedisConfig file_cfg;
            read_conf(conf->text, file_cfg, [&](std::size_t n) { return line_evidence(*conf, n, "redis.conf"); });
            // Command-line flags override the file.
            if (!cfg.aof) cfg.aof = file_cfg.aof;
            if (!cfg.rdb) cfg.rdb = file_cfg.rdb;
            if (cfg.dir.empty()) cfg.dir = file_cfg.dir;
            if (!cfg.setting) cfg.setting = file_cfg.setting;
        } else {
            config_missing = true;
        }
    }
    Verdict v;
    v.server = fmt::format("Compose service {} ({})", s.name, s.image);
    v.where = s.evidence("Redis server");
    auto dir = data_dir(cfg, s.image);
    for (const auto& m : mounts) {
        if (!covers(m.target, dir)) continue;
        if (m.tmpfs) v.volume_note = " (tmpfs)";
        else if (m.source.empty()) v.volume_note = " (an anonymous volume, dropped by docker compose down)";
        else {
            v.persistent_volume = true;
            auto l = s.key_line("volumes");
            if (!cfg.setting && l) v.where = line_evidence(*s.file, l, "data volume");
        }
    }
    decide(t, cfg, v, config_missing, state_ev);
}

void judge_k8s(const Runtime& rt, const KObj& w, const YAML::Node& c, Tally& t, const std::vector<Evidence>& state_ev) {
    RedisConfig cfg;
    auto image = scalar(y(c, "image")).value_or("");
    if (is_bitnami(image)) cfg.aof = true;
    auto words = command_words(y(c, "command"));
    auto args = command_words(y(c, "args"));
    words.insert(words.end(), args.begin(), args.end());
    read_words(words, cfg);
    if (cfg.aof || cfg.rdb) cfg.setting = w.evidence(y(c, "args") ? y(c, "args") : y(c, "command"), "redis-server flags");
    bool config_missing = false;
    if (!cfg.config_path.empty()) {
        bool found = false;
        auto key = base_of(cfg.config_path);
        for (const auto& o : rt.kube.objects) {
            if (o.kind != "ConfigMap") continue;
            auto text = scalar(y(o.doc, "data", key));
            if (!text) continue;
            found = true;
            RedisConfig file_cfg;
            auto base = o.line_of(y(o.doc, "data", key));
            read_conf(*text, file_cfg, [&](std::size_t n) { return line_evidence(*o.file, base + n, "redis.conf in ConfigMap"); });
            if (!cfg.aof) cfg.aof = file_cfg.aof;
            if (!cfg.rdb) cfg.rdb = file_cfg.rdb;
            if (cfg.dir.empty()) cfg.dir = file_cfg.dir;
            if (!cfg.setting) cfg.setting = file_cfg.setting;
            break;
        }
        config_missing = !found;
    }
    Verdict v;
    v.server = fmt::format("{} {} ({})", w.kind, w.name, image);
    v.where = w.evidence(y(c, "image"), "Redis server");
    auto dir = data_dir(cfg, image);
    const YAML::Node pod = pod_spec_of(w);
    const YAML::Node mounts = y(c, "volumeMounts");
    if (mounts && mounts.IsSequence())
        for (const auto& m : mounts) {
            auto path = scalar(y(m, "mountPath"));
            auto name = scalar(y(m, "name"));
            if (!path || !name || !covers(*path, dir)) continue;
            bool claim = false;
            const YAML::Node tpl = y(w.doc, "spec", "volumeClaimTemplates");
            if (tpl && tpl.IsSequence())
                for (const auto& vc : tpl)
                    if (scalar(y(vc, "metadata", "name")) == *name) claim = true;
            const YAML::Node vols = y(pod, "volumes");
            if (vols && vols.IsSequence())
                for (const auto& vol : vols) {
                    if (scalar(y(vol, "name")) != *name) continue;
                    if (y(vol, "persistentVolumeClaim") || y(vol, "hostPath")) claim = true;
                    if (y(vol, "emptyDir")) v.volume_note = " (an emptyDir, deleted with the pod)";
                }
            if (claim) {
                v.persistent_volume = true;
                if (!cfg.setting) v.where = w.evidence(m, "data volume");
            }
        }
    decide(t, cfg, v, config_missing, state_ev);
}

// Redis as a dependency of a Helm chart (bitnami/redis): AOF and a PVC are on by default.
void judge_helm_dependency(const ProbeContext& ctx, Tally& t, bool& found) {
    for (const auto* f : ctx.files()) {
        if (!f->kept || !f->is_own() || base_of(f->path) != "Chart.yaml" || f->yaml.empty()) continue;
        const YAML::Node deps = y(f->yaml.front(), "dependencies");
        if (!deps || !deps.IsSequence()) continue;
        for (const auto& d : deps) {
            auto name = scalar(y(d, "name"));
            if (!name || (*name != "redis" && *name != "valkey")) continue;
            auto alias = scalar(y(d, "alias")).value_or(*name);
            const File* vf = ctx.model.file(dir_of(f->path).empty() ? "values.yaml" : dir_of(f->path) + "/values.yaml");
            const YAML::Node values = vf && !vf->yaml.empty() ? y(vf->yaml.front(), alias) : YAML::Node();
            if (boolean(y(values, "enabled")) == false) continue;
            found = true;
            const YAML::Node p = y(values, "master", "persistence", "enabled");
            if (boolean(p) == false) {
                t.fail(fmt::format("Helm dependency {} has master.persistence.enabled: false: its data lives in an emptyDir and "
                                   "is lost with the pod.", alias),
                       line_evidence(*vf, line_of(*vf, "persistence:"), "persistence disabled"));
                continue;
            }
            t.pass(fmt::format("Helm dependency {} (bitnami chart) persists with AOF to a PersistentVolumeClaim (chart "
                               "defaults).", alias),
                   line_evidence(*f, line_of(*f, "name: " + *name), "Redis chart dependency"), !p);
        }
    }
}

// Managed Redis declared in Terraform (the .tf text is seen through scanner hits only).
void judge_terraform(const ProbeContext& ctx, Tally& t, bool& found) {
    auto resources = ctx.hits("dr.tf-redis");
    if (resources.empty()) return;
    auto settings = ctx.hits("dr.tf-redis-persistence");
    for (const auto* r : resources) {
        found = true;
        const auto& m = r->match;
        std::optional<bool> ok;
        const collect::Hit* decisive = nullptr;
        for (const auto* s : settings) {
            if (s->file != r->file) continue;
            const auto& x = s->match;
            if (str::contains(x, "snapshot_retention_limit")) {
                auto eq = x.find('=');
                auto v = eq == std::string::npos ? 0 : std::atoi(x.substr(eq + 1).c_str());
                ok = v > 0;
            } else if (str::contains(x, "rdb_backup_enabled")) {
                ok = str::contains(x, "true");
            } else if (str::contains(x, "persistence_mode")) {
                ok = !str::contains(x, "DISABLED");
            }
            decisive = s;
        }
        bool durable_by_design = str::contains(m, "aws_memorydb_cluster") || str::contains(m, "upstash_redis_database");
        if (durable_by_design && !ok) {
            t.pass("Managed Redis (" + std::string(str::contains(m, "memorydb") ? "MemoryDB" : "Upstash") +
                       ") keeps data durable by design.",
                   ctx.evidence(*r, "managed Redis"), true);
            continue;
        }
        if (ok == true) {
            t.pass("Managed Redis keeps snapshots/backups (" + std::string(str::trim(decisive->match)) + ").",
                   ctx.evidence(*decisive, "persistence setting"));
        } else if (ok == false) {
            t.fail("Managed Redis has snapshots turned off (" + std::string(str::trim(decisive->match)) + "): a node "
                   "replacement loses its data.",
                   ctx.evidence(*decisive, "persistence setting"));
        } else {
            t.fail("Managed Redis is declared without snapshots or backups (ElastiCache snapshot_retention_limit defaults to 0, "
                   "Memorystore persistence is off by default): a node replacement loses its data.",
                   ctx.evidence(*r, "managed Redis without persistence"));
        }
    }
}

std::vector<Evidence> code_state_evidence(const ProbeContext& ctx, std::string& what) {
    std::vector<Evidence> out;
    namespace sx = collect::syntax;
    for (const auto* h : ctx.hits("dr.redis-queue-op")) {
        const auto& f = ctx.model.file_at(h->file);
        if (!f.tree || !f.is_own()) continue;
        TSNode n = sx::node_at(f, h->begin, h->end);
        // Climb to the call that the method belongs to.
        for (int i = 0; i < 6 && !ts_node_is_null(n); ++i) {
            auto ty = sx::type(n);
            if (ty == "call_expression" || ty == "call") break;
            n = ts_node_parent(n);
        }
        if (ts_node_is_null(n)) continue;
        auto ty = sx::type(n);
        if (ty != "call_expression" && ty != "call") continue;
        auto calls = sx::calls(f, n);
        if (calls.empty()) continue;
        auto name = str::lower(calls.front().name);
        if (name != "xadd" && name != "lpush" && name != "rpush" && name != "blpop" && name != "brpop" && name != "xreadgroup")
            continue;
        if (what.empty()) what = fmt::format("a queue or stream ({} in {})", calls.front().name, f.path);
        out.push_back(node_evidence(f, n, "Redis used as a queue/stream"));
        if (out.size() >= 3) break;
    }
    return out;
}

}  // namespace

Outcome probe_dr_redis_persistence(const ProbeContext& ctx) {
    if (!uses_redis(ctx)) return na("The service does not use Redis.");
    // Does Redis hold state?
    std::vector<Evidence> state_ev;
    std::string what;
    for (const auto& s : k_state) {
        bool has = false;
        for (const auto& d : ctx.svc().dependencies)
            if (d.name == s.name && !d.dev) has = true;
        if (!has) continue;
        if (what.empty()) what = std::string(s.what);
        if (auto e = dependency_evidence(ctx, s.name)) state_ev.push_back(*e);
    }
    auto code_ev = code_state_evidence(ctx, what);
    state_ev.insert(state_ev.end(), code_ev.begin(), code_ev.end());
    if (what.empty())
        return na("Redis is used as a cache only (no session store, job queue or stream in the dependencies or code), so "
                  "losing it on restart costs warm-up time, not data.");

    const auto& rt = runtime_of(ctx);
    Tally t;
    bool found = false;
    // Kubernetes Redis workloads.
    for (const auto* w : rt.every_workload)
        for (const auto& c : containers_of(pod_spec_of(*w)))
            if (auto img = scalar(y(c, "image")); img && is_redis_image(*img)) {
                found = true;
                judge_k8s(rt, *w, c, t, state_ev);
            }
    judge_helm_dependency(ctx, t, found);
    // Compose Redis services count unless Kubernetes/PaaS configs define the deployment.
    if (rt.primary != Mechanism::kubernetes && rt.primary != Mechanism::platform)
        for (const auto& s : rt.compose_every)
            if (!s.builds && is_redis_image(s.image)) {
                found = true;
                judge_compose(ctx, s, t, state_ev);
            }
    judge_terraform(ctx, t, found);
    if (!found)
        return unknown(fmt::format("Redis holds state ({}), but no Redis server is defined in the repository (a managed "
                                   "service?): confirm that it persists (AOF/RDB or the provider's snapshots) and is backed up.",
                                   what),
                       state_ev);
    t.note(fmt::format("Redis holds {}.", what));
    return t.outcome("");
}

}  // namespace gonogo::checks
