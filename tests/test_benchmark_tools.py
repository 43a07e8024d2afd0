"""The benchmark scripts' quick tools run and report (nox -s bench runs the benchmarks)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_inprocess_reports_the_voiceapps_own_cost_per_event() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_voiceapp.py"), "inprocess"]
        + ["--events", "300", "--repeats", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = re.fullmatch(
        r"in-process, 300 media frames x 1 runs \(medians\): bare echo loop (\d+) ns, "
        r"VoiceApp async (\d+) ns per event; VoiceApp's own cost (-?\d+) ns per event\n",
        out.stdout,
    )
    assert found, out.stdout + out.stderr
    bare, voiceapp, own = (int(group) for group in found.groups())
    assert bare > 0 and voiceapp > 0
    assert abs(own - (voiceapp - bare)) <= 1  # rounding


def test_inprocess_rejects_nonsense_counts() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_voiceapp.py"), "inprocess", "--events", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "inprocess needs --events >= 1" in out.stderr
