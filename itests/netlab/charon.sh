#!/usr/bin/env bash
# Runs one strongSwan charon in a lab namespace, in the foreground, as the process this script was started as
# (every step execs, so a caller's PID is charon's). charon hard-codes its PID file under /run, so each instance
# gets a private tmpfs on /run in a mount namespace of its own; its configuration comes from STRONGSWAN_CONF.
# Used by itests/bench/tunnel/strongswan.sh and io.homeward.itests.netlab.LabCharon.
#
# Usage: charon.sh NAMESPACE STRONGSWAN_CONF
# Needs root, util-linux (unshare) and the Debian package strongswan-charon (or CHARON=path).
set -euo pipefail

[ $# = 2 ] || { echo "usage: charon.sh NAMESPACE STRONGSWAN_CONF" >&2; exit 2; }
CHARON=${CHARON:-/usr/lib/ipsec/charon}
[ -x "$CHARON" ] || { echo "charon.sh: $CHARON is missing (Debian package strongswan-charon, or set CHARON)" >&2; exit 1; }
[ -r "$2" ] || { echo "charon.sh: cannot read $2" >&2; exit 1; }

# shellcheck disable=SC2016 # $0 is expanded by the inner shell: charon's path
exec ip netns exec "$1" env STRONGSWAN_CONF="$2" unshare -m sh -c 'mount -t tmpfs tmpfs /run && exec "$0"' "$CHARON"
