"""FakePlivo's messages as the real API has them: statuses, refusals and signed status callbacks.

Unit tests drive the fake through both SDK flavours over httpx transports. The end-to-end tests
serve the fake over real HTTP and point ``url`` at a user's webhook server (``http.server`` on
127.0.0.1 in a thread) that checks every callback with the SDK's own validator.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs
import httpx
import pytest

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack import ValidationError
from plivo_agentstack.messaging import InteractiveMessage, Location, Template
from plivo_agentstack.testing import FakePlivo, FakeServer
from plivo_agentstack.testing.fake_api import main
from plivo_agentstack.utils import validate_request_signature_v3
from tests.conftest import collect, resolve
from tests.ports import free_port
from tests.test_fake_api import check_responses

pytestmark = pytest.mark.anyio

SENDER = "+14155550100"
CALLEE = "+14155550101"
OTHER = "+14155550102"
CALLBACK_FIELDS = {
    "MessageUUID", "ParentMessageUUID", "From", "To", "Status", "ErrorCode", "Units",
    "TotalAmount", "TotalRate", "MCC", "MNC", "MessageTime", "PowerpackUUID", "PartInfo",
    "Sequence",
}  # fmt: skip


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


async def state(api: Any, message_uuid: str) -> str:
    """The message_state the API reports for a message."""
    return str((await resolve(api.messages.get(message_uuid))).message_state)


# --------------------------------------------------------------------------------------------
# Statuses
# --------------------------------------------------------------------------------------------


async def test_messages_move_queued_sent_delivered(api: Any, fake: FakePlivo) -> None:
    """Each advance moves every message one status on; get and list show the current one."""
    sent = await resolve(api.messages.create(dst=f"{CALLEE}<{OTHER}", src=SENDER, text="hi"))
    first, second = sent.message_uuid
    assert [await state(api, first), await state(api, second)] == ["queued", "queued"]

    assert fake.advance_messages() == {first: "sent", second: "sent"}
    assert await state(api, first) == "sent"
    listed = await collect(api.messages.list(message_state="sent"))
    assert sorted(m.message_uuid for m in listed) == sorted([first, second])

    later = await resolve(api.messages.create(dst=CALLEE, src=SENDER, text="later"))
    (third,) = later.message_uuid
    assert fake.advance_messages() == {first: "delivered", second: "delivered", third: "sent"}
    delivered = await resolve(api.messages.list(message_state="delivered"))
    assert delivered.meta.total_count == 2
    assert (await resolve(api.messages.get(first))).error_code is None

    assert fake.deliver_messages() == {third: "delivered"}
    assert fake.advance_messages() == {}  # delivered messages stay delivered
    inbound = fake.receive_message(CALLEE, SENDER, "thanks")
    assert fake.advance_messages() == {}  # inbound messages have no delivery
    assert await state(api, inbound) == "received"


async def test_fail_next_delivery(api: Any, fake: FakePlivo) -> None:
    """The next messages fail with Plivo's error code instead of being sent; later ones don't."""
    fake.fail_next_delivery(error_code="50")
    sent = await resolve(api.messages.create(dst=f"{CALLEE}<{OTHER}", src=SENDER, text="hi"))
    failed, fine = sent.message_uuid
    assert sent.message == "message(s) queued"  # the request itself succeeds
    assert fake.advance_messages() == {failed: "failed", fine: "sent"}
    record = await resolve(api.messages.get(failed))
    assert (record.message_state, record.error_code) == ("failed", "50")
    assert fake.deliver_messages() == {fine: "delivered"}
    by_code = await resolve(api.messages.list(error_code="50"))
    assert [m.message_uuid for m in by_code.objects] == [failed]

    fake.fail_next_delivery(times=2)
    codes = []
    for _ in range(3):
        (message_uuid,) = (
            await resolve(api.messages.create(dst=CALLEE, src=SENDER, text="x"))
        ).message_uuid
        codes.append(message_uuid)
    assert fake.deliver_messages() == dict(
        zip(codes, ["failed", "failed", "delivered"], strict=True)
    )
    assert (await resolve(api.messages.get(codes[0]))).error_code == "30"  # the default


def test_fail_next_delivery_arguments_and_clear_faults() -> None:
    """Bad arguments are ValueErrors saying what to pass; clear_faults cancels failures too."""
    fake = FakePlivo()
    with pytest.raises(ValueError, match="times must be a positive integer"):
        fake.fail_next_delivery(0)
    with pytest.raises(ValueError, match="error_code must be a Plivo message error code"):
        fake.fail_next_delivery(error_code=30)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="e.g. '30', got 'spam'"):
        fake.fail_next_delivery(error_code="spam")
    fake.fail_next_delivery(times=3)
    fake.clear_faults()
    fake.add_number(SENDER)
    with fake.client() as client:
        (message_uuid,) = client.messages.create(dst=CALLEE, src=SENDER, text="x").message_uuid
    assert fake.deliver_messages() == {message_uuid: "delivered"}


def test_time_fields_follow_the_status() -> None:
    """message_updated_time moves with each status; message_sent_time is set once, when sent."""
    now = [datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)]
    fake = FakePlivo(clock=lambda: now[0])
    fake.add_number(SENDER)
    with fake.client() as client:
        (uuid,) = client.messages.create(dst=CALLEE, src=SENDER, text="x").message_uuid
        created = client.messages.get(uuid)
        now[0] += timedelta(seconds=5)
        fake.advance_messages()
        sent = client.messages.get(uuid)
        now[0] += timedelta(seconds=5)
        fake.advance_messages()
        delivered = client.messages.get(uuid)
    check_responses(fake)
    assert created.message_updated_time == created.message_time
    assert created.message_sent_time is None
    assert sent.message_sent_time == sent.message_updated_time == "2026-03-01 10:00:05+00:00"
    assert delivered.message_sent_time == "2026-03-01 10:00:05+00:00"
    assert delivered.message_updated_time == "2026-03-01 10:00:10+00:00"


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
        offers = [o.number for o in client.numbers.search("US", limit=20)]
        assert offers and "14155550200" not in offers


async def test_callback_url_and_method_are_checked(api: Any, fake: FakePlivo) -> None:
    """A status callback url must be an absolute http(s) URL and the method GET or POST."""
    with pytest.raises(ValidationError, match="url: must be an absolute http:// or https:// URL"):
        await resolve(api.messages.create(dst=CALLEE, src=SENDER, text="x", url="ftp://h/cb"))
    with pytest.raises(ValidationError, match="url: must be an absolute"):
        await resolve(api.messages.create(dst=CALLEE, src=SENDER, text="x", url="/status"))
    with pytest.raises(ValidationError, match="method: must be GET or POST, got 'PUT'"):
        await resolve(
            api.messages.create(dst=CALLEE, src=SENDER, text="x", url="https://h/cb", method="PUT")
        )
    assert fake.messages == {}


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
    ({"location": {"latitude": "91", "longitude": "0"}}, "location: latitude must be between -90"),
    (
        {"location": {"longitude": "0"}},
        "location: latitude must be a number or a numeric string, got NoneType",
    ),
    (
        {"template": {"name": "t", "language": "en", "components": [{"type": "body", "parameters": [
            {"type": "currency",
             "currency": {"fallback_value": "$1", "currency_code": "USD", "amount_1000": 1.5}}]}]}},
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


# --------------------------------------------------------------------------------------------
# Signed status callbacks, end to end
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Callback:
    """One request the webhook received: whether its signature is genuine, and its fields."""

    valid: bool
    method: str
    params: dict[str, str]
    headers: dict[str, str]
    body: bytes
    path: str


class Webhook(ThreadingHTTPServer):
    """A user's status-callback server: validates each request with the SDK's validator."""

    daemon_threads = True

    def __init__(self, auth_token: str) -> None:
        super().__init__(("127.0.0.1", 0), _WebhookHandler)
        self.auth_token = auth_token
        self.received: list[Callback] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        """The callback URL to give messages.create."""
        return f"http://127.0.0.1:{self.server_address[1]}/sms/status"

    def statuses(self, message_uuid: str) -> list[str]:
        """The Status of every valid callback about one message, in arrival order."""
        return [
            c.params["Status"]
            for c in list(self.received)
            if c.valid and c.params["MessageUUID"] == message_uuid
        ]

    def __enter__(self) -> Webhook:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()
        self._thread.join()
        self.server_close()


class _WebhookHandler(BaseHTTPRequestHandler):
    server: Webhook

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        valid = validate_request_signature_v3(
            method=self.command,
            url=f"http://{self.headers['Host']}{self.path}",
            headers=self.headers.items(),
            auth_token=self.server.auth_token,
            body=body if self.command == "POST" else None,
        )
        fields = body.decode() if self.command == "POST" else urlsplit(self.path).query
        params = {key: values[-1] for key, values in parse_qs(fields, True).items()}
        headers = dict(self.headers.items())
        self.server.received.append(Callback(valid, self.command, params, headers, body, self.path))
        self.send_response(200 if valid else 403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s")
        time.sleep(0.02)


@pytest.mark.parametrize("flavor", ["async", "sync"])
async def test_status_callbacks_over_http_are_signed_and_complete(flavor: str) -> None:
    """A served fake advancing on its own timer calls the webhook for every status; each
    callback validates with the account's token and carries Plivo's status fields."""
    fake = FakePlivo()
    fake.add_number(SENDER)
    with Webhook(fake.auth_token) as webhook, fake.serve(message_interval=0.05) as server:
        credentials = (fake.auth_id, fake.auth_token)
        if flavor == "async":
            async with plivo_agentstack.AsyncClient(*credentials, base_url=server.base_url) as c:
                ok = await c.messages.create(dst=CALLEE, src=SENDER, text="hi", url=webhook.url)
                fake.fail_next_delivery(error_code="30")
                bad = await c.messages.create(dst=OTHER, src=SENDER, text="x", url=webhook.url)
        else:
            with plivo_agentstack_sync.Client(*credentials, base_url=server.base_url) as c:
                ok = c.messages.create(dst=CALLEE, src=SENDER, text="hi", url=webhook.url)
                fake.fail_next_delivery(error_code="30")
                bad = c.messages.create(dst=OTHER, src=SENDER, text="x", url=webhook.url)
        (ok_uuid,), (bad_uuid,) = ok.message_uuid, bad.message_uuid
        wait_for(lambda: len(webhook.received) == 5)
        with plivo_agentstack_sync.Client(*credentials, base_url=server.base_url) as c:
            assert c.messages.get(ok_uuid).message_state == "delivered"
            assert c.messages.get(bad_uuid).error_code == "30"

    assert all(callback.valid for callback in webhook.received)
    assert webhook.statuses(ok_uuid) == ["queued", "sent", "delivered"]
    assert webhook.statuses(bad_uuid) == ["queued", "failed"]
    assert fake.callback_errors == []
    for callback in webhook.received:
        assert callback.method == "POST"
        assert callback.path == "/sms/status"
        assert set(callback.params) == CALLBACK_FIELDS
        headers = {key.lower(): value for key, value in callback.headers.items()}
        assert headers["content-type"] == "application/x-www-form-urlencoded"
        assert headers["x-plivo-signature-ma-v3"] == headers["x-plivo-signature-v3"]
    nonces = [c.headers["X-Plivo-Signature-V3-Nonce"] for c in webhook.received]
    assert len(set(nonces)) == 5  # a fresh nonce per callback
    delivered = next(c.params for c in webhook.received if c.params["Status"] == "delivered")
    assert delivered == {
        **delivered,
        "MessageUUID": ok_uuid,
        "ParentMessageUUID": ok_uuid,
        "From": SENDER[1:],
        "To": CALLEE[1:],
        "ErrorCode": "",
        "Units": "1",
        "TotalAmount": "0.00500",
        "TotalRate": "0.00500",
        "MCC": "310",
        "PartInfo": "1 of 1",
        "Sequence": "1",
        "PowerpackUUID": "",
    }
    assert len(delivered["MNC"]) == 2
    assert datetime.strptime(delivered["MessageTime"], "%Y-%m-%d %H:%M:%S%z")
    failed = next(c.params for c in webhook.received if c.params["Status"] == "failed")
    assert (failed["MessageUUID"], failed["ErrorCode"]) == (bad_uuid, "30")


def test_get_callbacks_one_per_part_with_explicit_steps(fake: FakePlivo) -> None:
    """method=GET puts the fields in the query (kept beside the URL's own); a two-part SMS
    gets a callback per part; nothing is sent until the test advances the messages."""
    with Webhook(fake.auth_token) as webhook, fake.client() as client:
        url = f"{webhook.url}?campaign=spring%20sale"
        long_text = "x" * 200  # two SMS parts
        created = client.messages.create(
            dst=CALLEE, powerpack_uuid="pp-7", text=long_text, url=url, method="GET"
        )
        (message_uuid,) = created.message_uuid
        assert webhook.received == []  # the request never waits on a webhook
        assert fake.advance_messages() == {message_uuid: "sent"}
        assert webhook.statuses(message_uuid) == ["queued", "queued", "sent", "sent"]
        fake.deliver_messages()
    assert all(c.valid and c.method == "GET" for c in webhook.received)
    parts = [(c.params["PartInfo"], c.params["Sequence"]) for c in webhook.received]
    assert parts == [("1 of 2", "1"), ("2 of 2", "2")] * 3
    first = webhook.received[0].params
    assert first["campaign"] == "spring sale"
    assert (first["Units"], first["PowerpackUUID"], first["From"]) == ("2", "pp-7", "")


def test_a_tampered_callback_fails_validation() -> None:
    """The webhook refuses callbacks signed with another token, and a genuine one altered."""
    fake = FakePlivo()
    fake.add_number(SENDER)
    with Webhook(fake.auth_token) as webhook, fake.client() as client:
        client.messages.create(dst=CALLEE, src=SENDER, text="hi", url=webhook.url)
        fake.advance_messages()
        genuine = webhook.received[0]
        assert genuine.valid

        forger = FakePlivo(auth_token="not-the-account-token")
        forger.add_number(SENDER)
        with forger.client() as other:
            other.messages.create(dst=CALLEE, src=SENDER, text="hi", url=webhook.url)
        assert forger.deliver_messages()  # the messages still move
        forged = webhook.received[2:]
        assert [c.valid for c in forged] == [False, False, False]
        errors = forger.callback_errors
        assert len(errors) == 3
        assert all(isinstance(e, httpx.HTTPStatusError) for e in errors)
        assert all(e.response.status_code == 403 for e in errors)  # type: ignore[attr-defined]

        headers = {
            key: value
            for key, value in genuine.headers.items()
            if key.lower().startswith(("x-plivo", "content-type"))
        }
        altered = genuine.body.replace(b"Status=queued", b"Status=delivered")
        assert altered != genuine.body
        with httpx.Client() as http:
            assert http.post(webhook.url, content=altered, headers=headers).status_code == 403
            assert http.post(webhook.url, content=genuine.body, headers=headers).status_code == 200
    assert fake.callback_errors == []


def test_an_endpoint_that_is_down_does_not_break_the_fake(fake: FakePlivo) -> None:
    """Callbacks that cannot be delivered are recorded in callback_errors; messages move on."""
    with fake.client() as client:
        url = f"http://127.0.0.1:{free_port()}/status"
        (message_uuid,) = client.messages.create(
            dst=CALLEE, src=SENDER, text="x", url=url
        ).message_uuid
        assert fake.deliver_messages() == {message_uuid: "delivered"}
        assert client.messages.get(message_uuid).message_state == "delivered"
    errors = fake.callback_errors
    assert len(errors) == 3  # queued, sent, delivered
    assert all(isinstance(error, httpx.ConnectError) for error in errors)


def test_message_interval_must_be_positive(fake: FakePlivo) -> None:
    for bad in (0, -1.0, float("nan"), True):
        with pytest.raises(ValueError, match="message_interval must be a positive number"):
            FakeServer(fake, message_interval=bad)
    with pytest.raises(SystemExit) as exited:
        main(["--message-interval", "-1"])
    assert exited.value.code == 2
