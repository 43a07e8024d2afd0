# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_type import MessageType
from ..models.whatsapp_interactive import WhatsappInteractive
from ..models.whatsapp_location import WhatsappLocation
from ..models.whatsapp_template import WhatsappTemplate
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="MessageCreateRequest")


@_attrs_define(repr=False)
class MessageCreateRequest(WireAccess):
    """Body of create_message.

    Attributes:
        dst (str): Destination number, or several joined by "<" (14156667777<14157778888); a list of numbers is joined
            that way. One message is queued per recipient.
        src (str | Unset): Sender number or ID.
        text (str | Unset): Message text (caption for media).
        type_ (MessageType | Unset): Message channel. Default: MessageType.SMS.
        url (str | Unset): Delivery status callback URL.
        method (str | Unset): HTTP method of the status callback. Default: 'POST'.
        media_urls (list[str] | Unset): URLs of media to send (MMS / WhatsApp).
        media_ids (list[str] | Unset): IDs of uploaded media to send.
        powerpack_uuid (str | Unset): Powerpack to send from.
        template (WhatsappTemplate | Unset): A WhatsApp template message.
        interactive (WhatsappInteractive | Unset): A WhatsApp interactive message (button, list or cta_url).
        location (WhatsappLocation | Unset): A WhatsApp location message.
        log (bool | Unset): Whether the message content is logged.
        trackable (bool | Unset): Whether delivery is tracked.
        message_expiry (int | Unset): Seconds after which an undelivered message expires.
        dlt_entity_id (str | Unset): DLT entity ID (India).
        dlt_template_id (str | Unset): DLT template ID (India).
        dlt_template_category (str | Unset): DLT template category (India).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "dst": "dst",
        "src": "src",
        "text": "text",
        "type": "type_",
        "url": "url",
        "method": "method",
        "media_urls": "media_urls",
        "media_ids": "media_ids",
        "powerpack_uuid": "powerpack_uuid",
        "template": "template",
        "interactive": "interactive",
        "location": "location",
        "log": "log",
        "trackable": "trackable",
        "message_expiry": "message_expiry",
        "dlt_entity_id": "dlt_entity_id",
        "dlt_template_id": "dlt_template_id",
        "dlt_template_category": "dlt_template_category",
    }

    dst: str
    src: str | Unset = UNSET
    text: str | Unset = UNSET
    type_: MessageType | Unset = MessageType.SMS
    url: str | Unset = UNSET
    method: str | Unset = "POST"
    media_urls: list[str] | Unset = UNSET
    media_ids: list[str] | Unset = UNSET
    powerpack_uuid: str | Unset = UNSET
    template: WhatsappTemplate | Unset = UNSET
    interactive: WhatsappInteractive | Unset = UNSET
    location: WhatsappLocation | Unset = UNSET
    log: bool | Unset = UNSET
    trackable: bool | Unset = UNSET
    message_expiry: int | Unset = UNSET
    dlt_entity_id: str | Unset = UNSET
    dlt_template_id: str | Unset = UNSET
    dlt_template_category: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        dst = self.dst

        src = self.src

        text = self.text

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        url = self.url

        method = self.method

        media_urls: list[str] | Unset = UNSET
        if not isinstance(self.media_urls, Unset):
            media_urls = self.media_urls

        media_ids: list[str] | Unset = UNSET
        if not isinstance(self.media_ids, Unset):
            media_ids = self.media_ids

        powerpack_uuid = self.powerpack_uuid

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        interactive: dict[str, Any] | Unset = UNSET
        if not isinstance(self.interactive, Unset):
            interactive = self.interactive.to_dict()

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        log = self.log

        trackable = self.trackable

        message_expiry = self.message_expiry

        dlt_entity_id = self.dlt_entity_id

        dlt_template_id = self.dlt_template_id

        dlt_template_category = self.dlt_template_category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dst": dst,
            }
        )
        if src is not UNSET:
            field_dict["src"] = src
        if text is not UNSET:
            field_dict["text"] = text
        if type_ is not UNSET:
            field_dict["type"] = type_
        if url is not UNSET:
            field_dict["url"] = url
        if method is not UNSET:
            field_dict["method"] = method
        if media_urls is not UNSET:
            field_dict["media_urls"] = media_urls
        if media_ids is not UNSET:
            field_dict["media_ids"] = media_ids
        if powerpack_uuid is not UNSET:
            field_dict["powerpack_uuid"] = powerpack_uuid
        if template is not UNSET:
            field_dict["template"] = template
        if interactive is not UNSET:
            field_dict["interactive"] = interactive
        if location is not UNSET:
            field_dict["location"] = location
        if log is not UNSET:
            field_dict["log"] = log
        if trackable is not UNSET:
            field_dict["trackable"] = trackable
        if message_expiry is not UNSET:
            field_dict["message_expiry"] = message_expiry
        if dlt_entity_id is not UNSET:
            field_dict["dlt_entity_id"] = dlt_entity_id
        if dlt_template_id is not UNSET:
            field_dict["dlt_template_id"] = dlt_template_id
        if dlt_template_category is not UNSET:
            field_dict["dlt_template_category"] = dlt_template_category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        dst = d.pop("dst")

        src = d.pop("src", UNSET)

        text = d.pop("text", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: MessageType | Unset
        if _type_ is None or isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MessageType(_type_)

        url = d.pop("url", UNSET)

        method = d.pop("method", UNSET)

        media_urls = cast(list[str], d.pop("media_urls", UNSET))

        media_ids = cast(list[str], d.pop("media_ids", UNSET))

        powerpack_uuid = d.pop("powerpack_uuid", UNSET)

        _template = d.pop("template", UNSET)
        template: WhatsappTemplate | Unset
        if _template is None or isinstance(_template, Unset):
            template = UNSET
        else:
            template = WhatsappTemplate.from_dict(_template)

        _interactive = d.pop("interactive", UNSET)
        interactive: WhatsappInteractive | Unset
        if _interactive is None or isinstance(_interactive, Unset):
            interactive = UNSET
        else:
            interactive = WhatsappInteractive.from_dict(_interactive)

        _location = d.pop("location", UNSET)
        location: WhatsappLocation | Unset
        if _location is None or isinstance(_location, Unset):
            location = UNSET
        else:
            location = WhatsappLocation.from_dict(_location)

        log = d.pop("log", UNSET)

        trackable = d.pop("trackable", UNSET)

        message_expiry = d.pop("message_expiry", UNSET)

        dlt_entity_id = d.pop("dlt_entity_id", UNSET)

        dlt_template_id = d.pop("dlt_template_id", UNSET)

        dlt_template_category = d.pop("dlt_template_category", UNSET)

        message_create_request = cls(
            dst=dst,
            src=src,
            text=text,
            type_=type_,
            url=url,
            method=method,
            media_urls=media_urls,
            media_ids=media_ids,
            powerpack_uuid=powerpack_uuid,
            template=template,
            interactive=interactive,
            location=location,
            log=log,
            trackable=trackable,
            message_expiry=message_expiry,
            dlt_entity_id=dlt_entity_id,
            dlt_template_id=dlt_template_id,
            dlt_template_category=dlt_template_category,
        )

        message_create_request.additional_properties = d
        return message_create_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
