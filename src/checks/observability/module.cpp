// The observability category module: its probes and signatures, sorted and explicit.
#include "checks/modules.hpp"
#include "checks/observability/health_probes.hpp"
#include "checks/observability/opsdocs_probes.hpp"
#include "checks/observability/telemetry_probes.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> observability_probes() {
    return {
        {"obs.alert_rules", &probe_obs_alert_rules},
        {"obs.dashboards", &probe_obs_dashboards},
        {"obs.error_tracker", &probe_obs_error_tracker},
        {"obs.log_redaction", &probe_obs_log_redaction},
        {"obs.metrics_endpoint", &probe_obs_metrics_endpoint},
        {"obs.request_id", &probe_obs_request_id},
        {"obs.structured_logger", &probe_obs_structured_logger},
        {"obs.tracing_sdk", &probe_obs_tracing_sdk},
    };
}

std::vector<collect::Signature> observability_signatures() {
    return {
        {"obs.jsonnet-dashboard", R"(dashboard\.new\()", false, {collect::FileKind::other}},
        {"obs.request-id-header", R"(x-(request|correlation)-id)", true, {collect::FileKind::test, collect::FileKind::vendored}},
        {"obs.telemetry-error-init", R"((Sentry|sentry_sdk|sentry|Bugsnag|bugsnag|Rollbar|rollbar|Honeybadger|honeybadger)\.(init|Init|start|configure|Configure)\()", false, {collect::FileKind::test, collect::FileKind::vendored}},
        {"obs.telemetry-metrics", R"((collectDefaultMetrics|promhttp\.Handler|prometheus_client|express-prom-bundle|start_http_server))", false, {collect::FileKind::test, collect::FileKind::vendored}},
        {"obs.tf-attr", R"(\b(metric_name|query|name|alarm_name|display_name|filter|expression|alarm_description)\s*=\s*"[^\n]*)", false, {collect::FileKind::other}, {"*.tf"}},
        {"obs.tf-resource", R"re(resource\s+"(datadog_monitor|aws_cloudwatch_metric_alarm|aws_cloudwatch_composite_alarm|google_monitoring_alert_policy|newrelic_alert_condition|newrelic_nrql_alert_condition|grafana_rule_group|azurerm_monitor_metric_alert|azurerm_monitor_scheduled_query_rules_alert|azurerm_monitor_scheduled_query_rules_alert_v2|sentry_metric_alert|sentry_issue_alert|signalfx_detector|honeycombio_trigger|grafana_dashboard|datadog_dashboard|datadog_dashboard_json|aws_cloudwatch_dashboard|google_monitoring_dashboard|newrelic_one_dashboard|newrelic_one_dashboard_json|azurerm_portal_dashboard|signalfx_dashboard)"\s+"[^"]+")re", false, {collect::FileKind::other}, {"*.tf"}},
        {"obs.telemetry-tracing-init", R"((new NodeSDK|registerOTel|SetTracerProvider|set_tracer_provider|opentelemetry-instrument))", false, {collect::FileKind::test, collect::FileKind::vendored}},
    };
}

}  // namespace gonogo::checks
