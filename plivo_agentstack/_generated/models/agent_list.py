# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent import Agent
from ..models.list_meta import ListMeta
from ..types import (
    WireAccess,
    build_lazy,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="AgentList")


@_attrs_define(repr=False, slots=False)
class AgentList(WireAccess):
    """A page of agents.

    Attributes:
        api_id (str): Identifier of the API request.
        meta (ListMeta): Pagination metadata of a list response.
        objects (list[Agent]): Agents.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "meta": "meta",
        "objects": "objects",
    }

    api_id: str
    meta: ListMeta
    objects: list[Agent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        meta = self.meta.to_dict()

        objects = []
        for objects_item_data in self.objects:
            objects_item = objects_item_data.to_dict()
            objects.append(objects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "meta": meta,
                "objects": objects,
            }
        )

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
        if d.get("api_id") is None:
            raise missing(cls, "api_id")
        if d.get("meta") is None:
            raise missing(cls, "meta")
        if d.get("objects") is None:
            raise missing(cls, "objects")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        v = d["meta"]
        d["meta"] = ListMeta._from_json({**v})
        v = d["objects"]
        d["objects"] = [Agent._from_json({**item}) for item in v]
        agent_list = new_instance(cls)
        agent_list.__dict__ = d
        return agent_list

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(AgentList._wire_keys)
set_defaults(
    AgentList,
)
