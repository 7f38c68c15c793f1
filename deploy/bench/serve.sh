#!/usr/bin/env bash
# Serving the cached public feed, side by side in one run: `rhythm serve` against nginx serving
# the very same bytes as a static file (sendfile), loopback only, wrk -t2 -c32, alternating,
# RUNS rounds of DUR seconds, for two rows:
#   identity  no Accept-Encoding; nginx serves public.ics
#   gzip      Accept-Encoding: gzip (what calendar clients send); nginx serves public.ics.gz
#             (gzip -9 of the same bytes) with `gzip_static on`
# Before measuring it checks that both servers answer the gzip request with gzip bytes that
# decompress to the feed, and Rhythm's identity answer is the feed itself.
#
#   bash deploy/bench/serve.sh RHYTHM_BINARY CONFIG.yaml
#
# Prints JSON lines: one per round and server, then one summary per row with the rps ratio
# (Rhythm / nginx, of the rounds' means), each server's worst p99 in milliseconds and each
# server's CPU time per request in microseconds (user + system, from /proc, all of nginx's
# processes counted), which stays meaningful on a busy machine where requests/s are noise.
# Needs wrk, nginx (with the gzip_static module, as Debian's has), curl, gzip.
set -euo pipefail
R=$(realpath "$1"); CFG=$(realpath "$2"); RUNS=${RUNS:-3}; DUR=${DUR:-8}
RP=${RHYTHM_PORT:-18481}; NP=${NGINX_PORT:-18482}
T=$(mktemp -d /tmp/serve-bench.XXXX)
# nginx's workers run as an unprivileged user: without this they answer 403 Forbidden (153 bytes).
chmod 755 "$T"
sed "/^service:/,/^[a-z]/d" "$CFG" > "$T/cfg.yaml"
printf 'service:\n  listen: 127.0.0.1:%s\n' "$RP" >> "$T/cfg.yaml"
"$R" ics --config "$T/cfg.yaml" --database "$T/db.sqlite" -o "$T/public.ics" >/dev/null 2>&1
"$R" serve --config "$T/cfg.yaml" --database "$T/db.sqlite" --log-level error 2>"$T/serve.log" & RPID=$!
mkdir -p "$T/www" "$T/ng"; cp "$T/public.ics" "$T/www/public.ics"
gzip -9 -n -k "$T/www/public.ics"
cat > "$T/ng/nginx.conf" <<NG
worker_processes auto; pid $T/ng/nginx.pid; error_log $T/ng/error.log warn;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/calendar ics; }
  client_body_temp_path $T/ng/b; proxy_temp_path $T/ng/p; fastcgi_temp_path $T/ng/f; uwsgi_temp_path $T/ng/u; scgi_temp_path $T/ng/s;
  server { listen 127.0.0.1:$NP; root $T/www; location /feeds/ { alias $T/www/; gzip_static on; gzip_vary on; } } }
NG
nginx -p "$T/ng" -c "$T/ng/nginx.conf" -g 'daemon off;' & NPID=$!
trap 'kill $RPID $NPID 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$RP/healthz" >/dev/null && curl -sf "http://127.0.0.1:$NP/feeds/public.ics" >/dev/null && break
  sleep 0.2
done

# Both servers' answers, checked before anything is timed.
identity_same=true
for port in "$RP" "$NP"; do
  curl -s "http://127.0.0.1:$port/feeds/public.ics" | cmp -s - "$T/public.ics" || identity_same=false
done
gzip_same=true
for server in rhythm nginx; do
  port=$RP; [ $server = nginx ] && port=$NP
  curl -s -H 'Accept-Encoding: gzip' -D "$T/$server.gz.head" "http://127.0.0.1:$port/feeds/public.ics" > "$T/$server.gz"
  grep -qi '^content-encoding: *gzip' "$T/$server.gz.head" || gzip_same=false
  gzip -dc "$T/$server.gz" 2>/dev/null | cmp -s - "$T/public.ics" || gzip_same=false
done
echo "{\"bytes\": $(wc -c < "$T/public.ics"), \"gzip_bytes_rhythm\": $(wc -c < "$T/rhythm.gz"),"\
" \"gzip_bytes_nginx\": $(wc -c < "$T/nginx.gz"), \"identity_both_equal_ics\": $identity_same,"\
" \"gzip_both_decode_to_ics\": $gzip_same}"
[ "$identity_same" = true ] && [ "$gzip_same" = true ] || { echo '{"error": "the servers disagree on the feed"}'; exit 1; }

# CPU time (user + system, clock ticks) of a process and its children threads; for nginx, of
# every process of its group (master and workers).
ticks() { awk '{ sum += $14 + $15 } END { print sum }' "$@"; }
rhythm_ticks() { ticks "/proc/$RPID/stat"; }
nginx_ticks() { ticks $(pgrep -g "$(ps -o pgid= "$NPID" | tr -d ' ')" nginx | sed 's|.*|/proc/&/stat|'); }
hz=$(getconf CLK_TCK)
# wrk's latency figure ("650.00us", "8.23ms", "1.02s") in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; print n }'; }

for r in $(seq "$RUNS"); do
  for row in identity gzip; do
    header=(); [ $row = gzip ] && header=(-H 'Accept-Encoding: gzip')
    for server in rhythm nginx; do
      port=$RP; [ $server = nginx ] && port=$NP
      before=$(${server}_ticks)
      wrk -t2 -c32 -d"${DUR}s" --latency "${header[@]}" "http://127.0.0.1:$port/feeds/public.ics" > "$T/wrk.out"
      after=$(${server}_ticks)
      requests=$(awk '/requests in/ { print $1 }' "$T/wrk.out")
      rps=$(awk '/Requests\/sec/ { print $2 }' "$T/wrk.out")
      p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$T/wrk.out")")
      p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$T/wrk.out")")
      cpu_us=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
      echo "{\"round\": $r, \"row\": \"$row\", \"server\": \"$server\", \"rps\": $rps, \"p50_ms\": $p50,"\
" \"p99_ms\": $p99, \"cpu_us_per_request\": $cpu_us}" | tee -a "$T/rounds.jsonl"
    done
  done
done

for row in identity gzip; do
  awk -v row="$row" -F'[:,]' '
    function field(name,   i) { for (i = 1; i < NF; i++) if ($i ~ "\"" name "\"") return $(i + 1); return "" }
    index($0, "\"row\": \"" row "\"") {
      server = field("server"); gsub(/[ "]/, "", server)
      rps[server] += field("rps"); cpu[server] += field("cpu_us_per_request"); n[server]++
      p99 = field("p99_ms") + 0; if (p99 > worst[server]) worst[server] = p99
    }
    END {
      printf "{\"row\": \"%s\", \"rps_ratio\": %.3f, \"rhythm_rps\": %.0f, \"nginx_rps\": %.0f,", row,
        rps["rhythm"] / rps["nginx"], rps["rhythm"] / n["rhythm"], rps["nginx"] / n["nginx"]
      printf " \"rhythm_p99_ms\": %.2f, \"nginx_p99_ms\": %.2f,", worst["rhythm"], worst["nginx"]
      printf " \"rhythm_cpu_us_per_request\": %.1f, \"nginx_cpu_us_per_request\": %.1f}\n",
        cpu["rhythm"] / n["rhythm"], cpu["nginx"] / n["nginx"]
    }' "$T/rounds.jsonl"
done
echo "{\"rhythm_rss_kib_after\": $(awk '/^VmRSS/ {print $2}' /proc/$RPID/status), \"rhythm_hwm_kib\": $(awk '/^VmHWM/ {print $2}' /proc/$RPID/status)}"
