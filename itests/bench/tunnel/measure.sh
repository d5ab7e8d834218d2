# shellcheck shell=bash
# iperf3 through a tunnel between two lab namespaces, shared by itests/bench/tunnel-throughput.sh and
# itests/bench/ike-handshakes.sh (sourced after tunnel/common.sh). Expects WORK, TCP_RUNS, SECONDS_PER_RUN and
# IPERF_PORT from the main script; IPERF_PID is the running iperf3 server, which the main script's EXIT trap stops.

IPERF_PID=""

# iperf3_json FILE EXPRESSION: a figure from an iperf3 -J result, or a clear error with iperf3's own message.
iperf3_json() {
  local value
  value=$(jq -r "$2 // empty" "$1" 2>/dev/null || true)
  [ -n "$value" ] || die "iperf3 gave no result in $1: $(jq -r '.error // empty' "$1" 2>/dev/null || head -c 300 "$1")"
  echo "$value"
}

# iperf3_client NS OUT ARGS...: one client run, bounded in time, its JSON in OUT.
iperf3_client() {
  local ns=$1 out=$2; shift 2
  timeout $((SECONDS_PER_RUN + 30)) ip netns exec "$ns" iperf3 -p "$IPERF_PORT" -t "$SECONDS_PER_RUN" -J "$@" >"$out" 2>&1 || true
}

# start_iperf3_server NAME NS ADDRESS: one server for all runs of a tunnel, bound to the inner address.
start_iperf3_server() {
  ip netns exec "$2" iperf3 -s -B "$3" -p "$IPERF_PORT" >"$WORK/iperf3-server-$1.log" 2>&1 &
  IPERF_PID=$!
  track_pid "$IPERF_PID"
  if ! wait_until 50 sh -c "ip netns exec $2 ss -Hltn 'sport = :$IPERF_PORT' | grep -q ." \
    || ! kill -0 "$IPERF_PID" 2>/dev/null; then
    die "iperf3 server in $2 did not listen on [$3]:$IPERF_PORT: $(cat "$WORK/iperf3-server-$1.log")"
  fi
}

# udp64 NAME CLIENT_NS ADDRESS: "PACKETS_PER_S LOSS_PERCENT" as counted by the receiver. A run in which not
# one datagram arrived is repeated once, so one lost control exchange does not report a working tunnel as 0.
udp64() {
  local out="$WORK/$1-udp64.json" try pps
  for try in 1 2; do
    iperf3_client "$2" "$out" -c "$3" -u -l 64 -b 0
    pps=$(iperf3_json "$out" '(.end.sum_received // .end.sum) | (.packets - .lost_packets) / .seconds | floor')
    [ "$pps" = 0 ] || break
    echo "# $1: no 64-byte datagram arrived (try $try)" >&2
  done
  echo "$pps $(iperf3_json "$out" '(.end.sum_received // .end.sum).lost_percent | . * 10 | round / 10')"
}

# measure NAME CLIENT_NS SERVER_NS SERVER_INNER_ADDR PID...: prints one result line and appends
# "NAME TCP_MBITS UDP_PPS" to $WORK/results. The CPU per tunnel process covers the TCP runs.
measure() {
  local name=$1 client=$2 server=$3 address=$4; shift 4
  local pid run out runs="" cpu="" cpu_sum=0 percent start_ns elapsed_ns mbits pps loss
  local -A ticks_before
  start_iperf3_server "$name" "$server" "$address"
  for pid in "$@"; do ticks_before[$pid]=$(cpu_ticks "$pid"); done
  start_ns=$(date +%s%N)
  for run in $(seq 1 "$TCP_RUNS"); do
    out="$WORK/$name-tcp-$run.json"
    iperf3_client "$client" "$out" -c "$address"
    runs="$runs $(iperf3_json "$out" '.end.sum_received.bits_per_second / 1e6 | floor')"
  done
  elapsed_ns=$(($(date +%s%N) - start_ns))
  for pid in "$@"; do
    kill -0 "$pid" 2>/dev/null || die "$name: tunnel process $pid exited during the measurement"
    # CPU seconds (ticks / CLK_TCK) over elapsed seconds (ns / 1e9), in per cent of one core.
    percent=$(( ($(cpu_ticks "$pid") - ticks_before[$pid]) * 100 * 1000000000 / ($(getconf CLK_TCK) * elapsed_ns) ))
    cpu="$cpu $(end_of "$pid") $percent%"
    cpu_sum=$((cpu_sum + percent))
  done
  read -r pps loss < <(udp64 "$name" "$client" "$address")
  [ -n "$pps" ] || die "$name: the 64-byte UDP run gave no result"
  stop_pid "$IPERF_PID"
  IPERF_PID=""
  mbits=$(tr ' ' '\n' <<<"$runs" | grep . | median)
  printf '%-14s tcp %5d Mbit/s (runs%s)  udp64 %9s pkt/s (loss %s%%)  cpu%s (sum %d%%)\n' \
    "$name" "$mbits" "$runs" "$(thousands "$pps")" "$loss" "$cpu" "$cpu_sum"
  echo "$name $mbits $pps" >>"$WORK/results"
}
