"""Offline tools for your own tests: a stateful fake of the REST API and a call simulator.

Names are imported lazily (PEP 562). To export a new name, add it to ``_import_map``
(name -> relative module), to ``__all__`` and to the ``TYPE_CHECKING`` block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plivo_agentstack._lazy import lazy_exports

if TYPE_CHECKING:
    from ._schema import (
        SchemaError,
    )
    from ._voice_calls import VoiceCalls
    from .environment import Environment
    from .fake_api import (
        DEFAULT_AUTH_ID,
        DEFAULT_AUTH_TOKEN,
        FakePlivo,
        FakeServer,
        RecordedRequest,
    )
    from .outbound import OutboundCalls
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
        StartStep,
        Step,
        StopStep,
        ToolStep,
        VoicemailStep,
        WaitStep,
        load_script,
        parse_script,
    )
    from .simulator import (
        AppError,
        CallEndedError,
        CallResult,
        CallSimulator,
        RecordedMessage,
        SimulatorConnectionError,
        SimulatorError,
        SimulatorTimeout,
        ToolCallError,
        ToolCallRecord,
        TranscriptLine,
        Violation,
        run_call,
        simulate_call,
    )

__all__ = [
    "Environment",
    "OutboundCalls",
    "FakePlivo",
    "RecordedRequest",
    "FakeServer",
    "DEFAULT_AUTH_ID",
    "DEFAULT_AUTH_TOKEN",
    "SchemaError",
    "VoiceCalls",
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
    "SimulatorConnectionError",
    "SimulatorTimeout",
    "ToolCallError",
    "CallEndedError",
    "Script",
    "ScriptError",
    "load_script",
    "parse_script",
    "Step",
    "StartStep",
    "SayStep",
    "DtmfStep",
    "ToolStep",
    "AgentToolStep",
    "VoicemailStep",
    "AudioStep",
    "WaitStep",
    "PauseStep",
    "EventStep",
    "EndStep",
    "StopStep",
]

_import_map: dict[str, str] = {
    "Environment": ".environment",
    "OutboundCalls": ".outbound",
    "FakePlivo": ".fake_api",
    "RecordedRequest": ".fake_api",
    "FakeServer": ".fake_api",
    "DEFAULT_AUTH_ID": ".fake_api",
    "DEFAULT_AUTH_TOKEN": ".fake_api",
    "SchemaError": "._schema",
    "VoiceCalls": "._voice_calls",
    "CallSimulator": ".simulator",
    "CallResult": ".simulator",
    "simulate_call": ".simulator",
    "run_call": ".simulator",
    "RecordedMessage": ".simulator",
    "ToolCallRecord": ".simulator",
    "Violation": ".simulator",
    "AppError": ".simulator",
    "TranscriptLine": ".simulator",
    "SimulatorError": ".simulator",
    "SimulatorConnectionError": ".simulator",
    "SimulatorTimeout": ".simulator",
    "ToolCallError": ".simulator",
    "CallEndedError": ".simulator",
    "Script": ".script",
    "ScriptError": ".script",
    "load_script": ".script",
    "parse_script": ".script",
    "Step": ".script",
    "StartStep": ".script",
    "SayStep": ".script",
    "DtmfStep": ".script",
    "ToolStep": ".script",
    "AgentToolStep": ".script",
    "VoicemailStep": ".script",
    "AudioStep": ".script",
    "WaitStep": ".script",
    "PauseStep": ".script",
    "EventStep": ".script",
    "EndStep": ".script",
    "StopStep": ".script",
}

# Type checkers see the names in the TYPE_CHECKING block, so that a misspelt one is an error
# for them rather than ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _import_map, globals())
