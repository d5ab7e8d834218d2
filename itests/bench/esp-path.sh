#!/usr/bin/env bash
# The ESP packet path alone (issue 7, speed): seal on one host's outbound path, check and open on the other's
# inbound path, in one thread, for AES-GCM-16 and ChaCha20-Poly1305 at 64 and 1400 bytes. Prints ns per packet
# and bytes allocated per packet (the hot path is meant to allocate nothing of its own; what is left is the
# JCE's per-packet parameter objects). No root, no network.
#
# Usage: itests/bench/esp-path.sh [PACKETS]   (default 2,000,000 per case)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/bundles/io.homeward.tunnel"
[ -f "$module/target/test-classes/io/homeward/tunnel/internal/EspPathBench.class" ] \
  || { echo "build first: mvn -B -q install -DskipTests && mvn -B -q -o test-compile -pl bundles/io.homeward.tunnel" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -o dependency:build-classpath -pl bundles/io.homeward.tunnel -Dmdep.outputFile="$work/cp" >/dev/null)
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$work/cp")" \
  io.homeward.tunnel.internal.EspPathBench "${1:-2000000}"
