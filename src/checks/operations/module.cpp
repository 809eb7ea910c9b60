// The operations category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"
#include "checks/operations/deploy_probes.hpp"
#include "checks/operations/opsdocs_probes.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> operations_probes() {
    return {
        {"ops.ci_pipeline", &probe_ops_ci_pipeline},
        {"ops.feature_flags", &probe_ops_feature_flags},
        {"ops.rollback_procedure", &probe_ops_rollback_procedure},
        {"ops.rolling_deploy", &probe_ops_rolling_deploy},
        {"ops.runbooks", &probe_ops_runbooks},
    };
}

std::vector<collect::Signature> operations_signatures() {
    return {
        {"ops.cmd-tool", R"(\b(npm|npx|yarn|pnpm|bun|go|make|python3?|pytest|tox|nox|docker|docker-compose|podman|eslint|tsc|jest|vitest|mocha|ruff|flake8|pylint|mypy|black|golangci-lint|staticcheck|gosec|govulncheck|semgrep|snyk|trivy|grype|bandit|pip-audit|safety|osv-scanner|gitleaks|trufflehog|sonar-scanner|mvn|mvnw|gradle|gradlew|cargo|helm|kubectl|vercel|poetry|uv|pre-commit|codeql|checkov|tfsec|dotnet)[ \t]+[^\n]*)", false, {collect::FileKind::other}, {"Jenkinsfile", "Jenkinsfile.*", "*.jenkinsfile", "*.groovy"}},
        {"ops.make-recipe", R"(\n\t[^\n]+)", false, {collect::FileKind::other}, {"Makefile", "makefile", "GNUmakefile", "*.mk"}},
        {"ops.make-target", R"((^|\n)[A-Za-z0-9_.][^\n:=#]*:[^\n]*)", false, {collect::FileKind::other}, {"Makefile", "makefile", "GNUmakefile", "*.mk"}},
        {"ops.make-var", R"((^|\n)[A-Za-z_][A-Za-z0-9_]*[ \t]*[?:+]?=[^\n]*)", false, {collect::FileKind::other}, {"Makefile", "makefile", "GNUmakefile", "*.mk"}},
    };
}

}  // namespace gonogo::checks
