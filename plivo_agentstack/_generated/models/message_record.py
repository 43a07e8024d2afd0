# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="MessageRecord")


@_attrs_define(repr=False)
class MessageRecord(WireAccess):
    """A message.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        error_code (None | str | Unset): Delivery error code, if any.
        from_number (str | Unset): Sender.
        to_number (str | Unset): Recipient.
        message_direction (str | Unset): inbound or outbound.
        message_state (str | Unset): Delivery state.
        message_type (str | Unset): Message channel: sms, mms or whatsapp.
        message_uuid (str | Unset): Message identifier.
        message_time (str | Unset): Message time.
        resource_uri (str | Unset): Resource path.
        total_amount (str | Unset): Total charge.
        total_rate (str | Unset): Rate per unit.
        units (int | Unset): Number of billed units.
        powerpack_id (str | Unset): Powerpack used.
        requester_ip (str | Unset): IP address of the requester.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "error_code": "error_code",
        "from_number": "from_number",
        "to_number": "to_number",
        "message_direction": "message_direction",
        "message_state": "message_state",
        "message_type": "message_type",
        "message_uuid": "message_uuid",
        "message_time": "message_time",
        "resource_uri": "resource_uri",
        "total_amount": "total_amount",
        "total_rate": "total_rate",
        "units": "units",
        "powerpack_id": "powerpack_id",
        "requester_ip": "requester_ip",
    }

    api_id: str | Unset = UNSET
    error_code: None | str | Unset = UNSET
    from_number: str | Unset = UNSET
    to_number: str | Unset = UNSET
    message_direction: str | Unset = UNSET
    message_state: str | Unset = UNSET
    message_type: str | Unset = UNSET
    message_uuid: str | Unset = UNSET
    message_time: str | Unset = UNSET
    resource_uri: str | Unset = UNSET
    total_amount: str | Unset = UNSET
    total_rate: str | Unset = UNSET
    units: int | Unset = UNSET
    powerpack_id: str | Unset = UNSET
    requester_ip: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        from_number = self.from_number

        to_number = self.to_number

        message_direction = self.message_direction

        message_state = self.message_state

        message_type = self.message_type

        message_uuid = self.message_uuid

        message_time = self.message_time

        resource_uri = self.resource_uri

        total_amount = self.total_amount

        total_rate = self.total_rate

        units = self.units

        powerpack_id = self.powerpack_id

        requester_ip = self.requester_ip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if from_number is not UNSET:
            field_dict["from_number"] = from_number
        if to_number is not UNSET:
            field_dict["to_number"] = to_number
        if message_direction is not UNSET:
            field_dict["message_direction"] = message_direction
        if message_state is not UNSET:
            field_dict["message_state"] = message_state
        if message_type is not UNSET:
            field_dict["message_type"] = message_type
        if message_uuid is not UNSET:
            field_dict["message_uuid"] = message_uuid
        if message_time is not UNSET:
            field_dict["message_time"] = message_time
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri
        if total_amount is not UNSET:
            field_dict["total_amount"] = total_amount
        if total_rate is not UNSET:
            field_dict["total_rate"] = total_rate
        if units is not UNSET:
            field_dict["units"] = units
        if powerpack_id is not UNSET:
            field_dict["powerpack_id"] = powerpack_id
        if requester_ip is not UNSET:
            field_dict["requester_ip"] = requester_ip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

        from_number = d.pop("from_number", UNSET)

        to_number = d.pop("to_number", UNSET)

        message_direction = d.pop("message_direction", UNSET)

        message_state = d.pop("message_state", UNSET)

        message_type = d.pop("message_type", UNSET)

        message_uuid = d.pop("message_uuid", UNSET)

        message_time = d.pop("message_time", UNSET)

        resource_uri = d.pop("resource_uri", UNSET)

        total_amount = d.pop("total_amount", UNSET)

        total_rate = d.pop("total_rate", UNSET)

        units = d.pop("units", UNSET)

        powerpack_id = d.pop("powerpack_id", UNSET)

        requester_ip = d.pop("requester_ip", UNSET)

        message_record = cls(
            api_id=api_id,
            error_code=error_code,
            from_number=from_number,
            to_number=to_number,
            message_direction=message_direction,
            message_state=message_state,
            message_type=message_type,
            message_uuid=message_uuid,
            message_time=message_time,
            resource_uri=resource_uri,
            total_amount=total_amount,
            total_rate=total_rate,
            units=units,
            powerpack_id=powerpack_id,
            requester_ip=requester_ip,
        )

        message_record.additional_properties = d
        return message_record

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
