# shellcheck shell=bash
# The strongSwan anchor (sourced by itests/bench/tunnel-throughput.sh): one charon per end with the
# kernel-libipsec plugin (user-space ESP through a TUN device, the kernel here has no ESP), IKEv2 with a
# pre-shared key generated for the run, IPv6 inner traffic in ESP in UDP (RFC 3948). The laptop initiates
# straight to the home charon's NAT-T port on the gateway's public address (IKE's port 500 is below what
# miniupnpd maps). That port is 4510, not 4500, which Homeward runtimes in the same lab use: charon treats
# any remote port other than 500 like 4500, IKE behind the non-ESP marker of RFC 3948 section 2.2.

CHARON=${CHARON:-/usr/lib/ipsec/charon}
SWAN_PORT=${SWAN_PORT:-4510}
SWAN_PIDS=""
SWAN_ADDRESSES=""

# swan_conf SIDE: the daemon's own strongswan.conf. An explicit plugin list instead of /etc/strongswan.d:
# kernel-libipsec ahead of kernel-netlink, which then handles only addresses and routes. port = 0: any free
# port for plain IKE, which this setup never uses.
swan_conf() {
  cat <<CONF
charon {
  port = 0
  port_nat_t = $SWAN_PORT
  load = random nonce openssl aes gcm sha1 sha2 hmac kdf pem pkcs1 x509 pubkey kernel-libipsec kernel-netlink socket-default vici
  plugins {
    vici {
      socket = unix://$WORK/strongswan/$1.vici
    }
  }
  filelog {
    bench {
      path = $WORK/strongswan/$1.charon.log
      default = 1
      flush_line = yes
    }
  }
}
CONF
}

# swan_connection SIDE LOCAL_ADDR REMOTE_SETTINGS OWN_ULA PEER_ULA
swan_connection() {
  cat <<CONF
connections {
  bench {
    version = 2
    local_addrs = $2
    $3
    encap = yes
    local {
      auth = psk
      id = $1.bench
    }
    remote {
      auth = psk
      id = $( [ "$1" = home ] && echo laptop || echo home ).bench
    }
    children {
      bench {
        local_ts = $4/128
        remote_ts = $5/128
        esp_proposals = aes128gcm16
      }
    }
  }
}
secrets {
  ike-bench {
    id-home = home.bench
    id-laptop = laptop.bench
    secret = 0s$SWAN_PSK
  }
}
CONF
}

swanctl_at() {
  local side=$1; shift
  swanctl "$@" --uri "unix://$WORK/strongswan/$side.vici" >>"$WORK/strongswan/swanctl-$side.log" 2>&1
}

# swan_daemon SIDE NS OWN_ULA: the inner address (on lo; charon routes the peer's ULA into its TUN device
# through table 220 and sources it from this address), then charon through itests/netlab/charon.sh (a private
# tmpfs on /run, where charon hard-codes its PID file; every step execs, so the PID is charon's).
swan_daemon() {
  local side=$1 ns=$2 ula=$3 pid
  in_ns "$ns" ip -6 addr add "$ula/128" dev lo
  SWAN_ADDRESSES="$SWAN_ADDRESSES $ns/$ula"
  swan_conf "$side" >"$WORK/strongswan/$side.strongswan.conf"
  CHARON=$CHARON "$root/itests/netlab/charon.sh" "$ns" "$WORK/strongswan/$side.strongswan.conf" \
    >>"$WORK/strongswan/$side.out" 2>&1 &
  pid=$!
  track_pid "$pid"
  SWAN_PIDS="$SWAN_PIDS $pid"
  wait_until 100 test -S "$WORK/strongswan/$side.vici" \
    || die "charon in $ns did not open its vici socket: $(tail -n 3 "$WORK/strongswan/$side.out" "$WORK/strongswan/$side.charon.log" 2>&1)"
  swanctl_at "$side" --load-all --noprompt --file "$WORK/strongswan/$side.swanctl.conf" \
    || die "swanctl could not load the $side configuration (its log follows)"
}

start_strongswan() {
  local dir="$WORK/strongswan"
  mkdir -p "$dir"
  SWAN_PSK=$(head -c 32 /dev/urandom | base64)
  swan_connection home "$HOME_LAN" "remote_addrs = %any" "$HOME_ULA" "$LAPTOP_ULA" >"$dir/home.swanctl.conf"
  swan_connection laptop "$LAPTOP_LAN" "remote_addrs = $HOME_WAN
    remote_port = $SWAN_PORT" "$LAPTOP_ULA" "$HOME_ULA" >"$dir/laptop.swanctl.conf"
  chmod 600 "$dir"/*.swanctl.conf
  port_free hw-home "$SWAN_PORT"
  port_free hw-laptop "$SWAN_PORT"
  add_forward "$SWAN_PORT"
  swan_daemon home hw-home "$HOME_ULA"
  swan_daemon laptop hw-laptop "$LAPTOP_ULA"
  timeout 30 swanctl --initiate --child bench --timeout 20 --uri "unix://$dir/laptop.vici" >>"$dir/swanctl-laptop.log" 2>&1 \
    || die "strongSwan: IKE_SA/CHILD_SA not established: $(grep -v 'failed to load' "$dir/swanctl-laptop.log" | tail -n 3 | tr '\n' ' ')"
  prove_tunnel strongswan hw-laptop "$HOME_ULA" \
    || die "strongSwan: no echo reply from $HOME_ULA (charon logs follow)"
}

# charon deletes its SAs, routes and TUN device on TERM; the inner addresses on lo are ours to remove.
stop_strongswan() {
  local pid entry port
  for pid in $SWAN_PIDS; do stop_pid "$pid"; done
  SWAN_PIDS=""
  for entry in $SWAN_ADDRESSES; do in_ns "${entry%%/*}" ip -6 addr del "${entry#*/}/128" dev lo 2>/dev/null || true; done
  SWAN_ADDRESSES=""
  for port in $FORWARDS; do [ "$port" != "$SWAN_PORT" ] || remove_forward "$port"; done
  rm -f "$WORK/strongswan/"*.swanctl.conf
}
