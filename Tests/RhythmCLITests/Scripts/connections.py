"""Opens raw TCP connections to a server on 127.0.0.1, for Rhythm's connection tests.

Usage:
  connections.py hold PORT COUNT      opens COUNT connections that send nothing, prints
                                      "open N" (N = connections established) and holds
                                      them until standard input closes (60 s at most)
  connections.py idle PORT            one connection that sends nothing; prints JSON with
                                      "closed" (the server closed it within 60 s)
  connections.py slow-head PORT       sends a request head one header line a second;
                                      prints JSON with "closed" and "lines" sent
  connections.py request PORT TEXT [SECONDS]
                                      sends TEXT (with \\r\\n escapes) and reads until the
                                      server closes (SECONDS, 10 by default, at most);
                                      prints JSON with "closed", "status" and "headers"

Every loop is bounded in count and time; only 127.0.0.1 is contacted.
"""
import json
import resource
import select
import socket
import sys
import time

LIMIT_SECONDS = 60


def wait_closed(sock, seconds):
    """True when the peer closes the connection within `seconds`."""
    deadline = time.monotonic() + seconds
    data = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([sock], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            continue
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return True, data
        if not chunk:
            return True, data
        data += chunk
    return False, data


def hold(port, count):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 64)), hard))
    sockets = []
    for _ in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        sockets.append(sock)
    # Wait (10 s at most) for the handshakes; the server's backlog holds the rest. poll,
    # not select, which cannot watch descriptors above 1,023.
    poller = select.poll()
    for sock in sockets:
        poller.register(sock, select.POLLOUT)
    pending = len(sockets)
    established = 0
    deadline = time.monotonic() + 10
    while pending and time.monotonic() < deadline:
        for descriptor, events in poller.poll(500):
            poller.unregister(descriptor)
            pending -= 1
            if not events & (select.POLLERR | select.POLLHUP):
                established += 1
    print(f"open {established}", flush=True)
    select.select([sys.stdin], [], [], LIMIT_SECONDS)
    for sock in sockets:
        sock.close()


def idle(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    started = time.monotonic()
    closed, _ = wait_closed(sock, LIMIT_SECONDS)
    print(json.dumps({"closed": closed, "seconds": round(time.monotonic() - started, 1)}))


def slow_head(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET /feeds/public.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    lines = 0
    closed = False
    while lines < LIMIT_SECONDS and not closed:
        try:
            sock.sendall(f"X-Slow-{lines}: a\r\n".encode())
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        lines += 1
        closed, _ = wait_closed(sock, 1)
    print(json.dumps({"closed": closed, "lines": lines}))


def request(port, text, seconds):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(text.encode().decode("unicode_escape").encode("latin-1"))
    closed, data = wait_closed(sock, seconds)
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    print(json.dumps({"closed": closed, "status": head[0], "headers": headers}))


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "hold":
        hold(port, int(sys.argv[3]))
    elif mode == "idle":
        idle(port)
    elif mode == "slow-head":
        slow_head(port)
    elif mode == "request":
        request(port, sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 10)
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
