#!/usr/bin/env bash
# Measures what `rhythm serve` costs while nothing happens: resident memory and the CPU time
# it uses over an idle period, on the example configuration with the Maildir sink.
#
#   deploy/benchmark-idle.sh [SECONDS]     (600, ten minutes, by default)
#
# The service starts, sends what is due, and is then left alone: no requests, no changes.
# Reads /proc/PID/status (VmRSS, VmHWM) and /proc/PID/stat (utime + stime) at the start and
# at the end of the idle period.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
swift build -c release --product rhythm >/dev/null
rhythm="$PWD/.build/release/rhythm"
work="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
sed "s/listen: 127.0.0.1:8080/listen: 127.0.0.1:$port/" config/rhythm.yaml >"$work/rhythm.yaml"
"$rhythm" serve --config "$work/rhythm.yaml" --database "$work/rhythm.sqlite" --log-level warning 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 5

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
start_cpu=$(cpu)
start_rss=$(rss)
echo "idle for $seconds s (resident $(( start_rss / 1024 )) MiB at the start)..."
sleep "$seconds"
end_cpu=$(cpu)
end_rss=$(rss)
peak=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
awk -v t="$(( end_cpu - start_cpu ))" -v hz="$ticks" -v s="$seconds" -v a="$start_rss" -v b="$end_rss" -v p="$peak" \
    'BEGIN { printf "CPU time while idle: %.2f s over %d s (%.3f%% of one core)\n", t / hz, s, 100 * t / hz / s;
             printf "resident memory: %.1f MiB at the start, %.1f MiB at the end, %.1f MiB at most\n", a / 1024, b / 1024, p / 1024 }'
