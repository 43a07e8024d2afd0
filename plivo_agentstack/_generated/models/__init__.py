# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""The data models of the API, imported lazily: a model's module loads on first use."""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent import Agent
    from .agent_create_request import AgentCreateRequest
    from .agent_create_request_turn_detector import AgentCreateRequestTurnDetector
    from .agent_create_request_vad import AgentCreateRequestVad
    from .agent_events import AgentEvents
    from .agent_list import AgentList
    from .agent_number_assign_request import AgentNumberAssignRequest
    from .agent_number_assign_result import AgentNumberAssignResult
    from .agent_number_list import AgentNumberList
    from .agent_tool import AgentTool
    from .agent_tool_config import AgentToolConfig
    from .agent_turn_detector import AgentTurnDetector
    from .agent_update_request import AgentUpdateRequest
    from .agent_update_request_turn_detector import AgentUpdateRequestTurnDetector
    from .agent_update_request_vad import AgentUpdateRequestVad
    from .agent_vad import AgentVad
    from .background_audio import BackgroundAudio
    from .call_connect_request import CallConnectRequest
    from .call_connect_result import CallConnectResult
    from .call_dial_request import CallDialRequest
    from .call_dial_result import CallDialResult
    from .call_initiate_request import CallInitiateRequest
    from .call_initiate_result import CallInitiateResult
    from .callback_target import CallbackTarget
    from .callbacks import Callbacks
    from .carrier_numbers_request import CarrierNumbersRequest
    from .detection_method import DetectionMethod
    from .dial_mode import DialMode
    from .dial_target import DialTarget
    from .error import Error
    from .idle_timeout import IdleTimeout
    from .list_meta import ListMeta
    from .llm_config import LlmConfig
    from .llm_tool import LlmTool
    from .llm_tool_parameters import LlmToolParameters
    from .lookup import Lookup
    from .lookup_carrier import LookupCarrier
    from .lookup_country import LookupCountry
    from .lookup_format import LookupFormat
    from .mcp_server import McpServer
    from .mcp_server_env import McpServerEnv
    from .mcp_server_headers import McpServerHeaders
    from .media import Media
    from .media_list import MediaList
    from .media_page import MediaPage
    from .media_upload_request import MediaUploadRequest
    from .media_upload_result import MediaUploadResult
    from .message_create_request import MessageCreateRequest
    from .message_create_result import MessageCreateResult
    from .message_list import MessageList
    from .message_record import MessageRecord
    from .message_type import MessageType
    from .number_buy_request import NumberBuyRequest
    from .number_buy_request_verification_info import NumberBuyRequestVerificationInfo
    from .number_buy_result import NumberBuyResult
    from .number_prerequisite import NumberPrerequisite
    from .number_search_list import NumberSearchList
    from .number_search_result import NumberSearchResult
    from .number_update_request import NumberUpdateRequest
    from .number_update_request_verification_info import NumberUpdateRequestVerificationInfo
    from .number_update_result import NumberUpdateResult
    from .phone_number import PhoneNumber
    from .phone_number_list import PhoneNumberList
    from .purchased_number import PurchasedNumber
    from .s2s_config import S2SConfig
    from .semantic_vad import SemanticVad
    from .send_on import SendOn
    from .session_list import SessionList
    from .session_record import SessionRecord
    from .speaks_first import SpeaksFirst
    from .stream_config import StreamConfig
    from .stream_config_extra_headers import StreamConfigExtraHeaders
    from .stt_config import SttConfig
    from .tts_config import TtsConfig
    from .uploaded_media import UploadedMedia
    from .whatsapp_interactive import WhatsappInteractive
    from .whatsapp_interactive_action import WhatsappInteractiveAction
    from .whatsapp_interactive_body import WhatsappInteractiveBody
    from .whatsapp_interactive_footer import WhatsappInteractiveFooter
    from .whatsapp_interactive_header import WhatsappInteractiveHeader
    from .whatsapp_location import WhatsappLocation
    from .whatsapp_template import WhatsappTemplate
    from .whatsapp_template_component import WhatsappTemplateComponent
    from .whatsapp_template_component_parameters_item import WhatsappTemplateComponentParametersItem

_LAZY = {
    "Agent": ".agent",
    "AgentCreateRequest": ".agent_create_request",
    "AgentCreateRequestTurnDetector": ".agent_create_request_turn_detector",
    "AgentCreateRequestVad": ".agent_create_request_vad",
    "AgentEvents": ".agent_events",
    "AgentList": ".agent_list",
    "AgentNumberAssignRequest": ".agent_number_assign_request",
    "AgentNumberAssignResult": ".agent_number_assign_result",
    "AgentNumberList": ".agent_number_list",
    "AgentTool": ".agent_tool",
    "AgentToolConfig": ".agent_tool_config",
    "AgentTurnDetector": ".agent_turn_detector",
    "AgentUpdateRequest": ".agent_update_request",
    "AgentUpdateRequestTurnDetector": ".agent_update_request_turn_detector",
    "AgentUpdateRequestVad": ".agent_update_request_vad",
    "AgentVad": ".agent_vad",
    "BackgroundAudio": ".background_audio",
    "CallConnectRequest": ".call_connect_request",
    "CallConnectResult": ".call_connect_result",
    "CallDialRequest": ".call_dial_request",
    "CallDialResult": ".call_dial_result",
    "CallInitiateRequest": ".call_initiate_request",
    "CallInitiateResult": ".call_initiate_result",
    "CallbackTarget": ".callback_target",
    "Callbacks": ".callbacks",
    "CarrierNumbersRequest": ".carrier_numbers_request",
    "DetectionMethod": ".detection_method",
    "DialMode": ".dial_mode",
    "DialTarget": ".dial_target",
    "Error": ".error",
    "IdleTimeout": ".idle_timeout",
    "ListMeta": ".list_meta",
    "LlmConfig": ".llm_config",
    "LlmTool": ".llm_tool",
    "LlmToolParameters": ".llm_tool_parameters",
    "Lookup": ".lookup",
    "LookupCarrier": ".lookup_carrier",
    "LookupCountry": ".lookup_country",
    "LookupFormat": ".lookup_format",
    "McpServer": ".mcp_server",
    "McpServerEnv": ".mcp_server_env",
    "McpServerHeaders": ".mcp_server_headers",
    "Media": ".media",
    "MediaList": ".media_list",
    "MediaPage": ".media_page",
    "MediaUploadRequest": ".media_upload_request",
    "MediaUploadResult": ".media_upload_result",
    "MessageCreateRequest": ".message_create_request",
    "MessageCreateResult": ".message_create_result",
    "MessageList": ".message_list",
    "MessageRecord": ".message_record",
    "MessageType": ".message_type",
    "NumberBuyRequest": ".number_buy_request",
    "NumberBuyRequestVerificationInfo": ".number_buy_request_verification_info",
    "NumberBuyResult": ".number_buy_result",
    "NumberPrerequisite": ".number_prerequisite",
    "NumberSearchList": ".number_search_list",
    "NumberSearchResult": ".number_search_result",
    "NumberUpdateRequest": ".number_update_request",
    "NumberUpdateRequestVerificationInfo": ".number_update_request_verification_info",
    "NumberUpdateResult": ".number_update_result",
    "PhoneNumber": ".phone_number",
    "PhoneNumberList": ".phone_number_list",
    "PurchasedNumber": ".purchased_number",
    "S2SConfig": ".s2s_config",
    "SemanticVad": ".semantic_vad",
    "SendOn": ".send_on",
    "SessionList": ".session_list",
    "SessionRecord": ".session_record",
    "SpeaksFirst": ".speaks_first",
    "StreamConfig": ".stream_config",
    "StreamConfigExtraHeaders": ".stream_config_extra_headers",
    "SttConfig": ".stt_config",
    "TtsConfig": ".tts_config",
    "UploadedMedia": ".uploaded_media",
    "WhatsappInteractive": ".whatsapp_interactive",
    "WhatsappInteractiveAction": ".whatsapp_interactive_action",
    "WhatsappInteractiveBody": ".whatsapp_interactive_body",
    "WhatsappInteractiveFooter": ".whatsapp_interactive_footer",
    "WhatsappInteractiveHeader": ".whatsapp_interactive_header",
    "WhatsappLocation": ".whatsapp_location",
    "WhatsappTemplate": ".whatsapp_template",
    "WhatsappTemplateComponent": ".whatsapp_template_component",
    "WhatsappTemplateComponentParametersItem": ".whatsapp_template_component_parameters_item",
}

__all__ = (
    "Agent",
    "AgentCreateRequest",
    "AgentCreateRequestTurnDetector",
    "AgentCreateRequestVad",
    "AgentEvents",
    "AgentList",
    "AgentNumberAssignRequest",
    "AgentNumberAssignResult",
    "AgentNumberList",
    "AgentTool",
    "AgentToolConfig",
    "AgentTurnDetector",
    "AgentUpdateRequest",
    "AgentUpdateRequestTurnDetector",
    "AgentUpdateRequestVad",
    "AgentVad",
    "BackgroundAudio",
    "Callbacks",
    "CallbackTarget",
    "CallConnectRequest",
    "CallConnectResult",
    "CallDialRequest",
    "CallDialResult",
    "CallInitiateRequest",
    "CallInitiateResult",
    "CarrierNumbersRequest",
    "DetectionMethod",
    "DialMode",
    "DialTarget",
    "Error",
    "IdleTimeout",
    "ListMeta",
    "LlmConfig",
    "LlmTool",
    "LlmToolParameters",
    "Lookup",
    "LookupCarrier",
    "LookupCountry",
    "LookupFormat",
    "McpServer",
    "McpServerEnv",
    "McpServerHeaders",
    "Media",
    "MediaList",
    "MediaPage",
    "MediaUploadRequest",
    "MediaUploadResult",
    "MessageCreateRequest",
    "MessageCreateResult",
    "MessageList",
    "MessageRecord",
    "MessageType",
    "NumberBuyRequest",
    "NumberBuyRequestVerificationInfo",
    "NumberBuyResult",
    "NumberPrerequisite",
    "NumberSearchList",
    "NumberSearchResult",
    "NumberUpdateRequest",
    "NumberUpdateRequestVerificationInfo",
    "NumberUpdateResult",
    "PhoneNumber",
    "PhoneNumberList",
    "PurchasedNumber",
    "S2SConfig",
    "SemanticVad",
    "SendOn",
    "SessionList",
    "SessionRecord",
    "SpeaksFirst",
    "StreamConfig",
    "StreamConfigExtraHeaders",
    "SttConfig",
    "TtsConfig",
    "UploadedMedia",
    "WhatsappInteractive",
    "WhatsappInteractiveAction",
    "WhatsappInteractiveBody",
    "WhatsappInteractiveFooter",
    "WhatsappInteractiveHeader",
    "WhatsappLocation",
    "WhatsappTemplate",
    "WhatsappTemplateComponent",
    "WhatsappTemplateComponentParametersItem",
)


# Type checkers see the imports above, so that a misspelt name is an error for them rather than
# ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)
