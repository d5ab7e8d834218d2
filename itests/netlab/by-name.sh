#!/usr/bin/env bash
# Runs a command with the agent's name server as the system resolver, as a host without systemd-resolved is told to
# set it up (homeward:names: "nameserver ULA" in resolv.conf): glibc then resolves the user's zone through the agent.
# Run it inside a lab namespace (ip netns exec NS by-name.sh ...); the resolv.conf is bind-mounted in a private mount
# namespace for this command only, so neither the machine's nor the namespace's own is touched.
#
# Usage: by-name.sh NAMESERVER COMMAND [ARG...]
set -euo pipefail

if [ "${1:-}" = inner ]; then
  conf=$2; shift 2
  mount --make-rprivate /
  mount --bind "$conf" /etc/resolv.conf
  exec "$@"
fi

[ $# -ge 2 ] || { echo "usage: $0 NAMESERVER COMMAND [ARG...]" >&2; exit 2; }
server=$1; shift
conf=$(mktemp /tmp/homeward-by-name.XXXXXX)
trap 'rm -f "$conf"' EXIT
printf 'nameserver %s\noptions timeout:2 attempts:2\n' "$server" > "$conf"
chmod 644 "$conf"
unshare -m bash "$(readlink -f "$0")" inner "$conf" "$@"
