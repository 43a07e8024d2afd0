"""A rolling restart behind nginx, for real: two VoiceApp processes, calls in progress, SIGTERM.

``deploy/nginx.conf`` (the guide's file, only its addresses changed) load-balances two
processes of ``deploy/agent.py``: worker ``a`` standalone (``app.run()``), worker ``b`` under
uvicorn (``python -m plivo_agentstack.agent.asgi_serving``). Calls are real WebSocket clients
through nginx: ``session.started``, then tool calls answered by the worker (which names itself),
then ``session.ended`` and the server's close. The restart: with calls in progress on both,
``a`` gets SIGTERM; new calls started while it drains must land on ``b``; ``a`` exits once its
calls have ended by themselves and is started again; then the same for ``b`` (new calls on
``a``). A call is dropped if it fails to connect, misses an answer, or is closed with anything
but 1000 after its ``session.ended``.

Used by ``tests/test_deploy_nginx.py`` (200 calls) and ``benchmarks/bench_rolling.py`` (1,000).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import attrs
import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.ports import free_port

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
NGINX_CONF = DEPLOY / "nginx.conf"
# The guide's addresses, replaced by the ones of this run.
GUIDE_ADDRESSES = ("127.0.0.1:9001", "127.0.0.1:9002", "listen 8080;")
STEP_TIMEOUT = 30.0  # a safety net per awaited step, not a speed check
RAMP_RATE = 400.0  # new calls per second while a batch starts


def nginx_binary() -> str | None:
    """The nginx executable, if installed (PATH or /usr/sbin)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


@attrs.define
class Worker:
    """One VoiceApp process behind nginx, restartable on the same port."""

    name: str
    flavour: str  # "standalone" or "uvicorn"
    port: int
    workdir: Path
    drain_timeout: float
    process: subprocess.Popen[bytes] | None = None
    runs: int = 0

    def start(self) -> None:
        """Start the process (its log goes to ``<name>-<run>.log``)."""
        if self.flavour == "standalone":
            argv = [sys.executable, str(DEPLOY / "agent.py")]
        else:
            argv = [
                sys.executable,
                "-m",
                "plivo_agentstack.agent.asgi_serving",
                "agent:app",
                "--port",
                str(self.port),
            ]
        self.runs += 1
        env = {
            **os.environ,
            "PYTHONPATH": str(DEPLOY),
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WORKER_NAME": self.name,
            "DRAIN_TIMEOUT": str(self.drain_timeout),
            "PYTHONUNBUFFERED": "1",
        }
        with self.log_path.open("wb") as log:  # the child keeps its own descriptor
            self.process = subprocess.Popen(
                argv, cwd=self.workdir, env=env, stdout=subprocess.DEVNULL, stderr=log
            )

    @property
    def log_path(self) -> Path:
        """This run's log file."""
        return self.workdir / f"{self.name}-{self.runs}.log"

    def log(self) -> str:
        """This run's log so far."""
        return self.log_path.read_text(errors="replace")

    async def readiness(self) -> int | None:
        """The status of this worker's own ``/readyz``, or None if nothing listens."""
        try:
            async with httpx.AsyncClient(timeout=5) as http:
                return (await http.get(f"http://127.0.0.1:{self.port}/readyz")).status_code
        except httpx.TransportError:
            return None

    async def wait_ready(self) -> None:
        """Wait until ``/readyz`` answers 200."""
        deadline = time.monotonic() + STEP_TIMEOUT
        while await self.readiness() != 200:
            assert self.process is not None
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker {self.name} did not start:\n{self.log()}")
            await asyncio.sleep(0.05)

    def terminate(self) -> None:
        """Send SIGTERM (a rolling restart's stop)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)

    async def wait_exit(self, timeout: float) -> int:
        """Wait for the process to exit; its return code."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise RuntimeError(f"worker {self.name} still running after {timeout} s")
            await asyncio.sleep(0.05)
        return int(self.process.returncode)

    def kill(self) -> None:
        """Kill the process if it still runs."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def nginx_config(workdir: Path, listen: int, upstreams: tuple[int, int]) -> Path:
    """The guide's ``nginx.conf`` with this run's addresses, wrapped in a main config that
    runs nginx in the foreground with every file under ``workdir``."""
    site = NGINX_CONF.read_text()
    replacements = (
        f"127.0.0.1:{upstreams[0]}",
        f"127.0.0.1:{upstreams[1]}",
        f"listen 127.0.0.1:{listen};",
    )
    for old, new in zip(GUIDE_ADDRESSES, replacements, strict=True):
        if site.count(old) != 1:
            raise AssertionError(f"deploy/nginx.conf should contain {old!r} once")
        site = site.replace(old, new)
    (workdir / "voiceapp.conf").write_text(site)
    main = workdir / "nginx-main.conf"
    temp = workdir / "nginx-temp"
    temp.mkdir(exist_ok=True)
    main.write_text(
        f"""
daemon off;
worker_processes 1;
worker_rlimit_nofile 16384;
error_log {workdir}/nginx-error.log warn;
pid {workdir}/nginx.pid;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {workdir}/voiceapp.conf;
}}
"""
    )
    return main


@attrs.define
class CallRecord:
    """What one simulated call saw."""

    index: int
    workers: set[str] = attrs.field(factory=set)
    answers: int = 0
    close_code: int | None = None
    error: str | None = None
    latencies: list[float] = attrs.field(factory=list)
    sent: list[float] = attrs.field(factory=list)  # when each tool call was sent (monotonic)
    started: float = 0.0

    @property
    def completed(self) -> bool:
        """Every tool call answered and a normal close after ``session.ended``."""
        return self.error is None and self.close_code == 1000


async def conversation(
    url: str, record: CallRecord, turns: int, gap: float, delay: float = 0.0
) -> None:
    """One call, ``delay`` s from now: ``session.started``, ``turns`` tool calls ``gap`` s
    apart, ``session.ended``."""
    await asyncio.sleep(delay)
    record.started = time.monotonic()
    try:
        async with connect(url, compression=None, open_timeout=STEP_TIMEOUT) as ws:
            await ws.send(json.dumps({"type": "session.started", "call_id": f"c{record.index}"}))
            for turn in range(turns):
                if turn:
                    await asyncio.sleep(gap * random.uniform(0.5, 1.5))
                sent = time.perf_counter()
                record.sent.append(time.monotonic())
                await ws.send(
                    json.dumps(
                        {
                            "type": "tool.called",
                            "id": f"t{turn}",
                            "name": "lookup_order",
                            "arguments": {"order_id": f"{record.index}-{turn}"},
                        }
                    )
                )
                answer = json.loads(await asyncio.wait_for(ws.recv(), STEP_TIMEOUT))
                record.latencies.append(time.perf_counter() - sent)
                result = answer.get("result") or {}
                if answer.get("type") != "tool.result" or answer.get("id") != f"t{turn}":
                    raise AssertionError(f"unexpected answer {answer}")
                if result.get("order_id") != f"{record.index}-{turn}":
                    raise AssertionError(f"answer for another order: {answer}")
                record.workers.add(str(result.get("worker")))
                record.answers += 1
            await ws.send(json.dumps({"type": "session.ended", "reason": "hangup"}))
            with contextlib.suppress(ConnectionClosed):
                extra = await asyncio.wait_for(ws.recv(), STEP_TIMEOUT)
                raise AssertionError(f"a message after session.ended: {extra!r}")
        record.close_code = ws.close_code
    except Exception as exc:  # noqa: BLE001 - any failure is a dropped call, with its reason
        record.error = f"{type(exc).__name__}: {exc}"


@attrs.define
class Report:
    """The outcome of a rolling restart."""

    calls: list[CallRecord]
    during_drain: dict[str, list[CallRecord]]  # worker draining -> the calls started meanwhile
    readiness: dict[str, list[int | None]]  # worker -> /readyz before, draining, after restart
    exit_codes: dict[str, int]
    logs: dict[str, str]
    seconds: float

    @property
    def dropped(self) -> list[CallRecord]:
        """The calls that did not complete."""
        return [call for call in self.calls if not call.completed]

    def latency_percentile(self, fraction: float) -> float:
        """A percentile of every tool call's round trip, in seconds."""
        values = sorted(value for call in self.calls for value in call.latencies)
        return values[min(len(values) - 1, int(fraction * len(values)))] if values else 0.0


@contextlib.asynccontextmanager
async def fleet(drain_timeout: float) -> AsyncIterator[tuple[dict[str, Worker], str]]:
    """Start nginx and the two workers; yield them and nginx's ``ws://`` URL."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    with tempfile.TemporaryDirectory(prefix="rolling-") as tmp:
        workdir = Path(tmp)
        workers = {
            "a": Worker("a", "standalone", free_port(), workdir, drain_timeout),
            "b": Worker("b", "uvicorn", free_port(), workdir, drain_timeout),
        }
        listen = free_port()
        config = nginx_config(workdir, listen, (workers["a"].port, workers["b"].port))
        nginx = subprocess.Popen(
            [binary, "-p", str(workdir), "-c", str(config), "-e", str(workdir / "nginx.err")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            for worker in workers.values():
                worker.start()
            for worker in workers.values():
                await worker.wait_ready()
            await _wait_listening(listen, nginx)
            yield workers, f"ws://127.0.0.1:{listen}/"
        finally:
            for worker in workers.values():
                worker.kill()
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(10)
            except subprocess.TimeoutExpired:
                nginx.kill()
                nginx.wait()
            if nginx.stderr is not None:
                nginx.stderr.close()


async def _wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if process.poll() is not None:
                stderr = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"nginx exited: {stderr}") from None
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not start listening") from None
            await asyncio.sleep(0.05)
        else:
            writer.close()
            return


async def rolling_restart(
    calls: int = 200, turns: int = 8, gap: float = 0.5, drain_timeout: float = 120.0
) -> Report:
    """Run the scenario of this module; ``calls`` in progress at each worker's SIGTERM."""
    began = time.monotonic()
    records: list[CallRecord] = []
    tasks: list[asyncio.Task[None]] = []
    during: dict[str, list[CallRecord]] = {}
    readiness: dict[str, list[int | None]] = {}
    exits: dict[str, int] = {}
    logs: dict[str, str] = {}

    def start_calls(count: int, url: str, turns: int) -> list[CallRecord]:
        """Start ``count`` calls, spread over ``RAMP_RATE``: a load balancer's usual arrivals."""
        batch = [CallRecord(len(records) + offset) for offset in range(count)]
        records.extend(batch)
        spread = count / RAMP_RATE
        tasks.extend(
            asyncio.create_task(conversation(url, r, turns, gap, random.uniform(0, spread)))
            for r in batch
        )
        return batch

    async def in_progress(batch: list[CallRecord]) -> None:
        """Wait until every call of ``batch`` has had its first answer (or failed)."""
        deadline = time.monotonic() + STEP_TIMEOUT
        while any(r.answers == 0 and r.error is None for r in batch):
            if time.monotonic() > deadline:
                return
            await asyncio.sleep(0.05)

    async with fleet(drain_timeout) as (workers, url):
        for name in ("a", "b"):
            worker = workers[name]
            batch = start_calls(calls, url, turns)
            await in_progress(batch)
            seen = [await worker.readiness()]
            worker.terminate()
            for _ in range(100):  # the signal is handled within a loop turn
                if await worker.readiness() != 200:
                    break
                await asyncio.sleep(0.02)
            seen.append(await worker.readiness())
            # New calls while it drains: short ones, which must all land on the other worker.
            during[name] = start_calls(max(10, calls // 10), url, 2)
            exits[name] = await worker.wait_exit(drain_timeout + STEP_TIMEOUT)
            logs[name] = worker.log()
            seen.append(await worker.readiness())
            worker.start()
            await worker.wait_ready()
            seen.append(await worker.readiness())
            readiness[name] = seen
        await asyncio.wait_for(asyncio.gather(*tasks), drain_timeout + STEP_TIMEOUT)
    return Report(records, during, readiness, exits, logs, time.monotonic() - began)
