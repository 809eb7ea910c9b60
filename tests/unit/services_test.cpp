// Service detection in build_model: which folders of a repository are audited
// as services of their own. Framework manifests always are; without a framework
// a package folder is a service only when something in it runs, otherwise the
// repository is audited as one service (a firmware tree with Python tools, a
// monorepo of libraries).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "checks/probe.hpp"
#include "collect/build.hpp"

namespace fsys = std::filesystem;
using namespace gonogo;

namespace {

struct Tree {
    fsys::path root;
    explicit Tree(const std::string& name) {
        root = fsys::temp_directory_path() / ("gonogo_services_" + std::to_string(::getpid()) + "_" + name);
        fsys::remove_all(root);
        fsys::create_directories(root);
    }
    ~Tree() {
        std::error_code ec;
        fsys::remove_all(root, ec);
    }
    Tree& write(const std::string& rel, const std::string& text) {
        auto p = root / rel;
        fsys::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return *this;
    }
    collect::RepoModel model() const {
        auto m = collect::build_model(root, checks::all_signatures(), {});
        EXPECT_TRUE(m.has_value());
        return m ? std::move(*m) : collect::RepoModel{};
    }
};

std::vector<std::string> roots(const collect::RepoModel& m) {
    std::vector<std::string> out;
    for (const auto& s : m.services) out.push_back(s.root);
    return out;
}

}  // namespace

TEST(Services, ToolPackagesWithoutAFrameworkAreOneService) {
    Tree t("tools");
    t.write("Makefile", "all:\n\tcc -o boot main.c\n")
        .write("main.c", "int main(void) { return 0; }\n")
        .write("tools/imager/pyproject.toml", "[project]\nname = \"imager\"\ndependencies = [\"pyyaml\"]\n")
        .write("tools/imager/imager/main.py", "import sys\n\nif __name__ == '__main__':\n    sys.exit(0)\n")
        .write("tools/builder/pyproject.toml", "[project]\nname = \"builder\"\n")
        .write("tools/builder/builder/cli.py", "def main():\n    return 0\n");
    auto m = t.model();
    ASSERT_EQ(m.services.size(), 1u);
    EXPECT_EQ(m.services[0].root, "");
    EXPECT_EQ(m.services[0].name, t.root.filename().string());
    ASSERT_EQ(m.services[0].dependencies.size(), 1u);  // the packages' dependencies stay visible
    EXPECT_EQ(m.services[0].dependencies[0].name, "pyyaml");
}

TEST(Services, GoServicesOnNetHttpStaySeparate) {
    Tree t("go");
    for (std::string svc : {"api", "worker"})
        t.write("services/" + svc + "/go.mod", "module example.com/" + svc + "\n\ngo 1.22\n")
            .write("services/" + svc + "/main.go",
                   "package main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n");
    auto m = t.model();
    EXPECT_EQ(roots(m), (std::vector<std::string>{"services/api", "services/worker"}));
}

TEST(Services, OnlyPackagesThatRunAreServices) {
    Tree t("mixed");
    t.write("packages/shared/package.json", R"({"name": "shared", "main": "index.js"})")
        .write("packages/shared/index.js", "module.exports = { add: (a, b) => a + b };\n")
        .write("apps/worker/package.json", R"({"name": "worker", "scripts": {"start": "node index.js"}})")
        .write("apps/worker/index.js", "setInterval(() => {}, 1000);\n")
        .write("apps/jobs/requirements.txt", "pyyaml\n")
        .write("apps/jobs/Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/run.py\"]\n")
        .write("apps/jobs/run.py", "print('run')\n");
    auto m = t.model();
    EXPECT_EQ(roots(m), (std::vector<std::string>{"apps/jobs", "apps/worker"}));
}

// pyproject.toml is read as TOML (toml++): PEP 621 dependencies, PEP 735 groups and Poetry tables.
TEST(Services, PyprojectDependenciesComeFromTheTomlDocument) {
    Tree t("pyproject");
    t.write("api/pyproject.toml", R"([project]
name = "bookings-api"
dependencies = [
  "fastapi>=0.110",   # a comment inside the array
  'SQLAlchemy[asyncio] ~= 2.0',
]

[dependency-groups]
dev = ["pytest>=8", {include-group = "lint"}]
lint = ["ruff"]
)")
        .write("api/app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
        .write("jobs/pyproject.toml", R"([tool.poetry]
name = "jobs"

[tool.poetry.dependencies]
python = "^3.12"
Flask = "^3.0"

[tool.poetry.group.test.dependencies]
pytest = "*"
)");
    auto m = t.model();
    ASSERT_EQ(m.services.size(), 2u);
    const auto& api = m.services[0];
    EXPECT_EQ(api.name, "bookings-api");
    EXPECT_TRUE(api.frameworks.count("fastapi"));
    EXPECT_TRUE(api.datastores.count("sqlalchemy"));
    std::vector<std::string> dev;
    for (const auto& d : api.dependencies)
        if (d.dev) dev.push_back(d.name);
    EXPECT_EQ(dev, (std::vector<std::string>{"pytest", "ruff"}));
    const auto& jobs = m.services[1];
    EXPECT_EQ(jobs.name, "jobs");
    EXPECT_TRUE(jobs.frameworks.count("flask"));
    bool pytest_dev = false;
    for (const auto& d : jobs.dependencies) {
        EXPECT_NE(d.name, "python");
        if (d.name == "pytest") pytest_dev = d.dev;
    }
    EXPECT_TRUE(pytest_dev);
}

// The stack names the database engine from the driver the service requires; a Go module marked
// `// indirect` (GORM v1 pulls in every SQL driver) is not the service's own choice.
TEST(Services, GoDriversNameTheEngineAndIndirectModulesDoNot) {
    Tree t("go_drivers");
    t.write("go.mod", R"(module example.com/articles

go 1.22

require (
	github.com/go-sql-driver/mysql v1.7.1
	github.com/labstack/echo/v4 v4.11.4
	github.com/lib/pq v1.10.0 // indirect
	github.com/mattn/go-sqlite3 v1.14.15 // indirect
)
)")
        .write("main.go", R"(package main

import (
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
	"github.com/labstack/echo/v4"
)

func main() {
	db, _ := sql.Open("mysql", "app@tcp(db:3306)/app")
	defer db.Close()
	e := echo.New()
	e.Logger.Fatal(e.Start(":8080"))
}
)");
    auto m = t.model();
    ASSERT_EQ(m.services.size(), 1u);
    const auto& s = m.services[0];
    EXPECT_TRUE(s.datastores.count("mysql"));
    EXPECT_FALSE(s.datastores.count("postgres"));
    EXPECT_FALSE(s.datastores.count("sqlite"));
}

// A root module with code of its own beside nested modules: the root's code is the root service's, not
// every service's, and two nested modules with one module name are told apart by their folders.
TEST(Services, RootCodeStaysWithTheRootAndSameNamesTakeTheirFolder) {
    Tree t("nested_modules");
    const std::string server = "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n"
                               "\tr := gin.Default()\n\tr.GET(\"/\", func(c *gin.Context) {})\n\tr.Run()\n}\n";
    t.write("go.mod", "module github.com/acme/examples\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n")
        .write("cors/main.go", server)
        .write("chat/go.mod", "module example\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n")
        .write("chat/main.go", server)
        .write("otel/go.mod", "module example\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n")
        .write("otel/main.go", server)
        .write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n");
    auto m = t.model();
    ASSERT_EQ(m.services.size(), 3u);
    std::vector<std::string> names;
    for (const auto& s : m.services) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"examples", "example (chat)", "example (otel)"}));
    for (const auto& f : m.files) {
        if (f.path == "cors/main.go") {
            EXPECT_EQ(f.service, 0) << "root code belongs to the root service";
        } else if (f.path == ".github/workflows/ci.yml") {
            EXPECT_EQ(f.service, -1) << "CI stays repository-level";
        } else if (f.path == "chat/main.go") {
            ASSERT_GE(f.service, 0);
            EXPECT_EQ(m.services[static_cast<std::size_t>(f.service)].root, "chat");
        }
    }
}

// A Go module with no `package main` is a library: named after its path without the major-version suffix,
// with no routes or server framework of its own (the routers it declares are for its users to mount).
TEST(Services, GoLibraryServesNothingAndDropsItsMajorVersionFromTheName) {
    Tree t("go_library");
    t.write("go.mod", "module github.com/acme/routerkit/v2\n\ngo 1.22\n")
        .write("profiler.go", "package routerkit\n\nimport \"net/http\"\n\nfunc Profiler() http.Handler {\n"
                              "\tmux := http.NewServeMux()\n\tmux.HandleFunc(\"/debug/vars\", nil)\n\treturn mux\n}\n");
    auto m = t.model();
    ASSERT_EQ(m.services.size(), 1u);
    EXPECT_EQ(m.services[0].name, "routerkit");
    EXPECT_TRUE(m.services[0].routes.empty());
    EXPECT_TRUE(m.services[0].frameworks.empty());
}
