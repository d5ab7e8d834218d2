#!/usr/bin/env bash
# Split DNS with systemd-resolved, without touching the machine's resolver: the all-in-one runtime runs in its own
# network namespace (hw-splitdns) and mount namespace, with a private /run, its own D-Bus system bus, its own
# systemd-resolved and an /etc/resolv.conf that points at resolved's stub. Prints what `resolvectl status`, `resolvectl
# query` and `getent ahosts` say about the agent's zone while it runs, then stops it.
#
# Usage: split-dns.sh RESOLVED_ROOT HOMEWARD_JAR WORKDIR
#   RESOLVED_ROOT  where lib/systemd/systemd-resolved and usr/bin/resolvectl are: / when the package is installed,
#                  else a directory made with `apt-get download systemd-resolved && dpkg -x systemd-resolved_*.deb DIR`
# Every process it starts is stopped by PID; every wait is bounded. Needs root, iproute2, util-linux, dbus-daemon.
set -euo pipefail

NS=hw-splitdns

if [ "${1:-}" != inner ]; then
  [ $# = 3 ] || { echo "usage: $0 RESOLVED_ROOT HOMEWARD_JAR WORKDIR" >&2; exit 2; }
  [ "$(id -u)" = 0 ] || { echo "split-dns.sh: needs root" >&2; exit 1; }
  mkdir -p "$3"
  ip netns del "$NS" 2>/dev/null || true
  ip netns add "$NS"
  trap 'ip netns del "$NS" 2>/dev/null || true' EXIT
  ip netns exec "$NS" unshare -m --propagation private "$0" inner "$@"
  exit $?
fi

ROOT=$2 JAR=$3 WORK=$4
RESOLVED=$ROOT/lib/systemd/systemd-resolved
RESOLVECTL=$ROOT/usr/bin/resolvectl

# A private /run (bus socket, resolved's state), resolved's user, and glibc asking resolved's stub.
mount --make-rprivate /
mount -t tmpfs tmpfs /run
mkdir -p /run/dbus /run/systemd
cp /etc/passwd "$WORK/passwd"; echo 'systemd-resolve:x:990:990:systemd Resolver:/:/usr/sbin/nologin' >> "$WORK/passwd"
cp /etc/group "$WORK/group"; echo 'systemd-resolve:x:990:' >> "$WORK/group"
printf 'nameserver 127.0.0.53\n' > "$WORK/resolv.conf"
mount --bind "$WORK/passwd" /etc/passwd
mount --bind "$WORK/group" /etc/group
mount --bind "$WORK/resolv.conf" /etc/resolv.conf
cat > "$WORK/bus.conf" <<'BUS'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=/run/dbus/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
BUS
ip link set lo up

DBUS_PID=$(dbus-daemon --config-file="$WORK/bus.conf" --fork --print-pid)
"$RESOLVED" > "$WORK/resolved.log" 2>&1 &
RESOLVED_PID=$!
JAVA_PID=
stop() {
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null && timeout 60 tail --pid="$JAVA_PID" -f /dev/null || true
  kill "$RESOLVED_PID" "$DBUS_PID" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 50); do [ -d /run/systemd/resolve ] && break; sleep 0.1; done
[ -d /run/systemd/resolve ] || { echo "systemd-resolved did not start:"; cat "$WORK/resolved.log"; exit 1; }

rm -rf "$WORK/data"
PATH="$ROOT/usr/bin:$PATH" "${JAVA_HOME:-/usr}/bin/java" -jar "$JAR" --feature all-in-one --data "$WORK/data" --no-shell \
  --console-port 18080 > "$WORK/runtime.out" 2> "$WORK/runtime.err" &
JAVA_PID=$!
# The agent logs this once all of its resolvectl calls (server, domain, default route, LLMNR) have returned; the
# routing domain alone shows up in the middle of them.
for _ in $(seq 1 120); do
  grep -qs "Split DNS: systemd-resolved sends" "$WORK/data/homeward.log" && break
  sleep 1
done
echo "== resolvectl status homeward0"
"$RESOLVECTL" status homeward0 || true
ZONE=$("$RESOLVECTL" status homeward0 2>/dev/null | sed -n 's/.*DNS Domain: *~//p' | tr -d ' ')
NAME="$(hostname).$ZONE"
echo "== resolvectl query $NAME"
"$RESOLVECTL" query "$NAME" || true
echo "== getent ahosts $NAME"
getent ahosts "$NAME" || true
echo "== stopped"
kill "$JAVA_PID"
timeout 60 tail --pid="$JAVA_PID" -f /dev/null || true
JAVA_PID=
echo "== the runtime's log"
grep -h "io.homeward.resolver" "$WORK/data/homeward.log" || true
