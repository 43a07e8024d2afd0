"""The API reference pages, generated beside the code they describe.

``docs/reference/rest.md`` comes from the same operations and models as the resources (the spec
through openapi-python-client's parse); ``docs/reference/voice.md`` comes from the WebSocket
protocol's own description: the event classes of ``agent.events`` (``EVENT_TYPES``, with their
wire names) and the outbound messages of ``agent.protocol`` (``OUTBOUND``). ``nox -s
codegen_check`` fails when either page drifts from its source.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

import attrs

HEADER = "<!-- Do not edit: `nox -s codegen` generates this page from {origin}. -->\n\n"


def _cell(text: Any) -> str:
    """A value made safe for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|") or " "


def _table(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def rest_reference(
    groups: Iterable[Any], models: Iterable[Any], spec_name: str, text: Callable[[Any], str]
) -> str:
    """Every operation (accessor, HTTP route, arguments, result) and every model's fields.

    ``text`` turns the generator's strings (untrusted spec text, Python code) into plain text.
    """
    lines = [HEADER.format(origin=f"`{spec_name}`").rstrip("\n"), "", "# REST API reference", ""]
    lines += [
        "Every method is on both clients: `await client.<path>(...)` on `AsyncClient`, the same "
        "call without `await` on `Client`. Besides the arguments listed, each takes `timeout=`, "
        "`max_retries=`, `extra_headers=`, `extra_query=` (and `extra_body=` with a body) and "
        "`**extra` (sent as is; a typo of an argument raises `TypeError`).",
        "",
    ]
    for group in groups:
        if not group.operations:
            continue
        lines += [f"## `client.{group.path}`", ""]
        for op in group.operations:
            params = op.path_params + op.positional + op.keyword
            returns = f"`AsyncPaginator[{op.item_type}]`" if op.paginated else f"`{op.return_type}`"
            lines += [
                f"### `client.{group.path}.{op.method}()`",
                "",
                f"{op.summary} `{op.http_method.upper()} {op.path}` - returns {returns}.",
                "",
            ]
            if params:
                lines += _table(
                    ("argument", "wire name", "type", "required", "description"),
                    (
                        (
                            f"`{p.name}`",
                            f"`{p.wire}` ({p.location})",
                            f"`{p.annotation}`",
                            "yes" if p.required else f"no ({p.default or 'None'})",
                            p.description,
                        )
                        for p in params
                    ),
                )
                lines.append("")
    lines += [
        "## Models",
        "",
        "From `plivo_agentstack.models` (and `plivo_agentstack_sync.models`).",
        "",
    ]
    for model in sorted(models, key=lambda m: text(m.class_info.name)):
        lines += [f"### `{text(model.class_info.name)}`", ""]
        if text(model.description):
            lines += [_cell(text(model.description)), ""]
        fields = [*model.required_properties, *model.optional_properties]
        if fields:
            lines += _table(
                ("field", "type", "required", "description"),
                (
                    (
                        f"`{text(prop.python_name)}`",
                        f"`{text(prop.get_type_string(no_optional=True))}`",
                        "yes" if prop.required else "no",
                        text(getattr(prop, "description", None)),
                    )
                    for prop in fields
                ),
            )
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _wire(field: Any) -> str:
    """An event field's wire path(s), from its metadata (the field name when it has none)."""
    paths = field.metadata.get("wire") if field.metadata else None
    if not paths:
        return f"`{field.name}`"
    return " or ".join(f"`{'.'.join(path)}`" for path in paths)


def voice_reference(package: str) -> str:
    """Every inbound event (type, class, fields and wire names) and outbound message."""
    events = importlib.import_module(f"{package}.agent.events")
    protocol = importlib.import_module(f"{package}.agent.protocol")
    origin = f"`{package}/agent/events.py` and `{package}/agent/protocol.py`"
    lines = [HEADER.format(origin=origin).rstrip("\n"), "", "# Voice WebSocket reference", ""]
    lines += [
        "## Events the platform sends",
        "",
        'Register a handler with `@app.on("<type>")`; it gets `(session, event)`. Fields not '
        "listed stay readable in `event.extra` / `event.get(name)`.",
        "",
    ]
    for kind, cls in sorted(events.EVENT_TYPES.items()):
        lines += [f"### `{kind}` - `{cls.__name__}`", "", _cell((cls.__doc__ or "").strip()), ""]
        fields = [f for f in attrs.fields(cls) if f.name not in ("type", "event", "extra")]
        if fields:
            lines += _table(
                ("field", "wire", "type"),
                ((f"`{f.name}`", _wire(f), f"`{_type_name(f.type)}`") for f in fields),
            )
            lines.append("")
    lines += ["## Messages the app sends", "", "Each is sent by one `Session` method.", ""]
    lines += _table(
        ("message", "mode", "`Session` method", "required fields"),
        (
            (
                f"`{m.key}: {m.name}`",
                m.mode,
                f"`session.{m.method}()`",
                ", ".join(f"`{f.path}` ({f.expected})" for f in m.fields if f.required) or "-",
            )
            for m in protocol.OUTBOUND
        ),
    )
    return "\n".join(lines).rstrip("\n") + "\n"


def _type_name(annotation: Any) -> str:
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "Any")
