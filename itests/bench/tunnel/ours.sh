# shellcheck shell=bash
# Homeward's own tunnel (sourced by itests/bench/tunnel-throughput.sh), started and stopped by commands the
# caller supplies, so this benchmark does not depend on how the runtimes are built or keyed:
#   HOMEWARD_TUNNEL_START  shell command that brings the tunnel up between hw-home and hw-laptop (forwards
#                          included) and prints on stdout, once it is up:
#                            pids HOME_TUNNEL_PID LAPTOP_TUNNEL_PID
#                            inner HOME_ULA LAPTOP_ULA
#                          It may return or keep running; it gets OURS_START_TIMEOUT seconds (default 120).
#   HOMEWARD_TUNNEL_STOP   shell command that takes it down again; it sees HOMEWARD_TUNNEL_PIDS ("PID1 PID2")
#                          and gets 60 s. Whatever is still running afterwards (the start command, the two
#                          tunnel processes) is stopped by PID.

OURS_START_TIMEOUT=${OURS_START_TIMEOUT:-120}
OURS_STARTER=""
OURS_PIDS=""
OURS_HOME_ULA=""
OURS_LAPTOP_ULA=""

ours_announced() { grep -Eq '^pids [0-9]+ [0-9]+ *$' "$1" && grep -Eq '^inner [0-9a-fA-F:]+ [0-9a-fA-F:]+ *$' "$1"; }

start_ours() {
  local out="$WORK/ours.out" err="$WORK/ours.err" pid status
  bash -c "$HOMEWARD_TUNNEL_START" >"$out" 2>"$err" &
  OURS_STARTER=$!
  track_pid "$OURS_STARTER"
  for _ in $(seq 1 $((OURS_START_TIMEOUT * 10))); do
    if ours_announced "$out"; then break; fi
    if ! kill -0 "$OURS_STARTER" 2>/dev/null; then
      ours_announced "$out" && break
      status=0
      wait "$OURS_STARTER" || status=$?
      die "ours: HOMEWARD_TUNNEL_START ended (status $status) without printing 'pids PID1 PID2' and" \
        "'inner HOME_ULA LAPTOP_ULA': $(tail -q -n 5 "$err" "$out" | tr '\n' ' ')"
    fi
    sleep 0.1
  done
  ours_announced "$out" || die "ours: no 'pids'/'inner' lines from HOMEWARD_TUNNEL_START within $OURS_START_TIMEOUT s"
  OURS_PIDS=$(awk '$1 == "pids" { print $2, $3; exit }' "$out")
  read -r OURS_HOME_ULA OURS_LAPTOP_ULA < <(awk '$1 == "inner" { print $2, $3; exit }' "$out")
  for pid in $OURS_PIDS; do
    kill -0 "$pid" 2>/dev/null || die "ours: announced tunnel process $pid is not running"
    track_pid "$pid"
  done
  step "ours: tunnel processes $OURS_PIDS, inner $OURS_HOME_ULA (home) <-> $OURS_LAPTOP_ULA (laptop)"
  prove_tunnel ours hw-laptop "$OURS_HOME_ULA" || die "ours: no echo reply from $OURS_HOME_ULA through the tunnel"
}

stop_ours() {
  local pid
  if [ -n "$OURS_STARTER$OURS_PIDS" ] && [ -n "${HOMEWARD_TUNNEL_STOP:-}" ]; then
    HOMEWARD_TUNNEL_PIDS="$OURS_PIDS" timeout 60 bash -c "$HOMEWARD_TUNNEL_STOP" >>"$WORK/ours.out" 2>>"$WORK/ours.err" \
      || echo "$(basename "$0" .sh): HOMEWARD_TUNNEL_STOP failed: $(tail -n 3 "$WORK/ours.err" | tr '\n' ' ')" >&2
  fi
  for pid in $OURS_PIDS $OURS_STARTER; do stop_pid "$pid"; done
  OURS_PIDS=""
  OURS_STARTER=""
}
