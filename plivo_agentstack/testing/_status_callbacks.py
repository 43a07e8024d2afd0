"""Message status callbacks of the fake REST API: the fields Plivo sends, signed and delivered.

Plivo calls a message's ``url`` at each status change with form fields (POST, the default) or
query parameters (GET), signed with signature v3 over the account's auth token. The signature is
:func:`plivo_agentstack.utils.compute_signature_v3`, the function the SDK's validator checks
against, so a callback from the fake validates exactly as a real one does.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from typing import Any, Final
from urllib.parse import urlencode

import attrs
import httpx

from plivo_agentstack._transport import env_proxy
from plivo_agentstack.utils import compute_signature_v3

from ._fake_data import _country, _mnc

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

_TIMEOUT: Final = 5.0
"""Seconds a callback may take (connect to answer): an endpoint that hangs cannot stall the fake."""


@attrs.frozen
class _StatusCallback:
    """One callback to send: where (``url``), how (``GET`` or ``POST``) and the fields."""

    url: str
    method: str
    params: dict[str, str]


def _status_callbacks(
    record: Mapping[str, Any], url: str, method: str, when: str
) -> list[_StatusCallback]:
    """The callbacks of ``record``'s current status: one per part (``units``) of the message.

    ``when`` is the time of the status (``MessageTime``). Every part carries the message's own
    uuid as ``MessageUUID`` and ``ParentMessageUUID``; ``ErrorCode`` is empty unless it failed.
    ``MCC``/``MNC`` are those the fake's number lookup gives the destination.
    """
    to = str(record["to_number"])
    country = _country(to)
    units = int(record["units"])
    common = {
        "MessageUUID": str(record["message_uuid"]),
        "ParentMessageUUID": str(record["message_uuid"]),
        "From": str(record.get("from_number") or ""),
        "To": to,
        "Status": str(record["message_state"]),
        "ErrorCode": str(record.get("error_code") or ""),
        "Units": str(units),
        "TotalAmount": str(record["total_amount"]),
        "TotalRate": str(record["total_rate"]),
        "MCC": "" if country is None else country[2][3],
        "MNC": "" if country is None else _mnc(to),
        "MessageTime": when,
        "PowerpackUUID": str(record.get("powerpack_id") or ""),
    }
    return [
        _StatusCallback(
            url, method, {**common, "PartInfo": f"{part} of {units}", "Sequence": str(part)}
        )
        for part in range(1, units + 1)
    ]


def _signed_request(callback: _StatusCallback, auth_token: str) -> httpx.Request:
    """The HTTP request of ``callback``, with the headers Plivo signs it with.

    ``X-Plivo-Signature-V3`` and ``X-Plivo-Signature-Ma-V3`` (the main account's token: the
    fake's account is a main account, so both carry the same signature) and
    ``X-Plivo-Signature-V3-Nonce``, a fresh 20-digit nonce.
    """
    nonce = f"{secrets.randbelow(10**20):020d}"
    if callback.method == "GET":
        url = httpx.URL(callback.url).copy_merge_params(callback.params)
        signature = compute_signature_v3("GET", str(url), nonce, auth_token)
        content, extra = None, {}
    else:
        url = httpx.URL(callback.url)
        signature = compute_signature_v3("POST", str(url), nonce, auth_token, callback.params)
        content = urlencode(callback.params).encode()
        extra = {"Content-Type": "application/x-www-form-urlencoded"}
    headers = {
        "X-Plivo-Signature-V3": signature,
        "X-Plivo-Signature-Ma-V3": signature,
        "X-Plivo-Signature-V3-Nonce": nonce,
        **extra,
    }
    timeout = httpx.Timeout(_TIMEOUT).as_dict()
    return httpx.Request(
        callback.method, url, headers=headers, content=content, extensions={"timeout": timeout}
    )


def _send_callbacks(callbacks: Sequence[_StatusCallback], auth_token: str) -> list[Exception]:
    """Send ``callbacks`` in order; return (and log) the failures instead of raising.

    A failure is an ``httpx.HTTPError``: the endpoint could not be reached or did not answer in
    time, or answered with a status other than 2xx (``httpx.HTTPStatusError``).
    """
    errors: list[Exception] = []
    for callback in callbacks:
        request = _signed_request(callback, auth_token)
        proxy = env_proxy(str(request.url))
        try:
            with httpx.Client(proxy=proxy, trust_env=False) as http:
                http.send(request).raise_for_status()
        except httpx.HTTPError as exc:
            log.warning(
                "message status callback %s %s failed: %s", request.method, request.url, exc
            )
            errors.append(exc)
    return errors
