#!/usr/bin/env python3
"""Runs several commands side by side, interleaved round by round, and prints one JSON line
with each command's median wall-clock time, its median CPU time (user + system) and both
ratios to the first command.

    race.py ROUNDS NAME=COMMAND [NAME=COMMAND ...]

Interleaving matters on a shared machine: a burst of load from elsewhere hits every command
of a round alike instead of all the runs of one command. Each command runs once before the
rounds (to warm the page cache) and its output goes to /dev/null; a command that fails stops
the race with its exit status and the end of its error output."""
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    before = os.times()
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = os.times()
    if result.returncode != 0:
        tail = result.stderr.decode(errors="replace").strip().splitlines()[-3:]
        sys.exit(f"error: `{shlex.join(argv)}` exited with {result.returncode}: " + " / ".join(tail))
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = []
    for spec in sys.argv[2:]:
        name, _, command = spec.partition("=")
        commands.append((name, shlex.split(command)))
    for _, argv in commands:
        run_once(argv)
    walls = {name: [] for name, _ in commands}
    cpus = {name: [] for name, _ in commands}
    for _ in range(rounds):
        for name, argv in commands:
            wall, cpu = run_once(argv)
            walls[name].append(wall)
            cpus[name].append(cpu)
    median_wall = {name: statistics.median(values) for name, values in walls.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpus.items()}
    base = commands[0][0]
    print(json.dumps({
        "rounds": rounds,
        "median_s": {name: round(value, 4) for name, value in median_wall.items()},
        "median_cpu_s": {name: round(value, 4) for name, value in median_cpu.items()},
        "ratio": {name: round(value / median_wall[base], 3) for name, value in median_wall.items() if name != base},
        "cpu_ratio": {name: round(value / max(median_cpu[base], 1e-6), 3)
                      for name, value in median_cpu.items() if name != base},
    }))


if __name__ == "__main__":
    main()
