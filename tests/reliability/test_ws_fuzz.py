"""WebSocket fuzzing: >10,000 frames against a real VoiceApp, standalone and under uvicorn.

Each test serves one ``VoiceApp`` on 127.0.0.1 (``tests.ws_helpers.running``) and plays a few
hundred calls against it, ``CONCURRENCY`` at a time. Every call is planned up front from a
seeded ``random.Random`` (``WS_FUZZ_SEED=<n>`` replays a run; the seed is in every failure
message). A call starts with a realistic ``session.started`` and/or audio-stream ``start``
carrying its call id, then sends a random mix of:

- valid events: ``media`` (most of them), ``tool.called`` with unique ids, ``user.transcription``
  partials and finals, ``dtmf`` / ``user.dtmf``, ``playedStream`` / ``clearedAudio``, one
  realistic frame of every other platform event, unknown types, odd-but-valid JSON;
- malformed frames: bad JSON, JSON that is not an object, objects without a usable
  ``type``/``event``, binary frames (``InvalidFrameError`` each);
- valid types with wrong-typed fields: the handled types make their handler raise
  ``FuzzError``; the unhandled ones only reach the catch-all;
- huge frames at and just under the server's frame limit (``VoiceApp.max_frame_size``, which
  the ASGI app enforces too; uvicorn's own ``ws_max_size`` is larger).

and ends in one of these ways: ``session.ended`` or ``stop`` (the app closes with 1000), a
normal client close, a frame above the limit (1009), a protocol violation (bad UTF-8: 1007,
unmasked / reserved opcode / RSV bits: 1002), or an abrupt cut: TCP reset
(``transport.abort()``), TCP close without a closing handshake, or either in the middle of a frame.

Checked, per call and overall:

- the app answers every valid ``tool.called`` (sync handler, worker thread) and every final
  transcription (async handler) of a call that was not cut, in order; on a cut call the answers
  are a prefix of that;
- on the server, a call that was not cut (or was cut only after all its answers came back) saw
  exactly its dispatchable frames in the catch-all, one ``InvalidFrameError`` per malformed
  frame and one ``FuzzError`` per wrong-typed frame, and nothing else; cut calls report at most
  that, plus failed sends and messages refused because the call had ended;
- ``on_connect`` and ``on_disconnect`` run exactly once for every connection, whatever ended it;
- no error is logged, a fresh call afterwards works end to end, and once the server is closed
  the asyncio tasks and threads are back to what they were before the test.

The bugs the fuzzing found (a failed send reported more than once; ``max_frame_size`` ignored
under ASGI) are kept at the end as minimal regression tests.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import dataclasses
import inspect
import itertools
import json
import logging
import os
import random
import string
import threading
import time
import types
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from plivo_agentstack.agent import Session, VoiceApp
from plivo_agentstack.errors import InvalidFrameError, WebSocketError
from tests.test_events import PLATFORM_FRAMES, STREAM_FRAMES
from tests.ws_helpers import running, session_ended, session_started, tool_called

pytestmark = pytest.mark.anyio

SEED = int(os.environ.get("WS_FUZZ_SEED", "20250321"))
FRAMES_PER_MODE = 10_000  # two modes: 20,000+ frames per run of this file
CONCURRENCY = 32
NEAR_LIMIT_FRAMES = 5  # per mode, each at or just under the frame limit
OVERSIZED_CALLS = 3  # per mode, each ended by one frame above the limit
# Safety nets so that a broken server fails the test instead of hanging it; not speed checks.
SAFETY_TIMEOUT = 60.0
SETTLE_TIMEOUT = 15.0

NORMAL_ENDINGS = ("session.ended", "stop", "client_close")
CLOSE_CODE_ENDINGS = {"oversize": 1009, "bad_utf8": 1007, "unmasked": 1002, "bad_opcode": 1002}
CUT_ENDINGS = ("abort", "tcp_close", "midframe_abort", "midframe_close")
EXPECTED_CLOSE_CODE = {"session.ended": 1000, "stop": 1000, "client_close": 1000}
EXPECTED_CLOSE_CODE.update(CLOSE_CODE_ENDINGS)

# Types whose frames this module generates itself (their handlers check the fields); the
# realistic frames of every other type come from tests/test_events.py.
OWN_TYPES = {"session.started", "session.ended", "tool.called", "user.transcription", "user.dtmf"}
OWN_TYPES |= {"start", "media", "dtmf", "stop"}
REALISTIC = [frame for _, frame in PLATFORM_FRAMES if frame["type"] not in OWN_TYPES]
REALISTIC += [frame for _, frame, _ in STREAM_FRAMES if frame["event"] not in OWN_TYPES]
WORDS = "where is my order please cancel it yes no thanks refund agent billing".split()
DIGITS = "0123456789*#"
WRONG_VALUES: list[Any] = [None, 0, 7, -1.5, True, [], [1, "a"], {}, {"x": 1}]
ODD_TEXT = ["\u00fc", "\U0001f600", "\ud800", "\udfff", '"', "\\", "\x00", "\u2028", "</script>"]


class FuzzError(Exception):
    """Raised by this module's handlers for an event whose fields have the wrong types."""


def check(condition: bool, what: str) -> None:
    """Raise ``FuzzError(what)`` unless ``condition`` holds (field validation in handlers)."""
    if not condition:
        raise FuzzError(what)


# --- the app under test ---------------------------------------------------------------------


@dataclasses.dataclass
class CallRecord:
    """What the server saw of one connection (keyed by the token ``on_connect`` gave it)."""

    token: int
    call: str | None = None
    events: int = 0
    errors: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    disconnects: int = 0


class ServerSide:
    """A VoiceApp with sync and async handlers that records every connection's life."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.records: dict[int, CallRecord] = {}
        self.tokens = itertools.count()
        self.handler_threads: set[str] = set()  # where the sync tool handler ran
        self.app = VoiceApp()
        self._register(self.app)

    def record(self, session: Session) -> CallRecord:
        """The record of a session's connection."""
        return self.records[session.data["token"]]

    def _register(self, app: VoiceApp) -> None:
        @app.on_connect
        async def connected(session: Session) -> None:
            with self.lock:
                token = next(self.tokens)
                self.records[token] = CallRecord(token)
            session.data["token"] = token

        @app.on_disconnect
        def disconnected(session: Session) -> None:  # sync: runs in a worker thread
            with self.lock:
                self.record(session).disconnects += 1

        @app.on_handler_error
        def failed(session: Session, event: Any, exc: BaseException) -> None:  # sync
            if type(exc) is InvalidFrameError and event is None:
                kind = "invalid"
            elif type(exc) is FuzzError and event is not None:
                kind = "fuzz"
            elif type(exc) is WebSocketError and "sending to the platform failed" in str(exc):
                kind = "send_failed"
            elif type(exc) is WebSocketError and "the call has ended" in str(exc):
                kind = "call_ended"  # a handler answering after its call was cut
            else:
                kind = f"unexpected {type(exc).__name__}({exc}) for {event!r:.200}"
            with self.lock:
                self.record(session).errors[kind] += 1

        @app.on_event
        async def every_event(session: Session, event: Any) -> None:
            self.record(session).events += 1

        @app.on_setup
        async def setup(session: Session, event: Any) -> None:
            check(isinstance(event.call_id, str) and event.call_id != "", "call_id")
            check(isinstance(event.agent_session_id, str), "agent_session_id")
            self._identify(session, event.call_id)

        @app.on("start")
        def start(session: Session, event: Any) -> None:  # sync
            check(isinstance(event.call_id, str) and event.call_id != "", "callId")
            check(isinstance(event.stream_id, str), "streamId")
            self._identify(session, event.call_id)

        @app.on_tool_call
        def tool(session: Session, event: Any) -> None:  # sync: answers from a worker thread
            check(isinstance(event.id, str) and event.id != "", "id")
            check(isinstance(event.name, str), "name")
            check(isinstance(event.arguments, dict), "arguments")
            self.handler_threads.add(threading.current_thread().name)
            session.send_tool_result(event.id, {"tool": event.name, "keys": len(event.arguments)})

        @app.on("user.transcription")
        async def prompt(session: Session, event: Any) -> None:  # async: answers on the loop
            check(isinstance(event.text, str), "text")
            check(type(event.is_final) is bool, "is_final")
            if event.is_final:
                session.send_text(event.text, last=True)

        @app.on("user.dtmf")
        def user_dtmf(session: Session, event: Any) -> None:  # sync
            check(isinstance(event.digit, str) and len(event.digit) == 1, "digit")

        @app.on("dtmf")
        async def stream_dtmf(session: Session, event: Any) -> None:
            check(isinstance(event.digit, str) and len(event.digit) == 1, "digit")

        @app.on("media")
        async def media(session: Session, event: Any) -> None:
            check(isinstance(event.payload, str) and event.payload != "", "payload")

    def _identify(self, session: Session, call_id: str) -> None:
        with self.lock:
            record = self.record(session)
            if record.call is None:
                record.call = call_id


# --- frames and call plans ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Frame:
    """One frame to send and what the app must do with it.

    ``expect`` is ``"event"`` (dispatched), ``"fuzz"`` (dispatched; its handler raises
    ``FuzzError``) or ``"invalid"`` (reported as ``InvalidFrameError``, not dispatched). Huge
    frames are built only when sent (``size`` bytes of ``kind``), to keep memory low.
    """

    kind: str
    expect: str
    data: str | bytes = ""
    tool_id: str | None = None
    reply: str | None = None  # the text a final transcription is answered with
    size: int = 0

    def payload(self) -> str | bytes:
        """The frame as sent."""
        return build_huge(self) if self.size else self.data


def build_huge(frame: Frame) -> str | bytes:
    """A frame of exactly ``frame.size`` bytes (ASCII): see ``Fuzzer.huge_frame`` for the kinds."""
    kind = frame.kind
    size = frame.size
    if kind == "huge_binary":
        return b"\x00" * size
    if kind == "huge_invalid":
        head = '{"type":"tool.called","id":"unterminated","arguments":{"blob":"'
    elif kind == "huge_media":
        head = '{"event":"media","media":{"contentType":"audio/x-mulaw","payload":"'
        tail = '"}}'
        return head + "A" * (size - len(head) - len(tail)) + tail
    else:  # huge_tool: a valid tool call
        head = '{"type":"tool.called","id":' + json.dumps(frame.tool_id)
        head += ',"name":"upload","arguments":{"blob":"'
        tail = '"}}'
        return head + "x" * (size - len(head) - len(tail)) + tail
    return head + "x" * (size - len(head))


@dataclasses.dataclass
class CallPlan:
    """Everything one fuzzed call sends, decided before it starts."""

    call_id: str
    frames: list[Frame]
    ending: str
    cut_at: int  # frames sent before the ending (all of them unless the call is cut)
    sentinel: bool  # wait for the answer to a last tool call before the ending
    end_size: int = 0  # oversize: the size of the frame above the limit
    end_binary: bool = False
    raw: bytes = b""  # protocol violation or partial frame written to the socket

    @property
    def sent(self) -> list[Frame]:
        """The frames sent before the ending."""
        return self.frames[: self.cut_at]

    @property
    def verified(self) -> bool:
        """Whether every answer is expected (the call was not cut before its sentinel)."""
        return self.sentinel

    @property
    def sentinel_id(self) -> str:
        """The id of the last tool call, whose answer proves that the earlier ones are in."""
        return f"{self.call_id}-sentinel"

    def expected_tool_ids(self) -> list[str]:
        """The ids the app must answer, in order."""
        ids = [frame.tool_id for frame in self.sent if frame.tool_id is not None]
        return ids + [self.sentinel_id] if self.sentinel else ids

    def expected_replies(self) -> list[str]:
        """The texts the app must send back for final transcriptions, in order."""
        return [frame.reply for frame in self.sent if frame.reply is not None]

    def expected_counts(self) -> tuple[int, int, int]:
        """(catch-all events, InvalidFrameError reports, FuzzError reports) on the server."""
        expects = collections.Counter(frame.expect for frame in self.sent)
        events = expects["event"] + expects["fuzz"] + int(self.sentinel)
        events += int(self.ending in ("session.ended", "stop"))
        return events, expects["invalid"], expects["fuzz"]


def ws_frame(
    rng: random.Random, opcode: int, payload: bytes, *, mask: bool = True, first: int = 0x80
) -> bytes:
    """A raw client WebSocket frame (RFC 6455), for what the client library refuses to send."""
    head = bytearray([first | opcode])
    bit = 0x80 if mask else 0
    length = len(payload)
    if length < 126:
        head.append(bit | length)
    elif length < 65536:
        head += bytes([bit | 126]) + length.to_bytes(2, "big")
    else:
        head += bytes([bit | 127]) + length.to_bytes(8, "big")
    if mask:
        key = rng.randbytes(4)
        head += key
        payload = bytes(byte ^ key[index % 4] for index, byte in enumerate(payload))
    return bytes(head) + payload


class Fuzzer:
    """Plans calls from a seeded ``random.Random``; same seed, same calls, same frames."""

    def __init__(self, rng: random.Random, limit: int, prefix: str) -> None:
        self.rng = rng
        self.limit = limit
        self.prefix = prefix
        self.ids = itertools.count()
        self.generators: list[tuple[int, Callable[[str], Frame]]] = [
            (34, self.media),
            (14, self.realistic),
            (12, self.tool_call),
            (7, self.transcription),
            (2, self.stream_dtmf),
            (2, self.user_dtmf),
            (2, self.unknown_type),
            (1, self.fallback_to_event),
            (1, self.odd_but_valid_json),
            (6, self.bad_json),
            (4, self.not_an_object),
            (4, self.no_usable_type),
            (6, self.wrong_typed_handled),
            (2, self.wrong_typed_unhandled),
            (3, self.binary),
        ]
        self.total_weight = sum(weight for weight, _ in self.generators)

    # calls

    def plans(self, frames: int) -> list[CallPlan]:
        """Calls totalling at least ``frames`` frames, with the huge and oversized frames."""
        plans: list[CallPlan] = []
        total = 0
        while total < frames:
            plans.append(self.plan(len(plans)))
            total += plans[-1].cut_at + int(plans[-1].sentinel) + 1  # what is actually sent
        rng = self.rng
        verified = [plan for plan in plans if plan.verified]  # every frame of these is sent
        for index in range(NEAR_LIMIT_FRAMES):
            plan = rng.choice(verified)
            size = self.limit if index == 0 else self.limit - rng.randint(1, 4096)
            frame = self.huge_frame(plan.call_id, size)
            plan.frames.insert(rng.randint(1, len(plan.frames)), frame)
            plan.cut_at = len(plan.frames)
        for index in range(OVERSIZED_CALLS):
            plan = self.plan(len(plans), ending="oversize")
            plan.end_size = self.limit + (1 if index == 0 else rng.randint(2, 65536))
            plan.end_binary = index == 2
            plans.append(plan)
        rng.shuffle(plans)
        return plans

    def plan(self, index: int, ending: str | None = None) -> CallPlan:
        """One call: an opening frame with its id, random frames, a random ending."""
        rng = self.rng
        call_id = f"{self.prefix}-{index}"
        frames = self.opening(call_id)
        frames += [self.frame(call_id) for _ in range(rng.randint(0, 80))]
        if ending is None:
            roll = rng.random()
            if roll < 0.55:
                ending = rng.choice(NORMAL_ENDINGS)
            elif roll < 0.63:
                ending = rng.choice(["bad_utf8", "unmasked", "bad_opcode"])
            else:
                ending = rng.choice(CUT_ENDINGS)
        plan = CallPlan(call_id, frames, ending, cut_at=len(frames), sentinel=True)
        if ending in CUT_ENDINGS and rng.random() < 0.7:
            plan.sentinel = False  # cut anywhere, even before the first frame
            plan.cut_at = rng.randint(0, len(frames))
        plan.raw = self.raw_ending(ending)
        return plan

    def clean_plan(self, index: int) -> CallPlan:
        """A plain call: opening, a tool call, a final transcription, ``session.ended``."""
        call_id = f"{self.prefix}-{index}"
        final = Frame(
            "user.transcription",
            "event",
            json.dumps({"type": "user.transcription", "text": "bye", "is_final": True}),
            reply="bye",
        )
        frames = [*self.opening(call_id), self.tool_call(call_id), final]
        return CallPlan(call_id, frames, "session.ended", cut_at=len(frames), sentinel=True)

    def opening(self, call_id: str) -> list[Frame]:
        """``session.started`` and/or ``start``, both carrying the call id."""
        started = Frame(
            "session.started",
            "event",
            json.dumps(session_started(f"as-{call_id}", call_id)),
        )
        start = Frame(
            "start",
            "event",
            json.dumps(
                {
                    "event": "start",
                    "sequenceNumber": 0,
                    "start": {
                        "streamId": f"st-{call_id}",
                        "callId": call_id,
                        "accountId": "MA000000000000000001",
                        "tracks": ["inbound"],
                        "mediaFormat": {"type": "audio/x-mulaw", "rate": 8000},
                    },
                }
            ),
        )
        roll = self.rng.random()
        return [started] if roll < 0.5 else [start] if roll < 0.8 else [started, start]

    def raw_ending(self, ending: str) -> bytes:
        """The raw bytes a protocol-violation or mid-frame ending writes to the socket."""
        rng = self.rng
        body = json.dumps(tool_called("never-complete", blob="y" * rng.randint(0, 3000))).encode()
        if ending == "bad_utf8":
            return ws_frame(
                rng, 0x1, b'{"type":"x","v":"' + rng.choice([b"\xff", b"\xc3("]) + b'"}'
            )
        if ending == "unmasked":
            return ws_frame(rng, 0x1, body, mask=False)
        if ending == "bad_opcode":
            return rng.choice(
                [
                    ws_frame(rng, rng.choice([0x3, 0x7, 0xB]), body),
                    ws_frame(rng, 0x1, body, first=0xC0),
                ]
            )
        if ending.startswith("midframe"):
            frame = ws_frame(rng, 0x1, body)
            return frame[: rng.randint(1, len(frame) - 1)]
        return b""

    # frames

    def frame(self, call_id: str) -> Frame:
        """One random frame of the mix."""
        pick = self.rng.uniform(0, self.total_weight)
        for weight, generator in self.generators:
            pick -= weight
            if pick <= 0:
                return generator(call_id)
        return self.generators[0][1](call_id)

    def tool_id(self, call_id: str) -> str:
        """A tool-call id unique in the whole run (sometimes with odd characters)."""
        odd = self.rng.choice(ODD_TEXT) if self.rng.random() < 0.1 else ""
        return f"{call_id}-t{next(self.ids)}{odd}"

    def words(self, low: int = 1, high: int = 6) -> str:
        """A few words of a caller's sentence."""
        return " ".join(self.rng.choices(WORDS, k=self.rng.randint(low, high)))

    def media(self, call_id: str) -> Frame:
        """A 20 ms chunk of mu-law audio, as the platform streams it."""
        rng = self.rng
        payload = base64.b64encode(rng.randbytes(160)).decode()
        media = {"payload": payload, "contentType": "audio/x-mulaw", "sampleRate": 8000}
        frame: dict[str, Any] = {"event": "media", "media": media}
        if rng.random() < 0.5:
            media["timestamp"] = str(rng.randint(0, 10**7))
            frame["sequenceNumber"] = rng.randint(1, 10**5)
            frame["streamId"] = f"st-{call_id}"
        return Frame("media", "event", json.dumps(frame))

    def realistic(self, call_id: str) -> Frame:
        """One realistic frame of another event type (turn metrics, usage, speech, ...)."""
        frame = self.rng.choice(REALISTIC)
        return Frame(str(frame.get("type") or frame.get("event")), "event", json.dumps(frame))

    def tool_call(self, call_id: str) -> Frame:
        """A valid ``tool.called`` with a unique id."""
        rng = self.rng
        tool_id = self.tool_id(call_id)
        name, arguments = rng.choice(
            [
                ("lookup_order", {"order_id": f"A-{rng.randint(1, 9999)}"}),
                ("check_balance", {"account": "".join(rng.choices(string.digits, k=8))}),
                ("book", {"date": "2025-04-01", "time": "10:30", "party": rng.randint(1, 8)}),
                ("end_call", {}),
                ("search", {"query": self.words(), "filters": {"in_stock": True}, "page": 1}),
            ]
        )
        frame = tool_called(tool_id, name, **arguments)
        if rng.random() < 0.2:
            frame["unknown_field"] = [1, {"nested": None}]
        return Frame("tool.called", "event", json.dumps(frame), tool_id=tool_id)

    def transcription(self, call_id: str) -> Frame:
        """A partial or final ``user.transcription``; the app echoes finals with ``text``.

        Some texts carry what JSON encoders get wrong: lone surrogates, NUL, quotes, emoji.
        """
        text = self.words()
        if self.rng.random() < 0.2:
            text += self.rng.choice(ODD_TEXT) + self.rng.choice(ODD_TEXT)
            text = json.loads(json.dumps(text))  # two lone surrogates in JSON make one pair
        final = self.rng.random() < 0.5
        frame = {"type": "user.transcription", "text": text, "is_final": final, "language": "en"}
        return Frame(
            "user.transcription", "event", json.dumps(frame), reply=text if final else None
        )

    def stream_dtmf(self, call_id: str) -> Frame:
        """An audio-stream key press."""
        frame = {"event": "dtmf", "streamId": f"st-{call_id}", "dtmf": {"digit": self.digit()}}
        return Frame("dtmf", "event", json.dumps(frame))

    def user_dtmf(self, call_id: str) -> Frame:
        """A managed-mode key press."""
        return Frame("user.dtmf", "event", json.dumps({"type": "user.dtmf", "digit": self.digit()}))

    def digit(self) -> str:
        """One DTMF key."""
        return self.rng.choice(DIGITS)

    def unknown_type(self, call_id: str) -> Frame:
        """A type this SDK does not know (delivered as the raw dict)."""
        name = self.rng.choice([f"brand.new_{self.rng.choice(WORDS)}", "", "TOOL.CALLED"])
        frame = {"type": name, "data": self.json_value(3)}
        return Frame("unknown type", "event", json.dumps(frame))

    def fallback_to_event(self, call_id: str) -> Frame:
        """A non-string ``type`` next to a valid ``event``: the ``event`` is used."""
        rng = self.rng
        frame = json.loads(rng.choice([self.media, self.stream_dtmf])(call_id).payload())
        frame["type"] = rng.choice([None, 3, [], {"t": "media"}, False])
        return Frame("type not a string, event ok", "event", json.dumps(frame))

    def odd_but_valid_json(self, call_id: str) -> Frame:
        """Valid JSON objects that stress the decoder: nesting, NaN, escapes, whitespace."""
        depth = self.rng.randint(50, 200)
        text = self.rng.choice(
            [
                '{"type":"fuzz.deep","v":' + "[" * depth + "]" * depth + "}",
                '{"type":"fuzz.nan","v":NaN,"w":-Infinity}',
                '{"type":"fuzz.escapes","v":"\\ud800\\u0000\\n\\"\\/ \u00e9\U0001f600"}',
                ' \n\t{"type" : "fuzz.space" , "v" : [ 1 , 2 ] }\r\n ',
                '{"type":"fuzz.dup","type":"fuzz.dup2"}',
            ]
        )
        return Frame("odd valid JSON", "event", text)

    def bad_json(self, call_id: str) -> Frame:
        """Text that is not JSON: truncated frames, garbage, deep nesting, invalid escapes."""
        rng = self.rng
        choice = rng.randrange(7)
        if choice == 0:
            whole = str(self.tool_call(call_id).payload())
            text = whole[: rng.randint(0, len(whole) - 1)]
        elif choice == 1:
            text = "".join(rng.choices(string.printable, k=rng.randint(1, 200)))
        elif choice == 2:
            text = "".join(chr(rng.randint(1, 0xD7FF)) for _ in range(rng.randint(1, 60)))
        elif choice == 3:
            depth = rng.randint(5_000, 20_000)
            text = '{"type":"fuzz.deep","v":' + "[" * depth + "]" * depth + "}"
        else:
            text = rng.choice(
                [
                    "",
                    "{",
                    "}{",
                    "nul",
                    "{'type': 'media'}",
                    '{"type":"media",}',
                    '{"type":"media"} trailing',
                    '{"type":"x","v":"\\x41"}',
                    '{"type":"x","v":01}',
                    '{"type":"x" "v":1}',
                    "\x00",
                ]
            )
        if valid_json(text):
            text = "{" + text
        return Frame("bad JSON", "invalid", text)

    def not_an_object(self, call_id: str) -> Frame:
        """Valid JSON that is not an object: arrays (even of valid frames), scalars."""
        rng = self.rng
        value = rng.choice(
            [
                [json.loads(self.media(call_id).payload())],
                self.json_value(2, containers=False),
                [self.json_value(2) for _ in range(rng.randint(0, 4))],
                "tool.called",
            ]
        )
        if isinstance(value, dict):
            value = [value]
        return Frame("JSON not an object", "invalid", json.dumps(value))

    def no_usable_type(self, call_id: str) -> Frame:
        """Objects whose ``type`` and ``event`` are missing or not strings."""
        rng = self.rng
        frame = {key: self.json_value(2) for key in rng.sample(["id", "name", "digit", "x"], 2)}
        if rng.random() < 0.7:
            frame["type"] = rng.choice(WRONG_VALUES)
        if rng.random() < 0.5:
            frame["event"] = rng.choice(WRONG_VALUES)
        if rng.random() < 0.2:
            frame["Type"] = "media"  # keys are case-sensitive
        return Frame("no usable type/event", "invalid", json.dumps(frame))

    def wrong_typed_handled(self, call_id: str) -> Frame:
        """A handled type with a wrong-typed field: its handler raises ``FuzzError``."""
        rng = self.rng
        wrong = rng.choice([value for value in WRONG_VALUES if value is not True])
        kinds = ["tool", "tool args", "prompt", "user.dtmf", "dtmf", "media", "start", "setup"]
        kind = rng.choice(kinds)
        frame: dict[str, Any]
        if kind == "tool":
            frame = tool_called("x", "lookup_order", order_id="A-1")
            frame["id"] = wrong
            if rng.random() < 0.3:
                del frame["id"]
        elif kind == "tool args":
            frame = tool_called(self.tool_id(call_id), "lookup_order")
            if rng.random() < 0.5:
                frame["arguments"] = rng.choice([None, 5, "x", ["a"]])
            else:
                frame["name"] = rng.choice([None, 5, ["a"], {}])
        elif kind == "prompt":
            frame = {"type": "user.transcription", "text": "hi", "is_final": True}
            frame[rng.choice(["text", "is_final"])] = rng.choice([None, 1, [], {"t": 1}])
        elif kind == "user.dtmf":
            frame = {"type": "user.dtmf", "digit": rng.choice([wrong, "", "55"])}
        elif kind == "dtmf":
            frame = {"event": "dtmf", "dtmf": rng.choice([wrong, {"digit": 7}, "5", {}])}
        elif kind == "media":
            frame = {"event": "media", "media": rng.choice([wrong, {"payload": 12}, "AAAA"])}
            if rng.random() < 0.2:
                del frame["media"]
        elif kind == "start":
            frame = {"event": "start", "start": rng.choice([wrong, {"callId": 5}, "st"])}
        else:
            frame = session_started(call_id=call_id)
            frame[rng.choice(["call_id", "agent_session_id"])] = wrong
        return Frame(f"wrong-typed {kind}", "fuzz", json.dumps(frame))

    def wrong_typed_unhandled(self, call_id: str) -> Frame:
        """A realistic frame with one field of the wrong type, of a type with no handler."""
        rng = self.rng
        frame = dict(rng.choice(REALISTIC))
        keys = [key for key in frame if key not in ("type", "event")]
        if keys:
            frame[rng.choice(keys)] = rng.choice(WRONG_VALUES + ["x", 10**30])
        return Frame("wrong-typed unhandled", "event", json.dumps(frame))

    def binary(self, call_id: str) -> Frame:
        """A binary frame: random bytes, or a valid tool call as bytes (must not be answered)."""
        rng = self.rng
        if rng.random() < 0.3:
            data = json.dumps(tool_called(f"{call_id}-binary")).encode()
        else:
            data = rng.randbytes(rng.randint(0, 300))
        return Frame("binary", "invalid", data)

    def huge_frame(self, call_id: str, size: int) -> Frame:
        """A frame of ``size`` bytes: a valid tool call or media chunk, bad JSON, or binary."""
        kind = self.rng.choice(["huge_tool", "huge_media", "huge_invalid", "huge_binary"])
        if kind == "huge_tool":
            tool_id = self.tool_id(call_id)
            return Frame(kind, "event", tool_id=tool_id, size=size)
        expect = "event" if kind == "huge_media" else "invalid"
        return Frame(kind, expect, size=size)

    def json_value(self, depth: int, *, containers: bool = True) -> Any:
        """A random JSON value."""
        rng = self.rng
        if containers and depth > 0 and rng.random() < 0.4:
            if rng.random() < 0.5:
                return [self.json_value(depth - 1) for _ in range(rng.randint(0, 3))]
            keys = rng.sample(["a", "type", "id", "é", "", "0"], rng.randint(0, 3))
            return {key: self.json_value(depth - 1) for key in keys}
        return rng.choice(
            [None, True, False, rng.randint(-(2**63), 2**63), rng.random() * 1e6, self.words()]
        )


def valid_json(text: str) -> bool:
    """Whether ``text`` decodes as JSON."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


# --- the platform side ----------------------------------------------------------------------


@dataclasses.dataclass
class Totals:
    """Client-side counts of one run."""

    connections: int = 0
    open_now: int = 0
    peak_open: int = 0  # the most calls open at the same time
    frames: int = 0
    kinds: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)


async def end_call(connection: ClientConnection, plan: CallPlan) -> None:
    """Send the plan's ending: a last event, a close, an oversized frame, bad bytes, a cut."""
    transport = connection.transport
    ending = plan.ending
    if ending == "session.ended":
        await connection.send(json.dumps(session_ended()))
    elif ending == "stop":
        await connection.send(json.dumps({"event": "stop", "streamId": f"st-{plan.call_id}"}))
    elif ending == "client_close":
        await connection.close()
    elif ending == "oversize":
        size = plan.end_size
        try:
            await connection.send(b"\x01" * size if plan.end_binary else "x" * size)
        except ConnectionClosed:
            pass  # the app may close (1009) while the client is still writing the frame
    elif ending in ("abort", "midframe_abort"):
        transport.write(plan.raw)
        transport.abort()
    elif ending in ("tcp_close", "midframe_close"):
        transport.write(plan.raw)
        transport.close()
    else:  # protocol violations: written raw, the client library would refuse them
        transport.write(plan.raw)


async def play(url: str, plan: CallPlan, totals: Totals) -> list[str]:
    """Play one call; return what went wrong on the client side (empty when all is well)."""
    answers: list[str] = []
    replies: list[str] = []
    sentinel = asyncio.Event()

    async def read(connection: ClientConnection) -> None:
        try:
            async for text in connection:
                message = json.loads(text)
                if message.get("type") == "tool.result":
                    answers.append(message["id"])
                    if message["id"] == plan.sentinel_id:
                        sentinel.set()
                elif message.get("type") == "text":
                    replies.append(message["token"])
        except ConnectionClosed:
            pass

    async with connect(url, compression=None, open_timeout=SAFETY_TIMEOUT) as connection:
        totals.connections += 1
        totals.open_now += 1
        totals.peak_open = max(totals.peak_open, totals.open_now)
        reader = asyncio.create_task(read(connection))
        try:
            for frame in plan.sent:
                await connection.send(frame.payload())
                totals.frames += 1
                totals.kinds[frame.kind] += 1
            if plan.sentinel:
                await connection.send(json.dumps(tool_called(plan.sentinel_id, "sentinel")))
                totals.frames += 1
                await asyncio.wait_for(sentinel.wait(), SAFETY_TIMEOUT)
            await end_call(connection, plan)
            totals.frames += 1
            totals.kinds[f"ending {plan.ending}"] += 1
            await asyncio.wait_for(asyncio.shield(reader), SAFETY_TIMEOUT)
        finally:
            reader.cancel()
            totals.open_now -= 1
        code = connection.close_code

    problems = []
    expected_answers = plan.expected_tool_ids()
    expected_replies = plan.expected_replies()
    if plan.verified:
        if answers != expected_answers:
            problems.append(f"tool answers {answers} != expected {expected_answers}")
        if replies != expected_replies:
            problems.append(f"replies {replies} != expected {expected_replies}")
    else:
        if answers != expected_answers[: len(answers)]:
            problems.append(f"tool answers {answers} not a prefix of {expected_answers}")
        if replies != expected_replies[: len(replies)]:
            problems.append(f"replies {replies} not a prefix of {expected_replies}")
    if plan.ending in EXPECTED_CLOSE_CODE and code != EXPECTED_CLOSE_CODE[plan.ending]:
        problems.append(f"close code {code}, expected {EXPECTED_CLOSE_CODE[plan.ending]}")
    return [f"call {plan.call_id} ({plan.ending}): {problem}" for problem in problems]


async def play_safely(
    url: str, plan: CallPlan, totals: Totals, gate: asyncio.Semaphore
) -> list[str]:
    """``play`` under the concurrency gate; a client-side exception becomes a failure line."""
    async with gate:
        try:
            return await play(url, plan, totals)
        except Exception as exc:  # noqa: BLE001 - reported with the seed by the test
            return [f"call {plan.call_id} ({plan.ending}): client failed: {exc!r}"]


def check_server_side(plans: list[CallPlan], server: ServerSide, totals: Totals) -> list[str]:
    """Compare what the server recorded with what each call sent."""
    problems: list[str] = []
    records = list(server.records.values())
    if len(records) != totals.connections:
        problems.append(f"{len(records)} connections seen by on_connect, {totals.connections} made")
    for record in records:
        if record.disconnects != 1:
            problems.append(
                f"connection {record.token} ({record.call}): {record.disconnects} disconnects"
            )
        unexpected = [kind for kind in record.errors if kind.startswith("unexpected")]
        if unexpected:
            problems.append(f"connection {record.token} ({record.call}): {unexpected}")
    by_call: dict[str | None, list[CallRecord]] = collections.defaultdict(list)
    for record in records:
        by_call[record.call].append(record)
    known = {plan.call_id for plan in plans}
    strays = [call for call in by_call if call is not None and call not in known]
    if strays:
        problems.append(f"records of unknown calls: {strays}")
    for plan in plans:
        found = by_call.get(plan.call_id, [])
        events, invalid, fuzz = plan.expected_counts()
        if plan.verified:
            if len(found) != 1:
                problems.append(f"call {plan.call_id}: {len(found)} server records, expected 1")
                continue
            record = found[0]
            expected = collections.Counter({"invalid": invalid, "fuzz": fuzz})
            errors = collections.Counter(record.errors)
            if record.events != events or +errors != +expected:
                problems.append(
                    f"call {plan.call_id} ({plan.ending}): server saw {record.events} events and "
                    f"errors {dict(+errors)}, expected {events} and {dict(+expected)}"
                )
        elif len(found) > 1:
            problems.append(f"call {plan.call_id}: {len(found)} server records, expected <= 1")
        elif found:
            record = found[0]
            errors = record.errors
            if (
                record.events > events
                or errors["invalid"] > invalid
                or errors["fuzz"] > fuzz
                or errors["send_failed"] > 1  # the README: a failed send is reported once
                or set(errors) - {"invalid", "fuzz", "send_failed", "call_ended"}
            ):
                problems.append(
                    f"call {plan.call_id} ({plan.ending}, cut): server saw {record.events} events "
                    f"and errors {dict(errors)}, at most {events} / {invalid} invalid / {fuzz} fuzz"
                )
    return problems


# --- leak and log checks --------------------------------------------------------------------


class ErrorLog(logging.Handler):
    """Collects ERROR records (uvicorn's loggers do not propagate to the root logger)."""

    # uvicorn logs this when a text frame is not UTF-8 (the bad_utf8 ending); not the SDK.
    KNOWN = ("Invalid UTF-8 sequence received from client.",)

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record unless it is a known message of uvicorn."""
        message = record.getMessage()
        if record.name.startswith("uvicorn") and message in self.KNOWN:
            return
        self.messages.append(f"{record.name}: {message[:300]}")

    @classmethod
    @contextlib.contextmanager
    def attached(cls) -> Iterator[ErrorLog]:
        """Attach to the root and uvicorn loggers while the ``with`` block runs."""
        handler = cls()
        loggers = [logging.getLogger(), logging.getLogger("uvicorn")]
        for logger in loggers:
            logger.addHandler(handler)
        try:
            yield handler
        finally:
            for logger in loggers:
                logger.removeHandler(handler)


async def settled(condition: Callable[[], bool]) -> bool:
    """Poll ``condition`` until it holds or ``SETTLE_TIMEOUT`` passes; return the last value."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            return condition()
        await asyncio.sleep(0.02)
    return True


def describe_task(task: asyncio.Task[Any]) -> str:
    """A task's name and where its coroutine is."""
    coro = task.get_coro()
    where = getattr(coro, "__qualname__", repr(coro))
    frame = inspect.getcoroutinestate(coro) if inspect.iscoroutine(coro) else "?"
    return f"{task.get_name()} {where} ({frame})"


# --- the tests ------------------------------------------------------------------------------


@pytest.fixture(params=["standalone", "asgi"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which server flavour serves the app."""
    return str(request.param)


def frame_limit(app: VoiceApp, mode: str) -> int:
    """The largest frame the server accepts: the app's option (under uvicorn, capped by its own)."""
    if mode == "standalone":
        return app.max_frame_size
    uvicorn_limit = int(inspect.signature(uvicorn.Config).parameters["ws_max_size"].default)
    return min(app.max_frame_size, uvicorn_limit)


async def test_fuzzed_calls_never_take_the_server_down(mode: str) -> None:
    """Thousands of valid, malformed, huge and cut frames over concurrent calls (see module doc)."""
    seed = SEED + (0 if mode == "standalone" else 1)
    tasks_before = asyncio.all_tasks()
    threads_before = set(threading.enumerate())
    server = ServerSide()
    fuzzer = Fuzzer(random.Random(seed), frame_limit(server.app, mode), f"{mode}-{seed}")
    plans = fuzzer.plans(FRAMES_PER_MODE)
    totals = Totals()
    context = f"seed={seed} mode={mode} (replay: WS_FUZZ_SEED={SEED})"
    fresh = fuzzer.clean_plan(len(plans))

    with ErrorLog.attached() as errors:
        async with running(server.app, mode) as url:
            gate = asyncio.Semaphore(CONCURRENCY)
            outcomes = await asyncio.gather(*(play_safely(url, p, totals, gate) for p in plans))
            failures = [line for lines in outcomes for line in lines]
            # The server is still up: a fresh call works end to end.
            failures += await play_safely(url, fresh, totals, gate)
            await settled(
                lambda: sum(r.disconnects for r in server.records.values()) >= totals.connections
            )
        failures += check_server_side([*plans, fresh], server, totals)
        logged = list(errors.messages)

    assert not failures, f"{context}: {len(failures)} failures:\n" + "\n".join(failures[:40])
    assert not logged, f"{context}: errors were logged:\n" + "\n".join(logged[:40])
    assert totals.frames >= FRAMES_PER_MODE, f"{context}: only {totals.frames} frames sent"
    assert totals.peak_open >= min(20, CONCURRENCY), f"{context}: {totals.peak_open} calls at once"
    main = threading.main_thread().name
    assert server.handler_threads - {main}, f"{context}: sync handlers ran on {main} only"

    leaked = await settled(lambda: not (asyncio.all_tasks() - tasks_before))
    assert leaked, f"{context}: tasks left: " + ", ".join(
        describe_task(task) for task in asyncio.all_tasks() - tasks_before
    )
    gone = await settled(lambda: set(threading.enumerate()) <= threads_before)
    assert gone, f"{context}: threads left: {set(threading.enumerate()) - threads_before}"


# --- bugs found by the fuzzing, reduced to minimal reproducers ------------------------------


class StalledSocket:
    """An accepted ASGI-style socket (for ``handle_starlette``) whose sends stall, then fail.

    Every ``websocket.send`` waits until ``release`` is set and then raises, as a send does when
    the platform has gone while the server was blocked on TCP back-pressure.
    """

    scope: dict[str, Any] = {"type": "websocket", "path": "/", "headers": []}
    client_state = types.SimpleNamespace(name="CONNECTED")  # already accepted

    def __init__(self) -> None:
        self.inbound: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.sending = asyncio.Event()
        self.release = asyncio.Event()

    async def receive(self) -> dict[str, Any]:
        """The next ASGI message the test put in ``inbound``."""
        return await self.inbound.get()

    async def send(self, message: dict[str, Any]) -> None:
        """Stall a ``websocket.send`` until released, then fail it; accept the close."""
        if message["type"] != "websocket.send":
            return
        self.sending.set()
        await self.release.wait()
        raise ConnectionResetError("the platform is gone")


async def test_a_failed_send_is_reported_once_even_with_more_messages_queued() -> None:
    """README: "A failed send is reported once and ends that call".

    Found by the fuzzing (calls cut while their answers were being written, e.g. seed 5). The
    reader sends "A" and blocks; "B" is queued meanwhile; the send of "A" fails, which is
    reported and closes the outbox, but "B" is still queued: the writer task then takes it,
    its send fails too and a second ``WebSocketError`` is reported.
    """
    app = VoiceApp()
    sessions: list[Session] = []
    errors: list[BaseException] = []
    disconnects: list[Session] = []

    @app.on_connect
    async def connected(session: Session) -> None:
        sessions.append(session)

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        session.speak("A")

    @app.on_handler_error
    async def failed(session: Session, event: Any, exc: BaseException) -> None:
        errors.append(exc)

    @app.on_disconnect
    async def disconnected(session: Session) -> None:
        disconnects.append(session)

    socket = StalledSocket()
    call = asyncio.create_task(app.handle_starlette(socket))
    await socket.inbound.put({"type": "websocket.receive", "text": json.dumps(session_started())})
    await asyncio.wait_for(socket.sending.wait(), SAFETY_TIMEOUT)  # "A" is being sent
    sessions[0].speak("B")
    socket.release.set()
    await socket.inbound.put({"type": "websocket.disconnect", "code": 1006})
    await asyncio.wait_for(call, SAFETY_TIMEOUT)
    assert len(disconnects) == 1
    assert [type(exc) for exc in errors] == [WebSocketError], [str(exc) for exc in errors]


@pytest.mark.parametrize(
    "mode",
    [
        "standalone",
        "asgi",
    ],
)
async def test_a_frame_above_max_frame_size_ends_the_call_with_1009(mode: str) -> None:
    """``VoiceApp(max_frame_size=n)`` bounds inbound frames whichever server serves the app.

    Found while choosing the fuzzed frame sizes: standalone, a larger frame ends the call with
    1009 (message too big); under uvicorn the frame is handled like any other.
    """
    app = VoiceApp(max_frame_size=1000)
    handled: list[str] = []

    @app.on_tool_call
    async def tool(session: Session, event: Any) -> None:
        handled.append(event.id)
        session.send_tool_result(event.id, "ok")

    async with running(app, mode) as url, connect(url, compression=None) as connection:
        await connection.send(json.dumps(tool_called("big", blob="x" * 2000)))
        with contextlib.suppress(ConnectionClosed):  # ends the call now if it is still open
            await connection.send(json.dumps(session_ended()))
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.wait_for(connection.recv(), SAFETY_TIMEOUT)
    assert (connection.close_code, handled) == (1009, [])
