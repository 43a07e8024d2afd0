"""The protocol description and every side of it agree: nothing missing, nothing extra.

Outbound: ``agent.protocol.OUTBOUND`` against ``Session`` (each message has its method, each
public method sends described messages) and against the call simulator (it accepts every
described message, from a real app, without a violation). Inbound: ``EVENT_TYPES`` against the
simulator's scripts is covered by ``test_simulator`` (every type reaches the app typed).
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from plivo_agentstack.agent import Session, VoiceApp
from plivo_agentstack.agent.protocol import (
    OUTBOUND,
    OUTBOUND_EVENTS,
    OUTBOUND_TYPES,
    field_problem,
)
from plivo_agentstack.testing import CallSimulator
from tests.test_simulator import pcm_wav

pytestmark = pytest.mark.anyio

# Session's public names that are not one message of the protocol.
NOT_MESSAGES = {
    "send_raw",  # any message, as given
    "handoff",  # agent_session.update + agent_session.inject
    "closed",
    "data",
    "agent_session_id",
    "call_uuid",
    "stream_id",
    "media_format",
}


def test_every_message_has_its_session_method_and_every_method_a_message() -> None:
    methods = {name for name in dir(Session) if not name.startswith("_")} - NOT_MESSAGES
    described = {message.method for message in OUTBOUND}
    assert described == methods
    for message in OUTBOUND:
        assert callable(getattr(Session, message.method)), message.name
    assert len({m.name for m in OUTBOUND}) == len(OUTBOUND)
    assert OUTBOUND_TYPES | OUTBOUND_EVENTS == {m.name for m in OUTBOUND}
    assert not OUTBOUND_TYPES & OUTBOUND_EVENTS


async def test_the_simulator_accepts_every_described_message_from_a_real_app() -> None:
    """An app calls every Session method in agent mode and on a raw stream: every described
    message arrives, each is known to the simulator, none breaks a field rule."""
    app = VoiceApp()
    wav = pcm_wav(samples=16)

    @app.on_setup
    def agent_mode(session: Session, event: Any) -> None:
        session.send_tool_result("t1", {"ok": True})
        session.send_tool_error("t2", "no such order")
        session.send_text("Hi", last=True)
        session.extend_wait()
        session.update(system_prompt="Be brief.")
        session.inject("VIP caller")
        session.speak("Hello")
        session.play(wav)
        session.transfer("+15555550111")
        session.send_dtmf("1")
        session.play_background("office")
        session.stop_background()

    @app.on("start")
    def stream_mode(session: Session, event: Any) -> None:
        session.send_media("AAAA")
        session.send_checkpoint("c1")
        session.clear_audio()
        session.send_dtmf("2")
        session.mute_stream()
        session.unmute_stream()
        session.hangup()

    async with CallSimulator(app, timeout=5, auto_reply=False) as call:
        await call.audio(pcm_wav(samples=320), stop=False)
        await call.wait_for("agent_session.hangup")
    result = call.result
    sent = {message.kind for message in result.messages}
    assert sent == {m.name for m in OUTBOUND}
    # The tool answers name calls this call never made (a rule of the conversation, not of the
    # message format); nothing else may be flagged.
    assert {v.code for v in result.violations} == {"unknown_tool_id"}


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("tool.result", {"id": 1, "result": None}, "'id' must be a string, got 1"),
        ("text", {"token": "a", "last": "yes"}, "'last' must be a boolean"),
        ("playAudio", {"media": {}}, "'media.payload' is missing"),
        ("playAudio", {"media": "x"}, "'media.payload' is missing"),
        ("audio.mix_enable", {"enabled": 1}, "'enabled' must be a boolean"),
        ("sendDTMF", {"dtmf": True}, "'dtmf' must be a string of digits, got true"),
    ],
)
def test_field_rules_say_what_is_wrong(name: str, data: dict[str, Any], problem: str) -> None:
    found = field_problem(name, data)
    assert found is not None and found.startswith(problem)


def test_field_rules_accept_what_session_sends() -> None:
    assert field_problem("tool.result", {"id": "t", "result": True}) is None  # any JSON value
    assert field_problem("text", {"token": "a"}) is None  # last is optional
    assert field_problem("playAudio", {"media": {"payload": "AAAA"}}) is None
    assert field_problem("custom.thing", {}) is None  # not described: nothing to check


def test_protocol_is_importable_without_the_server() -> None:
    """The description has no I/O dependencies (the simulator and scripts import it)."""
    import plivo_agentstack.agent.protocol as protocol

    source = inspect.getsource(protocol)
    assert "websockets" not in source and "asyncio" not in source
