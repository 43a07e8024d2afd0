"""Property test: arbitrary frames never take a VoiceApp down (real server, real client)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from plivo_agentstack.agent import EVENT_TYPES, Session, ToolCall, VoiceApp
from plivo_agentstack.errors import InvalidFrameError

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
TYPED = st.builds(
    lambda kind, key, extra: {**extra, key: kind},
    st.sampled_from([*EVENT_TYPES, "brand.new", ""]),
    st.sampled_from(["type", "event"]),
    st.dictionaries(
        st.sampled_from(["id", "name", "arguments", "start", "media", "dtmf", "digit", "x"]),
        JSON,
        max_size=5,
    ),
)
FRAMES = st.one_of(
    st.text(max_size=120),
    st.binary(max_size=120),
    JSON.map(json.dumps),
    TYPED.map(json.dumps),
)


class ServerThread:
    """A VoiceApp served standalone from its own thread and event loop."""

    def __init__(self, app: VoiceApp) -> None:
        self.app = app
        self.url = ""
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with self.app.serving("127.0.0.1", 0) as server:
            self.url = server.url
            self._ready.set()
            await self._stop.wait()

    def __enter__(self) -> ServerThread:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the server did not start")
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)
        self._loop.close()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[ServerThread, list[BaseException]]]:
    """One server for every example; it must survive all of them."""
    app = VoiceApp()
    reported: list[BaseException] = []

    @app.on_handler_error
    def on_error(session: Session, event: Any, exc: BaseException) -> None:
        reported.append(exc)

    @app.on_tool_call
    def answer(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    with ServerThread(app) as running:
        yield running, reported


def probe(connection: ClientConnection) -> None:
    """Send a real tool call and wait for its answer (skipping answers to fuzzed tool calls)."""
    frame = {"type": "tool.called", "id": "probe", "name": "p", "arguments": {}}
    connection.send(json.dumps(frame))
    while True:
        message = json.loads(connection.recv(timeout=10))
        if message.get("id") == "probe":
            assert message == {"type": "tool.result", "id": "probe", "result": "ok"}
            return


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(frame=FRAMES)
def test_arbitrary_frames_never_take_the_server_down(
    server: tuple[ServerThread, list[BaseException]], frame: str | bytes
) -> None:
    """After any frame, the same call (or, if it ended the call, a new one) is still served."""
    running, reported = server
    with connect(running.url, compression=None) as connection:
        connection.send(frame)
        try:
            probe(connection)
        except ConnectionClosed:
            # The frame was a valid session.ended/stop: the call ended normally.
            assert connection.close_code == 1000
            with connect(running.url, compression=None) as fresh:
                probe(fresh)
    unexpected = [exc for exc in reported if not isinstance(exc, InvalidFrameError)]
    assert unexpected == []
