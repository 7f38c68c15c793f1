#!/usr/bin/env bash
# Measures how fast `rhythm dispatch --once` delivers: N e-mails to a loopback SMTP server
# (Debian's aiosmtpd, STARTTLS with a throwaway certificate, AUTH), then N signed webhooks
# to a loopback HTTP receiver, each through the whole path: planning, the SQLite outbox,
# composing, libcurl, recording the outcome.
#
#   deploy/benchmark-delivery.sh [N]      (N defaults to 10000)
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
swift build -c release --product rhythm >/dev/null
rhythm="$PWD/.build/release/rhythm"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/key.pem" \
    -out "$work/cert.pem" -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
mkdir -p "$work/received"
"$python" Tests/RhythmDeliveryTests/Scripts/smtp_server.py "$work/smtp-port" "$work/received" \
    --cert "$work/cert.pem" --key "$work/key.pem" --user rhythm --password benchmark 2>/dev/null &
secret="whsec_$(printf 'rhythm-benchmark-signing-key' | base64)"
"$python" Tests/RhythmWebhookTests/Scripts/webhook_receiver.py serve "$secret" "$work/hooks.jsonl" >"$work/hook-port" &
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
people = "".join(f"  - {{ id: p{n:05d}, name: Person {n}, email: p{n:05d}@partners.example }}\n" for n in range(count))
common = f"""initiative: {{ name: Delivery Benchmark, time_zone: {zone}, domain: benchmark.example }}
people:
{people}groups:
  - {{ id: everyone, name: Everyone, kind: working-group, members: {{ partners: [], people: [{", ".join(f"p{n:05d}" for n in range(count))}] }} }}
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

measure() {
    local label="$1" config="$2" database="$3" expected="$4" received="$5"
    "$rhythm" check --config "$config" >/dev/null
    local before after
    before=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/usage" "$rhythm" dispatch --once --config "$config" --database "$database" \
        >"$work/summary"
    after=$(date +%s.%N)
    local got
    got=$(eval "$received")
    read -r rss user system <"$work/usage"
    "$python" -c "import sys; n, t = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); \
print(f'$label: {n} of $expected received in {t:.2f} s: {n / t:.0f} messages/s; ' \
      f'rhythm used {float(sys.argv[5]) + float(sys.argv[6]):.1f} s of CPU, peak RSS {int(sys.argv[4]) // 1024} MiB')" \
        "$got" "$before" "$after" "$rss" "$user" "$system"
    sed 's/^/  /' "$work/summary"
}

measure "e-mail (SMTP, STARTTLS, AUTH)" "$work/email.yaml" "$work/email.sqlite" "$count" \
    "ls '$work/received' | grep -c '\.eml$'"

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
measure "webhooks (signed generic JSON)" "$work/hooks.yaml" "$work/hooks.sqlite" "$count" \
    "wc -l < '$work/hooks.jsonl'"
