"""Run the benchmarks and print each SDK measurement against its same-run baseline.

Usage: ``nox -s bench`` or ``python benchmarks/run.py [--quick] [--only NAME ...]``.
A missed budget is reported in the table, not raised: the exit status is 0 unless a benchmark
itself fails to run.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time

import bench_hostile
import bench_import
import bench_rest
import bench_rolling
import bench_scale
import bench_voiceapp
from _common import REPRODUCE, Result, table

BENCHMARKS = [bench_import, bench_rest, bench_voiceapp, bench_scale, bench_hostile, bench_rolling]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    names = [name for module in BENCHMARKS for name in module.NAMES]
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="benchmark names: " + ", ".join(names),
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer samples and rounds: a smoke run"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only benchmarks with this exact name, or whose name contains it "
        "(repeatable; e.g. import, rest:sync, agents.get, ws, ws:cpu, scale, hostile)",
    )
    return parser.parse_args(argv)


def _load() -> str:
    """The 1-minute load average (other work on the machine makes every ratio noisier)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks, print the table and the reproduce command."""
    args = parse_args(argv)
    started = time.perf_counter()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"# plivo_agentstack benchmarks ({'quick' if args.quick else 'full'} run) - {when}\n"
        f"# Python {platform.python_version()} ({sys.executable}), {platform.platform()}, "
        f"{os.cpu_count()} CPUs; load average {_load()}",
        flush=True,
    )
    results: list[Result] = []
    for module in BENCHMARKS:
        module_started = time.perf_counter()
        found = module.run(quick=args.quick, only=args.only)
        if found:
            elapsed = time.perf_counter() - module_started
            print(f"# {module.__name__}: {len(found)} benchmarks in {elapsed:.1f} s", flush=True)
        results += found
    if not results:
        print(f"no benchmark matches --only {args.only}", file=sys.stderr)
        return 2
    print()
    print(table(results))
    print()
    for result in results:
        for line in result.details:
            print(f"  {result.name}: {line}")
    missed = [result.name for result in results if not result.met]
    print()
    print(f"budgets met: {len(results) - len(missed)}/{len(results)}", end="")
    print(f"; missed: {', '.join(missed)}" if missed else "")
    if args.quick:
        print("quick run: indicative only; use a full run for the numbers of record")
    print(
        "absolute times are for information; the ratios/deltas are what the budgets judge "
        "(the scale rows: p99 latency and errors, absolute)"
    )
    print(f"load average at the end {_load()} on {os.cpu_count()} CPUs (noisy if near or above)")
    print(f"total {time.perf_counter() - started:.1f} s; reproduce with: {REPRODUCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
