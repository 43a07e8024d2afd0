"""Static factories for WhatsApp interactive messages and locations (plain JSON-ready dicts)."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["InteractiveMessage", "Location"]

_MAX_REPLY_BUTTONS = 3
_MAX_LIST_BUTTON_TEXT = 20


def _add_header_footer(
    message: dict[str, Any], header: dict[str, Any] | None, footer_text: str | None
) -> dict[str, Any]:
    if header:
        message["header"] = header
    if footer_text:
        message["footer"] = {"text": footer_text}
    return message


def _reply_button(position: int, button: Any) -> dict[str, Any]:
    if not isinstance(button, Mapping):
        raise TypeError(
            f"buttons[{position}] must be a mapping with 'id' and 'title', "
            f"got {type(button).__name__}"
        )
    missing = [key for key in ("id", "title") if key not in button]
    if missing:
        raise ValueError(f"buttons[{position}] is missing {' and '.join(map(repr, missing))}")
    return {"type": "reply", "reply": {"id": button["id"], "title": button["title"]}}


class InteractiveMessage:
    """Builders for the ``interactive`` field of a WhatsApp message."""

    @staticmethod
    def button(
        body_text: str,
        buttons: Sequence[Mapping[str, Any]],
        *,
        header: Mapping[str, Any] | None = None,
        footer_text: str | None = None,
    ) -> dict[str, Any]:
        """Build a reply-button message from 1-3 buttons, each ``{"id": ..., "title": ...}``."""
        if isinstance(buttons, (str, bytes, Mapping)) or not isinstance(buttons, Sequence):
            raise TypeError(
                "buttons must be a list of {'id': ..., 'title': ...} mappings, "
                f"got {type(buttons).__name__}"
            )
        if not 1 <= len(buttons) <= _MAX_REPLY_BUTTONS:
            raise ValueError(
                f"WhatsApp reply-button messages take 1 to {_MAX_REPLY_BUTTONS} buttons, "
                f"got {len(buttons)}"
            )
        message: dict[str, Any] = {
            "type": "button",
            "body": {"text": body_text},
            "action": {"buttons": [_reply_button(i, b) for i, b in enumerate(buttons)]},
        }
        return _add_header_footer(message, copy.deepcopy(dict(header or {})), footer_text)

    @staticmethod
    def cta_url(
        body_text: str,
        button_title: str,
        url: str,
        *,
        header: Mapping[str, Any] | None = None,
        footer_text: str | None = None,
    ) -> dict[str, Any]:
        """Build a call-to-action message with one button that opens ``url``."""
        message: dict[str, Any] = {
            "type": "cta_url",
            "body": {"text": body_text},
            "action": {"buttons": [{"type": "cta_url", "title": button_title, "url": url}]},
        }
        return _add_header_footer(message, copy.deepcopy(dict(header or {})), footer_text)

    # Defined last: inside the class body the name ``list`` is this method from here on.
    @staticmethod
    def list(
        body_text: str,
        button_text: str,
        sections: Sequence[Mapping[str, Any]],
        *,
        header_text: str | None = None,
        footer_text: str | None = None,
    ) -> dict[str, Any]:
        """Build a list message: ``button_text`` (max 20 chars) opens the given ``sections``."""
        if len(button_text) > _MAX_LIST_BUTTON_TEXT:
            raise ValueError(
                f"button_text must be at most {_MAX_LIST_BUTTON_TEXT} characters, "
                f"got {len(button_text)}: {button_text!r}"
            )
        message: dict[str, Any] = {
            "type": "list",
            "body": {"text": body_text},
            "action": {"button": button_text, "sections": copy.deepcopy(list(sections))},
        }
        header = {"type": "text", "text": header_text} if header_text else None
        return _add_header_footer(message, header, footer_text)


def _coordinate(name: str, value: float | str, limit: int) -> str:
    """A latitude/longitude checked as a number and sent as a string, as Plivo's SDKs send it."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise ValueError(
                f"{name} must be a number or a numeric string, got {value!r}"
            ) from None
        text = value.strip()
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number or a numeric string, got {type(value).__name__}")
    else:
        number, text = float(value), repr(float(value))
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise ValueError(f"{name} must be between -{limit} and {limit}, got {value!r}")
    return text


class Location:
    """Builder for the ``location`` field of a WhatsApp message."""

    @staticmethod
    def build(
        latitude: float | str,
        longitude: float | str,
        *,
        name: str | None = None,
        address: str | None = None,
    ) -> dict[str, Any]:
        """Build a location pin; ``name`` and ``address`` are included when not ``None``.

        Coordinates are numbers or numeric strings, checked for range and sent as strings
        (``"37.7749"``), which is what the API takes.
        """
        location: dict[str, Any] = {
            "latitude": _coordinate("latitude", latitude, 90),
            "longitude": _coordinate("longitude", longitude, 180),
        }
        if name is not None:
            location["name"] = name
        if address is not None:
            location["address"] = address
        return location
