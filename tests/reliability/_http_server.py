"""A scriptable raw-socket HTTP/1.1 server on 127.0.0.1 for REST fault injection.

Each connection carries exactly one request (every answer says ``Connection: close``), so the
n-th connection the client opens gets the n-th :class:`Reply` of the script, whatever happens
to the previous ones. The server records every request it read completely
(:attr:`FaultServer.requests`) and the reply each connection was given
(:attr:`FaultServer.served`).
"""

from __future__ import annotations

import http
import json
import select
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

RESPOND = "respond"  # send the whole response, then close
STALL = "stall"  # read the request, never answer (until the client hangs up)
STALL_MID_BODY = "stall_mid_body"  # send the head and part of the body, then go quiet
RESET_ON_ACCEPT = "reset_on_accept"  # RST at once: the client may still be connecting
RESET_BEFORE_READ = "reset_before_read"  # RST once request bytes arrived, without reading any
RESET_AFTER_READ = "reset_after_read"  # read the whole request, then RST
CLOSE_AFTER_READ = "close_after_read"  # read the whole request, then close (FIN) silently
TRUNCATED = "truncated"  # Content-Length larger than the body sent, then close

_MISSING = 64  # bytes promised by Content-Length but never sent (truncated / stalled bodies)


@dataclass(frozen=True)
class Reply:
    """What the server does with one connection."""

    action: str = RESPOND
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def head(self, content_length: int) -> bytes:
        """The status line and headers, announcing ``content_length`` body bytes."""
        try:
            reason = http.HTTPStatus(self.status).phrase
        except ValueError:
            reason = "Whatever"
        lines = [f"HTTP/1.1 {self.status} {reason}", f"Content-Length: {content_length}"]
        lines.append("Connection: close")
        lines.extend(f"{name}: {value}" for name, value in self.headers)
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(
    status: int = 200,
    body: Any = b"",
    headers: dict[str, str] | None = None,
) -> Reply:
    """A complete response; ``body`` may be bytes, text or a JSON value (dict/list)."""
    extra = dict(headers or {})
    if isinstance(body, str):
        raw = body.encode()
    elif isinstance(body, bytes):
        raw = body
    else:
        raw = json.dumps(body).encode()
        extra.setdefault("Content-Type", "application/json")
    return Reply(RESPOND, status, tuple(extra.items()), raw)


def fault(action: str, status: int = 200, body: bytes = b'{"api_id": "partial"') -> Reply:
    """A transport-level fault (stall, reset, truncated body, ...)."""
    return Reply(action, status, (("Content-Type", "application/json"),), body)


@dataclass(frozen=True)
class Received:
    """A request the server read completely."""

    index: int  # number of the connection (position in FaultServer.served)
    method: str
    target: str  # path and query, as sent
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    @property
    def path(self) -> str:
        """The target without its query string."""
        return self.target.partition("?")[0]


@dataclass
class FaultServer:
    """Threaded raw-socket server; ``with FaultServer() as server: server.script(...)``."""

    stall_limit: float = 10.0  # a stalled connection is dropped after this long regardless
    served: list[Reply] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    default: Reply = field(
        default_factory=lambda: respond(418, {"error": "unscripted request"}),
    )

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.02)
        host, port = self._listener.getsockname()[:2]
        self.url = f"http://{host}:{port}"
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._handlers: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    def script(self, *replies: Reply) -> None:
        """Forget what was recorded and answer the next connections with ``replies``."""
        with self._lock:
            self._script = deque(replies)
            self.served.clear()
            self.requests.clear()

    def __enter__(self) -> FaultServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._acceptor.join(10)
        for thread in self._handlers:
            thread.join(10)
        self._listener.close()

    # --- internals -----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                reply = self._script.popleft() if self._script else self.default
                index = len(self.served)
                self.served.append(reply)
            thread = threading.Thread(target=self._serve, args=(conn, index, reply), daemon=True)
            self._handlers.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, index: int, reply: Reply) -> None:
        try:
            if reply.action == RESET_ON_ACCEPT:
                _reset(conn)
                return
            if reply.action == RESET_BEFORE_READ:
                # Wait until the request is on its way (so the client is past connecting),
                # then reset with the bytes unread.
                select.select([conn], [], [], 5.0)
                _reset(conn)
                return
            received = _read_request(conn, index)
            if received is None:
                return
            with self._lock:
                self.requests.append(received)
            if reply.action == RESET_AFTER_READ:
                _reset(conn)
            elif reply.action == CLOSE_AFTER_READ:
                conn.shutdown(socket.SHUT_RDWR)
            elif reply.action == STALL:
                self._wait_for_hangup(conn)
            elif reply.action == STALL_MID_BODY:
                conn.sendall(reply.head(len(reply.body) + _MISSING) + reply.body)
                self._wait_for_hangup(conn)
            elif reply.action == TRUNCATED:
                conn.sendall(reply.head(len(reply.body) + _MISSING) + reply.body)
                conn.shutdown(socket.SHUT_RDWR)
            else:
                conn.sendall(reply.head(len(reply.body)) + reply.body)
                conn.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the client went away first: nothing to do
        finally:
            conn.close()

    def _wait_for_hangup(self, conn: socket.socket) -> None:
        """Say nothing until the client closes the connection (or the server stops)."""
        conn.settimeout(0.02)
        deadline = time.monotonic() + self.stall_limit
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                if not conn.recv(65536):
                    return
            except TimeoutError:
                continue


def _reset(conn: socket.socket) -> None:
    """Close with SO_LINGER 0, so the peer gets a TCP RST instead of a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _read_request(conn: socket.socket, index: int) -> Received | None:
    """Read one request (head and Content-Length body); ``None`` if the client hung up first."""
    conn.settimeout(5.0)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _version = request_line.split(" ", 2)
    headers: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return Received(index, method, target, headers, body[:length])
