#!/usr/bin/env bash
# KDC benchmark: PKINIT AS exchanges and TGS exchanges per second on one core, Homeward's KDC against MIT krb5kdc in
# the same run, driven by the same load generator.
#   - Homeward: io.homeward.itests.bench.KdcBench, the KDC's engine behind its real front door (UDP and TCP) on
#     127.0.0.1, with its defaults and a replay cache of REPLAY_CAPACITY authenticators (the default, 910,000,
#     holds 3,000 TGS requests a second sustained within the 300 s clock skew; beyond that it refuses new ones,
#     by design, with KRB-ERROR 29); it makes the account CA and the home and laptop certificates (PEM) for the run.
#   - MIT: krb5kdc 1.20 configured for PKINIT with the same certificates, as docs/kerberos.md "Proof against MIT
#     Kerberos" says (home's certificate as the KDC's, the account CA as the anchor, certauth without pkinit_san, alice
#     mapped by pkinit_cert_match), max_life 10h, aes256-cts-hmac-sha384-192 and aes256-cts-hmac-sha1-96, logging to
#     a file as ours does.
#   Each KDC runs alone, pinned to CPU 0 (taskset -c 0); the load generator, io.homeward.itests.bench.KdcLoad
#   (Homeward's Kerberos client, THREADS threads, one TCP connection per exchange, every reply checked), is pinned to
#   CPU 1. For each KDC: AS exchanges with PKINIT in MODP group 14 (MIT 1.20 has no ECDH), then TGS exchanges for
#   HTTP/home.alice.members.example; for ours also AS with P-256. Each figure: WARMUP s not counted, then COUNTED s
#   counted. Prints exchanges a second, the KDC's CPU (100% = one core) and exchanges per KDC CPU-second — the
#   figure that holds even when the load generator, not the KDC, is the bottleneck — and ours / MIT.
# Usage: itests/bench/kdc.sh   Settings from the environment: THREADS=8 WARMUP=15 COUNTED=20
#        REPLAY_CAPACITY=910000 JAVA=java.
# Needs the build (mvn -B -q install -DskipTests), two CPUs, and the Debian packages krb5-kdc krb5-pkinit
# krb5-admin-server (kadmin.local) util-linux (taskset) python3. Loopback only; no root. KEEP_WORK=1 keeps the
# working directory.
set -euo pipefail
THREADS=${THREADS:-8}
WARMUP=${WARMUP:-15}
COUNTED=${COUNTED:-20}
REPLAY_CAPACITY=${REPLAY_CAPACITY:-910000}
root=$(cd "$(dirname "$0")/../.." && pwd)
classes="$root/itests/target/test-classes"
REALM=HOME.ALICE.MEMBERS.EXAMPLE
SERVICE=HTTP/home.alice.members.example
PKINIT_PLUGIN=/usr/lib/x86_64-linux-gnu/krb5/plugins/preauth/pkinit.so
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
JAVA=${JAVA:-java}
need_tools "$JAVA=openjdk-17-jdk-headless" taskset=util-linux python3=python3 krb5kdc=krb5-kdc \
  kdb5_util=krb5-kdc kadmin.local=krb5-admin-server
[ -e "$PKINIT_PLUGIN" ] || missing "MIT's PKINIT plugin is missing (Debian package krb5-pkinit)"
[ "$(nproc)" -ge 2 ] || missing "needs two CPUs (one for the KDC, one for the load generator)"
need_built "$root/itests/target/test-classpath.txt" "$classes/io/homeward/itests/bench/KdcBench.class" \
  "$classes/io/homeward/itests/bench/KdcLoad.class"

WORK=$(mktemp -d /tmp/kdc-bench.XXXXXX)
# A private copy of the compiled classes: a build of itests during the run must not pull them away.
cp -a "$classes" "$WORK/classes"
classpath="$WORK/classes:$(test_classpath "$root/itests")"
kdc_pid=""
stop_kdc() {
  [ -n "$kdc_pid" ] || return 0
  stop_pid "$kdc_pid"
  kdc_pid=""
}
cleanup() {
  local status=$?
  set +e
  exec 3>&-
  stop_kdc
  if [ "$status" != 0 ]; then
    echo "kdc: failed; the last lines of its logs:" >&2
    for f in "$WORK"/*.out "$WORK"/*.log; do [ -e "$f" ] && tail -n 10 "$f" | sed "s|^|  ${f#"$WORK"/}: |" >&2; done
  fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "# kept $WORK (KEEP_WORK set)"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await_port() {   # PORT PID LOG
  for _ in $(seq 1 600); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2).close()" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "kdc: the KDC ended:" >&2; tail -n 20 "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "kdc: nothing listens on port $1 after 60 s" >&2; exit 1
}

load() {   # PORT GROUP LABEL
  taskset -c 1 "$JAVA" -cp "$classpath" io.homeward.itests.bench.KdcLoad "$1" "$WORK" "$2" "$THREADS" "$WARMUP" \
    "$COUNTED" "$kdc_pid" "$3" | tee -a "$WORK/load.out" | grep -v '^row'
}

echo "# $(date -u '+%F %T UTC')  kernel $(uname -r)  cpus $(nproc)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$JAVA" -version 2>&1 | head -n 1)  MIT krb5kdc $(dpkg-query -W -f '${Version}' krb5-kdc 2>/dev/null || echo '?')" \
  " threads $THREADS, warm-up $WARMUP s, counted $COUNTED s per figure"

# Homeward's KDC: stdin from a FIFO this script holds open; closing it makes the KDC print its counters and stop.
ours_port=$(free_port)
mkfifo "$WORK/ours.stdin"
taskset -c 0 "$JAVA" -cp "$classpath" io.homeward.itests.bench.KdcBench "$WORK" "$ours_port" "$REPLAY_CAPACITY" \
  <"$WORK/ours.stdin" >"$WORK/ours.out" 2>&1 &
kdc_pid=$!
exec 3>"$WORK/ours.stdin"
await_port "$ours_port" "$kdc_pid" "$WORK/ours.out"
echo "# Homeward KDC (pid $kdc_pid, CPU 0) on 127.0.0.1:$ours_port"
load "$ours_port" MODP-2048 homeward
load "$ours_port" P-256 homeward-p256
exec 3>&-
for _ in $(seq 1 100); do kill -0 "$kdc_pid" 2>/dev/null || break; sleep 0.1; done
grep '^homeward kdc:' "$WORK/ours.out" | sed 's/^/# /' || true
stop_kdc

# MIT's KDC, the same certificates, a throw-away database.
mit_port=$(free_port)
cat >"$WORK/krb5.conf" <<CONF
[libdefaults]
 default_realm = $REALM
[realms]
 $REALM = {
  kdc = 127.0.0.1:$mit_port
 }
CONF
cat >"$WORK/kdc.conf" <<CONF
[kdcdefaults]
 kdc_listen = 127.0.0.1:$mit_port
 kdc_tcp_listen = 127.0.0.1:$mit_port
[realms]
 $REALM = {
  database_name = $WORK/principal
  key_stash_file = $WORK/stash
  acl_file = $WORK/kadm5.acl
  max_life = 10h
  supported_enctypes = aes256-cts-hmac-sha384-192:normal aes256-cts-hmac-sha1-96:normal
  pkinit_identity = FILE:$WORK/home.pem,$WORK/home.key
  pkinit_anchors = FILE:$WORK/ca.pem
 }
[plugins]
 certauth = {
  disable = pkinit_san
 }
[logging]
 kdc = FILE:$WORK/mit-kdc.log
CONF
export KRB5_CONFIG="$WORK/krb5.conf" KRB5_KDC_PROFILE="$WORK/kdc.conf"
{
  kdb5_util create -s -r "$REALM" -P "master-password-for-a-benchmark"
  kadmin.local -r "$REALM" -q "addprinc -nokey +requires_preauth alice"
  kadmin.local -r "$REALM" -q "set_string alice pkinit_cert_match \"<SUBJECT>^CN=laptop.alice.members.example\$\""
  kadmin.local -r "$REALM" -q "addprinc -randkey $SERVICE"
} >"$WORK/mit-setup.out" 2>&1
taskset -c 0 krb5kdc -n -r "$REALM" >"$WORK/mit.out" 2>&1 &
kdc_pid=$!
await_port "$mit_port" "$kdc_pid" "$WORK/mit.out"
echo "# MIT krb5kdc (pid $kdc_pid, CPU 0) on 127.0.0.1:$mit_port"
load "$mit_port" MODP-2048 mit
stop_kdc

echo
echo "Summary (exchanges a second on one core; per KDC CPU-second; ours / MIT)"
awk -F '\t' '$1 == "row" { split($2, w, " "); kdc = w[1]; kind = w[2]; rate[$2] = $3; cpu[$2] = $4
    printf "  %-40s %9.1f /s  %9.1f per CPU-s  (KDC CPU %s%%)\n", $2, $3, $4, $5
    if (kdc == "mit") { mit_rate[kind] = $3; mit_cpu[kind] = $4 } else { ours[kdc " " kind] = $2 } }
  END {
    for (k in ours) { split(k, w, " "); kind = w[2]; name = ours[k]
      if (mit_rate[kind] > 0 && mit_cpu[kind] > 0)
        printf "  %-40s %8.2fx MIT /s  %8.2fx MIT per CPU-s\n", name " / mit", rate[name] / mit_rate[kind], cpu[name] / mit_cpu[kind] }
  }' "$WORK/load.out"
