// SEC-29 live: a missing route and a malformed JSON body must not answer with
// a stack trace, a framework debug page or a database error. The markers are
// the texts those pages carry (Python tracebacks, Node and Java stack frames,
// Go panics, the Django, Werkzeug, Rails and Laravel debug pages, SQL errors).
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {
namespace {

struct Marker {
    const char* text;
    const char* what;
};

constexpr std::array<Marker, 18> k_markers{{
    {"Traceback (most recent call last)", "a Python traceback"},
    {"You're seeing this error because you have", "Django's DEBUG page"},
    {"Werkzeug Debugger", "the Werkzeug debugger"},
    {"goroutine 1 [running]", "a Go panic"},
    {"panic: runtime error", "a Go panic"},
    {"at Object.<anonymous>", "a Node.js stack trace"},
    {"at Module._compile", "a Node.js stack trace"},
    {"node:internal/", "a Node.js stack trace"},
    {"Exception in thread \"", "a Java stack trace"},
    {"at java.", "a Java stack trace"},
    {"ActionController::RoutingError", "the Rails debug page"},
    {"Whoops! There was an error", "the Laravel debug page"},
    {"SQLSTATE[", "a SQL error"},
    {"You have an error in your SQL syntax", "a MySQL error"},
    {"syntax error at or near", "a PostgreSQL error"},
    {"PrismaClientKnownRequestError", "a Prisma error"},
    {"SequelizeDatabaseError", "a Sequelize error"},
    {"ORA-0", "an Oracle error"},
}};

}  // namespace

Outcome error_leakage(Session& s) {
    if (!s.home()) return unknown("The service did not answer.");
    std::vector<std::pair<Request, std::string>> asks;
    Request missing;
    missing.url = s.url_for("/gonogo-probe-missing-page/..%2f?x=%27%22%3C");
    asks.push_back({missing, "GET a missing route"});
    Request bad_json;
    bad_json.method = "POST";
    bad_json.url = s.options().url;
    bad_json.headers = {"Content-Type: application/json"};
    bad_json.body = "{\"gonogo\": [1, 2,";
    asks.push_back({bad_json, "POST malformed JSON"});
    if (const auto* h = s.health()) {
        Request hb = bad_json;
        hb.url = h->url;
        asks.push_back({hb, "POST malformed JSON to the health endpoint"});
    }
    std::vector<Evidence> leaks, clean;
    for (auto& [rq, what] : asks) {
        rq.follow_redirects = false;
        auto r = s.send(rq);
        if (!r) continue;
        const Marker* hit = nullptr;
        for (const auto& m : k_markers)
            if (str::contains(r->body, m.text)) {
                hit = &m;
                break;
            }
        if (hit) {
            auto at = r->body.find(hit->text);
            std::string excerpt = str::clip(r->body.substr(at), 80);
            std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
            leaks.push_back(live_evidence(*r, fmt::format("{}: {} (\"{}\")", what, hit->what, excerpt), rq.method));
        } else {
            clean.push_back(live_evidence(*r, fmt::format("{}: {} without internals", what, r->status), rq.method));
        }
    }
    if (!leaks.empty()) return fail(fmt::format("Error answers leak internals: {}.", leaks.front().note), leaks);
    if (clean.empty()) return unknown("None of the error requests got an answer.");
    return pass(fmt::format("{} error answer(s) carry no stack trace, debug page or SQL error.", clean.size()), clean);
}

}  // namespace gonogo::live
