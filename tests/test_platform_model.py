"""The simulator's pure model of the platform: plain strings in, reply frames out, no sockets."""

from __future__ import annotations

import json
from typing import Any

from plivo_agentstack.agent.events import (
    CallTransferred,
    DtmfSent,
    PlayedStream,
    StreamMedia,
    StreamStart,
    parse_event,
)
from plivo_agentstack.testing._platform import PlatformModel


def sent(model: PlatformModel, message: dict[str, Any] | str | bytes) -> list[dict[str, Any]]:
    """What the platform answers to one frame of the app."""
    return model.receive(message if isinstance(message, (str, bytes)) else json.dumps(message))


def test_speech_and_text_become_transcript_lines_without_replies() -> None:
    model = PlatformModel()
    assert sent(model, {"type": "agent_session.speak", "text": "Hello"}) == []
    assert sent(model, {"type": "text", "token": "Hi "}) == []
    assert sent(model, {"type": "text", "token": "there", "last": True}) == []
    assert model.spoken_text == ["Hello"]
    assert [line.text for line in model.transcript] == ["Hello", "Hi there  [text]"]
    assert [m.kind for m in model.messages] == ["agent_session.speak", "text", "text"]
    assert model.violations == []


def test_dtmf_and_transfer_are_answered_like_the_platform() -> None:
    model = PlatformModel()
    (dtmf,) = sent(model, {"type": "agent_session.send_dtmf", "digits": "12#"})
    assert parse_event(dtmf) == DtmfSent(digits="12#")
    (moved,) = sent(model, {"type": "agent_session.transfer", "destination": ["+15555550111"]})
    assert parse_event(moved) == CallTransferred(destination=["+15555550111"])
    quiet = PlatformModel(auto_reply=False)
    assert sent(quiet, {"type": "agent_session.send_dtmf", "digits": "1"}) == []
    assert quiet.result.sent_dtmf == ["1"]


def test_hangup_ends_the_call_with_session_ended() -> None:
    model = PlatformModel()
    (ended,) = sent(model, {"type": "agent_session.hangup"})
    assert ended["type"] == "session.ended" and ended["reason"] == "agent_hangup"
    assert model.hung_up and model.ended
    assert model.result.end_reason == "agent_hangup"


def test_protocol_mistakes_are_violations_that_say_what_to_fix() -> None:
    model = PlatformModel()
    assert sent(model, {"type": "agent_session.speek", "text": "x"}) == []
    assert sent(model, {"type": "tool.result", "id": 7, "result": 1}) == []
    assert sent(model, b"\x00binary") == []
    assert sent(model, "not json") == []
    assert sent(model, {"event": "checkpoint", "streamId": "", "name": "c"}) == []
    codes = [v.code for v in model.violations]
    assert codes == [
        "unknown_type",
        "bad_field",
        "binary_frame",
        "invalid_json",
        "stream_not_started",
    ]
    assert "did you mean 'agent_session.speak'?" in model.violations[0].message
    assert "'id' must be a string, got 7" in model.violations[1].message


def test_the_audio_stream_frames_and_the_checkpoint_round_trip() -> None:
    model = PlatformModel(call_id="call-1")
    start = parse_event(model.start_stream("audio/x-l16", 16000))
    assert isinstance(start, StreamStart)
    assert (start.call_id, start.content_type, start.sample_rate) == (
        "call-1",
        "audio/x-l16",
        16000,
    )
    first, second = (parse_event(model.media_frame(b"\x00\x01")) for _ in range(2))
    assert isinstance(first, StreamMedia) and isinstance(second, StreamMedia)
    assert (first.chunk, second.chunk) == (1, 2)
    assert int(second.timestamp) - int(first.timestamp) == 20
    assert first.stream_id == start.stream_id and first.payload == "AAE="
    (played,) = sent(model, {"event": "checkpoint", "streamId": start.stream_id, "name": "c1"})
    reply = parse_event(played)
    assert isinstance(reply, PlayedStream) and reply.name == "c1"
    assert reply.stream_id == start.stream_id
    stop = model.stop_frame()
    assert stop["event"] == "stop" and model.result.end_reason == "stop"
