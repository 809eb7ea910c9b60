// The load category module: its probes and signatures, sorted and explicit.
#include "checks/load/opsdocs_probes.hpp"
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> load_probes() {
    return {
        {"load.chaos_experiments", &probe_load_chaos_experiments},
        {"load.load_test_plan", &probe_load_load_test_plan},
    };
}

std::vector<collect::Signature> load_signatures() {
    using K = collect::FileKind;
    return {
        {"load.artillery", R"(\b(arrivalRate|rampTo|arrivalCount)\s*:)", false, {K::test}},
        {"load.chaos", R"re((require\(\s*['"][^'"\n]*toxiproxy[^'"\n]*['"]|from\s+['"][^'"\n]*toxiproxy[^'"\n]*['"]|"github\.com/[Ss]hopify/toxiproxy[^"\n]*"|import\s+toxiproxy|from\s+toxiproxy|ToxiproxyContainer|toxiproxy-cli\s+(toxic|create|toggle)|pumba\s+(netem|kill|pause|stop|rm)|gremlin\s+attack|aws_fis_experiment_template|chaos-mesh\.org/|litmuschaos\.io/|tc\s+qdisc\s+(add|change|replace)[^\n]*netem|blockade\s+(partition|slow|flaky|kill)))re", false, {K::source, K::test, K::other, K::config, K::manifest}},
        {"load.cli", R"(\b(k6\s+(run|cloud)\s|vegeta\s+attack|wrk2?\s+-[a-zA-Z]|hey\s+-[nzcq]\s|oha\s+-[nzc]\s|autocannon\s+-|locust\s+(-f|--headless|--host|--users)|artillery\s+(run|quick)\s|ab\s+-[nc]\s+[0-9]|ghz\s+--|bombardier\s+-))", false, {K::source, K::test, K::other, K::manifest}},
        {"load.dep-kill", R"((docker(\s+compose|-compose)?(\s+-f\s+\S+)*\s+(stop|kill|pause)\s+[A-Za-z0-9_.-]+|kubectl\s+delete\s+pods?\s+[^\n;&|]+))", false, {K::source, K::test, K::other, K::config}},
        {"load.jvm", R"((<jmeterTestPlan|import\s+(static\s+)?io\.gatling))", false, {K::source, K::test, K::other}},
        {"load.k6-import", R"(['"]k6(/[a-z0-9-]+)*['"])", false, {K::source, K::test}},
        {"load.locust", R"((from\s+locust\s+import|import\s+locust\b))", false, {K::source, K::test}},
        {"load.options", R"((thresholds\s*:|\bensure\s*:|\.assertions\(|DurationAssertion|fail_ratio|process_exit_code|\b(rate|target|vus|maxVUs|arrivalRate|rampTo)\s*:\s*[0-9]+))", false, {K::source, K::test, K::other}},
    };
}

}  // namespace gonogo::checks
