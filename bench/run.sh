#!/usr/bin/env bash
# Benchmark: gonogo's whole audit against peer tools on the same tree, in the
# same run, warm cache. Prints a Markdown table of wall time, files/s, MB/s,
# peak RSS and each ratio to gonogo. The tree is fetched by hand (e.g. u-boot,
# ~38k files, ~260 MB) and never committed.
# secretlint (npm, the secret scanner this machine can install) cannot finish
# a tree that size within the limit, so it is compared on a subtree
# (BENCH_SMALL, default "tools") in a second table, against gonogo on the
# same subtree.
#   bench/run.sh TREE [GONOGO_BINARY]
set -euo pipefail
tree=${1:?usage: bench/run.sh TREE [GONOGO_BINARY]}
here=$(cd "$(dirname "$0")" && pwd)
gonogo=${2:-"$here/../build/src/cli/gonogo"}
limit=${BENCH_TIMEOUT:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v rg >/dev/null || { echo "installing ripgrep" >&2; apt-get install -y -qq ripgrep >/dev/null; }
command -v /usr/bin/time >/dev/null || { echo "installing time" >&2; apt-get install -y -qq time >/dev/null; }
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# The same secret rules gonogo compiles: its signatures (Hyperscan) as rg regexes,
# and their keywords as plain literals (the near-I/O limit).
"$gonogo" signatures --prefix sec.secret | cut -f3 > "$work/regexes.txt"
"$gonogo" signatures --prefix sec.secret | cut -f3 | sed -E 's/\\(.)/\1/g' \
  | grep -oE '[A-Za-z0-9_:.-]{4,}' | sort -u > "$work/keywords.txt"
files=$(find "$tree" -type f -not -path '*/.git/*' | wc -l)
bytes=$(find "$tree" -type f -not -path '*/.git/*' -printf '%s\n' | awk '{s+=$1} END {print s}')
find "$tree" -type f -not -path '*/.git/*' -print0 | xargs -0 cat > /dev/null  # warm the cache

measure() {  # name, command...: prints "name seconds rss_kb status"
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" timeout "$limit" "$@" > /dev/null 2>&1 || status=$?
  # time(1) writes "Command exited with non-zero status N" before the figures when N != 0.
  read -r secs rss < <(tail -n 1 "$work/time") || { secs=$limit; rss=0; }
  [ "$status" -eq 124 ] && secs="$limit+"
  echo "$name|$secs|$rss|$status"
}

results=()
results+=("$(measure gonogo "$gonogo" audit "$tree" --format json --output "$work/g.json" --no-progress)")
results+=("$(measure rg-keywords rg -F -i -c -f "$work/keywords.txt" "$tree")")
results+=("$(measure rg-regex-set rg -c -f "$work/regexes.txt" "$tree")")
per_regex() { while IFS= read -r re; do rg -c -e "$re" "$1" > /dev/null || true; done < "$work/regexes.txt"; }
export -f per_regex; export work
results+=("$(measure rg-per-regex bash -c 'per_regex "$0"' "$tree")")
table() {  # files bytes results...: prints the Markdown table, ratios against the first row
  local files=$1 bytes=$2; shift 2
  local g_secs
  g_secs=$(echo "$1" | cut -d'|' -f2)
  echo "| tool | wall s | files/s | MB/s | peak RSS MB | time vs gonogo | exit |"
  echo "|---|---|---|---|---|---|---|"
  for r in "$@"; do
    IFS='|' read -r name secs rss status <<< "$r"
    s=${secs%+}
    awk -v n="$name" -v s="$s" -v plus="${secs#$s}" -v r="$rss" -v f="$files" -v b="$bytes" -v g="${g_secs%+}" -v st="$status" 'BEGIN {
      if (s <= 0) s = 0.01;
      printf "| %s | %s%s | %.0f | %.1f | %.0f | %.2fx | %s |\n", n, s, plus, f / s, b / 1e6 / s, r / 1024, s / g, st }'
  done
}

echo "Tree: $tree — $files files, $((bytes / 1000000)) MB; $(nproc) cores; $(wc -l < "$work/regexes.txt") secret rules, $(wc -l < "$work/keywords.txt") keywords"
echo
table "$files" "$bytes" "${results[@]}"

small="$tree/${BENCH_SMALL:-tools}"
if [ -d "$small" ]; then
  s_files=$(find "$small" -type f | wc -l)
  s_bytes=$(find "$small" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  cat > "$work/.secretlintrc.json" <<'JSON'
{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}
JSON
  small_results=()
  small_results+=("$(measure gonogo "$gonogo" audit "$small" --format json --output "$work/s.json" --no-progress)")
  small_results+=("$(measure secretlint "$here/node_modules/.bin/secretlint" --secretlintrc "$work/.secretlintrc.json" --maskSecrets "$small/**/*")")
  echo
  echo "Subtree: $small — $s_files files, $((s_bytes / 1000000)) MB"
  echo
  table "$s_files" "$s_bytes" "${small_results[@]}"
fi
