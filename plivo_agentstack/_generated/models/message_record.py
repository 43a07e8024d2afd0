# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    WireAccess,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="MessageRecord")


@_attrs_define(repr=False, slots=False)
class MessageRecord(WireAccess):
    """A message.

    Attributes:
        message_uuid (str): Message identifier.
        api_id (str | Unset): Identifier of the API request.
        error_code (None | str | Unset): Delivery error code as a string ("000" once delivered); null while there is
            none.
        error_message (None | str | Unset): Description of the delivery error, if any.
        from_number (str | Unset): Sender.
        to_number (str | Unset): Recipient.
        message_direction (str | Unset): inbound or outbound.
        message_state (str | Unset): Delivery state.
        message_type (str | Unset): Message channel: sms, mms or whatsapp.
        message_time (str | Unset): Message time.
        resource_uri (str | Unset): Resource path.
        total_amount (str | Unset): Total charge, a decimal string, e.g. "0.00650".
        total_rate (str | Unset): Rate per unit, a decimal string, e.g. "0.00650".
        units (int | Unset): Number of billed units.
        powerpack_id (None | str | Unset): Powerpack used, if any.
        requester_ip (str | Unset): IP address of the requester.
        message_sent_time (None | str | Unset): Time the message was handed to the carrier.
        message_updated_time (None | str | Unset): Time of the last status change.
        carrier_fees (None | str | Unset): Carrier surcharge charged for the message, e.g. "0.00300".
        carrier_fees_rate (None | str | Unset): Carrier surcharge per unit, e.g. "0.00300".
        conversation_id (None | str | Unset): WhatsApp conversation the message belongs to.
        conversation_origin (None | str | Unset): WhatsApp conversation category: marketing, utility, authentication or
            service.
        conversation_expiration_timestamp (None | str | Unset): Time the WhatsApp conversation window closes.
        destination_network (None | str | Unset): Carrier network of the recipient.
        destination_country_iso2 (None | str | Unset): Country of the recipient (ISO 3166-1 alpha-2 code).
        dlt_entity_id (None | str | Unset): DLT entity ID (India).
        dlt_template_id (None | str | Unset): DLT template ID (India).
        dlt_template_category (None | str | Unset): DLT template category (India).
        is_domestic (bool | Unset): Whether sender and recipient are in the same country.
        tendlc_campaign_id (None | str | Unset): 10DLC campaign the message was sent under (US).
        tendlc_registration_status (None | str | Unset): 10DLC registration status of the sender number (US).
        replaced_sender (None | str | Unset): Sender ID used instead of the requested one, if Plivo replaced it.
        log (bool | None | str | Unset): Whether the message content was logged (a boolean or "true"/"false").
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "message_uuid": "message_uuid",
        "api_id": "api_id",
        "error_code": "error_code",
        "error_message": "error_message",
        "from_number": "from_number",
        "to_number": "to_number",
        "message_direction": "message_direction",
        "message_state": "message_state",
        "message_type": "message_type",
        "message_time": "message_time",
        "resource_uri": "resource_uri",
        "total_amount": "total_amount",
        "total_rate": "total_rate",
        "units": "units",
        "powerpack_id": "powerpack_id",
        "requester_ip": "requester_ip",
        "message_sent_time": "message_sent_time",
        "message_updated_time": "message_updated_time",
        "carrier_fees": "carrier_fees",
        "carrier_fees_rate": "carrier_fees_rate",
        "conversation_id": "conversation_id",
        "conversation_origin": "conversation_origin",
        "conversation_expiration_timestamp": "conversation_expiration_timestamp",
        "destination_network": "destination_network",
        "destination_country_iso2": "destination_country_iso2",
        "dlt_entity_id": "dlt_entity_id",
        "dlt_template_id": "dlt_template_id",
        "dlt_template_category": "dlt_template_category",
        "is_domestic": "is_domestic",
        "tendlc_campaign_id": "tendlc_campaign_id",
        "tendlc_registration_status": "tendlc_registration_status",
        "replaced_sender": "replaced_sender",
        "log": "log",
    }

    message_uuid: str
    api_id: str | Unset = UNSET
    error_code: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    from_number: str | Unset = UNSET
    to_number: str | Unset = UNSET
    message_direction: str | Unset = UNSET
    message_state: str | Unset = UNSET
    message_type: str | Unset = UNSET
    message_time: str | Unset = UNSET
    resource_uri: str | Unset = UNSET
    total_amount: str | Unset = UNSET
    total_rate: str | Unset = UNSET
    units: int | Unset = UNSET
    powerpack_id: None | str | Unset = UNSET
    requester_ip: str | Unset = UNSET
    message_sent_time: None | str | Unset = UNSET
    message_updated_time: None | str | Unset = UNSET
    carrier_fees: None | str | Unset = UNSET
    carrier_fees_rate: None | str | Unset = UNSET
    conversation_id: None | str | Unset = UNSET
    conversation_origin: None | str | Unset = UNSET
    conversation_expiration_timestamp: None | str | Unset = UNSET
    destination_network: None | str | Unset = UNSET
    destination_country_iso2: None | str | Unset = UNSET
    dlt_entity_id: None | str | Unset = UNSET
    dlt_template_id: None | str | Unset = UNSET
    dlt_template_category: None | str | Unset = UNSET
    is_domestic: bool | Unset = UNSET
    tendlc_campaign_id: None | str | Unset = UNSET
    tendlc_registration_status: None | str | Unset = UNSET
    replaced_sender: None | str | Unset = UNSET
    log: bool | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        message_uuid = self.message_uuid

        api_id = self.api_id

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        from_number = self.from_number

        to_number = self.to_number

        message_direction = self.message_direction

        message_state = self.message_state

        message_type = self.message_type

        message_time = self.message_time

        resource_uri = self.resource_uri

        total_amount = self.total_amount

        total_rate = self.total_rate

        units = self.units

        powerpack_id: None | str | Unset
        if isinstance(self.powerpack_id, Unset):
            powerpack_id = UNSET
        else:
            powerpack_id = self.powerpack_id

        requester_ip = self.requester_ip

        message_sent_time: None | str | Unset
        if isinstance(self.message_sent_time, Unset):
            message_sent_time = UNSET
        else:
            message_sent_time = self.message_sent_time

        message_updated_time: None | str | Unset
        if isinstance(self.message_updated_time, Unset):
            message_updated_time = UNSET
        else:
            message_updated_time = self.message_updated_time

        carrier_fees: None | str | Unset
        if isinstance(self.carrier_fees, Unset):
            carrier_fees = UNSET
        else:
            carrier_fees = self.carrier_fees

        carrier_fees_rate: None | str | Unset
        if isinstance(self.carrier_fees_rate, Unset):
            carrier_fees_rate = UNSET
        else:
            carrier_fees_rate = self.carrier_fees_rate

        conversation_id: None | str | Unset
        if isinstance(self.conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = self.conversation_id

        conversation_origin: None | str | Unset
        if isinstance(self.conversation_origin, Unset):
            conversation_origin = UNSET
        else:
            conversation_origin = self.conversation_origin

        conversation_expiration_timestamp: None | str | Unset
        if isinstance(self.conversation_expiration_timestamp, Unset):
            conversation_expiration_timestamp = UNSET
        else:
            conversation_expiration_timestamp = self.conversation_expiration_timestamp

        destination_network: None | str | Unset
        if isinstance(self.destination_network, Unset):
            destination_network = UNSET
        else:
            destination_network = self.destination_network

        destination_country_iso2: None | str | Unset
        if isinstance(self.destination_country_iso2, Unset):
            destination_country_iso2 = UNSET
        else:
            destination_country_iso2 = self.destination_country_iso2

        dlt_entity_id: None | str | Unset
        if isinstance(self.dlt_entity_id, Unset):
            dlt_entity_id = UNSET
        else:
            dlt_entity_id = self.dlt_entity_id

        dlt_template_id: None | str | Unset
        if isinstance(self.dlt_template_id, Unset):
            dlt_template_id = UNSET
        else:
            dlt_template_id = self.dlt_template_id

        dlt_template_category: None | str | Unset
        if isinstance(self.dlt_template_category, Unset):
            dlt_template_category = UNSET
        else:
            dlt_template_category = self.dlt_template_category

        is_domestic = self.is_domestic

        tendlc_campaign_id: None | str | Unset
        if isinstance(self.tendlc_campaign_id, Unset):
            tendlc_campaign_id = UNSET
        else:
            tendlc_campaign_id = self.tendlc_campaign_id

        tendlc_registration_status: None | str | Unset
        if isinstance(self.tendlc_registration_status, Unset):
            tendlc_registration_status = UNSET
        else:
            tendlc_registration_status = self.tendlc_registration_status

        replaced_sender: None | str | Unset
        if isinstance(self.replaced_sender, Unset):
            replaced_sender = UNSET
        else:
            replaced_sender = self.replaced_sender

        log: bool | None | str | Unset
        if isinstance(self.log, Unset):
            log = UNSET
        else:
            log = self.log

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_uuid": message_uuid,
            }
        )
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
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
        if message_sent_time is not UNSET:
            field_dict["message_sent_time"] = message_sent_time
        if message_updated_time is not UNSET:
            field_dict["message_updated_time"] = message_updated_time
        if carrier_fees is not UNSET:
            field_dict["carrier_fees"] = carrier_fees
        if carrier_fees_rate is not UNSET:
            field_dict["carrier_fees_rate"] = carrier_fees_rate
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if conversation_origin is not UNSET:
            field_dict["conversation_origin"] = conversation_origin
        if conversation_expiration_timestamp is not UNSET:
            field_dict["conversation_expiration_timestamp"] = conversation_expiration_timestamp
        if destination_network is not UNSET:
            field_dict["destination_network"] = destination_network
        if destination_country_iso2 is not UNSET:
            field_dict["destination_country_iso2"] = destination_country_iso2
        if dlt_entity_id is not UNSET:
            field_dict["dlt_entity_id"] = dlt_entity_id
        if dlt_template_id is not UNSET:
            field_dict["dlt_template_id"] = dlt_template_id
        if dlt_template_category is not UNSET:
            field_dict["dlt_template_category"] = dlt_template_category
        if is_domestic is not UNSET:
            field_dict["is_domestic"] = is_domestic
        if tendlc_campaign_id is not UNSET:
            field_dict["tendlc_campaign_id"] = tendlc_campaign_id
        if tendlc_registration_status is not UNSET:
            field_dict["tendlc_registration_status"] = tendlc_registration_status
        if replaced_sender is not UNSET:
            field_dict["replaced_sender"] = replaced_sender
        if log is not UNSET:
            field_dict["log"] = log

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        return cls._from_json({**src_dict})

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("message_uuid") is None:
            raise missing(cls, "message_uuid")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        message_record = new_instance(cls)
        message_record.__dict__ = d
        return message_record

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(MessageRecord._wire_keys)
set_defaults(
    MessageRecord,
)
