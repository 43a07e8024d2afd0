"""``Session``: one call's handle, passed to every handler, with the outbound messages.

Session methods only enqueue: they serialise the message at once (so a bad value fails at the
call site), put it on the call's bounded outbound queue and return. They are safe to call from
the event loop and from any thread (sync handlers run in worker threads), and messages leave in
the order they were enqueued, sent by the call's runner (see ``_call``).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from os import PathLike
from typing import Any

from ._codec import encode_message
from ._outbox import DEFAULT_MAX_QUEUE, DEFAULT_MAX_QUEUE_BYTES, Outbox

__all__ = ["Session", "DEFAULT_MAX_QUEUE", "DEFAULT_MAX_QUEUE_BYTES"]

_DIAL_MODES = ("parallel", "sequential")


_MULAW = "audio/x-mulaw"


class Session:
    """The handle of one call: its ids, a ``data`` dict for your state, and outbound messages."""

    __slots__ = (
        "agent_session_id",
        "call_uuid",
        "stream_id",
        "media_format",
        "data",
        "_outbox",
        "__weakref__",
    )

    def __init__(self, outbox: Outbox) -> None:
        self.agent_session_id: str | None = None
        self.call_uuid: str | None = None
        self.stream_id: str | None = None
        # (content_type, sample_rate) of a raw audio stream, from its start frame; None in
        # agent mode (and before start).
        self.media_format: tuple[str, int] | None = None
        self.data: dict[str, Any] = {}
        self._outbox = outbox

    def __repr__(self) -> str:
        return f"<Session agent_session_id={self.agent_session_id!r} call_uuid={self.call_uuid!r}>"

    @property
    def closed(self) -> bool:
        """Whether the call has ended (further messages raise ``WebSocketError``)."""
        return self._outbox.closed

    def _send(self, message: Mapping[str, Any]) -> None:
        self._outbox.put(encode_message(message))

    # --- managed mode: tool calls ----------------------------------------------------------

    def send_tool_result(self, tool_call_id: str, result: Any) -> None:
        """Answer a ``tool.called`` event with its result (any JSON value)."""
        self._send({"type": "tool.result", "id": tool_call_id, "result": result})

    def send_tool_error(self, tool_call_id: str, error: str) -> None:
        """Answer a ``tool.called`` event with an error message."""
        self._send({"type": "tool.error", "id": tool_call_id, "error": str(error)})

    # --- text mode (bring your own LLM) ----------------------------------------------------

    def send_text(self, token: str, last: bool = False) -> None:
        """Stream a response token; finish the response with ``send_text("", last=True)``."""
        self._send({"type": "text", "token": token, "last": bool(last)})

    def extend_wait(self) -> None:
        """Tell the platform the user asked for more time (extends the idle timeout)."""
        self._send({"type": "agent_session.extend_wait"})

    def send_raw(self, message: Mapping[str, Any]) -> None:
        """Send any JSON object as is (for messages this SDK does not model yet)."""
        if not isinstance(message, Mapping):
            raise TypeError(f"send_raw() needs a mapping, got {type(message).__name__}")
        self._send(message)

    # --- audio stream ----------------------------------------------------------------------

    def send_media(
        self, payload_b64: str, content_type: str | None = None, sample_rate: int | None = None
    ) -> None:
        """Play base64 audio on a raw audio stream (``playAudio``).

        The format defaults to the stream's own (its ``start`` frame), else 8 kHz mu-law.
        """
        media_format = self.media_format
        if content_type is None:
            content_type = media_format[0] if media_format and media_format[0] else _MULAW
        if sample_rate is None:
            sample_rate = media_format[1] if media_format else 8000
        self._send(
            {
                "event": "playAudio",
                "media": {
                    "contentType": content_type,
                    "sampleRate": sample_rate,
                    "payload": payload_b64,
                },
            }
        )

    def send_checkpoint(self, name: str) -> None:
        """Mark a point in the played audio; the platform answers ``playedStream`` with it."""
        self._send({"event": "checkpoint", "streamId": self.stream_id or "", "name": name})

    def clear_audio(self) -> None:
        """Drop the audio queued for playback; the platform answers ``clearedAudio``."""
        self._send({"event": "clearAudio", "streamId": self.stream_id or ""})

    # --- call control ----------------------------------------------------------------------

    def update(self, **config: Any) -> None:
        """Change the session configuration mid-call (``agent_session.update``)."""
        if "type" in config:
            raise ValueError("update() cannot set 'type'; it always sends agent_session.update")
        self._send({"type": "agent_session.update", **config})

    def inject(self, content: str) -> None:
        """Add text to the conversation context (``agent_session.inject``)."""
        self._send({"type": "agent_session.inject", "content": content})

    def handoff(
        self,
        *,
        system_prompt: str,
        tools: Sequence[Mapping[str, Any]] | None = None,
        llm: Mapping[str, Any] | None = None,
        summary: str | None = None,
    ) -> None:
        """Switch to another agent persona: new prompt (and tools/LLM), then an optional summary."""
        update: dict[str, Any] = {"type": "agent_session.update", "system_prompt": system_prompt}
        if tools is not None:
            update["tools"] = list(tools)
        if llm is not None:
            update["llm"] = dict(llm)
        text = encode_message(update)
        inject = (
            encode_message({"type": "agent_session.inject", "content": summary})
            if summary
            else None
        )
        self._outbox.put(text)
        if inject is not None:
            self._outbox.put(inject)

    def speak(self, text: str) -> None:
        """Say ``text`` through the agent's TTS."""
        self._send({"type": "agent_session.speak", "text": text})

    def play(self, audio: str | PathLike[str] | bytes, *, allow_interruption: bool = True) -> None:
        """Play a WAV file (a path, or the file's bytes); ``play.completed`` follows."""
        data = audio if isinstance(audio, bytes) else _read_file(audio)
        if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
            raise ValueError("play() needs a WAV file (RIFF/WAVE); convert other formats first")
        message: dict[str, Any] = {
            "type": "agent_session.play",
            "audio_data": base64.b64encode(data).decode("ascii"),
        }
        if not allow_interruption:
            message["allow_interruption"] = False
        self._send(message)

    def transfer(
        self,
        destination: str | Sequence[str],
        *,
        dial_mode: str = "parallel",
        timeout: int = 30,
        caller_id: str | None = None,
    ) -> None:
        """Transfer the call to one number/SIP URI or several (``parallel`` or ``sequential``)."""
        targets = [destination] if isinstance(destination, str) else list(destination)
        if not targets or not all(isinstance(t, str) and t for t in targets):
            raise ValueError("transfer() needs at least one non-empty destination string")
        if dial_mode not in _DIAL_MODES:
            raise ValueError(f"dial_mode must be 'parallel' or 'sequential', got {dial_mode!r}")
        message: dict[str, Any] = {
            "type": "agent_session.transfer",
            "destination": targets,
            "dial_mode": dial_mode,
            "timeout": timeout,
        }
        if caller_id is not None:
            message["caller_id"] = caller_id
        self._send(message)

    def mute_stream(self) -> None:
        """Mute the caller's audio on a raw audio stream (``muteStream``)."""
        self._send({"event": "muteStream", "streamId": self.stream_id or ""})

    def unmute_stream(self) -> None:
        """Unmute the caller's audio on a raw audio stream (``unmuteStream``)."""
        self._send({"event": "unmuteStream", "streamId": self.stream_id or ""})

    def send_dtmf(self, digits: str) -> None:
        """Send DTMF digits on the call (0-9, *, #).

        In agent mode this is ``agent_session.send_dtmf`` (``dtmf.sent`` confirms); on a raw
        audio stream (after its ``start`` frame) it is Plivo's ``sendDTMF``.
        """
        if self.media_format is not None:
            self._send({"event": "sendDTMF", "dtmf": digits})
        else:
            self._send({"type": "agent_session.send_dtmf", "digits": digits})

    def hangup(self) -> None:
        """End the call (after the messages queued before it)."""
        self._send({"type": "agent_session.hangup"})

    # --- background audio ------------------------------------------------------------------

    def play_background(self, sound: str, *, volume: float = 0.5, loop: bool = True) -> None:
        """Start or switch the background sound (e.g. ``office``, ``typing``)."""
        if not 0.0 <= volume <= 1.0:
            raise ValueError(f"volume must be between 0.0 and 1.0, got {volume}")
        self._send({"type": "audio.mix", "sound": sound, "volume": volume, "loop": bool(loop)})

    def stop_background(self) -> None:
        """Stop the background sound."""
        self._send({"type": "audio.mix_enable", "enabled": False})


def _read_file(path: str | PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ValueError(f"cannot read audio file {path!r}: {exc.strerror}") from exc
