# shellcheck shell=bash
# Helpers shared by itests/bench/tunnel-throughput.sh and its tunnel drivers (sourced, not run).
# Expects WORK (a private directory), HOME_LAN, HOME_WAN and UPNP_URL from the main script.

die() { echo "$(basename "$0" .sh): $*" >&2; exit 1; }
step() { echo "# $*"; }
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# Every background process the benchmark starts is tracked here until it is stopped, so the EXIT trap can
# stop what a failed step left behind.
STARTED_PIDS=""
track_pid() { STARTED_PIDS="$STARTED_PIDS $1"; }
forget_pid() { STARTED_PIDS=$(tr ' ' '\n' <<<"$STARTED_PIDS" | grep -vx "$1" | tr '\n' ' ' || true); }

# stop_pid PID: TERM, at most 5 s to exit, then KILL (at most 2 s more).
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$(basename "$0" .sh): pid $pid ignored TERM for 5 s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  forget_pid "$pid"
}

# wait_until TENTHS COMMAND...: true as soon as COMMAND succeeds, false after TENTHS tenths of a second.
wait_until() {
  local tenths=$1; shift
  for _ in $(seq 1 "$tenths"); do
    if "$@" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# prove_tunnel NAME CLIENT_NS SERVER_ADDR: one echo reply through the tunnel, at most 10 tries of 2 s.
prove_tunnel() {
  local name=$1 ns=$2 address=$3 try
  for try in $(seq 1 10); do
    if in_ns "$ns" ping -6 -n -c 1 -W 2 "$address" >/dev/null 2>&1; then
      step "$name: $address answers through the tunnel (try $try)"
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# A UDP port forward from the home gateway's public address to hw-home, added through miniupnpd's UPnP IGD
# (-i: upnpc would otherwise refuse 11.0.0.2 as a reserved address) with a lease, so it expires by itself
# even if this script is killed before it removes it.
FORWARD_LEASE=600
FORWARDS=""
add_forward() {
  local port=$1 out
  # The lab is shared: never take over a mapping someone else holds (miniupnpd lets the same LAN host replace it).
  out=$(timeout 15 ip netns exec hw-home upnpc -i -u "$UPNP_URL" -l 2>&1) || true
  ! grep -Eq "UDP +$port->" <<<"$out" \
    || die "UDP $port of the home gateway is already mapped by someone else ($(grep -E "UDP +$port->" <<<"$out" | head -n 1));" \
      "wait until it is released or run when the lab is idle"
  out=$(timeout 15 ip netns exec hw-home upnpc -i -u "$UPNP_URL" -e homeward-bench \
    -a "$HOME_LAN" "$port" "$port" UDP "$FORWARD_LEASE" 2>&1) || true
  grep -q "is redirected to internal $HOME_LAN:$port" <<<"$out" \
    || die "miniupnpd in hw-homegw did not forward UDP $port to $HOME_LAN: $(tail -n 2 <<<"$out" | tr '\n' ' ')"
  FORWARDS="$FORWARDS $port"
  forget_flows "$port"
  step "forward: UDP $HOME_WAN:$port -> $HOME_LAN:$port (miniupnpd, lease $FORWARD_LEASE s)"
}

remove_forward() {
  local port=$1
  timeout 15 ip netns exec hw-home upnpc -i -u "$UPNP_URL" -d "$port" UDP >/dev/null 2>&1 \
    || echo "$(basename "$0" .sh): could not delete the UDP $port forward; it expires within $FORWARD_LEASE s" >&2
  forget_flows "$port"
  FORWARDS=$(tr ' ' '\n' <<<"$FORWARDS" | grep -vx "$port" | tr '\n' ' ' || true)
}

# port_free NS PORT: nothing in NS listens on UDP PORT (another session may run a runtime in the same lab).
port_free() {
  [ -z "$(in_ns "$1" ss -Hlun "sport = :$2")" ] \
    || die "UDP $2 is already in use in $1 ($(in_ns "$1" ss -Hlunp "sport = :$2" | head -n 1)); run when the lab is idle"
}

# A packet that reached the gateway before (or after) the forward keeps its NAT decision in conntrack until
# the entry expires: drop the gateway's entries for the port so the next tunnel starts clean.
forget_flows() {
  in_ns hw-homegw conntrack -D -p udp --orig-dst "$HOME_WAN" --orig-port-dst "$1" >/dev/null 2>&1 || true
}

# CPU time (user + system, in clock ticks, all threads) a process has used: fields 14 and 15 of
# /proc/PID/stat, counted after the command name, which may itself contain spaces.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# Which end a tunnel process is: its namespace without the "hw-" prefix.
end_of() {
  local ns
  ns=$(ip netns identify "$1" 2>/dev/null || true)
  if [ -n "$ns" ]; then echo "${ns#hw-}"; else echo "pid$1"; fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
