"""Tests for the WhatsApp Template, InteractiveMessage and Location builders."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import plivo_agentstack.messaging as messaging_pkg
from plivo_agentstack._types import SupportsToDict
from plivo_agentstack.messaging.interactive import InteractiveMessage, Location
from plivo_agentstack.messaging.templates import Template

# Template


def test_template_without_params_omits_components() -> None:
    assert Template("welcome").build() == {"name": "welcome", "language": "en"}
    assert Template("bienvenida", "es").build() == {"name": "bienvenida", "language": "es"}


def test_template_every_param_kind() -> None:
    template = (
        Template("order_update", language="en_US")
        .add_header_param("Order 42")
        .add_header_media("https://example.com/receipt.pdf")
        .add_body_param("Alice")
        .add_body_currency("$12.99", "USD", 12990)
        .add_body_datetime("March 3, 2025")
        .add_button_param("url", 0, "track/42")
        .add_button_param("quick_reply", "1", "STOP")
    )
    assert template.build() == {
        "name": "order_update",
        "language": "en_US",
        "components": [
            {
                "type": "header",
                "parameters": [
                    {"type": "text", "text": "Order 42"},
                    {"type": "media", "media": "https://example.com/receipt.pdf"},
                ],
            },
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Alice"},
                    {
                        "type": "currency",
                        "currency": {
                            "fallback_value": "$12.99",
                            "currency_code": "USD",
                            "amount_1000": 12990,
                        },
                    },
                    {"type": "date_time", "date_time": {"fallback_value": "March 3, 2025"}},
                ],
            },
            {
                "type": "button",
                "sub_type": "url",
                "index": "0",
                "parameters": [{"type": "text", "text": "track/42"}],
            },
            {
                "type": "button",
                "sub_type": "quick_reply",
                "index": "1",
                "parameters": [{"type": "text", "text": "STOP"}],
            },
        ],
    }


def test_template_components_in_fixed_order_regardless_of_call_order() -> None:
    built = (
        Template("t")
        .add_button_param("url", 2, "x")
        .add_body_param("b")
        .add_header_param("h")
        .build()
    )
    assert [c["type"] for c in built["components"]] == ["header", "body", "button"]


def test_template_body_only_and_buttons_only() -> None:
    assert Template("t").add_body_param("x").build() == {
        "name": "t",
        "language": "en",
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "x"}]}],
    }
    assert Template("t").add_button_param("quick_reply", 0, "yes").build() == {
        "name": "t",
        "language": "en",
        "components": [
            {
                "type": "button",
                "sub_type": "quick_reply",
                "index": "0",
                "parameters": [{"type": "text", "text": "yes"}],
            }
        ],
    }


def test_template_is_fluent() -> None:
    template = Template("t")
    assert template.add_header_param("a") is template
    assert template.add_header_media("u") is template
    assert template.add_body_param("b") is template
    assert template.add_body_currency("f", "EUR", 1000) is template
    assert template.add_body_datetime("d") is template
    assert template.add_button_param("url", 0, "v") is template


def test_template_build_returns_independent_dicts() -> None:
    template = Template("t").add_header_param("h").add_body_param("b")
    first = template.build()
    snapshot = copy.deepcopy(first)
    first["name"] = "changed"
    first["components"][0]["parameters"][0]["text"] = "changed"
    first["components"][1]["parameters"].append({"type": "text", "text": "extra"})
    first["components"].append({"type": "button"})
    second = template.build()
    assert second == snapshot
    assert second is not first


def test_template_to_dict_matches_build() -> None:
    template = Template("t").add_body_currency("€5", "EUR", 5000)
    assert template.to_dict() == template.build()
    assert template.to_dict() is not template.to_dict()
    assert isinstance(template, SupportsToDict)


def test_currency_amount_is_passed_through_unscaled() -> None:
    built = Template("t").add_body_currency("$0.50", "USD", 500).build()
    assert built["components"][0]["parameters"][0]["currency"]["amount_1000"] == 500


@pytest.mark.parametrize("amount", [12.99, "12990", None, True, 12990.0])
def test_currency_amount_must_be_an_int(amount: Any) -> None:
    with pytest.raises(TypeError, match="amount_1000 must be an int"):
        Template("t").add_body_currency("$12.99", "USD", amount)


# InteractiveMessage.button


def test_button_message_minimal() -> None:
    assert InteractiveMessage.button("Pick one", [{"id": "y", "title": "Yes"}]) == {
        "type": "button",
        "body": {"text": "Pick one"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "y", "title": "Yes"}}]},
    }


def test_button_message_full() -> None:
    header = {"type": "image", "image": {"link": "https://example.com/a.png"}}
    buttons = [
        {"id": "1", "title": "One"},
        {"id": "2", "title": "Two"},
        {"id": "3", "title": "Three"},
    ]
    assert InteractiveMessage.button("Body", buttons, header=header, footer_text="Foot") == {
        "type": "button",
        "body": {"text": "Body"},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "1", "title": "One"}},
                {"type": "reply", "reply": {"id": "2", "title": "Two"}},
                {"type": "reply", "reply": {"id": "3", "title": "Three"}},
            ]
        },
        "header": {"type": "image", "image": {"link": "https://example.com/a.png"}},
        "footer": {"text": "Foot"},
    }


def test_button_message_omits_empty_header_and_footer() -> None:
    result = InteractiveMessage.button("B", [{"id": "a", "title": "A"}], header={}, footer_text="")
    assert "header" not in result
    assert "footer" not in result


def test_button_message_does_not_share_inputs() -> None:
    header = {"type": "text", "text": "H"}
    buttons = [{"id": "a", "title": "A"}]
    before = copy.deepcopy((header, buttons))
    result = InteractiveMessage.button("B", buttons, header=header)
    result["header"]["text"] = "changed"
    result["action"]["buttons"][0]["reply"]["title"] = "changed"
    assert (header, buttons) == before


@pytest.mark.parametrize("count", [0, 4])
def test_button_count_must_be_one_to_three(count: int) -> None:
    buttons = [{"id": str(i), "title": f"T{i}"} for i in range(count)]
    with pytest.raises(ValueError, match=f"1 to 3 buttons, got {count}"):
        InteractiveMessage.button("B", buttons)


@pytest.mark.parametrize(
    ("button", "missing"),
    [({"title": "A"}, "'id'"), ({"id": "a"}, "'title'"), ({}, "'id' and 'title'")],
)
def test_button_needs_id_and_title(button: dict[str, str], missing: str) -> None:
    with pytest.raises(ValueError, match=rf"buttons\[1\] is missing {missing}"):
        InteractiveMessage.button("B", [{"id": "ok", "title": "OK"}, button])


def test_button_input_types_are_checked() -> None:
    with pytest.raises(TypeError, match="buttons must be a list"):
        InteractiveMessage.button("B", {"id": "a", "title": "A"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"buttons\[0\] must be a mapping"):
        InteractiveMessage.button("B", ["yes"])  # type: ignore[list-item]


# InteractiveMessage.list

SECTIONS = [
    {
        "title": "Pizzas",
        "rows": [
            {"id": "margherita", "title": "Margherita", "description": "Tomato, mozzarella"},
            {"id": "marinara", "title": "Marinara"},
        ],
    }
]


def test_list_message_minimal() -> None:
    assert InteractiveMessage.list("Menu", "View menu", SECTIONS) == {
        "type": "list",
        "body": {"text": "Menu"},
        "action": {
            "button": "View menu",
            "sections": [
                {
                    "title": "Pizzas",
                    "rows": [
                        {
                            "id": "margherita",
                            "title": "Margherita",
                            "description": "Tomato, mozzarella",
                        },
                        {"id": "marinara", "title": "Marinara"},
                    ],
                }
            ],
        },
    }


def test_list_message_with_header_and_footer() -> None:
    result = InteractiveMessage.list(
        "Menu", "View", SECTIONS, header_text="Today", footer_text="Prices incl. VAT"
    )
    assert result["header"] == {"type": "text", "text": "Today"}
    assert result["footer"] == {"text": "Prices incl. VAT"}
    empty = InteractiveMessage.list("Menu", "View", SECTIONS, header_text="", footer_text="")
    assert "header" not in empty
    assert "footer" not in empty


def test_list_message_copies_sections() -> None:
    sections = copy.deepcopy(SECTIONS)
    result = InteractiveMessage.list("Menu", "View", sections)
    result["action"]["sections"][0]["rows"].append({"id": "x", "title": "X"})
    assert sections == SECTIONS


def test_list_button_text_max_20_chars() -> None:
    assert InteractiveMessage.list("M", "x" * 20, SECTIONS)["action"]["button"] == "x" * 20
    with pytest.raises(ValueError, match="at most 20 characters, got 21"):
        InteractiveMessage.list("M", "x" * 21, SECTIONS)


# InteractiveMessage.cta_url


def test_cta_url_message() -> None:
    assert InteractiveMessage.cta_url("Track it", "Open", "https://example.com/t/1") == {
        "type": "cta_url",
        "body": {"text": "Track it"},
        "action": {
            "buttons": [{"type": "cta_url", "title": "Open", "url": "https://example.com/t/1"}]
        },
    }


def test_cta_url_message_with_header_and_footer() -> None:
    result = InteractiveMessage.cta_url(
        "B", "Go", "https://e.com", header={"type": "text", "text": "H"}, footer_text="F"
    )
    assert result == {
        "type": "cta_url",
        "body": {"text": "B"},
        "action": {"buttons": [{"type": "cta_url", "title": "Go", "url": "https://e.com"}]},
        "header": {"type": "text", "text": "H"},
        "footer": {"text": "F"},
    }


# Location


def test_location_minimal_and_full() -> None:
    """Coordinates are sent as strings, as Plivo's SDKs send them."""
    assert Location.build(37.7749, -122.4194) == {
        "latitude": "37.7749",
        "longitude": "-122.4194",
    }
    assert Location.build(0, 0, name="Null Island", address="Gulf of Guinea") == {
        "latitude": "0.0",
        "longitude": "0.0",
        "name": "Null Island",
        "address": "Gulf of Guinea",
    }


def test_location_takes_numeric_strings_as_written() -> None:
    assert Location.build(" 37.7749", "-122.4194") == {
        "latitude": "37.7749",
        "longitude": "-122.4194",
    }


def test_location_keeps_empty_strings() -> None:
    assert Location.build(1.5, 2.5, name="", address="") == {
        "latitude": "1.5",
        "longitude": "2.5",
        "name": "",
        "address": "",
    }


@pytest.mark.parametrize(("lat", "lng"), [(90, 180), (-90, -180), ("90", "-180")])
def test_location_accepts_bounds(lat: float | str, lng: float | str) -> None:
    built = Location.build(lat, lng)
    assert float(built["latitude"]) == float(lat)
    assert float(built["longitude"]) == float(lng)


@pytest.mark.parametrize(
    ("lat", "lng", "message"),
    [
        (90.0001, 0, "latitude must be between -90 and 90"),
        (-91, 0, "latitude must be between -90 and 90"),
        (0, 180.5, "longitude must be between -180 and 180"),
        (0, -181, "longitude must be between -180 and 180"),
        (float("nan"), 0, "latitude must be between -90 and 90"),
        ("inf", 0, "latitude must be between -90 and 90"),
        ("91", 0, "latitude must be between -90 and 90"),
        ("north", 0, "latitude must be a number or a numeric string, got 'north'"),
    ],
)
def test_location_rejects_out_of_range(lat: float | str, lng: float | str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Location.build(lat, lng)


@pytest.mark.parametrize("bad", [None, True, [1]])
def test_location_rejects_non_numbers(bad: Any) -> None:
    with pytest.raises(TypeError, match="latitude must be a number or a numeric string"):
        Location.build(bad, 0)


def test_messaging_package_exports_lazily() -> None:
    assert messaging_pkg.Template is Template
    assert messaging_pkg.InteractiveMessage is InteractiveMessage
    assert messaging_pkg.Location is Location
    assert {"Template", "InteractiveMessage", "Location"} <= set(dir(messaging_pkg))
    with pytest.raises(AttributeError):
        messaging_pkg.Nope  # noqa: B018
