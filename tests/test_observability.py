"""Observability: each call's start and end log lines, and OpenTelemetry: spans and metrics of
calls (real sockets, both server flavours) and of REST requests (both packages), with the SDK's
in-memory exporter and reader; and no OpenTelemetry work at all when no provider is configured
or the package is absent."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import opentelemetry.metrics._internal as metrics_internal
import pytest
import respx
from opentelemetry import trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from plivo_agentstack.agent import Session, StreamMedia, StreamStart, ToolCall, VoiceApp
from tests.conftest import ACCOUNT, AUTH_ID, AUTH_TOKEN, resolve
from tests.test_events import CALL_ID, PAYLOAD, STREAM_FRAMES, STREAM_ID
from tests.ws_helpers import (
    RECV_TIMEOUT,
    Platform,
    call_tasks,
    finished,
    running,
    session_ended,
    session_started,
    tool_called,
)

pytestmark = pytest.mark.anyio

LOGGER = "plivo_agentstack.agent"
CALL = "plivo.agentstack.call"
HANDLER = "plivo.agentstack.handler"
AGENT = {"agent_uuid": "a1b2c3d4-0000-4000-8000-000000000001", "agent_name": "support"}
AGENT_PATH = f"{ACCOUNT}/Agent/{AGENT['agent_uuid']}"


@pytest.fixture(params=["standalone", "asgi"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which server flavour serves the app."""
    return str(request.param)


@pytest.fixture
def spans(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    """An SDK tracer provider, set globally for this test only, exporting to memory."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    # The API lets a process set its provider once; tests set and restore the global itself.
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
    yield exporter
    provider.shutdown()


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemoryMetricReader]:
    """An SDK meter provider, set globally for this test only, read in memory."""
    metric_reader = InMemoryMetricReader()
    provider = MeterProvider(metric_readers=[metric_reader])
    monkeypatch.setattr(metrics_internal, "_METER_PROVIDER", provider)
    yield metric_reader
    provider.shutdown()


# --- log lines -------------------------------------------------------------------------------


def call_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The start and end records of calls, in order."""
    return [record for record in caplog.records if hasattr(record, "plivo")]


async def failing_tool_call(app: VoiceApp, mode: str, *more: dict[str, Any]) -> int | None:
    """Serve one agent call: ``session.started`` (as-1, call-1), tool call t1 (its handler
    answers "ok"), tool call "boom" (its handler raises "database down": the SDK answers
    ``tool.error``), the ``more`` frames, a malformed frame, ``session.ended``. Return the
    close code once the call has ended on the server."""
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started("as-1", "call-1"))
        await platform.send(tool_called("t1"))
        assert await platform.recv() == {"type": "tool.result", "id": "t1", "result": "ok"}
        tasks = call_tasks(app)
        await platform.send(tool_called("boom"))
        for frame in more:
            await platform.send(frame)
        await platform.send("{not json")
        await platform.send(session_ended())
        messages, code = await platform.recv_until_closed()
        await finished(tasks)
    assert messages == [{"type": "tool.error", "id": "boom", "error": "database down"}]
    return code


async def test_an_agent_call_logs_its_ids_at_start_and_its_counts_at_end(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Start: the ids of ``session.started``. End: duration, events in, messages out, handler
    errors (sync and async handlers), bad frames, close code; as text and as ``record.plivo``."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        if event.id == "boom":
            raise RuntimeError("database down")
        session.send_tool_result(event.id, "ok")

    @app.on_turn_completed
    async def turn(session: Session, event: Any) -> None:
        raise ValueError("bad turn")

    code = await failing_tool_call(app, mode, {"type": "turn.completed", "turn_id": 1})
    start, end = call_lines(caplog)
    for record in (start, end):
        assert (record.name, record.levelno) == (LOGGER, logging.INFO)
    assert start.getMessage() == "call started: call_id=call-1 agent_session_id=as-1 stream_id=-"
    assert start.plivo == {
        "phase": "start",
        "call_id": "call-1",
        "agent_session_id": "as-1",
        "stream_id": None,
    }
    fields = dict(end.plivo)
    duration = fields.pop("duration_s")
    assert isinstance(duration, float) and duration >= 0
    assert fields == {
        "phase": "end",
        "call_id": "call-1",
        "agent_session_id": "as-1",
        "stream_id": None,
        "events_in": 5,
        "messages_out": 2,
        "handler_errors": 2,
        "bad_frames": 1,
        "close_code": 1000,
    }
    assert code == 1000
    assert end.getMessage() == (
        f"call ended: call_id=call-1 agent_session_id=as-1 stream_id=- duration_s={duration} "
        "events_in=5 messages_out=2 handler_errors=2 bad_frames=1 close_code=1000"
    )


async def test_a_raw_audio_stream_logs_the_ids_of_its_start_event(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """On a raw stream the ``start`` event carries the stream and call ids."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()

    @app.on("media")
    async def media(session: Session, event: Any) -> None:
        session.send_media(event.payload)

    start_frame = next(frame for cls, frame, _ in STREAM_FRAMES if cls is StreamStart)
    media_frame = next(frame for cls, frame, _ in STREAM_FRAMES if cls is StreamMedia)
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(start_frame)
        for _ in range(3):
            await platform.send(media_frame)
            assert (await platform.recv())["media"]["payload"] == PAYLOAD
        tasks = call_tasks(app)
    await finished(tasks)
    start, end = call_lines(caplog)
    assert start.plivo == {
        "phase": "start",
        "call_id": CALL_ID,
        "agent_session_id": None,
        "stream_id": STREAM_ID,
    }
    assert {key: end.plivo[key] for key in ("call_id", "stream_id", "events_in")} == {
        "call_id": CALL_ID,
        "stream_id": STREAM_ID,
        "events_in": 4,
    }
    assert end.plivo["messages_out"] == 3


async def test_a_call_without_ids_logs_its_start_at_the_first_event(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """No id-carrying event first: the start line goes out then, without ids; errors of
    ``on_connect`` and ``on_disconnect`` count as handler errors."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()
    order: list[str] = []

    @app.on_connect
    async def connected(session: Session) -> None:
        raise RuntimeError("no database")

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        order.append(f"lines before the handler: {len(call_lines(caplog))}")
        session.send_tool_result(event.id, "ok")

    @app.on_disconnect
    def disconnected(session: Session) -> None:
        raise RuntimeError("still no database")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        await platform.recv()
        tasks = call_tasks(app)
    await finished(tasks)
    start, end = call_lines(caplog)
    assert order == ["lines before the handler: 1"]
    assert start.plivo == {
        "phase": "start",
        "call_id": None,
        "agent_session_id": None,
        "stream_id": None,
    }
    assert start.getMessage() == "call started: call_id=- agent_session_id=- stream_id=-"
    assert (end.plivo["events_in"], end.plivo["handler_errors"]) == (1, 2)


async def test_a_call_that_sends_nothing_logs_both_lines_when_it_ends(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A connection closed before any frame still gets its start line, then its end line."""
    caplog.set_level(logging.INFO, logger=LOGGER)
    app = VoiceApp()
    tasks: list[Any] = []
    connected = asyncio.Event()

    @app.on_connect
    async def on_connect(session: Session) -> None:
        tasks.extend(call_tasks(app))
        connected.set()

    async with running(app, mode) as url:
        async with Platform.call(url):
            await asyncio.wait_for(connected.wait(), RECV_TIMEOUT)
        await finished(tasks)
    start, end = call_lines(caplog)
    assert (start.plivo["phase"], start.plivo["call_id"]) == ("start", None)
    assert (end.plivo["phase"], end.plivo["events_in"]) == ("end", 0)


async def test_nothing_is_formatted_when_info_is_off(caplog: pytest.LogCaptureFixture) -> None:
    """At WARNING (the default) the call lines are not emitted."""
    caplog.set_level(logging.WARNING, logger=LOGGER)
    app = VoiceApp()

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        await platform.recv()
        tasks = call_tasks(app)
    await finished(tasks)
    assert call_lines(caplog) == []


# --- OpenTelemetry ---------------------------------------------------------------------------


def named(exporter: InMemorySpanExporter, name: str) -> list[ReadableSpan]:
    """The finished spans called ``name``, in the order they ended."""
    return [span for span in exporter.get_finished_spans() if span.name == name]


def points(reader: InMemoryMetricReader) -> dict[str, list[Any]]:
    """Metric name -> its data points, from this SDK's instrumentation scope."""
    found: dict[str, list[Any]] = {}
    data = reader.get_metrics_data()
    for resource in data.resource_metrics if data is not None else []:
        for scope in resource.scope_metrics:
            if scope.scope.name == "plivo_agentstack":
                for metric in scope.metrics:
                    found[metric.name] = list(metric.data.data_points)
    return found


def current_span_id() -> int:
    """The id of the span current where this runs."""
    return trace.get_current_span().get_span_context().span_id


# --- OpenTelemetry: calls ---------------------------------------------------------------------


async def test_a_call_is_a_server_span_with_a_child_span_per_handler_run(
    mode: str, spans: InMemorySpanExporter
) -> None:
    """The call span carries the ids and counts; each handler run (async on the loop, sync on
    a thread, hooks too) has its own child span, current inside the handler; a handler that
    raises marks its span and the call's as failed, and its tool call is still answered."""
    app = VoiceApp()
    current: dict[str, int] = {}

    @app.on_connect
    async def connected(session: Session) -> None:
        current["on_connect"] = current_span_id()

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        current["session.started"] = current_span_id()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        current[event.id] = current_span_id()
        if event.id == "boom":
            raise RuntimeError("database down")
        session.send_tool_result(event.id, "ok")

    await failing_tool_call(app, mode)

    (call,) = named(spans, CALL)
    assert call.kind is SpanKind.SERVER
    assert dict(call.attributes or {}) == {
        "plivo.call.id": "call-1",
        "plivo.agent_session.id": "as-1",
        "plivo.call.events_in": 4,
        "plivo.call.messages_out": 2,
        "plivo.call.handler_errors": 1,
        "plivo.call.bad_frames": 1,
        "plivo.call.close_code": 1000,
    }
    assert call.status.status_code is StatusCode.ERROR
    handlers = [span for span in spans.get_finished_spans() if span.name.startswith(HANDLER)]
    assert [span.name for span in handlers] == [
        f"{HANDLER} on_connect",
        f"{HANDLER} session.started",
        f"{HANDLER} tool.called",
        f"{HANDLER} tool.called",
    ]
    for span in handlers:
        assert span.parent is not None and span.parent.span_id == call.context.span_id
        assert span.context.trace_id == call.context.trace_id
    hook, started, ok, boom = handlers
    assert [current[key] for key in ("on_connect", "session.started", "t1", "boom")] == [
        span.context.span_id for span in handlers
    ]
    assert dict(hook.attributes or {}) == {
        "plivo.handler.hook": "on_connect",
        "code.function.name": connected.__qualname__,
    }
    assert dict(ok.attributes or {}) == {
        "plivo.event.type": "tool.called",
        "plivo.tool.name": "lookup_order",
        "code.function.name": tool.__qualname__,
    }
    assert started.status.status_code is StatusCode.UNSET
    assert ok.status.status_code is StatusCode.UNSET
    assert boom.status.status_code is StatusCode.ERROR
    assert (boom.attributes or {})["error.type"] == "RuntimeError"
    (exception,) = boom.events
    assert exception.name == "exception"
    assert dict(exception.attributes or {})["exception.message"] == "database down"


async def test_the_catch_all_and_a_tool_handler_run_in_spans_of_their_own(
    spans: InMemorySpanExporter,
) -> None:
    """``@app.on_event`` runs in a span before the typed handler's; a per-tool handler runs
    inside the ``tool.called`` span (a span the handler opens is its child)."""
    app = VoiceApp()
    tracer = trace.get_tracer("tests")

    @app.on_event
    async def every(session: Session, event: Any) -> None:
        pass

    @app.tool("lookup_order")
    def lookup(session: Session, call: ToolCall) -> dict[str, str]:
        with tracer.start_as_current_span("database query"):
            return {"status": "shipped"}

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        assert (await platform.recv())["result"] == {"status": "shipped"}
        tasks = call_tasks(app)
    await finished(tasks)
    catch_all, typed = [s for s in spans.get_finished_spans() if s.name.startswith(HANDLER)]
    assert (catch_all.name, typed.name) == (f"{HANDLER} tool.called", f"{HANDLER} tool.called")
    assert (catch_all.attributes or {})["code.function.name"] == every.__qualname__
    (query,) = named(spans, "database query")
    assert query.parent is not None and query.parent.span_id == typed.context.span_id


async def test_call_metrics(
    mode: str, reader: InMemoryMetricReader, spans: InMemorySpanExporter
) -> None:
    """Active calls go up and down, calls started count, handler latency is a histogram per
    event type (failures apart, by ``error.type``), malformed frames are counted."""
    app = VoiceApp()

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        if event.id == "boom":
            raise KeyError("no such order")
        session.send_tool_result(event.id, "ok")

    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        await platform.recv()
        tasks = call_tasks(app)
        during = points(reader)
        await platform.send(tool_called("t2"))
        await platform.recv()
        await platform.send(tool_called("boom"))
        await platform.recv()
        for bad in ("{not json", "[]"):
            await platform.send(bad)
    await finished(tasks)
    after = points(reader)
    assert [point.value for point in during["plivo.agentstack.call.active"]] == [1]
    assert [point.value for point in after["plivo.agentstack.call.active"]] == [0]
    assert [point.value for point in after["plivo.agentstack.call.started"]] == [1]
    assert [point.value for point in after["plivo.agentstack.bad_frames"]] == [2]
    latency = {
        tuple(sorted(dict(point.attributes).items())): point.count
        for point in after["plivo.agentstack.handler.duration"]
    }
    assert latency == {
        (("plivo.event.type", "tool.called"),): 2,
        (("error.type", "KeyError"), ("plivo.event.type", "tool.called")): 1,
    }
    (duration,) = after["plivo.agentstack.call.duration"]
    assert duration.count == 1


async def test_metrics_alone_need_no_tracer(reader: InMemoryMetricReader) -> None:
    """With only a meter provider set, handlers are timed and nothing is traced."""
    app = VoiceApp()

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, trace.get_current_span().is_recording())

    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(tool_called("t1"))
        assert (await platform.recv())["result"] is False
        tasks = call_tasks(app)
    await finished(tasks)
    (latency,) = points(reader)["plivo.agentstack.handler.duration"]
    assert latency.count == 1


# --- no provider, no package -----------------------------------------------------------------


async def test_without_a_provider_a_call_never_calls_into_opentelemetry(mode: str) -> None:
    """opentelemetry imported, no provider set: the only calls into it are the two provider
    look-ups at the start of each call, however many events it handles (async and sync)."""
    calls: dict[str, int] = {}

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "call" and "/opentelemetry/" in frame.f_code.co_filename:
            calls[frame.f_code.co_name] = calls.get(frame.f_code.co_name, 0) + 1

    app = VoiceApp()

    @app.on("media")
    async def media(session: Session, event: Any) -> None:
        session.send_media(event.payload)

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    frame = {
        "event": "media",
        "sequenceNumber": 1,
        "streamId": "st-1",
        "media": {"track": "inbound", "timestamp": "0", "chunk": 1, "payload": "AAEC"},
    }
    async with running(app, mode) as url:
        sys.setprofile(profile)
        threading.setprofile(profile)  # the handler threads start during the call
        try:
            async with Platform.call(url) as platform:
                for index in range(50):
                    await platform.send(frame)
                    await platform.recv()
                    await platform.send(tool_called(f"t{index}"))
                    await platform.recv()
                tasks = call_tasks(app)
            await finished(tasks)
        finally:
            sys.setprofile(None)
            threading.setprofile(None)  # type: ignore[arg-type]
    assert calls == {"get_tracer_provider": 1, "get_meter_provider": 1}


SCRIPT = """
import asyncio, json, sys
{block}
import httpx
from websockets.asyncio.client import connect

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack.agent import VoiceApp

app = VoiceApp()


@app.on_tool_call
def tool(session, event):
    session.send_tool_result(event.id, "ok")


def answer(request):
    return httpx.Response(200, json={{"agent_uuid": "a-1", "agent_name": "x"}})


async def main():
    async with app.serving("127.0.0.1", 0) as server:
        async with connect(server.url) as ws:
            await ws.send(json.dumps({{"type": "tool.called", "id": "t1", "name": "x"}}))
            reply = json.loads(await ws.recv())
    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    client = plivo_agentstack.AsyncClient(auth_id="MA1", auth_token="t", http_client=http)
    agent = await client.agent.agents.get("a-1")
    sync_http = httpx.Client(transport=httpx.MockTransport(answer))
    sync_client = plivo_agentstack_sync.Client(auth_id="MA1", auth_token="t", http_client=sync_http)
    sync_agent = sync_client.agent.agents.get("a-1")
    loaded = sorted(name for name, module in sys.modules.items()
                    if name.startswith("opentelemetry") and module is not None)
    print(json.dumps([reply["result"], agent.agent_name, sync_agent.agent_name, loaded]))


asyncio.run(main())
"""


@pytest.mark.parametrize(
    "block",
    [
        'sys.modules["opentelemetry"] = None  # as if opentelemetry-api were not installed',
        "# installed, never imported by the application",
    ],
    ids=["absent", "not-imported"],
)
def test_calls_and_requests_work_and_import_nothing_without_opentelemetry(block: str) -> None:
    """Absent, or installed but unused: calls and REST requests in both packages work, and the
    SDK imports no opentelemetry module."""
    script = textwrap.dedent(SCRIPT).format(block=block)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["ok", "x", "x", []]


# --- REST requests -------------------------------------------------------------------------


async def test_a_rest_request_is_a_client_span_with_the_http_conventions(
    client: Any, mock_api: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    """Name: the method; kind CLIENT; method, full URL, server address and port, status; the
    span is current while the request is sent (a transport's spans would be its children)."""
    seen: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(current_span_id())
        return httpx.Response(200, json=AGENT)

    mock_api.get(AGENT_PATH).mock(side_effect=answer)
    await resolve(client.agent.agents.get(AGENT["agent_uuid"]))
    (span,) = spans.get_finished_spans()
    assert (span.name, span.kind) == ("GET", SpanKind.CLIENT)
    assert dict(span.attributes or {}) == {
        "http.request.method": "GET",
        "url.full": f"https://api.plivo.com{AGENT_PATH}",
        "server.address": "api.plivo.com",
        "server.port": 443,
        "http.response.status_code": 200,
    }
    assert span.status.status_code is StatusCode.UNSET
    assert seen == [span.context.span_id]


async def test_each_attempt_of_a_retried_request_has_its_span(
    client: Any, mock_api: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    """A 503 then a 200: two spans; the first failed (``error.type`` "503"), the second has
    ``http.request.resend_count`` 1; the query string is part of ``url.full``."""
    mock_api.get(f"{ACCOUNT}/Agent").mock(
        side_effect=[
            httpx.Response(503, json={"error": "busy"}),
            httpx.Response(
                200, json={"api_id": "r-1", "meta": {"limit": 5, "offset": 0}, "objects": []}
            ),
        ]
    )
    await resolve(client.agent.agents.list(limit=5))
    first, second = spans.get_finished_spans()
    assert (first.attributes or {})["url.full"] == f"https://api.plivo.com{ACCOUNT}/Agent?limit=5"
    assert first.status.status_code is StatusCode.ERROR
    assert (first.attributes or {})["error.type"] == "503"
    assert (first.attributes or {})["http.response.status_code"] == 503
    assert "http.request.resend_count" not in (first.attributes or {})
    assert (second.attributes or {})["http.request.resend_count"] == 1
    assert (second.attributes or {})["http.response.status_code"] == 200
    assert second.status.status_code is StatusCode.UNSET


async def test_a_failed_connection_records_its_error_type(
    client: Any, mock_api: respx.MockRouter, spans: InMemorySpanExporter
) -> None:
    """A transport error: ``error.type`` is its class, the exception is recorded, no status."""
    from plivo_agentstack import APIConnectionError

    mock_api.get(AGENT_PATH).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError):
        await resolve(client.with_options(max_retries=1).agent.agents.get(AGENT["agent_uuid"]))
    attempts = spans.get_finished_spans()
    assert [(s.attributes or {}).get("http.request.resend_count") for s in attempts] == [None, 1]
    for span in attempts:
        assert (span.attributes or {})["error.type"] == "ConnectError"
        assert "http.response.status_code" not in (span.attributes or {})
        assert span.status.status_code is StatusCode.ERROR
        assert [event.name for event in span.events] == ["exception"]


async def test_a_request_made_in_a_handler_is_a_child_of_the_handler_span(
    spans: InMemorySpanExporter,
) -> None:
    """The REST client called from a sync handler: its span's parent is the handler's."""
    from plivo_agentstack_sync import Client

    app = VoiceApp()
    rest = Client(auth_id=AUTH_ID, auth_token=AUTH_TOKEN)

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        agent = rest.agent.agents.get(AGENT["agent_uuid"])
        session.send_tool_result(event.id, agent.agent_name)

    with respx.mock(base_url="https://api.plivo.com") as router:
        router.get(AGENT_PATH).mock(return_value=httpx.Response(200, json=AGENT))
        async with running(app, "standalone") as url, Platform.call(url) as platform:
            await platform.send(tool_called("t1"))
            assert (await platform.recv())["result"] == "support"
            tasks = call_tasks(app)
        await finished(tasks)
    rest.close()
    (request,) = named(spans, "GET")
    (handler,) = named(spans, f"{HANDLER} tool.called")
    assert request.parent is not None and request.parent.span_id == handler.context.span_id


def test_an_explicit_no_op_provider_counts_as_not_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``NoOpTracerProvider``/``NoOpMeterProvider`` set: no telemetry for a call."""
    from opentelemetry.metrics import NoOpMeterProvider

    from plivo_agentstack._telemetry import CallTelemetry

    monkeypatch.setattr(trace, "_TRACER_PROVIDER", trace.NoOpTracerProvider())
    monkeypatch.setattr(metrics_internal, "_METER_PROVIDER", NoOpMeterProvider())
    assert CallTelemetry.start() is None


async def test_a_new_provider_is_used_from_the_next_call_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The provider is looked up per call: replacing it sends later calls' spans to the new
    one."""
    app = VoiceApp()

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    exporters = []
    async with running(app, "standalone") as url:
        for _ in range(2):
            exporter = InMemorySpanExporter()
            provider = TracerProvider()
            provider.add_span_processor(SimpleSpanProcessor(exporter))
            monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
            async with Platform.call(url) as platform:
                await platform.send(tool_called("t1"))
                await platform.recv()
                tasks = call_tasks(app)
            await finished(tasks)
            exporters.append(exporter)
    assert [len(named(exporter, CALL)) for exporter in exporters] == [1, 1]
