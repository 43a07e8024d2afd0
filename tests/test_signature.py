"""Tests for webhook signature v3 (the construction of Plivo's server-side SDKs).

Every expected signature is computed here from the signed string written out literally, so the
vectors do not depend on the implementation's string building.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from plivo_agentstack.utils import (
    compute_signature_v3,
    validate_request_signature_v3,
    validate_signature_v3,
)

TOKEN = "MAuthTokenForTests1234567890"
NONCE = "12345"


def sign(payload: str, token: str = TOKEN) -> str:
    """HMAC-SHA256 + base64 of the literal payload (signed URL + "." + nonce)."""
    digest = hmac.new(token.encode("utf-8"), payload.encode("utf-8"), hashlib.sha256).digest()
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
    with pytest.raises(ValueError, match="only GET and POST callbacks are signed"):
        validate_signature_v3(method, URI, NONCE, TOKEN, GOOD, PARAMS)
    with pytest.raises(ValueError, match="only GET and POST callbacks are signed"):
        compute_signature_v3(method, URI, NONCE, TOKEN, PARAMS)


def test_bad_inputs_are_reported() -> None:
    with pytest.raises(ValueError, match="absolute callback URL"):
        compute_signature_v3("POST", "/cb", NONCE, TOKEN, PARAMS)
    with pytest.raises(ValueError, match="auth_token must not be empty"):
        compute_signature_v3("POST", URI, NONCE, "", PARAMS)
    with pytest.raises(TypeError, match="only signed for POST"):
        compute_signature_v3("GET", URI, NONCE, TOKEN, {"a": {"b": "c"}})
    with pytest.raises(TypeError, match="'a' must be a str"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, {"a": None})
    with pytest.raises(TypeError, match="'a' must be a str"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, {"a": [True]})
    with pytest.raises(TypeError, match="params must be a mapping"):
        compute_signature_v3("POST", URI, NONCE, TOKEN, [("a", "b")])  # type: ignore[arg-type]


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
