#!/usr/bin/env bash
# TUN per-packet I/O benchmark (issue 7): NIO channels (what io.homeward.tun.linux uses) against JNA read()/write()
# on the same TUN descriptor. In a throwaway network namespace, `ping -f -l 64` floods ICMPv6 echo requests into the
# TUN interface; a Java loop reads each and writes it back as the echo reply. Prints, per variant and round,
# packets/s, wall µs/packet and the loop thread's CPU µs/packet (user + system: the syscalls are most of it).
# Usage (as root): itests/bench/tun-io.sh [packets per run] [rounds]   (defaults 200000 and 2)
# Needs: ip (iproute2), ping (iputils-ping), java 17+ and the build (mvn -B -q install -DskipTests). Touches only its own namespace, removed on exit.
set -euo pipefail
packets=${1:-200000}
rounds=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle="$root/bundles/io.homeward.tun.linux"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "it creates a network namespace and a TUN interface"
[ -c /dev/net/tun ] || missing "no /dev/net/tun (modprobe tun)"
need_tools ip=iproute2 ping=iputils-ping java=openjdk-17-jdk-headless
need_built "$bundle/target/test-classes/io/homeward/tun/linux/internal/TunIoBench.class" "$bundle/target/test-classpath.txt"

work=$(mktemp -d)
ns="hw-tunbench-$$"
java_pid=""
cleanup() {
  [ -n "$java_pid" ] && kill "$java_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cp=$(test_classpath "$bundle")

ip netns add "$ns"
ip -n "$ns" link set lo up
echo "== $(java -version 2>&1 | head -1); $(nproc) CPUs; $packets echo requests per run, first 10% (at most 20000) are warm-up"
for round in $(seq 1 "$rounds"); do
  for mode in nio jna jna-direct; do
    rm -f "$work/ready"
    ip netns exec "$ns" java -cp "$cp" io.homeward.tun.linux.internal.TunIoBench \
        "$mode" hwbench0 "$packets" "$work/ready" >"$work/$mode.out" 2>"$work/$mode.err" &
    java_pid=$!
    for _ in $(seq 1 300); do [ -f "$work/ready" ] && break; kill -0 "$java_pid" 2>/dev/null || break; sleep 0.1; done
    [ -f "$work/ready" ] || { echo "$mode: the bench did not start:" >&2; cat "$work/$mode.err" >&2; exit 1; }
    ip netns exec "$ns" ping -6 -q -f -l 64 -c "$packets" -w 300 fd00:bec::2 >"$work/ping.out" 2>&1 || true
    for _ in $(seq 1 100); do kill -0 "$java_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$java_pid" 2>/dev/null; then
      kill "$java_pid"; wait "$java_pid" 2>/dev/null || true
      echo "round $round: $mode did not see all $packets requests (ping: $(grep -o '[0-9]* received' "$work/ping.out"))"
    else
      wait "$java_pid" || true
      echo "round $round: $(cat "$work/$mode.out")"
    fi
    java_pid=""
    grep -v '^$' "$work/$mode.err" >&2 || true
  done
done
