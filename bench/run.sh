#!/usr/bin/env bash
# Benchmark: gonogo's whole audit against peer tools on the same tree, in the
# same run, warm cache. Prints a Markdown table of wall time, files/s, MB/s,
# peak RSS and each ratio to gonogo. The tree is fetched by hand (e.g. u-boot,
# ~38k files, ~260 MB) and never committed.
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
  read -r secs rss < "$work/time" || { secs=$limit; rss=0; }
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
cat > "$work/.secretlintrc.json" <<'JSON'
{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}
JSON
results+=("$(measure secretlint "$here/node_modules/.bin/secretlint" --secretlintrc "$work/.secretlintrc.json" --maskSecrets "$tree/**/*")")

g_secs=$(echo "${results[0]}" | cut -d'|' -f2)
echo "Tree: $tree — $files files, $((bytes / 1000000)) MB; $(nproc) cores; $(wc -l < "$work/regexes.txt") secret rules, $(wc -l < "$work/keywords.txt") keywords"
echo
echo "| tool | wall s | files/s | MB/s | peak RSS MB | time vs gonogo | exit |"
echo "|---|---|---|---|---|---|---|"
for r in "${results[@]}"; do
  IFS='|' read -r name secs rss status <<< "$r"
  s=${secs%+}
  awk -v n="$name" -v s="$s" -v plus="${secs#$s}" -v r="$rss" -v f="$files" -v b="$bytes" -v g="$g_secs" -v st="$status" 'BEGIN {
    if (s <= 0) s = 0.01;
    printf "| %s | %s%s | %.0f | %.1f | %.0f | %.2fx | %s |\n", n, s, plus, f / s, b / 1e6 / s, r / 1024, s / g, st }'
done
