"""An offline call simulator: plays the platform's side of a voice-agent call against your app.

Develop and test a :class:`~plivo_agentstack.agent.VoiceApp` with no account and no phone::

    result = await simulate_call(app, Script().say("Where is my order?").tool(
        "lookup_order", {"order_id": "A-7"}))
    assert result.expect_tool_result("lookup_order")["status"] == "shipped"
    print(result.format_transcript())

or step by step from a pytest test::

    async with CallSimulator(app) as call:
        await call.say("Where is my order?")
        order = await call.tool("lookup_order", order_id="A-7")
        assert call.spoken_text

Structure. What the platform knows of the call and how it answers the app is a pure model,
:class:`~plivo_agentstack.testing._platform.PlatformModel` (frames in, replies out, no I/O);
:class:`CallSimulator` is its driver: it connects, plays the steps and waits for answers.

Targets. A ``ws://`` / ``wss://`` URL is reached with a real ``websockets`` client
(``compression=None``, optional ``headers`` for the app's authentication). A ``VoiceApp`` object
is served in-process through ``app.asgi`` over an in-memory ASGI channel: no port, no network,
and the simulator knows exactly when the app is idle (waiting for the next frame), so messages
are attributed to the step that caused them and ``turn.completed`` carries the agent's reply.
Over a URL the simulator waits for a short quiet period (``settle``) instead. In-process, errors
the app reports (handler exceptions, bad frames) are recorded as :class:`AppError` through
``app.dispatcher.observe_errors`` (your ``on_handler_error`` still runs); an app with
``auth_secret`` gets its own secret as a header unless you pass ``headers``.

Platform behaviour. The simulator sends ``session.started`` on connect, then the steps, then
``session.ended`` (unless the script ends the call itself). With ``auto_reply`` (the default)
it answers like the platform: ``agent_session.send_dtmf`` -> ``dtmf.sent``, ``transfer`` ->
``call.transferred``, ``play`` -> ``play.completed``, ``checkpoint`` -> ``playedStream``,
``clearAudio`` -> ``clearedAudio``, and ``agent_session.hangup`` ends the call with
``session.ended`` (reason ``agent_hangup``); the remaining steps are then skipped. Every
``timeout`` bounds one wait (connect, a tool answer, a ``wait`` step, settling, the close).

Every message the app sends is recorded (:class:`RecordedMessage`) and checked; protocol
violations (:class:`Violation`) are: unknown ``type``/``event``, a known message missing a field,
a ``tool.result``/``tool.error`` for an id never called or answered twice, text that is not
JSON or not a JSON object, a binary frame, ``checkpoint``/``clearAudio`` before the audio stream
started, and a tool call still unanswered when the call ends.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
import traceback
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from plivo_agentstack.agent.app import VoiceApp
from plivo_agentstack.agent.events import (
    AgentSessionEnded,
    AgentSessionStarted,
    AgentToolCompleted,
    AgentToolFailed,
    AgentToolStarted,
    Dtmf,
    Event,
    Prompt,
    StreamDtmf,
    ToolCall,
    TurnCompleted,
    VoicemailBeep,
    VoicemailDetected,
    build_frame,
)

from ._call_channels import DEFAULT_SETTLE as DEFAULT_SETTLE
from ._call_channels import _Channel, _InProcessChannel, _WebsocketsChannel
from ._call_result import (
    AppError,
    CallResult,
    RecordedMessage,
    ToolCallRecord,
    TranscriptLine,
    Violation,
    _compact,
)
from ._platform import PlatformModel, _iso_now
from ._simulator_errors import (
    CallEndedError,
    SimulatorConnectionError,
    SimulatorTimeout,
    ToolCallError,
)
from .script import (
    AgentToolStep,
    AudioStep,
    DtmfStep,
    EndStep,
    EventStep,
    PauseStep,
    SayStep,
    Script,
    ScriptError,
    SimulatorError,
    StartStep,
    Step,
    StopStep,
    ToolStep,
    VoicemailStep,
    WaitStep,
    load_script,
)

__all__ = [
    "CallSimulator",
    "CallResult",
    "simulate_call",
    "run_call",
    "RecordedMessage",
    "ToolCallRecord",
    "Violation",
    "AppError",
    "TranscriptLine",
    "SimulatorError",
    "ScriptError",
    "SimulatorConnectionError",
    "SimulatorTimeout",
    "ToolCallError",
    "CallEndedError",
    "DEFAULT_TIMEOUT",
    "DEFAULT_CALLER",
    "DEFAULT_CALLEE",
]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

DEFAULT_TIMEOUT = 10.0
DEFAULT_CALLER = "+15555550100"
DEFAULT_CALLEE = "+15555550101"


# --------------------------------------------------------------------------------------------
# Outbound message checks
# --------------------------------------------------------------------------------------------


ScriptLike: TypeAlias = Script | Sequence[Step] | str | os.PathLike[str]


def _as_script(script: ScriptLike) -> Script:
    if isinstance(script, Script):
        return script
    if isinstance(script, (str, os.PathLike)):
        return load_script(script)
    return Script(script)


# --------------------------------------------------------------------------------------------
# The simulator
# --------------------------------------------------------------------------------------------


class CallSimulator(PlatformModel):
    """The platform's side of one call; use as ``async with CallSimulator(target) as call``.

    The driver of :class:`~plivo_agentstack.testing._platform.PlatformModel`: it connects to
    the app, plays the steps, waits for answers and feeds what the app sends to the model.
    """

    def __init__(
        self,
        target: str | VoiceApp,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        caller: str | None = None,
        callee: str | None = None,
        agent_id: str | None = None,
        headers: Mapping[str, str] | None = None,
        auto_reply: bool = True,
        start_fields: Mapping[str, Any] | None = None,
    ) -> None:
        if isinstance(target, VoiceApp):
            pass
        elif isinstance(target, str):
            if not target.startswith(("ws://", "wss://")):
                raise ValueError(
                    f"target must be a ws:// or wss:// URL or a VoiceApp, got {target!r}"
                )
        else:
            raise TypeError(
                f"target must be a ws:// or wss:// URL or a VoiceApp, got {type(target).__name__}"
            )
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if headers is not None and not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
        ):
            raise TypeError("headers must map header names to string values")
        start = StartStep(
            caller=caller, callee=callee, agent_id=agent_id, fields=start_fields or {}
        )
        self.target = target
        self.timeout: float = float(timeout)
        self.headers: dict[str, str] | None = dict(headers) if headers is not None else None
        self.caller: str = start.caller or DEFAULT_CALLER
        self.callee: str = start.callee or DEFAULT_CALLEE
        self.agent_id: str = start.agent_id or f"agent-{uuid.uuid4()}"
        self._start_fields = dict(start.fields)
        # Ids given in the start fields (e.g. a call placed on the fake API) are the call's own.
        super().__init__(
            auto_reply=auto_reply,
            agent_session_id=str(self._start_fields.get("agent_session_id") or "") or None,
            call_id=str(self._start_fields.get("call_id") or "") or None,
        )
        self._channel: _Channel | None = None
        self._reader: asyncio.Task[None] | None = None
        self._send_lock: asyncio.Lock | None = None
        self._changed = asyncio.Event()
        self._consumed: set[int] = set()
        self._tool_counter = 0
        self._agent_tool_counter = 0
        self._aborted = False
        self._finished = False
        self._last_message_at = 0.0

    def _close_code(self) -> int | None:
        return self._channel.close_code if self._channel is not None else None

    # --- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> CallSimulator:
        try:
            await self.open()
        except BaseException:
            await self._abort()
            raise
        return self

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            await self.end()
        else:
            await self._abort()

    async def open(self) -> None:
        """Connect to the app and send ``session.started``."""
        if self._channel is not None:
            raise SimulatorError("this CallSimulator is already open (one call per simulator)")
        self._send_lock = asyncio.Lock()
        channel: _Channel
        if isinstance(self.target, VoiceApp):
            headers = self.headers
            if headers is None:
                secret = self.target.auth_secret
                headers = {self.target.auth_param: secret} if secret else {}
            channel = _InProcessChannel(self.target, headers, self._record_app_error)
        else:
            channel = _WebsocketsChannel(self.target, self.headers or {})
        await channel.open(self.timeout)
        self._channel = channel
        self._t0 = time.monotonic()
        self._started_at = _iso_now()
        self._reader = asyncio.get_running_loop().create_task(self._read(), name="simulator-reader")
        log.info("simulated call %s started (%s -> %s)", self.call_id, self.caller, self.callee)
        frame = _platform_frame(
            AgentSessionStarted,
            {
                "agent_session_id": self.agent_session_id,
                "call_id": self.call_id,
                "caller": self.caller,
                "callee": self.callee,
                "agent_id": self.agent_id,
                "audio_format": "pcm",
                "sample_rate": 16000,
                "channels": 1,
                "frame_size_ms": 20,
                **self._start_fields,
            },
        )
        self._line("call", f"started: {self.caller} -> {self.callee}")
        await self._send(frame)
        await self._settle()

    async def end(self, reason: str = "user_hangup", **fields: Any) -> CallResult:
        """End the call with ``session.ended`` (if still going), wait for the close, finalise."""
        if self._finished:
            return self.result
        if self._ending is None and not self._closed and self._channel is not None:
            step = EndStep(reason, fields)
            self._begin(None, step.describe())
            await self._send_end(step)
        await self._shutdown()
        return self.result

    async def stop(self) -> CallResult:
        """End an audio-stream call with ``stop`` (if still going), wait for the close, finalise."""
        if self._finished:
            return self.result
        if self._ending is None and not self._closed and self._channel is not None:
            self._begin(None, "stop")
            await self._send_stop()
        await self._shutdown()
        return self.result

    # --- actions (each is one step) -------------------------------------------------------------

    async def say(
        self,
        text: str,
        *,
        partials: bool = True,
        turn_completed: bool = True,
        language: str | None = None,
    ) -> None:
        """The caller says ``text``: transcription partial and final, then ``turn.completed``.

        The partial (sent when ``text`` has several words) holds the first half of the words;
        ``turn.completed`` follows once the app has reacted, with its reply as ``agent_text``.
        """
        await self._action(
            SayStep(text, partials=partials, turn_completed=turn_completed, language=language)
        )

    async def dtmf(self, digits: str) -> None:
        """The caller presses keys (one ``user.dtmf`` per digit)."""
        await self._action(DtmfStep(digits))

    async def tool_call(
        self,
        name: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        id: str | None = None,
        timeout: float | None = None,
    ) -> ToolCallRecord:
        """Send ``tool.called`` and wait for the answer; the record says what came back."""
        args = _arguments(arguments)
        record = await self._action(ToolStep(name, args, id=id, timeout=timeout))
        assert isinstance(record, ToolCallRecord)
        return record

    async def tool(
        self, name: str, arguments: Mapping[str, Any] | None = None, /, **kwargs: Any
    ) -> Any:
        """Call a tool (keyword arguments are its arguments); return the ``tool.result``.

        Raises :class:`ToolCallError` on ``tool.error`` and :class:`SimulatorTimeout` when no
        answer arrives within the timeout.
        """
        record = await self.tool_call(name, {**_arguments(arguments), **kwargs})
        if record.outcome == "error":
            raise ToolCallError(record.name, record.id, record.value)
        if record.outcome is None:
            raise SimulatorTimeout(
                f"tool {name!r} (id {record.id}) got no tool.result/tool.error within "
                f"{self.timeout:g} s" + (" (the call ended)" if self.ended else "")
            )
        return record.value

    async def agent_tool(
        self,
        type: str,
        *,
        result: Mapping[str, Any] | None = None,
        error: str | None = None,
        id: str | None = None,
    ) -> None:
        """An agent tool runs: ``agent_tool.started`` then ``completed`` (or ``failed``)."""
        await self._action(AgentToolStep(type, result=result, error=error, id=id))

    async def voicemail(
        self,
        result: str = "machine",
        *,
        method: str = "audio",
        transcript: str | None = None,
        beep: bool | None = None,
    ) -> None:
        """``voicemail.detected`` (and ``voicemail.beep`` for a machine unless ``beep=False``)."""
        await self._action(
            VoicemailStep(result=result, method=method, transcript=transcript, beep=beep)
        )

    async def audio(
        self, wav: str | os.PathLike[str] | bytes, *, realtime: bool = False, stop: bool = False
    ) -> None:
        """Stream a WAV file as caller audio (``start`` the first time, then ``media`` frames)."""
        await self._action(AudioStep(wav, realtime=realtime, stop=stop))

    async def send_event(self, frame: Mapping[str, Any]) -> None:
        """Send any JSON object to the app as is."""
        await self._action(EventStep(frame))

    async def pause(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        await self._action(PauseStep(seconds))

    async def wait_for(self, message_type: str, *, timeout: float | None = None) -> RecordedMessage:
        """The first message of ``message_type`` no earlier wait returned (waits if needed)."""
        message = await self._action(WaitStep(message_type, timeout=timeout))
        if message is None:
            raise SimulatorTimeout(
                f"no {message_type} message from the app within {timeout or self.timeout:g} s"
            )
        assert isinstance(message, RecordedMessage)
        return message

    async def expect_tool_result(self, name: str, *, timeout: float | None = None) -> Any:
        """Wait for an answered call of tool ``name``; return its result (else AssertionError)."""
        await self._wait_until(
            lambda: any(c.name == name and c.outcome for c in self._tool_calls.values()),
            timeout or self.timeout,
        )
        return self.result.expect_tool_result(name)

    async def run(self, script: ScriptLike) -> CallResult:
        """Play a script's steps in order, then end the call (unless the script did).

        A ``start`` step is skipped here: ``session.started`` went out when the call opened
        (:func:`simulate_call` passes the step's caller/callee/fields to the simulator).
        """
        script = _as_script(script)
        total = len(script.steps)
        for number, step in enumerate(script.steps, 1):
            if isinstance(step, StartStep):
                continue  # applied when the call opened (simulate_call), see the docstring
            if self.ended:
                self._skip(total - number + 1)
                break
            self._begin(number, step.describe())
            if isinstance(step, EndStep):
                await self._send_end(step)
                break
            if isinstance(step, StopStep):
                await self._send_stop()
                break
            try:
                outcome = await self._perform(step)
            except CallEndedError:
                self._skip(total - number + 1)
                break
            except SimulatorError as exc:
                self._failure(str(exc))
                continue
            if isinstance(step, WaitStep) and outcome is None:
                self._failure(
                    f"no {step.for_type} message from the app within "
                    f"{step.timeout or self.timeout:g} s"
                )
            await self._settle()
        return await self.end()

    # --- step execution -----------------------------------------------------------------------

    async def _action(self, step: Step) -> Any:
        if self.ended:
            raise CallEndedError(f"the call has ended ({self._ending or 'closed by the app'})")
        self._begin(None, step.describe())
        outcome = await self._perform(step)
        await self._settle()
        return outcome

    async def _perform(self, step: Step) -> Any:
        if isinstance(step, SayStep):
            await self._do_say(step)
        elif isinstance(step, DtmfStep):
            for digit in step.digits:
                if self._stream_id is not None:
                    # A raw audio stream is running: keys arrive as audio-stream dtmf events.
                    await self._send(
                        build_frame(
                            StreamDtmf,
                            digit=digit,
                            track="inbound",
                            sequence_number=self._next_sequence(),
                            stream_id=self._stream_id,
                        )
                    )
                else:
                    await self._send(build_frame(Dtmf, digit=digit))
            self._line("user", f"[presses {step.digits}]")
        elif isinstance(step, ToolStep):
            return await self._do_tool(step)
        elif isinstance(step, AgentToolStep):
            await self._do_agent_tool(step)
        elif isinstance(step, VoicemailStep):
            await self._do_voicemail(step)
        elif isinstance(step, AudioStep):
            await self._do_audio(step)
        elif isinstance(step, WaitStep):
            return await self._do_wait(step)
        elif isinstance(step, PauseStep):
            await asyncio.sleep(step.seconds)
        elif isinstance(step, EventStep):
            await self._do_event(step)
        elif isinstance(step, EndStep):
            await self._send_end(step)
        elif isinstance(step, StopStep):
            await self._send_stop()
        else:
            raise SimulatorError(f"{step.describe()} can only be the first step of a script")
        return None

    async def _do_say(self, step: SayStep) -> None:
        self._line("user", step.text)
        extra: dict[str, Any] = {} if step.language is None else {"language": step.language}
        words = step.text.split()
        started_at = _iso_now()
        if step.partials and len(words) > 1:
            partial = " ".join(words[: (len(words) + 1) // 2])
            await self._send(build_frame(Prompt, extra, text=partial, is_final=False))
        mark = len(self._messages)
        await self._send(build_frame(Prompt, extra, text=step.text, is_final=True))
        if not step.turn_completed:
            return
        await self._settle()
        self._turns += 1
        await self._send(
            build_frame(
                TurnCompleted,
                turn_number=self._turns,
                turn_id=f"turn-{self._turns}",
                user_text=step.text,
                agent_text=self._agent_text_since(mark),
                agent_first=False,
                user_started_speaking_at=started_at,
                user_stopped_speaking_at=_iso_now(),
            )
        )

    def _agent_text_since(self, mark: int) -> str:
        parts: list[str] = []
        tokens: list[str] = []
        for message in self._messages[mark:]:
            data = message.data if isinstance(message.data, dict) else {}
            if message.kind == "agent_session.speak" and isinstance(data.get("text"), str):
                parts.append(data["text"])
            elif message.kind == "text" and isinstance(data.get("token"), str):
                tokens.append(data["token"])
        if tokens:
            parts.append("".join(tokens))
        return " ".join(part.strip() for part in parts if part.strip())

    async def _do_tool(self, step: ToolStep) -> ToolCallRecord:
        if step.id is None:
            self._tool_counter += 1
            call_id = f"call_{self._tool_counter}"
            while call_id in self._tool_calls:
                self._tool_counter += 1
                call_id = f"call_{self._tool_counter}"
        else:
            call_id = step.id
            if call_id in self._tool_calls:
                raise SimulatorError(f"tool call id {call_id!r} was already used in this call")
        arguments = dict(step.arguments)
        self._tool_calls[call_id] = ToolCallRecord(call_id, step.name, arguments, self._step)
        self._line("tool", f"{step.name} {_compact(arguments)}  [id {call_id}]")
        await self._send(build_frame(ToolCall, id=call_id, name=step.name, arguments=arguments))
        timeout = step.timeout or self.timeout
        calls = self._tool_calls
        await self._wait_until(lambda: calls[call_id].answered or self._closed, timeout)
        call = calls[call_id]
        if not call.answered:
            why = "the call ended" if self._closed else f"none within {timeout:g} s"
            self._line("sim", f"no answer to {step.name} [id {call_id}] ({why})")
        return attrs.evolve(call, arguments=dict(arguments))

    async def _do_agent_tool(self, step: AgentToolStep) -> None:
        if step.id is None:
            self._agent_tool_counter += 1
            tool_id = f"agent_tool_{self._agent_tool_counter}"
        else:
            tool_id = step.id
        ids: dict[str, Any] = {"agent_tool_type": step.type, "agent_tool_id": tool_id}
        self._line("platform", f"agent tool {step.type} started  [id {tool_id}]")
        await self._send(build_frame(AgentToolStarted, **ids))
        await self._settle()
        if step.error is not None:
            self._line("platform", f"agent tool {step.type} failed: {step.error}")
            await self._send(build_frame(AgentToolFailed, **ids, error=step.error))
        else:
            result = dict(step.result or {})
            self._line("platform", f"agent tool {step.type} completed: {_compact(result)}")
            await self._send(build_frame(AgentToolCompleted, **ids, result=result))

    async def _do_voicemail(self, step: VoicemailStep) -> None:
        found: dict[str, Any] = {"result": step.result, "method": step.method}
        if step.transcript is not None:
            found["transcript"] = step.transcript
        frame = build_frame(VoicemailDetected, **found)
        self._line("platform", f"voicemail detected: {step.result} (by {step.method})")
        await self._send(frame)
        if step.sends_beep:
            await self._settle()
            self._line("platform", "voicemail beep")
            await self._send(build_frame(VoicemailBeep, frequency_hz=1000.0, duration_ms=500))

    async def _do_audio(self, step: AudioStep) -> None:
        audio = step.audio
        fmt = (audio.content_type, audio.sample_rate)
        if self._stream_id is None:
            await self._send(self.start_stream(*fmt))
            await self._settle()
        elif fmt != self._stream_format:
            assert self._stream_format is not None
            raise SimulatorError(
                f"{step.label} is {fmt[0]} at {fmt[1]} Hz but the audio stream started as "
                f"{self._stream_format[0]} at {self._stream_format[1]} Hz; use one format per call"
            )
        frames = audio.frames()
        self._line(
            "user",
            f"[audio {step.label}: {audio.duration:.2f} s, {len(frames)} frames of "
            f"{fmt[0]} at {fmt[1]} Hz]",
        )
        for chunk in frames:
            await self._send(self.media_frame(chunk))
            if step.realtime:
                await asyncio.sleep(0.02)
        if step.stop:
            await self._settle()
            await self._send_stop()

    async def _do_wait(self, step: WaitStep) -> RecordedMessage | None:
        def find() -> RecordedMessage | None:
            for message in self._messages:
                if message.kind == step.for_type and message.index not in self._consumed:
                    return message
            return None

        timeout = step.timeout or self.timeout
        await self._wait_until(lambda: find() is not None or self._closed, timeout)
        found = find()
        if found is not None:
            self._consumed.add(found.index)
        return found

    async def _do_event(self, step: EventStep) -> None:
        name = step.name
        self._line("platform", f"event {name} {_compact(dict(step.frame))}")
        if name in ("session.ended", "stop"):
            self._ending = name
        await self._send(dict(step.frame))

    async def _send_end(self, step: EndStep) -> None:
        self._ending = step.reason
        self._line("call", f"ended by the caller ({step.reason})")
        frame = _platform_frame(
            AgentSessionEnded,
            {
                "duration_seconds": int(round(time.monotonic() - self._t0)),
                "turn_count": self._turns,
                "reason": step.reason,
                "started_at": self._started_at,
                "ended_at": _iso_now(),
                **step.fields,
            },
        )
        try:
            await self._send(frame)
        except CallEndedError:
            pass

    async def _send_stop(self) -> None:
        frame = self.stop_frame()
        try:
            await self._send(frame)
        except CallEndedError:
            pass

    # --- plumbing -----------------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except asyncio.TimeoutError:
                return predicate()
        return True

    async def _settle(self) -> None:
        channel = self._channel
        if channel is None or self._closed:
            return
        deadline = asyncio.get_running_loop().time() + self.timeout
        if not await channel.settle(deadline, lambda: self._last_message_at):
            self._failure(f"the app was still busy after {self.timeout:g} s")

    async def _send(self, frame: dict[str, Any]) -> None:
        channel = self._channel
        lock = self._send_lock
        if channel is None or lock is None:
            raise SimulatorError("the call is not open: use `async with CallSimulator(...)`")
        if self._closed:
            raise CallEndedError("the app has closed the connection")
        text = json.dumps(frame, separators=(",", ":"))
        async with lock:
            self._sent.append(frame)
            log.debug("-> %s", text[:200])
            await channel.send(text)

    async def _read(self) -> None:
        channel = self._channel
        assert channel is not None
        try:
            while True:
                frame = await channel.recv()
                if frame is None:
                    break
                self._last_message_at = time.monotonic()
                replies = self.receive(frame)
                self._notify()
                for reply in replies:
                    try:
                        await self._send(reply)
                    except SimulatorError:
                        log.debug("auto-reply %s not sent: the call is over", reply)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - any reader failure is a failed call
            self._failure(f"reading from the app failed: {exc!r}")
        finally:
            self._closed = True
            self._on_closed()
            self._notify()

    def _on_closed(self) -> None:
        channel = self._channel
        if self._aborted or channel is None:
            return
        crash = getattr(channel, "crash", None)
        if isinstance(crash, BaseException):
            text = "".join(traceback.format_exception(type(crash), crash, crash.__traceback__))
            message = f"the app crashed: {type(crash).__name__}: {crash}"
            self._app_errors.append(AppError(message, self._step, None, text))
            self._line("ERROR", message)
        code = channel.close_code
        if code not in (None, 1000, 1001):
            reason = f": {channel.close_reason}" if channel.close_reason else ""
            self._failure(f"the app closed the connection with code {code}{reason}")
        elif self._ending is None and crash is None:
            self._failure("the app closed the connection before the call ended")
        if self._ending is None:
            self._ending = "closed by the app"

    async def _shutdown(self) -> None:
        if self._finished:
            return
        self._finished = True
        channel = self._channel
        if channel is not None:
            if not self._closed:
                closed = await self._wait_until(lambda: self._closed, self.timeout)
                if not closed:
                    self._failure(
                        f"the app did not close the connection within {self.timeout:g} s "
                        "after the call ended"
                    )
            await channel.close(self.timeout)
        if self._reader is not None:
            if not self._reader.done():
                self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        if self._text_tokens:
            self._line("agent", "".join(self._text_tokens) + "  [text stream never finished]")
            self._text_tokens.clear()
        for call in self._tool_calls.values():
            if call.outcome is None:
                self._violations.append(
                    Violation(
                        "unanswered_tool_call",
                        f"tool call {call.id!r} ({call.name}, step {call.step}) was never "
                        "answered with tool.result or tool.error",
                        call.step,
                    )
                )
                self._line("VIOLATION", f"tool call {call.id!r} ({call.name}) was never answered")
        if log.isEnabledFor(logging.INFO):
            log.info("simulated call %s over: %s", self.call_id, self.result.summary())

    async def _abort(self) -> None:
        """Tear the call down after an error in the caller's code (no finalisation checks)."""
        if self._finished:
            return
        self._finished = True
        self._aborted = True
        if self._channel is not None:
            await self._channel.close(self.timeout)
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)


def _platform_frame(cls: type[Event], fields: Mapping[str, Any]) -> dict[str, Any]:
    """``build_frame`` for fields that may include keys the event class does not know."""
    names = attrs.fields_dict(cls)  # type: ignore[arg-type]  # every event class is attrs
    known = {key: value for key, value in fields.items() if key in names and key != "extra"}
    return build_frame(cls, {k: v for k, v in fields.items() if k not in known}, **known)


def _arguments(arguments: Mapping[str, Any] | None) -> dict[str, Any]:
    if arguments is None:
        return {}
    if not isinstance(arguments, Mapping):
        raise TypeError(f"tool arguments must be a mapping, got {type(arguments).__name__}")
    return dict(arguments)


# --------------------------------------------------------------------------------------------
# One-shot helpers
# --------------------------------------------------------------------------------------------


async def simulate_call(
    target: str | VoiceApp,
    script: ScriptLike,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    caller: str | None = None,
    callee: str | None = None,
    headers: Mapping[str, str] | None = None,
    auto_reply: bool = True,
    start_fields: Mapping[str, Any] | None = None,
) -> CallResult:
    """Play ``script`` (a Script, a list of steps or a script file path) against ``target``.

    ``caller``/``callee`` default to the script's ``start`` step, then to fictional numbers;
    ``start_fields`` (e.g. ``call_id``) are added to ``session.started`` over the script's own.
    Raises :class:`ScriptError` for a bad script and :class:`SimulatorConnectionError` when the
    call cannot be opened; everything that happens during the call is in the result.
    """
    plan = _as_script(script)
    start = plan.start or StartStep()
    simulator = CallSimulator(
        target,
        timeout=timeout,
        caller=caller or start.caller,
        callee=callee or start.callee,
        agent_id=start.agent_id,
        headers=headers,
        auto_reply=auto_reply,
        start_fields={**start.fields, **(start_fields or {})},
    )
    async with simulator as call:
        return await call.run(plan)


def run_call(
    target: str | VoiceApp,
    script: ScriptLike,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    caller: str | None = None,
    callee: str | None = None,
    headers: Mapping[str, str] | None = None,
    auto_reply: bool = True,
    start_fields: Mapping[str, Any] | None = None,
) -> CallResult:
    """Blocking :func:`simulate_call` for scripts (not usable inside a running event loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise SimulatorError(
            "run_call() blocks, so it cannot run inside an event loop; "
            "use `await simulate_call(...)` instead"
        )
    return asyncio.run(
        simulate_call(
            target,
            script,
            timeout=timeout,
            caller=caller,
            callee=callee,
            headers=headers,
            auto_reply=auto_reply,
            start_fields=start_fields,
        )
    )
