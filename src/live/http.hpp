// The HTTP client of the live probes, on Debian's libcurl (HTTP/1.1 and
// HTTP/2, OpenSSL): every request has a connect and a total timeout, a cap on
// the body it keeps, and redirects followed by hand (at most N, loops
// detected) so each hop is known. A server that hangs, resets, answers
// garbage, sends an endless body or redirects in circles gives a named error
// or a truncated response within the timeout, never a hang or a crash.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace gonogo::live {

struct Header {
    std::string name;   // lower case
    std::string value;  // trimmed
};

struct Hop {
    std::string url;
    long status = 0;
    std::string location;  // the Location it pointed to ("" on the last hop)
};

struct Response {
    std::string url;            // what was asked for
    std::string final_url;      // after redirects
    long status = 0;
    std::string http_version;   // "1.1", "2"
    std::vector<Header> headers;  // of the final response, in order (every Set-Cookie kept)
    std::vector<Hop> hops;      // every response on the way, the final one last
    std::string body;           // at most ClientOptions::max_body bytes
    bool truncated = false;     // the body was longer than the cap (or the transfer was cut at the time limit)
    double ttfb_ms = 0;         // time to the first byte of the final response
    double total_ms = 0;

    std::optional<std::string> header(std::string_view name) const;   // the first, by lower-case name
    std::vector<std::string> all(std::string_view name) const;        // every value
};

struct ClientOptions {
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 15000;
    int max_redirects = 5;
    std::size_t max_body = 1024 * 1024;
    bool insecure = false;        // do not verify certificates (--insecure)
    std::string ca_file;          // extra trust anchors (--ca)
    std::vector<std::string> headers;  // "Name: value" on every request (--header, e.g. auth)
};

struct Request {
    std::string method = "GET";
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;
    bool follow_redirects = true;
};

// Fails with a message that names the URL and what went wrong (timeout, refused, reset, not HTTP,
// redirect loop, certificate); a body over the cap is not a failure: the response says truncated.
Result<Response> fetch(const Request& request, const ClientOptions& options);

// "https://h:8443/a?b" -> scheme, host, port, path; empty scheme when the URL is not absolute.
struct Url {
    std::string scheme, host, path;
    int port = 0;
};
std::optional<Url> parse_url(std::string_view url);
// Resolves a Location against the URL it came from.
std::string resolve(std::string_view base, std::string_view location);

}  // namespace gonogo::live
