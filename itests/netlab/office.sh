#!/usr/bin/env bash
# A third machine of the lab, added after lab.sh up and taken away before lab.sh down: an office server with a public
# address and no NAT, hw-office 11.0.0.20 on the lab's Internet bridge (hw-inet br0, see lab.sh).
#
# Usage: office.sh up | down
# Needs root and iproute2; idempotent; never touches a namespace but hw-office.
set -euo pipefail

NS=hw-office
ADDRESS=11.0.0.20/24
ROUTER=11.0.0.1

die() { echo "office.sh: $*" >&2; exit 1; }

up() {
  [ "$(id -u)" = 0 ] || die "needs root (network namespaces)"
  ip netns list | grep -qw hw-inet || die "the lab is not up (lab.sh up)"
  if ip netns list | grep -qw "$NS"; then echo "office is up"; return 0; fi
  ip netns add "$NS"
  ip netns exec "$NS" ip link set lo up
  ip link add eth0 netns "$NS" type veth peer name p-office netns hw-inet
  ip netns exec hw-inet ip link set p-office master br0
  ip netns exec hw-inet ip link set p-office up
  ip netns exec "$NS" ip link set eth0 up
  ip netns exec "$NS" ip addr add "$ADDRESS" dev eth0
  ip netns exec "$NS" ip route replace default via "$ROUTER"
  echo "office is up at ${ADDRESS%/*}"
}

down() {
  ip netns del "$NS" 2>/dev/null || true
  echo "office is down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: office.sh up | down" >&2; exit 2 ;;
esac
