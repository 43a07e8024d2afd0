"""Webhook signature (v3) checks for Plivo callbacks, as Plivo's server-side SDKs compute them.

Plivo signs every GET and POST callback. The signed string is built from the callback URL and the
request parameters without any URL-encoding:

1. ``base`` is ``scheme://netloc/path`` of the URL (its query and fragment dropped; the path
   is kept whole, including any ``;params``).
2. ``Q`` is the URL's own query (percent-decoded, blank values kept); for GET it is merged with
   the request parameters, the URL's value winning on a clash. Keys are sorted and written as
   ``key=value`` (one pair per value of a list, values sorted), joined with ``&``.
3. GET, or POST without parameters: ``base`` plus ``"?" + Q`` when ``Q`` is not empty.
   POST with parameters: ``base + "?" + Q``, then ``"."`` if ``Q`` is not empty, then ``P``:
   for each key in sorted order the key immediately followed by its value (every value of a list,
   sorted; a dict value gives the key followed by the same construction applied to the dict).
4. The signature is the standard base64 of HMAC-SHA256 keyed with the auth token over
   ``signed_url + "." + nonce`` (UTF-8).

The ``X-Plivo-Signature-V3`` header may carry several comma-separated signatures; the request is
genuine if any of them matches. ``X-Plivo-Signature-Ma-V3`` carries the same construction signed
with the main account's auth token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

__all__ = ["compute_signature_v3", "validate_request_signature_v3", "validate_signature_v3"]

_SIGNED_METHODS = ("GET", "POST")
_SIGNATURE_HEADER = "x-plivo-signature-v3"
_MA_SIGNATURE_HEADER = "x-plivo-signature-ma-v3"
_NONCE_HEADER = "x-plivo-signature-v3-nonce"


def _signed_method(method: str) -> str:
    upper = method.upper()
    if upper not in _SIGNED_METHODS:
        raise ValueError(
            f"Cannot check a v3 signature for method {method!r}: only GET and POST callbacks "
            "are signed"
        )
    return upper


def _scalar(key: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    # Plivo's SDK formats numbers with str(); anything else has no agreed text form.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError(
        f"signature param {key!r} must be a str or a list of str, got {type(value).__name__}"
    )


def _sorted_values(key: str, value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return sorted(_scalar(key, item) for item in value)
    return [_scalar(key, value)]


def _as_dict(params: Mapping[str, Any] | None) -> dict[str, Any]:
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a mapping, got {type(params).__name__}")
    getlist = getattr(params, "getlist", None)
    # Multi-dicts (Starlette FormData/QueryParams, Werkzeug MultiDict) hide repeated keys in
    # items(); getlist() returns every value, and a one-item list signs like a plain value.
    if callable(getlist):
        result = {key: list(getlist(key)) for key in params}
    else:
        result = dict(params)
    for key in result:
        if not isinstance(key, str):
            raise TypeError(f"params keys must be str, got {type(key).__name__}")
    return result


def _query_string(params: Mapping[str, Any]) -> str:
    pairs: list[str] = []
    for key in sorted(params):
        if isinstance(params[key], Mapping):
            raise TypeError(f"signature param {key!r}: dict values are only signed for POST")
        pairs.extend(f"{key}={value}" for value in _sorted_values(key, params[key]))
    return "&".join(pairs)


def _post_string(params: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for key in sorted(params):
        value = params[key]
        if not isinstance(key, str):
            raise TypeError(f"params keys must be str, got {type(key).__name__}")
        if isinstance(value, Mapping):
            parts.append(key + _post_string(value))
        else:
            parts.extend(key + item for item in _sorted_values(key, value))
    return "".join(parts)


def _signed_url(method: str, uri: str, params: dict[str, Any]) -> str:
    # urlsplit, not urlparse: urlparse cuts ";params" off the last path segment, which would
    # leave them out of the signed string (https://h/cb;a and https://h/cb;b would sign alike).
    parsed = urlsplit(uri)
    if not parsed.scheme or not parsed.netloc:
        raise ValueError(f"uri must be the absolute callback URL (scheme://host/path), got {uri!r}")
    base = urlunsplit((parsed.scheme, parsed.netloc, parsed.path, "", ""))
    uri_query = parse_qs(parsed.query, keep_blank_values=True)
    if method == "GET":
        query = _query_string({**params, **uri_query})
        return f"{base}?{query}" if query else base
    query = _query_string(uri_query)
    if not params:
        return f"{base}?{query}" if query else base
    separator = "." if query else ""
    return f"{base}?{query}{separator}{_post_string(params)}"


def compute_signature_v3(
    method: str,
    uri: str,
    nonce: str,
    auth_token: str,
    params: Mapping[str, Any] | None = None,
) -> str:
    """Return the base64 v3 signature Plivo sends for this callback (GET or POST)."""
    if not auth_token:
        # An empty key would make every forged signature computable by anyone.
        raise ValueError("auth_token must not be empty")
    signed_url = _signed_url(_signed_method(method), uri, _as_dict(params))
    payload = f"{signed_url}.{nonce}".encode()
    digest = hmac.new(auth_token.encode(), payload, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def validate_signature_v3(
    method: str,
    uri: str,
    nonce: str,
    auth_token: str,
    v3_signature: str,
    params: Mapping[str, Any] | None = None,
) -> bool:
    """Return whether one of the comma-separated signatures in ``v3_signature`` is genuine.

    ``uri`` is the full callback URL, ``nonce`` the ``X-Plivo-Signature-V3-Nonce`` header,
    ``v3_signature`` the ``X-Plivo-Signature-V3`` header and ``params`` the POST form fields (for
    GET the URL's query is used; extra ``params`` are merged in). Raises ``ValueError`` for a
    method other than GET or POST.
    """
    expected = compute_signature_v3(method, uri, nonce, auth_token, params).encode("ascii")
    matched = False
    for candidate in v3_signature.split(","):
        matched |= hmac.compare_digest(expected, candidate.strip().encode())
    return matched


def _lowercase_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    result: dict[str, str] = {}
    for key, value in items:
        result.setdefault(key.lower(), value)
    return result


def validate_request_signature_v3(
    *,
    method: str,
    url: str,
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    auth_token: str,
    params: Mapping[str, Any] | None = None,
) -> bool:
    """Return whether a received callback request carries a genuine Plivo v3 signature.

    Reads ``X-Plivo-Signature-V3`` (or the main-account ``X-Plivo-Signature-Ma-V3``) and
    ``X-Plivo-Signature-V3-Nonce`` from ``headers`` (any mapping or iterable of pairs; names are
    matched case-insensitively). Returns ``False`` when the nonce or both signature headers are
    missing, and for methods other than GET and POST (Plivo signs no other callback).

    ``url`` must be the exact URL Plivo called, including the query string; behind a proxy that
    terminates TLS or rewrites the host, rebuild it with the public scheme, host and port.
    ``params`` are the POST form fields (multi-dicts keep repeated keys); leave it out for GET.

    Starlette / FastAPI::

        form = await request.form() if request.method == "POST" else None
        ok = validate_request_signature_v3(
            method=request.method,
            url=str(request.url),
            headers=request.headers,
            auth_token=AUTH_TOKEN,
            params=form,
        )

    Flask::

        ok = validate_request_signature_v3(
            method=request.method,
            url=request.url,
            headers=request.headers,
            auth_token=AUTH_TOKEN,
            params=request.form if request.method == "POST" else None,
        )

    Plain WSGI: pass ``url=wsgiref.util.request_uri(environ)``,
    ``headers=[(k[5:].replace("_", "-"), v) for k, v in environ.items() if
    k.startswith("HTTP_")]`` and, for POST, ``params=urllib.parse.parse_qs(body.decode(),
    keep_blank_values=True)``.
    """
    if method.upper() not in _SIGNED_METHODS:
        return False
    found = _lowercase_headers(headers)
    nonce = found.get(_NONCE_HEADER)
    if not nonce:
        return False
    signatures = [
        value for name in (_SIGNATURE_HEADER, _MA_SIGNATURE_HEADER) if (value := found.get(name))
    ]
    if not signatures:
        return False
    # Check every header: the caller's token may be the sub-account's or the main account's.
    results = [
        validate_signature_v3(method, url, nonce, auth_token, signature, params)
        for signature in signatures
    ]
    return any(results)
