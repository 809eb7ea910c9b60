resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = false
    }
  }
}
