# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Shared helpers of the generated models: the ``UNSET`` sentinel and read access by wire key."""

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal


class Unset:
    """Marks a field the API did not send (distinct from an explicit JSON ``null``)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"  # pickle and deepcopy give back the singleton


UNSET: Unset = Unset()


_SECRET = "'***'"
# Credentials a model may carry; repr() masks them so that logging a model never leaks one.
_SECRET_KEYS = frozenset({"api_key", "auth_token", "plivo_auth_token", "password"})


class WireAccess:
    """Dict-style reads by wire key (``agent["agent_uuid"]``, ``.get()``, ``in``) on a model.

    Code written for the dict-returning 0.1 SDK keeps working; unknown keys the server sent are
    read from ``additional_properties``.
    """

    __slots__ = ()
    _wire_keys: ClassVar[Mapping[str, str]] = {}
    additional_properties: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        attribute = self._wire_keys.get(key)
        if attribute is None:
            return self.additional_properties[key]
        value = getattr(self, attribute)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value of wire key ``key``, or ``default`` when it was not sent."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        attribute = self._wire_keys.get(key)
        if attribute is None:
            return key in self.additional_properties
        return not isinstance(getattr(self, attribute), Unset)

    def __repr__(self) -> str:
        fields = [
            f"{attr}={_SECRET if key in _SECRET_KEYS else repr(getattr(self, attr))}"
            for key, attr in self._wire_keys.items()
            if not isinstance(getattr(self, attr), Unset)
        ]
        fields += [
            f"{key}={_SECRET if key in _SECRET_KEYS else repr(value)}"
            for key, value in self.additional_properties.items()
        ]
        return f"{type(self).__name__}({', '.join(fields)})"

    if TYPE_CHECKING:

        def to_dict(self) -> dict[str, Any]:
            """Return the JSON-ready dict, keyed by wire names (each model defines it)."""
            ...

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text, keyed by wire names: what the API sent, unknown keys too."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def keys(self) -> list[str]:
        """The wire keys that are present, known fields first."""
        known = [
            key
            for key, attr in self._wire_keys.items()
            if not isinstance(getattr(self, attr), Unset)
        ]
        return known + list(self.additional_properties)


__all__ = ["UNSET", "Unset", "WireAccess"]
