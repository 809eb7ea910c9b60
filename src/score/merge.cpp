// Merging live results into static ones (see merge.hpp).
#include "score/merge.hpp"

#include <fmt/format.h>

namespace gonogo::score {
namespace {

bool decided(Status s) { return s == Status::pass || s == Status::fail || s == Status::na; }

}  // namespace

void merge_live(std::vector<ControlResult>& statics, const std::vector<ControlResult>& live) {
    for (auto& c : statics) {
        const ControlResult* l = nullptr;
        for (const auto& x : live)
            if (x.id == c.id) l = &x;
        if (!l || !l->automated) continue;
        std::vector<Evidence> both = l->evidence;
        both.insert(both.end(), c.evidence.begin(), c.evidence.end());
        if (!decided(l->status)) {
            // Nothing decided live: the static decision stands, the live measurement is shown with it.
            c.message = fmt::format("{} Live: {}", c.message, l->message);
            c.evidence = std::move(both);
            c.automated = true;
            continue;
        }
        bool contradiction = (c.status == Status::pass && l->status == Status::fail) || (c.status == Status::fail && l->status == Status::pass);
        std::string stat = c.automated ? c.message : "not decided from the code";
        c.message = contradiction ? fmt::format("Live: {} Static: {} The code and the running service disagree; the live fact wins.",
                                                l->message, stat)
                                  : fmt::format("Live: {} Static: {}", l->message, stat);
        c.status = l->status;
        c.relied_on_default = c.relied_on_default && l->status == Status::pass;
        c.evidence = std::move(both);
        c.automated = true;
    }
}

}  // namespace gonogo::score
