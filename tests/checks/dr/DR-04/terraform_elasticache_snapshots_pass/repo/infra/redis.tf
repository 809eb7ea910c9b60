resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "mailer-queue"
  description                = "BullMQ queue"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  snapshot_retention_limit   = 7
  snapshot_window            = "03:00-04:00"
}
