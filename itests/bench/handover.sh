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
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
[ -f "$jar" ] && [ -f "$classes/io/homeward/itests/netlab/HandoverBench.class" ] \
  || { echo "build first: mvn -B -q install -DskipTests (and mvn -B -q -o test-compile -pl itests)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -o dependency:build-classpath -pl itests -Dmdep.outputFile="$work/cp" >/dev/null)
cp="$(tr ':' '\n' <"$work/cp" | grep -v 'homeward-launcher' | paste -sd:):$classes"
java -cp "$cp" -Dhomeward.jar="$jar" -Dhomeward.features="$root/features" \
  io.homeward.itests.netlab.HandoverBench "$moves"
