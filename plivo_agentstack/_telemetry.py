"""OpenTelemetry spans and metrics, emitted only while the application has configured them.

``opentelemetry-api`` is optional (``pip install 'plivo-agentstack[otel]'``) and this module
never imports it: it looks for ``opentelemetry.trace`` / ``opentelemetry.metrics`` among the
modules the application already imported, and uses one only while a real provider is set
globally (an SDK ``TracerProvider`` / ``MeterProvider``; the API's default proxy and its no-op
providers do not count). The rule is applied once per call, at its start, and once per REST
request, never per event: without a configured provider a call runs the code it runs without
OpenTelemetry installed.

Spans: ``plivo.agentstack.call`` (SERVER, one per call), ``plivo.agentstack.handler <label>``
(a child of it per handler run, current inside the handler, async or sync), and one CLIENT
span per REST request attempt, named after its method, with the HTTP semantic-convention
attributes. Metrics: see :class:`Instruments`.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from plivo_agentstack._version import __version__

if TYPE_CHECKING:
    import httpx
    from opentelemetry.context import Context
    from opentelemetry.metrics import Counter, Histogram, Meter, UpDownCounter
    from opentelemetry.trace import Span, Tracer

__all__ = [
    "CALL_SPAN",
    "HANDLER_SPAN",
    "SCOPE",
    "CallTelemetry",
    "Instruments",
    "RequestSpan",
    "live_instruments",
    "live_tracer",
]

SCOPE = "plivo_agentstack"  # the instrumentation scope of every span and metric
CALL_SPAN = "plivo.agentstack.call"
HANDLER_SPAN = "plivo.agentstack.handler"  # + " <event type>" (or " on_connect", ...)
# The call's summary fields (see agent/_report.py) and the span attributes they become.
CALL_ATTRIBUTES = {
    "call_id": "plivo.call.id",
    "agent_session_id": "plivo.agent_session.id",
    "stream_id": "plivo.stream.id",
    "events_in": "plivo.call.events_in",
    "messages_out": "plivo.call.messages_out",
    "handler_errors": "plivo.call.handler_errors",
    "bad_frames": "plivo.call.bad_frames",
    "close_code": "plivo.call.close_code",
}
HANDLER_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CALL_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0)

# (provider, what was built for it): rebuilt when the application sets another provider.
_cache: dict[str, tuple[object, Any]] = {}


def live_tracer() -> Tracer | None:
    """This SDK's tracer while an SDK ``TracerProvider`` is set, else None."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return None
    provider = trace.get_tracer_provider()
    if isinstance(provider, (trace.ProxyTracerProvider, trace.NoOpTracerProvider)):
        return None
    cached = _cache.get("tracer")
    if cached is None or cached[0] is not provider:
        cached = _cache["tracer"] = (provider, provider.get_tracer(SCOPE, __version__))
    tracer: Tracer = cached[1]
    return tracer


def live_instruments() -> Instruments | None:
    """This SDK's metric instruments while an SDK ``MeterProvider`` is set, else None."""
    metrics = sys.modules.get("opentelemetry.metrics")
    if metrics is None:
        return None
    provider = metrics.get_meter_provider()
    internal = sys.modules.get("opentelemetry.metrics._internal")
    proxy = getattr(internal, "_ProxyMeterProvider", metrics.NoOpMeterProvider)
    if isinstance(provider, (metrics.NoOpMeterProvider, proxy)):
        return None
    cached = _cache.get("instruments")
    if cached is None or cached[0] is not provider:
        meter = provider.get_meter(SCOPE, __version__)
        cached = _cache["instruments"] = (provider, Instruments(meter))
    instruments: Instruments = cached[1]
    return instruments


class Instruments:
    """The metrics of the voice server, all named ``plivo.agentstack.*``."""

    def __init__(self, meter: Meter) -> None:
        self.calls_started: Counter = meter.create_counter(
            "plivo.agentstack.call.started", "{call}", "Calls accepted by the VoiceApp"
        )
        self.calls_active: UpDownCounter = meter.create_up_down_counter(
            "plivo.agentstack.call.active", "{call}", "Calls in progress"
        )
        self.call_duration: Histogram = meter.create_histogram(
            "plivo.agentstack.call.duration",
            "s",
            "Duration of calls, from connect to disconnect",
            explicit_bucket_boundaries_advisory=CALL_BUCKETS,
        )
        self.handler_duration: Histogram = meter.create_histogram(
            "plivo.agentstack.handler.duration",
            "s",
            "Duration of handler runs",
            explicit_bucket_boundaries_advisory=HANDLER_BUCKETS,
        )
        self.bad_frames: Counter = meter.create_counter(
            "plivo.agentstack.bad_frames", "{frame}", "Malformed frames received"
        )


def _error_type(exc: BaseException) -> str:
    return type(exc).__qualname__


def _fail(span: Span, exc: BaseException) -> None:
    from opentelemetry.trace import Status, StatusCode

    span.record_exception(exc)
    span.set_attribute("error.type", _error_type(exc))
    span.set_status(Status(StatusCode.ERROR, f"{_error_type(exc)}: {exc}"))


class CallTelemetry:
    """One call's span, its handlers' spans and the voice metrics (see the module docstring)."""

    __slots__ = ("_tracer", "_instruments", "_span", "_context")

    @classmethod
    def start(cls) -> CallTelemetry | None:
        """The telemetry of a call starting now, or None when no provider is configured."""
        tracer, instruments = live_tracer(), live_instruments()
        if tracer is None and instruments is None:
            return None
        return cls(tracer, instruments)

    def __init__(self, tracer: Tracer | None, instruments: Instruments | None) -> None:
        self._tracer = tracer
        self._instruments = instruments
        self._span: Span | None = None
        self._context: Context | None = None
        if tracer is not None:
            from opentelemetry import trace

            self._span = tracer.start_span(CALL_SPAN, kind=trace.SpanKind.SERVER)
            self._context = trace.set_span_in_context(self._span)
        if instruments is not None:
            instruments.calls_started.add(1)
            instruments.calls_active.add(1)

    def identify(self, fields: Mapping[str, Any]) -> None:
        """Put the call's ids (``call_id``, ...; None: not known) on its span."""
        if self._span is not None:
            self._span.set_attributes(_attributes(fields))

    @contextlib.contextmanager
    def handler(self, label: str, fn: Callable[..., Any], event: Any) -> Iterator[None]:
        """Run the ``with`` body as one handler run: a span current inside it, its duration.

        ``label`` is the event type (``event`` is the event), or the hook's name
        (``on_connect``, ``on_disconnect``; ``event`` is None). An exception escaping the body
        is recorded on the span, which gets status ERROR, and is re-raised.
        """
        attributes: dict[str, Any] = (
            {"plivo.handler.hook": label} if event is None else {"plivo.event.type": label}
        )
        span = token = None
        if self._tracer is not None:
            from opentelemetry import context, trace

            named = {**attributes, "code.function.name": _qualname(fn)}
            tool = getattr(event, "name", None) if label == "tool.called" else None
            if isinstance(tool, str):
                named["plivo.tool.name"] = tool
            span = self._tracer.start_span(
                f"{HANDLER_SPAN} {label}", self._context, attributes=named
            )
            token = context.attach(trace.set_span_in_context(span))
        started = time.perf_counter()
        try:
            yield
        except BaseException as exc:
            attributes["error.type"] = _error_type(exc)
            if span is not None:
                _fail(span, exc)
            raise
        finally:
            if self._instruments is not None:
                self._instruments.handler_duration.record(time.perf_counter() - started, attributes)
            if span is not None:
                from opentelemetry import context

                context.detach(token)  # type: ignore[arg-type]
                span.end()

    def bad_frame(self) -> None:
        """Count one malformed frame."""
        if self._instruments is not None:
            self._instruments.bad_frames.add(1)

    def end(self, fields: Mapping[str, Any], duration: float) -> None:
        """The call is over: finish its span (``fields``: its summary) and its metrics."""
        span = self._span
        if span is not None:
            span.set_attributes(_attributes(fields))
            errors = fields.get("handler_errors")
            if errors:
                from opentelemetry.trace import Status, StatusCode

                span.set_status(Status(StatusCode.ERROR, f"{errors} handler error(s)"))
            span.end()
        if self._instruments is not None:
            self._instruments.calls_active.add(-1)
            self._instruments.call_duration.record(duration)


def _attributes(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: fields[key] for key, name in CALL_ATTRIBUTES.items() if fields.get(key) is not None
    }


def _qualname(fn: Callable[..., Any]) -> str:
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    return str(name or type(fn).__qualname__)


class RequestSpan:
    """One attempt of a REST request as a CLIENT span, current inside its ``with`` block.

    Attributes per the HTTP semantic conventions: ``http.request.method``, ``url.full``,
    ``server.address``, ``server.port``, ``http.request.resend_count`` (retries),
    ``http.response.status_code`` and, on failure, ``error.type`` (the status code, or the
    exception's class) with status ERROR.
    """

    __slots__ = ("_span", "_token")

    def __init__(self, tracer: Tracer, request: httpx.Request, attempt: int) -> None:
        from opentelemetry.trace import SpanKind

        url = request.url
        attributes: dict[str, Any] = {
            "http.request.method": request.method,
            "url.full": str(url),
            "server.address": url.host,
            "server.port": url.port or (443 if url.scheme == "https" else 80),
        }
        if attempt:
            attributes["http.request.resend_count"] = attempt
        self._span = tracer.start_span(request.method, kind=SpanKind.CLIENT, attributes=attributes)
        self._token: object = None

    def __enter__(self) -> RequestSpan:
        from opentelemetry import context, trace

        self._token = context.attach(trace.set_span_in_context(self._span))
        return self

    def received(self, status: int) -> None:
        """The response's status arrived; 4xx and 5xx mark the span as failed."""
        span = self._span
        span.set_attribute("http.response.status_code", status)
        if status >= 400:
            from opentelemetry.trace import Status, StatusCode

            span.set_attribute("error.type", str(status))
            span.set_status(Status(StatusCode.ERROR))

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        from opentelemetry import context

        try:
            if exc is not None:
                _fail(self._span, exc)
        finally:
            context.detach(self._token)  # type: ignore[arg-type]
            self._span.end()
