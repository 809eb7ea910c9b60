// The telemetry group's collectors for outbound calls (REL-10, OBS-09), payment
// clients and email sends (REL-11): each site with how it is bounded or retried.
#pragma once
#include <string>
#include <vector>

#include "checks/observability/telemetry_util.hpp"

namespace gonogo::checks::telemetry {

// ---- outbound calls (REL-10, OBS-09) ------------------------------------------------------
enum class Bound { bounded, by_default, unbounded, unresolved };
struct Outbound {
    const File* file = nullptr;
    TSNode node{};
    std::string client;  // "fetch", "axios", "nodemailer", "stripe", "http.Get", "requests", ...
    Bound bound = Bound::unresolved;
    std::string why;     // one phrase: what is (not) bounding it
};
std::vector<Outbound> outbound_calls(const ProbeContext& ctx);

// ---- payment clients and email sends (REL-11) ------------------------------------------------
struct PaymentClient {
    const File* file = nullptr;
    TSNode node{};
    std::string provider;        // "Stripe"
    Has retries = Has::unknown;  // SDK-level retries configured
    bool by_default = false;     // retries come from the SDK's default
    std::string why;
};
std::vector<PaymentClient> payment_clients(const ProbeContext& ctx);

struct EmailSend {
    const File* file = nullptr;
    TSNode node{};
    std::string provider;  // "nodemailer", "SendGrid", "SES", "smtplib", ...
};
std::vector<EmailSend> email_sends(const ProbeContext& ctx);

}  // namespace gonogo::checks::telemetry
