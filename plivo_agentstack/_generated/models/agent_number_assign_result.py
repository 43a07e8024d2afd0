# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="AgentNumberAssignResult")


@_attrs_define(repr=False)
class AgentNumberAssignResult(WireAccess):
    """Result of assign_agent_number.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        agent_uuid (str | Unset): Agent the number was assigned to.
        number (str | Unset): Assigned number.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message": "message",
        "agent_uuid": "agent_uuid",
        "number": "number",
    }

    api_id: str | Unset = UNSET
    message: str | Unset = UNSET
    agent_uuid: str | Unset = UNSET
    number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        message = self.message

        agent_uuid = self.agent_uuid

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if message is not UNSET:
            field_dict["message"] = message
        if agent_uuid is not UNSET:
            field_dict["agent_uuid"] = agent_uuid
        if number is not UNSET:
            field_dict["number"] = number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        message = d.pop("message", UNSET)

        agent_uuid = d.pop("agent_uuid", UNSET)

        number = d.pop("number", UNSET)

        agent_number_assign_result = cls(
            api_id=api_id,
            message=message,
            agent_uuid=agent_uuid,
            number=number,
        )

        agent_number_assign_result.additional_properties = d
        return agent_number_assign_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
