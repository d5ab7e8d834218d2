#!/usr/bin/env bash
# Log growth under an unauthenticated flood (issue 12, defect 5): a fresh rendezvous (launcher jar, feature
# rendezvous, its own data directory and free loopback ports, default log level) is flooded for SECS seconds
# (default 10) from 256 loopback addresses with unsigned UPDATEs, unsigned LLQ setups, UPDATEs and queries with
# a bad TSIG MAC and with a truncated one, all over UDP. Prints the packets sent and the growth of the data
# directory's homeward.log (and of the console output) in KB/s during the flood. Target: <= 10 KB/s.
# Usage: itests/bench/log-flood.sh [SECS]
# Needs: the build (mvn -B -q install -DskipTests), java 17, python3. Loopback only; no root.
set -euo pipefail
secs=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless python3=python3
need_built "$jar"

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(free_port); tls=$(free_port); console=$(free_port)
zone=alice.members.example.

mkdir -p "$work/config"
cat > "$work/config/homeward.json" <<JSON
{
  ":configurator:resource-version": 1, ":configurator:symbolic-name": "log-flood", ":configurator:version": "1.0.0",
  "io.homeward.rendezvous.transport": { "port": $port, "tlsPort": $tls },
  "io.homeward.rendezvous.dns": { "tlsPort": $tls }
}
JSON
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" \
  --exec "homeward:useradd alice log-flood-password" >/dev/null 2>&1
echo "== starting the rendezvous on 127.0.0.1:$port (data $work/data)"
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" --console-port "$console" \
  --no-shell >"$work/console.log" 2>&1 &
pids+=($!)

python3 - "$port" "$zone" <<'PY'
import socket, struct, sys, time
port, zone = int(sys.argv[1]), sys.argv[2]
soa = bytes.fromhex("1234 0000 0001 0000 0000 0000".replace(" ", "")) + b"".join(
    bytes([len(l)]) + l.encode() for l in zone.rstrip(".").split(".")) + b"\0" + struct.pack("!HH", 6, 1)
deadline = time.time() + 60
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
while time.time() < deadline:
    s.sendto(soa, ("127.0.0.1", port))
    try:
        if s.recv(4096)[3] & 0xF == 0:
            sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit("the rendezvous did not answer for " + zone + " within 60 s")
PY

log="$work/data/homeward.log"
sleep 5
before=$(stat -c %s "$log"); console_before=$(stat -c %s "$work/console.log")
echo "== flooding for $secs s"
python3 - "$port" "$zone" "$secs" <<'PY'
import os, socket, struct, sys, time
port, zone, secs = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])

def name(n):
    return b"".join(bytes([len(l)]) + l.encode() for l in n.rstrip(".").split(".")) + b"\0"

def header(ident, opcode, qd, an, ns, ar):
    return struct.pack("!HHHHHH", ident, opcode << 11, qd, an, ns, ar)

def tsig(mac):
    alg = name("hmac-sha256.")
    rdata = alg + struct.pack("!HIH", 0, int(time.time()), 300) + struct.pack("!H", len(mac)) + mac \
        + struct.pack("!HHH", 1, 0, 0)
    return name(zone) + struct.pack("!HHIH", 250, 255, 0, len(rdata)) + rdata

z = name(zone)
add = name("flood." + zone) + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([192, 0, 2, 1])
unsigned_update = header(1, 5, 1, 0, 1, 0) + z + struct.pack("!HH", 6, 1) + add
llq_option = struct.pack("!HHHHHQI", 1, 18, 1, 1, 0, 0, 7200)
unsigned_llq = header(2, 0, 1, 0, 0, 1) + name("_afpovertcp._tcp." + zone) + struct.pack("!HH", 12, 1) \
    + b"\0" + struct.pack("!HHIH", 41, 1440, 0, len(llq_option)) + llq_option
bad_update = header(3, 5, 1, 0, 1, 1) + z + struct.pack("!HH", 6, 1) + add + tsig(os.urandom(32))
bad_query = header(4, 0, 1, 0, 0, 1) + z + struct.pack("!HH", 6, 1) + tsig(os.urandom(32))
short_mac = header(5, 0, 1, 0, 0, 1) + z + struct.pack("!HH", 6, 1) + tsig(os.urandom(4))
kinds = [unsigned_update, unsigned_llq, bad_update, bad_query, short_mac]

senders = []
for i in range(256):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.%d.%d" % (i // 250, 2 + i % 250), 0))
    s.setblocking(False)
    senders.append(s)
sent, end = 0, time.time() + secs
while time.time() < end:
    for s in senders:
        for packet in kinds:
            try:
                s.sendto(packet, ("127.0.0.1", port))
                sent += 1
            except BlockingIOError:
                pass
    for s in senders:  # drain the answers
        try:
            while s.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
    time.sleep(0.001)
print("sent %d packets (%d/s) from %d addresses" % (sent, sent / secs, len(senders)))
PY
sleep 1
after=$(stat -c %s "$log"); console_after=$(stat -c %s "$work/console.log")
echo "== the first lines written during the flood:"
tail -c $((after - before)) "$log" | cut -c1-200 | head -12 || true
python3 - "$before" "$after" "$console_before" "$console_after" "$secs" <<'PY'
import sys
b, a, cb, ca, secs = (float(x) for x in sys.argv[1:])
print("homeward.log grew %.1f KB in %.0f s: %.2f KB/s (target <= 10 KB/s)" % ((a - b) / 1024, secs, (a - b) / 1024 / secs))
print("console output grew %.1f KB: %.2f KB/s" % ((ca - cb) / 1024, (ca - cb) / 1024 / secs))
PY
