"""HTTP statuses and transport failures become typed errors; odd bodies never crash parsing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack import errors
from plivo_agentstack.models import SessionRecord
from tests.conftest import ACCOUNT, resolve

pytestmark = pytest.mark.anyio

UUID = "a1b2c3d4-0000-4000-8000-000000000001"
PATH = f"{ACCOUNT}/Agent/{UUID}"


async def get_agent(client: Any) -> Any:
    """A GET with no retries, so each status is seen once."""
    return await resolve(client.agent.agents.get(UUID, max_retries=0))


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.ValidationError),
        (401, errors.AuthenticationError),
        (403, errors.ForbiddenError),
        (404, errors.NotFoundError),
        (409, errors.PlivoError),
        (422, errors.PlivoError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (503, errors.ServerError),
    ],
)
async def test_status_maps_to_error_class(
    client: Any, mock_api: respx.MockRouter, status: int, cls: type[errors.PlivoError]
) -> None:
    """Each status raises its class carrying status, body, api_id and the response."""
    body = {"api_id": "e-42", "error": f"failure {status}"}
    mock_api.get(PATH).respond(status, json=body)
    with pytest.raises(errors.PlivoError) as info:
        await get_agent(client)
    assert type(info.value) is cls
    assert info.value.status_code == status
    assert info.value.body == body
    assert info.value.api_id == "e-42"
    assert info.value.message == f"failure {status}"
    assert str(info.value) == f"failure {status} (HTTP {status}, api_id e-42)"
    assert isinstance(info.value.response, httpx.Response)
    assert info.value.response.status_code == status


def test_forbidden_is_an_authentication_error() -> None:
    """403 keeps the original hierarchy: ForbiddenError is an AuthenticationError."""
    assert issubclass(errors.ForbiddenError, errors.AuthenticationError)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.PlivoError)


def test_errors_are_shared_by_both_packages() -> None:
    """Both package roots export the very same classes, so one ``except`` catches both."""
    for name in errors.__all__:
        assert getattr(plivo_agentstack, name) is getattr(errors, name)
        assert getattr(plivo_agentstack_sync, name) is getattr(errors, name)


async def test_message_falls_back_to_message_key(client: Any, mock_api: respx.MockRouter) -> None:
    """Without ``error`` the body's ``message`` is the error message."""
    mock_api.get(PATH).respond(404, json={"message": "agent not found"})
    with pytest.raises(errors.NotFoundError, match=r"^agent not found \(HTTP 404\)$"):
        await get_agent(client)


async def test_a_lookup_error_keeps_its_numeric_error_code(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """Lookup's errors carry ``error_code`` (an int) beside ``message``."""
    mock_api.get("https://lookup.plivo.com/v1/Number/1415").respond(
        404, json={"api_id": "x", "error_code": 404, "message": "Phone number is invalid"}
    )
    with pytest.raises(
        errors.NotFoundError, match=r"^Phone number is invalid \(HTTP 404, api_id x\)$"
    ) as info:
        await resolve(client.numbers.lookup.get("+1415"))
    assert info.value.error_code == 404
    assert info.value.api_id == "x"


@pytest.mark.parametrize(
    ("body", "code"), [({"error_code": "30007"}, 30007), ({"error_code": True}, None), ({}, None)]
)
def test_error_code_reads_ints_and_digit_strings_only(
    body: dict[str, Any], code: int | None
) -> None:
    assert errors.PlivoError("x", 400, body).error_code == code


async def test_message_falls_back_to_status(client: Any, mock_api: respx.MockRouter) -> None:
    """Without ``error`` or ``message`` the message is ``HTTP <status>``."""
    mock_api.get(PATH).respond(404, json={"api_id": "x"})
    with pytest.raises(errors.NotFoundError, match=r"^HTTP 404 \(api_id x\)$"):
        await get_agent(client)


async def test_non_json_error_body(client: Any, mock_api: respx.MockRouter) -> None:
    """A non-JSON error body becomes ``{"message": <text>}``."""
    mock_api.get(PATH).respond(502, text="<html>Bad gateway</html>")
    with pytest.raises(errors.ServerError) as info:
        await get_agent(client)
    assert info.value.body == {"message": "<html>Bad gateway</html>"}
    assert info.value.message == "<html>Bad gateway</html>"
    assert info.value.api_id is None


async def test_json_error_body_that_is_not_an_object(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """A JSON list as error body is kept as the body; the message is the status."""
    mock_api.get(PATH).respond(400, json=["bad", "input"])
    with pytest.raises(errors.ValidationError) as info:
        await get_agent(client)
    assert info.value.body == ["bad", "input"]
    assert info.value.message == "HTTP 400"


async def test_empty_error_body(client: Any, mock_api: respx.MockRouter) -> None:
    """An empty error body gives an empty dict body."""
    mock_api.get(PATH).respond(401)
    with pytest.raises(errors.AuthenticationError) as info:
        await get_agent(client)
    assert info.value.body == {}
    assert info.value.message == "HTTP 401"


SESSION_PATH = f"{ACCOUNT}/AgentSession/s1"


@pytest.mark.parametrize("content", [b"", b"not json", b"<ok/>"])
async def test_success_without_json_never_raises_a_decode_error(
    client: Any, mock_api: respx.MockRouter, content: bytes
) -> None:
    """A 2xx with an empty or non-JSON body parses as an empty model (no required fields)."""
    mock_api.get(SESSION_PATH).respond(200, content=content)
    session = await resolve(client.agent.sessions.get("s1"))
    assert isinstance(session, SessionRecord)
    assert session.to_dict() == {}


async def test_success_with_a_json_scalar(client: Any, mock_api: respx.MockRouter) -> None:
    """A 2xx whose JSON is not an object also parses as an empty model."""
    mock_api.get(SESSION_PATH).respond(200, json="ok")
    assert (await resolve(client.agent.sessions.get("s1"))).to_dict() == {}


@pytest.mark.parametrize(
    "body", [{"agent_name": "support"}, {"agent_uuid": None, "agent_name": "support"}]
)
async def test_missing_required_field_names_the_field_and_the_operation(
    client: Any, mock_api: respx.MockRouter, body: dict[str, Any]
) -> None:
    """An id the API always sends, absent or null: MissingFieldError, never a later failure."""
    mock_api.get(PATH).respond(200, json=body)
    with pytest.raises(errors.MissingFieldError) as info:
        await get_agent(client)
    error = info.value
    assert isinstance(error, errors.PlivoError)
    assert (error.field, error.model, error.operation) == ("agent_uuid", "Agent", "get_agent")
    assert str(error) == (
        "client.agent.agents.get() (operation get_agent): the response has no 'agent_uuid' "
        "(or it is null), which Agent always has"
    )
    assert error.status_code == 200
    assert error.body == body
    assert error.response is not None


@pytest.mark.parametrize("content", [b"", b"not json", b"[]"])
async def test_an_empty_body_lacks_the_required_fields(
    client: Any, mock_api: respx.MockRouter, content: bytes
) -> None:
    """Where the response has required fields, an empty or non-object body names the first."""
    mock_api.get(PATH).respond(200, content=content)
    with pytest.raises(errors.MissingFieldError, match="'agent_uuid'"):
        await get_agent(client)


async def test_missing_field_in_a_list_item(client: Any, mock_api: respx.MockRouter) -> None:
    """A list item without its id fails the list call, naming the field and the operation."""
    meta = {"limit": 20, "offset": 0, "total_count": 2, "next": None}
    body = {"api_id": "a", "meta": meta, "objects": [{"agent_uuid": "x"}, {"agent_name": "y"}]}
    mock_api.get(f"{ACCOUNT}/Agent").respond(200, json=body)
    with pytest.raises(errors.MissingFieldError) as info:
        await resolve(client.agent.agents.list())
    assert (info.value.field, info.value.operation) == ("agent_uuid", "list_agents")
    assert "client.agent.agents.list()" in str(info.value)
    assert info.value.body == body  # the decoded body, unchanged by parsing


async def test_missing_envelope_field_of_a_list(client: Any, mock_api: respx.MockRouter) -> None:
    """A list response without ``meta`` raises MissingFieldError naming ``meta``."""
    mock_api.get(f"{ACCOUNT}/Agent").respond(200, json={"api_id": "a", "objects": []})
    with pytest.raises(errors.MissingFieldError) as info:
        await resolve(client.agent.agents.list())
    assert (info.value.field, info.value.model) == ("meta", "AgentList")


async def test_success_with_null_nested_objects(client: Any, mock_api: respx.MockRouter) -> None:
    """``null`` for a nested config or list is read as "not set", not a crash."""
    mock_api.get(PATH).respond(
        200, json={"agent_uuid": UUID, "s2s": None, "stt_fallback": None, "stt": {"model": None}}
    )
    agent = await get_agent(client)
    assert agent.agent_uuid == UUID
    assert not agent.s2s
    assert not agent.stt_fallback
    assert "s2s" not in agent


async def test_success_with_a_body_of_the_wrong_shape(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """A 2xx whose fields have impossible types raises a PlivoError, not a TypeError."""
    mock_api.get(PATH).respond(200, json={"agent_uuid": UUID, "stt": "deepgram"})
    with pytest.raises(errors.PlivoError, match="Unexpected response body") as info:
        await get_agent(client)
    assert info.value.status_code == 200
    assert info.value.body == {"agent_uuid": UUID, "stt": "deepgram"}


async def test_timeout_is_wrapped(client: Any, mock_api: respx.MockRouter) -> None:
    """An httpx timeout surfaces as APITimeoutError with the cause attached."""
    mock_api.get(PATH).mock(side_effect=httpx.ReadTimeout("read timed out"))
    with pytest.raises(errors.APITimeoutError) as info:
        await get_agent(client)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert info.value.status_code is None
    assert "GET" in str(info.value)


async def test_connection_failure_is_wrapped(client: Any, mock_api: respx.MockRouter) -> None:
    """An httpx connection error surfaces as APIConnectionError."""
    mock_api.get(PATH).mock(side_effect=httpx.ConnectError("name resolution failed"))
    with pytest.raises(errors.APIConnectionError) as info:
        await get_agent(client)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_error_repr_and_defaults() -> None:
    """PlivoError keeps the original constructor: (message, status_code=None, body=None)."""
    error = errors.PlivoError("nope")
    assert error.status_code is None
    assert error.body == {}
    assert error.api_id is None
    assert error.response is None
    assert repr(error) == "PlivoError('nope', status_code=None)"
    assert errors.RateLimitError("slow").status_code == 429
