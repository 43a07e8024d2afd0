"""Webhook signature (v3) checks for Plivo callbacks, as Plivo's server-side SDKs compute them.

Plivo signs every GET and POST callback. The signed string is built from the callback URL and the
request parameters without any URL-encoding (the construction of Plivo's official Python SDK,
``plivo.utils.signature_v3``):

1. ``base`` is ``scheme://netloc`` + path of the URL as :func:`urllib.parse.urlparse` splits it:
   query and fragment dropped, and ``;params`` of the last path segment dropped too (urlparse puts
   them in ``.params``), so ``https://h/cb;v=1`` signs as ``https://h/cb``. ``;`` in earlier
   segments stays (``/a;x/b;y`` signs as ``/a;x/b``).
2. ``Q`` is the URL's own query (percent-decoded, blank values kept); for GET it is merged with
   the request parameters, the URL's value winning on a clash. Keys are sorted and written as
   ``key=value`` (one pair per value of a list, values sorted), joined with ``&``.
3. GET, or POST without parameters: ``base`` plus ``"?" + Q`` when ``Q`` is not empty.
   POST with parameters: ``base + "?" + Q``, then ``"."`` if ``Q`` is not empty, then ``P``:
   for each key in sorted order the key immediately followed by its value (every value of a list,
   sorted; an object value gives the key followed by the same construction applied to it).
4. The signature is the standard base64 of HMAC-SHA256 keyed with the auth token over
   ``signed_url + "." + nonce`` (UTF-8).

Parameters are the POST form fields, or the members of a JSON object body. Values are written as
the official SDK writes them: strings as they are, numbers, ``true``/``false`` and ``null`` with
Python's ``str()`` (``42``, ``1.5``, ``True``, ``False``, ``None``), an object or list inside a
list with ``str()`` of the parsed value (``{'a': 1}``). Where the official SDK cannot order a
list's items (objects, or ``null`` beside a string) they are ordered by that text.

The ``X-Plivo-Signature-V3`` header may carry several comma-separated signatures; the request is
genuine if any of them matches. ``X-Plivo-Signature-Ma-V3`` carries the same construction signed
with the main account's auth token. A signature never expires: :class:`NonceCache` refuses a
nonce seen before (see ``docs/security-webhooks.md``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, Protocol
from urllib.parse import parse_qs, urlparse, urlunparse

__all__ = [
    "NonceCache",
    "compute_signature_v3",
    "validate_request_signature_v3",
    "validate_signature_v3",
]


class _HeaderItems(Protocol):
    """Headers with ``.items()``: Starlette, Django, Werkzeug, ``http.server``'s message."""

    def items(self) -> Iterable[tuple[Any, Any]]: ...


# Or pairs of str or of bytes (an ASGI scope's "headers").
_Headers = _HeaderItems | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]

_SIGNED_METHODS = ("GET", "POST")
_SIGNATURE_HEADER = "x-plivo-signature-v3"
_MA_SIGNATURE_HEADER = "x-plivo-signature-ma-v3"
_NONCE_HEADER = "x-plivo-signature-v3-nonce"
_FORM_TYPE = "application/x-www-form-urlencoded"


def _require_str(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


def _signed_method(method: object) -> str:
    upper = _require_str("method", method).upper()
    if upper not in _SIGNED_METHODS:
        raise ValueError(
            f"Cannot check a v3 signature for method {method!r}: only GET and POST callbacks "
            "are signed"
        )
    return upper


# --- parameters: plain JSON-like values ----------------------------------------------------


def _plain(value: Any) -> Any:
    """``value`` as the dicts, lists and scalars a JSON or form parser gives; else TypeError.

    Mappings become dicts and tuples lists, so ``str()`` of a nested value is the same text the
    official SDK produces for the parsed JSON body.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Mapping):
        return _plain_dict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    raise TypeError(
        f"signature params hold JSON values (str, number, bool, None, list, dict), "
        f"got {type(value).__name__}"
    )


def _plain_dict(params: Mapping[Any, Any]) -> dict[str, Any]:
    getlist = getattr(params, "getlist", None)
    result: dict[str, Any] = {}
    for key in params:
        if not isinstance(key, str):
            raise TypeError(f"params keys must be str, got {type(key).__name__}")
        # Multi-dicts (Starlette FormData/QueryParams, Werkzeug MultiDict) hide repeated keys in
        # items(); getlist() returns every value, and a one-item list signs like a plain value.
        result[key] = _plain(list(getlist(key)) if callable(getlist) else params[key])
    return result


def _as_dict(params: Mapping[str, Any] | None) -> dict[str, Any]:
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a mapping, got {type(params).__name__}")
    return _plain_dict(params)


def _official_format(value: Any) -> Any:
    """The official SDK's ``string_format``: numbers and bools to ``str``, lists item by item."""
    if isinstance(value, (bool, int, float)):
        return str(value)
    if isinstance(value, list):
        return [_official_format(item) for item in value]
    return value  # str, None and dict stay as they are


def _text(value: Any) -> str:
    """The text a scalar (or an object/list inside a list) contributes to the signed string."""
    return str(_official_format(value))


def _sorted_texts(values: list[Any]) -> list[str]:
    formatted = [_official_format(value) for value in values]
    try:
        ordered = sorted(formatted)
    except TypeError:
        # The official SDK raises here (dicts, or None beside a str, cannot be compared); order
        # by the text each item contributes instead, so every JSON list has one signed form.
        ordered = sorted(formatted, key=str)
    return [str(value) for value in ordered]


def _query_string(params: Mapping[str, Any]) -> str:
    pairs: list[str] = []
    for key in sorted(params):
        value = params[key]
        if isinstance(value, dict):
            raise TypeError(f"signature param {key!r}: object values are only signed for POST")
        if isinstance(value, list):
            # One entry per key, as the official SDK: an empty list leaves an empty entry.
            pairs.append("&".join(f"{key}={text}" for text in _sorted_texts(value)))
        else:
            pairs.append(f"{key}={_text(value)}")
    return "&".join(pairs)


def _post_string(params: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for key in sorted(params):
        value = params[key]
        if isinstance(value, dict):
            parts.append(key + _post_string(value))
        elif isinstance(value, list):
            parts.extend(key + text for text in _sorted_texts(value))
        else:
            parts.append(key + _text(value))
    return "".join(parts)


def _signed_url(method: str, uri: str, params: dict[str, Any]) -> str:
    # urlparse, as Plivo's official SDK: ";params" of the last path segment are left out.
    parsed = urlparse(uri)
    if not parsed.scheme or not parsed.netloc:
        raise ValueError(f"uri must be the absolute callback URL (scheme://host/path), got {uri!r}")
    base = urlunparse((parsed.scheme, parsed.netloc, parsed.path, "", "", ""))
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
    """Return the base64 v3 signature Plivo sends for this callback (GET or POST).

    ``params`` are the POST form fields or the parsed JSON object body (values: str, numbers,
    bool, None, lists and objects), or extra query parameters for GET. Raises ``ValueError`` for
    a method other than GET/POST, a relative ``uri``, an empty ``auth_token`` or params nested
    too deeply, and ``TypeError`` for arguments of the wrong type (and object values in GET
    params). :func:`validate_signature_v3` never raises.
    """
    _require_str("uri", uri)
    _require_str("nonce", nonce)
    if not _require_str("auth_token", auth_token):
        # An empty key would make every forged signature computable by anyone.
        raise ValueError("auth_token must not be empty")
    try:
        signed_url = _signed_url(_signed_method(method), uri, _as_dict(params))
    except RecursionError:
        raise ValueError("signature params are nested too deeply") from None
    payload = f"{signed_url}.{nonce}".encode()
    digest = hmac.new(auth_token.encode(), payload, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def _matches(expected: str, header: str) -> bool:
    wanted = expected.encode("ascii")
    matched = False
    for candidate in header.split(","):
        matched |= hmac.compare_digest(wanted, candidate.strip().encode("utf-8", "replace"))
    return matched


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
    ``v3_signature`` the ``X-Plivo-Signature-V3`` header and ``params`` the POST form fields or
    the parsed JSON object body (for GET the URL's query is used; extra ``params`` are merged
    in). Never raises: anything that cannot be checked (a method other than GET/POST, a relative
    URL, values that are not JSON values, arguments of the wrong type) gives ``False``.
    """
    try:
        expected = compute_signature_v3(method, uri, nonce, auth_token, params)
        return _matches(expected, _require_str("v3_signature", v3_signature))
    except Exception:  # fail closed: an input we cannot sign is not a genuine callback
        return False


# --- whole requests ------------------------------------------------------------------------


def _header_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")  # HTTP header bytes, as ASGI servers pass them
    return None


def _lowercase_headers(headers: _Headers) -> dict[str, str]:
    source: Any = headers  # checked at run time: anything at all may arrive here
    items: Iterable[object] = source.items() if callable(getattr(source, "items", None)) else source
    result: dict[str, str] = {}
    for item in items:
        if not isinstance(item, tuple) or len(item) != 2:
            continue
        name, value = _header_text(item[0]), _header_text(item[1])
        if name is not None and value is not None:
            result.setdefault(name.lower(), value)
    return result


def _no_json_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Parsers disagree on which duplicate wins; refuse rather than guess.
            raise ValueError(f"duplicate JSON member {key!r}")
        result[key] = value
    return result


def _body_params(body: object, content_type: str) -> dict[str, Any] | None:
    """The params a callback body carries: form fields, a JSON object's members, or None."""
    if isinstance(body, str):
        text = body
    elif isinstance(body, (bytes, bytearray, memoryview)):
        text = bytes(body).decode("utf-8")  # strict: UnicodeDecodeError is a ValueError
    else:
        raise TypeError(f"body must be bytes or str, got {type(body).__name__}")
    if not text:
        return None
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == _FORM_TYPE:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    if media_type == "application/json" or media_type.endswith("+json"):
        value = json.loads(
            text, object_pairs_hook=_unique_members, parse_constant=_no_json_constant
        )
        if not isinstance(value, dict):
            raise ValueError("a signed JSON callback body is an object")
        return value
    raise ValueError(f"cannot read signed params from a {media_type or 'untyped'} body")


def validate_request_signature_v3(
    *,
    method: str,
    url: str,
    headers: _Headers,
    auth_token: str,
    params: Mapping[str, Any] | None = None,
    body: bytes | bytearray | memoryview | str | None = None,
) -> bool:
    """Return whether a received callback request carries a genuine Plivo v3 signature.

    Reads ``X-Plivo-Signature-V3`` (or the main-account ``X-Plivo-Signature-Ma-V3``),
    ``X-Plivo-Signature-V3-Nonce`` and, with ``body``, ``Content-Type`` from ``headers`` (any
    object with ``.items()`` or iterable of ``str``/``bytes`` pairs; names are matched
    case-insensitively).

    Give the POST parameters one of two ways: ``body``, the raw request body, read according to
    its ``Content-Type`` (``application/x-www-form-urlencoded`` → form fields; ``application/json``
    or ``*+json`` → the members of a JSON object; an empty body → no parameters), or ``params``,
    fields you already parsed (a multi-dict keeps repeated keys; a parsed JSON object works too).
    Leave both out for GET.

    Never raises. Returns ``False`` when the nonce or both signature headers are missing, for
    methods other than GET and POST (Plivo signs no other callback), and for any body it cannot
    read exactly as Plivo signed it: not UTF-8, malformed form encoding, not a JSON object,
    duplicate JSON members, ``NaN``/``Infinity``, another content type, a body with GET, or
    both ``body`` and ``params``.

    ``url`` must be the exact URL Plivo called, including the query string; behind a proxy that
    terminates TLS or rewrites the host, rebuild it with the public scheme, host and port.
    A valid signature can be replayed forever: pass the nonce of an accepted request to
    :meth:`NonceCache.check_and_add`.

    Starlette / FastAPI::

        body = await request.body()
        ok = validate_request_signature_v3(
            method=request.method,
            url=str(request.url),
            headers=request.headers,
            auth_token=AUTH_TOKEN,
            body=body,
        )

    Flask: ``headers=request.headers, url=request.url, body=request.get_data()``. Django:
    ``headers=request.headers, url=request.build_absolute_uri(), body=request.body``.
    """
    try:
        if _signed_method(method) == "GET" and body:
            return False  # Plivo's GET callbacks have no body; we cannot say what one means
        found = _lowercase_headers(headers)
        nonce = found.get(_NONCE_HEADER)
        signatures = [
            value
            for name in (_SIGNATURE_HEADER, _MA_SIGNATURE_HEADER)
            if (value := found.get(name))
        ]
        if not nonce or not signatures:
            return False
        if body is not None:
            if params is not None:
                return False  # two sources of params: refuse rather than pick one
            params = _body_params(body, found.get("content-type", ""))
        expected = compute_signature_v3(method, url, nonce, auth_token, params)
        # Check every header: the caller's token may be the sub-account's or the main account's.
        return any([_matches(expected, signature) for signature in signatures])
    except Exception:  # fail closed: a request we cannot read is not a genuine callback
        return False


# --- replay protection ---------------------------------------------------------------------


class NonceCache:
    """Remember the nonces of accepted callbacks, so a replayed request can be refused.

    Plivo's v3 signature carries no timestamp: a captured request validates forever. Record the
    ``X-Plivo-Signature-V3-Nonce`` of every request whose signature is valid; a nonce seen again
    within ``ttl`` seconds is a replay::

        NONCES = NonceCache()

        if not validate_request_signature_v3(...):
            return 403
        if not NONCES.check_and_add(nonce):
            return 200  # already handled: do nothing, and let the sender stop retrying

    Memory is bounded: at most ``max_entries`` nonces are kept (the oldest is forgotten first),
    each as a fixed-size 16-byte digest, however long the nonce. A nonce older than ``ttl``, or
    pushed out by ``max_entries`` newer ones, is accepted again, so size the cache for the
    traffic of the window you want. Thread-safe; one cache per process (share a store such as
    Redis ``SET NX EX`` between processes). ``clock`` (default ``time.monotonic``) is for tests.
    """

    def __init__(
        self,
        max_entries: int = 100_000,
        ttl: float = 86_400.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
            raise ValueError(f"max_entries must be a positive int, got {max_entries!r}")
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not ttl > 0:
            raise ValueError(f"ttl must be a positive number of seconds, got {ttl!r}")
        self._max_entries = max_entries
        self._ttl = float(ttl)
        self._clock = clock
        self._lock = threading.Lock()
        self._expiry: OrderedDict[bytes, float] = OrderedDict()  # oldest first

    @property
    def max_entries(self) -> int:
        """The most nonces kept at once."""
        return self._max_entries

    @property
    def ttl(self) -> float:
        """Seconds a nonce is remembered."""
        return self._ttl

    @staticmethod
    def _key(nonce: str | bytes) -> bytes:
        if isinstance(nonce, str):
            data = nonce.encode("utf-8", "surrogatepass")
        elif isinstance(nonce, bytes):
            data = nonce
        else:
            raise TypeError(f"nonce must be str or bytes, got {type(nonce).__name__}")
        return hashlib.blake2b(data, digest_size=16).digest()

    def _expire(self, now: float) -> None:
        while self._expiry:
            key, expires = next(iter(self._expiry.items()))
            if expires > now:
                break
            del self._expiry[key]

    def check_and_add(self, nonce: str | bytes) -> bool:
        """Record ``nonce``; return ``True`` if it is new, ``False`` if it is a replay.

        One atomic step: of several threads presenting the same nonce, exactly one gets ``True``.
        """
        key = self._key(nonce)
        with self._lock:
            now = self._clock()
            self._expire(now)
            if key in self._expiry:
                return False
            self._expiry[key] = now + self._ttl
            while len(self._expiry) > self._max_entries:
                self._expiry.popitem(last=False)
            return True

    def seen(self, nonce: str | bytes) -> bool:
        """Return whether ``nonce`` is remembered (recorded within ``ttl``), without recording."""
        key = self._key(nonce)
        with self._lock:
            self._expire(self._clock())
            return key in self._expiry

    def discard(self, nonce: str | bytes) -> None:
        """Forget ``nonce``: call it when handling failed, so a redelivery is accepted."""
        key = self._key(nonce)
        with self._lock:
            self._expiry.pop(key, None)

    def clear(self) -> None:
        """Forget every nonce."""
        with self._lock:
            self._expiry.clear()

    def __len__(self) -> int:
        """The number of nonces remembered now."""
        with self._lock:
            self._expire(self._clock())
            return len(self._expiry)
