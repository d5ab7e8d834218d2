#!/usr/bin/env bash
# DNS journal damage campaign: 6,000 acknowledged records written through a real rendezvous (signed UPDATEs),
# the process killed, 4 bytes flipped in the middle of the journal, the process restarted. Prints how many
# acknowledged records were kept (goal: all but those of the one damaged frame) and what start-up logged.
# Usage: itests/bench/journal-damage.sh [records]   (default 6000)
# Needs: java, python3. Loopback only.
set -euo pipefail
records=${1:-6000}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless python3=python3
need_built "$jar" "$root/itests/target/test-classpath.txt" \
  "$root/itests/target/test-classes/io/homeward/itests/bench/JournalCampaign.class"
cp="$root/itests/target/test-classes:$(test_classpath "$root/itests")"

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(free_port); tls=$(free_port); console=$(free_port)
zone=alice.members.example.
password=bench-correct-horse
# The key every agent derives from the password (io.homeward.api.accounts.PasswordKeys).
secret=$(python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', b'$password', b'$zone', 200000, 32)).decode())")

mkdir -p "$work/config"
cat > "$work/config/homeward.json" <<JSON
{
  ":configurator:resource-version": 1, ":configurator:symbolic-name": "bench", ":configurator:version": "1.0.0",
  "io.homeward.rendezvous.transport": { "port": $port, "tlsPort": $tls, "maxPendingRequests": 4096 },
  "io.homeward.rendezvous.dns": { "tlsPort": $tls, "updatesPerSecond": 1000000.0, "updateBurst": 1000000 }
}
JSON
java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" --exec "homeward:useradd alice $password" >/dev/null 2>&1
start() {
  java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" --console-port "$console" \
    --no-shell >>"$work/rendezvous.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "Web console:" "$work/rendezvous.log" && grep -q "Replay restored" "$work/rendezvous.log" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$work/rendezvous.log" >&2
  missing "the rendezvous did not start"
}

echo "== writing $records records through the rendezvous on 127.0.0.1:$port"
start
java -cp "$cp" io.homeward.itests.bench.JournalCampaign write 127.0.0.1 "$port" "$zone" "$secret" "$records" "$work/acked"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=

journal=$(find "$work/data" -name journal.log | head -1)
size=$(stat -c %s "$journal")
python3 - "$journal" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
middle = len(data) // 2
for i in range(4):
    data[middle + i] ^= 0xff
open(path, "wb").write(data)
print(f"== flipped 4 bytes at offset {middle} of {path.split('/')[-1]} ({len(data)} bytes)")
PY

: >"$work/rendezvous.log"
start
echo "== start-up logged:"
grep -E 'Cut [0-9]+ damaged bytes|Read [0-9]+ entries|Replay restored' "$work/rendezvous.log" | sed 's/^/   /' || true
ls "$(dirname "$journal")" | sed 's/^/   kept: /'
acked=$(wc -l <"$work/acked")
kept=$(java -cp "$cp" io.homeward.itests.bench.JournalCampaign count 127.0.0.1 "$port" "$zone" "$work/acked")
echo
echo "journal: $size bytes; acknowledged records: $acked; kept after 4 flipped bytes: $kept (goal: all but the damaged frame's)"
