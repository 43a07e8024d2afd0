"""The messages an app sends on the call's WebSocket, described once.

Each :class:`Message` names its discriminator (``type`` for the agent platform, ``event`` for
Plivo's raw audio stream), the :class:`~plivo_agentstack.agent.Session` method that sends it and
the fields the platform requires. The inbound half is :data:`~plivo_agentstack.agent.events.
EVENT_TYPES` (one attrs class per event, with its wire names). The call simulator checks what an
app sends against this table, conversation scripts take their ``wait`` targets from it, and a
test holds ``Session`` and this table to each other: adding a message is one line here plus its
``Session`` method.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import attrs

__all__ = [
    "OUTBOUND",
    "OUTBOUND_EVENTS",
    "OUTBOUND_TYPES",
    "Field",
    "Message",
    "compact_json",
    "field_problem",
]


@attrs.frozen
class Field:
    """A field of an outbound message: its wire path, the JSON types it takes, and in words."""

    path: str  # dotted for a nested field: "media.payload"
    types: tuple[type, ...]
    expected: str
    required: bool = True


@attrs.frozen
class Message:
    """One outbound message: its name, discriminator key, mode, ``Session`` method and fields."""

    name: str
    key: str  # "type" (agent platform) or "event" (raw audio stream)
    method: str  # the Session method that sends it
    fields: tuple[Field, ...] = ()

    @property
    def mode(self) -> str:
        """``"agent"`` for the agent platform's messages, ``"stream"`` for raw audio ones."""
        return "agent" if self.key == "type" else "stream"


_TEXT = (str,)
_STRING = "a string"

OUTBOUND: Final[tuple[Message, ...]] = (
    Message(
        "tool.result",
        "type",
        "send_tool_result",
        (Field("id", _TEXT, _STRING), Field("result", (object,), "any JSON value")),
    ),
    Message(
        "tool.error",
        "type",
        "send_tool_error",
        (Field("id", _TEXT, _STRING), Field("error", _TEXT, _STRING)),
    ),
    Message(
        "text",
        "type",
        "send_text",
        (Field("token", _TEXT, _STRING), Field("last", (bool,), "a boolean", required=False)),
    ),
    Message("agent_session.extend_wait", "type", "extend_wait"),
    Message("agent_session.update", "type", "update"),
    Message("agent_session.inject", "type", "inject", (Field("content", _TEXT, _STRING),)),
    Message("agent_session.speak", "type", "speak", (Field("text", _TEXT, _STRING),)),
    Message("agent_session.play", "type", "play", (Field("audio_data", _TEXT, "a base64 string"),)),
    Message(
        "agent_session.transfer",
        "type",
        "transfer",
        (Field("destination", (list,), "a list of numbers/SIP URIs"),),
    ),
    Message("agent_session.send_dtmf", "type", "send_dtmf", (Field("digits", _TEXT, _STRING),)),
    Message("agent_session.hangup", "type", "hangup"),
    Message("audio.mix", "type", "play_background", (Field("sound", _TEXT, _STRING),)),
    Message(
        "audio.mix_enable", "type", "stop_background", (Field("enabled", (bool,), "a boolean"),)
    ),
    Message(
        "playAudio",
        "event",
        "send_media",
        (Field("media.payload", _TEXT, "a base64 string"),),
    ),
    Message("checkpoint", "event", "send_checkpoint", (Field("name", _TEXT, _STRING),)),
    Message("clearAudio", "event", "clear_audio"),
    Message("sendDTMF", "event", "send_dtmf", (Field("dtmf", _TEXT, "a string of digits"),)),
    Message("muteStream", "event", "mute_stream"),
    Message("unmuteStream", "event", "unmute_stream"),
)
"""Every message an app may send (``Session.send_raw`` aside), in the order of ``Session``."""

BY_NAME: Final[Mapping[str, Message]] = {message.name: message for message in OUTBOUND}
OUTBOUND_TYPES: Final = frozenset(m.name for m in OUTBOUND if m.key == "type")
"""``type`` values of the agent platform's messages."""
OUTBOUND_EVENTS: Final = frozenset(m.name for m in OUTBOUND if m.key == "event")
"""``event`` values of the raw audio stream's messages."""

_MISSING: Final = object()


def field_problem(name: str, data: Mapping[str, Any]) -> str | None:
    """What is wrong with the fields of message ``name`` (``None``: nothing), in words."""
    message = BY_NAME.get(name)
    if message is None:
        return None
    for field in message.fields:
        value: Any = data
        for key in field.path.split("."):
            value = value.get(key, _MISSING) if isinstance(value, Mapping) else _MISSING
        if value is _MISSING:
            if field.required:
                return f"'{field.path}' is missing (it must be {field.expected})"
            continue
        # bool is an int subclass: True is not a number, but it is "any JSON value"
        wrong_bool = isinstance(value, bool) and not {bool, object} & set(field.types)
        if not isinstance(value, field.types) or wrong_bool:
            return f"'{field.path}' must be {field.expected}, got {compact_json(value)}"
    return None


def compact_json(value: Any, limit: int = 60) -> str:
    """``value`` as one line of JSON (``repr`` if it is not JSON), cut to ``limit`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
