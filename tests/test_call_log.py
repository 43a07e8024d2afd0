"""The call's start and end log lines, over real WebSockets in both server flavours."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from plivo_agentstack.agent import Session, ToolCall, VoiceApp
from tests.ws_helpers import (
    RECV_TIMEOUT,
    Platform,
    call_tasks,
    finished,
    running,
    session_ended,
    session_started,
    tool_called,
)

pytestmark = pytest.mark.anyio

LOGGER = "plivo_agentstack.agent"


@pytest.fixture(params=["standalone", "asgi"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which server flavour serves the app."""
    return str(request.param)


def call_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The start and end records of calls, in order."""
    return [record for record in caplog.records if hasattr(record, "plivo")]


async def test_an_agent_call_logs_its_ids_at_start_and_its_counts_at_end(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Start: the ids of ``session.started``. End: duration, events in, messages out, handler
    errors (sync and async handlers), bad frames, close code; as text and as ``record.plivo``."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        if event.id == "boom":
            raise RuntimeError("database down")
        session.send_tool_result(event.id, "ok")

    @app.on_turn_completed
    async def turn(session: Session, event: Any) -> None:
        raise ValueError("bad turn")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started("as-1", "call-1"))
        await platform.send(tool_called("t1"))
        assert await platform.recv() == {"type": "tool.result", "id": "t1", "result": "ok"}
        tasks = call_tasks(app)
        await platform.send(tool_called("boom"))
        await platform.send({"type": "turn.completed", "turn_id": 1})
        await platform.send("{not json")
        await platform.send(session_ended())
        messages, code = await platform.recv_until_closed()
        await finished(tasks)
    assert messages == [{"type": "tool.error", "id": "boom", "error": "database down"}]
    start, end = call_lines(caplog)
    for record in (start, end):
        assert (record.name, record.levelno) == (LOGGER, logging.INFO)
    assert start.getMessage() == "call started: call_id=call-1 agent_session_id=as-1 stream_id=-"
    assert start.plivo == {
        "phase": "start",
        "call_id": "call-1",
        "agent_session_id": "as-1",
        "stream_id": None,
    }
    fields = dict(end.plivo)
    duration = fields.pop("duration_s")
    assert isinstance(duration, float) and duration >= 0
    assert fields == {
        "phase": "end",
        "call_id": "call-1",
        "agent_session_id": "as-1",
        "stream_id": None,
        "events_in": 5,
        "messages_out": 2,
        "handler_errors": 2,
        "bad_frames": 1,
        "close_code": 1000,
    }
    assert code == 1000
    assert end.getMessage() == (
        f"call ended: call_id=call-1 agent_session_id=as-1 stream_id=- duration_s={duration} "
        "events_in=5 messages_out=2 handler_errors=2 bad_frames=1 close_code=1000"
    )


async def test_a_raw_audio_stream_logs_the_ids_of_its_start_event(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """On a raw stream the ``start`` event carries the stream and call ids."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()

    @app.on("media")
    async def media(session: Session, event: Any) -> None:
        session.send_media(event.payload)

    start_frame = {
        "event": "start",
        "start": {
            "streamId": "st-9",
            "callId": "call-9",
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000},
        },
    }
    media_frame = {
        "event": "media",
        "sequenceNumber": 2,
        "streamId": "st-9",
        "media": {"track": "inbound", "timestamp": "0", "chunk": 1, "payload": "AAEC"},
    }
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(start_frame)
        for _ in range(3):
            await platform.send(media_frame)
            assert (await platform.recv())["media"]["payload"] == "AAEC"
        tasks = call_tasks(app)
    await finished(tasks)
    start, end = call_lines(caplog)
    assert start.plivo == {
        "phase": "start",
        "call_id": "call-9",
        "agent_session_id": None,
        "stream_id": "st-9",
    }
    assert {key: end.plivo[key] for key in ("call_id", "stream_id", "events_in")} == {
        "call_id": "call-9",
        "stream_id": "st-9",
        "events_in": 4,
    }
    assert end.plivo["messages_out"] == 3


async def test_a_call_without_ids_logs_its_start_at_the_first_event(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """No id-carrying event first: the start line goes out then, without ids; errors of
    ``on_connect`` and ``on_disconnect`` count as handler errors."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()
    order: list[str] = []

    @app.on_connect
    async def connected(session: Session) -> None:
        raise RuntimeError("no database")

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        order.append(f"lines before the handler: {len(call_lines(caplog))}")
        session.send_tool_result(event.id, "ok")

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        raise RuntimeError("still no database")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        await platform.recv()
        tasks = call_tasks(app)
    await finished(tasks)
    start, end = call_lines(caplog)
    assert order == ["lines before the handler: 1"]
    assert start.plivo == {
        "phase": "start",
        "call_id": None,
        "agent_session_id": None,
        "stream_id": None,
    }
    assert start.getMessage() == "call started: call_id=- agent_session_id=- stream_id=-"
    assert (end.plivo["events_in"], end.plivo["handler_errors"]) == (1, 2)


async def test_a_call_that_sends_nothing_logs_both_lines_when_it_ends(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A connection closed before any frame still gets its start line, then its end line."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()
    tasks: list[Any] = []
    connected = asyncio.Event()

    @app.on_connect
    async def on_connect(session: Session) -> None:
        tasks.extend(call_tasks(app))
        connected.set()

    async with running(app, mode) as url:
        async with Platform.call(url):
            await asyncio.wait_for(connected.wait(), RECV_TIMEOUT)
        await finished(tasks)
    start, end = call_lines(caplog)
    assert (start.plivo["phase"], start.plivo["call_id"]) == ("start", None)
    assert (end.plivo["phase"], end.plivo["events_in"]) == ("end", 0)


async def test_nothing_is_formatted_when_info_is_off(caplog: pytest.LogCaptureFixture) -> None:
    """At WARNING (the default) the call lines are not emitted."""
    caplog.set_level(logging.WARNING, logger=LOGGER)
    app = VoiceApp()

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        await platform.recv()
        tasks = call_tasks(app)
    await finished(tasks)
    assert call_lines(caplog) == []
