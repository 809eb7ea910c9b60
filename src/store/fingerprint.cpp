// Fingerprints and baseline comparison (see fingerprint.hpp).
#include "store/fingerprint.hpp"

#include <set>

#include <fmt/format.h>

namespace gonogo::store {
namespace {

void mix(std::uint64_t& h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator, so that ("ab","c") and ("a","bc") differ
    h *= 1099511628211ull;
}

bool failing(Status s) { return s == Status::fail || s == Status::waived; }

// Every run of digits as one '#': "TTFB 412 ms over 10 requests" and "TTFB 398 ms over 10 requests" agree.
std::string without_numbers(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (out.empty() || out.back() != '#') out += '#';
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string normalise(std::string_view line) {
    std::string out;
    bool space = false;
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string fingerprint(std::string_view control, const Evidence& e, const std::vector<std::string_view>& context) {
    std::uint64_t h = 1469598103934665603ull;
    mix(h, control);
    mix(h, e.path);
    const bool live = e.path.rfind("http://", 0) == 0 || e.path.rfind("https://", 0) == 0;
    if (context.empty() && live) {
        mix(h, without_numbers(normalise(e.snippet)));
        mix(h, without_numbers(normalise(e.note)));
    } else if (context.empty()) {
        mix(h, normalise(e.snippet));
        mix(h, normalise(e.note));
    } else {
        for (auto l : context) mix(h, normalise(l));
    }
    return fmt::format("{:016x}", h);
}

std::vector<FixedFinding> compare(std::vector<ControlResult>& current, const std::vector<ControlResult>& previous) {
    std::set<std::pair<std::string, std::string>> before, now;
    for (const auto& c : previous)
        if (failing(c.status))
            for (const auto* list : {&c.evidence, &c.waived_evidence})
                for (const auto& e : *list) before.insert({c.id, e.fingerprint});
    for (auto& c : current) {
        if (!failing(c.status)) continue;
        for (auto* list : {&c.evidence, &c.waived_evidence})
            for (auto& e : *list) {
                e.baseline = before.count({c.id, e.fingerprint}) ? "unchanged" : "new";
                now.insert({c.id, e.fingerprint});
            }
    }
    std::vector<FixedFinding> fixed;
    for (const auto& c : previous)
        if (failing(c.status))
            for (const auto* list : {&c.evidence, &c.waived_evidence})
                for (const auto& e : *list)
                    if (!now.count({c.id, e.fingerprint})) fixed.push_back({c.id, e});
    return fixed;
}

std::vector<ControlResult> only_new(const std::vector<ControlResult>& controls) {
    std::vector<ControlResult> out = controls;
    for (auto& c : out) {
        if (c.status != Status::fail) continue;
        bool any_new = c.evidence.empty();  // a failure without a file position cannot be told apart: it counts
        for (const auto& e : c.evidence) any_new = any_new || e.baseline != "unchanged";
        if (!any_new) {
            c.status = Status::waived;
            c.waiver = "every finding is present in the baseline (--new-only)";
        }
    }
    return out;
}

}  // namespace gonogo::store
