// The disaster recovery category module: its probes and signatures, sorted and explicit.
#include "checks/disaster_recovery/data_probes.hpp"
#include "checks/disaster_recovery/deploy_probes.hpp"
#include "checks/disaster_recovery/opsdocs_probes.hpp"
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> disaster_recovery_probes() {
    return {
        {"dr.automated_backups", &probe_dr_automated_backups},
        {"dr.redis_persistence", &probe_dr_redis_persistence},
        {"dr.reversible_migrations", &probe_dr_reversible_migrations},
        {"dr.versioned_migrations", &probe_dr_versioned_migrations},
    };
}

std::vector<collect::Signature> disaster_recovery_signatures() {
    return {
        {"dr.dump", R"(\b(pg_dump|pg_dumpall|pg_basebackup|mysqldump|mariadb-dump|mongodump|pgbackrest|wal-g|barman|restic\s+backup|borg\s+create|velero\s+(backup|schedule)\s+create|litestream\s+replicate|xtrabackup|mariabackup|mydumper)\b[^\n]*)", false, {collect::FileKind::source, collect::FileKind::other, collect::FileKind::manifest, collect::FileKind::config}},
        // Keyword prefilter of dr.versioned_migrations: deploy files that name a migration tool or a package runner.
        {"dr.migration-tool", R"(prisma|alembic|manage\.py|flask|migrat|goose|knex|sequelize|typeorm|flyway|atlas|dbmate|liquibase|drizzle|mikro-orm|rails|rake|npm|yarn|pnpm|bun[ \t])", false, {}, {}, true},
        {"dr.redis-queue-op", R"(\.(xadd|xAdd|XAdd|lpush|lPush|LPush|rpush|rPush|RPush|blpop|blPop|BLPop|brpop|brPop|BRPop|xreadgroup|xReadGroup|XReadGroup)\s*\()", false, {collect::FileKind::source}},
        {"dr.tf-backup", R"((backup_retention_period|backup_retention_days|retention_period)\s*=\s*[^\n]+|backup_configuration\s*\{[^}]*|point_in_time_recovery_enabled\s*=\s*[a-z]+|point_in_time_recovery\s*\{[^}]*|cloud_backup\s*=\s*[a-z]+)", false, {collect::FileKind::other}, {"*.tf"}},
        {"dr.tf-redis", R"re(resource\s+"(aws_elasticache_replication_group|aws_elasticache_cluster|aws_elasticache_serverless_cache|aws_memorydb_cluster|google_redis_instance|azurerm_redis_cache|upstash_redis_database)"\s+"[^"]+")re", false, {collect::FileKind::other}, {"*.tf"}},
        {"dr.tf-redis-persistence", R"((snapshot_retention_limit|rdb_backup_enabled|persistence_mode)\s*=\s*[^\n]+)", false, {collect::FileKind::other}, {"*.tf"}},
        {"dr.tf-resource", R"re(resource\s+"(aws_db_instance|aws_rds_cluster|aws_docdb_cluster|aws_neptune_cluster|aws_backup_plan|aws_backup_selection|google_sql_database_instance|azurerm_postgresql_flexible_server|azurerm_mysql_flexible_server|azurerm_postgresql_server|azurerm_mysql_server|azurerm_mssql_database|azurerm_cosmosdb_account|digitalocean_database_cluster|mongodbatlas_cluster|mongodbatlas_advanced_cluster|mongodbatlas_cloud_backup_schedule|aws_dynamodb_table|scaleway_rdb_instance)"\s+"[^"]+")re", false, {collect::FileKind::other}, {"*.tf"}},
    };
}

}  // namespace gonogo::checks
