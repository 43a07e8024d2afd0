"""REST overhead: SDK calls against hand-written raw httpx calls to the same local server.

The server (``_server.py``) runs in a separate process so its CPU time is not counted on the
client side. For each case the SDK and the raw baseline run in alternating rounds of ``n`` calls
(the side that goes first swaps every round); the per-call time of each side is the median over
the rounds, and the ratio is SDK / baseline.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gc
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import Result, ensure_importable, median, select

BUDGET = 1.15
CASES = ["agents.get", "agents.list", "agents.list-all", "messages.create"]
NAMES = [f"rest:{mode}:{case}" for mode in ("async", "sync") for case in CASES]

AUTH_ID = "MAZDQ1ZDA0ZDY0MGM3ZT"
AUTH_TOKEN = "ZWQ3ZmE4YTgxY2U4NGNmYTU5N2FhMzRjY2Ix"
AGENT_UUID = "3f2c9a1e-8b7d-4c6a-9e5f-0a1b2c3d4e5f"
MESSAGE = {"src": "+14155550100", "dst": "+14155550199", "text": "Your code is 123456"}
# What the SDK puts on the wire for messages.create(**MESSAGE): its defaults included.
MESSAGE_WIRE = {"dst": MESSAGE["dst"], "src": MESSAGE["src"], "text": MESSAGE["text"]}
MESSAGE_WIRE.update({"type": "sms", "method": "POST"})
PAGES, PAGE_LIMIT, TOTAL_AGENTS = 10, 20, 200


@dataclass(frozen=True)
class Settings:
    """How long to run: rounds per case, seconds per side per round, warm-up seconds."""

    rounds: int
    target: float
    warmup: float


FULL = Settings(rounds=15, target=0.18, warmup=0.3)
QUICK = Settings(rounds=5, target=0.06, warmup=0.05)


@dataclass(frozen=True)
class Urls:
    """The request URLs and headers of the raw baseline."""

    base: str

    @property
    def agent(self) -> str:
        """URL of one agent."""
        return f"{self.base}/v1/Account/{AUTH_ID}/Agent/{AGENT_UUID}"

    @property
    def agents(self) -> str:
        """URL of the agents list."""
        return f"{self.base}/v1/Account/{AUTH_ID}/Agent"

    @property
    def messages(self) -> str:
        """URL to send a message."""
        return f"{self.base}/v1/Account/{AUTH_ID}/Message/"


def raw_headers() -> dict[str, str]:
    """The headers the hand-written baseline sends (the same set as the SDK)."""
    credentials = base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode("ascii")
    return {
        "Authorization": f"Basic {credentials}",
        "User-Agent": "plivo-agentstack-python/bench",
        "Accept": "application/json",
    }


@contextlib.contextmanager
def local_server(max_seconds: float) -> Iterator[str]:
    """Start ``_server.py`` in its own process; yield its base URL; stop it afterwards."""
    script = Path(__file__).with_name("_server.py")
    proc = subprocess.Popen(
        [sys.executable, str(script), "--max-seconds", str(max_seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"benchmark server did not start: {line!r}")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _calls(per_call: float, settings: Settings) -> int:
    return max(3, round(settings.target / per_call))


def _result(name: str, sdk: list[float], raw: list[float], calls: int) -> Result:
    paired = sorted(s / r for s, r in zip(sdk, raw, strict=True))
    result = Result(
        name=name,
        baseline_label="raw httpx",
        baseline=median(raw),
        sdk=median(sdk),
        kind="ratio",
        budget=BUDGET,
        unit="us",
    )
    result.details.append(
        f"{len(sdk)} rounds x {calls} calls/side; per call SDK {min(sdk) * 1e6:.0f}.."
        f"{max(sdk) * 1e6:.0f} us, raw {min(raw) * 1e6:.0f}..{max(raw) * 1e6:.0f} us; "
        f"per-round ratio {paired[0]:.3f}..{paired[-1]:.3f} (median {median(paired):.3f})"
    )
    return result


# --- async -----------------------------------------------------------------------------------

AsyncFn = Callable[[], Awaitable[Any]]


async def _atime(fn: AsyncFn, calls: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(calls):
        await fn()
    return (time.perf_counter() - start) / calls


async def _awarm(fn: AsyncFn, seconds: float) -> float:
    start = time.perf_counter()
    calls = 0
    while calls < 3 or time.perf_counter() - start < seconds:
        await fn()
        calls += 1
    return (time.perf_counter() - start) / calls


async def _acompare(name: str, sdk: AsyncFn, raw: AsyncFn, settings: Settings) -> Result:
    per_call = await _awarm(sdk, settings.warmup)
    await _awarm(raw, settings.warmup)
    calls = _calls(per_call, settings)
    sdk_times: list[float] = []
    raw_times: list[float] = []
    for i in range(settings.rounds):
        if i % 2 == 0:
            sdk_times.append(await _atime(sdk, calls))
            raw_times.append(await _atime(raw, calls))
        else:
            raw_times.append(await _atime(raw, calls))
            sdk_times.append(await _atime(sdk, calls))
    return _result(name, sdk_times, raw_times, calls)


async def run_async(base_url: str, cases: Sequence[str], settings: Settings) -> list[Result]:
    """Compare ``AsyncClient`` with ``httpx.AsyncClient`` on one event loop."""
    import httpx

    from plivo_agentstack import AsyncClient

    urls, headers = Urls(base_url), raw_headers()
    sdk = AsyncClient(AUTH_ID, AUTH_TOKEN, base_url=base_url)
    raw = httpx.AsyncClient()

    async def sdk_get() -> Any:
        return await sdk.agent.agents.get(AGENT_UUID)

    async def raw_get() -> Any:
        return (await raw.get(urls.agent, headers=headers)).json()

    async def sdk_list() -> Any:
        return await sdk.agent.agents.list(limit=PAGE_LIMIT)

    async def raw_list() -> Any:
        return (await raw.get(urls.agents, params={"limit": PAGE_LIMIT}, headers=headers)).json()

    async def sdk_list_all() -> int:
        count = 0
        async for _agent in sdk.agent.agents.list(limit=PAGE_LIMIT):
            count += 1
        return count

    async def raw_list_all() -> int:
        count, offset = 0, 0
        while True:
            params = {"limit": PAGE_LIMIT, "offset": offset}
            data = (await raw.get(urls.agents, params=params, headers=headers)).json()
            for _agent in data["objects"]:
                count += 1
            if not data["meta"]["next"]:
                return count
            offset += PAGE_LIMIT

    async def sdk_create() -> Any:
        return await sdk.messages.create(**MESSAGE)

    async def raw_create() -> Any:
        return (await raw.post(urls.messages, json=MESSAGE_WIRE, headers=headers)).json()

    pairs = {
        "agents.get": (sdk_get, raw_get),
        "agents.list": (sdk_list, raw_list),
        "agents.list-all": (sdk_list_all, raw_list_all),
        "messages.create": (sdk_create, raw_create),
    }
    try:
        agent, data = await sdk_get(), await raw_get()
        assert agent.agent_uuid == data["agent_uuid"] == AGENT_UUID
        page, data = await sdk_list(), await raw_list()
        assert len(page.objects) == len(data["objects"]) == PAGE_LIMIT
        assert await sdk_list_all() == await raw_list_all() == TOTAL_AGENTS
        sent, data = await sdk_create(), await raw_create()
        assert sent.message_uuid == data["message_uuid"]
        results = []
        for case in cases:
            sdk_fn, raw_fn = pairs[case]
            results.append(await _acompare(f"rest:async:{case}", sdk_fn, raw_fn, settings))
        return results
    finally:
        await sdk.close()
        await raw.aclose()


# --- sync ------------------------------------------------------------------------------------

SyncFn = Callable[[], Any]


def _time(fn: SyncFn, calls: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def _warm(fn: SyncFn, seconds: float) -> float:
    start = time.perf_counter()
    calls = 0
    while calls < 3 or time.perf_counter() - start < seconds:
        fn()
        calls += 1
    return (time.perf_counter() - start) / calls


def _compare(name: str, sdk: SyncFn, raw: SyncFn, settings: Settings) -> Result:
    per_call = _warm(sdk, settings.warmup)
    _warm(raw, settings.warmup)
    calls = _calls(per_call, settings)
    sdk_times: list[float] = []
    raw_times: list[float] = []
    for i in range(settings.rounds):
        if i % 2 == 0:
            sdk_times.append(_time(sdk, calls))
            raw_times.append(_time(raw, calls))
        else:
            raw_times.append(_time(raw, calls))
            sdk_times.append(_time(sdk, calls))
    return _result(name, sdk_times, raw_times, calls)


def run_sync(base_url: str, cases: Sequence[str], settings: Settings) -> list[Result]:
    """Compare the blocking ``Client`` with ``httpx.Client``."""
    import httpx

    from plivo_agentstack_sync import Client

    urls, headers = Urls(base_url), raw_headers()
    sdk = Client(AUTH_ID, AUTH_TOKEN, base_url=base_url)
    raw = httpx.Client()

    def sdk_get() -> Any:
        return sdk.agent.agents.get(AGENT_UUID)

    def raw_get() -> Any:
        return raw.get(urls.agent, headers=headers).json()

    def sdk_list() -> Any:
        return sdk.agent.agents.list(limit=PAGE_LIMIT)

    def raw_list() -> Any:
        return raw.get(urls.agents, params={"limit": PAGE_LIMIT}, headers=headers).json()

    def sdk_list_all() -> int:
        count = 0
        for _agent in sdk.agent.agents.list(limit=PAGE_LIMIT):
            count += 1
        return count

    def raw_list_all() -> int:
        count, offset = 0, 0
        while True:
            params = {"limit": PAGE_LIMIT, "offset": offset}
            data = raw.get(urls.agents, params=params, headers=headers).json()
            for _agent in data["objects"]:
                count += 1
            if not data["meta"]["next"]:
                return count
            offset += PAGE_LIMIT

    def sdk_create() -> Any:
        return sdk.messages.create(**MESSAGE)

    def raw_create() -> Any:
        return raw.post(urls.messages, json=MESSAGE_WIRE, headers=headers).json()

    pairs = {
        "agents.get": (sdk_get, raw_get),
        "agents.list": (sdk_list, raw_list),
        "agents.list-all": (sdk_list_all, raw_list_all),
        "messages.create": (sdk_create, raw_create),
    }
    try:
        assert sdk_get().agent_uuid == raw_get()["agent_uuid"] == AGENT_UUID
        assert len(sdk_list().objects) == len(raw_list()["objects"]) == PAGE_LIMIT
        assert sdk_list_all() == raw_list_all() == TOTAL_AGENTS
        assert sdk_create().message_uuid == raw_create()["message_uuid"]
        return [_compare(f"rest:sync:{case}", *pairs[case], settings=settings) for case in cases]
    finally:
        sdk.close()
        raw.close()


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Run every selected REST case, async then sync, against one local server process."""
    names = select(NAMES, only)
    if not names:
        return []
    ensure_importable()
    settings = QUICK if quick else FULL
    async_cases = [case for case in CASES if f"rest:async:{case}" in names]
    sync_cases = [case for case in CASES if f"rest:sync:{case}" in names]
    results: list[Result] = []
    with local_server(max_seconds=600) as base_url:
        if async_cases:
            results += asyncio.run(run_async(base_url, async_cases, settings))
        if sync_cases:
            results += run_sync(base_url, sync_cases, settings)
    return results
