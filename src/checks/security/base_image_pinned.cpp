// Probe sec.base_image_pinned (SEC-31, image half): are base and runtime images
// pinned? Dockerfile FROM lines, Kubernetes container images and compose images:
// a digest or an explicit version tag passes (tags noted as mutable); latest,
// no tag or a floating word tag (lts, alpine, stable) fails.
#include <algorithm>

#include <fmt/format.h>

#include "checks/operations/deploy_util.hpp"
#include "checks/security/deploy_probes.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

namespace {

using namespace deploy;

struct Pins {
    std::vector<std::string> by_tag;
    std::vector<std::string> by_digest;
};

void judge(Tally& t, Pins& pins, std::string_view image, std::string_view where, Evidence ev) {
    switch (pin_of(image)) {
        case Pin::digest:
            pins.by_digest.emplace_back(image);
            t.pass("", std::move(ev));
            break;
        case Pin::version_tag:
            if (std::find(pins.by_tag.begin(), pins.by_tag.end(), image) == pins.by_tag.end()) pins.by_tag.emplace_back(image);
            t.pass("", std::move(ev));
            break;
        case Pin::floating: {
            auto ref = parse_image(image);
            std::string why = ref.tag.empty() ? "has no tag (it means latest)" : fmt::format("uses the floating tag :{}", ref.tag);
            t.fail(fmt::format("{}: image {} {}: a rebuild or restart can pull a different image; pin a version tag and digest.",
                               where, image, why),
                   std::move(ev));
            break;
        }
        case Pin::unresolved:
            break;
    }
}

}  // namespace

Outcome probe_sec_base_image_pinned(const ProbeContext& ctx) {
    const auto& rt = runtime_of(ctx);
    Tally t;
    Pins pins;
    std::vector<Evidence> unresolved;
    std::vector<std::string> unresolved_what;

    for (const auto& d : rt.docker) {
        for (const auto& st : d.stages) {
            std::string ref = st.image.empty() ? st.raw_image : st.image;
            if (ref.empty() || stage_ref(d, ref) >= 0 || str::lower(ref) == "scratch") continue;
            if (st.image.empty() || pin_of(ref) == Pin::unresolved) {
                unresolved.push_back(line_evidence(*d.file, st.line, "base image from a build argument"));
                unresolved_what.push_back(fmt::format("{}: FROM {} comes from a build argument without a default.", d.file->path,
                                                      st.raw_image));
                continue;
            }
            judge(t, pins, ref, d.file->path, line_evidence(*d.file, st.line, "FROM"));
        }
    }
    for (const auto* w : rt.every_workload) {
        for (const auto& c : containers_of(pod_spec_of(*w), true)) {
            const YAML::Node img = y(c, "image");
            auto ref = scalar(img);
            if (!ref) continue;
            if (pin_of(*ref) == Pin::unresolved) {
                unresolved.push_back(w->evidence(img, "templated image"));
                unresolved_what.push_back(fmt::format("{} {}: image {} comes from a value we could not resolve.", w->kind,
                                                      w->name, *ref));
                continue;
            }
            judge(t, pins, *ref, fmt::format("{} {}", w->kind, w->name), w->evidence(img, "image"));
        }
    }
    if (rt.primary != Mechanism::kubernetes && rt.primary != Mechanism::platform) {
        for (const auto& s : rt.compose_every) {
            if (s.builds || s.image.empty()) continue;
            auto line = s.key_line("image");
            judge(t, pins, s.image, fmt::format("compose service {}", s.name),
                  line_evidence(*s.file, line ? line : s.line(), "image"));
        }
    }
    // Development and test Dockerfiles: listed apart.
    for (const auto* f : ctx.files()) {
        if (!f->kept || f->lang != collect::Language::dockerfile || (f->is_own() && !is_dev_path(f->path))) continue;
        auto d = parse_dockerfile(*f);
        for (const auto& st : d.stages)
            if (!st.image.empty() && stage_ref(d, st.image) < 0 && str::lower(st.image) != "scratch" &&
                pin_of(st.image) == Pin::floating)
                t.other_ev.push_back(line_evidence(*f, st.line, "development/test image not pinned"));
    }

    if (t.empty()) {
        if (!unresolved.empty()) return unknown(str::join(unresolved_what, " "), unresolved);
        return na("No images to pin.");
    }
    // Messages: passes are summarised here rather than per image.
    t.pass_msg.clear();
    if (!pins.by_digest.empty() || !pins.by_tag.empty()) {
        std::string msg;
        if (!pins.by_digest.empty())
            msg = fmt::format("{} image{} pinned by digest.", pins.by_digest.size(), pins.by_digest.size() == 1 ? "" : "s");
        if (!pins.by_tag.empty()) {
            std::vector<std::string> shown(pins.by_tag.begin(), pins.by_tag.begin() + std::min<std::size_t>(pins.by_tag.size(), 4));
            msg += fmt::format("{}Pinned by version tag: {}{}. Tags are mutable: pin by digest (image:tag@sha256:...) and let "
                               "Renovate or Dependabot bump it.",
                               msg.empty() ? "" : " ", str::join(shown, ", "), pins.by_tag.size() > 4 ? ", ..." : "");
        }
        t.pass_msg.push_back(msg);
    }
    if (!unresolved_what.empty()) t.note(fmt::format("Not resolved: {}", unresolved_what.front()));
    return t.outcome("");
}

}  // namespace gonogo::checks
