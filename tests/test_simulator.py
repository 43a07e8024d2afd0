"""The offline call simulator against real VoiceApps (in-process and over ws://) and raw servers."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import json
import struct
import wave
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from websockets.asyncio.server import ServerConnection, serve

from plivo_agentstack.agent import Session, ToolCall, VoiceApp
from plivo_agentstack.testing import script as script_module
from plivo_agentstack.testing.script import (
    AgentToolStep,
    AudioStep,
    DtmfStep,
    EndStep,
    EventStep,
    SayStep,
    Script,
    ScriptError,
    StartStep,
    StopStep,
    ToolStep,
    VoicemailStep,
    WaitStep,
    load_script,
    parse_script,
    read_wav,
)
from plivo_agentstack.testing.simulator import (
    CallEndedError,
    CallResult,
    CallSimulator,
    SimulatorConnectionError,
    SimulatorError,
    SimulatorTimeout,
    ToolCallError,
    run_call,
    simulate_call,
)
from tests.ports import free_port
from tests.simulator_fixtures import order_app

pytestmark = pytest.mark.anyio

FIXTURES = Path(__file__).parent / "simulator_fixtures"


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def pcm_wav(samples: int = 480, rate: int = 16000, channels: int = 1, width: int = 2) -> bytes:
    """A PCM WAV file with a ramp of ``samples`` samples."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        if width == 2:
            frames = b"".join(struct.pack("<h", i % 30000) for i in range(samples * channels))
        else:
            frames = bytes(i % 256 for i in range(samples * channels))
        out.writeframes(frames)
    return buffer.getvalue()


def mulaw_wav(samples: int = 160) -> bytes:
    """An 8 kHz mu-law WAV file (format 7), written by hand: ``wave`` only writes PCM."""
    data = bytes(range(samples % 256)) * (samples // 256) + bytes(range(samples % 256))
    data = data[:samples].ljust(samples, b"\x7f")
    fmt = struct.pack("<HHIIHH", 7, 1, 8000, 8000, 1, 8) + b"\x00\x00"
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def recording_app() -> tuple[VoiceApp, list[dict[str, Any]]]:
    """A VoiceApp whose catch-all handler records every inbound event as a dict."""
    app = VoiceApp()
    seen: list[dict[str, Any]] = []

    @app.on_event
    async def everything(session: Session, event: Any) -> None:
        if isinstance(event, dict):
            seen.append(dict(event))
            return
        fields = attrs.asdict(event, recurse=False)
        seen.append({**fields.pop("extra"), **fields})

    return app, seen


def kinds(events: list[dict[str, Any]]) -> list[str]:
    """The type (or event) of each recorded event."""
    return [e.get("type") or e.get("event") for e in events]


@contextlib.asynccontextmanager
async def as_target(app: VoiceApp, kind: str) -> AsyncIterator[VoiceApp | str]:
    """The app itself (in-process) or the URL of the app served on 127.0.0.1."""
    if kind == "app":
        yield app
        return
    async with app.serving("127.0.0.1", 0) as server:
        yield server.url


@contextlib.asynccontextmanager
async def raw_server(
    handler: Callable[[ServerConnection], Awaitable[None]],
) -> AsyncIterator[str]:
    """A bare ``websockets`` server (to send frames a VoiceApp never would); yields its URL."""
    async with serve(handler, "127.0.0.1", 0, compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        yield f"ws://127.0.0.1:{port}"


@pytest.fixture(params=["app", "url"])
def target_kind(request: pytest.FixtureRequest) -> str:
    """In-process VoiceApp object, or its ws:// URL."""
    return str(request.param)


# --------------------------------------------------------------------------------------------
# every inbound event type
# --------------------------------------------------------------------------------------------


async def test_every_platform_event_reaches_the_app(target_kind: str) -> None:
    """session.started, transcription, turn, dtmf, tools, agent tools, voicemail, raw, ended."""
    app, seen = recording_app()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, {"echo": event.arguments})

    script = Script(
        [
            StartStep(caller="+15555550001", callee="+15555550002", fields={"tenant": "t1"}),
            SayStep("Where is my order?"),
            DtmfStep("1#"),
            ToolStep("lookup_order", {"order_id": "A-7"}, id="tc-1"),
            AgentToolStep("collect_email", result={"email_address": "a@b.c"}),
            AgentToolStep("collect_phone", error="caller declined"),
            VoicemailStep("machine", transcript="Leave a message"),
            VoicemailStep("human", method="llm"),
            EventStep({"type": "user.idle", "retry_count": 1, "reason": "no_response"}),
            EndStep("user_hangup", {"duration_seconds": 7}),
        ]
    )
    async with as_target(app, target_kind) as target:
        result = await simulate_call(target, script, timeout=5)
    assert result.ok, result.problems
    assert kinds(seen) == [
        "session.started",
        "user.transcription",
        "user.transcription",
        "turn.completed",
        "user.dtmf",
        "user.dtmf",
        "tool.called",
        "agent_tool.started",
        "agent_tool.completed",
        "agent_tool.started",
        "agent_tool.failed",
        "voicemail.detected",
        "voicemail.beep",
        "voicemail.detected",
        "user.idle",
        "session.ended",
    ]
    started, partial, final, turn = seen[:4]
    assert started["caller"] == "+15555550001" and started["callee"] == "+15555550002"
    assert started["agent_session_id"] == result.agent_session_id
    assert started["call_id"] == result.call_id and started["tenant"] == "t1"
    assert started["sample_rate"] == 16000 and started["audio_format"] == "pcm"
    assert partial["text"] == "Where is" and partial["is_final"] is False
    assert final["text"] == "Where is my order?" and final["is_final"] is True
    assert turn["turn_number"] == 1 and turn["user_text"] == "Where is my order?"
    assert [e["digit"] for e in seen[4:6]] == ["1", "#"]
    assert seen[6]["id"] == "tc-1" and seen[6]["arguments"] == {"order_id": "A-7"}
    assert seen[8]["result"] == {"email_address": "a@b.c"}
    assert seen[7]["agent_tool_id"] == seen[8]["agent_tool_id"] == "agent_tool_1"
    assert seen[10]["error"] == "caller declined" and seen[10]["agent_tool_type"] == "collect_phone"
    assert seen[11]["result"] == "machine" and seen[11]["transcript"] == "Leave a message"
    assert seen[12]["frequency_hz"] > 0
    assert seen[13]["result"] == "human" and seen[13]["method"] == "llm"
    assert seen[14]["retry_count"] == 1
    assert seen[15]["reason"] == "user_hangup" and seen[15]["duration_seconds"] == 7
    assert result.tool_results == {"lookup_order": {"echo": {"order_id": "A-7"}}}
    assert result.end_reason == "user_hangup"
    assert [frame.get("type") or frame.get("event") for frame in result.sent_events] == kinds(seen)


async def test_audio_stream_start_media_and_stop() -> None:
    """A WAV file becomes ``start`` + 20 ms ``media`` frames; ``stop`` ends the call."""
    app, seen = recording_app()
    stream_ids: list[str | None] = []

    @app.on("start")
    def start(session: Session, event: Any) -> None:
        stream_ids.append(session.stream_id)

    audio = pcm_wav(samples=700, rate=16000)  # 2 full frames of 320 samples + 60 samples
    async with CallSimulator(app, timeout=5) as call:
        await call.audio(audio)
        await call.audio(audio)  # same stream: no second start
        result = await call.stop()
    assert result.ok, result.problems
    assert kinds(seen) == ["session.started", "start"] + ["media"] * 6 + ["stop"]
    start_frame = seen[1]
    assert start_frame["stream_id"] == stream_ids[0] and stream_ids[0]
    assert start_frame["call_id"] == result.call_id
    assert start_frame["content_type"] == "audio/x-l16" and start_frame["sample_rate"] == 16000
    media = seen[2:5]
    payloads = [base64.b64decode(m["payload"]) for m in media]
    assert [len(p) for p in payloads] == [640, 640, 640]
    samples = read_wav(audio).data
    assert payloads[0] + payloads[1] == samples[:1280]
    assert payloads[2] == samples[1280:] + b"\x00" * (640 - len(samples[1280:]))
    stamps = [int(m["timestamp"]) for m in seen[2:8]]  # ms since the epoch, as Plivo sends
    assert [stamp - stamps[0] for stamp in stamps] == [0, 20, 40, 60, 80, 100]
    assert stamps[0] > 1_700_000_000_000
    assert [m["chunk"] for m in seen[2:8]] == [1, 2, 3, 4, 5, 6]
    assert all(m["track"] == "inbound" for m in seen[2:8])
    # the media frames carry no format: the app's events take it from the call's start frame
    assert all(m["content_type"] == "audio/x-l16" and m["sample_rate"] == 16000 for m in media)
    assert result.end_reason == "stop"
    assert "session.ended" not in kinds(seen)
    assert "[audio WAV bytes: 0.04 s, 3 frames of audio/x-l16 at 16000 Hz]" in (
        result.format_transcript()
    )


async def test_audio_step_from_a_yaml_fixture_with_a_relative_wav_path() -> None:
    """``audio: {wav: hello.wav}`` is resolved next to the script file."""
    app, seen = recording_app()
    script = load_script(FIXTURES / "audio_stream.yaml")
    result = await simulate_call(app, script, timeout=5)
    assert result.ok, result.problems
    assert kinds(seen).count("media") == 5
    assert seen[-1]["event"] == "stop"


async def test_mulaw_audio_and_realtime_pacing() -> None:
    """A mu-law WAV streams as audio/x-mulaw 8 kHz frames of 160 bytes; realtime paces them."""
    app, seen = recording_app()
    async with CallSimulator(app, timeout=5) as call:
        loop = asyncio.get_running_loop()
        began = loop.time()
        await call.audio(mulaw_wav(samples=480), realtime=True, stop=True)
        elapsed = loop.time() - began
    media = [e for e in seen if e.get("event") == "media"]
    assert len(media) == 3 and elapsed >= 0.05
    assert all(len(base64.b64decode(m["payload"])) == 160 for m in media)
    assert seen[1]["content_type"] == "audio/x-mulaw" and seen[1]["sample_rate"] == 8000
    assert call.ended and call.result.end_reason == "stop"


# --------------------------------------------------------------------------------------------
# what the app sends
# --------------------------------------------------------------------------------------------


async def test_fixture_conversation_in_process_is_exact() -> None:
    """The order app: speech, tool result, agent tool, dtmf, transfer, hangup, skipped steps."""
    result = await simulate_call(order_app.app, FIXTURES / "conversation.yaml", timeout=5)
    assert result.ok, result.problems
    assert result.spoken_text == [
        "Hi! How can I help?",
        "Your order is shipped.",
        "Thanks, I have a@b.c.",
        "You pressed 5.",
        "Transferring you now.",
        "Goodbye!",
    ]
    assert result.expect_tool_result("lookup_order") == {"status": "shipped", "eta_days": 2}
    assert result.tool_results_by_id == {"call_1": {"status": "shipped", "eta_days": 2}}
    assert result.expect_transfer("+15555550199")["dial_mode"] == "parallel"
    result.expect_hangup()
    assert result.expect_spoken("shipped") == "Your order is shipped."
    assert result.end_reason == "agent_hangup"
    assert result.steps_skipped == 1 and result.steps_run == 7
    by_step = {(m.step, m.kind) for m in result.messages}
    assert (0, "agent_session.speak") in by_step  # greeting, during the session start
    assert (3, "tool.result") in by_step and (8, "agent_session.hangup") in by_step
    assert [m.index for m in result.messages] == list(range(len(result.messages)))
    assert all(a.at <= b.at for a, b in zip(result.messages, result.messages[1:], strict=False))
    lines = result.format_transcript().splitlines()
    assert lines[0] == "  0  call      started: +15555550123 -> +15555550101"
    assert "  2  user      Where is my order?" in lines
    assert '  3  tool      lookup_order {"order_id": "A-7"}  [id call_1]' in lines
    assert '  3  app       lookup_order -> {"status": "shipped", "eta_days": 2}' in lines
    assert "  7  agent     [transfers to +15555550199 (parallel)]" in lines
    assert "  8  agent     [hangs up]" in lines
    assert lines[-1] == "  8  sim       call over (agent_hangup): 1 remaining step skipped"
    assert result.summary().startswith("OK: 7 steps, 9 messages from the app, 6 spoken")


async def test_json_and_yaml_fixtures_give_the_same_call(target_kind: str) -> None:
    """The JSON and the YAML fixture scripts are the same conversation, over both targets."""
    async with as_target(order_app.app, target_kind) as target:
        from_yaml = await simulate_call(target, FIXTURES / "conversation.yaml", timeout=5)
        from_json = await simulate_call(target, str(FIXTURES / "conversation.json"), timeout=5)
    for result in (from_yaml, from_json):
        assert result.ok, result.problems
        assert result.spoken_text[:4] == [
            "Hi! How can I help?",
            "Your order is shipped.",
            "Thanks, I have a@b.c.",
            "You pressed 5.",
        ]
        assert "Goodbye!" in result.spoken_text
        assert result.hung_up and result.end_reason == "agent_hangup"
        assert result.tool_results == {"lookup_order": {"status": "shipped", "eta_days": 2}}
        assert [t["destination"] for t in result.transfers] == [["+15555550199"]]
    assert load_script(FIXTURES / "conversation.yaml").steps == (
        load_script(FIXTURES / "conversation.json").steps
    )


async def test_turn_completed_carries_the_agents_reply_and_text_streams_are_recorded() -> None:
    """BYOLLM: streamed text tokens make a response; turn.completed's agent_text has it."""
    app = VoiceApp()
    agent_texts: list[str] = []

    @app.on("user.transcription")
    async def heard(session: Session, event: Any) -> None:
        if event.is_final:
            session.speak("Sure.")
            for token in ("Your ", "order ", "shipped"):
                session.send_text(token)
            session.send_text("", last=True)

    @app.on_turn_completed
    async def turn(session: Session, event: Any) -> None:
        agent_texts.append(event.agent_text)

    @app.on("user.dtmf")
    async def pressed(session: Session, event: Any) -> None:
        session.send_text("unfinished")

    result = await simulate_call(app, Script().say("status?").dtmf("1"), timeout=5)
    assert agent_texts == ["Sure. Your order shipped"]
    assert result.text_responses == ["Your order shipped"]
    assert result.spoken_text == ["Sure."]
    transcript = result.format_transcript()
    assert "agent     Your order shipped  [text]" in transcript
    assert "unfinished  [text stream never finished]" in transcript


async def test_platform_auto_replies_to_dtmf_transfer_play_checkpoint_clear() -> None:
    """dtmf.sent, call.transferred, play.completed, playedStream and clearedAudio come back."""
    app, seen = recording_app()

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        session.send_dtmf("12#")
        session.transfer(["+15555550111", "sip:desk@example.com"], dial_mode="sequential")
        session.play(pcm_wav(samples=16))
        session.update(system_prompt="Be brief.")
        session.inject("VIP caller")
        session.extend_wait()
        session.play_background("office", volume=0.2)
        session.stop_background()

    @app.on("start")
    def start(session: Session, event: Any) -> None:
        session.send_checkpoint("greeting")
        session.clear_audio()
        session.send_media("AAAA")
        session.send_media("AAAA")

    async with CallSimulator(app, timeout=5) as call:
        await call.audio(pcm_wav(samples=320))
    result = call.result
    assert result.ok, result.problems
    replies = [e for e in seen if kinds([e])[0] not in ("session.started", "start", "media")]
    assert replies[:3] == [
        {"type": "dtmf.sent", "digits": "12#"},
        {"type": "call.transferred", "destination": ["+15555550111", "sip:desk@example.com"]},
        {"type": "play.completed"},
    ]
    stream = next(f for f in result.sent_events if f.get("event") == "start")["start"]["streamId"]
    assert {"event": "playedStream", "name": "greeting", "stream_id": stream} in [
        {k: e.get(k) for k in ("event", "name", "stream_id")} for e in replies
    ]
    assert any(e.get("event") == "clearedAudio" for e in replies)
    assert result.sent_dtmf == ["12#"]
    assert result.expect_transfer("sip:desk@example.com")["dial_mode"] == "sequential"
    transcript = result.format_transcript()
    for expected in (
        "[sends DTMF 12#]",
        "[plays a WAV file,",
        'agent_session.update {"system_prompt": "Be brief."}',
        'agent_session.inject {"content": "VIP caller"}',
        "[checkpoint greeting]",
        "[clears queued audio]",
        "[streams audio: 2 frames]",
    ):
        assert expected in transcript


async def test_no_auto_reply_keeps_the_call_going_after_a_hangup() -> None:
    """``auto_reply=False``: nothing is answered and a hangup does not end the call."""
    app, seen = recording_app()

    @app.on("user.dtmf")
    async def pressed(session: Session, event: Any) -> None:
        session.send_dtmf("9")
        session.hangup()

    result = await simulate_call(app, Script().dtmf("1").say("still here"), auto_reply=False)
    assert result.hung_up and result.steps_skipped == 0
    assert "dtmf.sent" not in kinds(seen)
    assert kinds(seen)[-1] == "session.ended" and seen[-1]["reason"] == "user_hangup"


# --------------------------------------------------------------------------------------------
# the interactive API
# --------------------------------------------------------------------------------------------


async def test_interactive_call_with_tools_waits_and_assertions() -> None:
    """say / tool / expect_tool_result / wait_for / spoken_text / hung_up / end."""
    async with CallSimulator(order_app.app, timeout=5, caller="+15555550777") as call:
        assert call.spoken_text == ["Hi! How can I help?"]
        await call.say("Where is my order?")
        order = await call.tool("lookup_order", order_id="A-7")
        assert order == {"status": "shipped", "eta_days": 2}
        assert await call.expect_tool_result("lookup_order") == order
        assert call.spoken_text[-1] == "Your order is shipped."
        first = await call.wait_for("agent_session.speak")
        second = await call.wait_for("agent_session.speak")
        assert (first.data["text"], second.data["text"]) == (
            "Hi! How can I help?",
            "Your order is shipped.",
        )
        with pytest.raises(ToolCallError) as failed:
            await call.tool("lookup_order", order_id="Z-9")
        assert failed.value.error == "order not found" and failed.value.name == "lookup_order"
        record = await call.tool_call("lookup_order", {"order_id": "A-7"}, id="mine")
        assert record.id == "mine" and record.outcome == "result" and record.answered
        assert not call.hung_up
        await call.dtmf("0")
        assert call.hung_up and call.ended
        with pytest.raises(CallEndedError, match="agent_hangup"):
            await call.say("hello?")
        result = await call.end()
    assert isinstance(result, CallResult) and result.ok
    assert result.tool_errors == {"lookup_order": "order not found"}
    assert result.tool_errors_by_id == {"call_2": "order not found"}
    assert result.expect_tool_error("lookup_order") == "order not found"
    assert set(result.tool_results_by_id) == {"call_1", "mine"}


async def test_tool_without_answer_times_out_and_is_a_violation() -> None:
    """``call.tool`` raises SimulatorTimeout; the unanswered call is a violation at the end."""
    app = VoiceApp()
    async with CallSimulator(app, timeout=0.3) as call:
        with pytest.raises(SimulatorTimeout, match="got no tool.result/tool.error"):
            await call.tool("silent", x=1)
        with pytest.raises(SimulatorTimeout, match="no agent_session.hangup message"):
            await call.wait_for("agent_session.hangup", timeout=0.1)
        with pytest.raises(AssertionError, match="'silent' .* was never answered"):
            await call.expect_tool_result("silent", timeout=0.1)
    result = call.result
    assert [v.code for v in result.violations] == ["unanswered_tool_call"]
    assert "tool call 'call_1' (silent, step 1) was never answered" in result.violations[0].message
    assert not result.ok and len(result.unanswered_tool_calls) == 1


async def test_expect_helpers_explain_what_happened() -> None:
    """Failed expectations raise AssertionError with the transcript."""
    result = await simulate_call(order_app.app, Script().say("hi"), timeout=5)
    with pytest.raises(AssertionError, match=r"never called \(tools called: none\)") as info:
        result.expect_tool_result("lookup_order")
    assert "Transcript:" in str(info.value) and "Hi! How can I help?" in str(info.value)
    with pytest.raises(AssertionError, match="it said:\n  - 'Hi! How can I help\\?'"):
        result.expect_spoken("refund")
    assert result.expect_spoken("HOW CAN", ignore_case=True) == "Hi! How can I help?"
    with pytest.raises(AssertionError, match="did not hang up"):
        result.expect_hangup()
    with pytest.raises(AssertionError, match="did not transfer"):
        result.expect_transfer()
    with pytest.raises(AssertionError, match="never answered with tool.error"):
        result.expect_tool_error("lookup_order")
    result.expect_ok()
    transferred = await simulate_call(order_app.app, Script().say("a human please"), timeout=5)
    with pytest.raises(AssertionError, match=r"no transfer to '\+1999'"):
        transferred.expect_transfer("+1999")
    errored = await simulate_call(
        order_app.app, Script().tool("lookup_order", {"order_id": "nope"}), timeout=5
    )
    with pytest.raises(AssertionError, match="answered with tool.error: 'order not found'"):
        errored.expect_tool_result("lookup_order")


async def test_a_wait_step_that_times_out_is_a_failure() -> None:
    """Each wait consumes one message; a wait with nothing left fails after its timeout."""
    result = await simulate_call(
        order_app.app,
        Script()
        .wait("agent_session.speak")
        .dtmf("4")
        .wait("agent_session.speak")
        .wait("agent_session.speak", timeout=0.1),
        timeout=5,
    )
    assert result.failures == [
        "step 4 (wait for agent_session.speak): no agent_session.speak message from the app "
        "within 0.1 s"
    ]
    assert not result.ok and result.summary().startswith("FAILED (1 failure)")


# --------------------------------------------------------------------------------------------
# protocol violations
# --------------------------------------------------------------------------------------------


async def test_violations_from_a_raw_server() -> None:
    """Binary, bad JSON, non-objects, unknown/missing types, bad fields, unknown/double ids..."""

    async def misbehave(ws: ServerConnection) -> None:
        started = json.loads(await ws.recv())
        assert started["type"] == "session.started"
        await ws.send(b"\x00\x01binary")
        await ws.send("{not json")
        await ws.send("[1, 2]")
        await ws.send('{"no": "type"}')
        await ws.send(json.dumps({"type": "agent_session.speek", "text": "x"}))
        await ws.send(json.dumps({"type": "playAudio", "media": {}}))
        await ws.send(json.dumps({"event": "agent_session.hangup"}))
        await ws.send(json.dumps({"event": "dance"}))
        await ws.send(json.dumps({"type": "agent_session.speak"}))
        await ws.send(json.dumps({"type": "agent_session.transfer", "destination": []}))
        await ws.send(json.dumps({"type": "tool.result", "id": "ghost", "result": 1}))
        await ws.send(json.dumps({"event": "checkpoint", "streamId": "", "name": "early"}))
        async for text in ws:
            frame = json.loads(text)
            if frame.get("type") == "tool.called" and frame["name"] == "twice":
                for _ in range(2):
                    await ws.send(
                        json.dumps({"type": "tool.error", "id": frame["id"], "error": "e"})
                    )
            if frame.get("event") == "start":
                await ws.send(json.dumps({"event": "clearAudio", "streamId": "other"}))
            if frame.get("type") == "session.ended":
                break

    script = (
        Script()
        .tool("twice")
        .tool("never", timeout=0.2)
        .audio(pcm_wav(samples=320))
        .wait("clearAudio")
    )
    async with raw_server(misbehave) as url:
        result = await simulate_call(url, script, timeout=5)
    codes = [v.code for v in result.violations]
    assert codes == [
        "binary_frame",
        "invalid_json",
        "not_an_object",
        "missing_type",
        "unknown_type",
        "unknown_type",
        "unknown_type",
        "unknown_type",
        "bad_field",
        "bad_field",
        "unknown_tool_id",
        "stream_not_started",
        "duplicate_answer",
        "wrong_stream",
        "unanswered_tool_call",
    ]
    messages = [v.message for v in result.violations]
    assert "message #0 is a binary frame (8 bytes)" in messages[0]
    assert "message #1 is not valid JSON" in messages[1]
    assert "message #2 is a JSON list, not an object" in messages[2]
    assert "did you mean 'agent_session.speak'?" in messages[4]
    assert "'playAudio' is an audio-stream message: send it as 'event'" in messages[5]
    assert "'agent_session.hangup' must be sent as 'type'" in messages[6]
    assert "unknown event 'dance'" in messages[7]
    assert "(agent_session.speak): 'text' is missing" in messages[8]
    assert "non-empty list" in messages[9]
    assert "tool.result for id 'ghost', which was never called" in messages[10]
    assert "before the audio stream started" in messages[11]
    assert "second answer (tool.error) to tool call 'call_1' (twice)" in messages[12]
    assert "for stream 'other', but the stream is 'stream-" in messages[13]
    assert "'call_2' (never, step 2) was never answered" in messages[14]
    assert all(v.index is not None for v in result.violations[:-1])
    assert result.violations[0].step == 0 and result.violations[12].step == 1
    assert result.tool_errors == {"twice": "e"}
    assert result.summary().startswith("FAILED (15 protocol violations)")
    assert result.format_transcript().count("VIOLATION") == 15


async def test_violations_from_a_voiceapp(target_kind: str) -> None:
    """send_raw with an unknown type, a double answer, a checkpoint before the stream started."""
    app = VoiceApp()

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        session.send_raw({"type": "custom.thing", "x": 1})
        session.send_checkpoint("too-early")
        session.clear_audio()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")
        session.send_tool_result(event.id, "again")

    async with as_target(app, target_kind) as target:
        result = await simulate_call(target, Script().tool("double"), timeout=5)
    assert [v.code for v in result.violations] == [
        "unknown_type",
        "stream_not_started",
        "stream_not_started",
        "duplicate_answer",
    ]
    assert "checkpoint (send_checkpoint())" in result.violations[1].message
    assert "clearAudio (clear_audio())" in result.violations[2].message
    assert result.tool_results == {"double": "ok"}
    assert "unknown type 'custom.thing'" in result.format_transcript()
    assert result.messages_of("custom.thing")[0].data == {"type": "custom.thing", "x": 1}


# --------------------------------------------------------------------------------------------
# app errors, crashes, closes
# --------------------------------------------------------------------------------------------


async def test_handler_exceptions_are_recorded_and_still_reach_on_handler_error() -> None:
    """In-process, a raising handler is an AppError; the app's own error handler still runs."""
    app = VoiceApp()
    reported: list[str] = []

    @app.on_handler_error
    def on_error(session: Session, event: Any, exc: BaseException) -> None:
        reported.append(f"{type(exc).__name__}")

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        raise KeyError(event.arguments["missing"])

    result = await simulate_call(app, Script().tool("boom", {"missing": "x"}, timeout=0.2))
    assert reported == ["KeyError"]
    assert [(e.event_type, e.step) for e in result.app_errors] == [("tool.called", 1)]
    assert result.app_errors[0].message == "KeyError: 'x' (while handling tool.called)"
    assert "raise KeyError" in result.app_errors[0].traceback
    assert result.violations == []  # the SDK answered the failed tool call with tool.error
    assert result.tool_calls[0].outcome == "error" and result.tool_calls[0].value == "'x'"
    assert "report" not in vars(app)  # nothing of the app is replaced while it runs


async def test_concurrent_calls_keep_their_own_errors() -> None:
    """Two simulated calls on one app at once: each records only its own handler errors."""
    app = VoiceApp()

    @app.on("user.transcription")
    async def heard(session: Session, event: Any) -> None:
        if event.is_final and event.text == "crash":
            raise RuntimeError("crashed on purpose")
        if event.is_final:
            await asyncio.sleep(0.05)
            session.speak(event.text)

    calm, crashing = await asyncio.gather(
        simulate_call(app, Script().say("calm").say("still calm"), timeout=5),
        simulate_call(app, Script().say("crash").say("after"), timeout=5),
    )
    assert calm.ok and calm.spoken_text == ["calm", "still calm"]
    assert [e.message for e in crashing.app_errors] == [
        "RuntimeError: crashed on purpose (while handling user.transcription)"
    ]
    assert crashing.spoken_text == ["after"]
    assert "report" not in vars(app)


async def test_in_process_call_has_finished_when_simulate_call_returns() -> None:
    """on_disconnect has run (and its errors are recorded) before the result is returned."""
    app = VoiceApp()
    log: list[str] = []

    @app.on_disconnect
    def gone(session: Session) -> None:
        log.append(f"disconnected {session.call_uuid}")
        raise ValueError("cleanup failed")

    result = await simulate_call(app, Script().say("bye"))
    assert log == [f"disconnected {result.call_id}"]
    assert [e.message for e in result.app_errors] == [
        "ValueError: cleanup failed (outside event handling)"
    ]
    assert not app.calls


async def test_abnormal_close_and_early_close_are_failures() -> None:
    """A 1011 close, or a close before the call ended, fails the call; later steps are skipped."""

    async def close_1011(ws: ServerConnection) -> None:
        await ws.recv()
        await ws.close(1011, "internal error")

    async def close_normally(ws: ServerConnection) -> None:
        await ws.recv()
        await ws.recv()

    async with raw_server(close_1011) as url:
        broken = await simulate_call(url, Script().say("hi").say("there"), timeout=2)
    assert any("closed the connection with code 1011: internal error" in f for f in broken.failures)
    assert broken.steps_skipped >= 1 and broken.end_reason == "closed by the app"
    async with raw_server(close_normally) as url:
        early = await simulate_call(url, Script().dtmf("1").pause(0.2).say("a").say("b"), timeout=2)
    assert any("closed the connection before the call ended" in f for f in early.failures)
    assert early.steps_skipped >= 2 and early.end_reason == "closed by the app"


async def test_the_call_must_close_after_session_ended() -> None:
    """A server that ignores session.ended is reported once the timeout passes."""

    async def never_close(ws: ServerConnection) -> None:
        with contextlib.suppress(Exception):
            async for _ in ws:
                pass

    async with raw_server(never_close) as url:
        result = await simulate_call(url, Script().say("hi"), timeout=0.3)
    assert result.failures == [
        "step 2 (end (user_hangup)): the app did not close the connection within 0.3 s "
        "after the call ended"
    ]


# --------------------------------------------------------------------------------------------
# targets, connection, authentication
# --------------------------------------------------------------------------------------------


async def test_authentication_in_process_and_over_a_url() -> None:
    """In-process, the app's own secret is sent; over a URL, headers= carries it."""
    app = VoiceApp(auth_secret="s3cr3t")

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        session.speak("authorised")

    assert (await simulate_call(app, Script().say("hi"))).spoken_text == ["authorised"]
    with pytest.raises(SimulatorConnectionError, match="refused the connection"):
        await simulate_call(app, Script().say("hi"), headers={"agentSecret": "wrong"})
    async with app.serving("127.0.0.1", 0) as server:
        with pytest.raises(SimulatorConnectionError, match="HTTP 401"):
            await simulate_call(server.url, Script().say("hi"))
        result = await simulate_call(server.url, [SayStep("hi")], headers={"agentSecret": "s3cr3t"})
    assert result.spoken_text == ["authorised"] and result.ok


async def test_bad_targets_and_unreachable_urls() -> None:
    """Wrong target types/URLs are refused up front; a closed port is a connection error."""
    with pytest.raises(ValueError, match="ws:// or wss:// URL"):
        CallSimulator("http://localhost:9000")
    with pytest.raises(TypeError, match="got int"):
        CallSimulator(9000)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        CallSimulator(VoiceApp(), timeout=0)
    port = free_port()
    with pytest.raises(SimulatorConnectionError, match="cannot connect"):
        await simulate_call(f"ws://127.0.0.1:{port}", Script().say("hi"), timeout=2)
    call = CallSimulator(VoiceApp())
    with pytest.raises(SimulatorError, match="not open"):
        await call.say("hi")


def test_run_call_blocks_for_scripts() -> None:
    """The blocking wrapper runs a script file against an app without an event loop."""
    result = run_call(order_app.app, FIXTURES / "conversation.json", timeout=5)
    assert result.ok and result.hung_up


async def test_run_call_refuses_to_run_inside_an_event_loop() -> None:
    """Inside a loop, run_call explains to use simulate_call."""
    with pytest.raises(SimulatorError, match="await simulate_call"):
        run_call(order_app.app, Script().say("hi"))


# --------------------------------------------------------------------------------------------
# scripts: building, loading, validation
# --------------------------------------------------------------------------------------------


def test_builder_and_step_classes() -> None:
    """The fluent builder makes the same steps as the classes; scripts are immutable."""
    base = Script()
    built = (
        base.say("hi", partials=False)
        .dtmf("12")
        .tool("lookup", {"id": 1}, id="t1", timeout=2)
        .agent_tool("collect_email", result={"email_address": "x@y.z"})
        .voicemail("human", method="llm")
        .wait("agent_session.speak", timeout=1)
        .pause(0)
        .event({"type": "user.idle"})
        .end("done")
    )
    assert len(base) == 0 and len(built) == 9
    assert list(built)[:3] == [
        SayStep("hi", partials=False),
        DtmfStep("12"),
        ToolStep("lookup", {"id": 1}, id="t1", timeout=2.0),
    ]
    assert built.steps[-1] == EndStep("done")
    assert Script().audio(pcm_wav()).stop().steps[-1] == StopStep()
    assert DtmfStep(5).digits == "5"  # type: ignore[arg-type]  # YAML numbers are accepted
    assert VoicemailStep().sends_beep and not VoicemailStep("human").sends_beep
    assert not VoicemailStep("machine", beep=False).sends_beep


@pytest.mark.parametrize(
    ("data", "message", "step"),
    [
        ({"say": "x"}, "a script is a list of steps", None),
        ([], "the script has no steps", None),
        ([{"say": "a", "dtmf": "1"}], "step 1: a step is a mapping with exactly one key", 1),
        (["say hello"], "step 1: a step is a mapping with exactly one key, like", 1),
        ([{"say": "hi"}, {"sya": "x"}], "step 2: unknown step 'sya' (known: start, say,", 2),
        ([{"say": 5}], "step 1 (say): text must be a string, got a number", 1),
        ([{"say": "  "}], "step 1 (say): text must not be empty", 1),
        ([{"say": {"text": "hi", "partial": False}}], "unknown option 'partial' (known:", 1),
        ([{"say": {"text": "hi", "partials": "no"}}], "partials must be true or false", 1),
        ([{"dtmf": "1x"}], "step 1 (dtmf): digits may only contain 0-9, *, # and A-D", 1),
        ([{"tool": {"arguments": {}}}], "step 1 (tool): 'name' is required", 1),
        ([{"tool": {"name": "t", "arguments": [1]}}], "arguments must be a mapping", 1),
        ([{"tool": {"name": "t", "timeout": -1}}], "timeout must be a positive number", 1),
        ([{"tool": {"name": "t", "arguments": {"x": {1, 2}}}}], "not JSON-serialisable", 1),
        (
            [{"agent_tool": {"type": "collect_email", "result": {}, "error": "x"}}],
            "give either 'result' (completed) or 'error' (failed), not both",
            1,
        ),
        ([{"voicemail": "robot"}], "step 1 (voicemail): result must be 'machine' or 'human'", 1),
        ([{"voicemail": {"method": "psychic"}}], "method must be 'audio' or 'llm'", 1),
        ([{"wait": "agent_session.spek"}], "cannot wait for 'agent_session.spek'", 1),
        ([{"pause": "soon"}], "step 1 (pause): seconds must be a number of seconds", 1),
        ([{"event": "user.idle"}], "step 1 (event): the event must be a mapping", 1),
        ([{"event": {"retry_count": 1}}], "the event needs a string 'type'", 1),
        ([{"end": {}}, {"say": "hi"}], "step 1 (end): 'end' ends the call, so it must be", 1),
        ([{"stop": None}, {"say": "hi"}], "step 1 (stop): 'stop' ends the call", 1),
        ([{"say": "hi"}, {"start": {}}], "step 2 (start): 'start' may only be the first step", 2),
        ([{"start": {"caller": 5}}], "step 1 (start): caller must be a string", 1),
        ([{"stop": {"now": True}}], "step 1 (stop): unknown option 'now' (known: none)", 1),
        (
            [{"tool": {"name": "a", "id": "x"}}, {"tool": {"name": "b", "id": "x"}}],
            "step 2 (tool): tool call id 'x' is already used by step 1",
            2,
        ),
        (
            [{"agent_tool": {"type": "a", "id": "x"}}, {"agent_tool": {"type": "b", "id": "x"}}],
            "agent tool id 'x' is already used by step 1",
            2,
        ),
        ([{"audio": {"wav": "missing.wav"}}], "step 1 (audio): cannot read WAV file", 1),
        ([{"audio": {"wav": 3}}], "step 1 (audio): wav must be a file path", 1),
        (
            [{"audio": {"wav": "hello.wav", "stop": True}}, {"say": "hi"}],
            "'stop: true' ends the call, so this audio step must be the last step",
            1,
        ),
    ],
)
def test_script_validation_names_the_step_and_the_problem(
    data: Any, message: str, step: int | None
) -> None:
    """Every bad script raises ScriptError whose message names the step and the problem."""
    with pytest.raises(ScriptError) as info:
        parse_script(data, base_dir=FIXTURES, source="conversation.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("conversation.yaml: ")
    assert info.value.step == step
    assert isinstance(info.value, ValueError)


def test_python_api_validation() -> None:
    """Step classes and Script validate their input too."""
    with pytest.raises(ScriptError, match="text must not be empty"):
        SayStep("")
    with pytest.raises(ScriptError, match="not a script step: str"):
        Script(["say hi"])  # type: ignore[list-item]
    with pytest.raises(ScriptError, match="a script is a list of steps, got a string"):
        Script("say hi")  # type: ignore[arg-type]
    with pytest.raises(ScriptError, match="step 1 \\(end\\): 'end' ends the call"):
        Script([EndStep(), SayStep("hi")])
    with pytest.raises(ScriptError, match="cannot wait for 'tool.called'"):
        WaitStep("tool.called")
    with pytest.raises(ScriptError, match="fields keys must be strings"):
        StartStep(fields={1: "x"})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("wav", "message"),
    [
        (b"not a wav file at all", "is not a WAV file"),
        (pcm_wav(channels=2), "the audio stream is mono, the WAV has 2 channels"),
        (pcm_wav(rate=44100), "sample rate 44100 Hz is not supported"),
        (pcm_wav(width=1), "unsupported WAV encoding (format 1, 8 bits)"),
        (pcm_wav(samples=0), "contains no audio"),
        (b"RIFF\x04\x00\x00\x00WAVE", "has no 'fmt ' or 'data' chunk"),
    ],
)
def test_wav_validation(wav: bytes, message: str) -> None:
    """Only mono PCM-16 / mu-law WAV at 8 or 16 kHz can be streamed."""
    with pytest.raises(ScriptError) as info:
        AudioStep(wav)
    assert message in str(info.value)


def test_wav_reading() -> None:
    """PCM-16 and mu-law WAV files decode to the stream format and 20 ms frames."""
    pcm = read_wav(pcm_wav(samples=400, rate=8000))
    assert (pcm.content_type, pcm.sample_rate, pcm.frame_bytes) == ("audio/x-l16", 8000, 320)
    assert [len(f) for f in pcm.frames()] == [320, 320, 320]
    assert pcm.duration == pytest.approx(0.05)
    mulaw = read_wav(mulaw_wav(samples=200))
    assert (mulaw.content_type, mulaw.frame_bytes) == ("audio/x-mulaw", 160)
    assert mulaw.frames()[1].endswith(b"\xff" * 120)
    assert read_wav(FIXTURES / "hello.wav").duration == pytest.approx(0.1)


def test_load_script_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON/YAML files load; bad files raise ScriptError naming the file; YAML needs PyYAML."""
    script = load_script(FIXTURES / "conversation.yaml")
    assert script.source == str(FIXTURES / "conversation.yaml")
    assert script.start == StartStep(caller="+15555550123")
    assert isinstance(script.steps[2], ToolStep) and script.steps[2].arguments == {
        "order_id": "A-7"
    }
    audio = load_script(FIXTURES / "audio_stream.yaml").steps[1]
    assert isinstance(audio, AudioStep) and Path(str(audio.wav)).is_absolute()
    assert Script.load(FIXTURES / "conversation.json").steps == script.steps

    cases = {
        "script.txt": ("- say: hi", "unknown script format '.txt'"),
        "bad.json": ("[{say: hi}]", "invalid JSON"),
        "bad.yaml": ("- say: [unclosed", "invalid YAML"),
        "map.yaml": ("say: hi", "a script is a list of steps"),
        "empty.yaml": ("", "a script is a list of steps like [{say: 'hello'}], got null"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(ScriptError) as info:
            load_script(path)
        assert message in str(info.value) and str(path) in str(info.value)
    with pytest.raises(ScriptError, match="cannot read the script"):
        load_script(tmp_path / "missing.json")
    with pytest.raises(ScriptError, match=r"step 2 \(tool\): 'name' is required"):
        load_script(FIXTURES / "bad_script.yaml")

    monkeypatch.setattr(script_module, "_yaml_module", lambda: None)
    with pytest.raises(ScriptError, match=r"needs PyYAML \(pip install pyyaml\); JSON scripts"):
        load_script(FIXTURES / "conversation.yaml")
    assert len(load_script(FIXTURES / "conversation.json")) == 9  # JSON needs nothing


async def test_an_app_that_crashes_is_an_app_error() -> None:
    """An exception escaping the app ends the call: recorded as a crash; later steps skipped."""

    class Crashing(VoiceApp):
        async def run_call(self, transport: Any, admission: Any) -> None:
            """Read one frame, then crash."""
            await transport.recv()
            raise RuntimeError("boom")

    result = await simulate_call(Crashing(), Script().say("hi").say("there"), timeout=2)
    assert [e.message for e in result.app_errors] == ["the app crashed: RuntimeError: boom"]
    assert "raise RuntimeError" in result.app_errors[0].traceback
    assert result.steps_skipped == 2 and result.failures == []
    assert not result.ok and result.summary().startswith("FAILED (1 app error)")


async def test_an_app_that_crashes_before_accepting_cannot_be_called() -> None:
    """A crash during the handshake is a connection error."""

    class Refusing(VoiceApp):
        async def is_authorized(self, request: Any) -> bool:
            """Fail the check itself."""
            raise RuntimeError("auth backend down")

    app = Refusing(auth_secret="refusing-app-secret-7f3a")
    with pytest.raises(SimulatorConnectionError, match="crashed while accepting the call"):
        await simulate_call(app, Script().say("hi"), timeout=2)
    assert "report" not in vars(app)


async def test_tool_arguments_must_be_a_mapping() -> None:
    """A non-mapping ``arguments`` is a TypeError, not a confusing dict() failure."""
    async with CallSimulator(order_app.app, timeout=2) as call:
        with pytest.raises(TypeError, match="tool arguments must be a mapping, got str"):
            await call.tool("lookup_order", "A-7")  # type: ignore[arg-type]


async def test_every_inbound_event_type_reaches_the_app_through_the_simulator() -> None:
    """Every event type, played as script steps, arrives typed at the app's handlers."""
    from plivo_agentstack.agent import EVENT_TYPES
    from plivo_agentstack.testing import EventStep
    from tests.test_events import PLATFORM_FRAMES, STREAM_FRAMES

    frames = [frame for _, frame in PLATFORM_FRAMES] + [frame for _, frame, _ in STREAM_FRAMES]
    last = {"session.ended", "stop"}
    steps = [
        EventStep(frame)
        for frame in frames
        if frame.get("type", frame.get("event")) not in last | {"session.started"}
    ]
    app = VoiceApp()
    received: list[str] = []

    @app.on_event
    async def record(session: Any, event: Any) -> None:
        received.append(type(event).__name__)

    result = await simulate_call(app, [*steps, EventStep({"event": "stop"})])
    assert not result.violations
    expected = {cls.__name__ for cls in EVENT_TYPES.values()} - {"AgentSessionEnded"}
    assert expected <= set(received)
    ended = await simulate_call(app, [EventStep({"type": "session.ended"})])
    assert not ended.violations
    assert "AgentSessionEnded" in received


async def test_dtmf_during_an_audio_stream_uses_the_stream_event() -> None:
    """Once audio streams, key presses arrive as the audio-stream ``dtmf`` event."""
    from plivo_agentstack.agent import StreamDtmf
    from plivo_agentstack.testing import AudioStep, DtmfStep

    app = VoiceApp()
    pressed: list[tuple[str, str]] = []

    @app.on("dtmf")
    async def stream_key(session: Session, event: StreamDtmf) -> None:
        pressed.append(("stream", event.digit))

    @app.on("user.dtmf")
    async def user_key(session: Session, event: Any) -> None:
        pressed.append(("user", event.digit))

    before = await simulate_call(app, [DtmfStep("1")])
    during = await simulate_call(app, [AudioStep(FIXTURES / "hello.wav"), DtmfStep("*#")])
    assert before.ok and during.ok
    assert pressed == [("user", "1"), ("stream", "*"), ("stream", "#")]


async def test_stream_dtmf_and_mute_are_played_back_as_plivo_does() -> None:
    """sendDTMF is recorded; muteStream/unmuteStream are confirmed with the same events."""
    app, seen = recording_app()

    @app.on("start")
    def start(session: Session, event: Any) -> None:
        session.send_dtmf("9")
        session.mute_stream()
        session.unmute_stream()

    async with CallSimulator(app, timeout=5) as call:
        await call.audio(pcm_wav(samples=320))
    result = call.result
    assert result.ok, result.problems
    assert result.sent_dtmf == ["9"]
    stream = next(f for f in result.sent_events if f.get("event") == "start")["start"]["streamId"]
    confirmations = [e for e in seen if e.get("event") in ("muteStream", "unmuteStream")]
    assert [(e["event"], e["stream_id"]) for e in confirmations] == [
        ("muteStream", stream),
        ("unmuteStream", stream),
    ]
    transcript = result.format_transcript()
    assert "[sends DTMF 9 on the stream]" in transcript
    assert "[mutes the stream]" in transcript and "[unmutes the stream]" in transcript
