# Sourced by the benchmark scripts: each check says in one line what is missing and exits with status 1.
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
