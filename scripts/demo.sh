#!/usr/bin/env bash
# Quick start, command 1: set up, build, and audit the bundled example service.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" "$here/build" -DCMAKE_BUILD_TYPE=Release
cd "$here"
status=0
"$here/build/src/cli/gonogo" audit examples/booking "$@" || status=$?
# The example has deliberate gaps: NO-GO (1) or CONDITIONAL GO (2) is the expected outcome.
if [ "$status" -eq 0 ] || [ "$status" -eq 1 ] || [ "$status" -eq 2 ]; then exit 0; fi
exit "$status"
