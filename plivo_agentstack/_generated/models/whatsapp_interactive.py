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
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="WhatsappInteractive")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "header" in d:
            v = d.pop("header")
            if type(v) is dict:
                d["\x00header"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["header"] = WhatsappInteractiveHeader.from_dict(v)
        if "body" in d:
            v = d.pop("body")
            if type(v) is dict:
                d["\x00body"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["body"] = WhatsappInteractiveBody.from_dict(v)
        if "footer" in d:
            v = d.pop("footer")
            if type(v) is dict:
                d["\x00footer"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["footer"] = WhatsappInteractiveFooter.from_dict(v)
        if "action" in d:
            v = d.pop("action")
            if type(v) is dict:
                d["\x00action"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["action"] = WhatsappInteractiveAction.from_dict(v)
        whatsapp_interactive = new_instance(cls)
        whatsapp_interactive.__dict__ = d
        return whatsapp_interactive

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("header")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("body")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("footer")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("action")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WhatsappInteractive._wire_keys)
set_defaults(
    WhatsappInteractive,
    lazy=(
        LazyModel("header", WhatsappInteractiveHeader._from_json),
        LazyModel("body", WhatsappInteractiveBody._from_json),
        LazyModel("footer", WhatsappInteractiveFooter._from_json),
        LazyModel("action", WhatsappInteractiveAction._from_json),
    ),
)
