#!/usr/bin/env bash
# Key-to-next-cluster latency of two builds of the desktop side by side, in one run (issue 13).
#
# Runs KeyboardLatencyBench (src/desktop) alternately in an old checkout (e.g. main) and in a new one, each time on
# a fresh copy of the same workspace (so both review the same clusters), and prints median / 95th percentile /
# maximum of all decisions of each build, with the load average before each round (the machine is shared: the
# rounds alternate so that both builds see the same load).
#
#   src/bench/scripts/keyboard-latency-side-by-side.sh --old /path/to/main-checkout --new . \
#       --workspace /tmp/bench-1m.grw --clusters 100 --rounds 2
#
# The workspace is one built by `java -Xmx4g -jar target/grw-bench.jar review-benchmark --records 1000000
# --workspace FILE`. Each checkout is compiled by Maven (offline) at its first round.
set -euo pipefail
OLD="" NEW="." WORKSPACE="" CLUSTERS=100 ROUNDS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --old) OLD="$2"; shift 2 ;;
    --new) NEW="$2"; shift 2 ;;
    --workspace) WORKSPACE="$2"; shift 2 ;;
    --clusters) CLUSTERS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$OLD" ] || [ -z "$WORKSPACE" ] || [ ! -f "$WORKSPACE" ]; then
  echo "usage: $0 --old DIR [--new DIR] --workspace FILE [--clusters N] [--rounds R]" >&2
  exit 2
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() { # label dir round
  local label="$1" dir="$2" round="$3" copy="$OUT/ws-$1.grw"
  cp "$WORKSPACE" "$copy"
  for ext in -wal -shm; do [ -f "$WORKSPACE$ext" ] && cp "$WORKSPACE$ext" "$copy$ext"; done
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  (cd "$dir" && mvn -B -o -q -pl src/desktop -am -Dtest=KeyboardLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dtestfx.setup.timeout=300000 -Dgrw.bench.workspace="$copy" -Dgrw.bench.clusters="$CLUSTERS" test) \
      > "$OUT/$label-$round.log" 2>&1 || { echo "$label round $round failed, see below"; tail -40 "$OUT/$label-$round.log"; exit 1; }
  rm -f "$copy" "$copy-wal" "$copy-shm"
  local line; line=$(grep -m1 '^keyboard latency benchmark:' "$OUT/$label-$round.log" || true)
  echo "round $round $label (load average before: $load): ${line#keyboard latency benchmark: }"
  grep -E '^(latency parts|latency CPU|FX thread parts):' "$OUT/$label-$round.log" | sed 's/^/    /' || true
  grep -m1 '^latencies (ms, in order):' "$OUT/$label-$round.log" | sed 's/.*\[\(.*\)\].*/\1/' | tr ',' '\n' \
      | tr -d ' ' | grep -v '^$' >> "$OUT/$label.ms"
}
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then run old "$OLD" "$round"; run new "$NEW" "$round";
  else run new "$NEW" "$round"; run old "$OLD" "$round"; fi
done
stats() { # file -> "n median p95 max"
  sort -n "$1" | awk '{a[NR]=$1} END {
    m=a[int(0.5*NR)+1]; p=a[int(0.95*NR)+1]; if (int(0.95*NR)+1>NR) p=a[NR];
    printf "%d decisions: median %d ms, 95th percentile %d ms, maximum %d ms", NR, m, p, a[NR] }'
}
echo
echo "key to next cluster, $(basename "$WORKSPACE"), $ROUNDS rounds of $CLUSTERS clusters per build:"
echo "  old ($OLD): $(stats "$OUT/old.ms")"
echo "  new ($NEW): $(stats "$OUT/new.ms")"
