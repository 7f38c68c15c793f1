#!/usr/bin/env bash
# Sets up a Debian 12 machine that has the Swift toolchain, then runs Rhythm or its tests.
#
#   deploy/setup.sh run    install what is missing, build, and run the service on the example
#                          configuration (check it, list the coming meetings, print the feed
#                          URLs, then `rhythm serve` on 127.0.0.1:8080 with reminders going
#                          to a local Maildir), with the database in .build/example-state
#   deploy/setup.sh test   install what the tests need, lint, build with warnings as
#                          errors, and run every test
#   deploy/setup.sh benchmark
#                          install what the benchmarks need (libical, nginx, wrk, hyperfine,
#                          aiosmtpd), build in release mode, and run deploy/bench/run.sh: Rhythm
#                          beside libical and nginx on every hot path, with a table of targets
#
# Installs only from Debian (apt-get) and, for test helpers, PyPI. Safe to run again.
set -euo pipefail

cd "$(dirname "$0")/.."

# Debian packages Rhythm needs to build and run: the time-zone database (Foundation reads
# it), SQLite, which GRDB links from the system, and zlib for gzip responses (the -dev
# packages bring the headers the build needs).
runtime_packages=(tzdata ca-certificates libsqlite3-dev zlib1g-dev libcurl4-openssl-dev)
# Debian packages the tests need on top: an independent iCalendar parser and expander to
# check every feed Rhythm writes, an SMTP server with a throwaway certificate for e-mail,
# Dovecot as the organiser mailbox the inbound tests read over IMAP (started by the tests),
# systemd for systemd-analyze, which rates the hardening of deploy/rhythm.service, and a
# real browser for the page tests: headless chromium driven through chromium-driver by
# python3-selenium.
test_packages=(python3 python3-venv python3-icalendar python3-recurring-ical-events python3-aiosmtpd openssl systemd
    dovecot-imapd chromium chromium-driver python3-selenium)
# Where the tests' Python lives: Debian's Python with its packages, plus from PyPI (Debian
# packages neither) the OpenAPI validator and axe-core, the accessibility checker the page
# tests run in chromium. axe-core-python 0.1.0 ships axe-core 4.4.3 and needs nothing else;
# axe-selenium-python 2.1.6, the last release that installs on Debian 12's Python 3.11,
# ships axe-core 3.1.1 from 2018.
benchmark_packages=(python3 python3-aiosmtpd python3-dateutil openssl curl gcc pkg-config libical-dev hyperfine wrk
    nginx-light)
test_python=.build/test-python
test_python_packages=(openapi-spec-validator axe-core-python==0.1.0)

install_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

require_swift() {
    if ! command -v swift >/dev/null; then
        echo "error: the Swift toolchain is not on PATH; install Swift 6.3 first (https://www.swift.org/install/linux/)." >&2
        exit 69
    fi
}

run() {
    require_swift
    install_debian_packages "${runtime_packages[@]}"
    swift build -c release --product rhythm --static-swift-stdlib
    local rhythm=".build/release/rhythm" config="config/rhythm.yaml" state=".build/example-state"
    mkdir -p "$state"
    local database="$state/rhythm.sqlite"
    "$rhythm" check --config "$config"
    echo
    "$rhythm" upcoming --config "$config" --days 14
    echo
    local base="http://127.0.0.1:8080"
    echo "Public feed:  $base/feeds/public.ics"
    # A new private URL at each run; the one before stops working.
    echo -n "Private feed of Brightwater City Council: "
    "$rhythm" feed rotate partner:brightwater-council --config "$config" --database "$database" --base-url "$base" \
        2>/dev/null | grep -o 'http[^ ]*\.ics'
    echo "Readiness:    $base/readyz    Metrics: $base/metrics"
    echo "E-mail goes to the Maildir $state/maildir (read it with: mutt -f $state/maildir)."
    echo "Starting rhythm serve; Ctrl-C stops it."
    echo
    exec "$rhythm" serve --config "$config" --database "$database"
}

test() {
    require_swift
    install_debian_packages "${runtime_packages[@]}" ${test_packages[@]+"${test_packages[@]}"}
    if [ ! -x "$test_python/bin/python3" ]; then
        /usr/bin/python3 -m venv --system-site-packages "$test_python"
    fi
    "$test_python/bin/pip" install -q --disable-pip-version-check "${test_python_packages[@]}"
    export RHYTHM_TEST_PYTHON="$PWD/$test_python/bin/python3"
    echo "== swift format lint"
    swift format lint --strict --recursive Sources Tests Package.swift
    echo "== systemd-analyze security deploy/rhythm.service (2.0 or lower)"
    # Rated offline: systemd need not be running. --threshold counts in tenths (its default,
    # 100, is the 10.0 it prints), so 20 is 2.0.
    local hardening
    if ! hardening=$(systemd-analyze security --offline=yes --threshold=20 deploy/rhythm.service 2>&1); then
        echo "$hardening" >&2
        echo "error: systemd-analyze rates deploy/rhythm.service above 2.0 (the ✗ lines above)." >&2
        exit 1
    fi
    echo "$hardening" | grep "Overall exposure level"
    echo "== build (warnings are errors in Rhythm's own code)"
    swift build --build-tests 2>&1 | tee .build-log.txt
    if grep -E "^/.*/(Sources|Tests)/.*: warning:" .build-log.txt | grep -v "/.build/" ; then
        echo "error: the build has warnings in Rhythm's own code (above)." >&2
        exit 1
    fi
    rm -f .build-log.txt
    echo "== tests"
    swift test --skip-build --parallel
}

benchmark() {
    require_swift
    install_debian_packages "${runtime_packages[@]}" "${benchmark_packages[@]}"
    exec deploy/bench/run.sh
}

case "${1:-}" in
    run) run ;;
    test) test ;;
    benchmark) benchmark ;;
    *) echo "usage: $0 run|test|benchmark" >&2; exit 64 ;;
esac
