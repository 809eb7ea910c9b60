// The control catalogue: controls and framework views loaded from the YAML
// files under catalog/ (embedded in the binary) and validated on load.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_result.hpp"
#include "core/types.hpp"
#include "util/result.hpp"

namespace gonogo {

struct Reference {
    std::string title;
    std::string url;
};

struct Control {
    std::string id;        // REL-01
    std::string slug;      // health-endpoint
    std::string title;
    std::string category;  // REL, OBS, ...
    std::vector<std::string> modes;    // static, live, load, drill, attest
    std::vector<std::string> sources;  // seed document numbers
    std::map<Tier, Severity> severity;
    std::string effort;                // S, M, L
    std::vector<std::string> probes;   // probe ids; empty = not automated yet
    std::string rationale;
    std::string decides;
    std::map<std::string, std::string> remediation;  // stack key -> text
    std::vector<Reference> references;

    Severity severity_for(Tier t) const;
    bool has_mode(std::string_view m) const;
    bool attest_only() const { return modes.size() == 1 && modes[0] == "attest"; }
    // The remediation for the most specific of `stack_keys` present, else generic.
    const std::string& remediation_for(const std::vector<std::string>& stack_keys) const;
};

struct FrameworkCategory {
    std::string id;
    std::string name;
    std::vector<std::string> controls;
};

struct Framework {
    std::string name;
    std::string title;
    std::string source;
    int max_per_category = 10;
    std::vector<FrameworkCategory> categories;
};

class Catalog {
public:
    const std::vector<Control>& controls() const { return m_controls; }
    const Control* find(std::string_view id) const;
    const std::vector<Framework>& frameworks() const { return m_frameworks; }
    const Framework* framework(std::string_view name) const;
    // Human name of a category prefix (REL -> Reliability).
    static std::string_view category_name(std::string_view prefix);

    // Parses YAML documents (name -> text); validates every field and cross reference.
    static Result<Catalog> from_documents(const std::vector<std::pair<std::string, std::string>>& docs);
    // The catalogue embedded at build time.
    static const Catalog& embedded();
    // The names of the embedded frameworks, read from their documents alone (a few small files): a
    // caller can refuse an unknown --framework before the whole catalogue has loaded.
    static std::vector<std::string> embedded_framework_names();

private:
    std::vector<Control> m_controls;     // sorted by category order then id
    std::vector<Framework> m_frameworks; // sorted by name
};

// A control's result before anything is decided: the fields the catalogue gives (id, title, category,
// the tier's severity, effort, the remediation for the detected stack keys). The static audit and the
// live probe both start from it.
ControlResult result_skeleton(const Control& c, Tier tier, const std::vector<std::string>& stack_keys);

// The embedded catalog files (path relative to catalog/, content), generated at build time.
const std::vector<std::pair<std::string, std::string>>& embedded_catalog_documents();

}  // namespace gonogo
