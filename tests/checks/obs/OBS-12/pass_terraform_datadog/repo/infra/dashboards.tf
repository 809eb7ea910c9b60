resource "datadog_dashboard" "api" {
  title       = "orders-api"
  layout_type = "ordered"
}
