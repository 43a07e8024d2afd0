"""The agent served by the scale benchmark (``bench_scale.py``): a realistic order-support bot.

Standalone (``bench_scale.py serve``) it runs with ``app.serving()``; under uvicorn it is
``uvicorn _scale_app:asgi --app-dir benchmarks --workers 2``. Handlers, as a real agent has them:

- ``session.started`` (async): remember the caller, speak the greeting;
- ``start`` / ``media`` (async): note the audio stream, count the caller's frames and bytes;
- ``user.transcription`` (async, bring-your-own-LLM): on a final transcript, look up a canned
  reply and stream it back as ``text`` tokens, the last one with ``last=True``;
- ``tool.called`` (async): ``lookup_order`` / ``check_availability`` / ``store_hours`` answer
  with ``send_tool_result`` after a dict lookup (no sleeping); unknown tools get ``tool.error``;
- ``user.dtmf`` (plain ``def``, so it runs in the SDK's worker threads): speak a keypad menu entry;
- ``turn.completed`` (async): keep the turn history; ``session.ended`` (async): keep the reason;
- ``on_disconnect`` (plain ``def``): append the call's record (what the server saw) as a JSON
  line to ``$SCALE_CALL_LOG/calls-<pid>.jsonl``; the benchmark checks it against what it sent;
- ``on_handler_error``: print ``SCALE-HANDLER-ERROR`` to stderr (the benchmark counts errors).

Instrumentation (not part of the agent): from the first call on, a task samples the event
loop's lag every 50 ms, ``gc.callbacks`` time every collection, and once a second both are
written to ``$SCALE_CALL_LOG/stats-<pid>.json`` (wall-clock stamped, so the benchmark keeps the
conversation phase only).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _common import ensure_importable

ensure_importable()  # the SDK of this checkout, also when it is not installed

from plivo_agentstack.agent import VoiceApp  # noqa: E402

GREETING = "Hello! Thanks for calling Acme support. How can I help you today?"
HANDLER_ERROR = "SCALE-HANDLER-ERROR"
ORDERS = {
    f"A-{i:04d}": {
        "order_id": f"A-{i:04d}",
        "status": ("shipped", "processing", "delivered", "returned")[i % 4],
        "items": 1 + i % 5,
        "total": round(19.99 + 7.5 * (i % 40), 2),
        "eta": f"2026-12-{1 + i % 28:02d}",
    }
    for i in range(1000)
}
SLOTS = {
    f"2026-12-{day:02d}": [f"{hour:02d}:00" for hour in range(9, 17, 1 + day % 3)]
    for day in range(1, 29)
}
HOURS = {"mon-fri": "9am-6pm", "sat": "10am-4pm", "sun": "closed"}
REPLIES = {
    "order": ["Let me ", "look up ", "your order ", "for you."],
    "appointment": ["Sure, ", "let me check ", "the available ", "times."],
    "hours": ["We are ", "open nine ", "to six ", "on weekdays."],
}
MENU = {
    "1": "Orders and deliveries. Please say your order number.",
    "2": "Returns and refunds. Please say your order number.",
    "3": "Appointments. Please say the date you would like.",
    "0": "Connecting you to an operator.",
}

app = VoiceApp()
asgi = app.asgi

_LOG_DIR = os.environ.get("SCALE_CALL_LOG")
_log_lock = threading.Lock()
_log_file: Any = None
if _LOG_DIR:  # created at import, so the benchmark sees that this worker process is up
    _log_file = open(Path(_LOG_DIR) / f"calls-{os.getpid()}.jsonl", "a", buffering=1)  # noqa: SIM115

# --- instrumentation: event-loop lag and GC pauses of this server process ---------------------

LAG_PERIOD = 0.05
_lag: list[tuple[float, float]] = []  # (wall time, seconds late)
_gc_counts = [0, 0, 0]
_gc_pauses: list[tuple[float, int, float]] = []  # (wall time, generation, seconds) of gen>=1
_gc_started = [0.0]
_monitor: list[asyncio.Task[None]] = []


def _gc_callback(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _gc_started[0] = time.perf_counter()
        return
    generation = info["generation"]
    _gc_counts[generation] += 1
    if generation:
        _gc_pauses.append((time.time(), generation, time.perf_counter() - _gc_started[0]))


async def _sample_lag() -> None:
    loop = asyncio.get_running_loop()
    path = Path(str(_LOG_DIR)) / f"stats-{os.getpid()}.json"
    while True:
        for _ in range(int(1 / LAG_PERIOD)):
            start = loop.time()
            await asyncio.sleep(LAG_PERIOD)
            _lag.append((time.time(), loop.time() - start - LAG_PERIOD))
        stats = {"lag": _lag, "gc_counts": _gc_counts, "gc_pauses": _gc_pauses}
        path.write_text(json.dumps(stats))


if _LOG_DIR:
    gc.callbacks.append(_gc_callback)


@app.on_connect
async def connected(session: Any) -> None:
    """Start the instrumentation with the first call (the loop is running by then)."""
    if _LOG_DIR and not _monitor:
        _monitor.append(asyncio.get_running_loop().create_task(_sample_lag()))


@app.on_setup
async def setup(session: Any, event: Any) -> None:
    """Greet the caller."""
    session.data.update(
        caller=event.caller, frames=0, audio_bytes=0, prompts=0, tools=0, dtmf=0, turns=[]
    )
    session.speak(GREETING)


@app.on("start")
async def stream_started(session: Any, event: Any) -> None:
    """Note the audio stream's format."""
    session.data["stream"] = (event.content_type, event.sample_rate)


@app.on("media")
async def media(session: Any, event: Any) -> None:
    """Count the caller's audio (where a real agent would feed its VAD or STT)."""
    data = session.data
    data["frames"] += 1
    data["audio_bytes"] += len(event.payload) * 3 // 4


@app.on("user.transcription")
async def prompt(session: Any, event: Any) -> None:
    """Answer a final transcript with a reply streamed as text tokens."""
    if not event.is_final:
        return
    session.data["prompts"] += 1
    text = event.text.lower()
    topic = "order" if "order" in text else "appointment" if "appoint" in text else "hours"
    for token in REPLIES[topic]:
        session.send_text(token)
    session.send_text("", last=True)


def _lookup_order(arguments: dict[str, Any]) -> dict[str, Any]:
    order = ORDERS.get(str(arguments.get("order_id", "")))
    return dict(order) if order else {"order_id": arguments.get("order_id"), "status": "unknown"}


def _check_availability(arguments: dict[str, Any]) -> dict[str, Any]:
    date = str(arguments.get("date", ""))
    return {"date": date, "slots": SLOTS.get(date, [])[:4]}


def _store_hours(arguments: dict[str, Any]) -> dict[str, Any]:
    return {"hours": HOURS, "timezone": "America/Los_Angeles"}


TOOLS = {
    "lookup_order": _lookup_order,
    "check_availability": _check_availability,
    "store_hours": _store_hours,
}


@app.on_tool_call
async def tool(session: Any, event: Any) -> None:
    """Run the called tool (a dict lookup) and answer with its result."""
    session.data["tools"] += 1
    run = TOOLS.get(event.name)
    if run is None:
        session.send_tool_error(event.id, f"unknown tool {event.name!r}")
        return
    session.send_tool_result(event.id, run(event.arguments))


@app.on("user.dtmf")
def keypad(session: Any, event: Any) -> None:
    """A keypad choice (a plain function: the SDK runs it in a worker thread)."""
    session.data["dtmf"] += 1
    session.speak(MENU.get(event.digit, "Sorry, that is not an option."))


@app.on_turn_completed
async def turn(session: Any, event: Any) -> None:
    """Keep the turn history."""
    session.data["turns"].append((event.turn_number, event.user_text, event.agent_text))


@app.on_session_ended
async def ended(session: Any, event: Any) -> None:
    """Keep why the call ended."""
    session.data["ended"] = event.reason


@app.on_disconnect
def disconnected(session: Any) -> None:
    """Write the call's record (a plain function: blocking file I/O in a worker thread)."""
    if _log_file is None:
        return
    data = session.data
    record = {
        "call": session.call_uuid,
        "frames": data.get("frames", 0),
        "audio_bytes": data.get("audio_bytes", 0),
        "prompts": data.get("prompts", 0),
        "tools": data.get("tools", 0),
        "dtmf": data.get("dtmf", 0),
        "turns": len(data.get("turns", ())),
        "ended": data.get("ended", "stop" if "stream" in data else None),
    }
    with _log_lock:
        _log_file.write(json.dumps(record) + "\n")


@app.on_handler_error
def handler_error(session: Any, event: Any, exc: BaseException) -> None:
    """Report a handler error on stderr, where the benchmark counts them."""
    kind = getattr(event, "type", None) or getattr(event, "event", None)
    print(f"{HANDLER_ERROR} {os.getpid()} {kind}: {exc!r}", file=sys.stderr, flush=True)
