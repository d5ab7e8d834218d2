#!/usr/bin/env bash
# Slowloris measure: slow connections must not keep legitimate DNS clients out of the TCP and TLS listeners.
# Usage: itests/bench/slowloris.sh [CONNECTIONS] [SECONDS]      (default: 1100 60)
# Starts a rendezvous (launcher jar, feature rendezvous, own data directory, free ports on 127.0.0.1), signs up
# alice, then io.homeward.itests.bench.SlowlorisBench opens CONNECTIONS slow connections (one byte every 10 s of a
# message that never ends, opened again a second after the server closes one) from 127.0.<1..22>.<2..> — many
# addresses in many /24s, all loopback — half to the TCP and half to the TLS port, and meanwhile, for SECONDS,
# legitimate clients on fresh connections: a TSIG-signed SOA query over DNS over TLS and a TSIG-signed UPDATE over
# TCP. Prints "legitimate clients served: N/M (P %)". Target: >= 99 %. The listeners run with their defaults.
# Needs: the build (mvn -B -q install -DskipTests), python3. The server is stopped at the end.
set -euo pipefail
connections=${1:-1100}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless python3=python3
need_built "$jar" "$classes/io/homeward/itests/bench/SlowlorisBench.class" "$root/itests/target/test-classpath.txt"
# Both processes hold one descriptor per connection, and more.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((connections + 1024)) ] \
  || missing "needs $((connections + 1024)) open files (ulimit -n is $(ulimit -n))"

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

cp="$classes:$(test_classpath "$root/itests")"
cat >"$work/logback.xml" <<XML
<configuration><appender name="err" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%d{HH:mm:ss} %-5level %logger{20} %msg%n</pattern></encoder></appender>
<root level="WARN"><appender-ref ref="err"/></root></configuration>
XML
dns=$(free_port); tls=$(free_port); console=$(free_port); stun=$(free_udp_port)
password=bench-correct-horse
# Only the ports and the UPDATE rate (four a second from one address) differ from the defaults.
mkdir -p "$work/config"
cat >"$work/config/homeward.json" <<JSON
{
  ":configurator:resource-version": 1, ":configurator:symbolic-name": "bench-slowloris", ":configurator:version": "1.0.0",
  "io.homeward.rendezvous.transport": { "port": $dns, "tlsPort": $tls },
  "io.homeward.rendezvous.dns": { "tlsPort": $tls, "updatesPerSecond": 1000.0, "updateBurst": 1000, "keyUpdatesPerSecond": 1000.0, "keyUpdateBurst": 1000 },
  "io.homeward.rendezvous.stun": { "port": $stun }
}
JSON
echo "== $connections slow connections, legitimate clients for $seconds s, java: $(java -version 2>&1 | head -1), $(nproc) cores"
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" \
  --exec "homeward:useradd alice $password" >"$work/useradd.log" 2>&1 \
  || { echo "useradd failed:" >&2; cat "$work/useradd.log" >&2; exit 1; }
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" \
  --console-port "$console" --no-shell --log-level warn >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 1200); do   # at most 120 s
  grep -q "Web console:" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "Web console:" "$work/server.log" || { echo "server did not start" >&2; exit 1; }
certificate=$(find "$work/data" -name server.crt | head -1)
[ -n "$certificate" ] || { echo "no TLS certificate under $work/data" >&2; exit 1; }
echo "== server pid $server_pid on 127.0.0.1 ports $dns (UDP/TCP) and $tls (TLS)"
java -Dlogback.configurationFile="$work/logback.xml" -cp "$cp" io.homeward.itests.bench.SlowlorisBench --port "$dns" --tls-port "$tls" --password "$password" \
  --certificate "$certificate" --connections "$connections" --seconds "$seconds"
echo "== server warnings and errors (first 5):"
grep -E 'WARN|ERROR' "$work/server.log" | head -5 || true
