#!/usr/bin/env python3
"""An interactive TCP session for the network lab, to see how long it stalls while a host moves: the client sends a
64-byte message every INTERVAL_MS and the server echoes it; the client prints the wall-clock time (epoch milliseconds)
of every echo it reads, one line each, so the reader of its output sees each gap in the round trip. Both directions
are in the measure: a stall of the way there or the way back shows as a gap.

Usage: stall-stream.py serve ADDRESS PORT
       stall-stream.py send ADDRESS PORT INTERVAL_MS SECONDS   (ADDRESS may be a name: resolved as the host resolves)
The server serves one connection and exits; the client stops after SECONDS, on SIGTERM, or when the connection
breaks (then it prints "broken: REASON" and exits 1).
"""
import signal
import socket
import sys
import threading
import time

MESSAGE = b"x" * 63 + b"\n"


def serve(address, port):
    with socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((address, port))
        listener.listen(1)
        print("listening", flush=True)
        connection, _ = listener.accept()
        with connection:
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            while True:
                data = connection.recv(65536)
                if not data:
                    return
                connection.sendall(data)


def send(address, port, interval_ms, seconds):
    connection = socket.create_connection((address, port), timeout=10)
    connection.settimeout(None)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    stop = threading.Event()
    broken = []
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def fail(reason):
        if not stop.is_set():
            broken.append(reason)
            print("broken: " + reason, flush=True)
            stop.set()

    def read():
        try:
            while not stop.is_set():
                if not connection.recv(65536):
                    fail("the server closed the connection")
                    return
                print(int(time.time() * 1000), flush=True)
        except OSError as e:
            fail(str(e))

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + seconds
    next_send = time.monotonic()
    try:
        while not stop.is_set() and time.monotonic() < deadline:
            connection.sendall(MESSAGE)
            next_send += interval_ms / 1000
            stop.wait(max(0.0, next_send - time.monotonic()))
    except OSError as e:
        fail(str(e))
    stop.set()
    connection.close()
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 6 and sys.argv[1] == "send":
        send(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    else:
        sys.exit(__doc__)
