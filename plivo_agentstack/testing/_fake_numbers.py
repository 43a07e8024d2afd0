"""The fake REST API's phone numbers: search and buy, the account's numbers, and lookup."""

from __future__ import annotations

import copy
import re
import zlib
from collections.abc import Mapping, Sequence
from datetime import timedelta, timezone
from typing import Any

from ._fake_data import (
    _CALLER_NAMES,
    _CARRIERS,
    _INVENTORY,
    _KEYPAD,
    _NUMBER_TYPES,
    _SERVICES,
    _apply_number_update,
    _country,
    _digits,
    _group,
    _is_phone,
    _mnc,
    _number_filters_match,
    _offer_extras,
    _owned_extras,
    _search_filters_match,
    _split_calling_code,
)
from ._fake_http import _ApiError, _Request
from ._fake_paging import _page
from ._fake_state import _FakeState
from ._schema import SchemaError


class _NumbersMixin(_FakeState):
    """Search and buy numbers; list, read, update and release the account's; look numbers up."""

    def _seed_inventory(self) -> dict[str, tuple[str, dict[str, Any]]]:
        inventory: dict[str, tuple[str, dict[str, Any]]] = {}
        for block in _INVENTORY:
            for index in range(block.count):
                number = f"{block.calling_code}{block.first + index}"
                record: dict[str, Any] = {
                    "number": number,
                    "prefix": block.prefix,
                    "city": block.city,
                    "country": block.country,
                    "monthly_rental_rate": block.monthly,
                    "region": block.region,
                    "resource_uri": f"{self._account}/PhoneNumber/{number}/",
                    "restriction": None,
                    "restriction_text": None,
                    "setup_rate": "0.00000",
                    "sms_enabled": block.sms_enabled,
                    "sms_rate": block.sms_rate,
                    "type": block.type,
                    "voice_enabled": block.voice_enabled,
                    "voice_rate": block.voice_rate,
                    **_offer_extras(block),
                }
                if block.lata is not None:
                    record["lata"] = block.lata
                if block.rate_center is not None:
                    record["rate_center"] = block.rate_center
                inventory[number] = (block.iso, record)
        return inventory

    @staticmethod
    def _services_filter(services: str | None) -> list[str]:
        if not services:
            return []
        wanted = [part.strip().lower() for part in services.split(",") if part.strip()]
        unknown = [part for part in wanted if part not in _SERVICES]
        if unknown:
            raise _ApiError(
                400, f"services: unknown service {unknown[0]!r}; use {', '.join(_SERVICES)}"
            )
        return wanted

    @staticmethod
    def _offers(record: Mapping[str, Any], services: Sequence[str]) -> bool:
        for service in services:
            flag = "voice_enabled" if service == "voice" else "sms_enabled"
            if not record.get(flag):
                return False
        return True

    def _op_search_numbers(self, request: _Request) -> Any:
        query = request.query
        country = str(query["country_iso"]).upper()
        if re.fullmatch(r"[A-Z]{2}", country) is None:
            raise _ApiError(
                400,
                f"country_iso: must be a two-letter ISO 3166-1 code, got {query['country_iso']!r}",
            )
        number_type = query.get("type")
        if number_type is not None and number_type not in _NUMBER_TYPES:
            raise _ApiError(
                400, f"type: must be one of {', '.join(_NUMBER_TYPES)}, got {number_type!r}"
            )
        pattern = query.get("pattern")
        regex = None
        if pattern:
            if re.fullmatch(r"[0-9A-Za-z*?]+", pattern) is None:
                raise _ApiError(
                    400, f"pattern: only digits, letters, * and ? allowed, got {pattern!r}"
                )
            regex = re.compile(
                "".join(
                    r"\d" if char in "*?" else _KEYPAD.get(char.upper(), char) for char in pattern
                )
            )
        services = self._services_filter(query.get("services"))
        items = []
        for number, (iso, record) in sorted(self._inventory.items()):
            if iso != country or number in self._owned:
                continue
            if number_type not in (None, "any") and record["type"] != number_type:
                continue
            calling = _split_calling_code(number)
            national = calling[1] if calling else number
            if regex is not None and regex.match(national) is None:
                continue
            if "region" in query and query["region"].lower() not in record["region"].lower():
                continue
            if "city" in query and query["city"].lower() != record["city"].lower():
                continue
            if "lata" in query and record.get("lata") != query["lata"]:
                continue
            if "rate_center" in query and record.get("rate_center") != query["rate_center"]:
                continue
            if not self._offers(record, services):
                continue
            if not _search_filters_match(national, record, query):
                continue
            items.append(record)
        return _page(request, items)

    def _owned_number(self, number: str) -> dict[str, Any]:
        record = self._owned.get(_digits(number))
        if record is None:
            raise _ApiError(404, f"number {number} is not on this account")
        return record

    def _own(
        self,
        digits: str,
        offer: Mapping[str, Any],
        app_id: str | None,
        body: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Put ``digits`` on the account with the details of ``offer`` (an inventory record) and
        the options of a buy request's ``body``."""
        added = self._now().astimezone(timezone.utc).date()
        record = {
            "number": digits,
            "alias": None,
            "application": f"{self._account}/Application/{app_id}/" if app_id else None,
            "carrier": "Plivo",
            "city": offer["city"],
            "country": offer["country"],
            "number_type": offer["type"],
            "monthly_rental_rate": offer["monthly_rental_rate"],
            "region": offer["region"],
            "resource_uri": f"{self._account}/Number/{digits}/",
            "sms_enabled": offer["sms_enabled"],
            "sms_rate": offer["sms_rate"],
            "sub_account": None,
            "voice_enabled": offer["voice_enabled"],
            "voice_rate": offer["voice_rate"],
            "added_on": added.isoformat(),
            "renewal_date": (added + timedelta(days=30)).isoformat(),
            **_owned_extras(offer, body or {}),
        }
        self._owned[digits] = record
        return record

    def _offer(self, digits: str) -> dict[str, Any]:
        """The inventory record of ``digits``, or a free local number of its country."""
        entry = self._inventory.get(digits)
        if entry is not None:
            return dict(entry[1])
        country = _country(digits)
        return {
            "city": "",
            "country": "" if country is None else country[2][2],
            "type": "local",
            "monthly_rental_rate": "0.00000",
            "region": "",
            "sms_enabled": True,
            "sms_rate": "0.00000",
            "voice_enabled": True,
            "voice_rate": "0.00000",
        }

    def _op_add_carrier_numbers(self, request: _Request) -> Any:
        body = request.body
        numbers = [part.strip() for part in body["numbers"].split(",")]
        problems = [
            ("numbers", f"{number!r} is not a valid phone number")
            for number in numbers
            if not _is_phone(number)
        ] + [
            ("numbers", f"{number} is already on this account")
            for number in numbers
            if _is_phone(number) and _digits(number) in self._owned
        ]
        if len(set(map(_digits, numbers))) != len(numbers):
            problems.append(("numbers", "a number is listed twice"))
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        for number in numbers:
            digits = _digits(number)
            offer = {
                **self._offer(digits),
                "region": body["region"],
                "type": body.get("number_type") or "local",
            }
            record = self._own(digits, offer, body.get("app_id"))
            record["carrier"] = body["carrier"]
            record["sub_account"] = body.get("subaccount") or None
        return {"api_id": request.api_id, "message": "changed"}

    def _op_buy_number(self, request: _Request) -> Any:
        number = request.params["number"]
        digits = _digits(number)
        if digits in self._owned:
            raise _ApiError(400, f"number: {number} is already on this account")
        entry = self._inventory.get(digits)
        if entry is None:
            raise _ApiError(404, f"number {number} is not available to buy")
        _, offer = entry
        self._own(digits, offer, (request.body or {}).get("app_id"), request.body)
        return {
            "api_id": request.api_id,
            "message": "created",
            "status": "fulfilled",
            "fallback_number": None,
            "numbers": [{"number": digits, "status": "Success"}],
        }

    def _op_list_numbers(self, request: _Request) -> Any:
        query = request.query
        services = self._services_filter(query.get("services"))
        number_type = query.get("type")
        items = [
            record
            for record in self._owned.values()
            if (number_type in (None, "any") or record["number_type"] == number_type)
            and record["number"].startswith(_digits(str(query.get("number_startswith", ""))))
            and ("subaccount" not in query or record["sub_account"] == query["subaccount"])
            and ("alias" not in query or record["alias"] == query["alias"])
            and self._offers(record, services)
            and _number_filters_match(record, query)
        ]
        items.reverse()  # newest first
        return _page(request, items)

    def _op_get_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        return {"api_id": request.api_id, **copy.deepcopy(record)}

    def _op_update_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        body = request.body
        if "app_id" in body:
            app_id = body["app_id"]
            record["application"] = f"{self._account}/Application/{app_id}/" if app_id else None
        if "subaccount" in body:
            record["sub_account"] = body["subaccount"] or None
        if "alias" in body:
            record["alias"] = body["alias"]
        _apply_number_update(record, body)
        return {"api_id": request.api_id, "message": "changed"}

    def _op_delete_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        del self._owned[record["number"]]
        for agent_uuid, numbers in self._agent_numbers.items():
            self._agent_numbers[agent_uuid] = [n for n in numbers if _digits(n) != record["number"]]
        return None

    # -- lookup ------------------------------------------------------------------------------

    def _op_lookup_number(self, request: _Request) -> Any:
        number = request.params["number"].strip()
        if not _is_phone(number):
            raise _ApiError(400, f"number: {number!r} is not an E.164 phone number")
        lookup_type = request.query.get("type", "carrier")
        if lookup_type not in ("carrier", "caller_name"):
            raise _ApiError(400, f"type: must be 'carrier' or 'caller_name', got {lookup_type!r}")
        digits = _digits(number)
        country = _country(digits)
        if country is None:
            raise _ApiError(404, f"no lookup data for +{digits}: unknown country calling code")
        code, national, (iso2, iso3, name, mcc, trunk) = country
        seed = zlib.crc32(digits.encode())
        carriers = _CARRIERS.get(iso2, (f"{name} Telecom",))
        if code == "1" and national.startswith(("800", "833", "844", "855", "866", "877", "888")):
            line_type = "tollfree"
        elif code == "44":
            line_type = "mobile" if national.startswith("7") else "fixed"
        else:
            line_type = ("mobile", "mobile", "fixed", "voip")[seed % 4]
        if code == "1":
            national_format = f"({national[:3]}) {national[3:6]}-{national[6:]}"
            international = f"+1 {national[:3]}-{national[3:6]}-{national[6:]}"
            rfc3966 = f"tel:+1-{national[:3]}-{national[3:6]}-{national[6:]}"
        else:
            national_format = trunk + _group(national, " ")
            international = f"+{code} {_group(national, ' ')}"
            rfc3966 = f"tel:+{code}-{_group(national, '-')}"
        result: dict[str, Any] = {
            "api_id": request.api_id,
            "phone_number": f"+{digits}",
            "country": {"iso2": iso2, "iso3": iso3, "name": name, "code": code},
            "format": {
                "e164": f"+{digits}",
                "national": national_format,
                "international": international,
                "rfc3966": rfc3966,
            },
            "carrier": {
                "name": carriers[seed % len(carriers)],
                "type": line_type,
                "mobile_country_code": mcc,
                "mobile_network_code": _mnc(digits) if line_type == "mobile" else "",
                "ported": "yes" if seed % 5 == 0 else "no",
            },
            "resource_uri": f"/v1/Number/+{digits}?type={lookup_type}",
        }
        if lookup_type == "caller_name":
            result["caller_name"] = {"name": _CALLER_NAMES[seed % len(_CALLER_NAMES)]}
        return result
