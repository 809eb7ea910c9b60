#!/usr/bin/env bash
# Installs what gonogo needs on a Debian machine (only what is missing), the
# pinned tree-sitter grammars from npm, then configures and builds.
# Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
shift || true

# Tools count as present when their command is on PATH, whoever installed them
# (a machine may carry Node.js from another repository, whose nodejs package
# conflicts with Debian's npm); libraries are checked with dpkg.
declare -A tools=([g++]=build-essential [make]=build-essential [cmake]=cmake [ninja]=ninja-build
                  [pkg-config]=pkg-config [git]=git [node]=nodejs [npm]=npm)
packages=(ca-certificates libhyperscan-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev
          libtomlplusplus-dev libtree-sitter-dev libgtest-dev libgmock-dev libsqlite3-dev libcurl4-openssl-dev
          libssl-dev libxml2-dev)
# The test command also needs what the tests drive: a JSON-schema validator for SARIF, a browser for
# the HTML report, Python for the init prompts and the live test servers, Flask for the service that
# `audit PATH --url URL` is tested against, nginx for the TLS tests, and clang 14 with its sanitizer
# runtime: the sanitizer build is compiled with clang, so both compilers are kept warning-free.
if [ "${GONOGO_WITH_TEST_TOOLS:-0}" = 1 ]; then
  packages+=(python3 python3-jsonschema python3-flask chromium nginx-light clang libclang-rt-14-dev)
fi
missing=()
for t in "${!tools[@]}"; do
  command -v "$t" >/dev/null 2>&1 || missing+=("${tools[$t]}")
done
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "gonogo setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

grammars="$here/third_party/grammars"
if [ ! -f "$grammars/node_modules/.package-lock.json" ] || ! cmp -s "$grammars/package-lock.json" "$grammars/node_modules/.gonogo-lock"; then
  echo "gonogo setup: installing pinned tree-sitter grammars (npm ci)" >&2
  (cd "$grammars" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$grammars/package-lock.json" "$grammars/node_modules/.gonogo-lock"
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" "${generator[@]}" "$@" >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
