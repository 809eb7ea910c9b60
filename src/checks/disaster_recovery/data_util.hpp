// Helpers of the data group's probes (DR-05, DR-06, PERF-01, PERF-07, COMP-04,
// COMP-05): versioned-migration files of a service and the service's own paths.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "checks/helpers.hpp"

namespace gonogo::checks::data {

enum class MigrationTool { prisma, alembic, django, sql_updown, goose, flyway, rails, js, other };

struct MigrationFile {
    std::string path;  // repository-relative
    MigrationTool tool = MigrationTool::other;
};

// True for paths under test/fixture/example/vendored trees.
bool not_own_path(std::string_view path);
// Versioned migration files of the probe's service (every walked path, kept or not), sorted by path.
const std::vector<MigrationFile>& migration_files(const ProbeContext& ctx);  // made once per service
// Evidence for a path: its first line when the file is kept, else the path alone.
Evidence path_evidence(const ProbeContext& ctx, const std::string& path, std::string note = {});

}  // namespace gonogo::checks::data
