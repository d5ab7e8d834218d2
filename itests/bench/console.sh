#!/usr/bin/env bash
# Console benchmark (README "Web console"): how fast the overview first renders and what it transfers, and how
# many peer changes per second its live view keeps up with. One all-in-one runtime (launcher jar, own data directory,
# free ports on 127.0.0.1, no tunnel interface), signed in on its first start, and the system's Chromium, headless:
#   - first render: LOADS loads of the overview with the browser's cache off, each followed by a load of the Web
#     Console's own bundles page (the anchor: same frame, same scripts); Navigation, Paint and Resource Timing
#     (first contentful paint, DOMContentLoaded, load: median / p95; transferSize and encodedBodySize of the document
#     and every resource: median). Once with no other machine, once with PEERS listed;
#   - live view: PEERS stand-in hosts published in the user's zone (TSIG-signed UPDATEs with the zone's master key),
#     then for each RATE, SECONDS of UPDATEs that each move one host to a new public address while the overview's
#     event stream (what the open page listens to) is read: UPDATEs answered per second, peers seen changed per
#     second, share of changes seen, lag from the UPDATE's answer to the event p50 / p95, events and bytes per
#     second; the anchor is the rendezvous' own UPDATE rate with nobody reading the console.
# Prints figures, asserts none (io.homeward.itests.ConsoleBench). Everything runs on this machine's cores: the
# browser, the runtime and the load generator compete, so compare the rows of one run, not runs of other machines.
# Needs: the build (mvn -B -q install -DskipTests), chromium and chromium-driver.
# Usage: itests/bench/console.sh [LOADS [PEERS [SECONDS [RATE,...]]]]   (default: 20 100 10 10,50,100,200,500)
set -euo pipefail
loads=${1:-20}
peers=${2:-100}
seconds=${3:-10}
rates=${4:-10,50,100,200,500}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless chromium=chromium chromedriver=chromium-driver
need_built "$jar" "$classes/io/homeward/itests/ConsoleBench.class" "$root/itests/target/test-classpath.txt"

work=$(mktemp -d)
# A private copy of the compiled classes: a build of itests during the run must not pull them away.
cp -a "$classes" "$work/classes"
trap 'rm -rf "$work"' EXIT
cp="$work/classes:$(test_classpath "$root/itests")"
echo "# $(date -u '+%F %T UTC')  $loads loads, $peers peers, $seconds s per rate ($rates/s); java: $(java -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Djava.io.tmpdir="$work" -Dhomeward.jar="$jar" -Dhomeward.features="$root/features" -cp "$cp" \
  io.homeward.itests.ConsoleBench "$work/runtime" "$loads" "$peers" "$seconds" "$rates"
