"""Tests for the prebuilt voice-agent tools (schemas, prompt texts, handle() message order)."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from plivo_agentstack.agent.tools import (
    CollectAddress,
    CollectCreditCard,
    CollectDigits,
    CollectDOB,
    CollectEmail,
    CollectName,
    CollectPhone,
    EndCall,
    SendDtmf,
    WarmTransfer,
)

# --- test doubles -----------------------------------------------------------------------------

HAVE_EVENTS = importlib.util.find_spec("plivo_agentstack.agent.events") is not None


@dataclass
class _StandInToolCall:
    """Temporary stand-in for ``events.ToolCall``; used only while that module does not exist."""

    id: str
    name: str
    arguments: Any = field(default_factory=dict)


def make_tool_call(name: str, arguments: Any = None, id: str = "call-1") -> Any:
    """A ``tool.called`` event: the real ``ToolCall`` when available, else the stand-in."""
    args = {} if arguments is None else arguments
    if HAVE_EVENTS:
        from plivo_agentstack.agent.events import ToolCall

        return ToolCall(id=id, name=name, arguments=args)
    return _StandInToolCall(id=id, name=name, arguments=args)


@dataclass
class _Misbehaving:
    """A ToolCall-shaped object with arbitrary (possibly non-dict) arguments."""

    id: str
    name: str
    arguments: Any


class RecordingSession:
    """Records every session call as ``(method, args, kwargs)`` in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def speak(self, text: str) -> None:
        self.calls.append(("speak", (text,), {}))

    def send_tool_result(self, tool_call_id: str, result: Any) -> None:
        self.calls.append(("send_tool_result", (tool_call_id, result), {}))

    def send_tool_error(self, tool_call_id: str, error: str) -> None:
        self.calls.append(("send_tool_error", (tool_call_id, error), {}))

    def hangup(self) -> None:
        self.calls.append(("hangup", (), {}))

    def send_dtmf(self, digits: str) -> None:
        self.calls.append(("send_dtmf", (digits,), {}))

    def transfer(
        self,
        destination: str | Sequence[str],
        *,
        dial_mode: str = "parallel",
        timeout: int = 30,
        caller_id: str | None = None,
    ) -> None:
        kwargs: dict[str, Any] = {"dial_mode": dial_mode, "timeout": timeout}
        if caller_id is not None:
            kwargs["caller_id"] = caller_id
        self.calls.append(("transfer", (destination,), kwargs))

    @property
    def methods(self) -> list[str]:
        return [method for method, _, _ in self.calls]


# --- EndCall ----------------------------------------------------------------------------------

END_CALL_SCHEMA = {
    "name": "end_call",
    "description": (
        "End the call. Use when the conversation is complete, the user says goodbye, "
        "or there is nothing more to discuss."
    ),
    "parameters": {
        "type": "object",
        "properties": {
            "reason": {"type": "string", "description": "Brief reason for ending the call"},
        },
        "required": [],
    },
}


def test_end_call_schema_and_instructions() -> None:
    tool = EndCall()
    assert tool.tool == END_CALL_SCHEMA
    assert tool.tool_name == "end_call"
    assert tool.goodbye_message == "Thank you for calling. Goodbye!"
    assert tool.instructions == (
        "When the conversation is complete or the user wants to end the call, "
        "use the end_call tool. Never end the conversation without calling end_call first."
    )


def test_end_call_with_reason() -> None:
    session = RecordingSession()
    event = make_tool_call("end_call", {"reason": "user said bye"}, id="c7")
    assert EndCall().handle(session, event) == "user said bye"
    assert session.calls == [
        ("speak", ("Thank you for calling. Goodbye!",), {}),
        ("send_tool_result", ("c7", {"status": "ending", "reason": "user said bye"}), {}),
        ("hangup", (), {}),
    ]


@pytest.mark.parametrize("arguments", [{}, {"reason": ""}, {"reason": "  "}, {"reason": 3}])
def test_end_call_without_reason(arguments: dict[str, Any]) -> None:
    session = RecordingSession()
    result = EndCall("Bye now").handle(session, make_tool_call("end_call", arguments))
    assert result == "conversation complete"
    assert session.calls == [
        ("speak", ("Bye now",), {}),
        (
            "send_tool_result",
            ("call-1", {"status": "ending", "reason": "conversation complete"}),
            {},
        ),
        ("hangup", (), {}),
    ]


def test_end_call_empty_goodbye_skips_speech() -> None:
    session = RecordingSession()
    EndCall(goodbye_message="").handle(session, make_tool_call("end_call"))
    assert session.methods == ["send_tool_result", "hangup"]


@pytest.mark.parametrize("arguments", [None, "not a dict", ["reason"], 42])
def test_end_call_tolerates_non_dict_arguments(arguments: Any) -> None:
    session = RecordingSession()
    event = _Misbehaving(id="c1", name="end_call", arguments=arguments)
    assert EndCall().handle(session, event) == "conversation complete"  # type: ignore[arg-type]
    assert session.methods == ["speak", "send_tool_result", "hangup"]


# --- SendDtmf ---------------------------------------------------------------------------------

SEND_DTMF_SCHEMA = {
    "name": "send_dtmf",
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


def test_send_dtmf_schema_and_instructions() -> None:
    tool = SendDtmf()
    assert tool.tool == SEND_DTMF_SCHEMA
    assert tool.tool_name == "send_dtmf"
    assert tool.instructions == (
        "You can press phone keys with the send_dtmf tool. When you reach an automated "
        "phone menu (IVR), listen to the options and send the digits for the one you need."
    )


def test_send_dtmf_sends_digits() -> None:
    session = RecordingSession()
    event = make_tool_call("send_dtmf", {"digits": "123#"}, id="d1")
    assert SendDtmf().handle(session, event) == "123#"
    assert session.calls == [
        ("send_dtmf", ("123#",), {}),
        ("send_tool_result", ("d1", {"status": "sent", "digits": "123#"}), {}),
    ]


@pytest.mark.parametrize("arguments", [{}, {"digits": ""}, {"digits": "   "}, {"digits": 5}])
def test_send_dtmf_without_digits(arguments: dict[str, Any]) -> None:
    session = RecordingSession()
    event = make_tool_call("send_dtmf", arguments, id="d2")
    assert SendDtmf().handle(session, event) == ""
    assert session.calls == [("send_tool_error", ("d2", "No digits provided"), {})]


def test_send_dtmf_non_dict_arguments() -> None:
    session = RecordingSession()
    event = _Misbehaving(id="d3", name="send_dtmf", arguments="123")
    assert SendDtmf().handle(session, event) == ""  # type: ignore[arg-type]
    assert session.calls == [("send_tool_error", ("d3", "No digits provided"), {})]


# --- WarmTransfer -----------------------------------------------------------------------------


def warm_transfer_schema(name: str = "transfer_to_human") -> dict[str, Any]:
    return {
        "name": name,
        "description": (
            "Transfer the call to a human agent. Use when the user requests a human, "
            "or when you cannot resolve their issue."
        ),
        "parameters": {
            "type": "object",
            "properties": {
                "reason": {"type": "string", "description": "Brief reason for the transfer"},
            },
            "required": ["reason"],
        },
    }


def warm_transfer_instructions(name: str = "transfer_to_human") -> str:
    return (
        "If the user asks for a human, a manager or a real person, or if you cannot resolve "
        f"their issue, use the {name} tool. Briefly explain that you are transferring them "
        "before you call it."
    )


HOLD = "Let me connect you with a specialist. One moment please."


def test_warm_transfer_defaults() -> None:
    tool = WarmTransfer()
    assert tool.destination == ""
    assert tool.hold_message == HOLD
    assert tool.dial_mode == "parallel"
    assert tool.timeout == 30
    assert tool.tool_name == "transfer_to_human"
    assert tool.tool == warm_transfer_schema()
    assert tool.instructions == warm_transfer_instructions()


def test_warm_transfer_custom_tool_name() -> None:
    tool = WarmTransfer("+15550001111", tool_name="escalate")
    assert tool.tool == warm_transfer_schema("escalate")
    assert tool.instructions == warm_transfer_instructions("escalate")
    assert "transfer_to_human" not in tool.instructions
    assert tool.match(make_tool_call("escalate"))
    assert not tool.match(make_tool_call("transfer_to_human"))


def test_warm_transfer_string_destination() -> None:
    session = RecordingSession()
    tool = WarmTransfer(destination="+15550001111")
    event = make_tool_call("transfer_to_human", {"reason": "wants a manager"}, id="t1")
    assert tool.handle(session, event) == "wants a manager"
    assert session.calls == [
        ("speak", (HOLD,), {}),
        ("transfer", ("+15550001111",), {"dial_mode": "parallel", "timeout": 30}),
        ("send_tool_result", ("t1", {"status": "transferring", "reason": "wants a manager"}), {}),
    ]


def test_warm_transfer_list_destination_with_options() -> None:
    session = RecordingSession()
    targets = ["+15550001111", "sip:support@example.com"]
    tool = WarmTransfer(targets, hold_message="Hold on.", dial_mode="sequential", timeout=15)
    targets.append("+15559999999")  # later changes to the caller's list are not picked up
    assert tool.handle(session, make_tool_call("transfer_to_human")) == "user requested transfer"
    assert session.calls == [
        ("speak", ("Hold on.",), {}),
        (
            "transfer",
            (["+15550001111", "sip:support@example.com"],),
            {"dial_mode": "sequential", "timeout": 15},
        ),
        (
            "send_tool_result",
            ("call-1", {"status": "transferring", "reason": "user requested transfer"}),
            {},
        ),
    ]


def test_warm_transfer_tuple_destination_is_passed_as_list() -> None:
    session = RecordingSession()
    WarmTransfer(("+15550001111",)).handle(session, make_tool_call("transfer_to_human"))
    assert session.calls[1] == (
        "transfer",
        (["+15550001111"],),
        {"dial_mode": "parallel", "timeout": 30},
    )


@pytest.mark.parametrize("destination", ["", "   ", [], (), None])
def test_warm_transfer_without_destination(destination: Any) -> None:
    session = RecordingSession()
    tool = WarmTransfer(destination=destination)
    event = make_tool_call("transfer_to_human", {"reason": "help"}, id="t2")
    assert tool.handle(session, event) == ""
    # No hold message: nothing would follow it.
    assert session.calls == [("send_tool_error", ("t2", "No transfer destination configured"), {})]


def test_warm_transfer_without_hold_message() -> None:
    session = RecordingSession()
    tool = WarmTransfer("+15550001111", hold_message="")
    tool.handle(session, make_tool_call("transfer_to_human", {"reason": "x"}))
    assert session.methods == ["transfer", "send_tool_result"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"dial_mode": "random"}, "dial_mode must be 'parallel' or 'sequential'"),
        ({"dial_mode": "Parallel"}, "dial_mode must be 'parallel' or 'sequential'"),
        ({"timeout": 0}, "timeout must be a positive int"),
        ({"timeout": -5}, "timeout must be a positive int"),
        ({"timeout": 2.5}, "timeout must be a positive int"),
        ({"timeout": True}, "timeout must be a positive int"),
        ({"timeout": "30"}, "timeout must be a positive int"),
        ({"tool_name": ""}, "tool_name must be a non-empty string"),
        ({"tool_name": "  "}, "tool_name must be a non-empty string"),
        ({"tool_name": None}, "tool_name must be a non-empty string"),
        ({"hold_message": None}, "hold_message must be a string"),
        ({"destination": 15550001111}, "destination must be a string or a sequence of strings"),
        ({"destination": b"+1555"}, "destination must be a string or a sequence of strings"),
        ({"destination": ["+1555", ""]}, "every destination must be a non-empty string"),
        ({"destination": ["+1555", 7]}, "every destination must be a non-empty string"),
    ],
)
def test_warm_transfer_validation(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        WarmTransfer(**kwargs)


def test_end_call_validation() -> None:
    with pytest.raises(ValueError, match="goodbye_message must be a string"):
        EndCall(goodbye_message=None)  # type: ignore[arg-type]


# --- shared behaviour of the simple tools -----------------------------------------------------


SIMPLE_TOOLS = [
    pytest.param(EndCall(), "end_call", id="EndCall"),
    pytest.param(SendDtmf(), "send_dtmf", id="SendDtmf"),
    pytest.param(WarmTransfer("+15550001111"), "transfer_to_human", id="WarmTransfer"),
]


@pytest.mark.parametrize(("tool", "name"), SIMPLE_TOOLS)
def test_match(tool: Any, name: str) -> None:
    assert tool.match(make_tool_call(name))
    assert tool.match(make_tool_call(name, {"anything": 1}))
    assert not tool.match(make_tool_call("other_tool"))
    assert not tool.match(make_tool_call(name.upper()))
    assert not tool.match(None)
    assert not tool.match({"type": "tool.called", "id": "c1", "name": name, "arguments": {}})
    assert not tool.match(name)
    assert not tool.match(object())


@pytest.mark.parametrize(("tool", "name"), SIMPLE_TOOLS)
def test_match_ignores_other_events_with_a_name(tool: Any, name: str) -> None:
    @dataclass
    class Checkpoint:  # shaped like an audio-stream ``playedStream`` event
        name: str
        stream_id: str = "s1"

    assert not tool.match(Checkpoint(name=name))
    if HAVE_EVENTS:
        from plivo_agentstack.agent.events import PlayedStream

        assert not tool.match(PlayedStream(name=name))


@pytest.mark.parametrize(("tool", "name"), SIMPLE_TOOLS)
def test_tool_schema_is_a_fresh_copy(tool: Any, name: str) -> None:
    first = tool.tool
    expected = tool.tool
    assert first is not expected
    first["name"] = "hacked"
    first["parameters"]["properties"].clear()
    first["parameters"]["required"].append("x")
    assert tool.tool == expected
    assert tool.tool["name"] == name


def test_simple_tools_are_immutable() -> None:
    tool = WarmTransfer("+15550001111")
    with pytest.raises(AttributeError):
        tool.timeout = 0  # type: ignore[misc]


# --- agent tools ------------------------------------------------------------------------------


def test_collect_email() -> None:
    assert CollectEmail().definition == {
        "type": "collect_email",
        "config": {
            "tool_name": "collect_email",
            "tool_description": "Collect an email address from the user.",
            "require_confirmation": True,
            "on_enter_message": "Ask the user to provide their email address.",
            "timeout_s": 60.0,
        },
    }
    tool = CollectEmail(
        tool_name="get_email",
        tool_description="Get the email.",
        require_confirmation=False,
        on_enter_message="What's your email?",
        instructions="Spell it back.",
        timeout_s=30,
    )
    assert tool.definition == {
        "type": "collect_email",
        "config": {
            "tool_name": "get_email",
            "tool_description": "Get the email.",
            "require_confirmation": False,
            "on_enter_message": "What's your email?",
            "timeout_s": 30.0,
            "instructions": "Spell it back.",
        },
    }
    assert (
        CollectEmail().prompt_hint == "When you need the user's email, use the collect_email tool."
    )
    assert tool.prompt_hint == "When you need the user's email, use the get_email tool."


def test_collect_address() -> None:
    assert CollectAddress().definition == {
        "type": "collect_address",
        "config": {
            "tool_name": "collect_address",
            "tool_description": "Collect a mailing address from the user.",
            "require_confirmation": True,
            "on_enter_message": "Ask the user to provide their mailing address.",
            "timeout_s": 60.0,
        },
    }
    tool = CollectAddress(
        tool_name="get_address",
        tool_description="Get the address.",
        require_confirmation=False,
        on_enter_message="Where do you live?",
        instructions="US addresses only.",
        timeout_s=90.0,
    )
    assert tool.definition["config"] == {
        "tool_name": "get_address",
        "tool_description": "Get the address.",
        "require_confirmation": False,
        "on_enter_message": "Where do you live?",
        "timeout_s": 90.0,
        "instructions": "US addresses only.",
    }
    assert CollectAddress().prompt_hint == (
        "When you need the user's address, use the collect_address tool."
    )


def test_collect_phone() -> None:
    assert CollectPhone().definition == {
        "type": "collect_phone",
        "config": {
            "tool_name": "collect_phone",
            "tool_description": "Collect a phone number from the user.",
            "require_confirmation": True,
            "on_enter_message": "Ask the user to provide their phone number.",
            "timeout_s": 60.0,
        },
    }
    tool = CollectPhone(
        tool_name="get_phone",
        tool_description="Get a callback number.",
        require_confirmation=False,
        on_enter_message="What number can we reach you at?",
        extra_instructions="Assume US if no country code.",
        instructions="Be brief.",
        timeout_s=45,
    )
    assert tool.definition["config"] == {
        "tool_name": "get_phone",
        "tool_description": "Get a callback number.",
        "require_confirmation": False,
        "on_enter_message": "What number can we reach you at?",
        "timeout_s": 45.0,
        "extra_instructions": "Assume US if no country code.",
        "instructions": "Be brief.",
    }
    assert CollectPhone().prompt_hint == (
        "When you need the user's phone number, use the collect_phone tool."
    )


def test_collect_name() -> None:
    assert CollectName().definition == {
        "type": "collect_name",
        "config": {
            "tool_name": "collect_name",
            "tool_description": "Collect the user's name.",
            "first_name": True,
            "last_name": False,
            "middle_name": False,
            "verify_spelling": False,
            "require_confirmation": True,
            "timeout_s": 60.0,
        },
    }
    tool = CollectName(
        first_name=True,
        last_name=True,
        middle_name=True,
        name_format="{last}, {first}",
        verify_spelling=True,
        tool_name="get_name",
        tool_description="Get the full name.",
        require_confirmation=False,
        on_enter_message="May I have your full name?",
        extra_instructions="Ask for spelling of unusual names.",
        instructions="Be polite.",
        timeout_s=75,
    )
    assert tool.definition["config"] == {
        "tool_name": "get_name",
        "tool_description": "Get the full name.",
        "first_name": True,
        "last_name": True,
        "middle_name": True,
        "verify_spelling": True,
        "require_confirmation": False,
        "timeout_s": 75.0,
        "name_format": "{last}, {first}",
        "on_enter_message": "May I have your full name?",
        "extra_instructions": "Ask for spelling of unusual names.",
        "instructions": "Be polite.",
    }
    assert CollectName().prompt_hint == "When you need the user's name, use the collect_name tool."


def test_collect_dob() -> None:
    assert CollectDOB().definition == {
        "type": "collect_dob",
        "config": {
            "tool_name": "collect_dob",
            "tool_description": "Collect the user's date of birth.",
            "include_time": False,
            "require_confirmation": True,
            "timeout_s": 60.0,
        },
    }
    tool = CollectDOB(
        include_time=True,
        tool_name="get_dob",
        tool_description="Get the birth date.",
        require_confirmation=False,
        on_enter_message="When were you born?",
        extra_instructions="Accept any date format.",
        instructions="Be brief.",
        timeout_s=20.5,
    )
    assert tool.definition["config"] == {
        "tool_name": "get_dob",
        "tool_description": "Get the birth date.",
        "include_time": True,
        "require_confirmation": False,
        "timeout_s": 20.5,
        "on_enter_message": "When were you born?",
        "extra_instructions": "Accept any date format.",
        "instructions": "Be brief.",
    }
    assert CollectDOB().prompt_hint == (
        "When you need the user's date of birth, use the collect_dob tool."
    )


def test_collect_digits() -> None:
    assert CollectDigits().definition == {
        "type": "collect_digits",
        "config": {
            "tool_name": "collect_digits",
            "tool_description": "Collect digits from the user.",
            "num_digits": 0,
            "label": "digits",
            "require_confirmation": True,
            "on_enter_message": "Ask the user to provide their digits.",
            "timeout_s": 60.0,
        },
    }
    assert CollectDigits().prompt_hint == (
        "When you need the user's digits, use the collect_digits tool."
    )
    labelled = CollectDigits(num_digits=4, label="PIN", tool_name="get_pin")
    assert labelled.definition["config"] == {
        "tool_name": "get_pin",
        "tool_description": "Collect PIN from the user.",
        "num_digits": 4,
        "label": "PIN",
        "require_confirmation": True,
        "on_enter_message": "Ask the user to provide their PIN.",
        "timeout_s": 60.0,
    }
    assert labelled.prompt_hint == "When you need the user's PIN, use the get_pin tool."
    full = CollectDigits(
        num_digits=10,
        label="account number",
        tool_name="get_account",
        tool_description="Get the account number.",
        require_confirmation=False,
        on_enter_message="What is your account number?",
        instructions="It is on the bill.",
        timeout_s=30,
    )
    assert full.definition["config"] == {
        "tool_name": "get_account",
        "tool_description": "Get the account number.",
        "num_digits": 10,
        "label": "account number",
        "require_confirmation": False,
        "on_enter_message": "What is your account number?",
        "timeout_s": 30.0,
        "instructions": "It is on the bill.",
    }
    assert not hasattr(CollectDigits, "DEFAULT_ON_ENTER")


def test_collect_credit_card() -> None:
    assert CollectCreditCard().definition == {
        "type": "collect_credit_card",
        "config": {
            "tool_name": "collect_credit_card",
            "tool_description": "Collect credit card details from the user.",
            "require_confirmation": True,
            "timeout_s": 120.0,
        },
    }
    tool = CollectCreditCard(
        tool_name="get_card",
        tool_description="Get the card.",
        require_confirmation=False,
        on_enter_message="Please have your card ready.",
        timeout_s=180,
    )
    assert tool.definition["config"] == {
        "tool_name": "get_card",
        "tool_description": "Get the card.",
        "require_confirmation": False,
        "timeout_s": 180.0,
        "on_enter_message": "Please have your card ready.",
    }
    assert CollectCreditCard().prompt_hint == (
        "When you need the user's credit card, use the collect_credit_card tool."
    )


@pytest.mark.parametrize("cls", [CollectName, CollectDOB, CollectPhone])
def test_empty_optional_texts_are_omitted(cls: Any) -> None:
    config = cls(on_enter_message="", extra_instructions="", instructions="").definition["config"]
    assert "extra_instructions" not in config
    assert "instructions" not in config
    if cls is not CollectPhone:
        assert "on_enter_message" not in config


AGENT_TOOL_CLASSES = [
    CollectEmail,
    CollectAddress,
    CollectPhone,
    CollectName,
    CollectDOB,
    CollectDigits,
    CollectCreditCard,
]


@pytest.mark.parametrize("cls", AGENT_TOOL_CLASSES)
def test_definition_is_a_fresh_dict(cls: Any) -> None:
    tool = cls()
    first = tool.definition
    expected = tool.definition
    assert first is not expected
    assert first["config"] is not expected["config"]
    first["config"]["tool_name"] = "hacked"
    first["type"] = "hacked"
    assert tool.definition == expected


@pytest.mark.parametrize("cls", [CollectEmail, CollectAddress, CollectDigits, CollectCreditCard])
def test_extra_instructions_not_accepted(cls: Any) -> None:
    with pytest.raises(TypeError):
        cls(extra_instructions="x")


def test_credit_card_does_not_accept_instructions() -> None:
    with pytest.raises(TypeError):
        CollectCreditCard(instructions="x")  # type: ignore[call-arg]


@pytest.mark.parametrize("cls", AGENT_TOOL_CLASSES)
def test_agent_tools_are_keyword_only(cls: Any) -> None:
    with pytest.raises(TypeError):
        cls("positional")


@pytest.mark.parametrize(
    ("cls", "kwargs", "message"),
    [
        (CollectEmail, {"tool_name": ""}, "CollectEmail: tool_name must be a non-empty string"),
        (CollectEmail, {"tool_description": ""}, "tool_description must be a non-empty string"),
        (CollectEmail, {"timeout_s": 0}, "timeout_s must be a positive number"),
        (CollectEmail, {"timeout_s": -1.0}, "timeout_s must be a positive number"),
        (CollectEmail, {"timeout_s": float("inf")}, "timeout_s must be a positive number"),
        (CollectEmail, {"timeout_s": float("nan")}, "timeout_s must be a positive number"),
        (CollectEmail, {"timeout_s": "60"}, "timeout_s must be a positive number"),
        (CollectEmail, {"timeout_s": True}, "timeout_s must be a positive number"),
        (CollectEmail, {"require_confirmation": "yes"}, "require_confirmation must be True"),
        (CollectAddress, {"on_enter_message": 5}, "on_enter_message must be a string or None"),
        (CollectPhone, {"extra_instructions": None}, "extra_instructions must be a string"),
        (CollectPhone, {"instructions": 1}, "instructions must be a string or None"),
        (CollectName, {"last_name": 1}, "last_name must be True or False"),
        (CollectName, {"name_format": 1}, "name_format must be a string or None"),
        (CollectDOB, {"include_time": None}, "include_time must be True or False"),
        (CollectDigits, {"num_digits": -1}, "num_digits must be an int >= 0"),
        (CollectDigits, {"num_digits": 4.0}, "num_digits must be an int >= 0"),
        (CollectDigits, {"label": ""}, "label must be a non-empty string"),
        (CollectDigits, {"tool_description": 3}, "tool_description must be a string or None"),
        (CollectCreditCard, {"timeout_s": 0}, "timeout_s must be a positive number"),
    ],
)
def test_agent_tool_validation(cls: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cls(**kwargs)


def test_all_exports() -> None:
    import plivo_agentstack.agent.tools as tools

    assert sorted(tools.__all__) == sorted(
        [
            "EndCall",
            "SendDtmf",
            "WarmTransfer",
            "CollectEmail",
            "CollectAddress",
            "CollectPhone",
            "CollectName",
            "CollectDOB",
            "CollectDigits",
            "CollectCreditCard",
        ]
    )
