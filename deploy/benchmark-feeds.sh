#!/usr/bin/env bash
# Measures how many feed requests per second `rhythm serve` answers on loopback, with the
# feed cache on (the normal case: partners polling an unchanged feed) and off (every
# request renders the feed). The feed holds 200 series with two years of holidays.
#
#   deploy/benchmark-feeds.sh [SECONDS]      (default 15 seconds per run; needs Debian's wrk)
#
# A measurement for the issue notes, not a test: run it on a quiet machine. Traffic stays
# on 127.0.0.1 and each run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-15}"
command -v wrk >/dev/null || { echo "error: wrk is missing; apt-get install wrk" >&2; exit 69; }
swift build -c release --product rhythm --static-swift-stdlib >/dev/null
swift build -c release --product rhythm-benchmark --static-swift-stdlib >/dev/null

work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

.build/release/rhythm-benchmark --write-config "$work/rhythm.yaml" --listen "127.0.0.1:$port"
url="http://127.0.0.1:$port/feeds/public.ics"

start_server() {
    RHYTHM_DATABASE="$work/rhythm.sqlite" .build/release/rhythm serve --config "$work/rhythm.yaml" "$@" \
        2>"$work/serve.log" &
    server=$!
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "error: rhythm serve did not start; see below" >&2
    cat "$work/serve.log" >&2
    exit 1
}

stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

start_server
echo "Feed: $(curl -s "$url" | wc -c) bytes, $(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c) gzipped"
echo "== cached, identity"
wrk -t2 -c32 -d"${duration}s" "$url" | grep -E "Requests/sec|Latency|requests in"
echo "== cached, gzip"
wrk -t2 -c32 -d"${duration}s" -H "Accept-Encoding: gzip" "$url" | grep -E "Requests/sec|Latency|requests in"
echo "== cached, conditional (If-None-Match, 304)"
etag=$(curl -sI "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
wrk -t2 -c32 -d"${duration}s" -H "If-None-Match: $etag" "$url" | grep -E "Requests/sec|Latency|requests in"
echo "resident memory after the cached runs: $(ps -o rss= -p "$server") KiB"
stop_server

start_server --no-feed-cache
echo "== uncached (every request renders the feed)"
wrk -t2 -c4 -d"${duration}s" "$url" | grep -E "Requests/sec|Latency|requests in"
stop_server
