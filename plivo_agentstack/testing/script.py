"""Conversation scripts for the call simulator: an ordered list of steps the platform plays.

Build a script in Python (step classes, or the fluent :class:`Script` builder)::

    script = Script().say("Where is my order?").tool("lookup_order", {"order_id": "A-7"}).end()

or load one from a JSON or YAML file (:func:`load_script`): a list of one-key mappings, where
the key names the step and the value holds its options (a bare value is the main option)::

    - start: {caller: "+15555550100", callee: "+15555550101"}   # optional, first step only
    - say: "Where is my order?"              # or {text, partials, turn_completed, language}
                                             # (a partial, the final, then turn.completed)
    - dtmf: "1"                              # or {digits}; one user.dtmf event per digit
    - tool: {name: lookup_order, arguments: {order_id: "A-7"}}   # + id, timeout
    - agent_tool: {type: collect_email, result: {email_address: "a@b.c"}}  # or error: "..."
    - voicemail: {result: machine}           # + method, transcript, beep
    - audio: {wav: greeting.wav}             # + realtime, stop; path relative to the script
    - wait: {for: "agent_session.speak"}     # + timeout
    - pause: 0.5                             # seconds
    - event: {type: user.idle, retry_count: 1, reason: no_response}   # any raw frame
    - end: {}                                # or {reason: ..., <extra session.ended fields>}
    - stop: {}                               # the audio-stream stop event

``end`` and ``stop`` may only be the last step (without either, the simulator ends the call
with ``session.ended`` after the last step). Scripts are validated when they are built or
loaded; a :class:`ScriptError` names the step (1-based) and the problem. JSON needs nothing
extra; YAML needs PyYAML (``pip install pyyaml``).
"""

from __future__ import annotations

import importlib
import json
import math
import os
import struct
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeAlias

import attrs

from plivo_agentstack.agent.protocol import OUTBOUND_EVENTS, OUTBOUND_TYPES

__all__ = [
    "SimulatorError",
    "ScriptError",
    "Script",
    "Step",
    "StartStep",
    "SayStep",
    "DtmfStep",
    "ToolStep",
    "AgentToolStep",
    "VoicemailStep",
    "AudioStep",
    "WaitStep",
    "PauseStep",
    "EventStep",
    "EndStep",
    "StopStep",
    "WavAudio",
    "read_wav",
    "load_script",
    "parse_script",
    "OUTBOUND_TYPES",
    "OUTBOUND_EVENTS",
]

_DTMF_DIGITS = frozenset("0123456789*#ABCD")
_VOICEMAIL_RESULTS = ("machine", "human")
_VOICEMAIL_METHODS = ("audio", "llm")
_SAMPLE_RATES = (8000, 16000)


class SimulatorError(Exception):
    """Base class of the call simulator's errors."""


class ScriptError(SimulatorError, ValueError):
    """A conversation script is invalid; the message names the step and the problem."""

    def __init__(
        self, problem: str, *, step: int | None = None, kind: str | None = None, source: Any = None
    ) -> None:
        self.problem = problem
        self.step = step
        self.kind = kind
        self.source: str | None = None if source is None else str(source)
        where = ""
        if step is not None:
            where = f"step {step} ({kind}): " if kind else f"step {step}: "
        prefix = f"{self.source}: " if self.source else ""
        super().__init__(f"{prefix}{where}{problem}")


# --------------------------------------------------------------------------------------------
# Validation helpers (raise ScriptError with the problem only; callers add the step number)
# --------------------------------------------------------------------------------------------


def _text(value: Any, what: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise ScriptError(f"{what} must be a string, got {_typename(value)}")
    if not allow_empty and not value.strip():
        raise ScriptError(f"{what} must not be empty")
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ScriptError(f"{what} must be true or false, got {value!r}")
    return value


def _optional_flag(value: Any, what: str) -> bool | None:
    return None if value is None else _flag(value, what)


def _seconds(value: Any, what: str, *, allow_zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScriptError(f"{what} must be a number of seconds, got {value!r}")
    seconds = float(value)
    if not math.isfinite(seconds) or seconds < 0 or (seconds == 0 and not allow_zero):
        raise ScriptError(f"{what} must be a positive number of seconds, got {value!r}")
    return seconds


def _optional_seconds(value: Any, what: str) -> float | None:
    return None if value is None else _seconds(value, what)


def _json_object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ScriptError(f"{what} must be a mapping, got {_typename(value)}")
    data = dict(value)
    for key in data:
        if not isinstance(key, str):
            raise ScriptError(f"{what} keys must be strings, got {key!r}")
    _check_json(data, what)
    return data


def _check_json(value: Any, what: str) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ScriptError(f"{what} is not JSON-serialisable: {exc}") from None


def _typename(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _set(instance: Any, name: str, value: Any) -> None:
    """Normalise a field of a frozen step after validation."""
    object.__setattr__(instance, name, value)


# --------------------------------------------------------------------------------------------
# WAV reading (PCM-16 and mu-law, mono, 8 or 16 kHz)
# --------------------------------------------------------------------------------------------


@attrs.frozen
class WavAudio:
    """Decoded WAV audio as the audio stream sends it: raw samples split in 20 ms frames."""

    content_type: str
    sample_rate: int
    sample_width: int
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")

    @property
    def frame_bytes(self) -> int:
        """Bytes in one 20 ms frame."""
        return self.sample_rate // 50 * self.sample_width

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.data) / (self.sample_rate * self.sample_width)

    def frames(self) -> list[bytes]:
        """The audio in 20 ms frames; the last one is padded with silence."""
        size = self.frame_bytes
        silence = b"\xff" if self.content_type == "audio/x-mulaw" else b"\x00"
        chunks = [self.data[i : i + size] for i in range(0, len(self.data), size)]
        if chunks and len(chunks[-1]) < size:
            chunks[-1] = chunks[-1] + silence * (size - len(chunks[-1]))
        return chunks


def read_wav(source: str | os.PathLike[str] | bytes) -> WavAudio:
    """Read a mono PCM-16 or mu-law WAV file (8 or 16 kHz); raise ``ScriptError`` otherwise."""
    if isinstance(source, bytes):
        data, name = source, "the WAV data"
    else:
        name = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ScriptError(f"cannot read WAV file {name!r}: {exc.strerror}") from None
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ScriptError(f"{name} is not a WAV file (no RIFF/WAVE header)")
    fmt: tuple[int, int, int, int] | None = None
    samples: bytes | None = None
    offset = 12
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        (size,) = struct.unpack("<I", data[offset + 4 : offset + 8])
        body = data[offset + 8 : offset + 8 + size]
        if chunk_id == b"fmt " and len(body) >= 16:
            tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if tag == 0xFFFE and len(body) >= 26:  # WAVE_FORMAT_EXTENSIBLE: real tag in GUID
                (tag,) = struct.unpack("<H", body[24:26])
            fmt = (tag, channels, rate, bits)
        elif chunk_id == b"data":
            samples = body
        offset += 8 + size + (size & 1)
    if fmt is None or samples is None:
        raise ScriptError(f"{name} has no 'fmt ' or 'data' chunk")
    tag, channels, rate, bits = fmt
    if tag == 1 and bits == 16:
        content_type, width = "audio/x-l16", 2
    elif tag == 7 and bits == 8:
        content_type, width = "audio/x-mulaw", 1
    else:
        raise ScriptError(
            f"{name}: unsupported WAV encoding (format {tag}, {bits} bits); "
            "use 16-bit PCM or 8-bit mu-law"
        )
    if channels != 1:
        raise ScriptError(f"{name}: the audio stream is mono, the WAV has {channels} channels")
    if rate not in _SAMPLE_RATES:
        raise ScriptError(f"{name}: sample rate {rate} Hz is not supported (use 8000 or 16000)")
    if content_type == "audio/x-mulaw" and rate != 8000:
        raise ScriptError(f"{name}: mu-law audio must be 8000 Hz, got {rate} Hz")
    if not samples:
        raise ScriptError(f"{name} contains no audio")
    return WavAudio(content_type=content_type, sample_rate=rate, sample_width=width, data=samples)


# --------------------------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------------------------


@attrs.frozen
class StartStep:
    """``session.started`` (always sent first; as a step it may only be the first one)."""

    kind: ClassVar[str] = "start"

    caller: str | None = None
    callee: str | None = None
    agent_id: str | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        _optional_text(self.caller, "caller")
        _optional_text(self.callee, "callee")
        _optional_text(self.agent_id, "agent_id")
        _set(self, "fields", _json_object(self.fields, "fields"))

    def describe(self) -> str:
        """A short label for transcripts."""
        return "session start"


@attrs.frozen
class SayStep:
    """User speech: ``user.transcription`` partial + final, then ``turn.completed``.

    The partial (only when ``text`` has several words) holds the first half of the words.
    ``turn.completed`` is sent once the app has reacted to the final transcription; its
    ``agent_text`` is what the app said meanwhile (``speak`` texts and streamed ``text``).
    """

    kind: ClassVar[str] = "say"

    text: str
    partials: bool = True
    turn_completed: bool = True
    language: str | None = None

    def __attrs_post_init__(self) -> None:
        _text(self.text, "text")
        _flag(self.partials, "partials")
        _flag(self.turn_completed, "turn_completed")
        _optional_text(self.language, "language")

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"say {_short(self.text)!r}"


@attrs.frozen
class DtmfStep:
    """Key presses, one event per digit (0-9, *, #, A-D).

    They arrive as ``user.dtmf``, or as the audio-stream ``dtmf`` event once an ``audio`` step
    has started a raw audio stream.
    """

    kind: ClassVar[str] = "dtmf"

    digits: str

    def __attrs_post_init__(self) -> None:
        digits = self.digits
        if isinstance(digits, int) and not isinstance(digits, bool):
            digits = str(digits)  # YAML reads `dtmf: 1` as a number
        _text(digits, "digits")
        bad = sorted(set(digits) - _DTMF_DIGITS)
        if bad:
            raise ScriptError(f"digits may only contain 0-9, *, # and A-D, got {''.join(bad)!r}")
        _set(self, "digits", digits)

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"dtmf {self.digits}"


@attrs.frozen
class ToolStep:
    """A ``tool.called`` event; the simulator waits for the app's ``tool.result``/``tool.error``."""

    kind: ClassVar[str] = "tool"

    name: str
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    id: str | None = None
    timeout: float | None = None

    def __attrs_post_init__(self) -> None:
        _text(self.name, "name")
        _set(self, "arguments", _json_object(self.arguments, "arguments"))
        _optional_text(self.id, "id")
        _set(self, "timeout", _optional_seconds(self.timeout, "timeout"))

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"tool {self.name}"


@attrs.frozen
class AgentToolStep:
    """A server-side agent tool: ``agent_tool.started``, then ``completed`` (or ``failed``)."""

    kind: ClassVar[str] = "agent_tool"

    type: str
    result: Mapping[str, Any] | None = None
    error: str | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        _text(self.type, "type")
        if self.result is not None and self.error is not None:
            raise ScriptError("give either 'result' (completed) or 'error' (failed), not both")
        if self.result is not None:
            _set(self, "result", _json_object(self.result, "result"))
        _optional_text(self.error, "error")
        _optional_text(self.id, "id")

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"agent tool {self.type}"


@attrs.frozen
class VoicemailStep:
    """``voicemail.detected``, then (by default for ``machine``) ``voicemail.beep``."""

    kind: ClassVar[str] = "voicemail"

    result: str = "machine"
    method: str = "audio"
    transcript: str | None = None
    beep: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.result not in _VOICEMAIL_RESULTS:
            raise ScriptError(f"result must be 'machine' or 'human', got {self.result!r}")
        if self.method not in _VOICEMAIL_METHODS:
            raise ScriptError(f"method must be 'audio' or 'llm', got {self.method!r}")
        _optional_text(self.transcript, "transcript")
        _optional_flag(self.beep, "beep")

    @property
    def sends_beep(self) -> bool:
        """Whether a ``voicemail.beep`` follows the detection."""
        return self.result == "machine" if self.beep is None else self.beep

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"voicemail {self.result}"


@attrs.frozen
class AudioStep:
    """Caller audio from a WAV file: ``start`` (first time), 20 ms ``media`` frames, ``stop``?"""

    kind: ClassVar[str] = "audio"

    wav: str | os.PathLike[str] | bytes
    realtime: bool = False
    stop: bool = False
    audio: WavAudio = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.wav, (str, bytes, os.PathLike)):
            raise ScriptError(f"wav must be a file path or WAV bytes, got {_typename(self.wav)}")
        _flag(self.realtime, "realtime")
        _flag(self.stop, "stop")
        _set(self, "audio", read_wav(self.wav))

    @property
    def label(self) -> str:
        """The file name, or ``WAV bytes``."""
        return "WAV bytes" if isinstance(self.wav, bytes) else Path(self.wav).name

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"audio {self.label}"


@attrs.frozen
class WaitStep:
    """Wait for the app to send a message of this ``type`` (or audio-stream ``event``)."""

    kind: ClassVar[str] = "wait"

    for_type: str
    timeout: float | None = None

    def __attrs_post_init__(self) -> None:
        _text(self.for_type, "for")
        known = OUTBOUND_TYPES | OUTBOUND_EVENTS
        if self.for_type not in known:
            raise ScriptError(
                f"cannot wait for {self.for_type!r}: the app never sends it "
                f"(known: {', '.join(sorted(known))})"
            )
        _set(self, "timeout", _optional_seconds(self.timeout, "timeout"))

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"wait for {self.for_type}"


@attrs.frozen
class PauseStep:
    """Do nothing for ``seconds`` (the app keeps running)."""

    kind: ClassVar[str] = "pause"

    seconds: float

    def __attrs_post_init__(self) -> None:
        _set(self, "seconds", _seconds(self.seconds, "seconds", allow_zero=True))

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"pause {self.seconds:g} s"


@attrs.frozen
class EventStep:
    """Send any JSON object as is (events the script format does not model)."""

    kind: ClassVar[str] = "event"

    frame: Mapping[str, Any]

    def __attrs_post_init__(self) -> None:
        frame = _json_object(self.frame, "the event")
        if not isinstance(frame.get("type"), str) and not isinstance(frame.get("event"), str):
            raise ScriptError("the event needs a string 'type' (or audio-stream 'event')")
        _set(self, "frame", frame)

    @property
    def name(self) -> str:
        """The frame's ``type`` (or ``event``), or ``?``."""
        value = self.frame.get("type", self.frame.get("event"))
        return value if isinstance(value, str) else "?"

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"event {self.name}"


@attrs.frozen
class EndStep:
    """``session.ended``: the caller hung up (must be the last step)."""

    kind: ClassVar[str] = "end"

    reason: str = "user_hangup"
    fields: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        _text(self.reason, "reason")
        _set(self, "fields", _json_object(self.fields, "fields"))

    def describe(self) -> str:
        """A short label for transcripts."""
        return f"end ({self.reason})"


@attrs.frozen
class StopStep:
    """The audio-stream ``stop`` event (must be the last step)."""

    kind: ClassVar[str] = "stop"

    def describe(self) -> str:
        """A short label for transcripts."""
        return "stop"


Step: TypeAlias = (
    StartStep
    | SayStep
    | DtmfStep
    | ToolStep
    | AgentToolStep
    | VoicemailStep
    | AudioStep
    | WaitStep
    | PauseStep
    | EventStep
    | EndStep
    | StopStep
)
_STEP_CLASSES: tuple[type[Any], ...] = (
    StartStep,
    SayStep,
    DtmfStep,
    ToolStep,
    AgentToolStep,
    VoicemailStep,
    AudioStep,
    WaitStep,
    PauseStep,
    EventStep,
    EndStep,
    StopStep,
)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --------------------------------------------------------------------------------------------
# Script
# --------------------------------------------------------------------------------------------


def _steps(value: Any) -> tuple[Step, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise ScriptError(f"a script is a list of steps, got {_typename(value)}")
    return tuple(value)


@attrs.frozen
class Script:
    """An ordered, validated list of steps; builder methods return a new, longer script."""

    steps: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    source: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        last = len(self.steps)
        tool_ids: dict[str, int] = {}
        agent_tool_ids: dict[str, int] = {}
        for number, step in enumerate(self.steps, 1):
            if not isinstance(step, _STEP_CLASSES):
                raise ScriptError(
                    f"not a script step: {type(step).__name__}", step=number, source=self.source
                )
            fail = _failer(number, step.kind, self.source)
            if isinstance(step, StartStep) and number != 1:
                raise fail("'start' may only be the first step")
            if isinstance(step, (EndStep, StopStep)) and number != last:
                raise fail(f"'{step.kind}' ends the call, so it must be the last step")
            if isinstance(step, AudioStep) and step.stop and number != last:
                raise fail("'stop: true' ends the call, so this audio step must be the last step")
            if isinstance(step, ToolStep) and step.id is not None:
                if step.id in tool_ids:
                    raise fail(
                        f"tool call id {step.id!r} is already used by step {tool_ids[step.id]}"
                    )
                tool_ids[step.id] = number
            if isinstance(step, AgentToolStep) and step.id is not None:
                if step.id in agent_tool_ids:
                    raise fail(
                        f"agent tool id {step.id!r} is already used by step "
                        f"{agent_tool_ids[step.id]}"
                    )
                agent_tool_ids[step.id] = number

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    @property
    def start(self) -> StartStep | None:
        """The explicit ``start`` step, if the script has one."""
        first = self.steps[0] if self.steps else None
        return first if isinstance(first, StartStep) else None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Script:
        """Load a JSON or YAML script file (same as :func:`load_script`)."""
        return load_script(path)

    def then(self, *steps: Step) -> Script:
        """A new script with ``steps`` appended."""
        return Script((*self.steps, *steps), source=self.source)

    def say(self, text: str, *, partials: bool = True, turn_completed: bool = True) -> Script:
        """Append user speech."""
        return self.then(SayStep(text, partials=partials, turn_completed=turn_completed))

    def dtmf(self, digits: str) -> Script:
        """Append key presses."""
        return self.then(DtmfStep(digits))

    def tool(
        self,
        name: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        id: str | None = None,
        timeout: float | None = None,
    ) -> Script:
        """Append a tool call (the simulator waits for its answer)."""
        return self.then(ToolStep(name, dict(arguments or {}), id=id, timeout=timeout))

    def agent_tool(
        self,
        type: str,
        *,
        result: Mapping[str, Any] | None = None,
        error: str | None = None,
        id: str | None = None,
    ) -> Script:
        """Append an agent tool run that completes with ``result`` or fails with ``error``."""
        return self.then(AgentToolStep(type, result=result, error=error, id=id))

    def voicemail(self, result: str = "machine", *, method: str = "audio") -> Script:
        """Append a voicemail detection (and beep for ``machine``)."""
        return self.then(VoicemailStep(result=result, method=method))

    def audio(self, wav: str | os.PathLike[str] | bytes, *, realtime: bool = False) -> Script:
        """Append caller audio read from a WAV file."""
        return self.then(AudioStep(wav, realtime=realtime))

    def wait(self, for_type: str, *, timeout: float | None = None) -> Script:
        """Append a wait for an outbound message type."""
        return self.then(WaitStep(for_type, timeout=timeout))

    def pause(self, seconds: float) -> Script:
        """Append a pause."""
        return self.then(PauseStep(seconds))

    def event(self, frame: Mapping[str, Any]) -> Script:
        """Append a raw event frame."""
        return self.then(EventStep(frame))

    def end(self, reason: str = "user_hangup") -> Script:
        """Append the end of the call (``session.ended``)."""
        return self.then(EndStep(reason))

    def stop(self) -> Script:
        """Append the audio-stream ``stop`` event."""
        return self.then(StopStep())


def _failer(number: int, kind: str, source: str | None) -> Callable[[str], ScriptError]:
    def fail(problem: str) -> ScriptError:
        return ScriptError(problem, step=number, kind=kind, source=source)

    return fail


# --------------------------------------------------------------------------------------------
# Loading JSON / YAML
# --------------------------------------------------------------------------------------------

_Options = dict[str, Any]


def _options(value: Any, main: str | None, known: Sequence[str]) -> _Options:
    """The step's options: a mapping with known keys, or a bare value for the main option."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        if main is None:
            raise ScriptError(f"expected a mapping of options, got {_typename(value)}")
        return {main: value}
    options = dict(value)
    unknown = [str(key) for key in options if key not in known]
    if unknown:
        raise ScriptError(
            f"unknown option {', '.join(repr(k) for k in unknown)} "
            f"(known: {', '.join(known) or 'none'})"
        )
    return options


def _require(options: _Options, key: str) -> Any:
    if key not in options or options[key] is None:
        raise ScriptError(f"{key!r} is required")
    return options[key]


def _split(value: Any, known: Sequence[str]) -> tuple[_Options, dict[str, Any]]:
    """Known options and the remaining keys (extra frame fields) of a mapping value."""
    if value is None:
        return {}, {}
    if not isinstance(value, Mapping):
        raise ScriptError(f"expected a mapping, got {_typename(value)}")
    options = {k: v for k, v in value.items() if k in known}
    extra = {k: v for k, v in value.items() if k not in known}
    return options, extra


def _load_start(value: Any, base: Path | None) -> Step:
    options, extra = _split(value, ("caller", "callee", "agent_id"))
    return StartStep(fields=extra, **options)


def _load_say(value: Any, base: Path | None) -> Step:
    options = _options(value, "text", ("text", "partials", "turn_completed", "language"))
    return SayStep(**{"text": _require(options, "text"), **options})


def _load_dtmf(value: Any, base: Path | None) -> Step:
    options = _options(value, "digits", ("digits",))
    return DtmfStep(_require(options, "digits"))


def _load_tool(value: Any, base: Path | None) -> Step:
    options = _options(value, "name", ("name", "arguments", "id", "timeout"))
    name = _require(options, "name")
    arguments = options.get("arguments")
    return ToolStep(
        name,
        {} if arguments is None else arguments,
        id=options.get("id"),
        timeout=options.get("timeout"),
    )


def _load_agent_tool(value: Any, base: Path | None) -> Step:
    options = _options(value, "type", ("type", "result", "error", "id"))
    return AgentToolStep(
        _require(options, "type"),
        result=options.get("result"),
        error=options.get("error"),
        id=options.get("id"),
    )


def _load_voicemail(value: Any, base: Path | None) -> Step:
    options = _options(value, "result", ("result", "method", "transcript", "beep"))
    return VoicemailStep(**options)


def _load_audio(value: Any, base: Path | None) -> Step:
    options = _options(value, "wav", ("wav", "realtime", "stop"))
    wav = _require(options, "wav")
    if not isinstance(wav, str):
        raise ScriptError(f"wav must be a file path, got {_typename(wav)}")
    path = Path(wav)
    if base is not None and not path.is_absolute():
        path = base / path
    return AudioStep(
        str(path), realtime=options.get("realtime", False), stop=options.get("stop", False)
    )


def _load_wait(value: Any, base: Path | None) -> Step:
    options = _options(value, "for", ("for", "timeout"))
    return WaitStep(_require(options, "for"), timeout=options.get("timeout"))


def _load_pause(value: Any, base: Path | None) -> Step:
    options = _options(value, "seconds", ("seconds",))
    return PauseStep(_require(options, "seconds"))


def _load_event(value: Any, base: Path | None) -> Step:
    if not isinstance(value, Mapping):
        raise ScriptError(f"the event must be a mapping (the raw frame), got {_typename(value)}")
    return EventStep(value)


def _load_end(value: Any, base: Path | None) -> Step:
    options, extra = _split(value, ("reason",))
    return EndStep(reason=options.get("reason", "user_hangup"), fields=extra)


def _load_stop(value: Any, base: Path | None) -> Step:
    _options(value, None, ())
    return StopStep()


_LOADERS: dict[str, Callable[[Any, Path | None], Step]] = {
    "start": _load_start,
    "say": _load_say,
    "dtmf": _load_dtmf,
    "tool": _load_tool,
    "agent_tool": _load_agent_tool,
    "voicemail": _load_voicemail,
    "audio": _load_audio,
    "wait": _load_wait,
    "pause": _load_pause,
    "event": _load_event,
    "end": _load_end,
    "stop": _load_stop,
}


def parse_script(
    data: Any, *, base_dir: str | os.PathLike[str] | None = None, source: str | None = None
) -> Script:
    """Build a :class:`Script` from decoded JSON/YAML data (a list of one-key mappings).

    Relative ``audio`` paths are resolved against ``base_dir`` (default: the working directory).
    """
    if not isinstance(data, list):
        raise ScriptError(
            f"a script is a list of steps like [{{say: 'hello'}}], got {_typename(data)}",
            source=source,
        )
    if not data:
        raise ScriptError("the script has no steps", source=source)
    base = Path(base_dir) if base_dir is not None else None
    steps: list[Step] = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, Mapping) or len(item) != 1:
            got = (
                f"{len(item)} keys ({', '.join(map(str, item))})"
                if isinstance(item, Mapping)
                else _typename(item)
            )
            raise ScriptError(
                f"a step is a mapping with exactly one key, like {{say: 'hello'}}; got {got}",
                step=number,
                source=source,
            )
        ((kind, value),) = item.items()
        loader = _LOADERS.get(kind) if isinstance(kind, str) else None
        if loader is None:
            raise ScriptError(
                f"unknown step {kind!r} (known: {', '.join(_LOADERS)})", step=number, source=source
            )
        try:
            steps.append(loader(value, base))
        except ScriptError as exc:
            raise ScriptError(exc.problem, step=number, kind=kind, source=source) from None
        except TypeError as exc:  # e.g. a wrong option type reaching an attrs constructor
            raise ScriptError(str(exc), step=number, kind=kind, source=source) from None
    return Script(steps, source=source)


def _yaml_module() -> Any:
    try:
        return importlib.import_module("yaml")
    except ImportError:
        return None


def load_script(path: str | os.PathLike[str]) -> Script:
    """Load a script from a ``.json``, ``.yaml`` or ``.yml`` file."""
    file = Path(path)
    source = str(path)
    suffix = file.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise ScriptError(
            f"unknown script format {suffix or '(no extension)'!r}: use .json, .yaml or .yml",
            source=source,
        )
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScriptError(f"cannot read the script: {exc.strerror}", source=source) from None
    except UnicodeDecodeError as exc:
        raise ScriptError(f"the script is not UTF-8 text: {exc}", source=source) from None
    data: Any
    if suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ScriptError(f"invalid JSON: {exc}", source=source) from None
    else:
        yaml = _yaml_module()
        if yaml is None:
            raise ScriptError(
                "reading YAML scripts needs PyYAML (pip install pyyaml); "
                "JSON scripts need nothing extra",
                source=source,
            )
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ScriptError(f"invalid YAML: {exc}", source=source) from None
    return parse_script(data, base_dir=file.parent, source=source)
