#!/usr/bin/env bash
# Acknowledgement-before-durability campaign: a real rendezvous runs under strace, which records with timestamps
# every journal write and fdatasync and every UPDATE answer it sends. Each trial sends a signed UPDATE and, at once,
# the same change freshly signed (a no-op once the first is applied, as a retransmission is). An answer NOERROR
# counts as "before durability" unless an fdatasync of the journal began after the journal's last write before
# that answer and ended before the answer was sent.
# Usage: itests/bench/durability-campaign.sh [trials]   (default 1000)
# Needs: java, python3, strace (ptrace allowed: root or kernel.yama.ptrace_scope=0). Loopback only.
set -euo pipefail
trials=${1:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless python3=python3 strace=strace
need_built "$jar" "$root/itests/target/test-classpath.txt" \
  "$root/itests/target/test-classes/io/homeward/itests/bench/JournalCampaign.class"
cp="$root/itests/target/test-classes:$(test_classpath "$root/itests")"

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$(pgrep -P "$pid")" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
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

echo "== starting the rendezvous on 127.0.0.1:$port under strace"
strace -f -ttt -T -y -xx -s 4 -e trace=write,pwrite64,fdatasync,fsync,sendto,sendmsg \
  -o "$work/trace" java -jar "$jar" --feature rendezvous --data "$work/data" --config "$work/config" \
  --console-port "$console" --no-shell --log-level warn >"$work/rendezvous.log" 2>&1 &
pid=$!
up=
for _ in $(seq 1 600); do
  grep -q "Web console:" "$work/rendezvous.log" && { up=1; break; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$up" ] || { cat "$work/rendezvous.log" >&2; missing "the rendezvous did not start"; }

echo "== $trials trials: an UPDATE and its duplicate, sent together"
java -cp "$cp" io.homeward.itests.bench.JournalCampaign duplicates 127.0.0.1 "$port" "$zone" "$secret" "$trials" "$work/ids"
# Stop the traced runtime itself: strace ends with it.
kill "$(pgrep -P "$pid")"; wait "$pid" 2>/dev/null || true; pid=

python3 - "$work/trace" "$work/ids" <<'PY'
import re, sys
trace, ids = sys.argv[1], sys.argv[2]
line_re = re.compile(r'^(\d+)\s+(\d+\.\d+)\s+(?:<\.\.\. (\w+) resumed>|(\w+)\((\d+)<([^>]*)>)(.*)$')
pending = {}           # pid -> (syscall, start, path, rest)
def unhex(text):       # -xx prints the paths in hex too
    return re.sub(r'\\x([0-9a-f]{2})', lambda h: chr(int(h.group(1), 16)), text)
events = []            # (syscall, start, end, path, head)
def finish(call, start, path, rest, end):
    m = re.search(r'<(\d+\.\d+)>\s*$', rest)
    events.append((call, start, end if end is not None else start + (float(m.group(1)) if m else 0.0), path, rest))
for line in open(trace, errors="replace"):
    m = line_re.match(line)
    if not m:
        continue
    tid, at = m.group(1), float(m.group(2))
    if m.group(3):                      # "<... call resumed>"
        if tid in pending:
            call, start, path, rest = pending.pop(tid)
            finish(call, start, path, rest + m.group(7), at)
        continue
    call, path, rest = m.group(4), unhex(m.group(6)), m.group(7)
    if rest.rstrip().endswith("<unfinished ...>"):
        pending[tid] = (call, at, path, rest)
    else:
        finish(call, at, path, rest, None)

journal_writes = sorted((e[2]) for e in events if e[0] in ("write", "pwrite64") and e[3].endswith("journal.log"))
syncs = [(e[1], e[2]) for e in events if e[0] in ("fdatasync", "fsync") and e[3].endswith("journal.log")]
rows = [row.split() for row in open(ids)]
expected = {int(ident) for row in rows for ident in row[1:3]}
answers = []
for call, start, end, path, rest in events:
    if call not in ("sendto", "sendmsg"):
        continue
    m = re.search(r'"((?:\\x[0-9a-f]{2}){4})', rest)
    if not m:
        continue
    b = bytes(int(h, 16) for h in re.findall(r'\\x([0-9a-f]{2})', m.group(1)))
    ident, flags = int.from_bytes(b[0:2], "big"), b[2]
    if flags & 0xF8 != 0xA8 or ident not in expected:   # QR=1, OPCODE=UPDATE
        continue
    answers.append((start, ident, b[3] & 0x0F))
import bisect
before = 0
acks = 0
for sent, ident, rcode in answers:
    if rcode != 0:
        continue
    acks += 1
    i = bisect.bisect_right(journal_writes, sent) - 1
    last_write = journal_writes[i] if i >= 0 else 0.0
    if not any(s >= last_write and e <= sent for s, e in syncs):
        before += 1
trials = len(rows)
print(f"trials: {trials}; UPDATE answers seen in the trace: {len(answers)}; acknowledgements (NOERROR): {acks}")
print(f"journal writes: {len(journal_writes)}; journal fdatasyncs: {len(syncs)}")
print(f"acknowledgements before durability: {before} in {trials} duplicate trials (goal: 0)")
PY
