// TLS inspection of a service's HTTPS port with OpenSSL (Debian's libssl):
// each protocol from SSLv3 to TLS 1.3 tried on its own, forward secrecy,
// weak cipher classes, the certificate chain against the system store (or
// --ca), the host name, key type and size, days to expiry and OCSP stapling,
// and a rating on the SSL Labs server rating guide's scheme as testssl.sh
// implements it (protocol 30 %, key exchange 30 %, cipher strength 40 %, then
// the caps). What this OpenSSL cannot speak (SSLv3, RC4, export ciphers in
// OpenSSL 3) is reported as not testable, never as not offered.
#pragma once
#include <string>
#include <vector>

#include "live/http.hpp"

namespace gonogo::live {

struct TlsProtocol {
    std::string name;        // SSLv3, TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3
    bool testable = true;    // this OpenSSL can speak it
    bool offered = false;
    std::string cipher;      // negotiated when offered
    int bits = 0;
    bool forward_secrecy = false;
};

struct WeakCipherClass {
    std::string name;        // NULL, anonymous, export, RC4, 3DES, static RSA (no forward secrecy)
    bool testable = true;
    bool offered = false;
    std::string cipher;
};

struct Certificate {
    bool present = false;
    std::string subject, issuer, not_after;
    std::vector<std::string> names;  // subject alternative names
    std::string key_type;            // RSA, EC, Ed25519, ...
    int key_bits = 0;
    long days_left = 0;              // negative: expired
    bool chain_valid = false;
    std::string chain_error;         // OpenSSL's verification message when not valid
    bool hostname_ok = false;
    bool ocsp_stapled = false;
    int chain_length = 0;
};

struct TlsReport {
    std::string host;
    int port = 0;
    std::vector<TlsProtocol> protocols;
    std::vector<WeakCipherClass> weak;
    Certificate cert;
    bool forward_secrecy = false;    // a current client (TLS 1.0-1.3, every cipher) gets a forward-secret key exchange
    std::string negotiated;          // that client's protocol and cipher
    int score = 0;                   // 0..100 before caps
    std::string grade;               // A+ .. F, or T when the certificate is not trusted
    std::vector<std::string> caps;   // why the grade is capped
};

// Fails only when no TLS handshake succeeds at all (the error names host:port and why).
// `hsts_max_age` (seconds, from the HTTP answer; -1 when absent) decides A+.
Result<TlsReport> inspect_tls(const std::string& host, int port, const ClientOptions& options, long long hsts_max_age);

}  // namespace gonogo::live
