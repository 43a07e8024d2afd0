"""The WebSocket layer's JSON codec gives json.dumps/json.loads's results and errors, cheaper."""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from typing import Any

import pytest

from plivo_agentstack.agent import _codec
from plivo_agentstack.agent._codec import decode_frame, encode_message
from plivo_agentstack.agent._outbox import Outbox
from plivo_agentstack.agent._workers import loop_callbacks
from plivo_agentstack.agent.session import Session

MESSAGES: list[Any] = [
    {},
    {"event": "playAudio", "media": {"contentType": "audio/x-mulaw", "sampleRate": 8000}},
    {"type": "tool.result", "id": "t1", "result": [1, 2.5, None, True, False, "é", "\u2028"]},
    {"type": "text", "token": 'quote " back\\slash \n tab\t', "last": False},
    {"k": {"nested": [{"deep": [[]]}], "big": 10**30, "neg": -0.0, "e": 1e-300}},
    OrderedDict([("b", 1), ("a", 2)]),  # key order kept, not sorted
    {1: "int key", 2.5: "float key", False: "bool key", None: "null key"},
    {"emoji": "\U0001f600", "control": "\x00\x1f"},
]


@pytest.fixture(params=["c", "python"])
def encoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both encoders: the C one made once, and the fallback without the C accelerator."""
    if request.param == "python":
        monkeypatch.setattr(_codec, "_C_ENCODER", None)
    else:
        assert _codec._C_ENCODER is not None, "CPython has json's C encoder"
    return str(request.param)


@pytest.mark.parametrize("message", MESSAGES)
def test_encode_matches_json_dumps(encoder: str, message: Any) -> None:
    expected = json.dumps(message, separators=(",", ":"), allow_nan=False)
    assert encode_message(message) == expected
    assert encode_message(message).isascii()


@pytest.mark.parametrize(
    ("message", "detail"),
    [
        ({"x": {1, 2}}, "Object of type set is not JSON serializable"),
        ({"x": float("nan")}, "Out of range float values are not JSON compliant"),
        ({"x": float("inf")}, "Out of range float values are not JSON compliant"),
        ({(1, 2): "tuple key"}, "keys must be str, int, float, bool or None"),
    ],
)
def test_encode_errors_are_type_errors_naming_the_problem(
    encoder: str, message: Any, detail: str
) -> None:
    with pytest.raises(TypeError, match="message is not JSON-serialisable") as caught:
        encode_message(message)
    assert detail in str(caught.value)


def test_a_message_that_refers_to_itself_is_a_type_error(encoder: str) -> None:
    looped: dict[str, Any] = {"type": "tool.result"}
    looped["result"] = {"again": looped}
    with pytest.raises(TypeError, match="not JSON-serialisable"):
        encode_message(looped)
    listed: list[Any] = []
    listed.append(listed)
    with pytest.raises(TypeError, match="not JSON-serialisable"):
        encode_message({"x": listed})
    # the encoder keeps no state from a failure: the same shapes encode afterwards
    assert encode_message({"x": [[1]], "y": {"z": 2}}) == '{"x":[[1]],"y":{"z":2}}'


def test_encode_is_safe_from_many_threads(encoder: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    shared = {"type": "tool.result", "id": "t", "result": {"rows": [{"n": i} for i in range(50)]}}
    expected = json.dumps(shared, separators=(",", ":"))
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: encode_message(shared), range(400)))
    assert set(results) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        '{"event":"media","media":{"payload":"AAAA"}}',
        '  {"a": 1}',  # leading whitespace
        '{"a": 1}\n',  # trailing whitespace
        '\t{"a": [1, 2.5, null, true, "\\u00e9"]} \r\n',
        "[]",
        '"just a string"',
        "12",
    ],
)
def test_decode_matches_json_loads(text: str) -> None:
    assert decode_frame(text) == json.loads(text)
    for encoding in ("utf-8", "utf-16"):  # bytes: json.loads's own encoding detection
        assert decode_frame(text.encode(encoding)) == json.loads(text)
    assert decode_frame(bytearray(text, "utf-8")) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "{", '{"a": 1} {"b": 2}', '{"a": 1}x', "{'a': 1}", '{"a": NaNa}', "nul"],
)
def test_decode_errors_are_json_loads_errors(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as caught:
        decode_frame(text)
    assert str(caught.value) == str(expected.value)


def test_decode_deep_nesting_raises_recursion_error_like_json_loads() -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        decode_frame(text)


def test_session_rejects_an_unserialisable_message_and_queues_nothing() -> None:
    loop = asyncio.new_event_loop()
    try:
        outbox = Outbox(loop_callbacks(loop))
        session = Session(outbox)
        looped: dict[str, Any] = {}
        looped["self"] = looped
        for bad in ({"type": "x", "v": {1}}, {"type": "x", "v": looped}):
            with pytest.raises(TypeError, match="not JSON-serialisable"):
                session.send_raw(bad)
        with pytest.raises(TypeError, match="not JSON-serialisable"):
            session.send_tool_result("t1", object())
        assert len(outbox) == 0
        session.send_tool_result("t1", {"ok": True})
        assert outbox.take() == ['{"type":"tool.result","id":"t1","result":{"ok":true}}']
    finally:
        loop.close()
