// OBS-02 live: a request carrying X-Request-ID gets it back in the answer
// (X-Request-ID, X-Correlation-ID or the traceparent's trace id), so a user's
// report can be matched to the logs; an answer that carries an id of its own
// shows the service generates ids.
#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {

Outcome request_id(Session& s) {
    if (!s.home()) return unknown("The home page did not answer.");
    const std::string id = "gonogo-probe-4f1c2a9e7b";
    Request rq;
    rq.url = s.options().url;
    rq.headers = {"X-Request-ID: " + id};
    auto r = s.send(rq);
    if (!r) return unknown("The request with X-Request-ID got no answer.");
    for (const char* name : {"x-request-id", "x-correlation-id", "request-id", "x-amzn-requestid", "traceparent"})
        if (auto v = r->header(name)) {
            bool echoed = str::contains(*v, id);
            auto ev = live_evidence(*r, fmt::format("sent X-Request-ID: {}; got {}: {}", id, name, *v));
            return pass(echoed ? fmt::format("The request id is echoed back in {}.", name)
                               : fmt::format("The answer carries its own request id in {} (the one sent was not kept).", name),
                        {ev});
        }
    return fail("The answer carries no request id (X-Request-ID, X-Correlation-ID, traceparent), not even the one sent.",
                {live_evidence(*r, "sent X-Request-ID: " + id + "; no id header came back")});
}

}  // namespace gonogo::live
