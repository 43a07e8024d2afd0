"""A small JSON Schema validator for the subset of keywords the bundled OpenAPI spec uses.

Supported: ``type`` (a name or a list of names, including ``"null"``), ``properties``,
``required``, ``items``, ``enum``, ``$ref`` (local JSON pointers such as
``#/components/schemas/Agent``), ``allOf`` / ``anyOf`` / ``oneOf``, ``additionalProperties``
(a schema or a boolean) and the simple bounds ``minimum`` / ``maximum`` / ``minLength`` /
``maxLength`` / ``minItems`` / ``maxItems`` / ``pattern``. Other keywords (``description``,
``default``, ``x-*`` ...) are annotations and ignored. Unknown properties are allowed unless
``additionalProperties`` says otherwise, as the API accepts extra keys.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__ = ["SchemaError", "SchemaValidator", "json_type_name"]

_TYPE_NAMES = frozenset({"null", "boolean", "integer", "number", "string", "array", "object"})


class SchemaError(ValueError):
    """A value does not match a schema; ``errors`` lists every ``(field path, problem)`` pair."""

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        if not errors:
            raise ValueError("SchemaError needs at least one (path, problem) pair")
        self.errors: list[tuple[str, str]] = list(errors)
        super().__init__("; ".join(f"{path}: {problem}" for path, problem in self.errors))

    @property
    def path(self) -> str:
        """The field path of the first problem, e.g. ``agent_name`` or ``to[0]``."""
        return self.errors[0][0]

    @property
    def problem(self) -> str:
        """The first problem, e.g. ``required property missing``."""
        return self.errors[0][1]


def json_type_name(value: Any) -> str:
    """The JSON type name of a decoded JSON value (``integer`` for whole numbers, not bools)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _matches_type(value: Any, name: str) -> bool:
    """Whether ``value`` is of the JSON Schema type ``name`` (unknown names match anything)."""
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        return isinstance(value, float) and math.isfinite(value) and value.is_integer()
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, (list, tuple))
    if name == "object":
        return isinstance(value, Mapping)
    return name not in _TYPE_NAMES


def _show(value: Any) -> str:
    """A short JSON rendering of a value for error messages."""
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class SchemaValidator:
    """Validate decoded JSON values against schemas of one (OpenAPI) document.

    ``$ref`` pointers resolve inside ``document``; schemas may also be passed inline.
    """

    def __init__(self, document: Mapping[str, Any] | None = None, *, max_errors: int = 20) -> None:
        if max_errors < 1:
            raise ValueError(f"max_errors must be 1 or more, got {max_errors}")
        self.document: Mapping[str, Any] = document if document is not None else {}
        self.max_errors = max_errors
        self._refs: dict[str, Mapping[str, Any]] = {}

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow ``$ref`` until a schema without one; raise ``ValueError`` for a bad pointer."""
        seen: set[str] = set()
        while "$ref" in schema:
            ref = schema["$ref"]
            if not isinstance(ref, str):
                raise ValueError(f"$ref must be a string, got {ref!r}")
            if ref in seen:
                raise ValueError(f"circular $ref {ref!r}")
            seen.add(ref)
            schema = self._lookup(ref)
        return schema

    def _lookup(self, ref: str) -> Mapping[str, Any]:
        cached = self._refs.get(ref)
        if cached is not None:
            return cached
        if not ref.startswith("#"):
            raise ValueError(f"only local $ref pointers are supported, got {ref!r}")
        node: Any = self.document
        for raw in ref[1:].split("/")[1:]:
            key = raw.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or key not in node:
                raise ValueError(f"unresolvable $ref {ref!r}")
            node = node[key]
        if not isinstance(node, Mapping):
            raise ValueError(f"$ref {ref!r} does not point to a schema object")
        self._refs[ref] = node
        return node

    def iter_errors(
        self, value: Any, schema: Mapping[str, Any] | bool, path: str = ""
    ) -> Iterator[tuple[str, str]]:
        """Yield ``(path, problem)`` for every mismatch (``path`` is ``""`` for the root)."""
        if schema is True:
            return
        if schema is False:
            yield path, "not allowed"
            return
        if not isinstance(schema, Mapping):
            raise ValueError(f"a schema must be an object or a boolean, got {schema!r}")
        if "$ref" in schema:
            yield from self.iter_errors(value, self._lookup_ref(schema), path)
        for sub in schema.get("allOf", ()):
            yield from self.iter_errors(value, sub, path)
        if "anyOf" in schema and not any(self._valid(value, s, path) for s in schema["anyOf"]):
            yield path, "does not match any of the allowed schemas"
        if "oneOf" in schema:
            matching = sum(1 for s in schema["oneOf"] if self._valid(value, s, path))
            if matching != 1:
                yield path, f"must match exactly one allowed schema, matches {matching}"

        if "type" in schema:
            types = schema["type"]
            names = [types] if isinstance(types, str) else list(types)
            if not any(_matches_type(value, name) for name in names):
                yield path, f"expected {' or '.join(names)}, got {json_type_name(value)}"
                return  # deeper checks on a value of the wrong type only add noise

        if "enum" in schema and not any(_same_json(value, option) for option in schema["enum"]):
            options = ", ".join(_show(option) for option in schema["enum"])
            yield path, f"{_show(value)} is not one of {options}"

        if isinstance(value, str):
            yield from self._string_errors(value, schema, path)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield path, f"must be at least {schema['minimum']}, got {_show(value)}"
            if "maximum" in schema and value > schema["maximum"]:
                yield path, f"must be at most {schema['maximum']}, got {_show(value)}"
        elif isinstance(value, (list, tuple)):
            yield from self._array_errors(value, schema, path)
        elif isinstance(value, Mapping):
            yield from self._object_errors(value, schema, path)

    def _lookup_ref(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        return self.resolve({"$ref": schema["$ref"]})

    def _valid(self, value: Any, schema: Mapping[str, Any] | bool, path: str) -> bool:
        return next(iter(self.iter_errors(value, schema, path)), None) is None

    def _string_errors(
        self, value: str, schema: Mapping[str, Any], path: str
    ) -> Iterator[tuple[str, str]]:
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield path, f"must be at least {schema['minLength']} characters long"
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            yield path, f"must be at most {schema['maxLength']} characters long"
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            yield path, f"{_show(value)} does not match the pattern {schema['pattern']!r}"

    def _array_errors(
        self, value: Sequence[Any], schema: Mapping[str, Any], path: str
    ) -> Iterator[tuple[str, str]]:
        if "minItems" in schema and len(value) < schema["minItems"]:
            yield path, f"must have at least {schema['minItems']} items"
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            yield path, f"must have at most {schema['maxItems']} items"
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                yield from self.iter_errors(item, items, f"{path}[{index}]")

    def _object_errors(
        self, value: Mapping[str, Any], schema: Mapping[str, Any], path: str
    ) -> Iterator[tuple[str, str]]:
        for name in schema.get("required", ()):
            if name not in value:
                yield _join(path, name), "required property missing"
        properties: Mapping[str, Any] = schema.get("properties", {})
        additional = schema.get("additionalProperties", True)
        for key, item in value.items():
            key_path = _join(path, str(key))
            if key in properties:
                yield from self.iter_errors(item, properties[key], key_path)
            elif additional is False:
                yield key_path, "unknown property"
            elif additional is not True:
                yield from self.iter_errors(item, additional, key_path)

    def errors(
        self, value: Any, schema: Mapping[str, Any] | bool, *, root: str = "body"
    ) -> list[tuple[str, str]]:
        """Every mismatch (at most ``max_errors``) as ``(path, problem)``; the root is ``root``."""
        found: list[tuple[str, str]] = []
        for path, problem in self.iter_errors(value, schema):
            if not path:
                path = root
            elif path.startswith("["):
                path = root + path
            if (path, problem) not in found:
                found.append((path, problem))
            if len(found) >= self.max_errors:
                break
        return found

    def validate(self, value: Any, schema: Mapping[str, Any] | bool, *, root: str = "body") -> None:
        """Raise :class:`SchemaError` naming each bad field unless ``value`` matches ``schema``."""
        found = self.errors(value, schema, root=root)
        if found:
            raise SchemaError(found)

    def is_valid(self, value: Any, schema: Mapping[str, Any] | bool) -> bool:
        """Whether ``value`` matches ``schema``."""
        return self._valid(value, schema, "")


def _same_json(left: Any, right: Any) -> bool:
    """JSON equality: ``1 == 1.0`` but ``True != 1``."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left is right
    return bool(left == right)
