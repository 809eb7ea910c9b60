// Tests of HTTP route extraction (collect/routes) over small in-memory
// repositories: one per framework, asserting method, path, framework, the
// declaration position and the resolved handler body.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "collect/routes.hpp"
#include "collect/syntax.hpp"

namespace gonogo::collect {
namespace {

Language language_of(std::string_view path) {
    auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.substr(path.size() - s.size()) == s; };
    if (ends(".tsx")) return Language::tsx;
    if (ends(".ts")) return Language::typescript;
    if (ends(".js") || ends(".mjs") || ends(".cjs")) return Language::javascript;
    if (ends(".go")) return Language::go;
    if (ends(".py")) return Language::python;
    return Language::other;
}

class Repo {
public:
    explicit Repo(std::set<std::string> frameworks = {}, std::string root = "") {
        Service s;
        s.name = "svc";
        s.root = std::move(root);
        s.frameworks = std::move(frameworks);
        model.services.push_back(std::move(s));
    }

    Repo& add(std::string path, std::string text, FileKind kind = FileKind::source, int service = 0) {
        File f;
        f.path = std::move(path);
        f.kind = kind;
        f.lang = language_of(f.path);
        f.kept = true;
        f.text = std::move(text);
        f.size = f.text.size();
        f.lines = str::LineIndex(f.text);
        f.service = service;
        f.tree.reset(syntax::parse(f.lang, f.text));
        EXPECT_TRUE(f.tree) << f.path;
        model.files.push_back(std::move(f));
        return *this;
    }

    RepoModel& extract() {
        std::sort(model.files.begin(), model.files.end(), [](const File& a, const File& b) { return a.path < b.path; });
        extract_routes(model);
        if (std::getenv("GONOGO_DUMP_ROUTES")) std::cerr << dump();
        return model;
    }

    const Route* find(std::string_view method, std::string_view path) const {
        for (const auto& r : model.routes)
            if (r.method == method && r.path == path) return &r;
        return nullptr;
    }

    std::string handler_text(const Route& r) const {
        if (r.handler_file == UINT32_MAX) return {};
        const File& f = model.files.at(r.handler_file);
        return f.text.substr(r.handler_begin, r.handler_end - r.handler_begin);
    }

    std::string handler_path(const Route& r) const {
        return r.handler_file == UINT32_MAX ? std::string() : model.files.at(r.handler_file).path;
    }

    std::string dump() const {
        std::string out;
        for (const auto& r : model.routes)
            out += r.framework + " " + r.method + " " + r.path + " -> " + r.handler_name + " @" +
                   (r.handler_file == UINT32_MAX ? std::string("?") : model.files.at(r.handler_file).path) + "\n";
        return out;
    }

    RepoModel model;
};

#define EXPECT_ROUTE(repo, method_, path_, framework_, body_)                                     \
    do {                                                                                           \
        const Route* r_ = (repo).find(method_, path_);                                             \
        ASSERT_NE(r_, nullptr) << "missing " << method_ << " " << path_ << "\n" << (repo).dump();  \
        EXPECT_EQ(r_->framework, framework_) << method_ << " " << path_;                           \
        EXPECT_NE((repo).handler_text(*r_).find(body_), std::string::npos)                         \
            << method_ << " " << path_ << " handler: [" << (repo).handler_text(*r_) << "]";        \
    } while (0)

TEST(Routes, Express) {
    Repo repo({"express"});
    repo.add("src/server.js",
             "const express = require('express');\n"
             "const { health } = require('./handlers');\n"
             "const users = require('./routes/users');\n"
             "const app = express();\n"
             "app.get('/health', health);\n"
             "app.post('/items', auth, rateLimit({ max: 5 }), async (req, res) => { res.json(await db.insert(req.body)); });\n"
             "app.use('/users', users);\n"
             "app.route('/book').get(getBook).post(function (req, res) { res.send('created book'); });\n"
             "function getBook(req, res) { res.send('the book'); }\n"
             "app.delete('/items/:id', asyncHandler(async (req, res) => { await db.remove(req.params.id); }));\n"
             "axios.post('/external', payload);\n"
             "app.get('env');\n"
             "app.listen(3000);\n")
        .add("src/handlers/index.js", "exports.health = (req, res) => res.json({ status: 'ok' });\n")
        .add("src/routes/users.js",
             "const router = require('express').Router();\n"
             "router.get('/:id', require('../lib/auth').check, show);\n"
             "function show(req, res) { res.json(findUser(req.params.id)); }\n"
             "module.exports = router;\n")
        .extract();

    EXPECT_ROUTE(repo, "GET", "/health", "express", "status: 'ok'");
    EXPECT_EQ(repo.handler_path(*repo.find("GET", "/health")), "src/handlers/index.js");
    EXPECT_EQ(repo.find("GET", "/health")->handler_name, "health");
    const Route* health = repo.find("GET", "/health");
    EXPECT_EQ(health->line, 5u);
    EXPECT_EQ(health->column, 1u);

    EXPECT_ROUTE(repo, "POST", "/items", "express", "db.insert(req.body)");
    const Route* items = repo.find("POST", "/items");
    ASSERT_EQ(items->middleware.size(), 2u);
    EXPECT_EQ(items->middleware[0], "auth");
    EXPECT_EQ(items->middleware[1], "rateLimit");

    const Route* use = repo.find("ANY", "/users");
    ASSERT_NE(use, nullptr);
    EXPECT_EQ(use->handler_name, "users");

    EXPECT_ROUTE(repo, "GET", "/book", "express", "res.send('the book')");
    EXPECT_ROUTE(repo, "POST", "/book", "express", "created book");
    EXPECT_ROUTE(repo, "DELETE", "/items/:id", "express", "db.remove");
    // routes/users.js is mounted at /users by server.js
    EXPECT_ROUTE(repo, "GET", "/users/:id", "express", "findUser");
    EXPECT_EQ(repo.find("GET", "/users/:id")->line, 2u);

    EXPECT_EQ(repo.find("POST", "/external"), nullptr);  // an HTTP client call, not a route
    for (const auto& r : repo.model.routes) EXPECT_NE(r.path, "env");
    EXPECT_EQ(repo.model.services[0].routes.size(), repo.model.routes.size());
}

TEST(Routes, ExpressMountChainsAndLocalRouters) {
    Repo repo({"express"});
    repo.add("src/app.ts",
             "import express from 'express';\n"
             "import api from './routes';\n"
             "const app = express();\n"
             "const admin = express.Router();\n"
             "admin.get('/stats', (req, res) => res.json(stats()));\n"
             "app.use('/admin', admin);\n"
             "app.use('/api', api);\n")
        .add("src/routes/index.ts",
             "import { Router } from 'express';\n"
             "import users from './users';\n"
             "const router = Router();\n"
             "router.use('/users', users);\n"
             "router.get('/health', (req, res) => res.send('api ok'));\n"
             "export default router;\n")
        .add("src/routes/users.ts",
             "import { Router } from 'express';\n"
             "const router = Router();\n"
             "router.get('/', list);\n"
             "async function list(req, res) { res.json(await db.users()); }\n"
             "export default router;\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/admin/stats", "express", "stats()");
    EXPECT_ROUTE(repo, "GET", "/api/health", "express", "api ok");
    EXPECT_ROUTE(repo, "GET", "/api/users", "express", "db.users()");
    EXPECT_NE(repo.find("ANY", "/api/users"), nullptr) << repo.dump();  // the mount itself
}

TEST(Routes, ExpressPathlessMountsOfChainedRouters) {
    // The RealWorld layout: controllers mounted without a path on a router that is mounted at /api.
    Repo repo({"express"});
    repo.add("src/main.ts",
             "import express from 'express';\n"
             "import routes from './app/routes/routes';\n"
             "const app = express();\n"
             "app.use(express.json());\n"
             "app.use(routes);\n")
        .add("src/app/routes/routes.ts",
             "import { Router } from 'express';\n"
             "import tagsController from './tag/tag.controller';\n"
             "const api = Router()\n  .use(tagsController);\n"
             "export default Router().use('/api', api);\n")
        .add("src/app/routes/tag/tag.controller.ts",
             "import { Router } from 'express';\n"
             "const router = Router();\n"
             "router.get('/tags', async (req, res) => { res.json({ tags: await getTags() }); });\n"
             "export default router;\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/api/tags", "express", "getTags()");
}

TEST(Routes, ServiceFrameworkWithoutImportNeedsAServerShape) {
    Repo repo({"express"});
    repo.add("src/routes/health.js",
             "module.exports = (app) => {\n"
             "  app.get('/health', (req, res) => res.send('up'));\n"
             "  app.get('/ready', ready);\n"
             "};\n"
             "function ready(req, res) { res.send('ready'); }\n")
        .add("src/client/api.js", "export const save = (data) => api.post('/users', data);\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/health", "express", "'up'");
    EXPECT_ROUTE(repo, "GET", "/ready", "express", "'ready'");
    EXPECT_EQ(repo.find("POST", "/users"), nullptr) << repo.dump();
}

TEST(Routes, KoaRouterWithTypeScriptImports) {
    Repo repo;
    repo.add("src/routes.ts",
             "import Router from '@koa/router';\n"
             "import { login as doLogin } from '../lib/auth';\n"
             "import * as admin from './admin';\n"
             "const router = new Router();\n"
             "router.get('user', '/users/:id', async (ctx) => { ctx.body = 'user'; });\n"
             "router.post('/login', doLogin);\n"
             "router.get('/admin', admin.dashboard);\n"
             "export default router;\n")
        .add("lib/auth.ts", "export const login = async (ctx: Context) => { ctx.body = 'token'; };\n")
        .add("src/admin/index.ts", "export function dashboard(ctx: Context) { ctx.body = 'dash'; }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/users/:id", "koa", "ctx.body = 'user'");
    EXPECT_ROUTE(repo, "POST", "/login", "koa", "ctx.body = 'token'");
    EXPECT_EQ(repo.handler_path(*repo.find("POST", "/login")), "lib/auth.ts");
    EXPECT_ROUTE(repo, "GET", "/admin", "koa", "ctx.body = 'dash'");
    EXPECT_EQ(repo.find("GET", "/admin")->handler_name, "admin.dashboard");
}

TEST(Routes, Fastify) {
    Repo repo;
    repo.add("src/app.ts",
             "import Fastify from 'fastify';\n"
             "import { statusHandler } from './status.js';\n"
             "const fastify = Fastify();\n"
             "fastify.route({ method: ['GET', 'HEAD'], url: '/status', preHandler: [auth], handler: statusHandler });\n"
             "fastify.get('/ping', { schema: pingSchema }, async (request, reply) => { return 'pong'; });\n"
             "fastify.post('/orders', { handler: async (req) => { return createOrder(req.body); } });\n"
             "fastify.register(async (api) => {\n"
             "  api.get('/me', async () => ({ me: true }));\n"
             "}, { prefix: '/v1' });\n")
        .add("src/status.ts", "export async function statusHandler() { return { status: 'green' }; }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/status", "fastify", "status: 'green'");
    EXPECT_ROUTE(repo, "HEAD", "/status", "fastify", "status: 'green'");
    ASSERT_EQ(repo.find("GET", "/status")->middleware.size(), 1u);
    EXPECT_EQ(repo.find("GET", "/status")->middleware[0], "auth");
    EXPECT_ROUTE(repo, "GET", "/ping", "fastify", "return 'pong'");
    EXPECT_ROUTE(repo, "POST", "/orders", "fastify", "createOrder");
    EXPECT_ROUTE(repo, "GET", "/v1/me", "fastify", "me: true");
}

TEST(Routes, KoaPrefixAndFastifyPlugins) {
    Repo repo;
    repo.add("src/koa.ts",
             "import Router from 'koa-router';\n"
             "const router = new Router({ prefix: '/k' });\n"
             "router.get('/one', (ctx) => { ctx.body = 'one'; });\n")
        .add("src/server.ts",
             "import Fastify from 'fastify';\n"
             "import usersRoutes from './plugins/users';\n"
             "const app = Fastify();\n"
             "async function internal(instance) { instance.get('/metrics', async () => 'metrics'); }\n"
             "app.register(usersRoutes, { prefix: '/users' });\n"
             "app.register(internal, { prefix: '/internal' });\n")
        .add("src/plugins/users.ts",
             "import { FastifyInstance } from 'fastify';\n"
             "export default async function (fastify: FastifyInstance) {\n"
             "  fastify.get('/:id', async (req) => ({ user: req.params }));\n"
             "}\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/k/one", "koa", "'one'");
    EXPECT_ROUTE(repo, "GET", "/users/:id", "fastify", "user: req.params");
    EXPECT_ROUTE(repo, "GET", "/internal/metrics", "fastify", "'metrics'");
}

TEST(Routes, FastifyAutoload) {
    Repo repo;
    repo.add("src/app.ts",
             "import fastifyAutoload from '@fastify/autoload';\n"
             "import { FastifyInstance } from 'fastify';\n"
             "export default async function serviceApp(fastify: FastifyInstance) {\n"
             "  fastify.register(fastifyAutoload, { dir: path.join(import.meta.dirname, 'routes'), options: {} });\n"
             "}\n")
        .add("src/routes/api/tasks/index.ts",
             "import { FastifyInstance } from 'fastify';\n"
             "export default async function (fastify: FastifyInstance) {\n"
             "  fastify.get('/:id', async (request) => { return fastify.repo.task(request.params.id); });\n"
             "}\n")
        .add("src/routes/home.ts",
             "import { FastifyInstance } from 'fastify';\n"
             "export default async function (fastify: FastifyInstance) { fastify.get('/', () => 'home'); }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/api/tasks/:id", "fastify", "fastify.repo.task");
    EXPECT_ROUTE(repo, "GET", "/", "fastify", "'home'");
}

TEST(Routes, Hono) {
    Repo repo;
    repo.add("src/index.ts",
             "import { Hono } from 'hono';\n"
             "const app = new Hono();\n"
             "app.get('/hono', (c) => c.text('hono ok'));\n"
             "app.on(['PUT', 'PATCH'], '/thing', (c) => c.text('updated'));\n"
             "export default app;\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/hono", "hono", "hono ok");
    EXPECT_ROUTE(repo, "PUT", "/thing", "hono", "updated");
    EXPECT_ROUTE(repo, "PATCH", "/thing", "hono", "updated");
}

TEST(Routes, NestJs) {
    Repo repo({"nestjs"});
    repo.add("src/users/users.controller.ts",
             "import { Controller, Get, Post, Param, UseGuards } from '@nestjs/common';\n"
             "@Controller('users')\n"
             "@UseGuards(AuthGuard)\n"
             "export class UsersController {\n"
             "  constructor(private readonly svc: UsersService) {}\n"
             "  @Get(':id')\n"
             "  async findOne(@Param('id') id: string) { return this.svc.findOne(id); }\n"
             "  @Post()\n"
             "  @HttpCode(201)\n"
             "  create(@Body() dto: CreateUserDto) { return this.svc.create(dto); }\n"
             "  helper() { return 1; }\n"
             "}\n")
        .add("src/docs.controller.ts",
             "@ApiTags('docs')\n@Controller('docs')\nexport class DocsController {\n"
             "  @Get() @ApiOperation({ summary: 'x' }) @UseGuards(JwtGuard) list() { return 'docs'; }\n}\n")
        .add("src/health.controller.ts",
             "@Controller()\nexport class HealthController {\n  @Get('health')\n  check() { return { ok: true }; }\n}\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/users/:id", "nestjs", "this.svc.findOne(id)");
    EXPECT_ROUTE(repo, "POST", "/users", "nestjs", "this.svc.create(dto)");
    const Route* create = repo.find("POST", "/users");
    EXPECT_EQ(create->handler_name, "create");
    EXPECT_EQ(create->line, 8u);  // at the @Post() decorator
    EXPECT_NE(std::find(create->middleware.begin(), create->middleware.end(), "UseGuards(AuthGuard)"),
              create->middleware.end());
    EXPECT_ROUTE(repo, "GET", "/health", "nestjs", "ok: true");
    EXPECT_ROUTE(repo, "GET", "/docs", "nestjs", "'docs'");
    const std::vector<std::string> docs_mw = {"UseGuards(JwtGuard)"};  // documentation decorators left out
    EXPECT_EQ(repo.find("GET", "/docs")->middleware, docs_mw);
    EXPECT_EQ(repo.model.routes.size(), 4u) << repo.dump();
}

TEST(Routes, NestJsGlobalPrefix) {
    Repo repo({"nestjs"});
    repo.add("src/main.ts",
             "import { NestFactory } from '@nestjs/core';\n"
             "async function bootstrap() {\n"
             "  const app = await NestFactory.create(AppModule);\n"
             "  app.setGlobalPrefix('api', { exclude: ['health'] });\n"
             "  await app.listen(3000);\n"
             "}\n")
        .add("src/app.controller.ts",
             "@Controller()\nexport class AppController {\n"
             "  @Get('health') health() { return 'ok'; }\n"
             "  @Get('items') items() { return []; }\n"
             "}\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/health", "nestjs", "'ok'");
    EXPECT_ROUTE(repo, "GET", "/api/items", "nestjs", "return []");
}

TEST(Routes, NextAppRouterBelowAnUndetectedServiceRoot) {
    Repo repo({"nextjs"});  // the service root is the repository, the Next.js app lives in apps/web
    repo.add("apps/web/app/api/ping/route.ts", "export async function GET() { return new Response('pong'); }\n")
        .add("apps/web/pages/api/hello.js", "export default function handler(req, res) { res.send('hello'); }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/api/ping", "nextjs-app", "pong");
    EXPECT_ROUTE(repo, "ANY", "/api/hello", "nextjs-pages", "'hello'");
}

TEST(Routes, NextAppRouter) {
    Repo repo({"nextjs"}, "web");
    repo.add("web/app/api/health/route.ts",
             "import { NextResponse } from 'next/server';\n"
             "export const dynamic = 'force-dynamic';\n"
             "export async function GET() { return NextResponse.json({ status: 'healthy' }); }\n")
        .add("web/app/(admin)/users/[id]/route.ts",
             "import { withAuth } from '@/lib/auth';\n"
             "export const DELETE = withAuth(async (req: Request) => { await db.user.delete(); return new Response(null); });\n"
             "const update = async (req: Request) => { return Response.json(await db.user.update()); };\n"
             "export { update as PATCH };\n")
        .add("web/src/app/api/[...slug]/route.js", "export function POST(req) { return new Response('catch all'); }\n")
        .add("web/app/route.ts", "export const GET = () => new Response('root');\n")
        .add("web/app/api/auth/[...nextauth]/route.ts", "const handler = NextAuth(opts);\nexport { handler as GET, handler as POST };\n")
        .add("web/app/page.tsx", "export default function Page() { return <div/>; }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/api/health", "nextjs-app", "status: 'healthy'");
    EXPECT_ROUTE(repo, "DELETE", "/users/:id", "nextjs-app", "db.user.delete()");
    const Route* del = repo.find("DELETE", "/users/:id");
    ASSERT_EQ(del->middleware.size(), 1u);
    EXPECT_EQ(del->middleware[0], "withAuth");
    EXPECT_ROUTE(repo, "PATCH", "/users/:id", "nextjs-app", "db.user.update()");
    EXPECT_ROUTE(repo, "POST", "/api/:slug*", "nextjs-app", "catch all");
    EXPECT_ROUTE(repo, "GET", "/", "nextjs-app", "root");
    ASSERT_NE(repo.find("GET", "/api/auth/:nextauth*"), nullptr) << repo.dump();
    EXPECT_EQ(repo.find("GET", "/api/auth/:nextauth*")->handler_name, "handler");
    EXPECT_EQ(repo.model.routes.size(), 7u) << repo.dump();
}

TEST(Routes, NextPagesRouter) {
    Repo repo({"nextjs"});
    repo.add("pages/api/users/[id].ts",
             "import type { NextApiRequest, NextApiResponse } from 'next';\n"
             "export default async function handler(req: NextApiRequest, res: NextApiResponse) {\n"
             "  res.status(200).json({ id: req.query.id });\n}\n")
        .add("src/pages/api/index.js", "const handler = (req, res) => res.send('api index');\nexport default withSentry(handler);\n")
        .add("pages/index.tsx", "export default function Home() { return null; }\n")
        .extract();
    EXPECT_ROUTE(repo, "ANY", "/api/users/:id", "nextjs-pages", "req.query.id");
    EXPECT_ROUTE(repo, "ANY", "/api", "nextjs-pages", "api index");
    EXPECT_EQ(repo.model.routes.size(), 2u) << repo.dump();
}

TEST(Routes, GoNetHttp) {
    Repo repo({"net/http"});
    repo.add("cmd/server/main.go",
             "package main\n\nimport (\n\t\"net/http\"\n\t\"github.com/prometheus/client_golang/prometheus/promhttp\"\n)\n\n"
             "func main() {\n"
             "\thttp.HandleFunc(\"/healthz\", healthz)\n"
             "\tmux := http.NewServeMux()\n"
             "\ts := &Server{}\n"
             "\tmux.HandleFunc(\"GET /items/{id}\", s.getItem)\n"
             "\tmux.Handle(\"/metrics\", promhttp.Handler())\n"
             "\tmux.Handle(\"POST /upload\", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"uploaded\")) }))\n"
             "\thttp.ListenAndServe(\":8080\", mux)\n"
             "}\n")
        .add("cmd/server/handlers.go",
             "package main\n\nimport \"net/http\"\n\n"
             "func healthz(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }\n\n"
             "func (s *Server) getItem(w http.ResponseWriter, r *http.Request) { id := r.PathValue(\"id\"); _ = id }\n")
        .extract();
    EXPECT_ROUTE(repo, "ANY", "/healthz", "net/http", "http.StatusOK");
    EXPECT_EQ(repo.handler_path(*repo.find("ANY", "/healthz")), "cmd/server/handlers.go");
    EXPECT_ROUTE(repo, "GET", "/items/{id}", "net/http", "r.PathValue");
    const Route* metrics = repo.find("ANY", "/metrics");
    ASSERT_NE(metrics, nullptr);
    EXPECT_EQ(metrics->handler_file, UINT32_MAX);
    EXPECT_EQ(metrics->framework, "net/http");
    EXPECT_ROUTE(repo, "POST", "/upload", "net/http", "uploaded");
    EXPECT_EQ(repo.find("ANY", "/healthz")->line, 9u);
}

TEST(Routes, GinWithGroupsAndPackages) {
    Repo repo({"gin"});
    repo.add("main.go",
             "package main\n\nimport (\n\t\"github.com/gin-gonic/gin\"\n\t\"example.com/svc/internal/handlers\"\n)\n\n"
             "func main() {\n"
             "\tr := gin.Default()\n"
             "\tr.GET(\"/ping\", func(c *gin.Context) { c.JSON(200, gin.H{\"message\": \"pong\"}) })\n"
             "\tv1 := r.Group(\"/v1\")\n"
             "\t{\n"
             "\t\tv1.POST(\"/users\", authMiddleware(), handlers.CreateUser)\n"
             "\t\tv1.GET(\"\", index)\n"
             "\t\tadmin := v1.Group(\"/admin\")\n"
             "\t\tadmin.DELETE(\"/users/:id\", handlers.DeleteUser)\n"
             "\t}\n"
             "\tr.Run()\n"
             "}\n"
             "var index = func(c *gin.Context) { c.String(200, \"v1 index\") }\n")
        .add("internal/handlers/users.go",
             "package handlers\n\nimport \"github.com/gin-gonic/gin\"\n\n"
             "func CreateUser(c *gin.Context) { c.JSON(201, \"created\") }\n"
             "func DeleteUser(c *gin.Context) { c.Status(204) }\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/ping", "gin", "pong");
    EXPECT_ROUTE(repo, "POST", "/v1/users", "gin", "\"created\"");
    EXPECT_EQ(repo.handler_path(*repo.find("POST", "/v1/users")), "internal/handlers/users.go");
    ASSERT_EQ(repo.find("POST", "/v1/users")->middleware.size(), 1u);
    EXPECT_EQ(repo.find("POST", "/v1/users")->middleware[0], "authMiddleware");
    EXPECT_ROUTE(repo, "DELETE", "/v1/admin/users/:id", "gin", "c.Status(204)");
    EXPECT_ROUTE(repo, "GET", "/v1", "gin", "v1 index");
}

TEST(Routes, EchoChiHttprouter) {
    Repo repo;
    repo.add("echo/main.go",
             "package main\n\nimport \"github.com/labstack/echo/v4\"\n\n"
             "func hello(c echo.Context) error { return c.String(200, \"hello echo\") }\n"
             "func main() {\n\te := echo.New()\n\te.GET(\"/e\", hello, middleware.Logger())\n"
             "\te.Match([]string{\"GET\", \"POST\"}, \"/m\", hello)\n}\n")
        .add("chi/main.go",
             "package main\n\nimport (\n\t\"net/http\"\n\t\"github.com/go-chi/chi/v5\"\n)\n\n"
             "func main() {\n\tr := chi.NewRouter()\n"
             "\tr.Get(\"/c\", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"chi root\")) })\n"
             "\tr.Route(\"/api\", func(r chi.Router) {\n"
             "\t\tr.Post(\"/things\", createThing)\n"
             "\t\tlist := func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"listed\")) }\n"
             "\t\tr.With(paginate).Get(\"/things\", list)\n"
             "\t\tr.Route(\"/deep\", func(sub chi.Router) { sub.Get(\"/x\", createThing) })\n"
             "\t})\n"
             "\tr.Method(\"PUT\", \"/m\", http.HandlerFunc(createThing))\n"
             "}\n"
             "func createThing(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"thing\")) }\n")
        .add("hr/main.go",
             "package main\n\nimport \"github.com/julienschmidt/httprouter\"\n\n"
             "func Hello(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { fmt.Fprint(w, ps.ByName(\"name\")) }\n"
             "func main() {\n\trouter := httprouter.New()\n\trouter.GET(\"/hr/:name\", Hello)\n}\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/e", "echo", "hello echo");
    ASSERT_EQ(repo.find("GET", "/e")->middleware.size(), 1u);
    EXPECT_ROUTE(repo, "POST", "/m", "echo", "hello echo");
    EXPECT_ROUTE(repo, "GET", "/c", "chi", "chi root");
    EXPECT_ROUTE(repo, "POST", "/api/things", "chi", "\"thing\"");
    EXPECT_ROUTE(repo, "GET", "/api/deep/x", "chi", "\"thing\"");
    EXPECT_ROUTE(repo, "GET", "/api/things", "chi", "listed");
    ASSERT_EQ(repo.find("GET", "/api/things")->middleware.size(), 1u);
    EXPECT_EQ(repo.find("GET", "/api/things")->middleware[0], "paginate");
    EXPECT_ROUTE(repo, "PUT", "/m", "chi", "\"thing\"");
    EXPECT_ROUTE(repo, "GET", "/hr/:name", "httprouter", "ps.ByName");
}

TEST(Routes, FastApi) {
    Repo repo({"fastapi"});
    repo.add("app/main.py",
             "from fastapi import FastAPI\n"
             "from .routers import items\n"
             "from .deps import get_db\n"
             "app = FastAPI()\n\n"
             "@app.get(\"/health\")\n"
             "async def health():\n"
             "    return {\"status\": \"ok\"}\n\n"
             "@app.api_route(\"/both\", methods=[\"GET\", \"POST\"])\n"
             "def both():\n    return 'both'\n\n"
             "app.add_api_route(\"/added\", get_db, methods=[\"PUT\"])\n"
             "app.include_router(items.router)\n")
        .add("app/routers/items.py",
             "from fastapi import APIRouter, Depends\n"
             "router = APIRouter(prefix=\"/items\", tags=[\"items\"])\n\n"
             "@router.post(\"/\", status_code=201)\n"
             "@limiter.limit(\"5/minute\")\n"
             "async def create_item(item: Item, db=Depends(get_db)):\n"
             "    return db.add(item)\n\n"
             "@router.get(\"/{item_id}\")\n"
             "async def read_item(item_id: int):\n"
             "    return {\"item_id\": item_id}\n")
        .add("app/deps.py", "def get_db():\n    return 'session'\n")
        .add("app/api.py",
             "from fastapi import FastAPI\n"
             "from app.routers import users\n"
             "api = FastAPI()\n"
             "api.include_router(users.router, prefix=\"/v2\")\n"
             "api.include_router(other_router, prefix=settings.PREFIX)\n")
        .add("app/routers/users.py",
             "from fastapi import APIRouter\n"
             "router = APIRouter(prefix=\"/users\")\n"
             "@router.get(\"/me\")\n"
             "def me():\n    return 'me'\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/health", "fastapi", "\"status\": \"ok\"");
    EXPECT_ROUTE(repo, "GET", "/both", "fastapi", "'both'");
    EXPECT_ROUTE(repo, "POST", "/both", "fastapi", "'both'");
    EXPECT_ROUTE(repo, "PUT", "/added", "fastapi", "'session'");
    EXPECT_ROUTE(repo, "POST", "/items", "fastapi", "db.add(item)");
    ASSERT_EQ(repo.find("POST", "/items")->middleware.size(), 1u);
    EXPECT_EQ(repo.find("POST", "/items")->middleware[0], "limiter.limit");
    EXPECT_ROUTE(repo, "GET", "/items/{item_id}", "fastapi", "\"item_id\": item_id");
    EXPECT_EQ(repo.find("GET", "/health")->line, 6u);
    EXPECT_ROUTE(repo, "GET", "/v2/users/me", "fastapi", "'me'");  // include_router adds to the router's prefix
}

TEST(Routes, Flask) {
    Repo repo;
    repo.add("app.py",
             "from flask import Flask, Blueprint\n"
             "from views import ping\n"
             "app = Flask(__name__)\n"
             "bp = Blueprint('bp', __name__, url_prefix='/bp')\n\n"
             "@app.route('/submit', methods=['GET', 'POST'])\n"
             "@login_required\n"
             "def submit():\n    return 'submitted'\n\n"
             "@app.route('/')\ndef index():\n    return 'index'\n\n"
             "@bp.get('/x')\ndef bp_x():\n    return 'bp x'\n\n"
             "app.add_url_rule('/ping', 'ping', ping)\n")
        .add("views.py", "def ping():\n    return 'pong'\n")
        .extract();
    EXPECT_ROUTE(repo, "GET", "/submit", "flask", "submitted");
    EXPECT_ROUTE(repo, "POST", "/submit", "flask", "submitted");
    ASSERT_EQ(repo.find("POST", "/submit")->middleware.size(), 1u);
    EXPECT_EQ(repo.find("POST", "/submit")->middleware[0], "login_required");
    EXPECT_ROUTE(repo, "GET", "/", "flask", "'index'");
    EXPECT_ROUTE(repo, "GET", "/bp/x", "flask", "bp x");
    EXPECT_ROUTE(repo, "GET", "/ping", "flask", "'pong'");
    EXPECT_EQ(repo.handler_path(*repo.find("GET", "/ping")), "views.py");
}

TEST(Routes, FlaskBlueprintsRegisteredElsewhere) {
    Repo repo({"flask"});
    repo.add("app/__init__.py",
             "from flask import Flask\n"
             "def create_app():\n"
             "    app = Flask(__name__)\n"
             "    from app.api import bp as api_bp\n"
             "    app.register_blueprint(api_bp, url_prefix='/api')\n"
             "    from app.main import bp as main_bp\n"
             "    app.register_blueprint(main_bp)\n"
             "    return app\n")
        .add("app/api/__init__.py", "from flask import Blueprint\nbp = Blueprint('api', __name__, url_prefix='/ignored')\nfrom app.api import users\n")
        .add("app/api/users.py",
             "from app.api import bp\n"
             "@bp.route('/users/<int:id>', methods=['GET'])\n"
             "def get_user(id):\n    return {'id': id}\n")
        .add("app/main/__init__.py", "from flask import Blueprint\nbp = Blueprint('main', __name__, url_prefix='/m')\n")
        .add("app/main/routes.py",
             "from app.main import bp\n"
             "@bp.route('/index')\n"
             "def index():\n    return 'index page'\n")
        .extract();
    // register_blueprint(url_prefix=...) replaces the blueprint's own url_prefix
    EXPECT_ROUTE(repo, "GET", "/api/users/<int:id>", "flask", "'id': id");
    EXPECT_ROUTE(repo, "GET", "/m/index", "flask", "index page");
}

TEST(Routes, Django) {
    Repo repo({"django"});
    repo.add("project/urls.py",
             "from django.urls import path, include\n"
             "from django.contrib import admin\n"
             "urlpatterns = [\n"
             "    path('admin/', admin.site.urls),\n"
             "    path('api/', include('api.urls')),\n"
             "]\n")
        .add("api/urls.py",
             "from django.urls import path, re_path\n"
             "from . import views\n"
             "from .views import ready\n"
             "urlpatterns = [\n"
             "    path('health/', views.health, name='health'),\n"
             "    path('ready/', ready),\n"
             "    path('users/<int:pk>/', views.UserView.as_view()),\n"
             "    re_path(r'^items/(?P<pk>[0-9]+)/$', views.item),\n"
             "    re_path(r'^feed/?$', views.item),\n"
             "]\n")
        .add("api/views.py",
             "from django.http import JsonResponse\n"
             "def health(request):\n    return JsonResponse({'status': 'ok'})\n\n"
             "def ready(request):\n    return JsonResponse({'ready': True})\n\n"
             "def item(request, pk):\n    return JsonResponse({'pk': pk})\n\n"
             "class UserView(View):\n    def get(self, request, pk):\n        return JsonResponse({'user': pk})\n")
        .extract();
    EXPECT_ROUTE(repo, "ANY", "/api/health/", "django", "'status': 'ok'");
    EXPECT_EQ(repo.handler_path(*repo.find("ANY", "/api/health/")), "api/views.py");
    EXPECT_ROUTE(repo, "ANY", "/api/ready/", "django", "'ready': True");
    EXPECT_ROUTE(repo, "ANY", "/api/users/:pk/", "django", "'user': pk");
    EXPECT_ROUTE(repo, "ANY", "/api/items/:pk/", "django", "'pk': pk");
    EXPECT_ROUTE(repo, "ANY", "/api/feed/", "django", "'pk': pk");
    const Route* admin = repo.find("ANY", "/admin/");
    ASSERT_NE(admin, nullptr);
    EXPECT_EQ(admin->handler_file, UINT32_MAX);
    EXPECT_EQ(admin->handler_name, "admin.site.urls");
}

TEST(Routes, OnlyOwnFilesAndServicesGetTheirRoutes) {
    Repo repo({"express"});
    Service api;
    api.name = "api";
    api.root = "services/api";
    api.frameworks = {"fastapi"};
    repo.model.services.push_back(api);
    repo.add("server.js", "const express = require('express');\nconst app = express();\napp.get('/a', (req, res) => res.send('a'));\n")
        .add("server.test.js", "const express = require('express');\nconst app = express();\napp.get('/t', (req, res) => res.send('t'));\n",
             FileKind::test)
        .add("vendor/lib.js", "const express = require('express');\nexpress().get('/v', (q, s) => s.end());\n", FileKind::vendored)
        .add("services/api/main.py", "@app.get('/b')\ndef b():\n    return 'b'\n", FileKind::source, 1)
        .extract();
    ASSERT_EQ(repo.model.routes.size(), 2u) << repo.dump();
    EXPECT_NE(repo.find("GET", "/a"), nullptr);
    EXPECT_NE(repo.find("GET", "/b"), nullptr);
    ASSERT_EQ(repo.model.services[0].routes.size(), 1u);
    ASSERT_EQ(repo.model.services[1].routes.size(), 1u);
    EXPECT_EQ(repo.model.routes[repo.model.services[1].routes[0]].path, "/b");
    EXPECT_EQ(repo.find("GET", "/b")->framework, "fastapi");
}

TEST(Routes, NoServerFrameworkNoCallRoutes) {
    // A front-end file calling an API client: no server framework imported or detected.
    Repo repo({"nextjs"});
    repo.add("src/lib/api.ts", "export const load = () => api.get('/users', (r) => r.data);\n").extract();
    EXPECT_TRUE(repo.model.routes.empty()) << repo.dump();
}

TEST(Routes, ExtractingTwiceDoesNotDuplicate) {
    Repo repo({"express"});
    repo.add("a.js", "app.get('/a', (req, res) => res.send('a'));\n").extract();
    extract_routes(repo.model);
    EXPECT_EQ(repo.model.routes.size(), 1u);
    EXPECT_EQ(repo.model.services[0].routes.size(), 1u);
}

}  // namespace
}  // namespace gonogo::collect
