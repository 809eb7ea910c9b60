#!/usr/bin/env bash
# Quick start, command 2: set up, then build and run every test twice, as a
# release build and as an ASan+UBSan build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
export GONOGO_WITH_TEST_TOOLS=1   # setup.sh also installs python3-jsonschema and chromium
"$here/scripts/setup.sh" "$here/build" -DCMAKE_BUILD_TYPE=Release
(cd "$here/build" && ctest --output-on-failure -j "$jobs")
"$here/scripts/setup.sh" "$here/build-asan" -DCMAKE_BUILD_TYPE=Debug -DGONOGO_SANITIZE=ON
(cd "$here/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$jobs")
