#!/usr/bin/env bash
# Handover benchmark: in the network lab (itests/netlab/lab.sh), an interactive TCP session (a 64-byte message
# every 10 ms, echoed: itests/netlab/stall-stream.py) and a 20-per-second ping run from the laptop to home through
# the tunnel (SA pair keyed by hand) while the laptop moves café -> train -> café MOVES times (and, with
# --home-wan, home's WAN address changes after each move). Prints, per move, how long the session stalled, the
# pings lost and when the other host's peer directory held the new endpoint; then median, p95 and max of each.
# Needs root, the lab's Debian packages, python3, and a build: mvn -B -q install -DskipTests.
#
# Usage: itests/bench/handover.sh [MOVES] [--home-wan]   (MOVES default 20; 5 is a quick run)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces"
need_lab_tools
need_tools java=openjdk-17-jdk-headless python3=python3 ping=iputils-ping
need_built "$jar" "$classes/io/homeward/itests/netlab/HandoverBench.class" "$root/itests/target/test-classpath.txt"
java -cp "$(test_classpath "$root/itests")" -Dhomeward.jar="$jar" -Dhomeward.features="$root/features" \
  io.homeward.itests.netlab.HandoverBench "$@"
