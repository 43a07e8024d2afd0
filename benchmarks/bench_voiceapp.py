"""VoiceApp WebSocket server cost: CPU and instructions per media event, memory per idle call.

Every server runs in its own process, so its CPU time and RSS are its own; the load comes from a
separate load-generator process (a ``websockets`` client, ``compression=None``).

- CPU (``ws:cpu:async``, ``ws:cpu:sync``): a bare ``websockets`` + ``json`` echo server (the
  baseline), VoiceApp with an ``async def`` media handler and VoiceApp with a plain ``def`` one
  each echo ``media`` frames as ``playAudio``. The load generator opens ``calls`` concurrent
  calls; each sends ``frames`` realistic 20 ms u-law frames one at a time, reading every echo
  before the next send, then closes. A warm-up round on the same server comes first (so thread
  pools and caches are in their steady state). The server reports its own user+sys CPU
  (``getrusage``, all threads) from the first measured connection to the last close; divided by
  the events. Servers run round-robin over the repeats (rotating start); medians are compared.
- Instructions (``ws:instructions:async``, ``ws:instructions:sync``, and a details line on the
  CPU rows): the same servers and load generator, after the CPU rounds, with only the server
  counted: by ``perf stat -e instructions:u`` where the PMU is available, else under
  ``valgrind --tool=callgrind``. Each server runs twice, with ``instr_calls`` calls of each of
  the two ``instr_frames`` counts; the difference of the two totals over the difference of the
  events is the cost per event (start-up, imports, warm-up and connection set-up cancel out).
  Instructions per event repeat within ~2% whatever else the machine does; the budgets are the CPU
  ones, applied to the instruction ratio.
- OpenTelemetry (``ws:instructions:async-otel``, ``ws:instructions:sync-otel``): the same
  instruction counts for the VoiceApp servers with OpenTelemetry configured (SDK tracer and
  meter providers: a span per call and per handler run, exported in batches to an exporter that
  discards them; metrics aggregated for an in-memory reader). No budget: the rows report what
  tracing every media event costs. Without a configured provider the ``ws:*:async``/``sync``
  rows are the cost (the SDK does not import opentelemetry).
- Memory (``ws:memory``): RSS of a VoiceApp server before and after 1,000 idle calls (each sent
  ``session.started`` and read the greeting that ``on_setup`` speaks), against a bare
  ``websockets`` server that answers the same frame; the budget is the per-call difference.

Also a tool: ``python benchmarks/bench_voiceapp.py profile {baseline,async,sync}`` runs one CPU
round with cProfile in the server process and prints where the time goes per event, and
``python benchmarks/bench_voiceapp.py callgrind {baseline,async,sync} ...`` measures instructions
per event under callgrind, and ``python benchmarks/bench_voiceapp.py inprocess`` the VoiceApp's
own cost per event with the frames read from memory (no sockets; precise, for comparing changes).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import gc
import json
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import REPO_ROOT, Result, child_process, ensure_importable, median, select

NAMES = [
    "ws:cpu:async",
    "ws:cpu:sync",
    "ws:instructions:async",
    "ws:instructions:sync",
    "ws:instructions:async-otel",
    "ws:instructions:sync-otel",
    "ws:memory",
]
KINDS = ["async", "sync"]
OTEL_KINDS = ["async-otel", "sync-otel"]  # instruction counts only, reported without a budget
CPU_BUDGETS = {"async": 1.2, "sync": 1.5, "async-otel": math.inf, "sync-otel": math.inf}
MEMORY_BUDGET = 64 * 1024  # bytes per idle call beyond what the bare websocket costs
SCRIPT = Path(__file__).resolve()
HOST = "127.0.0.1"
CONTENT_TYPE = "audio/x-mulaw"
SAMPLE_RATE = 8000
CHUNK = 160  # bytes of 8 kHz u-law in 20 ms: 216 base64 characters
GREETING = "Hello! How can I help you today?"
CONNECT_CONCURRENCY = 50  # handshakes in flight at once (the listen backlog is 100)
LABELS = {
    "baseline": "bare websockets",
    "async": "VoiceApp async",
    "sync": "VoiceApp sync",
    "async-otel": "VoiceApp async + OpenTelemetry",
    "sync-otel": "VoiceApp sync + OpenTelemetry",
}
INSTR_WARMUP_FRAMES = 5  # per call, in the warm-up round of an instruction-count run
INSTR_TIMEOUT = 180.0  # seconds for one instruction-count run (~30 s under callgrind here)


@dataclass(frozen=True)
class Settings:
    """How much to run: CPU calls/frames/repeats and the memory calls/repeats."""

    calls: int  # per load-generator process
    procs: int  # load-generator processes
    frames: int
    warmup_frames: int
    repeats: int
    idle_calls: int
    memory_repeats: int
    instr_calls: int = 10  # calls in each instruction-count run
    instr_frames: tuple[int, int] = (20, 220)  # frames per call in the two runs of a server


FULL = Settings(
    calls=100, procs=1, frames=500, warmup_frames=20, repeats=7, idle_calls=1000, memory_repeats=3
)
QUICK = Settings(
    calls=50,
    procs=1,
    frames=200,
    warmup_frames=10,
    repeats=3,
    idle_calls=500,
    memory_repeats=1,
    instr_frames=(10, 60),
)


# --- shared helpers --------------------------------------------------------------------------


def media_frames(count: int) -> tuple[list[str], list[str]]:
    """``count`` inbound ``media`` frames as Plivo documents them, and their payloads.

    The format (``CONTENT_TYPE`` at ``SAMPLE_RATE``) is the stream's, not repeated per frame.
    """
    rng = random.Random(8000)
    frames, payloads = [], []
    for i in range(count):
        payload = base64.b64encode(rng.randbytes(CHUNK)).decode("ascii")
        frame = {
            "event": "media",
            "sequenceNumber": i + 1,
            "streamId": "bench-stream",
            "media": {
                "track": "inbound",
                "timestamp": str(1764142080000 + 20 * i),
                "chunk": i + 1,
                "payload": payload,
            },
        }
        frames.append(json.dumps(frame))
        payloads.append(payload)
    return frames, payloads


def session_started(index: int) -> str:
    """The ``session.started`` frame that opens call ``index``."""
    return json.dumps(
        {
            "type": "session.started",
            "agent_session_id": f"3f2c9a1e-8b7d-4c6a-9e5f-{index:012d}",
            "call_id": f"b8a4c1d2-0000-4000-8000-{index:012d}",
            "caller": "+14155550100",
            "callee": "+14155550199",
            "agent_id": "3f2c9a1e-8b7d-4c6a-9e5f-0a1b2c3d4e5f",
            "audio_format": "mulaw",
            "sample_rate": SAMPLE_RATE,
            "channels": 1,
            "frame_size_ms": 20,
        }
    )


def raise_fd_limit(need: int) -> None:
    """Raise the soft RLIMIT_NOFILE to ``need`` (capped by the hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = need if hard == resource.RLIM_INFINITY else min(need, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def rss_bytes() -> int:
    """Resident set size of this process."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: peak RSS is the best portable figure
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


def _usage() -> tuple[float, float, int, int]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime, r.ru_stime, r.ru_nvcsw, r.ru_nivcsw


def _expect(stream: Any, prefix: str) -> list[str]:
    line = stream.readline()
    if not line.startswith(prefix):
        raise RuntimeError(f"expected {prefix!r} from a benchmark process, got {line!r}")
    return str(line).split()[1:]


async def _stdin_lines() -> Any:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        yield line.strip()


# --- CPU: server process ---------------------------------------------------------------------


class Window:
    """Counts connections; samples CPU at the first measured open and at the last close."""

    def __init__(self, warmup_calls: int, calls: int, profile: str | None) -> None:
        self.warmup_calls = warmup_calls
        self.calls = calls
        self.opens = 0
        self.closes = 0
        self.start: tuple[float, tuple[float, float, int, int]] | None = None
        self.done: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self.profile = profile
        self.profilers: list[Any] = []
        self.profiling = False

    def opened(self) -> None:
        """A connection opened."""
        self.opens += 1
        if self.opens == self.warmup_calls + 1:
            self.start = (time.perf_counter(), _usage())
            if self.profile:
                import cProfile

                self.profilers.append(cProfile.Profile(time.thread_time))
                self.profiling = True
                self.profilers[0].enable()

    def closed(self) -> None:
        """A connection closed."""
        self.closes += 1
        if self.closes != self.warmup_calls + self.calls or self.start is None:
            return
        if self.profile:
            self.profiling = False
            self.profilers[0].disable()
        end = (time.perf_counter(), _usage())
        (t0, (u0, s0, v0, i0)), (t1, (u1, s1, v1, i1)) = self.start, end
        if self.profile:
            self._dump(self.profile)
        self.done.set_result(f"CPU {u1 - u0} {s1 - s0} {t1 - t0} {v1 - v0} {i1 - i0}")

    def thread_profiler(self) -> None:
        """Profile the calling worker thread from now on (profile mode, sync handler)."""
        if self.profiling and not hasattr(_local, "profiler"):
            import cProfile

            _local.profiler = cProfile.Profile(time.thread_time)
            self.profilers.append(_local.profiler)
            _local.profiler.enable()

    def _dump(self, path: str) -> None:
        import pstats

        stats = pstats.Stats(self.profilers[0])
        for profiler in self.profilers[1:]:
            # A worker's profiler is still enabled in its (idle) thread; snapshot only what
            # completed, without create_stats() flushing its pending wait with our clock.
            profiler.snapshot_stats()
            stats.add(_Snapshot(profiler.stats))  # type: ignore[arg-type]
        stats.dump_stats(path)


_local = threading.local()


@dataclass
class _Snapshot:
    """Already collected profile stats, in the shape ``pstats.Stats.add`` accepts."""

    stats: dict[Any, Any]

    def create_stats(self) -> None:
        """Nothing to collect: ``stats`` is final."""


async def serve_cpu(kind: str, warmup_calls: int, calls: int, profile: str | None) -> None:
    """Serve echo calls until the measured ones are closed; print ``PORT`` then ``CPU ...``."""
    raise_fd_limit(warmup_calls + calls + 256)
    window = Window(warmup_calls, calls, profile)
    if kind == "baseline":
        from websockets.asyncio.server import serve

        async def echo(ws: Any) -> None:
            window.opened()
            try:
                async for message in ws:
                    data = json.loads(message)
                    await ws.send(
                        json.dumps(
                            {
                                "event": "playAudio",
                                "media": {
                                    "contentType": CONTENT_TYPE,
                                    "sampleRate": SAMPLE_RATE,
                                    "payload": data["media"]["payload"],
                                },
                            }
                        )
                    )
            finally:
                window.closed()

        async with serve(echo, HOST, 0, compression=None) as server:
            print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
            print(await window.done, flush=True)
        return

    ensure_importable()
    from plivo_agentstack.agent import VoiceApp

    if kind.endswith("-otel"):
        configure_otel()
        kind = kind.removesuffix("-otel")
    app = VoiceApp()

    @app.on_connect
    async def connected(session: Any) -> None:
        window.opened()

    @app.on_disconnect
    async def disconnected(session: Any) -> None:
        window.closed()

    if kind == "async":

        @app.on("media")
        async def echo_async(session: Any, event: Any) -> None:
            session.send_media(event.payload)

    elif profile:

        @app.on("media")
        def echo_sync_profiled(session: Any, event: Any) -> None:
            window.thread_profiler()
            session.send_media(event.payload)

    else:

        @app.on("media")
        def echo_sync(session: Any, event: Any) -> None:
            session.send_media(event.payload)

    async with app.serving(HOST, 0) as server:
        print(f"PORT {server.port}", flush=True)
        print(await window.done, flush=True)


def configure_otel() -> None:
    """Set OpenTelemetry SDK providers: spans batched to an exporter that drops them, metrics
    aggregated for an in-memory reader (what a service exporting with OTLP pays, minus I/O)."""
    from opentelemetry import metrics, trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class Discard(SpanExporter):
        def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(Discard()))
    trace.set_tracer_provider(tracer_provider)
    metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))


# --- CPU: load generator ---------------------------------------------------------------------


async def load(port: int, calls: int, frames: int, warmup_frames: int) -> None:
    """Warm-up round; ``WARM``; on ``go`` the measured round; ``LOAD <echoes> <wall seconds>``."""
    from websockets.asyncio.client import connect

    raise_fd_limit(calls + 256)
    url = f"ws://{HOST}:{port}"
    messages, payloads = media_frames(max(frames, warmup_frames))
    semaphore = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def call(count: int) -> int:
        async with semaphore:
            ws = await connect(url, compression=None, open_timeout=60)
        async with ws:
            for i in range(count):
                await ws.send(messages[i])
                reply = await ws.recv()
                if payloads[i] not in reply:
                    raise RuntimeError(f"unexpected echo: {reply[:200]!r}")
        return count

    await asyncio.gather(*(call(warmup_frames) for _ in range(calls)))
    print("WARM", flush=True)
    async for line in _stdin_lines():
        if line == "go":
            break
    started = time.perf_counter()
    echoes = sum(await asyncio.gather(*(call(frames) for _ in range(calls))))
    print(f"LOAD {echoes} {time.perf_counter() - started}", flush=True)


# --- CPU: orchestration ----------------------------------------------------------------------


@dataclass
class CpuSample:
    """One server's measured round: CPU seconds, wall seconds, context switches, events."""

    user: float
    sys: float
    wall: float
    voluntary: int
    involuntary: int
    events: int

    @property
    def per_event(self) -> float:
        """CPU seconds (user+sys) per event."""
        return (self.user + self.sys) / self.events


def _process(
    args: list[str], prefix: Sequence[str] = (), **kwargs: Any
) -> contextlib.AbstractContextManager[subprocess.Popen[str]]:
    """This script as a child process (``prefix``: e.g. valgrind) with its stdout piped."""
    argv = [*prefix, sys.executable, str(SCRIPT), *args]
    return child_process(argv, stdout=subprocess.PIPE, **kwargs)


def drive_load(
    port: str,
    calls: int,
    frames: int,
    warmup_frames: int,
    *,
    procs: int = 1,
    settle: float = 0.3,
    timeout: float = 300,
    started: Callable[[subprocess.Popen[str]], object] | None = None,
) -> int:
    """Run the load processes: warm-up round, ``go`` after ``settle`` s, measured round; echoes."""
    args = ["load", port, "--calls", str(calls), "--frames", str(frames)]
    args += ["--warmup-frames", str(warmup_frames)]
    with contextlib.ExitStack() as stack:
        clients = [stack.enter_context(_process(args, stdin=subprocess.PIPE)) for _ in range(procs)]
        if started is not None:
            for client in clients:
                started(client)
        for client in clients:
            _expect(client.stdout, "WARM")
        time.sleep(settle)  # the server finishes closing the warm-up calls
        for client in clients:
            assert client.stdin is not None
            client.stdin.write("go\n")
            client.stdin.flush()
        echoes = 0
        for client in clients:
            assert client.stdin is not None
            echoes += int(_expect(client.stdout, "LOAD ")[0])
            client.stdin.close()
            if client.wait(timeout=timeout) != 0:
                raise RuntimeError("a load generator failed")
    return echoes


def cpu_round(kind: str, settings: Settings, profile: str | None = None) -> CpuSample:
    """Start the ``kind`` server, drive one warm-up and one measured round, return its CPU."""
    extra = ["--profile", profile] if profile else []
    total = settings.calls * settings.procs
    with _process(["serve", kind, "--calls", str(total), *extra]) as server:
        assert server.stdout is not None
        (port,) = _expect(server.stdout, "PORT ")
        echoes = drive_load(
            port, settings.calls, settings.frames, settings.warmup_frames, procs=settings.procs
        )
        user, system, wall, voluntary, involuntary = _expect(server.stdout, "CPU ")
        server.wait(timeout=30)
    expected = total * settings.frames
    if echoes != expected:
        raise RuntimeError(f"{kind}: {echoes} echoes, expected {expected}")
    return CpuSample(
        float(user), float(system), float(wall), int(voluntary), int(involuntary), expected
    )


def perf_instructions() -> str:
    """Why ``perf stat -e instructions:u`` cannot count instructions here, or '' if it can."""
    try:
        out = subprocess.run(
            ["perf", "stat", "-x,", "-e", "instructions:u", "true"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return "perf is not installed"
    if out.returncode != 0 or "<not supported>" in out.stderr or "<not counted>" in out.stderr:
        return "`perf stat -e instructions` is <not supported> here (no hardware PMU in this VM)"
    return ""


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:.1f}"


def run_cpu(kinds: Sequence[str], settings: Settings) -> list[Result]:
    """Round-robin rounds of the baseline and the selected VoiceApp servers; one row each."""
    servers = ["baseline", *kinds]
    samples: dict[str, list[CpuSample]] = {kind: [] for kind in servers}
    for i in range(settings.repeats):
        order = servers[i % len(servers) :] + servers[: i % len(servers)]
        for kind in order:
            samples[kind].append(cpu_round(kind, settings))
    base = samples["baseline"]
    results = []
    for kind in kinds:
        mine = samples[kind]
        paired = sorted(m.per_event / b.per_event for m, b in zip(mine, base, strict=True))
        result = Result(
            name=f"ws:cpu:{kind}",
            baseline_label="bare websockets",
            baseline=median(s.per_event for s in base),
            sdk=median(s.per_event for s in mine),
            kind="ratio",
            budget=CPU_BUDGETS[kind],
            unit="us",
        )
        result.details.append(
            f"{settings.repeats} rounds/server (round-robin) x {settings.procs * settings.calls} "
            f"calls ({settings.procs} load process(es)) x {settings.frames} frames = "
            f"{mine[0].events} events per round; server CPU per event "
            f"{LABELS[kind]} {_us(min(s.per_event for s in mine))}.."
            f"{_us(max(s.per_event for s in mine))} us, bare "
            f"{_us(min(s.per_event for s in base))}..{_us(max(s.per_event for s in base))} us; "
            f"per-round ratio {paired[0]:.3f}..{paired[-1]:.3f} (median {median(paired):.3f})"
        )
        for label, group in ((LABELS[kind], mine), ("bare", base)):
            result.details.append(
                f"{label}: per event (medians) user {_us(median(s.user / s.events for s in group))}"
                f" us + sys {_us(median(s.sys / s.events for s in group))} us; context switches "
                f"{median(s.voluntary / s.events for s in group):.2f} voluntary + "
                f"{median(s.involuntary / s.events for s in group):.2f} involuntary; "
                f"round wall {median(s.wall for s in group):.2f} s"
            )
        results.append(result)
    return results


# --- instructions per event ------------------------------------------------------------------


@dataclass(frozen=True)
class Counter:
    """A tool that counts the instructions of the process it runs, and how to read its total."""

    name: str
    prefix: tuple[str, ...]  # the command line before ``python bench_voiceapp.py serve ...``
    total: str  # regular expression over the tool's stderr; group 1 is the total


PERF = Counter(
    "perf stat", ("perf", "stat", "-x,", "-e", "instructions:u", "--"), r"^(\d+),[^,]*,instructions"
)
CALLGRIND = Counter(
    "callgrind",
    ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
    r"Collected : (\d+)",
)


def instruction_counter() -> tuple[Counter | None, str]:
    """``perf stat`` if it counts here, else callgrind if valgrind is installed; else why not."""
    perf = perf_instructions()
    if not perf:
        return PERF, ""
    if shutil.which("valgrind"):
        return CALLGRIND, ""
    return None, f"{perf}, and valgrind is not on PATH"


class _Deadline:
    """Kills the registered processes once ``seconds`` have passed (a blocked read sees EOF)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.procs: list[subprocess.Popen[str]] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def _expire(self) -> None:
        self.expired = True
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _tail(text: str, lines: int = 3) -> str:
    kept = [line.strip() for line in text.splitlines() if re.sub(r"^==\d+==", "", line).strip()]
    return " | ".join(kept[-lines:])


def count_instructions(
    counter: Counter, kind: str, calls: int, frames: int, timeout: float = INSTR_TIMEOUT
) -> int:
    """Instructions of a whole ``kind`` server run (start-up to exit) serving one CPU round."""
    with (
        tempfile.TemporaryFile("w+") as stderr,
        _Deadline(timeout) as deadline,
        contextlib.ExitStack() as stack,
    ):
        try:
            server = stack.enter_context(
                _process(
                    ["serve", kind, "--calls", str(calls)],
                    prefix=counter.prefix,
                    stderr=stderr,
                    env={**os.environ, "PYTHONHASHSEED": "0"},  # one less source of variation
                )
            )
            deadline.procs.append(server)
            assert server.stdout is not None
            (port,) = _expect(server.stdout, "PORT ")
            echoes = drive_load(
                port,
                calls,
                frames,
                INSTR_WARMUP_FRAMES,
                settle=1.0,  # the (slowed-down) server finishes closing the warm-up calls
                timeout=timeout,
                started=deadline.procs.append,
            )
            _expect(server.stdout, "CPU ")
            if server.wait(timeout=timeout) != 0:
                raise RuntimeError(f"the server exited with status {server.returncode}")
        except (OSError, RuntimeError, ValueError, subprocess.SubprocessError) as exc:
            stderr.seek(0)
            why = f"timed out after {timeout:.0f} s" if deadline.expired else str(exc)
            raise RuntimeError(f"{why}; {counter.name} stderr: {_tail(stderr.read())}") from exc
        stderr.seek(0)
        output = stderr.read()
    if echoes != calls * frames:
        raise RuntimeError(f"{echoes} echoes, expected {calls * frames}")
    found = re.search(counter.total, output, re.MULTILINE)
    if not found:
        raise RuntimeError(f"no instruction total in the {counter.name} output: {_tail(output)}")
    return int(found.group(1))


@dataclass
class Instructions:
    """Instructions per event of each server (or why there is none), from one set of runs."""

    counter: str  # the tool's name, or '' when nothing can count instructions here
    calls: int
    frames: tuple[int, int]
    totals: dict[str, tuple[int, int]]  # server -> whole-run totals at the two frame counts
    failures: dict[str, str]  # server -> why it has no figure
    seconds: float
    quick: bool

    def per_event(self, kind: str) -> float | None:
        """Instructions per event of the ``kind`` server: the difference of its two runs."""
        if kind not in self.totals:
            return None
        small, large = self.totals[kind]
        return (large - small) / (self.calls * (self.frames[1] - self.frames[0]))

    def why_not(self, kind: str) -> str:
        """Why the ratio of ``kind`` to the baseline is missing, or ''."""
        return "; ".join(
            f"{LABELS[k]}: {self.failures[k]}" for k in ("baseline", kind) if k in self.failures
        )

    def summary(self, kind: str) -> str:
        """The details line of the ``ws:cpu:{kind}`` row."""
        if not self.counter:
            return f"instructions per event: not reported, {self.failures['baseline']}"
        mine, base = self.per_event(kind), self.per_event("baseline")
        if mine is None or base is None:
            return f"instructions per event ({self.counter}): not measured, {self.why_not(kind)}"
        return (
            f"instructions per event ({self.counter}): {LABELS[kind]} {mine / 1e3:.1f}k vs bare "
            f"{base / 1e3:.1f}k = {mine / base:.3f}x"
        )

    def row(self, kind: str) -> Result:
        """The ``ws:instructions:{kind}`` row (no figures, one error, when measuring failed)."""
        mine, base = self.per_event(kind), self.per_event("baseline")
        result = Result(
            name=f"ws:instructions:{kind}",
            baseline_label=f"bare websockets ({self.counter})",
            baseline=math.nan if base is None else base,
            sdk=math.nan if mine is None else mine,
            kind="ratio",
            budget=CPU_BUDGETS[kind],
            unit="kinstr",
            errors=1 if mine is None or base is None else None,
        )
        low, high = self.frames
        if kind in OTEL_KINDS:
            result.details.append(
                f"no budget: the cost of OpenTelemetry configured (SDK providers; a span per call "
                f"and per handler run, batched to a discarding exporter; metrics to an in-memory "
                f"reader), per inbound media event ({self.counter})"
            )
        else:
            result.details.append(
                f"instruction ratio, not CPU time: the budget is the ws:cpu:{kind} one applied "
                f"to server instructions per inbound media event ({self.counter}; repeatable to "
                "~2%)"
            )
        result.details.append(
            f"each server run twice under {self.counter} (load generator not counted): "
            f"{self.calls} calls x {high} frames minus {self.calls} calls x {low} frames = "
            f"{self.calls * (high - low)} events"
            + (" (quick: fewer frames)" if self.quick else "")
            + "".join(
                f"; {LABELS[k]} whole-run totals {self.totals[k][0]:,} / {self.totals[k][1]:,}"
                for k in ("baseline", kind)
                if k in self.totals
            )
            + f"; all the servers' runs took {self.seconds:.0f} s"
        )
        if result.errors:
            result.details.append(f"not measured: {self.why_not(kind)}")
        return result


def measure_instructions(
    servers: Sequence[str],
    calls: int,
    frames: tuple[int, int],
    quick: bool = False,
    counter: Counter | None = None,
) -> Instructions:
    """Count each server at both frame counts, a few runs at a time (default counter: the best)."""
    why = ""
    if counter is None:
        counter, why = instruction_counter()
    if counter is None:
        return Instructions("", calls, frames, {}, dict.fromkeys(servers, why), 0.0, quick)
    started = time.perf_counter()
    # The longest runs first. Runs side by side (one per CPU) gave the same figures as one at a
    # time, within the usual spread: a count does not depend on the machine's load.
    jobs = [(kind, count) for count in sorted(frames, reverse=True) for kind in reversed(servers)]
    workers = max(1, min(len(jobs), os.cpu_count() or 1))

    def one(job: tuple[str, int]) -> int | str:
        try:
            return count_instructions(counter, job[0], calls, job[1])
        except Exception as exc:  # reported in the row: one failed run must not stop the rest
            return str(exc) or type(exc).__name__

    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = dict(zip(jobs, pool.map(one, jobs), strict=True))
    totals: dict[str, tuple[int, int]] = {}
    failures: dict[str, str] = {}
    for kind in servers:
        small, large = done[kind, frames[0]], done[kind, frames[1]]
        if isinstance(small, int) and isinstance(large, int):
            totals[kind] = (small, large)
        elif small == large:
            failures[kind] = f"both runs: {small}"
        else:
            failures[kind] = "; ".join(
                f"{count} frames: {x}"
                for count, x in zip(frames, (small, large), strict=True)
                if isinstance(x, str)
            )
    seconds = time.perf_counter() - started
    return Instructions(counter.name, calls, frames, totals, failures, seconds, quick)


# --- memory ----------------------------------------------------------------------------------


async def _control(count: Callable[[], int]) -> None:
    async for line in _stdin_lines():
        if line == "stats":
            gc.collect()
            print(f"STATS {rss_bytes()} {count()} {sys.getallocatedblocks()}", flush=True)
        elif line == "quit":
            return


async def serve_idle(kind: str, max_calls: int) -> None:
    """A server whose calls get one greeting and then idle; answers ``stats`` on stdin."""
    raise_fd_limit(max_calls + 256)
    if kind == "baseline":
        from websockets.asyncio.server import serve

        open_calls = [0]

        async def greet(ws: Any) -> None:
            open_calls[0] += 1
            try:
                async for message in ws:
                    json.loads(message)
                    await ws.send(json.dumps({"type": "agent_session.speak", "text": GREETING}))
            finally:
                open_calls[0] -= 1

        async with serve(greet, HOST, 0, compression=None) as server:
            print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
            await _control(lambda: open_calls[0])
        return

    ensure_importable()
    from plivo_agentstack.agent import VoiceApp

    app = VoiceApp()

    @app.on_setup
    async def setup(session: Any, event: Any) -> None:
        session.speak(GREETING)

    async with app.serving(HOST, 0) as voice:
        print(f"PORT {voice.port}", flush=True)
        await _control(lambda: len(app.calls))


async def idle_client(port: int, calls: int, warmup_calls: int) -> None:
    """Open, greet and close ``warmup_calls``; on ``open`` open ``calls`` and keep them idle."""
    from websockets.asyncio.client import connect

    raise_fd_limit(calls + warmup_calls + 256)
    url = f"ws://{HOST}:{port}"
    semaphore = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def open_call(index: int) -> Any:
        async with semaphore:
            ws = await connect(url, compression=None, open_timeout=60)
            await ws.send(session_started(index))
            reply = json.loads(await ws.recv())
            if reply.get("type") != "agent_session.speak":
                raise RuntimeError(f"unexpected greeting: {reply!r}")
            return ws

    warm = await asyncio.gather(*(open_call(i) for i in range(warmup_calls)))
    await asyncio.gather(*(ws.close() for ws in warm))
    await asyncio.sleep(0.3)  # the server finishes closing the warm-up calls
    print("WARM", flush=True)
    connections: list[Any] = []
    async for line in _stdin_lines():
        if line == "open":
            connections = await asyncio.gather(*(open_call(i) for i in range(calls)))
            print(f"OPEN {len(connections)}", flush=True)
        elif line == "close":
            await asyncio.gather(*(ws.close() for ws in connections))
            print("DONE", flush=True)
            return


@dataclass
class MemorySample:
    """RSS and Python blocks of one server before and after opening the idle calls."""

    rss_before: int
    rss_after: int
    blocks_before: int
    blocks_after: int
    calls: int

    @property
    def per_call(self) -> float:
        """RSS bytes per idle call."""
        return (self.rss_after - self.rss_before) / self.calls


def _stats(server: subprocess.Popen[str]) -> tuple[int, int, int]:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write("stats\n")
    server.stdin.flush()
    rss, count, blocks = _expect(server.stdout, "STATS ")
    return int(rss), int(count), int(blocks)


def memory_round(kind: str, calls: int) -> MemorySample:
    """RSS of the ``kind`` idle server before and after ``calls`` idle calls connect."""
    warmup = 20
    with _process(["idle-server", kind, "--calls", str(calls)], stdin=subprocess.PIPE) as server:
        assert server.stdout is not None and server.stdin is not None
        (port,) = _expect(server.stdout, "PORT ")
        args = ["idle-client", port, "--calls", str(calls), "--warmup-calls", str(warmup)]
        with _process(args, stdin=subprocess.PIPE) as client:
            assert client.stdout is not None and client.stdin is not None
            _expect(client.stdout, "WARM")
            rss_before, count, blocks_before = _stats(server)
            if count:
                raise RuntimeError(f"{kind}: {count} calls still open after the warm-up")
            client.stdin.write("open\n")
            client.stdin.flush()
            _expect(client.stdout, "OPEN ")
            time.sleep(0.2)
            rss_after, count, blocks_after = _stats(server)
            if count != calls:
                raise RuntimeError(f"{kind}: {count} calls open on the server, expected {calls}")
            client.stdin.write("close\n")
            client.stdin.flush()
            _expect(client.stdout, "DONE")
            client.wait(timeout=60)
        server.stdin.write("quit\n")
        server.stdin.flush()
        server.wait(timeout=30)
    return MemorySample(rss_before, rss_after, blocks_before, blocks_after, calls)


def run_memory(settings: Settings) -> Result:
    """Idle-call RSS of VoiceApp against the bare websockets server; one row."""
    samples: dict[str, list[MemorySample]] = {"baseline": [], "voiceapp": []}
    for i in range(settings.memory_repeats):
        order = ["baseline", "voiceapp"] if i % 2 == 0 else ["voiceapp", "baseline"]
        for kind in order:
            samples[kind].append(memory_round(kind, settings.idle_calls))
    base, mine = samples["baseline"], samples["voiceapp"]
    result = Result(
        name="ws:memory",
        baseline_label="bare websockets",
        baseline=median(s.per_call for s in base),
        sdk=median(s.per_call for s in mine),
        kind="delta",
        budget=MEMORY_BUDGET,
        unit="KiB",
    )

    def blocks(group: list[MemorySample]) -> float:
        return median((s.blocks_after - s.blocks_before) / s.calls for s in group)

    def mib(value: float) -> str:
        return f"{value / 2**20:.1f}"

    result.details.append(
        f"{settings.memory_repeats} rounds/server x {settings.idle_calls} idle calls; RSS per "
        f"call VoiceApp {', '.join(f'{s.per_call / 1024:.1f}' for s in mine)} KiB, bare "
        f"{', '.join(f'{s.per_call / 1024:.1f}' for s in base)} KiB; server RSS before -> "
        f"after: VoiceApp {mib(mine[0].rss_before)} -> {mib(mine[0].rss_after)} MiB, bare "
        f"{mib(base[0].rss_before)} -> {mib(base[0].rss_after)} MiB"
    )
    result.details.append(
        f"live Python memory blocks per call: VoiceApp {blocks(mine):.0f}, bare {blocks(base):.0f}"
        f" (+{blocks(mine) - blocks(base):.0f})"
    )
    return result


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Run the selected WebSocket benchmarks."""
    names = select(NAMES, only)
    if not names:
        return []
    settings = QUICK if quick else FULL
    cpu = [kind for kind in KINDS if f"ws:cpu:{kind}" in names]
    instr = [kind for kind in KINDS + OTEL_KINDS if f"ws:instructions:{kind}" in names]
    results = run_cpu(cpu, settings) if cpu else []
    if cpu or instr:  # after the CPU rounds, which these runs would disturb
        counts = measure_instructions(
            ["baseline", *(kind for kind in KINDS + OTEL_KINDS if kind in cpu or kind in instr)],
            settings.instr_calls,
            settings.instr_frames,
            quick,
        )
        for result, kind in zip(results, cpu, strict=True):
            result.details.append(counts.summary(kind))
        if counts.counter:
            results += [counts.row(kind) for kind in instr]
        elif instr:
            print(f"# ws:instructions: not measured, {counts.failures['baseline']}", flush=True)
    if "ws:memory" in names:
        results.append(run_memory(settings))
    return results


# --- profiling tool --------------------------------------------------------------------------


def profile(kind: str, settings: Settings, sort: str, limit: int) -> None:
    """One CPU round of ``kind`` under cProfile (server side); print the top functions."""
    import pstats

    with tempfile.TemporaryDirectory(prefix="plivo-bench-prof-") as tmp:
        path = str(Path(tmp) / "server.prof")
        sample = cpu_round(kind, settings, profile=path)
        stats = pstats.Stats(path)
    events = sample.events
    print(
        f"{LABELS[kind]}: {events} events, profiled server CPU {_us(sample.per_event)} us/event "
        f"(profiler overhead included); cProfile with a per-thread CPU-time timer, threads merged"
    )
    rows = []
    entries: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _) in entries.items():
        rows.append((tottime, cumtime, ncalls, f"{_short(filename)}:{line}({func})"))
    index = {"tottime": 0, "cumtime": 1, "ncalls": 2}[sort]
    rows.sort(key=lambda row: row[index], reverse=True)
    total = sum(row[0] for row in rows)
    print(f"total profiled time {_us(total / events)} us/event (a coroutine's calls: resumptions)")
    print(f"{'tottime us/ev':>13} {'cumtime us/ev':>13} {'calls/ev':>9}  function")
    for tottime, cumtime, ncalls, where in rows[:limit]:
        print(
            f"{tottime / events * 1e6:13.2f} {cumtime / events * 1e6:13.2f} "
            f"{ncalls / events:9.3f}  {where}"
        )


class _MemoryTransport:
    """A call's transport without a socket: ``recv()`` hands out ``count`` media frames."""

    closed_errors: tuple[type[BaseException], ...] = (EOFError,)

    def __init__(self, frames: Sequence[str], count: int) -> None:
        self.frames = frames
        self.count = count
        self.received = 0
        self.sent = 0

    async def recv(self) -> str:
        """The next frame; EOFError (the peer closed) after ``count``."""
        if self.received >= self.count:
            raise EOFError
        self.received += 1
        return self.frames[self.received % len(self.frames)]

    async def send(self, text: str) -> None:
        """Count the message."""
        self.sent += 1

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Nothing to close."""

    def stream(self) -> None:
        """No asyncio transport underneath."""


async def _echo_loop(transport: _MemoryTransport) -> None:
    """The bare server's per-frame work (``json.loads`` + ``json.dumps``) on the same transport."""
    recv, send = transport.recv, transport.send
    while True:
        try:
            message = await recv()
        except EOFError:
            return
        data = json.loads(message)
        media = {"contentType": CONTENT_TYPE, "sampleRate": SAMPLE_RATE}
        media["payload"] = data["media"]["payload"]
        await send(json.dumps({"event": "playAudio", "media": media}))


def inprocess(events: int, repeats: int) -> None:
    """Print the VoiceApp's own cost per media event, with no sockets and no event-loop I/O.

    ``CallRunner.run`` with an async echo handler against the bare echo loop, both reading
    frames from memory; medians of ``repeats`` alternated runs. Repeatable to ~0.3 us where the
    CPU rows spread by microseconds: for comparing changes to the reader's code. A server pays
    more per instruction (its caches are shared with websockets and asyncio), so this is a
    lower bound of what a change moves the ``ws:cpu:async`` row.
    """
    ensure_importable()
    from plivo_agentstack.agent import VoiceApp
    from plivo_agentstack.agent._call import CallRunner

    app = VoiceApp(send_timeout=None)

    @app.on("media")
    async def echo(session: Any, event: Any) -> None:
        session.send_media(event.payload)

    frames, _ = media_frames(500)

    async def measure() -> tuple[float, float]:
        transport = _MemoryTransport(frames, events)
        started = time.perf_counter()
        await _echo_loop(transport)
        bare = (time.perf_counter() - started) / events
        transport = _MemoryTransport(frames, events)
        runner = CallRunner(app.call_limits, app.dispatcher, app.calls, transport)
        started = time.perf_counter()
        await runner.run()
        if transport.sent != events:
            raise RuntimeError(f"VoiceApp sent {transport.sent} messages for {events} frames")
        return bare, (time.perf_counter() - started) / events

    samples = [asyncio.run(measure()) for _ in range(repeats)]
    bare = median(b for b, _ in samples)
    voiceapp = median(v for _, v in samples)
    print(
        f"in-process, {events} media frames x {repeats} runs (medians): bare echo loop "
        f"{bare * 1e9:.0f} ns, VoiceApp async {voiceapp * 1e9:.0f} ns per event; "
        f"VoiceApp's own cost {(voiceapp - bare) * 1e9:.0f} ns per event"
    )


def _short(filename: str) -> str:
    paths = sysconfig.get_paths()
    for prefix in (paths["purelib"], paths["stdlib"], str(REPO_ROOT)):
        if filename.startswith(prefix + os.sep):
            return filename[len(prefix) + 1 :]
    return filename


def callgrind(kinds: Sequence[str], calls: int, frames: tuple[int, int]) -> None:
    """Print instructions per event of the ``kinds`` servers under callgrind (and the ratios)."""
    counts = measure_instructions(kinds, calls, frames, counter=CALLGRIND)
    low, high = frames
    print(
        f"callgrind, server only: {calls} calls x {high} frames minus {calls} calls x {low} "
        f"frames = {calls * (high - low)} events; {len(kinds) * 2} runs in {counts.seconds:.0f} s"
    )
    base = counts.per_event("baseline")
    for kind in kinds:
        mine = counts.per_event(kind)
        if mine is None:
            print(f"{LABELS[kind]}: not measured, {counts.failures[kind]}")
            continue
        small, large = counts.totals[kind]
        ratio = f" = {mine / base:.3f}x bare" if base is not None and kind != "baseline" else ""
        print(
            f"{LABELS[kind]}: {mine / 1e3:.1f}k instructions per event{ratio} "
            f"(whole-run totals {small:,} / {large:,})"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """The subprocess entry points (``serve``, ``load``, ...) and ``profile``, ``callgrind``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    kinds = ["baseline", *KINDS, *OTEL_KINDS]
    p = sub.add_parser("serve", help="a CPU-benchmark echo server (prints PORT, then CPU)")
    p.add_argument("kind", choices=kinds)
    p.add_argument("--calls", type=int, required=True)
    p.add_argument("--profile", help="write a cProfile dump of the measured window here")
    p = sub.add_parser("load", help="the CPU-benchmark load generator")
    p.add_argument("port", type=int)
    p.add_argument("--calls", type=int, required=True)
    p.add_argument("--frames", type=int, required=True)
    p.add_argument("--warmup-frames", type=int, required=True)
    p = sub.add_parser("idle-server", help="a memory-benchmark server (stdin: stats, quit)")
    p.add_argument("kind", choices=["baseline", "voiceapp"])
    p.add_argument("--calls", type=int, required=True)
    p = sub.add_parser("idle-client", help="the memory-benchmark client (stdin: open, close)")
    p.add_argument("port", type=int)
    p.add_argument("--calls", type=int, required=True)
    p.add_argument("--warmup-calls", type=int, required=True)
    p = sub.add_parser("profile", help="profile one server's CPU round with cProfile")
    p.add_argument("kind", choices=kinds)
    p.add_argument("--calls", type=int, default=FULL.calls, help="per load process")
    p.add_argument("--procs", type=int, default=FULL.procs, help="load-generator processes")
    p.add_argument("--frames", type=int, default=FULL.frames)
    p.add_argument("--sort", choices=["tottime", "cumtime", "ncalls"], default="tottime")
    p.add_argument("--limit", type=int, default=30)
    p = sub.add_parser("callgrind", help="instructions per event of servers under callgrind")
    p.add_argument("kinds", nargs="+", choices=kinds, metavar="{" + ",".join(kinds) + "}")
    p.add_argument("--calls", type=int, default=FULL.instr_calls)
    p.add_argument(
        "--frames", type=int, nargs=2, default=FULL.instr_frames, metavar=("LOW", "HIGH")
    )
    p = sub.add_parser("inprocess", help="the VoiceApp's own cost per event, without sockets")
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command == "serve":
        asyncio.run(serve_cpu(args.kind, args.calls, args.calls, args.profile))
    elif args.command == "load":
        asyncio.run(load(args.port, args.calls, args.frames, args.warmup_frames))
    elif args.command == "idle-server":
        asyncio.run(serve_idle(args.kind, args.calls))
    elif args.command == "idle-client":
        asyncio.run(idle_client(args.port, args.calls, args.warmup_calls))
    elif args.command == "inprocess":
        if args.events < 1 or args.repeats < 1:
            parser.error("inprocess needs --events >= 1 and --repeats >= 1")
        inprocess(args.events, args.repeats)
    elif args.command == "callgrind":
        if args.calls < 1 or args.frames[0] == args.frames[1]:
            parser.error("callgrind needs --calls >= 1 and two different --frames counts")
        callgrind(list(dict.fromkeys(args.kinds)), args.calls, tuple(args.frames))
    else:
        settings = Settings(args.calls, args.procs, args.frames, FULL.warmup_frames, 1, 0, 0)
        profile(args.kind, settings, args.sort, args.limit)


if __name__ == "__main__":
    main()
