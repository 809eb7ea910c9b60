// HTTP route extraction for the supported frameworks: Next.js (app router
// route handlers, pages/api), Express, Fastify, Koa, NestJS, Go net/http, gin,
// echo, chi, httprouter, FastAPI, Flask, Django. Fills RepoModel::routes and
// each service's route list; handlers are resolved to their function body
// when they are inline or named in the same file or an imported file.
#pragma once
#include "collect/model.hpp"

namespace gonogo::collect {

// Requires files with trees and services with frameworks already detected.
void extract_routes(RepoModel& model);

}  // namespace gonogo::collect
