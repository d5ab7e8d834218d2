#!/usr/bin/env bash
# Port mapping latency in the network lab (issue 5 benchmark).
# Usage: itests/bench/portmap-latency.sh [runs]      (default 10; needs root, see itests/netlab/lab.sh)
# For each protocol (PCP; NAT-PMP with PCP disabled by configuration; UPnP IGD with PCP and NAT-PMP disabled)
# starts the agent runtime in the lab's home host and measures the time from `java -jar` to the printed
# confirmation of miniupnpd's grant; prints every run and the medians. PCP and NAT-PMP run
# --exec "homeward:portmap map udp 4800 0", which also prints the request/reply time inside the runtime
# (from the mapper's map() call to the grant). That command drives only the PCP/NAT-PMP mapper, so UPnP IGD
# runs --exec "homeward:netcheck" with the tunnel port set to 4800: the chooser maps it with the only mapper
# that works (SSDP discovery, device description, AddPortMapping and its check included) and netcheck
# prints the mapping; no request/reply time is printed for it ("-"). The runtime then stops and deletes
# its mapping, so each run starts from an empty gateway.
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
lab="$root/itests/netlab/lab.sh"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces, nftables"
need_lab_tools
need_tools java=openjdk-17-jdk-headless
need_built "$jar"

started_lab=no
if ! "$lab" status >/dev/null 2>&1; then "$lab" up >/dev/null; started_lab=yes; fi
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  if [ "$started_lab" = yes ]; then "$lab" down >/dev/null; fi
}
trap cleanup EXIT

mkdir -p "$work/pcp" "$work/nat-pmp" "$work/upnp-igd"
# config ENABLE_PCP ENABLE_NATPMP TUNNEL_PORT: the tunnel port is what the chooser keeps mapped (4500 by default);
# UPnP IGD is measured through it, so only that run moves it to 4800.
config() {
  cat <<JSON
{ ":configurator:resource-version": 1, ":configurator:symbolic-name": "io.homeward.bench", ":configurator:version": "1.0.0",
  "io.homeward.portmap.pcp": { "enablePcp": $1, "enableNatPmp": $2 },
  "io.homeward.tunnelport": { "port": $3 } }
JSON
}
config true true 4500 >"$work/pcp/homeward.json"
config false true 4500 >"$work/nat-pmp/homeward.json"
config false false 4800 >"$work/upnp-igd/homeward.json"

# The command each protocol runs and the line that confirms its mapping of UDP 4800.
command_for() { if [ "$1" = upnp-igd ]; then echo "homeward:netcheck"; else echo "homeward:portmap map udp 4800 0"; fi; }
confirmation_for() {
  if [ "$1" = upnp-igd ]; then echo "^ *mapping: *UDP .*:4800 -> port 4800 via upnp-igd"; else echo "^mapped UDP 4800 .* via $1"; fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "runs=$runs java=$(java -version 2>&1 | head -1)"
for protocol in pcp nat-pmp upnp-igd; do
  : >"$work/$protocol.ms"; : >"$work/$protocol.grant"
  for run in $(seq 1 "$runs"); do
    out="$work/out"; : >"$out"
    start=$(date +%s%N)
    ip netns exec hw-home java -jar "$jar" --feature agent --data "$work/data-$protocol-$run" --no-shell \
      --config "$work/$protocol" --exec "$(command_for "$protocol")" >"$out" 2>"$work/err" &
    pid=$!
    done_at=""
    for _ in $(seq 1 1200); do   # at most 60 s
      if grep -q "$(confirmation_for "$protocol")" "$out"; then done_at=$(date +%s%N); break; fi
      if ! kill -0 "$pid" 2>/dev/null; then   # it may have printed and exited since the grep
        if grep -q "$(confirmation_for "$protocol")" "$out"; then done_at=$(date +%s%N); fi
        break
      fi
      sleep 0.05
    done
    wait "$pid" || true
    if [ -z "$done_at" ]; then echo "$protocol run $run: no mapping"; cat "$out" "$work/err" | tail -20; exit 1; fi
    ms=$(( (done_at - start) / 1000000 ))
    grant=$(sed -n 's/^mapped .*(granted in \([0-9]*\) ms)$/\1/p' "$out")
    echo "$ms" >>"$work/$protocol.ms"
    [ -z "$grant" ] || echo "$grant" >>"$work/$protocol.grant"
    printf '%-8s run %2d: %5d ms from start to confirmed mapping (request to grant: %s ms)\n' "$protocol" "$run" "$ms" \
      "${grant:--}"
  done
  grant_median=-
  [ ! -s "$work/$protocol.grant" ] || grant_median=$(median <"$work/$protocol.grant")
  printf '%-8s median of %d: %d ms from start to confirmed mapping, %s ms request to grant\n' "$protocol" "$runs" \
    "$(median <"$work/$protocol.ms")" "$grant_median"
done
