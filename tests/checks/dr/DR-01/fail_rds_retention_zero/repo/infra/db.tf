resource "aws_db_instance" "main" {
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  backup_retention_period = 0
  skip_final_snapshot     = true
}
