// Security-header grading with the MDN HTTP Observatory's published algorithm,
// version 4 (mdn/mdn-http-observatory: src/grader/charts.js, the scanner's two
// rounds): start at 100, subtract every penalty, add the bonuses only when the
// result is still 90 or more, grade from the chart (the score rounded down to
// a multiple of 5, 100 and above is A+). Ten tests: CSP, cookies, CORS,
// redirection, Referrer-Policy, HSTS, subresource integrity,
// X-Content-Type-Options, X-Frame-Options, Cross-Origin-Resource-Policy.
// Hand-written: no Debian library implements this grading.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "live/http.hpp"

namespace gonogo::live {

inline constexpr int k_observatory_algorithm = 4;

struct ObservatoryTest {
    std::string test;      // e.g. content-security-policy
    std::string result;    // the Observatory expectation, e.g. csp-not-implemented
    int modifier = 0;
    std::string seen;      // the header value (or fact) it was decided from
};

struct ObservatoryGrade {
    int score = 0;
    std::string grade;     // A+ .. F
    std::vector<ObservatoryTest> tests;
    const ObservatoryTest* find(std::string_view test) const;
};

struct ObservatoryInput {
    const Response* page = nullptr;         // the graded response (the home page, redirects followed)
    const Response* http_page = nullptr;    // the same path over http:// (nullptr: not reachable over http)
    const Response* cors_probe = nullptr;   // the page asked with an unrelated Origin (nullptr: not asked)
    std::string probe_origin;               // that Origin
};

ObservatoryGrade grade_headers(const ObservatoryInput& in);

// The grade for a score (0 and below F, 100 and above A+).
std::string observatory_grade(int score);

// The max-age of a Strict-Transport-Security value (directives are case-insensitive, the number may
// be quoted); nullopt when there is none or it is not a number. Shared by every live HSTS check.
std::optional<long long> hsts_max_age(std::string_view value);

// One Set-Cookie header, as the cookie tests read it.
struct Cookie {
    std::string name;
    bool secure = false;
    bool http_only = false;
    std::string same_site;  // lower case; "" when absent
    bool session_like = false;  // the Observatory's rule: the name holds "login" or "sess"
    bool anticsrf = false;      // the name holds "csrf"
};
Cookie parse_cookie(std::string_view set_cookie);

}  // namespace gonogo::live
