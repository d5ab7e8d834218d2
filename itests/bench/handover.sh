#!/usr/bin/env bash
# Handover benchmark (issue 6): in the network lab (itests/netlab/lab.sh), the laptop moves between the café
# and the train MOVES times; prints each handover (move -> home's peer directory holds the new endpoint) and
# p50/p95. Needs root, the lab's Debian packages, and a build: mvn -B -q install -DskipTests.
#
# Usage: itests/bench/handover.sh [MOVES]   (default 20)
set -euo pipefail
moves=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_root "network namespaces"
need_lab_tools
need_tools java=openjdk-17-jdk-headless
need_built "$jar" "$classes/io/homeward/itests/netlab/HandoverBench.class" "$root/itests/target/test-classpath.txt"
java -cp "$(test_classpath "$root/itests")" -Dhomeward.jar="$jar" -Dhomeward.features="$root/features" \
  io.homeward.itests.netlab.HandoverBench "$moves"
