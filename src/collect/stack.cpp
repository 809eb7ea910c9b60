// Stack detection (see stack.hpp). Dependencies come from the manifests'
// parsed structure (package.json through nlohmann-json, pyproject.toml through
// toml++ as JSON); go.mod and requirements.txt are line formats read here by
// hand because only their dependency lists are needed.
#include "collect/stack.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "util/strings.hpp"

namespace gonogo::collect {
namespace {

std::string dir_of(std::string_view path) {
    auto s = path.rfind('/');
    return s == std::string_view::npos ? std::string{} : std::string(path.substr(0, s));
}
std::string base_of(std::string_view path) {
    auto s = path.rfind('/');
    return std::string(s == std::string_view::npos ? path : path.substr(s + 1));
}

struct Manifest {
    std::string dir;
    std::string name;
    std::vector<Dependency> deps;
    bool workspace_root = false;
};

void npm_deps(const File& f, Manifest& m) {
    if (!f.json || !f.json->is_object()) return;
    const auto& j = *f.json;
    if (j.contains("name") && j["name"].is_string()) m.name = j["name"].get<std::string>();
    if (j.contains("workspaces")) m.workspace_root = true;
    for (auto [key, dev] : {std::pair{"dependencies", false}, {"devDependencies", true}, {"peerDependencies", false},
                            {"optionalDependencies", false}}) {
        if (!j.contains(key) || !j[key].is_object()) continue;
        for (auto it = j[key].begin(); it != j[key].end(); ++it)
            m.deps.push_back({it.key(), it.value().is_string() ? it.value().get<std::string>() : "", "npm", f.path, dev});
    }
}

void go_deps(const File& f, Manifest& m) {
    bool in_block = false;
    for (auto raw : str::split(f.text, '\n')) {
        auto line = str::trim(raw);
        if (str::starts_with(line, "module ")) m.name = std::string(str::trim(line.substr(7)));
        if (str::starts_with(line, "require (")) { in_block = true; continue; }
        if (in_block && line == ")") { in_block = false; continue; }
        std::string_view spec;
        if (in_block) spec = line;
        else if (str::starts_with(line, "require ")) spec = str::trim(line.substr(8));
        else continue;
        if (spec.empty() || str::starts_with(spec, "//")) continue;
        auto parts = str::split(spec, ' ');
        m.deps.push_back({std::string(parts[0]), parts.size() > 1 ? std::string(parts[1]) : "", "go", f.path,
                          str::contains(spec, "// indirect")});
    }
}

std::string py_name(std::string_view spec) {
    std::size_t i = 0;
    while (i < spec.size() && (std::isalnum(static_cast<unsigned char>(spec[i])) || spec[i] == '-' || spec[i] == '_' || spec[i] == '.'))
        ++i;
    return str::lower(spec.substr(0, i));
}

void py_requirements(const File& f, Manifest& m) {
    for (auto raw : str::split(f.text, '\n')) {
        auto line = str::trim(raw);
        if (line.empty() || line[0] == '#' || line[0] == '-') continue;
        auto n = py_name(line);
        if (!n.empty()) m.deps.push_back({n, std::string(line.substr(n.size())), "pypi", f.path, str::contains(f.path, "dev")});
    }
}

// pyproject.toml, parsed by collect/toml: PEP 621 [project] name and dependencies, PEP 735
// [dependency-groups] (development), and Poetry's [tool.poetry] dependencies, dev-dependencies and
// groups. A malformed file has no document (the model reports it) and adds nothing.
void py_pyproject(const File& f, Manifest& m) {
    if (!f.json || !f.json->is_object()) return;
    const auto& doc = *f.json;
    auto at = [](const nlohmann::json& j, std::initializer_list<const char*> keys) -> const nlohmann::json* {
        const nlohmann::json* cur = &j;
        for (const char* k : keys) {
            if (!cur->is_object()) return nullptr;
            auto it = cur->find(k);
            if (it == cur->end()) return nullptr;
            cur = &*it;
        }
        return cur;
    };
    auto specs = [&](const nlohmann::json* list, bool dev) {
        if (!list || !list->is_array()) return;
        for (const auto& d : *list) {
            if (!d.is_string()) continue;  // PEP 735 {include-group = ...} entries
            auto spec = str::trim(d.get_ref<const std::string&>());
            auto n = py_name(spec);
            if (!n.empty()) m.deps.push_back({n, std::string(str::trim(spec.substr(n.size()))), "pypi", f.path, dev});
        }
    };
    auto poetry = [&](const nlohmann::json* table, bool dev) {
        if (!table || !table->is_object()) return;
        for (auto it = table->begin(); it != table->end(); ++it) {
            auto n = str::lower(it.key());
            if (n == "python") continue;
            std::string version = it.value().is_string() ? it.value().get<std::string>() : std::string();
            m.deps.push_back({n, version, "pypi", f.path, dev});
        }
    };
    if (const auto* name = at(doc, {"project", "name"}); name && name->is_string()) m.name = name->get<std::string>();
    specs(at(doc, {"project", "dependencies"}), false);
    if (const auto* groups = at(doc, {"dependency-groups"}); groups && groups->is_object())
        for (const auto& [group, list] : groups->items()) specs(&list, true);
    if (const auto* name = at(doc, {"tool", "poetry", "name"}); name && name->is_string() && m.name.empty())
        m.name = name->get<std::string>();
    poetry(at(doc, {"tool", "poetry", "dependencies"}), false);
    poetry(at(doc, {"tool", "poetry", "dev-dependencies"}), true);
    if (const auto* groups = at(doc, {"tool", "poetry", "group"}); groups && groups->is_object())
        for (const auto& [group, body] : groups->items()) poetry(at(body, {"dependencies"}), true);
}

struct Rule { std::string_view dep; std::string_view key; };
constexpr Rule k_frameworks[] = {
    {"next", "nextjs"}, {"express", "express"}, {"@nestjs/core", "nestjs"}, {"fastify", "fastify"}, {"koa", "koa"},
    {"hono", "hono"}, {"github.com/gin-gonic/gin", "gin"}, {"github.com/labstack/echo/v4", "echo"},
    {"github.com/labstack/echo", "echo"}, {"github.com/go-chi/chi/v5", "chi"}, {"github.com/go-chi/chi", "chi"},
    {"github.com/julienschmidt/httprouter", "httprouter"}, {"github.com/gofiber/fiber/v2", "fiber"},
    {"fastapi", "fastapi"}, {"django", "django"}, {"flask", "flask"}, {"starlette", "starlette"}};
constexpr Rule k_datastores[] = {
    {"pg", "postgres"}, {"postgres", "postgres"}, {"@prisma/client", "prisma"}, {"prisma", "prisma"},
    {"typeorm", "typeorm"}, {"sequelize", "sequelize"}, {"mongoose", "mongodb"}, {"mongodb", "mongodb"},
    {"redis", "redis"}, {"ioredis", "redis"}, {"mysql2", "mysql"}, {"mysql", "mysql"}, {"knex", "knex"},
    {"drizzle-orm", "drizzle"}, {"sqlalchemy", "sqlalchemy"}, {"psycopg2", "postgres"}, {"psycopg2-binary", "postgres"},
    {"psycopg", "postgres"}, {"asyncpg", "postgres"}, {"pymongo", "mongodb"}, {"gorm.io/gorm", "gorm"},
    {"github.com/jmoiron/sqlx", "sqlx"}, {"github.com/lib/pq", "postgres"}, {"github.com/jackc/pgx/v5", "postgres"},
    {"github.com/jackc/pgx/v4", "postgres"}, {"github.com/redis/go-redis/v9", "redis"},
    {"github.com/go-redis/redis/v8", "redis"}, {"go.mongodb.org/mongo-driver", "mongodb"}, {"sqlite3", "sqlite"},
    {"better-sqlite3", "sqlite"},
    // Database drivers that name the engine: Go (database/sql drivers, GORM dialects, other client majors),
    // Python and Node.
    {"github.com/go-sql-driver/mysql", "mysql"}, {"github.com/mattn/go-sqlite3", "sqlite"}, {"modernc.org/sqlite", "sqlite"},
    {"github.com/jackc/pgx", "postgres"}, {"github.com/redis/go-redis", "redis"}, {"github.com/go-redis/redis", "redis"},
    {"gorm.io/driver/mysql", "mysql"}, {"gorm.io/driver/postgres", "postgres"}, {"gorm.io/driver/sqlite", "sqlite"},
    {"github.com/jinzhu/gorm", "gorm"}, {"pymysql", "mysql"}, {"mysqlclient", "mysql"}, {"mysql-connector-python", "mysql"},
    {"aiomysql", "mysql"}, {"motor", "mongodb"}, {"mariadb", "mysql"}, {"flask-sqlalchemy", "sqlalchemy"}};
constexpr Rule k_providers[] = {
    {"stripe", "stripe"}, {"github.com/stripe/stripe-go/v76", "stripe"}, {"@sendgrid/mail", "sendgrid"},
    {"sendgrid", "sendgrid"}, {"nodemailer", "nodemailer"}, {"@aws-sdk/client-ses", "ses"}, {"resend", "resend"},
    {"@sentry/node", "sentry"}, {"@sentry/nextjs", "sentry"}, {"@sentry/react", "sentry"}, {"sentry-sdk", "sentry"},
    {"github.com/getsentry/sentry-go", "sentry"}, {"@opentelemetry/api", "opentelemetry"},
    {"@opentelemetry/sdk-node", "opentelemetry"}, {"opentelemetry-api", "opentelemetry"},
    {"opentelemetry-sdk", "opentelemetry"}, {"go.opentelemetry.io/otel", "opentelemetry"},
    {"prom-client", "prometheus"}, {"prometheus-client", "prometheus"}, {"prometheus_client", "prometheus"},
    {"github.com/prometheus/client_golang", "prometheus"}, {"dd-trace", "datadog"}, {"newrelic", "newrelic"},
    {"next-auth", "next-auth"}, {"passport", "passport"}, {"launchdarkly-node-server-sdk", "launchdarkly"},
    {"@launchdarkly/node-server-sdk", "launchdarkly"}, {"unleash-client", "unleash"}, {"@vercel/analytics", "vercel-analytics"},
    {"web-vitals", "web-vitals"}};

template <std::size_t N>
void apply(const Rule (&rules)[N], const std::vector<Dependency>& deps, std::set<std::string>& out) {
    for (const auto& d : deps) {
        // A Go module marked `// indirect` is not imported by the service itself (GORM v1 pulls in every
        // SQL driver); it says nothing about the stack.
        if (d.ecosystem == "go" && d.dev) continue;
        for (const auto& r : rules)
            if (d.name == r.dep || (r.dep.find('/') != std::string_view::npos && str::starts_with(d.name, r.dep)))
                out.insert(std::string(r.key));
    }
}

std::string pretty(std::string_view key) {
    static const std::map<std::string, std::string, std::less<>> k{
        {"nextjs", "Next.js"}, {"express", "Express"}, {"nestjs", "NestJS"}, {"fastify", "Fastify"}, {"koa", "Koa"},
        {"hono", "Hono"}, {"gin", "gin"}, {"echo", "Echo"}, {"chi", "chi"}, {"httprouter", "httprouter"},
        {"net/http", "Go net/http"}, {"fiber", "Fiber"}, {"fastapi", "FastAPI"}, {"django", "Django"}, {"flask", "Flask"},
        {"starlette", "Starlette"}, {"postgres", "PostgreSQL"}, {"prisma", "Prisma"}, {"typeorm", "TypeORM"},
        {"sequelize", "Sequelize"}, {"mongodb", "MongoDB"}, {"redis", "Redis"}, {"mysql", "MySQL"}, {"knex", "Knex"},
        {"drizzle", "Drizzle"}, {"sqlalchemy", "SQLAlchemy"}, {"gorm", "GORM"}, {"sqlx", "sqlx"}, {"sqlite", "SQLite"},
        {"stripe", "Stripe"}, {"sendgrid", "SendGrid"}, {"nodemailer", "nodemailer"}, {"ses", "Amazon SES"},
        {"resend", "Resend"}, {"sentry", "Sentry"}, {"opentelemetry", "OpenTelemetry"}, {"prometheus", "Prometheus"},
        {"datadog", "Datadog"}, {"newrelic", "New Relic"}, {"next-auth", "NextAuth"}, {"passport", "Passport"},
        {"launchdarkly", "LaunchDarkly"}, {"unleash", "Unleash"}, {"vercel-analytics", "Vercel Analytics"},
        {"web-vitals", "web-vitals"}, {"dockerfile", "Dockerfile"}, {"compose", "Docker Compose"},
        {"kubernetes", "Kubernetes manifests"}, {"helm", "Helm chart"}, {"pm2", "PM2"}, {"systemd", "systemd unit"},
        {"procfile", "Procfile"}, {"nginx", "nginx"}, {"vercel", "Vercel"}, {"netlify", "Netlify"},
        {"github-actions", "GitHub Actions"}, {"gitlab-ci", "GitLab CI"}, {"terraform", "Terraform"}};
    auto it = k.find(key);
    return it == k.end() ? std::string(key) : it->second;
}

// True when the folder holds something that runs as a process: a container or process definition
// (Dockerfile, Procfile, compose, PM2, systemd), a Go net/http server, or an npm start script. Used to
// tell services from libraries and tools when no manifest names a web framework.
bool runs_something(const RepoModel& m, const std::string& dir) {
    for (const auto& f : m.files) {
        if (!f.is_own()) continue;
        if (!dir.empty() && !(f.path.size() > dir.size() && str::starts_with(f.path, dir) && f.path[dir.size()] == '/'))
            continue;
        auto name = base_of(f.path);
        if (f.lang == Language::dockerfile || name == "Procfile" || str::starts_with(name, "docker-compose") ||
            name == "compose.yml" || name == "compose.yaml" || str::starts_with(name, "ecosystem.config") ||
            name == "fly.toml" || name == "app.yaml" || name == "serverless.yml")
            return true;
        if (!f.kept) continue;
        if (str::ends_with(name, ".service") && str::contains(f.text, "[Service]")) return true;
        if (f.lang == Language::go && str::contains(f.text, "\"net/http\"")) return true;
        if (name == "package.json" && f.json && f.json->is_object()) {
            auto sc = f.json->find("scripts");
            if (sc != f.json->end() && sc->is_object() && (sc->contains("start") || sc->contains("serve"))) return true;
        }
    }
    return false;
}

bool is_k8s_doc(const YAML::Node& d) {
    return d.IsMap() && d["apiVersion"] && d["kind"];
}

}  // namespace

void detect_stack(RepoModel& m, const std::vector<std::pair<std::string, std::string>>& configured) {
    std::vector<Manifest> manifests;
    std::map<std::string, std::size_t> by_dir;
    auto manifest_for = [&](const std::string& dir) -> Manifest& {
        auto it = by_dir.find(dir);
        if (it != by_dir.end()) return manifests[it->second];
        by_dir[dir] = manifests.size();
        manifests.push_back({dir, {}, {}, false});
        return manifests.back();
    };
    for (const auto& f : m.files) {
        if (!f.kept || !f.is_own()) continue;
        auto name = base_of(f.path);
        if (name == "package.json") npm_deps(f, manifest_for(dir_of(f.path)));
        else if (name == "go.mod") go_deps(f, manifest_for(dir_of(f.path)));
        else if (str::starts_with(name, "requirements") && str::ends_with(name, ".txt")) py_requirements(f, manifest_for(dir_of(f.path)));
        else if (name == "pyproject.toml") py_pyproject(f, manifest_for(dir_of(f.path)));
        else if (name == "go.work" || name == "pnpm-workspace.yaml" || name == "lerna.json") manifest_for(dir_of(f.path)).workspace_root = true;
    }
    for (const auto& man : manifests) m.dependencies.insert(m.dependencies.end(), man.deps.begin(), man.deps.end());

    // Services: manifest folders that carry an application framework, or every
    // manifest folder when none does; a workspace root is never a service itself
    // when it has member services.
    std::vector<const Manifest*> roots;
    for (const auto& man : manifests) {
        std::set<std::string> fw;
        apply(k_frameworks, man.deps, fw);
        if (!fw.empty()) roots.push_back(&man);
    }
    // Services the team named: each takes the manifests inside its folder.
    for (const auto& [name, dir] : configured) {
        Service s;
        s.name = name;
        s.root = dir;
        for (const auto& man : manifests) {
            bool inside = dir.empty() || man.dir == dir ||
                          (man.dir.size() > dir.size() && str::starts_with(man.dir, dir) && man.dir[dir.size()] == '/');
            if (!inside) continue;
            s.dependencies.insert(s.dependencies.end(), man.deps.begin(), man.deps.end());
            apply(k_frameworks, man.deps, s.frameworks);
            apply(k_datastores, man.deps, s.datastores);
            apply(k_providers, man.deps, s.providers);
        }
        m.services.push_back(std::move(s));
    }
    if (!configured.empty()) roots.clear();
    if (roots.empty() && configured.empty()) {
        for (const auto& man : manifests)
            if (!man.workspace_root || manifests.size() == 1) roots.push_back(&man);
        // Several manifests and no framework: a folder is a service only when something in it runs
        // (a firmware tree with Python tools, a monorepo of libraries). When none does, the repository
        // is audited as one service rather than one section per package.
        if (roots.size() > 1) {
            std::erase_if(roots, [&](const Manifest* r) { return !runs_something(m, r->dir); });
            if (roots.empty()) {
                Service s;
                s.name = base_of(m.root);
                for (const auto& man : manifests) {
                    s.dependencies.insert(s.dependencies.end(), man.deps.begin(), man.deps.end());
                    apply(k_datastores, man.deps, s.datastores);
                    apply(k_providers, man.deps, s.providers);
                }
                m.services.push_back(std::move(s));
            }
        }
    }
    if (roots.empty() && m.services.empty() && !manifests.empty()) roots.push_back(&manifests.front());
    std::sort(m.services.begin(), m.services.end(), [](const Service& a, const Service& b) { return a.root < b.root; });
    std::sort(roots.begin(), roots.end(), [](const Manifest* a, const Manifest* b) { return a->dir < b->dir; });
    // A Go service without a web framework dependency still serves net/http: decided from imports below.
    for (const auto* r : roots) {
        Service s;
        s.root = r->dir;
        s.name = !r->name.empty() ? r->name : (r->dir.empty() ? base_of(m.root) : base_of(r->dir));
        if (str::contains(s.name, "/")) {  // go module path: github.com/go-chi/chi/v5 -> chi
            auto parts = str::split(s.name, '/');
            auto last = parts.back();
            bool major = last.size() >= 2 && last[0] == 'v' &&
                         std::all_of(last.begin() + 1, last.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            s.name = std::string(major && parts.size() >= 2 ? parts[parts.size() - 2] : last);
        }
        s.dependencies = r->deps;
        apply(k_frameworks, r->deps, s.frameworks);
        apply(k_datastores, r->deps, s.datastores);
        apply(k_providers, r->deps, s.providers);
        m.services.push_back(std::move(s));
    }
    if (m.services.empty()) {
        Service s;
        s.name = base_of(m.root);
        m.services.push_back(std::move(s));
    }
    // Results are reported per service name: two services with one name (five Go modules all called
    // `example`) take their folder as well, so that no finding is told against the wrong one.
    std::map<std::string, int> name_count;
    for (const auto& s : m.services) ++name_count[s.name];
    for (auto& s : m.services)
        if (name_count[s.name] > 1) s.name += " (" + (s.root.empty() ? std::string(".") : s.root) + ")";
    // Each file belongs to the deepest service root that contains it.
    for (auto& f : m.files) {
        std::size_t best_len = 0;
        int best = -1;
        for (std::size_t i = 0; i < m.services.size(); ++i) {
            const auto& r = m.services[i].root;
            bool inside = r.empty() || (f.path.size() > r.size() && str::starts_with(f.path, r) && f.path[r.size()] == '/');
            if (inside && (best == -1 || r.size() >= best_len)) { best = static_cast<int>(i); best_len = r.size(); }
        }
        // Repository-level files (CI, manifests, docs outside any service) stay -1 when there are several services.
        // Code under the root service is that service's own: it must not count for the services nested below it
        // (gin-gonic/examples: a root module with its own examples beside seven nested modules).
        const bool code = f.lang == Language::javascript || f.lang == Language::typescript || f.lang == Language::tsx ||
                          f.lang == Language::go || f.lang == Language::python;
        if (m.services.size() > 1 && best >= 0 && m.services[static_cast<std::size_t>(best)].root.empty() && !code) best = -1;
        f.service = best;
        if (best >= 0 && f.is_own()) {
            auto& s = m.services[static_cast<std::size_t>(best)];
            switch (f.lang) {
                case Language::javascript: s.languages.insert("JavaScript"); break;
                case Language::typescript: case Language::tsx: s.languages.insert("TypeScript"); break;
                case Language::go: s.languages.insert("Go"); break;
                case Language::python: s.languages.insert("Python"); break;
                default: break;
            }
            if (f.lang == Language::go && f.kept && str::contains(f.text, "\"net/http\"")) s.frameworks.insert("net/http");
            if (f.lang == Language::prisma && f.kept) {
                s.datastores.insert("prisma");
                static const std::regex provider_re(R"(provider\s*=\s*"(postgresql|mysql|sqlite|mongodb|sqlserver|cockroachdb)\")");
                std::smatch mt;
                if (std::regex_search(f.text, mt, provider_re)) {
                    auto p = mt[1].str();
                    s.datastores.insert(p == "postgresql" || p == "cockroachdb" ? "postgres" : p);
                }
            }
        }
    }
    // Deployment.
    for (const auto& f : m.files) {
        if (!f.is_own()) continue;
        auto name = base_of(f.path);
        if (f.lang == Language::dockerfile) m.deployment.kinds.insert("dockerfile");
        if (str::starts_with(name, "docker-compose") || name == "compose.yml" || name == "compose.yaml") m.deployment.kinds.insert("compose");
        if (name == "Chart.yaml") m.deployment.kinds.insert("helm");
        if (str::starts_with(name, "ecosystem.config")) m.deployment.kinds.insert("pm2");
        if (str::ends_with(name, ".service") && f.kept && str::contains(f.text, "[Service]")) m.deployment.kinds.insert("systemd");
        if (name == "Procfile") m.deployment.kinds.insert("procfile");
        if (f.lang == Language::nginx) m.deployment.kinds.insert("nginx");
        if (name == "vercel.json") m.deployment.kinds.insert("vercel");
        if (name == "netlify.toml") m.deployment.kinds.insert("netlify");
        if (str::starts_with(f.path, ".github/workflows/")) m.deployment.kinds.insert("github-actions");
        if (name == ".gitlab-ci.yml") m.deployment.kinds.insert("gitlab-ci");
        if (str::ends_with(name, ".tf")) m.deployment.kinds.insert("terraform");
        for (const auto& d : f.yaml)
            if (is_k8s_doc(d)) { m.deployment.kinds.insert("kubernetes"); break; }
    }
}

StackSummary summarize(const RepoModel& m, int service) {
    StackSummary s;
    std::set<std::string> langs, fws, stores, provs;
    for (std::size_t i = 0; i < m.services.size(); ++i) {
        if (service >= 0 && static_cast<int>(i) != service) continue;
        const auto& sv = m.services[i];
        langs.insert(sv.languages.begin(), sv.languages.end());
        fws.insert(sv.frameworks.begin(), sv.frameworks.end());
        stores.insert(sv.datastores.begin(), sv.datastores.end());
        provs.insert(sv.providers.begin(), sv.providers.end());
    }
    s.languages.assign(langs.begin(), langs.end());
    for (const auto& f : fws) s.frameworks.push_back(pretty(f));
    for (const auto& f : stores) s.datastores.push_back(pretty(f));
    for (const auto& f : provs) s.providers.push_back(pretty(f));
    for (const auto& k : m.deployment.kinds) s.deployment.push_back(pretty(k));
    std::set<std::string> pms;
    for (const auto& d : m.dependencies) pms.insert(d.ecosystem);
    s.package_managers.assign(pms.begin(), pms.end());
    // Remediation keys, most specific first.
    for (auto k : {"nextjs", "nestjs", "express", "fastify", "koa", "gin", "echo", "chi", "fastapi", "django", "flask"})
        if (fws.count(k)) s.remediation_keys.push_back(k);
    if (fws.count("net/http") || langs.count("Go")) s.remediation_keys.push_back("go");
    if (langs.count("TypeScript") || langs.count("JavaScript")) s.remediation_keys.push_back("node");
    if (langs.count("Python")) s.remediation_keys.push_back("python");
    for (auto k : {"prisma", "postgres", "redis"})
        if (stores.count(k)) s.remediation_keys.push_back(k);
    for (auto [kind, key] : {std::pair{"kubernetes", "kubernetes"}, {"compose", "compose"}, {"dockerfile", "docker"},
                             {"nginx", "nginx"}, {"github-actions", "github-actions"}, {"gitlab-ci", "gitlab-ci"}})
        if (m.deployment.kinds.count(kind)) s.remediation_keys.push_back(key);
    return s;
}

}  // namespace gonogo::collect
