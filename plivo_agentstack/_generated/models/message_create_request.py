# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_type import MessageType
from ..models.whatsapp_interactive import WhatsappInteractive
from ..models.whatsapp_location import WhatsappLocation
from ..models.whatsapp_template import WhatsappTemplate
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

T = TypeVar("T", bound="MessageCreateRequest")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("dst") is None:
            raise missing(cls, "dst")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "type_" in d:
            v = d["type_"]
            if v is None:
                del d["type_"]  # null: not set
            else:
                d["type_"] = MessageType(v)
        if "template" in d:
            v = d.pop("template")
            if WhatsappTemplate._shape_ok(v):
                d["\x00template"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["template"] = WhatsappTemplate.from_dict(v)
        if "interactive" in d:
            v = d.pop("interactive")
            if WhatsappInteractive._shape_ok(v):
                d["\x00interactive"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["interactive"] = WhatsappInteractive.from_dict(v)
        if "location" in d:
            v = d.pop("location")
            if type(v) is dict:
                d["\x00location"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["location"] = WhatsappLocation.from_dict(v)
        message_create_request = new_instance(cls)
        message_create_request.__dict__ = d
        return message_create_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(MessageCreateRequest._wire_keys)
set_defaults(
    MessageCreateRequest,
    lazy=(
        LazyModel("template", WhatsappTemplate._from_json),
        LazyModel("interactive", WhatsappInteractive._from_json),
        LazyModel("location", WhatsappLocation._from_json),
    ),
)
