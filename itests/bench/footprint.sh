#!/usr/bin/env bash
# Cold start time and resident memory of a Homeward runtime (issue 2 benchmark).
# Usage: itests/bench/footprint.sh [feature] [runs]     (default: agent, 3 runs)
# Prints, per run: time from `java -jar` to the console answering, on a fresh data directory
# (cold: the framework cache is built from scratch), and VmRSS 30 s after start.
# Goal for the agent: <= 3 s and <= 100 MB on the 2-core lab machine.
# As root the runtime runs in a throwaway network namespace (only loopback), so the agent's TUN interface and
# port mapping attempts never touch this machine's network; as another user it runs here, without an interface.
set -euo pipefail
feature=${1:-agent}
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless python3=python3
[ "$(id -u)" != 0 ] || need_tools ip=iproute2
need_built "$jar"


run_in=()
if [ "$(id -u)" = 0 ]; then
  ns=hw-footprint-$$
  ip netns add "$ns"
  trap 'ip netns delete "$ns" 2>/dev/null || true' EXIT
  ip netns exec "$ns" ip link set lo up
  run_in=(ip netns exec "$ns")
fi

echo "feature=$feature runs=$runs java=$(java -version 2>&1 | head -1)${run_in[*]:+ (in a throwaway network namespace)}"
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  port=$(free_port)
  log=$(mktemp)
  start=$(date +%s%N)
  "${run_in[@]}" java -jar "$jar" --feature "$feature" --data "$data" --console-port "$port" --no-shell >"$log" 2>&1 &
  pid=$!
  up=""
  for _ in $(seq 1 600); do   # at most 60 s
    if grep -q "Web console:" "$log"; then up=$(date +%s%N); break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$up" ]; then echo "run $run: did not start"; cat "$log"; kill "$pid" 2>/dev/null || true; exit 1; fi
  cold_ms=$(( (up - start) / 1000000 ))
  echo "run $run: started ($(grep -o 'started in [0-9]* ms' "$log" | head -1) inside the JVM); waiting 30 s for RSS..."
  sleep 30
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  printf 'run %d: cold start %d ms, RSS after 30 s %d MB\n' "$run" "$cold_ms" $((rss_kb / 1024))
  rm -rf "$data" "$log"
done
