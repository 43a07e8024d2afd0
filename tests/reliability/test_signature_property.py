"""Property tests of webhook signature v3 (api-facts §7.1) over random URLs, params and tokens.

A signature made by the module validates, matches a literal re-implementation of §7.1, and ANY
single-character change of the URL, a param key or value, the nonce, the token or the signature
makes validation fail. The changes are chosen so that they change the signed content:

- the URL's own query is percent-decoded (``+`` is a space, ``%2b`` is ``%2B``, ``b`` is
  ``b=``, empty ``&&`` pairs vanish) and its scheme is case-insensitive, so raw changes there
  are made on the decoded keys/values, or replace one letter/digit by another;
- the fragment is never sent to a server and is not signed (checked separately);
- for GET, a param whose key is also in the URL's query is overridden by it, so GET params use
  other keys; a key with an empty list of values contributes nothing, so lists are non-empty;
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
from typing import Any
from urllib.parse import parse_qs, quote, quote_plus, urlencode, urlsplit

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from plivo_agentstack.utils import (
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
    """Whether validation succeeds; an input the helper refuses (ValueError) counts as failure."""
    try:
        return validate_signature_v3(method, url, nonce, token, signature, params)
    except ValueError:
        return False


# --- the positive side ----------------------------------------------------------------------


def spec_signed_string(method: str, uri: str, params: dict[str, Any]) -> str:
    """The signed URL, written straight from api-facts §7.1."""
    parts = urlsplit(uri)
    base = f"{parts.scheme}://{parts.netloc}{parts.path}"
    own = parse_qs(parts.query, keep_blank_values=True)
    merged = {**params, **own} if method == "GET" else own

    def values(value: Any) -> list[str]:
        return sorted(value) if isinstance(value, list) else [value]

    query = "&".join(f"{k}={v}" for k in sorted(merged) for v in values(merged[k]))

    def post_string(d: dict[str, Any]) -> str:
        out = ""
        for key in sorted(d):
            if isinstance(d[key], dict):
                out += key + post_string(d[key])
            else:
                out += "".join(key + v for v in values(d[key]))
        return out

    if method == "GET" or not params:
        return f"{base}?{query}" if query else base
    return f"{base}?{query}{'.' if query else ''}{post_string(params)}"


@SETTINGS
@given(case=cases(), nonce=NONCE, token=TOKEN)
def test_signature_matches_the_spec_and_validates(
    case: tuple[str, str, dict[str, Any]], nonce: str, token: str
) -> None:
    """The module's signature is §7.1's, and it validates (alone or among other entries)."""
    method, url, params = case
    original = copy.deepcopy(params)
    payload = f"{spec_signed_string(method, url, params)}.{nonce}".encode()
    expected = base64.b64encode(hmac.new(token.encode(), payload, hashlib.sha256).digest())
    signature = compute_signature_v3(method, url, nonce, token, params)
    assert signature == expected.decode()
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
    """One character more, less or different anywhere before the query."""
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
    assert not accepted(method, head + mark + query, nonce, token, signature, params)


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


def test_path_params_after_a_semicolon_are_signed() -> None:
    """``;params`` are part of the path (urlparse would drop them from the signed string)."""
    token, nonce = "token", "1"
    for method, params in [("GET", None), ("POST", {"a": "b"})]:
        signature = compute_signature_v3(method, "https://h.test/cb;v=1", nonce, token, params)
        for other in ["https://h.test/cb;v=2", "https://h.test/cb", "https://h.test/cb;"]:
            assert not validate_signature_v3(method, other, nonce, token, signature, params)
        assert validate_signature_v3(
            method, "https://h.test/cb;v=1", nonce, token, signature, params
        )
