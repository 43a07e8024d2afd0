"""FakePlivo's messages as the real API has them: what it refuses, through both SDK flavours."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from plivo_agentstack import ValidationError
from plivo_agentstack.messaging import InteractiveMessage, Location, Template
from plivo_agentstack.testing import FakePlivo
from tests.conftest import resolve
from tests.test_fake_api import check_responses

pytestmark = pytest.mark.anyio

SENDER = "+14155550100"
CALLEE = "+14155550101"


@pytest.fixture
def fake() -> Iterator[FakePlivo]:
    """A fresh fake whose account owns SENDER; at teardown every response matches the spec."""
    instance = FakePlivo()
    instance.add_number(SENDER)
    yield instance
    check_responses(instance)


@pytest.fixture
async def api(fake: FakePlivo, flavor: str) -> AsyncIterator[Any]:
    """An SDK client of the current flavour wired to the fake through an httpx transport."""
    client = fake.async_client() if flavor == "async" else fake.client()
    yield client
    await resolve(client.close())


# --------------------------------------------------------------------------------------------
# What the fake refuses, as the real API does
# --------------------------------------------------------------------------------------------


async def test_src_must_be_a_number_of_the_account(api: Any, fake: FakePlivo) -> None:
    """Not-owned or non-SMS numbers and malformed sender IDs are 400s that say what to do."""
    with pytest.raises(ValidationError, match=r"src: \+14155550199 is not a number on this acc"):
        await resolve(api.messages.create(dst=CALLEE, src="+14155550199", text="x"))
    fake.add_number("+442079460999", sms_enabled=False)
    with pytest.raises(ValidationError, match=r"src: \+442079460999 is not SMS-enabled"):
        await resolve(api.messages.create(dst=CALLEE, src="+442079460999", text="x"))
    with pytest.raises(ValidationError, match="neither an E.164 number nor an alphanumeric sender"):
        await resolve(api.messages.create(dst=CALLEE, src="NOT-A-SENDER!", text="x"))
    assert fake.messages == {}

    offer = (await resolve(api.numbers.search("US", limit=1))).objects[0]
    await resolve(api.numbers.buy(offer.number))
    for kwargs in (
        {"src": f"+{offer.number}"},  # a number bought through the API
        {"src": "ACME"},  # an alphanumeric sender ID
        {"powerpack_uuid": "pp-1"},  # a powerpack picks the number
    ):
        await resolve(api.messages.create(dst=CALLEE, text="x", **kwargs))
    assert len(fake.messages) == 3


def test_add_number() -> None:
    """add_number puts a number on the account once; inventory numbers keep their details."""
    fake = FakePlivo()
    record = fake.add_number("+14155550100")
    assert (record["number"], record["country"], record["sms_enabled"]) == (
        "14155550100",
        "United States",
        True,
    )
    assert fake.add_number("+14155550200", voice_enabled=False)["city"] == "San Francisco"
    assert set(fake.owned_numbers) == {"14155550100", "14155550200"}
    assert fake.owned_numbers["14155550200"]["voice_enabled"] is False
    with pytest.raises(ValueError, match=r"\+14155550100 is already on this account"):
        fake.add_number("+14155550100")
    with pytest.raises(ValueError, match="number must be an E.164 phone number, got 'ACME'"):
        fake.add_number("ACME")
    with fake.client() as client:
        assert client.numbers.get("+14155550200").city == "San Francisco"
        assert "14155550200" not in [o.number for o in client.numbers.search("US", limit=50)]


def whatsapp_builder_outputs() -> list[dict[str, Any]]:
    """Every kind of WhatsApp payload the SDK's builders make: the fake accepts them all."""
    return [
        {"template": Template("order_shipped", "en_US").add_body_currency("$1", "USD", 1000)},
        {"interactive": InteractiveMessage.button("Ok?", [{"id": "y", "title": "Yes"}])},
        {"interactive": InteractiveMessage.list("Pick", "Options", [{"title": "A", "rows": []}])},
        {"interactive": InteractiveMessage.cta_url("Track", "Open", "https://acme.test/t")},
        {"location": Location.build(37.77, -122.41, name="Store")},
    ]


async def test_whatsapp_builder_payloads_are_accepted(api: Any, fake: FakePlivo) -> None:
    for kwargs in whatsapp_builder_outputs():
        await resolve(api.messages.create(dst=CALLEE, src=SENDER, type_="whatsapp", **kwargs))
    assert len(fake.messages) == 5


BUTTON = {"type": "reply", "reply": {"id": "y", "title": "Yes"}}
BAD_WHATSAPP: list[tuple[dict[str, Any], str]] = [
    (
        {"interactive": {"type": "button", "body": {"text": "Ok?"},
                         "action": {"buttons": [BUTTON] * 4}}},
        "interactive: WhatsApp reply-button messages take 1 to 3 buttons, got 4",
    ),
    (
        {"interactive": {"type": "button", "body": {"text": "Ok?"},
                         "action": {"buttons": [{"type": "reply", "reply": {"id": "y"}}]}}},
        "interactive: buttons[0] is missing 'title'",
    ),
    (
        {"interactive": {"type": "list", "body": {"text": "Pick"},
                         "action": {"button": "x" * 21, "sections": []}}},
        "interactive: button_text must be at most 20 characters",
    ),
    (
        {"interactive": {"type": "list", "body": {"text": "Pick"}, "action": {"sections": []}}},
        "interactive: action.button (the text that opens the list) is required",
    ),
    (
        {"interactive": {"type": "cta_url", "body": {"text": "Go"},
                         "action": {"buttons": [{"type": "cta_url", "title": "Open"}]}}},
        "interactive: action.buttons[0].url is required",
    ),
    (
        {"interactive": {"type": "carousel", "body": {"text": "Hi"}, "action": {}}},
        "interactive: type must be 'button', 'list' or 'cta_url', got 'carousel'",
    ),
    (
        {"interactive": {"type": "button", "action": {"buttons": [BUTTON]}}},
        "interactive: body.text is required",
    ),
    ({"location": {"latitude": 91, "longitude": 0}}, "location: latitude must be between -90"),
    ({"location": {"longitude": 0}}, "location: latitude must be a number, got NoneType"),
    (
        {"template": {"name": "t", "language": "en", "components": [{"type": "body", "parameters": [
            {"type": "currency",
             "currency": {"fallback_value": "$1", "code": "USD", "amount_1000": 1.5}}]}]}},
        "template: amount_1000 must be an int",
    ),
    ({"template": {"language": "en"}}, "template: name (the approved template's name) is"),
    ({"template": {"name": "t"}}, "template: language (e.g. 'en_US') is required"),
    (
        {"template": {"name": "t", "language": "en", "components": [{"type": "footer"}]}},
        "template: components[0].type must be header, body or button, got 'footer'",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("payload", "error"), BAD_WHATSAPP, ids=[e for _, e in BAD_WHATSAPP])
async def test_whatsapp_payloads_the_builders_refuse_are_400s(
    api: Any, fake: FakePlivo, payload: dict[str, Any], error: str
) -> None:
    with pytest.raises(ValidationError, match=re.escape(error)):
        await resolve(api.messages.create(dst=CALLEE, src=SENDER, type_="whatsapp", **payload))
    assert fake.messages == {}
