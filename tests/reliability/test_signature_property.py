"""Property tests of webhook signature v3 (api-facts §7.1) over random URLs, params and tokens.

A signature made by the module validates, matches a literal re-implementation of §7.1 (with the
official SDK's urlparse and value rendering), and ANY single-character change of the URL, a param
key or value, the nonce, the token or the signature makes validation fail. Arbitrary JSON values
and arbitrary bytes as a callback body never make validation raise. The changes are chosen so
that they change the signed content:

- the URL's own query is percent-decoded (``+`` is a space, ``%2b`` is ``%2B``, ``b`` is
  ``b=``, empty ``&&`` pairs vanish) and its scheme is case-insensitive, so raw changes there
  are made on the decoded keys/values, or replace one letter/digit by another;
- the fragment is never sent to a server and is not signed (checked separately), nor are
  ``;params`` of the last path segment (urlparse semantics, checked separately);
- for GET, a param whose key is also in the URL's query is overridden by it, so GET params use
  other keys; a key with an empty list of values contributes nothing, so lists are non-empty
  (and a JSON key whose value is an empty list is not changed);
- HMAC pads keys with NUL bytes, so a token and the same token plus a trailing NUL sign alike
  (inherent to HMAC-SHA256, the platform's algorithm): tokens here contain no NUL;
- the signature header is a comma-separated list whose entries are trimmed, so the signature
  is changed with characters other than whitespace and commas.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
from typing import Any
from urllib.parse import parse_qs, quote, quote_plus, urlencode, urlparse, urlsplit

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from plivo_agentstack.utils import (
    NonceCache,
    compute_signature_v3,
    validate_request_signature_v3,
    validate_signature_v3,
)

SETTINGS = settings(max_examples=150, deadline=None)

RESERVED = "&=?#%+/ ;,.:@!$'()*[]"
# Any Unicode scalar value but U+FFFD (the stand-in for undecodable query bytes), plus a
# generous share of reserved characters and spaces.
CHAR = st.characters(codec="utf-8", exclude_characters="\ufffd") | st.sampled_from(RESERVED)
TEXT = st.text(CHAR, max_size=8)
NONEMPTY = st.text(CHAR, min_size=1, max_size=8)
TOKEN_CHAR = st.characters(codec="utf-8", exclude_characters="\x00")
TOKEN = st.text(TOKEN_CHAR, min_size=1, max_size=40)
NONCE = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)
# A signature entry changes meaning only with characters the header parser keeps.
SIGNATURE_CHAR = st.characters(codec="utf-8").filter(lambda c: not c.isspace() and c != ",")

SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
PATH_CHARS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%éüß日本✓"
)
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

HOST = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z]{2,5}){0,2}", fullmatch=True)
PORT = st.none() | st.integers(1, 65535)
# Characters with a meaning in URLs (";" starts path params for urlparse) come up often.
PATH_CHAR = st.sampled_from(PATH_CHARS) | st.sampled_from(";=%@:")
PATH = st.lists(st.text(PATH_CHAR, max_size=6), min_size=1, max_size=4).map(
    lambda segments: "/" + "/".join(segments)
)
PAIRS = st.lists(st.tuples(NONEMPTY, TEXT), max_size=4)
VALUE = TEXT | st.lists(TEXT, min_size=1, max_size=3)
FLAT_PARAMS = st.dictionaries(TEXT, VALUE, max_size=4)
POST_PARAMS = st.dictionaries(TEXT, VALUE | st.dictionaries(TEXT, VALUE, max_size=3), max_size=4)


def encode_query(pairs: list[tuple[str, str]], plus: bool) -> str:
    """A query string as a browser or the platform would write it."""
    return urlencode(pairs, quote_via=quote_plus if plus else quote)


@st.composite
def urls(draw: st.DrawFn) -> str:
    """An absolute callback URL: scheme, host[:port], path and an optional encoded query."""
    scheme = draw(st.sampled_from(["http", "https"]))
    port = draw(PORT)
    netloc = draw(HOST) + ("" if port is None else f":{port}")
    url = f"{scheme}://{netloc}{draw(PATH)}"
    pairs = draw(PAIRS)
    if pairs:
        url += "?" + encode_query(pairs, draw(st.booleans()))
    return url


def query_keys(url: str) -> set[str]:
    """The decoded keys of the URL's own query."""
    return set(parse_qs(urlsplit(url).query, keep_blank_values=True))


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    """(method, url, params); GET params never share a key with the URL's query."""
    method = draw(st.sampled_from(["GET", "POST"]))
    url = draw(urls())
    if method == "POST":
        return method, url, draw(POST_PARAMS)
    taken = query_keys(url)
    params = draw(FLAT_PARAMS)
    return method, url, {k: v for k, v in params.items() if k not in taken}


def changed(
    data: st.DataObject, text: str, alphabet: st.SearchStrategy[str], min_size: int = 0
) -> str:
    """``text`` with exactly one character replaced, inserted or deleted."""
    kinds = ["insert"]
    if text:
        kinds.append("replace")
    if len(text) > min_size:
        kinds.append("delete")
    kind = data.draw(st.sampled_from(kinds), label="change")
    if kind == "insert":
        at = data.draw(st.integers(0, len(text)), label="at")
        return text[:at] + data.draw(alphabet, label="char") + text[at:]
    at = data.draw(st.integers(0, len(text) - 1), label="at")
    if kind == "delete":
        return text[:at] + text[at + 1 :]
    new = data.draw(alphabet.filter(lambda c: c != text[at]), label="char")
    return text[:at] + new + text[at + 1 :]


def accepted(method: str, url: str, nonce: str, token: str, signature: str, params: Any) -> bool:
    """Whether validation succeeds; it must answer a bool, never raise."""
    result = validate_signature_v3(method, url, nonce, token, signature, params)
    assert isinstance(result, bool)
    return result


# --- the positive side ----------------------------------------------------------------------


def official_format(value: Any) -> Any:
    """The official SDK's string_format: numbers and bools become str, lists item by item."""
    if isinstance(value, (bool, int, float)):
        return str(value)
    if isinstance(value, list):
        return [official_format(item) for item in value]
    return value


def spec_texts(value: Any) -> list[str]:
    """The texts a param value contributes, in signed order."""
    if not isinstance(value, list):
        return [str(official_format(value))]
    items = official_format(value)
    try:
        items = sorted(items)
    except TypeError:  # the official SDK gives up here; the rule chosen: order by item text
        items = sorted(items, key=str)
    return [str(item) for item in items]


def spec_signed_string(method: str, uri: str, params: dict[str, Any]) -> str:
    """The signed URL, written straight from api-facts §7.1 and the official SDK's urlparse."""
    parts = urlparse(uri)
    base = f"{parts.scheme}://{parts.netloc}{parts.path}"
    own = parse_qs(parts.query, keep_blank_values=True)
    merged = {**params, **own} if method == "GET" else own

    query = "&".join("&".join(f"{k}={v}" for v in spec_texts(merged[k])) for k in sorted(merged))

    def post_string(d: dict[str, Any]) -> str:
        out = ""
        for key in sorted(d):
            if isinstance(d[key], dict):
                out += key + post_string(d[key])
            else:
                out += "".join(key + v for v in spec_texts(d[key]))
        return out

    if method == "GET" or not params:
        return f"{base}?{query}" if query else base
    return f"{base}?{query}{'.' if query else ''}{post_string(params)}"


def spec_signature(method: str, uri: str, nonce: str, token: str, params: dict[str, Any]) -> str:
    payload = f"{spec_signed_string(method, uri, params)}.{nonce}".encode()
    return base64.b64encode(hmac.new(token.encode(), payload, hashlib.sha256).digest()).decode()


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN)
def test_signature_matches_the_spec_and_validates(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str
) -> None:
    """The module's signature is §7.1's, and it validates (alone or among other entries)."""
    method, url, params = case
    original = copy.deepcopy(params)
    signature = compute_signature_v3(method, url, nonce, token, params)
    assert signature == spec_signature(method, url, nonce, token, params)
    assert validate_signature_v3(method, url, nonce, token, signature, params)
    assert validate_signature_v3(method, url, nonce, token, f"b3RoZXI=, {signature}", params)
    headers = {"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": nonce}
    assert validate_request_signature_v3(
        method=method, url=url, headers=headers, auth_token=token, params=params
    )
    assert params == original  # the caller's params are left alone


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, fragment=TEXT)
def test_fragment_is_not_signed(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, fragment: str
) -> None:
    """A ``#fragment`` never reaches a server, so it does not change the signature."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    assert validate_signature_v3(method, f"{url}#{fragment}", nonce, token, signature, params)


# --- any single-character change fails ------------------------------------------------------


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_nonce_change_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One character more, less or different in the nonce."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    other = changed(data, nonce, st.characters(codec="utf-8"))
    assert not accepted(method, url, other, token, signature, params)


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_token_change_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One character more, less or different in the auth token."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    other = changed(data, token, TOKEN_CHAR, min_size=1)
    assert not accepted(method, url, nonce, other, signature, params)


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_signature_change_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One character more, less or different in the signature header."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    other = changed(data, signature, SIGNATURE_CHAR)
    assert not accepted(method, url, nonce, token, other, params)
    headers = {"X-Plivo-Signature-V3": other, "X-Plivo-Signature-V3-Nonce": nonce}
    assert not validate_request_signature_v3(
        method=method, url=url, headers=headers, auth_token=token, params=params
    )


def changed_params(
    data: st.DataObject, params: dict[str, Any], reserved: set[str]
) -> dict[str, Any]:
    """``params`` with one character of one key or value (at any depth) changed."""
    assume(params)
    key = data.draw(st.sampled_from(sorted(params)), label="key")
    value = params[key]
    result = dict(params)
    if data.draw(st.booleans(), label="change the key"):
        new_key = changed(data, key, CHAR)
        assume(new_key not in params and new_key not in reserved)
        result[new_key] = result.pop(key)
    elif isinstance(value, dict):
        result[key] = changed_params(data, value, set())
    elif isinstance(value, list):
        at = data.draw(st.integers(0, len(value) - 1), label="item")
        result[key] = [*value[:at], changed(data, value[at], CHAR), *value[at + 1 :]]
    else:
        result[key] = changed(data, value, CHAR)
    return result


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_param_change_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One character of one param key or value (nested dicts and lists included)."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    # A GET param renamed to a key of the URL's query would just be overridden by it.
    reserved = query_keys(url) if method == "GET" else set()
    other = changed_params(data, params, reserved)
    assert not accepted(method, url, nonce, token, signature, other)


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_change_of_scheme_host_or_path_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One character more, less or different anywhere before the query fails, unless it only
    touches the last segment's ``;params``."""
    method, url, params = case
    signature = compute_signature_v3(method, url, nonce, token, params)
    head, mark, query = url.partition("?")
    scheme_end = head.index("://") + 3
    kind = data.draw(st.sampled_from(["replace", "insert", "delete"]), label="change")
    at = data.draw(st.integers(0, len(head) - (0 if kind == "insert" else 1)), label="at")
    # The scheme is case-insensitive: change it only with lower-case letters and digits.
    chars = SCHEME_CHARS if at < scheme_end else PATH_CHARS
    if kind == "insert":
        head = head[:at] + data.draw(st.sampled_from(chars)) + head[at:]
    elif kind == "delete":
        head = head[:at] + head[at + 1 :]
    else:
        head = (
            head[:at]
            + data.draw(st.sampled_from(chars).filter(lambda c: c != head[at]))
            + head[at + 1 :]
        )
    other = head + mark + query
    # Only ";params" of the last segment are outside the signature (urlparse drops them): a
    # change there validates, any other change fails.
    same = signed_head(other) == signed_head(url)
    assert accepted(method, other, nonce, token, signature, params) is same


def signed_head(url: str) -> tuple[str, str, str] | None:
    """The (scheme, netloc, path) that the official SDK's urlparse signs, or None if invalid."""
    try:
        parts = urlparse(url)
    except ValueError:
        return None
    return parts.scheme, parts.netloc, parts.path


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_change_of_the_url_query_fails(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, data: st.DataObject
) -> None:
    """One decoded character of a query key or value, or one raw letter/digit, changed."""
    method, url, params = case
    head, _, query = url.partition("?")
    assume(query)
    signature = compute_signature_v3(method, url, nonce, token, params)
    if data.draw(st.booleans(), label="raw"):
        positions = [i for i, c in enumerate(query) if c in ALNUM]
        assume(positions)
        at = data.draw(st.sampled_from(positions), label="at")
        # Hex digits of a %XX escape are case-insensitive (%b0 is %B0).
        escaped = any(query[i] == "%" for i in range(max(at - 2, 0), at))
        new = data.draw(
            st.sampled_from(ALNUM).filter(
                lambda c: c.lower() != query[at].lower() if escaped else c != query[at]
            ),
            label="char",
        )
        other = f"{head}?{query[:at]}{new}{query[at + 1 :]}"
    else:
        decoded = list(parse_qs(query, keep_blank_values=True).items())
        flat = [(k, v) for k, values in decoded for v in values]
        at = data.draw(st.integers(0, len(flat) - 1), label="pair")
        key, value = flat[at]
        if data.draw(st.booleans(), label="change the key"):
            key = changed(data, key, CHAR, min_size=1)
        else:
            value = changed(data, value, CHAR)
        flat[at] = (key, value)
        other = f"{head}?{encode_query(flat, plus=True)}"
    assert not accepted(method, other, nonce, token, signature, params)


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN, params_text=st.text(PATH_CHAR, max_size=6))
def test_path_params_of_the_last_segment_are_not_signed(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str, params_text: str
) -> None:
    """``;params`` after the last path segment are dropped by urlparse, as Plivo's SDK signs.

    A callback to ``/cb;v=1`` validates with the signature of ``/cb`` (the vector computed by
    hand is in tests/test_signature.py).
    """
    method, url, params = case
    head, mark, query = url.partition("?")
    assume(";" not in head.rsplit("/", 1)[1])
    signature = compute_signature_v3(method, url, nonce, token, params)
    with_params = f"{head};{params_text.replace('/', '')}{mark}{query}"
    assert validate_signature_v3(method, with_params, nonce, token, signature, params)


# --- any JSON body, any bytes ---------------------------------------------------------------

JSON_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(CHAR, max_size=6)
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(CHAR, max_size=5), children, max_size=4)
    ),
    max_leaves=16,
)
JSON_OBJECT = st.dictionaries(st.text(CHAR, max_size=5), JSON_VALUE, max_size=5)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/vnd.plivo+json",
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x",
        "",
    ]
)
HEADER_TEXT = st.text(st.characters(codec="utf-8"), max_size=50)


@st.composite
def request_headers(draw: st.DrawFn, content_type: str) -> list[tuple[str, str]]:
    """Signature headers that may be missing, empty, or junk, plus the content type."""
    headers = [("Content-Type", content_type)]
    for name in ["X-Plivo-Signature-V3", "X-Plivo-Signature-Ma-V3", "X-Plivo-Signature-V3-Nonce"]:
        if draw(st.booleans()):
            headers.append((name, draw(HEADER_TEXT)))
    return headers


@SETTINGS
@given(
    value=JSON_VALUE,
    content_type=CONTENT_TYPES,
    method=st.sampled_from(["GET", "POST", "PUT"]),
    url=urls(),
    data=st.data(),
)
def test_any_json_body_gives_a_bool(
    value: Any, content_type: str, method: str, url: str, data: st.DataObject
) -> None:
    """Any JSON value as the body (or as params), with any headers: a bool, never an error."""
    headers = data.draw(request_headers(content_type), label="headers")
    body = json.dumps(value)
    sources: list[dict[str, Any]] = [{"body": body}, {"body": body.encode()}, {"params": value}]
    for kwargs in sources:
        result = validate_request_signature_v3(
            method=method, url=url, headers=headers, auth_token="token", **kwargs
        )
        assert isinstance(result, bool)
    result = validate_signature_v3(method, url, "nonce", "token", "sig", value)
    assert result is False


@SETTINGS
@given(
    body=st.binary(max_size=200) | st.text(st.characters(codec="utf-8"), max_size=100),
    content_type=CONTENT_TYPES,
    method=st.sampled_from(["GET", "POST"]),
    url=urls(),
    data=st.data(),
)
def test_any_bytes_body_gives_a_bool(
    body: bytes | str, content_type: str, method: str, url: str, data: st.DataObject
) -> None:
    """Arbitrary bytes (not UTF-8, not JSON, anything) under any content type: a bool."""
    headers = data.draw(request_headers(content_type), label="headers")
    result = validate_request_signature_v3(
        method=method, url=url, headers=headers, auth_token="token", body=body
    )
    assert isinstance(result, bool)


def json_headers(signature: str, nonce: str) -> dict[str, str]:
    return {
        "X-Plivo-Signature-V3": signature,
        "X-Plivo-Signature-V3-Nonce": nonce,
        "Content-Type": "application/json",
    }


@SETTINGS
@given(body=JSON_OBJECT, url=urls(), nonce=NONCE, token=TOKEN)
def test_signed_json_body_round_trips(
    body: dict[str, Any], url: str, nonce: str, token: str
) -> None:
    """A body signed by the rules (spec_signed_string) validates, as bytes and as params."""
    signature = spec_signature("POST", url, nonce, token, body)
    assert compute_signature_v3("POST", url, nonce, token, body) == signature
    raw = json.dumps(body).encode()
    assert validate_request_signature_v3(
        method="POST", url=url, headers=json_headers(signature, nonce), auth_token=token, body=raw
    )
    assert validate_signature_v3("POST", url, nonce, token, signature, json.loads(raw))


def string_sites(value: Any, parent_is_dict: bool = True) -> list[tuple[Any, ...]]:
    """Every string of a JSON value that the signature covers: (container, key/index, kind)."""
    sites: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            # A key whose value is an empty list contributes nothing outside a list.
            if not (parent_is_dict and item == []):
                sites.append((value, key, "key"))
            if isinstance(item, str):
                sites.append((value, key, "value"))
            sites.extend(string_sites(item, parent_is_dict))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                sites.append((value, index, "value"))
            sites.extend(string_sites(item, parent_is_dict=False))
    return sites


@SETTINGS
@given(body=JSON_OBJECT, url=urls(), nonce=NONCE, token=TOKEN, data=st.data())
def test_any_json_string_change_fails(
    body: dict[str, Any], url: str, nonce: str, token: str, data: st.DataObject
) -> None:
    """One character of one key or string value, at any depth, changed in a signed body."""
    signature = spec_signature("POST", url, nonce, token, body)
    other = copy.deepcopy(body)
    sites = string_sites(other)
    assume(sites)
    container, where, kind = data.draw(st.sampled_from(sites), label="site")
    if kind == "key":
        new_key = changed(data, where, CHAR)
        assume(new_key not in container)
        container[new_key] = container.pop(where)
    else:
        container[where] = changed(data, container[where], CHAR)
    raw = json.dumps(other).encode()
    assert not validate_request_signature_v3(
        method="POST", url=url, headers=json_headers(signature, nonce), auth_token=token, body=raw
    )


@SETTINGS
@given(pairs=st.lists(st.tuples(TEXT, TEXT), max_size=5), url=urls(), nonce=NONCE, token=TOKEN)
def test_signed_form_body_round_trips(
    pairs: list[tuple[str, str]], url: str, nonce: str, token: str
) -> None:
    """A form body validates under the signature of its decoded fields."""
    body = urlencode(pairs).encode()
    fields = parse_qs(body.decode(), keep_blank_values=True)
    signature = spec_signature("POST", url, nonce, token, fields)
    headers = {
        **json_headers(signature, nonce),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    assert validate_request_signature_v3(
        method="POST", url=url, headers=headers, auth_token=token, body=body
    )


# --- NonceCache against a model -------------------------------------------------------------

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "seen", "discard", "len"]),
        st.sampled_from("abcdefgh"),
        st.sampled_from([0.0, 0.5, 1.0, 3.0]),
    ),
    max_size=60,
)


@SETTINGS
@given(operations=OPERATIONS, max_entries=st.integers(1, 5), ttl=st.sampled_from([1.0, 2.5, 10.0]))
def test_nonce_cache_matches_a_model(
    operations: list[tuple[str, str, float]], max_entries: int, ttl: float
) -> None:
    """Replays are refused within ttl and max_entries; the cap holds after every operation."""
    now = [0.0]
    cache = NonceCache(max_entries=max_entries, ttl=ttl, clock=lambda: now[0])
    model: list[tuple[str, float]] = []  # (nonce, expiry), oldest first
    for operation, nonce, step in operations:
        now[0] += step
        model = [(n, expiry) for n, expiry in model if expiry > now[0]]
        present = any(n == nonce for n, _ in model)
        if operation == "add":
            assert cache.check_and_add(nonce) is not present
            if not present:
                model = [*model, (nonce, now[0] + ttl)][-max_entries:]
        elif operation == "seen":
            assert cache.seen(nonce) is present
        elif operation == "discard":
            cache.discard(nonce)
            model = [(n, expiry) for n, expiry in model if n != nonce]
        assert len(cache) == len(model) <= max_entries
