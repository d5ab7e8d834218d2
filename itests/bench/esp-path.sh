#!/usr/bin/env bash
# The ESP packet path alone (issue 7, speed): seal on one host's outbound path, check and open on the other's
# inbound path, in one thread, for AES-GCM-16 and ChaCha20-Poly1305 at 64 and 1400 bytes. Prints ns per packet
# and bytes allocated per packet (the hot path is meant to allocate nothing of its own; what is left is the
# JCE's per-packet parameter objects). No root, no network.
#
# Usage: itests/bench/esp-path.sh [PACKETS]   (default 2,000,000 per case)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
module="$root/bundles/io.homeward.tunnel"
need_tools java=openjdk-17-jdk-headless
need_built "$module/target/test-classes/io/homeward/tunnel/internal/EspPathBench.class" "$module/target/test-classpath.txt"
java -cp "$(test_classpath "$module")" io.homeward.tunnel.internal.EspPathBench "${1:-2000000}"
