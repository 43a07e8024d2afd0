"""A keep-alive HTTP/1.1 server on 127.0.0.1 (asyncio streams) for the hostile-network tests.

Every request is answered on the same connection (keep-alive) unless its path asks otherwise.
The last path segment picks the behaviour:

- anything else: ``200`` with ``{"agent_uuid": <last segment, decoded>, "api_id": <raw path>}``
  after ``delay`` seconds, so a response names the request it answers;
- ``endless``: ``200`` with a chunked body that never ends (until the client hangs up);
  :attr:`HostileServer.sent` counts the body bytes written;
- ``trickle-body``: the head at once, then a JSON body one byte every ``interval`` seconds;
- ``trickle-head``: the status line and headers one byte every ``interval`` seconds.

Run in a thread (``with HostileServer() as server``) or as its own process
(``python -m tests.reliability._hostile_server --delay 0``; prints ``PORT <n>``), for tests
that fork and must not fork a process with a server thread.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
from typing import Any
from urllib.parse import unquote

CHUNK = b"x" * 65536


class HostileServer:
    """The server in a background thread with its own event loop."""

    def __init__(self, delay: float = 0.0, interval: float = 0.2) -> None:
        self.delay = delay
        self.interval = interval
        self.sent = 0  # body bytes written by ``endless`` responses
        self.requests = 0
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the hostile server did not start")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(start(self))
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self._started.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            tasks = asyncio.all_tasks(self._loop)
            for task in tasks:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()


async def start(state: Any, port: int = 0) -> asyncio.Server:
    """Start serving on 127.0.0.1:``port`` with the settings (and counters) of ``state``."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.decode("latin-1").split("\r\n")
                _method, target, _version = request_line.split(" ", 2)
                length = 0
                for line in lines:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length:
                    await reader.readexactly(length)
                state.requests += 1
                raw_path = target.partition("?")[0]
                last = raw_path.rsplit("/", 1)[-1]
                if last == "endless":
                    await endless(state, writer)
                    return
                if last in ("trickle-body", "trickle-head"):
                    await trickle(state, writer, head_too=last == "trickle-head")
                    return
                if state.delay:
                    await asyncio.sleep(state.delay)
                body = json.dumps({"agent_uuid": unquote(last), "api_id": raw_path}).encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:  # the server is stopping
            pass
        finally:
            writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096)


async def endless(state: Any, writer: asyncio.StreamWriter) -> None:
    """A chunked body that never ends."""
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    frame = b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK)
    while True:
        writer.write(frame)
        await writer.drain()
        state.sent += len(CHUNK)


async def trickle(state: Any, writer: asyncio.StreamWriter, *, head_too: bool) -> None:
    """One byte every ``state.interval`` seconds: of the whole response, or of its body."""
    body = json.dumps({"agent_uuid": "slow", "padding": "." * 200}).encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (
        len(body)
    )
    if not head_too:
        writer.write(head)
        await writer.drain()
    for index in range(len(head) if head_too else 0, len(head) + len(body)):
        await asyncio.sleep(state.interval)
        writer.write((head + body)[index : index + 1])
        await writer.drain()


def main() -> None:
    """Serve in this process until killed; print ``PORT <n>`` once listening."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--interval", type=float, default=0.2)
    args = parser.parse_args()

    async def serve() -> None:
        args.sent = args.requests = 0
        server = await start(args)
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    sys.exit(main())
