"""Tests for webhook signature v3 (the construction of Plivo's server-side SDKs).

Every expected signature is computed here from the signed string written out literally, so the
vectors do not depend on the implementation's string building. Where a rule is the official
``plivo`` SDK's (``plivo.utils.signature_v3``, 4.63.0), the vector is that SDK's output.
"""

from __future__ import annotations

import base64
import email.message
import gc
import hashlib
import hmac
import json
import threading
import tracemalloc
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import plivo_agentstack.utils as utils_module
import plivo_agentstack_sync.utils as sync_utils_module
from plivo_agentstack.utils import (
    NonceCache,
    compute_signature_v3,
    validate_request_signature_v3,
    validate_signature_v3,
)

TOKEN = "MAuthTokenForTests1234567890"
NONCE = "12345"


def sign(payload: str, token: str = TOKEN) -> str:
    """HMAC-SHA256 + base64 of the literal payload (signed URL + "." + nonce)."""
    # surrogatepass: a signer that wrote a lone surrogate anyway (refused below) still signs.
    data = payload.encode("utf-8", "surrogatepass")
    digest = hmac.new(token.encode("utf-8"), data, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


VECTORS: list[tuple[str, str, str, dict[str, Any] | None, str]] = [
    # (method, uri, nonce, params, literal payload)
    (
        "GET",
        "https://example.com/cb?To=1415&CallUUID=abc",
        NONCE,
        {"To": "9999", "From": "1416"},
        "https://example.com/cb?CallUUID=abc&From=1416&To=1415.12345",
    ),
    ("GET", "https://example.com/cb", NONCE, None, "https://example.com/cb.12345"),
    ("GET", "https://example.com/cb", NONCE, {}, "https://example.com/cb.12345"),
    ("GET", "https://example.com/cb?b=2&a=1", NONCE, None, "https://example.com/cb?a=1&b=2.12345"),
    (
        "GET",
        "https://example.com/cb?a=2&a=1&c=&b",
        NONCE,
        {"k": ["3", "1"]},
        "https://example.com/cb?a=1&a=2&b=&c=&k=1&k=3.12345",
    ),
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"To": "1415", "From": "1416"},
        "https://example.com/cb?From1416To1415.12345",
    ),
    (
        "POST",
        "https://example.com/cb?b=2&a=1",
        NONCE,
        {},
        "https://example.com/cb?a=1&b=2.12345",
    ),
    ("POST", "https://example.com/cb?b=2&a=1", NONCE, None, "https://example.com/cb?a=1&b=2.12345"),
    ("POST", "https://example.com/cb", NONCE, {}, "https://example.com/cb.12345"),
    (
        "POST",
        "https://example.com/cb?x=1",
        NONCE,
        {"CallUUID": "abc", "Digits": "7"},
        "https://example.com/cb?x=1.CallUUIDabcDigits7.12345",
    ),
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"Media": ["b.png", "a.png"], "Meta": {"z": "1", "a": ["2", "1"]}, "Call": "x"},
        "https://example.com/cb?CallxMediaa.pngMediab.pngMetaa1a2z1.12345",
    ),
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"Text": "héllo wörld ✓", "To": "日本"},
        "https://example.com/cb?Texthéllo wörld ✓To日本.12345",
    ),
    (
        "GET",
        "https://example.com/café/ü",
        "n",
        {"Text": "ñ €"},
        "https://example.com/café/ü?Text=ñ €.n",
    ),
    (
        "POST",
        "https://example.com/cb",
        "abc",
        {"Body": "a b+c&d=e/f?g:h@i!*'()%20", "From": "+14155551234"},
        "https://example.com/cb?Bodya b+c&d=e/f?g:h@i!*'()%20From+14155551234.abc",
    ),
    (
        "GET",
        "https://example.com/cb",
        "abc",
        {"q": "a b&c=d", "From": "+1 (415) 555"},
        "https://example.com/cb?From=+1 (415) 555&q=a b&c=d.abc",
    ),
    (
        "GET",
        "https://example.com:8443/cb?x=1",
        NONCE,
        None,
        "https://example.com:8443/cb?x=1.12345",
    ),
    (
        "POST",
        "http://user:pw@example.com:8080/a/b/",
        NONCE,
        {"a": "1"},
        "http://user:pw@example.com:8080/a/b/?a1.12345",
    ),
    ("GET", "https://example.com/cb?x=1#frag", NONCE, None, "https://example.com/cb?x=1.12345"),
    ("POST", "https://example.com/cb#frag", NONCE, {"a": "1"}, "https://example.com/cb?a1.12345"),
    ("POST", "https://example.com/cb#frag", NONCE, {}, "https://example.com/cb.12345"),
    ("post", "https://example.com/cb", NONCE, {"A": "b"}, "https://example.com/cb?Ab.12345"),
    ("get", "https://example.com/cb", NONCE, {"A": "b"}, "https://example.com/cb?A=b.12345"),
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"Duration": 5, "Rate": 1.5, "Empty": ""},
        "https://example.com/cb?Duration5EmptyRate1.5.12345",
    ),
    # JSON scalars are written with Python's str(), as the official SDK's string_format does.
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"t": True, "f": False, "n": None, "i": -7, "x": 1e21, "z": 0.0, "l": [True, 2, "b"]},
        "https://example.com/cb?fFalsei-7l2lTruelbnNonetTruex1e+21z0.0.12345",
    ),
    # A list the official SDK cannot sort (objects; None beside a str) is ordered by item text;
    # an object or list inside a list is written as str() of it (numbers in a list as strings).
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"tags": [{"b": 2}, {"a": None}], "mix": ["b", None, "a"], "deep": [["2", 1], ["a"]]},
        "https://example.com/cb?deep['2', '1']deep['a']mixNonemixamixb"
        "tags{'a': None}tags{'b': 2}.12345",
    ),
    (
        "POST",
        "https://example.com/cb",
        NONCE,
        {"one": [{"k": [1, True]}]},
        "https://example.com/cb?one{'k': [1, True]}.12345",
    ),
    ("POST", "https://example.com/cb", NONCE, {"e": [], "o": {}}, "https://example.com/cb?o.12345"),
    (
        "GET",
        "https://example.com/cb?a=1",
        NONCE,
        {"n": None, "e": []},
        "https://example.com/cb?a=1&&n=None.12345",
    ),
    # ";params" of the last path segment: left out of the signed URL, as urlparse does.
    ("POST", "https://example.com/cb;v=1", NONCE, {"a": "1"}, "https://example.com/cb?a1.12345"),
    ("GET", "https://example.com/cb;v=1?x=1", NONCE, None, "https://example.com/cb?x=1.12345"),
    ("GET", "https://example.com/a;x/b;y", NONCE, None, "https://example.com/a;x/b.12345"),
    ("POST", "https://example.com/cb;", NONCE, {}, "https://example.com/cb.12345"),
]


@pytest.mark.parametrize(("method", "uri", "nonce", "params", "payload"), VECTORS)
def test_fixed_vectors(
    method: str, uri: str, nonce: str, params: dict[str, Any] | None, payload: str
) -> None:
    expected = sign(payload)
    assert compute_signature_v3(method, uri, nonce, TOKEN, params) == expected
    assert validate_signature_v3(method, uri, nonce, TOKEN, expected, params)


def test_uri_query_is_percent_decoded_like_the_official_sdk() -> None:
    # Plivo's SDK reads the URL's own query with parse_qs, which decodes %XX and "+".
    uri = "https://example.com/cb?From=%2B1415&q=a+b&e=%E2%82%AC"
    payload = "https://example.com/cb?From=+1415&e=€&q=a b.12345"
    assert compute_signature_v3("GET", uri, NONCE, TOKEN) == sign(payload)
    post_payload = "https://example.com/cb?From=+1415&e=€&q=a b.Ax.12345"
    assert compute_signature_v3("POST", uri, NONCE, TOKEN, {"A": "x"}) == sign(post_payload)


def test_unicode_auth_token() -> None:
    token = "tökén"
    expected = sign("https://example.com/cb?A=b.12345", token=token)
    assert compute_signature_v3("GET", "https://example.com/cb?A=b", NONCE, token) == expected


def test_caller_params_are_not_mutated() -> None:
    params = {"To": "9999", "List": ["b", "a"]}
    compute_signature_v3("GET", "https://example.com/cb?To=1415", NONCE, TOKEN, params)
    compute_signature_v3("POST", "https://example.com/cb?To=1415", NONCE, TOKEN, params)
    assert params == {"To": "9999", "List": ["b", "a"]}


class MultiDict(Mapping[str, str]):
    """Minimal Starlette/Werkzeug-style multi-dict: items() shows the last value per key."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def __getitem__(self, key: str) -> str:
        return [v for k, v in self._pairs if k == key][-1]

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._pairs))

    def __len__(self) -> int:
        return len(dict(self._pairs))

    def getlist(self, key: str) -> list[str]:
        return [v for k, v in self._pairs if k == key]


def test_multidict_params_sign_every_value() -> None:
    form = MultiDict([("Media", "b.png"), ("To", "1415"), ("Media", "a.png")])
    payload = "https://example.com/cb?Mediaa.pngMediab.pngTo1415.12345"
    assert compute_signature_v3("POST", "https://example.com/cb", NONCE, TOKEN, form) == sign(
        payload
    )


# validate_signature_v3

URI = "https://example.com/cb"
PARAMS = {"To": "1415", "From": "1416"}
GOOD = sign("https://example.com/cb?From1416To1415.12345")


def test_validate_exact_match() -> None:
    assert validate_signature_v3("POST", URI, NONCE, TOKEN, GOOD, PARAMS)


@pytest.mark.parametrize(
    "header",
    [
        f"bm90LXRoaXM=,{GOOD}",
        f"{GOOD},bm90LXRoaXM=",
        f"bm90LXRoaXM=, {GOOD} ,b3RoZXI=",
        f" {GOOD}",
    ],
)
def test_validate_one_of_several_entries(header: str) -> None:
    assert validate_signature_v3("POST", URI, NONCE, TOKEN, header, PARAMS)


@pytest.mark.parametrize(
    ("uri", "nonce", "token", "params", "header"),
    [
        (URI, NONCE, "wrong-token", PARAMS, GOOD),
        (URI, "54321", TOKEN, PARAMS, GOOD),
        ("https://example.com/cb2", NONCE, TOKEN, PARAMS, GOOD),
        ("http://example.com/cb", NONCE, TOKEN, PARAMS, GOOD),
        (URI + "?x=1", NONCE, TOKEN, PARAMS, GOOD),
        (URI, NONCE, TOKEN, {"To": "1415", "From": "1417"}, GOOD),
        (URI, NONCE, TOKEN, {"To": "1415"}, GOOD),
        (URI, NONCE, TOKEN, None, GOOD),
        (URI, NONCE, TOKEN, PARAMS, ""),
        (URI, NONCE, TOKEN, PARAMS, GOOD[:-2]),
        (URI, NONCE, TOKEN, PARAMS, GOOD + GOOD),
        (URI, NONCE, TOKEN, PARAMS, "ünïcode"),
    ],
)
def test_validate_rejects_mismatch(
    uri: str, nonce: str, token: str, params: dict[str, str] | None, header: str
) -> None:
    assert not validate_signature_v3("POST", uri, nonce, token, header, params)


def test_get_and_post_sign_differently() -> None:
    assert not validate_signature_v3("GET", URI, NONCE, TOKEN, GOOD, PARAMS)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "HEAD", "patch", ""])
def test_unsigned_methods_are_rejected(method: str) -> None:
    assert validate_signature_v3(method, URI, NONCE, TOKEN, GOOD, PARAMS) is False
    with pytest.raises(ValueError, match="only GET and POST callbacks are signed"):
        compute_signature_v3(method, URI, NONCE, TOKEN, PARAMS)


def test_bad_inputs_are_reported_by_compute() -> None:
    with pytest.raises(ValueError, match="absolute callback URL"):
        compute_signature_v3("POST", "/cb", NONCE, TOKEN, PARAMS)
    with pytest.raises(ValueError, match="auth_token must not be empty"):
        compute_signature_v3("POST", URI, NONCE, "", PARAMS)
    with pytest.raises(TypeError, match="only signed for POST"):
        compute_signature_v3("GET", URI, NONCE, TOKEN, {"a": {"b": "c"}})
    with pytest.raises(TypeError, match="JSON values"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, {"a": object()})
    with pytest.raises(TypeError, match="JSON values"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, {"a": [b"bytes"]})
    with pytest.raises(TypeError, match="keys must be str"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, {"a": {1: "b"}})
    with pytest.raises(TypeError, match="params must be a mapping"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, [("a", "b")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="nonce must be a str"):
        compute_signature_v3("POST", URI, 12345, TOKEN, PARAMS)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="nested too deeply"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, _deeply_nested())


def _deeply_nested() -> dict[str, Any]:
    deep: dict[str, Any] = {}
    for _ in range(100_000):
        deep = {"a": deep}
    return deep


ODD_ARGUMENTS: list[tuple[Any, ...]] = [
    ("POST", "/cb", NONCE, TOKEN, GOOD, PARAMS),  # relative URL
    ("POST", "http://[::1/cb", NONCE, TOKEN, GOOD, PARAMS),  # urlparse raises
    ("POST", URI, NONCE, "", GOOD, PARAMS),  # empty token
    (None, URI, NONCE, TOKEN, GOOD, PARAMS),
    ("POST", b"https://example.com/cb", NONCE, TOKEN, GOOD, PARAMS),
    ("POST", URI, 12345, TOKEN, GOOD, PARAMS),
    ("POST", URI, NONCE, b"token", GOOD, PARAMS),
    ("POST", URI, NONCE, TOKEN, None, PARAMS),
    ("POST", URI, NONCE, TOKEN, GOOD.encode(), PARAMS),
    ("POST", URI, NONCE, TOKEN, GOOD, [("To", "1415")]),
    ("POST", URI, NONCE, TOKEN, GOOD, "To=1415"),
    ("POST", URI, NONCE, TOKEN, GOOD, {"a": object()}),
    ("POST", URI, NONCE, TOKEN, GOOD, {"a": b"\xff"}),
    ("POST", URI, NONCE, TOKEN, GOOD, {1: "a"}),
    ("POST", URI, NONCE, TOKEN, GOOD, {"a": 10**5000}),  # str() refuses over 4300 digits
    ("POST", URI, NONCE, TOKEN, GOOD, _deeply_nested()),
    ("GET", URI, NONCE, TOKEN, GOOD, {"a": {"b": "c"}}),
    ("POST", URI, "\ud800", TOKEN, GOOD, PARAMS),  # lone surrogate: not UTF-8
    ("POST", URI, NONCE, TOKEN, "\ud800," + GOOD[:-1], PARAMS),
]


@pytest.mark.parametrize("args", ODD_ARGUMENTS)
def test_validate_never_raises(args: tuple[Any, ...]) -> None:
    assert validate_signature_v3(*args) is False


class ExplodingMapping(Mapping[str, str]):
    """A mapping whose lookups fail: validation must still answer."""

    def __getitem__(self, key: str) -> str:
        raise RuntimeError("boom")

    def __iter__(self) -> Iterator[str]:
        return iter(["a"])

    def __len__(self) -> int:
        return 1


def test_validate_fails_closed_on_a_failing_mapping() -> None:
    assert validate_signature_v3("POST", URI, NONCE, TOKEN, GOOD, ExplodingMapping()) is False
    headers = {"X-Plivo-Signature-V3": GOOD, "X-Plivo-Signature-V3-Nonce": NONCE}
    assert (
        validate_request_signature_v3(
            method="POST", url=URI, headers=headers, auth_token=TOKEN, params=ExplodingMapping()
        )
        is False
    )


def test_path_params_of_the_last_segment_are_not_signed() -> None:
    """Plivo signs a callback to /cb;v=1 over https://example.com/cb (urlparse semantics)."""
    url = "https://example.com/cb;v=1"
    # Written out by hand: HMAC-SHA256 over the signed URL without ";v=1", then base64.
    digest = hmac.new(
        b"MAuthTokenForTests1234567890", b"https://example.com/cb?a1.12345", hashlib.sha256
    ).digest()
    plivo_signature = base64.b64encode(digest).decode()
    assert validate_signature_v3("POST", url, NONCE, TOKEN, plivo_signature, {"a": "1"})
    headers = {"X-Plivo-Signature-V3": plivo_signature, "X-Plivo-Signature-V3-Nonce": NONCE}
    assert validate_request_signature_v3(
        method="POST",
        url=url,
        headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
        auth_token=TOKEN,
        body=b"a=1",
    )
    # Not covered by the signature, so another value there validates too: never route on it.
    assert validate_signature_v3("POST", URI + ";v=2", NONCE, TOKEN, plivo_signature, {"a": "1"})
    # ";" inside an earlier segment is part of the path and is signed.
    assert not validate_signature_v3(
        "POST", "https://example.com/x;v=1/cb", NONCE, TOKEN, plivo_signature, {"a": "1"}
    )


# validate_request_signature_v3


class CaseInsensitiveHeaders(Mapping[str, str]):
    """Starlette-like headers: lookups ignore case, iteration yields lower-case names."""

    def __init__(self, raw: dict[str, str]) -> None:
        self._data = {k.lower(): v for k, v in raw.items()}

    def __getitem__(self, key: str) -> str:
        return self._data[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def test_request_helper_with_case_insensitive_mapping() -> None:
    headers = CaseInsensitiveHeaders(
        {"X-Plivo-Signature-V3": GOOD, "X-Plivo-Signature-V3-Nonce": NONCE}
    )
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
    )


def test_request_helper_with_odd_casing_in_a_plain_dict_and_pairs() -> None:
    headers = {"x-plivo-SIGNATURE-v3": f"bm90LXRoaXM=, {GOOD}", "X-PLIVO-SIGNATURE-V3-NONCE": NONCE}
    assert validate_request_signature_v3(
        method="post", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
    )
    pairs = [("X-Plivo-Signature-V3", GOOD), ("X-Plivo-Signature-V3-Nonce", NONCE)]
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=pairs, auth_token=TOKEN, params=PARAMS
    )


def test_request_helper_get_uses_the_url_query() -> None:
    url = "https://example.com/cb?CallUUID=abc&Digits=5"
    signature = sign("https://example.com/cb?CallUUID=abc&Digits=5.n1")
    headers = {"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": "n1"}
    assert validate_request_signature_v3(method="GET", url=url, headers=headers, auth_token=TOKEN)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Plivo-Signature-V3": GOOD},
        {"X-Plivo-Signature-V3-Nonce": NONCE},
        {"X-Plivo-Signature-V3": "", "X-Plivo-Signature-V3-Nonce": NONCE},
        {"X-Plivo-Signature-V3": GOOD, "X-Plivo-Signature-V3-Nonce": ""},
        {"X-Plivo-Signature-V2": GOOD, "X-Plivo-Signature-V3-Nonce": NONCE},
    ],
)
def test_request_helper_missing_headers(headers: dict[str, str]) -> None:
    assert not validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
    )


def test_request_helper_main_account_header() -> None:
    main_token = "MainAccountToken"
    main_sig = sign("https://example.com/cb?From1416To1415.12345", token=main_token)
    only_ma = {"X-Plivo-Signature-Ma-V3": main_sig, "X-Plivo-Signature-V3-Nonce": NONCE}
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=only_ma, auth_token=main_token, params=PARAMS
    )
    both = {**only_ma, "X-Plivo-Signature-V3": GOOD}
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=both, auth_token=main_token, params=PARAMS
    )
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=both, auth_token=TOKEN, params=PARAMS
    )
    assert not validate_request_signature_v3(
        method="POST", url=URI, headers=both, auth_token="other", params=PARAMS
    )


def test_request_helper_wrong_signature_and_unsigned_method() -> None:
    headers = {"X-Plivo-Signature-V3": GOOD, "X-Plivo-Signature-V3-Nonce": NONCE}
    assert not validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, params={"To": "1"}
    )
    assert not validate_request_signature_v3(
        method="PUT", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
    )


# validate_request_signature_v3 with a raw body

JSON_HEADERS = {"X-Plivo-Signature-V3-Nonce": NONCE, "Content-Type": "application/json"}
FORM = "application/x-www-form-urlencoded"


def signed_headers(payload: str, content_type: str = "application/json") -> dict[str, str]:
    return {
        "X-Plivo-Signature-V3": sign(payload),
        "X-Plivo-Signature-V3-Nonce": NONCE,
        "Content-Type": content_type,
    }


HANGUP = (
    b'{"call_uuid": "c-1", "answered": true, "machine": false, "caller_name": null,'
    b' "duration": 42, "rate": 0.5, "tags": [{"b": 2}, {"a": 1}], "meta": {"z": [3, 1]}}'
)
HANGUP_SIGNED = (
    "https://example.com/cb?answeredTruecall_uuidc-1caller_nameNoneduration42machineFalse"
    "metaz1z3rate0.5tags{'a': 1}tags{'b': 2}.12345"
)


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON", "text/x+json"],
)
def test_json_body_with_every_kind_of_value_validates(content_type: str) -> None:
    headers = signed_headers(HANGUP_SIGNED, content_type)
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=HANGUP
    )
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=HANGUP.decode()
    )
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=bytearray(HANGUP)
    )
    # The parsed body given as params signs the same (the official SDK's usage).
    assert validate_signature_v3(
        "POST", URI, NONCE, TOKEN, headers["X-Plivo-Signature-V3"], json.loads(HANGUP)
    )
    altered = HANGUP.replace(b'"duration": 42', b'"duration": 43')
    assert not validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=altered
    )


def test_form_body_validates() -> None:
    body = b"To=1415&From=%2B1416&Text=a+b&Media=b&Media=a&Empty="
    payload = "https://example.com/cb?EmptyFrom+1416MediaaMediabTexta bTo1415.12345"
    for content_type in [FORM, f"{FORM}; charset=UTF-8"]:
        headers = signed_headers(payload, content_type)
        assert validate_request_signature_v3(
            method="POST", url=URI, headers=headers, auth_token=TOKEN, body=body
        )
    assert not validate_request_signature_v3(
        method="POST",
        url=URI,
        headers=signed_headers(payload, FORM),
        auth_token=TOKEN,
        body=body.replace(b"To=1415", b"To=1416"),
    )


@pytest.mark.parametrize("body", [b"", ""])
def test_empty_body_signs_the_url_alone(body: bytes | str) -> None:
    for content_type in ["application/json", FORM, "text/plain", ""]:
        headers = signed_headers("https://example.com/cb?x=1.12345", content_type)
        assert validate_request_signature_v3(
            method="POST", url=URI + "?x=1", headers=headers, auth_token=TOKEN, body=body
        )


def test_get_with_empty_body_validates_and_with_a_body_does_not() -> None:
    url = "https://example.com/cb?CallUUID=abc"
    headers = signed_headers("https://example.com/cb?CallUUID=abc.12345", "")
    assert validate_request_signature_v3(
        method="GET", url=url, headers=headers, auth_token=TOKEN, body=b""
    )
    # Even a body that adds no params: a GET with a body is not what Plivo sends.
    json_headers = {**headers, "Content-Type": "application/json"}
    assert not validate_request_signature_v3(
        method="GET", url=url, headers=json_headers, auth_token=TOKEN, body=b"{}"
    )


# Bodies that cannot be read exactly as Plivo signed them, each under the signature of the
# params they would naively give, or of the bare URL: all refused.
UNREADABLE: list[tuple[Any, str, str]] = [
    (b"not json", "application/json", "https://example.com/cb.12345"),
    (b"\xff\xfe{}", "application/json", "https://example.com/cb.12345"),
    ('{"a": "\\udc80"}', "application/json", "https://example.com/cb?a\udc80.12345"),
    ('{"a": "\udc80"}', "application/json", "https://example.com/cb?a\udc80.12345"),
    ("[1, 2]", "application/json", "https://example.com/cb.12345"),
    ("null", "application/json", "https://example.com/cb.12345"),
    ('"text"', "application/json", "https://example.com/cb.12345"),
    ('{"a": "1", "a": "2"}', "application/json", "https://example.com/cb?a2.12345"),
    ('{"a": NaN}', "application/json", "https://example.com/cb?anan.12345"),
    ('{"a": Infinity}', "application/json", "https://example.com/cb?ainf.12345"),
    ("[" * 100_000, "application/json", "https://example.com/cb.12345"),
    (b"a=%ff", FORM, "https://example.com/cb?a\ufffd.12345"),
    (b"a=\xe9", FORM, "https://example.com/cb?a\xe9.12345"),
    (b'{"a": "1"}', "text/plain", "https://example.com/cb?a1.12345"),
    (b'{"a": "1"}', "", "https://example.com/cb?a1.12345"),
    (b"a=1", "multipart/form-data; boundary=x", "https://example.com/cb?a1.12345"),
    (12345, "application/json", "https://example.com/cb.12345"),
    ({"a": "1"}, "application/json", "https://example.com/cb?a1.12345"),
]


@pytest.mark.parametrize(("body", "content_type", "payload"), UNREADABLE)
def test_unreadable_bodies_are_refused(body: Any, content_type: str, payload: str) -> None:
    headers = signed_headers(payload, content_type)
    assert (
        validate_request_signature_v3(
            method="POST", url=URI, headers=headers, auth_token=TOKEN, body=body
        )
        is False
    )


def test_body_and_params_together_are_refused() -> None:
    headers = signed_headers("https://example.com/cb?a1.12345", FORM)
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=b"a=1"
    )
    assert not validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, body=b"a=1", params={"a": "1"}
    )


def test_headers_as_asgi_bytes_pairs_and_as_an_email_message() -> None:
    payload = "https://example.com/cb?a1.12345"
    raw = [
        (b"content-type", FORM.encode()),
        (b"x-plivo-signature-v3", sign(payload).encode()),
        (b"x-plivo-signature-v3-nonce", NONCE.encode()),
    ]
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=raw, auth_token=TOKEN, body=b"a=1"
    )
    message = email.message.Message()  # what http.server hands a handler as self.headers
    for name, value in signed_headers(payload, FORM).items():
        message[name] = value
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=message, auth_token=TOKEN, body=b"a=1"
    )


@pytest.mark.parametrize(
    "headers",
    [None, 42, "X-Plivo-Signature-V3", [("only-one",)], [1, 2], [(1, 2)], {1: 2}],
)
def test_odd_header_containers_give_false(headers: Any) -> None:
    assert (
        validate_request_signature_v3(
            method="POST", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
        )
        is False
    )


def test_junk_header_entries_are_skipped() -> None:
    headers: list[Any] = [
        None,
        ("x-plivo-signature-v3", None),
        ("X-Plivo-Signature-V3", GOOD),
        ("X-Plivo-Signature-V3-Nonce", NONCE),
        ("a", "b", "c"),
    ]
    assert validate_request_signature_v3(
        method="POST", url=URI, headers=headers, auth_token=TOKEN, params=PARAMS
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": None},
        {"method": b"POST"},
        {"url": None},
        {"url": "example.com/cb"},
        {"auth_token": None},
        {"auth_token": ""},
    ],
)
def test_request_helper_odd_arguments_give_false(kwargs: dict[str, Any]) -> None:
    arguments: dict[str, Any] = {
        "method": "POST",
        "url": URI,
        "headers": {"X-Plivo-Signature-V3": GOOD, "X-Plivo-Signature-V3-Nonce": NONCE},
        "auth_token": TOKEN,
        "params": PARAMS,
    }
    assert validate_request_signature_v3(**arguments)
    assert validate_request_signature_v3(**{**arguments, **kwargs}) is False


# NonceCache


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_nonce_cache_refuses_a_replay() -> None:
    cache = NonceCache()
    assert not cache.seen("n1")
    assert cache.check_and_add("n1") is True
    assert cache.seen("n1")
    assert cache.check_and_add("n1") is False
    assert cache.check_and_add(b"n1") is False  # bytes and str name the same nonce
    assert cache.check_and_add("n2") is True
    assert len(cache) == 2


def test_nonce_cache_seen_does_not_record() -> None:
    cache = NonceCache()
    assert not cache.seen("n1")
    assert not cache.seen("n1")
    assert len(cache) == 0
    assert cache.check_and_add("n1")


def test_nonce_cache_forgets_after_ttl() -> None:
    clock = FakeClock()
    cache = NonceCache(ttl=10, clock=clock)
    assert cache.check_and_add("a")
    clock.now += 5
    assert cache.check_and_add("b")
    clock.now += 4.9
    assert not cache.check_and_add("a")
    assert cache.seen("a") and len(cache) == 2
    clock.now += 0.1  # "a" is exactly ttl old
    assert not cache.seen("a")
    assert cache.seen("b")
    assert len(cache) == 1
    assert cache.check_and_add("a")  # remembered again from now on
    clock.now += 5
    assert not cache.seen("b")
    assert not cache.check_and_add("a")


def test_nonce_cache_evicts_the_oldest_first() -> None:
    cache = NonceCache(max_entries=3)
    for nonce in ["a", "b", "c"]:
        assert cache.check_and_add(nonce)
    assert not cache.check_and_add("a")  # a replay does not refresh its place
    assert cache.check_and_add("d")  # pushes "a" out
    assert [cache.seen(n) for n in "abcd"] == [False, True, True, True]
    assert len(cache) == 3


def test_nonce_cache_discard_and_clear() -> None:
    cache = NonceCache()
    cache.check_and_add("a")
    cache.check_and_add("b")
    cache.discard("a")
    cache.discard("never-seen")
    assert not cache.seen("a") and cache.seen("b")
    assert cache.check_and_add("a")
    cache.clear()
    assert len(cache) == 0 and not cache.seen("b")


def test_nonce_cache_memory_is_bounded() -> None:
    """60,000 distinct 1 KiB nonces through a 1,000-entry cache: never more than 1,000 entries,
    memory stops growing once the cache has turned over, and at its peak the cache holds far less
    than its nonces (each is kept as a 16-byte digest).
    """
    filler = "x" * 1024
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        cache = NonceCache(max_entries=1_000)
        checkpoints: dict[int, int] = {}
        for i in range(60_000):
            assert cache.check_and_add(f"{i}{filler}")
            if i % 5_000 == 0:
                assert len(cache) == min(i + 1, 1_000)
            if i + 1 in (30_000, 60_000):
                gc.collect()
                checkpoints[i + 1] = tracemalloc.get_traced_memory()[0] - start
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    assert (cache.max_entries, cache.ttl) == (1_000, 86_400.0)
    assert len(cache) == 1_000
    assert cache.seen(f"59999{filler}") and cache.seen(f"59000{filler}")
    assert not cache.seen(f"58999{filler}")
    # 1,000 nonces of 1 KiB would be over 1 MiB; entries (with the table's slack) cost less
    # than 400 bytes each, and the second 30,000 nonces add nothing.
    assert peak < 400 * 1_000, f"the cache peaked at {peak} bytes"
    growth = checkpoints[60_000] - checkpoints[30_000]
    assert abs(growth) < 4 * 1024, f"a turned-over cache grew by {growth} bytes"


def test_nonce_cache_is_atomic_across_threads() -> None:
    cache = NonceCache()
    nonces = [f"n{i}" for i in range(2_000)]
    wins: list[list[str]] = [[] for _ in range(8)]
    barrier = threading.Barrier(8)

    def worker(mine: list[str]) -> None:
        barrier.wait()
        mine.extend(n for n in nonces if cache.check_and_add(n))

    threads = [threading.Thread(target=worker, args=(w,)) for w in wins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    accepted = [n for w in wins for n in w]
    assert sorted(accepted) == sorted(nonces)  # each nonce accepted exactly once


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_entries": 0}, "max_entries"),
        ({"max_entries": 1.5}, "max_entries"),
        ({"max_entries": True}, "max_entries"),
        ({"ttl": 0}, "ttl"),
        ({"ttl": -1}, "ttl"),
        ({"ttl": float("nan")}, "ttl"),
        ({"ttl": "60"}, "ttl"),
    ],
)
def test_nonce_cache_rejects_bad_settings(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        NonceCache(**kwargs)


def test_nonce_cache_rejects_non_text_nonces() -> None:
    with pytest.raises(TypeError, match="nonce must be str or bytes"):
        NonceCache().check_and_add(12345)  # type: ignore[arg-type]


def test_exports() -> None:
    names = {"NonceCache", "compute_signature_v3", "validate_request_signature_v3"}
    names.add("validate_signature_v3")
    assert names <= set(utils_module.__all__)
    assert set(sync_utils_module.__all__) == set(utils_module.__all__)
    assert sync_utils_module.NonceCache is NonceCache
    for name in utils_module.__all__:
        assert getattr(utils_module, name).__doc__, f"{name} has no docstring"
