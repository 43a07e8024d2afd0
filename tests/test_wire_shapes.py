"""What the SDK puts on the wire where the real Plivo API differs from the original SDK.

real-api.md §1 and §5: SIP headers as one ``k=v,k2=v2`` string, several message recipients
joined by ``<``, ``limit`` at most 20 on the classic list endpoints (refused before sending), and
Media uploads as ``multipart/form-data`` (exact bytes, never retried once sent). Both packages.
"""

from __future__ import annotations

import inspect
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from plivo_agentstack.errors import APIConnectionError
from plivo_agentstack.testing._spec import load_spec
from tests.conftest import ACCOUNT, BASE_URL, collect, resolve

pytestmark = pytest.mark.anyio

CALL_UUID = "9b2e4f6a-1c3d-4e5f-8a7b-0c1d2e3f4a5b"
MEDIA_PATH = f"{ACCOUNT}/Media/"


def sent_json(router: respx.MockRouter) -> Any:
    """The JSON body of the last request."""
    return json.loads(router.calls.last.request.content)


# --- SIP headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "wire"),
    [
        ({"X-PH-Ticket": "42", "X-PH-Lang": "en"}, "X-PH-Ticket=42,X-PH-Lang=en"),
        ("X-PH-Ticket=42,X-PH-Lang=en", "X-PH-Ticket=42,X-PH-Lang=en"),
    ],
)
async def test_sip_headers_go_as_one_string(
    client: Any, mock_api: respx.MockRouter, given: Any, wire: str
) -> None:
    """A mapping is joined into ``name=value,...``; a string is sent as it is."""
    mock_api.post(f"{ACCOUNT}/AgentCall/{CALL_UUID}/dial").respond(
        200, json={"api_id": "a", "call_uuid": CALL_UUID}
    )
    await resolve(client.agent.calls.dial(CALL_UUID, targets=["+14155550100"], sip_headers=given))
    assert sent_json(mock_api)["sip_headers"] == wire


@pytest.mark.parametrize("bad", [{"X-PH-A": "1,2"}, {"X-PH=A": "1"}, {"": "1"}, {"X PH": "1"}])
async def test_sip_headers_that_cannot_be_joined_are_refused(
    client: Any, mock_api: respx.MockRouter, bad: dict[str, str]
) -> None:
    """A ``,`` in a value or ``,``/``=``/space in a name would change the headers: ValueError."""
    route = mock_api.route().respond(200, json={})
    with pytest.raises(ValueError, match="sip_headers: .* cannot be sent"):
        await resolve(client.agent.calls.dial(CALL_UUID, targets=["+14155550100"], sip_headers=bad))
    assert not route.called


# --- several recipients -------------------------------------------------------------------------


async def test_a_list_of_recipients_is_joined_with_lt(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """``dst=[a, b]`` sends ``"a<b"``; the result has one message_uuid per recipient."""
    uuids = ["0936ec98-7c4c-11f0-8a4b-0242ac110005", "0936ec98-7c4c-11f0-8a4b-0242ac110006"]
    mock_api.post(f"{ACCOUNT}/Message/").respond(
        202, json={"api_id": "a", "message": "message(s) queued", "message_uuid": uuids}
    )
    result = await resolve(
        client.messages.create(dst=["14156667777", "14157778888"], src="14155550100", text="hi")
    )
    assert sent_json(mock_api)["dst"] == "14156667777<14157778888"
    assert result.message_uuid == uuids


@pytest.mark.parametrize("bad", [[], ["14156667777", ""], ["1<2"], [14156667777]])
async def test_a_bad_recipient_list_is_refused(
    client: Any, mock_api: respx.MockRouter, bad: list[Any]
) -> None:
    route = mock_api.route().respond(202, json={})
    with pytest.raises(ValueError, match="dst: give one or a non-empty list"):
        await resolve(client.messages.create(dst=bad, src="14155550100", text="hi"))
    assert not route.called


# --- numbers from your own carrier ------------------------------------------------------------


async def test_carrier_numbers_go_comma_separated(client: Any, mock_api: respx.MockRouter) -> None:
    """``numbers.create([...], carrier, region)`` POSTs /Number/ with ``"a,b"``."""
    mock_api.post(f"{ACCOUNT}/Number/").respond(200, json={"api_id": "a", "message": "changed"})
    result = await resolve(
        client.numbers.create(["14155550177", "14155550178"], "carrier-1", "California")
    )
    assert sent_json(mock_api) == {
        "numbers": "14155550177,14155550178",
        "carrier": "carrier-1",
        "region": "California",
    }
    assert result.message == "changed"
    with pytest.raises(ValueError, match="strings without ','"):
        await resolve(client.numbers.create(["1,2"], "carrier-1", "California"))


# --- limit <= 20 ----------------------------------------------------------------------------------


def bounded_operations() -> list[Any]:
    """(group, method, minimum, maximum) of every list operation whose spec bounds ``limit``."""
    found = []
    for item in load_spec().document["paths"].values():
        for verb, operation in item.items():
            if verb in ("parameters", "summary", "description", "servers"):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("name") == "limit" and "maximum" in schema:
                    found.append(
                        pytest.param(
                            operation["x-sdk-group"],
                            operation["x-sdk-method"],
                            schema.get("minimum"),
                            schema["maximum"],
                            id=operation["operationId"],
                        )
                    )
    return found


BOUNDED = bounded_operations()


def test_the_classic_list_endpoints_cap_limit_at_20() -> None:
    """The spec states the cap on each classic list endpoint (real-api.md §5)."""
    assert {param.id for param in BOUNDED} == {
        "list_messages",
        "list_numbers",
        "search_numbers",
        "list_media",
    }
    assert {param.values[3] for param in BOUNDED} == {20}


@pytest.mark.parametrize(("group", "method", "low", "high"), BOUNDED)
async def test_a_limit_out_of_range_is_refused_before_sending(
    client: Any, group: str, method: str, low: int, high: int
) -> None:
    """limit=21 (and 0) raise ValueError naming the operation; limit=20 is sent."""
    target = client
    for part in group.split("."):
        target = getattr(target, part)
    method_ = getattr(target, method)
    required = {
        name: "x"  # respx answers: any value of a required argument will do
        for name, parameter in inspect.signature(method_).parameters.items()
        if parameter.default is inspect.Parameter.empty
        and parameter.kind not in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL)
    }

    def call(limit: int) -> Any:
        return method_(limit=limit, **required)

    with respx.mock(base_url=BASE_URL) as router:
        route = router.route().respond(200, json={"api_id": "a", "meta": {}, "objects": []})
        for bad in (high + 1, low - 1):
            with pytest.raises(ValueError, match=f"limit must be from {low} to {high}, got {bad}"):
                await resolve(call(limit=bad))
        assert not route.called
        await resolve(call(limit=high))
        assert route.calls.last.request.url.params["limit"] == str(high)


# --- Media ------------------------------------------------------------------------------------


def part(name: str, file_name: str, content_type: str, content: bytes) -> bytes:
    """One file part of a multipart/form-data body, as it goes on the wire."""
    head = (
        f'Content-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    )
    return head.encode() + content + b"\r\n"


def upload_result(*names: str) -> dict[str, Any]:
    """A realistic upload response: one object per file."""
    return {
        "api_id": "e1c2b3a4-7c4c-11f0-a1b2-0242ac110002",
        "objects": [
            {
                "content_type": "image/png",
                "file_name": name,
                "media_id": f"m-{index}",
                "media_url": f"https://media.plivo.com/Account/X/Media/m-{index}",
                "size": 4,
                "status": "success",
                "status_code": 201,
                "upload_time": "2026-12-02 10:15:00.123456+00:00",
            }
            for index, name in enumerate(names)
        ],
    }


async def test_an_upload_is_multipart_with_one_file_part_per_file(
    client: Any, mock_api: respx.MockRouter, tmp_path: Path
) -> None:
    """A path, bytes, a file object and a (name, content, type) tuple: the exact body bytes."""
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG")
    mock_api.post(MEDIA_PATH).respond(200, json=upload_result("photo.png", "upload"))
    result = await resolve(
        client.media.upload(
            [
                str(photo),
                b"raw bytes",
                io.BytesIO(b"%PDF-1.7"),
                ("menu.pdf", b"%PDF", "application/pdf"),
                photo,
            ]
        )
    )
    request = mock_api.calls.last.request
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1].encode()
    parts = [
        part("file", "photo.png", "image/png", b"\x89PNG"),
        part("file", "upload", "application/octet-stream", b"raw bytes"),
        part("file", "upload", "application/octet-stream", b"%PDF-1.7"),
        part("file", "menu.pdf", "application/pdf", b"%PDF"),
        part("file", "photo.png", "image/png", b"\x89PNG"),
    ]
    expected = (
        b"".join(b"--" + boundary + b"\r\n" + p for p in parts) + b"--" + boundary + b"--\r\n"
    )
    assert request.content == expected
    assert request.headers["Content-Length"] == str(len(expected))
    assert result.objects[0].media_id == "m-0"
    assert result.objects[0].status_code == 201


async def test_a_sent_upload_is_never_retried_and_an_unsent_one_resends_the_same_bytes(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """A read error after sending fails at once; a refused connection is retried identically."""
    route = mock_api.post(MEDIA_PATH)
    route.side_effect = httpx.ReadError("peer reset")
    with pytest.raises(APIConnectionError):
        await resolve(client.media.upload(b"abc"))
    assert route.call_count == 1

    route.reset()
    route.side_effect = [
        httpx.ConnectError("refused"),
        httpx.Response(200, json=upload_result("upload")),
    ]
    await resolve(client.media.upload(("a.png", b"abc")))
    first, second = (call.request for call in route.calls)
    assert first.content == second.content
    assert first.headers["Content-Type"] == second.headers["Content-Type"]


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ([], ValueError, "at least one file"),
        (io.StringIO("text"), TypeError, "binary mode"),
        (("a.png",), TypeError, "a tuple is"),
        (3.5, TypeError, "expected a path, bytes, a binary file or a list of them"),
        ([3.5], TypeError, "expected a path, bytes or a binary file, got float"),
    ],
)
async def test_an_unreadable_upload_is_refused_before_sending(
    client: Any, mock_api: respx.MockRouter, bad: Any, error: type[Exception], message: str
) -> None:
    route = mock_api.route().respond(200, json={})
    with pytest.raises(error, match=message):
        await resolve(client.media.upload(bad))
    assert not route.called


async def test_media_get_and_list(client: Any, mock_api: respx.MockRouter) -> None:
    """GET /Media/{id}/ and the paged GET /Media/."""
    item = {
        "media_id": "m-1",
        "content_type": "image/png",
        "file_name": "photo.png",
        "media_url": "https://media.plivo.com/Account/X/Media/m-1",
        "size": 4,
        "upload_time": "2026-12-02 10:15:00.123456+00:00",
    }
    mock_api.get(f"{MEDIA_PATH}m-1/").respond(200, json={"api_id": "a", **item})
    mock_api.get(MEDIA_PATH).respond(
        200,
        json={
            "api_id": "a",
            "meta": {"limit": 20, "offset": 0, "total_count": 1, "next": None, "previous": None},
            "objects": [item],
        },
    )
    media = await resolve(client.media.get("m-1"))
    assert (media.file_name, media.size, media.upload_time) == ("photo.png", 4, item["upload_time"])
    listed = await collect(client.media.list())
    assert [m.media_id for m in listed] == ["m-1"]
