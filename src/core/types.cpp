// String conversions and outcome constructors (see types.hpp).
#include "core/types.hpp"

namespace gonogo {

std::string_view to_string(Tier t) {
    switch (t) {
        case Tier::tier0: return "tier0";
        case Tier::tier1: return "tier1";
        case Tier::tier2: return "tier2";
        case Tier::hobby: return "hobby";
    }
    return "tier1";
}

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::blocker: return "blocker";
        case Severity::warning: return "warning";
        case Severity::recommendation: return "recommendation";
        case Severity::skip: return "skip";
    }
    return "skip";
}

std::string_view to_string(Status s) {
    switch (s) {
        case Status::pass: return "pass";
        case Status::fail: return "fail";
        case Status::na: return "na";
        case Status::unknown: return "unknown";
        case Status::unverified: return "unverified";
        case Status::error: return "error";
        case Status::waived: return "waived";
        case Status::attested: return "attested";
    }
    return "unknown";
}

std::optional<Tier> parse_tier(std::string_view s) {
    if (s == "0" || s == "tier0") return Tier::tier0;
    if (s == "1" || s == "tier1") return Tier::tier1;
    if (s == "2" || s == "tier2") return Tier::tier2;
    if (s == "hobby") return Tier::hobby;
    return std::nullopt;
}

std::optional<Severity> parse_severity(std::string_view s) {
    for (auto v : {Severity::blocker, Severity::warning, Severity::recommendation, Severity::skip})
        if (to_string(v) == s) return v;
    return std::nullopt;
}

std::optional<Status> parse_status(std::string_view s) {
    for (auto v : {Status::pass, Status::fail, Status::na, Status::unknown, Status::unverified, Status::error,
                   Status::waived, Status::attested})
        if (to_string(v) == s) return v;
    return std::nullopt;
}

Outcome pass(std::string message, std::vector<Evidence> evidence) {
    return Outcome{Status::pass, std::move(message), std::move(evidence), false, {}};
}
Outcome fail(std::string message, std::vector<Evidence> evidence) {
    return Outcome{Status::fail, std::move(message), std::move(evidence), false, {}};
}
Outcome na(std::string message) { return Outcome{Status::na, std::move(message), {}, false, {}}; }
Outcome unknown(std::string message, std::vector<Evidence> evidence) {
    return Outcome{Status::unknown, std::move(message), std::move(evidence), false, {}};
}

}  // namespace gonogo
