# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_prerequisite import NumberPrerequisite
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

T = TypeVar("T", bound="NumberSearchResult")


@_attrs_define(repr=False, slots=False)
class NumberSearchResult(WireAccess):
    """A phone number available to buy.

    Attributes:
        number (str): Phone number.
        prefix (str | Unset): Number prefix.
        city (str | Unset): City.
        country (str | Unset): Country.
        lata (int | None | Unset): LATA (US); null elsewhere.
        monthly_rental_rate (str | Unset): Monthly rental rate, a decimal string, e.g. "0.80000".
        rate_center (None | str | Unset): Rate center (US); null elsewhere.
        region (str | Unset): Region.
        resource_uri (str | Unset): Resource path.
        restriction (None | str | Unset): Purchase restriction, if any.
        restriction_text (None | str | Unset): Description of the restriction.
        setup_rate (str | Unset): One-time setup rate, a decimal string, e.g. "0.00000".
        sms_enabled (bool | Unset): Whether SMS is supported.
        sms_rate (str | Unset): SMS rate, a decimal string, e.g. "0.00000".
        type_ (str | Unset): Number type, e.g. local.
        voice_enabled (bool | Unset): Whether voice is supported.
        voice_rate (str | Unset): Voice rate per minute, a decimal string, e.g. "0.00850".
        sub_type (None | str | Unset): Number sub-type, e.g. local or national.
        mms_enabled (bool | Unset): Whether MMS is supported.
        mms_rate (str | Unset): MMS rate, a decimal string, e.g. "0.00000".
        prerequisites (list[NumberPrerequisite] | Unset): Documents needed before the number can be bought.
        ha_enabled (bool | Unset): Whether the number supports high availability (HA).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "number": "number",
        "prefix": "prefix",
        "city": "city",
        "country": "country",
        "lata": "lata",
        "monthly_rental_rate": "monthly_rental_rate",
        "rate_center": "rate_center",
        "region": "region",
        "resource_uri": "resource_uri",
        "restriction": "restriction",
        "restriction_text": "restriction_text",
        "setup_rate": "setup_rate",
        "sms_enabled": "sms_enabled",
        "sms_rate": "sms_rate",
        "type": "type_",
        "voice_enabled": "voice_enabled",
        "voice_rate": "voice_rate",
        "sub_type": "sub_type",
        "mms_enabled": "mms_enabled",
        "mms_rate": "mms_rate",
        "prerequisites": "prerequisites",
        "ha_enabled": "ha_enabled",
    }

    number: str
    prefix: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    lata: int | None | Unset = UNSET
    monthly_rental_rate: str | Unset = UNSET
    rate_center: None | str | Unset = UNSET
    region: str | Unset = UNSET
    resource_uri: str | Unset = UNSET
    restriction: None | str | Unset = UNSET
    restriction_text: None | str | Unset = UNSET
    setup_rate: str | Unset = UNSET
    sms_enabled: bool | Unset = UNSET
    sms_rate: str | Unset = UNSET
    type_: str | Unset = UNSET
    voice_enabled: bool | Unset = UNSET
    voice_rate: str | Unset = UNSET
    sub_type: None | str | Unset = UNSET
    mms_enabled: bool | Unset = UNSET
    mms_rate: str | Unset = UNSET
    prerequisites: list[NumberPrerequisite] | Unset = UNSET
    ha_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        number = self.number

        prefix = self.prefix

        city = self.city

        country = self.country

        lata: int | None | Unset
        if isinstance(self.lata, Unset):
            lata = UNSET
        else:
            lata = self.lata

        monthly_rental_rate = self.monthly_rental_rate

        rate_center: None | str | Unset
        if isinstance(self.rate_center, Unset):
            rate_center = UNSET
        else:
            rate_center = self.rate_center

        region = self.region

        resource_uri = self.resource_uri

        restriction: None | str | Unset
        if isinstance(self.restriction, Unset):
            restriction = UNSET
        else:
            restriction = self.restriction

        restriction_text: None | str | Unset
        if isinstance(self.restriction_text, Unset):
            restriction_text = UNSET
        else:
            restriction_text = self.restriction_text

        setup_rate = self.setup_rate

        sms_enabled = self.sms_enabled

        sms_rate = self.sms_rate

        type_ = self.type_

        voice_enabled = self.voice_enabled

        voice_rate = self.voice_rate

        sub_type: None | str | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        else:
            sub_type = self.sub_type

        mms_enabled = self.mms_enabled

        mms_rate = self.mms_rate

        prerequisites: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prerequisites, Unset):
            prerequisites = []
            for prerequisites_item_data in self.prerequisites:
                prerequisites_item = prerequisites_item_data.to_dict()
                prerequisites.append(prerequisites_item)

        ha_enabled = self.ha_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if lata is not UNSET:
            field_dict["lata"] = lata
        if monthly_rental_rate is not UNSET:
            field_dict["monthly_rental_rate"] = monthly_rental_rate
        if rate_center is not UNSET:
            field_dict["rate_center"] = rate_center
        if region is not UNSET:
            field_dict["region"] = region
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri
        if restriction is not UNSET:
            field_dict["restriction"] = restriction
        if restriction_text is not UNSET:
            field_dict["restriction_text"] = restriction_text
        if setup_rate is not UNSET:
            field_dict["setup_rate"] = setup_rate
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if sms_rate is not UNSET:
            field_dict["sms_rate"] = sms_rate
        if type_ is not UNSET:
            field_dict["type"] = type_
        if voice_enabled is not UNSET:
            field_dict["voice_enabled"] = voice_enabled
        if voice_rate is not UNSET:
            field_dict["voice_rate"] = voice_rate
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if mms_enabled is not UNSET:
            field_dict["mms_enabled"] = mms_enabled
        if mms_rate is not UNSET:
            field_dict["mms_rate"] = mms_rate
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if ha_enabled is not UNSET:
            field_dict["ha_enabled"] = ha_enabled

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
        if d.get("number") is None:
            raise missing(cls, "number")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "prerequisites" in d:
            v = d.pop("prerequisites")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00prerequisites"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["prerequisites"] = [NumberPrerequisite.from_dict(item) for item in v]
        number_search_result = new_instance(cls)
        number_search_result.__dict__ = d
        return number_search_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(NumberSearchResult._wire_keys)
set_defaults(
    NumberSearchResult,
    lazy=(LazyModel("prerequisites", NumberPrerequisite._from_json, many=True),),
)
