"""A rolling restart behind a real nginx drops no call (``tests/rolling_restart.py``).

Needs nginx: ``apt-get install nginx`` (``.ci/run`` installs it). Outside CI the test skips
without it; under ``CI=true`` it must run.
"""

from __future__ import annotations

import os

import pytest

from tests.rolling_restart import Report, nginx_binary, rolling_restart

pytestmark = pytest.mark.anyio

CALLS = 200


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    """asyncio only: the scenario drives real processes with asyncio."""
    return "asyncio"


@pytest.fixture(scope="module")
async def report(anyio_backend: str) -> Report:
    """One rolling restart of both workers with 200 calls in progress each time."""
    if nginx_binary() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is required under CI=true: apt-get install nginx")
        pytest.skip("nginx is not installed: apt-get install nginx (Debian/Ubuntu)")
    return await rolling_restart(calls=CALLS)


async def test_no_call_is_dropped(report: Report) -> None:
    """Every conversation completes: all tool calls answered, then a normal close."""
    assert len(report.calls) == 2 * CALLS + 2 * (CALLS // 10)
    problems = [(call.index, call.error, call.close_code) for call in report.dropped]
    assert problems == []
    assert all(call.answers > 0 for call in report.calls)


async def test_both_workers_served_calls_and_each_call_stayed_on_one(report: Report) -> None:
    served = {worker for call in report.calls for worker in call.workers}
    assert served == {"a", "b"}
    assert all(len(call.workers) == 1 for call in report.calls)


async def test_new_calls_go_to_the_live_worker_while_the_other_drains(report: Report) -> None:
    for draining, live in (("a", "b"), ("b", "a")):
        started = report.during_drain[draining]
        assert started and all(call.workers == {live} for call in started), draining


async def test_readiness_flips_and_each_worker_drains_by_itself(report: Report) -> None:
    """/readyz: 200 serving, 503 draining, nothing once exited, 200 again after restart; the
    calls in progress ended by themselves (no 1001), and the process exited cleanly."""
    for name in ("a", "b"):
        assert report.readiness[name] == [200, 503, None, 200], name
        assert "drained: every call ended by itself" in report.logs[name], report.logs[name]
        assert "with 1001" not in report.logs[name]
    assert report.exit_codes["a"] == 0  # app.run() returns
    assert report.exit_codes["b"] in (0, -15)  # uvicorn re-raises the SIGTERM it handled
