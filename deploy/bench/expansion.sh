#!/usr/bin/env bash
# Expansion side by side with libical: the deterministic workload (200 and 2,000 meeting
# series over five years in four zones) as a Rhythm configuration, whole-process
# `rhythm upcoming` (text and JSON) and `rhythm check`, against a C program on Debian's
# libical 3.0 expanding the same series once (expand_libical.c). Both occurrence lists are
# reduced to one FNV-1a digest (digest.py); they must be identical.
#
#   deploy/bench/expansion.sh RHYTHM_BINARY OUT_DIRECTORY
#
# Prints one JSON line per workload size. The runs are interleaved round by round
# (race.py) so that load from elsewhere on the machine hits every command alike; the
# ratios are the figures, absolute times are the machine's. `rhythm` reads a real
# database (empty, migrated), as it does when installed.
set -euo pipefail
rhythm=$(realpath "$1")
out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"

gcc -O2 -DRUNS=1 -DLIBICAL_PKGVER="\"$(pkg-config --modversion libical)\"" -o "$out/expand_libical" \
    "$here/expand_libical.c" $(pkg-config --cflags --libs libical)
export RHYTHM_DATABASE="$out/expansion.sqlite"
window="--from 2025-12-30 --until 2031-01-02"

for series in 200 2000; do
    workload="$out/workload-$series"
    python3 "$here/workload.py" --n "$series" --out "$workload.json" >/dev/null
    python3 - "$workload.json" "$workload.tsv" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); b = lambda s: s.replace("-", "").replace(":", "")
with open(sys.argv[2], "w") as f:
    f.write(f"WINDOW\t{b(d['window']['start'])}\t{b(d['window']['end'])}\n")
    for s in d["series"]:
        f.write("\t".join([s["id"], s["tz"], b(s["dtstart"]), s["rrule"], ",".join(b(e) for e in s["exdates"])]) + "\n")
PY
    python3 "$here/workload_to_yaml.py" "$workload.json" >"$workload.yaml"
    "$rhythm" changes list --config "$workload.yaml" >/dev/null

    libical=$("$out/expand_libical" "$workload.tsv")
    "$rhythm" upcoming --config "$workload.yaml" $window --format json >"$out/upcoming-$series.json" 2>/dev/null
    ours=$(python3 "$here/digest.py" "$out/upcoming-$series.json" "$workload.json")

    rounds=15
    [ "$series" = 2000 ] && rounds=5
    race=$(python3 "$here/race.py" "$rounds" \
        "libical=$out/expand_libical $workload.tsv" \
        "upcoming-text=$rhythm upcoming --config $workload.yaml $window --format text" \
        "upcoming-json=$rhythm upcoming --config $workload.yaml $window --format json" \
        "check=$rhythm check --config $workload.yaml")
    python3 - "$series" "$libical" "$ours" "$race" <<'PY'
import json, sys
series, libical, ours, race = int(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
print(json.dumps({
    "row": "expansion", "series": series, "occurrences": ours["occurrences"],
    "digest_libical": libical["digest_fnv1a64"], "digest_rhythm": ours["digest_fnv1a64"],
    "digests_identical": libical["digest_fnv1a64"] == ours["digest_fnv1a64"], **race}))
PY
done
