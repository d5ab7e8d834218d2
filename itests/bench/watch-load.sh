#!/usr/bin/env bash
# Watch load benchmark (issue 4): many concurrent subscriptions on one rendezvous.
# Usage: itests/bench/watch-load.sh [N] [mechanisms]     (default: 10000 "push llq")
# For each mechanism a fresh rendezvous (launcher jar, feature rendezvous, --log-level warn) is started on
# loopback and the load client io.homeward.itests.bench.WatchLoad holds N subscriptions to distinct names
# h<i>.alice.members.example. AAAA — DNS Push: a few TLS connections, each a DSO session with thousands of
# SUBSCRIBEs; LLQ: several UDP sockets, each with thousands of signed four-way setups, every event
# acknowledged — then sends TSIG-signed UPDATEs (RATE per second for SECS seconds, env, default 50 and 20)
# to random watched names and prints update -> event latency p50/p99/max, lost events, and the server's
# RSS (and live heap after a full GC) before subscribing and with all subscriptions held, per subscription.
# Targets: p99 <= 50 ms at 10,000 subscriptions; <= 2 KB per subscription.
# Needs: the build (mvn -B -q install -DskipTests), python3, the JDK's jcmd. The server is stopped at the end.
set -euo pipefail
n=${1:-10000}
mechanisms=${2:-push llq}
rate=${RATE:-50}
secs=${SECS:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless jcmd=openjdk-17-jdk-headless python3=python3
need_built "$jar" "$classes/io/homeward/itests/bench/WatchLoad.class" "$root/itests/target/test-classpath.txt"

work=$(mktemp -d)
# A private copy of the compiled classes: a build of itests during the run must not pull them away.
cp -a "$classes" "$work/classes"
classes="$work/classes"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  stop_pid "$server_pid"
  server_pid=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

# The private copy of the compiled load client first, then the test class path the build wrote.
cp="$classes:$(test_classpath "$root/itests")"
cat >"$work/logback.xml" <<XML
<configuration><appender name="err" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%d{HH:mm:ss} %-5level %logger{20} %msg%n</pattern></encoder></appender>
<root level="WARN"><appender-ref ref="err"/></root></configuration>
XML

dns=$(free_port); tls=$(free_port); console=$(free_port)
password=bench-correct-horse
# Limits raised so that N subscriptions from one address, and updates at RATE from one address, are allowed.
mkdir -p "$work/config"
cat >"$work/config/homeward.json" <<JSON
{
  ":configurator:resource-version": 1, ":configurator:symbolic-name": "bench-watch-load", ":configurator:version": "1.0.0",
  "io.homeward.rendezvous.transport": { "port": $dns, "tlsPort": $tls, "maxPendingRequests": 65536,
    "maxQueuedBytesPerConnection": 4194304 },
  "io.homeward.rendezvous.dns": { "tlsPort": $tls, "updatesPerSecond": 1000000.0, "updateBurst": 1000000, "keyUpdatesPerSecond": 1000000.0, "keyUpdateBurst": 1000000, "zoneRecordQuota": 100000000,
    "llqPerClient": $n, "llqTotal": $n, "pushSubscriptionsPerSession": $n, "pushSubscriptionsTotal": $n }
}
JSON
echo "== N=$n, updates $rate/s for $secs s, java: $(java -version 2>&1 | head -1), $(nproc) cores"
java -jar "$jar" --feature rendezvous --data "$work/template" --config "$work/config" \
  --exec "homeward:useradd alice $password" >"$work/useradd.log" 2>&1 \
  || { echo "useradd failed:" >&2; cat "$work/useradd.log" >&2; exit 1; }

results=()
for mechanism in $mechanisms; do
  cp -a "$work/template" "$work/data-$mechanism"
  java -jar "$jar" --feature rendezvous --data "$work/data-$mechanism" --config "$work/config" \
    --console-port "$console" --no-shell --log-level warn >"$work/server-$mechanism.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1200); do   # at most 120 s
    grep -q "Web console:" "$work/server-$mechanism.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$mechanism.log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q "Web console:" "$work/server-$mechanism.log" || { echo "server did not start" >&2; exit 1; }
  echo "== $mechanism: server pid $server_pid on 127.0.0.1 ports $dns (UDP/TCP) and $tls (TLS)"
  java -Xmx2g -Dlogback.configurationFile="$work/logback.xml" -cp "$cp" io.homeward.itests.bench.WatchLoad \
    --mechanism "$mechanism" --port "$dns" --tls-port "$tls" --pid "$server_pid" --password "$password" \
    --subscriptions "$n" --rate "$rate" --seconds "$secs" | tee "$work/client-$mechanism.out" || true
  results+=("$(grep '^RESULT' "$work/client-$mechanism.out" || echo "RESULT $mechanism failed")")
  grep -E 'WARN|ERROR' "$work/server-$mechanism.log" | head -5 || true
  stop_server
done

echo
printf '%-6s %7s %7s %7s %7s %9s %5s %9s %9s %9s %9s\n' mech held p50_ms p99_ms max_ms ans_p99 lost \
  rss0_MB rss_MB B/sub_rss B/sub_heap
for line in "${results[@]}"; do
  # shellcheck disable=SC2086
  set -- $line
  if [ "${3:-failed}" = failed ]; then printf '%-6s failed (see above)\n' "$2"; continue; fi
  v() { echo "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
  printf '%-6s %7s %7s %7s %7s %9s %5s %9s %9s %9s %9s\n' "$2" "$(v held)" "$(v p50_ms)" "$(v p99_ms)" "$(v max_ms)" \
    "$(v answer_p99_ms)" "$(v lost)" "$(v rss_before_mb)" "$(v rss_held_mb)" "$(v rss_bytes_per_sub)" \
    "$(v heap_bytes_per_sub)"
done
echo "ans_p99: update -> NOERROR answer (the server answers once the change is on disk; events follow it)"
echo "targets: p99 <= 50 ms at 10,000 subscriptions on loopback; <= 2048 bytes per subscription"
