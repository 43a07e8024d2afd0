"""The fake API's two hosts (lookup on its own, as the real API) and its Media files.

Both packages, over the in-process transport and over real HTTP (``FakePlivo.serve()``).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from plivo_agentstack.errors import NotFoundError, ValidationError
from plivo_agentstack.testing import FakePlivo
from tests.conftest import collect, make_client, resolve

pytestmark = pytest.mark.anyio

NUMBER = "+14155550100"


def served_client(flavor: str, fake: FakePlivo, **options: Any) -> Any:
    """A client of ``flavor`` with the fake's credentials (``base_url`` etc. in ``options``)."""
    return make_client(
        flavor, auth_id=fake.auth_id, auth_token=fake.auth_token, max_retries=0, **options
    )


def fake_client(flavor: str, fake: FakePlivo) -> Any:
    """The fake's in-process client of ``flavor`` (requests keep the real API's hosts)."""
    return fake.async_client() if flavor == "async" else fake.client()


# --- hosts ------------------------------------------------------------------------------------


async def test_lookup_answers_on_its_listener_and_on_the_main_url(flavor: str) -> None:
    """``lookup_base_url=server.lookup_url`` reaches lookup; ``base_url`` alone does too."""
    fake = FakePlivo()
    with fake.serve() as server:
        split = served_client(
            flavor, fake, base_url=server.base_url, lookup_base_url=server.lookup_url
        )
        one = served_client(flavor, fake, base_url=server.base_url)
        assert (await resolve(split.numbers.lookup.get(NUMBER))).phone_number == NUMBER
        assert (await resolve(one.numbers.lookup.get(NUMBER))).phone_number == NUMBER
        wrong = served_client(flavor, fake, base_url=server.lookup_url)
        with pytest.raises(NotFoundError, match="no API route matches GET"):
            await resolve(wrong.agent.agents.get("a1"))  # the lookup host has no agents
        for client in (split, one, wrong):
            await resolve(client.close())
    assert server.lookup_url != server.base_url


async def test_the_in_process_transport_keeps_the_real_hosts_apart() -> None:
    """Lookup on api.plivo.com, or an account operation on lookup.plivo.com: 404, as for real."""
    fake = FakePlivo()
    auth = {"Authorization": httpx.BasicAuth(fake.auth_id, fake.auth_token)._auth_header}
    async with fake.async_http() as http:
        on_api = await http.get("https://api.plivo.com/v1/Number/14155550100", headers=auth)
        on_lookup = await http.get(
            f"https://lookup.plivo.com/v1/Account/{fake.auth_id}/Agent", headers=auth
        )
        right = await http.get("https://lookup.plivo.com/v1/Number/14155550100", headers=auth)
    assert on_api.status_code == on_lookup.status_code == 404
    assert right.status_code == 200


async def test_the_fake_refuses_limit_over_20_as_the_api_does() -> None:
    """A raw request the SDK would refuse: the spec's maximum gives 400 naming ``limit``."""
    fake = FakePlivo()
    auth = {"Authorization": httpx.BasicAuth(fake.auth_id, fake.auth_token)._auth_header}
    async with fake.async_http() as http:
        response = await http.get(
            f"https://api.plivo.com/v1/Account/{fake.auth_id}/Message/?limit=21", headers=auth
        )
    assert response.status_code == 400
    assert "limit" in response.json()["error"]


# --- numbers from your own carrier ------------------------------------------------------------


async def test_carrier_numbers_join_the_account(flavor: str) -> None:
    """Added numbers are on the account with their carrier; an owned one is refused."""
    fake = FakePlivo()
    client = fake_client(flavor, fake)
    await resolve(client.numbers.create(["+14155550177", "14155550178"], "carrier-1", "CA"))
    number = await resolve(client.numbers.get("14155550177"))
    assert (number.carrier, number.region, number.number_type) == ("carrier-1", "CA", "local")
    assert {"14155550177", "14155550178"} <= set(fake.owned_numbers)
    with pytest.raises(ValidationError, match="14155550178 is already on this account"):
        await resolve(client.numbers.create("14155550178", "carrier-1", "CA"))
    await resolve(client.close())


# --- media ------------------------------------------------------------------------------------


async def test_upload_get_list_and_send_by_media_id_over_http(flavor: str) -> None:
    """Files reach the fake byte for byte; media_ids then go out with an MMS."""
    fake = FakePlivo()
    owned = next(iter(fake.owned_numbers), None)
    with fake.serve() as server:
        client = served_client(flavor, fake, base_url=server.base_url)
        result = await resolve(
            client.media.upload([("menu.png", b"\x89PNG\r\n\x1a\n\x00"), b"\x00\xffraw"])
        )
        first, second = result.objects
        assert (first.file_name, first.content_type, first.size) == ("menu.png", "image/png", 9)
        assert (second.file_name, second.status_code) == ("upload", 201)
        stored = fake.media_files
        assert stored[first.media_id]["content"] == b"\x89PNG\r\n\x1a\n\x00"
        assert stored[second.media_id]["content"] == b"\x00\xffraw"

        got = await resolve(client.media.get(first.media_id))
        assert (got.media_id, got.file_name, got.media_url) == (
            first.media_id,
            "menu.png",
            first.media_url,
        )
        listed = await collect(client.media.list())
        assert [m.media_id for m in listed] == [second.media_id, first.media_id]

        if owned is None:
            bought = await resolve(client.numbers.search("US"))
            owned = bought.objects[0].number
            await resolve(client.numbers.buy(owned))
        sent = await resolve(
            client.messages.create(
                dst="14155550199", src=owned, type_="mms", media_ids=[first.media_id]
            )
        )
        media = await resolve(client.messages.list_media(sent.message_uuid[0]))
        assert [(m.media_id, m.content_type) for m in media.objects] == [
            (first.media_id, "image/png")
        ]
        with pytest.raises(NotFoundError, match="media 'nope' not found"):
            await resolve(client.media.get("nope"))
        await resolve(client.close())


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (("empty.png", b""), "'empty.png' is empty"),
        (("big.bin", b"x" * (5 * 1024 * 1024 + 1)), "over"),
    ],
)
async def test_the_fake_refuses_empty_and_oversized_files(
    flavor: str, files: Any, message: str
) -> None:
    fake = FakePlivo()
    client = fake_client(flavor, fake)
    with pytest.raises(ValidationError, match=message):
        await resolve(client.media.upload(files))
    assert fake.media_files == {}


async def test_a_malformed_multipart_body_is_a_400() -> None:
    """A body that does not match its boundary (or is not multipart at all) is refused."""
    fake = FakePlivo()
    auth = {"Authorization": httpx.BasicAuth(fake.auth_id, fake.auth_token)._auth_header}
    url = f"https://api.plivo.com/v1/Account/{fake.auth_id}/Media/"
    async with fake.async_http() as http:
        not_multipart = await http.post(url, json={"file": ["a"]}, headers=auth)
        no_files = await http.post(url, data={"other": "x"}, files=[], headers=auth)
        broken = await http.post(
            url,
            content=b"--x\r\nnonsense",
            headers={**auth, "Content-Type": "multipart/form-data; boundary=x"},
        )
    assert not_multipart.status_code == no_files.status_code == broken.status_code == 400
    assert "multipart/form-data" in not_multipart.json()["error"]
