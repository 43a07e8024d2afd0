# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/agent_agents.py.
"""Operations on ``client.agent.agents``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import check_extra, compact, expand_semantic_vad, merged
from plivo_agentstack._generated.api.agents import (
    create_agent,
    delete_agent,
    get_agent,
    list_agents,
    update_agent,
)
from plivo_agentstack._generated.models.agent import Agent
from plivo_agentstack._generated.models.agent_events import AgentEvents
from plivo_agentstack._generated.models.agent_tool import AgentTool
from plivo_agentstack._generated.models.background_audio import BackgroundAudio
from plivo_agentstack._generated.models.callbacks import Callbacks
from plivo_agentstack._generated.models.detection_method import DetectionMethod
from plivo_agentstack._generated.models.idle_timeout import IdleTimeout
from plivo_agentstack._generated.models.llm_config import LlmConfig
from plivo_agentstack._generated.models.mcp_server import McpServer
from plivo_agentstack._generated.models.s2s_config import S2SConfig
from plivo_agentstack._generated.models.semantic_vad import SemanticVad
from plivo_agentstack._generated.models.send_on import SendOn
from plivo_agentstack._generated.models.speaks_first import SpeaksFirst
from plivo_agentstack._generated.models.stream_config import StreamConfig
from plivo_agentstack._generated.models.stt_config import SttConfig
from plivo_agentstack._generated.models.tts_config import TtsConfig
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import Page

__all__ = ["AgentAgentsResource", "AgentAgentsResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "limit": "limit",
    "offset": "offset",
    "sort_by": "sort_by",
    "sort_order": "sort_order",
    "agent_mode": "agent_mode",
    "participant_mode": "participant_mode",
}
_CREATE_PARAMS: Final = {
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
}
_GET_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
}
_DELETE_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
}
_UPDATE_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
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
}


class AgentAgentsResource(APIResource):
    """Operations on ``client.agent.agents``."""

    @cached_property
    def with_raw_response(self) -> AgentAgentsResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AgentAgentsResourceWithRawResponse(self._client.raw_view())

    def list(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        agent_mode: str | None = None,
        participant_mode: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Page[Agent]:
        """List agents."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.agent.agents.list")
        request = list_agents.build_request(
            self._client.auth_id,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            agent_mode=agent_mode,
            participant_mode=participant_mode,
        )
        return self._client.paginate(
            request,
            list_agents.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def create(
        self,
        *,
        agent_name: str,
        websocket_url: str,
        stt: SttConfig | Mapping[str, Any] | None = None,
        llm: LlmConfig | Mapping[str, Any] | None = None,
        tts: TtsConfig | Mapping[str, Any] | None = None,
        s2s: S2SConfig | Mapping[str, Any] | None = None,
        stt_fallback: Sequence[SttConfig | Mapping[str, Any]] | None = None,
        llm_fallback: Sequence[LlmConfig | Mapping[str, Any]] | None = None,
        tts_fallback: Sequence[TtsConfig | Mapping[str, Any]] | None = None,
        agent_tools: Sequence[AgentTool | Mapping[str, Any]] | None = None,
        mcp_servers: Sequence[McpServer | Mapping[str, Any]] | None = None,
        semantic_vad: str | SemanticVad | Mapping[str, Any] | None = None,
        welcome_greeting: str | None = None,
        speaks_first: SpeaksFirst | str | None = None,
        wait_for_user_timeout_s: float | None = None,
        idle_timeout: IdleTimeout | Mapping[str, Any] | None = None,
        allow_interruptions: bool | None = None,
        interruption_enabled: bool | None = None,
        interruption_mode: str | None = None,
        greeting_interruptible: bool | None = None,
        greeting_interrupt_duration: float | None = None,
        prefill_cache: bool | None = None,
        send_on: SendOn | str | None = None,
        detection_method: DetectionMethod | str | None = None,
        tool_call_timeout_s: int | None = None,
        audio_format: str | None = None,
        audio_channels: int | None = None,
        plc_enabled: bool | None = None,
        comfort_noise_enabled: bool | None = None,
        cng_divisor: int | None = None,
        noise_cancellation: bool | None = None,
        background_audio: BackgroundAudio | Mapping[str, Any] | None = None,
        stream: StreamConfig | Mapping[str, Any] | None = None,
        callbacks: Callbacks | Mapping[str, Any] | None = None,
        events: AgentEvents | Mapping[str, Any] | None = None,
        participant_mode: str | None = None,
        plivo_auth_id: str | None = None,
        plivo_auth_token: str | None = None,
        plivo_number: str | None = None,
        vad: Mapping[str, Any] | None = None,
        turn_detector: Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Agent:
        """Create an agent.

        Args:
            agent_name: Agent name.
            websocket_url: ws:// or wss:// URL where Plivo connects to your VoiceApp.
            stt: Speech-to-text provider configuration (also used for `stt_fallback` entries).
            llm: LLM provider configuration (also used for `llm_fallback` entries).
            tts: Text-to-speech provider configuration (also used for `tts_fallback` entries).
            s2s: Speech-to-speech provider configuration; mutually exclusive with stt, llm and
                tts.
            stt_fallback: STT providers tried in order if the primary fails.
            llm_fallback: LLM providers tried in order if the primary fails.
            tts_fallback: TTS providers tried in order if the primary fails.
            agent_tools: Server-side sub-agent tools.
            mcp_servers: MCP servers whose tools the agent may use.
            semantic_vad: Semantic turn-detection settings. The SDK also accepts a preset name
                (low, medium, high, auto) or an `eagerness` key and expands it client-side.
            welcome_greeting: Greeting spoken through TTS when the call starts.
            speaks_first: Who speaks first.
            wait_for_user_timeout_s: With speaks_first=user: seconds before the greeting is
                spoken anyway (0-60, 0 waits forever).
            idle_timeout: What the agent does when the user stays silent. Seconds (`_s`) and
                milliseconds (`_ms`) key forms are both in use.
            allow_interruptions: Let the user interrupt the agent (key used by the Python SDK).
            interruption_enabled: Let the user interrupt the agent (key used by the Node SDK).
            interruption_mode: Interruption handling mode, e.g. adaptive.
            greeting_interruptible: Let the user interrupt the welcome greeting.
            greeting_interrupt_duration: Seconds of echo-cancellation warm-up before the
                greeting can be interrupted.
            prefill_cache: Start LLM generation while the user is still speaking (server default
                true).
            send_on: STT finalization strategy.
            detection_method: Voicemail / answering-machine detection method.
            tool_call_timeout_s: Seconds to wait for a customer tool result (1-300, server
                default 30).
            audio_format: Audio format on the agent socket, e.g. pcm_16k (default) or mulaw_8k.
            audio_channels: Number of audio channels.
            plc_enabled: Enable packet-loss concealment (server default false).
            comfort_noise_enabled: Enable comfort noise (server default true).
            cng_divisor: Comfort-noise amplitude divisor; higher is quieter (server default
                2800).
            noise_cancellation: Enable noise cancellation (server default false).
            background_audio: Background sound mixed into the call.
            stream: Plivo Stream attributes (snake_case) for the audio stream to the agent.
            callbacks: HTTP callbacks for call lifecycle events.
            events: Opt-in diagnostic WebSocket events.
            participant_mode: Participant mode: multi for a multi-party conference; two-party
                otherwise.
            plivo_auth_id: Plivo auth ID used to manage the multi-party conference.
            plivo_auth_token: Plivo auth token used to manage the multi-party conference.
            plivo_number: Caller ID for outbound legs in multi-party mode.
            vad: Voice activity detection settings.
            turn_detector: Turn detector settings.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _CREATE_PARAMS, "client.agent.agents.create")
        body = compact(
            {
                "agent_name": agent_name,
                "websocket_url": websocket_url,
                "stt": stt,
                "llm": llm,
                "tts": tts,
                "s2s": s2s,
                "stt_fallback": stt_fallback,
                "llm_fallback": llm_fallback,
                "tts_fallback": tts_fallback,
                "agent_tools": agent_tools,
                "mcp_servers": mcp_servers,
                "semantic_vad": expand_semantic_vad(semantic_vad),
                "welcome_greeting": welcome_greeting,
                "speaks_first": speaks_first,
                "wait_for_user_timeout_s": wait_for_user_timeout_s,
                "idle_timeout": idle_timeout,
                "allow_interruptions": allow_interruptions,
                "interruption_enabled": interruption_enabled,
                "interruption_mode": interruption_mode,
                "greeting_interruptible": greeting_interruptible,
                "greeting_interrupt_duration": greeting_interrupt_duration,
                "prefill_cache": prefill_cache,
                "send_on": send_on,
                "detection_method": detection_method,
                "tool_call_timeout_s": tool_call_timeout_s,
                "audio_format": audio_format,
                "audio_channels": audio_channels,
                "plc_enabled": plc_enabled,
                "comfort_noise_enabled": comfort_noise_enabled,
                "cng_divisor": cng_divisor,
                "noise_cancellation": noise_cancellation,
                "background_audio": background_audio,
                "stream": stream,
                "callbacks": callbacks,
                "events": events,
                "participant_mode": participant_mode,
                "plivo_auth_id": plivo_auth_id,
                "plivo_auth_token": plivo_auth_token,
                "plivo_number": plivo_number,
                "vad": vad,
                "turn_detector": turn_detector,
            }
        )
        body.update(extra)
        request = create_agent.build_request(
            self._client.auth_id,
            body=body,
        )
        return self._client.request(
            request,
            create_agent.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    def get(
        self,
        agent_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Agent:
        """Get an agent."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.agent.agents.get")
        request = get_agent.build_request(
            self._client.auth_id,
            agent_uuid,
        )
        return self._client.request(
            request,
            get_agent.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def delete(
        self,
        agent_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> None:
        """Delete an agent."""
        if extra:
            check_extra(extra, _DELETE_PARAMS, "client.agent.agents.delete")
        request = delete_agent.build_request(
            self._client.auth_id,
            agent_uuid,
        )
        return self._client.request(
            request,
            delete_agent.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def update(
        self,
        agent_uuid: str,
        *,
        agent_name: str | None = None,
        websocket_url: str | None = None,
        stt: SttConfig | Mapping[str, Any] | None = None,
        llm: LlmConfig | Mapping[str, Any] | None = None,
        tts: TtsConfig | Mapping[str, Any] | None = None,
        s2s: S2SConfig | Mapping[str, Any] | None = None,
        stt_fallback: Sequence[SttConfig | Mapping[str, Any]] | None = None,
        llm_fallback: Sequence[LlmConfig | Mapping[str, Any]] | None = None,
        tts_fallback: Sequence[TtsConfig | Mapping[str, Any]] | None = None,
        agent_tools: Sequence[AgentTool | Mapping[str, Any]] | None = None,
        mcp_servers: Sequence[McpServer | Mapping[str, Any]] | None = None,
        semantic_vad: str | SemanticVad | Mapping[str, Any] | None = None,
        welcome_greeting: str | None = None,
        speaks_first: SpeaksFirst | str | None = None,
        wait_for_user_timeout_s: float | None = None,
        idle_timeout: IdleTimeout | Mapping[str, Any] | None = None,
        allow_interruptions: bool | None = None,
        interruption_enabled: bool | None = None,
        interruption_mode: str | None = None,
        greeting_interruptible: bool | None = None,
        greeting_interrupt_duration: float | None = None,
        prefill_cache: bool | None = None,
        send_on: SendOn | str | None = None,
        detection_method: DetectionMethod | str | None = None,
        tool_call_timeout_s: int | None = None,
        audio_format: str | None = None,
        audio_channels: int | None = None,
        plc_enabled: bool | None = None,
        comfort_noise_enabled: bool | None = None,
        cng_divisor: int | None = None,
        noise_cancellation: bool | None = None,
        background_audio: BackgroundAudio | Mapping[str, Any] | None = None,
        stream: StreamConfig | Mapping[str, Any] | None = None,
        callbacks: Callbacks | Mapping[str, Any] | None = None,
        events: AgentEvents | Mapping[str, Any] | None = None,
        participant_mode: str | None = None,
        plivo_auth_id: str | None = None,
        plivo_auth_token: str | None = None,
        plivo_number: str | None = None,
        vad: Mapping[str, Any] | None = None,
        turn_detector: Mapping[str, Any] | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Agent:
        """Update an agent; only the fields given are changed.

        Args:
            agent_name: Agent name.
            websocket_url: ws:// or wss:// URL where Plivo connects to your VoiceApp.
            stt: Speech-to-text provider configuration (also used for `stt_fallback` entries).
            llm: LLM provider configuration (also used for `llm_fallback` entries).
            tts: Text-to-speech provider configuration (also used for `tts_fallback` entries).
            s2s: Speech-to-speech provider configuration; mutually exclusive with stt, llm and
                tts.
            stt_fallback: STT providers tried in order if the primary fails.
            llm_fallback: LLM providers tried in order if the primary fails.
            tts_fallback: TTS providers tried in order if the primary fails.
            agent_tools: Server-side sub-agent tools.
            mcp_servers: MCP servers whose tools the agent may use.
            semantic_vad: Semantic turn-detection settings. The SDK also accepts a preset name
                (low, medium, high, auto) or an `eagerness` key and expands it client-side.
            welcome_greeting: Greeting spoken through TTS when the call starts.
            speaks_first: Who speaks first.
            wait_for_user_timeout_s: With speaks_first=user: seconds before the greeting is
                spoken anyway (0-60, 0 waits forever).
            idle_timeout: What the agent does when the user stays silent. Seconds (`_s`) and
                milliseconds (`_ms`) key forms are both in use.
            allow_interruptions: Let the user interrupt the agent (key used by the Python SDK).
            interruption_enabled: Let the user interrupt the agent (key used by the Node SDK).
            interruption_mode: Interruption handling mode, e.g. adaptive.
            greeting_interruptible: Let the user interrupt the welcome greeting.
            greeting_interrupt_duration: Seconds of echo-cancellation warm-up before the
                greeting can be interrupted.
            prefill_cache: Start LLM generation while the user is still speaking (server default
                true).
            send_on: STT finalization strategy.
            detection_method: Voicemail / answering-machine detection method.
            tool_call_timeout_s: Seconds to wait for a customer tool result (1-300, server
                default 30).
            audio_format: Audio format on the agent socket, e.g. pcm_16k (default) or mulaw_8k.
            audio_channels: Number of audio channels.
            plc_enabled: Enable packet-loss concealment (server default false).
            comfort_noise_enabled: Enable comfort noise (server default true).
            cng_divisor: Comfort-noise amplitude divisor; higher is quieter (server default
                2800).
            noise_cancellation: Enable noise cancellation (server default false).
            background_audio: Background sound mixed into the call.
            stream: Plivo Stream attributes (snake_case) for the audio stream to the agent.
            callbacks: HTTP callbacks for call lifecycle events.
            events: Opt-in diagnostic WebSocket events.
            participant_mode: Participant mode: multi for a multi-party conference; two-party
                otherwise.
            plivo_auth_id: Plivo auth ID used to manage the multi-party conference.
            plivo_auth_token: Plivo auth token used to manage the multi-party conference.
            plivo_number: Caller ID for outbound legs in multi-party mode.
            vad: Voice activity detection settings.
            turn_detector: Turn detector settings.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _UPDATE_PARAMS, "client.agent.agents.update")
        body = compact(
            {
                "agent_name": agent_name,
                "websocket_url": websocket_url,
                "stt": stt,
                "llm": llm,
                "tts": tts,
                "s2s": s2s,
                "stt_fallback": stt_fallback,
                "llm_fallback": llm_fallback,
                "tts_fallback": tts_fallback,
                "agent_tools": agent_tools,
                "mcp_servers": mcp_servers,
                "semantic_vad": expand_semantic_vad(semantic_vad),
                "welcome_greeting": welcome_greeting,
                "speaks_first": speaks_first,
                "wait_for_user_timeout_s": wait_for_user_timeout_s,
                "idle_timeout": idle_timeout,
                "allow_interruptions": allow_interruptions,
                "interruption_enabled": interruption_enabled,
                "interruption_mode": interruption_mode,
                "greeting_interruptible": greeting_interruptible,
                "greeting_interrupt_duration": greeting_interrupt_duration,
                "prefill_cache": prefill_cache,
                "send_on": send_on,
                "detection_method": detection_method,
                "tool_call_timeout_s": tool_call_timeout_s,
                "audio_format": audio_format,
                "audio_channels": audio_channels,
                "plc_enabled": plc_enabled,
                "comfort_noise_enabled": comfort_noise_enabled,
                "cng_divisor": cng_divisor,
                "noise_cancellation": noise_cancellation,
                "background_audio": background_audio,
                "stream": stream,
                "callbacks": callbacks,
                "events": events,
                "participant_mode": participant_mode,
                "plivo_auth_id": plivo_auth_id,
                "plivo_auth_token": plivo_auth_token,
                "plivo_number": plivo_number,
                "vad": vad,
                "turn_detector": turn_detector,
            }
        )
        body.update(extra)
        request = update_agent.build_request(
            self._client.auth_id,
            agent_uuid,
            body=body,
        )
        return self._client.request(
            request,
            update_agent.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )


class AgentAgentsResourceWithRawResponse:
    """``AgentAgentsResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AgentAgentsResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.create: Final = to_raw(raw.create)
        self.get: Final = to_raw(raw.get)
        self.delete: Final = to_raw(raw.delete)
        self.update: Final = to_raw(raw.update)
