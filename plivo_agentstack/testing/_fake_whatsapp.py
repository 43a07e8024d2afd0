"""What the fake REST API refuses in a WhatsApp message, checked by the SDK's own builders.

The ``template``, ``interactive`` and ``location`` of a received message are rebuilt with
``plivo_agentstack.messaging`` (``Template``, ``InteractiveMessage``, ``Location``): whatever a
builder refuses (four reply buttons, a latitude of 91, a list button text over 20 characters, a
currency amount that is not an int ...) the fake refuses with its message. On top of that, only
what a builder takes as arguments is required here (a template's name, an interactive
message's type and body text, the parts its action needs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from plivo_agentstack.messaging import InteractiveMessage, Location, Template

_TEMPLATE_COMPONENTS: Final = ("header", "body", "button")


def _required_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} is required (a non-empty string)")
    return value


def _check_template(template: Mapping[str, Any]) -> None:
    builder = Template(
        _required_text(template.get("name"), "name (the approved template's name)"),
        _required_text(template.get("language"), "language (e.g. 'en_US')"),
    )
    for index, component in enumerate(template.get("components") or []):
        kind = component.get("type")
        if kind not in _TEMPLATE_COMPONENTS:
            raise ValueError(
                f"components[{index}].type must be header, body or button, got {kind!r}"
            )
        for parameter in component.get("parameters") or []:
            if parameter.get("type") != "currency":
                continue
            currency = parameter.get("currency")
            if not isinstance(currency, Mapping):
                raise ValueError(
                    f"components[{index}]: a currency parameter needs a currency object "
                    "(fallback_value, code, amount_1000)"
                )
            fallback: Any = currency.get("fallback_value")
            code: Any = currency.get("currency_code")
            amount: Any = currency.get("amount_1000")  # the builder checks that it is an int
            builder.add_body_currency(fallback, code, amount)


def _action_list(action: Mapping[str, Any], key: str, what: str) -> list[Any]:
    value = action.get(key)
    if not isinstance(value, list):
        raise ValueError(f"action.{key} is required: {what}")
    return value


def _check_interactive(interactive: Mapping[str, Any]) -> None:
    kind = interactive.get("type")
    body_text = _required_text((interactive.get("body") or {}).get("text"), "body.text")
    action = interactive.get("action") or {}
    footer_text = (interactive.get("footer") or {}).get("text")
    if kind == "button":
        buttons = _action_list(action, "buttons", "a list of 1-3 reply buttons")
        InteractiveMessage.button(
            body_text,
            [b.get("reply", b) if isinstance(b, Mapping) else b for b in buttons],
            header=interactive.get("header"),
            footer_text=footer_text,
        )
    elif kind == "list":
        InteractiveMessage.list(
            body_text,
            _required_text(action.get("button"), "action.button (the text that opens the list)"),
            _action_list(action, "sections", "a list of sections of rows"),
            footer_text=footer_text,
        )
    elif kind == "cta_url":
        buttons = _action_list(action, "buttons", "one button with a title and a url")
        button = buttons[0] if len(buttons) == 1 and isinstance(buttons[0], Mapping) else {}
        InteractiveMessage.cta_url(
            body_text,
            _required_text(button.get("title"), "action.buttons[0].title"),
            _required_text(button.get("url"), "action.buttons[0].url"),
            header=interactive.get("header"),
            footer_text=footer_text,
        )
    else:
        raise ValueError(f"type must be 'button', 'list' or 'cta_url', got {kind!r}")


def _check_location(location: Mapping[str, Any]) -> None:
    latitude: Any = location.get("latitude")  # the builder says what a coordinate must be
    longitude: Any = location.get("longitude")
    Location.build(
        latitude,
        longitude,
        name=location.get("name"),
        address=location.get("address"),
    )


_CHECKS: Final[dict[str, Callable[[Mapping[str, Any]], None]]] = {
    "template": _check_template,
    "interactive": _check_interactive,
    "location": _check_location,
}


def _whatsapp_problems(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(field, problem)`` for each of ``template``/``interactive``/``location`` refused."""
    problems: list[tuple[str, str]] = []
    for key, check in _CHECKS.items():
        value = body.get(key)
        if value is None:
            continue
        try:
            check(value)
        except (TypeError, ValueError) as exc:
            problems.append((key, str(exc)))
    return problems
