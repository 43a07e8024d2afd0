"""A threaded HTTP/1.1 server in front of a ``FakePlivo`` (see ``fake_api``)."""

from __future__ import annotations

import json
import logging
import math
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fake_api import FakePlivo

__all__ = ["FakeServer"]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

_MAX_BODY = 10 * 1024 * 1024


class _BadRequest(Exception):
    pass


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], fake: FakePlivo, host: str | None) -> None:
        self.fake = fake
        self.host = host  # what FakePlivo.handle() is told the origin is (None: every operation)
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakePlivo"
    timeout = 30  # idle keep-alive connections are closed after this many seconds
    disable_nagle_algorithm = True  # headers and body are separate writes: no delayed-ACK stall
    server: _HTTPServer

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except _BadRequest as exc:
            self.close_connection = True
            self._send(400, {"Content-Type": "application/json"}, _error_body(str(exc)))
            return
        response = self.server.fake.handle(
            self.command,
            self.path,
            headers=dict(self.headers.items()),
            body=body,
            host=self.server.host,
        )
        if response.dropped:
            self.close_connection = True  # close the socket without a response
            return
        self._send(response.status, response.headers, response.content)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    raise _BadRequest("malformed chunked body") from None
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > _MAX_BODY:
                    raise _BadRequest("request body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
        raw = self.headers.get("Content-Length")
        if not raw:
            return b""
        try:
            length = int(raw)
        except ValueError:
            raise _BadRequest(f"invalid Content-Length {raw!r}") from None
        if length < 0 or length > _MAX_BODY:
            raise _BadRequest(f"invalid Content-Length {raw!r}")
        return self.rfile.read(length)

    def _send(self, status: int, headers: dict[str, str], content: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 204 and not 100 <= status < 200:
            self.send_header("Content-Length", str(len(content)))
        if self.close_connection:
            self.send_header("Connection", "close")  # so that a pooling client does not reuse it
        self.end_headers()
        if content and self.command != "HEAD" and status != 204:
            self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - " + format, self.address_string(), *args)


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _error_body(message: str) -> bytes:
    return json.dumps({"api_id": str(uuid.uuid4()), "error": message}).encode()


class FakeServer:
    """A FakePlivo served over HTTP/1.1 on ``host:port``; a context manager that stops it.

    ``FakePlivo.serve()`` creates and starts one; ``base_url`` is where to point a client. It
    serves every operation, lookup included, so that one ``base_url`` covers both hosts of the
    real API; a second listener on a free port, ``lookup_url``, serves only the operations the
    real API has on its lookup host (``AsyncClient(base_url=..., lookup_base_url=...)``).
    With ``message_interval`` (seconds), a thread of its own calls ``fake.advance_messages()``
    that often while it serves, so that messages move and their status callbacks are sent.
    """

    def __init__(
        self,
        fake: FakePlivo,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        message_interval: float | None = None,
    ) -> None:
        from .fake_api import LOOKUP_LISTENER

        if message_interval is not None and (
            isinstance(message_interval, bool)
            or not isinstance(message_interval, (int, float))
            or not 0 < message_interval < math.inf
        ):
            raise ValueError(
                f"message_interval must be a positive number of seconds or None, "
                f"got {message_interval!r}"
            )
        self.fake = fake
        self._httpd = _HTTPServer((host, port), fake, None)
        self._lookup = _HTTPServer((host, 0), fake, LOOKUP_LISTENER)
        self._threads: dict[_HTTPServer, threading.Thread] = {}  # listeners served by a thread
        self._message_interval = message_interval
        self._ticker: threading.Thread | None = None
        self._stopping = threading.Event()
        self._closed = False

    @property
    def host(self) -> str:
        """The address the server is bound to."""
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        """The port the server listens on (the real one when started with port 0)."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to pass as a client's ``base_url``, e.g. ``http://127.0.0.1:8080``."""
        return _url(self.host, self.port)

    @property
    def lookup_url(self) -> str:
        """The lookup listener's URL, to pass as a client's ``lookup_base_url``."""
        return _url(self.host, int(self._lookup.server_address[1]))

    def start(self) -> FakeServer:
        """Serve in background (daemon) threads; returns ``self``."""
        if self._closed:
            raise RuntimeError("this FakeServer is closed")
        if not self._threads:
            for httpd in (self._httpd, self._lookup):
                self._serve_in_thread(httpd, 0.05)
            self._start_ticker()
            log.info("FakePlivo serving on %s (lookup also on %s)", self.base_url, self.lookup_url)
        return self

    def _start_ticker(self) -> None:
        if self._message_interval is None or self._ticker is not None:
            return
        self._ticker = threading.Thread(
            target=self._tick, args=(self._message_interval,), name="FakePlivo-messages"
        )
        self._ticker.daemon = True
        self._ticker.start()

    def _tick(self, interval: float) -> None:
        while not self._stopping.wait(interval):
            self.fake.advance_messages()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (used by the command line)."""
        if self._closed:
            raise RuntimeError("this FakeServer is closed")
        log.info("FakePlivo serving on %s (lookup also on %s)", self.base_url, self.lookup_url)
        self._serve_in_thread(self._lookup, 0.1)
        self._start_ticker()
        self._httpd.serve_forever(poll_interval=0.1)

    def _serve_in_thread(self, httpd: _HTTPServer, poll_interval: float) -> None:
        thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": poll_interval},
            name=f"FakePlivo-{httpd.server_address[1]}",
            daemon=True,
        )
        self._threads[httpd] = thread
        thread.start()

    def close(self) -> None:
        """Stop serving and release the ports (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._stopping.set()
        if self._ticker is not None:
            self._ticker.join(timeout=10)
        for httpd, thread in self._threads.items():
            httpd.shutdown()  # only a listener whose serve_forever runs: else it would wait
            thread.join(timeout=5)
        self._httpd.server_close()
        self._lookup.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FakeServer(base_url={self.base_url!r})"
