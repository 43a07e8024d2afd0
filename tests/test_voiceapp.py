"""VoiceApp over real WebSockets on 127.0.0.1: standalone server and ASGI app under uvicorn."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import threading
import typing
import wave
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import InvalidStatus

from plivo_agentstack.agent import Session, ToolCall, VoiceApp
from plivo_agentstack.agent.events import EVENT_TYPES
from plivo_agentstack.errors import InvalidFrameError, WebSocketError
from tests.ws_helpers import (
    SERVING_MODES,
    Platform,
    running,
    session_ended,
    session_started,
    tool_called,
)

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["standalone", "asgi"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which server flavour serves the app."""
    return str(request.param)


def wav_bytes() -> bytes:
    """A tiny valid PCM-16 WAV file."""
    import io

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x00\x01" * 160)
    return buffer.getvalue()


async def test_every_session_method_puts_its_exact_json_on_the_wire(
    mode: str, tmp_path: Path
) -> None:
    """The agent-mode Session methods, in order, as the platform receives them."""
    audio = wav_bytes()
    path = tmp_path / "hold.wav"
    path.write_bytes(audio)
    encoded = base64.b64encode(audio).decode()
    app = VoiceApp()

    @app.on("session.started")
    async def started(session: Session, event: Any) -> None:
        session.send_tool_result("t1", {"status": "shipped", "eta": 2})
        session.send_tool_error("t2", "order not found")
        session.send_text("Hel")
        session.send_text("", last=True)
        session.extend_wait()
        session.send_raw({"type": "custom.thing", "x": [1]})
        session.send_media("AAEC", content_type="audio/x-l16", sample_rate=16000)
        session.send_checkpoint("greeting-done")
        session.clear_audio()
        session.update(events={"metrics_events": True}, tool_call_timeout_s=60)
        session.inject("The caller is a premium member.")
        session.handoff(system_prompt="You are billing.", tools=[], summary="Wants a refund.")
        session.speak("One moment please.")
        session.play(str(path), allow_interruption=False)
        session.play(audio)
        session.transfer("+14155550199", dial_mode="sequential", timeout=20, caller_id="+1415")
        session.transfer(["sip:a@x", "sip:b@x"])
        session.send_dtmf("123#")
        session.play_background("office", volume=0.3, loop=False)
        session.stop_background()
        session.hangup()

    expected = [
        {"type": "tool.result", "id": "t1", "result": {"status": "shipped", "eta": 2}},
        {"type": "tool.error", "id": "t2", "error": "order not found"},
        {"type": "text", "token": "Hel", "last": False},
        {"type": "text", "token": "", "last": True},
        {"type": "agent_session.extend_wait"},
        {"type": "custom.thing", "x": [1]},
        {
            "event": "playAudio",
            "media": {"contentType": "audio/x-l16", "sampleRate": 16000, "payload": "AAEC"},
        },
        {"event": "checkpoint", "streamId": "", "name": "greeting-done"},
        {"event": "clearAudio", "streamId": ""},
        {
            "type": "agent_session.update",
            "events": {"metrics_events": True},
            "tool_call_timeout_s": 60,
        },
        {"type": "agent_session.inject", "content": "The caller is a premium member."},
        {"type": "agent_session.update", "system_prompt": "You are billing.", "tools": []},
        {"type": "agent_session.inject", "content": "Wants a refund."},
        {"type": "agent_session.speak", "text": "One moment please."},
        {"type": "agent_session.play", "audio_data": encoded, "allow_interruption": False},
        {"type": "agent_session.play", "audio_data": encoded},
        {
            "type": "agent_session.transfer",
            "destination": ["+14155550199"],
            "dial_mode": "sequential",
            "timeout": 20,
            "caller_id": "+1415",
        },
        {
            "type": "agent_session.transfer",
            "destination": ["sip:a@x", "sip:b@x"],
            "dial_mode": "parallel",
            "timeout": 30,
        },
        {"type": "agent_session.send_dtmf", "digits": "123#"},
        {"type": "audio.mix", "sound": "office", "volume": 0.3, "loop": False},
        {"type": "audio.mix_enable", "enabled": False},
        {"type": "agent_session.hangup"},
    ]
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started())
        assert await platform.recv_many(len(expected)) == expected


async def test_stream_id_is_used_by_checkpoint_and_clear_audio(mode: str) -> None:
    """After the audio-stream ``start`` event, checkpoints carry its stream id."""
    app = VoiceApp()
    seen: list[tuple[str | None, str | None]] = []

    @app.on("start")
    def start(session: Session, event: Any) -> None:
        seen.append((session.stream_id, session.call_uuid))
        session.send_checkpoint("c1")
        session.clear_audio()

    start_frame = {
        "event": "start",
        "start": {
            "streamId": "st-9",
            "callId": "call-9",
            "mediaFormat": {"type": "audio/x-mulaw", "rate": 8000},
        },
    }
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(start_frame)
        assert await platform.recv_many(2) == [
            {"event": "checkpoint", "streamId": "st-9", "name": "c1"},
            {"event": "clearAudio", "streamId": "st-9"},
        ]
    assert seen == [("st-9", "call-9")]


async def test_stream_methods_put_plivos_messages_on_the_wire(mode: str) -> None:
    """On a raw stream: media in the stream's format, sendDTMF, muteStream, unmuteStream."""
    from tests.test_events import STREAM_FRAMES

    app = VoiceApp()
    formats: list[Any] = []

    @app.on("start")
    def start(session: Session, event: Any) -> None:
        session.send_media("AAEC")  # the stream's format: L16 at 16 kHz, from its start frame
        session.send_media("AAEC", content_type="audio/x-mulaw", sample_rate=8000)
        session.send_dtmf("12#")
        session.mute_stream()
        session.unmute_stream()

    @app.on("media")
    def media(session: Session, event: Any) -> None:
        formats.append((event.content_type, event.sample_rate, event.chunk))
        session.speak("got it")

    start_frame = next(frame for cls, frame, _ in STREAM_FRAMES if cls.__name__ == "StreamStart")
    media_frame = next(frame for cls, frame, _ in STREAM_FRAMES if cls.__name__ == "StreamMedia")
    stream = start_frame["start"]["streamId"]
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(start_frame)
        assert await platform.recv_many(5) == [
            {
                "event": "playAudio",
                "media": {"contentType": "audio/x-l16", "sampleRate": 16000, "payload": "AAEC"},
            },
            {
                "event": "playAudio",
                "media": {"contentType": "audio/x-mulaw", "sampleRate": 8000, "payload": "AAEC"},
            },
            {"event": "sendDTMF", "dtmf": "12#"},
            {"event": "muteStream", "streamId": stream},
            {"event": "unmuteStream", "streamId": stream},
        ]
        await platform.send(media_frame)
        assert (await platform.recv())["text"] == "got it"
    assert formats == [("audio/x-l16", 16000, 41)]


async def test_sync_and_async_handlers_answer_tool_calls(mode: str) -> None:
    """A plain function and a coroutine function both work as handlers."""
    app = VoiceApp()
    threads: list[str] = []

    @app.on("tool.called")
    def sync_tool(session: Session, event: ToolCall) -> None:
        threads.append(threading.current_thread().name)
        session.send_tool_result(event.id, {"order": event.arguments["order_id"]})

    @app.on("user.dtmf")
    async def async_dtmf(session: Session, event: Any) -> None:
        await asyncio.sleep(0)
        session.speak(f"You pressed {event.digit}")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started())
        await platform.send(tool_called("t1", order_id="A-7"))
        await platform.send({"type": "user.dtmf", "digit": "5"})
        assert await platform.recv_many(2) == [
            {"type": "tool.result", "id": "t1", "result": {"order": "A-7"}},
            {"type": "agent_session.speak", "text": "You pressed 5"},
        ]
    assert threads and threads[0].startswith("voiceapp-handler")


async def test_catch_all_runs_before_the_typed_handler_and_sees_unknown_types(mode: str) -> None:
    """``on_event`` runs first for every event; unknown types arrive as the raw dict."""
    app = VoiceApp()
    order: list[tuple[str, str]] = []

    @app.on_event
    async def everything(session: Session, event: Any) -> None:
        name = type(event).__name__
        order.append(("any", name if name != "dict" else event["type"]))

    @app.on("tool.called")
    def typed(session: Session, event: ToolCall) -> None:
        order.append(("typed", type(event).__name__))
        session.send_tool_result(event.id, "ok")

    with pytest.warns(UserWarning, match="not an event type this SDK knows"):

        @app.on("brand.new_event")
        def future(session: Session, event: Any) -> None:
            order.append(("typed", event["type"]))
            session.speak(event["payload"])

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started())
        await platform.send(tool_called("t1"))
        await platform.send({"type": "brand.new_event", "payload": "hello"})
        assert await platform.recv_many(2) == [
            {"type": "tool.result", "id": "t1", "result": "ok"},
            {"type": "agent_session.speak", "text": "hello"},
        ]
    assert order == [
        ("any", "AgentSessionStarted"),
        ("any", "ToolCall"),
        ("typed", "ToolCall"),
        ("any", "brand.new_event"),
        ("typed", "brand.new_event"),
    ]


async def test_connect_and_disconnect_run_once_each(mode: str) -> None:
    """``on_connect`` runs before the first event, ``on_disconnect`` once after the close."""
    app = VoiceApp()
    log: list[str] = []
    done = asyncio.Event()

    @app.on_connect
    def connected(session: Session) -> None:
        log.append("connect")

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        log.append(f"started {session.agent_session_id} {session.call_uuid}")

    @app.on_session_ended
    async def ended(session: Session, event: Any) -> None:
        log.append(f"ended {event.duration_seconds}")

    @app.on_disconnect
    async def disconnected(session: Session) -> None:
        log.append("disconnect")
        done.set()

    async with running(app, mode) as url:
        async with Platform.call(url) as platform:
            await platform.send(session_started("as-7", "call-7"))
            await platform.send(session_ended())
            messages, code = await platform.recv_until_closed()
        await asyncio.wait_for(done.wait(), 10)
    assert messages == []
    assert code == 1000
    assert log == ["connect", "started as-7 call-7", "ended 42", "disconnect"]


async def test_handler_in_a_thread_can_use_the_session(mode: str) -> None:
    """Session methods are thread-safe: a worker thread started by a handler can answer."""
    app = VoiceApp()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        def later() -> None:
            session.speak("Looking it up")
            session.send_tool_result(event.id, {"found": True})

        threading.Thread(target=later).start()

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t9"))
        assert await platform.recv_many(2) == [
            {"type": "agent_session.speak", "text": "Looking it up"},
            {"type": "tool.result", "id": "t9", "result": {"found": True}},
        ]


async def test_malformed_frames_are_reported_and_skipped(mode: str) -> None:
    """Bad JSON, binary, non-objects and frames without a type do not end the call."""
    app = VoiceApp()
    errors: list[tuple[Any, BaseException]] = []

    @app.on_handler_error
    async def on_error(session: Session, event: Any, exc: BaseException) -> None:
        errors.append((event, exc))

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        for bad in ["{not json", b"\x00\x01binary", "[1, 2]", '{"no": "type"}', '"text"']:
            await platform.send(bad)
        await platform.send(tool_called("t2"))
        assert await platform.recv_many(2) == [
            {"type": "tool.result", "id": "t1", "result": "ok"},
            {"type": "tool.result", "id": "t2", "result": "ok"},
        ]
    assert len(errors) == 5
    assert all(event is None and isinstance(exc, InvalidFrameError) for event, exc in errors)


async def test_a_handler_that_raises_is_reported_and_the_call_goes_on(mode: str) -> None:
    """The exception reaches ``on_handler_error`` (sync here) with the event; later events work."""
    app = VoiceApp()
    errors: list[tuple[str, str]] = []

    @app.on_handler_error
    def on_error(session: Session, event: Any, exc: BaseException) -> None:
        errors.append((type(event).__name__, str(exc)))

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        if event.id == "boom":
            raise RuntimeError("database down")
        session.send_tool_result(event.id, "ok")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("boom"))
        await platform.send(tool_called("t2"))
        assert await platform.recv_many(2) == [
            {"type": "tool.error", "id": "boom", "error": "database down"},  # by the SDK
            {"type": "tool.result", "id": "t2", "result": "ok"},
        ]
    assert errors == [("ToolCall", "database down")]


async def test_a_blocked_handler_delays_only_its_own_call(mode: str) -> None:
    """While call A's sync handler blocks, call B is served; A's events stay in order."""
    app = VoiceApp()
    release = threading.Event()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        if event.arguments.get("block"):
            release.wait(30)
        session.send_tool_result(event.id, "done")

    async with running(app, mode) as url:
        async with Platform.call(url) as a, Platform.call(url) as b:
            await a.send(tool_called("a1", block=True))
            await a.send(tool_called("a2"))
            for index in range(5):
                await b.send(tool_called(f"b{index}"))
            answers = await b.recv_many(5)
            assert [m["id"] for m in answers] == ["b0", "b1", "b2", "b3", "b4"]
            assert not release.is_set()
            release.set()
            assert [m["id"] for m in await a.recv_many(2)] == ["a1", "a2"]


async def test_queued_messages_are_flushed_before_close(mode: str) -> None:
    """Messages queued by the last handler still reach the platform before the close."""
    app = VoiceApp()

    @app.on_session_ended
    def ended(session: Session, event: Any) -> None:
        for index in range(50):
            session.speak(f"bye {index}")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_ended())
        messages, code = await platform.recv_until_closed()
    assert [m["text"] for m in messages] == [f"bye {index}" for index in range(50)]
    assert code == 1000


async def test_full_outbound_queue_raises_a_clear_error(mode: str) -> None:
    """A handler that outruns the writer gets WebSocketError; memory stays bounded."""
    app = VoiceApp(max_queue=3)
    failures: list[str] = []

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        for index in range(10):
            try:
                session.speak(str(index))
            except WebSocketError as exc:
                failures.append(str(exc))
                break

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        assert [m["text"] for m in await platform.recv_many(3)] == ["0", "1", "2"]
    assert len(failures) == 1
    assert "outbound queue is full (3 messages)" in failures[0]


async def test_update_cannot_change_the_message_type() -> None:
    """``update(type=...)`` is refused instead of silently sending another message type."""
    app = VoiceApp()
    outcome: list[str] = []

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        try:
            session.update(type="agent_session.hangup")
        except ValueError as exc:
            outcome.append(str(exc))
        session.update(system_prompt="x")

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(session_started())
        assert await platform.recv() == {"type": "agent_session.update", "system_prompt": "x"}
    assert outcome and "cannot set 'type'" in outcome[0]


async def test_a_failed_send_is_reported_once_and_ends_the_call() -> None:
    """When the platform is gone, the first failed send is reported and the call closes."""
    app = VoiceApp()
    gone = threading.Event()
    errors: list[BaseException] = []
    disconnects: list[str] = []

    @app.on_handler_error
    def on_error(session: Session, event: Any, exc: BaseException) -> None:
        errors.append(exc)

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        disconnects.append("x")

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        gone.wait(30)
        session.speak("anyone there?")

    async with running(app, "standalone") as url:
        async with Platform.call(url) as platform:
            await platform.send(session_started())
        gone.set()
        for _ in range(500):
            if disconnects:
                break
            await asyncio.sleep(0.01)
    assert disconnects == ["x"]
    assert len(errors) == 1
    assert isinstance(errors[0], WebSocketError)
    assert "sending to the platform failed" in str(errors[0])


@pytest.mark.parametrize("where", ["header", "query", "callback"])
async def test_inbound_authentication(mode: str, where: str) -> None:
    """A wrong or missing secret is refused before any handler runs; the right one works."""
    connects: list[str] = []
    if where == "callback":
        app = VoiceApp(authenticate=lambda request: request.query.get("key") == "k1")
    else:
        app = VoiceApp(auth_secret="s3cr3t")

    @app.on_connect
    def connected(session: Session) -> None:
        connects.append("connected")

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    good: dict[str, Any]
    bad: dict[str, Any]
    suffix_good = suffix_bad = ""
    if where == "header":
        good = {"additional_headers": {"agentSecret": "s3cr3t"}}
        bad = {"additional_headers": {"agentSecret": "s3cr3T"}}
    else:
        good = bad = {}
        key = "agentSecret=s3cr3t" if where == "query" else "key=k1"
        suffix_good = f"/ws?{key}"
        suffix_bad = "/ws?agentSecret=nope&key=nope"

    async with running(app, mode) as url:
        with pytest.raises(InvalidStatus) as info:
            async with Platform.call(url + suffix_bad, **bad):
                pass
        assert info.value.response.status_code in (401, 403)
        with pytest.raises(InvalidStatus):
            async with Platform.call(url):
                pass
        assert connects == []
        async with Platform.call(url + suffix_good, **good) as platform:
            await platform.send(tool_called("t1"))
            assert await platform.recv() == {"type": "tool.result", "id": "t1", "result": "ok"}
    assert connects == ["connected"]


async def test_shutdown_closes_open_calls_going_away_after_flushing() -> None:
    """Shutdown sends what is still queued, closes each call with 1001, disconnects once each.

    The platform side does not read until shutdown starts, so the writers are stalled by TCP
    back-pressure and every call still has queued messages when ``shutdown()`` is called.
    """
    app = VoiceApp(flush_timeout=30, max_queue_bytes=16 * 2**20)  # 100 x 64 KiB queued
    disconnects: list[str | None] = []
    big = "x" * 65536

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        for index in range(100):
            session.speak(f"{index} {big}")

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        disconnects.append(session.call_uuid)

    async with running(app, "standalone") as url:
        async with (
            Platform.call(url) as a,
            Platform.call(url) as b,
            Platform.call(url) as c,
        ):
            for index, platform in enumerate((a, b, c)):
                await platform.send(session_started(call_id=f"c{index}"))
            for _ in range(1000):
                if len(app.calls) == 3 and all(len(call.outbox) > 0 for call in app.calls):
                    break
                await asyncio.sleep(0.01)
            assert all(len(call.outbox) > 0 for call in app.calls)
            readers = [asyncio.create_task(p.recv_until_closed()) for p in (a, b, c)]
            await app.shutdown()
            results = [await reader for reader in readers]
    for messages, code in results:
        assert [int(m["text"].split()[0]) for m in messages] == list(range(100))
        assert code == 1001
    assert sorted(disconnects) == ["c0", "c1", "c2"]  # type: ignore[type-var]


async def test_http_request_to_the_asgi_app_gets_426() -> None:
    """A plain HTTP GET to the ASGI app is answered 426 Upgrade Required."""
    import httpx

    app = VoiceApp()
    async with running(app, "asgi") as url:
        async with httpx.AsyncClient() as client:
            response = await client.get(url.replace("ws://", "http://"))
    assert response.status_code == 426


def test_registration_errors() -> None:
    """Misused decorators fail at import time with a clear message."""
    app = VoiceApp()
    with pytest.raises(TypeError, match="needs the event type string"):
        app.on(lambda s, e: None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be callable"):
        app.on_event(42)  # type: ignore[type-var]
    with pytest.raises(ValueError, match="max_queue"):
        VoiceApp(max_queue=0)
    with pytest.raises(ValueError, match="auth_secret"):
        VoiceApp(auth_secret="")


async def test_handle_starlette_serves_a_call_inside_a_starlette_app() -> None:
    """``await app.handle_starlette(ws)`` (and ``handle_fastapi``) in a mounted route."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.routing import WebSocketRoute
    from starlette.websockets import WebSocket

    app = VoiceApp()
    disconnects: list[str] = []

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "from starlette")

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        disconnects.append("x")

    async def endpoint(websocket: WebSocket) -> None:
        await websocket.accept()
        await app.handle_fastapi(websocket)

    web = Starlette(routes=[WebSocketRoute("/ws", endpoint)])
    server = uvicorn.Server(uvicorn.Config(web, host="127.0.0.1", port=0, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        async with Platform.call(f"ws://127.0.0.1:{port}/ws") as platform:
            await platform.send(tool_called("t1"))
            await platform.send(b"\x01binary is reported, not fatal")
            await platform.send(tool_called("t2"))
            assert [m["id"] for m in await platform.recv_many(2)] == ["t1", "t2"]
            await platform.send(session_ended())
            _, code = await platform.recv_until_closed()
        assert code == 1000
    finally:
        server.should_exit = True
        await task
    assert disconnects == ["x"]


async def test_every_event_type_arrives_typed_over_the_wire(mode: str) -> None:
    """Each event type, sent as a realistic frame, reaches its handler typed."""
    from tests.test_events import PLATFORM_FRAMES, STREAM_FRAMES

    frames = [(cls, frame) for cls, frame in PLATFORM_FRAMES]
    frames += [(cls, frame) for cls, frame, _ in STREAM_FRAMES]
    # session.ended and stop end the call: send them last, in their own calls.
    last = {"session.ended", "stop"}
    ordinary = [(cls, f) for cls, f in frames if f.get("type", f.get("event")) not in last]
    final = [(cls, f) for cls, f in frames if f.get("type", f.get("event")) in last]
    app = VoiceApp()
    received: list[type] = []

    @app.on_event
    async def record(session: Session, event: Any) -> None:
        received.append(type(event))
        if len(received) == len(ordinary):
            session.speak("all received")

    async with running(app, mode) as url:
        async with Platform.call(url) as platform:
            for _, frame in ordinary:
                await platform.send(frame)
            assert await platform.recv() == {"type": "agent_session.speak", "text": "all received"}
        for _, frame in final:
            async with Platform.call(url) as platform:
                await platform.send(frame)
                _, code = await platform.recv_until_closed()
                assert code == 1000
    assert received == [cls for cls, _ in ordinary] + [cls for cls, _ in final]
    assert set(received) == set(EVENT_TYPES.values())  # every registered type


async def test_asgi_server_shutdown_disconnects_open_calls_once() -> None:
    """Stopping uvicorn with a call open closes it and runs ``on_disconnect`` once.

    uvicorn closes open WebSockets itself (1012, service restart) before it tells the app to
    shut down; the standalone server instead flushes and closes with 1000 (tested above).
    """
    app = VoiceApp()
    disconnects: list[str | None] = []
    ready = asyncio.Event()

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        session.speak("hello")
        ready.set()

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        disconnects.append(session.call_uuid)

    async with contextlib.AsyncExitStack() as client_side:
        async with running(app, "asgi") as url:
            platform = await client_side.enter_async_context(Platform.call(url))
            await platform.send(session_started(call_id="c-asgi"))
            assert await platform.recv() == {"type": "agent_session.speak", "text": "hello"}
            await asyncio.wait_for(ready.wait(), 10)
            reader = asyncio.create_task(platform.recv_until_closed())
        # uvicorn has stopped while the client still held the call open
        messages, code = await reader
    assert messages == []
    assert code == 1012  # uvicorn closes open sockets itself ("service restart") before lifespan
    assert disconnects == ["c-asgi"]


@pytest.mark.parametrize("flavour", ["async", "sync"])
async def test_messages_queued_before_a_handler_waits_leave_while_it_waits(
    mode: str, flavour: str
) -> None:
    """A message queued before the handler waits reaches the platform while it waits."""
    app = VoiceApp()
    release = threading.Event()
    released = asyncio.Event()

    if flavour == "async":

        @app.on_tool_call
        async def tool(session: Session, event: ToolCall) -> None:
            session.speak("one moment")
            await released.wait()
            session.send_tool_result(event.id, "found")

    else:

        @app.on_tool_call
        def tool_sync(session: Session, event: ToolCall) -> None:
            session.speak("one moment")
            release.wait(30)
            session.send_tool_result(event.id, "found")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        assert await platform.recv() == {"type": "agent_session.speak", "text": "one moment"}
        release.set()
        released.set()
        assert (await platform.recv())["result"] == "found"


async def test_an_async_handler_that_waits_then_raises_is_reported() -> None:
    """An exception after the handler's first wait is reported like one before it."""
    app = VoiceApp()
    errors: list[tuple[Any, BaseException]] = []

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        await asyncio.sleep(0)
        session.speak("half done")
        raise LookupError(event.id)

    @app.on_handler_error
    def failed(session: Session, event: Any, exc: BaseException) -> None:
        errors.append((event, exc))

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        first, second = await platform.recv_many(2)
    assert first == {"type": "agent_session.speak", "text": "half done"}
    assert second == {"type": "tool.error", "id": "t1", "error": "t1"}  # str(the exception)
    assert [(type(exc), exc.args) for _, exc in errors] == [(LookupError, ("t1",))]


async def test_an_async_handler_may_return_a_value_or_raise_stop_iteration(mode: str) -> None:
    """A returned value is ignored (not an error); StopIteration raised inside a handler is the
    RuntimeError Python makes of it, reported like any other handler error."""
    app = VoiceApp()
    errors: list[BaseException] = []

    @app.on("media")
    async def media(session: Session, event: Any) -> Any:
        session.send_media(event.payload)
        if event.payload == "U1RPUA==":
            raise StopIteration("leaks out of a coroutine")
        return {"not": "None"}

    @app.on_handler_error
    def failed(session: Session, event: Any, exc: BaseException) -> None:
        errors.append(exc)

    def frame(payload: str) -> dict[str, Any]:
        return {"event": "media", "media": {"payload": payload}}

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(frame("QQ=="))
        await platform.send(frame("U1RPUA=="))
        await platform.send(frame("Qg=="))
        replies = await platform.recv_many(3)
    assert [reply["media"]["payload"] for reply in replies] == ["QQ==", "U1RPUA==", "Qg=="]
    assert [type(exc) for exc in errors] == [RuntimeError]
    assert "StopIteration" in str(errors[0])


async def test_shutdown_cancels_an_async_handler_that_never_returns() -> None:
    """A handler stuck in an await is cancelled at shutdown; the call still disconnects once."""
    app = VoiceApp(shutdown_timeout=0.2)
    cancelled: list[str] = []
    disconnects: list[str | None] = []

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.speak("checking")
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(event.id)
            raise

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        disconnects.append(session.call_uuid)

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(session_started(call_id="c1"))
        await platform.send(tool_called("t1"))
        assert (await platform.recv())["text"] == "checking"
        await app.shutdown()
        _, code = await platform.recv_until_closed()
    assert cancelled == ["t1"]
    assert disconnects == ["c1"]
    assert code == 1001


async def test_the_asgi_app_turns_nagle_off_under_uvicorn_workers_mode() -> None:
    """``uvicorn --workers`` listens on a socket made without IPPROTO_TCP; the call's gets NODELAY.

    Without TCP_NODELAY a message sent right after another waits for the peer's delayed ACK.
    """
    import socket

    import uvicorn

    listener = socket.socket(socket.AF_INET)  # as uvicorn's Config.bind_socket() makes it
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    app = VoiceApp()

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        session.speak("hi")

    server = uvicorn.Server(uvicorn.Config(app.asgi, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[listener]))
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        async with Platform.call(f"ws://127.0.0.1:{port}") as platform:
            await platform.send(session_started())
            assert (await platform.recv())["text"] == "hi"
            (protocol,) = server.server_state.connections
            sock = protocol.transport.get_extra_info("socket")  # type: ignore[attr-defined]
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        server.should_exit = True
        await task
        listener.close()


async def test_an_async_handler_can_run_blocking_work_on_the_handler_threads() -> None:
    """``await app.run_in_thread(fn, *args)`` runs ``fn`` off the loop and returns its result."""
    app = VoiceApp()
    loop_thread = threading.get_ident()

    def lookup(order: str) -> dict[str, Any]:
        return {"order": order, "off_loop": threading.get_ident() != loop_thread}

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, await app.run_in_thread(lookup, event.arguments["id"]))

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1", id="A-17"))
        answer = await platform.recv()
    assert answer["result"] == {"order": "A-17", "off_loop": True}


async def test_run_in_thread_takes_keyword_arguments_and_raises_what_fn_raised() -> None:
    """Keyword arguments reach ``fn``; its exception comes out of the awaited future."""
    app = VoiceApp()
    loop_thread = threading.get_ident()

    def scaled(value: int, *, factor: int) -> tuple[int, bool]:
        return value * factor, threading.get_ident() != loop_thread

    def broken(key: str) -> None:
        raise KeyError(key)

    try:
        assert await app.run_in_thread(scaled, 2, factor=3) == (6, True)
        with pytest.raises(KeyError, match="missing"):
            await app.run_in_thread(broken, key="missing")
    finally:
        await app.shutdown()


def test_run_in_thread_is_typed_like_the_function() -> None:
    """The future's type is ``fn``'s return type, and the arguments ``fn``'s parameters."""
    hints = typing.get_type_hints(VoiceApp.run_in_thread)
    params, result = typing.get_args(hints["fn"])
    assert hints["return"] == asyncio.Future[result]
    assert isinstance(result, typing.TypeVar)
    assert isinstance(params, typing.ParamSpec)
    assert (hints["args"], hints["kwargs"]) == (params.args, params.kwargs)


@pytest.mark.parametrize("mode", SERVING_MODES)
async def test_a_call_reads_its_socket_in_blocks_the_heap_serves(mode: str) -> None:
    """asyncio's transports ask for 256 KiB per read, which glibc may serve by mmap per frame.

    Every way of serving on asyncio bounds the call's reads to ``READ_SIZE`` (64 KiB).
    """
    from plivo_agentstack.agent._transport import READ_SIZE

    app = VoiceApp()
    seen: list[Any] = []

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        seen.extend(getattr(call._raw, "max_size", None) for call in app.calls)
        session.speak("hi")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started())
        assert (await platform.recv())["text"] == "hi"
    assert seen == [READ_SIZE]


async def test_error_observers_see_handler_errors_and_can_be_removed() -> None:
    """``app.dispatcher.observe_errors``: every reported error, before on_handler_error; an
    observer that raises is skipped; the remover stops it."""
    app = VoiceApp()
    seen: list[str] = []
    handled: list[str] = []

    @app.on("user.transcription")
    async def broken(session: Session, event: Any) -> None:
        raise ValueError(event.text)

    @app.on_handler_error
    async def on_error(session: Session, event: Any, exc: BaseException) -> None:
        handled.append(str(exc))
        session.speak(f"handled {exc}")

    def bad_observer(session: Session, event: Any, exc: BaseException) -> None:
        raise RuntimeError("observer bug")

    remove = app.dispatcher.observe_errors(lambda s, e, exc: seen.append(str(exc)))
    app.dispatcher.observe_errors(bad_observer)
    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send({"type": "user.transcription", "text": "one", "is_final": True})
        assert (await platform.recv())["text"] == "handled one"
        remove()
        await platform.send({"type": "user.transcription", "text": "two", "is_final": True})
        assert (await platform.recv())["text"] == "handled two"
    assert seen == ["one"]
    assert handled == ["one", "two"]


async def test_per_tool_handlers_answer_by_name_and_the_rest_go_to_on_tool_call(mode: str) -> None:
    """``@app.tool(name)``: async or sync, the return value is the tool.result; a raise is a
    tool.error; other names reach ``on_tool_call``; the catch-all still sees every call."""
    app = VoiceApp()
    seen: list[str] = []

    @app.on_event
    async def everything(session: Session, event: Any) -> None:
        if isinstance(event, ToolCall):
            seen.append(event.name)

    @app.tool("lookup_order")
    async def lookup(session: Session, call: ToolCall) -> dict[str, str]:
        return {"status": "shipped", "order": call.arguments["order_id"]}

    @app.tool("eta")
    def eta(session: Session, call: ToolCall) -> int:
        if call.arguments.get("fail"):
            raise LookupError("no such order")
        return 2

    @app.on_tool_call
    def other(session: Session, call: ToolCall) -> None:
        session.send_tool_result(call.id, f"other:{call.name}")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1", "lookup_order", order_id="A-7"))
        await platform.send(tool_called("t2", "eta"))
        await platform.send(tool_called("t3", "eta", fail=True))
        await platform.send(tool_called("t4", "weather"))
        assert await platform.recv_many(4) == [
            {"type": "tool.result", "id": "t1", "result": {"status": "shipped", "order": "A-7"}},
            {"type": "tool.result", "id": "t2", "result": 2},
            {"type": "tool.error", "id": "t3", "error": "no such order"},
            {"type": "tool.result", "id": "t4", "result": "other:weather"},
        ]
    assert seen == ["lookup_order", "eta", "eta", "weather"]


def test_a_second_handler_for_one_event_or_tool_needs_replace() -> None:
    app = VoiceApp()

    @app.on_tool_call
    def first(session: Session, call: ToolCall) -> None: ...

    with pytest.raises(ValueError, match=r"'tool.called' is already registered \(.*first\)"):
        app.on_tool_call(lambda session, call: None)
    app.on("tool.called", replace=True)(lambda session, call: None)
    app.tool("eta")(lambda session, call: 1)
    with pytest.raises(ValueError, match="tool 'eta' is already registered"):
        app.tool("eta")(lambda session, call: 2)
    app.tool("eta", replace=True)(lambda session, call: 3)


def test_an_unknown_event_type_warns_with_the_closest_known_one() -> None:
    app = VoiceApp()
    with pytest.warns(UserWarning, match=r"'tool.caled'.*did you mean 'tool.called'\?"):
        app.on("tool.caled")(lambda session, event: None)


async def test_context_variables_flow_into_sync_handlers() -> None:
    """A value set in the call's context (e.g. by on_connect) is seen by sync handlers."""
    import contextvars

    trace: contextvars.ContextVar[str] = contextvars.ContextVar("trace", default="none")
    app = VoiceApp()

    @app.on_connect
    async def connected(session: Session) -> None:
        trace.set("trace-42")

    @app.on_setup
    def setup(session: Session, event: Any) -> None:  # runs on a handler thread
        session.speak(trace.get())

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(session_started())
        assert (await platform.recv())["text"] == "trace-42"


async def test_the_standalone_server_serves_wss_with_an_ssl_context(tmp_path: Path) -> None:
    """``serving(ssl=context)``: a wss:// URL; a client that trusts the certificate is served,
    one that does not is refused at the TLS handshake."""
    import ssl

    from websockets.asyncio.client import connect

    from tests.tls_helpers import self_signed_certificate

    cert, key = self_signed_certificate(tmp_path)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    trusting = ssl.create_default_context(cafile=cert)
    app = VoiceApp()

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        session.speak("secure hello")

    async with app.serving("127.0.0.1", 0, ssl=server_context) as server:
        assert server.url.startswith("wss://127.0.0.1:")
        async with connect(server.url, ssl=trusting) as ws:
            await ws.send(json.dumps(session_started()))
            assert json.loads(await ws.recv())["text"] == "secure hello"
        with pytest.raises(ssl.SSLCertVerificationError):
            async with connect(server.url, ssl=ssl.create_default_context()):
                pass
    with pytest.raises(TypeError, match="ssl must be an ssl.SSLContext"):
        async with app.serving("127.0.0.1", 0, ssl="cert.pem"):  # type: ignore[arg-type]
            pass


async def test_health_and_readiness_probes_answer_plain_gets_before_any_auth(mode: str) -> None:
    """/healthz 200, /readyz 200 while serving, other paths 426/upgrade; the secret is not
    asked; /readyz turns 503 once the app is shutting down; probes leave no log line."""
    import logging

    import httpx

    app = VoiceApp(auth_secret="s3cret")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    loggers = [logging.getLogger(name) for name in ("websockets.server", "uvicorn.access")]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        async with running(app, mode) as url:
            base = url.replace("ws://", "http://", 1).split("/", 3)
            origin = "/".join(base[:3])
            async with httpx.AsyncClient(base_url=origin) as http:
                health = await http.get("/healthz")
                ready = await http.get("/readyz?verbose=1")
                assert (health.status_code, health.text) == (200, "ok\n")
                assert (ready.status_code, ready.text) == (200, "ready\n")
                app.accepting = False  # what shutdown() does first
                assert (await http.get("/readyz")).status_code == 503
                app.accepting = True
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    probe_lines = [r for r in records if "healthz" in r.getMessage() or "readyz" in r.getMessage()]
    assert probe_lines == []
    assert not [r for r in records if r.getMessage().startswith("HTTP response sent (200")]


async def test_shutdown_makes_the_readiness_probe_fail() -> None:
    app = VoiceApp()
    assert app.probe("/readyz") == (200, "ready\n")
    await app.shutdown()
    assert app.probe("/readyz") == (503, "shutting down\n")
    assert app.probe("/healthz") == (200, "ok\n")
    assert app.probe("/other") is None
    quiet = VoiceApp(health_path=None, ready_path="/ready")
    assert quiet.probe("/healthz") is None and quiet.probe("/ready") == (200, "ready\n")
    with pytest.raises(ValueError, match="health_path must be a path starting with '/'"):
        VoiceApp(health_path="healthz")
