# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whatsapp_interactive_action import WhatsappInteractiveAction
from ..models.whatsapp_interactive_body import WhatsappInteractiveBody
from ..models.whatsapp_interactive_footer import WhatsappInteractiveFooter
from ..models.whatsapp_interactive_header import WhatsappInteractiveHeader
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="WhatsappInteractive")


@_attrs_define(repr=False)
class WhatsappInteractive(WireAccess):
    """A WhatsApp interactive message (button, list or cta_url).

    Attributes:
        type_ (str | Unset): Interactive type: button, list or cta_url.
        header (WhatsappInteractiveHeader | Unset): Header.
        body (WhatsappInteractiveBody | Unset): Body, e.g. {text}.
        footer (WhatsappInteractiveFooter | Unset): Footer, e.g. {text}.
        action (WhatsappInteractiveAction | Unset): Buttons, list sections or CTA URL.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "type": "type_",
        "header": "header",
        "body": "body",
        "footer": "footer",
        "action": "action",
    }

    type_: str | Unset = UNSET
    header: WhatsappInteractiveHeader | Unset = UNSET
    body: WhatsappInteractiveBody | Unset = UNSET
    footer: WhatsappInteractiveFooter | Unset = UNSET
    action: WhatsappInteractiveAction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        type_ = self.type_

        header: dict[str, Any] | Unset = UNSET
        if not isinstance(self.header, Unset):
            header = self.header.to_dict()

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        footer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.footer, Unset):
            footer = self.footer.to_dict()

        action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if header is not UNSET:
            field_dict["header"] = header
        if body is not UNSET:
            field_dict["body"] = body
        if footer is not UNSET:
            field_dict["footer"] = footer
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        _header = d.pop("header", UNSET)
        header: WhatsappInteractiveHeader | Unset
        if _header is None or isinstance(_header, Unset):
            header = UNSET
        else:
            header = WhatsappInteractiveHeader.from_dict(_header)

        _body = d.pop("body", UNSET)
        body: WhatsappInteractiveBody | Unset
        if _body is None or isinstance(_body, Unset):
            body = UNSET
        else:
            body = WhatsappInteractiveBody.from_dict(_body)

        _footer = d.pop("footer", UNSET)
        footer: WhatsappInteractiveFooter | Unset
        if _footer is None or isinstance(_footer, Unset):
            footer = UNSET
        else:
            footer = WhatsappInteractiveFooter.from_dict(_footer)

        _action = d.pop("action", UNSET)
        action: WhatsappInteractiveAction | Unset
        if _action is None or isinstance(_action, Unset):
            action = UNSET
        else:
            action = WhatsappInteractiveAction.from_dict(_action)

        whatsapp_interactive = cls(
            type_=type_,
            header=header,
            body=body,
            footer=footer,
            action=action,
        )

        whatsapp_interactive.additional_properties = d
        return whatsapp_interactive

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
