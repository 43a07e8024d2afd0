"""Typed events of the voice-agent WebSocket protocol and :func:`parse_event`.

Every inbound frame is a JSON object discriminated by ``type`` (agent-platform events, dotted
names such as ``"tool.called"``) or ``event`` (Plivo audio-streaming events such as ``"media"``);
``type`` wins when it is a string. :func:`parse_event` turns a frame into the matching frozen
attrs class from :data:`EVENT_TYPES`:

- keys that match a field name become that field; missing keys take the field default;
- every other key is kept, unchanged, in ``extra`` (never an error) and read with
  ``event.get(key)``: fields added by newer servers survive, and each class types the union of
  the fields every version sent (``turn.metrics``);
- values are kept exactly as sent: no validation, no conversion, nested keys are never renamed;
- audio-stream fields live at nested wire paths (``_wire``: ``start.mediaFormat.encoding``, with
  older spellings such as ``start.mediaFormat.type`` read as fallbacks); a flat snake_case
  top-level key wins over the nested value, and nested keys that have no field are kept under
  the same key in ``extra``. ``to_dict()`` writes the frame back as Plivo documents it;
- an unknown type string gives back the frame as a plain ``dict`` (forward compatible).

To add an event: write one class below and add one line to :data:`EVENT_TYPES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from ..errors import InvalidFrameError
from ._codec import decode_frame

__all__ = [
    "Event",
    "EVENT_TYPES",
    "build_frame",
    "parse_event",
    # session
    "AgentSessionStarted",
    "AgentSessionEnded",
    "Error",
    "SessionUsage",
    # tools
    "ToolCall",
    "ToolExecuted",
    # turns
    "TurnCompleted",
    "TurnMetrics",
    # user
    "Prompt",
    "Dtmf",
    "DtmfSent",
    "UserIdle",
    "VadSpeechStarted",
    "VadSpeechStopped",
    "TurnDetected",
    "UserStateChanged",
    "UserBackchannel",
    # agent
    "AgentHandoff",
    "Interruption",
    "AgentSpeechCreated",
    "AgentSpeechStarted",
    "AgentSpeechCompleted",
    "AgentFalseInterruption",
    "AgentStateChanged",
    "AgentToolStarted",
    "AgentToolCompleted",
    "AgentToolFailed",
    "LlmAvailabilityChanged",
    # call
    "VoicemailDetected",
    "VoicemailBeep",
    "ParticipantAdded",
    "ParticipantRemoved",
    "CallTransferred",
    "PlayCompleted",
    # audio stream
    "StreamStart",
    "StreamMedia",
    "StreamDtmf",
    "PlayedStream",
    "ClearedAudio",
    "PlayFailed",
    "StreamError",
    "StreamMuted",
    "StreamUnmuted",
    "StreamStop",
]

_MISSING: Final = object()


class Event:
    """Base class of every typed event (use it in annotations and ``isinstance`` checks)."""

    __slots__ = ()

    extra: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The event as a wire frame: every field (discriminator first, nested fields at their
        wire paths) plus the ``extra`` keys."""
        return _to_dict(self)

    def __getitem__(self, key: str) -> Any:
        """A field by name, else an ``extra`` key; ``KeyError`` when neither exists."""
        if key in _spec(type(self)).known:
            return getattr(self, key)
        return self.extra[key]

    def get(self, key: str, default: Any = None) -> Any:
        """Like ``dict.get``: a field by name, else an ``extra`` key, else ``default``."""
        if key in _spec(type(self)).known:
            return getattr(self, key)
        return self.extra.get(key, default)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is a field name or an ``extra`` key."""
        return key in _spec(type(self)).known or key in self.extra


# --------------------------------------------------------------------------------------------
# Session
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class AgentSessionStarted(Event):
    """``session.started``: the first event on every connection."""

    agent_session_id: str = ""
    call_id: str = ""
    caller: str | None = None
    callee: str | None = None
    agent_id: str | None = None
    audio_format: str | None = None
    sample_rate: int | None = None
    channels: int | None = None
    frame_size_ms: int | None = None
    plc_enabled: bool | None = None
    type: str = "session.started"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentSessionEnded(Event):
    """``session.ended``: the call is over; the connection closes after it."""

    duration_seconds: int = 0
    turn_count: int | None = None
    reason: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    error: str | None = None
    transcript: Any = None
    stt_duration: int | None = None
    llm_duration: int | None = None
    tts_duration: int | None = None
    type: str = "session.ended"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class Error(Event):
    """``session.error``: the platform reports an error for this session."""

    code: str = ""
    message: str = ""
    type: str = "session.error"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class SessionUsage(Event):
    """``session.usage``: cumulative per-model usage, sent periodically (dicts kept as sent)."""

    models: list[Any] | None = None
    type: str = "session.usage"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class ToolCall(Event):
    """``tool.called``: answer with ``tool.result`` / ``tool.error`` using the same ``id``."""

    id: str = ""
    name: str = ""
    arguments: dict[str, Any] = attrs.field(factory=dict)
    type: str = "tool.called"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class ToolExecuted(Event):
    """``tool.executed``: tools the platform ran itself, e.g. MCP (``tool_name``: old servers)."""

    calls: list[Any] = attrs.field(factory=list)
    timestamp: str | None = None
    tool_name: str | None = None
    type: str = "tool.executed"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# Turns
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class TurnCompleted(Event):
    """``turn.completed``: one user/agent exchange finished (latencies in seconds)."""

    turn_number: int = 0
    user_text: str = ""
    agent_text: str = ""
    turn_id: str = ""
    agent_first: bool = False
    agent_tool_id: str | None = None
    turn_decision_s: float | None = None
    transcription_delay_s: float | None = None
    llm_ttft_s: float | None = None
    tts_ttfb_s: float | None = None
    realtime_ttft_s: float | None = None
    user_started_speaking_at: str | None = None
    user_stopped_speaking_at: str | None = None
    agent_started_speaking_at: str | None = None
    type: str = "turn.completed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class TurnMetrics(Event):
    """``turn.metrics``: per-turn latency/usage metrics (opt-in ``events.metrics_events``)."""

    turn_number: int = 0
    interrupted: bool = False
    # context
    agent_first: bool | None = None
    agent_tool_id: str | None = None
    user_text: str | None = None
    agent_text: str | None = None
    pipeline: str | None = None
    # SDK-measured latency (ms; *_at are epoch seconds)
    user_perceived_ms: int | None = None
    sdk_llm_ttft_ms: int | None = None
    sdk_tts_ttfb_ms: int | None = None
    sdk_transcription_delay_ms: int | None = None
    sdk_end_of_turn_delay_ms: int | None = None
    sdk_turn_completed_callback_ms: int | None = None
    sdk_started_speaking_at: float | None = None
    sdk_stopped_speaking_at: float | None = None
    # turn detection
    stt_delay_ms: int | None = None
    turn_decision_ms: int | None = None
    turn_completed_callback_ms: int | None = None
    eou_speech_id: str | None = None
    turn_method: str | None = None
    turn_probability: float | None = None
    turn_unlikely_threshold: float | None = None
    # endpointing
    endpointing_min_delay_ms: int | None = None
    endpointing_max_delay_ms: int | None = None
    # VAD
    vad_idle_time_s: float | None = None
    vad_inference_count: int | None = None
    vad_inference_duration_total_ms: int | None = None
    vad_label: str | None = None
    # LLM
    llm_ttft_ms: int | None = None
    llm_duration_ms: int | None = None
    llm_cancelled: bool | None = None
    llm_prompt_tokens: int | None = None
    llm_completion_tokens: int | None = None
    llm_total_tokens: int | None = None
    llm_tokens_per_second: float | None = None
    llm_cache_read_tokens: int | None = None
    llm_cache_hit_ratio: float | None = None
    llm_model: str | None = None
    llm_provider: str | None = None
    llm_label: str | None = None
    llm_request_id: str | None = None
    llm_timestamp: float | None = None
    llm_speech_id: str | None = None
    # TTS
    tts_ttfb_ms: int | None = None
    tts_duration_ms: int | None = None
    tts_audio_duration_ms: int | None = None
    tts_cancelled: bool | None = None
    tts_characters: int | None = None
    tts_streamed: bool | None = None
    tts_input_tokens: int | None = None
    tts_output_tokens: int | None = None
    tts_model: str | None = None
    tts_provider: str | None = None
    tts_label: str | None = None
    tts_request_id: str | None = None
    tts_timestamp: float | None = None
    tts_speech_id: str | None = None
    tts_segment_id: str | None = None
    # STT
    stt_duration_ms: int | None = None
    stt_audio_duration_ms: int | None = None
    stt_streamed: bool | None = None
    stt_input_tokens: int | None = None
    stt_output_tokens: int | None = None
    stt_model: str | None = None
    stt_provider: str | None = None
    stt_confidence: float | None = None
    stt_label: str | None = None
    stt_request_id: str | None = None
    stt_timestamp: float | None = None
    # adaptive interruption
    interruption_total_duration_ms: int | None = None
    interruption_prediction_ms: int | None = None
    interruption_detection_delay_ms: int | None = None
    num_interruptions: int | None = None
    num_backchannels: int | None = None
    interruption_num_requests: int | None = None
    # realtime / speech-to-speech
    realtime_ttft_ms: int | None = None
    realtime_duration_ms: int | None = None
    realtime_session_duration_ms: int | None = None
    realtime_cancelled: bool | None = None
    realtime_input_tokens: int | None = None
    realtime_output_tokens: int | None = None
    realtime_total_tokens: int | None = None
    realtime_tokens_per_second: float | None = None
    realtime_label: str | None = None
    realtime_request_id: str | None = None
    realtime_model: str | None = None
    realtime_provider: str | None = None
    realtime_input_audio_tokens: int | None = None
    realtime_input_text_tokens: int | None = None
    realtime_input_image_tokens: int | None = None
    realtime_output_audio_tokens: int | None = None
    realtime_output_text_tokens: int | None = None
    realtime_output_image_tokens: int | None = None
    realtime_cached_tokens: int | None = None
    realtime_cached_audio_tokens: int | None = None
    realtime_cached_text_tokens: int | None = None
    realtime_cached_image_tokens: int | None = None
    realtime_cache_hit_ratio: float | None = None
    # wall clock (ISO 8601)
    user_started_speaking_at: str | None = None
    user_stopped_speaking_at: str | None = None
    agent_started_speaking_at: str | None = None
    agent_stopped_speaking_at: str | None = None
    # fields of earlier platform versions (the original SDK's classes dropped them later)
    tts_pipeline_ms: int | None = None
    tts_gate_wait_ms: int | None = None
    context_msg_count: int | None = None
    interruption_reason: str | None = None
    pause_duration_ms: int | None = None
    fallback_silence_ms: int | None = None
    on_user_turn_completed_ms: int | None = None
    # other
    speaking_rate: float | None = None
    error_source: str | None = None
    llm_availability: dict[str, Any] | None = None
    type: str = "turn.metrics"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# User
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class Prompt(Event):
    """``user.transcription``: partial then final transcripts of the caller (BYOLLM / STT-only)."""

    text: str = ""
    is_final: bool = False
    language: str | None = None
    speaker_id: str | None = None
    type: str = "user.transcription"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class Dtmf(Event):
    """``user.dtmf``: the caller pressed a key (managed/pipeline modes)."""

    digit: str = ""
    type: str = "user.dtmf"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class DtmfSent(Event):
    """``dtmf.sent``: confirmation of ``agent_session.send_dtmf``."""

    digits: str = ""
    type: str = "dtmf.sent"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class UserIdle(Event):
    """``user.idle``: the caller stayed silent (``no_response`` / ``max_retries_exhausted``)."""

    retry_count: int = 0
    reason: str = ""
    type: str = "user.idle"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class VadSpeechStarted(Event):
    """``user.speech_started``: VAD heard the caller start speaking (opt-in ``vad_events``)."""

    timestamp_ms: int = 0
    timestamp: str | None = None
    vad_idle_time_s: float | None = None
    vad_inference_count: int | None = None
    vad_inference_duration_total_ms: int | None = None
    type: str = "user.speech_started"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class VadSpeechStopped(Event):
    """``user.speech_stopped``: VAD heard the caller stop speaking (opt-in ``vad_events``)."""

    timestamp_ms: int = 0
    duration_ms: int = 0
    timestamp: str | None = None
    vad_idle_time_s: float | None = None
    vad_inference_count: int | None = None
    vad_inference_duration_total_ms: int | None = None
    type: str = "user.speech_stopped"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class TurnDetected(Event):
    """``user.turn_completed``: end of the caller's turn detected (opt-in ``turn_events``)."""

    turn_id: str = ""
    trigger: str = ""
    duration_ms: int = 0
    timestamp: str | None = None
    turn_method: str | None = None
    turn_probability: float | None = None
    type: str = "user.turn_completed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class UserStateChanged(Event):
    """``user.state_changed``: the caller's state changed (listening / speaking / away)."""

    old_state: str | None = None
    new_state: str | None = None
    timestamp: str | None = None
    type: str = "user.state_changed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class UserBackchannel(Event):
    """``user.backchannel``: overlapping caller speech classified (adaptive interruption mode)."""

    is_interruption: bool = False
    probability: float | None = None
    detection_delay_ms: float | None = None
    total_duration_ms: float | None = None
    prediction_duration_ms: float | None = None
    overlap_started_at: str | None = None
    num_requests: int | None = None
    timestamp: str | None = None
    speech_input_b64: str | None = None
    probabilities: list[Any] | None = None
    type: str = "user.backchannel"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# Agent
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class AgentHandoff(Event):
    """``agent.handoff``: an update switched the agent (system prompt plus tools/LLM)."""

    new_agent: str | None = None
    type: str = "agent.handoff"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class Interruption(Event):
    """``agent.speech_interrupted``: the caller interrupted the agent."""

    interrupted_text: str | None = None
    turn_id: str | None = None
    playback_position_s: float | None = None
    timestamp: str | None = None
    type: str = "agent.speech_interrupted"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentSpeechCreated(Event):
    """``agent.speech_created``: the agent produced speech to play."""

    source: str | None = None
    user_initiated: bool | None = None
    timestamp: str | None = None
    type: str = "agent.speech_created"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentSpeechStarted(Event):
    """``agent.speech_started``: the agent started speaking."""

    timestamp: str | None = None
    type: str = "agent.speech_started"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentSpeechCompleted(Event):
    """``agent.speech_completed``: the agent finished speaking."""

    playback_position_s: float | None = None
    timestamp: str | None = None
    transcript: str | None = None
    type: str = "agent.speech_completed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentFalseInterruption(Event):
    """``agent.false_interruption``: an interruption turned out to be noise."""

    resumed: bool | None = None
    timestamp: str | None = None
    type: str = "agent.false_interruption"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentStateChanged(Event):
    """``agent.state_changed``: the agent's state changed (idle/listening/thinking/speaking)."""

    old_state: str | None = None
    new_state: str | None = None
    timestamp: str | None = None
    type: str = "agent.state_changed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentToolStarted(Event):
    """``agent_tool.started``: a server-side agent tool took over the conversation."""

    agent_tool_type: str = ""
    agent_tool_id: str = ""
    type: str = "agent_tool.started"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentToolCompleted(Event):
    """``agent_tool.completed``: an agent tool finished; ``result`` holds what it collected."""

    agent_tool_type: str = ""
    agent_tool_id: str = ""
    result: dict[str, Any] = attrs.field(factory=dict)
    type: str = "agent_tool.completed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class AgentToolFailed(Event):
    """``agent_tool.failed``: an agent tool failed."""

    agent_tool_type: str = ""
    agent_tool_id: str = ""
    error: str = ""
    type: str = "agent_tool.failed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class LlmAvailabilityChanged(Event):
    """``llm.availability_changed``: an LLM provider went down or came back."""

    llm: str | None = None
    available: bool | None = None
    timestamp: str | None = None
    type: str = "llm.availability_changed"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# Call
# --------------------------------------------------------------------------------------------


@attrs.define(frozen=True, slots=True)
class VoicemailDetected(Event):
    """``voicemail.detected``: answering-machine detection result (``machine`` / ``human``)."""

    result: str = ""
    method: str = ""
    transcript: str | None = None
    type: str = "voicemail.detected"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class VoicemailBeep(Event):
    """``voicemail.beep``: the voicemail greeting ended; speak now."""

    frequency_hz: float = 0.0
    duration_ms: int = 0
    type: str = "voicemail.beep"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class ParticipantAdded(Event):
    """``participant.added``: a participant joined the call."""

    member_id: str = ""
    role: str = ""
    target: str = ""
    type: str = "participant.added"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class ParticipantRemoved(Event):
    """``participant.removed``: a participant left the call."""

    member_id: str = ""
    role: str = ""
    type: str = "participant.removed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class CallTransferred(Event):
    """``call.transferred``: the call was transferred to ``destination``."""

    destination: list[Any] = attrs.field(factory=list)
    type: str = "call.transferred"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class PlayCompleted(Event):
    """``play.completed``: audio sent with ``agent_session.play`` finished playing."""

    type: str = "play.completed"
    extra: dict[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------------------------
# Audio stream (Plivo Audio Streaming protocol, discriminated by ``event``)
# --------------------------------------------------------------------------------------------


def _wire(
    default: Any = None,
    *paths: str,
    factory: Callable[[], Any] | None = None,
    omit_default: bool = False,
) -> Any:
    """An event field read from (and written back to) a nested wire path, e.g.
    ``"start.mediaFormat.encoding"``; later paths are older spellings read as fallbacks.

    ``to_dict()`` leaves the field out while it is ``None`` (default ``None``) or, with
    ``omit_default``, while it has its default: the frame then looks as Plivo sends it.
    """
    metadata = {
        "wire": tuple(tuple(path.split(".")) for path in paths),
        "omit": omit_default or (default is None and factory is None),
    }
    if factory is not None:
        return attrs.field(factory=factory, metadata=metadata)
    return attrs.field(default=default, metadata=metadata)


_SEQUENCE = "sequenceNumber"
_STREAM_ID = "streamId"


@attrs.define(frozen=True, slots=True)
class StreamStart(Event):
    """``start``: the audio stream began; its format is the format of every ``media`` frame."""

    stream_id: str = _wire("", "start.streamId", _STREAM_ID)
    call_id: str = _wire("", "start.callId")
    account_id: str = _wire("", "start.accountId")
    content_type: str = _wire("", "start.mediaFormat.encoding", "start.mediaFormat.type")
    sample_rate: int = _wire(8000, "start.mediaFormat.sampleRate", "start.mediaFormat.rate")
    tracks: list[str] = _wire(None, "start.tracks", factory=list)
    sequence_number: int | None = _wire(None, _SEQUENCE)
    extra_headers: str = _wire("", "extra_headers", omit_default=True)  # raw "k=v;k2=v2"
    event: str = "start"
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def extra_headers_dict(self) -> dict[str, str]:
        """``extra_headers`` parsed: ``"a=1;b=2"`` -> ``{"a": "1", "b": "2"}``."""
        headers: dict[str, str] = {}
        text = self.extra_headers if isinstance(self.extra_headers, str) else ""
        for part in text.split(";"):
            name, sep, value = part.partition("=")
            if sep and name.strip():
                headers[name.strip()] = value.strip()
        return headers


@attrs.define(frozen=True, slots=True)
class StreamMedia(Event):
    """``media``: one ~20 ms chunk of base64 audio, in the format of the call's ``start``."""

    payload: str = _wire("", "media.payload")
    track: str = _wire("", "media.track")
    chunk: int | None = _wire(None, "media.chunk")
    timestamp: str = _wire("", "media.timestamp")
    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    # The call's start format (Plivo does not repeat it per frame; frames of the original
    # SDK's shape that carry media.contentType / media.sampleRate are read too).
    content_type: str = _wire("", "media.contentType", omit_default=True)
    sample_rate: int = _wire(8000, "media.sampleRate", omit_default=True)
    event: str = "media"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class StreamDtmf(Event):
    """``dtmf``: the caller pressed a key (audio stream; ``user.dtmf`` is :class:`Dtmf`)."""

    digit: str = _wire("", "dtmf.digit")
    track: str = _wire("", "dtmf.track")
    timestamp: str = _wire("", "dtmf.timestamp")
    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "dtmf"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class PlayedStream(Event):
    """``playedStream``: audio up to the checkpoint ``name`` has been played."""

    name: str = ""
    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "playedStream"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class ClearedAudio(Event):
    """``clearedAudio``: queued audio was cleared after ``clearAudio``."""

    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "clearedAudio"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class PlayFailed(Event):
    """``playFailed``: audio sent with ``playAudio`` could not be played (``reason``)."""

    reason: str = ""
    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "playFailed"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class StreamError(Event):
    """``error``: the platform refused a message on the audio stream (``reason``)."""

    reason: str = ""
    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "error"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class StreamMuted(Event):
    """``muteStream``: the stream was muted (after ``Session.mute_stream()``)."""

    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "muteStream"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class StreamUnmuted(Event):
    """``unmuteStream``: the stream was unmuted (after ``Session.unmute_stream()``)."""

    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "unmuteStream"
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(frozen=True, slots=True)
class StreamStop(Event):
    """``stop``: the audio stream ended; no more frames follow."""

    sequence_number: int | None = _wire(None, _SEQUENCE)
    stream_id: str = _wire("", _STREAM_ID)
    event: str = "stop"
    extra: dict[str, Any] = attrs.field(factory=dict)


EVENT_TYPES: Final[dict[str, type[Event]]] = {
    "session.started": AgentSessionStarted,
    "session.ended": AgentSessionEnded,
    "session.error": Error,
    "session.usage": SessionUsage,
    "tool.called": ToolCall,
    "tool.executed": ToolExecuted,
    "turn.completed": TurnCompleted,
    "turn.metrics": TurnMetrics,
    "user.transcription": Prompt,
    "user.dtmf": Dtmf,
    "dtmf.sent": DtmfSent,
    "user.idle": UserIdle,
    "user.speech_started": VadSpeechStarted,
    "user.speech_stopped": VadSpeechStopped,
    "user.turn_completed": TurnDetected,
    "user.state_changed": UserStateChanged,
    "user.backchannel": UserBackchannel,
    "agent.handoff": AgentHandoff,
    "agent.speech_interrupted": Interruption,
    "agent.speech_created": AgentSpeechCreated,
    "agent.speech_started": AgentSpeechStarted,
    "agent.speech_completed": AgentSpeechCompleted,
    "agent.false_interruption": AgentFalseInterruption,
    "agent.state_changed": AgentStateChanged,
    "agent_tool.started": AgentToolStarted,
    "agent_tool.completed": AgentToolCompleted,
    "agent_tool.failed": AgentToolFailed,
    "llm.availability_changed": LlmAvailabilityChanged,
    "voicemail.detected": VoicemailDetected,
    "voicemail.beep": VoicemailBeep,
    "participant.added": ParticipantAdded,
    "participant.removed": ParticipantRemoved,
    "call.transferred": CallTransferred,
    "play.completed": PlayCompleted,
    "start": StreamStart,
    "media": StreamMedia,
    "dtmf": StreamDtmf,
    "playedStream": PlayedStream,
    "clearedAudio": ClearedAudio,
    "playFailed": PlayFailed,
    "error": StreamError,
    "muteStream": StreamMuted,
    "unmuteStream": StreamUnmuted,
    "stop": StreamStop,
}
"""Type string (``type``, else ``event``) -> event class; unknown strings parse to a dict."""


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


Path = tuple[str, ...]


@attrs.define(frozen=True, slots=True)
class _Spec:
    """What the parser and ``to_dict`` need to know about a class, computed once per class."""

    names: tuple[str, ...]  # field names, discriminator first, without ``extra``
    known: frozenset[str]
    flat: tuple[str, ...]  # fields written as top-level keys of their own name
    # (field, wire paths, the value to leave out: the default, or _MISSING to always write it)
    wired: tuple[tuple[str, tuple[Path, ...], Any], ...]
    parse: Callable[[Mapping[str, Any], Mapping[str, Any] | None], Event]


_SPECS: dict[type[Event], _Spec] = {}


def _spec(cls: type[Event]) -> _Spec:
    """The cached :class:`_Spec` of ``cls`` (built on first use; registered classes at import)."""
    try:
        return _SPECS[cls]
    except KeyError:
        pass
    fields = attrs.fields(cls)  # type: ignore[arg-type]  # every registered class is attrs
    names = [field.name for field in fields if field.name != "extra"]
    names.sort(key=lambda name: name not in ("type", "event"))  # stable: discriminator first
    known = frozenset(names)
    wired = tuple(
        (field.name, field.metadata["wire"], field.default if field.metadata["omit"] else _MISSING)
        for field in fields
        if field.metadata.get("wire")
    )
    flat = tuple(name for name in names if name not in {w[0] for w in wired})
    # the nested objects the wire paths go through, deepest first: left empty, they go
    containers = sorted(
        {path[:end] for _, paths, _ in wired for path in paths for end in range(1, len(path))},
        key=len,
        reverse=True,
    )
    make: Callable[..., Event] = cls

    def parse(data: Mapping[str, Any], defaults: Mapping[str, Any] | None = None) -> Event:
        kwargs, extra = _split(data, known)
        if wired:
            copied: set[int] = set()
            for name, paths, _ in wired:
                for path in paths:
                    found, value = _lookup(extra, path)
                    if found:
                        kwargs.setdefault(name, value)  # a flat snake_case key wins
                        _consume(extra, path, copied)
                        break
            for prefix in containers:
                _prune(extra, prefix, copied)
        if defaults:
            for name, value in defaults.items():
                kwargs.setdefault(name, value)
        return make(**kwargs, extra=extra)

    spec = _SPECS[cls] = _Spec(tuple(names), known, flat, wired, parse)
    return spec


def _split(data: Mapping[str, Any], known: frozenset[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a frame into field keyword arguments and the ``extra`` keys."""
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            kwargs[key] = value
        else:
            extra[key] = value
    return kwargs, extra


def _lookup(data: Mapping[str, Any], path: Path) -> tuple[bool, Any]:
    """``(True, value)`` at ``path`` inside nested objects, else ``(False, None)``."""
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _own(node: dict[Any, Any], key: str, copied: set[int]) -> dict[Any, Any]:
    """``node[key]`` as a dict this parse may change: copied once (tracked in ``copied``), so
    the frame given to the parser, or an event's ``extra``, is never modified."""
    child = node[key]
    if id(child) not in copied:
        child = dict(child)
        copied.add(id(child))
        node[key] = child
    return child  # type: ignore[no-any-return]


def _writable(root: dict[str, Any], keys: Path, copied: set[int]) -> dict[Any, Any]:
    """The nested object at ``keys`` (which exists), with every object on the way owned."""
    node: dict[Any, Any] = root
    for key in keys:
        node = _own(node, key, copied)
    return node


def _consume(extra: dict[str, Any], path: Path, copied: set[int]) -> None:
    """Remove the value at ``path`` from ``extra`` (objects left empty go in ``_prune``)."""
    del _writable(extra, path[:-1], copied)[path[-1]]


def _prune(extra: dict[str, Any], prefix: Path, copied: set[int]) -> None:
    """Drop the object at ``prefix`` when it is empty."""
    found, node = _lookup(extra, prefix)
    if found and isinstance(node, Mapping) and not node:
        del _writable(extra, prefix[:-1], copied)[prefix[-1]]


def _place(data: dict[str, Any], path: Path, value: Any, copied: set[int]) -> bool:
    """Write ``value`` at ``path``, creating (or copying) objects on the way; False when a
    value that is not an object is in the way (the field is then written flat)."""
    node = data
    for key in path[:-1]:
        child = node.get(key, _MISSING)
        if child is _MISSING:
            child = node[key] = {}
            copied.add(id(child))
        elif not isinstance(child, Mapping):
            return False
        else:
            child = _own(node, key, copied)
        node = child
    node[path[-1]] = value
    return True


def _to_dict(event: Event) -> dict[str, Any]:
    """The wire frame of ``event``: fields at their wire paths (flat otherwise), then extras."""
    spec = _spec(type(event))
    data = {name: getattr(event, name) for name in spec.flat}
    for key, value in event.extra.items():
        data.setdefault(key, value)
    copied: set[int] = set()
    for name, paths, omitted in spec.wired:
        value = getattr(event, name)
        if omitted is not _MISSING and value == omitted:
            continue
        if not _place(data, paths[0], value, copied):
            data[name] = value
    return data


def build_frame(
    cls: type[Event], extra: Mapping[str, Any] | None = None, **fields: Any
) -> dict[str, Any]:
    """The wire frame of a ``cls`` event with just ``fields`` (by field name) set.

    Nested fields go to their wire paths (``StreamStart`` -> ``start.mediaFormat...``); a name
    that is not a field of ``cls`` raises ``TypeError``; ``extra`` keys are added as they are
    (fields win). The call simulator builds the platform's frames with it, so they follow the
    same description as the parser.
    """
    spec = _spec(cls)
    unknown = set(fields) - spec.known
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(unknown))}")
    discriminator = spec.names[0]
    data: dict[str, Any] = {discriminator: fields.get(discriminator, getattr(cls(), discriminator))}
    for name in spec.flat:
        if name in fields and name != discriminator:
            data[name] = fields[name]
    copied: set[int] = set()
    for name, paths, _ in spec.wired:
        if name in fields:
            _place(data, paths[0], fields[name], copied)
    for key, value in (extra or {}).items():
        data.setdefault(key, value)
    return data


def parse_event(data: Mapping[str, Any] | str | bytes | bytearray) -> Event | dict[str, Any]:
    """Parse an inbound frame into its typed event, or a plain dict for an unknown type.

    ``data`` is a decoded frame or its JSON text/bytes. Raises
    :class:`~plivo_agentstack.errors.InvalidFrameError` when it is not valid JSON, not a JSON
    object, or has neither a string ``type`` nor a string ``event``.
    """
    return parse_frame(data)[1]


_NO_FORMAT: Final = ("", 8000)


class _MediaBuilder(StreamMedia):
    """:class:`StreamMedia`'s slots without its frozen hooks, for the hot path of
    :func:`parse_frame`: it fills one, then makes it a :class:`StreamMedia`.

    The frozen class routes every store through a call (its attrs ``__init__`` through
    ``object.__setattr__``, a slot's ``__set__`` through a method wrapper: ~600 instructions a
    field); with ``object``'s ``__init__``/``__setattr__``/``__delattr__`` CPython stores a slot
    directly (~30). The layout is the same, so assigning ``__class__`` turns the filled
    instance into a genuine, frozen :class:`StreamMedia`. No builder leaves :func:`parse_frame`.
    """

    __slots__ = ()
    __init__ = object.__init__
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__


def parse_frame(
    data: Mapping[str, Any] | str | bytes | bytearray,
    media_format: tuple[str, int] | None = None,
) -> tuple[str, Event | dict[str, Any]]:
    """:func:`parse_event`, returning the event's type string as well: ``(type, event)``.

    ``media_format`` is the call's ``(content_type, sample_rate)`` from its ``start`` frame: a
    ``media`` frame takes it unless the frame itself says otherwise.
    """
    frame: Any
    if type(data) is str or isinstance(data, (bytes, bytearray)):
        try:
            frame = decode_frame(data)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
            raise InvalidFrameError(f"frame is not valid JSON: {exc}") from exc
        fresh = True
    else:
        frame = data
        fresh = False
    if type(frame) is dict and frame.get("event") == "media":
        media = frame.get("media")
        if type(media) is dict and len(media) == 4 and 4 <= len(frame) <= 5:
            # The hot path (one frame per 20 ms of audio): a media frame exactly as Plivo
            # documents it; anything else takes the general path, which keeps extra keys.
            event: Any = _MediaBuilder()
            try:
                event.payload = media["payload"]
                event.track = media["track"]
                event.chunk = media["chunk"]
                event.timestamp = media["timestamp"]
                event.sequence_number = frame["sequenceNumber"]
                event.stream_id = frame["streamId"]
                event.extra = {"extra_headers": frame["extra_headers"]} if len(frame) == 5 else {}
            except KeyError:
                pass
            else:
                event.content_type, event.sample_rate = media_format or _NO_FORMAT
                event.event = "media"
                event.__class__ = StreamMedia
                return "media", event
    if type(frame) is not dict and not isinstance(frame, Mapping):
        raise InvalidFrameError(
            f"frame must be a JSON object, got {type(frame).__name__}", body=frame
        )
    name = frame.get("type")
    if not isinstance(name, str):
        name = frame.get("event")
        if not isinstance(name, str):
            raise InvalidFrameError("frame has no 'type' or 'event'", body=frame)
    cls = EVENT_TYPES.get(name)
    if cls is None:
        return name, frame if fresh and type(frame) is dict else dict(frame)
    spec = _SPECS.get(cls) or _spec(cls)
    if cls is StreamMedia and media_format is not None:
        defaults = {"content_type": media_format[0], "sample_rate": media_format[1]}
        return name, spec.parse(frame, defaults)
    return name, spec.parse(frame, None)


for _cls in EVENT_TYPES.values():
    _spec(_cls)
del _cls
