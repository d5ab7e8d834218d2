#!/usr/bin/env bash
# Tunnel throughput against two user-space anchors in the network lab (issue 7 benchmark).
# Usage: itests/bench/tunnel-throughput.sh        (root; brings the lab up with itests/netlab/lab.sh if needed
#                                                  and down again only if it did)
# One topology, one run: hw-laptop (behind the café NAT) reaches hw-home (behind the home gateway, through a UDP
# forward added with UPnP IGD) over IPv6 between two ULAs carried in UDP/IPv4 through both NATs, through
#   - Homeward's tunnel: by default the rendezvous and two agent runtimes from this checkout's build
#     (io.homeward.itests.netlab.TunnelBenchPair, AES-GCM-128 SAs keyed through the SA database; build first
#     with mvn -B -q install -DskipTests), or whatever HOMEWARD_TUNNEL_START / _STOP say (see tunnel/ours.sh),
#   - wireguard-go (tunnel/wireguard.sh),
#   - strongSwan charon with kernel-libipsec (tunnel/strongswan.sh).
# For each: iperf3 TCP laptop -> home (3 runs of 10 s, median), 64-byte UDP packets/s received at home
# (10 s, unlimited rate) with the loss, and the CPU used by each tunnel process during the TCP runs
# (utime + stime over wall time; 100% = one core). Then the best anchor and the ratio ours / best
# (target: >= 1.5). Everything shares the machine's cores: compare within one run, not across runs.
# Debian packages: iperf3 jq iputils-ping wireguard-go wireguard-tools strongswan strongswan-swanctl
# libcharon-extra-plugins libstrongswan-standard-plugins miniupnpc conntrack (and lab.sh's own).
# KEEP_WORK=1 keeps the working directory (iperf3 JSON, daemon logs) for a look afterwards.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
lab="$root/itests/netlab/lab.sh"
here="$root/itests/bench/tunnel"

HOME_LAN=192.168.1.10
LAPTOP_LAN=10.10.0.10
HOME_WAN=11.0.0.2
UPNP_URL=http://192.168.1.1:5555/rootDesc.xml
HOME_ULA=fd00:4857:1::1
LAPTOP_ULA=fd00:4857:1::2
TCP_RUNS=3
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}   # the issue's figure; shorter only for a quick check of the script
IPERF_PORT=5201
TARGET_RATIO=1.5

# shellcheck source=tunnel/common.sh
. "$here/common.sh"
# shellcheck source=tunnel/wireguard.sh
. "$here/wireguard.sh"
# shellcheck source=tunnel/strongswan.sh
. "$here/strongswan.sh"
# shellcheck source=tunnel/ours.sh
. "$here/ours.sh"
# shellcheck source=tunnel/measure.sh
. "$here/measure.sh"

# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces, TUN devices, nftables"
need_lab_tools
need_tools iperf3=iperf3 jq=jq ping=iputils-ping wireguard-go=wireguard-go wg=wireguard-tools \
  swanctl=strongswan-swanctl upnpc=miniupnpc unshare=util-linux
[ -x "$CHARON" ] || missing "$CHARON is missing (Debian package strongswan-charon, or set CHARON)"
[ -e /usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so ] \
  || missing "strongSwan's kernel-libipsec plugin is missing (Debian package libcharon-extra-plugins)"

WORK=$(mktemp -d /tmp/tunnel-throughput.XXXXXX)

# Our tunnel from this checkout unless the caller brings another: the Java fixture prints the 'pids' and 'inner'
# lines tunnel/ours.sh waits for and stops its three runtimes on SIGTERM.
if [ -z "${HOMEWARD_TUNNEL_START:-}" ]; then
  need_tools java=openjdk-17-jdk-headless
  need_built "$root/launcher/target/homeward.jar" "$root/itests/target/test-classpath.txt" \
    "$root/itests/target/test-classes/io/homeward/itests/netlab/TunnelBenchPair.class"
  HOMEWARD_TUNNEL_START="exec java -cp '$(test_classpath "$root/itests")' -Dhomeward.jar='$root/launcher/target/homeward.jar' \
    -Dhomeward.features='$root/features' io.homeward.itests.netlab.TunnelBenchPair ${HOMEWARD_SUITE:-aes-gcm-16}"
fi
started_lab=no
cleanup() {
  local status=$? pid
  set +e   # tear everything down even if one step of it fails
  trap - EXIT INT TERM
  [ -z "$IPERF_PID" ] || stop_pid "$IPERF_PID"
  stop_ours
  stop_wireguard
  stop_strongswan
  for pid in $STARTED_PIDS; do stop_pid "$pid"; done
  if [ "$status" != 0 ]; then
    echo "tunnel-throughput: failed; the last lines of its logs:" >&2
    find "$WORK" -name '*.log' -o -name '*.err' | while read -r f; do
      # without swanctl's plugin noise and wireguard-go's boxed banner
      grep -Ev 'failed to load|[│┌└]' "$f" | tail -n 5 | sed "s|^|  ${f#"$WORK"/}: |" >&2
    done
  fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "# kept $WORK (KEEP_WORK set)"; else rm -rf "$WORK"; fi
  if [ "$started_lab" = yes ]; then "$lab" down >/dev/null && echo "# lab: brought down (this script brought it up)"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if "$lab" status >/dev/null 2>&1; then
  echo "# lab: already up (left up afterwards)"
else
  "$lab" up >/dev/null
  started_lab=yes
  echo "# lab: brought up by this script"
fi

echo "# $(date -u '+%F %T UTC')  kernel $(uname -r)  cpus $(nproc)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(iperf3 --version | head -n 1)  wireguard-go $(dpkg-query -W -f '${Version}' wireguard-go 2>/dev/null || echo '?')" \
  " strongSwan $(dpkg-query -W -f '${Version}' strongswan-charon 2>/dev/null || echo '?')"
echo "# laptop $LAPTOP_LAN (café NAT) -> home $HOME_LAN (home NAT, forward on $HOME_WAN); TCP ${TCP_RUNS}x${SECONDS_PER_RUN} s, UDP 64 B ${SECONDS_PER_RUN} s"
: >"$WORK/results"

start_ours
# shellcheck disable=SC2086 # two PIDs
measure ours hw-laptop hw-home "$OURS_HOME_ULA" $OURS_PIDS
stop_ours

start_wireguard
# shellcheck disable=SC2086 # two PIDs
measure wireguard-go hw-laptop hw-home "$HOME_ULA" $WG_PIDS
stop_wireguard

start_strongswan
# shellcheck disable=SC2086 # two PIDs
measure strongswan hw-laptop hw-home "$HOME_ULA" $SWAN_PIDS
stop_strongswan

read -r best best_mbits < <(awk '$1 != "ours"' "$WORK/results" | sort -k2,2nr | head -n 1 | cut -d' ' -f1-2)
echo "best anchor: $best ($best_mbits Mbit/s TCP)"
read -r _ ours_mbits ours_pps < <(grep '^ours ' "$WORK/results")
best_pps=$(awk -v n="$best" '$1 == n { print $3 }' "$WORK/results")
awk -v o="$ours_mbits" -v b="$best_mbits" -v op="$ours_pps" -v bp="$best_pps" -v t="$TARGET_RATIO" 'BEGIN {
  r = (b > 0) ? o / b : 0
  printf "ours / best anchor: tcp %.2fx (target >= %.1fx: %s), udp64 %.2fx\n", r, t, (r >= t) ? "met" : "NOT met", (bp > 0) ? op / bp : 0
}'
