#!/usr/bin/env bash
# Homeward network lab: a small Internet, a home behind a NAT gateway that runs miniupnpd (NAT-PMP,
# PCP and UPnP IGD on its LAN), a café behind a plain NAT, and a double NAT (carrier-grade NAT in
# 100.64.0.0/10 in front of a second home gateway). Everything lives in network namespaces this script
# creates; nothing is routed to the machine's real network.
#
# Usage: lab.sh up | down | status | move-laptop home|cafe|train | unplug-laptop | set-home-wan ADDRESS
#        | restart-miniupnpd [home|home2]
#
# Addresses. The "Internet" is 11.0.0.0/24 on a bridge inside hw-inet: miniupnpd refuses to map when its
# WAN address is private or reserved (RFC 1918, 100.64/10, 198.18/15 and the documentation ranges
# 192.0.2/24, 198.51.100/24, 203.0.113/24 included), and 11.0.0.0/8 is none of those. The lab has no
# uplink, so these addresses never leave the machine.
#   hw-inet    11.0.0.1   Internet router (bridge br0)
#   hw-rdv     11.0.0.10  rendezvous host
#   hw-homegw  11.0.0.2   home gateway: nft masquerade + miniupnpd; LAN 192.168.1.1/24 (br-lan)
#   hw-home    192.168.1.10
#   hw-cafegw  11.0.0.3   café gateway: plain masquerade; LAN 10.10.0.1/24 (br-lan)
#   hw-traingw 11.0.0.5   train gateway: plain masquerade; LAN 10.20.0.1/24 (br-lan)
#   hw-laptop  10.10.0.10 in the café (192.168.1.20 at home, 10.20.0.10 on the train after move-laptop)
#   hw-cgn     11.0.0.4   carrier-grade NAT; inside 100.64.0.1/24
#   hw-homegw2 100.64.0.2 second home gateway behind the CGN: nft masquerade + miniupnpd; LAN 192.168.3.1/24
#   hw-home2   192.168.3.10
#
# Every process this script starts is recorded by PID under $STATE and stopped by PID on `down`;
# every wait is bounded. Needs root and the Debian packages iproute2, nftables, miniupnpd, conntrack.
set -euo pipefail

STATE=${HOMEWARD_NETLAB_STATE:-/run/homeward-netlab}
NAMESPACES=(hw-inet hw-rdv hw-homegw hw-home hw-cafegw hw-laptop hw-traingw hw-cgn hw-homegw2 hw-home2)
HOME_WAN=11.0.0.2
UPNP_HTTP_PORT=5555

die() { echo "lab.sh: $*" >&2; exit 1; }
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

require() {
  [ "$(id -u)" = 0 ] || die "needs root (network namespaces, nftables)"
  local tool
  for tool in ip nft miniupnpd conntrack; do
    command -v "$tool" >/dev/null || die "$tool is missing (Debian packages: iproute2 nftables miniupnpd conntrack)"
  done
}

# veth NS_A IF_A NS_B IF_B: one cable between two namespaces, both ends up.
veth() {
  ip link add "$2" netns "$1" type veth peer name "$4" netns "$3"
  in_ns "$1" ip link set "$2" up
  in_ns "$3" ip link set "$4" up
}

# bridge NS NAME ADDRESS/PREFIX
bridge() {
  in_ns "$1" ip link add "$2" type bridge
  in_ns "$1" ip addr add "$3" dev "$2"
  in_ns "$1" ip link set "$2" up
}

# plug NS_HOST IF ADDRESS/PREFIX GATEWAY NS_SWITCH BRIDGE PORT: a host's interface on a bridge.
plug() {
  veth "$1" "$2" "$5" "$7"
  in_ns "$5" ip link set "$7" master "$6"
  in_ns "$1" ip addr add "$3" dev "$2"
  [ -z "$4" ] || in_ns "$1" ip route replace default via "$4"
}

new_ns() {
  ip netns add "$1"
  in_ns "$1" ip link set lo up
}

router() { in_ns "$1" sysctl -q -w net.ipv4.ip_forward=1; }

# A gateway's ruleset; with miniupnpd its chains (the Debian nft_init.sh creates none) and the jumps to them.
nat_rules() {
  local ns=$1 with_upnp=$2
  local upnp_filter="" upnp_pre="" upnp_post="" chains=""
  if [ "$with_upnp" = yes ]; then
    upnp_filter="jump miniupnpd"; upnp_pre="jump prerouting_miniupnpd"; upnp_post="jump postrouting_miniupnpd"
    chains="chain prerouting_miniupnpd { }
  chain postrouting_miniupnpd { }"
  fi
  in_ns "$ns" nft -f - <<NFT
table inet filter {
  chain forward {
    type filter hook forward priority 0; policy drop;
    ct state established,related accept
    iifname "br-lan" oifname "wan0" accept
    $upnp_filter
  }
  chain miniupnpd { }
}
table inet nat {
  chain prerouting {
    type nat hook prerouting priority -100; policy accept;
    $upnp_pre
  }
  chain postrouting {
    type nat hook postrouting priority 100; policy accept;
    $upnp_post
    oifname "wan0" masquerade
  }
  $chains
}
NFT
}

# miniupnpd NAME NS LAN_CIDR: config in $STATE, foreground (-d), PID recorded.
start_miniupnpd() {
  local name=$1 ns=$2 lan=$3
  cat >"$STATE/miniupnpd-$name.conf" <<CONF
ext_ifname=wan0
listening_ip=br-lan
http_port=$UPNP_HTTP_PORT
enable_natpmp=yes
enable_upnp=yes
secure_mode=yes
system_uptime=no
upnp_table_name=filter
upnp_nat_table_name=nat
upnp_forward_chain=miniupnpd
upnp_nat_chain=prerouting_miniupnpd
upnp_nat_postrouting_chain=postrouting_miniupnpd
min_lifetime=120
max_lifetime=86400
uuid=$(cat /proc/sys/kernel/random/uuid)
allow 1024-65535 $lan 1024-65535
deny 0-65535 0.0.0.0/0 0-65535
CONF
  ip netns exec "$ns" miniupnpd -d -f "$STATE/miniupnpd-$name.conf" -P "$STATE/miniupnpd-$name.daemon.pid" \
    >>"$STATE/miniupnpd-$name.log" 2>&1 &
  echo $! >"$STATE/pids/miniupnpd-$name"
  local i
  for i in $(seq 1 50); do   # at most 5 s until it serves NAT-PMP/PCP
    if in_ns "$ns" ss -lun | grep -q ':5351 '; then return 0; fi
    kill -0 "$(cat "$STATE/pids/miniupnpd-$name")" 2>/dev/null || break
    sleep 0.1
  done
  die "miniupnpd in $ns did not start; see $STATE/miniupnpd-$name.log"
}

stop_pid_file() {
  local file=$1 pid i
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # at most 5 s
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

gateway_ns() {
  case "${1:-home}" in
    home) echo hw-homegw ;;
    home2) echo hw-homegw2 ;;
    *) die "unknown gateway '$1' (home or home2)" ;;
  esac
}

lan_of() { [ "$1" = home2 ] && echo 192.168.3.0/24 || echo 192.168.1.0/24; }

complete() {
  local ns
  for ns in "${NAMESPACES[@]}"; do ip netns list | grep -qw "$ns" || return 1; done
  for name in home home2; do
    [ -f "$STATE/pids/miniupnpd-$name" ] && kill -0 "$(cat "$STATE/pids/miniupnpd-$name")" 2>/dev/null || return 1
  done
}

up() {
  require
  if complete; then echo "lab is up"; return 0; fi
  down >/dev/null
  mkdir -p "$STATE/pids"
  local ns
  for ns in "${NAMESPACES[@]}"; do new_ns "$ns"; done

  bridge hw-inet br0 11.0.0.1/24
  plug hw-rdv wan0 11.0.0.10/24 11.0.0.1 hw-inet br0 p-rdv
  plug hw-homegw wan0 $HOME_WAN/24 11.0.0.1 hw-inet br0 p-homegw
  plug hw-cafegw wan0 11.0.0.3/24 11.0.0.1 hw-inet br0 p-cafegw
  plug hw-traingw wan0 11.0.0.5/24 11.0.0.1 hw-inet br0 p-traingw
  plug hw-cgn wan0 11.0.0.4/24 11.0.0.1 hw-inet br0 p-cgn

  bridge hw-homegw br-lan 192.168.1.1/24
  plug hw-home eth0 192.168.1.10/24 192.168.1.1 hw-homegw br-lan p-home
  bridge hw-cafegw br-lan 10.10.0.1/24
  plug hw-laptop eth0 10.10.0.10/24 10.10.0.1 hw-cafegw br-lan p-laptop
  bridge hw-traingw br-lan 10.20.0.1/24

  bridge hw-cgn br-lan 100.64.0.1/24
  plug hw-homegw2 wan0 100.64.0.2/24 100.64.0.1 hw-cgn br-lan p-homegw2
  bridge hw-homegw2 br-lan 192.168.3.1/24
  plug hw-home2 eth0 192.168.3.10/24 192.168.3.1 hw-homegw2 br-lan p-home2

  for ns in hw-inet hw-homegw hw-cafegw hw-traingw hw-cgn hw-homegw2; do router "$ns"; done
  # Announcements to 224.0.0.1 leave by the LAN, not by the default route to the WAN.
  in_ns hw-homegw ip route add 224.0.0.0/4 dev br-lan
  in_ns hw-homegw2 ip route add 224.0.0.0/4 dev br-lan
  nat_rules hw-homegw yes
  nat_rules hw-cafegw no
  nat_rules hw-traingw no
  nat_rules hw-cgn no
  nat_rules hw-homegw2 yes
  start_miniupnpd home hw-homegw 192.168.1.0/24
  start_miniupnpd home2 hw-homegw2 192.168.3.0/24
  echo "lab is up"
}

down() {
  local file ns
  if [ -d "$STATE/pids" ]; then
    for file in "$STATE"/pids/*; do [ -e "$file" ] && stop_pid_file "$file"; done
  fi
  for ns in "${NAMESPACES[@]}"; do
    if ip netns list | grep -qw "$ns"; then ip netns delete "$ns"; fi
  done
  rm -rf "$STATE"
  echo "lab is down"
}

status() {
  local ns state=0 name
  for ns in "${NAMESPACES[@]}"; do
    if ip netns list | grep -qw "$ns"; then echo "namespace $ns: up"; else echo "namespace $ns: missing"; state=1; fi
  done
  for name in home home2; do
    if [ -f "$STATE/pids/miniupnpd-$name" ] && kill -0 "$(cat "$STATE/pids/miniupnpd-$name")" 2>/dev/null; then
      echo "miniupnpd $name: running (pid $(cat "$STATE/pids/miniupnpd-$name"))"
    else
      echo "miniupnpd $name: not running"; state=1
    fi
  done
  if ip netns list | grep -qw hw-homegw; then
    echo "home WAN address: $(in_ns hw-homegw ip -4 -o addr show dev wan0 | awk '{print $4}')"
  fi
  return $state
}

move_laptop() {
  local where=$1
  ip netns list | grep -qw hw-laptop || die "the lab is not up"
  in_ns hw-laptop ip link del eth0 2>/dev/null || true
  case "$where" in
    cafe) plug hw-laptop eth0 10.10.0.10/24 10.10.0.1 hw-cafegw br-lan p-laptop ;;
    home) plug hw-laptop eth0 192.168.1.20/24 192.168.1.1 hw-homegw br-lan p-laptop ;;
    train) plug hw-laptop eth0 10.20.0.10/24 10.20.0.1 hw-traingw br-lan p-laptop ;;
    *) die "unknown network '$where' (home, cafe or train)" ;;
  esac
  echo "laptop is in the $where network"
}

# The laptop loses its network altogether (lid closed, no Wi-Fi); move-laptop plugs it in again.
unplug_laptop() {
  ip netns list | grep -qw hw-laptop || die "the lab is not up"
  in_ns hw-laptop ip link del eth0 2>/dev/null || true
  echo "laptop has no network"
}

# A new public address, as after a DHCP renewal on the WAN: the gateway forgets its NAT state and miniupnpd
# is told (SIGUSR1, what a router's DHCP hook does) so it announces the new address.
set_home_wan() {
  local address=$1
  [[ "$address" =~ ^11\.0\.0\.([0-9]{1,3})$ ]] || die "the home WAN address must be in 11.0.0.0/24, not '$address'"
  local old ns
  old=$(in_ns hw-homegw ip -4 -o addr show dev wan0 | awk '{split($4, a, "/"); print a[1]}')
  in_ns hw-homegw ip addr flush dev wan0
  # The NAT state goes before the new address comes: miniupnpd watches the interface's addresses and announces the new
  # one at once, so the home host connects from it within milliseconds, and a flush after that took those entries
  # with it (the answers were dropped at the gateway: the registrar's first update timed out, 7 s for the peers).
  in_ns hw-homegw conntrack -F >/dev/null 2>&1 || true
  # The old address leads nowhere now: without this the ARP entries of the hosts on the Internet bridge would still
  # deliver it to the gateway, whose port forwards match the interface, not the address, and peers would not notice.
  if [ -n "$old" ]; then
    for ns in "${NAMESPACES[@]}"; do in_ns "$ns" ip neigh flush to "$old"; done
  fi
  in_ns hw-homegw ip addr add "$address/24" dev wan0
  in_ns hw-homegw ip route replace default via 11.0.0.1
  kill -USR1 "$(cat "$STATE/pids/miniupnpd-home")"
  echo "home WAN address is $address"
}

# A router reboot: miniupnpd stops, its mappings and the NAT state are gone, it starts with a new epoch.
restart_miniupnpd() {
  local name=${1:-home} ns
  ns=$(gateway_ns "$name")
  stop_pid_file "$STATE/pids/miniupnpd-$name"
  in_ns "$ns" nft flush chain inet filter miniupnpd
  in_ns "$ns" nft flush chain inet nat prerouting_miniupnpd
  in_ns "$ns" nft flush chain inet nat postrouting_miniupnpd
  in_ns "$ns" conntrack -F >/dev/null 2>&1 || true
  start_miniupnpd "$name" "$ns" "$(lan_of "$name")"
  echo "miniupnpd $name restarted"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  move-laptop) [ $# = 2 ] || die "usage: lab.sh move-laptop home|cafe|train"; move_laptop "$2" ;;
  unplug-laptop) unplug_laptop ;;
  set-home-wan) [ $# = 2 ] || die "usage: lab.sh set-home-wan ADDRESS"; set_home_wan "$2" ;;
  restart-miniupnpd) restart_miniupnpd "${2:-home}" ;;
  *) echo "usage: lab.sh up | down | status | move-laptop home|cafe|train | unplug-laptop | set-home-wan ADDRESS | restart-miniupnpd [home|home2]" >&2; exit 2 ;;
esac
