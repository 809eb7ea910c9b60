// PERF-08 live: the home page, asked with Accept-Encoding: gzip, deflate, br,
// zstd, answers compressed when its body is worth it (over 1 KiB of text).
#include <fmt/format.h>

#include "live/probes.hpp"
#include "util/strings.hpp"

namespace gonogo::live {

Outcome compression(Session& s) {
    const Response* home = s.home();
    if (!home) return unknown("The home page did not answer.");
    if (home->body.size() < 1024) return na(fmt::format("The home page is {} bytes: too small for compression to matter.", home->body.size()));
    // libcurl advertises the encodings it decodes, so the cached answer already carries Content-Encoding.
    auto enc = str::lower(home->header("content-encoding").value_or(""));
    auto ev = live_evidence(*home, fmt::format("Content-Encoding: {} ({} bytes decoded)", enc.empty() ? "(none)" : enc, home->body.size()));
    if (enc.empty() || enc == "identity")
        return fail(fmt::format("{} answers {} bytes uncompressed although the client accepts gzip.", home->final_url, home->body.size()), {ev});
    return pass(fmt::format("{} is compressed ({}).", home->final_url, enc), {ev});
}

}  // namespace gonogo::live
