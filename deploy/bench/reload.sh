#!/usr/bin/env bash
# How long SIGHUP takes to reload a configuration in `rhythm serve`, and how the feed is served
# meanwhile: starts serve on CONFIG on a free loopback port, keeps four clients fetching
# /feeds/public.ics back to back, sends SIGHUP and waits for "Configuration reloaded" in the
# log. Prints one JSON line:
#   {"reload_s": ..., "longest_response_during_reload_ms": ..., "responses_during_reload": N}
# reload_s runs from the signal to the log line; a response counts as during the reload when
# it was in flight at any moment of that span.
#
#   deploy/bench/reload.sh RHYTHM_BINARY CONFIG.yaml
#
# A measurement, not a test. Traffic stays on 127.0.0.1 and every loop is bounded in time.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 RHYTHM_BINARY CONFIG.yaml" >&2; exit 64; }
rhythm=$(realpath "$1")
config=$(realpath "$2")
work=$(mktemp -d /tmp/rhythm-reload.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The file's own service: section, if any, gives way to a listen address of our own.
sed '/^service:/,/^[a-z]/{/^service:/d;/^[a-z]/!d}' "$config" > "$work/rhythm.yaml"
printf 'service:\n  listen: 127.0.0.1:%s\n' "$port" >> "$work/rhythm.yaml"

"$rhythm" serve --config "$work/rhythm.yaml" --database "$work/rhythm.sqlite" --log-level info \
    2>"$work/serve.log" &
server=$!

python3 - "$server" "$port" "$work/serve.log" <<'PY'
import http.client, json, os, signal, sys, threading, time

pid, port, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
path = "/feeds/public.ics"

def fetch(connection):
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status

def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False

deadline = time.monotonic() + 120
while True:
    try:
        if fetch(http.client.HTTPConnection("127.0.0.1", port, timeout=30)) == 200:
            break
    except OSError:
        pass
    if time.monotonic() > deadline or not alive(pid):
        sys.exit("rhythm serve did not start serving the feed:\n" + open(log).read()[-4000:])
    time.sleep(0.1)

stop = threading.Event()
spans, failures = [], []
lock = threading.Lock()

def client():
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not stop.is_set():
        started = time.monotonic()
        try:
            status = fetch(connection)
        except (OSError, http.client.HTTPException) as error:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status = repr(error)
        ended = time.monotonic()
        with lock:
            spans.append((started, ended))
            if status != 200:
                failures.append(status)

clients = [threading.Thread(target=client) for _ in range(4)]
for thread in clients:
    thread.start()
time.sleep(1.0)
offset = os.path.getsize(log)
sent = time.monotonic()
os.kill(pid, signal.SIGHUP)
reloaded = None
with open(log, errors="replace") as text:
    text.seek(offset)
    seen = ""
    while time.monotonic() - sent < 60:
        seen += text.read()
        if "Configuration reloaded" in seen:
            reloaded = time.monotonic()
            break
        if "still running on the last good" in seen:
            break
        time.sleep(0.002)
time.sleep(0.5)
stop.set()
for thread in clients:
    thread.join()
if reloaded is None:
    sys.exit("the reload did not complete:\n" + open(log).read()[-4000:])
if failures:
    sys.exit(f"{len(failures)} requests failed, such as {failures[0]}")
during = [ended - started for started, ended in spans if started <= reloaded and ended >= sent]
print(json.dumps({
    "reload_s": round(reloaded - sent, 3),
    "longest_response_during_reload_ms": round(1000 * max(during, default=0), 1),
    "responses_during_reload": len(during),
}))
PY
