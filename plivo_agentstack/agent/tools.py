"""Prebuilt tools for voice agents: simple customer-side tools and server-side ``collect_*`` tools.

Simple tools (:class:`EndCall`, :class:`SendDtmf`, :class:`WarmTransfer`) run in your process:
put ``tool.tool`` in the agent's ``llm.tools`` (or ``s2s.tools``), add ``tool.instructions`` to
the system prompt, and answer matching ``tool.called`` events with ``tool.handle(session, event)``.

Agent tools (``Collect*``) run on the platform as sub-agents: put ``tool.definition`` in the
agent's ``agent_tools`` and ``tool.prompt_hint`` in the system prompt; the outcome arrives as an
``agent_tool.completed`` event.

Invalid constructor arguments raise :class:`ValueError`.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

if TYPE_CHECKING:
    from .events import ToolCall

__all__ = [
    "CollectAddress",
    "CollectCreditCard",
    "CollectDOB",
    "CollectDigits",
    "CollectEmail",
    "CollectName",
    "CollectPhone",
    "EndCall",
    "SendDtmf",
    "WarmTransfer",
]

_DIAL_MODES = ("parallel", "sequential")


class ToolSession(Protocol):
    """The session methods the prebuilt tools call (the voice-agent ``Session`` has them all)."""

    def speak(self, text: str) -> object:
        """Say ``text`` through the agent's TTS."""

    def send_tool_result(self, tool_call_id: str, result: Any) -> object:
        """Answer a tool call with a result."""

    def send_tool_error(self, tool_call_id: str, error: str) -> object:
        """Answer a tool call with an error message."""

    def hangup(self) -> object:
        """End the call."""

    def send_dtmf(self, digits: str) -> object:
        """Send DTMF digits on the call."""

    def transfer(
        self, destination: str | Sequence[str], *, dial_mode: str = ..., timeout: int = ...
    ) -> object:
        """Transfer the call to one or more destinations."""


# --- validation helpers (attrs validators / converters) -------------------------------------


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}: {attribute.name}"


def _non_empty_str(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{_where(instance, attribute)} must be a non-empty string, got {value!r}")


def _str(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{_where(instance, attribute)} must be a string, got {value!r}")


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{_where(instance, attribute)} must be a string or None, got {value!r}")


def _bool(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{_where(instance, attribute)} must be True or False, got {value!r}")


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(
            f"{_where(instance, attribute)} must be a positive int (seconds), got {value!r}"
        )


def _non_negative_int(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{_where(instance, attribute)} must be an int >= 0, got {value!r}")


def _positive_seconds(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ValueError(
            f"{_where(instance, attribute)} must be a positive number of seconds, got {value!r}"
        )


def _dial_mode(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in _DIAL_MODES:
        raise ValueError(
            f"{_where(instance, attribute)} must be 'parallel' or 'sequential', got {value!r}"
        )


def _destination(value: str | Sequence[str] | None) -> str | tuple[str, ...]:
    """Normalise a transfer destination: a string (``""`` = none) or a tuple of strings."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Sequence):
        raise ValueError(
            "WarmTransfer: destination must be a string or a sequence of strings, "
            f"got {type(value).__name__}"
        )
    targets = tuple(value)
    for target in targets:
        if not isinstance(target, str) or not target.strip():
            raise ValueError(
                f"WarmTransfer: every destination must be a non-empty string, got {target!r}"
            )
    return targets


# --- event helpers ---------------------------------------------------------------------------


def _is_tool_call(event: object, name: str) -> bool:
    """Whether ``event`` looks like a ``ToolCall`` (id, name, arguments) named ``name``."""
    if event is None or isinstance(event, Mapping):
        return False
    return (
        getattr(event, "name", None) == name
        and isinstance(getattr(event, "id", None), str)
        and hasattr(event, "arguments")
    )


def _text_argument(event: ToolCall, key: str) -> str:
    """A stripped string argument of the call, or ``""`` when missing, blank or not a string."""
    arguments = getattr(event, "arguments", None)
    if not isinstance(arguments, Mapping):
        return ""
    value = arguments.get(key)
    return value.strip() if isinstance(value, str) else ""


# --- simple (customer-side) tools ------------------------------------------------------------


class _SimpleTool(abc.ABC):
    """What every customer-side tool has (so a list of mixed ones is typed), and ``match``."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def tool_name(self) -> str:
        """The function name the LLM calls."""

    @property
    @abc.abstractmethod
    def tool(self) -> dict[str, Any]:
        """The LLM function schema (a new dict on every access)."""

    @property
    @abc.abstractmethod
    def instructions(self) -> str:
        """Text for the system prompt telling the LLM when to use the tool."""

    @abc.abstractmethod
    def handle(self, session: ToolSession, event: ToolCall) -> str:
        """Answer the tool call on ``session``; return a short description of what it did."""

    def match(self, event: object) -> bool:
        """Whether ``event`` is a ``tool.called`` event for this tool."""
        return _is_tool_call(event, self.tool_name)


@attrs.frozen
class EndCall(_SimpleTool):
    """Lets the LLM hang up: says goodbye, answers the tool call, then ends the call."""

    @property
    def tool_name(self) -> str:
        """The function name the LLM calls: ``end_call``."""
        return "end_call"

    goodbye_message: str = attrs.field(default="Thank you for calling. Goodbye!", validator=_str)
    """Spoken before hanging up; ``""`` hangs up without a goodbye."""

    @property
    def tool(self) -> dict[str, Any]:
        """The LLM function schema (a new dict on every access)."""
        return {
            "name": self.tool_name,
            "description": (
                "End the call. Use when the conversation is complete, the user says goodbye, "
                "or there is nothing more to discuss."
            ),
            "parameters": {
                "type": "object",
                "properties": {
                    "reason": {
                        "type": "string",
                        "description": "Brief reason for ending the call",
                    },
                },
                "required": [],
            },
        }

    @property
    def instructions(self) -> str:
        """Text for the system prompt telling the LLM when to use the tool."""
        return (
            "When the conversation is complete or the user wants to end the call, "
            "use the end_call tool. Never end the conversation without calling end_call first."
        )

    def handle(self, session: ToolSession, event: ToolCall) -> str:
        """Say goodbye, answer ``{"status": "ending"}``, hang up; return the reason."""
        reason = _text_argument(event, "reason") or "conversation complete"
        if self.goodbye_message:
            session.speak(self.goodbye_message)
        session.send_tool_result(event.id, {"status": "ending", "reason": reason})
        session.hangup()
        return reason


@attrs.frozen
class SendDtmf(_SimpleTool):
    """Lets the LLM press phone keys (DTMF), e.g. to navigate an IVR menu."""

    @property
    def tool_name(self) -> str:
        """The function name the LLM calls: ``send_dtmf``."""
        return "send_dtmf"

    @property
    def tool(self) -> dict[str, Any]:
        """The LLM function schema (a new dict on every access)."""
        return {
            "name": self.tool_name,
            "description": (
                "Send DTMF tones (phone keypad presses) on the call, for example to navigate "
                "an automated phone menu. Digits may include 0-9, * and #."
            ),
            "parameters": {
                "type": "object",
                "properties": {
                    "digits": {
                        "type": "string",
                        "description": "DTMF digits to send (e.g. '1', '123#', '*9')",
                    },
                },
                "required": ["digits"],
            },
        }

    @property
    def instructions(self) -> str:
        """Text for the system prompt telling the LLM when to use the tool."""
        return (
            "You can press phone keys with the send_dtmf tool. When you reach an automated "
            "phone menu (IVR), listen to the options and send the digits for the one you need."
        )

    def handle(self, session: ToolSession, event: ToolCall) -> str:
        """Send the digits and answer ``{"status": "sent"}``; return them (``""`` if none given)."""
        digits = _text_argument(event, "digits")
        if not digits:
            session.send_tool_error(event.id, "No digits provided")
            return ""
        session.send_dtmf(digits)
        session.send_tool_result(event.id, {"status": "sent", "digits": digits})
        return digits


@attrs.frozen
class WarmTransfer(_SimpleTool):
    """Lets the LLM transfer the call to a human, after an optional hold message."""

    destination: str | tuple[str, ...] = attrs.field(default="", converter=_destination)
    """Number/SIP URI, or several; ``""``, ``None`` or an empty sequence means not configured."""

    hold_message: str = attrs.field(
        default="Let me connect you with a specialist. One moment please.", validator=_str
    )
    """Spoken before transferring; ``""`` transfers silently."""

    dial_mode: str = attrs.field(default="parallel", validator=_dial_mode)
    """``"parallel"`` (ring all destinations) or ``"sequential"`` (one after another)."""

    timeout: int = attrs.field(default=30, validator=_positive_int)
    """Seconds to ring each destination."""

    tool_name: str = attrs.field(default="transfer_to_human", validator=_non_empty_str)
    """The function name the LLM calls."""

    @property
    def tool(self) -> dict[str, Any]:
        """The LLM function schema (a new dict on every access)."""
        return {
            "name": self.tool_name,
            "description": (
                "Transfer the call to a human agent. Use when the user requests a human, "
                "or when you cannot resolve their issue."
            ),
            "parameters": {
                "type": "object",
                "properties": {
                    "reason": {
                        "type": "string",
                        "description": "Brief reason for the transfer",
                    },
                },
                "required": ["reason"],
            },
        }

    @property
    def instructions(self) -> str:
        """Text for the system prompt telling the LLM when to use the tool."""
        return (
            "If the user asks for a human, a manager or a real person, or if you cannot resolve "
            f"their issue, use the {self.tool_name} tool. Briefly explain that you are "
            "transferring them before you call it."
        )

    def handle(self, session: ToolSession, event: ToolCall) -> str:
        """Say the hold message, transfer, answer ``{"status": "transferring"}``; return reason."""
        reason = _text_argument(event, "reason") or "user requested transfer"
        destination = self.destination
        if isinstance(destination, str) and not destination.strip():
            destination = ()
        if not destination:
            session.send_tool_error(event.id, "No transfer destination configured")
            return ""
        if self.hold_message:
            session.speak(self.hold_message)
        session.transfer(
            destination if isinstance(destination, str) else list(destination),
            dial_mode=self.dial_mode,
            timeout=self.timeout,
        )
        session.send_tool_result(event.id, {"status": "transferring", "reason": reason})
        return reason


# --- agent (server-side) tools ---------------------------------------------------------------


class _AgentTool(abc.ABC):
    """Shared ``definition`` and ``prompt_hint`` for the ``collect_*`` tools."""

    __slots__ = ()

    _TYPE: ClassVar[str]
    _SUBJECT: ClassVar[str]

    tool_name: str

    @abc.abstractmethod
    def _config(self) -> dict[str, Any]:
        """The ``config`` object of :attr:`definition`."""

    def _subject(self) -> str:
        return self._SUBJECT

    @property
    def definition(self) -> dict[str, Any]:
        """The entry for the agent's ``agent_tools`` list (a new dict on every access)."""
        return {"type": self._TYPE, "config": self._config()}

    @property
    def prompt_hint(self) -> str:
        """Text for the system prompt telling the LLM when to use the tool."""
        return f"When you need the user's {self._subject()}, use the {self.tool_name} tool."


def _put_if(config: dict[str, Any], key: str, value: str | None) -> None:
    """Add an optional text setting only when it is set (non-empty)."""
    if value:
        config[key] = value


@attrs.frozen(kw_only=True)
class CollectEmail(_AgentTool):
    """Server-side sub-agent that collects (and confirms) an email address."""

    _TYPE: ClassVar[str] = "collect_email"
    _SUBJECT: ClassVar[str] = "email"
    _DEFAULT_ON_ENTER: ClassVar[str] = "Ask the user to provide their email address."

    tool_name: str = attrs.field(default="collect_email", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect an email address from the user.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "require_confirmation": self.require_confirmation,
            "on_enter_message": self.on_enter_message or self._DEFAULT_ON_ENTER,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectAddress(_AgentTool):
    """Server-side sub-agent that collects (and confirms) a mailing address."""

    _TYPE: ClassVar[str] = "collect_address"
    _SUBJECT: ClassVar[str] = "address"
    _DEFAULT_ON_ENTER: ClassVar[str] = "Ask the user to provide their mailing address."

    tool_name: str = attrs.field(default="collect_address", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect a mailing address from the user.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "require_confirmation": self.require_confirmation,
            "on_enter_message": self.on_enter_message or self._DEFAULT_ON_ENTER,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectPhone(_AgentTool):
    """Server-side sub-agent that collects (and confirms) a phone number (E.164 result)."""

    _TYPE: ClassVar[str] = "collect_phone"
    _SUBJECT: ClassVar[str] = "phone number"
    _DEFAULT_ON_ENTER: ClassVar[str] = "Ask the user to provide their phone number."

    tool_name: str = attrs.field(default="collect_phone", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect a phone number from the user.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    extra_instructions: str = attrs.field(default="", validator=_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "require_confirmation": self.require_confirmation,
            "on_enter_message": self.on_enter_message or self._DEFAULT_ON_ENTER,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "extra_instructions", self.extra_instructions)
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectName(_AgentTool):
    """Server-side sub-agent that collects the user's name (first, and optionally middle/last)."""

    _TYPE: ClassVar[str] = "collect_name"
    _SUBJECT: ClassVar[str] = "name"

    first_name: bool = attrs.field(default=True, validator=_bool)
    last_name: bool = attrs.field(default=False, validator=_bool)
    middle_name: bool = attrs.field(default=False, validator=_bool)
    name_format: str | None = attrs.field(default=None, validator=_optional_str)
    verify_spelling: bool = attrs.field(default=False, validator=_bool)
    tool_name: str = attrs.field(default="collect_name", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect the user's name.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    extra_instructions: str = attrs.field(default="", validator=_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "middle_name": self.middle_name,
            "verify_spelling": self.verify_spelling,
            "require_confirmation": self.require_confirmation,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "name_format", self.name_format)
        _put_if(config, "on_enter_message", self.on_enter_message)
        _put_if(config, "extra_instructions", self.extra_instructions)
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectDOB(_AgentTool):
    """Server-side sub-agent that collects the user's date of birth (optionally with time)."""

    _TYPE: ClassVar[str] = "collect_dob"
    _SUBJECT: ClassVar[str] = "date of birth"

    include_time: bool = attrs.field(default=False, validator=_bool)
    tool_name: str = attrs.field(default="collect_dob", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect the user's date of birth.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    extra_instructions: str = attrs.field(default="", validator=_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "include_time": self.include_time,
            "require_confirmation": self.require_confirmation,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "on_enter_message", self.on_enter_message)
        _put_if(config, "extra_instructions", self.extra_instructions)
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectDigits(_AgentTool):
    """Server-side sub-agent that collects a run of digits (a PIN, account number, ...)."""

    _TYPE: ClassVar[str] = "collect_digits"

    num_digits: int = attrs.field(default=0, validator=_non_negative_int)
    """How many digits to collect; ``0`` leaves the length open."""

    label: str = attrs.field(default="digits", validator=_non_empty_str)
    """What the digits are, e.g. ``"account number"``; used in the default texts and hint."""

    tool_name: str = attrs.field(default="collect_digits", validator=_non_empty_str)
    tool_description: str | None = attrs.field(default=None, validator=_optional_str)
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    instructions: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=60.0, validator=_positive_seconds)

    def _subject(self) -> str:
        return self.label

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description or f"Collect {self.label} from the user.",
            "num_digits": self.num_digits,
            "label": self.label,
            "require_confirmation": self.require_confirmation,
            "on_enter_message": (
                self.on_enter_message or f"Ask the user to provide their {self.label}."
            ),
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "instructions", self.instructions)
        return config


@attrs.frozen(kw_only=True)
class CollectCreditCard(_AgentTool):
    """Server-side sub-agent that collects credit card details (number, expiry, security code)."""

    _TYPE: ClassVar[str] = "collect_credit_card"
    _SUBJECT: ClassVar[str] = "credit card"

    tool_name: str = attrs.field(default="collect_credit_card", validator=_non_empty_str)
    tool_description: str = attrs.field(
        default="Collect credit card details from the user.", validator=_non_empty_str
    )
    require_confirmation: bool = attrs.field(default=True, validator=_bool)
    on_enter_message: str | None = attrs.field(default=None, validator=_optional_str)
    timeout_s: float = attrs.field(default=120.0, validator=_positive_seconds)

    def _config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "tool_name": self.tool_name,
            "tool_description": self.tool_description,
            "require_confirmation": self.require_confirmation,
            "timeout_s": float(self.timeout_s),
        }
        _put_if(config, "on_enter_message", self.on_enter_message)
        return config
