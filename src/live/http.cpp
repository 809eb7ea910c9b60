// libcurl client (see http.hpp). One easy handle per hop; the header callback
// keeps only the last response's headers (a 100 Continue or proxy CONNECT
// answer starts a new block); the write callback stops at the body cap.
#include "live/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::live {
namespace {

struct Sink {
    std::vector<Header> headers;
    std::string status_line;
    std::string body;
    std::size_t cap = 0;
    bool truncated = false;
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    std::string_view line(data, size * n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (str::starts_with(line, "HTTP/")) {
        s->headers.clear();
        s->status_line = std::string(line);
    } else if (auto colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
        s->headers.push_back({str::lower(str::trim(line.substr(0, colon))), std::string(str::trim(line.substr(colon + 1)))});
    }
    return size * n;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    std::size_t len = size * n;
    if (s->body.size() + len > s->cap) {
        s->body.append(data, s->cap - s->body.size());
        s->truncated = true;
        return 0;  // stops the transfer: CURLE_WRITE_ERROR, handled as a truncated body
    }
    s->body.append(data, len);
    return len;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::string describe(CURLcode rc, const char* errbuf, long timeout_ms) {
    std::string detail = errbuf && *errbuf ? errbuf : curl_easy_strerror(rc);
    switch (rc) {
        case CURLE_OPERATION_TIMEDOUT: return fmt::format("no complete answer within {} ms ({})", timeout_ms, detail);
        case CURLE_COULDNT_CONNECT: return fmt::format("connection refused or unreachable ({})", detail);
        case CURLE_COULDNT_RESOLVE_HOST: return fmt::format("host name not found ({})", detail);
        case CURLE_GOT_NOTHING: return "the server closed the connection without answering";
        case CURLE_RECV_ERROR: return fmt::format("the connection was reset while reading the answer ({})", detail);
        case CURLE_SEND_ERROR: return fmt::format("the connection was reset while sending the request ({})", detail);
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_UNSUPPORTED_PROTOCOL: return fmt::format("the answer is not HTTP ({})", detail);
        case CURLE_PEER_FAILED_VERIFICATION: return fmt::format("the certificate is not trusted ({})", detail);
        case CURLE_SSL_CONNECT_ERROR: return fmt::format("TLS handshake failed ({})", detail);
        default: return detail;
    }
}

// One request without following redirects.
Result<Response> one(const Request& rq, const std::string& url, const ClientOptions& o, long budget_ms) {
    std::unique_ptr<CURL, EasyDeleter> h(curl_easy_init());
    if (!h) return fail("cannot start an HTTP client", url);
    CURL* c = h.get();
    Sink sink;
    sink.cap = o.max_body;
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_slist* raw = nullptr;
    for (const auto& x : o.headers) raw = curl_slist_append(raw, x.c_str());
    for (const auto& x : rq.headers) raw = curl_slist_append(raw, x.c_str());
    std::unique_ptr<curl_slist, ListDeleter> list(raw);
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(o.connect_timeout_ms, budget_ms));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, budget_ms);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // advertise every encoding libcurl decodes
    curl_easy_setopt(c, CURLOPT_USERAGENT, "gonogo-probe/1 (production-readiness check)");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(1) << 40);
    if (list) curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
    if (o.insecure) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!o.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_file.c_str());
    if (rq.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (rq.method != "GET") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, rq.method.c_str());
    if (!rq.body.empty()) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, rq.body.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(rq.body.size()));
    }
    CURLcode rc = curl_easy_perform(c);
    Response r;
    r.url = url;
    r.final_url = url;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    // A body cut at the cap, or a time limit reached once the status and headers were in, still
    // leaves a response to judge; everything else is an error.
    bool cut = rc == CURLE_WRITE_ERROR && sink.truncated;
    bool slow_body = rc == CURLE_OPERATION_TIMEDOUT && r.status > 0 && !sink.status_line.empty();
    if (rc != CURLE_OK && !cut && !slow_body) return fail(describe(rc, errbuf, budget_ms), url);
    r.truncated = sink.truncated || slow_body;
    r.headers = std::move(sink.headers);
    r.body = std::move(sink.body);
    long version = 0;
    curl_easy_getinfo(c, CURLINFO_HTTP_VERSION, &version);
    r.http_version = version == CURL_HTTP_VERSION_2_0 ? "2" : version == CURL_HTTP_VERSION_1_0 ? "1.0" : "1.1";
    curl_off_t start = 0, total = 0;
    curl_easy_getinfo(c, CURLINFO_STARTTRANSFER_TIME_T, &start);
    curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &total);
    r.ttfb_ms = static_cast<double>(start) / 1000.0;
    r.total_ms = static_cast<double>(total) / 1000.0;
    char* loc = nullptr;
    curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc);
    r.hops.push_back({url, r.status, loc ? loc : ""});
    return r;
}

}  // namespace

std::optional<std::string> Response::header(std::string_view name) const {
    for (const auto& h : headers)
        if (h.name == name) return h.value;
    return std::nullopt;
}

std::vector<std::string> Response::all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& h : headers)
        if (h.name == name) out.push_back(h.value);
    return out;
}

std::optional<Url> parse_url(std::string_view url) {
    Url u;
    auto sep = url.find("://");
    if (sep == std::string_view::npos) return std::nullopt;
    u.scheme = str::lower(url.substr(0, sep));
    auto rest = url.substr(sep + 3);
    auto slash = rest.find_first_of("/?#");
    auto authority = rest.substr(0, slash);
    u.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    if (u.path.front() != '/') u.path = "/" + u.path;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
    auto colon = authority.rfind(':');
    bool ipv6 = !authority.empty() && authority.front() == '[';
    if (colon != std::string_view::npos && (!ipv6 || authority.find(']') < colon)) {
        u.host = std::string(authority.substr(0, colon));
        auto port = authority.substr(colon + 1);
        int p = 0;
        for (char ch : port) {
            if (ch < '0' || ch > '9') return std::nullopt;
            p = p * 10 + (ch - '0');
            if (p > 65535) return std::nullopt;
        }
        u.port = p;
    } else {
        u.host = std::string(authority);
        u.port = u.scheme == "https" ? 443 : 80;
    }
    if (u.host.empty() || (u.scheme != "http" && u.scheme != "https")) return std::nullopt;
    return u;
}

std::string resolve(std::string_view base, std::string_view location) {
    if (location.find("://") != std::string_view::npos) return std::string(location);
    auto b = parse_url(base);
    if (!b) return std::string(location);
    std::string origin = b->scheme + "://" + b->host +
                         ((b->scheme == "https" && b->port == 443) || (b->scheme == "http" && b->port == 80) ? "" : ":" + std::to_string(b->port));
    if (str::starts_with(location, "//")) return b->scheme + ":" + std::string(location);
    if (str::starts_with(location, "/")) return origin + std::string(location);
    auto dir = b->path.substr(0, b->path.rfind('/') + 1);
    return origin + dir + std::string(location);
}

Result<Response> fetch(const Request& rq, const ClientOptions& o) {
    global_init();
    auto parsed = parse_url(rq.url);
    if (!parsed) return fail("not an http:// or https:// URL", rq.url);
    std::vector<Hop> hops;
    std::string url = rq.url;
    double elapsed = 0, ttfb = 0;
    for (int hop = 0;; ++hop) {
        long budget = std::max<long>(1, o.total_timeout_ms - static_cast<long>(elapsed));
        auto r = one(rq, url, o, budget);
        if (!r) return r;
        elapsed += r->total_ms;
        ttfb = r->ttfb_ms;
        hops.push_back(r->hops.front());
        bool redirect = r->status >= 300 && r->status < 400 && !r->hops.front().location.empty();
        if (!rq.follow_redirects || !redirect) {
            r->url = rq.url;
            r->hops = std::move(hops);
            r->total_ms = elapsed;
            r->ttfb_ms = ttfb;
            return r;
        }
        std::string next = resolve(url, r->hops.front().location);
        for (const auto& h : hops)
            if (h.url == next) return fail(fmt::format("redirect loop: {} leads back to {}", url, next), rq.url);
        if (hop + 1 > o.max_redirects) return fail(fmt::format("more than {} redirects (last to {})", o.max_redirects, next), rq.url);
        if (!parse_url(next)) return fail(fmt::format("redirect to a non-HTTP location '{}'", next), url);
        url = next;
    }
}

}  // namespace gonogo::live
