#!/usr/bin/env bash
# Rhythm beside its peers on every hot path, in one run: expansion against libical, feed
# serving against nginx (identity and gzip), reload under load, the idle service, and
# delivery to loopback SMTP and webhook servers. Prints each measurement as a JSON line
# (kept in $OUT/results.jsonl) and then a table of the targets with what this run measured.
#
#   deploy/setup.sh benchmark        (installs what is missing, then runs this)
#   deploy/bench/run.sh              (when the packages are there; about 15 minutes)
#
# Ratios are the figures: absolute times depend on the machine and on what else it is
# doing. Everything runs on 127.0.0.1. OUT defaults to /tmp/rhythm-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="${OUT:-/tmp/rhythm-bench}"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"

swift build -c release --product rhythm --static-swift-stdlib >/dev/null
rhythm="$PWD/.build/release/rhythm"
echo "rhythm $("$rhythm" --version) on $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ)" >&2

step() {
    echo "== $1" >&2
    shift
    "$@" | tee -a "$results"
}

step "expansion against libical (200 and 2,000 series)" deploy/bench/expansion.sh "$rhythm" "$out"
step "serving the cached public feed against nginx" deploy/bench/serve.sh "$rhythm" "$out/workload-200.yaml"
step "reload with 2,000 series while serving" deploy/bench/reload.sh "$rhythm" "$out/workload-2000.yaml"
step "the idle service" deploy/benchmark-idle.sh "${IDLE_SECONDS:-60}"
step "delivery through dispatch --once" deploy/benchmark-delivery.sh "${DELIVERY_COUNT:-10000}"

echo >&2
python3 deploy/bench/summary.py "$results"
