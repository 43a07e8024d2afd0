"""Serve a ``VoiceApp`` under uvicorn with the settings that bound what a peer can hold.

uvicorn's defaults suit web apps, not a server any peer on the internet can reach:
permessage-deflate is negotiated (and its frame limit, 16 MiB, is checked after inflation: a
compression bomb), a TCP connection that never finishes its HTTP request is held forever, and
the keepalive does not follow the app's settings. ``uvicorn_config(app)`` returns the
``uvicorn.Config`` / ``uvicorn.run`` keyword arguments that close these holes::

    import uvicorn
    from plivo_agentstack.agent.asgi_serving import uvicorn_config

    uvicorn.run("myapp:app.asgi", workers=4, **uvicorn_config(app, host="0.0.0.0", port=9000))

or, from the command line (the same settings, as ``python -m``)::

    python -m plivo_agentstack.agent.asgi_serving myapp:app --host 0.0.0.0 --port 9000 --workers 4

The settings:

- ``ws_per_message_deflate=False``: no compression, so a frame costs what it weighs;
- ``ws_max_size=app.max_frame_size``: uvicorn refuses a larger frame itself (close 1009);
- ``ws_ping_interval`` / ``ws_ping_timeout``: the app's ``ping_interval`` / ``ping_timeout``;
- ``http=H11Protocol`` (this module's): uvicorn's h11 protocol, which also closes a connection
  that has not sent a complete HTTP request within ``timeout_keep_alive`` seconds (uvicorn
  itself starts that timer only after a first response, so a half-open handshake is held
  forever); ``timeout_keep_alive`` is the app's ``open_timeout`` rounded up;
- ``h11_max_incomplete_event_size``: 16 KiB of request headers at most.

The app itself drops a peer that stops reading (``send_timeout``) or floods it with pings
without reading the pongs (``max_queue_bytes``), under uvicorn as standalone.

``uvicorn_cli_args(app)`` gives the equivalent ``uvicorn`` command-line flags, for a
``uvicorn myapp:app.asgi ...`` command line: all but ``http=H11Protocol``, which the uvicorn
command line cannot take; with plain ``uvicorn``, put a proxy in front that times out
unfinished requests (nginx ``client_header_timeout``), or use ``python -m`` above.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from uvicorn.importer import import_from_string
from uvicorn.protocols.http.h11_impl import H11Protocol as _UvicornH11Protocol

if TYPE_CHECKING:
    from .app import VoiceApp

__all__ = ["H11Protocol", "uvicorn_config", "uvicorn_cli_args", "main"]

MAX_REQUEST_HEAD = 16 * 1024  # bytes of request line and headers (h11's default, made explicit)
DEFAULT_HANDSHAKE_TIMEOUT = 5  # seconds, when the app has no open_timeout (uvicorn's default)


class H11Protocol(_UvicornH11Protocol):
    """uvicorn's h11 protocol with a deadline for the first request of each connection.

    A connection that has not sent a complete HTTP request (for a ``VoiceApp``, the WebSocket
    upgrade) within ``timeout_keep_alive`` seconds of connecting is aborted; one that has been
    upgraded, or whose request is being answered, is left alone.
    """

    _first_request_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start serving the connection and arm the first-request deadline."""
        super().connection_made(transport)
        self._first_request_timer = self.loop.call_later(
            self.config.timeout_keep_alive, self._first_request_overdue
        )

    def connection_lost(self, exc: Exception | None) -> None:
        """Disarm the deadline and let uvicorn clean up."""
        if self._first_request_timer is not None:
            self._first_request_timer.cancel()
            self._first_request_timer = None
        super().connection_lost(exc)

    def _first_request_overdue(self) -> None:
        self._first_request_timer = None
        transport = self.transport
        if self.cycle is None and transport.get_protocol() is self and not transport.is_closing():
            transport.abort()


def _handshake_timeout(app: VoiceApp) -> int:
    if app.open_timeout is None:
        return DEFAULT_HANDSHAKE_TIMEOUT
    return max(1, math.ceil(app.open_timeout))


def uvicorn_config(app: VoiceApp, **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.Config`` / ``uvicorn.run`` that serve ``app`` safely.

    ``overrides`` (e.g. ``host``, ``port``, ``log_level``) are added, and win over the
    defaults; pass the app itself as ``uvicorn.Config(app.asgi, **uvicorn_config(app))``.
    """
    config: dict[str, Any] = {
        "http": f"{__name__}:H11Protocol",
        "ws": "websockets-sansio",
        "ws_per_message_deflate": False,
        "ws_max_size": app.max_frame_size,
        "ws_ping_interval": app.ping_interval,
        "ws_ping_timeout": app.ping_timeout,
        "timeout_keep_alive": _handshake_timeout(app),
        "h11_max_incomplete_event_size": MAX_REQUEST_HEAD,
        "lifespan": "on",
    }
    config.update(overrides)
    return config


def _flag_text(value: object) -> str:
    """A ``uvicorn_config`` value as uvicorn's command line writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def uvicorn_cli_args(app: VoiceApp) -> list[str]:
    """The ``uvicorn`` command-line flags with the settings of ``uvicorn_config`` (but ``http``).

    The uvicorn command line only takes its own HTTP protocols, so half-open handshakes are not
    closed this way: see the module docstring.
    """
    args = ["--http", "h11"]
    for name, value in uvicorn_config(app).items():
        if name == "http":
            continue
        if value is None and name == "ws_ping_interval":
            value = 0  # uvicorn's flag: 0 disables the pings (None in Python)
        elif value is None:
            # A ping timeout of None (wait for the pong forever) cannot be written, so
            # uvicorn's default (20 s) is left.
            continue
        args += ["--" + name.replace("_", "-"), _flag_text(value)]
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m plivo_agentstack.agent.asgi_serving module:app``: run uvicorn safely."""
    parser = argparse.ArgumentParser(
        prog="python -m plivo_agentstack.agent.asgi_serving",
        description="Serve a VoiceApp under uvicorn with the settings of uvicorn_config().",
    )
    parser.add_argument("app", help="the VoiceApp, as module:attribute (e.g. myapp:app)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    import uvicorn

    from .app import VoiceApp

    app = import_from_string(args.app)
    if not isinstance(app, VoiceApp):
        parser.error(f"{args.app} is a {type(app).__name__}, not a VoiceApp")
    # Workers import the app themselves, from its import string.
    target: Any = f"{args.app}.asgi" if args.workers > 1 else app.asgi
    uvicorn.run(
        target,
        **uvicorn_config(
            app,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
        ),
    )


if __name__ == "__main__":  # pragma: no cover - the command line
    main(sys.argv[1:])
