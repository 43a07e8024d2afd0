"""Rolling restart behind nginx with 1,000 calls in progress: dropped calls and p99 latency.

The scenario of ``tests/rolling_restart.py`` (the test runs it with 200 calls): nginx with the
deployment guide's ``deploy/nginx.conf`` in front of two ``deploy/agent.py`` processes, one
standalone and one under uvicorn; with the calls in progress, each worker in turn gets SIGTERM,
drains (new calls go to the other), exits when its calls have ended and is started again. The
row's value is the p99 of every tool call's round trip through nginx (client-side); its errors
are the dropped calls. Budget: p99 <= 50 ms, 0 dropped. Needs nginx (``apt-get install nginx``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from _common import REPO_ROOT, Result, ensure_importable, select

NAMES = ["rolling:nginx"]
BUDGET = 0.050  # p99 tool round trip, seconds
FULL = {"calls": 1000, "turns": 8, "gap": 1.0}
QUICK = {"calls": 200, "turns": 4, "gap": 0.5}


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Run the rolling restart once, if selected."""
    if not select(NAMES, only):
        return []
    ensure_importable()
    from tests.rolling_restart import nginx_binary, rolling_restart

    if nginx_binary() is None:
        print("# rolling:nginx skipped: nginx is not installed (apt-get install nginx)")
        return []
    settings = QUICK if quick else FULL
    report = asyncio.run(rolling_restart(**settings))  # type: ignore[arg-type]
    answers = sum(len(call.latencies) for call in report.calls)
    result = Result(
        name="rolling:nginx",
        baseline_label=f"none (p50 {report.latency_percentile(0.5) * 1e3:.1f} ms)",
        baseline=report.latency_percentile(0.5),
        sdk=report.latency_percentile(0.99),
        kind="limit",
        budget=BUDGET,
        unit="ms",
        errors=len(report.dropped),
    )
    drained = {name: len(calls) for name, calls in report.during_drain.items()}
    result.details.append(
        f"nginx ({REPO_ROOT.name}/deploy/nginx.conf) -> worker a (app.run) + worker b "
        f"(uvicorn); {settings['calls']} calls in progress at each SIGTERM, "
        f"{settings['turns']} tool calls each ~{settings['gap']:g} s apart; "
        f"{len(report.calls)} calls in all, {answers} tool round trips, {report.seconds:.1f} s"
    )
    result.details.append(
        f"dropped calls: {len(report.dropped)}; calls started while a worker drained (all on "
        f"the other): {drained}; /readyz of each worker before, draining, exited, restarted: "
        f"{report.readiness}; exit codes {report.exit_codes}"
    )
    result.details.append(
        f"tool round trip p50/p99/max ms: {report.latency_percentile(0.5) * 1e3:.1f} / "
        f"{report.latency_percentile(0.99) * 1e3:.1f} / "
        f"{report.latency_percentile(1.0) * 1e3:.1f}"
    )
    return [result]
