#!/usr/bin/env bash
# Quick start, command 2: set up, then build and run every test twice: a release
# build with g++ and an ASan+UBSan build with clang, both with -Werror.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
export GONOGO_WITH_TEST_TOOLS=1   # setup.sh also installs what the tests drive, clang among them
"$here/scripts/setup.sh" "$here/build" -DCMAKE_BUILD_TYPE=Release
(cd "$here/build" && ctest --output-on-failure -j "$jobs")
"$here/scripts/setup.sh" "$here/build-clang-asan" -DCMAKE_BUILD_TYPE=Debug -DGONOGO_SANITIZE=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
(cd "$here/build-clang-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$jobs")
