"""The fake REST API's messages and their media (``_op_*`` handlers), and their lifecycle.

An outbound message is ``queued`` when created; each step (``FakePlivo.advance_messages``) moves
it to ``sent`` and then ``delivered``, or from ``queued`` to ``failed`` with the error code
``FakePlivo.fail_next_delivery`` gave it. A message created with a ``url`` gets a signed status
callback for each status, ``queued`` included (``_status_callbacks``).
"""

from __future__ import annotations

import copy
import math
import mimetypes
import re
import uuid
import zlib
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, Final

import httpx

from ._fake_data import (
    _RATES,
    _digits,
    _fields_equal,
    _is_phone,
    _message_extras,
    _message_filters_match,
    _parse_time,
)
from ._fake_http import _ApiError, _Request
from ._fake_paging import _page
from ._fake_state import _FakeState
from ._fake_whatsapp import _whatsapp_problems
from ._schema import SchemaError
from ._status_callbacks import _status_callbacks, _StatusCallback

_SENDER_ID: Final = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}")
_CALLBACK_METHODS: Final = ("GET", "POST")


class _MessagesMixin(_FakeState):
    """Send, read and list messages, and list a message's media."""

    def _store_message(
        self,
        *,
        direction: str,
        state: str,
        type_: str,
        src: str | None,
        dst: str,
        content: dict[str, Any],
        powerpack: str | None,
    ) -> str:
        message_uuid = str(uuid.uuid4())
        text = content.get("text") or ""
        if type_ == "sms":
            per_unit = 70 if any(ord(char) > 127 for char in text) else 160
            units = max(1, math.ceil(len(text) / per_unit))
        else:
            units = 1
        rate = _RATES[type_] if direction == "outbound" else 0.0
        record: dict[str, Any] = {
            "error_code": None,
            "to_number": _digits(dst),
            "message_direction": direction,
            "message_state": state,
            "message_type": type_,
            "message_uuid": message_uuid,
            "message_time": self._message_time(),
            "resource_uri": f"{self._account}/Message/{message_uuid}/",
            "total_amount": f"{rate * units:.5f}",
            "total_rate": f"{rate:.5f}",
            "units": units,
        }
        if src:
            record["from_number"] = _digits(src)
        if powerpack:
            record["powerpack_id"] = powerpack
        if direction == "outbound":
            record["requester_ip"] = "127.0.0.1"
        record.update(_message_extras(record, content))
        media = [
            self._media_item(message_uuid, url=url) for url in content.get("media_urls") or []
        ] + [
            self._media_item(message_uuid, media_id=media_id)
            for media_id in content.get("media_ids") or []
        ]
        self._messages[message_uuid] = record
        self._message_content[message_uuid] = copy.deepcopy(content)
        self._media[message_uuid] = media
        return message_uuid

    def _message_time(self) -> str:
        """The current time as message records and status callbacks write it."""
        return self._now().astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00:00")

    def _media_item(
        self, message_uuid: str, *, url: str | None = None, media_id: str | None = None
    ) -> dict[str, Any]:
        uploaded = self._uploads.get(media_id or "")
        if uploaded is not None:  # sent by media_id after client.media.upload()
            return {
                **{key: uploaded[key] for key in ("media_id", "content_type", "media_url", "size")},
                "message_uuid": message_uuid,
            }
        media_id = media_id or str(uuid.uuid4())
        if url is None:
            url = f"https://media.plivo.com{self._account}/Media/{media_id}/"
            content_type = "application/octet-stream"
        else:
            guessed, _ = mimetypes.guess_type(url.split("?", 1)[0])
            content_type = guessed or "application/octet-stream"
        return {
            "media_id": media_id,
            "content_type": content_type,
            "media_url": url,
            "size": 1024 + zlib.crc32(url.encode()) % 500_000,
            "message_uuid": message_uuid,
        }

    def _op_create_message(self, request: _Request) -> Any:
        body = request.body
        type_ = body.get("type", "sms")
        destinations = [part.strip() for part in body["dst"].split("<")]
        problems = [
            ("dst", f"{number!r} is not a valid phone number")
            for number in destinations
            if not _is_phone(number)
        ]
        if body.get("src"):
            problems.extend(self._sender_problems(body["src"], type_))
        elif not body.get("powerpack_uuid"):
            problems.append(("src", "required unless powerpack_uuid is given"))
        problems.extend(_callback_problems(body))
        has_media = bool(body.get("media_urls") or body.get("media_ids"))
        if type_ == "sms":
            if body.get("text") is None:
                problems.append(("text", "required for sms messages"))
            if has_media:
                problems.append(("media_urls", "not allowed for sms messages; use type mms"))
        elif type_ == "mms" and not has_media:
            problems.append(("media_urls", "mms messages need media_urls or media_ids"))
        elif type_ == "whatsapp" and not any(
            body.get(key) for key in ("text", "template", "interactive", "location")
        ):
            if not has_media:
                problems.append(
                    (
                        "text",
                        "whatsapp messages need text, media, template, interactive or location",
                    )
                )
        if type_ == "whatsapp":
            problems.extend(_whatsapp_problems(body))
        else:
            problems.extend(
                (key, "only allowed for whatsapp messages")
                for key in ("template", "interactive", "location")
                if body.get(key) is not None
            )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        content = {key: value for key, value in body.items() if key not in ("dst", "src", "type")}
        if "method" in content:
            content["method"] = content["method"].upper()
        uuids = [
            self._store_message(
                direction="outbound",
                state="queued",
                type_=type_,
                src=body.get("src"),
                dst=destination,
                content=content,
                powerpack=body.get("powerpack_uuid"),
            )
            for destination in destinations
        ]
        for message_uuid in uuids:
            failure = self._delivery_faults.popleft() if self._delivery_faults else None
            self._in_flight[message_uuid] = failure
            when = self._messages[message_uuid]["message_time"]
            self._outbox.extend(self._callbacks_of(message_uuid, when))
        return {"api_id": request.api_id, "message": "message(s) queued", "message_uuid": uuids}

    def _sender_problems(self, src: str, type_: str) -> list[tuple[str, str]]:
        """Why the account cannot send from ``src`` (a number it owns, or a sender ID)."""
        if not _is_phone(src):
            if _SENDER_ID.fullmatch(src) is None:
                return [
                    (
                        "src",
                        f"{src!r} is neither an E.164 number nor an alphanumeric sender ID "
                        "(1-11 letters, digits or spaces)",
                    )
                ]
            return []
        owned = self._owned.get(_digits(src))
        if owned is None:
            return [
                (
                    "src",
                    f"{src} is not a number on this account: buy it (numbers.buy) or send "
                    "with powerpack_uuid",
                )
            ]
        if type_ in ("sms", "mms") and not owned["sms_enabled"]:
            return [("src", f"{src} is not SMS-enabled: send {type_} from another number")]
        return []

    def _callbacks_of(self, message_uuid: str, when: str) -> list[_StatusCallback]:
        """The callbacks of a message's status, set at ``when`` (none without a ``url``)."""
        content = self._message_content[message_uuid]
        url = content.get("url")
        if not url:
            return []
        method = content.get("method") or "POST"
        return _status_callbacks(self._messages[message_uuid], url, method, when)

    def _step_messages(self) -> tuple[dict[str, str], list[_StatusCallback]]:
        """Move each message in flight one status on: ``{message_uuid: status}`` and callbacks.

        The callbacks are those still owed (``queued`` of messages created since the last
        step) followed by those of the new statuses, in the order the messages were created.
        """
        callbacks, self._outbox = self._outbox, []
        moved: dict[str, str] = {}
        when = self._message_time()
        for message_uuid, failure in list(self._in_flight.items()):
            record = self._messages[message_uuid]
            if record["message_state"] == "sent":
                record["message_state"] = "delivered"
            elif failure is not None:
                record["message_state"] = "failed"
                record["error_code"] = failure
            else:
                record["message_state"] = "sent"
                record["message_sent_time"] = when
            record["message_updated_time"] = when
            if record["message_state"] != "sent":
                del self._in_flight[message_uuid]
            moved[message_uuid] = record["message_state"]
            callbacks.extend(self._callbacks_of(message_uuid, when))
        return moved, callbacks

    def _message(self, message_uuid: str) -> dict[str, Any]:
        record = self._messages.get(message_uuid)
        if record is None:
            raise _ApiError(404, f"message {message_uuid!r} not found")
        return record

    def _op_get_message(self, request: _Request) -> Any:
        record = self._message(request.params["message_uuid"])
        return {"api_id": request.api_id, **copy.deepcopy(record)}

    def _op_list_messages(self, request: _Request) -> Any:
        query = request.query
        bounds: list[tuple[str, datetime]] = [
            (name, _parse_time(name, query[name]))
            for name in ("message_time__gt", "message_time__gte", "message_time__lt",
                         "message_time__lte")
            if name in query
        ]  # fmt: skip

        def matches(record: Mapping[str, Any]) -> bool:
            if not _fields_equal(
                record,
                query,
                (
                    "message_direction",
                    "message_state",
                    "message_type",
                    "powerpack_id",
                    "subaccount",
                    "conversation_id",
                    "conversation_origin",
                ),
            ):
                return False
            for key in ("from_number", "to_number"):
                if key in query and record.get(key) != _digits(str(query[key])):
                    return False
            if "error_code" in query and record.get("error_code") != str(query["error_code"]):
                return False
            if not _message_filters_match(record, query):
                return False
            when = _parse_time("message_time", record["message_time"])
            for name, bound in bounds:
                op = name.rsplit("__", 1)[1]
                if not {
                    "gt": when > bound,
                    "gte": when >= bound,
                    "lt": when < bound,
                    "lte": when <= bound,
                }[op]:
                    return False
            return True

        items = [record for record in self._messages.values() if matches(record)]
        items = sorted(items, key=lambda record: str(record["message_time"]))
        items.reverse()  # newest first
        return _page(request, items)

    def _op_list_message_media(self, request: _Request) -> Any:
        message_uuid = self._message(request.params["message_uuid"])["message_uuid"]
        media = copy.deepcopy(self._media[message_uuid])
        return {"api_id": request.api_id, "message_uuid": message_uuid, "objects": media}


def _callback_problems(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with a message's status callback ``url`` and ``method``."""
    problems: list[tuple[str, str]] = []
    url = body.get("url")
    if url is not None:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
            problems.append(("url", f"must be an absolute http:// or https:// URL, got {url!r}"))
    method = body.get("method", "POST")
    if method.upper() not in _CALLBACK_METHODS:
        problems.append(("method", f"must be GET or POST, got {method!r}"))
    return problems
