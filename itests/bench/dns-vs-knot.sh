#!/usr/bin/env bash
# Rendezvous DNS benchmark (issue 3): dnsperf against our server and against Knot, same zone, same TSIG key,
# same machine, same run. Prints queries/s and TSIG-signed updates/s with 100 requests outstanding.
# Usage: itests/bench/dns-vs-knot.sh [seconds per measurement]   (default 10)
# Needs: dnsperf, knot (knotd), bind9-dnsutils (nsupdate, dig), python3. Loopback only.
set -euo pipefail
secs=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless dnsperf=dnsperf knotd=knot nsupdate=bind9-dnsutils dig=bind9-dnsutils python3=python3
need_built "$jar"

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ours=$(free_port); tls=$(free_port); console=$(free_port); knot=$(free_port)
zone=alice.members.example.
password=bench-correct-horse
# The key every agent derives from the password (io.homeward.api.accounts.PasswordKeys).
secret=$(python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', b'$password', b'$zone', 200000, 32)).decode())")

echo "== starting Homeward rendezvous on 127.0.0.1:$ours"
mkdir -p "$work/config"
cat > "$work/config/homeward.json" <<JSON
{
  ":configurator:resource-version": 1, ":configurator:symbolic-name": "bench", ":configurator:version": "1.0.0",
  "io.homeward.rendezvous.transport": { "port": $ours, "tlsPort": $tls, "maxPendingRequests": 4096 },
  "io.homeward.rendezvous.dns": { "tlsPort": $tls, "updatesPerSecond": 1000000.0, "updateBurst": 1000000, "keyUpdatesPerSecond": 1000000.0, "keyUpdateBurst": 1000000, "zoneRecordQuota": 100000000 }
}
JSON
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" --exec "homeward:useradd alice $password" >/dev/null 2>&1
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" --console-port "$console" --no-shell >"$work/ours.log" 2>&1 &
pids+=($!); ours_pid=$!

echo "== starting Knot $(knotd --version | head -1) on 127.0.0.1:$knot"
mkdir -p "$work/knot/db"
cat > "$work/knot/alice.zone" <<ZONE
\$ORIGIN $zone
\$TTL 120
@ 3600 IN SOA ns.members.example. hostmaster.members.example. 1 3600 600 1209600 60
@ 3600 IN NS ns.members.example.
ZONE
cat > "$work/knot/knot.conf" <<CONF
server:
    listen: 127.0.0.1@$knot
    rundir: $work/knot
database:
    storage: $work/knot/db
key:
  - id: $zone
    algorithm: hmac-sha256
    secret: $secret
acl:
  - id: alice_update
    key: $zone
    action: update
zone:
  - domain: $zone
    file: $work/knot/alice.zone
    acl: alice_update
CONF
knotd -c "$work/knot/knot.conf" >"$work/knot.log" 2>&1 &
pids+=($!)

for port in $ours $knot; do
  for _ in $(seq 1 300); do dig +time=1 +tries=1 @127.0.0.1 -p "$port" SOA $zone 2>/dev/null | grep -q 'status: NOERROR' && break; sleep 0.1; done
done

echo "== loading the same 200 host records into both (signed UPDATEs)"
for port in $ours $knot; do
  { echo "server 127.0.0.1 $port"; echo "zone $zone"
    for i in $(seq 1 200); do echo "update add host$i.$zone 120 AAAA fd00::$(printf %x $i)"; done
    echo send; } | nsupdate -y "hmac-sha256:$zone:$secret"
done

for i in $(seq 1 200); do echo "host$i.$zone AAAA"; echo "missing$i.$zone A"; done > "$work/queries"
python3 - "$work/updates" "$zone" <<'PY'
import sys
path, zone = sys.argv[1], sys.argv[2]
with open(path, "w") as f:
    for i in range(200000):
        f.write(f"{zone}\nadd u{i}.{zone} 120 A 192.0.2.{i % 250 + 1}\nsend\n")
PY

measure() { # name port mode
  local name=$1 port=$2 mode=$3 out
  if [ "$mode" = query ]; then
    out=$(dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries" -l "$secs" -q 100 -c 4 2>&1)
  else
    out=$(dnsperf -u -s 127.0.0.1 -p "$port" -d "$work/updates" -l "$secs" -q 100 -y "hmac-sha256:$zone:$secret" 2>&1)
  fi
  local rate; rate=$(echo "$out" | awk '/(Queries|Updates) per second/ {print $4}')
  local lost; lost=$(echo "$out" | awk '/(Queries|Updates) lost/ {print $3}')
  echo "$name $mode: ${rate:-0}/s (lost ${lost:-?})" >&2
  echo "${rate:-0}"
}

echo "== measuring ($secs s each, 100 outstanding)"
oq=$(measure homeward "$ours" query); kq=$(measure knot "$knot" query)
ou=$(measure homeward "$ours" update); ku=$(measure knot "$knot" update)
rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$ours_pid/status)
echo
printf '%-22s %12s %12s %8s\n' "" "Homeward" "Knot" "ratio"
printf '%-22s %12.0f %12.0f %8.2f\n' "queries/s" "$oq" "$kq" "$(python3 -c "print($oq/$kq if $kq else 0)")"
printf '%-22s %12.0f %12.0f %8.2f\n' "signed updates/s" "$ou" "$ku" "$(python3 -c "print($ou/$ku if $ku else 0)")"
echo "targets: updates/s >= Knot's (ratio >= 1), queries/s >= 0.8 x Knot's; Homeward RSS after the run: ${rss} MB"
