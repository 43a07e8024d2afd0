# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_events import AgentEvents
from ..models.agent_tool import AgentTool
from ..models.agent_turn_detector import AgentTurnDetector
from ..models.agent_vad import AgentVad
from ..models.background_audio import BackgroundAudio
from ..models.callbacks import Callbacks
from ..models.idle_timeout import IdleTimeout
from ..models.llm_config import LlmConfig
from ..models.mcp_server import McpServer
from ..models.s2s_config import S2SConfig
from ..models.semantic_vad import SemanticVad
from ..models.stream_config import StreamConfig
from ..models.stt_config import SttConfig
from ..models.tts_config import TtsConfig
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="Agent")


@_attrs_define(repr=False, slots=False)
class Agent(WireAccess):
    """An agent.

    Attributes:
        agent_uuid (str): Agent identifier (UUID).
        api_id (str | Unset): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        agent_name (str | Unset): Agent name.
        websocket_url (str | Unset): ws:// or wss:// URL where Plivo connects to your VoiceApp.
        stt (SttConfig | Unset): Speech-to-text provider configuration (also used for `stt_fallback` entries).
        llm (LlmConfig | Unset): LLM provider configuration (also used for `llm_fallback` entries).
        tts (TtsConfig | Unset): Text-to-speech provider configuration (also used for `tts_fallback` entries).
        s2s (S2SConfig | Unset): Speech-to-speech provider configuration; mutually exclusive with stt, llm and tts.
        stt_fallback (list[SttConfig] | Unset): STT providers tried in order if the primary fails.
        llm_fallback (list[LlmConfig] | Unset): LLM providers tried in order if the primary fails.
        tts_fallback (list[TtsConfig] | Unset): TTS providers tried in order if the primary fails.
        agent_tools (list[AgentTool] | Unset): Server-side sub-agent tools.
        mcp_servers (list[McpServer] | Unset): MCP servers whose tools the agent may use.
        semantic_vad (SemanticVad | Unset): Semantic turn-detection settings. The SDK also accepts a preset name (low,
            medium, high, auto) or an `eagerness` key and expands it client-side.
        welcome_greeting (str | Unset): Greeting spoken through TTS when the call starts.
        speaks_first (str | Unset): Who speaks first: agent (default with a welcome greeting) or user.
        wait_for_user_timeout_s (float | Unset): With speaks_first=user: seconds before the greeting is spoken anyway
            (0-60, 0 waits forever).
        idle_timeout (IdleTimeout | Unset): What the agent does when the user stays silent. Seconds (`_s`) and
            milliseconds (`_ms`) key forms are both in use.
        allow_interruptions (bool | Unset): Let the user interrupt the agent (key used by the Python SDK).
        interruption_enabled (bool | Unset): Let the user interrupt the agent (key used by the Node SDK).
        interruption_mode (str | Unset): Interruption handling mode, e.g. adaptive.
        greeting_interruptible (bool | Unset): Let the user interrupt the welcome greeting.
        greeting_interrupt_duration (float | Unset): Seconds of echo-cancellation warm-up before the greeting can be
            interrupted.
        prefill_cache (bool | Unset): Start LLM generation while the user is still speaking (server default true).
        send_on (str | Unset): STT finalization strategy: turn_end (default) or speaking_stop.
        detection_method (str | Unset): Voicemail / answering-machine detection: disabled (default), audio or llm.
        tool_call_timeout_s (int | Unset): Seconds to wait for a customer tool result (1-300, server default 30).
        audio_format (str | Unset): Audio format on the agent socket, e.g. pcm_16k (default) or mulaw_8k.
        audio_channels (int | Unset): Number of audio channels.
        plc_enabled (bool | Unset): Enable packet-loss concealment (server default false).
        comfort_noise_enabled (bool | Unset): Enable comfort noise (server default true).
        cng_divisor (int | Unset): Comfort-noise amplitude divisor; higher is quieter (server default 2800).
        noise_cancellation (bool | Unset): Enable noise cancellation (server default false).
        background_audio (BackgroundAudio | Unset): Background sound mixed into the call.
        stream (StreamConfig | Unset): Plivo Stream attributes (snake_case) for the audio stream to the agent.
        callbacks (Callbacks | Unset): HTTP callbacks for call lifecycle events.
        events (AgentEvents | Unset): Opt-in diagnostic WebSocket events.
        participant_mode (str | Unset): Participant mode: multi for a multi-party conference; two-party otherwise.
        plivo_auth_id (str | Unset): Plivo auth ID used to manage the multi-party conference.
        plivo_auth_token (str | Unset): Plivo auth token used to manage the multi-party conference.
        plivo_number (str | Unset): Caller ID for outbound legs in multi-party mode.
        vad (AgentVad | Unset): Voice activity detection settings.
        turn_detector (AgentTurnDetector | Unset): Turn detector settings.
        byok (bool | Unset): Whether the agent uses its own provider keys.
        created_at (str | Unset): Creation time.
        updated_at (str | Unset): Last update time.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "agent_uuid": "agent_uuid",
        "api_id": "api_id",
        "message": "message",
        "agent_name": "agent_name",
        "websocket_url": "websocket_url",
        "stt": "stt",
        "llm": "llm",
        "tts": "tts",
        "s2s": "s2s",
        "stt_fallback": "stt_fallback",
        "llm_fallback": "llm_fallback",
        "tts_fallback": "tts_fallback",
        "agent_tools": "agent_tools",
        "mcp_servers": "mcp_servers",
        "semantic_vad": "semantic_vad",
        "welcome_greeting": "welcome_greeting",
        "speaks_first": "speaks_first",
        "wait_for_user_timeout_s": "wait_for_user_timeout_s",
        "idle_timeout": "idle_timeout",
        "allow_interruptions": "allow_interruptions",
        "interruption_enabled": "interruption_enabled",
        "interruption_mode": "interruption_mode",
        "greeting_interruptible": "greeting_interruptible",
        "greeting_interrupt_duration": "greeting_interrupt_duration",
        "prefill_cache": "prefill_cache",
        "send_on": "send_on",
        "detection_method": "detection_method",
        "tool_call_timeout_s": "tool_call_timeout_s",
        "audio_format": "audio_format",
        "audio_channels": "audio_channels",
        "plc_enabled": "plc_enabled",
        "comfort_noise_enabled": "comfort_noise_enabled",
        "cng_divisor": "cng_divisor",
        "noise_cancellation": "noise_cancellation",
        "background_audio": "background_audio",
        "stream": "stream",
        "callbacks": "callbacks",
        "events": "events",
        "participant_mode": "participant_mode",
        "plivo_auth_id": "plivo_auth_id",
        "plivo_auth_token": "plivo_auth_token",
        "plivo_number": "plivo_number",
        "vad": "vad",
        "turn_detector": "turn_detector",
        "byok": "byok",
        "created_at": "created_at",
        "updated_at": "updated_at",
    }

    agent_uuid: str
    api_id: str | Unset = UNSET
    message: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    websocket_url: str | Unset = UNSET
    stt: SttConfig | Unset = UNSET
    llm: LlmConfig | Unset = UNSET
    tts: TtsConfig | Unset = UNSET
    s2s: S2SConfig | Unset = UNSET
    stt_fallback: list[SttConfig] | Unset = UNSET
    llm_fallback: list[LlmConfig] | Unset = UNSET
    tts_fallback: list[TtsConfig] | Unset = UNSET
    agent_tools: list[AgentTool] | Unset = UNSET
    mcp_servers: list[McpServer] | Unset = UNSET
    semantic_vad: SemanticVad | Unset = UNSET
    welcome_greeting: str | Unset = UNSET
    speaks_first: str | Unset = UNSET
    wait_for_user_timeout_s: float | Unset = UNSET
    idle_timeout: IdleTimeout | Unset = UNSET
    allow_interruptions: bool | Unset = UNSET
    interruption_enabled: bool | Unset = UNSET
    interruption_mode: str | Unset = UNSET
    greeting_interruptible: bool | Unset = UNSET
    greeting_interrupt_duration: float | Unset = UNSET
    prefill_cache: bool | Unset = UNSET
    send_on: str | Unset = UNSET
    detection_method: str | Unset = UNSET
    tool_call_timeout_s: int | Unset = UNSET
    audio_format: str | Unset = UNSET
    audio_channels: int | Unset = UNSET
    plc_enabled: bool | Unset = UNSET
    comfort_noise_enabled: bool | Unset = UNSET
    cng_divisor: int | Unset = UNSET
    noise_cancellation: bool | Unset = UNSET
    background_audio: BackgroundAudio | Unset = UNSET
    stream: StreamConfig | Unset = UNSET
    callbacks: Callbacks | Unset = UNSET
    events: AgentEvents | Unset = UNSET
    participant_mode: str | Unset = UNSET
    plivo_auth_id: str | Unset = UNSET
    plivo_auth_token: str | Unset = UNSET
    plivo_number: str | Unset = UNSET
    vad: AgentVad | Unset = UNSET
    turn_detector: AgentTurnDetector | Unset = UNSET
    byok: bool | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        agent_uuid = self.agent_uuid

        api_id = self.api_id

        message = self.message

        agent_name = self.agent_name

        websocket_url = self.websocket_url

        stt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stt, Unset):
            stt = self.stt.to_dict()

        llm: dict[str, Any] | Unset = UNSET
        if not isinstance(self.llm, Unset):
            llm = self.llm.to_dict()

        tts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tts, Unset):
            tts = self.tts.to_dict()

        s2s: dict[str, Any] | Unset = UNSET
        if not isinstance(self.s2s, Unset):
            s2s = self.s2s.to_dict()

        stt_fallback: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stt_fallback, Unset):
            stt_fallback = []
            for stt_fallback_item_data in self.stt_fallback:
                stt_fallback_item = stt_fallback_item_data.to_dict()
                stt_fallback.append(stt_fallback_item)

        llm_fallback: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.llm_fallback, Unset):
            llm_fallback = []
            for llm_fallback_item_data in self.llm_fallback:
                llm_fallback_item = llm_fallback_item_data.to_dict()
                llm_fallback.append(llm_fallback_item)

        tts_fallback: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tts_fallback, Unset):
            tts_fallback = []
            for tts_fallback_item_data in self.tts_fallback:
                tts_fallback_item = tts_fallback_item_data.to_dict()
                tts_fallback.append(tts_fallback_item)

        agent_tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agent_tools, Unset):
            agent_tools = []
            for agent_tools_item_data in self.agent_tools:
                agent_tools_item = agent_tools_item_data.to_dict()
                agent_tools.append(agent_tools_item)

        mcp_servers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mcp_servers, Unset):
            mcp_servers = []
            for mcp_servers_item_data in self.mcp_servers:
                mcp_servers_item = mcp_servers_item_data.to_dict()
                mcp_servers.append(mcp_servers_item)

        semantic_vad: dict[str, Any] | Unset = UNSET
        if not isinstance(self.semantic_vad, Unset):
            semantic_vad = self.semantic_vad.to_dict()

        welcome_greeting = self.welcome_greeting

        speaks_first = self.speaks_first

        wait_for_user_timeout_s = self.wait_for_user_timeout_s

        idle_timeout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.idle_timeout, Unset):
            idle_timeout = self.idle_timeout.to_dict()

        allow_interruptions = self.allow_interruptions

        interruption_enabled = self.interruption_enabled

        interruption_mode = self.interruption_mode

        greeting_interruptible = self.greeting_interruptible

        greeting_interrupt_duration = self.greeting_interrupt_duration

        prefill_cache = self.prefill_cache

        send_on = self.send_on

        detection_method = self.detection_method

        tool_call_timeout_s = self.tool_call_timeout_s

        audio_format = self.audio_format

        audio_channels = self.audio_channels

        plc_enabled = self.plc_enabled

        comfort_noise_enabled = self.comfort_noise_enabled

        cng_divisor = self.cng_divisor

        noise_cancellation = self.noise_cancellation

        background_audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.background_audio, Unset):
            background_audio = self.background_audio.to_dict()

        stream: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream, Unset):
            stream = self.stream.to_dict()

        callbacks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callbacks, Unset):
            callbacks = self.callbacks.to_dict()

        events: dict[str, Any] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events.to_dict()

        participant_mode = self.participant_mode

        plivo_auth_id = self.plivo_auth_id

        plivo_auth_token = self.plivo_auth_token

        plivo_number = self.plivo_number

        vad: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vad, Unset):
            vad = self.vad.to_dict()

        turn_detector: dict[str, Any] | Unset = UNSET
        if not isinstance(self.turn_detector, Unset):
            turn_detector = self.turn_detector.to_dict()

        byok = self.byok

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_uuid": agent_uuid,
            }
        )
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if message is not UNSET:
            field_dict["message"] = message
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if websocket_url is not UNSET:
            field_dict["websocket_url"] = websocket_url
        if stt is not UNSET:
            field_dict["stt"] = stt
        if llm is not UNSET:
            field_dict["llm"] = llm
        if tts is not UNSET:
            field_dict["tts"] = tts
        if s2s is not UNSET:
            field_dict["s2s"] = s2s
        if stt_fallback is not UNSET:
            field_dict["stt_fallback"] = stt_fallback
        if llm_fallback is not UNSET:
            field_dict["llm_fallback"] = llm_fallback
        if tts_fallback is not UNSET:
            field_dict["tts_fallback"] = tts_fallback
        if agent_tools is not UNSET:
            field_dict["agent_tools"] = agent_tools
        if mcp_servers is not UNSET:
            field_dict["mcp_servers"] = mcp_servers
        if semantic_vad is not UNSET:
            field_dict["semantic_vad"] = semantic_vad
        if welcome_greeting is not UNSET:
            field_dict["welcome_greeting"] = welcome_greeting
        if speaks_first is not UNSET:
            field_dict["speaks_first"] = speaks_first
        if wait_for_user_timeout_s is not UNSET:
            field_dict["wait_for_user_timeout_s"] = wait_for_user_timeout_s
        if idle_timeout is not UNSET:
            field_dict["idle_timeout"] = idle_timeout
        if allow_interruptions is not UNSET:
            field_dict["allow_interruptions"] = allow_interruptions
        if interruption_enabled is not UNSET:
            field_dict["interruption_enabled"] = interruption_enabled
        if interruption_mode is not UNSET:
            field_dict["interruption_mode"] = interruption_mode
        if greeting_interruptible is not UNSET:
            field_dict["greeting_interruptible"] = greeting_interruptible
        if greeting_interrupt_duration is not UNSET:
            field_dict["greeting_interrupt_duration"] = greeting_interrupt_duration
        if prefill_cache is not UNSET:
            field_dict["prefill_cache"] = prefill_cache
        if send_on is not UNSET:
            field_dict["send_on"] = send_on
        if detection_method is not UNSET:
            field_dict["detection_method"] = detection_method
        if tool_call_timeout_s is not UNSET:
            field_dict["tool_call_timeout_s"] = tool_call_timeout_s
        if audio_format is not UNSET:
            field_dict["audio_format"] = audio_format
        if audio_channels is not UNSET:
            field_dict["audio_channels"] = audio_channels
        if plc_enabled is not UNSET:
            field_dict["plc_enabled"] = plc_enabled
        if comfort_noise_enabled is not UNSET:
            field_dict["comfort_noise_enabled"] = comfort_noise_enabled
        if cng_divisor is not UNSET:
            field_dict["cng_divisor"] = cng_divisor
        if noise_cancellation is not UNSET:
            field_dict["noise_cancellation"] = noise_cancellation
        if background_audio is not UNSET:
            field_dict["background_audio"] = background_audio
        if stream is not UNSET:
            field_dict["stream"] = stream
        if callbacks is not UNSET:
            field_dict["callbacks"] = callbacks
        if events is not UNSET:
            field_dict["events"] = events
        if participant_mode is not UNSET:
            field_dict["participant_mode"] = participant_mode
        if plivo_auth_id is not UNSET:
            field_dict["plivo_auth_id"] = plivo_auth_id
        if plivo_auth_token is not UNSET:
            field_dict["plivo_auth_token"] = plivo_auth_token
        if plivo_number is not UNSET:
            field_dict["plivo_number"] = plivo_number
        if vad is not UNSET:
            field_dict["vad"] = vad
        if turn_detector is not UNSET:
            field_dict["turn_detector"] = turn_detector
        if byok is not UNSET:
            field_dict["byok"] = byok
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("agent_uuid") is None:
            raise missing(cls, "agent_uuid")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "stt" in d:
            v = d.pop("stt")
            if type(v) is dict:
                d["\x00stt"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["stt"] = SttConfig.from_dict(v)
        if "llm" in d:
            v = d.pop("llm")
            if LlmConfig._shape_ok(v):
                d["\x00llm"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["llm"] = LlmConfig.from_dict(v)
        if "tts" in d:
            v = d.pop("tts")
            if type(v) is dict:
                d["\x00tts"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["tts"] = TtsConfig.from_dict(v)
        if "s2s" in d:
            v = d.pop("s2s")
            if S2SConfig._shape_ok(v):
                d["\x00s2s"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["s2s"] = S2SConfig.from_dict(v)
        if "stt_fallback" in d:
            v = d.pop("stt_fallback")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00stt_fallback"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["stt_fallback"] = [SttConfig.from_dict(item) for item in v]
        if "llm_fallback" in d:
            v = d.pop("llm_fallback")
            if type(v) is list and all(LlmConfig._shape_ok(item) for item in v):
                d["\x00llm_fallback"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["llm_fallback"] = [LlmConfig.from_dict(item) for item in v]
        if "tts_fallback" in d:
            v = d.pop("tts_fallback")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00tts_fallback"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["tts_fallback"] = [TtsConfig.from_dict(item) for item in v]
        if "agent_tools" in d:
            v = d.pop("agent_tools")
            if type(v) is list and all(AgentTool._shape_ok(item) for item in v):
                d["\x00agent_tools"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["agent_tools"] = [AgentTool.from_dict(item) for item in v]
        if "mcp_servers" in d:
            v = d.pop("mcp_servers")
            if type(v) is list and all(McpServer._shape_ok(item) for item in v):
                d["\x00mcp_servers"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["mcp_servers"] = [McpServer.from_dict(item) for item in v]
        if "semantic_vad" in d:
            v = d.pop("semantic_vad")
            if type(v) is dict:
                d["\x00semantic_vad"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["semantic_vad"] = SemanticVad.from_dict(v)
        if "idle_timeout" in d:
            v = d.pop("idle_timeout")
            if type(v) is dict:
                d["\x00idle_timeout"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["idle_timeout"] = IdleTimeout.from_dict(v)
        if "background_audio" in d:
            v = d.pop("background_audio")
            if type(v) is dict:
                d["\x00background_audio"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["background_audio"] = BackgroundAudio.from_dict(v)
        if "stream" in d:
            v = d.pop("stream")
            if StreamConfig._shape_ok(v):
                d["\x00stream"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["stream"] = StreamConfig.from_dict(v)
        if "callbacks" in d:
            v = d.pop("callbacks")
            if Callbacks._shape_ok(v):
                d["\x00callbacks"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["callbacks"] = Callbacks.from_dict(v)
        if "events" in d:
            v = d.pop("events")
            if type(v) is dict:
                d["\x00events"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["events"] = AgentEvents.from_dict(v)
        if "vad" in d:
            v = d.pop("vad")
            if type(v) is dict:
                d["\x00vad"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["vad"] = AgentVad.from_dict(v)
        if "turn_detector" in d:
            v = d.pop("turn_detector")
            if type(v) is dict:
                d["\x00turn_detector"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["turn_detector"] = AgentTurnDetector.from_dict(v)
        agent = new_instance(cls)
        agent.__dict__ = d
        return agent

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Agent._wire_keys)
set_defaults(
    Agent,
    lazy=(
        LazyModel("stt", SttConfig._from_json),
        LazyModel("llm", LlmConfig._from_json),
        LazyModel("tts", TtsConfig._from_json),
        LazyModel("s2s", S2SConfig._from_json),
        LazyModel("stt_fallback", SttConfig._from_json, many=True),
        LazyModel("llm_fallback", LlmConfig._from_json, many=True),
        LazyModel("tts_fallback", TtsConfig._from_json, many=True),
        LazyModel("agent_tools", AgentTool._from_json, many=True),
        LazyModel("mcp_servers", McpServer._from_json, many=True),
        LazyModel("semantic_vad", SemanticVad._from_json),
        LazyModel("idle_timeout", IdleTimeout._from_json),
        LazyModel("background_audio", BackgroundAudio._from_json),
        LazyModel("stream", StreamConfig._from_json),
        LazyModel("callbacks", Callbacks._from_json),
        LazyModel("events", AgentEvents._from_json),
        LazyModel("vad", AgentVad._from_json),
        LazyModel("turn_detector", AgentTurnDetector._from_json),
    ),
)
