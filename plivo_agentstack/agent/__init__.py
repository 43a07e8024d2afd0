"""The voice-agent layer: ``VoiceApp`` (the WebSocket server), ``Session``, typed events,
prebuilt tools and ``semantic_vad`` presets.

Names are imported lazily (PEP 562) so ``import plivo_agentstack.agent`` stays cheap. To export a
new name, add it to ``_import_map`` (name -> relative module), to ``__all__`` and to the
``TYPE_CHECKING`` block.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import (
        ConnectRequest,
        VoiceApp,
        VoiceServer,
    )
    from .events import (
        EVENT_TYPES,
        AgentFalseInterruption,
        AgentHandoff,
        AgentSessionEnded,
        AgentSessionStarted,
        AgentSpeechCompleted,
        AgentSpeechCreated,
        AgentSpeechStarted,
        AgentStateChanged,
        AgentToolCompleted,
        AgentToolFailed,
        AgentToolStarted,
        CallTransferred,
        ClearedAudio,
        Dtmf,
        DtmfSent,
        Error,
        Event,
        Interruption,
        LlmAvailabilityChanged,
        ParticipantAdded,
        ParticipantRemoved,
        PlayCompleted,
        PlayedStream,
        Prompt,
        SessionUsage,
        StreamDtmf,
        StreamMedia,
        StreamStart,
        StreamStop,
        ToolCall,
        ToolExecuted,
        TurnCompleted,
        TurnDetected,
        TurnMetrics,
        UserBackchannel,
        UserIdle,
        UserStateChanged,
        VadSpeechStarted,
        VadSpeechStopped,
        VoicemailBeep,
        VoicemailDetected,
        parse_event,
    )
    from .presets import (
        EAGERNESS_PRESETS,
        expand_semantic_vad,
    )
    from .session import (
        Session,
    )
    from .tools import (
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

__all__ = [
    "VoiceApp",
    "ConnectRequest",
    "VoiceServer",
    "Session",
    "Event",
    "EVENT_TYPES",
    "parse_event",
    "AgentSessionStarted",
    "AgentSessionEnded",
    "Error",
    "SessionUsage",
    "ToolCall",
    "ToolExecuted",
    "TurnCompleted",
    "TurnMetrics",
    "Prompt",
    "Dtmf",
    "DtmfSent",
    "UserIdle",
    "VadSpeechStarted",
    "VadSpeechStopped",
    "TurnDetected",
    "UserStateChanged",
    "UserBackchannel",
    "AgentHandoff",
    "Interruption",
    "AgentSpeechCreated",
    "AgentSpeechStarted",
    "AgentSpeechCompleted",
    "AgentFalseInterruption",
    "AgentStateChanged",
    "AgentToolStarted",
    "AgentToolCompleted",
    "AgentToolFailed",
    "LlmAvailabilityChanged",
    "VoicemailDetected",
    "VoicemailBeep",
    "ParticipantAdded",
    "ParticipantRemoved",
    "CallTransferred",
    "PlayCompleted",
    "StreamStart",
    "StreamMedia",
    "StreamDtmf",
    "PlayedStream",
    "ClearedAudio",
    "StreamStop",
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
    "EAGERNESS_PRESETS",
    "expand_semantic_vad",
]

_import_map: dict[str, str] = {
    "VoiceApp": ".app",
    "ConnectRequest": ".app",
    "VoiceServer": ".app",
    "Session": ".session",
    "Event": ".events",
    "EVENT_TYPES": ".events",
    "parse_event": ".events",
    "AgentSessionStarted": ".events",
    "AgentSessionEnded": ".events",
    "Error": ".events",
    "SessionUsage": ".events",
    "ToolCall": ".events",
    "ToolExecuted": ".events",
    "TurnCompleted": ".events",
    "TurnMetrics": ".events",
    "Prompt": ".events",
    "Dtmf": ".events",
    "DtmfSent": ".events",
    "UserIdle": ".events",
    "VadSpeechStarted": ".events",
    "VadSpeechStopped": ".events",
    "TurnDetected": ".events",
    "UserStateChanged": ".events",
    "UserBackchannel": ".events",
    "AgentHandoff": ".events",
    "Interruption": ".events",
    "AgentSpeechCreated": ".events",
    "AgentSpeechStarted": ".events",
    "AgentSpeechCompleted": ".events",
    "AgentFalseInterruption": ".events",
    "AgentStateChanged": ".events",
    "AgentToolStarted": ".events",
    "AgentToolCompleted": ".events",
    "AgentToolFailed": ".events",
    "LlmAvailabilityChanged": ".events",
    "VoicemailDetected": ".events",
    "VoicemailBeep": ".events",
    "ParticipantAdded": ".events",
    "ParticipantRemoved": ".events",
    "CallTransferred": ".events",
    "PlayCompleted": ".events",
    "StreamStart": ".events",
    "StreamMedia": ".events",
    "StreamDtmf": ".events",
    "PlayedStream": ".events",
    "ClearedAudio": ".events",
    "StreamStop": ".events",
    "CollectAddress": ".tools",
    "CollectCreditCard": ".tools",
    "CollectDOB": ".tools",
    "CollectDigits": ".tools",
    "CollectEmail": ".tools",
    "CollectName": ".tools",
    "CollectPhone": ".tools",
    "EndCall": ".tools",
    "SendDtmf": ".tools",
    "WarmTransfer": ".tools",
    "EAGERNESS_PRESETS": ".presets",
    "expand_semantic_vad": ".presets",
}


def __getattr__(name: str) -> Any:
    """Import an exported name on first access and cache it in the module globals."""
    try:
        module_name = _import_map[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the module globals plus the lazily exported names."""
    return sorted(set(globals()) | set(__all__))
