"""Hostile WebSocket peers against a real VoiceApp on 127.0.0.1, with what they cost the server.

Shared by ``tests/reliability/test_ws_hostile.py`` (which asserts bounds on the numbers) and
``benchmarks/bench_hostile.py`` (which reports them). Each driver serves one ``VoiceApp`` in this
process, standalone (``mode="standalone"``) or under uvicorn with the documented configuration
(``mode="uvicorn"``: ``app.uvicorn_config()``), plays one kind of hostile peer and returns a
dataclass of measurements:

- ``bad_frames``: calls that send malformed frames (one-byte non-JSON, binary, wrong-typed
  fields) as fast as they can, while a well-behaved call keeps making tool round trips: log bytes
  per bad frame, close codes, the worst tool round trip of the good call;
- ``non_reader``: a peer that stops reading while the app keeps queueing large messages: the
  bytes held for it (outbox plus socket buffer), the messages refused, the time to drop it;
- ``dead_peer``: a peer that connects and then neither reads nor answers pings: time to drop it;
- ``compression_bomb``: a client offering permessage-deflate, then an oversized frame, then a
  deflated frame (RSV1) that would inflate to 256 MiB: what was negotiated, the close codes, RSS;
- ``ping_flood``: a peer that floods pings and never reads the pongs: RSS growth, time to drop;
- ``half_open``: TCP connections that never finish the HTTP upgrade (silent, or partial
  headers): the fds the server holds before and after the handshake timeout.

The peers are ``websockets`` clients where the library can play the part and raw sockets
(hand-built RFC 6455 frames) where it cannot. RSS and fds are the test process's, which holds the
server and the peers; each driver reports differences, so the peers' own small share is included.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import os
import socket
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from plivo_agentstack.agent import Session, VoiceApp
from plivo_agentstack.errors import WebSocketError
from tests.ws_helpers import running

MODES = ("standalone", "uvicorn")
HOST = "127.0.0.1"
# Safety nets so that a broken server fails instead of hanging; not speed checks.
SAFETY_TIMEOUT = 30.0
_PAGE = os.sysconf("SC_PAGE_SIZE")


# --- serving and measuring ------------------------------------------------------------------


@contextlib.asynccontextmanager
async def serve(app: VoiceApp, mode: str) -> AsyncIterator[int]:
    """Serve ``app`` on an ephemeral port of 127.0.0.1 and yield the port.

    ``uvicorn`` runs with exactly the documented configuration (``app.uvicorn_config()``);
    ``starlette`` too, serving the app through ``app.handle_starlette`` in a Starlette route.
    """
    if mode not in (*MODES, "starlette"):
        raise ValueError(f"unknown mode {mode!r}; one of {(*MODES, 'starlette')}")
    serving_mode = "asgi" if mode == "uvicorn" else mode  # ws_helpers' name for it
    async with running(app, serving_mode, log_level="error") as url:
        yield int(url.rsplit(":", 1)[1])


def rss() -> int:
    """Resident set size of this process, in bytes."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE


def open_fds() -> int:
    """File descriptors open in this process."""
    return len(os.listdir("/proc/self/fd"))


class LogBytes(logging.Handler):
    """Counts the bytes and lines the SDK logs, formatted as a typical deployment does."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.bytes = 0
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Count one record (with its traceback, if any)."""
        text = self.format(record) + "\n"
        self.bytes += len(text.encode())
        self.lines.append(text[:300])

    @classmethod
    @contextlib.contextmanager
    def attached(cls) -> Any:
        """Attach to the SDK's logger while the ``with`` block runs."""
        handler = cls()
        logger = logging.getLogger("plivo_agentstack")
        logger.addHandler(handler)
        try:
            yield handler
        finally:
            logger.removeHandler(handler)


async def _until(condition: Callable[[], bool], timeout: float = SAFETY_TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


# --- raw peers ------------------------------------------------------------------------------


def ws_frame(opcode: int, payload: bytes, *, rsv1: bool = False) -> bytes:
    """A client frame (FIN set, masked with a zero key: the payload goes out as is)."""
    head = bytearray([0x80 | (0x40 if rsv1 else 0) | opcode])
    length = len(payload)
    if length < 126:
        head.append(0x80 | length)
    elif length < 65536:
        head += bytes([0x80 | 126]) + length.to_bytes(2, "big")
    else:
        head += bytes([0x80 | 127]) + length.to_bytes(8, "big")
    return bytes(head) + b"\x00\x00\x00\x00" + payload


def upgrade_request(port: int) -> bytes:
    """The HTTP request of a WebSocket handshake."""
    key = base64.b64encode(os.urandom(16)).decode()
    return (
        f"GET / HTTP/1.1\r\nHost: {HOST}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()


class RawPeer:
    """A WebSocket client on a raw socket: it sends what it likes and reads only if told to."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def connect(cls, port: int, *, receive_buffer: int | None = None) -> RawPeer:
        """Open a TCP connection (with a small receive buffer if asked) and do the handshake."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if receive_buffer is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, (HOST, port))
        reader, writer = await asyncio.open_connection(sock=sock)
        writer.write(upgrade_request(port))
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), SAFETY_TIMEOUT)
        if not head.startswith(b"HTTP/1.1 101"):
            writer.close()
            raise ConnectionError(f"handshake refused: {head[:80]!r}")
        return cls(reader, writer)

    def stop_reading(self) -> None:
        """Read nothing more: what the server sends piles up in the kernel, then in the server."""
        self.writer.transport.pause_reading()  # type: ignore[attr-defined]

    def send(self, data: bytes) -> None:
        """Write raw bytes (frames) without waiting."""
        self.writer.write(data)

    def closed(self) -> bool:
        """Whether the server has dropped the connection (seen as a failed write or EOF)."""
        return self.writer.transport.is_closing() or self.reader.at_eof()

    def abort(self) -> None:
        """Drop the connection."""
        self.writer.transport.abort()


async def _wait_dropped(peer: RawPeer, timeout: float) -> bool:
    """Probe with empty pongs (harmless) until a write fails: then the server has dropped us."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            peer.send(ws_frame(0xA, b""))
            await asyncio.wait_for(peer.writer.drain(), 0.2)
        except (ConnectionError, asyncio.TimeoutError):
            if peer.writer.transport.is_closing():
                return True
        if peer.writer.transport.is_closing():
            return True
        await asyncio.sleep(0.05)
    return False


# --- 9: malformed frames --------------------------------------------------------------------

BAD_FRAMES: list[str | bytes] = [
    "x",  # not JSON
    b"\x00",  # binary
    "[]",  # not an object
    '{"no":"type"}',  # no type
]
WRONG_TYPED = json.dumps({"type": "tool.called", "id": 7, "name": None, "arguments": 3})


@dataclass
class BadFramesResult:
    """What a storm of malformed frames cost (see ``bad_frames``)."""

    mode: str
    calls: int
    bad_frames: int  # malformed frames the server processed (reported, or the one that closed)
    wrong_typed: int  # valid frames with wrong-typed fields (handler errors, not counted)
    log_bytes: int
    log_lines: int
    close_codes: Counter[int | None] = field(default_factory=Counter)
    round_trips: list[float] = field(default_factory=list)  # the good call's, in seconds
    disconnects: int = 0
    sample_lines: list[str] = field(default_factory=list)

    @property
    def log_bytes_per_bad_frame(self) -> float:
        """Log volume divided by the malformed frames processed."""
        return self.log_bytes / max(1, self.bad_frames)

    @property
    def worst_round_trip(self) -> float:
        """The slowest tool round trip of the good call during the storm."""
        return max(self.round_trips, default=float("nan"))


def _storm_app(max_bad_frames: int | None, disconnects: list[str | None]) -> VoiceApp:
    app = VoiceApp(max_bad_frames=max_bad_frames)

    @app.on_tool_call
    async def tool(session: Session, event: Any) -> None:
        # Wrong-typed fields make this raise (a handler error, logged rate-limited).
        session.send_tool_result(event.id.upper(), {"ok": True})

    @app.on_disconnect
    async def gone(session: Session) -> None:
        disconnects.append(session.call_uuid)

    return app


async def _good_call(url: str, stop: asyncio.Event, round_trips: list[float]) -> None:
    """A well-behaved call: tool round trips one after the other until ``stop``."""
    async with connect(url, compression=None) as connection:
        index = 0
        while not stop.is_set():
            started = time.perf_counter()
            await connection.send(json.dumps({"type": "tool.called", "id": f"t{index}"}))
            reply = json.loads(await asyncio.wait_for(connection.recv(), SAFETY_TIMEOUT))
            round_trips.append(time.perf_counter() - started)
            assert reply["id"] == f"T{index}", reply
            index += 1
            await asyncio.sleep(0.005)


async def _storm_call(
    url: str, frames: int, wrong_every: int, end_with_sentinel: bool
) -> tuple[int | None, int, int]:
    """Send ``frames`` malformed frames (every ``wrong_every``-th a wrong-typed one).

    Returns (close code, malformed frames sent, wrong-typed frames sent).
    """
    sent = wrong = 0
    async with connect(url, compression=None, max_queue=None) as connection:
        with contextlib.suppress(ConnectionClosed):
            for index in range(frames):
                if wrong_every and index % wrong_every == wrong_every - 1:
                    await connection.send(WRONG_TYPED)
                    wrong += 1
                else:
                    await connection.send(BAD_FRAMES[index % len(BAD_FRAMES)])
                    sent += 1
            if end_with_sentinel:  # its answer proves every earlier frame was processed
                await connection.send(json.dumps({"type": "tool.called", "id": "end"}))
                while json.loads(await connection.recv()).get("id") != "END":
                    pass
                await connection.send(json.dumps({"type": "session.ended"}))
            while True:  # until the server closes
                await asyncio.wait_for(connection.recv(), SAFETY_TIMEOUT)
    return connection.close_code, sent, wrong


async def bad_frames(
    mode: str,
    *,
    calls: int,
    frames_per_call: int,
    max_bad_frames: int | None = 100,
    wrong_every: int = 0,
    concurrency: int = 20,
) -> BadFramesResult:
    """Play ``calls`` calls of malformed frames against a VoiceApp without ``on_handler_error``.

    With a budget, each call sends ``frames_per_call`` frames and the server closes it after
    ``max_bad_frames`` + 1; without one (``None``), each call ends with a tool-call sentinel, so
    that every frame is known to be processed. Meanwhile a good call times its tool round trips.
    """
    disconnects: list[str | None] = []
    app = _storm_app(max_bad_frames, disconnects)
    result = BadFramesResult(mode, calls, 0, 0, 0, 0)
    gate = asyncio.Semaphore(concurrency)

    async def one() -> tuple[int | None, int, int]:
        async with gate:
            return await _storm_call(url, frames_per_call, wrong_every, max_bad_frames is None)

    with LogBytes.attached() as logged:
        async with serve(app, mode) as port:
            url = f"ws://{HOST}:{port}"
            stop = asyncio.Event()
            good = asyncio.create_task(_good_call(url, stop, result.round_trips))
            await _until(lambda: bool(result.round_trips))
            outcomes = await asyncio.gather(*(one() for _ in range(calls)))
            stop.set()
            await asyncio.wait_for(good, SAFETY_TIMEOUT)
            await _until(lambda: len(disconnects) >= calls + 1)
        for code, sent, wrong in outcomes:
            result.close_codes[code] += 1
            processed = sent
            if max_bad_frames is not None:
                processed = min(sent, max_bad_frames + 1)
            result.bad_frames += processed
            result.wrong_typed += wrong
    result.log_bytes = logged.bytes
    result.log_lines = len(logged.lines)
    result.sample_lines = logged.lines[:8]
    result.disconnects = len(disconnects)
    return result


# --- 10: a peer that stops reading ----------------------------------------------------------


@dataclass
class NonReaderResult:
    """What a peer that stops reading cost while the app kept sending (see ``non_reader``)."""

    mode: str
    max_queue_bytes: int
    message_bytes: int
    max_outbox_bytes: int = 0  # the most the call's outbound queue held
    max_held_bytes: int = 0  # outbox plus the socket's user-space write buffer
    queued: int = 0  # messages accepted
    refused: int = 0  # messages refused with "outbound queue is full"
    dropped_after: float = float("nan")  # seconds from the first refusal to on_disconnect
    disconnects: int = 0


async def non_reader(
    mode: str, *, send_timeout: float, max_queue_bytes: int, message_bytes: int = 64 * 1024
) -> NonReaderResult:
    """The app ``speak()``s ``message_bytes`` messages every 5 ms; the peer reads none of them."""
    result = NonReaderResult(mode, max_queue_bytes, message_bytes)
    app = VoiceApp(send_timeout=send_timeout, max_queue_bytes=max_queue_bytes)
    first_refusal: list[float] = []
    gone: list[float] = []
    text = "x" * message_bytes

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        asyncio.get_running_loop().create_task(talk(session))

    async def talk(session: Session) -> None:
        while not session.closed:
            try:
                session.speak(text)
                result.queued += 1
            except WebSocketError:
                if session.closed:
                    break
                result.refused += 1
                if not first_refusal:
                    first_refusal.append(time.monotonic())
            await asyncio.sleep(0.005)

    @app.on_disconnect
    async def disconnected(session: Session) -> None:
        gone.append(time.monotonic())

    async with serve(app, mode) as port:
        peer = await RawPeer.connect(port, receive_buffer=16 * 1024)
        peer.stop_reading()
        peer.send(ws_frame(0x1, json.dumps({"type": "session.started", "call_id": "nr"}).encode()))
        await _until(lambda: bool(app.calls))

        def sample() -> bool:
            for call in app.calls:
                held = call.outbox.bytes
                raw = call.transport.stream()
                buffered = raw[1].get_write_buffer_size() if raw is not None else 0
                result.max_outbox_bytes = max(result.max_outbox_bytes, held)
                result.max_held_bytes = max(result.max_held_bytes, held + buffered)
            return bool(gone)

        await _until(sample, send_timeout * 3 + SAFETY_TIMEOUT)
        peer.abort()
    result.disconnects = len(gone)
    if first_refusal and gone:
        result.dropped_after = gone[0] - first_refusal[0]
    return result


@dataclass
class DeadPeerResult:
    """How long a silent peer that reads nothing was kept (see ``dead_peer``)."""

    mode: str
    ping_interval: float
    ping_timeout: float
    close_timeout: float
    dropped_after: float = float("nan")  # seconds from on_connect to on_disconnect

    @property
    def allowed(self) -> float:
        """Interval + timeout + close timeout: when the keepalive must have dropped the peer."""
        return self.ping_interval + self.ping_timeout + self.close_timeout


async def dead_peer(
    mode: str, *, ping_interval: float, ping_timeout: float, close_timeout: float
) -> DeadPeerResult:
    """A peer that completes the handshake, then neither reads nor sends (no pong)."""
    result = DeadPeerResult(mode, ping_interval, ping_timeout, close_timeout)
    app = VoiceApp(
        ping_interval=ping_interval, ping_timeout=ping_timeout, close_timeout=close_timeout
    )
    times: list[float] = []

    @app.on_connect
    async def connected(session: Session) -> None:
        times.append(time.monotonic())

    @app.on_disconnect
    async def disconnected(session: Session) -> None:
        times.append(time.monotonic())

    async with serve(app, mode) as port:
        peer = await RawPeer.connect(port)
        peer.stop_reading()
        await _until(lambda: len(times) >= 2, result.allowed * 3 + SAFETY_TIMEOUT)
        peer.abort()
    if len(times) >= 2:
        result.dropped_after = times[1] - times[0]
    return result


# --- 11: compression bomb, ping flood, half-open handshakes ---------------------------------


@dataclass
class BombResult:
    """What a client offering compression got (see ``compression_bomb``)."""

    mode: str
    extensions: list[str]
    oversized_close: int | None = None  # a frame of 2 x max_frame_size
    deflated_close: int | None = None  # a compressed frame (RSV1) that inflates to 256 MiB
    deflated_bytes: int = 0
    rss_growth: int = 0
    handled: int = 0  # frames that reached a handler (none should)


def deflate_bomb(mebibytes: int) -> bytes:
    """A raw-deflate text message body that inflates to ``mebibytes`` MiB (built in chunks)."""
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [bomb.compress(b'{"type":"x","v":"')]
    block = b"a" * 2**20
    parts += [bomb.compress(block) for _ in range(mebibytes)]
    parts.append(bomb.flush(zlib.Z_SYNC_FLUSH))
    data = b"".join(parts)
    return data[:-4] if data.endswith(b"\x00\x00\xff\xff") else data


async def compression_bomb(mode: str, *, max_frame_size: int = 2**20) -> BombResult:
    """Offer permessage-deflate, send a frame over the limit, then a deflate bomb (raw RSV1)."""
    app = VoiceApp(max_frame_size=max_frame_size)
    handled: list[Any] = []

    @app.on_event
    async def any_event(session: Session, event: Any) -> None:
        handled.append(event)

    deflated = deflate_bomb(256)
    before = rss()
    peak = before
    async with serve(app, mode) as port:
        url = f"ws://{HOST}:{port}"
        async with connect(url, compression="deflate", max_size=None) as connection:
            extensions = [type(ext).__name__ for ext in connection.protocol.extensions]
            with contextlib.suppress(ConnectionClosed):
                await connection.send("y" * (2 * max_frame_size))
                await asyncio.wait_for(connection.recv(), SAFETY_TIMEOUT)
        result = BombResult(mode, extensions, oversized_close=connection.close_code)
        peer = await RawPeer.connect(port)
        peer.send(ws_frame(0x1, deflated, rsv1=True))
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            head = await asyncio.wait_for(peer.reader.readexactly(2), SAFETY_TIMEOUT)
            length = head[1] & 0x7F
            body = await asyncio.wait_for(peer.reader.readexactly(length), SAFETY_TIMEOUT)
            if head[0] & 0x0F == 0x8 and len(body) >= 2:
                result.deflated_close = int.from_bytes(body[:2], "big")
        peak = max(peak, rss())
        peer.abort()
    result.deflated_bytes = len(deflated)
    result.rss_growth = peak - before
    result.handled = len(handled)
    return result


@dataclass
class PingFloodResult:
    """What a peer flooding pings without reading cost (see ``ping_flood``)."""

    mode: str
    max_queue_bytes: int
    sent_bytes: int = 0
    dropped: bool = False
    dropped_after: float = float("nan")
    rss_growth: int = 0  # the peak during the flood, over the RSS before


async def ping_flood(mode: str, *, max_queue_bytes: int, seconds: float) -> PingFloodResult:
    """Flood 125-byte pings for up to ``seconds`` without reading a single pong."""
    result = PingFloodResult(mode, max_queue_bytes)
    app = VoiceApp(max_queue_bytes=max_queue_bytes)
    chunk = ws_frame(0x9, b"p" * 125) * 256  # 33 KiB of pings
    async with serve(app, mode) as port:
        peer = await RawPeer.connect(port)
        peer.stop_reading()
        before = peak = rss()
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            try:
                peer.send(chunk)
                await asyncio.wait_for(peer.writer.drain(), 0.5)
            except (ConnectionError, asyncio.TimeoutError):
                pass
            if peer.writer.transport.is_closing():
                break
            result.sent_bytes += len(chunk)
            peak = max(peak, rss())
        else:
            result.dropped = await _wait_dropped(peer, 1.0)
        if peer.writer.transport.is_closing():
            result.dropped = True
        if result.dropped:
            result.dropped_after = time.monotonic() - started
        result.rss_growth = peak - before
        peer.abort()
    return result


@dataclass
class HalfOpenResult:
    """File descriptors held by handshakes that never finish (see ``half_open``)."""

    mode: str
    connections: int
    handshake_timeout: float
    server_fds_open: int = 0  # server-side fds while the handshakes hang (after connecting)
    server_fds_after: int = 0  # server-side fds held after the timeout (+ slack)
    closed_by_server: int = 0  # of the client sockets, those the server closed
    closed_after: float = float("nan")  # seconds until the last one was closed


async def half_open(mode: str, *, connections: int, handshake_timeout: float) -> HalfOpenResult:
    """Open ``connections`` TCP connections: half say nothing, half send part of the request."""
    result = HalfOpenResult(mode, connections, handshake_timeout)
    app = VoiceApp(open_timeout=handshake_timeout)
    loop = asyncio.get_running_loop()
    async with serve(app, mode) as port:
        await asyncio.sleep(0.2)  # let the server settle before the baseline
        base = open_fds()
        socks: list[socket.socket] = []
        try:
            for index in range(connections):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.setblocking(False)
                await loop.sock_connect(sock, (HOST, port))
                if index % 2:
                    await loop.sock_sendall(sock, upgrade_request(port)[:40])  # partial line
                socks.append(sock)
            started = time.monotonic()
            await asyncio.sleep(0.3)  # the server has accepted them all
            result.server_fds_open = open_fds() - base - len(socks)

            def closed(sock: socket.socket) -> bool:
                try:
                    return sock.recv(1, socket.MSG_PEEK) == b""
                except BlockingIOError:
                    return False
                except OSError:
                    return True

            await _until(lambda: all(closed(sock) for sock in socks), handshake_timeout * 3 + 10.0)
            result.closed_after = time.monotonic() - started
            result.closed_by_server = sum(closed(sock) for sock in socks)
            await asyncio.sleep(0.2)
            result.server_fds_after = open_fds() - base - len(socks)
        finally:
            for sock in socks:
                sock.close()
    return result
