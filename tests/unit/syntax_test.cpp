// Tests of the tree-sitter helpers (collect/syntax): parsing, calls, tagged
// templates, interpolated strings, functions and imports in JavaScript,
// TypeScript, Go and Python.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "collect/syntax.hpp"

namespace gonogo::collect {
namespace {

namespace sx = syntax;

File make_file(Language lang, std::string text, std::string path = "src/file") {
    File f;
    f.path = std::move(path);
    f.kind = FileKind::source;
    f.lang = lang;
    f.kept = true;
    f.text = std::move(text);
    f.size = f.text.size();
    f.lines = str::LineIndex(f.text);
    f.tree.reset(sx::parse(lang, f.text));
    return f;
}

// The first node of `type` under the file's root (pre-order); null node when absent.
TSNode first_of(const File& f, std::string_view type) {
    TSNode found{};
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        if (sx::type(n) == type) {
            found = n;
            return false;
        }
        return true;
    });
    return found;
}

// The value of `const/var name = ...` (JS), `name := ...` (Go), `name = ...` (Python).
TSNode value_of(const File& f, std::string_view name) {
    TSNode found{};
    sx::walk(sx::root(f), [&](TSNode n) {
        if (!ts_node_is_null(found)) return false;
        const auto t = sx::type(n);
        if (t == "variable_declarator" && sx::text(f, ts_node_child_by_field_name(n, "name", 4)) == name) {
            found = ts_node_child_by_field_name(n, "value", 5);
        } else if (t == "short_var_declaration" &&
                   sx::text(f, ts_node_child_by_field_name(n, "left", 4)) == name) {
            found = ts_node_named_child(ts_node_child_by_field_name(n, "right", 5), 0);
        } else if (t == "assignment" && sx::text(f, ts_node_child_by_field_name(n, "left", 4)) == name) {
            found = ts_node_child_by_field_name(n, "right", 5);
        }
        return ts_node_is_null(found);
    });
    return found;
}

TEST(Syntax, LanguagesHaveGrammars) {
    for (auto l : {Language::javascript, Language::typescript, Language::tsx, Language::go, Language::python}) {
        ASSERT_NE(sx::language_for(l), nullptr) << to_string(l);
        EXPECT_GE(ts_language_version(sx::language_for(l)), 13u);
    }
    EXPECT_EQ(sx::language_for(Language::yaml), nullptr);
    EXPECT_EQ(sx::parse(Language::yaml, "a: 1"), nullptr);
}

TEST(Syntax, ParsesEachLanguage) {
    EXPECT_EQ(sx::type(sx::root(make_file(Language::javascript, "const a = 1;"))), "program");
    EXPECT_EQ(sx::type(sx::root(make_file(Language::typescript, "const a: number = 1;"))), "program");
    File tsx = make_file(Language::tsx, "const a = <div>{x}</div>;");
    EXPECT_EQ(sx::type(sx::root(tsx)), "program");
    EXPECT_FALSE(ts_node_is_null(first_of(tsx, "jsx_element")));
    EXPECT_EQ(sx::type(sx::root(make_file(Language::go, "package main\nfunc main() {}\n"))), "source_file");
    EXPECT_EQ(sx::type(sx::root(make_file(Language::python, "def f():\n    pass\n"))), "module");
    File none;
    EXPECT_TRUE(ts_node_is_null(sx::root(none)));
    EXPECT_TRUE(sx::text(none, sx::root(none)).empty());
}

TEST(Syntax, ParsesFromSeveralThreads) {
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &ok] {
            for (int i = 0; i < 20; ++i) {
                File f = make_file(t % 2 ? Language::go : Language::typescript,
                                   t % 2 ? "package x\nfunc F() { g() }\n" : "function f() { return g(1); }");
                if (f.tree && sx::calls(f, sx::root(f)).size() == 1) ++ok[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int v : ok) EXPECT_EQ(v, 20);
}

TEST(Syntax, CallsAndTaggedTemplates) {
    File f = make_file(Language::typescript,
                       "const rows = await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;\n"
                       "await prisma.$queryRawUnsafe('SELECT 1');\n"
                       "app\n  .get('/x', handler);\n"
                       "fetch(url);\n");
    auto cs = sx::calls(f, sx::root(f));
    ASSERT_EQ(cs.size(), 4u);
    EXPECT_EQ(cs[0].callee, "prisma.$queryRaw");
    EXPECT_EQ(cs[0].name, "$queryRaw");
    EXPECT_TRUE(cs[0].tagged_template);
    EXPECT_EQ(sx::type(cs[0].arguments), "template_string");
    ASSERT_EQ(sx::call_args(cs[0]).size(), 1u);
    EXPECT_TRUE(sx::is_interpolated_string(sx::call_args(cs[0])[0]));

    EXPECT_EQ(cs[1].callee, "prisma.$queryRawUnsafe");
    EXPECT_EQ(cs[1].name, "$queryRawUnsafe");
    EXPECT_FALSE(cs[1].tagged_template);
    auto args = sx::call_args(cs[1]);
    ASSERT_EQ(args.size(), 1u);
    EXPECT_TRUE(sx::is_string_literal(args[0]));
    EXPECT_EQ(sx::string_value(f, args[0]), "SELECT 1");

    EXPECT_EQ(cs[2].callee, "app.get");  // whitespace removed
    EXPECT_EQ(cs[2].name, "get");
    EXPECT_EQ(sx::call_args(cs[2]).size(), 2u);
    EXPECT_EQ(cs[3].callee, "fetch");
    EXPECT_EQ(cs[3].name, "fetch");
}

TEST(Syntax, CallNameSurvivesCopiesAndMoves) {
    File f = make_file(Language::javascript, "a.b(); c.d(); e.f(); g.h(); i.j(); k.l(); m.n(); o.p(); q.r();");
    auto cs = sx::calls(f, sx::root(f));  // grows the vector: moves every Call
    ASSERT_EQ(cs.size(), 9u);
    std::vector<sx::Call> copy = cs;
    cs.clear();
    EXPECT_EQ(copy[0].name, "b");
    EXPECT_EQ(copy[8].name, "r");
    EXPECT_EQ(copy[8].callee, "q.r");
    sx::Call moved = std::move(copy[4]);
    EXPECT_EQ(moved.name, "j");
    sx::Call assigned;
    assigned = moved;
    EXPECT_EQ(assigned.name, "j");
    EXPECT_EQ(assigned.name.data(), assigned.callee.data() + 2);
}

TEST(Syntax, ChainedCalleesStayShort) {
    File f = make_file(Language::javascript, "app.route('/book').get(function (req, res) { res.send('x'); });");
    auto cs = sx::calls(f, sx::root(f));
    ASSERT_FALSE(cs.empty());
    EXPECT_EQ(cs[0].callee, "app.route().get");
    EXPECT_EQ(cs[0].name, "get");
}

TEST(Syntax, GoAndPythonCalls) {
    File go = make_file(Language::go,
                        "package db\nfunc q() {\n  rows, err := db.Query(\"SELECT 1\")\n  _ = rows\n  _ = err\n}\n");
    auto gc = sx::calls(go, sx::root(go));
    ASSERT_EQ(gc.size(), 1u);
    EXPECT_EQ(gc[0].callee, "db.Query");
    EXPECT_EQ(gc[0].name, "Query");
    EXPECT_EQ(sx::type(gc[0].arguments), "argument_list");

    File py = make_file(Language::python, "cursor.execute(\"SELECT %s\" % name)\n");
    auto pc = sx::calls(py, sx::root(py));
    ASSERT_EQ(pc.size(), 1u);
    EXPECT_EQ(pc[0].callee, "cursor.execute");
    EXPECT_EQ(pc[0].name, "execute");
    auto args = sx::call_args(pc[0]);
    ASSERT_EQ(args.size(), 1u);
    EXPECT_TRUE(sx::is_interpolated_string(args[0]));
}

// walk() runs over the flattened index once build_index made one, and with a tree cursor before:
// both must visit the same named nodes in the same order, skip the same subtrees, and stay inside
// a scope that is not the root.
TEST(Syntax, FlattenedWalkEqualsTheCursorWalk) {
    File f = make_file(Language::typescript,
                       "function a(x: number) { return g(x, [1, 2]); }\n"
                       "class B { m() { const y = { k: h(1) }; return y; } }\n"
                       "export const c = (z) => z ? a(z) : null;\n");
    auto trace = [&](TSNode scope) {
        std::vector<std::string> seen;
        sx::walk(scope, [&](TSNode n) {
            seen.emplace_back(sx::type(n));
            return sx::type(n) != "object";  // skip the insides of object literals
        });
        return seen;
    };
    TSNode cls = first_of(f, "class_declaration");
    ASSERT_FALSE(ts_node_is_null(cls));
    auto whole_cursor = trace(sx::root(f));
    auto class_cursor = trace(cls);
    f.syntax_index = sx::build_index(f);
    ASSERT_TRUE(f.syntax_index);
    ASSERT_FALSE(f.syntax_index->nodes.empty());
    EXPECT_EQ(trace(sx::root(f)), whole_cursor);
    EXPECT_EQ(trace(cls), class_cursor);
    EXPECT_EQ(class_cursor.front(), "class_declaration");
    EXPECT_EQ(std::count(whole_cursor.begin(), whole_cursor.end(), "pair"), 0);  // skipped with its object
    EXPECT_EQ(std::count(class_cursor.begin(), class_cursor.end(), "function_declaration"), 0);
}

// walk_types visits what a walk filtered by type visits, with and without a flattened index, for
// every grammar (symbols that share a name included), and honours "do not descend".
TEST(Syntax, TypedWalkEqualsAFilteredWalk) {
    struct Case {
        Language lang;
        std::string text;
        std::vector<std::string_view> types;
    };
    const std::vector<Case> cases = {
        {Language::python,
         "import os\nfrom a.b import c as d\nclass A(B):\n    def f(self):\n        class C: pass\n"
         "        return os.environ['X'] + d[1]\n",
         {"class_definition", "subscript", "import_from_statement"}},
        {Language::javascript, "const {a} = require('x'); import y from 'y';\nfunction f() { return process.env.Z + o['k']; }\n",
         {"variable_declarator", "member_expression", "subscript_expression", "import_statement"}},
        {Language::tsx, "import * as R from 'react';\nexport const C = (p: P) => <div>{p.x}</div>;\n",
         {"import_statement", "member_expression", "jsx_element"}},
        {Language::go, "package m\nimport (\n  \"os\"\n  h \"net/http\"\n)\nfunc f() string { return os.Getenv(\"X\") }\n",
         {"import_spec", "call_expression"}},
    };
    for (const auto& c : cases) {
        File f = make_file(c.lang, c.text);
        auto filtered = [&](bool skip_first) {
            std::vector<std::pair<std::string, std::uint32_t>> seen;
            bool skipped = false;
            sx::walk(sx::root(f), [&](TSNode n) {
                const auto t = sx::type(n);
                if (std::find(c.types.begin(), c.types.end(), t) == c.types.end()) return true;
                seen.emplace_back(t, ts_node_start_byte(n));
                if (skip_first && !skipped) return skipped = true, false;
                return true;
            });
            return seen;
        };
        auto typed = [&](bool skip_first) {
            std::vector<std::pair<std::string, std::uint32_t>> seen;
            bool skipped = false;
            auto visit = [&](TSNode n) {
                seen.emplace_back(sx::type(n), ts_node_start_byte(n));
                if (skip_first && !skipped) return skipped = true, false;
                return true;
            };
            switch (c.types.size()) {  // walk_types takes an initializer list
                case 2: sx::walk_types(sx::root(f), {c.types[0], c.types[1]}, visit); break;
                case 3: sx::walk_types(sx::root(f), {c.types[0], c.types[1], c.types[2]}, visit); break;
                default: sx::walk_types(sx::root(f), {c.types[0], c.types[1], c.types[2], c.types[3]}, visit); break;
            }
            return seen;
        };
        for (bool skip : {false, true}) {
            const auto expected = filtered(skip);
            EXPECT_FALSE(expected.empty());
            EXPECT_EQ(typed(skip), expected) << c.text;  // no index: the cursor walk
        }
        f.syntax_index = sx::build_index(f);
        ASSERT_TRUE(f.syntax_index);
        for (bool skip : {false, true}) EXPECT_EQ(typed(skip), filtered(skip)) << c.text;  // over the index
    }
}

TEST(Syntax, InterpolatedJavaScript) {
    File f = make_file(Language::javascript,
                       "const a = `SELECT ${id}`;\n"
                       "const b = `SELECT 1`;\n"
                       "const c = 'SELECT ' + id;\n"
                       "const d = 'a' + 'b';\n"
                       "const e = 'a' + 1;\n"
                       "const g = x + y;\n"
                       "const h = 'a' + ('b' + id) + 'c';\n"
                       "const i = id + ' FROM t';\n"
                       "const j = 'plain';\n");
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "a")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "b")));
    EXPECT_TRUE(sx::is_string_literal(value_of(f, "b")));
    EXPECT_EQ(sx::string_value(f, value_of(f, "b")), "SELECT 1");
    EXPECT_FALSE(sx::is_string_literal(value_of(f, "a")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "c")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "d")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "e")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "g")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "h")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "i")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "j")));
    EXPECT_TRUE(sx::is_string_literal(value_of(f, "j")));
    EXPECT_EQ(sx::string_value(f, value_of(f, "j")), "plain");
    EXPECT_EQ(sx::string_value(f, value_of(f, "c")), "");
}

TEST(Syntax, InterpolatedPython) {
    File f = make_file(Language::python,
                       "a = f\"SELECT * FROM t WHERE id = {uid}\"\n"
                       "b = \"SELECT %s\" % uid\n"
                       "c = \"SELECT {}\".format(uid)\n"
                       "d = \"SELECT \" + uid\n"
                       "e = \"SELECT 1\"\n"
                       "g = f\"static\"\n"
                       "h = r\"^x/$\"\n"
                       "i = \"a\" \"b\"\n"
                       "j = \"x\".center(10)\n"
                       "k = '''tri\nple'''\n");
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "a")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "b")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "c")));
    EXPECT_TRUE(sx::is_interpolated_string(f, value_of(f, "c")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "d")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "e")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "g")));
    EXPECT_FALSE(sx::is_interpolated_string(f, value_of(f, "j")));
    EXPECT_TRUE(sx::is_string_literal(value_of(f, "e")));
    EXPECT_EQ(sx::string_value(f, value_of(f, "e")), "SELECT 1");
    EXPECT_EQ(sx::string_value(f, value_of(f, "g")), "static");
    EXPECT_EQ(sx::string_value(f, value_of(f, "h")), "^x/$");
    EXPECT_TRUE(sx::is_string_literal(value_of(f, "i")));
    EXPECT_EQ(sx::string_value(f, value_of(f, "i")), "ab");
    EXPECT_EQ(sx::string_value(f, value_of(f, "k")), "tri\nple");
}

TEST(Syntax, InterpolatedGo) {
    File f = make_file(Language::go,
                       "package main\nimport \"fmt\"\nfunc q(id string) {\n"
                       "  a := \"SELECT * FROM t WHERE id = \" + id\n"
                       "  b := fmt.Sprintf(\"SELECT %s\", id)\n"
                       "  c := \"SELECT \" + \"1\"\n"
                       "  d := `raw ${x}`\n"
                       "  e := \"plain\\tx\"\n"
                       "  g := fmt.Println(\"x\", id)\n"
                       "}\n");
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "a")));
    EXPECT_TRUE(sx::is_interpolated_string(value_of(f, "b")));
    EXPECT_TRUE(sx::is_interpolated_string(f, value_of(f, "b")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "c")));
    EXPECT_FALSE(sx::is_interpolated_string(value_of(f, "d")));
    EXPECT_TRUE(sx::is_string_literal(value_of(f, "d")));
    EXPECT_EQ(sx::string_value(f, value_of(f, "d")), "raw ${x}");
    EXPECT_EQ(sx::string_value(f, value_of(f, "e")), "plain\tx");
    EXPECT_FALSE(sx::is_interpolated_string(f, value_of(f, "g")));
}

TEST(Syntax, FindFunctionJavaScriptAndTypeScript) {
    File js = make_file(Language::javascript,
                        "function health(req, res) { res.send('ok'); }\n"
                        "const list = async (req, res) => { res.json([]); };\n"
                        "const named = function inner() { return 1; };\n"
                        "exports.ready = (req, res) => res.send('ready');\n"
                        "class C { show(req) { return 'show'; } }\n");
    auto h = sx::find_function(js, "health");
    ASSERT_TRUE(h);
    EXPECT_EQ(sx::type(*h), "function_declaration");
    EXPECT_NE(sx::text(js, sx::function_body(*h)).find("res.send('ok')"), std::string_view::npos);
    auto l = sx::find_function(js, "list");
    ASSERT_TRUE(l);
    EXPECT_EQ(sx::type(*l), "arrow_function");
    EXPECT_EQ(sx::type(*sx::find_function(js, "named")), "function_expression");
    auto r = sx::find_function(js, "ready");
    ASSERT_TRUE(r);
    EXPECT_EQ(sx::text(js, sx::function_body(*r)), "res.send('ready')");
    auto m = sx::find_function(js, "show");
    ASSERT_TRUE(m);
    EXPECT_EQ(sx::type(*m), "method_definition");
    EXPECT_FALSE(sx::find_function(js, "missing"));

    File ts = make_file(Language::typescript,
                        "export async function GET(req: Request): Promise<Response> { return Response.json({}); }\n"
                        "export class S { private handle = async (x: number) => { return x; }; }\n");
    ASSERT_TRUE(sx::find_function(ts, "GET"));
    auto field = sx::find_function(ts, "handle");
    ASSERT_TRUE(field);
    EXPECT_EQ(sx::type(*field), "arrow_function");
}

TEST(Syntax, FindFunctionGoAndPython) {
    File go = make_file(Language::go,
                        "package api\n"
                        "func Health(w http.ResponseWriter, r *http.Request) { w.Write([]byte(\"ok\")) }\n"
                        "func (s *Server) getItem(w http.ResponseWriter, r *http.Request) { s.db.Get() }\n");
    auto h = sx::find_function(go, "Health");
    ASSERT_TRUE(h);
    EXPECT_EQ(sx::type(*h), "function_declaration");
    auto m = sx::find_function(go, "getItem");
    ASSERT_TRUE(m);
    EXPECT_EQ(sx::type(*m), "method_declaration");
    EXPECT_NE(sx::text(go, sx::function_body(*m)).find("s.db.Get()"), std::string_view::npos);

    File go2 = make_file(Language::go, "package api\nvar index = func(c *gin.Context) { c.String(200, \"x\") }\n"
                                       "func main() { h := func(w http.ResponseWriter, r *http.Request) {}; _ = h }\n");
    ASSERT_TRUE(sx::find_function(go2, "index"));
    EXPECT_EQ(sx::type(*sx::find_function(go2, "index")), "func_literal");
    ASSERT_TRUE(sx::find_function(go2, "h"));

    File py = make_file(Language::python,
                        "class View:\n    def get(self, request):\n        return 'method'\n\n"
                        "@decorator\ndef get(request):\n    return 'function'\n");
    auto g = sx::find_function(py, "get");
    ASSERT_TRUE(g);  // a module-level function wins over a method of the same name
    EXPECT_NE(sx::text(py, sx::function_body(*g)).find("'function'"), std::string_view::npos);
}

TEST(Syntax, FunctionsListsEveryNamedFunction) {
    File js = make_file(Language::javascript,
                        "function a() {}\nconst b = () => 1;\nclass C { m() {} }\nexports.d = function () {};\n");
    auto fns = sx::functions(js);
    std::vector<std::string> names;
    for (const auto& nf : fns) names.push_back(std::string(nf.name) + (nf.method ? "()" : ""));
    const std::vector<std::string> want = {"a", "b", "m()", "d"};
    EXPECT_EQ(names, want);
}

TEST(Syntax, EnclosingFunctionAndNodeAt) {
    File f = make_file(Language::javascript, "function outer() {\n  const inner = () => { db.query(sql); };\n}\n");
    const auto offset = static_cast<std::uint32_t>(f.text.find("db.query"));
    TSNode n = sx::node_at(f, offset, offset + 2);
    EXPECT_EQ(sx::text(f, n), "db");
    TSNode fn = sx::enclosing_function(n);
    EXPECT_EQ(sx::type(fn), "arrow_function");
    TSNode outer = sx::enclosing_function(fn);
    EXPECT_EQ(sx::type(outer), "function_declaration");
    EXPECT_TRUE(ts_node_is_null(sx::enclosing_function(outer)));
    EXPECT_EQ(sx::type(sx::function_body(fn)), "statement_block");
}

TEST(Syntax, WalkCanSkipChildren) {
    File f = make_file(Language::javascript, "function a() { b(); }\nc();\n");
    int calls_seen = 0;
    sx::walk(sx::root(f), [&](TSNode n) {
        if (sx::type(n) == "function_declaration") return false;
        if (sx::type(n) == "call_expression") ++calls_seen;
        return true;
    });
    EXPECT_EQ(calls_seen, 1);
    // Walking a sub-tree never leaves it.
    int inside = 0;
    sx::walk(*sx::find_function(f, "a"), [&](TSNode n) {
        if (sx::type(n) == "call_expression") ++inside;
        return true;
    });
    EXPECT_EQ(inside, 1);
}

TEST(Syntax, ImportsJavaScript) {
    File f = make_file(Language::typescript,
                       "import express from 'express';\n"
                       "import { z } from \"zod\";\n"
                       "import type { T } from './types';\n"
                       "const pg = require('pg');\n"
                       "export { x } from './x';\n"
                       "const lazy = await import('./lazy');\n"
                       "import 'dotenv/config';\n");
    auto im = sx::imports(f);
    std::vector<std::string> want = {"express", "zod", "./types", "pg", "./x", "./lazy", "dotenv/config"};
    EXPECT_EQ(im, want);
}

TEST(Syntax, ImportsGoAndPython) {
    File go = make_file(Language::go,
                        "package main\nimport (\n  \"net/http\"\n  gin \"github.com/gin-gonic/gin\"\n)\nimport \"fmt\"\n");
    std::vector<std::string> go_want = {"net/http", "github.com/gin-gonic/gin", "fmt"};
    EXPECT_EQ(sx::imports(go), go_want);

    File py = make_file(Language::python,
                        "import os.path, sys as system\n"
                        "from fastapi import FastAPI, APIRouter\n"
                        "from .views import health\n"
                        "from . import models\n"
                        "from ..lib.db import session\n");
    std::vector<std::string> py_want = {"os.path", "sys", "fastapi", ".views", ".models", "..lib.db"};
    EXPECT_EQ(sx::imports(py), py_want);
}

TEST(Syntax, MentionsIdentifier) {
    File f = make_file(Language::javascript, "function h(req, res) { const u = prisma.user.findMany(); res.json(u); }");
    TSNode fn = *sx::find_function(f, "h");
    EXPECT_TRUE(sx::mentions_identifier(f, fn, "prisma"));
    EXPECT_TRUE(sx::mentions_identifier(f, fn, "findMany"));
    EXPECT_TRUE(sx::mentions_identifier(f, fn, "prisma.user"));
    EXPECT_FALSE(sx::mentions_identifier(f, fn, "pris"));
    EXPECT_FALSE(sx::mentions_identifier(f, fn, "redis"));
}

TEST(Syntax, BrokenSourceStillParses) {
    File f = make_file(Language::typescript, "export function GET( { return 1 \n app.get('/x', (req, res) => {");
    ASSERT_TRUE(f.tree);
    EXPECT_TRUE(ts_node_has_error(sx::root(f)));
    (void)sx::calls(f, sx::root(f));
    (void)sx::imports(f);
}

}  // namespace
}  // namespace gonogo::collect
