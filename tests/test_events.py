"""The typed WebSocket events: parsing every event type, extras, defaults, errors and nesting."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivo_agentstack.agent import events
from plivo_agentstack.agent.events import (
    EVENT_TYPES,
    AgentSessionStarted,
    ClearedAudio,
    Dtmf,
    Event,
    PlayCompleted,
    StreamDtmf,
    StreamMedia,
    StreamStart,
    ToolCall,
    ToolExecuted,
    TurnMetrics,
    parse_event,
    parse_frame,
)
from plivo_agentstack.errors import InvalidFrameError, WebSocketError

SESSION_ID = "9f1c2b7e-41d3-4c55-9a0e-3c2d1b0a9f88"
CALL_ID = "c3a1d2e4-5b6f-4a7b-8c9d-0e1f2a3b4c5d"
STREAM_ID = "b77e7a4e-1ae4-4bd3-9f2a-6c1a4f5e2d10"
PAYLOAD = "f39/f3x+fn9+f39/f39//n9/f39+fn5+fX19fX5+fn9/f3x8fHx8fX1+fn5+fn5+fn19fX19"

EARLIER_METRICS = {  # sent by earlier platform versions (real-api.md §3)
    "tts_pipeline_ms": 410,
    "tts_gate_wait_ms": 12,
    "context_msg_count": 9,
    "interruption_reason": "user_speech",
    "pause_duration_ms": 640,
    "fallback_silence_ms": 1500,
    "on_user_turn_completed_ms": 3,
}


TURN_METRICS: dict[str, Any] = {
    "type": "turn.metrics",
    "turn_number": 3,
    "interrupted": True,
    # context
    "agent_first": False,
    "agent_tool_id": "at_7f3e",
    "user_text": "I'd like to move my appointment to Friday.",
    "agent_text": "Sure, Friday at 10 am works. Shall I book it?",
    "pipeline": "stt_llm_tts",
    # SDK latency
    "user_perceived_ms": 912,
    "sdk_llm_ttft_ms": 341,
    "sdk_tts_ttfb_ms": 187,
    "sdk_transcription_delay_ms": 120,
    "sdk_end_of_turn_delay_ms": 264,
    "sdk_turn_completed_callback_ms": 3,
    "sdk_started_speaking_at": 1742561234.512,
    "sdk_stopped_speaking_at": 1742561238.044,
    # turn detection
    "stt_delay_ms": 118,
    "turn_decision_ms": 250,
    "turn_completed_callback_ms": 2,
    "eou_speech_id": "SPEECH_4f2a",
    "turn_method": "eou_model",
    "turn_probability": 0.93,
    "turn_unlikely_threshold": 0.15,
    # endpointing
    "endpointing_min_delay_ms": 250,
    "endpointing_max_delay_ms": 1800,
    # VAD
    "vad_idle_time_s": 0.62,
    "vad_inference_count": 412,
    "vad_inference_duration_total_ms": 96,
    "vad_label": "silero",
    # LLM
    "llm_ttft_ms": 336,
    "llm_duration_ms": 1210,
    "llm_cancelled": False,
    "llm_prompt_tokens": 1184,
    "llm_completion_tokens": 22,
    "llm_total_tokens": 1206,
    "llm_tokens_per_second": 18.2,
    "llm_cache_read_tokens": 1024,
    "llm_cache_hit_ratio": 0.86,
    "llm_model": "gpt-4o-mini",
    "llm_provider": "openai",
    "llm_label": "openai.LLM",
    "llm_request_id": "chatcmpl-9xYz",
    "llm_timestamp": 1742561234.101,
    "llm_speech_id": "SPEECH_4f2a",
    # TTS
    "tts_ttfb_ms": 182,
    "tts_duration_ms": 2410,
    "tts_audio_duration_ms": 3520,
    "tts_cancelled": False,
    "tts_characters": 46,
    "tts_streamed": True,
    "tts_input_tokens": 0,
    "tts_output_tokens": 0,
    "tts_model": "eleven_flash_v2_5",
    "tts_provider": "elevenlabs",
    "tts_label": "elevenlabs.TTS",
    "tts_request_id": "req_c41",
    "tts_timestamp": 1742561234.498,
    "tts_speech_id": "SPEECH_4f2a",
    "tts_segment_id": "SEG_01",
    # STT
    "stt_duration_ms": 3010,
    "stt_audio_duration_ms": 2980,
    "stt_streamed": True,
    "stt_input_tokens": 0,
    "stt_output_tokens": 0,
    "stt_model": "nova-3",
    "stt_provider": "deepgram",
    "stt_confidence": 0.97,
    "stt_label": "deepgram.STT",
    "stt_request_id": "dg_88a",
    "stt_timestamp": 1742561233.902,
    # adaptive interruption
    "interruption_total_duration_ms": 640,
    "interruption_prediction_ms": 42,
    "interruption_detection_delay_ms": 180,
    "num_interruptions": 1,
    "num_backchannels": 2,
    "interruption_num_requests": 5,
    # realtime / S2S
    "realtime_ttft_ms": 410,
    "realtime_duration_ms": 2200,
    "realtime_session_duration_ms": 61000,
    "realtime_cancelled": False,
    "realtime_input_tokens": 950,
    "realtime_output_tokens": 140,
    "realtime_total_tokens": 1090,
    "realtime_tokens_per_second": 63.6,
    "realtime_label": "openai.realtime",
    "realtime_request_id": "resp_123",
    "realtime_model": "gpt-4o-realtime-preview",
    "realtime_provider": "openai_realtime",
    "realtime_input_audio_tokens": 800,
    "realtime_input_text_tokens": 150,
    "realtime_input_image_tokens": 0,
    "realtime_output_audio_tokens": 120,
    "realtime_output_text_tokens": 20,
    "realtime_output_image_tokens": 0,
    "realtime_cached_tokens": 512,
    "realtime_cached_audio_tokens": 384,
    "realtime_cached_text_tokens": 128,
    "realtime_cached_image_tokens": 0,
    "realtime_cache_hit_ratio": 0.54,
    # wall clock
    "user_started_speaking_at": "2025-03-21T12:47:10.120Z",
    "user_stopped_speaking_at": "2025-03-21T12:47:13.130Z",
    "agent_started_speaking_at": "2025-03-21T12:47:14.042Z",
    "agent_stopped_speaking_at": "2025-03-21T12:47:17.562Z",
    # other
    "speaking_rate": 2.8,
    "error_source": "tts",
    "llm_availability": {"openai": True, "anthropic": False},
    **EARLIER_METRICS,
}

# One realistic frame per platform event, carrying every field of the newest contract.
PLATFORM_FRAMES: list[tuple[type[Event], dict[str, Any]]] = [
    (
        events.AgentSessionStarted,
        {
            "type": "session.started",
            "agent_session_id": SESSION_ID,
            "call_id": CALL_ID,
            "caller": "+14155550100",
            "callee": "+14155550199",
            "agent_id": "a1b2c3d4-0000-4000-8000-000000000001",
            "audio_format": "pcm",
            "sample_rate": 16000,
            "channels": 1,
            "frame_size_ms": 20,
            "plc_enabled": True,
        },
    ),
    (
        events.AgentSessionEnded,
        {
            "type": "session.ended",
            "duration_seconds": 184,
            "turn_count": 12,
            "reason": "agent_hangup",
            "started_at": "2025-03-21T12:45:00Z",
            "ended_at": "2025-03-21T12:48:04Z",
            "error": None,
            "transcript": [
                {"role": "assistant", "content": "Hi, this is Ava from Acme Dental."},
                {"role": "user", "content": "Hi, I need to reschedule."},
            ],
            "stt_duration": 96,
            "llm_duration": 41,
            "tts_duration": 73,
        },
    ),
    (
        events.Error,
        {"type": "session.error", "code": "tts_error", "message": "tts: connection failed"},
    ),
    (
        events.SessionUsage,
        {
            "type": "session.usage",
            "models": [
                {
                    "type": "llm_usage",
                    "provider": "openai",
                    "model": "gpt-4o-mini",
                    "input_tokens": 5210,
                    "input_cached_tokens": 4096,
                    "output_tokens": 312,
                    "session_duration": 62.4,
                },
                {
                    "type": "tts_usage",
                    "provider": "elevenlabs",
                    "model": "eleven_flash_v2_5",
                    "characters_count": 820,
                    "audio_duration": 54.2,
                },
                {
                    "type": "stt_usage",
                    "provider": "deepgram",
                    "model": "nova-3",
                    "audio_duration": 61.9,
                },
                {"type": "interruption_usage", "provider": "plivo", "total_requests": 14},
            ],
        },
    ),
    (
        events.ToolCall,
        {
            "type": "tool.called",
            "id": "call_Qm3kX9",
            "name": "lookup_order",
            "arguments": {"order_id": "A-10023", "include_items": True},
        },
    ),
    (
        events.ToolExecuted,
        {
            "type": "tool.executed",
            "calls": [
                {
                    "name": "get_weather",
                    "call_id": "call_abc",
                    "arguments": '{"city": "Austin"}',
                    "output": "Sunny, 28C",
                    "is_error": False,
                }
            ],
            "timestamp": "2025-03-21T12:46:02.410Z",
            "tool_name": "get_weather",
        },
    ),
    (
        events.TurnCompleted,
        {
            "type": "turn.completed",
            "turn_number": 3,
            "user_text": "Can I move it to Friday?",
            "agent_text": "Friday at 10 am works. Shall I book it?",
            "turn_id": "turn_03",
            "agent_first": False,
            "agent_tool_id": None,
            "turn_decision_s": 0.25,
            "transcription_delay_s": 0.12,
            "llm_ttft_s": 0.336,
            "tts_ttfb_s": 0.182,
            "realtime_ttft_s": None,
            "user_started_speaking_at": "2025-03-21T12:47:10.120Z",
            "user_stopped_speaking_at": "2025-03-21T12:47:13.130Z",
            "agent_started_speaking_at": "2025-03-21T12:47:14.042Z",
        },
    ),
    (events.TurnMetrics, TURN_METRICS),
    (
        events.Prompt,
        {
            "type": "user.transcription",
            "text": "I want to check my order",
            "is_final": True,
            "language": "en-US",
            "speaker_id": "S1",
        },
    ),
    (events.Dtmf, {"type": "user.dtmf", "digit": "5"}),
    (events.DtmfSent, {"type": "dtmf.sent", "digits": "123#"}),
    (events.UserIdle, {"type": "user.idle", "retry_count": 2, "reason": "no_response"}),
    (
        events.VadSpeechStarted,
        {
            "type": "user.speech_started",
            "timestamp_ms": 1742561230120,
            "timestamp": "2025-03-21T12:47:10.120Z",
            "vad_idle_time_s": 1.4,
            "vad_inference_count": 70,
            "vad_inference_duration_total_ms": 18,
        },
    ),
    (
        events.VadSpeechStopped,
        {
            "type": "user.speech_stopped",
            "timestamp_ms": 1742561233130,
            "duration_ms": 3010,
            "timestamp": "2025-03-21T12:47:13.130Z",
            "vad_idle_time_s": 0.0,
            "vad_inference_count": 150,
            "vad_inference_duration_total_ms": 37,
        },
    ),
    (
        events.TurnDetected,
        {
            "type": "user.turn_completed",
            "turn_id": "turn_03",
            "trigger": "silence",
            "duration_ms": 3010,
            "timestamp": "2025-03-21T12:47:13.380Z",
            "turn_method": "eou_model",
            "turn_probability": 0.93,
        },
    ),
    (
        events.UserStateChanged,
        {
            "type": "user.state_changed",
            "old_state": "listening",
            "new_state": "speaking",
            "timestamp": "2025-03-21T12:47:10.120Z",
        },
    ),
    (
        events.UserBackchannel,
        {
            "type": "user.backchannel",
            "is_interruption": False,
            "probability": 0.12,
            "detection_delay_ms": 180.5,
            "total_duration_ms": 420.0,
            "prediction_duration_ms": 41.7,
            "overlap_started_at": "2025-03-21T12:47:15.010Z",
            "num_requests": 3,
            "timestamp": "2025-03-21T12:47:15.430Z",
            "speech_input_b64": "AAABAP7/AgD9/w==",
            "probabilities": [0.05, 0.09, 0.12],
        },
    ),
    (events.AgentHandoff, {"type": "agent.handoff", "new_agent": "billing_specialist"}),
    (
        events.Interruption,
        {
            "type": "agent.speech_interrupted",
            "interrupted_text": "Your order shipped on Mon",
            "turn_id": "turn_04",
            "playback_position_s": 1.84,
            "timestamp": "2025-03-21T12:47:20.005Z",
        },
    ),
    (
        events.AgentSpeechCreated,
        {
            "type": "agent.speech_created",
            "source": "llm",
            "user_initiated": False,
            "timestamp": "2025-03-21T12:47:13.600Z",
        },
    ),
    (
        events.AgentSpeechStarted,
        {"type": "agent.speech_started", "timestamp": "2025-03-21T12:47:14.042Z"},
    ),
    (
        events.AgentSpeechCompleted,
        {
            "type": "agent.speech_completed",
            "playback_position_s": 3.52,
            "timestamp": "2025-03-21T12:47:17.562Z",
            "transcript": "Friday at 10 am works. Shall I book it?",
        },
    ),
    (
        events.AgentFalseInterruption,
        {
            "type": "agent.false_interruption",
            "resumed": True,
            "timestamp": "2025-03-21T12:47:21.300Z",
        },
    ),
    (
        events.AgentStateChanged,
        {
            "type": "agent.state_changed",
            "old_state": "thinking",
            "new_state": "speaking",
            "timestamp": "2025-03-21T12:47:14.042Z",
        },
    ),
    (
        events.AgentToolStarted,
        {
            "type": "agent_tool.started",
            "agent_tool_type": "collect_email",
            "agent_tool_id": "at_7f3e",
        },
    ),
    (
        events.AgentToolCompleted,
        {
            "type": "agent_tool.completed",
            "agent_tool_type": "collect_email",
            "agent_tool_id": "at_7f3e",
            "result": {"email_address": "jane.doe@example.com", "timed_out": False},
        },
    ),
    (
        events.AgentToolFailed,
        {
            "type": "agent_tool.failed",
            "agent_tool_type": "collect_address",
            "agent_tool_id": "at_9a01",
            "error": "max attempts exceeded",
        },
    ),
    (
        events.LlmAvailabilityChanged,
        {
            "type": "llm.availability_changed",
            "llm": "openai/gpt-4o",
            "available": False,
            "timestamp": "2025-03-21T12:47:30.000Z",
        },
    ),
    (
        events.VoicemailDetected,
        {
            "type": "voicemail.detected",
            "result": "machine",
            "method": "audio",
            "transcript": "You've reached Jane, please leave a message after the tone.",
        },
    ),
    (events.VoicemailBeep, {"type": "voicemail.beep", "frequency_hz": 1000.0, "duration_ms": 450}),
    (
        events.ParticipantAdded,
        {
            "type": "participant.added",
            "member_id": "mem_2",
            "role": "agent",
            "target": "+14155550123",
        },
    ),
    (
        events.ParticipantRemoved,
        {"type": "participant.removed", "member_id": "mem_2", "role": "agent"},
    ),
    (
        events.CallTransferred,
        {
            "type": "call.transferred",
            "destination": ["+14155550123", "sip:support@example.com"],
        },
    ),
    (events.PlayCompleted, {"type": "play.completed"}),
]

# The audio-stream frames exactly as Plivo's docs write them (real-api.md §2), and the fields
# they must give.
SEQ = {"sequenceNumber": 7, "streamId": STREAM_ID}
SEQ_FIELDS = {"sequence_number": 7, "stream_id": STREAM_ID}
STREAM_FRAMES: list[tuple[type[Event], dict[str, Any], dict[str, Any]]] = [
    (
        events.StreamStart,
        {
            "event": "start",
            "sequenceNumber": 0,
            "start": {
                "callId": CALL_ID,
                "streamId": STREAM_ID,
                "accountId": "MA000000000000000001",
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-l16", "sampleRate": 16000},
            },
            "extra_headers": "tenant=acme;tier=gold",
        },
        {
            "event": "start",
            "stream_id": STREAM_ID,
            "call_id": CALL_ID,
            "account_id": "MA000000000000000001",
            "content_type": "audio/x-l16",
            "sample_rate": 16000,
            "tracks": ["inbound"],
            "sequence_number": 0,
            "extra_headers": "tenant=acme;tier=gold",
        },
    ),
    (
        events.StreamMedia,
        {
            "event": "media",
            "sequenceNumber": 42,
            "streamId": STREAM_ID,
            "media": {
                "track": "inbound",
                "timestamp": "1705312200000",
                "chunk": 41,
                "payload": PAYLOAD,
            },
        },
        {
            "event": "media",
            "payload": PAYLOAD,
            "track": "inbound",
            "chunk": 41,
            "timestamp": "1705312200000",
            "sequence_number": 42,
            "stream_id": STREAM_ID,
            "content_type": "",  # from the call's start frame (see the VoiceApp tests)
            "sample_rate": 8000,
        },
    ),
    (
        events.StreamDtmf,
        {
            "event": "dtmf",
            **SEQ,
            "dtmf": {"track": "inbound", "digit": "5", "timestamp": "1705312201000"},
        },
        {
            "event": "dtmf",
            "digit": "5",
            "track": "inbound",
            "timestamp": "1705312201000",
            **SEQ_FIELDS,
        },
    ),
    (
        events.PlayedStream,
        {"event": "playedStream", **SEQ, "name": "greeting-done"},
        {"event": "playedStream", "name": "greeting-done", **SEQ_FIELDS},
    ),
    (
        events.ClearedAudio,
        {"event": "clearedAudio", **SEQ},
        {"event": "clearedAudio", **SEQ_FIELDS},
    ),
    (
        events.PlayFailed,
        {"event": "playFailed", **SEQ, "reason": "unsupported contentType"},
        {"event": "playFailed", "reason": "unsupported contentType", **SEQ_FIELDS},
    ),
    (
        events.StreamError,
        {"event": "error", **SEQ, "reason": "invalid JSON"},
        {"event": "error", "reason": "invalid JSON", **SEQ_FIELDS},
    ),
    (events.StreamMuted, {"event": "muteStream", **SEQ}, {"event": "muteStream", **SEQ_FIELDS}),
    (
        events.StreamUnmuted,
        {"event": "unmuteStream", **SEQ},
        {"event": "unmuteStream", **SEQ_FIELDS},
    ),
    (events.StreamStop, {"event": "stop", **SEQ}, {"event": "stop", **SEQ_FIELDS}),
]

ALL_CLASSES = [cls for cls, _ in PLATFORM_FRAMES] + [cls for cls, _, _ in STREAM_FRAMES]
NOT_CLASSES = ("Event", "EVENT_TYPES", "parse_event", "build_frame")
EVENT_CLASS_NAMES = [name for name in events.__all__ if name not in NOT_CLASSES]


def field_names(cls: type[Event]) -> list[str]:
    """The attrs field names of an event class, ``extra`` included."""
    return [field.name for field in attrs.fields(cls)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "frame"), PLATFORM_FRAMES, ids=lambda v: getattr(v, "__name__", None)
)
def test_platform_frame_parses_to_its_class(cls: type[Event], frame: dict[str, Any]) -> None:
    """Every key of a full frame lands in the same-named field; nothing is left over."""
    event = parse_event(frame)
    assert type(event) is cls
    assert isinstance(event, Event)
    assert event.extra == {}
    for key, value in frame.items():
        assert getattr(event, key) == value, key
    # the frame carries every field of the contract, so it also checks the field names
    assert set(frame) == set(field_names(cls)) - {"extra"}


@pytest.mark.parametrize(
    ("cls", "frame", "fields"), STREAM_FRAMES, ids=lambda v: getattr(v, "__name__", None)
)
def test_stream_frame_parses_to_its_class(
    cls: type[Event], frame: dict[str, Any], fields: dict[str, Any]
) -> None:
    """Audio-stream frames become their class with the nested values flattened."""
    event = parse_event(frame)
    assert type(event) is cls
    assert event.extra == {}
    assert {name: getattr(event, name) for name in fields} == fields
    assert set(fields) == set(field_names(cls)) - {"extra"}


def test_spot_values() -> None:
    """A few values checked literally (not derived from the frame table)."""
    call = parse_event('{"type": "tool.called", "id": "c1", "name": "n", "arguments": {"a_b": 1}}')
    assert call == ToolCall(id="c1", name="n", arguments={"a_b": 1})
    metrics = parse_event(TURN_METRICS)
    assert isinstance(metrics, TurnMetrics)
    assert metrics.turn_number == 3
    assert metrics.interrupted is True
    assert metrics.llm_provider == "openai"
    assert metrics.realtime_cache_hit_ratio == 0.54
    assert metrics.llm_availability == {"openai": True, "anthropic": False}
    assert metrics.type == "turn.metrics"


def test_turn_metrics_has_every_field() -> None:
    """TurnMetrics: 112 metrics fields + type + extra; all None but turn_number/interrupted."""
    names = field_names(TurnMetrics)
    assert len(names) == 114
    assert names[-2:] == ["type", "extra"]
    defaults = TurnMetrics()
    assert defaults.turn_number == 0
    assert defaults.interrupted is False
    for name in names[2:-2]:
        assert getattr(defaults, name) is None, name


def test_extra_keys_are_kept() -> None:
    """Keys a class does not know go to ``extra``, even ones named like Python internals."""
    frame = {
        "type": "tool.called",
        "id": "call_1",
        "name": "lookup",
        "arguments": {},
        "server_version": "2.4",
        "extra": "the wire had a key named extra",
        "self": 1,
    }
    event = parse_event(frame)
    assert isinstance(event, ToolCall)
    assert event.extra == {
        "server_version": "2.4",
        "extra": "the wire had a key named extra",
        "self": 1,
    }
    assert event["server_version"] == "2.4"
    assert event.get("server_version") == "2.4"
    assert event["name"] == "lookup"
    assert "server_version" in event and "id" in event and "missing" not in event
    assert event.get("missing", 7) == 7
    with pytest.raises(KeyError):
        event["missing"]


def test_turn_metrics_keeps_every_field_any_version_sent() -> None:
    """The union of the versions' fields is typed; a brand-new one stays in ``extra``."""
    event = parse_event(
        {"type": "turn.metrics", "turn_number": 1, **EARLIER_METRICS, "future_ms": 5}
    )
    assert isinstance(event, TurnMetrics)
    assert {name: getattr(event, name) for name in EARLIER_METRICS} == EARLIER_METRICS
    assert event.extra == {"future_ms": 5}
    assert event.get("future_ms") == event["future_ms"] == 5 and "future_ms" in event
    assert event.get("tts_pipeline_ms") == 410


def test_tool_executed_old_form() -> None:
    """An old server's ``tool_name`` parses; ``calls`` then defaults to an empty list."""
    event = parse_event({"type": "tool.executed", "tool_name": "search"})
    assert event == ToolExecuted(tool_name="search")
    assert isinstance(event, ToolExecuted) and event.calls == []


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
def test_missing_keys_take_defaults(name: str) -> None:
    """A frame with only its type string equals the class built with its defaults."""
    cls = EVENT_TYPES[name]
    key = "event" if "event" in field_names(cls) else "type"
    event = parse_event({key: name})
    assert event == cls()
    assert event.extra == {}
    assert getattr(event, key) == name


def test_default_values() -> None:
    """Non-optional defaults are "", 0, 0.0, False and empty containers; optional ones None."""
    started = AgentSessionStarted()
    assert (started.agent_session_id, started.call_id, started.caller) == ("", "", None)
    assert started.plc_enabled is None
    assert events.AgentSessionEnded().duration_seconds == 0
    assert events.VoicemailBeep().frequency_hz == 0.0
    assert events.Prompt().is_final is False
    assert events.UserBackchannel().is_interruption is False
    assert events.SessionUsage().models is None
    assert events.CallTransferred().destination == []
    assert events.AgentToolCompleted().result == {}
    assert ToolCall().arguments == {}
    assert ToolCall().arguments is not ToolCall().arguments
    assert StreamStart().sample_rate == 8000
    assert StreamMedia().sample_rate == 8000
    assert StreamMedia().payload == ""


def test_every_class_ends_with_discriminator_and_extra() -> None:
    """Each class has ``type`` (platform) or ``event`` (audio stream), then ``extra`` last."""
    for name, cls in EVENT_TYPES.items():
        names = field_names(cls)
        assert names[-1] == "extra"
        assert names[-2] in ("type", "event")
        assert getattr(cls(), names[-2]) == name
        assert cls.__doc__ and "\n" not in cls.__doc__.strip()


def test_unknown_type_returns_raw_dict() -> None:
    """Unknown type strings give back a fresh dict equal to the frame."""
    frame = {"type": "agent.mood_changed", "mood": "cheerful", "nested": {"a": 1}}
    result = parse_event(frame)
    assert result == frame
    assert type(result) is dict
    assert result is not frame
    assert parse_event(json.dumps(frame)) == frame
    old = {"type": "agent_session.started", "call_id": CALL_ID}  # pre-rename name
    assert parse_event(old) == old
    assert parse_event({"event": "mark", "name": "x"}) == {"event": "mark", "name": "x"}


def test_str_bytes_and_bytearray_input() -> None:
    """JSON text, bytes and bytearray parse like the decoded dict."""
    frame = {"type": "user.dtmf", "digit": "7"}
    text = json.dumps(frame)
    expected = Dtmf(digit="7")
    assert parse_event(text) == expected
    assert parse_event(text.encode()) == expected
    assert parse_event(bytearray(text.encode())) == expected
    assert parse_event(frame) == expected


def test_type_wins_over_event_and_dtmf_names() -> None:
    """``type`` wins when it is a string; ``dtmf`` is StreamDtmf, ``user.dtmf`` is Dtmf."""
    assert type(parse_event({"event": "dtmf", "dtmf": {"digit": "1"}})) is StreamDtmf
    assert type(parse_event({"type": "user.dtmf", "digit": "1"})) is Dtmf
    both = parse_event({"type": "user.dtmf", "event": "dtmf", "digit": "1"})
    assert both == Dtmf(digit="1", extra={"event": "dtmf"})
    # a non-string ``type`` is ignored for dispatch and kept in extra
    fallback = parse_event({"type": None, "event": "stop"})
    assert fallback == events.StreamStop(extra={"type": None})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "frame is not valid JSON: "),
        ("", "frame is not valid JSON: "),
        (b"\xff\xfe\xfa", "frame is not valid JSON: "),
        (b'{"type": "user.dtmf", "digit": "\xe9"}', "frame is not valid JSON: "),
        ("[" * 100_000, "frame is not valid JSON: "),
        ("[1, 2]", "frame must be a JSON object, got list"),
        ('"session.started"', "frame must be a JSON object, got str"),
        ("42", "frame must be a JSON object, got int"),
        ("null", "frame must be a JSON object, got NoneType"),
        ("{}", "frame has no 'type' or 'event'"),
        ('{"type": 1, "event": ["x"]}', "frame has no 'type' or 'event'"),
        ({"digit": "5"}, "frame has no 'type' or 'event'"),
        ([{"type": "user.dtmf"}], "frame must be a JSON object, got list"),
    ],
)
def test_invalid_frames(data: Any, message: str) -> None:
    """Bad frames raise InvalidFrameError (a WebSocketError) with a clear message."""
    with pytest.raises(InvalidFrameError) as info:
        parse_event(data)
    assert isinstance(info.value, WebSocketError)
    assert str(info.value).startswith(message)


def test_invalid_json_chains_the_decode_error() -> None:
    """The JSON error is the cause, not the raised exception."""
    with pytest.raises(InvalidFrameError) as info:
        parse_event("{")
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert not isinstance(info.value, ValueError)


def test_wrong_value_types_are_kept_as_sent() -> None:
    """No validation: odd value types pass through unchanged."""
    event = parse_event({"type": "tool.called", "id": 17, "arguments": "not-an-object"})
    assert isinstance(event, ToolCall)
    sent: Any = (event.id, event.arguments)
    assert sent == (17, "not-an-object")
    media = parse_event({"event": "media", "media": "garbage"})
    assert media == StreamMedia(extra={"media": "garbage"})


def test_start_reads_the_original_sdks_keys_as_fallback() -> None:
    """``mediaFormat.type``/``.rate`` (the original SDK's reading) still give the format."""
    old = {
        "event": "start",
        "start": {"streamId": "s", "callId": CALL_ID, "mediaFormat": {"type": "x", "rate": 16000}},
    }
    event = parse_event(old)
    assert isinstance(event, StreamStart)
    assert (event.content_type, event.sample_rate, event.stream_id) == ("x", 16000, "s")
    assert event.extra == {}
    both = parse_event(
        {
            "event": "start",
            "start": {"mediaFormat": {"encoding": "audio/x-mulaw", "type": "old", "rate": 16000}},
        }
    )
    assert isinstance(both, StreamStart)
    assert (both.content_type, both.sample_rate) == ("audio/x-mulaw", 16000)
    assert both.extra == {"start": {"mediaFormat": {"type": "old"}}}  # the loser is kept


def test_start_precedence_and_no_mutation() -> None:
    """Flat snake_case keys win over nested ones; the frame given is never modified."""
    nested = {"streamId": "nested-id", "mediaFormat": {"encoding": "audio/x-l16"}}
    frame = {"event": "start", "stream_id": "flat-id", "sample_rate": 24000, "start": nested}
    event = parse_event(frame)
    assert isinstance(event, StreamStart)
    assert (event.stream_id, event.sample_rate, event.content_type) == (
        "flat-id",
        24000,
        "audio/x-l16",
    )
    assert event.extra == {}
    assert nested == {"streamId": "nested-id", "mediaFormat": {"encoding": "audio/x-l16"}}
    top = parse_event({"event": "start", "streamId": "top-id"})
    assert isinstance(top, StreamStart) and top.stream_id == "top-id"


def test_extra_headers_parse_to_a_dict() -> None:
    """``"k=v;k2=v2"`` -> dict; empty and malformed parts are skipped."""
    event = StreamStart(extra_headers="tenant=acme; tier = gold;;broken;=x;empty=")
    assert event.extra_headers_dict == {"tenant": "acme", "tier": "gold", "empty": ""}
    assert StreamStart().extra_headers_dict == {}


def test_media_format_comes_from_the_call_unless_the_frame_says() -> None:
    """``parse_frame(frame, media_format)``: a documented frame takes the call's format."""
    frame = {
        "event": "media",
        "sequenceNumber": 1,
        "streamId": STREAM_ID,
        "media": {"track": "inbound", "timestamp": "1", "chunk": 1, "payload": PAYLOAD},
    }
    for data in (frame, json.dumps(frame), {**frame, "extra_headers": "a=1"}):
        kind, event = parse_frame(data, ("audio/x-l16", 16000))
        assert kind == "media" and isinstance(event, StreamMedia)
        assert (event.content_type, event.sample_rate, event.chunk) == ("audio/x-l16", 16000, 1)
    own = {"event": "media", "media": {"payload": PAYLOAD, "contentType": "x", "sampleRate": 24000}}
    _, event = parse_frame(own, ("audio/x-l16", 16000))
    assert isinstance(event, StreamMedia)
    assert (event.content_type, event.sample_rate) == ("x", 24000)
    odd = {**frame, "media": {**frame["media"], "future": 1}}  # the general path, same values
    _, slow = parse_frame(odd, ("audio/x-l16", 16000))
    assert isinstance(slow, StreamMedia) and slow.extra == {"media": {"future": 1}}
    assert attrs.evolve(slow, extra={}) == parse_frame(frame, ("audio/x-l16", 16000))[1]


@pytest.mark.parametrize("headers", [None, "tenant=acme"], ids=["plain", "extra_headers"])
@pytest.mark.parametrize("media_format", [None, ("audio/x-l16", 16000)], ids=["no-start", "start"])
def test_media_hot_path_gives_a_plain_frozen_event(
    headers: str | None, media_format: tuple[str, int] | None
) -> None:
    """A documented media frame parses to exactly the event the class itself builds: its type
    is ``StreamMedia`` (no subclass), it is frozen, and it writes back the same frame."""
    frame: dict[str, Any] = {
        "event": "media",
        "sequenceNumber": 7,
        "streamId": STREAM_ID,
        "media": {"track": "inbound", "timestamp": "1764142080140", "chunk": 7, "payload": PAYLOAD},
    }
    if headers is not None:
        frame["extra_headers"] = headers
    kind, event = parse_frame(json.dumps(frame), media_format)
    content_type, sample_rate = media_format or ("", 8000)
    expected = StreamMedia(
        payload=PAYLOAD,
        track="inbound",
        chunk=7,
        timestamp="1764142080140",
        sequence_number=7,
        stream_id=STREAM_ID,
        content_type=content_type,
        sample_rate=sample_rate,
        extra={} if headers is None else {"extra_headers": headers},
    )
    assert kind == "media" and type(event) is StreamMedia
    assert event == expected and repr(event) == repr(expected)
    assert attrs.asdict(event) == attrs.asdict(expected)
    assert event.get("extra_headers") == headers
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.payload = ""  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del event.payload  # type: ignore[misc]
    if media_format is None:
        assert event.to_dict() == frame
    # A frame one key short of the documented shape takes the general path: same values.
    short = {**frame, "media": {**frame["media"]}}
    del short["media"]["chunk"]
    short["media"]["other"] = 1
    _, slow = parse_frame(short, media_format)
    assert type(slow) is StreamMedia
    extra = {**expected.extra, "media": {"other": 1}}
    assert slow == attrs.evolve(expected, chunk=None, extra=extra)


def test_dtmf_flattening_and_precedence() -> None:
    """``dtmf``: ``dtmf.digit`` flattened; a flat ``digit`` wins."""
    assert parse_event({"event": "dtmf", "dtmf": {"digit": "9"}}) == StreamDtmf(digit="9")
    assert parse_event({"event": "dtmf", "digit": "1", "dtmf": {"digit": "9"}}) == StreamDtmf(
        digit="1"
    )
    assert parse_event({"event": "dtmf", "dtmf": {"digit": "9", "duration": 120}}) == StreamDtmf(
        digit="9", extra={"dtmf": {"duration": 120}}
    )


def test_registry() -> None:
    """Every event class in ``__all__`` is registered exactly once, under its own type string."""
    exported = {getattr(events, name) for name in EVENT_CLASS_NAMES}
    assert len(set(EVENT_TYPES.values())) == len(EVENT_TYPES) == len(exported)
    assert exported == set(EVENT_TYPES.values())
    assert set(ALL_CLASSES) == exported
    assert set(NOT_CLASSES) <= set(events.__all__)
    assert len(events.__all__) == len(set(events.__all__)) == len(exported) + len(NOT_CLASSES)
    for cls in exported:
        assert issubclass(cls, Event)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
def test_events_are_frozen(cls: type[Event]) -> None:
    """Assigning a field (or a new attribute) raises FrozenInstanceError / AttributeError."""
    event = cls()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.extra = {}  # type: ignore[misc]
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        event.not_a_field = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cls", "frame"), PLATFORM_FRAMES, ids=lambda v: getattr(v, "__name__", None)
)
def test_platform_to_dict_round_trips(cls: type[Event], frame: dict[str, Any]) -> None:
    """``to_dict()`` is the wire frame (type first, extras included) and parses back equal."""
    event = parse_event({**frame, "future_field": [1, 2]})
    assert isinstance(event, cls)
    wire = event.to_dict()
    assert wire == {**frame, "future_field": [1, 2]}
    assert next(iter(wire)) == "type"
    assert parse_event(wire) == event
    assert parse_event(json.dumps(wire)) == event


@pytest.mark.parametrize(
    ("cls", "frame", "_fields"), STREAM_FRAMES, ids=lambda v: getattr(v, "__name__", None)
)
def test_stream_to_dict_is_the_plivo_frame(
    cls: type[Event], frame: dict[str, Any], _fields: dict[str, Any]
) -> None:
    """Audio-stream ``to_dict()`` nests the fields back as Plivo sends them."""
    event = parse_event(frame)
    assert event.to_dict() == frame  # type: ignore[union-attr]
    assert parse_event(event.to_dict()) == event  # type: ignore[union-attr]


def test_stream_to_dict_keeps_leftovers() -> None:
    """Leftover nested keys are merged back; a non-object nested value forces flat keys."""
    frame = {
        "event": "start",
        "start": {
            "accountId": "MA1",
            "streamId": STREAM_ID,
            "callId": CALL_ID,
            "mediaFormat": {"encoding": "x", "sampleRate": 8000, "bits": 16},
        },
    }
    event = parse_event(frame)
    assert isinstance(event, StreamStart)
    assert event.to_dict() == {**frame, "start": {**frame["start"], "tracks": []}}
    odd = parse_event({"event": "media", "payload": "p", "media": "garbage"})
    assert isinstance(odd, StreamMedia)
    assert odd.to_dict() == {
        "event": "media",
        "media": "garbage",
        "payload": "p",
        "track": "",
        "timestamp": "",
        "streamId": "",  # a top-level wire key: nothing in the way
    }
    assert parse_event(odd.to_dict()) == odd


def test_events_are_comparable_and_matchable() -> None:
    """attrs gives value equality and ``match`` support."""
    assert parse_event({"type": "play.completed"}) == PlayCompleted()
    cleared: Event = ClearedAudio()
    assert cleared != events.StreamStop()
    match parse_event({"type": "tool.called", "id": "c9", "name": "end_call"}):
        case ToolCall(name="end_call", id=call_id):
            assert call_id == "c9"
        case _:
            pytest.fail("no match")


# --- property tests -------------------------------------------------------------------------

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
type_names = st.sampled_from(sorted(EVENT_TYPES) + ["unknown.event", "agent_session.started"])
field_keys = st.sampled_from(
    sorted({name for cls in EVENT_TYPES.values() for name in field_names(cls)})
    + ["type", "event", "start", "media", "dtmf", "streamId", "extra"]
)
nested_objects = st.fixed_dictionaries(
    {},
    optional={
        "streamId": json_values,
        "callId": json_values,
        "mediaFormat": st.dictionaries(st.sampled_from(["type", "rate", "x"]), json_values)
        | json_values,
        "payload": json_values,
        "contentType": json_values,
        "sampleRate": json_values,
        "timestamp": json_values,
        "digit": json_values,
        "track": json_values,
    },
)
frames = st.dictionaries(
    st.text(max_size=8) | field_keys,
    json_values | type_names | nested_objects,
    max_size=8,
)
typed_frames = st.builds(
    lambda frame, key, name: {**frame, key: name},
    frames,
    st.sampled_from(["type", "event"]),
    type_names,
)

stream_frames = st.builds(
    lambda frame, name, nested: {**frame, "event": name, name: nested},
    frames,
    st.sampled_from(["start", "media", "dtmf"]),
    nested_objects | st.builds(lambda n: {**n, "mediaFormat": n}, nested_objects) | json_values,
)


def check(data: Any) -> Event | dict[str, Any] | None:
    """Parse, accepting only a result or InvalidFrameError."""
    try:
        result = parse_event(data)
    except InvalidFrameError:
        return None
    assert isinstance(result, (Event, dict))
    return result


@settings(max_examples=300, deadline=None)
@given(frames | typed_frames | stream_frames)
def test_property_dicts(frame: dict[str, Any]) -> None:
    """Any JSON-able dict parses (or is rejected cleanly); events round-trip through to_dict."""
    result = check(frame)
    assert check(json.dumps(frame)) == result
    assert check(json.dumps(frame).encode()) == result
    if isinstance(result, Event):
        assert parse_event(result.to_dict()) == result
    elif isinstance(result, dict):
        assert result == frame


@settings(max_examples=300, deadline=None)
@given(st.text() | st.binary() | json_values.map(json.dumps) | json_values)
def test_property_any_input(data: Any) -> None:
    """Arbitrary text, bytes and JSON values never raise anything but InvalidFrameError."""
    check(data)


def test_build_frame_writes_just_the_given_fields_at_their_wire_paths() -> None:
    """The platform's side (the simulator) builds frames from the same description."""
    from plivo_agentstack.agent.events import build_frame

    assert build_frame(ToolCall, id="c1", name="n") == {
        "type": "tool.called",
        "id": "c1",
        "name": "n",
    }
    start = build_frame(StreamStart, stream_id="s", content_type="audio/x-l16", sample_rate=16000)
    assert start == {
        "event": "start",
        "start": {"streamId": "s", "mediaFormat": {"encoding": "audio/x-l16", "sampleRate": 16000}},
    }
    assert parse_event(start) == StreamStart(
        stream_id="s", content_type="audio/x-l16", sample_rate=16000
    )
    assert build_frame(Dtmf, {"future": 1}, digit="5") == {
        "type": "user.dtmf",
        "digit": "5",
        "future": 1,
    }
    with pytest.raises(TypeError, match="ToolCall has no field"):
        build_frame(ToolCall, nmae="x")
