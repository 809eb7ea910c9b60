// String forms of the verdict vocabulary (see audit_result.hpp).
#include "core/audit_result.hpp"

namespace gonogo {

std::string_view to_string(Decision d) {
    switch (d) {
        case Decision::go: return "GO";
        case Decision::conditional_go: return "CONDITIONAL_GO";
        case Decision::no_go: return "NO_GO";
    }
    return "NO_GO";
}

std::string_view to_display(Decision d) {
    switch (d) {
        case Decision::go: return "GO";
        case Decision::conditional_go: return "CONDITIONAL GO";
        case Decision::no_go: return "NO-GO";
    }
    return "NO-GO";
}

std::string_view to_string(Light l) {
    switch (l) {
        case Light::green: return "green";
        case Light::amber: return "amber";
        case Light::red: return "red";
    }
    return "red";
}

}  // namespace gonogo
