#!/usr/bin/env bash
# Measures what `rhythm serve` costs while nothing happens: resident memory (and how much of
# it is the process's own rather than mapped files), threads, wake-ups and the CPU time it
# uses over an idle period, on the example configuration with the Maildir sink.
#
#   deploy/benchmark-idle.sh [SECONDS]     (600, ten minutes, by default)
#
# The service starts, sends what is due, and is then left alone: no requests, no changes.
# Reads /proc/PID/status (VmRSS, RssAnon, RssFile, VmHWM, Threads), /proc/PID/stat (utime +
# stime) and every thread's context switches (/proc/PID/task/*/status: each wake-up of a
# thread is one) at the start and at the end of the idle period.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
swift build -c release --product rhythm --static-swift-stdlib >/dev/null
rhythm="$PWD/.build/release/rhythm"
work="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
sed "s/listen: 127.0.0.1:8080/listen: 127.0.0.1:$port/" config/rhythm.yaml >"$work/rhythm.yaml"
"$rhythm" serve --config "$work/rhythm.yaml" --database "$work/rhythm.sqlite" --log-level warning 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# Asked to close the connection, so that no kept-alive connection keeps an idle timeout armed.
for _ in $(seq 100); do
    curl -fsS -H "Connection: close" "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
# Left alone from past the connection idle timeout (10 s): the health check's connection is
# closed at once, but NIO leaves its cancelled idle timer armed, which wakes that event loop
# once at its old deadline.
sleep 15

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
status() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
# "thread-id switches" for every thread of the process.
switches() {
    for task in /proc/"$pid"/task/*; do
        awk -v tid="${task##*/}" '/ctxt_switches:/ { n += $2 } END { print tid, n }' "$task/status" 2>/dev/null || true
    done
}
start_cpu=$(cpu)
start_rss=$(rss)
start_switches=$(switches)
echo "idle for $seconds s (resident $(( start_rss / 1024 )) MiB at the start)..."
sleep "$seconds"
end_switches=$(switches)
end_cpu=$(cpu)
end_rss=$(rss)
# A thread's growth, or all of a thread started since (starting it woke the process).
wakeups=$(awk 'NR == FNR { before[$1] = $2; next } { n += $2 - before[$1] } END { print n + 0 }' \
    <(echo "$start_switches") <(echo "$end_switches"))
awk -v t="$(( end_cpu - start_cpu ))" -v hz="$ticks" -v s="$seconds" -v a="$start_rss" -v b="$end_rss" \
    -v p="$(status VmHWM)" -v anon="$(status RssAnon)" -v file="$(status RssFile)" -v threads="$(status Threads)" \
    -v w="$wakeups" \
    'BEGIN { printf "CPU time while idle: %.2f s over %d s (%.3f%% of one core)\n", t / hz, s, 100 * t / hz / s;
             printf "resident memory: %.1f MiB at the start, %.1f MiB at the end, %.1f MiB at most\n", a / 1024, b / 1024, p / 1024;
             printf "  of which the process'"'"'s own (anonymous) %.1f MiB, mapped files (code, ICU data) %.1f MiB\n", anon / 1024, file / 1024;
             printf "threads: %d\n", threads;
             printf "wake-ups while idle: %d over %d s (%.2f a second)\n", w, s, w / s }'
awk -v s="$seconds" -v rss="$end_rss" -v peak="$(status VmHWM)" -v anon="$(status RssAnon)" -v file="$(status RssFile)" \
    -v threads="$(status Threads)" -v w="$wakeups" -v t="$(( end_cpu - start_cpu ))" -v hz="$ticks" \
    'BEGIN { printf "{\"row\": \"idle\", \"seconds\": %d, \"rss_mib\": %.1f, \"peak_rss_mib\": %.1f, \"anon_mib\": %.1f, ", s, rss / 1024, peak / 1024, anon / 1024;
             printf "\"file_mib\": %.1f, \"threads\": %d, \"wakeups\": %d, \"cpu_s\": %.2f}\n", file / 1024, threads, w, t / hz }'
