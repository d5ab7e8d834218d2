#!/usr/bin/env bash
# Enrollment measure (docs/enrollment.md): how many hosts a rendezvous enrolls per second, and how long a new machine
# takes from `--join CODE` to publishing its records.
# Usage: itests/bench/enrollment.sh [HOSTS] [CLIENTS] [JOINS]      (default: 200 8 10)
# Starts a rendezvous (launcher jar, feature rendezvous, own data directory, free ports on 127.0.0.1) with its Gogo
# shell on a pseudo-terminal (util-linux script), then io.homeward.itests.bench.EnrollmentBench:
#   - HOSTS invites made with homeward:invite typed into that shell, one after the other (invites/s);
#   - HOSTS enrollments with those invites (EST simpleenroll over HTTPS, a new TLS connection each) from CLIENTS
#     threads, with PKCS#10 requests (P-256) made beforehand by Bouncy Castle in the benchmark's JVM, so the figure
#     is the server's (enrollments/s, latency median and 95th percentile);
#   - the same with the user's password-derived key (Homeward-Key) instead of invites;
#   - JOINS times a fresh agent (launcher jar, feature agent, fresh data directory, no tunnel interface) started with
#     `--join CODE` for a new invite, timed from its process start to the registrar's "Published" log line: median.
# Needs: the build (mvn -B -q install -DskipTests), script (bsdutils). Everything it starts is stopped at the end.
set -euo pipefail
hosts=${1:-200}
clients=${2:-8}
joins=${3:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/launcher/target/homeward.jar"
classes="$root/itests/target/test-classes"
# shellcheck source=preflight.sh
. "$root/itests/bench/preflight.sh"
need_tools java=openjdk-17-jdk-headless script=bsdutils
need_built "$jar" "$classes/io/homeward/itests/bench/EnrollmentBench.class" "$root/itests/target/test-classpath.txt"

work=$(mktemp -d)
# A private copy of the compiled classes: a build of itests during the run must not pull them away.
cp -a "$classes" "$work/classes"
trap 'rm -rf "$work"' EXIT
cp="$work/classes:$(test_classpath "$root/itests")"
echo "== $hosts hosts, $clients clients, $joins joins; java: $(java -version 2>&1 | head -1), $(nproc) cores"
java -Djava.io.tmpdir="$work" -Dhomeward.jar="$jar" -cp "$cp" io.homeward.itests.bench.EnrollmentBench --hosts "$hosts" --clients "$clients" \
  --joins "$joins"
