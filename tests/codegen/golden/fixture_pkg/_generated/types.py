# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Shared helpers of the generated models: ``UNSET``, read access by wire key, fast parsing.

A model instance keeps its fields in its ``__dict__``; a field the server did not send is not
stored at all and reads the class-level ``UNSET`` (``set_defaults``). Parsing a response
(``Model._from_json``) therefore touches only the keys the server sent, and a nested object whose
fields are all plain values is kept as JSON until its field is first read (``LazyModel``).
"""

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

import attrs

from plivo_agentstack.errors import MissingFieldError


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

ModelT = TypeVar("ModelT")
new_instance = object.__new__  # a model instance without running __init__ (``_from_json``)
_RAW = "\x00"  # prefix of the instance-dict key that holds a lazy field's JSON


class LazyModel:
    """A nested-model field built from its JSON on first read, then stored as a plain attribute.

    ``_from_json`` keeps the JSON only when its shape was checked (objects where models nest) and
    no nested model has a required field, so building it later cannot fail. Only the first read
    runs this descriptor: it stores the model in the instance dict, which later reads find first.
    """

    __slots__ = ("name", "key", "build", "many")

    def __init__(
        self, name: str, build: Callable[[dict[str, Any]], Any], many: bool = False
    ) -> None:
        self.name = name
        self.key = _RAW + name
        self.build = build  # the nested model's ``_from_json``
        self.many = many

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return UNSET
        state = instance.__dict__
        raw = state.get(self.key)
        if raw is None:
            value: Any = UNSET
        elif self.many:
            value = [self.build({**item}) for item in raw]
        else:
            value = self.build({**raw})
        # setdefault: two threads reading first at once get the same object.
        value = state.setdefault(self.name, value)
        state.pop(self.key, None)
        return value


def set_defaults(cls: type[Any], lazy: Iterable[LazyModel] = ()) -> None:
    """Give each optional field of attrs model ``cls`` its class-level default: ``UNSET``, or
    its ``LazyModel``. (attrs removes the class attributes of fields; ``_from_json`` stores only
    the keys the server sent, and an absent field reads this default.)"""
    for field in attrs.fields(cls):
        if field.init and field.default is not attrs.NOTHING:
            setattr(cls, field.name, UNSET)
    for lazy_field in lazy:
        setattr(cls, lazy_field.name, lazy_field)


def split_unknown(d: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Move the keys of ``d`` that are not in ``known`` to a new dict, in arrival order."""
    return {key: d.pop(key) for key in [key for key in d if key not in known]}


def build_lazy(model: ModelT) -> ModelT:
    """Build every lazily kept nested model of ``model``, at any depth, now: ``from_dict`` keeps
    no reference to the caller's nested dicts."""
    state = model.__dict__
    for key in list(state):
        value = getattr(model, key[len(_RAW) :]) if key.startswith(_RAW) else state[key]
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, WireAccess):
                build_lazy(item)
    return model


def missing(model: type[Any], field: str) -> MissingFieldError:
    """The error for required field ``field`` (wire name) of ``model``, absent or ``null``."""
    return MissingFieldError.for_field(field, model.__name__)


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


__all__ = [
    "UNSET",
    "LazyModel",
    "MissingFieldError",
    "Unset",
    "WireAccess",
    "build_lazy",
    "missing",
    "new_instance",
    "set_defaults",
    "split_unknown",
]
