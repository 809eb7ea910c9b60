// TLS inspection (see tls.hpp). Every handshake has its own TCP connection
// with connect, send and receive timeouts; the security level is 0 and the
// protocol range pinned so that what the server offers is what is measured,
// whatever the system's OpenSSL defaults.
#include "live/tls.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>

#include <fmt/format.h>

namespace gonogo::live {
namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// A TCP connection with a connect timeout; reads and writes time out too.
int tcp_connect(const std::string& host, int port, long connect_ms, long io_ms, std::string& error) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res); rc != 0) {
        error = fmt::format("host name not found ({})", gai_strerror(rc));
        return -1;
    }
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> guard(res, freeaddrinfo);
    for (auto* a = res; a; a = a->ai_next) {
        int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        int flags = fcntl(fd, F_GETFL, 0);
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, static_cast<int>(connect_ms));
            int err = 0;
            socklen_t len = sizeof err;
            if (rc == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) rc = 0;
            else {
                error = rc == 0 ? fmt::format("no TCP connection within {} ms", connect_ms) : std::strerror(err ? err : errno);
                rc = -1;
            }
        } else if (rc != 0) {
            error = std::strerror(errno);
        }
        if (rc == 0) {
            fcntl(fd, F_SETFL, flags);
            timeval tv{io_ms / 1000, static_cast<suseconds_t>((io_ms % 1000) * 1000)};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
            return fd;
        }
        ::close(fd);
    }
    if (error.empty()) error = "cannot connect";
    return -1;
}

struct CtxFree {
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
struct SslFree {
    void operator()(SSL* s) const { SSL_free(s); }
};

struct Handshake {
    bool ok = false;
    bool testable = true;
    std::string error;
    std::string version, cipher;
    int bits = 0;
    bool forward_secrecy = false;
    Certificate cert;
};

bool is_ip(const std::string& host) {
    unsigned char buf[16];
    return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

std::string x509_name(X509_NAME* n) {
    if (!n) return "";
    char buf[512];
    X509_NAME_oneline(n, buf, sizeof buf);
    return buf;
}

void read_certificate(SSL* ssl, const std::string& host, Certificate& c) {
    X509* leaf = SSL_get0_peer_certificate(ssl);
    if (!leaf) return;
    c.present = true;
    c.subject = x509_name(X509_get_subject_name(leaf));
    c.issuer = x509_name(X509_get_issuer_name(leaf));
    if (auto* chain = SSL_get_peer_cert_chain(ssl)) c.chain_length = sk_X509_num(chain);
    long verify = SSL_get_verify_result(ssl);
    c.chain_valid = verify == X509_V_OK;
    if (!c.chain_valid) c.chain_error = X509_verify_cert_error_string(verify);
    c.hostname_ok = is_ip(host) ? X509_check_ip_asc(leaf, host.c_str(), 0) == 1 : X509_check_host(leaf, host.c_str(), 0, 0, nullptr) == 1;
    if (auto* sans = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(leaf, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
            const GENERAL_NAME* g = sk_GENERAL_NAME_value(sans, i);
            if (g->type == GEN_DNS) c.names.push_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(g->d.dNSName)));
            else if (g->type == GEN_IPADD && g->d.iPAddress->length == 4) {
                const unsigned char* b = ASN1_STRING_get0_data(g->d.iPAddress);
                c.names.push_back(fmt::format("{}.{}.{}.{}", b[0], b[1], b[2], b[3]));
            }
        }
        GENERAL_NAMES_free(sans);
    }
    if (EVP_PKEY* key = X509_get0_pubkey(leaf)) {
        int id = EVP_PKEY_get_base_id(key);
        c.key_type = id == EVP_PKEY_RSA ? "RSA" : id == EVP_PKEY_EC ? "EC" : id == EVP_PKEY_ED25519 ? "Ed25519" : id == EVP_PKEY_DSA ? "DSA" : "other";
        c.key_bits = EVP_PKEY_get_bits(key);
    }
    const ASN1_TIME* na = X509_get0_notAfter(leaf);
    int days = 0, secs = 0;
    if (ASN1_TIME_diff(&days, &secs, nullptr, na)) {
        // Whole days left, rounded down as testssl.sh counts them (4 days 23 hours is 4; an hour ago is -1).
        long long total = static_cast<long long>(days) * 86400 + secs;
        c.days_left = static_cast<long>(total >= 0 ? total / 86400 : -((-total + 86399) / 86400));
    }
    if (BIO* b = BIO_new(BIO_s_mem())) {
        ASN1_TIME_print(b, na);
        char* p = nullptr;
        long n = BIO_get_mem_data(b, &p);
        c.not_after.assign(p, static_cast<std::size_t>(n));
        BIO_free(b);
    }
    const unsigned char* ocsp = nullptr;
    c.ocsp_stapled = SSL_get_tlsext_status_ocsp_resp(ssl, &ocsp) > 0;
}

Handshake handshake(const std::string& host, int port, const ClientOptions& o, int min_v, int max_v, const char* ciphers,
                    bool want_cert) {
    Handshake h;
    std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx) {
        h.error = "cannot create a TLS context";
        return h;
    }
    SSL_CTX_set_security_level(ctx.get(), 0);
    if (!SSL_CTX_set_min_proto_version(ctx.get(), min_v) || !SSL_CTX_set_max_proto_version(ctx.get(), max_v)) {
        h.testable = false;
        h.error = "this OpenSSL cannot speak that protocol";
        return h;
    }
    if (ciphers && SSL_CTX_set_cipher_list(ctx.get(), ciphers) != 1) {
        ERR_clear_error();
        h.testable = false;
        h.error = "this OpenSSL has no cipher of that class";
        return h;
    }
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_default_verify_paths(ctx.get());
    if (!o.ca_file.empty()) SSL_CTX_load_verify_locations(ctx.get(), o.ca_file.c_str(), nullptr);
    Fd fd;
    fd.fd = tcp_connect(host, port, o.connect_timeout_ms, std::min(o.total_timeout_ms, 10000L), h.error);
    if (fd.fd < 0) return h;
    std::unique_ptr<SSL, SslFree> ssl(SSL_new(ctx.get()));
    SSL_set_fd(ssl.get(), fd.fd);
    if (!is_ip(host)) SSL_set_tlsext_host_name(ssl.get(), host.c_str());
    if (want_cert) SSL_set_tlsext_status_type(ssl.get(), TLSEXT_STATUSTYPE_ocsp);
    if (SSL_connect(ssl.get()) != 1) {
        unsigned long e = ERR_get_error();
        char buf[256] = {};
        ERR_error_string_n(e, buf, sizeof buf);
        h.error = e ? buf : "the server refused or closed the handshake";
        ERR_clear_error();
        return h;
    }
    h.ok = true;
    h.version = SSL_get_version(ssl.get());
    const SSL_CIPHER* c = SSL_get_current_cipher(ssl.get());
    h.cipher = SSL_CIPHER_get_name(c);
    h.bits = SSL_CIPHER_get_bits(c, nullptr);
    int kx = SSL_CIPHER_get_kx_nid(c);
    h.forward_secrecy = kx == NID_kx_ecdhe || kx == NID_kx_dhe || kx == NID_kx_any || kx == NID_kx_ecdhe_psk || kx == NID_kx_dhe_psk;
    if (want_cert) read_certificate(ssl.get(), host, h.cert);
    SSL_shutdown(ssl.get());
    return h;
}

int protocol_points(const std::string& p) {
    if (p == "SSLv3") return 80;
    if (p == "TLSv1.0") return 90;
    if (p == "TLSv1.1") return 95;
    return 100;
}

int key_points(const Certificate& c) {
    int bits = c.key_bits;
    if (c.key_type == "EC" || c.key_type == "Ed25519") bits = bits >= 384 ? 7680 : bits >= 256 ? 3072 : bits * 8;  // RSA-equivalent strength
    if (bits < 512) return 20;
    if (bits < 1024) return 40;
    if (bits < 2048) return 80;
    if (bits < 4096) return 90;
    return 100;
}

int cipher_points(int bits) {
    if (bits <= 0) return 0;
    if (bits < 128) return 20;
    if (bits < 256) return 80;
    return 100;
}

}  // namespace

Result<TlsReport> inspect_tls(const std::string& host, int port, const ClientOptions& o, long long hsts_seconds) {
    SSL_library_init();
    TlsReport r;
    r.host = host;
    r.port = port;
    struct P {
        const char* name;
        int version;
    };
    static const P k_protocols[] = {{"SSLv3", SSL3_VERSION}, {"TLSv1.0", TLS1_VERSION}, {"TLSv1.1", TLS1_1_VERSION},
                                    {"TLSv1.2", TLS1_2_VERSION}, {"TLSv1.3", TLS1_3_VERSION}};
    std::string last_error;
    int best_bits = 0, worst_bits = 1 << 20;
    for (const auto& p : k_protocols) {
#ifdef OPENSSL_NO_SSL3
        // Built without SSLv3 (Debian's OpenSSL 3): a refused handshake would prove nothing about the server.
        if (p.version == SSL3_VERSION) {
            r.protocols.push_back({p.name, false, false, "", 0, false});
            continue;
        }
#endif
        auto h = handshake(host, port, o, p.version, p.version, p.version < TLS1_3_VERSION ? "ALL:COMPLEMENTOFALL:@SECLEVEL=0" : nullptr, false);
        TlsProtocol t{p.name, h.testable, h.ok, h.cipher, h.bits, h.forward_secrecy};
        if (h.ok) {
            best_bits = std::max(best_bits, h.bits);
            worst_bits = std::min(worst_bits, h.bits);
        } else if (h.testable) {
            last_error = h.error;
        }
        r.protocols.push_back(std::move(t));
    }
    bool any = std::any_of(r.protocols.begin(), r.protocols.end(), [](const TlsProtocol& t) { return t.offered; });
    if (!any) return fail(fmt::format("no TLS handshake succeeded ({})", last_error), fmt::format("{}:{}", host, port));
    // The certificate, from a handshake a current client would make.
    auto main = handshake(host, port, o, TLS1_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", true);
    if (main.ok) {
        r.cert = main.cert;
        r.forward_secrecy = main.forward_secrecy;
        r.negotiated = main.version + " " + main.cipher;
    }
    struct W {
        const char* name;
        const char* list;
    };
    static const W k_weak[] = {{"NULL", "eNULL:@SECLEVEL=0"},        {"anonymous", "aNULL:@SECLEVEL=0"},
                               {"export", "EXPORT:@SECLEVEL=0"},     {"RC4", "RC4:@SECLEVEL=0"},
                               {"3DES", "3DES:@SECLEVEL=0"},         {"static RSA (no forward secrecy)", "kRSA:@SECLEVEL=0"}};
    for (const auto& w : k_weak) {
        auto h = handshake(host, port, o, TLS1_VERSION, TLS1_2_VERSION, w.list, false);
        r.weak.push_back({w.name, h.testable, h.ok, h.cipher});
        if (h.ok) {
            best_bits = std::max(best_bits, h.bits);
            worst_bits = std::min(worst_bits, h.bits);
        }
    }
    // Rating: protocol support 30 %, key exchange 30 %, cipher strength 40 %.
    int best_p = 0, worst_p = 100;
    for (const auto& t : r.protocols)
        if (t.offered) {
            best_p = std::max(best_p, protocol_points(t.name));
            worst_p = std::min(worst_p, protocol_points(t.name));
        }
    if (worst_bits == (1 << 20)) worst_bits = best_bits;
    double score = 0.3 * (best_p + worst_p) / 2.0 + 0.3 * key_points(r.cert) + 0.4 * (cipher_points(best_bits) + cipher_points(worst_bits)) / 2.0;
    r.score = static_cast<int>(score + 0.5);
    std::string grade = r.score >= 80 ? "A" : r.score >= 65 ? "B" : r.score >= 50 ? "C" : r.score >= 35 ? "D" : r.score >= 20 ? "E" : "F";
    auto cap = [&](const char* g, std::string why) {
        r.caps.push_back(fmt::format("{} (grade capped at {})", why, g));
        if (grade >= g) return;  // grades compare as text: "A" < "B" < ... < "F"; a worse grade stays
        grade = g;
    };
    auto offered = [&](const char* name) {
        for (const auto& t : r.protocols)
            if (t.name == name) return t.offered;
        return false;
    };
    auto weak = [&](const char* name) {
        for (const auto& w : r.weak)
            if (w.name == std::string(name)) return w.offered;
        return false;
    };
    if (weak("NULL") || weak("anonymous") || weak("export")) cap("F", "NULL, anonymous or export ciphers offered");
    if (offered("SSLv3")) cap("C", "SSLv3 offered");
    if (weak("RC4")) cap("C", "RC4 offered");
    if (weak("3DES")) cap("C", "3DES (64-bit block, Sweet32) offered");
    if (!offered("TLSv1.2") && !offered("TLSv1.3")) cap("C", "neither TLS 1.2 nor TLS 1.3 offered");
    if (offered("TLSv1.0") || offered("TLSv1.1")) cap("B", "TLS 1.0 or 1.1 offered");
    if (!main.forward_secrecy) cap("B", "no forward secrecy with a current client");
    if (r.cert.key_type == "RSA" && r.cert.key_bits < 2048) cap(r.cert.key_bits < 1024 ? "F" : "B", fmt::format("RSA key of {} bits", r.cert.key_bits));
    if (grade == "A" && hsts_seconds >= 15768000 && r.caps.empty()) grade = "A+";
    if (!r.cert.chain_valid || !r.cert.hostname_ok || r.cert.days_left < 0) {
        r.caps.push_back("the certificate is not trusted (expired, wrong host name or unknown issuer): grade T");
        grade = "T";
    }
    r.grade = grade;
    return r;
}

}  // namespace gonogo::live
