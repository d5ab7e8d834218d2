#!/usr/bin/env bash
# First-echo benchmark: in the network lab (itests/netlab/lab.sh), home behind the miniupnpd gateway and the laptop in
# the café, both signed in with passwords only (tunnels keyed on demand, the default). Once both list each other,
# TRIES times: no SA pair on either side (homeward:ike delete home on the laptop, awaited on both), then from the laptop
# ping -6 -c 1 -W 5 home.<zone> by name (itests/netlab/by-name.sh: the agent's name server as resolver). Prints per
# try ping's round trip of the first echo (it waits in the tunnel's hold while IKE keys), the wall time from the
# command to the answer (adds the name lookup) and the autotunnel's "up N ms after asking"; then the cold first try
# apart, median / p95 / max of the warm tries, and anchors from the same run: the echo round trip through the up
# tunnel and a by-name ping through it. Prints figures, asserts none (io.homeward.itests.netlab.FirstEchoBench).
# Needs root, the lab's Debian packages, and a build: mvn -B -q install -DskipTests.
#
# Usage: itests/bench/first-echo.sh [TRIES] [LAUNCHER_OPTION...]   (TRIES default 20; e.g. 20 --log-level debug
#        for the IKE's timestamps in the hosts' logs). KEEP_WORK=1 keeps the hosts' logs and data.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lab="$root/itests/netlab/lab.sh"
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces"
need_lab_tools
need_tools java=openjdk-17-jdk-headless ping=iputils-ping unshare=util-linux
need_built "$jar" "$classes/io/homeward/itests/netlab/FirstEchoBench.class" "$root/itests/target/test-classpath.txt"
tries=20
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then tries=$1; shift; fi

WORK=$(mktemp -d /tmp/first-echo.XXXXXX)
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # The fixture takes the lab down itself; a fixture killed before it could leaves it for this to do.
  if [ "$status" != 0 ] && "$lab" status >/dev/null 2>&1; then "$lab" down >/dev/null || true; fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "# kept $WORK (KEEP_WORK set)"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "# $(date -u '+%F %T UTC')  kernel $(uname -r)  cpus $(nproc)  load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$(test_classpath "$root/itests")" -Dhomeward.jar="$jar" -Dhomeward.features="$root/features" \
  io.homeward.itests.netlab.FirstEchoBench "$WORK" "$tries" "$@"
