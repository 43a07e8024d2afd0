"""The generated reference pages cover what they describe and hold plain text only."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent.events import EVENT_TYPES
from plivo_agentstack.agent.protocol import OUTBOUND

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reference"


def operations(resource: object, path: str) -> list[str]:
    """``client.<path>.<method>`` of every operation reachable from ``resource``."""
    found = []
    for name, value in inspect.getmembers(type(resource)):
        if name.startswith("_"):
            continue
        if isinstance(value, property) or hasattr(value, "func"):  # cached_property accessors
            found += operations(getattr(resource, name), f"{path}.{name}")
        elif inspect.isfunction(value) and name not in ("with_options",):
            found.append(f"{path}.{name}")
    return found


@pytest.mark.parametrize("page", ["rest.md", "voice.md"])
def test_reference_pages_hold_plain_text(page: str) -> None:
    text = (DOCS / page).read_text()
    assert "object at 0x" not in text
    assert text.startswith("<!-- Do not edit: `nox -s codegen` generates this page")


def test_rest_reference_lists_every_operation() -> None:
    client = AsyncClient(auth_id="MA00000000000000000X", auth_token="t")
    text = (DOCS / "rest.md").read_text()
    resources = [
        name for name in ("agent", "messages", "media", "numbers") if hasattr(client, name)
    ]
    names = [op for name in resources for op in operations(getattr(client, name), name)]
    assert len(names) > 20
    missing = [name for name in names if f"### `client.{name}()`" not in text]
    assert missing == []


def test_voice_reference_lists_every_event_and_message() -> None:
    text = (DOCS / "voice.md").read_text()
    assert [
        kind for kind in EVENT_TYPES if f"### `{kind}` - `{EVENT_TYPES[kind].__name__}`" not in text
    ] == []
    assert [m.name for m in OUTBOUND if f"`{m.key}: {m.name}`" not in text] == []
