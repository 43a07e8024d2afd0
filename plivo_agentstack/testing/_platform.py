"""The platform's side of a call as a pure model: frames from the app in, replies out, no I/O.

:class:`PlatformModel` keeps what a simulated call records (the app's messages, the transcript,
protocol violations, tool calls and their answers, the audio stream's state) and turns each
frame the app sends into the platform's replies: :meth:`PlatformModel.receive` takes the frame's
text and returns the reply frames (``dtmf.sent``, ``call.transferred``, ``playedStream`` ...).
It never touches a socket or the event loop, so it is tested with plain strings;
:class:`~plivo_agentstack.testing.CallSimulator` is the driver that runs it against an app,
in-process or over a WebSocket, and plays the script's steps.
"""

from __future__ import annotations

import base64
import datetime
import difflib
import json
import logging
import time
import traceback
import uuid
from collections.abc import Mapping
from typing import Any

import attrs

from plivo_agentstack.agent.events import (
    EVENT_TYPES,
    AgentSessionEnded,
    CallTransferred,
    DtmfSent,
    PlayCompleted,
    StreamMedia,
    StreamStart,
    StreamStop,
    build_frame,
)
from plivo_agentstack.agent.protocol import OUTBOUND_EVENTS, OUTBOUND_TYPES, field_problem

from ._call_result import (
    AppError,
    CallResult,
    RecordedMessage,
    ToolCallRecord,
    TranscriptLine,
    Violation,
    _compact,
    _count,
)

__all__ = ["PlatformModel"]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

_ACCOUNT_ID = "MASIMULATOR000000000"  # the accountId of the simulated start frame
# Audio-stream controls an app sends: the Session method, the transcript line, the reply event.
_STREAM_CONTROLS: dict[str, tuple[str, str, str]] = {
    "checkpoint": ("send_checkpoint()", "", "playedStream"),
    "clearAudio": ("clear_audio()", "[clears queued audio]", "clearedAudio"),
    "muteStream": ("mute_stream()", "[mutes the stream]", "muteStream"),
    "unmuteStream": ("unmute_stream()", "[unmutes the stream]", "unmuteStream"),
}


def _field_problem(kind: str, data: Mapping[str, Any]) -> str | None:
    """The protocol's field checks (``agent.protocol``), plus what a type cannot say."""
    problem = field_problem(kind, data)
    if problem is not None:
        return problem
    if kind == "tool.result" and "result" not in data:
        return "'result' is missing"
    if kind == "agent_session.transfer":
        targets = data["destination"]
        if not targets or not all(isinstance(t, str) and t for t in targets):
            return "'destination' must be a non-empty list of non-empty strings"
    return None


def _iso_now() -> str:
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _event_name(event: Any) -> str | None:
    if isinstance(event, Mapping):
        value = event.get("type") or event.get("event")
    else:
        value = getattr(event, "type", None) or getattr(event, "event", None)
    return value if isinstance(value, str) else None


def _did_you_mean(name: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _without(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


class PlatformModel:
    """What the platform knows of one call, and how it answers the app (no I/O).

    ``auto_reply`` answers like the platform (``dtmf.sent``, ``call.transferred``, the end of
    the call on hangup ...); the ids are the call's own (random when not given).
    """

    def __init__(
        self,
        *,
        auto_reply: bool = True,
        agent_session_id: str | None = None,
        call_id: str | None = None,
    ) -> None:
        self.auto_reply = auto_reply
        self.agent_session_id: str = agent_session_id or str(uuid.uuid4())
        self.call_id: str = call_id or str(uuid.uuid4())
        self._messages: list[RecordedMessage] = []
        self._sent: list[dict[str, Any]] = []
        self._transcript: list[TranscriptLine] = []
        self._violations: list[Violation] = []
        self._app_errors: list[AppError] = []
        self._failures: list[str] = []
        self._tool_calls: dict[str, ToolCallRecord] = {}
        self._spoken: list[str] = []
        self._text_tokens: list[str] = []
        self._text_responses: list[str] = []
        self._transfers: list[dict[str, Any]] = []
        self._dtmf: list[str] = []
        self._hung_up = False
        self._stream_id: str | None = None
        self._stream_format: tuple[str, int] | None = None
        self._sequence = 0
        self._media_chunk = 0
        self._stream_epoch_ms = int(time.time() * 1000)  # media timestamps: ms since the epoch
        self._step = 0
        self._step_label = "session start"
        self._steps_run = 0
        self._steps_skipped = 0
        self._turns = 0
        self._ending: str | None = None
        self._closed = False
        self._t0 = time.monotonic()
        self._started_at = _iso_now()

    def receive(self, frame: str | bytes) -> list[dict[str, Any]]:
        """Record one frame the app sent; return the platform's replies to send back."""
        return self._record(frame)

    def _close_code(self) -> int | None:
        """The WebSocket close code, once the driver knows it (a pure model has none)."""
        return None

    # --- the platform's audio-stream frames -------------------------------------------------

    def start_stream(self, content_type: str, sample_rate: int) -> dict[str, Any]:
        """Start the call's raw audio stream: the ``start`` frame, as Plivo documents it."""
        self._stream_id = f"stream-{uuid.uuid4()}"
        self._stream_format = (content_type, sample_rate)
        self._line("platform", f"audio stream started ({content_type} at {sample_rate} Hz)")
        return build_frame(
            StreamStart,
            sequence_number=self._next_sequence(),
            call_id=self.call_id,
            stream_id=self._stream_id,
            account_id=_ACCOUNT_ID,
            tracks=["inbound"],
            content_type=content_type,
            sample_rate=sample_rate,
        )

    def media_frame(self, chunk: bytes) -> dict[str, Any]:
        """The next 20 ms ``media`` frame of the stream (its format is the start frame's)."""
        self._media_chunk += 1
        return build_frame(
            StreamMedia,
            sequence_number=self._next_sequence(),
            stream_id=self._stream_id or "",
            track="inbound",
            timestamp=str(self._stream_epoch_ms + (self._media_chunk - 1) * 20),
            chunk=self._media_chunk,
            payload=base64.b64encode(chunk).decode("ascii"),
        )

    def stop_frame(self) -> dict[str, Any]:
        """End the stream: the ``stop`` frame (the call is over for the model)."""
        self._ending = "stop"
        self._line("call", "audio stream stopped")
        stream: dict[str, Any] = {} if self._stream_id is None else {"stream_id": self._stream_id}
        return build_frame(StreamStop, sequence_number=self._next_sequence(), **stream)

    # --- live views ---------------------------------------------------------------------------

    @property
    def spoken_text(self) -> list[str]:
        """``agent_session.speak`` texts so far, in order."""
        return list(self._spoken)

    @property
    def hung_up(self) -> bool:
        """Whether the app sent ``agent_session.hangup``."""
        return self._hung_up

    @property
    def messages(self) -> list[RecordedMessage]:
        """Every message the app sent so far."""
        return list(self._messages)

    @property
    def violations(self) -> list[Violation]:
        """Protocol violations so far."""
        return list(self._violations)

    @property
    def transcript(self) -> list[TranscriptLine]:
        """Transcript lines so far."""
        return list(self._transcript)

    @property
    def ended(self) -> bool:
        """Whether the call is over (ended, stopped, hung up or closed)."""
        return self._ending is not None or self._closed

    @property
    def result(self) -> CallResult:
        """A snapshot of everything recorded so far (final once the call has ended)."""
        return CallResult(
            messages=list(self._messages),
            sent_events=list(self._sent),
            spoken_text=list(self._spoken),
            text_responses=list(self._text_responses),
            hung_up=self._hung_up,
            transfers=list(self._transfers),
            tool_calls=list(self._tool_calls.values()),
            sent_dtmf=list(self._dtmf),
            violations=list(self._violations),
            app_errors=list(self._app_errors),
            failures=list(self._failures),
            transcript=list(self._transcript),
            agent_session_id=self.agent_session_id,
            call_id=self.call_id,
            end_reason=self._ending,
            close_code=self._close_code(),
            steps_run=self._steps_run,
            steps_skipped=self._steps_skipped,
            duration=time.monotonic() - self._t0,
        )

    def format_transcript(self) -> str:
        """The transcript so far as readable lines."""
        return self.result.format_transcript()

    def _next_sequence(self) -> int:
        self._sequence += 1
        return self._sequence

    def _begin(self, number: int | None, label: str) -> None:
        self._step = self._step + 1 if number is None else number
        self._step_label = label
        self._steps_run += 1

    def _skip(self, count: int) -> None:
        self._steps_skipped += count
        reason = self._ending or "closed by the app"
        self._line("sim", f"call over ({reason}): {_count(count, 'remaining step')} skipped")

    def _line(self, who: str, text: str, index: int | None = None) -> None:
        self._transcript.append(TranscriptLine(self._step, who, text, index))

    def _failure(self, message: str) -> None:
        text = f"step {self._step} ({self._step_label}): {message}"
        self._failures.append(text)
        self._line("FAILURE", message)
        log.warning("simulated call: %s", text)

    def _violation(self, code: str, message: str, index: int | None) -> None:
        self._violations.append(Violation(code, message, self._step, index))
        self._line("VIOLATION", message, index)
        log.warning("protocol violation: %s", message)

    def _record_app_error(self, event: Any, exc: BaseException) -> None:
        kind = _event_name(event)
        message = f"{type(exc).__name__}: {exc}"
        where = f"while handling {kind}" if kind else "outside event handling"
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self._app_errors.append(AppError(f"{message} ({where})", self._step, kind, text))
        self._line("ERROR", f"{message} ({where})")

    # --- recording what the app sends ---------------------------------------------------------

    def _record(self, frame: str | bytes) -> list[dict[str, Any]]:
        index = len(self._messages)
        data: Any = None
        kind: str | None = None
        problem: tuple[str, str] | None = None
        if isinstance(frame, bytes):
            problem = (
                "binary_frame",
                f"message #{index} is a binary frame ({len(frame)} bytes); "
                "the protocol uses JSON text frames",
            )
        else:
            try:
                data = json.loads(frame)
            except ValueError as exc:
                problem = (
                    "invalid_json",
                    f"message #{index} is not valid JSON ({exc}): {_compact(frame, 80)}",
                )
            else:
                if not isinstance(data, dict):
                    problem = (
                        "not_an_object",
                        f"message #{index} is a JSON {type(data).__name__}, not an object: "
                        f"{_compact(data, 80)}",
                    )
                else:
                    kind, problem = self._classify(index, data)
        message = RecordedMessage(
            index=index,
            step=self._step,
            step_label=self._step_label,
            kind=kind,
            data=data,
            raw=frame,
            at=time.monotonic() - self._t0,
        )
        self._messages.append(message)
        log.debug("<- #%d %s", index, kind)
        if problem is not None:
            self._violation(problem[0], problem[1], index)
            return []
        assert isinstance(data, dict) and kind is not None
        bad = _field_problem(kind, data)
        if bad is not None:
            self._violation("bad_field", f"message #{index} ({kind}): {bad}", index)
            return []
        return self._interpret(index, kind, data)

    def _classify(
        self, index: int, data: dict[str, Any]
    ) -> tuple[str | None, tuple[str, str] | None]:
        type_ = data.get("type")
        event = data.get("event")
        if isinstance(type_, str):
            if type_ in OUTBOUND_TYPES:
                return type_, None
            if type_ in OUTBOUND_EVENTS:
                hint = f" ({type_!r} is an audio-stream message: send it as 'event')"
            else:
                hint = _did_you_mean(type_, OUTBOUND_TYPES)
            return type_, (
                "unknown_type",
                f"message #{index} has unknown type {type_!r}{hint}; the platform only accepts "
                "the message types of the protocol",
            )
        if isinstance(event, str):
            if event in OUTBOUND_EVENTS:
                return event, None
            if event in OUTBOUND_TYPES:
                hint = f" ({event!r} must be sent as 'type', not 'event')"
            else:
                hint = _did_you_mean(event, OUTBOUND_EVENTS)
            return event, (
                "unknown_type",
                f"message #{index} has unknown event {event!r}{hint}; audio-stream messages are "
                f"{', '.join(sorted(OUTBOUND_EVENTS))}",
            )
        return None, (
            "missing_type",
            f"message #{index} has no string 'type' (or 'event'): {_compact(data, 80)}",
        )

    def _interpret(self, index: int, kind: str, data: dict[str, Any]) -> list[dict[str, Any]]:
        replies: list[dict[str, Any]] = []
        auto = self.auto_reply and self._ending is None
        if kind in ("tool.result", "tool.error"):
            self._tool_answer(index, kind, data)
        elif kind == "agent_session.speak":
            self._spoken.append(data["text"])
            self._line("agent", data["text"], index)
        elif kind == "text":
            self._text_tokens.append(data["token"])
            if data.get("last") is True:
                text = "".join(self._text_tokens)
                self._text_tokens.clear()
                self._text_responses.append(text)
                self._line("agent", f"{text}  [text]", index)
        elif kind == "agent_session.transfer":
            self._transfers.append(data)
            mode = data.get("dial_mode", "parallel")
            self._line("agent", f"[transfers to {', '.join(data['destination'])} ({mode})]", index)
            if auto:
                replies.append(build_frame(CallTransferred, destination=data["destination"]))
        elif kind == "agent_session.send_dtmf":
            self._dtmf.append(data["digits"])
            self._line("agent", f"[sends DTMF {data['digits']}]", index)
            if auto:
                replies.append(build_frame(DtmfSent, digits=data["digits"]))
        elif kind == "agent_session.hangup":
            self._hung_up = True
            self._line("agent", "[hangs up]", index)
            if self.auto_reply and self._ending is None:
                self._ending = "agent_hangup"
                self._line("call", "ended by the agent (agent_hangup)")
                replies.append(
                    build_frame(
                        AgentSessionEnded,
                        duration_seconds=int(round(time.monotonic() - self._t0)),
                        turn_count=self._turns,
                        reason="agent_hangup",
                        started_at=self._started_at,
                        ended_at=_iso_now(),
                    )
                )
        elif kind == "agent_session.play":
            size = len(data["audio_data"]) * 3 // 4
            self._line("agent", f"[plays a WAV file, {size} bytes]", index)
            if auto:
                replies.append(build_frame(PlayCompleted))
        elif kind in _STREAM_CONTROLS:
            replies.extend(self._stream_control(index, kind, data, auto))
        elif kind == "sendDTMF":
            self._dtmf.append(data["dtmf"])
            self._line("agent", f"[sends DTMF {data['dtmf']} on the stream]", index)
        elif kind == "playAudio":
            self._stream_audio_line(index)
        else:
            self._line("app", f"{kind} {_compact(_without(data, 'type'))}", index)
        return replies

    def _tool_answer(self, index: int, kind: str, data: dict[str, Any]) -> None:
        call_id = data["id"]
        call = self._tool_calls.get(call_id)
        if call is None:
            called = ", ".join(repr(c) for c in self._tool_calls) or "none"
            self._violation(
                "unknown_tool_id",
                f"message #{index}: {kind} for id {call_id!r}, which was never called "
                f"(tool calls so far: {called})",
                index,
            )
            return
        if call.outcome is not None:
            self._violation(
                "duplicate_answer",
                f"message #{index}: second answer ({kind}) to tool call {call_id!r} "
                f"({call.name}); it was already answered by message #{call.answer_index}",
                index,
            )
            return
        call = self._tool_calls[call_id] = attrs.evolve(
            call,
            outcome="result" if kind == "tool.result" else "error",
            value=data["result"] if kind == "tool.result" else data["error"],
            answer_index=index,
        )
        if call.outcome == "result":
            self._line("app", f"{call.name} -> {_compact(call.value)}", index)
        else:
            self._line("app", f"{call.name} -> error: {call.value}", index)

    def _stream_control(
        self, index: int, kind: str, data: dict[str, Any], auto: bool
    ) -> list[dict[str, Any]]:
        method, line, reply_event = _STREAM_CONTROLS[kind]
        if self._stream_id is None:
            self._violation(
                "stream_not_started",
                f"message #{index}: {kind} ({method}) before the audio stream started "
                "(no 'start' event was sent); it only applies to an audio stream",
                index,
            )
            return []
        stream = data.get("streamId")
        if stream != self._stream_id:
            self._violation(
                "wrong_stream",
                f"message #{index}: {kind} for stream {stream!r}, but the stream is "
                f"{self._stream_id!r}",
                index,
            )
            return []
        fields: dict[str, Any] = {
            "sequence_number": self._next_sequence(),
            "stream_id": self._stream_id,
        }
        if kind == "checkpoint":
            self._line("app", f"[checkpoint {data['name']}]", index)
            fields["name"] = data["name"]
        else:
            self._line("app", line, index)
        return [build_frame(EVENT_TYPES[reply_event], **fields)] if auto else []

    def _stream_audio_line(self, index: int) -> None:
        last = self._transcript[-1] if self._transcript else None
        count = 1
        if last is not None and last.who == "agent" and last.text.startswith("[streams audio: "):
            count = int(last.text.split()[2]) + 1
            self._transcript.pop()
        noun = "frame" if count == 1 else "frames"
        self._line("agent", f"[streams audio: {count} {noun}]", index)
