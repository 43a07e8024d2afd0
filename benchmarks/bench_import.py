"""Import time: a fresh interpreter per sample, SDK statements against ``import httpx``.

Samples of the different statements are taken round-robin so machine noise hits all of them
alike; each statement's median is compared with the median of ``import httpx``. The samples read
bytecode from a private ``PYTHONPYCACHEPREFIX`` filled by an unmeasured warm-up run, so every
module (SDK, httpx, stdlib) loads from a cache as in an installed package, even where
``PYTHONDONTWRITEBYTECODE`` is set, and the work tree gets no ``__pycache__``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence

from _common import REPO_ROOT, Result, median, select

BASELINE = "import httpx"
BUDGET = 0.040  # seconds over `import httpx`
STATEMENTS = {
    "import:plivo_agentstack": "import plivo_agentstack",
    "import:plivo_agentstack_sync": "import plivo_agentstack_sync",
    "import:AsyncClient": "from plivo_agentstack import AsyncClient",
    "import:Client": "from plivo_agentstack_sync import Client",
    "import:VoiceApp": "from plivo_agentstack.agent import VoiceApp",
}
NAMES = list(STATEMENTS)
PROGRAM = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"


def time_import(statement: str, env: dict[str, str] | None = None) -> float:
    """Seconds a fresh interpreter spends on ``statement`` (interpreter start-up excluded)."""
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM.format(stmt=statement)],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Measure every selected import statement against ``import httpx``."""
    names = select(NAMES, only)
    if not names:
        return []
    samples = 11 if quick else 21
    statements = [BASELINE] + [STATEMENTS[name] for name in names]
    times: dict[str, list[float]] = {statement: [] for statement in statements}
    with tempfile.TemporaryDirectory(prefix="plivo-bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for statement in statements:  # fill the bytecode cache, unmeasured
            time_import(statement, env)
        for i in range(samples):
            # Rotate the start so that no statement always runs right after the same one.
            order = statements[i % len(statements) :] + statements[: i % len(statements)]
            for statement in order:
                times[statement].append(time_import(statement, env))
    base = median(times[BASELINE])
    results = []
    for name in names:
        values = times[STATEMENTS[name]]
        result = Result(
            name=name,
            baseline_label="httpx",
            baseline=base,
            sdk=median(values),
            kind="delta",
            budget=BUDGET,
            unit="ms",
        )
        result.details.append(
            f"{STATEMENTS[name]!r}: median {median(values) * 1e3:.1f} ms, "
            f"min {min(values) * 1e3:.1f}, max {max(values) * 1e3:.1f} ({samples} samples); "
            f"{BASELINE!r}: median {base * 1e3:.1f} ms, min {min(times[BASELINE]) * 1e3:.1f}, "
            f"max {max(times[BASELINE]) * 1e3:.1f}"
        )
        results.append(result)
    return results
