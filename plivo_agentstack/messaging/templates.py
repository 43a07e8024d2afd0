"""Fluent builder for WhatsApp template messages (the ``template`` field of a message)."""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["Template"]


def _text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


class Template:
    """WhatsApp template: name, language and the parameters that fill its placeholders."""

    def __init__(self, name: str, language: str = "en") -> None:
        """Start a template with the approved template ``name`` and its ``language`` code."""
        self.name = name
        self.language = language
        self._header: list[dict[str, Any]] = []
        self._body: list[dict[str, Any]] = []
        self._buttons: list[dict[str, Any]] = []

    def __repr__(self) -> str:
        return f"Template(name={self.name!r}, language={self.language!r})"

    def add_header_param(self, value: str) -> Template:
        """Add a text parameter to the header."""
        self._header.append(_text(value))
        return self

    def add_header_media(self, url: str) -> Template:
        """Add a media parameter (image, video or document URL) to the header."""
        self._header.append({"type": "media", "media": url})
        return self

    def add_body_param(self, value: str) -> Template:
        """Add a text parameter to the body."""
        self._body.append(_text(value))
        return self

    def add_body_currency(self, fallback: str, code: str, amount_1000: int) -> Template:
        """Add a currency parameter (``code``: ISO 4217, e.g. ``USD``); ``amount_1000`` is the
        amount times 1000 (12.99 -> 12990)."""
        # bool is an int subclass but never a meaningful amount.
        if isinstance(amount_1000, bool) or not isinstance(amount_1000, int):
            raise TypeError(
                "amount_1000 must be an int: the amount multiplied by 1000 "
                f"(e.g. 12990 for 12.99), got {type(amount_1000).__name__}"
            )
        self._body.append(
            {
                "type": "currency",
                "currency": {
                    "fallback_value": fallback,
                    "currency_code": code,  # the wire key Plivo reads (not "code")
                    "amount_1000": amount_1000,
                },
            }
        )
        return self

    def add_body_datetime(self, fallback: str) -> Template:
        """Add a date-time parameter to the body, shown as ``fallback``."""
        self._body.append({"type": "date_time", "date_time": {"fallback_value": fallback}})
        return self

    def add_button_param(self, sub_type: str, index: int | str, value: str) -> Template:
        """Add a button component (``sub_type`` e.g. ``url`` or ``quick_reply``) at ``index``."""
        self._buttons.append(
            {
                "type": "button",
                "sub_type": sub_type,
                "index": str(index),
                "parameters": [_text(value)],
            }
        )
        return self

    def build(self) -> dict[str, Any]:
        """Return the template as a new JSON-ready dict (later changes to it do not leak back)."""
        components: list[dict[str, Any]] = []
        if self._header:
            components.append({"type": "header", "parameters": self._header})
        if self._body:
            components.append({"type": "body", "parameters": self._body})
        components.extend(self._buttons)
        result: dict[str, Any] = {"name": self.name, "language": self.language}
        if components:
            result["components"] = copy.deepcopy(components)
        return result

    def to_dict(self) -> dict[str, Any]:
        """Same as :meth:`build`, so a builder can be passed directly as ``template=``."""
        return self.build()
