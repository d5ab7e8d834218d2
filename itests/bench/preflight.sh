# Sourced by the benchmark scripts: each check says in one line what is missing and exits with status 1; then the
# small helpers every script needs (free loopback ports, stopping a process it started).
BUILD_COMMAND="mvn -B -q install -DskipTests"

missing() { echo "$(basename "$0"): $*" >&2; exit 1; }

# need_root WHY
need_root() { [ "$(id -u)" = 0 ] || missing "needs root ($1)"; }

# need_tools TOOL=DEBIAN_PACKAGE...
need_tools() {
  local spec
  for spec in "$@"; do
    command -v "${spec%%=*}" >/dev/null 2>&1 || missing "${spec%%=*} is missing (Debian package ${spec#*=})"
  done
}

# need_built FILE...: what the README's build command makes.
need_built() {
  local file
  for file in "$@"; do
    [ -e "$file" ] || missing "not built ($file is missing): run $BUILD_COMMAND first"
  done
}

# test_classpath MODULE_DIR: the test class path the module's build wrote (see the root pom.xml), to run its
# compiled benchmark classes with plain java. Check it with need_built first.
test_classpath() { cat "$1/target/test-classpath.txt"; }

# need_lab_tools: what itests/netlab/lab.sh runs.
need_lab_tools() { need_tools ip=iproute2 nft=nftables miniupnpd=miniupnpd conntrack=conntrack; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
free_udp_port() { python3 -c 'import socket; s=socket.socket(type=socket.SOCK_DGRAM); s.bind(("0.0.0.0",0)); print(s.getsockname()[1])'; }

# Stops a process this script started: SIGTERM, at most 30 s for a clean stop, then SIGKILL; reaps it.
stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
