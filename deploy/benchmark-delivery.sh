#!/usr/bin/env bash
# Measures how fast `rhythm dispatch --once` delivers: N e-mails to a loopback SMTP server
# (Debian's aiosmtpd, STARTTLS with a throwaway certificate, AUTH), then N signed webhooks
# to a loopback HTTP receiver, each through the whole path: planning, the SQLite outbox,
# composing, libcurl, recording the outcome.
#
#   deploy/benchmark-delivery.sh [N]      (N defaults to 10000)
#
# Each row prints a sentence, then one JSON line for the whole-benchmark script:
#   {"row": "email", "messages": N, "per_second": ..., "peak_rss_mib": ..., "cpu_s": ..., "receiver_cpu_s": ...}
# receiver_cpu_s is the CPU the loopback server used meanwhile: when it approaches the
# elapsed time, the single-threaded Python receiver, not Rhythm, sets the rate.
# RHYTHM_BINARY=path uses that build (with its resources beside it) instead of building one.
#
# The servers are the test suite's own (Tests/RhythmDeliveryTests/Scripts/smtp_server.py,
# Tests/RhythmWebhookTests/Scripts/webhook_receiver.py); they record every message, so the
# counts below are what they received. Traffic stays on 127.0.0.1. Needs what
# `deploy/setup.sh test` installs.
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-10000}"
# Debian's Python, which has aiosmtpd.
python="${RHYTHM_TEST_PYTHON:-/usr/bin/python3}"
if [ -n "${RHYTHM_BINARY:-}" ]; then
    rhythm="$RHYTHM_BINARY"
else
    swift build -c release --product rhythm --static-swift-stdlib >/dev/null
    rhythm="$PWD/.build/release/rhythm"
fi
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/key.pem" \
    -out "$work/cert.pem" -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
mkdir -p "$work/received"
"$python" Tests/RhythmDeliveryTests/Scripts/smtp_server.py "$work/smtp-port" "$work/received" \
    --cert "$work/cert.pem" --key "$work/key.pem" --user rhythm --password benchmark 2>/dev/null &
smtp_pid=$!
secret="whsec_$(printf 'rhythm-benchmark-signing-key' | base64)"
"$python" Tests/RhythmWebhookTests/Scripts/webhook_receiver.py serve "$secret" "$work/hooks.jsonl" >"$work/hook-port" &
hook_pid=$!
for _ in $(seq 100); do [ -s "$work/smtp-port" ] && [ -s "$work/hook-port" ] && break; sleep 0.1; done
if [ ! -s "$work/smtp-port" ] || [ ! -s "$work/hook-port" ]; then
    echo "error: the loopback SMTP server or webhook receiver did not start (run deploy/setup.sh test first)" >&2
    exit 1
fi
smtp_port="$(cat "$work/smtp-port")"
hook_port="$(head -1 "$work/hook-port")"

# A zone where it is now about noon, so that action reminders (09:00 local) are due.
offset=$(( 12 - 10#$(date -u +%H) ))
if [ "$offset" -ge 0 ]; then zone="Etc/GMT-$offset"; else zone="Etc/GMT+$(( -offset ))"; fi

"$python" - "$work" "$count" "$zone" "$smtp_port" <<'EOF'
import datetime, sys
work, count, zone, smtp_port = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2))
offset = datetime.timedelta(hours=-int(zone[8:]) if zone[7] == "+" else int(zone[8:]))
local = (start + offset).strftime("%Y-%m-%dT%H:%M")
members = "".join(f"        - p{n:05d}\n" for n in range(count))  # a line each: lines over 64 KiB are refused
people = "".join(f"  - {{ id: p{n:05d}, name: Person {n}, email: p{n:05d}@partners.example }}\n" for n in range(count))
common = f"""initiative: {{ name: Delivery Benchmark, time_zone: {zone}, domain: benchmark.example }}
people:
{people}groups:
  - id: everyone
    name: Everyone
    kind: working-group
    members:
      partners: []
      people:
{members}
series:
  - {{ id: forum, title: Partner forum, kind: community-forum, start: {local}, duration: 1h, attendees: {{ groups: [everyone] }}, rule: FREQ=DAILY, on_holiday: ignore }}
channels:
  - {{ id: email, type: email, from: Benchmark <backbone@benchmark.example>, smtp: "smtp://127.0.0.1:{smtp_port}", username: rhythm, password_env: BENCH_SMTP_PASSWORD, ca_file: {work}/cert.pem }}
  - {{ id: hooks, type: webhook, url_env: BENCH_HOOK_URL, secret_env: BENCH_HOOK_SECRET }}
"""
open(f"{work}/email.yaml", "w").write(common + """reminders:
  - { id: forum-email, for: meetings, before: 3 hours, channel: email, to: attendees }
""")
open(f"{work}/hooks.yaml", "w").write(common + """reminders:
  - { id: action-hook, for: actions, before: 1 days, channel: hooks, to: owner }
""")
EOF

export BENCH_SMTP_PASSWORD=benchmark BENCH_HOOK_URL="http://127.0.0.1:$hook_port/ok" BENCH_HOOK_SECRET="$secret"

# The CPU seconds process $1 has used so far (user and system).
cpu_seconds() {
    awk -v ticks="$(getconf CLK_TCK)" '{ print ($14 + $15) / ticks }' "/proc/$1/stat"
}

measure() {
    local row="$1" label="$2" config="$3" database="$4" expected="$5" received="$6" receiver="$7"
    "$rhythm" check --config "$config" >/dev/null
    local before after receiver_before receiver_after
    receiver_before=$(cpu_seconds "$receiver")
    before=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/usage" "$rhythm" dispatch --once --config "$config" --database "$database" \
        >"$work/summary"
    after=$(date +%s.%N)
    receiver_after=$(cpu_seconds "$receiver")
    local got
    got=$(eval "$received")
    read -r rss user system <"$work/usage"
    "$python" - "$row" "$label" "$expected" "$got" "$before" "$after" "$rss" "$user" "$system" \
        "$receiver_before" "$receiver_after" <<'EOF'
import json, sys
row, label, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
got, before, after, rss = int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
cpu = float(sys.argv[8]) + float(sys.argv[9])
receiver = float(sys.argv[11]) - float(sys.argv[10])
elapsed = after - before
print(f"{label}: {got} of {expected} received in {elapsed:.2f} s: {got / elapsed:.0f} messages/s; "
      f"rhythm used {cpu:.1f} s of CPU, peak RSS {rss // 1024} MiB; the receiver used {receiver:.1f} s of CPU")
print(json.dumps({"row": row, "messages": got, "per_second": round(got / elapsed), "peak_rss_mib": rss // 1024,
                  "cpu_s": round(cpu, 2), "receiver_cpu_s": round(receiver, 2)}))
EOF
    sed 's/^/  /' "$work/summary"
}

measure email "e-mail (SMTP, STARTTLS, AUTH)" "$work/email.yaml" "$work/email.sqlite" "$count" \
    "ls '$work/received' | grep -c '\.eml$'" "$smtp_pid"

# One open action per person, due tomorrow: the rule posts one webhook per action today.
"$rhythm" outbox list --database "$work/hooks.sqlite" >/dev/null
"$python" - "$work/hooks.sqlite" "$count" "$zone" <<'EOF'
import datetime, sqlite3, sys
path, count, zone = sys.argv[1], int(sys.argv[2]), sys.argv[3]
offset = datetime.timedelta(hours=-int(zone[8:]) if zone[7] == "+" else int(zone[8:]))
tomorrow = (datetime.datetime.now(datetime.timezone.utc) + offset + datetime.timedelta(days=1)).strftime("%Y-%m-%d")
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.000")
db = sqlite3.connect(path)
db.executemany(
    "INSERT INTO action (title, owner_id, due, status, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?)",
    [(f"Benchmark action {n}", f"p{n:05d}", tomorrow, stamp, stamp) for n in range(count)])
db.commit()
EOF
measure webhooks "webhooks (signed generic JSON)" "$work/hooks.yaml" "$work/hooks.sqlite" "$count" \
    "wc -l < '$work/hooks.jsonl'" "$hook_pid"
