#!/usr/bin/env bash
# IKE benchmark (issue 14): in one run in the network lab, every SA keyed by IKE with certificates of the account CA,
#   0. the responder's public-key operations (X25519, ECP-256, ECDSA P-256 sign and verify), ms each, as Homeward's
#      IKE does them beside the JVM's own provider (io.homeward.itests.bench.CryptoCosts, CRYPTO_ITERATIONS of each);
#   1. IKE_SA_INIT + IKE_AUTH handshakes per second a responder at home completes: a Homeward agent (UDP 4500) and
#      strongSwan charon with kernel-libipsec (UDP $CHARON_PORT) in the same namespace (hw-home, behind the miniupnpd
#      gateway), each driven for the same time by the same load generator from the Internet side (hw-rdv):
#      io.homeward.itests.bench.IkeLoad, Homeward's IKE engine as LOOPS initiators with WINDOW IKE SAs under way each,
#      ECDSA P-256 certificates, X25519, AES-GCM-16, a Child SA per handshake (strongSwan's load-tester plugin, a
#      generator foreign to both, is not in Debian's packages). Cookies and per-source limits are raised out of the
#      way on both responders. Prints both rates, the ratio (goal >= 2x), the CPU of each responder process (100% =
#      one core) and handshakes per responder CPU-second, the figure a busy machine distorts least;
#   2. keying latency between home and the laptop (café NAT): the host with the lower ULA restarts its IKE bundle with
#      no SA pair on either side and is asked at once to key the other (homeward:ike initiate, as the autotunnel is
#      by a first packet) while pinging the other's ULA every 10 ms; REPEATS
#      times, in its namespace: IKE_SA_INIT request -> IKE_AUTH response on the wire (tshark; the responder
#      installs its Child SA before it answers, the initiator as it takes the answer), IKE_SA_INIT request -> first echo reply, and IKE bundle start -> first echo
#      reply; median and p95. IKE initiates only when asked (TunnelKeying.key, homeward:ike initiate);
#   3. iperf3 between the ULAs through the IKE-keyed pair, then through a pair keyed by hand (the fixture of
#      tunnel-throughput.sh), the same way as tunnel-throughput.sh: TCP_RUNS x SECONDS_PER_RUN s TCP (median), 64-byte
#      UDP packets/s, the CPU of both tunnel processes.
# Usage: itests/bench/ike-handshakes.sh   (root; brings the lab up with itests/netlab/lab.sh if needed and down again
#        only if it did). Settings from the environment: LOOPS=2 WINDOW=8 WARMUP=10 COUNTED=15 REPEATS=20
#        TCP_RUNS=3 SECONDS_PER_RUN=10 CHARON_PORT=4510 CRYPTO_ITERATIONS=400, and JAVA=java, the JVM of the
#        fixture, the agents and the load generator (Homeward's IKE does its public-key arithmetic on Bouncy Castle,
#        so the JVM's SunEC matters only to part 0's comparison). Everything shares the machine's cores: compare
#        within a run; JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=DIR/ profiles every JVM of the run.
# Needs the build (mvn -B -q install -DskipTests) and the Debian packages iperf3 jq iputils-ping miniupnpc curl
# openssl bind9-dnsutils tshark strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-extra-plugins
# libstrongswan-standard-plugins (and lab.sh's own). KEEP_WORK=1 keeps the working directory.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
lab="$root/itests/netlab/lab.sh"
here="$root/itests/bench/tunnel"
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"

HOME_LAN=192.168.1.10
HOME_WAN=11.0.0.2
UPNP_URL=http://192.168.1.1:5555/rootDesc.xml
LOOPS=${LOOPS:-2}
WINDOW=${WINDOW:-8}
WARMUP=${WARMUP:-10}
COUNTED=${COUNTED:-15}
REPEATS=${REPEATS:-20}
TCP_RUNS=${TCP_RUNS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CHARON_PORT=${CHARON_PORT:-4510}
CRYPTO_ITERATIONS=${CRYPTO_ITERATIONS:-400}
IPERF_PORT=5201

# shellcheck source=tunnel/common.sh
. "$here/common.sh"
# shellcheck source=tunnel/ours.sh
. "$here/ours.sh"
# shellcheck source=tunnel/measure.sh
. "$here/measure.sh"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces, TUN devices, nftables"
need_lab_tools
JAVA=${JAVA:-java}
need_tools "$JAVA=openjdk-17-jdk-headless" iperf3=iperf3 jq=jq ping=iputils-ping upnpc=miniupnpc curl=curl \
  openssl=openssl nsupdate=bind9-dnsutils swanctl=strongswan-swanctl unshare=util-linux tshark=tshark
[ -x "${CHARON:-/usr/lib/ipsec/charon}" ] || missing "${CHARON:-/usr/lib/ipsec/charon} is missing (Debian package strongswan-charon, or set CHARON)"
for plugin in kernel-libipsec=libcharon-extra-plugins curve25519=libstrongswan-extra-plugins \
  openssl=libstrongswan-standard-plugins; do
  [ -e "/usr/lib/ipsec/plugins/libstrongswan-${plugin%%=*}.so" ] \
    || missing "strongSwan's ${plugin%%=*} plugin is missing (Debian package ${plugin#*=})"
done
need_built "$jar" "$root/itests/target/test-classpath.txt" "$classes/io/homeward/itests/netlab/IkeBench.class" \
  "$classes/io/homeward/itests/netlab/TunnelBenchPair.class" "$classes/io/homeward/itests/bench/IkeLoad.class" \
  "$classes/io/homeward/itests/bench/CryptoCosts.class"

WORK=$(mktemp -d /tmp/ike-handshakes.XXXXXX)
# A private copy of the compiled classes: a build of itests during the run must not pull them away.
cp -a "$classes" "$WORK/classes"
classpath="$WORK/classes:$(test_classpath "$root/itests")"
java_fixture="exec '$JAVA' -cp '$classpath' -Dhomeward.jar='$jar' -Dhomeward.features='$root/features'"

started_lab=no
cleanup() {
  local status=$? pid port
  set +e   # tear everything down even if one step of it fails
  trap - EXIT INT TERM
  [ -z "$IPERF_PID" ] || stop_pid "$IPERF_PID"
  stop_ours
  for pid in $STARTED_PIDS; do stop_pid "$pid"; done
  for port in $FORWARDS; do remove_forward "$port"; done
  if [ "$status" != 0 ]; then
    echo "ike-handshakes: failed; the last lines of its logs:" >&2
    find "$WORK" -maxdepth 1 -name '*.out' -o -maxdepth 1 -name '*.err' | while read -r f; do
      tail -n 15 "$f" | sed "s|^|  ${f#"$WORK"/}: |" >&2
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
echo "# $("$JAVA" -version 2>&1 | head -n 1)  strongSwan $(dpkg-query -W -f '${Version}' strongswan-charon 2>/dev/null || echo '?')" \
  " $(iperf3 --version | head -n 1)"
: >"$WORK/results"
"$JAVA" -cp "$classpath" io.homeward.itests.bench.CryptoCosts "$CRYPTO_ITERATIONS"

# Parts 1 and 2 run in the fixture before it announces the IKE-keyed pair for part 3 (tunnel/ours.sh).
port_free hw-home "$CHARON_PORT"
add_forward "$CHARON_PORT"
HOMEWARD_TUNNEL_START="$java_fixture io.homeward.itests.netlab.IkeBench $CHARON_PORT $LOOPS $WINDOW $WARMUP $COUNTED $REPEATS"
OURS_START_TIMEOUT=$((240 + 2 * (WARMUP + COUNTED) + 10 * REPEATS))
start_ours
grep -v '^\(row\|pids\|inner\)\b' "$WORK/ours.out"
grep '^row' "$WORK/ours.out" | cut -f2- >"$WORK/rows"
echo "# 3. iperf3 laptop -> home through the tunnel: TCP ${TCP_RUNS}x${SECONDS_PER_RUN} s, UDP 64 B ${SECONDS_PER_RUN} s"
# shellcheck disable=SC2086 # two PIDs
measure ike-keyed hw-laptop hw-home "$OURS_HOME_ULA" $OURS_PIDS
stop_ours
remove_forward "$CHARON_PORT"
# The café gateway still holds NAT entries from the IKE-keyed pair (home's last packets to the laptop's public port
# arrive after the laptop stopped): without them the next laptop maps its port 4500 to 4500 again, as home expects.
for direction in --orig-port-src --orig-port-dst; do
  in_ns hw-cafegw conntrack -D -p udp "$direction" 4500 >/dev/null 2>&1 || true
done

HOMEWARD_TUNNEL_START="$java_fixture io.homeward.itests.netlab.TunnelBenchPair aes-gcm-16"
start_ours
# shellcheck disable=SC2086 # two PIDs
measure manual-key hw-laptop hw-home "$OURS_HOME_ULA" $OURS_PIDS
stop_ours

read -r _ ike_mbits ike_pps < <(grep '^ike-keyed ' "$WORK/results")
read -r _ manual_mbits manual_pps < <(grep '^manual-key ' "$WORK/results")
awk -v i="$ike_mbits" -v m="$manual_mbits" -v ip="$ike_pps" -v mp="$manual_pps" 'BEGIN {
  printf "tcp Mbit/s, IKE-keyed / keyed by hand\t%.2fx\t%d / %d Mbit/s, udp64 %.2fx\n", (m > 0) ? i / m : 0, i, m, (mp > 0) ? ip / mp : 0
}' >>"$WORK/rows"

echo
echo "Summary"
awk -F '\t' '{ printf "  %-58s %-26s %s\n", $1, $2, $3 }' "$WORK/rows"
