// Probe ops.feature_flags (OPS-03): can a feature be switched off without a
// redeploy? Passes when the code imports a runtime flag SDK (LaunchDarkly,
// Unleash, Flagsmith, GrowthBook, OpenFeature, ConfigCat, Split, PostHog,
// Vercel Flags, go-feature-flag, Flipt, django-waffle) and evaluates flags
// through it; flags read from environment variables need a restart.
#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "checks/operations/opsdocs_probes.hpp"
#include "checks/operations/opsdocs_util.hpp"
#include "collect/syntax.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

using namespace opsdocs;
namespace sx = collect::syntax;

namespace {

struct Sdk {
    std::string_view name;
    std::vector<std::string_view> modules;  // import specifier prefixes
    std::vector<std::string_view> eval;     // evaluation calls (last callee segment)
    std::vector<std::string_view> deps;     // package names in manifests
};

const std::vector<Sdk>& sdks() {
    static const std::vector<Sdk> k{
        {"LaunchDarkly",
         {"launchdarkly-node-server-sdk", "@launchdarkly/", "launchdarkly-js-client-sdk", "launchdarkly-react-client-sdk",
          "github.com/launchdarkly/go-server-sdk", "ldclient", "launchdarkly"},
         {"variation", "boolVariation", "stringVariation", "numberVariation", "jsonVariation", "variationDetail",
          "BoolVariation", "StringVariation", "IntVariation", "Float64Variation", "JSONVariation", "BoolVariationDetail",
          "variation_detail", "allFlags", "allFlagsState", "AllFlagsState", "all_flags_state", "useFlags", "useLDClient"},
         {"launchdarkly-node-server-sdk", "@launchdarkly/node-server-sdk", "launchdarkly-react-client-sdk",
          "launchdarkly-js-client-sdk", "launchdarkly-server-sdk", "github.com/launchdarkly/go-server-sdk/v7",
          "github.com/launchdarkly/go-server-sdk/v6"}},
        {"Unleash",
         {"unleash-client", "@unleash/", "unleash-proxy-client", "github.com/Unleash/unleash-client-go", "UnleashClient"},
         {"isEnabled", "getVariant", "is_enabled", "get_variant", "IsEnabled", "GetVariant", "useFlag", "useVariant"},
         {"unleash-client", "@unleash/nextjs", "@unleash/proxy-client-react", "UnleashClient",
          "github.com/Unleash/unleash-client-go/v4"}},
        {"Flagsmith",
         {"flagsmith", "flagsmith-nodejs", "github.com/Flagsmith/flagsmith-go-client"},
         {"getEnvironmentFlags", "getIdentityFlags", "isFeatureEnabled", "getFeatureValue", "hasFeature", "getValue",
          "get_environment_flags", "get_identity_flags", "is_feature_enabled", "get_feature_value", "GetEnvironmentFlags",
          "GetIdentityFlags", "IsFeatureEnabled", "GetFeatureValue", "useFlags"},
         {"flagsmith", "flagsmith-nodejs", "github.com/Flagsmith/flagsmith-go-client/v3"}},
        {"GrowthBook",
         {"@growthbook/", "github.com/growthbook/growthbook-golang", "growthbook"},
         {"isOn", "isOff", "getFeatureValue", "evalFeature", "useFeatureIsOn", "useFeatureValue", "is_on", "is_off",
          "get_feature_value", "eval_feature", "IsOn", "IsOff", "EvalFeature", "GetFeatureValue"},
         {"@growthbook/growthbook", "@growthbook/growthbook-react", "growthbook", "github.com/growthbook/growthbook-golang"}},
        {"OpenFeature",
         {"@openfeature/", "github.com/open-feature/go-sdk", "openfeature"},
         {"getBooleanValue", "getStringValue", "getNumberValue", "getObjectValue", "getBooleanDetails", "getStringDetails",
          "BooleanValue", "StringValue", "IntValue", "FloatValue", "ObjectValue", "BooleanValueDetails",
          "get_boolean_value", "get_string_value", "get_integer_value", "get_float_value", "get_object_value",
          "get_boolean_details", "useBooleanFlagValue", "useStringFlagValue", "useNumberFlagValue", "useFlag",
          "useBooleanFlagDetails"},
         {"@openfeature/server-sdk", "@openfeature/web-sdk", "@openfeature/react-sdk", "openfeature-sdk",
          "github.com/open-feature/go-sdk"}},
        {"ConfigCat",
         {"configcat-", "@configcat/", "github.com/configcat/go-sdk", "configcatclient"},
         {"getValueAsync", "getValue", "getValueDetailsAsync", "GetBoolValue", "GetStringValue", "GetIntValue",
          "GetFloatValue", "get_value", "useFeatureFlag"},
         {"configcat-node", "configcat-js", "configcat-js-ssr", "@configcat/sdk", "configcat-client",
          "github.com/configcat/go-sdk/v9"}},
        {"Split",
         {"@splitsoftware/", "github.com/splitio/go-client", "splitio"},
         {"getTreatment", "getTreatments", "getTreatmentWithConfig", "Treatment", "Treatments", "get_treatment",
          "get_treatments", "useTreatments"},
         {"@splitsoftware/splitio", "splitio_client", "github.com/splitio/go-client"}},
        {"PostHog feature flags",
         {"posthog-node", "posthog-js", "github.com/posthog/posthog-go", "posthog"},
         {"isFeatureEnabled", "getFeatureFlag", "getFeatureFlagPayload", "getAllFlags", "IsFeatureEnabled",
          "GetFeatureFlag", "GetAllFlags", "feature_enabled", "get_feature_flag", "get_all_flags",
          "useFeatureFlagEnabled", "useFeatureFlagVariantKey", "onFeatureFlags"},
         {"posthog-node", "posthog-js", "posthog", "github.com/posthog/posthog-go"}},
        {"go-feature-flag",
         {"github.com/thomaspoignant/go-feature-flag"},
         {"BoolVariation", "StringVariation", "IntVariation", "JSONVariation", "Float64Variation", "AllFlagsState"},
         {"github.com/thomaspoignant/go-feature-flag"}},
        {"Flipt",
         {"@flipt-io/", "go.flipt.io/flipt", "flipt_client", "flipt"},
         {"evaluateBoolean", "evaluateVariant", "EvaluateBoolean", "EvaluateVariant", "evaluate_boolean",
          "evaluate_variant", "Boolean", "Variant"},
         {"@flipt-io/flipt-client", "@flipt-io/flipt", "flipt-client", "go.flipt.io/flipt-client"}},
        {"django-waffle",
         {"waffle"},
         {"flag_is_active", "switch_is_active", "sample_is_active", "waffle_flag", "waffle_switch"},
         {"django-waffle"}},
        {"django-flags", {"flags.state", "flags.decorators"}, {"flag_enabled", "flag_state", "flag_check"}, {"django-flags"}},
    };
    return k;
}

bool module_matches(std::string_view spec, std::string_view prefix) {
    if (!str::starts_with(spec, prefix)) return false;
    if (spec.size() == prefix.size() || prefix.back() == '/' || prefix.back() == '-') return true;
    char c = spec[prefix.size()];
    return c == '/' || c == '.';
}

// The stem a local import refers to: "./lib/flags" -> "flags", "app.flags" -> "flags", ".../internal/flags" -> "flags".
std::string import_stem(std::string_view spec) {
    std::string s(spec);
    if (auto p = s.find_last_of('/'); p != std::string::npos) s = s.substr(p + 1);
    if (auto p = s.find_last_of('.'); p != std::string::npos && p + 1 < s.size()) s = s.substr(p + 1);
    return s;
}

std::string file_stem(std::string_view path) {
    auto b = base_name(path);
    if (auto dot = b.find('.'); dot != std::string::npos) b = b.substr(0, dot);
    if (b == "index" || b == "__init__") b = base_name(dir_name(path));
    return b;
}

bool flag_env_name(std::string_view name) {
    static const std::regex k_re(R"(^(NEXT_PUBLIC_|VITE_|REACT_APP_)?(FEATURE|FEATURES|FF|FLAG|FLAGS|ENABLE|DISABLE|TOGGLE)_[A-Z0-9_]+$|^[A-Z0-9_]+_(ENABLED|DISABLED|FLAG|FEATURE|TOGGLE)$)");
    return std::regex_match(name.begin(), name.end(), k_re);
}

struct EnvFlag {
    const collect::File* file;
    TSNode node;
    std::string name;
};

// Environment variables with flag-like names read by the code.
void env_flags(const collect::File& f, std::vector<EnvFlag>& out) {
    auto root = sx::root(f);
    if (ts_node_is_null(root)) return;
    if (f.lang == collect::Language::go || f.lang == collect::Language::python) {
        for (const auto& c : sx::calls(f, root)) {
            bool env = c.callee == "os.Getenv" || c.callee == "os.LookupEnv" || c.callee == "os.getenv" ||
                       c.callee == "os.environ.get" || c.callee == "environ.get" || c.callee == "getenv" ||
                       c.callee == "env.bool" || c.callee == "config";
            if (!env) continue;
            auto args = sx::call_args(c);
            if (args.empty()) continue;
            auto v = sx::string_value(f, args[0]);
            if (flag_env_name(v)) out.push_back({&f, c.node, v});
        }
    }
    // The nodes below start with one of these texts: a file without any has none of them.
    const std::string_view source = f.text;
    if (source.find("process.env") == std::string_view::npos && source.find("import.meta.env.") == std::string_view::npos &&
        source.find("os.environ[") == std::string_view::npos)
        return;
    sx::walk_types(root, {"member_expression", "subscript_expression", "subscript"}, [&](TSNode n) {
        auto t = sx::type(n);
        if (t == "member_expression") {  // process.env.FEATURE_X / import.meta.env.VITE_FEATURE_X
            auto text = sx::text(f, n);
            for (std::string_view pre : {"process.env.", "import.meta.env."})
                if (str::starts_with(text, pre) && flag_env_name(text.substr(pre.size()))) {
                    out.push_back({&f, n, std::string(text.substr(pre.size()))});
                    return false;
                }
        } else if (t == "subscript_expression" || t == "subscript") {  // process.env["X"] / os.environ["X"]
            auto text = sx::text(f, n);
            for (std::string_view pre : {"process.env[", "os.environ["})
                if (str::starts_with(text, pre)) {
                    auto inner = text.substr(pre.size());
                    std::string name;
                    for (char ch : inner)
                        if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') name += ch;
                        else if (!name.empty()) break;
                    if (flag_env_name(name)) out.push_back({&f, n, name});
                    return false;
                }
        }
        return true;
    });
}

}  // namespace

Outcome probe_ops_feature_flags(const ProbeContext& ctx) {
    if (nothing_runs(ctx))
        return na("No long-running process (no code, HTTP server, worker or deployment definition): there is no running "
                  "feature to switch off.");
    auto files = code_files(ctx);
    struct Use {
        const Sdk* sdk;
        std::vector<const collect::File*> importers;
        std::vector<std::pair<const collect::File*, TSNode>> evals;
        std::vector<std::string> keys;
        std::vector<Evidence> import_ev;
    };
    std::vector<Use> uses;
    std::vector<std::vector<std::string>> file_imports(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) file_imports[i] = sx::imports(*files[i]);
    for (const auto& sdk : sdks()) {
        Use u{&sdk, {}, {}, {}, {}};
        for (std::size_t i = 0; i < files.size(); ++i)
            for (const auto& spec : file_imports[i]) {
                bool hit = false;
                for (auto m : sdk.modules) hit = hit || module_matches(spec, m);
                if (!hit) continue;
                u.importers.push_back(files[i]);
                auto line = line_of(*files[i], spec);
                u.import_ev.push_back(line_ev(*files[i], line ? line : 1, fmt::format("imports {}", spec)));
                break;
            }
        if (u.importers.empty()) continue;
        // Files that evaluate: the importers, and files that import a wrapper module (an importer).
        std::vector<std::string> stems;
        for (const auto* f : u.importers) {
            stems.push_back(file_stem(f->path));
            if (f->lang == collect::Language::go) stems.push_back(base_name(dir_name(f->path)));  // Go: the package
        }
        std::vector<const collect::File*> scope = u.importers;
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (std::find(scope.begin(), scope.end(), files[i]) != scope.end()) continue;
            for (const auto& spec : file_imports[i]) {
                bool local = str::starts_with(spec, ".") || str::starts_with(spec, "@/") || str::starts_with(spec, "~/") ||
                             str::contains(spec, "/") || str::contains(spec, ".");
                if (local && std::find(stems.begin(), stems.end(), import_stem(spec)) != stems.end()) {
                    scope.push_back(files[i]);
                    break;
                }
            }
            // Go: same package (directory) as an importer.
            if (files[i]->lang == collect::Language::go)
                for (const auto* f : u.importers)
                    if (f->lang == collect::Language::go && dir_name(f->path) == dir_name(files[i]->path) &&
                        std::find(scope.begin(), scope.end(), files[i]) == scope.end())
                        scope.push_back(files[i]);
        }
        for (const auto* f : scope) {
            for (const auto& c : sx::calls(*f, sx::root(*f))) {
                if (std::find(sdk.eval.begin(), sdk.eval.end(), c.name) == sdk.eval.end()) continue;
                // Bare generic names (Boolean, Variant, getValue) only through a receiver.
                if (c.callee == c.name && c.name.size() < 8 && c.name.front() >= 'A' && c.name.front() <= 'Z') continue;
                u.evals.emplace_back(f, c.node);
                auto args = sx::call_args(c);
                for (const auto& a : args) {
                    auto v = sx::string_value(*f, a);
                    if (!v.empty() && v.size() < 60 && v.find(' ') == std::string::npos) {
                        if (std::find(u.keys.begin(), u.keys.end(), v) == u.keys.end()) u.keys.push_back(v);
                        break;
                    }
                }
            }
        }
        uses.push_back(std::move(u));
    }
    // Vercel Flags: flag({ key, decide }) declarations, evaluated by calling them.
    {
        Use u{nullptr, {}, {}, {}, {}};
        std::vector<std::string> names;
        for (std::size_t i = 0; i < files.size(); ++i) {
            bool imp = false;
            for (const auto& spec : file_imports[i])
                imp = imp || str::starts_with(spec, "@vercel/flags") || spec == "flags/next" || spec == "flags/sveltekit" || spec == "flags";
            if (!imp) continue;
            for (const auto& c : sx::calls(*files[i], sx::root(*files[i]))) {
                if (c.callee != "flag") continue;
                TSNode parent = ts_node_parent(c.node);
                if (ts_node_is_null(parent) || sx::type(parent) != "variable_declarator") continue;
                TSNode name = ts_node_child_by_field_name(parent, "name", 4);
                if (ts_node_is_null(name)) continue;
                names.emplace_back(sx::text(*files[i], name));
                u.importers.push_back(files[i]);
                u.import_ev.push_back(node_evidence(*files[i], c.node, "Vercel flag declared"));
                u.keys.push_back(names.back());
            }
        }
        if (!names.empty()) {
            for (const auto* f : files)
                for (const auto& c : sx::calls(*f, sx::root(*f)))
                    if (std::find(names.begin(), names.end(), c.callee) != names.end()) u.evals.emplace_back(f, c.node);
            static const Sdk k_vercel{"Vercel Flags", {}, {}, {}};
            u.sdk = &k_vercel;
            uses.push_back(std::move(u));
        }
    }
    // Decide.
    for (const auto& u : uses) {
        if (u.evals.empty()) continue;
        std::vector<Evidence> ev;
        for (const auto& [f, n] : u.evals) {
            if (ev.size() >= 5) break;
            ev.push_back(node_evidence(*f, n, fmt::format("{} flag evaluated at request time", u.sdk->name)));
        }
        ev.push_back(u.import_ev.front());
        std::string keys = u.keys.empty() ? std::string()
                                          : fmt::format(" Flags found: {}; check that the newest risky feature is behind one.",
                                                        str::join(std::vector<std::string>(u.keys.begin(), u.keys.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(u.keys.size(), 8))), ", "));
        return pass(fmt::format("Features are guarded by {} flags evaluated at run time ({} evaluation(s), e.g. {}:{}): they "
                                "can be switched off without a redeploy.{}",
                                u.sdk->name, u.evals.size(), ev.front().path, ev.front().line, keys),
                    ev);
    }
    if (!uses.empty()) {
        const auto& u = uses.front();
        return unknown(fmt::format("{} is imported ({}:{}) but no flag evaluation through it was found: flags may be "
                                   "evaluated through a wrapper gonogo could not follow.",
                                   u.sdk->name, u.import_ev.front().path, u.import_ev.front().line),
                       u.import_ev);
    }
    std::vector<EnvFlag> env;
    for (const auto* f : files) env_flags(*f, env);
    if (!env.empty()) {
        std::vector<Evidence> ev;
        std::vector<std::string> names;
        for (const auto& e : env) {
            if (ev.size() < 6) ev.push_back(node_evidence(*e.file, e.node, "flag read from an environment variable"));
            if (std::find(names.begin(), names.end(), e.name) == names.end()) names.push_back(e.name);
        }
        return fail(fmt::format("Feature switches are environment variables ({}, e.g. {}:{}): changing one needs a restart "
                                "or redeploy of every instance, so a misbehaving feature cannot be switched off in seconds. "
                                "Use a runtime flag service (OpenFeature with flagd, Unleash, LaunchDarkly, Flagsmith, "
                                "GrowthBook) evaluated per request.",
                                str::join(names, ", "), ev.front().path, ev.front().line),
                    ev);
    }
    for (const auto& sdk : sdks())
        for (auto dep : sdk.deps)
            if (auto e = dependency_evidence(ctx, dep))
                return fail(fmt::format("{} is declared as a dependency but never imported by the service's code: no "
                                        "feature is behind a flag.",
                                        sdk.name),
                            {*e});
    return fail("No feature-flag mechanism found (no LaunchDarkly, Unleash, Flagsmith, GrowthBook, OpenFeature, ConfigCat, "
                "Split, PostHog or Vercel flag evaluated in code): a misbehaving feature can only be removed by a rollback or "
                "a hotfix.",
                anchor_evidence(ctx, "no feature-flag SDK among the dependencies"));
}

}  // namespace gonogo::checks
