"""Shared pieces of the benchmarks: result rows, name filtering, child processes, repo path."""

from __future__ import annotations

import contextlib
import math
import os
import signal
import statistics
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
# display unit per second (per byte, per instruction)
SCALES = {
    "ms": 1e3,
    "us": 1e6,
    "s": 1.0,
    "B": 1.0,
    "KiB": 1 / 1024,
    "MiB": 1 / 2**20,
    "kinstr": 1e-3,
    "fds": 1.0,
}
REPRODUCE = "nox -s bench   (or: .venv/bin/python benchmarks/run.py [--quick] [--only NAME])"


def ensure_importable() -> None:
    """Put the repo root on ``sys.path`` so the SDK imports without an install (nox installs it)."""
    root = str(REPO_ROOT)
    if root not in sys.path:
        sys.path.insert(1, root)


@contextlib.contextmanager
def child_process(argv: list[str], **kwargs: Any) -> Iterator[subprocess.Popen[str]]:
    """A child process in its own session, stopped, then killed with its group, on the way out."""
    proc = subprocess.Popen(argv, text=True, start_new_session=True, **kwargs)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # what it started too (the group is its own)
        proc.wait()


def select(names: Sequence[str], only: Sequence[str] | None) -> list[str]:
    """Names chosen by ``--only``: an exact name, else every name containing the pattern."""
    if not only:
        return list(names)
    chosen: list[str] = []
    for pattern in only:
        exact = [name for name in names if name == pattern]
        chosen += exact or [name for name in names if pattern in name]
    return [name for name in names if name in chosen]


def median(values: Iterable[float]) -> float:
    """Median of the values."""
    return statistics.median(list(values))


@dataclass
class Result:
    """One benchmark row: a baseline and the SDK measured in the same run, and the budget."""

    name: str
    baseline_label: str
    baseline: float  # seconds (bytes for B/KiB/MiB, instructions, fds); NaN: not measured
    sdk: float  # seconds (bytes for B/KiB/MiB, instructions, fds); NaN: not measured
    kind: str  # "ratio" (sdk / baseline), "delta" (sdk - baseline) or "limit" (sdk alone)
    budget: float  # max ratio, max delta or max value (limit), in seconds (bytes); inf: none
    unit: str  # a key of SCALES, for display
    details: list[str] = field(default_factory=list)
    errors: int | None = None  # failures the benchmark counted; when set, any error misses

    @property
    def value(self) -> float:
        """The ratio ``sdk / baseline``, the delta ``sdk - baseline`` or (limit) ``sdk``."""
        if self.kind == "ratio":
            return self.sdk / self.baseline
        if self.kind == "limit":
            return self.sdk
        return self.sdk - self.baseline

    @property
    def met(self) -> bool:
        """Whether the budget is met (and no error was counted)."""
        return self.value <= self.budget and not self.errors

    def _fmt(self, value: float, signed: bool = False) -> str:
        if math.isnan(value):
            return "n/a"
        return f"{value * SCALES[self.unit]:{'+' if signed else ''}.1f} {self.unit}"

    def cells(self) -> list[str]:
        """The table cells of this row."""
        baseline = f"{self.baseline_label} {self._fmt(self.baseline)}"
        if self.kind == "ratio":
            value = "n/a" if math.isnan(self.value) else f"{self.value:.3f}x"
            budget = "none (reported)" if math.isinf(self.budget) else f"<= {self.budget:.2f}x"
        elif self.kind == "limit":  # no baseline: the label describes the row instead
            baseline = self.baseline_label
            value, budget = self._fmt(self.value), f"<= {self._fmt(self.budget)}"
        else:
            value = self._fmt(self.value, signed=True)
            budget = f"<= {self._fmt(self.budget, signed=True)}"
        if self.errors is not None:
            value += f", {self.errors} error{'' if self.errors == 1 else 's'}"
            budget += ", 0 errors"
        return [
            self.name,
            baseline,
            self._fmt(self.sdk),
            value,
            budget,
            "yes" if self.met else "NO",
        ]


HEADER = ["benchmark", "baseline", "SDK", "ratio/delta", "budget", "met"]


def table(results: Sequence[Result]) -> str:
    """Format the results as a Markdown-compatible table."""
    rows = [HEADER] + [result.cells() for result in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
