// The one table of exit codes (also in README.md). Chosen only in src/cli/.
#pragma once

namespace gonogo::cli {

inline constexpr int k_exit_go = 0;            // GO
inline constexpr int k_exit_no_go = 1;         // NO-GO: a blocker fails
inline constexpr int k_exit_conditional = 2;   // CONDITIONAL GO: a blocker is undecided
inline constexpr int k_exit_warning = 3;       // --fail-on warning: no blocker fails, but a warning does
inline constexpr int k_exit_usage = 64;        // usage or input error (bad flag, missing path, bad config)
inline constexpr int k_exit_internal = 70;     // internal error (a defect in gonogo)

}  // namespace gonogo::cli
