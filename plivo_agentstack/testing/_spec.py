"""The bundled OpenAPI spec as the fake API uses it: operations, routing and schemas."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final
from urllib.parse import unquote

import attrs

from ._schema import SchemaError, SchemaValidator

__all__ = ["ApiSpec", "Operation", "QueryParam", "load_spec"]

_HTTP_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_DOT_SEGMENTS: Final = frozenset({".", ".."})


@attrs.frozen
class QueryParam:
    """A query parameter of an operation: name, (resolved) schema and whether it is required."""

    name: str
    schema: Mapping[str, Any]
    required: bool


@attrs.frozen
class Operation:
    """One operation of the spec: id, method, path template and request/response schemas."""

    operation_id: str
    method: str
    path: str
    pattern: re.Pattern[str]
    query_params: tuple[QueryParam, ...]
    body_schema: Mapping[str, Any] | None
    body_required: bool
    success_status: int
    servers: tuple[str, ...]  # the operation's own hosts (lookup); () for the API's
    responses: Mapping[str, Mapping[str, Any] | None]
    body_media_type: str = "application/json"  # or multipart/form-data (files)


def _path_pattern(template: str) -> re.Pattern[str]:
    """A regex for a path template: ``{name}`` matches one non-empty raw (still percent-encoded)
    segment, which cannot contain ``/``; ``ApiSpec.match`` decodes each one separately."""
    parts = re.split(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", template)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>[^/]+)"
        for index, part in enumerate(parts)
    )
    return re.compile(regex)


class ApiSpec:
    """The OpenAPI document the fake is driven by: its operations, routes and schemas."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.validator: SchemaValidator = SchemaValidator(document)
        self.operations: dict[str, Operation] = {}
        self._routes: list[tuple[re.Pattern[str], dict[str, Operation]]] = []
        paths = document.get("paths")
        if not isinstance(paths, Mapping) or not paths:
            raise ValueError("the OpenAPI document has no paths")
        for template, item in paths.items():
            pattern = _path_pattern(template)
            methods: dict[str, Operation] = {}
            shared = item.get("parameters", [])
            for method in _HTTP_METHODS:
                if method in item:
                    operation = self._operation(
                        template, pattern, method, item[method], shared, item.get("servers", ())
                    )
                    if operation.operation_id in self.operations:
                        raise ValueError(f"duplicate operationId {operation.operation_id!r}")
                    self.operations[operation.operation_id] = operation
                    methods[operation.method] = operation
            self._routes.append((pattern, methods))

    def _operation(
        self,
        template: str,
        pattern: re.Pattern[str],
        method: str,
        spec: Mapping[str, Any],
        shared: Sequence[Mapping[str, Any]],
        servers: Sequence[Mapping[str, str]],
    ) -> Operation:
        resolve = self.validator.resolve
        query: list[QueryParam] = []
        for raw in [*shared, *spec.get("parameters", [])]:
            param = resolve(raw)
            if param.get("in") == "query":
                query = [q for q in query if q.name != param["name"]]
                schema = resolve(param.get("schema", {}))
                query.append(QueryParam(param["name"], schema, bool(param.get("required"))))
        body_schema: Mapping[str, Any] | None = None
        body_required = False
        body_media_type = "application/json"
        if "requestBody" in spec:
            request_body = resolve(spec["requestBody"])
            for body_media_type in ("application/json", "multipart/form-data"):
                content = request_body.get("content", {}).get(body_media_type)
                if content is not None:
                    body_schema = resolve(content.get("schema", {}))
                    body_required = bool(request_body.get("required"))
                    break
        responses: dict[str, Mapping[str, Any] | None] = {}
        for status, raw_response in spec.get("responses", {}).items():
            response = resolve(raw_response)
            content = response.get("content", {}).get("application/json")
            responses[str(status)] = None if content is None else content.get("schema", {})
        successes = sorted(int(s) for s in responses if s.isdigit() and s.startswith("2"))
        return Operation(
            operation_id=str(spec["operationId"]),
            method=method.upper(),
            path=template,
            pattern=pattern,
            query_params=tuple(query),
            body_schema=body_schema,
            body_required=body_required,
            success_status=successes[0] if successes else 200,
            servers=tuple(server["url"] for server in spec.get("servers", servers)),
            responses=responses,
            body_media_type=body_media_type,
        )

    def match(
        self, method: str, raw_path: str
    ) -> tuple[Operation | None, dict[str, str], tuple[str, ...]]:
        """Route a raw (percent-encoded) path: ``(operation, path params, allowed methods)``.

        The raw path is split on ``/`` first and each parameter segment is decoded on its own,
        so ``%2F``, ``%2E`` and ``%2E%2E`` are one literal value (``"a/b"``, ``"."``, ``".."``),
        never a separator or a dot segment; a literal ``.`` or ``..`` segment (which a client
        should have resolved) is never taken as a value.

        ``operation`` is ``None`` when nothing matches: ``allowed`` is then empty for an unknown
        path (404) and lists the path's methods when only the method is wrong (405).
        """
        allowed: set[str] = set()
        for pattern, methods in self._routes:
            found = pattern.fullmatch(raw_path)
            if found is None or any(raw in _DOT_SEGMENTS for raw in found.groups()):
                continue
            operation = methods.get(method.upper())
            if operation is not None:
                params = {key: unquote(value) for key, value in found.groupdict().items()}
                return operation, params, ()
            allowed.update(methods)
        return None, {}, tuple(sorted(allowed))

    def response_schema(self, operation_id: str | None, status: int) -> Mapping[str, Any] | None:
        """The schema of a response (``None``: no body); unknown operations use ``Error``."""
        if operation_id is None:
            return self.validator.resolve({"$ref": "#/components/schemas/Error"})
        try:
            operation = self.operations[operation_id]
        except KeyError:
            raise ValueError(f"unknown operation_id {operation_id!r}") from None
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in operation.responses:
                return operation.responses[key]
        raise SchemaError([("status", f"{operation_id} does not document HTTP {status}")])

    def validate_response(self, operation_id: str | None, status: int, body: Any) -> None:
        """Raise :class:`SchemaError` unless ``body`` is what the spec says ``status`` returns."""
        schema = self.response_schema(operation_id, status)
        if schema is None:
            if body is not None:
                raise SchemaError([("response", f"HTTP {status} must have no body")])
            return
        if body is None:
            raise SchemaError([("response", f"HTTP {status} must have a JSON body")])
        self.validator.validate(body, schema, root="response")


@functools.lru_cache(maxsize=1)
def load_spec() -> ApiSpec:
    """The bundled spec (``plivo_agentstack/testing/openapi.json``), loaded once."""
    resource = importlib.resources.files("plivo_agentstack.testing").joinpath("openapi.json")
    return ApiSpec(json.loads(resource.read_text(encoding="utf-8")))
