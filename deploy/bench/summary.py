#!/usr/bin/env python3
"""Reads the JSON lines of a benchmark run (deploy/bench/run.sh) and prints each target of
issue 14 beside what the run measured, marked "met" or "MISSED".

    summary.py RESULTS.jsonl

Lines that are not JSON objects (the scripts' own commentary) are skipped. A row whose
measurement is missing from the file is reported as not measured."""
import json
import sys


def load(path):
    rows = []
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return rows


def find(rows, **match):
    for row in reversed(rows):
        if all(row.get(key) == value for key, value in match.items()):
            return row
    return None


class Table:
    def __init__(self):
        self.lines = []
        self.missed = 0
        self.unmeasured = 0

    def add(self, work, measured, target, met):
        if met is None:
            mark = "not measured"
            self.unmeasured += 1
        else:
            mark = "met" if met else "MISSED"
            self.missed += 0 if met else 1
        self.lines.append((work, measured, target, mark))

    def print(self):
        widths = [max(len(line[i]) for line in self.lines + [self.header()]) for i in range(4)]
        for line in [self.header()] + self.lines:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())

    @staticmethod
    def header():
        return ("work", "measured", "target", "")


def expansion(table, rows):
    small, large = find(rows, row="expansion", series=200), find(rows, row="expansion", series=2000)
    for row in (small, large):
        if row is None:
            continue
        n = row["series"]
        table.add(f"digest, {n:,} series ({row['occurrences']:,} occurrences)",
                  f"libical {row['digest_libical']}, rhythm {row['digest_rhythm']}", "identical",
                  row["digests_identical"])
        text = row["ratio"]["upcoming-text"]
        table.add(f"upcoming --format text, {n:,} series", f"{text:.2f}x libical", "<= 1.0x libical", text <= 1.0)
        json_ratio = row["median_s"]["upcoming-json"] / row["median_s"]["upcoming-text"]
        table.add(f"upcoming --format json, {n:,} series", f"{json_ratio:.2f}x the text run", "<= 1.15x the text run",
                  json_ratio <= 1.15)
        check = row["ratio"]["check"]
        table.add(f"check, {n:,} series", f"{check:.2f}x libical's expansion", "<= 0.5x libical", check <= 0.5)
    if small and large:
        scale = large["median_s"]["upcoming-text"] / small["median_s"]["upcoming-text"]
        table.add("upcoming text, 2,000 against 200 series", f"{scale:.1f}x", "<= 10.5x", scale <= 10.5)
        check_scale = large["median_s"]["check"] / small["median_s"]["check"]
        table.add("check, 2,000 against 200 series", f"{check_scale:.1f}x", "linear (<= 10.5x)", check_scale <= 10.5)
    if not (small or large):
        table.add("expansion", "-", "", None)


def serving(table, rows):
    identity, gzip = find(rows, row="identity"), find(rows, row="gzip")
    if identity:
        table.add("cached public feed, identity", f"{identity['rps_ratio']:.2f}x nginx", ">= 0.6x nginx",
                  identity["rps_ratio"] >= 0.6)
        table.add("cached public feed, identity, p99", f"{identity['rhythm_p99_ms']:.2f} ms", "< 5 ms",
                  identity["rhythm_p99_ms"] < 5)
    else:
        table.add("cached public feed, identity", "-", ">= 0.6x nginx", None)
    if gzip:
        table.add("cached public feed, gzip", f"{gzip['rps_ratio']:.2f}x nginx gzip_static", ">= 0.8x nginx",
                  gzip["rps_ratio"] >= 0.8)
    else:
        table.add("cached public feed, gzip", "-", ">= 0.8x nginx", None)


def reload(table, rows):
    row = next((r for r in reversed(rows) if "reload_s" in r), None)
    if row is None:
        table.add("SIGHUP, 2,000 series", "-", "< 1 s, serving continues", None)
        return
    table.add("SIGHUP, 2,000 series", f"{row['reload_s']:.2f} s", "< 1 s", row["reload_s"] < 1)
    table.add("longest response during the reload", f"{row['longest_response_during_reload_ms']:.1f} ms "
              f"({row['responses_during_reload']} responses)", "serving continues",
              row["responses_during_reload"] > 0)


def idle(table, rows):
    row = find(rows, row="idle")
    if row is None:
        table.add("idle rhythm serve", "-", "<= 25 MB resident, no wake-ups", None)
        return
    table.add("idle rhythm serve, resident", f"{row['rss_mib']:.1f} MiB ({row['anon_mib']:.1f} own, "
              f"{row['file_mib']:.1f} mapped files)", "<= 25 MB", row["rss_mib"] * 1.048576 <= 25)
    table.add(f"idle rhythm serve, wake-ups over {row['seconds']} s",
              f"{row['wakeups']} ({row['wakeups'] / row['seconds']:.2f}/s, {row['threads']} threads)",
              "none before the 5-minute cap", row["wakeups"] == 0)


def delivery(table, rows):
    for name, label in (("email", "e-mails (SMTP, STARTTLS)"), ("webhooks", "webhooks (signed JSON)")):
        row = find(rows, row=name)
        if row is None:
            table.add(f"dispatch --once, {label}", "-", ">= 1,500/s, <= 100 MiB", None)
            continue
        table.add(f"dispatch --once, {row['messages']:,} {label}", f"{row['per_second']:,.0f}/s (CPU: rhythm {row['cpu_s']:.1f} s, "
                  f"receiver {row.get('receiver_cpu_s', 0):.1f} s)", ">= 1,500/s",
                  row["per_second"] >= 1500)
        table.add(f"dispatch --once, {label}, peak resident", f"{row['peak_rss_mib']:.0f} MiB", "<= 100 MiB",
                  row["peak_rss_mib"] <= 100)


def main():
    rows = load(sys.argv[1])
    table = Table()
    for section in (expansion, serving, reload, idle, delivery):
        section(table, rows)
    table.print()
    print(f"\n{table.missed} target(s) missed, {table.unmeasured} not measured")


if __name__ == "__main__":
    main()
