# shellcheck shell=bash
# The wireguard-go anchor (sourced by itests/bench/tunnel-throughput.sh): one user-space wireguard-go per end,
# keys generated for the run, the laptop initiating to the home gateway's public address through a UDP forward.

WG_PORT=${WG_PORT:-51820}
WG_KEEPALIVE=25
# wireguard-go keeps its control socket in /var/run/wireguard/IFNAME.sock, a directory every namespace shares:
# the two ends need different interface names.
WG_HOME_IF=bwg-home
WG_LAPTOP_IF=bwg-laptop
WG_PIDS=""

# wg_daemon NS IFNAME: wireguard-go in the foreground (its PID is the tunnel process), up once its socket exists.
wg_daemon() {
  local ns=$1 ifname=$2 pid
  [ ! -e "/var/run/wireguard/$ifname.sock" ] \
    || die "/var/run/wireguard/$ifname.sock exists: another wireguard-go named $ifname is running; stop it first"
  ip netns exec "$ns" wireguard-go -f "$ifname" >>"$WORK/wireguard/$ifname.log" 2>&1 &
  pid=$!
  track_pid "$pid"
  WG_PIDS="$WG_PIDS $pid"
  wait_until 50 test -S "/var/run/wireguard/$ifname.sock" \
    || die "wireguard-go $ifname in $ns did not start: $(tail -n 3 "$WORK/wireguard/$ifname.log")"
}

# wg_inner NS IFNAME OWN_ULA PEER_ULA: the inner /128, the interface up, a route to the peer's ULA.
wg_inner() {
  in_ns "$1" ip -6 addr add "$3/128" dev "$2" nodad
  in_ns "$1" ip link set "$2" up
  in_ns "$1" ip -6 route add "$4/128" dev "$2"
}

start_wireguard() {
  local dir="$WORK/wireguard" side
  mkdir -p "$dir"
  for side in home laptop; do
    (umask 077; wg genkey >"$dir/$side.key")
    wg pubkey <"$dir/$side.key" >"$dir/$side.pub"
  done
  port_free hw-home "$WG_PORT"
  # The forward exists before the laptop sends anything (see forget_flows).
  add_forward "$WG_PORT"
  wg_daemon hw-home "$WG_HOME_IF"
  wg_daemon hw-laptop "$WG_LAPTOP_IF"
  in_ns hw-home wg set "$WG_HOME_IF" private-key "$dir/home.key" listen-port "$WG_PORT" \
    peer "$(cat "$dir/laptop.pub")" allowed-ips "$LAPTOP_ULA/128"
  wg_inner hw-home "$WG_HOME_IF" "$HOME_ULA" "$LAPTOP_ULA"
  in_ns hw-laptop wg set "$WG_LAPTOP_IF" private-key "$dir/laptop.key" \
    peer "$(cat "$dir/home.pub")" allowed-ips "$HOME_ULA/128" endpoint "$HOME_WAN:$WG_PORT" \
    persistent-keepalive "$WG_KEEPALIVE"
  wg_inner hw-laptop "$WG_LAPTOP_IF" "$LAPTOP_ULA" "$HOME_ULA"
  prove_tunnel wireguard-go hw-laptop "$HOME_ULA" \
    || die "wireguard-go: no echo reply from $HOME_ULA; $(in_ns hw-laptop wg show "$WG_LAPTOP_IF" 2>&1 | tr '\n' ' ')"
}

# The interfaces, their addresses and routes disappear with the wireguard-go processes.
stop_wireguard() {
  local pid port
  for pid in $WG_PIDS; do stop_pid "$pid"; done
  WG_PIDS=""
  for port in $FORWARDS; do [ "$port" != "$WG_PORT" ] || remove_forward "$port"; done
  rm -f "$WORK/wireguard/"*.key
}
