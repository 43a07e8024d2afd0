"""Scale: 1,000 concurrent simulated calls against one VoiceApp, handler latency and errors.

The agent is ``_scale_app.py`` (greeting, audio-stream and media handlers, a bring-your-own-LLM
prompt handler streaming ``text`` tokens, async tool handlers doing dict lookups, a plain-``def``
keypad handler, turn/end handlers, a plain-``def`` ``on_disconnect`` writing a call record).
It runs in its own process, in two flavours:

- ``scale:standalone``: ``app.serving()`` (the SDK's own websockets server), one process;
- ``scale:uvicorn-2w``: ``app.asgi`` under ``uvicorn --workers 2`` (two worker processes
  sharing the listening socket).

Load comes from separate load-generator processes (a lean ``websockets`` client, no SDK code):
each opens its share of the calls (``session.started`` -> the greeting) and holds them; when
every call is open they all run their conversation concurrently: an audio stream ``start``,
then turns of [media frames at the real 20 ms pace, a partial and a final
``user.transcription`` answered with streamed ``text`` (``last=True`` ends it), two
``tool.called`` answered with ``tool.result``, ``turn.completed``], one ``user.dtmf`` answered
with ``agent_session.speak`` by the sync handler, random think times between events and a
longer pause between turns (the agent speaking), then ``session.ended`` or ``stop`` and the
server's close. Handler latency is measured client-side (``perf_counter``) from just before
sending the event to receiving its answer (for a streamed reply: its last token). Errors are
anything that is not the expected conversation: a failed connect, a missing or wrong answer, an
unexpected message or close, a close code other than 1000, a handler error or any other line the
server writes to stderr, and a server call record (``on_disconnect``) that does not match what
the client sent. Budget: p99 <= 50 ms and 0 errors.

Pace: the caller's audio flows only while the caller speaks (20 frames = 0.4 s per turn), and
the conversations start at random times within about one turn of "go", so the load is steady:
full run 1,000 calls x 4 turns, ~104,000 events in ~29 s (~3,600 events/s, of which ~2,800
media frames/s) and ~450 answers/s; ``--quick`` 200 calls x 2 turns. (Every call streaming
50 frames/s all along would be 50,000 frames/s: more than this 2-core machine can serve and
generate.) Under uvicorn ``--workers`` the accepted sockets would keep Nagle's algorithm on
(uvicorn makes that listening socket without ``IPPROTO_TCP``); the ASGI app sets
``TCP_NODELAY`` on each call's socket, else the multi-message streamed reply waits ~40 ms.

Why not ``plivo_agentstack.testing.CallSimulator``: it holds 1,000 calls in one process, but
over a URL it waits for 50 ms of quiet after every step (``settle``), so it cannot time one
answer, and it records and checks a transcript: ~210-250 us of client CPU per event sent
(measured with 1,000 calls x 12 events), about 3x what the server spends per event here, which
this 2-core machine cannot afford at ~3,600 events/s. The lean client sends the same frames and
checks every message it receives.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import Result, child_process, ensure_importable, select
from bench_voiceapp import media_frames, raise_fd_limit

NAMES = ["scale:standalone", "scale:uvicorn-2w"]
BUDGET = 0.050  # p99 handler latency, seconds
SCRIPT = Path(__file__).resolve()
BENCH_DIR = SCRIPT.parent
HOST = "127.0.0.1"
CONNECT_CONCURRENCY = 25  # handshakes in flight per load process (the listen backlog is 100)
ANSWER_TIMEOUT = 10.0  # seconds for an answer (or the server's close) before it is an error
FRAME_PERIOD = 0.020  # seconds of audio per media frame
UVICORN_WORKERS = 2
WINDOW = 5.0  # seconds per slice in the p99-over-time detail line
LABELS = {
    "tool": "tool.called -> tool.result (async)",
    "prompt": "user.transcription -> text last (async)",
    "dtmf": "user.dtmf -> speak (sync)",
}
UTTERANCES = (
    "I'd like to check on my order please",
    "Can I book an appointment for next week",
    "What are your opening hours",
    "Where is my order, it has not arrived",
)


@dataclass(frozen=True)
class Settings:
    """The size and pace of a run."""

    calls: int  # concurrent calls in total
    procs: int  # load-generator processes (the calls are split between them)
    turns: int  # conversation turns per call
    frames: int  # media frames (20 ms each) per caller utterance
    think: tuple[float, float]  # seconds between the events of a turn (uniform)
    listen: tuple[float, float]  # seconds between turns: the agent speaking (uniform)
    spread: float  # conversations start within this many seconds of "go" (about one turn)
    warmup_calls: int  # short unmeasured calls per load process before the measured ones


FULL = Settings(
    calls=1000,
    procs=2,
    turns=4,
    frames=20,
    think=(0.1, 0.5),
    listen=(3.0, 6.0),
    spread=6.0,
    warmup_calls=10,
)
QUICK = Settings(
    calls=200,
    procs=2,
    turns=2,
    frames=20,
    think=(0.1, 0.5),
    listen=(1.0, 2.0),
    spread=2.5,
    warmup_calls=5,
)


# --- load generator (its own process) --------------------------------------------------------


class CallFailed(Exception):
    """This call cannot go on (already counted as an error)."""


class Stats:
    """What one load process saw: latencies per kind, events sent, errors."""

    def __init__(self) -> None:
        # kind -> [(seconds since "go" when sent, latency)]
        self.latency: dict[str, list[tuple[float, float]]] = {
            "greeting": [],
            **{k: [] for k in LABELS},
        }
        self.t0 = time.perf_counter()
        self.sent: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.examples: list[str] = []

    def error(self, category: str, detail: str) -> None:
        """Count an error; keep the first few details."""
        self.errors[category] += 1
        if len(self.examples) < 5:
            self.examples.append(f"{category}: {detail}")


class Call:
    """One simulated call: the platform's side of the WebSocket, lean."""

    def __init__(self, name: str, index: int, stats: Stats, measured: bool) -> None:
        self.name = name
        self.index = index
        self.stats = stats
        self.measured = measured
        self.ws: Any = None
        self.reader: asyncio.Task[None] | None = None
        self.expect: str | None = None  # "speak", "text" or "tool" while awaiting an answer
        self.expect_id = ""
        self.check: Any = None
        self.label = ""
        self.sent_at = 0.0
        self.done: asyncio.Future[None] | None = None
        self.ending = False
        self.rng = random.Random(index)

    def _fail(self, category: str, detail: str) -> None:
        self.stats.error(category, f"{self.name}: {detail}")
        if self.done is not None and not self.done.done():
            self.done.set_exception(CallFailed())

    async def open(self, url: str) -> None:
        """Connect, send ``session.started`` and wait for the greeting."""
        from websockets.asyncio.client import connect

        try:
            self.ws = await connect(url, compression=None, open_timeout=60, max_size=2**20)
        except Exception as exc:  # noqa: BLE001 - any connect failure is an error
            self.stats.error("connect failed", f"{self.name}: {exc!r}")
            raise CallFailed() from exc
        self.reader = asyncio.get_running_loop().create_task(self._read())
        started = {
            "type": "session.started",
            "agent_session_id": f"3f2c9a1e-8b7d-4c6a-9e5f-{self.index:012d}",
            "call_id": self.name,
            "caller": f"+1415555{self.index % 10000:04d}",
            "callee": "+14155550199",
            "agent_id": "3f2c9a1e-8b7d-4c6a-9e5f-0a1b2c3d4e5f",
            "audio_format": "mulaw",
            "sample_rate": 8000,
            "channels": 1,
            "frame_size_ms": 20,
        }
        await self.request(json.dumps(started), "speak", "greeting")

    async def send(self, frame: str, kind: str) -> None:
        """Send one event that expects no answer."""
        try:
            await self.ws.send(frame)
        except Exception as exc:  # noqa: BLE001 - the connection is gone
            self._fail("send failed", f"{kind}: {exc!r}")
            raise CallFailed() from exc
        self.stats.sent[kind] += 1

    async def request(self, frame: str, expect: str, label: str, tool_id: str = "") -> None:
        """Send one event and wait for its answer; record the latency."""
        loop = asyncio.get_running_loop()
        self.expect, self.expect_id, self.label = expect, tool_id, label
        self.done = done = loop.create_future()
        self.sent_at = time.perf_counter()
        try:
            await self.send(frame, label)
        except CallFailed:
            if done.done() and not done.cancelled():
                done.exception()  # retrieved: the failure is counted already
            raise
        try:
            await asyncio.wait_for(done, ANSWER_TIMEOUT)
        except asyncio.TimeoutError:
            self._fail("no answer", f"{label}: none within {ANSWER_TIMEOUT:g} s")
            raise CallFailed() from None

    def _answered(self, now: float) -> None:
        if self.measured:
            stats = self.stats
            stats.latency[self.label].append((self.sent_at - stats.t0, now - self.sent_at))
        self.expect = None
        assert self.done is not None
        if not self.done.done():
            self.done.set_result(None)

    async def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self.ws:
                now = time.perf_counter()
                self._message(raw, now)
        except ConnectionClosed:
            pass
        except Exception as exc:  # noqa: BLE001 - any reader failure is an error
            self._fail("reader failed", repr(exc))
            return
        code = self.ws.close_code
        if not self.ending:
            self._fail("unexpected close", f"code {code} while waiting for {self.expect}")
        elif code != 1000:
            self._fail("bad close code", f"{code} {self.ws.close_reason!r}")

    def _message(self, raw: Any, now: float) -> None:
        if not isinstance(raw, str):
            self._fail("protocol", "a binary frame")
            return
        try:
            msg = json.loads(raw)
            kind = msg.get("type")
        except (ValueError, AttributeError):
            self._fail("protocol", f"not a JSON object: {raw[:100]!r}")
            return
        expect = self.expect
        if kind == "tool.result" or kind == "tool.error":
            if expect != "tool" or msg.get("id") != self.expect_id:
                self._fail("protocol", f"{kind} for id {msg.get('id')!r}, awaiting {expect}")
            elif kind == "tool.error":
                self._fail("tool.error", str(msg.get("error")))
            elif not self.check(msg.get("result")):
                self._fail("wrong result", f"{self.label}: {raw[:200]}")
            else:
                self._answered(now)
        elif kind == "text":
            if expect != "text" or not isinstance(msg.get("token"), str):
                self._fail("protocol", f"text {raw[:100]!r}, awaiting {expect}")
            elif msg.get("last") is True:
                self._answered(now)
        elif kind == "agent_session.speak":
            if expect != "speak" or not isinstance(msg.get("text"), str) or not msg["text"]:
                self._fail("protocol", f"speak {raw[:100]!r}, awaiting {expect}")
            else:
                self._answered(now)
        else:
            self._fail("protocol", f"unexpected message {raw[:100]!r}")

    async def converse(self, settings: Settings, media: list[str], delay: float) -> None:
        """Play the conversation (see the module docstring), then end the call."""
        rng = self.rng
        think = settings.think
        await asyncio.sleep(delay)
        stream = {
            "event": "start",
            "streamId": f"stream-{self.index}",
            "start": {
                "streamId": f"stream-{self.index}",
                "callId": self.name,
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000},
            },
        }
        await self.send(json.dumps(stream), "start")
        dtmf_turn = rng.randrange(settings.turns)
        tools = 0
        for turn in range(settings.turns):
            await asyncio.sleep(rng.uniform(*think))
            offset = rng.randrange(len(media) - settings.frames + 1)
            for frame in media[offset : offset + settings.frames]:
                await self.send(frame, "media")
                await asyncio.sleep(FRAME_PERIOD)
            text = UTTERANCES[(self.index + turn) % len(UTTERANCES)]
            partial = " ".join(text.split()[:3])
            await self.send(
                json.dumps({"type": "user.transcription", "text": partial, "is_final": False}),
                "partial",
            )
            final = {"type": "user.transcription", "text": text, "is_final": True}
            await self.request(json.dumps(final), "text", "prompt")
            for name, arguments in self._tool_calls(turn):
                await asyncio.sleep(rng.uniform(*think))
                tools += 1
                tool_id = f"call_{self.index}_{tools}"
                self.check = _checker(name, arguments)
                called = {
                    "type": "tool.called",
                    "id": tool_id,
                    "name": name,
                    "arguments": arguments,
                }
                await self.request(json.dumps(called), "tool", "tool", tool_id)
            if turn == dtmf_turn:
                await asyncio.sleep(rng.uniform(*think))
                digit = "1230"[self.index % 4]
                await self.request(
                    json.dumps({"type": "user.dtmf", "digit": digit}), "speak", "dtmf"
                )
            completed = {
                "type": "turn.completed",
                "turn_number": turn + 1,
                "turn_id": f"turn-{turn + 1}",
                "user_text": text,
                "agent_text": "Let me look up your order for you.",
                "agent_first": False,
            }
            await self.send(json.dumps(completed), "turn.completed")
            if turn + 1 < settings.turns:
                await asyncio.sleep(rng.uniform(*settings.listen))
        await self.end()

    def _tool_calls(self, turn: int) -> list[tuple[str, dict[str, Any]]]:
        order = f"A-{(self.index * 7 + turn) % 1000:04d}"
        second: tuple[str, dict[str, Any]] = (
            ("check_availability", {"date": f"2026-12-{1 + (self.index + turn) % 28:02d}"})
            if turn % 2 == 0
            else ("store_hours", {})
        )
        return [("lookup_order", {"order_id": order}), second]

    async def end(self) -> None:
        """End the call (``session.ended`` or, for odd calls, ``stop``); await the close."""
        self.ending = True
        if self.index % 2:
            await self.send(
                json.dumps({"event": "stop", "streamId": f"stream-{self.index}"}), "stop"
            )
        else:
            ended = {"type": "session.ended", "duration_seconds": 30, "reason": "user_hangup"}
            await self.send(json.dumps(ended), "session.ended")
        assert self.reader is not None
        done, _ = await asyncio.wait({self.reader}, timeout=ANSWER_TIMEOUT)
        if not done:
            self.stats.error("no close", f"{self.name}: the server did not close the call")
            await self.abort()

    async def abort(self) -> None:
        """Close the connection from this side (after an error)."""
        self.ending = True
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), ANSWER_TIMEOUT)
        if self.reader is not None:
            self.reader.cancel()
            await asyncio.gather(self.reader, return_exceptions=True)


def _checker(name: str, arguments: dict[str, Any]) -> Any:
    if name == "lookup_order":
        return lambda r: isinstance(r, dict) and r.get("order_id") == arguments["order_id"]
    if name == "check_availability":
        return lambda r: isinstance(r, dict) and r.get("date") == arguments["date"] and r["slots"]
    return lambda r: isinstance(r, dict) and "hours" in r


async def _lag_monitor(samples: list[float], period: float = 0.05) -> None:
    loop = asyncio.get_running_loop()
    while True:
        start = loop.time()
        await asyncio.sleep(period)
        samples.append(loop.time() - start - period)


async def _stdin_line() -> str:
    line: str = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return line.strip()


async def load(port: int, calls: int, first: int, settings: Settings) -> None:
    """Warm up, open ``calls`` calls (``OPEN``), on ``go`` run them; print ``RESULT <json>``."""
    raise_fd_limit(calls + 256)
    url = f"ws://{HOST}:{port}"
    media, _ = media_frames(250)
    stats = Stats()
    semaphore = asyncio.Semaphore(CONNECT_CONCURRENCY)
    quick_turn = Settings(1, 1, 1, 5, (0.0, 0.01), (0.0, 0.0), 0.0, 0)

    async def warm(i: int) -> None:
        call = Call(f"warm-{first + i}", first + i, stats, measured=False)
        try:
            async with semaphore:
                await call.open(url)
            await call.converse(quick_turn, media, 0.0)
        except CallFailed:
            await call.abort()

    await asyncio.gather(*(warm(i) for i in range(settings.warmup_calls)))
    await asyncio.sleep(0.2)
    stats.sent.clear()  # the server's call records of the warm-up calls are not compared

    async def open_call(call: Call) -> Call | None:
        try:
            async with semaphore:
                await call.open(url)
        except CallFailed:
            await call.abort()
            return None
        return call

    ramp = time.perf_counter()
    opened = await asyncio.gather(
        *(open_call(Call(f"call-{first + i:06d}", first + i, stats, True)) for i in range(calls))
    )
    ramp = time.perf_counter() - ramp
    live = [call for call in opened if call is not None]
    print(f"OPEN {len(live)} {ramp:.3f}", flush=True)
    if await _stdin_line() != "go":
        raise SystemExit("expected 'go' on stdin")

    async def run(call: Call, delay: float) -> None:
        try:
            await call.converse(settings, media, delay)
        except CallFailed:
            await call.abort()

    lag: list[float] = []
    monitor = asyncio.get_running_loop().create_task(_lag_monitor(lag))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = stats.t0 = time.perf_counter()
    spread = random.Random(first)
    await asyncio.gather(*(run(call, spread.uniform(0, settings.spread)) for call in live))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    monitor.cancel()
    lag.sort()
    report = {
        "calls": len(live),
        "ramp": ramp,
        "wall": wall,
        "cpu": after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime,
        "lag_p99": lag[int(0.99 * (len(lag) - 1))] if lag else 0.0,
        "lag_max": lag[-1] if lag else 0.0,
        "latency": {
            k: [(round(t, 3), round(v, 6)) for t, v in vs] for k, vs in stats.latency.items()
        },
        "sent": dict(stats.sent),
        "errors": dict(stats.errors),
        "examples": stats.examples,
    }
    print("RESULT " + json.dumps(report), flush=True)


# --- standalone server (its own process) -----------------------------------------------------


async def serve(max_calls: int) -> None:
    """Serve ``_scale_app`` with ``app.serving()``; print ``PORT``; stop at stdin EOF."""
    raise_fd_limit(max_calls + 256)
    from _scale_app import app

    async with app.serving(HOST, 0) as server:
        print(f"PORT {server.port}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


# --- orchestration ---------------------------------------------------------------------------


def _expect(stream: Any, prefix: str) -> str:
    line: str = stream.readline()
    if not line.startswith(prefix):
        raise RuntimeError(f"expected {prefix!r} from a benchmark process, got {line[:300]!r}")
    return line[len(prefix) :].strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _answers_http(port: int) -> bool:
    """Whether the server answers a plain HTTP request (the ASGI app: 426)."""
    try:
        with socket.create_connection((HOST, port), timeout=1) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            return b" 426 " in sock.recv(200)
    except OSError:
        return False


def _cpu_seconds(pids: Sequence[int]) -> float | None:
    """User+sys CPU seconds of these processes so far (Linux ``/proc``), else None."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    try:
        for pid in pids:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, IndexError, ValueError):
        return None
    return total


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(value: float) -> str:
    return f"{value * 1e3:.1f}"


def _dist(values: Sequence[float]) -> str:
    return (
        f"{_ms(_percentile(values, 0.5))}/{_ms(_percentile(values, 0.99))}/"
        f"{_ms(max(values) if values else float('nan'))}"
    )


def _windows(timed: Sequence[tuple[float, float]], phase: float) -> list[list[float]]:
    """Latencies grouped by the ``WINDOW``-second slice of the run in which they were sent."""
    windows: list[list[float]] = [[] for _ in range(max(1, int(phase // WINDOW) + 1))]
    for sent_at, value in timed:
        windows[min(len(windows) - 1, max(0, int(sent_at // WINDOW)))].append(value)
    return windows


def _load_avg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


@dataclass
class Server:
    """A running server: its port and the pids whose CPU is the server's."""

    port: int
    pids: list[int]


@contextlib.contextmanager
def _server(variant: str, log_dir: str, settings: Settings, stderr: Any) -> Iterator[Server]:
    env = {**os.environ, "SCALE_CALL_LOG": log_dir}
    if variant == "standalone":
        args = [sys.executable, str(SCRIPT), "serve", "--calls", str(settings.calls)]
        with child_process(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env
        ) as proc:
            assert proc.stdout is not None and proc.stdin is not None
            yield Server(int(_expect(proc.stdout, "PORT ")), [proc.pid])
            proc.stdin.close()  # graceful stop
            proc.wait(timeout=30)
        return
    port = _free_port()
    args = [sys.executable, "-m", "uvicorn", "_scale_app:asgi", "--app-dir", str(BENCH_DIR)]
    args += ["--host", HOST, "--port", str(port), "--workers", str(UVICORN_WORKERS)]
    args += ["--log-level", "warning", "--no-access-log"]
    with child_process(
        args, stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, env=env, cwd=BENCH_DIR
    ) as proc:
        deadline = time.monotonic() + 60
        while True:
            workers = [int(p.stem.split("-")[1]) for p in Path(log_dir).glob("calls-*.jsonl")]
            workers = [pid for pid in workers if pid != proc.pid]
            if len(workers) >= UVICORN_WORKERS and _answers_http(port):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start ({len(workers)} workers up)")
            time.sleep(0.1)
        time.sleep(0.5)  # both workers are in their accept loop
        yield Server(port, workers)
        proc.send_signal(signal.SIGTERM)  # graceful stop
        proc.wait(timeout=30)


def _server_records(log_dir: str) -> list[dict[str, Any]]:
    records = []
    for path in Path(log_dir).glob("calls-*.jsonl"):
        records += [json.loads(line) for line in path.read_text().splitlines() if line]
    return records


def _server_stats(log_dir: str, window: tuple[float, float]) -> str:
    """The servers' event-loop lag and GC pauses during the conversations, as a detail line."""
    lags: list[float] = []
    pauses: dict[int, list[float]] = {1: [], 2: []}
    counts = [0, 0, 0]
    for path in Path(log_dir).glob("stats-*.json"):
        stats = json.loads(path.read_text())
        lags += [lag for at, lag in stats["lag"] if window[0] <= at <= window[1]]
        for at, generation, seconds in stats["gc_pauses"]:
            if window[0] <= at <= window[1]:
                pauses[generation].append(seconds)
        counts = [a + b for a, b in zip(counts, stats["gc_counts"], strict=True)]
    if not lags:
        return "server event-loop lag: n/a"

    def longest(values: list[float]) -> str:
        return _ms(max(values)) if values else "-"

    return (
        f"server event-loop lag (sampled every 50 ms) p50/p99/max {_dist(lags)} ms; GC during "
        f"the conversations: {len(pauses[2])} gen2 (longest {longest(pauses[2])} ms), "
        f"{len(pauses[1])} gen1 (longest {longest(pauses[1])} ms); whole run gen0/1/2 "
        f"{'/'.join(map(str, counts))}"
    )


def run_variant(variant: str, settings: Settings) -> Result:
    """One server flavour under the full load; one result row."""
    need = settings.calls + 512
    raise_fd_limit(need)  # inherited by the servers and load generators
    load_before = _load_avg()
    errors: Counter[str] = Counter()
    examples: list[str] = []
    per_proc = [settings.calls // settings.procs] * settings.procs
    per_proc[0] += settings.calls - sum(per_proc)
    with (
        tempfile.TemporaryDirectory(prefix="plivo-bench-scale-") as log_dir,
        tempfile.TemporaryFile("w+") as stderr,
    ):
        started = time.perf_counter()
        with _server(variant, log_dir, settings, stderr) as server:
            base = [sys.executable, str(SCRIPT), "load", str(server.port)]
            base += ["--turns", str(settings.turns), "--frames", str(settings.frames)]
            base += ["--think", *map(str, settings.think), "--listen", *map(str, settings.listen)]
            base += ["--spread", str(settings.spread), "--warmup-calls"]
            base += [str(settings.warmup_calls)]
            with contextlib.ExitStack() as stack:
                loaders = []
                first = 0
                for count in per_proc:
                    args = [*base, "--calls", str(count), "--first", str(first)]
                    first += count
                    loaders.append(
                        stack.enter_context(
                            child_process(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                        )
                    )
                opened = 0
                ramp = 0.0
                for loader in loaders:
                    calls, seconds = _expect(loader.stdout, "OPEN ").split()
                    opened += int(calls)
                    ramp = max(ramp, float(seconds))
                cpu_before = _cpu_seconds(server.pids)
                go, go_wall = time.perf_counter(), time.time()
                for loader in loaders:
                    assert loader.stdin is not None
                    loader.stdin.write("go\n")
                    loader.stdin.flush()
                reports = [json.loads(_expect(p.stdout, "RESULT ")) for p in loaders]
                phase = time.perf_counter() - go
                cpu_after = _cpu_seconds(server.pids)
                window = (go_wall, time.time())
                time.sleep(1.1)  # the server writes its lag/GC stats once a second
                for loader in loaders:
                    if loader.wait(timeout=60) != 0:
                        errors["load generator failed"] += 1
            if opened < settings.calls:
                errors["calls not opened"] += settings.calls - opened
        total = time.perf_counter() - started
        records = _server_records(log_dir)
        server_stats = _server_stats(log_dir, window)
        stderr.seek(0)
        server_lines = [line.rstrip() for line in stderr if line.strip()]
    timed: dict[str, list[tuple[float, float]]] = {}
    sent: Counter[str] = Counter()
    for report in reports:
        for kind, values in report["latency"].items():
            timed.setdefault(kind, []).extend(values)
        sent.update(report["sent"])
        errors.update(report["errors"])
        examples += report["examples"]
    if server_lines:
        errors["server stderr lines"] += len(server_lines)
        examples += [f"server: {line[:200]}" for line in server_lines[:3]]
    measured = [r for r in records if str(r.get("call", "")).startswith("call-")]
    seen = {k: sum(r[k] for r in measured) for k in ("frames", "tools", "prompts", "dtmf", "turns")}
    expected = {
        "frames": sent["media"],
        "tools": sent["tool"],
        "prompts": sent["prompt"],
        "dtmf": sent["dtmf"],
        "turns": sent["turn.completed"],
    }
    if len(measured) != settings.calls:
        errors["server call records"] += abs(settings.calls - len(measured))
        examples.append(f"server: {len(measured)} call records, expected {settings.calls}")
    for key, value in expected.items():
        if seen[key] != value:
            errors[f"server saw other {key}"] += 1
            examples.append(f"server: {seen[key]} {key} seen, client sent {value}")
    latency = {kind: [v for _, v in values] for kind, values in timed.items()}
    answers = [v for kind in LABELS for v in latency.get(kind, [])]
    n_errors = sum(errors.values())
    p50, p99 = _percentile(answers, 0.5), _percentile(answers, 0.99)
    result = Result(
        name=f"scale:{variant}",
        baseline_label=f"none (p50 {_ms(p50)} ms)",
        baseline=p50,
        sdk=p99,
        kind="limit",
        budget=BUDGET,
        unit="ms",
        errors=n_errors,
    )
    events = sum(sent.values())
    media = sent["media"]
    flavour = (
        "app.serving() in one process"
        if variant == "standalone"
        else f"app.asgi under uvicorn --workers {UVICORN_WORKERS}"
    )
    result.details.append(
        f"{flavour}; {opened} concurrent calls from {settings.procs} load processes, all open "
        f"before the conversations start; each call: greeting, audio start, {settings.turns} "
        f"turns x [{settings.frames} media frames at 20 ms, partial + final transcript -> text, "
        f"2 tool calls -> tool.result, turn.completed], 1 dtmf -> speak (sync handler), "
        f"think {settings.think[0]:g}-{settings.think[1]:g} s between events, "
        f"{settings.listen[0]:g}-{settings.listen[1]:g} s between turns, session.ended/stop; "
        f"caller audio only while the caller speaks (50 frames/s for every call all along "
        f"would be {settings.calls * 50} frames/s, more than 2 shared cores can serve and send)"
    )
    result.details.append(
        f"latency p50/p99/max ms: all {len(answers)} answers {_dist(answers)}; "
        + "; ".join(
            f"{LABELS[k]} x{len(latency.get(k, []))} {_dist(latency.get(k, []))}" for k in LABELS
        )
    )
    greetings = latency.get("greeting", [])
    result.details.append(
        f"ramp (not in the budget): {opened} calls opened in {ramp:.1f} s with "
        f"{CONNECT_CONCURRENCY * settings.procs} handshakes in flight; greeting "
        f"(session.started -> speak) x{len(greetings)} p50/p99/max {_dist(greetings)} ms"
    )
    cpu = (
        f"server CPU {cpu_after - cpu_before:.1f} s = "
        f"{(cpu_after - cpu_before) / phase * 100:.0f} % of one core "
        f"({len(server.pids)} process(es))"
        if cpu_before is not None and cpu_after is not None
        else "server CPU n/a"
    )
    lag = max(r["lag_p99"] for r in reports)
    client_cpu = sum(r["cpu"] for r in reports) / phase * 100
    result.details.append(server_stats)
    result.details.append(
        f"conversations {phase:.1f} s: {events} events sent = {events / phase:.0f}/s "
        f"(media {media / phase:.0f}/s, others {(events - media) / phase:.0f}/s), "
        f"{len(answers) / phase:.0f} answers/s; {cpu}; load generators {client_cpu:.0f} % "
        f"of one core, event-loop lag p99 {_ms(lag)} ms max "
        f"{_ms(max(r['lag_max'] for r in reports))} ms"
    )
    result.details.append(
        f"p99 per {WINDOW:g} s of the conversations (ms): "
        + ", ".join(
            _ms(_percentile(window, 0.99)) if window else "-"
            for window in _windows([pair for k in LABELS for pair in timed.get(k, [])], phase)
        )
    )
    result.details.append(
        f"errors: {n_errors}"
        + (f" ({', '.join(f'{k} {v}' for k, v in sorted(errors.items()))})" if n_errors else "")
        + f"; server records {len(measured)} calls, frames/tools/prompts/dtmf/turns "
        + "/".join(str(seen[k]) for k in expected)
        + f" (sent {'/'.join(str(v) for v in expected.values())}); "
        + f"load average {load_before} -> {_load_avg()}; {total:.1f} s in all"
    )
    result.details += [f"error example: {example}" for example in examples[:5]]
    return result


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Run the selected scale benchmarks."""
    names = select(NAMES, only)
    settings = QUICK if quick else FULL
    ensure_importable()
    return [run_variant(name.split(":", 1)[1], settings) for name in names]


def main(argv: Sequence[str] | None = None) -> None:
    """The subprocess entry points: ``serve`` (standalone server) and ``load``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", help="the standalone server (prints PORT; stops at stdin EOF)")
    p.add_argument("--calls", type=int, required=True)
    p = sub.add_parser("load", help="a load generator (prints OPEN, waits for go, RESULT)")
    p.add_argument("port", type=int)
    p.add_argument("--calls", type=int, required=True)
    p.add_argument("--first", type=int, required=True, help="index of the first call")
    p.add_argument("--turns", type=int, required=True)
    p.add_argument("--frames", type=int, required=True)
    p.add_argument("--think", type=float, nargs=2, required=True)
    p.add_argument("--listen", type=float, nargs=2, required=True)
    p.add_argument("--spread", type=float, required=True)
    p.add_argument("--warmup-calls", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "serve":
        asyncio.run(serve(args.calls))
    else:
        settings = Settings(
            args.calls,
            1,
            args.turns,
            args.frames,
            tuple(args.think),
            tuple(args.listen),
            args.spread,
            args.warmup_calls,
        )
        asyncio.run(load(args.port, args.calls, args.first, settings))


if __name__ == "__main__":
    main()
