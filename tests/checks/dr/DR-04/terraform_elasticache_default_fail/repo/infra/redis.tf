resource "aws_elasticache_cluster" "queue" {
  cluster_id      = "mailer-queue"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
