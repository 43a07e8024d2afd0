"""Bodies as real Plivo servers send them parse into typed fields, in both packages.

The bodies follow the shapes of Plivo's own SDK fixtures (messageGetResponse, numberGetResponse,
phoneNumberListResponse, numberCreateResponse, messageSendResponse, mmsMediaListResponse):
money and rates as decimal strings, ``error_code`` as a string or null, booleans as booleans,
nested ``prerequisites``. Each one goes through the real resource method (respx answers the
HTTP request), and every field must come out as a typed attribute: with its value, of a type
its annotation declares, and with nothing left over in ``additional_properties``.

The second half checks that each request parameter added with those fields is a named argument
that reaches the wire under its wire name, and that FakePlivo's records carry the same fields.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

import httpx
import pytest
import respx

from plivo_agentstack._generated.types import Unset
from plivo_agentstack.errors import ValidationError
from plivo_agentstack.models import (
    Error,
    Media,
    MediaList,
    MessageCreateResult,
    MessageRecord,
    NumberBuyResult,
    NumberPrerequisite,
    NumberSearchResult,
    PhoneNumber,
    PurchasedNumber,
)
from plivo_agentstack.testing.fake_api import FakePlivo
from tests.conftest import ACCOUNT, collect, resolve

pytestmark = pytest.mark.anyio

API_ID = "f6c9c9b2-7c4c-11f0-9b6e-0242ac110004"
EMPTY_PAGE = {"api_id": API_ID, "meta": {}, "objects": []}
MESSAGE_UUID = "0936ec98-7c4c-11f0-8a4b-0242ac110005"
NUMBER = "+14155550100"
MESSAGE_PATH = f"{ACCOUNT}/Message/"
MESSAGE_ITEM_PATH = f"{ACCOUNT}/Message/{MESSAGE_UUID}/"
NUMBER_PATH = f"{ACCOUNT}/Number/"
NUMBER_ITEM_PATH = f"{ACCOUNT}/Number/14155550100/"  # numbers travel without the +
SEARCH_PATH = f"{ACCOUNT}/PhoneNumber/"
BUY_PATH = f"{ACCOUNT}/PhoneNumber/14155550100/"

# --------------------------------------------------------------------------------------------
# Real bodies
# --------------------------------------------------------------------------------------------

# Outbound US SMS, delivered (messageGetResponse as the API sends it today).
SMS_DELIVERED: dict[str, Any] = {
    "api_id": API_ID,
    "carrier_fees": "0.00300",
    "carrier_fees_rate": "0.00300",
    "conversation_expiration_timestamp": None,
    "conversation_id": None,
    "conversation_origin": None,
    "destination_country_iso2": "US",
    "destination_network": "T-Mobile",
    "dlt_entity_id": None,
    "dlt_template_category": None,
    "dlt_template_id": None,
    "error_code": "000",
    "error_message": "",
    "from_number": "14155550100",
    "is_domestic": True,
    "log": True,
    "message_direction": "outbound",
    "message_sent_time": "2026-03-02 10:31:06.012133+05:30",
    "message_state": "delivered",
    "message_time": "2026-03-02 10:31:05+05:30",
    "message_type": "sms",
    "message_updated_time": "2026-03-02 10:31:09.022+05:30",
    "message_uuid": MESSAGE_UUID,
    "powerpack_id": None,
    "replaced_sender": "",
    "requester_ip": "203.0.113.10",
    "resource_uri": f"{ACCOUNT}/Message/{MESSAGE_UUID}/",
    "tendlc_campaign_id": "CMPT4EP",
    "tendlc_registration_status": "COMPLETED",
    "to_number": "14155550101",
    "total_amount": "0.00500",
    "total_rate": "0.00500",
    "units": 1,
}

# Outbound WhatsApp template, still queued: no error code yet, a conversation window.
WHATSAPP_QUEUED: dict[str, Any] = {
    **SMS_DELIVERED,
    "carrier_fees": "0.00000",
    "carrier_fees_rate": "0.00000",
    "conversation_expiration_timestamp": "2026-03-03 10:31:05+05:30",
    "conversation_id": "5d1f8c0b2f0e4c5b9d6a7e8f9a0b1c2d",
    "conversation_origin": "utility",
    "destination_country_iso2": "GB",
    "destination_network": None,
    "error_code": None,
    "error_message": None,
    "is_domestic": False,
    "message_sent_time": None,
    "message_state": "queued",
    "message_type": "whatsapp",
    "message_updated_time": None,
    "powerpack_id": "5ec4c8c9-cd74-42b5-9e41-0d7670d6bb46",
    "tendlc_campaign_id": None,
    "tendlc_registration_status": None,
    "to_number": "447700900123",
    "total_amount": "0.00400",
    "total_rate": "0.00400",
}

# Outbound Indian SMS under DLT, failed; this account sends ``log`` as a string.
SMS_DLT_FAILED: dict[str, Any] = {
    **SMS_DELIVERED,
    "carrier_fees": "0.00000",
    "carrier_fees_rate": "0.00000",
    "destination_country_iso2": "IN",
    "destination_network": "Reliance Jio",
    "dlt_entity_id": "1201159178683291234",
    "dlt_template_category": "transactional",
    "dlt_template_id": "1207161234567890123",
    "error_code": "900",
    "error_message": "Insufficient credit",
    "from_number": "PLIVOS",
    "is_domestic": False,
    "log": "false",
    "message_state": "failed",
    "replaced_sender": "VM-PLIVOS",
    "tendlc_campaign_id": None,
    "tendlc_registration_status": None,
    "to_number": "919876543210",
    "total_amount": "0.00000",
    "total_rate": "0.04500",
}

MESSAGE_FIELDS = [
    "error_code",
    "error_message",
    "message_sent_time",
    "message_updated_time",
    "carrier_fees",
    "carrier_fees_rate",
    "conversation_id",
    "conversation_origin",
    "conversation_expiration_timestamp",
    "destination_network",
    "destination_country_iso2",
    "dlt_entity_id",
    "dlt_template_id",
    "dlt_template_category",
    "is_domestic",
    "tendlc_campaign_id",
    "tendlc_registration_status",
    "replaced_sender",
    "log",
    "powerpack_id",
    "total_amount",
    "total_rate",
    "units",
]

# numberGetResponse: a local US number with 10DLC, CNAM and a business profile.
LOCAL_NUMBER: dict[str, Any] = {
    "active": True,
    "added_on": "2026-01-12",
    "alias": None,
    "api_id": API_ID,
    "application": f"{ACCOUNT}/Application/29986316244302815/",
    "caller_reputation_status": "enabled",
    "carrier": "Plivo",
    "city": "SAN FRANCISCO",
    "cnam": "ACME CORP",
    "cnam_lookup": "enabled",
    "compliance_application_id": None,
    "compliance_status": None,
    "country": "UNITED STATES",
    "description": "Support line",
    "mms_enabled": True,
    "mms_rate": "0.00000",
    "monthly_rental_rate": "0.50000",
    "number": "14155550100",
    "number_type": "local",
    "plivo_number": True,
    "profile_uuid": "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
    "region": "California, UNITED STATES",
    "renewal_date": "2026-04-12",
    "resource_uri": f"{ACCOUNT}/Number/14155550100/",
    "sms_enabled": True,
    "sms_rate": "0.00000",
    "sub_account": None,
    "sub_account_name": None,
    "tendlc_campaign_id": "CMPT4EP",
    "tendlc_registration_status": "COMPLETED",
    "toll_free_sms_verification": None,
    "toll_free_sms_verification_id": None,
    "toll_free_sms_verification_order_status": None,
    "voice_enabled": True,
    "voice_rate": "0.00850",
}

# A verified toll-free number of a subaccount, with a compliance application.
TOLLFREE_NUMBER: dict[str, Any] = {
    **LOCAL_NUMBER,
    "caller_reputation_status": None,
    "city": "",
    "cnam": None,
    "cnam_lookup": "disabled",
    "compliance_application_id": "7a3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "compliance_status": "accepted",
    "description": None,
    "monthly_rental_rate": "1.00000",
    "number": "18335550500",
    "number_type": "tollfree",
    "plivo_number": False,
    "profile_uuid": None,
    "region": "UNITED STATES",
    "resource_uri": f"{ACCOUNT}/Number/18335550500/",
    "sub_account": f"{ACCOUNT}/Subaccount/SAXXXXXXXXXXXXXXXXXX/",
    "sub_account_name": "Support team",
    "tendlc_campaign_id": None,
    "tendlc_registration_status": None,
    "toll_free_sms_verification": "verified",
    "toll_free_sms_verification_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    "toll_free_sms_verification_order_status": "APPROVED",
    "voice_rate": "0.02200",
}

NUMBER_FIELDS = [
    "active",
    "cnam_lookup",
    "compliance_application_id",
    "compliance_status",
    "mms_enabled",
    "mms_rate",
    "tendlc_campaign_id",
    "tendlc_registration_status",
    "toll_free_sms_verification",
    "toll_free_sms_verification_id",
    "toll_free_sms_verification_order_status",
    "sub_account_name",
    "cnam",
    "profile_uuid",
    "caller_reputation_status",
    "description",
    "plivo_number",
    "monthly_rental_rate",
    "sms_rate",
    "voice_rate",
]

# phoneNumberListResponse: a US local offer and a London one that needs documents.
US_OFFER: dict[str, Any] = {
    "city": "SAN FRANCISCO",
    "country": "UNITED STATES",
    "ha_enabled": True,
    "lata": 722,
    "mms_enabled": True,
    "mms_rate": "0.00000",
    "monthly_rental_rate": "0.50000",
    "number": "14155550200",
    "prefix": "415",
    "prerequisites": [],
    "rate_center": "SNFC CA",
    "region": "California, UNITED STATES",
    "resource_uri": f"{ACCOUNT}/PhoneNumber/14155550200/",
    "restriction": None,
    "restriction_text": None,
    "setup_rate": "0.00000",
    "sms_enabled": True,
    "sms_rate": "0.00000",
    "sub_type": "local",
    "type": "fixed",
    "voice_enabled": True,
    "voice_rate": "0.00850",
}
GB_OFFER: dict[str, Any] = {
    **US_OFFER,
    "city": "LONDON",
    "country": "UNITED KINGDOM",
    "ha_enabled": False,
    "lata": None,
    "mms_enabled": False,
    "monthly_rental_rate": "0.80000",
    "number": "442079460100",
    "prefix": "20",
    "prerequisites": [
        {
            "address_required": True,
            "proof_required": True,
            "proof_type": ["Utility bill", "Bank statement"],
            "scope": "local",
        }
    ],
    "rate_center": None,
    "region": "England, UNITED KINGDOM",
    "resource_uri": f"{ACCOUNT}/PhoneNumber/442079460100/",
    "restriction": "address_required",
    "restriction_text": "A local address is required",
    "sms_enabled": False,
    "sub_type": "local",
    "voice_rate": "0.01000",
}

OFFER_FIELDS = [
    "sub_type",
    "mms_enabled",
    "mms_rate",
    "ha_enabled",
    "lata",
    "rate_center",
    "monthly_rental_rate",
    "setup_rate",
    "sms_rate",
    "voice_rate",
]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def declared_types(cls: type, attr: str) -> set[type]:
    """The runtime types an attribute's annotation admits (``list[X]`` counts as ``list``)."""
    hint = typing.get_type_hints(cls)[attr]
    members = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    return {typing.get_origin(member) or member for member in members}


def assert_typed(model: Any, body: dict[str, Any], fields: list[str]) -> None:
    """Each field is an attribute with the body's value, of a type its annotation declares;
    the body holds no key the model left untyped; ``to_dict()`` gives the body back."""
    cls = type(model)
    wire_keys: dict[str, str] = cls._wire_keys
    for wire in fields:
        attr = wire_keys[wire]
        value = getattr(model, attr)
        assert not isinstance(value, Unset), wire
        if isinstance(value, list):  # nested models compare by their wire form
            assert [getattr(v, "to_dict", lambda v=v: v)() for v in value] == body[wire], wire
        else:
            assert value == body[wire], wire
        assert type(value) in declared_types(cls, attr), (wire, value, declared_types(cls, attr))
    assert model.additional_keys == [], "fields a real server sends that the SDK does not type"
    assert model.to_dict() == body


def query_of(request: httpx.Request) -> dict[str, str]:
    """The query of a request as a dict (asserting no key is repeated)."""
    items = request.url.params.multi_items()
    assert len({key for key, _ in items}) == len(items), items
    return dict(items)


# --------------------------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body", [SMS_DELIVERED, WHATSAPP_QUEUED, SMS_DLT_FAILED], ids=["sms", "whatsapp", "dlt"]
)
async def test_message_get(client: Any, mock_api: respx.MockRouter, body: dict[str, Any]) -> None:
    mock_api.get(MESSAGE_ITEM_PATH).respond(200, json=body)

    message = await resolve(client.messages.get(MESSAGE_UUID))

    assert isinstance(message, MessageRecord)
    assert_typed(message, body, MESSAGE_FIELDS)
    assert isinstance(message.is_domestic, bool)
    for money in ("total_amount", "total_rate", "carrier_fees", "carrier_fees_rate"):
        assert isinstance(message[money], str)


async def test_message_error_code_string_or_null(client: Any, mock_api: respx.MockRouter) -> None:
    mock_api.get(MESSAGE_ITEM_PATH).mock(
        side_effect=[
            httpx.Response(200, json=SMS_DELIVERED),
            httpx.Response(200, json=WHATSAPP_QUEUED),
        ]
    )

    delivered = await resolve(client.messages.get(MESSAGE_UUID))
    queued = await resolve(client.messages.get(MESSAGE_UUID))

    assert delivered.error_code == "000"
    assert queued.error_code is None
    assert declared_types(MessageRecord, "error_code") >= {str, type(None)}


async def test_message_list_without_total_count(client: Any, mock_api: respx.MockRouter) -> None:
    """The Message list's ``meta`` has no ``total_count``: pages still parse and walk by
    ``next``."""
    first = {
        "api_id": API_ID,
        "meta": {
            "limit": 2,
            "next": f"{MESSAGE_PATH}?limit=2&offset=2",
            "offset": 0,
            "previous": None,
        },
        "objects": [
            {k: v for k, v in SMS_DELIVERED.items() if k != "api_id"},
            {k: v for k, v in SMS_DLT_FAILED.items() if k != "api_id"},
        ],
    }
    second = {
        "api_id": API_ID,
        "meta": {
            "limit": 2,
            "next": None,
            "offset": 2,
            "previous": f"{MESSAGE_PATH}?limit=2&offset=0",
        },
        "objects": [{k: v for k, v in WHATSAPP_QUEUED.items() if k != "api_id"}],
    }
    route = mock_api.get(MESSAGE_PATH)
    route.side_effect = [
        httpx.Response(200, json=first),
        httpx.Response(200, json=first),
        httpx.Response(200, json=second),
    ]

    page = await resolve(client.messages.list(limit=2))
    messages = await collect(client.messages.list(limit=2))

    assert isinstance(page.meta.total_count, Unset)
    assert page.meta.next_ == f"{MESSAGE_PATH}?limit=2&offset=2"
    assert [m.message_type for m in messages] == ["sms", "sms", "whatsapp"]
    assert [m.error_code for m in messages] == ["000", "900", None]
    for message, body in zip(messages, (first["objects"] + second["objects"]), strict=True):
        assert_typed(message, body, MESSAGE_FIELDS)
    assert [query_of(call.request)["offset"] for call in route.calls] == ["0", "0", "2"]


@pytest.mark.parametrize("body", [LOCAL_NUMBER, TOLLFREE_NUMBER], ids=["local", "tollfree"])
async def test_number_get(client: Any, mock_api: respx.MockRouter, body: dict[str, Any]) -> None:
    mock_api.get(NUMBER_ITEM_PATH).respond(200, json=body)

    number = await resolve(client.numbers.get(NUMBER))

    assert isinstance(number, PhoneNumber)
    assert_typed(number, body, NUMBER_FIELDS)


async def test_number_list(client: Any, mock_api: respx.MockRouter) -> None:
    objects = [
        {k: v for k, v in body.items() if k != "api_id"} for body in (LOCAL_NUMBER, TOLLFREE_NUMBER)
    ]
    mock_api.get(NUMBER_PATH).respond(
        200,
        json={
            "api_id": API_ID,
            "meta": {"limit": 20, "next": None, "offset": 0, "previous": None, "total_count": 2},
            "objects": objects,
        },
    )

    page = await resolve(client.numbers.list())

    assert page.meta.total_count == 2
    for number, body in zip(page.objects, objects, strict=True):
        assert isinstance(number, PhoneNumber)
        assert_typed(number, body, NUMBER_FIELDS)


async def test_number_search(client: Any, mock_api: respx.MockRouter) -> None:
    mock_api.get(SEARCH_PATH).respond(
        200,
        json={
            "api_id": API_ID,
            "meta": {
                "limit": 20,
                "next": None,
                "offset": 0,
                "previous": None,
                "total_count": 2,
            },
            "objects": [US_OFFER, GB_OFFER],
        },
    )

    page = await resolve(client.numbers.search("US"))

    us, gb = page.objects
    for offer, body in ((us, US_OFFER), (gb, GB_OFFER)):
        assert isinstance(offer, NumberSearchResult)
        assert_typed(offer, body, [*OFFER_FIELDS, "prerequisites"])
    assert us.prerequisites == []
    assert us.lata == 722
    assert gb.lata is None and gb.rate_center is None
    (prerequisite,) = gb.prerequisites
    assert isinstance(prerequisite, NumberPrerequisite)
    assert prerequisite.proof_required is True
    assert prerequisite.proof_type == ["Utility bill", "Bank statement"]
    assert all(isinstance(kind, str) for kind in prerequisite.proof_type)
    assert prerequisite.scope == "local"
    assert prerequisite.additional_keys == ["address_required"]
    assert prerequisite["address_required"] is True


async def test_number_buy(client: Any, mock_api: respx.MockRouter) -> None:
    body = {
        "api_id": API_ID,
        "fallback_number": "14155550123",
        "message": "created",
        "numbers": [{"number": "14155550123", "status": "Success"}],
        "status": "fulfilled",
    }
    mock_api.post(BUY_PATH).respond(201, json=body)

    result = await resolve(client.numbers.buy(NUMBER))

    assert isinstance(result, NumberBuyResult)
    assert_typed(result, body, ["fallback_number", "status", "message"])
    assert isinstance(result.numbers[0], PurchasedNumber)


async def test_message_create_with_invalid_numbers(client: Any, mock_api: respx.MockRouter) -> None:
    body = {
        "api_id": API_ID,
        "invalid_number": ["1415555"],
        "message": "message(s) queued",
        "message_uuid": [MESSAGE_UUID],
    }
    mock_api.post(MESSAGE_PATH).respond(202, json=body)

    result = await resolve(
        client.messages.create(dst="+14155550101<1415555", src=NUMBER, text="Hello")
    )

    assert isinstance(result, MessageCreateResult)
    assert_typed(result, body, ["invalid_number", "message_uuid"])
    assert result.invalid_number == ["1415555"]


async def test_message_media_list(client: Any, mock_api: respx.MockRouter) -> None:
    media = {
        "content_type": "image/jpeg",
        "media_id": "a3c5e1f0-7c4c-11f0-8a4b-0242ac110006",
        "media_url": f"https://media.plivo.com{ACCOUNT}/Message/{MESSAGE_UUID}/Media/"
        "a3c5e1f0-7c4c-11f0-8a4b-0242ac110006",
        "message_uuid": MESSAGE_UUID,
        "size": 35840,
    }
    body = {"api_id": API_ID, "message_uuid": MESSAGE_UUID, "objects": [media]}
    mock_api.get(f"{MESSAGE_ITEM_PATH}Media/").respond(200, json=body)

    result = await resolve(client.messages.list_media(MESSAGE_UUID))

    assert isinstance(result, MediaList)
    assert_typed(result, body, ["message_uuid"])
    assert isinstance(result.objects[0], Media)
    assert_typed(result.objects[0], media, ["size", "message_uuid"])


async def test_error_body_with_error_code(client: Any, mock_api: respx.MockRouter) -> None:
    body = {"api_id": API_ID, "error": "invalid destination number", "error_code": 1001}
    mock_api.get(MESSAGE_ITEM_PATH).respond(400, json=body)

    with pytest.raises(ValidationError) as raised:
        await resolve(client.messages.get(MESSAGE_UUID))

    error = Error.from_dict(raised.value.body)
    assert_typed(error, body, ["error", "error_code"])
    assert error.error_code == 1001


# --------------------------------------------------------------------------------------------
# Requests
# --------------------------------------------------------------------------------------------


async def test_buy_parameters_on_the_wire(client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.post(BUY_PATH).respond(201, json={"api_id": API_ID, "status": "fulfilled"})

    await resolve(
        client.numbers.buy(
            NUMBER,
            app_id="29986316244302815",
            cnam_lookup="enabled",
            ha_enable=True,
            compliance_application_id="7a3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            verification_info={"address_id": "20220771838737", "identity_id": "40002351223"},
        )
    )

    assert json.loads(route.calls.last.request.content) == {
        "app_id": "29986316244302815",
        "cnam_lookup": "enabled",
        "ha_enable": True,
        "compliance_application_id": "7a3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "verification_info": {"address_id": "20220771838737", "identity_id": "40002351223"},
    }


async def test_update_parameters_on_the_wire(client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.post(NUMBER_ITEM_PATH).respond(
        202, json={"api_id": API_ID, "message": "changed"}
    )
    sent = {
        "cnam_lookup": "enabled",
        "compliance_application_id": "7a3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "verification_info": {"address_id": "20220771838737"},
        "cnam": "ACME CORP",
        "cnam_callback_url": "https://example.com/cnam",
        "cnam_callback_method": "POST",
        "caller_reputation": "enabled",
        "caller_reputation_callback_url": "https://example.com/reputation",
        "caller_reputation_callback_method": "GET",
        "profile_uuid": "201faedc-7df9-4840-9ab1-3997ce3f7cf4",
    }

    await resolve(client.numbers.update(NUMBER, **sent))

    assert json.loads(route.calls.last.request.content) == sent


async def test_list_numbers_filters_on_the_wire(client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(NUMBER_PATH).respond(200, json=EMPTY_PAGE)

    await resolve(
        client.numbers.list(
            tendlc_registration_status="COMPLETED",
            tendlc_campaign_id="CMPT4EP",
            toll_free_sms_verification="verified",
            toll_free_sms_verification_order_status="APPROVED",
            renewal_date="2026-04-12",
            renewal_date__lt="2026-05-01",
            renewal_date__lte="2026-05-02",
            renewal_date__gt="2026-04-01",
            renewal_date__gte="2026-04-02",
            cnam_lookup="enabled",
        )
    )

    assert query_of(route.calls.last.request) == {
        "tendlc_registration_status": "COMPLETED",
        "tendlc_campaign_id": "CMPT4EP",
        "toll_free_sms_verification": "verified",
        "toll_free_sms_verification_order_status": "APPROVED",
        "renewal_date": "2026-04-12",
        "renewal_date__lt": "2026-05-01",
        "renewal_date__lte": "2026-05-02",
        "renewal_date__gt": "2026-04-01",
        "renewal_date__gte": "2026-04-02",
        "cnam_lookup": "enabled",
        "limit": "20",
        "offset": "0",
    }


async def test_list_messages_filters_on_the_wire(client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(MESSAGE_PATH).respond(200, json=EMPTY_PAGE)

    await resolve(
        client.messages.list(
            message_time="2026-03-02 10:31:05",
            destination_country_iso2="US",
            tendlc_campaign_id="CMPT4EP",
            tendlc_registration_status="COMPLETED",
            error_code="000",
        )
    )

    assert query_of(route.calls.last.request) == {
        "limit": "20",
        "offset": "0",
        "error_code": "000",
        "message_time": "2026-03-02 10:31:05",
        "destination_country_iso2": "US",
        "tendlc_campaign_id": "CMPT4EP",
        "tendlc_registration_status": "COMPLETED",
    }


async def test_search_filters_on_the_wire(client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(SEARCH_PATH).respond(200, json=EMPTY_PAGE)

    await resolve(client.numbers.search("US", eligible=True, npanxx="415555"))
    await resolve(client.numbers.search("US", npanxx="415555", local_calling_area=False))

    first, second = (query_of(call.request) for call in route.calls)
    assert first == {
        "country_iso": "US",
        "eligible": "true",
        "npanxx": "415555",
        "limit": "20",
        "offset": "0",
    }
    assert second == {
        "country_iso": "US",
        "npanxx": "415555",
        "local_calling_area": "false",
        "limit": "20",
        "offset": "0",
    }


# --------------------------------------------------------------------------------------------
# FakePlivo carries the same fields
# --------------------------------------------------------------------------------------------


@pytest.fixture
async def fake_client(flavor: str) -> Any:
    """A fake and a client of the current flavour wired to it; its responses match the spec."""
    fake = FakePlivo()
    fake.add_number("+14155550100")  # the fake sends only from numbers the account owns
    client = fake.async_client() if flavor == "async" else fake.client()
    yield fake, client
    await resolve(client.close())
    for record in fake.requests:
        fake.spec.validate_response(record.operation_id, record.status, record.response)


async def test_fake_records_carry_the_real_fields(fake_client: Any) -> None:
    fake, client = fake_client
    offers = await resolve(client.numbers.search("US", limit=1))
    (offer,) = offers.objects
    await resolve(client.numbers.buy(offer.number, cnam_lookup="enabled", ha_enable=True))
    number = await resolve(client.numbers.get(offer.number))
    sent = await resolve(client.messages.create(dst="+14155550101", src=offer.number, text="Hi"))
    message = await resolve(client.messages.get(sent.message_uuid[0]))
    media = await resolve(client.messages.list_media(sent.message_uuid[0]))

    for model, body in ((offer, US_OFFER), (number, LOCAL_NUMBER), (message, SMS_DELIVERED)):
        assert set(body) - {"api_id"} <= set(model.to_dict()), type(model).__name__
        assert model.additional_keys == []
    assert offer.mms_rate == "0.00000" and offer.mms_enabled is True and offer.prerequisites == []
    assert number.cnam_lookup == "enabled"
    assert number.active is True and number.plivo_number is True and number.mms_enabled is True
    assert message.carrier_fees == "0.00300" and message.carrier_fees_rate == "0.00300"
    assert message.destination_country_iso2 == "US" and message.is_domestic is True
    assert message.error_code is None and message.log is True
    assert media.message_uuid == sent.message_uuid[0]


async def test_fake_honours_the_new_filters(fake_client: Any) -> None:
    fake, client = fake_client
    gb = await resolve(client.numbers.search("GB"))
    eligible_gb = await resolve(client.numbers.search("GB", eligible=True))
    by_exchange = await resolve(client.numbers.search("US", npanxx="212555"))
    assert gb.objects and all(o.prerequisites[0].proof_required for o in gb.objects)
    assert all(o.lata is None and o.rate_center is None for o in gb.objects)
    assert eligible_gb.objects == []
    assert by_exchange.objects
    assert {o.number[:7] for o in by_exchange.objects} == {"1212555"}

    bought = by_exchange.objects[0].number
    await resolve(client.numbers.buy(bought))
    await resolve(client.numbers.update(bought, cnam_lookup="enabled", cnam="ACME CORP"))
    number = await resolve(client.numbers.get(bought))
    assert (number.cnam_lookup, number.cnam) == ("enabled", "ACME CORP")
    renewal = number.renewal_date
    assert [n.number for n in (await resolve(client.numbers.list(cnam_lookup="enabled"))).objects]
    assert (await resolve(client.numbers.list(renewal_date=renewal))).objects
    assert not (await resolve(client.numbers.list(renewal_date__lt=renewal))).objects
    assert (await resolve(client.numbers.list(renewal_date__lte=renewal))).objects

    await resolve(client.messages.create(dst="+14155550101", src="+14155550100", text="Hi"))
    await resolve(client.messages.create(dst="+447700900123", src="+14155550100", text="Hi"))
    to_gb = await resolve(client.messages.list(destination_country_iso2="GB"))
    assert [m.to_number for m in to_gb.objects] == ["447700900123"]
    assert to_gb.objects[0].is_domestic is False
    when = to_gb.objects[0].message_time
    assert len((await resolve(client.messages.list(message_time=when))).objects) == 2
