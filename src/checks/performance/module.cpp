// The performance category module: its probes and signatures, sorted and explicit.
#include "checks/performance/data_probes.hpp"
#include "checks/modules.hpp"

namespace gonogo::checks {

std::vector<ProbeDef> performance_probes() {
    return {
        {"perf.db_indexes", &probe_perf_db_indexes},
        {"perf.db_pooling", &probe_perf_db_pooling},
    };
}

std::vector<collect::Signature> performance_signatures() {
    return {};
}

}  // namespace gonogo::checks
